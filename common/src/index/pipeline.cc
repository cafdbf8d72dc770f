#include "index/pipeline.h"


#include <fmt/format.h>

#include "morgue/document.h"
#include "store/placeholders.h"
#include "util/file_read.h"
#include "util/strings.h"

namespace morgue {

namespace {

std::string hash_bytes(std::string_view bytes) { return util::hex64(util::fnv1a64(bytes)); }

// Holds the file's share of the budget in `out`; false when the file is
// reported as too large for the budget or the run stopped while waiting.
bool reserve_memory(Outcome& out, const ExtractOptions& options, MemoryBudget& budget,
                    const std::atomic<bool>* stop, std::optional<std::size_t> turn) {
  const std::size_t need = memory_estimate(out.task.file.size, options.people != nullptr);
  if (need > budget.limit()) {
    out.extraction.problems.push_back(
        {out.task.file.path, fmt::format("file too large for the memory budget (indexing it takes about {} MB; "
                                         "--max-memory is {} MB)",
                                         need >> 20, budget.limit() >> 20)});
    return false;
  }
  auto held = budget.reserve(need, stop, turn);
  if (!held) {
    out.cancelled = true;
    return false;
  }
  out.memory = std::move(*held);
  return true;
}

}  // namespace

Outcome process(Task task, const ExtractOptions& options, MemoryBudget* budget, const std::atomic<bool>* stop,
                std::optional<std::size_t> turn) {
  Outcome out;
  out.task = std::move(task);
  const std::string& path = out.task.file.path;
  if (out.task.file.size > options.max_file_bytes) {
    out.extraction.problems.push_back({path, fmt::format("file too large ({} bytes; the limit is {} bytes)",
                                                         out.task.file.size, options.max_file_bytes)});
    return out;
  }
  if (budget && !reserve_memory(out, options, *budget, stop, turn)) return out;
  util::FileReadOptions how;
  how.max_bytes = options.max_file_bytes;
  how.follow_link = out.task.file.via_link;  // a plain file swapped for a link since the walk is refused
  how.expected_known = true;                 // the bytes must be those of the file the walk saw, or stable
  how.expected_size = out.task.file.size;
  how.expected_mtime_ns = out.task.file.mtime_ns;
  util::FileRead read = util::read_whole_file(path, how);
  if (!read.ok()) {
    out.extraction.problems.push_back({path, read.reason});
    return out;
  }
  // The state recorded is that of the bytes indexed, not of the walk's stat.
  out.task.file.size = read.size;
  out.task.file.mtime_ns = read.mtime_ns;
  const std::string& bytes = read.bytes;
  out.content_hash = hash_bytes(bytes);
  if (out.task.prior && !out.task.prior->failed && out.task.prior->content_hash == out.content_hash) {
    out.same_content = true;
    return out;
  }
  try {
    out.extraction = extract_bytes(bytes, path, options);
  } catch (const std::exception& e) {
    // A parser bug or unreadable people data: this file fails (and is retried
    // next run), the others go on.
    out.extraction = Extraction{};
    out.extraction.problems.push_back({path, fmt::format("extraction failed: {}", e.what())});
    return out;
  }
  for (auto& article : out.extraction.articles) {
    article.source = path;
    std::string id = article_id(article);
    const bool hold_back = out.task.placeholders && worth_holding_back(article);
    out.documents.emplace_back(id, hold_back ? make_placeholder_document(article, id) : make_document(article, id));
  }
  return out;
}


}  // namespace morgue
