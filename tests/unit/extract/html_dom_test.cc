// html::parse_document on large pages: the push parser (bounded buffers)
// builds the same tree as reading the page whole. Markup written for this test.
#include "extract/html_dom.h"

#include <gtest/gtest.h>

#include <limits>
#include <string>

namespace morgue::html {
namespace {

// About `bytes` of paragraphs with the things that straddle chunk
// boundaries: entities, attributes, comments, scripts, multi-byte UTF-8.
std::string large_page(std::size_t bytes) {
  std::string page = "<!DOCTYPE html><html><head><title>Harbour log</title></head><body><article>\n";
  for (int i = 0; page.size() < bytes; ++i) {
    page += "<p class=\"para p" + std::to_string(i) + "\">The harbour &amp; the caf\xC3\xA9 opened at dawn, entry " +
            std::to_string(i) + ".<!-- note --> <b>Boats</b> left &lt;early&gt;.</p>\n";
    if (i % 97 == 0) page += "<script>var x = '<p>not text</p>';</script>\n";
  }
  return page + "</article></body></html>\n";
}

std::string all_text(const DocPtr& doc) {
  const std::size_t all = std::numeric_limits<std::size_t>::max();
  return doc ? text_of(xmlDocGetRootElement(doc.get()), all, all) : "(no document)";
}

TEST(HtmlDom, LargePageParsedInChunksGivesTheSameTree) {
  const std::string page = large_page(kPushParseFromBytes + 3 * kParseChunkBytes + 123);
  DocPtr pushed = parse_document(page, "UTF-8");
  ASSERT_TRUE(pushed);
  DocPtr whole(htmlReadMemory(page.data(), static_cast<int>(page.size()), nullptr, "UTF-8",
                              HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                                  HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT));
  const std::string text = all_text(pushed);
  EXPECT_EQ(text, all_text(whole));
  EXPECT_NE(text.find("the caf\xC3\xA9 opened"), std::string::npos);
  EXPECT_EQ(text.find("not text"), std::string::npos);
}

TEST(HtmlDom, LargeMalformedPageIsStillRead) {
  // An unclosed quote in the DOCTYPE: the push parser loses the page, so it
  // is read whole.
  std::string page = "<!doctype html public \"-//W3C//DTD HTML 4.0 Transitional//EN\" \"http://www.w3.org/TR/REC-h";
  page += large_page(kPushParseFromBytes + 10).substr(15);
  EXPECT_NE(all_text(parse_document(page, "UTF-8")).find("Boats left"), std::string::npos);
}

}  // namespace
}  // namespace morgue::html
