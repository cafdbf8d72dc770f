// Syndication feeds kept in archives: RSS 2.0, RSS 1.0 (RDF) and Atom 1.0.
// Each item/entry is one article.
#include <fmt/format.h>

#include "extract/news_xml_fields.h"
#include "extract/news_xml_formats.h"
#include "extract/news_xml_tree.h"
#include "util/strings.h"

namespace morgue::news {
namespace {

bool is_http(std::string_view s) { return s.rfind("http://", 0) == 0 || s.rfind("https://", 0) == 0; }

// Feed titles are meant to be plain text, but escaped markup is common.
std::string plain_title(std::string_view raw) {
  if (raw.find('<') == std::string_view::npos) return clean_line(raw);
  return clean_line(util::join(html_fragment_text(raw).paragraphs, " "));
}

void set_body(Article& a, const BlockText& block) {
  a.body = block.body();
  for (const std::string& caption : block.captions) add_unique(a.captions, caption);
}

// An unreadable date is reported, and the article kept without one.
void set_feed_date(Article& a, const xmlNode* node, Sink& sink) {
  std::string value = text(node);
  if (value.empty() || set_date(a, value)) return;
  sink.out.problems.push_back(
      {sink.source, fmt::format("item {}: unparsable date \"{}\"", sink.position + 1, value)});
}

// RSS <author> is "jo@example.com (Jo Smith)"; a bare address names nobody.
std::string rss_author_name(const std::string& author) {
  std::size_t open = author.find('(');
  std::size_t close = author.rfind(')');
  if (open != std::string::npos && close != std::string::npos && close > open) {
    return author.substr(open + 1, close - open - 1);
  }
  return author.find('@') == std::string::npos ? author : "";
}

void read_rss_item(const xmlNode* item, const std::string& channel_language, Sink& sink) {
  Article a;
  a.title = plain_title(raw_text(own_child(item, "title")));
  a.url = text(own_child(item, "link"));
  const xmlNode* guid = own_child(item, "guid");
  std::string key = text(guid);
  if (a.url.empty() && is_http(key) && attr(guid, "isPermaLink") != "false") a.url = key;
  if (key.empty()) key = attr(item, "about");  // RSS 1.0 names items with rdf:about
  if (key.empty()) key = a.url;
  const xmlNode* date = own_child(item, "pubDate");
  set_feed_date(a, date ? date : child(item, "date"), sink);  // dc:date in RSS 1.0
  for (const xmlNode* creator : children(item, "creator")) {
    for (const std::string& name : split_byline(text(creator))) add_unique(a.authors, name);
  }
  for (const xmlNode* author : own_children(item, "author")) {
    for (const std::string& name : split_byline(rss_author_name(text(author)))) add_unique(a.authors, name);
  }
  for (const xmlNode* category : own_children(item, "category")) add_unique(a.subjects, text(category));
  for (const xmlNode* subject : children(item, "subject")) add_unique(a.subjects, text(subject));
  // content:encoded carries the full story when present; description is often a teaser.
  const xmlNode* content = child(item, "encoded");
  set_body(a, html_fragment_text(raw_text(content ? content : own_child(item, "description"))));
  a.language = normalize_language(text(child(item, "language")));
  if (a.language.empty()) a.language = channel_language;
  if (a.language.empty()) a.language = language_at(item);
  sink.add(std::move(a), key);
}

std::string atom_title(const xmlNode* title) {
  if (attr(title, "type") == "html") return plain_title(raw_text(title));
  return text(title);
}

BlockText atom_content(const xmlNode* content) {
  std::string type = attr(content, "type");
  if (type == "xhtml") return block_text(content);
  if (type == "html" || type == "text/html") return html_fragment_text(raw_text(content));
  if (type.empty() || type == "text" || type == "text/plain") {
    BlockText block;
    std::string body = paragraphs_from_text(raw_text(content));
    if (!body.empty()) block.paragraphs.push_back(std::move(body));
    return block;
  }
  return {};  // other media types (or out-of-line content via src) carry no story text
}

void read_atom_entry(const xmlNode* entry, Sink& sink) {
  Article a;
  a.title = atom_title(own_child(entry, "title"));
  for (const xmlNode* link : own_children(entry, "link")) {
    std::string rel = attr(link, "rel");
    if (rel.empty() || rel == "alternate") {
      a.url = attr(link, "href");
      break;
    }
  }
  const xmlNode* published = own_child(entry, "published");
  set_feed_date(a, published ? published : own_child(entry, "updated"), sink);
  for (const xmlNode* author : own_children(entry, "author")) {
    add_unique(a.authors, text(own_child(author, "name")));
  }
  for (const xmlNode* category : own_children(entry, "category")) {
    std::string label = attr(category, "label");
    add_unique(a.subjects, label.empty() ? attr(category, "term") : label);
  }
  const xmlNode* content = own_child(entry, "content");
  BlockText block = atom_content(content);
  if (block.paragraphs.empty()) block = atom_content(own_child(entry, "summary"));
  set_body(a, block);
  a.language = language_at(content ? content : entry);
  std::string key = text(own_child(entry, "id"));
  if (key.empty()) key = a.url;
  sink.add(std::move(a), std::move(key));
}

}  // namespace

void read_rss(const xmlNode* root, Sink& sink) {
  sink.multi = true;
  const xmlNode* channel = own_child(root, "channel");
  if (!channel) channel = child(root, "channel");
  std::string language = normalize_language(text(child(channel, "language")));
  // RSS 2.0 nests items in the channel; RSS 1.0 makes them the channel's siblings.
  for (const xmlNode* item : children(channel, "item")) read_rss_item(item, language, sink);
  for (const xmlNode* item : children(root, "item")) read_rss_item(item, language, sink);
}

void read_atom(const xmlNode* root, Sink& sink) {
  if (is_element(root, "entry")) {
    read_atom_entry(root, sink);
    return;
  }
  sink.multi = true;
  for (const xmlNode* entry : own_children(root, "entry")) read_atom_entry(entry, sink);
}

}  // namespace morgue::news
