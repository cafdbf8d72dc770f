// NITF 3.x (News Industry Text Format): one story per <nitf> element.
#include "extract/news_xml_fields.h"
#include "extract/news_xml_formats.h"
#include "extract/news_xml_tree.h"

namespace morgue::news {
namespace {

struct NitfParts {
  const xmlNode* head = nullptr;
  const xmlNode* docdata = nullptr;
  const xmlNode* pubdata = nullptr;
  const xmlNode* body_head = nullptr;
  const xmlNode* content = nullptr;

  explicit NitfParts(const xmlNode* nitf)
      : head(child(nitf, "head")),
        docdata(child(head, "docdata")),
        pubdata(child(head, "pubdata")),
        body_head(path(nitf, {"body", "body.head"})),
        content(path(nitf, {"body", "body.content"})) {}
};

std::string title_of(const NitfParts& p) {
  if (std::string hl1 = text(path(p.body_head, {"hedline", "hl1"})); !hl1.empty()) return hl1;
  return text(child(p.head, "title"));
}

// The issue date is the publication day; release and the pubdata date are fallbacks.
void set_nitf_date(const NitfParts& p, Article& a) {
  if (set_date(a, attr(child(p.docdata, "date.issue"), "norm"))) return;
  if (set_date(a, attr(p.pubdata, "date.publication"))) return;
  set_date(a, attr(child(p.docdata, "date.release"), "norm"));
}

std::string section_of(const NitfParts& p) {
  if (std::string s = attr(p.pubdata, "position.section"); !s.empty()) return normalize_section(s);
  for (const xmlNode* meta : children(p.head, "meta")) {
    if (attr(meta, "name") == "section") return normalize_section(attr(meta, "content"));
  }
  return "";
}

void add_authors(const NitfParts& p, Article& a) {
  for (const xmlNode* byline : children(p.body_head, "byline")) {
    // <person> marks names explicitly; otherwise the byline text minus the
    // <byttl> job title is split into names.
    std::vector<const xmlNode*> persons = children(byline, "person");
    for (const xmlNode* person : persons) add_unique(a.authors, text(person));
    if (persons.empty()) {
      for (const std::string& name : split_byline(text_except(byline, {"byttl"}))) add_unique(a.authors, name);
    }
  }
}

// Subjects come from tobject.subject, the key list and identified content;
// people named by the source go to `people`.
void add_subjects(const NitfParts& p, Article& a) {
  for (const xmlNode* tobject : children(p.head, "tobject")) {
    for (const xmlNode* subject : children(tobject, "tobject.subject")) {
      std::string name = attr(subject, "tobject.subject.matter");
      if (name.empty()) name = attr(subject, "tobject.subject.type");
      add_unique(a.subjects, name);
      add_unique(a.subjects, attr(subject, "tobject.subject.detail"));
    }
  }
  for (const xmlNode* keyword : children(child(p.docdata, "key-list"), "keyword")) {
    add_unique(a.subjects, attr(keyword, "key"));
  }
  const xmlNode* identified = child(p.docdata, "identified-content");
  for (const xmlNode* c = identified ? identified->children : nullptr; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    std::string value = attr(c, "value");
    if (value.empty()) value = text(c);
    if (is_element(c, "person")) {
      add_unique(a.people, value);
    } else if (is_element(c, "org") || is_element(c, "location") || is_element(c, "event") ||
               is_element(c, "classifier") || is_element(c, "object.title")) {
      add_unique(a.subjects, value);
    }
  }
}

void set_body(const NitfParts& p, Article& a) {
  BlockText block = block_text(p.content);
  for (const std::string& caption : block.captions) add_unique(a.captions, caption);
  a.body = block.body();
  // A story that is only an abstract (briefs often are) still has text to find.
  if (a.body.empty()) a.body = block_text(child(p.body_head, "abstract")).body();
}

}  // namespace

void merge_nitf(const xmlNode* nitf, Article& a) {
  NitfParts p(nitf);
  if (a.title.empty()) a.title = title_of(p);
  if (!a.date) set_nitf_date(p, a);
  if (a.section.empty()) a.section = section_of(p);
  if (a.url.empty()) {
    std::string ref = attr(p.pubdata, "ex-ref");
    if (ref.rfind("http://", 0) == 0 || ref.rfind("https://", 0) == 0) a.url = ref;
  }
  if (a.authors.empty()) add_authors(p, a);
  add_subjects(p, a);
  if (a.dateline.empty()) a.dateline = clean_dateline(text(child(p.body_head, "dateline")));
  if (a.language.empty()) a.language = language_at(p.content ? p.content : nitf);
  if (a.body.empty()) set_body(p, a);
}

void read_nitf(const xmlNode* nitf, Sink& sink) {
  Article article;
  merge_nitf(nitf, article);
  sink.add(std::move(article), attr(path(nitf, {"head", "docdata", "doc-id"}), "id-string"));
}

}  // namespace morgue::news
