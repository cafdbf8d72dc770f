#include "morgue/document.h"

#include <chrono>
#include <utility>

#include "store/fingerprint.h"
#include "store/placeholders.h"
#include "store/stemmers.h"
#include "morgue/schema.h"
#include "store/stored_article.h"
#include "util/strings.h"

namespace morgue {
namespace {

// Days since 1970-01-01 (for recency weighting and sorting).
long days_since_epoch(const Date& d) {
  using namespace std::chrono;
  return sys_days(year_month_day(year(d.year), month(static_cast<unsigned>(d.month)),
                                 day(static_cast<unsigned>(d.day))))
      .time_since_epoch()
      .count();
}

std::string host_of(std::string_view url) {
  std::size_t start = url.find("://");
  if (start == std::string_view::npos) return "";
  start += 3;
  std::size_t end = url.find_first_of("/?#:", start);
  std::string host = util::to_lower(url.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
  if (host.rfind("www.", 0) == 0) host.erase(0, 4);
  return host;
}

void add_section_terms(Xapian::Document& doc, const std::string& section) {
  // "World/Europe" is filed under both "world" and "world/europe".
  std::string lower = util::to_lower(section);
  std::size_t pos = 0;
  while (true) {
    pos = lower.find('/', pos);
    std::string part = lower.substr(0, pos);
    if (!part.empty()) doc.add_boolean_term(schema::make_term(schema::kSectionPrefix, part));
    if (pos == std::string::npos) break;
    ++pos;
  }
}

std::string first_paragraph(const std::string& body, std::string* rest) {
  std::size_t pos = body.find("\n\n");
  if (pos == std::string::npos) {
    rest->clear();
    return body;
  }
  *rest = body.substr(pos + 2);
  return body.substr(0, pos);
}

}  // namespace

std::string article_id(const Article& article) {
  std::string key = article.source;
  if (!article.key.empty()) {
    key += '#';
    key += article.key;
  }
  return util::hex64(util::fnv1a64(key));
}

void set_duplicate_group(Xapian::Document& doc, const std::string& group) {
  doc.add_value(schema::kSlotDupGroup, group);
  if (group != doc.get_value(schema::kSlotId)) {
    doc.add_value(schema::kSlotDupFollower, group);
  } else if (!doc.get_value(schema::kSlotDupFollower).empty()) {
    doc.remove_value(schema::kSlotDupFollower);
  }
}

namespace {

// The words of the story, with positions: headline, lead, body, captions,
// people and bylines (make_document's free text).
void index_words(Xapian::Document& doc, const Article& a) {
  Xapian::TermGenerator tg;
  tg.set_stemmer(thread_stemmer_for(a.language));  // its own language's stems: see stemmers.h
  tg.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
  tg.set_document(doc);

  // Headline: searchable as title: and weighted above the body. A headline
  // derived from the body is only its first words again: title: finds them,
  // but they get no headline weight on top of the lead's.
  tg.index_text(a.title, 1, std::string(schema::kTitlePrefix));
  if (!a.title_from_body) tg.index_text(a.title, schema::kTitleWeight);
  tg.increase_termpos();
  std::string rest;
  std::string lead = first_paragraph(a.body, &rest);
  tg.index_text(lead, schema::kLeadWeight);
  tg.increase_termpos();
  tg.index_text(rest);
  for (const auto& caption : a.captions) {
    tg.increase_termpos();
    tg.index_text(caption);
  }
  for (const auto& person : a.people) {
    tg.increase_termpos();
    tg.index_text(person, 1, std::string(schema::kPersonPrefix));
  }
  for (const auto& author : a.authors) {
    tg.increase_termpos();
    tg.index_text(author, 1, std::string(schema::kAuthorPrefix));
  }
}

// What a document holds of make_document()'s: everything, or its terms only.
enum class Fields { kAll, kTermsOnly };

// Everything else: the id, filter terms, values (the body among them), the
// fingerprint and the stored article; with kTermsOnly, the terms alone.
void add_fields(Xapian::Document& doc, const Article& a, const std::string& id, Fields fields) {
  doc.add_boolean_term(schema::make_term(schema::kIdPrefix, id));
  for (const auto& person : a.people) {
    doc.add_boolean_term(schema::make_term(schema::kPersonFilter, util::to_lower(person)));
  }
  for (const auto& author : a.authors) {
    doc.add_boolean_term(schema::make_term(schema::kAuthorFilter, util::to_lower(author)));
  }
  if (!a.section.empty()) add_section_terms(doc, a.section);
  for (const auto& subject : a.subjects) {
    doc.add_boolean_term(schema::make_term(schema::kSubjectPrefix, util::to_lower(subject)));
  }
  if (!a.url.empty()) {
    doc.add_boolean_term(schema::make_term(schema::kUrlPrefix, a.url));
    std::string host = host_of(a.url);
    if (!host.empty()) doc.add_boolean_term(schema::make_term(schema::kSitePrefix, host));
  }
  if (!a.language.empty()) doc.add_boolean_term(schema::make_term(schema::kLanguagePrefix, util::to_lower(a.language)));

  if (a.date && a.date->is_valid()) {
    std::string compact = a.date->compact();
    doc.add_boolean_term(schema::make_term(schema::kDayPrefix, compact));
    doc.add_boolean_term(schema::make_term(schema::kMonthPrefix, compact.substr(0, 6)));
    doc.add_boolean_term(schema::make_term(schema::kYearPrefix, compact.substr(0, 4)));
  }
  if (fingerprintable(a.body)) {
    // Refiled wire copy often changes the headline: fingerprint the body. A
    // story with too short a body (a headline-only flash) has no fingerprint
    // and is never grouped with another: see kMinFingerprintWords.
    MinHash fingerprint = minhash(a.body);
    auto bands = minhash_bands(fingerprint);
    for (std::size_t band = 0; band < bands.size(); ++band) {
      doc.add_boolean_term(std::string(schema::kSimBandPrefix) + static_cast<char>('0' + band) + bands[band]);
    }
    doc.add_boolean_term(schema::make_term(schema::kExactDupPrefix, content_hash(a.body)));
    if (fields == Fields::kAll) doc.add_value(schema::kSlotFingerprint, encode_minhash(fingerprint));
  }
  if (fields == Fields::kTermsOnly) return;

  doc.add_value(schema::kSlotId, id);
  if (a.date && a.date->is_valid()) {
    const std::string compact = a.date->compact();
    doc.add_value(schema::kSlotDate, compact);
    doc.add_value(schema::kSlotMonth, compact.substr(0, 6));
    doc.add_value(schema::kSlotDayNumber, Xapian::sortable_serialise(static_cast<double>(days_since_epoch(*a.date))));
  }
  if (!a.section.empty()) doc.add_value(schema::kSlotSection, a.section);
  if (!a.people.empty()) doc.add_value(schema::kSlotPeople, util::join(a.people, "\n"));
  // What the extractor read of each name, for the people step (thing use).
  if (!a.people_cues.empty()) doc.add_value(schema::kSlotPeopleCues, a.people_cues);
  set_duplicate_group(doc, id);
  doc.add_value(schema::kSlotSource, a.source);

  // The body has a slot of its own (snippets read it); the data holds the
  // other stored fields, in the versioned format of stored_article.h.
  doc.add_value(schema::kSlotBody, std::string(util::utf8_prefix(a.body, schema::kMaxStoredBodyBytes)));
  doc.set_data(encode_stored_article(a));
}

}  // namespace

Xapian::Document make_document(const Article& a, const std::string& id) {
  Xapian::Document doc;
  index_words(doc, a);
  add_fields(doc, a, id, Fields::kAll);
  return doc;
}

void add_document_terms(Xapian::Document& doc, const Article& a, const std::string& id) {
  index_words(doc, a);
  add_fields(doc, a, id, Fields::kTermsOnly);
}

Xapian::Document make_placeholder_document(const Article& a, const std::string& id) {
  Xapian::Document doc;
  Xapian::TermGenerator tg;  // headline words: the identity step reads them (flashes)
  tg.set_document(doc);
  tg.index_text(a.title, 1, std::string(schema::kTitlePrefix));
  add_fields(doc, a, id, Fields::kAll);
  doc.add_boolean_term(std::string(schema::kPlaceholder));
  return doc;
}

Article article_from_document(const Xapian::Document& doc) {
  Article a = decode_stored_article(doc.get_data());
  std::string body = doc.get_value(schema::kSlotBody);
  if (!body.empty()) a.body = std::move(body);  // else the oldest databases: the body is in the data
  return a;
}

}  // namespace morgue
