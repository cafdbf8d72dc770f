#include <nlohmann/json.hpp>

#include "morgue/printer.h"

namespace morgue {
namespace {

using nlohmann::json;

json facet_list(const std::vector<FacetValue>& values) {
  json out = json::array();
  for (const auto& v : values) out.push_back({{"value", v.value}, {"count", v.count}});
  return out;
}

json filter_list(const std::vector<AppliedFilter>& filters) {
  json out = json::array();
  auto day_or_null = [](const std::string& day) { return day.empty() ? json(nullptr) : json(day); };
  for (const auto& f : filters) {
    out.push_back({{"field", f.field},
                   {"value", f.value},
                   {"origin", f.origin},
                   {"from", day_or_null(f.from)},
                   {"to", day_or_null(f.to)},
                   {"dropped", f.dropped}});
  }
  return out;
}

}  // namespace

std::string html_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

std::string fragment_to_html(const Fragment& fragment) {
  std::string out;
  std::size_t pos = 0;
  for (const auto& h : fragment.highlights) {
    out += html_escape(std::string_view(fragment.text).substr(pos, h.begin - pos));
    out += "<mark>";
    out += html_escape(std::string_view(fragment.text).substr(h.begin, h.end - h.begin));
    out += "</mark>";
    pos = h.end;
  }
  out += html_escape(std::string_view(fragment.text).substr(pos));
  return out;
}

std::string response_to_json(const SearchResponse& response) {
  json results = json::array();
  for (const auto& hit : response.hits) {
    const Article& a = hit.article;
    std::string snippet;
    json fragments = json::array();
    for (const auto& f : hit.snippet.fragments) {
      std::string html = fragment_to_html(f);
      if (!snippet.empty()) snippet += " ";
      if (f.cut_before) snippet += "\xE2\x80\xA6";
      snippet += html;
      if (f.cut_after) snippet += "\xE2\x80\xA6";
      fragments.push_back(html);
    }
    results.push_back({{"id", hit.id},
                       {"rank", hit.rank},
                       {"match", hit.all_words ? "all" : "some"},
                       {"title", a.title},
                       {"date", a.date ? json(a.date->iso()) : json(nullptr)},
                       {"timestamp", a.timestamp.empty() ? json(nullptr) : json(a.timestamp)},
                       {"section", a.section},
                       {"people", a.people},
                       {"authors", a.authors},
                       {"source", a.source},
                       {"url", a.url},
                       {"score", hit.score},
                       {"versions", hit.versions},
                       {"snippet", snippet},
                       {"fragments", fragments}});
  }
  json j = {{"query", response.query},
            {"total", response.total},
            {"total_exact", response.total_exact},
            {"total_all_words", response.total_all_words},
            {"offset", response.offset},
            {"limit", response.limit},
            {"results", results},
            {"suggestion", response.suggestion.empty() ? json(nullptr) : json(response.suggestion)},
            {"warnings", response.warnings},
            {"filters", filter_list(response.filters)}};
  if (!response.reduced_terms.empty()) j["reduced_terms"] = response.reduced_terms;
  if (response.facets) {
    j["facets"] = {{"sections", facet_list(response.facets->sections)},
                   {"people", facet_list(response.facets->people)},
                   {"timeline", {{"unit", response.facets->timeline_unit},
                                 {"counts", facet_list(response.facets->timeline)}}},
                   {"partial", response.facets->partial}};
  }
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

// The keys and their order (nlohmann sorts them) are the public API of
// docs/json.md, pinned by the e2e tests; store/stored_article.cc keeps its
// own copy of the fields on purpose, so the two can change apart.
std::string article_to_json(const Article& a, std::string_view id) {
  json j;
  if (!id.empty()) j["id"] = id;
  j["source"] = a.source;
  if (!a.key.empty()) j["key"] = a.key;
  j["url"] = a.url;
  j["title"] = a.title;
  if (a.title_from_body) j["title_from_body"] = true;
  j["date"] = a.date ? json(a.date->iso()) : json(nullptr);
  if (!a.timestamp.empty()) j["timestamp"] = a.timestamp;
  j["section"] = a.section;
  j["authors"] = a.authors;
  j["people"] = a.people;
  if (!a.subjects.empty()) j["subjects"] = a.subjects;
  if (!a.dateline.empty()) j["dateline"] = a.dateline;
  if (!a.language.empty()) j["language"] = a.language;
  if (!a.captions.empty()) j["captions"] = a.captions;
  j["body"] = a.body;
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace morgue
