// End-to-end: which version heads each group of wire copy (store/duplicates.h)
// does not depend on how many workers indexed the stories.
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "morgue/schema.h"
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

const std::string kStrikeBody =
    "The harbour strike ended on Monday after nine weeks, when dock workers voted to accept a pay offer of four "
    "per cent a year for three years. Cranes moved again by the afternoon, and the port authority said the "
    "backlog of ships waiting in the bay would be cleared within a fortnight. Union leaders called the deal fair "
    "but said talks on night shifts would go on.";

// A word of two to four syllables of our own, chosen by `n`.
std::string made_up_word(unsigned n) {
  static const char* const kSyllables[] = {"ka", "ro", "ven", "tul", "mi", "sor", "da", "lek", "pa", "nu",
                                           "bri", "ost", "fa", "gel", "hu", "zan"};
  const unsigned syllables = 2 + n % 3;
  n /= 3;
  std::string word;
  for (unsigned k = 0; k < syllables; ++k, n /= 16) word += kSyllables[n % 16];
  return word;
}

// Id -> version group key (schema::kSlotDupGroup) of every story of `db`, via xapian-delve.
std::map<std::string, std::string> groups_by_id(const std::string& db) {
  auto slot = [&](Xapian::valueno no) {
    auto r = run("xapian-delve -1 -V" + std::to_string(no) + " " + sh_quote(db) + " 2>&1");
    EXPECT_EQ(r.exit_code, 0) << r.out;
    std::map<std::string, std::string> by_docid;
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);) {
      const auto colon = line.find(':');
      if (colon != std::string::npos && line.rfind("Value ", 0) != 0) by_docid[line.substr(0, colon)] = line.substr(colon + 1);
    }
    return by_docid;
  };
  const auto ids = slot(schema::kSlotId), groups = slot(schema::kSlotDupGroup);
  std::map<std::string, std::string> out;
  for (const auto& [docid, id] : ids) out[id] = groups.count(docid) ? groups.at(docid) : "";
  return out;
}

// A parallel first build (--jobs 2, past the 200 files that start one) and a
// serial one (--jobs 1) of the same files give every story the same version
// group, keyed by the version a serial build meets first: files in path
// order, a file's stories in order. The first version here is the first line
// of in/a/wire.jsonl, which the walk reaches last (a folder's files come
// before its subfolders), so a parallel build numbers it after the others.
TEST(VersionGroups, ParallelFirstBuildHeadsGroupsAsASerialBuild) {
  TempDir dir;
  const auto in = dir.path() / "in";
  std::filesystem::create_directories(in / "a");
  const std::string& body = kStrikeBody;
  std::ofstream(in / "a" / "wire.jsonl")
      << json{{"id", "w1"}, {"title", "Harbour strike ends (wire 1)"}, {"date", "1987-03-02"}, {"body", body}}.dump()
      << "\n"
      << json{{"id", "w2"}, {"title", "Harbour strike ends (wire 2)"}, {"date", "1987-03-02"},
              {"body", body + " Shipping lines welcomed it."}}.dump()
      << "\n";
  for (int k = 1; k <= 9; ++k) {
    std::ofstream(in / ("harbour-" + std::to_string(k) + ".txt"))
        << "Mar " << k + 2 << ", 1987 - World\n\nHarbour strike ends (desk " << k << ")\n\n"
        << body << (k % 3 == 0 ? " Updated at " + std::to_string(k) + " o'clock." : "") << "\n";
  }
  for (int i = 0; i < 230; ++i) {
    std::ofstream(in / ("filler-" + std::to_string(i) + ".txt"))
        << "Apr 1, 1987 - Business\n\nGrain report " << i << "\n\nWheat stocks stood at " << i
        << " thousand tonnes in week " << i << ", the grain board reported to farmers in region " << i * 7 << ".\n";
  }
  std::map<std::string, std::map<std::string, std::string>> groups;
  for (const std::string jobs : {"1", "2"}) {
    const std::string db = (dir.path() / ("db" + jobs)).string();
    auto r = run(kIndex + " --quiet --json --no-people --jobs " + jobs + " --db " + sh_quote(db) + " " +
                 sh_quote(in.string()) + " 2>&1");
    ASSERT_EQ(r.exit_code, 0) << r.out;
    EXPECT_EQ(json::parse(r.out)["documents"], 241);
    EXPECT_EQ(json::parse(r.out).value("merge_seconds", 0.0) > 0, jobs == "2") << r.out;  // a parallel build
    groups[jobs] = groups_by_id(db);
  }
  auto s = run(kSearch + " --db " + sh_quote((dir.path() / "db2").string()) + " --json --all-versions -n 20 " +
               sh_quote("harbour strike"));
  ASSERT_EQ(s.exit_code, 0) << s.out;
  std::map<std::string, std::string> id_of;  // headline -> id
  const json found = json::parse(s.out);
  for (const auto& hit : found["results"]) id_of[hit["title"].get<std::string>()] = hit["id"].get<std::string>();
  ASSERT_EQ(id_of.size(), 11u) << s.out;
  for (const auto& [title, id] : id_of) EXPECT_EQ(groups["2"][id], id_of["Harbour strike ends (wire 1)"]) << title;
  EXPECT_EQ(groups["2"], groups["1"]);
}

