// Walking the inputs of an indexing run.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "morgue/article.h"

namespace morgue {

struct FoundFile {
  std::string path;          // absolute, lexically normal
  std::uint64_t size = 0;
  std::int64_t mtime_ns = 0;
};

// Lists regular files under `inputs` (recursively; hidden names skipped;
// directory symlinks not followed, so loops cannot trap the walk). With
// several inputs, sorted by path and duplicates removed; one input is listed
// in directory order. Unreadable entries are reported through `problem`.
std::vector<FoundFile> walk_inputs(const std::vector<std::filesystem::path>& inputs,
                                   const std::function<void(const Problem&)>& problem);

// Absolute, lexically normal form of a path (symlinks are not resolved).
std::string absolute_path(const std::filesystem::path& path);

}  // namespace morgue
