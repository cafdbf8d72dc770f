// The document data store/ writes (store/stored_article.h): it carries its
// format version, reads back every field, and documents written before the
// version existed still read. The public JSON is printer_test.cc's business.
#include "store/stored_article.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "morgue/document.h"
#include "morgue/schema.h"

namespace morgue {
namespace {

using nlohmann::json;

Article full_article() {
  Article a;
  a.source = "/archive/a.xml";
  a.key = "item-2";
  a.url = "https://example.org/a";
  a.title = "Lavrov wants talks";
  a.title_from_body = true;
  a.date = Date{2022, 2, 14};
  a.timestamp = "2022-02-14T09:30:00Z";
  a.section = "World/Europe";
  a.authors = {"Ann Lee"};
  a.people = {"Sergey Lavrov"};
  a.subjects = {"Diplomacy"};
  a.dateline = "MOSCOW";
  a.language = "en";
  a.captions = {"Harbour at dusk."};
  a.body = "One.\n\nTwo.";
  return a;
}

void expect_same_article(const Article& got, const Article& want) {
  EXPECT_EQ(got.source, want.source);
  EXPECT_EQ(got.key, want.key);
  EXPECT_EQ(got.url, want.url);
  EXPECT_EQ(got.title, want.title);
  EXPECT_EQ(got.title_from_body, want.title_from_body);
  ASSERT_EQ(got.date.has_value(), want.date.has_value());
  if (got.date) {
    EXPECT_EQ(got.date->iso(), want.date->iso());
  }
  EXPECT_EQ(got.timestamp, want.timestamp);
  EXPECT_EQ(got.section, want.section);
  EXPECT_EQ(got.authors, want.authors);
  EXPECT_EQ(got.people, want.people);
  EXPECT_EQ(got.subjects, want.subjects);
  EXPECT_EQ(got.dateline, want.dateline);
  EXPECT_EQ(got.language, want.language);
  EXPECT_EQ(got.captions, want.captions);
  EXPECT_EQ(got.body, want.body);
}

TEST(StoredArticle, CarriesItsFormatVersion) {
  const Xapian::Document doc = make_document(full_article(), "1");
  json data = json::parse(doc.get_data());
  ASSERT_TRUE(data.contains(kStoredVersionKey));
  EXPECT_EQ(data[kStoredVersionKey], kStoredArticleVersion);
  EXPECT_EQ(kStoredArticleVersion, 1);
  // The body lives in its value slot, not twice.
  EXPECT_FALSE(data.contains("body"));
  EXPECT_EQ(doc.get_value(schema::kSlotBody), full_article().body);
}

TEST(StoredArticle, EveryFieldReadsBack) {
  expect_same_article(article_from_document(make_document(full_article(), "1")), full_article());
  Article bare;
  bare.source = "flash.txt";
  expect_same_article(article_from_document(make_document(bare, "2")), bare);
}

// Exactly what make_document stored before the format had a version (up to
// commit bc30644): no "v" key, the body in kSlotBody. Existing databases hold
// such documents and must keep working.
TEST(StoredArticle, ReadsDataWrittenBeforeTheVersion) {
  Xapian::Document doc;
  doc.set_data(
      R"({"authors":["Ann Lee"],"captions":["Harbour at dusk."],"date":"2022-02-14","dateline":"MOSCOW",)"
      R"("key":"item-2","language":"en","people":["Sergey Lavrov"],"section":"World/Europe",)"
      R"("source":"/archive/a.xml","subjects":["Diplomacy"],"timestamp":"2022-02-14T09:30:00Z",)"
      R"("title":"Lavrov wants talks","title_from_body":true,"url":"https://example.org/a"})");
  doc.add_value(schema::kSlotBody, "One.\n\nTwo.");
  expect_same_article(article_from_document(doc), full_article());
}

// The oldest databases kept the body in the data, and had no body slot.
TEST(StoredArticle, ReadsTheBodyFromTheOldestData) {
  Xapian::Document doc;
  doc.set_data(R"({"source":"a.txt","url":"","title":"T","date":null,"section":"","authors":[],"people":[],)"
               R"("body":"Old body."})");
  Article a = article_from_document(doc);
  EXPECT_EQ(a.body, "Old body.");
  EXPECT_FALSE(a.date.has_value());
}

TEST(StoredArticle, RefusesDataFromANewerFormat) {
  Xapian::Document doc;
  doc.set_data(R"({"v":2,"source":"a.txt"})");
  EXPECT_THROW(article_from_document(doc), Xapian::DatabaseVersionError);
}

TEST(StoredArticle, DamagedDataIsACorruptDatabase) {
  for (const char* data : {"", "\x01\x02garbage", "[1,2]", R"({"v":"1","source":"a.txt"})", R"({"v":0})"}) {
    EXPECT_THROW(decode_stored_article(data), Xapian::DatabaseCorruptError) << data;
  }
  // A damaged date is no date, not an error.
  EXPECT_FALSE(decode_stored_article(R"({"date":"ab22-01-01"})").date.has_value());
}

}  // namespace
}  // namespace morgue
