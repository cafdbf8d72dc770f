#include "search/facets.h"

#include <algorithm>
#include <map>

#include "morgue/schema.h"
#include "util/strings.h"

namespace morgue {
namespace {

std::vector<FacetValue> top_values(const std::map<std::string, std::size_t>& counts, std::size_t top) {
  std::vector<FacetValue> out;
  for (const auto& [value, count] : counts) out.push_back({value, count});
  std::stable_sort(out.begin(), out.end(), [](const FacetValue& a, const FacetValue& b) { return a.count > b.count; });
  if (out.size() > top) out.resize(top);
  return out;
}

}  // namespace

FacetCollector::FacetCollector()
    : sections_(std::make_unique<Xapian::ValueCountMatchSpy>(schema::kSlotSection)),
      people_(std::make_unique<Xapian::ValueCountMatchSpy>(schema::kSlotPeople)),
      months_(std::make_unique<Xapian::ValueCountMatchSpy>(schema::kSlotMonth)) {}

void FacetCollector::attach(Xapian::Enquire& enquire) {
  enquire.add_matchspy(sections_.get());
  enquire.add_matchspy(people_.get());
  enquire.add_matchspy(months_.get());
}

Facets FacetCollector::collect(std::size_t top) const {
  Facets facets;
  std::map<std::string, std::size_t> sections, people, months;
  for (auto v = sections_->values_begin(); v != sections_->values_end(); ++v) sections[*v] += v.get_termfreq();
  // The people slot holds each story's list; a name's count is the sum over
  // the distinct lists that contain it (each story has exactly one list).
  for (auto v = people_->values_begin(); v != people_->values_end(); ++v) {
    for (const auto& name : util::split(*v, '\n')) {
      if (!name.empty()) people[name] += v.get_termfreq();
    }
  }
  for (auto v = months_->values_begin(); v != months_->values_end(); ++v) {
    const std::string m = *v;
    if (m.size() == 6 && std::all_of(m.begin(), m.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      months[m] += v.get_termfreq();
    }
  }
  facets.sections = top_values(sections, top);
  facets.people = top_values(people, top);

  // Per month over spans up to three years, else per year.
  bool by_year = false;
  if (!months.empty()) {
    int first = std::stoi(months.begin()->first.substr(0, 4)) * 12 + std::stoi(months.begin()->first.substr(4, 2));
    int last = std::stoi(months.rbegin()->first.substr(0, 4)) * 12 + std::stoi(months.rbegin()->first.substr(4, 2));
    by_year = last - first >= 36;
  }
  facets.timeline_unit = by_year ? "year" : "month";
  std::map<std::string, std::size_t> buckets;
  for (const auto& [month, count] : months) {
    if (month.size() != 6) continue;
    buckets[by_year ? month.substr(0, 4) : month.substr(0, 4) + "-" + month.substr(4, 2)] += count;
  }
  for (const auto& [bucket, count] : buckets) facets.timeline.push_back({bucket, count});
  return facets;
}

}  // namespace morgue
