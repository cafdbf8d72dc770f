// Turning files into articles: format detection and dispatch to the parsers.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <functional>
#include <vector>

#include "morgue/article.h"

namespace morgue {

class PeopleExtractor;

enum class Format {
  kAuto,       // decide from the file name and the first bytes
  kText,       // plain-text article in the seed layout (see text_article.h)
  kHtml,       // an HTML page
  kNewsXml,    // NITF or NewsML-G2
  kJsonLines,  // one JSON article per line
};

struct ExtractOptions {
  // Format to assume; kAuto sniffs each file.
  Format format = Format::kAuto;
  // Files larger than this are reported and skipped (bounded memory).
  std::size_t max_file_bytes = 64u << 20;
  // Finds people named in each article; nullptr leaves `people` empty.
  // Not owned; must outlive the calls. PeopleExtractor is thread-safe.
  const PeopleExtractor* people = nullptr;
};

// Guesses the format from the path's extension and the content's first bytes.
Format detect_format(const std::filesystem::path& path, std::string_view head);

// Reads `path` and extracts its articles. Never throws for bad data: unreadable,
// oversized, binary or unparsable files come back as problems naming the path.
Extraction extract_file(const std::filesystem::path& path, const ExtractOptions& options);

// Same, for bytes already in memory; `source` is recorded in each article.
Extraction extract_bytes(std::string_view bytes, const std::string& source,
                         const ExtractOptions& options);

// Extracts many files on `jobs` threads (0: one per core) and hands each
// file's result to `sink` in the order of `paths`, from the calling thread.
void extract_files(const std::vector<std::string>& paths, const ExtractOptions& options, unsigned jobs,
                   const std::function<void(const Extraction&)>& sink);

}  // namespace morgue
