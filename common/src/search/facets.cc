#include "search/facets.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "morgue/schema.h"
#include "search/match_set.h"
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

bool is_month(const std::string& m) {
  return m.size() == 6 && std::all_of(m.begin(), m.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The people slot holds each story's names, one per line.
template <class F>
void for_each_person(const std::string& list, F&& f) {
  for (const auto& name : util::split(list, '\n')) {
    if (!name.empty()) f(name);
  }
}

void count_values(const Xapian::Document& doc, FacetCounts& counts) {
  std::string section = doc.get_value(schema::kSlotSection);
  if (!section.empty()) ++counts.sections[section];
  std::string month = doc.get_value(schema::kSlotMonth);
  if (!month.empty()) ++counts.months[month];
  for_each_person(doc.get_value(schema::kSlotPeople), [&](const std::string& name) { ++counts.people[name]; });
}

}  // namespace

Facets facets_from_counts(const FacetCounts& counts, std::size_t top) {
  Facets facets;
  facets.partial = counts.partial;
  facets.sections = top_values(counts.sections, top);
  facets.people = top_values(counts.people, top);

  // Per month over spans up to three years, else per year.
  std::map<std::string, std::size_t> months;
  for (const auto& [month, count] : counts.months) {
    if (is_month(month)) months[month] += count;
  }
  bool by_year = false;
  if (!months.empty()) {
    int first = std::stoi(months.begin()->first.substr(0, 4)) * 12 + std::stoi(months.begin()->first.substr(4, 2));
    int last = std::stoi(months.rbegin()->first.substr(0, 4)) * 12 + std::stoi(months.rbegin()->first.substr(4, 2));
    by_year = last - first >= 36;
  }
  facets.timeline_unit = by_year ? "year" : "month";
  std::map<std::string, std::size_t> buckets;
  for (const auto& [month, count] : months) {
    buckets[by_year ? month.substr(0, 4) : month.substr(0, 4) + "-" + month.substr(4, 2)] += count;
  }
  for (const auto& [bucket, count] : buckets) facets.timeline.push_back({bucket, count});
  return facets;
}

// Xapian calls match spies before it collapses: this one passes on only
// the first story of each near-duplicate group.
class FacetCollector::OnePerGroup : public Xapian::MatchSpy {
 public:
  explicit OnePerGroup(std::vector<Xapian::MatchSpy*> spies) : spies_(std::move(spies)) {}
  void operator()(const Xapian::Document& doc, double weight) override {
    std::string group = doc.get_value(schema::kSlotDupGroup);
    if (!group.empty() && !seen_.insert(std::move(group)).second) return;
    for (auto* spy : spies_) (*spy)(doc, weight);
  }

 private:
  std::vector<Xapian::MatchSpy*> spies_;
  std::unordered_set<std::string> seen_;
};

FacetCollector::FacetCollector(bool collapse)
    : sections_(std::make_unique<Xapian::ValueCountMatchSpy>(schema::kSlotSection)),
      people_(std::make_unique<Xapian::ValueCountMatchSpy>(schema::kSlotPeople)),
      months_(std::make_unique<Xapian::ValueCountMatchSpy>(schema::kSlotMonth)) {
  if (collapse) {
    one_per_group_ = std::make_unique<OnePerGroup>(
        std::vector<Xapian::MatchSpy*>{sections_.get(), people_.get(), months_.get()});
  }
}

FacetCollector::~FacetCollector() = default;

void FacetCollector::attach(Xapian::Enquire& enquire) {
  if (one_per_group_) {
    enquire.add_matchspy(one_per_group_.get());
    return;
  }
  enquire.add_matchspy(sections_.get());
  enquire.add_matchspy(people_.get());
  enquire.add_matchspy(months_.get());
}

Facets FacetCollector::collect(std::size_t top) const {
  FacetCounts counts;
  for (auto v = sections_->values_begin(); v != sections_->values_end(); ++v) counts.sections[*v] += v.get_termfreq();
  // A name's count is the sum over the distinct lists that contain it (each
  // story has exactly one list).
  for (auto v = people_->values_begin(); v != people_->values_end(); ++v) {
    for_each_person(*v, [&](const std::string& name) { counts.people[name] += v.get_termfreq(); });
  }
  for (auto v = months_->values_begin(); v != months_->values_end(); ++v) counts.months[*v] += v.get_termfreq();
  return facets_from_counts(counts, top);
}

FacetTable::FacetTable(const Xapian::Database& db) {
  const Xapian::docid last = db.get_lastdocid();
  using Ids = std::unordered_map<std::string, std::uint32_t>;
  auto intern = [](Ids& ids, std::vector<std::string>& names, const std::string& value) {
    auto [it, fresh] = ids.try_emplace(value, static_cast<std::uint32_t>(names.size()));
    if (fresh) names.push_back(value);
    return it->second;
  };
  auto read_slot = [&](Xapian::valueno slot, std::vector<std::uint32_t>& column, std::vector<std::string>& names) {
    Ids ids;
    names.assign(1, std::string());
    column.assign(static_cast<std::size_t>(last) + 1, 0);
    for (auto v = db.valuestream_begin(slot); v != db.valuestream_end(slot); ++v) {
      if (v.get_docid() <= last) column[v.get_docid()] = intern(ids, names, *v);
    }
  };
  read_slot(schema::kSlotSection, section_, section_names_);
  read_slot(schema::kSlotMonth, month_, month_names_);

  Ids ids;
  people_names_.assign(1, std::string());
  people_start_.assign(static_cast<std::size_t>(last) + 2, 0);
  std::size_t next = 0;  // the first docid whose start is not set yet
  for (auto v = db.valuestream_begin(schema::kSlotPeople); v != db.valuestream_end(schema::kSlotPeople); ++v) {
    const Xapian::docid d = v.get_docid();
    if (d > last) break;
    while (next <= d) people_start_[next++] = static_cast<std::uint32_t>(people_ids_.size());
    for_each_person(*v, [&](const std::string& name) { people_ids_.push_back(intern(ids, people_names_, name)); });
  }
  while (next < people_start_.size()) people_start_[next++] = static_cast<std::uint32_t>(people_ids_.size());
}

FacetTable::Counter::Counter(const FacetTable& table)
    : table_(table),
      sections_(table.section_names_.size()),
      months_(table.month_names_.size()),
      people_(table.people_names_.size()) {}

FacetCounts FacetTable::count(const Xapian::Database& db, const Xapian::Query& query, std::size_t top_people,
                              std::uint64_t budget, bool collapse) const {
  Counter counter(*this);
  CountBudget spend(budget);
  DocSet matches = match_set(db, query, spend);
  if (collapse) matches.subtract(DupGroups(db, matches).extra_members(matches, db.get_lastdocid()));
  matches.for_each([&](Xapian::docid d) { counter.add(d, db); });
  FacetCounts counts = counter.counts(top_people);
  counts.partial = spend.cut;
  return counts;
}

void FacetTable::Counter::add(Xapian::docid d, const Xapian::Database& db) {
  if (d >= table_.section_.size()) {
    count_values(db.get_document(d), extra_);
    return;
  }
  ++sections_[table_.section_[d]];
  ++months_[table_.month_[d]];
  for (std::uint32_t i = table_.people_start_[d]; i < table_.people_start_[d + 1]; ++i) ++people_[table_.people_ids_[i]];
}

FacetCounts FacetTable::Counter::counts(std::size_t top_people) const {
  FacetCounts out = extra_;
  auto add = [](const std::vector<std::uint32_t>& counts, const std::vector<std::string>& names,
                std::map<std::string, std::size_t>& into) {
    for (std::size_t i = 1; i < counts.size(); ++i) {
      if (counts[i]) into[names[i]] += counts[i];
    }
  };
  add(sections_, table_.section_names_, out.sections);
  add(months_, table_.month_names_, out.months);
  if (!extra_.people.empty()) {
    add(people_, table_.people_names_, out.people);
    return out;
  }
  // Thousands of names may have a count: only the top ones become strings,
  // chosen in the order facets_from_counts() ranks them (count, then name).
  std::vector<std::uint32_t> ids;
  for (std::uint32_t i = 1; i < people_.size(); ++i) {
    if (people_[i]) ids.push_back(i);
  }
  auto before = [&](std::uint32_t a, std::uint32_t b) {
    if (people_[a] != people_[b]) return people_[a] > people_[b];
    return table_.people_names_[a] < table_.people_names_[b];
  };
  const std::size_t keep = std::min(top_people, ids.size());
  std::partial_sort(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(keep), ids.end(), before);
  for (std::size_t i = 0; i < keep; ++i) out.people[table_.people_names_[ids[i]]] = people_[ids[i]];
  return out;
}

}  // namespace morgue
