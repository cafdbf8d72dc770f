// Visible text: what stands around the story's headline (where pages show
// its date: "Stand: 28.04.2020 18:00 Uhr" under the h1) and the dates that
// visible labels introduce ("Veröffentlicht am 3. Mai 2021").
#include <algorithm>
#include <cctype>

#include "extract/html_dom.h"
#include "extract/html_fields.h"
#include "extract/html_meta_collector.h"
#include "util/strings.h"

namespace morgue::html::meta_internal {
namespace {

constexpr std::size_t kAfterHeadline = 240;   // bytes of text kept after it
constexpr std::size_t kLabelBytes = 100;      // bytes kept from a date label on
constexpr std::size_t kLongText = 80;         // characters: a text this long is story, not a dateline
constexpr std::size_t kStoryOpening = 40;     // bytes kept from the story's first text
constexpr std::size_t kMaxTextScan = 1 << 20; // visible text looked at for labels and headlines

// Visible words that introduce the publication date ("Veröffentlicht am 3. Mai
// 2021", "Publié le ..."), lower case.
constexpr std::string_view kDateLabels[] = {
    "published", "posted on", "veröffentlicht", "erschienen", "publiziert", "erstellt am", "geschrieben am",
    "gespeichert von", "datum:", "date:", "stand:", "publié", "publicado", "pubblicato", "gepubliceerd",
    "geplaatst op", "wurde am", "beitrag wurde", "artikel wurde", "eintrag wurde", "entry was posted",
    // Other European languages (lower case as util::to_lower gives it).
    "mise en ligne", "mis en ligne", "publicada", "opublikowano", "publikováno", "uverejnené", "objavljeno",
    "publicerad", "publiceret", "publisert", "julkaistu", "avaldatud", "paskelbta", "publicēts", "közzétéve",
    "publicat", "yayınlanma", "yayın tarihi", "опубликовано", "публикувано", "опубліковано", "δημοσιεύθηκε",
    "δημοσίευση"};

// A short text that is a date and little else ("Fri, December 28, 2007",
// "06.10.2017 11:15"), not a link's: the first such text is the page's last
// resort for a date.
bool lone_date(const xmlNode* n, std::string_view text) {
  constexpr std::size_t kMaxBytes = 48, kMaxWords = 6;
  std::string_view t = util::trim(text);
  if (t.empty() || t.size() > kMaxBytes || t.find_first_of("0123456789") == std::string_view::npos) return false;
  if (n->parent != nullptr && is_element(n->parent) && tag_of(n->parent) == "a") return false;
  return util::split_spaces(t).size() <= kMaxWords && find_date_in_text(t).has_value();
}

// Appends `text` with white space collapsed, keeping `buf` under `cap` bytes.
void append_text(std::string& buf, std::string_view text, std::size_t cap) {
  if (buf.size() >= cap) return;
  if (!buf.empty() && buf.back() != ' ') buf.push_back(' ');
  std::string piece = util::collapse_space(text.substr(0, cap));
  buf.append(piece, 0, cap - std::min(cap, buf.size()));
}

}  // namespace

// The last `keep` bytes of `s`, starting at a word so no UTF-8 sequence is cut.
std::string tail_words(const std::string& s, std::size_t keep) {
  if (s.size() <= keep) return s;
  std::size_t from = s.find(' ', s.size() - keep);
  return from == std::string::npos ? std::string() : s.substr(from + 1);
}

// Visible text feeds the headline windows and the date labels.
void Collector::read_text(const xmlNode* n) {
  if (hard_boiler_depth_ > 0 || date_boiler_depth_ > 0 || n->content == nullptr || text_seen_ > kMaxTextScan) return;
  std::string_view text(reinterpret_cast<const char*>(n->content));
  text_seen_ += text.size();
  if (util::trim(text).empty()) return;
  if (boiler_depth_ > 0) {
    read_label(text);
    return;
  }
  if (out_.lone_dates.size() < kMaxPerKind && lone_date(n, text)) {
    out_.lone_dates.push_back(util::collapse_space(text));
  }
  if (heading_ == nullptr && after_open_) {
    // Datelines and bylines are short texts; long ones are the standfirst
    // or the story, whose dates are events: keep only their opening words.
    std::string& after = out_.headline_windows.back().after;
    std::string piece = util::collapse_space(text.substr(0, kAfterHeadline));
    // Under an h2 (a weaker sign of the headline) only short texts count.
    if (count_chars(piece) > kLongText) {
      std::size_t cut = window_is_h2_ ? std::string::npos : piece.rfind(' ', kStoryOpening);
      piece.resize(cut == std::string::npos ? 0 : cut);
      if (window_is_h2_) after_open_ = false;
    }
    append_text(after, piece, kAfterHeadline);
    if (after.size() >= kAfterHeadline) after_open_ = false;
  }
  tail_ += ' ';
  tail_.append(util::collapse_space(text.size() > 4 * kBeforeHeadline ? text.substr(text.size() - 4 * kBeforeHeadline)
                                                                       : text));
  if (tail_.size() > 4 * kBeforeHeadline) tail_ = tail_words(tail_, kBeforeHeadline);
  read_label(text);
}

// "Veröffentlicht am 3. Mai 2021", "<dt>Datum:</dt><dd>...</dd>".
void Collector::read_label(std::string_view text) {
  std::size_t first = std::string::npos;
  if (text.size() <= 400) {
    std::string lowered = util::to_lower(text);
    // The earliest label: "Dieser Beitrag wurde am 3. Mai veröffentlicht".
    for (std::string_view label : kDateLabels) {
      std::size_t at = lowered.find(label);
      // A word of its own: "update:" does not hold the label "date:".
      if (at == std::string::npos || (at > 0 && std::isalpha(static_cast<unsigned char>(lowered[at - 1])))) continue;
      first = std::min(first, at);
    }
  }
  // A text that is only a label word: a term or table heading ("Datum").
  if (first == std::string::npos && text.size() < 40) {
    std::string word = util::to_lower(util::trim(text));
    for (std::string_view w : {"datum", "date", "published", "veröffentlicht", "erschienen", "publié", "publicado",
                               "pubblicato", "fecha", "gepubliceerd"}) {
      if (word == w) first = text.find_first_not_of(" \t\r\n");
    }
  }
  // A text with a label of its own starts a new entry; others continue the last.
  if (first >= text.size() || out_.labelled_dates.size() >= kMaxPerKind) {
    if (label_nodes_ > 0 && !out_.labelled_dates.empty()) {
      --label_nodes_;
      append_text(out_.labelled_dates.back(), text, kLabelBytes);
    }
    return;
  }
  out_.labelled_dates.emplace_back();
  append_text(out_.labelled_dates.back(), text.substr(first), kLabelBytes);
  label_nodes_ = 3;  // the date often sits in the next element: <dt>Datum</dt><dd>...</dd>
}

}  // namespace morgue::html::meta_internal
