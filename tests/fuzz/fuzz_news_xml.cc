// libFuzzer target: NITF / NewsML-G2 / feeds (news_xml.h). Entity bombs show
// up as -rss_limit_mb or -timeout failures. (External entities are checked by
// tests/e2e/hostile_test.cc, not here: a check for a file's text teaches
// libFuzzer's comparison tracing that very text, and it then writes it.)
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extract/news_xml.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  morgue::fuzz::check_extraction(morgue::parse_news_xml(bytes, "fuzz.xml"));
  return 0;
}
