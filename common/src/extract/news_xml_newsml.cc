// NewsML-G2 news items (alone or in a newsMessage) and the older NewsML 1.x.
#include <fmt/format.h>

#include "extract/news_xml_fields.h"
#include "extract/news_xml_formats.h"
#include "extract/news_xml_tree.h"
#include "util/strings.h"

namespace morgue::news {
namespace {

bool contains_ci(std::string_view haystack, std::string_view needle) {
  return util::to_lower(haystack).find(needle) != std::string::npos;
}

// G2 has no section element; agencies mark the desk with a subject whose type
// or qcode scheme names it ("section:world", type="cpnat:department").
bool is_section_subject(const xmlNode* subject) {
  std::string type = attr(subject, "type");
  std::string scheme = attr(subject, "qcode");
  scheme = scheme.substr(0, scheme.find(':'));
  for (std::string_view word : {"section", "desk", "department"}) {
    if (contains_ci(type, word) || contains_ci(scheme, word)) return true;
  }
  return false;
}

std::string concept_name(const xmlNode* concept_node) {
  if (std::string name = text(child(concept_node, "name")); !name.empty()) return name;
  return attr(concept_node, "literal");
}

void read_g2_meta(const xmlNode* item, Article& a) {
  const xmlNode* item_meta = child(item, "itemMeta");
  const xmlNode* meta = child(item, "contentMeta");
  // firstCreated is when the story first went out; later versions keep it.
  if (!set_date(a, text(child(item_meta, "firstCreated"))) && !set_date(a, text(child(meta, "contentCreated")))) {
    set_date(a, text(child(item_meta, "versionCreated")));
  }
  for (const xmlNode* link : children(item_meta, "link")) {
    if (contains_ci(attr(link, "rel"), "canonical") && a.url.empty()) a.url = attr(link, "href");
  }
  a.title = text(child(meta, "headline"));
  if (a.title.empty()) a.title = text(child(meta, "slugline"));
  a.dateline = clean_dateline(text(child(meta, "dateline")));
  if (a.dateline.empty()) a.dateline = concept_name(child(meta, "located"));
  for (const xmlNode* by : children(meta, "by")) {
    for (const std::string& name : split_byline(text(by))) add_unique(a.authors, name);
  }
  if (a.authors.empty()) {
    for (const xmlNode* creator : children(meta, "creator")) {
      if (contains_ci(attr(creator, "type"), "person")) add_unique(a.authors, concept_name(creator));
    }
  }
  for (const xmlNode* subject : children(meta, "subject")) {
    std::string name = concept_name(subject);
    if (is_section_subject(subject)) {
      if (a.section.empty()) a.section = normalize_section(name);
    } else {
      add_unique(a.subjects, name);
    }
  }
  for (const xmlNode* keyword : children(meta, "keyword")) add_unique(a.subjects, text(keyword));
  a.language = normalize_language(attr(child(meta, "language"), "tag"));
  if (a.language.empty()) a.language = language_at(item);
}

// The story text: the first inlineXML rendition (XHTML or NITF), else inlineData.
void read_g2_content(const xmlNode* item, Article& a) {
  const xmlNode* content_set = child(item, "contentSet");
  if (const xmlNode* inline_xml = child(content_set, "inlineXML")) {
    if (const xmlNode* nitf = descendant(inline_xml, "nitf")) {
      merge_nitf(nitf, a);
    } else {
      const xmlNode* body = descendant(inline_xml, "body");
      BlockText block = block_text(body ? body : inline_xml);
      a.body = block.body();
      for (const std::string& caption : block.captions) add_unique(a.captions, caption);
    }
  } else if (const xmlNode* inline_data = child(content_set, "inlineData")) {
    a.body = paragraphs_from_text(raw_text(inline_data));
  }
  if (a.body.empty()) {
    for (const xmlNode* description : children(child(item, "contentMeta"), "description")) {
      a.body = block_text(description).body();
      if (!a.body.empty()) break;
    }
  }
}

void read_g2_item(const xmlNode* item, Sink& sink) {
  Article article;
  read_g2_meta(item, article);
  read_g2_content(item, article);
  sink.add(std::move(article), attr(item, "guid"));
}

void read_newsml_1_item(const xmlNode* item, Sink& sink) {
  Article a;
  const xmlNode* management = child(item, "NewsManagement");
  if (!set_date(a, text(child(management, "FirstCreated")))) {
    set_date(a, text(child(management, "ThisRevisionCreated")));
  }
  const xmlNode* component = child(item, "NewsComponent");
  const xmlNode* lines = child(component, "NewsLines");
  a.title = text(child(lines, "HeadLine"));
  if (a.title.empty()) a.title = text(child(lines, "SlugLine"));
  for (const xmlNode* by : children(lines, "ByLine")) {
    for (const std::string& name : split_byline(text(by))) add_unique(a.authors, name);
  }
  a.dateline = clean_dateline(text(child(lines, "DateLine")));
  const xmlNode* descriptive = child(component, "DescriptiveMetadata");
  a.language = normalize_language(attr(child(descriptive, "Language"), "FormalName"));
  if (const xmlNode* data = descendant(component, "DataContent")) {
    if (const xmlNode* nitf = descendant(data, "nitf")) {
      merge_nitf(nitf, a);
    } else {
      const xmlNode* body = descendant(data, "body");
      BlockText block = block_text(body ? body : data);
      a.body = block.body();
    }
  }
  if (a.language.empty()) a.language = language_at(item);
  sink.add(std::move(a), text(path(item, {"Identification", "NewsIdentifier", "PublicIdentifier"})));
}

}  // namespace

void read_newsml_g2(const xmlNode* root, Sink& sink) {
  if (is_element(root, "newsItem")) {
    read_g2_item(root, sink);
    return;
  }
  sink.multi = true;
  for (const xmlNode* item : children(root, "newsItem")) read_g2_item(item, sink);
  for (const xmlNode* set : children(root, "itemSet")) {
    for (const xmlNode* item : children(set, "newsItem")) read_g2_item(item, sink);
  }
}

void read_newsml_1(const xmlNode* root, Sink& sink) {
  sink.multi = true;
  for (const xmlNode* item : children(root, "NewsItem")) read_newsml_1_item(item, sink);
}

}  // namespace morgue::news
