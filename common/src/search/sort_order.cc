// The one place that names sort orders (search.h); the CLI, the interactive
// session and the service all parse with it.
#include "morgue/search.h"

namespace morgue {

std::optional<SortOrder> parse_sort_order(std::string_view name) {
  if (name == "relevance") return SortOrder::kRelevance;
  if (name == "date" || name == "newest") return SortOrder::kNewest;
  if (name == "oldest") return SortOrder::kOldest;
  return std::nullopt;
}

std::string_view sort_order_names() { return "relevance, date, newest or oldest"; }

}  // namespace morgue
