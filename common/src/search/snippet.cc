#include "morgue/snippet.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <set>
#include <unordered_set>

#include <xapian.h>

#include "store/stemmers.h"
#include "util/strings.h"

namespace morgue {
namespace {

struct Word {
  std::size_t begin, end;  // byte offsets into the text
  int term = -1;           // index of the matched query term, or -1
};

bool is_apostrophe(unsigned ch) { return ch == '\'' || ch == 0x2019; }

// ASCII characters Xapian counts as word characters (letters, digits, '_').
struct AsciiWordChars {
  bool is[128];
  AsciiWordChars() {
    for (unsigned c = 0; c < 128; ++c) is[c] = Xapian::Unicode::is_wordchar(c);
  }
};

// The character at `pos` and its length in bytes; ASCII without decoding.
// Stored text is valid UTF-8; a stray byte reads as itself, as Xapian's
// Utf8Iterator does.
unsigned char_at(const std::string& text, std::size_t pos, std::size_t& len) {
  const unsigned c = static_cast<unsigned char>(text[pos]);
  if (c < 0x80) {
    len = 1;
    return c;
  }
  const unsigned ch = util::decode_utf8(text, pos, len);
  if (len > 0) return ch;
  len = 1;
  return c;
}

// Splits text into words the way Xapian's TermGenerator does (Unicode word
// characters, apostrophes inside words kept), lower-cased. Most news text is
// ASCII, which is read byte by byte.
// Only words whose lower-cased first byte is in `wanted` can match a query
// term; the others are located but not lower-cased.
std::vector<std::pair<Word, std::string>> tokenize(const std::string& text, const std::array<bool, 256>& wanted) {
  static const AsciiWordChars ascii;
  auto word_char = [&](unsigned ch) { return ch < 128 ? ascii.is[ch] : Xapian::Unicode::is_wordchar(ch); };
  std::vector<std::pair<Word, std::string>> words;
  std::size_t pos = 0, len = 0;
  const std::size_t size = text.size();
  while (pos < size) {
    unsigned ch = char_at(text, pos, len);
    if (!word_char(ch)) {
      pos += len;
      continue;
    }
    std::size_t begin = pos;
    std::string lower;
    const unsigned first = ch < 128 ? (ch >= 'A' && ch <= 'Z' ? ch + 32 : ch) : Xapian::Unicode::tolower(ch);
    const bool keep = first < 128 ? wanted[first] : wanted[0x80];
    while (pos < size) {
      ch = char_at(text, pos, len);
      if (word_char(ch)) {
        if (!keep) {
        } else if (ch < 128) {
          lower.push_back(static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch));
        } else {
          Xapian::Unicode::append_utf8(lower, Xapian::Unicode::tolower(ch));
        }
        pos += len;
        continue;
      }
      if (is_apostrophe(ch) && pos + len < size) {
        std::size_t next_len = 0;
        if (word_char(char_at(text, pos + len, next_len))) {
          lower.push_back('\'');
          pos += len;
          continue;
        }
      }
      break;
    }
    words.push_back({Word{begin, pos, -1}, std::move(lower)});
  }
  return words;
}

bool sentence_start(const std::string& text, std::size_t pos) {
  if (pos == 0) return true;
  std::size_t i = pos;
  while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\n' || text[i - 1] == '"' || text[i - 1] == '\t')) {
    if (text[i - 1] == '\n' && i >= 2 && text[i - 2] == '\n') return true;
    --i;
  }
  if (i == pos || i == 0) return i == 0;
  char c = text[i - 1];
  return c == '.' || c == '!' || c == '?' || c == ':' || c == ';';
}

bool sentence_end(const std::string& text, std::size_t word_begin, std::size_t word_end) {
  // "U.S." and initials are not sentence ends.
  if (word_end - word_begin == 1 && text[word_begin] >= 'A' && text[word_begin] <= 'Z') return false;
  std::size_t i = word_end;
  while (i < text.size() && (text[i] == '"' || text[i] == ')' || text[i] == '\'')) ++i;
  if (i >= text.size()) return true;
  char c = text[i];
  return c == '.' || c == '!' || c == '?' || c == '\n';
}

