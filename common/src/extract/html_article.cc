// HTML news pages: decode, parse once with libxml2, then read metadata and the
// main text from the same tree. See docs/extraction.md.
#include "extract/html_article.h"

#include "extract/encoding.h"
#include "extract/html_charset.h"
#include "extract/html_dom.h"
#include "extract/html_fields.h"
#include "extract/html_meta.h"
#include "extract/html_text.h"
#include "util/strings.h"

namespace morgue {
namespace {

const xmlNode* find_body(const xmlNode* root) {
  for (const xmlNode* c = root->children; c != nullptr; c = c->next) {
    if (html::tag_of(c) == "body") return c;
  }
  return root;
}

// Letters and digits only, lower-cased: "Headline!" and "headline" match.
std::string fingerprint(std::string_view s) {
  std::string out;
  for (char c : util::to_lower(s)) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80) out.push_back(c);
  }
  return out;
}

// Windows-1252 meanings of C1 controls U+0080..U+009F (0: none).
constexpr unsigned kC1AsCp1252[32] = {0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                      0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
                                      0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                      0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};

void ensure_utf8(std::string& s) {
  if (!is_valid_utf8(s)) s = repair_utf8(s);
  // Pages labelled ISO-8859-x often hold Windows-1252 quotes and dashes, which
  // a strict decoder turns into invisible C1 controls: map them as browsers do.
  bool c1 = false;
  for (std::size_t at = s.find('\xC2'); at != std::string::npos && !c1; at = s.find('\xC2', at + 1)) {
    const unsigned char d = at + 1 < s.size() ? static_cast<unsigned char>(s[at + 1]) : 0;
    c1 = d >= 0x80 && d <= 0x9F;
  }
  if (!c1) return;  // nothing to map: no copy of the text
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    unsigned char d = i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : 0;
    if (c == 0xC2 && d >= 0x80 && d <= 0x9F) {
      unsigned cp = kC1AsCp1252[d - 0x80];
      if (cp != 0) util::append_utf8(out, cp);
      ++i;
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  s = std::move(out);
}

void ensure_utf8(Article& a) {
  for (std::string* s : {&a.url, &a.title, &a.timestamp, &a.section, &a.language, &a.body}) ensure_utf8(*s);
  for (auto* list : {&a.authors, &a.subjects, &a.captions}) {
    for (auto& s : *list) ensure_utf8(s);
  }
}

// A line that only says when the page was published or updated ("Published
// August 9, 2021 at 7:40 a.m. | Updated 4:25 p.m."): the date is kept as the
// story's date, the line is not story text. A stamp word and a digit, and no
// word that is not part of a date or time.
bool is_timestamp_line(std::string_view p) {
  if (p.size() > 160) return false;
  static constexpr std::string_view kStamp[] = {"published", "updated", "posted", "modified", "first", "last"};
  static constexpr std::string_view kDateWords[] = {
      "on", "at", "am", "pm", "a", "m", "p", "gmt", "utc", "bst", "cet", "cest", "est", "edt", "cst", "cdt", "pst", "pdt",
      "et", "pt", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
      "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
      "mon", "tue", "wed", "thu", "fri", "sat", "sun", "monday", "tuesday", "wednesday", "thursday", "friday",
      "saturday", "sunday", "today", "yesterday", "ago", "hours", "hour", "minutes", "min", "mins", "th", "st", "nd", "rd"};
  bool stamp = false, digit = false;
  std::string word;
  auto check = [&]() {
    if (word.empty()) return true;
    bool ok = false;
    for (auto w : kStamp) {
      if (word == w) ok = stamp = true;
    }
    for (auto w : kDateWords) ok = ok || word == w;
    word.clear();
    return ok;
  };
  for (char c : util::to_lower(p)) {
    if (c >= 'a' && c <= 'z') {
      word.push_back(c);
      continue;
    }
    if (static_cast<unsigned char>(c) >= 0x80 && c != '\xE2' && c != '\x80' && c != '\x94' && c != '\x93' &&
        c != '\xA2' && c != '\xC2' && c != '\xB7') {
      return false;  // letters outside ASCII (the separators | · • – — are allowed)
    }
    if (c >= '0' && c <= '9') digit = true;
    if (!check()) return false;
  }
  return check() && stamp && digit;
}

std::string join_body(const std::vector<std::string>& paragraphs, std::string_view title) {
  std::string title_key = fingerprint(title);
  std::string body;
  // Grown once (growing by doubling held up to 3 times a large page's text).
  std::size_t size = 0;
  for (const auto& p : paragraphs) size += p.size() + 2;
  body.reserve(size);
  for (const auto& p : paragraphs) {
    // The headline is shown apart; a repeat of it at the top is not body text.
    if (body.empty() && !title_key.empty() && fingerprint(p) == title_key) continue;
    if (is_timestamp_line(p)) continue;
    if (!body.empty()) body += "\n\n";
    body += p;
  }
  return body;
}

}  // namespace

