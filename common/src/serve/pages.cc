#include "serve/pages.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstdio>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "morgue/printer.h"
#include "morgue/snippet.h"

namespace morgue::serve {
namespace {

constexpr const char* kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                   "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

std::string esc(std::string_view text) { return html_escape(text); }

std::string format_date(const std::optional<Date>& date) {
  if (!date || date->month < 1 || date->month > 12) return "";
  return fmt::format("{} {} {}", date->day, kMonths[date->month - 1], date->year);
}

// "2022-02" -> "Feb 2022"; a year stays as it is.
std::string bucket_label(const std::string& value) {
  if (value.size() == 7 && value[4] == '-') {
    int month = std::atoi(value.c_str() + 5);
    if (month >= 1 && month <= 12) return fmt::format("{} {}", kMonths[month - 1], value.substr(0, 4));
  }
  return value;
}

// Only web links: a stored "javascript:" URL must never become a link.
bool is_web_url(std::string_view url) {
  auto starts = [&](std::string_view prefix) {
    if (url.size() <= prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(url[i])) != prefix[i]) return false;
    }
    return true;
  };
  const bool controls = std::any_of(url.begin(), url.end(), [](char c) { return static_cast<unsigned char>(c) <= 0x20; });
  return !controls && (starts("http://") || starts("https://"));
}

std::string plural(std::size_t n, std::string_view one, std::string_view many) {
  std::string digits = std::to_string(n);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<std::size_t>(i), ",");
  return fmt::format("{} {}", digits, n == 1 ? one : many);
}

std::string story_path(const std::string& id, const std::string& query) {
  return "/story/" + id + (query.empty() ? "" : "?q=" + url_component(query));
}

// The document around a page's <main>: the search box (holding `query`), the
// theme toggle (wired by theme.js) and the shared style sheet.
std::string shell(std::string_view title, std::string_view canonical, std::string_view query, std::string_view main) {
  std::string head = fmt::format(
      "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{} · Morgue</title>\n",
      esc(title));
  if (!canonical.empty()) head += fmt::format("<link rel=\"canonical\" href=\"{}\">\n", esc(canonical));
  head +=
      "<link rel=\"icon\" href=\"/assets/favicon.svg\" type=\"image/svg+xml\">\n"
      "<link rel=\"stylesheet\" href=\"/assets/style.css\">\n"
      "<script src=\"/assets/theme.js\"></script>\n</head>\n";
  std::string header = fmt::format(
      "<body class=\"doc-page\">\n<a class=\"skip-link\" href=\"#main\">Skip to content</a>\n"
      "<header class=\"masthead\">\n<div class=\"masthead-row\"><p class=\"brand\"><a href=\"/\">Morgue</a></p>"
      "<button type=\"button\" class=\"theme-toggle\" id=\"theme-toggle\" hidden>Dark theme</button></div>\n"
      "<form class=\"search-form\" role=\"search\" action=\"/\" method=\"get\">"
      "<label for=\"q\" class=\"visually-hidden\">Search the archive</label>"
      "<input id=\"q\" name=\"q\" type=\"search\" autocomplete=\"off\" spellcheck=\"false\" maxlength=\"20000\" "
      "placeholder=\"Search the archive\" value=\"{}\"><button type=\"submit\">Search</button></form>\n</header>\n",
      esc(query));
  return head + header + "<main id=\"main\" class=\"doc\" tabindex=\"-1\">\n" + std::string(main) +
         "</main>\n</body>\n</html>\n";
}

// Headlines linking to their story pages, with date and section.
std::string story_list(const std::vector<Hit>& hits, const std::string& query) {
  std::string out = "<ol class=\"hits story-list\">\n";
  for (const Hit& hit : hits) {
    const std::string title = hit.article.title.empty() ? "(untitled)" : hit.article.title;
    std::string meta = format_date(hit.article.date);
    if (!hit.article.section.empty()) meta += (meta.empty() ? "" : " · ") + hit.article.section;
    out += fmt::format("<li class=\"hit\"><h3 class=\"hit-title\"><a class=\"hit-link\" href=\"{}\">{}</a></h3>",
                       esc(story_path(hit.id, query)), esc(title));
    if (!meta.empty()) out += fmt::format("<p class=\"hit-meta\">{}</p>", esc(meta));
    out += "</li>\n";
  }
  return out + "</ol>\n";
}

std::string people_links(const std::vector<std::string>& people) {
  std::string out;
  for (const auto& name : people) {
    if (!out.empty()) out += ", ";
    out += fmt::format("<a href=\"{}\">{}</a>", esc(person_path(name)), esc(name));
  }
  return out;
}

