#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "morgue/printer.h"
#include "util/strings.h"

namespace morgue {
namespace {

struct Colors {
  const char* title;
  const char* meta;
  const char* mark;
  const char* dim;
  const char* reset;
};

Colors colors(bool on) {
  if (!on) return {"", "", "", "", ""};
  return {"\x1b[1;34m", "\x1b[32m", "\x1b[1;33m", "\x1b[2m", "\x1b[0m"};
}

std::string fragment_text(const Fragment& f, const Colors& c, bool color) {
  std::string out;
  std::size_t pos = 0;
  for (const auto& h : f.highlights) {
    out.append(f.text, pos, h.begin - pos);
    if (color) {
      out += c.mark;
      out.append(f.text, h.begin, h.end - h.begin);
      out += c.reset;
    } else {
      // Plain output marks matches so they stay visible in a pipe or a file.
      out += '[';
      out.append(f.text, h.begin, h.end - h.begin);
      out += ']';
    }
    pos = h.end;
  }
  out.append(f.text, pos);
  return out;
}

// Wraps text at `width` columns (counting UTF-8 code points, ignoring escapes).
std::string wrap(const std::string& text, std::size_t width, const std::string& indent) {
  std::string out = indent;
  std::size_t column = 0;
  for (const auto& word : util::split(text, ' ')) {
    if (word.empty()) continue;
    std::size_t len = 0;
    bool escape = false;
    for (unsigned char ch : word) {
      if (ch == 0x1b) escape = true;
      if (!escape && (ch & 0xC0) != 0x80) ++len;
      if (escape && ch == 'm') escape = false;
    }
    if (column > 0 && column + 1 + len > width) {
      out += "\n" + indent;
      column = 0;
    } else if (column > 0) {
      out += ' ';
      ++column;
    }
    out += word;
    column += len;
  }
  return out;
}

std::string meta_line(const Article& a) {
  std::vector<std::string> parts;
  if (a.date) parts.push_back(a.date->iso());
  if (!a.section.empty()) parts.push_back(a.section);
  if (!a.authors.empty()) parts.push_back("by " + util::join(a.authors, ", "));
  return util::join(parts, " \xC2\xB7 ");
}

// "395 stories", "1 story", "about 12,000 stories" when the total is Xapian's estimate.
std::string story_count(std::size_t n, bool exact) {
  return fmt::format("{}{} {}", exact ? "" : "about ", n, n == 1 ? "story" : "stories");
}

// "date last month (2026-11-03..2026-12-02; from your words)".
std::string filter_text(const AppliedFilter& f) {
  std::vector<std::string> notes;
  // A span given in words is shown with its days; "2022-02" says it already.
  const bool words = std::any_of(f.value.begin(), f.value.end(),
                                 [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; });
  if (words && (!f.from.empty() || !f.to.empty())) notes.push_back(f.from + ".." + f.to);
  if (f.origin == "words") notes.push_back("from your words");
  if (f.dropped) notes.push_back("dropped: no story matched it");
  std::string text = f.field + " " + f.value;
  if (!notes.empty()) text += " (" + util::join(notes, "; ") + ")";
  return text;
}

// The count line, then what the search applied: filters and, for pasted
// text, the words it was reduced to.
void print_summary(const SearchResponse& response, const Colors& c, std::ostream& out) {
  const std::string what = response.query.empty() ? "" : " for '" + response.query + "'";
  if (response.total == 0) {
    out << "No stories match" << (response.query.empty() ? "" : " '" + response.query + "'") << ".\n";
  } else if (response.hits.empty()) {
    // Paging past the end is not an error: say how far the results go.
    out << fmt::format("No more results: {} match; this page starts at {}.\n",
                       story_count(response.total, response.total_exact), response.offset + 1);
  } else {
    out << fmt::format("{}{}-{} of {}{}{}\n", c.dim, response.offset + 1, response.offset + response.hits.size(),
                       story_count(response.total, response.total_exact), what, c.reset);
  }
  if (!response.filters.empty()) {
    std::vector<std::string> parts;
    for (const auto& f : response.filters) parts.push_back(filter_text(f));
    out << c.dim << "filters: " << util::join(parts, ", ") << c.reset << "\n";
  }
  if (!response.reduced_terms.empty()) {
    out << c.dim << "searched for the text's most distinctive words: " << util::join(response.reduced_terms, ", ")
        << c.reset << "\n";
  }
}

// The facet counts, with a note when the count budget cut them short.
void print_facets(const Facets& f, const Colors& c, std::ostream& out) {
  if (f.partial) out << c.dim << "(facet counts are partial: too many matches to count them all)" << c.reset << "\n";
  auto list = [&](const char* name, const std::vector<FacetValue>& values) {
    if (values.empty()) return;
    out << c.title << name << c.reset << "\n";
    for (const auto& v : values) out << fmt::format("  {:>6}  {}\n", v.count, v.value);
  };
  list("Sections", f.sections);
  list("People", f.people);
  if (f.timeline.empty()) return;
  out << c.title << "Timeline (per " << f.timeline_unit << ")" << c.reset << "\n";
  std::size_t most = 1;
  for (const auto& v : f.timeline) most = std::max(most, v.count);
  for (const auto& v : f.timeline) {
    std::size_t bar = (v.count * 40 + most - 1) / most;
    out << fmt::format("  {:<8} {:>6} {}\n", v.value, v.count, std::string(bar, '#'));
  }
}

}  // namespace

void print_terminal(const SearchResponse& response, const TerminalStyle& style, std::ostream& out) {
  const Colors c = colors(style.color);
  for (const auto& w : response.warnings) out << c.dim << "note: " << w << c.reset << "\n";
  print_summary(response, c, out);
  if (!response.hits.empty()) out << "\n";
  bool all_words = true;  // the hit before matched every word (or the page starts the list)
  for (const auto& hit : response.hits) {
    // Short queries list full matches first; mark where the partial ones start.
    if (all_words && !hit.all_words) {
      out << c.dim << "\xE2\x80\x94 stories that match some of the words \xE2\x80\x94" << c.reset << "\n\n";
    }
    all_words = hit.all_words;
    const Article& a = hit.article;
    out << fmt::format("{:>3}. {}{}{}", hit.rank + 1, c.title, a.title.empty() ? "(no headline)" : a.title, c.reset);
    if (hit.versions > 1) out << fmt::format(" {}({} versions){}", c.dim, hit.versions, c.reset);
    out << "\n";
    std::string meta = meta_line(a);
    if (!meta.empty()) out << "     " << c.meta << meta << c.reset << "\n";
    if (!a.people.empty()) out << "     " << c.dim << "people: " << c.reset << util::join(a.people, ", ") << "\n";
    out << "     " << c.dim << (a.url.empty() ? a.source : a.url) << "  [" << hit.id << "]" << c.reset << "\n";
    for (const auto& f : hit.snippet.fragments) {
      std::string text = (f.cut_before ? "\xE2\x80\xA6" : "") + fragment_text(f, c, style.color) +
                         (f.cut_after ? "\xE2\x80\xA6" : "");
      out << wrap(text, 78, "     ") << "\n";
    }
    out << "\n";
  }
  if (response.facets) print_facets(*response.facets, c, out);
  if (!response.suggestion.empty()) out << "Did you mean: " << response.suggestion << "\n";
}

void print_article(const Article& a, const std::string& id, const TerminalStyle& style, std::ostream& out) {
  const Colors c = colors(style.color);
  out << c.title << a.title << c.reset << "\n";
  std::string meta = meta_line(a);
  if (!meta.empty()) out << c.meta << meta << c.reset << "\n";
  if (!a.people.empty()) out << c.dim << "People: " << c.reset << util::join(a.people, ", ") << "\n";
  if (!a.subjects.empty()) out << c.dim << "Subjects: " << c.reset << util::join(a.subjects, ", ") << "\n";
  out << c.dim << "Source: " << (a.url.empty() ? a.source : a.url) << "  [" << id << "]" << c.reset << "\n\n";
  for (const auto& para : util::split(a.body, '\n')) {
    if (para.empty()) continue;
    out << wrap(para, 78, "") << "\n\n";
  }
}

}  // namespace morgue