// Where a fragment that ends after word `last` should stop: include closing punctuation.
std::size_t fragment_stop(const std::string& text, std::size_t word_end) {
  std::size_t i = word_end;
  while (i < text.size() && (text[i] == '.' || text[i] == '!' || text[i] == '?' || text[i] == '"' ||
                             text[i] == ')' || text[i] == '\'' || text[i] == ',')) {
    ++i;
  }
  return i;
}

constexpr std::size_t kStemHead = 3;

bool could_stem_to(const std::string& word, const std::vector<std::string>& heads) {
  for (const auto& head : heads) {
    if (word.compare(0, head.size(), head) == 0) return true;
  }
  return false;
}

// First bytes of the words and stems to look for (0x80: any non-ASCII start).
std::array<bool, 256> wanted_first_bytes(const SnippetTerms& terms) {
  std::array<bool, 256> wanted{};
  for (const auto* list : {&terms.words, &terms.stems}) {
    for (const auto& t : *list) {
      if (!t.empty()) wanted[std::min<unsigned>(static_cast<unsigned char>(t[0]), 0x80)] = true;
    }
  }
  return wanted;
}

// Which query term each word matches (by exact word, then by stem).
std::vector<Word> match_terms(std::vector<std::pair<Word, std::string>>& tokens, const SnippetTerms& terms,
                              const std::string& language) {
  Xapian::Stem stemmer = stemmer_for(language);  // as the story was indexed
  // Stemming every word of a long story is most of a snippet's cost; a stem
  // keeps the word's first letters, so only words that start like a query
  // stem are stemmed.
  std::vector<std::string> stem_heads;
  for (const auto& stem : terms.stems) stem_heads.push_back(stem.substr(0, kStemHead));
  std::vector<Word> words;
  words.reserve(tokens.size());
  for (auto& [w, lower] : tokens) {
    if (lower.empty()) {  // cannot match: see tokenize()
      words.push_back(w);
      continue;
    }
    auto found = std::find(terms.words.begin(), terms.words.end(), lower);
    if (found != terms.words.end()) {
      w.term = static_cast<int>(found - terms.words.begin());
    } else if (!terms.stems.empty() && could_stem_to(lower, stem_heads)) {
      std::string stem = stemmer(lower);
      auto s = std::find(terms.stems.begin(), terms.stems.end(), stem);
      if (s != terms.stems.end()) w.term = static_cast<int>(terms.words.size() + static_cast<std::size_t>(s - terms.stems.begin()));
    }
    words.push_back(w);
  }
  return words;
}

using WordRange = std::pair<std::size_t, std::size_t>;  // first and last word index

// Picks fragment windows one at a time: each pick scores every window that
// starts near an unused match and does not overlap an earlier pick.
class FragmentPicker {
 public:
  FragmentPicker(const std::string& text, const std::vector<Word>& words, std::size_t budget)
      : text_(text), words_(words), budget_(budget), used_(words.size(), false) {}

  // A window starting at word i spans words while they fit in the budget.
  std::size_t window_end(std::size_t i) const {
    std::size_t j = i;
    while (j + 1 < words_.size() && words_[j + 1].end - words_[i].begin <= budget_) ++j;
    return j;
  }

  // The best window left, cut at a sentence end when one is close; nullopt
  // when no unused match remains.
  std::optional<WordRange> pick() {
    double best_score = 0;
    WordRange best{0, 0};
    for (std::size_t i = 0; i < words_.size(); ++i) {
      if (words_[i].term < 0 || used_[i]) continue;
      const std::size_t start = window_start(i);
      const std::size_t end = window_end(start);
      const double score = window_score(start, end);
      if (score > best_score) {
        best_score = score;
        best = {start, end};
      }
    }
    if (best_score <= 0) return std::nullopt;
    best.second = stop_at_sentence_end(best.first, best.second);
    for (std::size_t k = best.first; k <= best.second; ++k) {
      used_[k] = true;
      if (words_[k].term >= 0) covered_.insert(words_[k].term);
    }
    return best;
  }

