#include "people/credits.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <functional>
#include <vector>

namespace morgue::people {
namespace {

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    // Branch-free: bodies are long and capitals unpredictable.
    c = static_cast<char>(c + (static_cast<unsigned char>(c - 'A') < 26 ? 'a' - 'A' : 0));
  }
  return out;
}

// Markers that open a credit: everything after them is the credit.
constexpr std::array<std::string_view, 12> kCreditOpeners = {
    "photo:", "photos:", "photograph:", "photo by", "photo credit", "picture:", "image:",
    "credit:", "illustration:", "courtesy of", "(photo", "video:"};
// Markers inside a credit ("Jane Doe/Getty Images"): the credit starts at
// the last sentence break before them.
constexpr std::array<std::string_view, 10> kCreditInside = {
    "getty images", "/getty", "via getty", "/afp", "afp/", "/ap", "ap photo", "/reuters",
    "reuters/", "/epa"};
// Wire-copy trailers that name the staff, not the story's people.
constexpr std::array<std::string_view, 6> kTrailers = {
    "(reporting by", "(additional reporting", "(writing by", "(editing by", "(compiled by",
    "(by "};

// Markers are looked for in every story. std::string::find stops at each
// occurrence of a marker's first letter ('p', 'i', 'c' are everywhere);
// Boyer-Moore-Horspool skips ahead by up to the marker's length. The
// searchers are built once and only read afterwards, so threads share them.
template <std::size_t N>
class Markers {
 public:
  explicit Markers(const std::array<std::string_view, N>& words) {
    searchers_.reserve(N);
    for (std::string_view w : words) searchers_.emplace_back(w.begin(), w.end());
  }
  static constexpr std::size_t size() { return N; }
  // Where marker `i` next occurs in `text` at or after `from`, or npos.
  std::size_t find(std::size_t i, std::string_view text, std::size_t from = 0) const {
    if (from > text.size()) return std::string_view::npos;
    auto it = std::search(text.begin() + static_cast<std::ptrdiff_t>(from), text.end(), searchers_[i]);
    return it == text.end() ? std::string_view::npos : static_cast<std::size_t>(it - text.begin());
  }

 private:
  std::vector<std::boyer_moore_horspool_searcher<std::string_view::const_iterator>> searchers_;
};

const Markers<kCreditOpeners.size()>& credit_openers() {
  static const Markers<kCreditOpeners.size()> markers(kCreditOpeners);
  return markers;
}
const Markers<kCreditInside.size()>& credit_inside() {
  static const Markers<kCreditInside.size()> markers(kCreditInside);
  return markers;
}

std::size_t sentence_break_before(std::string_view line, std::size_t pos) {
  for (std::size_t i = pos; i > 0; --i) {
    char c = line[i - 1];
    if (c == '(' || c == '|' || c == '[' || ((c == '.' || c == ';') && i < line.size() && line[i] == ' ')) {
      return c == '(' || c == '[' ? i - 1 : i;
    }
  }
  return 0;
}

}  // namespace

std::string strip_caption_credit(std::string_view caption) {
  std::string lower = ascii_lower(caption);
  std::size_t cut = caption.size();
  for (std::size_t m = 0; m < kCreditOpeners.size(); ++m) {
    std::size_t pos = credit_openers().find(m, lower);
    if (pos != std::string::npos && pos < cut) cut = pos;
  }
  for (std::size_t m = 0; m < kCreditInside.size(); ++m) {
    std::size_t pos = credit_inside().find(m, lower);
    if (pos != std::string::npos && pos < cut) cut = sentence_break_before(caption, pos);
  }
  return std::string(caption.substr(0, cut));
}

std::string strip_body_credits(std::string_view body) {
  std::string out(body);
  std::string lower = ascii_lower(body);
  auto blank = [&](std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to && i < out.size(); ++i) {
      if (out[i] != '\n') out[i] = ' ';
    }
  };
  // Bylines: a short line "By Jane Doe" or "By Jane Doe and John Roe, Reuters".
  for (std::size_t start = 0; start < out.size();) {
    std::size_t end = out.find('\n', start);
    if (end == std::string::npos) end = out.size();
    std::string_view line = std::string_view(lower).substr(start, end - start);
    std::size_t lead = line.find_first_not_of(" \t");
    if (lead != std::string_view::npos && line.substr(lead).starts_with("by ") && line.size() - lead < 80 &&
        line.find_first_of(".!?\"") == std::string_view::npos) {
      blank(start, end);
    }
    start = end + 1;
  }
  for (std::string_view m : kTrailers) {
    for (std::size_t pos = lower.find(m); pos != std::string::npos; pos = lower.find(m, pos + 1)) {
      std::size_t close = lower.find(')', pos);
      std::size_t line_end = lower.find('\n', pos);
      std::size_t end = std::min(close == std::string::npos ? lower.size() : close + 1,
                                 line_end == std::string::npos ? lower.size() : line_end);
      // "(by" is a trailer only when it ends its paragraph.
      if (m == "(by " && ((end < lower.size() && lower[end] != '\n') || pos + 4 >= out.size() ||
                          !(out[pos + 4] >= 'A' && out[pos + 4] <= 'Z'))) {
        continue;
      }
      blank(pos, end);
    }
  }
  const auto& openers = credit_openers();
  for (std::size_t m = 0; m < kCreditOpeners.size(); ++m) {
    for (std::size_t pos = openers.find(m, lower); pos != std::string::npos; pos = openers.find(m, lower, pos + 1)) {
      std::size_t line_end = lower.find('\n', pos);
      blank(pos, line_end == std::string::npos ? lower.size() : line_end);
    }
  }
  return out;
}

}  // namespace morgue::people
