// Publication date of an HTML page.
#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <span>

#include <fmt/format.h>

#include "extract/html_fields.h"
#include "util/strings.h"

namespace morgue::html {
namespace {

constexpr int kEarliestWebYear = 1994;
constexpr std::size_t kMaxWindow = 6;
constexpr std::size_t kMaxTokens = 200;
// UTC hours from which a UTC timestamp is already the next day somewhere east
// (Europe, Asia), and before which it is still the previous day in the Americas.
constexpr int kEastMidnightUtc = 14;
constexpr int kWestMidnightUtc = 10;

// Meta tags that name the publication time, most specific first.
constexpr std::string_view kDateMetas[] = {
    "article:published_time", "og:article:published_time", "article.published", "datepublished",
    "published_time", "article:published", "publishdate", "publish-date", "publish_date", "pubdate",
    "sailthru.date", "parsely-pub-date", "dc.date.issued", "dcterms.issued", "dc.date.created",
    "dcterms.created", "dc.created", "originalpublicationdate", "article_date_original",
    "citation_publication_date", "citation_date", "og:published_time", "published-date", "release_date",
    "cxenseparse:recs:publishtime", "displaydate", "creation_date", "publicationdate", "publication_date",
    "dateofpublication", "date_of_publication",
    "publication-date"};

// Generic date metas: many CMSs fill them with the time the page was built or
// last edited, so a date shown on the page beats them.
constexpr std::string_view kWeakDateMetas[] = {"date", "dc.date", "dcterms.date"};

// Meta tags that name the last change.
constexpr std::string_view kModifiedMetas[] = {"article:modified_time", "og:updated_time", "og:article:modified_time",
                                               "datemodified", "dcterms.modified", "last-modified", "lastmod"};

// Words after which a visible text talks about a later change, not
// publication. When a page shows no other date, the date of its last
// change is the best there is (find_revision_date_in_text()).
constexpr std::string_view kRevisionWords[] = {"update", "modified", "aktualisiert", "geändert", "mis à jour",
                                               "actualizado", "aggiornato", "last edit", "bijgewerkt",
                                               "letzte änderung", "zuletzt"};

// Words after which a date is never the story's: the clock of the page
// ("Aktuelle Zeit: ...") and a forum member's sign-up day.
constexpr std::string_view kOtherDayWords[] = {"aktuelle zeit", "current time", "heute ist", "today is",
                                               "joined", "member since", "registered", "registriert", "mitglied seit",
                                               "dabei seit", "anmeldedatum", "inscrit", "membre depuis",
                                               "miembro desde", "lid sinds", "iscritto", "registrato", "membro dal",
                                               "membro desde", "registrado", "geregistreerd", "dołączył",
                                               "zarejestrowan", "medlem sedan", "medlem siden", "medlem fra",
                                               "beigetreten", "rekisteröity", "liittynyt", "registrován", "členem od",
                                               "regisztrált", "kayıt tarihi", "üyelik tarihi"};

// Where the first of `words` starts in `lower`, and its length; npos when none does.
std::pair<std::size_t, std::size_t> first_of(std::string_view lower, std::span<const std::string_view> words) {
  std::pair<std::size_t, std::size_t> found{std::string_view::npos, 0};
  for (std::string_view w : words) {
    const std::size_t at = lower.find(w);
    if (at < found.first) found = {at, w.size()};
  }
  return found;
}

// Today plus a day of clock skew: later dates are typos or event dates.
Date latest_plausible() {
  using namespace std::chrono;
  auto days = floor<std::chrono::days>(system_clock::now()) + std::chrono::days(1);
  year_month_day ymd{days};
  return Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
              static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

bool plausible(const Date& d) { return d.year >= kEarliestWebYear && d <= latest_plausible(); }

std::optional<DateTime> parse_plausible(std::string_view text) {
  if (text.empty()) return std::nullopt;
  auto dt = parse_date_time(text);
  if (!dt || !plausible(dt->date)) return std::nullopt;
  return dt;
}

std::vector<std::string_view> tokens_of(std::string_view s) { return util::split_spaces(s); }

}  // namespace

std::optional<DateTime> find_date_in_text(std::string_view text) {
  std::string collapsed = util::collapse_space(text);
  std::string lower = util::to_lower(collapsed);
  const std::size_t cut = std::min(first_of(lower, kRevisionWords).first, first_of(lower, kOtherDayWords).first);
  std::string kept = collapsed.substr(0, std::min(cut, collapsed.size()));
  std::vector<std::string_view> tokens = tokens_of(kept);
  if (tokens.size() > kMaxTokens) tokens.resize(kMaxTokens);
  // Every date form has digits within its first three words.
  std::vector<char> digit(tokens.size() + 2, 0);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    digit[i] = std::any_of(tokens[i].begin(), tokens[i].end(), [](char c) { return c >= '0' && c <= '9'; });
  }
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (!digit[i] && !digit[i + 1] && !digit[i + 2]) continue;
    for (std::size_t len = 1; len <= kMaxWindow && i + len <= tokens.size(); ++len) {
      const char* begin = tokens[i].data();
      const char* end = tokens[i + len - 1].data() + tokens[i + len - 1].size();
      if (auto dt = parse_plausible(std::string_view(begin, static_cast<std::size_t>(end - begin)))) return dt;
    }
  }
  return std::nullopt;
}

