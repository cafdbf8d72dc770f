#include "people/tokenizer.h"

#include <array>

#include <xapian.h>

namespace morgue::people {
namespace {

struct CodePoint {
  unsigned value = 0;
  std::size_t size = 1;
};

// Decodes one UTF-8 sequence; invalid bytes come back as themselves (the
// library guarantees valid UTF-8, so this only keeps us safe).
CodePoint decode_multibyte(std::string_view s, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned c = byte(i);
  std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (len == 1 || i + len > s.size()) return {c, 1};
  unsigned v = c & (0x3Fu >> (len - 1));
  for (std::size_t k = 1; k < len; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return {c, 1};
    v = (v << 6) | (byte(i + k) & 0x3F);
  }
  return {v, len};
}

// Most text is ASCII: that case stays inline.
inline CodePoint decode(std::string_view s, std::size_t i) {
  unsigned c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return {c, 1};
  return decode_multibyte(s, i);
}

// ASCII letters and digits, by byte: the tokenizer's inner loops.
constexpr std::array<bool, 256> kAsciiAlnum = [] {
  std::array<bool, 256> table{};
  for (unsigned c = 0; c < 128; ++c) {
    table[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
  return table;
}();

// Letter case classes (kCaseless: a letter with no case, as in CJK); ASCII by table.
enum : std::uint8_t { kUp = 1, kLow = 2, kCaseless = 4 };
constexpr std::array<std::uint8_t, 128> kAsciiCase = [] {
  std::array<std::uint8_t, 128> table{};
  for (unsigned c = 'A'; c <= 'Z'; ++c) table[c] = kUp;
  for (unsigned c = 'a'; c <= 'z'; ++c) table[c] = kLow;
  return table;
}();

bool is_letter(unsigned c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  auto cat = Xapian::Unicode::get_category(c);
  return cat <= Xapian::Unicode::OTHER_LETTER || cat == Xapian::Unicode::NON_SPACING_MARK ||
         cat == Xapian::Unicode::COMBINING_SPACING_MARK;
}
bool is_digit(unsigned c) { return c >= '0' && c <= '9'; }
bool is_alnum(unsigned c) { return is_digit(c) || is_letter(c); }
bool is_upper_cp(unsigned c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  auto cat = Xapian::Unicode::get_category(c);
  return cat == Xapian::Unicode::UPPERCASE_LETTER || cat == Xapian::Unicode::TITLECASE_LETTER;
}
bool is_lower_cp(unsigned c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return Xapian::Unicode::get_category(c) == Xapian::Unicode::LOWERCASE_LETTER;
}
bool is_space_cp(unsigned c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == 0xA0 ||
         (c > 0x7F && Xapian::Unicode::is_whitespace(c));
}
bool is_apostrophe(unsigned c) { return c == '\'' || c == 0x2019; }

// Words that keep their full stop: titles and abbreviations that usually
// precede a name ("Mr. Lavrov", "Sen. Smith") and so never end a sentence.
bool is_abbreviation(std::string_view w) {
  static constexpr std::array<std::string_view, 40> kAbbrev = {
      "Mr",  "Mrs", "Ms",   "Dr",   "Sen",  "Gov",  "Rep",  "St",   "Jr",  "Sr",
      "Gen", "Col", "Lt",   "Capt", "Prof", "Rev",  "Sgt",  "Maj",  "Adm", "Cmdr",
      "Mt",  "Ft",  "Inc",  "Corp", "Co",   "Ltd",  "No",   "vs",   "Messrs", "Mme",
      "Mlle", "Pres", "Supt", "Insp", "Cpl", "Pte", "Brig", "Hon", "Fr", "Sens"};
  for (std::string_view a : kAbbrev) {
    if (w == a) return true;
  }
  return false;
}

// One letter, possibly upper or lower ("J" in "J. Smith").
bool is_single_letter(std::string_view w) {
  CodePoint c = decode(w, 0);
  return c.size == w.size() && is_letter(c.value);
}

void append_lower(std::string_view text, std::string& out) {
  std::size_t ascii = 0;
  while (ascii < text.size() && static_cast<unsigned char>(text[ascii]) < 0x80) ++ascii;
  const std::size_t start = out.size();
  out.append(text.substr(0, ascii));
  for (std::size_t k = start; k < out.size(); ++k) {
    if (out[k] >= 'A' && out[k] <= 'Z') out[k] = static_cast<char>(out[k] - 'A' + 'a');
  }
  for (std::size_t i = ascii; i < text.size();) {
    unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      out.push_back(b >= 'A' && b <= 'Z' ? static_cast<char>(b - 'A' + 'a') : static_cast<char>(b));
      ++i;
      continue;
    }
    CodePoint c = decode(text, i);
    if (c.value == 0x2019) {
      out.push_back('\'');  // one apostrophe form for features and names
    } else {
      Xapian::Unicode::append_utf8(out, Xapian::Unicode::tolower(c.value));
    }
    i += c.size;
  }
}

// Length of the word starting at `i` (a letter or digit there).
std::size_t scan_word(std::string_view s, std::size_t i) {
  std::size_t j = i;
  std::size_t segment_start = i;  // start of the part after the last inner '.'
  while (j < s.size()) {
    if (kAsciiAlnum[static_cast<unsigned char>(s[j])]) {
      ++j;
      continue;
    }
    CodePoint c = decode(s, j);
    if (is_alnum(c.value)) {
      j += c.size;
      continue;
    }
    if (j + c.size >= s.size()) break;
    CodePoint next = decode(s, j + c.size);
    if ((c.value == '-' || c.value == 0x2010) && is_alnum(next.value)) {
      j += c.size;
      continue;
    }
    if (is_apostrophe(c.value) && is_letter(next.value)) {
      // Possessive "'s" (and "'S" in headlines) is a token of its own; "O'Neill" is not.
      bool s_suffix = next.value == 's' || next.value == 'S';
      std::size_t after = j + c.size + next.size;
      if (s_suffix && (after >= s.size() || !is_alnum(decode(s, after).value))) break;
      j += c.size;
      continue;
    }
    if (c.value == '.' && is_letter(next.value) && is_single_letter(s.substr(segment_start, j - segment_start))) {
      j += 1;  // "U.S", "J.K" (the final '.' is taken below)
      segment_start = j;
      continue;
    }
    if ((c.value == '.' || c.value == ',') && is_digit(next.value) && j > i &&
        is_digit(static_cast<unsigned char>(s[j - 1]))) {
      j += 1;  // 3.5, 130,000
      continue;
    }
    break;
  }
  // A full stop belongs to initials, dotted abbreviations and known titles.
  if (j < s.size() && s[j] == '.') {
    std::string_view word = s.substr(i, j - i);
    if (word.find('.') != std::string_view::npos || is_single_letter(word) || is_abbreviation(word)) {
      ++j;
    }
  }
  return j - i;
}

}  // namespace

bool starts_upper(std::string_view word) {
  for (std::size_t i = 0; i < word.size();) {
    CodePoint c = decode(word, i);
    if (is_letter(c.value)) return is_upper_cp(c.value);
    i += c.size;
  }
  return false;
}

bool is_all_upper(std::string_view word) {
  bool letters = false;
  for (std::size_t i = 0; i < word.size();) {
    CodePoint c = decode(word, i);
    if (is_lower_cp(c.value)) return false;
    letters = letters || is_letter(c.value);
    i += c.size;
  }
  return letters;
}

bool has_upper(std::string_view word) {
  for (std::size_t i = 0; i < word.size();) {
    CodePoint c = decode(word, i);
    if (is_upper_cp(c.value)) return true;
    i += c.size;
  }
  return false;
}

bool has_letter(std::string_view word) {
  for (std::size_t i = 0; i < word.size();) {
    CodePoint c = decode(word, i);
    if (is_letter(c.value)) return true;
    i += c.size;
  }
  return false;
}

std::uint8_t letter_case(std::string_view word) {
  // One pass for what starts_upper(), has_upper(), has_letter() and
  // is_all_upper() would each find; ASCII by table.
  std::uint8_t seen = 0, first = 0;
  for (std::size_t i = 0; i < word.size();) {
    unsigned char b = static_cast<unsigned char>(word[i]);
    std::uint8_t cls;
    if (b < 0x80) {
      cls = kAsciiCase[b];
      ++i;
    } else {
      CodePoint c = decode(word, i);
      i += c.size;
      cls = is_upper_cp(c.value) ? kUp : is_lower_cp(c.value) ? kLow : is_letter(c.value) ? kCaseless : 0;
    }
    if (!first) first = cls;
    seen |= cls;
  }
  std::uint8_t bits = 0;
  if (seen) bits |= kHasLetter;
  if (seen & kUp) bits |= kHasUpper;
  if (first == kUp) bits |= kStartsUpper;
  if (seen && !(seen & kLow)) bits |= kAllUpper;
  return bits;
}

void add_token(std::string_view text, std::uint32_t flags, Document& doc) {
  // The buffer may move while it grows: finish_document() makes the views.
  const std::size_t start = doc.lower_buffer.size();
  doc.lower_offsets.push_back(static_cast<std::uint32_t>(start));
  // ASCII words (nearly all of them) are lowered and classified in one loop.
  doc.lower_buffer.resize(start + text.size());
  char* out = doc.lower_buffer.data() + start;
  std::uint8_t seen = 0, first = 0;
  for (std::size_t k = 0; k < text.size(); ++k) {
    unsigned char b = static_cast<unsigned char>(text[k]);
    if (b >= 0x80) {
      doc.lower_buffer.resize(start);
      append_lower(text, doc.lower_buffer);
      std::uint8_t bits = letter_case(text);
      if (std::string_view(doc.lower_buffer).substr(start) == text) bits |= kLowerOnly;
      doc.tokens.push_back(Token{text, {}, flags, bits});
      return;
    }
    std::uint8_t cls = kAsciiCase[b];
    out[k] = static_cast<char>(cls == kUp ? b + ('a' - 'A') : b);
    if (!first) first = cls;
    seen |= cls;
  }
  std::uint8_t bits = 0;
  if (seen) bits |= kHasLetter;
  if (seen & kUp) bits |= kHasUpper;
  else bits |= kLowerOnly;
  if (first == kUp) bits |= kStartsUpper;
  if (seen && !(seen & kLow)) bits |= kAllUpper;
  doc.tokens.push_back(Token{text, {}, flags, bits});
}

void tokenize(std::string_view text, Document& doc) {
  bool line_start = true;
  bool sentence_start = true;
  for (std::size_t i = 0; i < text.size();) {
    CodePoint c = decode(text, i);
    if (c.value == '\n') {
      line_start = sentence_start = true;
      ++i;
      continue;
    }
    if (is_space_cp(c.value)) {
      i += c.size;
      continue;
    }
    std::size_t len = c.size;
    bool word = is_alnum(c.value);
    if (word) {
      len = scan_word(text, i);
    } else if (is_apostrophe(c.value) && i + c.size < text.size()) {
      // "'s" after a word: the possessive the recogniser strips.
      std::size_t k = i + c.size;
      if ((text[k] == 's' || text[k] == 'S') &&
          (k + 1 >= text.size() || !is_alnum(decode(text, k + 1).value))) {
        len = k + 1 - i;
      }
    }
    // "1. Torrance Zellner": a list number keeps its full stop and does not
    // end a sentence.
    bool list_number = false;
    if (line_start && word && len <= 3 && i + len < text.size() && text[i + len] == '.' &&
        text.substr(i, len).find_first_not_of("0123456789") == std::string_view::npos) {
      ++len;
      list_number = true;
    }
    std::uint32_t flags = 0;
    if (line_start) flags |= kLineStart | kSentenceStart;
    if (sentence_start && word) flags |= kSentenceStart;
    add_token(text.substr(i, len), flags, doc);
    if (list_number) {
      line_start = false;
      sentence_start = true;
    } else if (word) {
      line_start = sentence_start = false;
    } else if (c.value == '.' || c.value == '!' || c.value == '?' || c.value == ':' ||
               c.value == ';' || c.value == 0x2022 || c.value == 0x2026) {
      // Bullets and colons start a new clause written with a capital, as
      // sentences are ("Why it matters: The U.S. ...").
      sentence_start = true;
      line_start = false;
    } else {
      line_start = false;
    }
    i += len;
  }
}

void finish_document(Document& doc) {
  std::string_view buffer = doc.lower_buffer;
  for (std::size_t k = 0; k < doc.tokens.size(); ++k) {
    std::size_t end = k + 1 < doc.tokens.size() ? doc.lower_offsets[k + 1] : buffer.size();
    doc.tokens[k].lower = buffer.substr(doc.lower_offsets[k], end - doc.lower_offsets[k]);
  }
  // A line written in capitals (headline, dateline) says nothing by its
  // case; the recogniser must know so.
  std::size_t line_begin = 0;
  auto close_line = [&](std::size_t end) {
    std::size_t letters = 0, upper = 0;
    for (std::size_t k = line_begin; k < end; ++k) {
      const Token& t = doc.tokens[k];
      if (!(t.letter_case & kHasLetter)) continue;
      ++letters;
      if (t.letter_case & kAllUpper) ++upper;
    }
    if (letters > 0 && upper * 4 >= letters * 3) {
      for (std::size_t k = line_begin; k < end; ++k) doc.tokens[k].flags |= kCapsLine;
    }
  };
  for (std::size_t k = 1; k < doc.tokens.size(); ++k) {
    if (doc.tokens[k].flags & kLineStart) {
      close_line(k);
      line_begin = k;
    }
  }
  close_line(doc.tokens.size());
}

}  // namespace morgue::people
