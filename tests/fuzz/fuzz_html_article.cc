// libFuzzer target: HTML news pages (html_article.h), raw bytes in any charset.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extract/html_article.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  morgue::fuzz::check_extraction(morgue::parse_html_article(bytes, "fuzz.html"));
  return 0;
}
