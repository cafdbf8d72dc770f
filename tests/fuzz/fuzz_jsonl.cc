// libFuzzer target: JSON Lines exports (jsonl.h).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extract/jsonl.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  morgue::fuzz::check_extraction(morgue::parse_json_lines(bytes, "fuzz.jsonl"));
  return 0;
}
