#include "report.h"

#include <cstdio>
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace morgue::cli {

void print_problem(const Problem& problem) {
  std::string where = problem.where;
  // Names with newlines or control bytes must not break the one-line-per-problem log.
  for (char& c : where) {
    if (static_cast<unsigned char>(c) < 0x20) c = '?';
  }
  std::cerr << fmt::format("morgue-index: {}: {}\n", where, problem.reason);
}

void print_progress(const IndexProgress& p) {
  const int width = 30;
  double fraction = p.files_total ? static_cast<double>(p.files_done) / static_cast<double>(p.files_total) : 0.0;
  int filled = static_cast<int>(fraction * width);
  double rate = p.seconds > 0 ? static_cast<double>(p.files_done) / p.seconds : 0.0;
  double eta = rate > 0 ? static_cast<double>(p.files_total - p.files_done) / rate : 0.0;
  std::cerr << fmt::format("\r[{}{}] {}/{} files  {:.0f}/s  ETA {:.0f}s   ", std::string(static_cast<std::size_t>(filled), '#'),
                           std::string(static_cast<std::size_t>(width - filled), '.'), p.files_done, p.files_total,
                           rate, eta);
  if (p.files_done == p.files_total) std::cerr << "\n";
  std::cerr.flush();
}

void log_progress(const IndexProgress& p) {
  std::cerr << fmt::format("morgue-index: {}/{} files, {:.1f}s\n", p.files_done, p.files_total, p.seconds);
}

void print_summary(const IndexSummary& s, bool json) {
  if (json) {
    nlohmann::json j = {{"files", s.files_seen},   {"added", s.added},         {"updated", s.updated},
                        {"unchanged", s.unchanged}, {"removed", s.removed},     {"failed", s.failed},
                        {"duplicates", s.duplicates}, {"documents", s.documents}, {"seconds", s.seconds},
                        {"interrupted", s.interrupted}, {"people_renamed", s.people_renamed},
                        {"people_seconds", s.people_seconds}, {"people_cpu_seconds", s.people_cpu_seconds}};
    std::cout << j.dump() << "\n";
    return;
  }
  std::cout << fmt::format(
      "{} files: {} added, {} updated, {} unchanged, {} removed, {} failed, {} duplicates; "
      "{} documents in the database ({:.2f}s){}\n",
      s.files_seen, s.added, s.updated, s.unchanged, s.removed, s.failed, s.duplicates, s.documents, s.seconds,
      s.interrupted ? "; interrupted, committed what was done" : "");
}

}  // namespace morgue::cli
