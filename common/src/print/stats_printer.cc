// --stats of morgue-index: what an archive holds, for people and for scripts.
#include <algorithm>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "morgue/printer.h"

namespace morgue {
namespace {

// How many sections to list: all of them when the style says 0.
std::size_t listed(const DatabaseStats& stats, const StatsStyle& style) {
  if (style.top_sections == 0) return stats.sections.size();
  return std::min(style.top_sections, stats.sections.size());
}

}  // namespace

void print_stats(const DatabaseStats& stats, std::string_view db_label, const StatsStyle& style,
                 std::ostream& out) {
  out << fmt::format("database:   {}\ndocuments:  {}\ndates:      {} .. {}\nsize:       {:.1f} MB\n"
                     "files:      {} tracked, {} failed last time\n",
                     db_label, stats.documents, stats.first_date ? stats.first_date->iso() : "-",
                     stats.last_date ? stats.last_date->iso() : "-",
                     static_cast<double>(stats.bytes_on_disk) / 1e6, stats.files_tracked, stats.files_failed);
  std::size_t shown = listed(stats, style);
  out << fmt::format("sections:   {}\n", stats.sections.size());
  for (std::size_t i = 0; i < shown; ++i) {
    out << fmt::format("  {:>7}  {}\n", stats.sections[i].count, stats.sections[i].value);
  }
  std::size_t more = stats.sections.size() - shown;
  if (more > 0) out << fmt::format("  ... {} more section{}\n", more, more == 1 ? "" : "s");
}

std::string stats_to_json(const DatabaseStats& stats, const StatsStyle& style) {
  using nlohmann::json;
  std::size_t shown = listed(stats, style);
  json sections = json::array();
  for (std::size_t i = 0; i < shown; ++i) {
    sections.push_back({{"value", stats.sections[i].value}, {"count", stats.sections[i].count}});
  }
  auto day = [](const std::optional<Date>& d) { return d ? json(d->iso()) : json(nullptr); };
  json j = {{"documents", stats.documents},
            {"first_date", day(stats.first_date)},
            {"last_date", day(stats.last_date)},
            {"sections", sections},
            {"sections_total", stats.sections.size()},
            {"sections_more", stats.sections.size() - shown},
            {"bytes", stats.bytes_on_disk},
            {"files", stats.files_tracked},
            {"files_failed", stats.files_failed}};
  return j.dump(2, ' ', false, json::error_handler_t::replace);
}

}  // namespace morgue
