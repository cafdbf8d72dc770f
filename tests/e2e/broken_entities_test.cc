// End-to-end: a text article whose HTML entities lost their "&" (see
// common/src/extract/broken_entities.h) is stored, indexed and shown with
// real quotation marks, apostrophes and dashes. The story is written for
// this test.
#include <filesystem>
#include <fstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "support/run.h"
#include "support/temp_dir.h"

namespace morgue {
namespace {

using nlohmann::json;
using testing_support::run;
using testing_support::sh_quote;
using testing_support::TempDir;

const std::string kIndex = MORGUE_INDEX_BIN;
const std::string kSearch = MORGUE_SEARCH_BIN;

class BrokenEntitiesTest : public testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::create_directories(dir_ / "in");
    std::ofstream(dir_ / "in" / "harbour.txt")
        << "Mar 3, 2023 - World\n\n"
           "Harbour board says quot;not yetquot; to Pell#39;s wall\n\n"
           "The harbour board chair Orla Brenn said quot;we will win the vote on Tuesdayquot; and told "
           "reporters it#39;s over for the old plan. The board  #151; eleven members in all  #151; met "
           "for three hours.\n";
    auto r = run(kIndex + " --quiet --no-people --db " + sh_quote(db()) + " " + sh_quote((dir_ / "in").string()) +
                 " 2>&1");
    ASSERT_EQ(r.exit_code, 0) << r.out;
  }

  std::string db() const { return (dir_ / "db").string(); }

  json search(const std::string& query) {
    auto r = run(kSearch + " --db " + sh_quote(db()) + " --json " + sh_quote(query));
    EXPECT_EQ(r.exit_code, 0) << query << "\n" << r.out;
    return json::parse(r.out);
  }

  TempDir dir_;
};

TEST_F(BrokenEntitiesTest, StoredAndShownMended) {
  json j = search("vote");
  ASSERT_EQ(j["results"].size(), 1u) << j.dump();
  const json& hit = j["results"][0];
  EXPECT_EQ(hit["title"], "Harbour board says \"not yet\" to Pell's wall");
  // The snippet is HTML: a real quotation mark is "&quot;", an apostrophe "&#39;".
  const std::string snippet = hit["snippet"];
  EXPECT_NE(snippet.find("said &quot;we will win the <mark>vote</mark> on Tuesday&quot; and told reporters "
                         "it&#39;s over"),
            std::string::npos)
      << snippet;
  EXPECT_NE(snippet.find("board \xE2\x80\x94 eleven members in all \xE2\x80\x94 met"), std::string::npos) << snippet;
}

TEST_F(BrokenEntitiesTest, PhrasesFindTheWordsAcrossAMendedQuote) {
  for (const char* phrase : {"\"said we will win\"", "\"it's over\"", "\"tuesday and told\"", "\"says not yet to\""}) {
    json j = search(phrase);
    EXPECT_EQ(j["results"].size(), 1u) << phrase << "\n" << j.dump();
  }
}

}  // namespace
}  // namespace morgue