 private:
  // Start a few words before the match at word i, or at the sentence start when close.
  std::size_t window_start(std::size_t i) const {
    std::size_t start = i;
    for (std::size_t back = 0; back < 12 && start > 0 && !used_[start - 1]; ++back) {
      if (sentence_start(text_, words_[start].begin)) break;
      --start;
    }
    if (!sentence_start(text_, words_[start].begin) && i - start > 4) start = i - 4;
    return start;
  }

  // Terms not shown yet count most, then distinct terms, then every match;
  // 0 for a window that overlaps an earlier pick.
  double window_score(std::size_t start, std::size_t end) const {
    std::set<int> distinct;
    std::size_t hits = 0;
    for (std::size_t k = start; k <= end; ++k) {
      if (used_[k]) return 0;
      if (words_[k].term >= 0) {
        distinct.insert(words_[k].term);
        ++hits;
      }
    }
    std::size_t fresh = 0;
    for (int t : distinct) fresh += covered_.count(t) ? 0 : 1;
    return static_cast<double>(fresh) * 10 + static_cast<double>(distinct.size()) * 3 +
           static_cast<double>(hits) + (sentence_start(text_, words_[start].begin) ? 0.5 : 0);
  }

  // Prefer to stop at a sentence end inside the window, after its last match.
  std::size_t stop_at_sentence_end(std::size_t start, std::size_t end) const {
    for (std::size_t k = end; k > start; --k) {
      bool has_match_after = false;
      for (std::size_t m = k + 1; m <= end; ++m) has_match_after = has_match_after || words_[m].term >= 0;
      if (has_match_after) break;
      if (sentence_end(text_, words_[k].begin, words_[k].end) && words_[k].end - words_[start].begin >= budget_ / 2) {
        return k;
      }
    }
    return end;
  }

  const std::string& text_;
  const std::vector<Word>& words_;
  const std::size_t budget_;
  std::vector<bool> used_;
  std::set<int> covered_;  // terms already shown in a chosen fragment
};

// The text of words first..last with its highlights, newlines as spaces.
Fragment make_fragment(const std::string& text, const std::vector<Word>& words, std::size_t first, std::size_t last) {
  Fragment f;
  std::size_t begin = words[first].begin;
  std::size_t stop = fragment_stop(text, words[last].end);
  // Keep an opening quote that belongs to the first word.
  if (begin > 0 && (text[begin - 1] == '"') ) --begin;
  f.text = text.substr(begin, stop - begin);
  for (char& c : f.text) {
    if (c == '\n') c = ' ';
  }
  f.cut_before = !sentence_start(text, words[first].begin);
  f.cut_after = stop < text.size() && !sentence_end(text, words[last].begin, words[last].end);
  for (std::size_t k = first; k <= last; ++k) {
    if (words[k].term >= 0) f.highlights.push_back({words[k].begin - begin, words[k].end - begin});
  }
  return f;
}

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Splits a query at blanks outside double quotes: `person:"sergey lavrov"` is one chunk.
std::vector<std::string_view> query_chunks(std::string_view query) {
  std::vector<std::string_view> chunks;
  std::size_t i = 0;
  while (i < query.size()) {
    while (i < query.size() && is_blank(query[i])) ++i;
    const std::size_t start = i;
    bool quoted = false;
    while (i < query.size() && (quoted || !is_blank(query[i]))) quoted ^= query[i++] == '"';
    if (i > start) chunks.push_back(query.substr(start, i - start));
  }
  return chunks;
}

// A chunk's text to highlight: "" for operators, wildcards and filter fields;
// the value of a headline, person or byline field.
std::string_view highlightable(std::string_view chunk) {
  static const std::set<std::string, std::less<>> kOperators = {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"};
  static const std::set<std::string, std::less<>> kWordFields = {"title", "headline", "person", "people", "author",
                                                                 "by"};
  if (chunk.find('*') != std::string_view::npos) return {};
  if (kOperators.count(chunk.substr(0, chunk.find('/')))) return {};
  const std::size_t lead = std::min(chunk.find_first_not_of("+-("), chunk.size());
  const std::size_t colon = chunk.find(':');
  if (colon == std::string_view::npos || colon <= lead) return chunk;
  std::string field(chunk.substr(lead, colon - lead));
  if (!std::all_of(field.begin(), field.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); })) {
    return chunk;
  }
  for (char& c : field) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return kWordFields.count(field) ? chunk.substr(colon + 1) : std::string_view{};
}

