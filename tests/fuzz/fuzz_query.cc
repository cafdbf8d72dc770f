// libFuzzer target: the query language, date expressions included, run
// through morgue::Searcher on a small real index (corpus/articles, built once
// in a temp dir by LLVMFuzzerInitialize). A bad query must be a QueryError;
// anything else escaping search() is a bug.
//
// Input: one flag byte (sort, facets, all versions, recency), then the query.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <system_error>

#include <unistd.h>

#include "fuzz_check.h"
#include "morgue/index_writer.h"
#include "morgue/people.h"
#include "morgue/search.h"

namespace {

std::filesystem::path g_dir;
std::unique_ptr<morgue::Searcher> g_searcher;

void remove_dir() {
  g_searcher.reset();
  std::error_code ec;
  std::filesystem::remove_all(g_dir, ec);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  std::string templ = (std::filesystem::temp_directory_path() / "morgue-fuzz-query-XXXXXX").string();
  if (!mkdtemp(templ.data())) {
    std::perror("mkdtemp");
    std::abort();
  }
  g_dir = templ;
  std::atexit(remove_dir);
  morgue::PeopleExtractor people(morgue::default_data_dir());
  morgue::IndexOptions options;
  options.db_path = g_dir / "db";
  options.inputs = {std::filesystem::path(MORGUE_TEST_SOURCE_DIR) / "corpus" / "articles"};
  options.extract.people = &people;
  options.jobs = 1;
  morgue::IndexSummary summary = morgue::run_index(options);
  if (summary.documents == 0) {
    std::fprintf(stderr, "fuzz_query: the sample index is empty\n");
    std::abort();
  }
  g_searcher = std::make_unique<morgue::Searcher>(options.db_path.string());
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t flags = data[0];
  morgue::SearchRequest request;
  request.query.assign(reinterpret_cast<const char*>(data) + 1, size - 1);
  request.sort = static_cast<morgue::SortOrder>((flags & 3u) % 3u);
  request.facets = flags & 4u;
  request.all_versions = flags & 8u;
  request.recent_half_life_days = (flags & 16u) ? 30 : 0;
  request.offset = (flags & 32u) ? 3 : 0;
  request.today = morgue::Date{2023, 6, 1};
  try {
    morgue::SearchResponse response = g_searcher->search(request);
    for (const auto& hit : response.hits) {
      morgue::fuzz::check_article(hit.article);
      for (const auto& fragment : hit.snippet.fragments) {
        morgue::fuzz::check_utf8("snippet is not UTF-8", fragment.text);
        std::size_t last_end = 0;
        for (const auto& h : fragment.highlights) {
          if (h.begin < last_end || h.end < h.begin || h.end > fragment.text.size()) {
            morgue::fuzz::fail("highlight out of order or out of range", fragment.text);
          }
          last_end = h.end;
        }
      }
    }
    morgue::fuzz::check_utf8("suggestion is not UTF-8", response.suggestion);
  } catch (const morgue::QueryError& e) {
    if (std::string_view(e.what()).empty()) morgue::fuzz::fail("QueryError without a message", request.query);
  }
  (void)g_searcher->article(request.query);
  return 0;
}