namespace {

// The date after a revision word ("Last updated: 27 December 2007"),
// unless the page's clock or a member's sign-up day comes first.
std::optional<DateTime> find_revision_date_in_text(std::string_view text) {
  std::string collapsed = util::collapse_space(text);
  std::string lower = util::to_lower(collapsed);
  const auto [at, size] = first_of(lower, kRevisionWords);
  if (at == std::string_view::npos || first_of(lower, kOtherDayWords).first < at) return std::nullopt;
  return find_date_in_text(std::string_view(collapsed).substr(std::min(at + size, collapsed.size())));
}

// Days since 1970-01-01.
long day_number(const Date& d) {
  using namespace std::chrono;
  sys_days days = year_month_day{year{d.year}, month{static_cast<unsigned>(d.month)}, day{static_cast<unsigned>(d.day)}};
  return days.time_since_epoch().count();
}

// A timestamp as written by parse_date_time ("2022-02-14T09:30:00+01:00").
struct Clock {
  long local_minutes = 0;  // minutes since the epoch on the page's own clock
  int second = 0;
  bool has_zone = false;
  bool utc = false;
  int offset_minutes = 0;  // east of UTC
  long instant() const { return local_minutes - offset_minutes; }
};

std::optional<Clock> clock_of(const DateTime& dt) {
  const std::string& t = dt.timestamp;
  if (t.size() < 19 || t[10] != 'T') return std::nullopt;
  auto num = [&](std::size_t at) { return (t[at] - '0') * 10 + (t[at + 1] - '0'); };
  Clock c;
  c.local_minutes = day_number(dt.date) * 1440 + num(11) * 60 + num(14);
  c.second = num(17);
  std::string_view zone = std::string_view(t).substr(19);
  if (zone == "Z") {
    c.has_zone = c.utc = true;
  } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-')) {
    c.has_zone = true;
    c.offset_minutes = (zone[0] == '-' ? -1 : 1) * (num(20) * 60 + num(23));
  }
  return c;
}

// What a page says about its date, each list in order of trust.
struct DateEvidence {
  std::vector<DateTime> published;  // JSON-LD, meta tags, microdata with the published role
  std::vector<DateTime> weak;       // generic date metas
  std::vector<DateTime> modified;   // the modified role
  std::vector<DateTime> times;      // <time pubdate>, class "published", then other <time>
  std::optional<DateTime> shown;    // the date shown next to the headline
};

void add_parsed(std::vector<DateTime>& out, std::string_view v) {
  if (auto dt = parse_plausible(v)) out.push_back(std::move(*dt));
}

// A data attribute's value: a Unix time or a date.
void add_data_date(std::vector<DateTime>& out, std::string_view v) {
  if (auto dt = parse_epoch(v); dt && plausible(dt->date)) {
    out.push_back(std::move(*dt));
    return;
  }
  add_parsed(out, v);
}

void add_metas(std::vector<DateTime>& out, const PageMeta& meta, std::span<const std::string_view> keys) {
  for (std::string_view key : keys) {
    for (const auto& [k, v] : meta.metas) {
      if (k == key) add_parsed(out, v);
    }
  }
}

