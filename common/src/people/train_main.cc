// Trains the people tagger on CoNLL-2003 eng.train and writes the model file.
// Not part of the library: the CMake target morgue-train-people, which
// scripts/build-people-data builds and runs.
//   morgue-train-people DATA_DIR ENG_TRAIN OUT_MODEL [EPOCHS] [MIN_WEIGHT]
// DATA_DIR holds the word lists (features use them); never give it eng.testa.
#include <algorithm>
#include <cstdio>
#include <exception>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "people/lexicon.h"
#include "people/perceptron.h"
#include "people/tagger.h"
#include "people/tokenizer.h"

namespace {

using namespace morgue::people;

struct TrainingDocument {
  std::vector<std::string_view> words;
  std::vector<std::uint32_t> flags;
  std::vector<Tag> gold;
};

Tag gold_tag(std::string_view label, std::string_view previous_label) {
  if (label.size() < 5) return kOutside;
  std::string_view type = label.substr(2);
  if (type == "PER") {
    bool continues = label[0] == 'I' && previous_label.size() >= 5 && previous_label.substr(2) == "PER";
    return continues ? kPersonInside : kPersonBegin;
  }
  if (type == "ORG") return kOrganisation;
  if (type == "LOC") return kLocation;
  return kMiscEntity;
}

std::vector<TrainingDocument> read_conll(const std::string& text) {
  std::vector<TrainingDocument> docs;
  bool new_sentence = true;
  std::string_view previous_label = "O";
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + pos, end - pos);
    pos = end + 1;
    if (line.empty()) {
      new_sentence = true;
      previous_label = "O";
      continue;
    }
    std::size_t space = line.find(' ');
    std::string_view word = line.substr(0, space);
    std::string_view label = line.substr(line.rfind(' ') + 1);
    if (word == "-DOCSTART-") {
      docs.emplace_back();
      continue;
    }
    if (docs.empty()) docs.emplace_back();
    TrainingDocument& doc = docs.back();
    doc.words.push_back(word);
    doc.flags.push_back(new_sentence ? (kSentenceStart | kLineStart) : 0u);
    doc.gold.push_back(gold_tag(label, previous_label));
    previous_label = label;
    new_sentence = false;
  }
  return docs;
}

int run(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: morgue-train-people DATA_DIR ENG_TRAIN OUT_MODEL [EPOCHS] [MIN_WEIGHT]\n");
    return 2;
  }
  int epochs = argc > 4 ? std::stoi(argv[4]) : 10;
  float min_weight = argc > 5 ? std::stof(argv[5]) : 0.05f;
  Lexicon lexicon(argv[1]);
  std::ifstream in(argv[2], std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", argv[2]);
    return 1;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();
  std::vector<TrainingDocument> docs = read_conll(text);

  Trainer trainer;
  TaggerScratch scratch;
  std::mt19937 rng(20220214);
  std::vector<std::size_t> order(docs.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  for (int epoch = 0; epoch < epochs; ++epoch) {
    std::shuffle(order.begin(), order.end(), rng);
    std::size_t tokens = 0, errors = 0;
    for (std::size_t d : order) {
      const TrainingDocument& td = docs[d];
      Document doc;
      for (std::size_t i = 0; i < td.words.size(); ++i) add_token(td.words[i], td.flags[i], doc);
      finish_document(doc);
      tag_document(doc, lexicon, scratch, [&](std::size_t i, std::span<const std::uint64_t> features) {
        Tag guess = trainer.predict(features);
        trainer.update(features, td.gold[i], guess);
        trainer.tick();
        ++tokens;
        if (guess != td.gold[i]) ++errors;
        return guess;  // the history the tagger will see at run time
      });
    }
    std::fprintf(stderr, "epoch %d: %zu candidate tokens, %.2f%% wrong\n", epoch + 1, tokens,
                 100.0 * static_cast<double>(errors) / static_cast<double>(tokens ? tokens : 1));
  }
  std::size_t kept = trainer.save(argv[3], min_weight);
  std::fprintf(stderr, "wrote %zu features to %s\n", kept, argv[3]);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "morgue-train-people: %s\n", e.what());
    return 1;
  }
}
