// The per-vocabulary readers behind parse_news_xml (private header). Each takes
// a parsed, already vetted document's element and appends articles; `source`
// is recorded in each article and names the file in problems.
#pragma once

#include <string>
#include <unordered_set>

#include <libxml/tree.h>

#include "morgue/article.h"

namespace morgue::news {

// Where the readers put their results, and the keys used so far in this file
// (so every article's key is unique in the file).
struct Sink {
  const std::string& source;
  Extraction& out;
  bool multi = false;  // container format: every article gets a key
  int position = 0;    // items seen so far, for "item-N" keys
  std::unordered_set<std::string> keys = {};

  // Finishes an article (source, key) and keeps it if it has a title or body.
  void add(Article article, std::string key);
};

// NITF 3.x: <nitf>, one article.
void read_nitf(const xmlNode* nitf, Sink& sink);
// Fills fields of `article` that are still empty from an embedded <nitf>.
void merge_nitf(const xmlNode* nitf, Article& article);

// NewsML-G2: <newsItem>, or <newsMessage> holding several.
void read_newsml_g2(const xmlNode* root, Sink& sink);
// NewsML 1.x: <NewsML> with <NewsItem>s.
void read_newsml_1(const xmlNode* root, Sink& sink);

// RSS 2.0 / RSS 1.0 (<rss>, <rdf:RDF>) and Atom (<feed>, or a lone <entry>).
void read_rss(const xmlNode* root, Sink& sink);
void read_atom(const xmlNode* root, Sink& sink);

}  // namespace morgue::news
