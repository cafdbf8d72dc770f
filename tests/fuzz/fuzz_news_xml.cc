// libFuzzer target: NITF / NewsML-G2 / feeds (news_xml.h). Entity bombs and
// external entities must neither expand nor load; -rss_limit_mb catches the
// first, the sandbox-free run the second (a DTD naming /etc/passwd must not
// put its text in an article).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "morgue/news_xml.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  morgue::Extraction e = morgue::parse_news_xml(bytes, "fuzz.xml");
  morgue::fuzz::check_extraction(e);
  for (const auto& a : e.articles) {
    if (a.body.find("root:x:0:0:") != std::string::npos) morgue::fuzz::fail("external entity was loaded", a.body);
  }
  return 0;
}
