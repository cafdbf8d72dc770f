// The search page's static files. Only a fixed allow-list of names is ever
// served, from memory (built in, or read once from a folder), so no request path reaches the file system: there is
// nothing to traverse and no directory to list.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace morgue::serve {

struct Asset {
  std::string content_type;
  std::string body;
};

class Assets {
 public:
  // Reads every allow-listed file that exists in `dir`; missing ones are
  // reported by missing() and answered 404. An empty `dir` takes the copy
  // built into the library (cmake/EmbedAssets.cmake).
  explicit Assets(const std::filesystem::path& dir);

  // The asset for a request path ("/" is the page), or nullopt.
  const Asset* find(const std::string& request_path) const;

  const std::vector<std::string>& missing() const { return missing_; }
  const std::filesystem::path& dir() const { return dir_; }

 private:
  void load_embedded();

  std::filesystem::path dir_;
  std::map<std::string, Asset> by_path_;
  std::vector<std::string> missing_;
};

}  // namespace morgue::serve
