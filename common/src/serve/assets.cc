#include "serve/assets.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "morgue/service.h"
#include "serve/embedded_assets.h"

namespace morgue {

std::filesystem::path default_assets_dir() {
  if (const char* env = std::getenv("MORGUE_ASSETS_DIR"); env && *env) return env;
  return {};  // the copy built into the library
}

namespace serve {
namespace {

struct AllowedFile {
  const char* request_path;
  const char* file_name;
  const char* content_type;
};

// The whole public surface of the assets folder.
constexpr AllowedFile kAllowed[] = {
    {"/", "index.html", "text/html; charset=utf-8"},
    {"/assets/app.js", "app.js", "text/javascript; charset=utf-8"},
    {"/assets/theme.js", "theme.js", "text/javascript; charset=utf-8"},
    {"/assets/style.css", "style.css", "text/css; charset=utf-8"},
    {"/assets/favicon.svg", "favicon.svg", "image/svg+xml"},
};

}  // namespace

Assets::Assets(const std::filesystem::path& dir) : dir_(dir) {
  if (dir.empty()) {
    load_embedded();
    return;
  }
  for (const auto& file : kAllowed) {
    std::ifstream in(dir / file.file_name, std::ios::binary);
    if (!in) {
      missing_.push_back(file.file_name);
      continue;
    }
    std::ostringstream body;
    body << in.rdbuf();
    by_path_[file.request_path] = Asset{file.content_type, body.str()};
  }
}

void Assets::load_embedded() {
  for (const auto& file : kAllowed) {
    const EmbeddedAsset* found = nullptr;
    for (const auto& embedded : embedded_assets()) {
      if (embedded.file_name == file.file_name) found = &embedded;
    }
    if (!found) {
      missing_.push_back(file.file_name);
      continue;
    }
    by_path_[file.request_path] = Asset{file.content_type, std::string(found->bytes)};
  }
}

const Asset* Assets::find(const std::string& request_path) const {
  auto it = by_path_.find(request_path == "/index.html" ? "/" : request_path);
  return it == by_path_.end() ? nullptr : &it->second;
}

}  // namespace serve
}  // namespace morgue