bool is_function_word(const std::string& word) {
  static const std::set<std::string, std::less<>> kWords = {
      "a",  "an", "and", "are", "as",  "at",   "be",   "by",  "for", "from", "had", "has", "have", "he",
      "her", "his", "in", "is", "it", "its", "of", "on", "or", "she", "that", "the", "their", "they",
      "this", "to", "was", "we", "were", "which", "who", "will", "with"};
  return kWords.count(word) > 0;
}

}  // namespace

static Snippet snippet_of(const std::string& text, const SnippetTerms& terms, const SnippetOptions& options) {
  Snippet snippet;
  if (text.empty() || options.max_fragments == 0) return snippet;
  auto tokens = tokenize(text, wanted_first_bytes(terms));
  if (tokens.empty()) return snippet;
  const std::vector<Word> words = match_terms(tokens, terms, options.language);
  const bool any_match = std::any_of(words.begin(), words.end(), [](const Word& w) { return w.term >= 0; });

  FragmentPicker picker(text, words, std::max<std::size_t>(options.fragment_bytes, 40));
  std::vector<WordRange> chosen;
  while (any_match && chosen.size() < options.max_fragments) {
    std::optional<WordRange> next = picker.pick();
    if (!next) break;
    chosen.push_back(*next);
  }
  if (chosen.empty()) chosen.emplace_back(0, picker.window_end(0));
  std::sort(chosen.begin(), chosen.end());

  for (const auto& [first, last] : chosen) snippet.fragments.push_back(make_fragment(text, words, first, last));
  return snippet;
}

Fragment highlight_text(const std::string& text, const SnippetTerms& terms, const std::string& language) {
  Fragment fragment;
  fragment.text = text;
  auto tokens = tokenize(text, wanted_first_bytes(terms));
  for (const Word& w : match_terms(tokens, terms, language)) {
    if (w.term >= 0) fragment.highlights.push_back({w.begin, w.end});
  }
  return fragment;
}

SnippetTerms query_highlight_terms(std::string_view query) {
  std::string text;
  for (std::string_view chunk : query_chunks(query)) {
    text += highlightable(chunk);
    text += ' ';
  }
  std::array<bool, 256> every{};
  every.fill(true);
  auto tokens = tokenize(text, every);
  // Function words only when the query has nothing else ("The Who").
  const bool all_function = std::all_of(tokens.begin(), tokens.end(), [](const auto& t) { return is_function_word(t.second); });
  Xapian::Stem stemmer("english");
  SnippetTerms terms;
  auto add = [](std::vector<std::string>& list, std::string item) {
    if (!item.empty() && std::find(list.begin(), list.end(), item) == list.end()) list.push_back(std::move(item));
  };
  for (const auto& [word, lower] : tokens) {
    if (lower.empty() || (!all_function && is_function_word(lower))) continue;
    add(terms.words, lower);
    add(terms.stems, stemmer(lower));
  }
  return terms;
}

Snippet make_snippet(const std::string& text, const SnippetTerms& terms, const SnippetOptions& options) {
  if (options.max_scan_bytes == 0 || text.size() <= options.max_scan_bytes) return snippet_of(text, terms, options);
  const std::string window(util::utf8_prefix(text, options.max_scan_bytes));
  Snippet snippet = snippet_of(window, terms, options);
  // A fragment that reaches the end of the window goes on in the story.
  if (!snippet.fragments.empty()) {
    Fragment& last = snippet.fragments.back();
    const std::size_t n = last.text.size();
    bool at_end = n <= window.size();
    for (std::size_t i = 0; at_end && i < n; ++i) {
      char c = window[window.size() - n + i];
      at_end = (c == '\n' ? ' ' : c) == last.text[i];
    }
    if (at_end) last.cut_after = true;
  }
  return snippet;
}

}  // namespace morgue
