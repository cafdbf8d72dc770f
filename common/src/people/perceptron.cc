#include "people/perceptron.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <stdexcept>
#include <string>

#include <fmt/format.h>

#include "people/lexicon.h"

namespace morgue::people {
namespace {

// Weights are stored as integers in 1/kScale units: a text file that diffs
// well and loads fast.
constexpr float kScale = 1000.0f;

std::size_t slot_of(std::uint64_t key, std::size_t mask) {
  return static_cast<std::size_t>(key ^ (key >> 29)) & mask;
}

}  // namespace

namespace {

// Parsers for the model's lines, simpler and faster than std::from_chars
// (start-up time is part of every indexing run). Each returns nullptr on a
// malformed field.
const char* parse_key(const char* p, const char* end, std::uint64_t& key) {
  if (end - p < 16) return nullptr;
  key = 0;
  for (int k = 0; k < 16; ++k, ++p) {
    unsigned c = static_cast<unsigned char>(*p);
    unsigned digit;
    if (c >= '0' && c <= '9') digit = c - '0';
    else if (c >= 'a' && c <= 'f') digit = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') digit = c - 'A' + 10;
    else return nullptr;
    key = key << 4 | digit;
  }
  return p;
}

const char* parse_weight(const char* p, const char* end, long& value) {
  bool negative = p < end && *p == '-';
  if (negative) ++p;
  const char* digits = p;
  value = 0;
  while (p < end && *p >= '0' && *p <= '9' && p - digits < 12) value = value * 10 + (*p++ - '0');
  if (p == digits || (p < end && *p >= '0' && *p <= '9')) return nullptr;
  if (negative) value = -value;
  return p;
}

}  // namespace

Model::Model(const std::filesystem::path& file) {
  const std::string text = read_data_file(file, "people model");
  // Sized once for every line, so the table is never rebuilt while loading.
  std::size_t lines = 1;
  for (std::size_t pos = text.find('\n'); pos != std::string::npos; pos = text.find('\n', pos + 1)) ++lines;
  std::size_t capacity = 1024;
  while (capacity < lines * 2) capacity *= 2;
  slots_.assign(capacity, Slot{});
  mask_ = capacity - 1;
  std::size_t line_no = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    const char* p = text.data() + pos;
    const char* line_end = text.data() + end;
    pos = end + 1;
    ++line_no;
    if (p == line_end || *p == '#') continue;
    std::uint64_t key = 0;
    const char* next = parse_key(p, line_end, key);
    Scores w{};
    for (float& x : w) {
      if (!next || next == line_end || *next != ' ') {
        next = nullptr;
        break;
      }
      long v = 0;
      next = parse_weight(next + 1, line_end, v);
      x = static_cast<float>(v) / kScale;
    }
    if (!next || next != line_end) {
      throw std::runtime_error(fmt::format("{}:{}: malformed model line", file.string(), line_no));
    }
    insert(key, w);
  }
  if (count_ == 0) throw std::runtime_error("people model is empty: " + file.string());
}

void Model::grow() {
  std::vector<Slot> old = std::move(slots_);
  std::size_t capacity = old.empty() ? 1024 : old.size() * 2;
  slots_.assign(capacity, Slot{});
  mask_ = capacity - 1;
  count_ = 0;
  for (const Slot& s : old) {
    if (s.key != 0) insert(s.key, s.weights);
  }
}

void Model::insert(std::uint64_t feature, const Scores& weights) {
  if (feature == 0) feature = 1;  // 0 marks empty slots
  if ((count_ + 1) * 2 > slots_.size()) grow();
  std::size_t slot = slot_of(feature, mask_);
  while (slots_[slot].key != 0 && slots_[slot].key != feature) slot = (slot + 1) & mask_;
  if (slots_[slot].key == 0) ++count_;
  slots_[slot] = Slot{feature, weights};
}