std::string fingerprint(std::string_view s) {
  std::string out;
  for (char c : util::to_lower(s)) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80) out.push_back(c);
  }
  return out;
}

// The date written just under (or just above) the h1 that carries the headline.
// Only an h1 matching the headline counts: a site's logo h1 sits by the
// page's clock, not by the story.
// The h1 shows the headline: one holds the other, or they share a long
// opening ("Headline | Section" and "Headline Subscribers").
bool same_headline(const std::string& key, const std::string& title_key) {
  if (key.size() < 8) return false;
  if (title_key.find(key) != std::string::npos || key.find(title_key) != std::string::npos) return true;
  std::size_t common = 0;
  while (common < key.size() && common < title_key.size() && key[common] == title_key[common]) ++common;
  return common >= 20 && common * 10 >= std::min(key.size(), title_key.size()) * 7;
}

using DateFinder = std::optional<DateTime> (*)(std::string_view);

// `find` (find_date_in_text() or find_revision_date_in_text()) on the text
// by the headline.
std::optional<DateTime> shown_date(const PageMeta& meta, std::string_view headline, DateFinder find) {
  std::string title_key = fingerprint(headline);
  if (title_key.empty()) return std::nullopt;
  for (const auto& w : meta.headline_windows) {
    std::string key = fingerprint(w.heading);
    if (!same_headline(key, title_key)) continue;
    // A heading longer than the headline holds more than the headline: often
    // the dateline ("Headline 02.02.2022 · Press", or a date span inside
    // the h1), which is closer than anything after it.
    if (key.size() > title_key.size() + 4) {
      if (auto dt = find(w.heading)) return dt;
    }
    if (auto dt = find(w.after)) return dt;
    return find(w.before);
  }
  return std::nullopt;
}

DateEvidence gather(const PageMeta& meta, std::string_view headline) {
  DateEvidence e;
  add_parsed(e.published, meta.json_ld.date_published);
  add_metas(e.published, meta, kDateMetas);
  for (const auto& v : meta.itemprop_dates) add_parsed(e.published, v);
  add_parsed(e.published, meta.json_ld.other_date_published);
  add_metas(e.weak, meta, kWeakDateMetas);
  add_parsed(e.modified, meta.json_ld.date_modified);
  add_metas(e.modified, meta, kModifiedMetas);
  for (const auto& v : meta.modified_dates) add_parsed(e.modified, v);
  for (const auto& list : {&meta.marked_dates, &meta.time_dates}) {
    for (const auto& v : *list) add_parsed(e.times, v);
  }
  for (const auto& v : meta.data_dates) add_data_date(e.times, v);
  e.shown = shown_date(meta, headline, find_date_in_text);
  return e;
}

Date date_of_day_number(long n) {
  using namespace std::chrono;
  year_month_day ymd{sys_days{days{n}}};
  return Date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
              static_cast<int>(static_cast<unsigned>(ymd.day()))};
}

// The site's own UTC offset: the first of the page's timestamps (published,
// modified, <time>) written with one. 0 when none is.
int site_offset(const DateEvidence& e) {
  for (const auto* list : {&e.published, &e.modified, &e.weak, &e.times}) {
    for (const auto& dt : *list) {
      auto c = clock_of(dt);
      if (c && c->has_zone && !c->utc && c->offset_minutes != 0) return c->offset_minutes;
    }
  }
  return 0;
}

// A UTC timestamp read on the site's clock: "2021-03-05T02:30Z" on a page
// whose other times say -05:00 was published on the evening of the 4th.
DateTime on_site_clock(const DateTime& best, const Clock& utc, const DateEvidence& e) {
  int offset = site_offset(e);
  if (offset == 0) return best;
  long local = utc.instant() + offset;
  long day = local >= 0 ? local / 1440 : -((-local + 1439) / 1440);
  Date date = date_of_day_number(day);
  if (date == best.date) return best;
  long minutes = local - day * 1440;
  int off = std::abs(offset);
  return DateTime{date, fmt::format("{}T{:02}:{:02}:{:02}{}{:02}:{:02}", date.iso(), minutes / 60, minutes % 60,
                                    utc.second, offset < 0 ? '-' : '+', off / 60, off % 60)};
}

