#include "morgue/people.h"

#include <cstdlib>

namespace morgue {

// Placeholder: finds nobody until the recogniser lands.
struct PeopleExtractor::Impl {};

PeopleExtractor::PeopleExtractor(const std::filesystem::path&) : impl_(std::make_unique<Impl>()) {}
PeopleExtractor::~PeopleExtractor() = default;

std::vector<std::string> PeopleExtractor::extract(const Article&) const { return {}; }

std::filesystem::path default_data_dir() {
  if (const char* env = std::getenv("MORGUE_DATA_DIR"); env && *env) return env;
  std::filesystem::path source = MORGUE_SOURCE_DATA_DIR;
  std::error_code ec;
  if (std::filesystem::is_directory(source, ec)) return source;
  return MORGUE_INSTALL_DATA_DIR;
}

}  // namespace morgue
