#include "people/credits.h"

#include <algorithm>
#include <array>
#include <cstddef>

namespace morgue::people {
namespace {

std::string ascii_lower(std::string_view s) {
  // By table: bodies are long and their capitals unpredictable to a branch.
  static constexpr std::array<char, 256> kLower = [] {
    std::array<char, 256> table{};
    for (int c = 0; c < 256; ++c) table[c] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    return table;
  }();
  std::string out(s.size(), '\0');
  for (std::size_t i = 0; i < s.size(); ++i) out[i] = kLower[static_cast<unsigned char>(s[i])];
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

// Calls `found(pos)` for every occurrence of every credit opener in `lower`
// (in no particular order). This runs on every story: openers ending in a
// colon are checked at the text's colons (few) rather than with a find()
// each, which would stop at every 'p', 'i' and 'c' of the text.
template <class Found>
void for_each_opener(std::string_view lower, Found&& found) {
  for (std::size_t colon = lower.find(':'); colon != std::string_view::npos; colon = lower.find(':', colon + 1)) {
    for (std::string_view m : kCreditOpeners) {
      if (m.back() == ':' && colon + 1 >= m.size() && lower.substr(colon + 1 - m.size(), m.size()) == m) {
        found(colon + 1 - m.size());
      }
    }
  }
  for (std::string_view m : kCreditOpeners) {
    if (m.back() == ':') continue;
    for (std::size_t pos = lower.find(m); pos != std::string_view::npos; pos = lower.find(m, pos + 1)) found(pos);
  }
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

// "-- Name, City newsroom +1 212 555 0100", "-- Name, Tokyo desk, +81 3 ...":
// a line opened by a dash that names a newsroom or desk or gives a phone.
bool is_desk_line(std::string_view lower) {
  std::size_t lead = lower.find_first_not_of(" \t");
  if (lead == std::string_view::npos) return false;
  lower.remove_prefix(lead);
  bool dash = lower.starts_with("--") || lower.starts_with("\xe2\x80\x94") || lower.starts_with("\xe2\x80\x93");
  if (!dash || lower.size() > 160) return false;
  if (lower.find("newsroom") != std::string_view::npos || lower.find(" desk") != std::string_view::npos) return true;
  for (std::size_t plus = lower.find('+'); plus != std::string_view::npos; plus = lower.find('+', plus + 1)) {
    if (plus + 1 < lower.size() && lower[plus + 1] >= '0' && lower[plus + 1] <= '9') return true;
  }
  return false;
}

}  // namespace

std::string strip_caption_credit(std::string_view caption) {
  std::string lower = ascii_lower(caption);
  std::size_t cut = caption.size();
  for_each_opener(lower, [&cut](std::size_t pos) { cut = std::min(cut, pos); });
  for (std::string_view m : kCreditInside) {
    std::size_t pos = lower.find(m);
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
  // Desk lines: "-- Jane Doe, London newsroom +44 20 7542 1234": the
  // contact for the story (an author, perhaps), not one of its people.
  for (std::size_t start = 0; start < out.size();) {
    std::size_t end = out.find('\n', start);
    if (end == std::string::npos) end = out.size();
    if (is_desk_line(std::string_view(lower).substr(start, end - start))) blank(start, end);
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
  for_each_opener(lower, [&](std::size_t pos) {
    std::size_t line_end = lower.find('\n', pos);
    blank(pos, line_end == std::string::npos ? lower.size() : line_end);
  });
  return out;
}

void mend_quot_entities(std::string& text) {
  constexpr std::string_view kEntity = "&quot;";
  for (std::size_t at = text.find(kEntity); at != std::string::npos; at = text.find(kEntity, at + 1)) {
    text[at] = '"';
    std::fill(text.begin() + static_cast<std::ptrdiff_t>(at) + 1,
              text.begin() + static_cast<std::ptrdiff_t>(at + kEntity.size()), ' ');
  }
}

void mend_split_apostrophes(std::string& text) {
  const auto letter = [&](std::size_t k) { return k < text.size() && std::isalpha(static_cast<unsigned char>(text[k])); };
  // (By apostrophe, which is rare, rather than by space.)
  for (std::size_t quote = text.find('\''); quote != std::string::npos; quote = text.find('\'', quote + 1)) {
    // "O 'Hara": one capital O, D or L alone before the space, a capital after.
    if (quote < 2 || text[quote - 1] != ' ') continue;
    const std::size_t at = quote - 1;
    if (std::string_view("ODL").find(text[at - 1]) == std::string_view::npos) continue;
    if ((at >= 2 && std::isalnum(static_cast<unsigned char>(text[at - 2]))) || at + 2 >= text.size() ||
        !std::isupper(static_cast<unsigned char>(text[at + 2]))) {
      continue;
    }
    std::size_t end = at + 2;
    while (letter(end) || (end < text.size() && text[end] == '-' && letter(end + 1))) ++end;
    std::copy(text.begin() + static_cast<std::ptrdiff_t>(at) + 1, text.begin() + static_cast<std::ptrdiff_t>(end),
              text.begin() + static_cast<std::ptrdiff_t>(at));
    text[end - 1] = ' ';
  }
}

}  // namespace morgue::people