// Date, section and byline, the section and authors as filters of the archive.
std::string story_meta(const Article& a) {
  std::vector<std::string> parts;
  if (a.date) parts.push_back(fmt::format("<time datetime=\"{}\">{}</time>", a.date->iso(), format_date(a.date)));
  if (!a.section.empty()) {
    parts.push_back(fmt::format("<a href=\"/?section={}\">{}</a>", esc(url_component(a.section)), esc(a.section)));
  }
  if (!a.authors.empty()) {
    std::string by = "By ";
    for (std::size_t i = 0; i < a.authors.size(); ++i) {
      by += fmt::format("{}<a href=\"/?author={}\">{}</a>", i ? ", " : "", esc(url_component(a.authors[i])),
                        esc(a.authors[i]));
    }
    parts.push_back(by);
  }
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : " · ") + p;
  return out.empty() ? "" : "<p class=\"hit-meta story-meta\">" + out + "</p>\n";
}

// The body's paragraphs ("\n\n" apart) with the query's words marked.
std::string story_body(const std::string& body, const SnippetTerms& terms, const std::string& language) {
  std::string out = "<div class=\"story-body\">\n";
  std::size_t pos = 0;
  while (pos <= body.size()) {
    std::size_t end = body.find("\n\n", pos);
    if (end == std::string::npos) end = body.size();
    const std::string paragraph = body.substr(pos, end - pos);
    if (paragraph.find_first_not_of(" \t\r\n") != std::string::npos) {
      out += "<p>" + fragment_to_html(highlight_text(paragraph, terms, language)) + "</p>\n";
    }
    pos = end + 2;
  }
  return out + "</div>\n";
}

}  // namespace

std::string url_component(std::string_view text) {
  std::string out;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += c;
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", u);
      out += buf;
    }
  }
  return out;
}

std::string person_path(std::string_view name) { return "/person/" + url_component(name); }

std::string story_html(const StoryPage& page) {
  const Article& a = *page.article;
  const SnippetTerms terms = page.query.empty() ? SnippetTerms{} : query_highlight_terms(page.query);
  const std::string title = a.title.empty() ? "(untitled)" : a.title;
  std::string main = "<article class=\"story\" aria-labelledby=\"story-title\">\n";
  if (!page.query.empty()) {
    main += fmt::format("<p class=\"crumbs\"><a href=\"/?q={}\">‹ Results for “{}”</a></p>\n",
                        esc(url_component(page.query)), esc(page.query.substr(0, 80)));
  }
  main += "<h1 id=\"story-title\">" + fragment_to_html(highlight_text(title, terms, a.language)) + "</h1>\n";
  main += story_meta(a);
  if (!a.people.empty()) main += "<p class=\"story-people\">People: " + people_links(a.people) + "</p>\n";
  main += story_body(a.body, terms, a.language);
  if (is_web_url(a.url)) {
    main += fmt::format("<p class=\"source\"><a href=\"{}\" rel=\"noopener noreferrer\">Original story</a></p>\n",
                        esc(a.url));
  }
  main += "</article>\n";
  if (page.related && !page.related->hits.empty()) {
    main += "<section class=\"related\" aria-labelledby=\"related-title\">\n"
            "<h2 id=\"related-title\">Related coverage</h2>\n" +
            story_list(page.related->hits, "") + fmt::format("<p><a href=\"/?like={}\">More like this</a></p>\n", page.id) +
            "</section>\n";
  }
  return shell(title, is_web_url(a.url) ? a.url : "", page.query, main);
}

