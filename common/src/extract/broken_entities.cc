#include "extract/broken_entities.h"

#include <array>
#include <optional>

#include <xapian.h>

#include "extract/encoding.h"
#include "util/strings.h"

namespace morgue {
namespace {

struct Entity {
  std::size_t begin = 0;  // the name's first letter, or the '#'
  std::size_t end = 0;    // past the ';'
  unsigned code_point = 0;
};

bool is_ascii_alnum(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Whether the character at text[at] is a letter or digit (false at the end).
bool word_at(std::string_view text, std::size_t at) {
  if (at >= text.size()) return false;
  const unsigned char c = static_cast<unsigned char>(text[at]);
  if (c < 0x80) return is_ascii_alnum(c);
  std::size_t len = 0;
  const unsigned cp = util::decode_utf8(text, at, len);
  return len > 0 && Xapian::Unicode::is_wordchar(cp);
}

// Whether the character that ends just before text[end] is a letter or digit.
bool word_before(std::string_view text, std::size_t end) {
  if (end == 0) return false;
  std::size_t at = end - 1;
  while (at > 0 && end - at < 4 && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
  return word_at(text, at);
}

bool is_space(unsigned char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

unsigned hex_value(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return 16;
}

// A letter of Latin-1 or Latin Extended-A (the letters of the accepted range).
bool is_latin_letter(unsigned cp) { return cp >= 0xC0 && cp <= 0x17F && cp != 0xD7 && cp != 0xF7; }

bool is_currency(unsigned cp) { return cp == '$' || cp == 0xA3 || cp == 0xA5 || cp == 0x20AC; }

// The character a numeric entity stands for when it is one feeds write;
// nullopt for numbers that are more likely a number ("section #3;").
std::optional<unsigned> numeric_character(unsigned value) {
  switch (value) {
    case '"': case '$': case '&': case '\'': case '<': case '>':
      return value;
    default:
      break;
  }
  if (value >= 0x80 && value <= 0x9F) {
    const unsigned cp = cp1252_code_point(value);
    return cp ? std::optional<unsigned>(cp) : std::nullopt;
  }
  if ((value >= 0xA0 && value <= 0x17F) || (value >= 0x2010 && value <= 0x2027) ||
      (value >= 0x2030 && value <= 0x203A) || value == 0x20AC || value == 0x2122) {
    return value;
  }
  return std::nullopt;
}

// "#NNN;" or "#xHH;" ending at text[semi] (the ';').
std::optional<Entity> numeric_entity(std::string_view text, std::size_t semi) {
  std::size_t start = semi;
  while (start > 0 && semi - start < 8 && hex_value(static_cast<unsigned char>(text[start - 1])) < 16) --start;
  if (start == semi || start == 0) return std::nullopt;
  const std::string_view digits = text.substr(start, semi - start);
  unsigned value = 0;
  std::size_t hash = start - 1;
  if (text[hash] == 'x' || text[hash] == 'X') {
    if (hash == 0 || text[hash - 1] != '#' || digits.size() > 6) return std::nullopt;
    --hash;
    for (char c : digits) value = value * 16 + hex_value(static_cast<unsigned char>(c));
  } else {
    if (text[hash] != '#' || digits.size() > 7) return std::nullopt;
    for (char c : digits) {
      if (!is_digit(static_cast<unsigned char>(c))) return std::nullopt;
      value = value * 10 + static_cast<unsigned>(c - '0');
    }
  }
  if (hash > 0 && text[hash - 1] == '&') return std::nullopt;  // a whole entity
  std::optional<unsigned> cp = numeric_character(value);
  if (!cp) return std::nullopt;
  return Entity{hash, semi + 1, *cp};
}

struct Named {
  std::string_view name;
  unsigned code_point;
  bool glues_left;  // may follow a letter directly (no English word but "aliquot" ends so)
};

constexpr std::array<Named, 6> kNamed = {{{"quot", '"', true},
                                          {"amp", '&', false},
                                          {"lt", '<', false},
                                          {"gt", '>', false},
                                          {"apos", '\'', true},
                                          {"nbsp", 0xA0, true}}};

// "quot;" and the like ending at text[semi].
std::optional<Entity> named_entity(std::string_view text, std::size_t semi) {
  for (const Named& n : kNamed) {
    if (semi < n.name.size() || text.substr(semi - n.name.size(), n.name.size()) != n.name) continue;
    const std::size_t begin = semi - n.name.size();
    if (begin > 0 && text[begin - 1] == '&') return std::nullopt;  // a whole entity
    if (word_before(text, begin)) {
      if (!n.glues_left) return std::nullopt;
      // "aliquot;" is a word and a semicolon.
      if (n.name == "quot" && begin >= 3 && util::iequals(text.substr(begin - 3, 3), "ali") &&
          !word_before(text, begin - 3)) {
        return std::nullopt;
      }
    }
    return Entity{begin, semi + 1, n.code_point};
  }
  return std::nullopt;
}

// "s", "t", "d", "m", "ll", "re", "ve" closing a word at text[at]: what
// follows the apostrophe of a contraction or a possessive.
bool contraction_at(std::string_view text, std::size_t at) {
  std::string suffix;
  std::size_t end = at;
  for (; end < text.size() && end - at < 3 && is_ascii_alnum(static_cast<unsigned char>(text[end])); ++end) {
    suffix.push_back(static_cast<char>(text[end] | 0x20));  // ASCII letters to lower case
  }
  if (word_at(text, end)) return false;
  for (std::string_view s : {"s", "t", "d", "m", "ll", "re", "ve"}) {
    if (suffix == s) return true;
  }
  return false;
}

// Whether the mended character belongs to the word before the space that
// stands where the "&" was (see the header's "Spacing").
bool joins_word_before(std::string_view text, const Entity& e) {
  if (e.begin < 2 || text[e.begin - 1] != ' ') return false;
  const unsigned char before = static_cast<unsigned char>(text[e.begin - 2]);
  if (is_space(before)) return false;
  const bool glued_right = word_at(text, e.end);
  switch (e.code_point) {
    case '"': case 0x201D:
      return !glued_right;
    case '\'': case 0x2019:
      return !glued_right || contraction_at(text, e.end);
    case '&':
      return is_ascii_alnum(before) && glued_right;
    default:
      return is_latin_letter(e.code_point) && word_before(text, e.begin - 1) && glued_right;
  }
}

// Context a character needs besides its form (see the header).
bool fits_context(std::string_view text, const Entity& e) {
  const bool glued_right = word_at(text, e.end);
  if (is_currency(e.code_point)) return e.end < text.size() && is_digit(static_cast<unsigned char>(text[e.end]));
  if (is_latin_letter(e.code_point)) return word_before(text, e.begin) || glued_right;
  return true;
}

std::optional<Entity> entity_ending_at(std::string_view text, std::size_t semi) {
  std::optional<Entity> e = named_entity(text, semi);
  if (!e) e = numeric_entity(text, semi);
  if (e && !fits_context(text, *e)) return std::nullopt;
  return e;
}

}  // namespace

std::string mend_broken_entities(std::string_view text) {
  std::string out;
  std::size_t copied = 0;  // text before this is in `out`
  for (std::size_t semi = text.find(';'); semi != std::string_view::npos; semi = text.find(';', semi + 1)) {
    const std::optional<Entity> e = entity_ending_at(text, semi);
    if (!e) continue;
    if (out.empty()) out.reserve(text.size());
    std::size_t keep_until = e->begin;
    if (joins_word_before(text, *e) && keep_until - 1 >= copied) --keep_until;  // the space for the "&"
    out.append(text.substr(copied, keep_until - copied));
    util::append_utf8(out, e->code_point);
    copied = e->end;
  }
  if (copied == 0) return std::string(text);
  out.append(text.substr(copied));
  return out;
}

void mend_broken_entities(Article& article) {
  // Most stories have no semicolon at all: nothing is copied for them.
  auto mend = [](std::string& text) {
    if (text.find(';') != std::string::npos) text = mend_broken_entities(text);
  };
  mend(article.title);
  mend(article.body);
  for (std::string& caption : article.captions) mend(caption);
}

}  // namespace morgue
