#include "extract/text_article.h"

#include <vector>

#include "extract/date_parse.h"
#include "extract/section.h"
#include "util/strings.h"

namespace morgue {
namespace {

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.emplace_back(line);
    if (end == text.size()) break;
    start = end + 1;
  }
  return lines;
}

// "Feb 14, 2022 - World": the date, then a dash, then the section (optional).
bool parse_header(std::string_view line, Article& article) {
  line = util::trim(line);
  if (line.empty() || line.size() > 120) return false;
  std::string_view date_part = line, section_part;
  for (std::string_view dash : {" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " | "}) {
    std::size_t pos = line.find(dash);
    if (pos != std::string_view::npos) {
      date_part = line.substr(0, pos);
      section_part = line.substr(pos + dash.size());
      break;
    }
  }
  auto dt = parse_date_time(date_part);
  if (!dt) return false;
  article.date = dt->date;
  article.timestamp = dt->timestamp;
  article.section = section::normalize(section_part);
  return true;
}

// Credit lines name a photographer or agency: "... Photo: Name/Agency".
bool is_credit_line(std::string_view line) {
  if (line.size() > 400) return false;  // a paragraph of story, not a credit
  const std::string lower = util::to_lower(line);
  for (std::string_view marker : {"photo:", "photograph:", "photo credit", "image:", "credit:",
                                  "photos:", "illustration:", "(photo", "getty images",
                                  "/ap photo", "ap photo/", "via reuters", "/afp", "afp via"}) {
    if (lower.find(marker) != std::string::npos) return true;
  }
  return false;
}

// The share of words two lines have in common (for the alt-text caption that
// repeats the credited caption).
double word_overlap(std::string_view a, std::string_view b) {
  auto words = [](std::string_view s) {
    std::vector<std::string> out;
    for (auto& w : util::split(util::to_lower(s), ' ')) {
      if (!w.empty()) out.push_back(w);
    }
    return out;
  };
  auto wa = words(a), wb = words(b);
  if (wa.empty() || wb.empty()) return 0;
  std::size_t common = 0;
  for (const auto& w : wa) {
    for (const auto& v : wb) {
      if (w == v) {
        ++common;
        break;
      }
    }
  }
  return static_cast<double>(common) / static_cast<double>(std::min(wa.size(), wb.size()));
}

bool is_go_deeper(std::string_view line) {
  line = util::trim(line);
  return util::starts_with_ci(line, "go deeper") || util::starts_with_ci(line, "related:") ||
         util::starts_with_ci(line, "read more:");
}

// Bullets ("  • text", "- text", "* text") become plain paragraphs.
std::string clean_paragraph(std::string_view line) {
  std::string_view t = util::trim(line);
  for (std::string_view bullet : {"\xE2\x80\xA2", "\xC2\xB7", "* ", "- "}) {
    if (t.substr(0, bullet.size()) == bullet) {
      t = util::trim(t.substr(bullet.size()));
      break;
    }
  }
  return util::collapse_space(t);
}

// White space only, U+00A0 included (collapse_space's notion of space).
bool is_blank(std::string_view line) {
  for (std::size_t i = 0; i < line.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') continue;
    if (c == 0xC2 && i + 1 < line.size() && static_cast<unsigned char>(line[i + 1]) == 0xA0) {
      ++i;
      continue;
    }
    return false;
  }
  return true;
}

std::size_t next_text_line(const std::vector<std::string>& lines, std::size_t i) {
  while (i < lines.size() && is_blank(lines[i])) ++i;
  return i;
}

// Paragraphs from line `from` on: runs of non-blank lines, each bullet line
// a paragraph of its own.
std::vector<std::string> paragraphs_of(const std::vector<std::string>& lines, std::size_t from) {
  std::vector<std::string> paragraphs;
  std::string current;
  auto flush = [&] {
    if (!current.empty()) paragraphs.push_back(std::move(current));
    current.clear();
  };
  for (std::size_t i = from; i < lines.size(); ++i) {
    std::string_view t = util::trim(lines[i]);
    bool bullet = t.substr(0, 3) == "\xE2\x80\xA2" || t.substr(0, 2) == "* " || t.substr(0, 2) == "- ";
    if (is_blank(t) || bullet) flush();
    if (is_blank(t)) continue;
    std::string text = clean_paragraph(t);
    if (!current.empty() && !text.empty()) current += ' ';
    current += text;
    if (bullet) flush();
  }
  flush();
  return paragraphs;
}

// The body of a file with a headline line: captions (credit lines near the
// top, and the line before one that repeats it) and a closing "Go deeper"
// line are taken out.
std::vector<std::string> body_after_headline(const std::vector<std::string>& paragraphs, Article& article) {
  std::vector<std::string> body;
  for (std::size_t p = 0; p < paragraphs.size(); ++p) {
    const std::string& para = paragraphs[p];
    bool near_top = p < 4;
    if (near_top && is_credit_line(para) && para.size() < 400) {
      article.captions.push_back(para);
      continue;
    }
    if (near_top && p + 1 < paragraphs.size() && is_credit_line(paragraphs[p + 1]) &&
        word_overlap(para, paragraphs[p + 1]) >= 0.5 && para.size() < 400) {
      article.captions.push_back(para);
      continue;
    }
    if (p + 2 >= paragraphs.size() && is_go_deeper(para)) continue;
    body.push_back(para);
  }
  return body;
}

// --- Headlines: what fits one, and deriving one from a paragraph -----------
// The text handled here is one paragraph: collapse_space'd, single spaces.

bool is_word_byte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

bool has_word_byte(std::string_view token) {
  for (char c : token) {
    if (is_word_byte(static_cast<unsigned char>(c))) return true;
  }
  return false;
}

// Space-separated tokens holding a letter or digit (a lone "." is no word).
std::size_t word_count(std::string_view text) {
  std::size_t words = 0;
  for (const auto& token : util::split(text, ' ')) words += has_word_byte(token) ? 1 : 0;
  return words;
}

// Unicode characters (UTF-8 lead bytes).
std::size_t char_count(std::string_view text) {
  std::size_t n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return n;
}

// Words that a "." follows without ending the sentence ("Mr. Smith").
bool is_abbreviation(std::string_view word) {
  while (!word.empty() && !is_word_byte(static_cast<unsigned char>(word.front()))) word.remove_prefix(1);
  if (word.empty()) return false;
  if (word.find('.') != std::string_view::npos) return true;  // "U.S", "e.g"
  if (word.size() == 1) return true;                           // an initial: "J. Smith"
  static constexpr std::string_view kKnown[] = {
      "mr",  "mrs", "ms",  "dr",  "prof", "st",  "jr",  "sr",  "gen", "gov", "sen", "rep", "col", "lt",
      "capt", "sgt", "rev", "inc", "corp", "co", "ltd", "no",  "vs",  "jan", "feb", "mar", "apr", "jun",
      "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt",  "ft"};
  const std::string lower = util::to_lower(word);
  for (std::string_view known : kKnown) {
    if (lower == known) return true;
  }
  return false;
}

// The word that ends just before `pos` (after the previous space).
std::string_view word_before(std::string_view text, std::size_t pos) {
  std::size_t start = text.rfind(' ', pos == 0 ? 0 : pos - 1);
  start = start == std::string_view::npos ? 0 : start + 1;
  return start <= pos ? text.substr(start, pos - start) : std::string_view();
}

// Where the first sentence ends (past its terminator and closing quotes)
// when another sentence follows; npos when the text is one sentence.
std::size_t first_sentence_end(std::string_view text) {
  for (std::size_t p = 0; p < text.size(); ++p) {
    const char mark = text[p];
    if (mark != '.' && mark != '!' && mark != '?') continue;
    std::size_t q = p + 1;
    while (q < text.size()) {
      if (text[q] == '"' || text[q] == '\'' || text[q] == ')' || text[q] == ']') {
        ++q;
      } else if (text.substr(q, 3) == "\xE2\x80\x9D" || text.substr(q, 3) == "\xE2\x80\x99") {
        q += 3;  // closing curly quotes
      } else {
        break;
      }
    }
    if (q + 1 >= text.size() || text[q] != ' ') continue;
    const unsigned char next = static_cast<unsigned char>(text[q + 1]);
    const bool standalone = p == 0 || text[p - 1] == ' ';  // "acids . the"
    if (mark != '.' || standalone) return q;
    const bool starts_sentence = (next >= 'A' && next <= 'Z') || (next >= '0' && next <= '9') || next >= 0x80 ||
                                 next == '"' || next == '\'' || next == '(' || next == '[';
    if (starts_sentence && !is_abbreviation(word_before(text, p))) return q;
  }
  return std::string_view::npos;
}

// A line that can be a headline as it stands: short, and one sentence.
bool fits_headline(std::string_view line) {
  return word_count(line) <= kHeadlineMaxWords && char_count(line) <= kHeadlineMaxChars &&
         first_sentence_end(line) == std::string_view::npos;
}

// Headlines do not end with a full stop; "U.S." keeps its own.
std::string_view without_final_period(std::string_view sentence) {
  sentence = util::trim(sentence);
  if (sentence.empty() || sentence.back() != '.') return sentence;
  const std::size_t dot = sentence.size() - 1;
  if (dot > 0 && sentence[dot - 1] != ' ' && is_abbreviation(word_before(sentence, dot))) return sentence;
  return util::trim(sentence.substr(0, dot));
}

// At most kHeadlineMaxChars characters, cut between characters.
std::string bounded(std::string headline) {
  if (char_count(headline) <= kHeadlineMaxChars) return headline;
  std::size_t chars = 0, cut = 0;
  for (; cut < headline.size(); ++cut) {
    if ((static_cast<unsigned char>(headline[cut]) & 0xC0) == 0x80) continue;
    if (++chars == kHeadlineMaxChars) break;  // room for the "…"
  }
  headline.resize(cut);
  return std::string(util::trim(headline)) + "\xE2\x80\xA6";
}

// The first `n` words of `text` and "…" when words were left out.
std::string first_words(std::string_view text, std::size_t n) {
  std::size_t words = 0, pos = 0;
  while (pos < text.size() && words < n) {
    std::size_t end = text.find(' ', pos);
    if (end == std::string_view::npos) end = text.size();
    if (has_word_byte(text.substr(pos, end - pos))) ++words;
    pos = end + (end < text.size() ? 1 : 0);
  }
  std::string_view head = util::trim(text.substr(0, pos));
  if (!has_word_byte(text.substr(pos))) return bounded(std::string(without_final_period(text)));
  while (!head.empty() && std::string_view(",;:-").find(head.back()) != std::string_view::npos) {
    head = util::trim(head.substr(0, head.size() - 1));
  }
  return bounded(std::string(head) + "\xE2\x80\xA6");
}

// The headline of a text that has none: its first sentence if that reads as
// one (3 words at least, so "Update." is not taken), else its first words.
std::string derive_headline(std::string_view paragraph) {
  const std::size_t end = first_sentence_end(paragraph);
  std::string_view sentence = without_final_period(paragraph.substr(0, end));
  const std::size_t words = word_count(sentence);
  if (words >= 3 && words <= kHeadlineMaxWords && char_count(sentence) <= kHeadlineMaxChars) {
    return std::string(sentence);
  }
  return first_words(paragraph, kDerivedHeadlineWords);
}

}  // namespace

