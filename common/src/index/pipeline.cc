#include "index/pipeline.h"

#include <fstream>

#include <fmt/format.h>

#include "morgue/document.h"
#include "util/strings.h"

namespace morgue {

namespace {

std::string hash_bytes(std::string_view bytes) { return util::hex64(util::fnv1a64(bytes)); }

}  // namespace

Outcome process(Task task, const ExtractOptions& options) {
  Outcome out;
  out.task = std::move(task);
  const std::string& path = out.task.file.path;
  if (out.task.file.size > options.max_file_bytes) {
    out.extraction.problems.push_back({path, fmt::format("file too large ({} bytes; the limit is {} bytes)",
                                                         out.task.file.size, options.max_file_bytes)});
    return out;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    out.extraction.problems.push_back({path, "cannot read: permission denied or file vanished"});
    return out;
  }
  std::string bytes(static_cast<std::size_t>(out.task.file.size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  // A file that grew since the walk: read the rest too (bounded by the limit).
  char extra[4096];
  while (in.read(extra, sizeof extra) || in.gcount() > 0) {
    bytes.append(extra, static_cast<std::size_t>(in.gcount()));
    if (bytes.size() > options.max_file_bytes) break;
  }
  if (bytes.size() > options.max_file_bytes) {
    out.extraction.problems.push_back({path, "file too large (it grew while being read)"});
    return out;
  }
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
    out.documents.emplace_back(id, make_document(article, id));
  }
  return out;
}


}  // namespace morgue
