// The search page's files as built into the library (cmake/EmbedAssets.cmake
// writes the .cc from searcher/assets at build time).
#pragma once

#include <span>
#include <string_view>

namespace morgue::serve {

struct EmbeddedAsset {
  std::string_view file_name;  // as in searcher/assets, e.g. "app.js"
  std::string_view bytes;
};

std::span<const EmbeddedAsset> embedded_assets();

}  // namespace morgue::serve
