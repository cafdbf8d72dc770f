#include "serve/assets.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "morgue/service.h"

namespace morgue {

std::filesystem::path default_assets_dir() {
  if (const char* env = std::getenv("MORGUE_ASSETS_DIR"); env && *env) return env;
  // Running from the build tree: the sources' copy, so edits show at once.
  std::filesystem::path source = MORGUE_SOURCE_ASSETS_DIR;
  std::error_code ec;
  if (std::filesystem::is_regular_file(source / "index.html", ec)) return source;
  return MORGUE_INSTALL_ASSETS_DIR;
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

const Asset* Assets::find(const std::string& request_path) const {
  auto it = by_path_.find(request_path == "/index.html" ? "/" : request_path);
  return it == by_path_.end() ? nullptr : &it->second;
}

}  // namespace serve
}  // namespace morgue
