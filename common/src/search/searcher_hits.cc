// The page's hits: each story's stored fields, its snippet (what to
// highlight comes from the query, or from each hit's matching terms for
// wildcards) and how many versions its near-duplicate group has.
#include <algorithm>
#include <iterator>

#include <xapian.h>

#include "morgue/document.h"
#include "morgue/schema.h"
#include "search/searcher_impl.h"

namespace morgue {
namespace {

using searcher_internal::check_deadline;

// Query terms turned into what snippets highlight.
template <class TermIt>
SnippetTerms snippet_terms(TermIt begin, TermIt end) {
  static const std::string kFreeTextPrefixes[] = {std::string(schema::kTitlePrefix),
                                                  std::string(schema::kPersonPrefix),
                                                  std::string(schema::kAuthorPrefix), ""};
  SnippetTerms terms;
  for (auto t = begin; t != end; ++t) {
    std::string term = *t;
    bool stemmed = !term.empty() && term[0] == 'Z';
    if (stemmed) term.erase(0, 1);
    std::size_t upper = 0;
    while (upper < term.size() && term[upper] >= 'A' && term[upper] <= 'Z') ++upper;
    std::string prefix = term.substr(0, upper);
    if (std::find(std::begin(kFreeTextPrefixes), std::end(kFreeTextPrefixes), prefix) == std::end(kFreeTextPrefixes)) {
      continue;  // a filter term (section, person id, date...): nothing to highlight
    }
    std::string word = term.substr(upper);
    if (!word.empty() && word[0] == ':') word.erase(0, 1);
    if (word.empty()) continue;
    auto& list = stemmed ? terms.stems : terms.words;
    if (std::find(list.begin(), list.end(), word) == list.end()) list.push_back(word);
  }
  return terms;
}

bool has_wildcard(const Xapian::Query& q) {
  if (q.get_type() == Xapian::Query::OP_WILDCARD) return true;
  for (std::size_t i = 0; i < q.get_num_subqueries(); ++i) {
    if (has_wildcard(q.get_subquery(i))) return true;
  }
  return false;
}

}  // namespace

void Searcher::Impl::fill_hits(Page& page, const BuiltQuery& built, const SearchRequest& req,
                               SearchResponse& response) {
  // One batch for all hits' documents (matters for remote shards). Xapian
  // 1.4's MSet::fetch() crashes on a remote MSet that starts past the first
  // hit, so later pages fetch hit by hit.
  if (req.offset == 0 && req.recent_half_life_days == 0) {
    for (auto& pass : page.passes) pass.mset.fetch();
  }
  // What to highlight: the query's own terms, which a story's text either
  // holds or not; only wildcards need the words each hit matched.
  Xapian::Query words = built.all_words.empty() ? built.ranked
                                                : Xapian::Query(Xapian::Query::OP_OR, built.ranked, built.all_words);
  const bool per_hit_terms = has_wildcard(words);
  const SnippetTerms query_terms =
      per_hit_terms ? SnippetTerms{} : snippet_terms(words.get_unique_terms_begin(), words.get_unique_terms_end());
  std::size_t rank = req.offset;
  for (const auto& r : page.ranked) {
    check_deadline(req, "while reading hits");
    Hit hit;
    Xapian::Document doc = r.it.get_document();
    hit.article = article_from_document(doc);
    hit.id = doc.get_value(schema::kSlotId);
    if (hit.id.empty()) {  // databases indexed before the id slot existed
      auto t = doc.termlist_begin();
      t.skip_to(std::string(schema::kIdPrefix));
      if (t != doc.termlist_end() && (*t).rfind(schema::kIdPrefix, 0) == 0) hit.id = (*t).substr(schema::kIdPrefix.size());
    }
    hit.rank = rank++;
    hit.score = r.score;
    hit.all_words = r.pass->all_words;
    hit.versions = req.all_versions ? 1 : static_cast<std::size_t>(r.it.get_collapse_count()) + 1;
    const Xapian::Enquire& enquire = r.pass->enquire;
    SnippetOptions snippet = req.snippet;
    snippet.language = hit.article.language;
    hit.snippet = make_snippet(hit.article.body,
                               per_hit_terms ? snippet_terms(enquire.get_matching_terms_begin(r.it),
                                                             enquire.get_matching_terms_end(r.it))
                                             : query_terms,
                               snippet);
    hit.article.body.clear();
    response.hits.push_back(std::move(hit));
  }
  if (shards && shards->has_remote() && !req.all_versions) {
    for (std::size_t i = 0; i < page.ranked.size(); ++i) {
      const Pass& pass = *page.ranked[i].pass;
      auto versions = count_versions(db, pass.enquire.get_query(), schema::kSlotDupGroup,
                                     {page.ranked[i].it.get_collapse_key()});
      response.hits[i].versions = versions.at(0);
    }
  }
}

}  // namespace morgue