namespace {

// The timeline facet with its empty months (or years) filled in.
std::vector<FacetValue> fill_gaps(const Facets& facets) {
  const auto& counts = facets.timeline;
  const bool years = facets.timeline_unit == "year";
  auto index = [&](const std::string& v) {
    return years ? std::atoi(v.c_str()) : std::atoi(v.c_str()) * 12 + std::atoi(v.c_str() + 5) - 1;
  };
  auto key = [&](int n) { return years ? std::to_string(n) : fmt::format("{:04}-{:02}", n / 12, n % 12 + 1); };
  if (counts.size() < 2 || (!years && std::any_of(counts.begin(), counts.end(), [](const FacetValue& v) {
        return v.value.size() != 7;
      }))) {
    return counts;
  }
  const int first = index(counts.front().value), last = index(counts.back().value);
  if (last < first || last - first > 600) return counts;
  std::vector<FacetValue> out;
  std::size_t next = 0;
  for (int n = first; n <= last; ++n) {
    FacetValue v{key(n), 0};
    if (next < counts.size() && counts[next].value == v.value) v.count = counts[next++].count;
    out.push_back(std::move(v));
  }
  return out;
}

// Bars as SVG rectangles: attributes, not style, so the CSP allows them.
std::string timeline_svg(const std::string& name, const Facets& facets) {
  const std::vector<FacetValue> counts = fill_gaps(facets);
  if (counts.empty()) return "";
  std::size_t max = 1;
  const FacetValue* peak = &counts.front();
  for (const auto& c : counts) {
    if (c.count > peak->count) peak = &c;
    max = std::max(max, c.count);
  }
  const std::string unit = facets.timeline_unit == "year" ? "year" : "month";
  const std::string label = fmt::format("Stories naming {} per {}, {} to {}; most in {} ({})", name, unit,
                                        bucket_label(counts.front().value), bucket_label(counts.back().value),
                                        bucket_label(peak->value), plural(peak->count, "story", "stories"));
  std::string svg = fmt::format(
      "<svg class=\"person-timeline\" role=\"img\" aria-label=\"{}\" viewBox=\"0 0 {} 100\" "
      "preserveAspectRatio=\"none\">\n",
      esc(label), std::max<std::size_t>(counts.size(), 24) * 10);  // a few bars stay narrow
  for (std::size_t i = 0; i < counts.size(); ++i) {
    const double height = counts[i].count ? std::max(3.0, 100.0 * static_cast<double>(counts[i].count) / static_cast<double>(max)) : 0;
    svg += fmt::format("<rect class=\"bar-rect\" x=\"{}\" y=\"{:.1f}\" width=\"8\" height=\"{:.1f}\"><title>{}: {}</title></rect>\n",
                       i * 10 + 1, 100 - height, height, esc(bucket_label(counts[i].value)),
                       plural(counts[i].count, "story", "stories"));
  }
  svg += "</svg>\n";
  return "<section class=\"timeline-box\" aria-labelledby=\"timeline-title\">\n<h2 id=\"timeline-title\" class=\"facet-title\">"
         "Stories over time</h2>\n" + svg +
         fmt::format("<div class=\"timeline-axis\"><span>{}</span><span>{}</span></div>\n</section>\n",
                     esc(bucket_label(counts.front().value)), esc(bucket_label(counts.back().value)));
}

// The people named most often in the same stories, the person left out.
std::string companions(const std::string& name, const Facets& facets) {
  std::string items;
  for (const auto& v : facets.people) {
    if (v.value == name) continue;
    items += fmt::format("<li><a class=\"facet facet-link\" href=\"{}\"><span class=\"facet-value\">{}</span>"
                         "<span class=\"facet-count\">{}</span></a></li>\n",
                         esc(person_path(v.value)), esc(v.value), v.count);
  }
  if (items.empty()) return "";
  return "<section aria-labelledby=\"with-title\">\n<h2 id=\"with-title\" class=\"facet-title\">Named with them</h2>\n"
         "<ul class=\"facet-list\">\n" + items + "</ul>\n</section>\n";
}

}  // namespace

std::string person_html(const PersonPage& page) {
  const SearchResponse& recent = *page.recent;
  const std::string count = (recent.total_exact ? "" : "about ") + plural(recent.total, "story", "stories");
  std::string main = fmt::format("<h1 id=\"person-name\">{}</h1>\n<p class=\"status person-count\">Named in {}. "
                                 "<a href=\"/?person={}\">Search their stories</a></p>\n",
                                 esc(page.name), esc(count), esc(url_component(page.name)));
  if (recent.facets && recent.facets->partial) {
    main += "<p class=\"facet-note\">The chart and the names below are partial counts: too many stories to count "
            "them all.</p>\n";
  }
  if (recent.facets) main += timeline_svg(page.name, *recent.facets);
  main += "<div class=\"person-columns\">\n<section aria-labelledby=\"recent-title\">\n"
          "<h2 id=\"recent-title\">Most recent</h2>\n" + story_list(recent.hits, page.name) + "</section>\n";
  if (page.relevant && !page.relevant->hits.empty()) {
    main += "<section aria-labelledby=\"relevant-title\">\n<h2 id=\"relevant-title\">Most about them</h2>\n" +
            story_list(page.relevant->hits, page.name) + "</section>\n";
  }
  if (recent.facets) main += companions(page.name, *recent.facets);
  main += "</div>\n";
  return shell(page.name, "", "", main);
}

std::string message_html(std::string_view title, std::string_view message) {
  return shell(title, "", "",
               fmt::format("<h1>{}</h1>\n<p>{}</p>\n<p><a href=\"/\">Search the archive</a></p>\n", esc(title),
                           esc(message)));
}

}  // namespace morgue::serve