// A nightly run with two workers (the database exists, so one writer applies
// what the workers make) files new stories as one worker would: in path
// order. The first version in path order is the first line of
// in/day2/a-wire.jsonl, a file of thousands of stories that one worker is
// still reading while the other has made the small desk files; they wait
// for it, and it heads the group.
TEST(VersionGroups, IncrementalRunWithTwoWorkersHeadsGroupsAsOneWorker) {
  TempDir dir;
  const auto in = dir.path() / "in";
  std::filesystem::create_directories(in / "day1");
  std::ofstream(in / "day1" / "market.txt") << "Mar 1, 1987 - Business\n\nFish market opens\n\nThe new fish "
                                               "market of Tessby opened on Sunday with forty stalls.\n";
  auto index = [&](const std::string& db, const std::string& jobs) {
    auto r = run(kIndex + " --quiet --json --no-people --jobs " + jobs + " --db " + sh_quote(db) + " " +
                 sh_quote(in.string()) + " 2>&1");
    EXPECT_EQ(r.exit_code, 0) << r.out;
    return json::parse(r.out);
  };
  const std::string serial = (dir.path() / "db1").string(), parallel = (dir.path() / "db2").string();
  index(serial, "1");
  index(parallel, "1");

  std::filesystem::create_directories(in / "day2");
  {
    std::ofstream wire(in / "day2" / "a-wire.jsonl");
    wire << json{{"id", "w1"}, {"title", "Harbour strike ends (wire 1)"}, {"date", "1987-03-02"},
                 {"body", kStrikeBody}}.dump()
         << "\n";
    // Stories of words drawn at random (seeded): no two alike.
    std::minstd_rand draw(7);
    for (int i = 0; i < 6000; ++i) {
      std::string text = "Grain report";
      for (int w = 0; w < 30; ++w) text += " " + made_up_word(static_cast<unsigned>(draw()));
      wire << json{{"id", "g" + std::to_string(i)}, {"title", "Grain report " + std::to_string(i)},
                   {"date", "1987-04-01"}, {"body", text + "."}}.dump()
           << "\n";
    }
  }
  for (int k = 1; k <= 6; ++k) {
    std::ofstream(in / "day2" / ("harbour-" + std::to_string(k) + ".txt"))
        << "Mar " << k + 2 << ", 1987 - World\n\nHarbour strike ends (desk " << k << ")\n\n"
        << kStrikeBody << (k % 2 == 0 ? " Updated at " + std::to_string(k) + " o'clock." : "") << "\n";
  }
  for (const auto& [db, jobs] : {std::pair{serial, "1"}, std::pair{parallel, "2"}}) {
    const json summary = index(db, jobs);
    EXPECT_EQ(summary["added"], 6007) << jobs;
    EXPECT_EQ(summary.value("merge_seconds", 0.0), 0.0) << "a nightly run, not a parallel build";
  }
  const auto groups = groups_by_id(parallel);
  auto s = run(kSearch + " --db " + sh_quote(parallel) + " --json --all-versions -n 20 " + sh_quote("harbour strike"));
  ASSERT_EQ(s.exit_code, 0) << s.out;
  std::map<std::string, std::string> id_of;  // headline -> id
  const json found = json::parse(s.out);
  for (const auto& hit : found["results"]) id_of[hit["title"].get<std::string>()] = hit["id"].get<std::string>();
  ASSERT_EQ(id_of.size(), 7u) << s.out;
  for (const auto& [title, id] : id_of) EXPECT_EQ(groups.at(id), id_of["Harbour strike ends (wire 1)"]) << title;
  EXPECT_EQ(groups, groups_by_id(serial));
}

}  // namespace
}  // namespace morgue