// A UTC timestamp is the same instant as a local one elsewhere on the page;
// the local one gives the day the page's readers saw ("2019-10-18T22:04Z" is
// the 19th in Vienna). A zone-less time with the same minutes and seconds a
// few hours off is taken as that local clock.
DateTime prefer_local(const DateTime& best, const DateEvidence& e) {
  auto c = clock_of(best);
  if (!c || !c->utc) return best;
  for (const auto* list : {&e.published, &e.weak, &e.times}) {
    for (const auto& other : *list) {
      auto o = clock_of(other);
      if (!o || o->utc || other.date == best.date) continue;
      if (o->has_zone && o->instant() == c->instant()) return other;
      bool same_clock_face = o->second == c->second && o->local_minutes % 60 == c->local_minutes % 60 &&
                             (o->second != 0 || o->local_minutes % 60 != 0);
      long hours = std::labs(o->local_minutes - c->local_minutes);
      if (!o->has_zone && same_clock_face && hours <= 14 * 60) return other;
    }
  }
  return on_site_clock(best, *c, e);
}

// One calendar day apart in the direction a time zone moves a UTC timestamp:
// late UTC evening is the next day east of Greenwich, early morning the
// previous day west of it.
bool utc_neighbour(const DateTime& utc, const Date& shown) {
  auto c = clock_of(utc);
  if (!c || !c->utc) return false;
  long gap = day_number(shown) - day_number(utc.date);
  int hour = static_cast<int>((c->local_minutes / 60) % 24);
  return (gap == 1 && hour >= kEastMidnightUtc) || (gap == -1 && hour < kWestMidnightUtc);
}

// 14.02.2022 written as 02/14/2022 and the other way round: a shown date whose
// day and month swapped give `day` agrees with it.
bool swapped_equal(const Date& shown, const Date& day) {
  return shown.day <= 12 && shown.month != shown.day && Date{shown.year, shown.day, shown.month} == day;
}

std::optional<DateTime> same_day(const Date& day, std::initializer_list<const std::vector<DateTime>*> lists) {
  for (const auto* list : lists) {
    for (const auto& dt : *list) {
      if (dt.date == day) return dt;
    }
  }
  return std::nullopt;
}

