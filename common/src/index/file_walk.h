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
  bool via_link = false;     // the walk reached it through a symbolic link
};

struct WalkOptions {
  // false: a symbolic link whose target (resolved) lies outside every input
  // is reported and not followed, so a link to /etc/passwd planted in the
  // archive is never indexed (nor served).
  bool follow_outside_links = false;
};

// Lists regular files under `inputs` (recursively; hidden names skipped;
// directory symlinks not followed, so loops cannot trap the walk; links to
// files followed only when they stay inside the inputs, see WalkOptions).
// With several inputs, sorted by path and duplicates removed; one input is
// listed in directory order. Unreadable entries are reported through `problem`.
std::vector<FoundFile> walk_inputs(const std::vector<std::filesystem::path>& inputs,
                                   const std::function<void(const Problem&)>& problem,
                                   const WalkOptions& options = {});

// True when the resolved path `target` is one of `roots` (resolved too) or lies beneath one.
bool inside_roots(const std::string& target, const std::vector<std::string>& roots);

// Absolute, lexically normal form of a path (symlinks are not resolved).
std::string absolute_path(const std::filesystem::path& path);

}  // namespace morgue