void Model::add_scores(std::span<const std::uint64_t> features, Scores& scores) const {
  if (slots_.empty()) return;
  // A local sum the compiler can keep in registers (`scores` might alias
  // the table as far as it knows); the additions happen in the same order.
  Scores sum = scores;
  const Slot* slots = slots_.data();
  // Each lookup is a cache miss: asking for all of a token's slots first
  // lets the misses overlap instead of waiting one after another.
  for (std::uint64_t f : features) __builtin_prefetch(&slots[slot_of(f == 0 ? 1 : f, mask_)]);
  for (std::uint64_t f : features) {
    if (f == 0) f = 1;
    for (std::size_t slot = slot_of(f, mask_); slots[slot].key != 0; slot = (slot + 1) & mask_) {
      if (slots[slot].key == f) {
        const Scores& w = slots[slot].weights;
        static_assert(kTagCount == 6, "unrolled below");
        sum[0] += w[0];
        sum[1] += w[1];
        sum[2] += w[2];
        sum[3] += w[3];
        sum[4] += w[4];
        sum[5] += w[5];
        break;
      }
    }
  }
  scores = sum;
}

Tag Trainer::predict(std::span<const std::uint64_t> features) const {
  Scores scores{};
  for (std::uint64_t f : features) {
    auto it = entries_.find(f);
    if (it == entries_.end()) continue;
    for (int t = 0; t < kTagCount; ++t) scores[t] += it->second.weight[t];
  }
  int best = 0;
  for (int t = 1; t < kTagCount; ++t) {
    if (scores[t] > scores[best]) best = t;
  }
  return static_cast<Tag>(best);
}

void Trainer::update(std::span<const std::uint64_t> features, Tag truth, Tag guess) {
  if (truth == guess) return;
  for (std::uint64_t f : features) {
    Entry& e = entries_[f];
    for (Tag t : {truth, guess}) {
      // Lazy averaging: credit the weight for the ticks it stood unchanged.
      e.total[t] += static_cast<float>(clock_ - e.stamp[t]) * e.weight[t];
      e.stamp[t] = clock_;
      e.weight[t] += t == truth ? 1.0f : -1.0f;
    }
  }
}

Scores Trainer::averaged_weights(const Entry& e) const {
  Scores avg{};
  for (int t = 0; t < kTagCount; ++t) {
    float total = e.total[t] + static_cast<float>(clock_ - e.stamp[t]) * e.weight[t];
    avg[t] = total / static_cast<float>(clock_);
  }
  return avg;
}

Model Trainer::averaged(float min_weight) const {
  Model model;
  for (const auto& [feature, entry] : entries_) {
    Scores avg = averaged_weights(entry);
    float largest = 0;
    for (float& w : avg) {
      w = std::round(w * kScale) / kScale;  // what save() keeps
      largest = std::max(largest, std::fabs(w));
    }
    if (largest >= min_weight) model.insert(feature, avg);
  }
  return model;
}

std::size_t Trainer::save(const std::filesystem::path& file, float min_weight) const {
  std::ofstream out(file);
  if (!out) throw std::runtime_error("cannot write " + file.string());
  out << "# morgue people tagger: averaged perceptron weights, built by scripts/build-people-data\n"
         "# feature-hash weight[O] weight[B-PER] weight[I-PER] weight[ORG] weight[LOC] weight[MISC] (x1000)\n";
  std::vector<std::pair<std::uint64_t, Scores>> kept;
  for (const auto& [feature, entry] : entries_) {
    Scores avg = averaged_weights(entry);
    float largest = 0;
    for (float w : avg) largest = std::max(largest, std::fabs(w));
    if (largest >= min_weight) kept.emplace_back(feature, avg);
  }
  std::sort(kept.begin(), kept.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [feature, avg] : kept) {
    out << fmt::format("{:016x}", feature);
    for (float w : avg) out << ' ' << static_cast<long>(std::lround(w * kScale));
    out << '\n';
  }
  if (!out) throw std::runtime_error("cannot write " + file.string());
  return kept.size();
}

}  // namespace morgue::people
