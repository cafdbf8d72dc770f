#include "morgue/text_article.h"

#include <vector>

#include "morgue/date_parse.h"
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
  std::string section = util::collapse_space(section_part);
  article.section = util::title_case_if_uniform(section);
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

}  // namespace

Extraction parse_text_article(std::string_view text, const std::string& source) {
  Extraction result;
  std::vector<std::string> lines = split_lines(text);
  std::size_t i = 0;
  auto skip_blank = [&] {
    while (i < lines.size() && util::trim(lines[i]).empty()) ++i;
  };
  Article article;
  article.source = source;
  skip_blank();
  if (i < lines.size() && parse_header(lines[i], article)) {
    ++i;
    skip_blank();
  }
  if (i >= lines.size()) {
    result.problems.push_back({source, "empty article: no headline or body"});
    return result;
  }
  article.title = util::collapse_space(lines[i++]);

  // Paragraphs: runs of non-blank lines. Consecutive bullet lines stay separate.
  std::vector<std::string> paragraphs;
  std::string current;
  for (; i < lines.size(); ++i) {
    std::string_view t = util::trim(lines[i]);
    bool bullet = t.substr(0, 3) == "\xE2\x80\xA2" || t.substr(0, 2) == "* " || t.substr(0, 2) == "- ";
    if (t.empty() || bullet) {
      if (!current.empty()) paragraphs.push_back(std::move(current));
      current.clear();
      if (t.empty()) continue;
    }
    if (!current.empty()) current += ' ';
    current += clean_paragraph(t);
    if (bullet) {
      paragraphs.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) paragraphs.push_back(std::move(current));

  // Captions: credit lines near the top, and the line before one that repeats it.
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
  if (body.empty()) {
    result.problems.push_back({source, "no body text after the headline"});
    return result;
  }
  article.body = util::join(body, "\n\n");
  result.articles.push_back(std::move(article));
  return result;
}

}  // namespace morgue
