#include "people/perceptron.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include <fmt/format.h>

namespace morgue::people {
namespace {

// Weights are stored as integers in 1/kScale units: a text file that diffs
// well and loads fast.
constexpr float kScale = 1000.0f;

std::size_t slot_of(std::uint64_t key, std::size_t mask) {
  return static_cast<std::size_t>(key ^ (key >> 29)) & mask;
}

}  // namespace

Model::Model(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error("people model missing or unreadable: " + file.string());
  std::string line;
  std::size_t line_no = 0;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty() || line.front() == '#') continue;
    std::istringstream fields(line);
    std::string key_hex;
    fields >> key_hex;
    Scores w{};
    for (float& x : w) {
      long v = 0;
      fields >> v;
      x = static_cast<float>(v) / kScale;
    }
    if (!fields || key_hex.size() != 16) {
      throw std::runtime_error(fmt::format("{}:{}: malformed model line", file.string(), line_no));
    }
    insert(std::stoull(key_hex, nullptr, 16), w);
  }
  if (count_ == 0) throw std::runtime_error("people model is empty: " + file.string());
}

void Model::grow() {
  std::vector<std::uint64_t> old_keys = std::move(keys_);
  std::vector<Scores> old_weights = std::move(weights_);
  std::size_t capacity = old_keys.empty() ? 1024 : old_keys.size() * 2;
  keys_.assign(capacity, 0);
  weights_.assign(capacity, Scores{});
  mask_ = capacity - 1;
  count_ = 0;
  for (std::size_t i = 0; i < old_keys.size(); ++i) {
    if (old_keys[i] != 0) insert(old_keys[i], old_weights[i]);
  }
}

void Model::insert(std::uint64_t feature, const Scores& weights) {
  if (feature == 0) feature = 1;  // 0 marks empty slots
  if ((count_ + 1) * 2 > keys_.size()) grow();
  std::size_t slot = slot_of(feature, mask_);
  while (keys_[slot] != 0 && keys_[slot] != feature) slot = (slot + 1) & mask_;
  if (keys_[slot] == 0) ++count_;
  keys_[slot] = feature;
  weights_[slot] = weights;
}

void Model::add_scores(std::span<const std::uint64_t> features, Scores& scores) const {
  if (keys_.empty()) return;
  for (std::uint64_t f : features) {
    if (f == 0) f = 1;
    std::size_t slot = slot_of(f, mask_);
    while (keys_[slot] != 0) {
      if (keys_[slot] == f) {
        const Scores& w = weights_[slot];
        for (int t = 0; t < kTagCount; ++t) scores[t] += w[t];
        break;
      }
      slot = (slot + 1) & mask_;
    }
  }
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