Extraction parse_text_article(std::string_view text, const std::string& source) {
  Extraction result;
  const std::vector<std::string> lines = split_lines(text);
  Article article;
  article.source = source;
  std::size_t i = next_text_line(lines, 0);
  if (i == lines.size()) {
    result.problems.push_back({source, "empty file: no text, only white space"});
    return result;
  }
  const std::size_t first = i;
  if (parse_header(lines[i], article)) i = next_text_line(lines, i + 1);
  if (i == lines.size()) {
    // Nothing but the date line: it is all the text there is.
    article.title = util::collapse_space(lines[first]);
    result.articles.push_back(std::move(article));
    return result;
  }

  const bool line_follows = i + 1 < lines.size() && !is_blank(lines[i + 1]);
  const bool only_line = !line_follows && next_text_line(lines, i + 1) == lines.size();
  const std::string line = util::collapse_space(lines[i]);
  if (!line_follows && !only_line) {
    article.title = line;
    article.body = util::join(body_after_headline(paragraphs_of(lines, i + 1), article), "\n\n");
  } else if (only_line && fits_headline(line)) {
    article.title = line;  // a flash: the headline is the story
  } else {
    // No headline line: the text starts with a paragraph.
    std::vector<std::string> paragraphs = paragraphs_of(lines, i);
    article.body = util::join(paragraphs, "\n\n");
    article.title = paragraphs.empty() ? line : derive_headline(paragraphs.front());
    article.title_from_body = !paragraphs.empty();
  }
  result.articles.push_back(std::move(article));
  return result;
}

}  // namespace morgue