Extraction parse_html_article(std::string_view bytes, const std::string& source) {
  Extraction result;
  if (util::trim(bytes).empty()) {
    result.problems.push_back({source, "empty file"});
    return result;
  }
  if (looks_binary(bytes)) {
    result.problems.push_back({source, "binary data, not HTML"});
    return result;
  }
  html::PreparedPage page = html::prepare_page(bytes);
  html::DocPtr doc = html::parse_document(page.bytes(), page.encoding.c_str());
  const xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
  if (root == nullptr) {
    result.problems.push_back({source, "HTML parse failed"});
    return result;
  }
  html::PageMeta meta = html::collect_meta(doc.get());
  html::MainText text = html::extract_main_text(find_body(root));
  // Everything below reads `meta` and `text`, which own their strings: the
  // tree (twice the page) goes before the body is joined.
  doc.reset();
  page = html::PreparedPage{};

  Article a;
  a.source = source;
  a.url = html::resolve_url(meta);
  a.title = html::resolve_title(meta, text.paragraphs);
  // Visible datelines: short lines at the top, then the story's first paragraphs.
  std::vector<std::string> lines = std::move(text.lead_lines);
  // The headline repeated as the first paragraph does not count as one of three.
  std::size_t first = !text.paragraphs.empty() && fingerprint(text.paragraphs[0]) == fingerprint(a.title) ? 1 : 0;
  for (std::size_t i = first; i < text.paragraphs.size() && i < first + 3; ++i) {
    lines.push_back(text.paragraphs[i].substr(0, 600));
  }
  // A short closing line ("Jane, 10. September 2017") signs and dates a post.
  if (text.paragraphs.size() > first + 3 && text.paragraphs.back().size() < 80) lines.push_back(text.paragraphs.back());
  if (auto dt = html::resolve_date(meta, a.url, lines, a.title)) {
    a.date = dt->date;
    a.timestamp = dt->timestamp;
  }
  a.authors = html::resolve_authors(meta);
  a.section = html::resolve_section(meta, a.url, a.title, a.authors);
  a.subjects = html::resolve_subjects(meta);
  a.language = html::resolve_language(meta);
  a.captions = std::move(meta.captions);
  a.body = join_body(text.paragraphs, a.title);
  std::vector<std::string>().swap(text.paragraphs);  // joined into the body
  if (util::trim(a.body).empty()) {
    // Pages that render the story with scripts still describe it.
    for (std::string_view key : {"og:description", "description", "twitter:description"}) {
      std::string_view d = meta.meta(key);
      if (!d.empty()) {
        a.body = util::collapse_space(d);
        break;
      }
    }
  }
  if (util::trim(a.body).empty()) {
    result.problems.push_back({source, "no article text found"});
    return result;
  }
  ensure_utf8(a);
  result.articles.push_back(std::move(a));
  return result;
}

}  // namespace morgue
