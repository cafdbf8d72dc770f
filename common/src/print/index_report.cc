// What an indexing run did, as text and as JSON (docs/json.md).
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "morgue/printer.h"

namespace morgue {

std::string summary_to_text(const IndexSummary& s) {
  return fmt::format(
      "{} files: {} added, {} updated, {} unchanged, {} removed, {} failed, {} duplicates; "
      "{} documents in the database ({:.2f}s){}",
      s.files_seen, s.added, s.updated, s.unchanged, s.removed, s.failed, s.duplicates, s.documents, s.seconds,
      s.interrupted ? "; interrupted, committed what was done" : "");
}

std::string summary_to_json(const IndexSummary& s) {
  nlohmann::json j = {{"files", s.files_seen},     {"added", s.added},         {"updated", s.updated},
                      {"unchanged", s.unchanged},   {"removed", s.removed},     {"failed", s.failed},
                      {"duplicates", s.duplicates}, {"documents", s.documents}, {"seconds", s.seconds},
                      {"interrupted", s.interrupted}, {"people_stories", s.people_stories},
                      {"people_renamed", s.people_renamed},
                      {"people_seconds", s.people_seconds}, {"people_cpu_seconds", s.people_cpu_seconds},
                      {"placeholders", s.placeholders},     {"merge_seconds", s.merge_seconds}};
  return j.dump();
}

}  // namespace morgue
