// In-process search latency: morgue::Searcher (snippets and facets) against a
// bare Xapian Enquire of the top 10, on the same database and queries.
//
//   morgue-bench-search DB QUERIES.tsv [REPEATS]
//
// QUERIES.tsv: one "kind<TAB>query" a line. Prints a Markdown table of p50
// and p95 latency per kind, in milliseconds. A benchmark, not a test: timings
// are never asserted.
#include <algorithm>
#include <chrono>
#include <fstream>
#include <iostream>
#include <map>
#include <vector>

#include <fmt/format.h>
#include <xapian.h>

#include "morgue/search.h"

namespace {

using Clock = std::chrono::steady_clock;

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  std::size_t i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

// What a plain Xapian application does: parse with the same prefixes, take the top 10.
double bare_enquire(const Xapian::Database& db, const std::string& query) {
  auto start = Clock::now();
  Xapian::QueryParser qp;
  qp.set_database(db);
  qp.set_stemmer(Xapian::Stem("english"));
  qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  qp.add_prefix("title", "S");
  qp.add_prefix("person", "XPN");
  qp.add_boolean_prefix("section", "XS");
  Xapian::Enquire enquire(db);
  try {
    enquire.set_query(qp.parse_query(query, Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD));
    Xapian::MSet mset = enquire.get_mset(0, 10);
    for (auto it = mset.begin(); it != mset.end(); ++it) (void)it.get_document().get_data();
  } catch (const Xapian::Error&) {
  }
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: morgue-bench-search DB QUERIES.tsv [REPEATS]\n";
    return 2;
  }
  const std::string db_path = argv[1];
  const int repeats = argc > 3 ? std::max(1, std::atoi(argv[3])) : 5;
  std::vector<std::pair<std::string, std::string>> queries;
  std::ifstream in(argv[2]);
  for (std::string line; std::getline(in, line);) {
    auto tab = line.find('\t');
    if (tab != std::string::npos) queries.emplace_back(line.substr(0, tab), line.substr(tab + 1));
  }
  morgue::Searcher searcher(db_path);
  Xapian::Database db(db_path);
  std::map<std::string, std::vector<double>> api, bare, api_plain;
  for (int r = 0; r < repeats + 1; ++r) {  // the first round warms the caches and is not counted
    for (const auto& [kind, query] : queries) {
      morgue::SearchRequest request;
      request.query = query;
      request.facets = true;
      auto start = Clock::now();
      try {
        (void)searcher.search(request);
      } catch (const std::exception&) {
      }
      double with_facets = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
      request.facets = false;
      start = Clock::now();
      try {
        (void)searcher.search(request);
      } catch (const std::exception&) {
      }
      double plain = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
      double b = bare_enquire(db, query);
      if (r == 0) continue;
      api[kind].push_back(with_facets);
      api_plain[kind].push_back(plain);
      bare[kind].push_back(b);
    }
  }
  std::cout << "| kind | bare Enquire p50 | p95 | API snippets p50 | p95 | API snippets+facets p50 | p95 | p95 ratio (facets) |\n"
               "|---|---|---|---|---|---|---|---|\n";
  std::vector<double> all_api, all_bare, all_plain;
  for (const auto& [kind, times] : api) {
    const auto& b = bare[kind];
    const auto& p = api_plain[kind];
    all_api.insert(all_api.end(), times.begin(), times.end());
    all_bare.insert(all_bare.end(), b.begin(), b.end());
    all_plain.insert(all_plain.end(), p.begin(), p.end());
    std::cout << fmt::format("| {} | {:.2f} | {:.2f} | {:.2f} | {:.2f} | {:.2f} | {:.2f} | {:.2f}x |\n", kind,
                             percentile(b, 0.5), percentile(b, 0.95), percentile(p, 0.5), percentile(p, 0.95),
                             percentile(times, 0.5), percentile(times, 0.95),
                             percentile(times, 0.95) / std::max(1e-9, percentile(b, 0.95)));
  }
  std::cout << fmt::format("| all | {:.2f} | {:.2f} | {:.2f} | {:.2f} | {:.2f} | {:.2f} | {:.2f}x |\n",
                           percentile(all_bare, 0.5), percentile(all_bare, 0.95), percentile(all_plain, 0.5),
                           percentile(all_plain, 0.95), percentile(all_api, 0.5), percentile(all_api, 0.95),
                           percentile(all_api, 0.95) / std::max(1e-9, percentile(all_bare, 0.95)));
  return 0;
}