// A tag, category or author page ("/tag/harbour", "/author/jane-roe"), the
// next page of a list ("/news/page/2") or an archive ("/news/archive").
bool archive_path(std::string_view path) {
  std::vector<std::string> segs = util::split(path, '/');
  if (segs.empty()) return false;
  const std::string& last = segs.back();
  if (last == "archive" || last == "archiv" || last == "archives") return true;
  bool number = !last.empty() && last.size() < 5 && std::all_of(last.begin(), last.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (segs.size() < 2) return false;
  const std::string& parent = segs[segs.size() - 2];
  if (number && (parent == "page" || parent == "seite")) return true;
  for (std::string_view list : {"tag", "tags", "category", "categories", "kategorie", "author", "autor", "auteur"}) {
    if (parent == list) return true;
  }
  return false;
}

// A home page or a search page lists other pages: the dates in its text
// are theirs, so it is dated only by what it says about itself.
bool listing_page(std::string_view url) {
  std::size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return false;
  std::size_t slash = url.find('/', scheme + 3);
  if (scheme + 3 >= url.size() || url[scheme + 3] == '.') return false;  // "https://.example.de": a broken URL
  std::string_view rest = slash == std::string_view::npos ? std::string_view() : url.substr(slash + 1);
  std::string lower = util::to_lower(rest.substr(0, 300));
  std::size_t query = lower.find_first_of("?#");
  std::string path = lower.substr(0, query), args = query == std::string::npos ? "" : lower.substr(query);
  while (!path.empty() && path.back() == '/') path.pop_back();
  for (std::string_view home : {"", "index.html", "index.htm", "index.php", "home", "start", "de", "en", "fr", "it", "es"}) {
    if (path == home && args.find("p=") == std::string::npos && args.find("id=") == std::string::npos) return true;
  }
  for (std::string_view search : {"search", "suche", "recherche", "buscar", "cerca", "zoeken"}) {
    std::size_t at = path.find(search);
    if (at != std::string::npos && (at == 0 || path[at - 1] == '/')) return true;
  }
  if (archive_path(path)) return true;
  return args.find("?q=") != std::string::npos || args.find("&q=") != std::string::npos ||
         args.find("?s=") != std::string::npos || args.find("query=") != std::string::npos;
}

std::optional<DateTime> date_from_page(const PageMeta& meta, const std::vector<std::string>& lead_lines,
                                       std::string_view headline, bool listing) {
  DateEvidence e = gather(meta, headline);
  if (!e.published.empty()) {
    DateTime best = prefer_local(e.published.front(), e);
    if (!e.shown) {
      // The first date element shows the modified date, not the published
      // one: the page presents the revision as the story's date.
      for (const auto& v : meta.date_texts) {
        auto dt = find_date_in_text(v);
        if (!dt) continue;
        if (dt->date == best.date) break;
        if (auto m = same_day(dt->date, {&e.modified})) return m;
        break;
      }
      return best;
    }
    if (e.shown->date == best.date || swapped_equal(e.shown->date, best.date)) return best;
    if (utc_neighbour(best, e.shown->date)) return e.shown;
    // The page shows another of its own dates by the headline (a later
    // revision, or the other of two disagreeing fields): readers see that one.
    if (auto dt = same_day(e.shown->date, {&e.published, &e.weak, &e.modified, &e.times})) return dt;
    return best;
  }
  if (e.shown) {
    if (auto dt = same_day(e.shown->date, {&e.times, &e.weak, &e.modified})) return dt;
    return e.shown;
  }
  if (!e.weak.empty() && listing) return e.weak.front();
  if (listing) return std::nullopt;
  if (!e.times.empty()) return e.times.front();
  for (const auto& v : meta.marked_dates) {
    if (auto dt = find_date_in_text(v)) return dt;
  }
  for (const auto& v : meta.date_texts) {
    if (auto dt = find_date_in_text(v)) return dt;
  }
  if (!e.weak.empty()) return e.weak.front();
  for (const auto* list : {&meta.date_texts, &meta.labelled_dates, &meta.byline_texts}) {
    for (const auto& v : *list) {
      if (auto dt = find_date_in_text(v)) return dt;
    }
  }
  for (const auto& v : lead_lines) {
    if (auto dt = find_date_in_text(v)) return dt;
  }
  // Last, a date that only the page's scripts state ("publishedDate": ...).
  std::vector<DateTime> scripted;
  for (const auto& v : meta.script_dates) add_data_date(scripted, v);
  if (!scripted.empty()) return scripted.front();
  // Last, the day of the page's last change: a story is seldom revised long
  // after it ran, and a story with no date is wrong whatever its day.
  if (!e.modified.empty()) return e.modified.front();
  if (auto dt = shown_date(meta, headline, find_revision_date_in_text)) return dt;
  for (const auto* list : {&meta.date_texts, &meta.byline_texts}) {
    for (const auto& v : *list) {
      if (auto dt = find_revision_date_in_text(v)) return dt;
    }
  }
  for (const auto& v : lead_lines) {
    if (auto dt = find_revision_date_in_text(v)) return dt;
  }
  // Last of all, the first date standing alone in a short text of its own.
  for (const auto& v : meta.lone_dates) {
    if (auto dt = find_date_in_text(v)) return dt;
  }
  return std::nullopt;
}

}  // namespace

std::optional<DateTime> resolve_date(const PageMeta& meta, std::string_view url,
                                     const std::vector<std::string>& lead_lines, std::string_view headline) {
  // Not an article by its URL, and not one by what it says of itself.
  std::string_view og_url = meta.meta("og:url");
  bool listing = listing_page(url) && (og_url.empty() || listing_page(og_url)) && !meta.json_ld.has_article &&
                 !util::iequals(meta.meta("og:type"), "article");
  std::optional<DateTime> page = date_from_page(meta, lead_lines, headline, listing);
  // A full date in the URL is set when the story is first filed and survives
  // later edits that rewrite the metadata dates; the page may still give the
  // time of that day.
  if (auto d = date_from_url(url); d && plausible(*d)) {
    if (page && page->date == *d) return page;
    return DateTime{*d, ""};
  }
  return page;
}

}  // namespace morgue::html
