// libFuzzer target: plain-text articles in the seed layout (text_article.h),
// fed the way extract.cc feeds them (BOM stripped, decoded to UTF-8).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "extract/encoding.h"
#include "extract/text_article.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string charset;
  std::string_view rest = morgue::strip_bom(bytes, &charset);
  morgue::fuzz::check_extraction(morgue::parse_text_article(morgue::to_utf8(rest, charset), "fuzz.txt"));
  return 0;
}
