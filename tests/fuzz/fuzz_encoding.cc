// libFuzzer target: charset decoding and UTF-8 repair (encoding.h), which
// every parser runs first. Input: a charset name, a NUL byte, then the bytes.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "extract/encoding.h"
#include "fuzz_check.h"

namespace {

// What repair_utf8 drops on purpose: NUL, C0 controls other than \t \n \r, and DEL.
bool dropped(char c) {
  auto u = static_cast<unsigned char>(c);
  return (u < 0x20 && c != '\t' && c != '\n' && c != '\r') || u == 0x7F;
}

}  // namespace

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
  if (morgue::is_valid_utf8(bytes) && std::none_of(bytes.begin(), bytes.end(), dropped) && repaired != bytes) {
    morgue::fuzz::fail("repair_utf8 changed valid UTF-8 text", bytes);
  }
  std::string bom;
  std::string_view rest = morgue::strip_bom(bytes, &bom);
  if (rest.size() > bytes.size()) morgue::fuzz::fail("strip_bom grew the input", bytes);
  (void)morgue::looks_binary(bytes);
  return 0;
}
