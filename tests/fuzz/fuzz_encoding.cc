// libFuzzer target: charset decoding and UTF-8 repair (encoding.h), which
// every parser runs first. Input: a charset name, a NUL byte, then the bytes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "morgue/encoding.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  std::string_view charset, bytes = input;
  if (auto nul = input.find('\0'); nul != std::string_view::npos && nul < 40) {
    charset = input.substr(0, nul);
    bytes = input.substr(nul + 1);
  }
  using morgue::fuzz::check_utf8;
  check_utf8("to_utf8 output is not UTF-8", morgue::to_utf8(bytes, charset));
  std::string repaired = morgue::repair_utf8(bytes);
  check_utf8("repair_utf8 output is not UTF-8", repaired);
  if (morgue::is_valid_utf8(bytes) && bytes.find_first_of(std::string_view("\0\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f", 29)) == std::string_view::npos &&
      repaired != bytes) {
    morgue::fuzz::fail("repair_utf8 changed valid UTF-8 text", bytes);
  }
  std::string bom;
  std::string_view rest = morgue::strip_bom(bytes, &bom);
  if (rest.size() > bytes.size()) morgue::fuzz::fail("strip_bom grew the input", bytes);
  (void)morgue::looks_binary(bytes);
  return 0;
}
