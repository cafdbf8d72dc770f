// A multi-class averaged perceptron over hashed features (private): the
// tagger's model, and the trainer that builds it from eng.train
// (scripts/build-people-data). Features are 64-bit hashes (features.h).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <span>
#include <unordered_map>
#include <vector>

namespace morgue::people {

// The tags the model tells apart. Only people matter to us, but knowing an
// organisation or a place by name keeps it from being taken for a person.
enum Tag : std::uint8_t { kOutside, kPersonBegin, kPersonInside, kOrganisation, kLocation, kMiscEntity };
inline constexpr int kTagCount = 6;
using Scores = std::array<float, kTagCount>;

// Read-only weights: thread-safe to share.
class Model {
 public:
  // Reads a file written by Trainer::save(); throws std::runtime_error when
  // it is missing or malformed.
  explicit Model(const std::filesystem::path& file);
  Model() = default;

  // Adds the weights of `features` to `scores`.
  void add_scores(std::span<const std::uint64_t> features, Scores& scores) const;
  std::size_t size() const { return count_; }

  // Used by the trainer to build a model in memory.
  void insert(std::uint64_t feature, const Scores& weights);

 private:
  // Key and weights side by side: a lookup costs one cache miss, which is
  // what tagging time is made of.
  struct Slot {
    std::uint64_t key = 0;  // 0 marks an empty slot
    Scores weights{};
  };
  void grow();
  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  std::size_t count_ = 0;
};

// Averaged perceptron training (Collins 2002) with lazy averaging.
class Trainer {
 public:
  Tag predict(std::span<const std::uint64_t> features) const;
  // One example: moves weights toward `truth` and away from `guess`.
  void update(std::span<const std::uint64_t> features, Tag truth, Tag guess);
  // Ends an example (the averaging clock).
  void tick() { ++clock_; }
  // Averaged weights, leaving out features whose largest weight is below
  // `min_weight` in magnitude (keeps the committed model small).
  Model averaged(float min_weight) const;
  // Writes averaged weights in the text format Model reads.
  std::size_t save(const std::filesystem::path& file, float min_weight) const;

 private:
  struct Entry {
    Scores weight{};
    Scores total{};
    std::array<std::int64_t, kTagCount> stamp{};
  };
  Scores averaged_weights(const Entry& e) const;
  std::unordered_map<std::uint64_t, Entry> entries_;
  std::int64_t clock_ = 1;
};

}  // namespace morgue::people
