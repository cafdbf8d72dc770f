#include "people/wire_cues.h"

#include <algorithm>
#include <string>

#include "people/rule_words.h"

namespace morgue::people {

namespace {

bool is_upper_ascii(char c) { return c >= 'A' && c <= 'Z'; }

// "BSD2.FSE", "ENB.TO", "MMWG.F": a ticker with its exchange's suffix.
bool is_dotted_ticker(std::string_view code) {
  const std::size_t dot = code.find('.');
  if (dot == std::string_view::npos || dot < 2 || dot + 1 >= code.size() || code.size() - dot - 1 > 4) return false;
  for (std::size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (i == dot) continue;
    if (!is_upper_ascii(c) && !(i < dot && c >= '0' && c <= '9')) return false;
  }
  return is_upper_ascii(code[0]);
}

}  // namespace

bool before_bracketed_code(const Document& doc, std::size_t begin, std::size_t end) {
  const std::size_t n = doc.tokens.size();
  if (end + 2 >= n || doc.tokens[end].text != "(") return false;
  // "(JNJ.N: Quote, Profile, Research)": a ticker before a colon.
  std::string ticker;
  for (std::size_t k = end + 1; k < n && k < end + 5 && ticker.find(':') == std::string::npos; ++k) {
    ticker += doc.tokens[k].text;
  }
  const std::size_t colon = ticker.find(':');
  if (colon != std::string::npos && is_dotted_ticker(std::string_view(ticker).substr(0, colon))) return true;
  std::string code;
  std::size_t k = end + 1;
  // (Up to eight tokens: "(nasdaq: KVX - news - people )", a web wire's links.)
  for (; k < n && k < end + 10 && doc.tokens[k].text != ")"; ++k) {
    if (doc.tokens[k].flags & kLineStart) return false;
    code += doc.tokens[k].text;
  }
  if (k >= n || doc.tokens[k].text != ")" || code.empty()) return false;
  // "(NYSE: NT)", "(Nasdaq: SEBL)".
  constexpr std::string_view kExchanges[] = {"nyse:", "nasdaq:", "amex:", "tsx:", "lse:", "asx:", "otc:"};
  for (std::string_view e : kExchanges) {
    if (code.size() > e.size() && std::equal(e.begin(), e.end(), code.begin(),
                                             [](char a, char b) { return a == (b >= 'A' && b <= 'Z' ? b + 32 : b); })) {
      return true;
    }
  }
  if (is_dotted_ticker(code)) return true;
  if (code == "Quote,Chart") return true;  // a web wire's link to the share price: "Acme (Quote, Chart)"
  // "(BNP)": the initials of the span's capitalised words.
  std::string initials;
  for (std::size_t i = begin; i < end; ++i) {
    if (doc.tokens[i].letter_case & kStartsUpper) initials += doc.tokens[i].text.front();
  }
  return code.size() >= 2 && code == initials && std::all_of(code.begin(), code.end(), is_upper_ascii);
}

bool before_organisation_apposition(const Document& doc, std::size_t end) {
  // ("maker" and "producer" also name people with a capital before them:
  // "a Hollywood producer".)
  constexpr std::string_view kHeads[] = {"company",   "firm",  "manufacturer", "retailer",
                                         "brokerage", "chain", "conglomerate", "daily",   "newspaper", "weekly",
                                         "agency",    "bank",  "carrier", "airline",      "insurer",   "utility",
                                         "concern",   "giant", "group",   "corporation",
                                         // Bodies and businesses: ", the mainstream Kelmar movement,", ", a
                                         // home furnishings business,"; not ", a business consultant,".
                                         "business", "movement", "party", "organisation", "organization",
                                         "association", "federation", "union",
                                         // Products, which a person is not either: ", a ... growth hormone for".
                                         "drug", "hormone", "vaccine", "medicine", "antibiotic", "painkiller",
                                         "missile", "rocket", "satellite", "spacecraft"};
  constexpr std::string_view kPrepositions[] = {"of", "at", "with", "for", "in", "from", "to", "on", "and", "by"};
  constexpr std::string_view kAfterHead[] = {"of", "and", "that", "which", "whose", "for", "used", "from"};
  const std::size_t n = doc.tokens.size();
  constexpr std::string_view kOpeners[] = {"a", "an", "the"};
  if (end + 2 >= n || doc.tokens[end].text != "," || !in(kOpeners, doc.tokens[end + 1].lower)) return false;
  for (std::size_t k = end + 2; k < n && k < end + 8; ++k) {
    const Token& t = doc.tokens[k];
    // Adjectives may be listed with commas: ", a privately held, family-run corporation,".
    if (t.text == "," && k + 1 < n && (doc.tokens[k + 1].letter_case & kLowerOnly) &&
        (doc.tokens[k + 1].letter_case & kHasLetter) && !in(kPrepositions, doc.tokens[k + 1].lower)) {
      continue;
    }
    if (!(t.letter_case & kHasLetter) || (t.flags & kLineStart)) return false;
    if (!(t.letter_case & kLowerOnly)) continue;  // "Hong Kong", "US", "California-based"
    if (in(kPrepositions, t.lower)) return false;
    if (!in(kHeads, t.lower)) continue;
    // The head ends the phrase ("a bank director" is a person) and the
    // apposition ("Jane Roe, the pressure group Acme said" is a subject).
    if (k + 1 >= n) return true;
    const Token& next = doc.tokens[k + 1];
    return !(next.letter_case & kHasLetter) || in(kAfterHead, next.lower);
  }
  return false;
}

bool after_issue_manager(const Document& doc, std::size_t begin) {
  constexpr std::string_view kRoles[] = {"manager", "managers", "co-manager", "co-managers", "underwriter",
                                         "underwriters"};
  constexpr std::string_view kLeads[] = {"lead", "sole", "joint", "co-lead", "joint-lead"};
  return begin >= 2 && in(kRoles, doc.tokens[begin - 1].lower) && (doc.tokens[begin - 1].letter_case & kLowerOnly) &&
         in(kLeads, doc.tokens[begin - 2].lower);
}

bool after_job_title(const Document& doc, const Lexicon& lexicon, std::size_t begin) {
  // Roles a firm holds as often as a person: "financial advisor Smith
  // Barney, Harris Upham and Co", "took charge of".
  constexpr std::string_view kFirmRoles[] = {"advisor", "adviser", "advisors", "advisers", "counsel", "auditor",
                                             "auditors", "manager", "managers", "underwriter", "underwriters",
                                             "agent", "agents", "broker", "brokers", "trustee", "charge", "partner",
                                             "major", "general"};  // adjectives too: "a major Acme investor"
  if (begin == 0) return false;
  const Token& job = doc.tokens[begin - 1];
  return (job.letter_case & kLowerOnly) && (job.letter_case & kHasLetter) && (lexicon.flags(job.lower) & kTitle) &&
         !in(kFirmRoles, job.lower);
}

namespace {

// Two words or more, a known given name first and a family name last: "Yao
// Ming" after "basketball giant", "Peter Ford" before "Staff".
bool looks_like_persons_name(const Document& doc, const Lexicon& lexicon, std::size_t begin, std::size_t end) {
  return end - begin >= 2 && (lexicon.flags(doc.tokens[begin].lower) & kFirstName) &&
         (lexicon.flags(doc.tokens[end - 1].lower) & kSurname) &&
         !(lexicon.flags(doc.tokens[end - 1].lower) & (kCompanyWord | kEntityWord));
}

}  // namespace

bool after_company_descriptor(const Document& doc, const Lexicon& lexicon, std::size_t begin, std::size_t end) {
  constexpr std::string_view kKinds[] = {"chipmaker", "chipmakers", "automaker", "carmaker", "drugmaker",
                                         "toymaker",  "steelmaker", "planemaker", "retailer", "e-tailer",
                                         "insurer",   "conglomerate", "brokerage", "giant", "distributor"};
  // Nouns that name a kind of firm only after a noun saying its trade
  // ("software maker X", "research firm X", "merchant bank X"): after an
  // article or a verb they head a relative clause ("the firm Jane Roe founded").
  constexpr std::string_view kCompoundKinds[] = {"maker", "makers",   "group",   "firm",    "bank",
                                                 "operator", "company", "house", "concern", "chain",
                                                 "manufacturer", "carrier"};
  constexpr std::string_view kNoTrade[] = {"the", "a",    "an",   "its",  "his",  "her",  "their", "our", "this",
                                           "that", "these", "those", "and", "or", "of", "to", "was", "is", "were",
                                           "are", "be",   "been", "as",   "by",   "with", "for",  "from", "in",
                                           "on",  "at",   "very", "whose", "which", "said", "says"};
  if (begin == 0 || looks_like_persons_name(doc, lexicon, begin, end)) return false;
  const Token& kind = doc.tokens[begin - 1];
  if (!(kind.letter_case & kLowerOnly) || !(kind.letter_case & kHasLetter)) return false;
  if (in(kCompoundKinds, kind.lower)) {
    if (begin < 2 || (doc.tokens[begin].flags & (kSentenceStart | kLineStart))) return false;
    // Not a person's name ("film maker Theo van Gogh"), nor one run into the
    // firm's ("aerospace group EADS Philippe Roe", "central bank Vice Governor Jane Roe").
    for (std::size_t k = begin; k < end; ++k) {
      if (lexicon.flags(doc.tokens[k].lower) & (kFirstName | kTitle)) return false;
    }
    const Token& trade = doc.tokens[begin - 2];
    return (trade.letter_case & kLowerOnly) && (trade.letter_case & kHasLetter) && !in(kNoTrade, trade.lower);
  }
  if (!in(kKinds, kind.lower)) return false;
  if (kind.lower != "giant") return true;
  return begin >= 2 && (doc.tokens[begin - 2].letter_case & kLowerOnly) &&
         (doc.tokens[begin - 2].letter_case & kHasLetter) && !(doc.tokens[begin - 1].flags & kSentenceStart);
}

bool is_staff_byline(const Document& doc, const Lexicon& lexicon, std::size_t begin, std::size_t end) {
  constexpr std::string_view kJobs[] = {"writer", "writers", "reporter", "reporters", "correspondent",
                                        "photographer", "editor"};
  const std::size_t n = doc.tokens.size();
  return end > begin + 1 && end < n && doc.tokens[end - 1].lower == "staff" && in(kJobs, doc.tokens[end].lower) &&
         !looks_like_persons_name(doc, lexicon, begin, end - 1);
}

bool after_organisation_noun(const Document& doc, const Lexicon& lexicon, std::size_t begin, std::size_t end) {
  // Not "maker", "producer" or "publisher", which name people too ("the
  // producer, Jane Roe, said"), nor "group" ("the group, Roe said, ...").
  constexpr std::string_view kHeads[] = {"company",      "firm",      "manufacturer", "retailer",  "brokerage",
                                         "conglomerate", "newspaper", "agency",       "bank",      "carrier",
                                         "airline",      "insurer",   "utility",      "subsidiary", "affiliate",
                                         "distributor",  "automaker", "carmaker",     "chipmaker", "drugmaker"};
  constexpr std::string_view kOpeners[] = {"the", "a", "an", "its", "their", "his", "her", "'s", "\u2019s"};
  // A phrase after a preposition describes someone: "an official of the
  // bank, Jane Roe, said", "the head of the Acme company, Jane Roe,".
  constexpr std::string_view kPrepositions[] = {"of", "at", "for", "with", "from", "by", "in", "to", "on"};
  const std::size_t n = doc.tokens.size();
  if (begin < 3 || end >= n || doc.tokens[begin - 1].text != "," || doc.tokens[end].text != ",") return false;
  const Token& head = doc.tokens[begin - 2];
  if (!(head.letter_case & kLowerOnly) || !in(kHeads, head.lower) || looks_like_persons_name(doc, lexicon, begin, end)) {
    return false;
  }
  // An article or a possessive opens the head's phrase, a few words before it.
  for (std::size_t k = begin - 2; k > 0 && begin - 2 - k < 4; --k) {
    const Token& w = doc.tokens[k - 1];
    if (in(kOpeners, w.lower)) {
      // The possessive's owner ("Brazil's") or the article opens the phrase.
      const bool possessive = w.lower == "'s" || w.lower == "\u2019s";
      const std::size_t open = possessive && k >= 2 ? k - 2 : k - 1;
      return open == 0 || !in(kPrepositions, doc.tokens[open - 1].lower);
    }
    if (w.text == "," || (w.flags & (kSentenceStart | kLineStart)) || !(w.letter_case & kHasLetter)) return false;
  }
  return false;
}

namespace {

// The capitalised words running back from token `i` (excluded) to the start
// of the name, within its sentence.
void add_words_before(const Document& doc, std::size_t i, std::vector<std::string_view>& words) {
  for (std::size_t k = i; k > 0; --k) {
    const Token& w = doc.tokens[k - 1];
    if (!(w.letter_case & kStartsUpper) || !(w.letter_case & kHasLetter)) break;
    words.push_back(w.lower);
    if (w.flags & (kSentenceStart | kLineStart)) break;
  }
}

bool is_owner_word(std::string_view lower) {
  // (Called for every token: the length first.)
  return (lower.size() == 3 && lower == "its") || (lower.size() == 5 && lower == "their");
}

// "its Halvex Home and Garden division", "its Kelso and Pryce operations":
// the capitalised words (across "and") between "its" or "their" and a part
// of a company name the part, appended to `words`.
void add_part_names(const Document& doc, std::size_t i, std::vector<std::string_view>& words) {
  static constexpr std::string_view kParts[] = {"division",   "divisions",  "unit",       "units",
                                                "subsidiary", "subsidiaries", "affiliate", "affiliates",
                                                "operations", "business",   "businesses", "stores",
                                                "chain",      "brand",      "brands"};
  const std::size_t n = doc.tokens.size();
  std::size_t k = i + 1;
  while (k < n && ((doc.tokens[k].letter_case & kStartsUpper) ||
                   ((doc.tokens[k].text == "and" || doc.tokens[k].text == "&") && k > i + 1 && k + 1 < n &&
                    (doc.tokens[k + 1].letter_case & kStartsUpper)))) {
    if (doc.tokens[k].flags & (kSentenceStart | kLineStart)) return;
    ++k;
  }
  if (k == i + 1 || k >= n || !(doc.tokens[k].letter_case & kLowerOnly) || !in(kParts, doc.tokens[k].lower)) return;
  for (std::size_t w = i + 1; w < k; ++w) {
    if (doc.tokens[w].letter_case & kStartsUpper) words.push_back(doc.tokens[w].lower);
  }
}

}  // namespace

void add_organisation_names(const Document& doc, const Lexicon& lexicon, std::vector<std::string_view>& words) {
  const std::size_t n = doc.tokens.size();
  for (std::size_t i = 1; i < n; ++i) {
    const Token& t = doc.tokens[i];
    if (t.text == "," && before_organisation_apposition(doc, i)) add_words_before(doc, i, words);
    if (is_owner_word(t.lower)) add_part_names(doc, i, words);
    std::size_t end = i;
    while (end < n && (doc.tokens[end].letter_case & kStartsUpper)) ++end;
    if (end > i && (after_issue_manager(doc, i) || after_company_descriptor(doc, lexicon, i, end) ||
                    (end + 1 < n && (doc.tokens[end].letter_case & kLowerOnly) && !(t.flags & kCapsLine) &&
                     (!(doc.tokens[i - 1].letter_case & kStartsUpper) || (t.flags & (kSentenceStart | kLineStart))) &&
                     before_player_position(doc, end)) ||
                    after_organisation_noun(doc, lexicon, i, end))) {
      for (std::size_t k = i; k < end; ++k) words.push_back(doc.tokens[k].lower);
    }
    if (t.text != "(" || !(doc.tokens[i - 1].letter_case & kStartsUpper)) continue;
    std::size_t begin = i;
    while (begin > 0 && (doc.tokens[begin - 1].letter_case & kStartsUpper) &&
           !(doc.tokens[begin].flags & (kSentenceStart | kLineStart))) {
      --begin;
    }
    if (!before_bracketed_code(doc, begin, i)) continue;
    add_words_before(doc, i, words);
    // "... Futures Exchange (LIFFE)": the initials name it too, in any case ("Liffe said").
    if (i + 2 < n && doc.tokens[i + 2].text == ")" && is_all_upper(doc.tokens[i + 1].text)) {
      words.push_back(doc.tokens[i + 1].lower);
    }
  }
}

void add_partner_names(const Document& doc, const Lexicon& lexicon, std::vector<std::string_view>& words) {
  constexpr std::string_view kForms[] = {"inc", "inc.", "corp", "corp.", "co", "co.", "ltd", "ltd.", "plc", "llc"};
  constexpr std::string_view kLeads[] = {"of", "at", "from", "by"};
  const std::size_t n = doc.tokens.size();
  auto capitalised = [&](std::size_t k) {
    return (doc.tokens[k].letter_case & kStartsUpper) && !(lexicon.flags(doc.tokens[k].lower) & kTitle);
  };
  for (std::size_t i = 2; i < n; ++i) {
    if (!(doc.tokens[i].letter_case & kStartsUpper)) continue;
    // "Harper and Row Publishers": two single names joined by "and" before a company word.
    if (i >= 3 && (lexicon.flags(doc.tokens[i].lower) & kCompanyWord) && capitalised(i - 1) && capitalised(i - 3) &&
        (doc.tokens[i - 2].text == "and" || doc.tokens[i - 2].text == "&") &&
        !(doc.tokens[i - 1].flags & kSentenceStart) && (i == 3 || !capitalised(i - 4) || (doc.tokens[i - 3].flags & kSentenceStart))) {
      words.push_back(doc.tokens[i - 3].lower);
      words.push_back(doc.tokens[i - 1].lower);
    }
    if (!in(kForms, doc.tokens[i].lower)) continue;
    if (doc.tokens[i - 1].text == ",") {  // "Howard, Weil, Labouisse, Friedrichs, Inc"
      for (std::size_t k = i - 1; k > 0; --k) {
        if (doc.tokens[k - 1].text == ",") continue;
        if (!capitalised(k - 1)) break;
        words.push_back(doc.tokens[k - 1].lower);
        if (doc.tokens[k - 1].flags & kSentenceStart) break;
      }
      continue;
    }
    if (i + 1 < n && (lexicon.flags(doc.tokens[i + 1].lower) & kTitle)) continue;  // "Acme Corp chairman"
    std::size_t s = i;
    while (s > 0 && capitalised(s - 1) && !(doc.tokens[s].flags & kSentenceStart)) --s;
    if (s < 3 || doc.tokens[s - 1].text != ",") continue;
    std::size_t r = s - 1;
    while (r > 0 && s - 1 - r < 4 && capitalised(r - 1) && !(doc.tokens[r].flags & kSentenceStart)) --r;
    if (r == s - 1 || r == 0 || (doc.tokens[r].flags & kSentenceStart)) continue;
    const Token& lead = doc.tokens[r - 1];
    if (!(lead.letter_case & kLowerOnly) || !in(kLeads, lead.lower)) continue;
    for (std::size_t k = r; k < s - 1; ++k) words.push_back(doc.tokens[k].lower);
  }
}

namespace {

// A lone capitalised word at `k` in the text (not a line in capitals or a
// title-case headline), and no title.
bool lone_partner_at(const Document& doc, const Lexicon& lexicon, std::size_t k) {
  const Token& t = doc.tokens[k];
  return (t.letter_case & kStartsUpper) && (t.letter_case & kHasLetter) && !(t.flags & (kCapsLine | kTitleCase)) &&
         !(lexicon.flags(t.lower) & (kTitle | kNotName));
}

// "Johnson and Johnson", "Dominick & Dominick" (and "amp;", a broken "&amp;"): one
// name twice is a firm's, even once.
void add_doubled_names(const Document& doc, const Lexicon& lexicon, std::vector<std::string_view>& words) {
  const std::size_t n = doc.tokens.size();
  for (std::size_t i = 1; i + 2 < n; ++i) {
    const std::size_t joint = doc.tokens[i].text == "amp" && doc.tokens[i + 1].text == ";" ? 2 : 1;
    const bool joined = joint == 2 || doc.tokens[i].text == "and" || doc.tokens[i].text == "&";
    if (joined && i + joint < n && lone_partner_at(doc, lexicon, i - 1) &&
        doc.tokens[i + joint].lower == doc.tokens[i - 1].lower) {
      words.push_back(doc.tokens[i - 1].lower);
    }
  }
}

}  // namespace

void add_repeated_partners(const Document& doc, const Lexicon& lexicon, std::vector<std::string_view>& words) {
  const std::size_t n = doc.tokens.size();
  auto starts_upper_at = [&](std::size_t k) { return k < n && (doc.tokens[k].letter_case & kStartsUpper); };
  // The pairs "X and Y" of lone words (no capitalised word on either side), by the token of "and".
  std::vector<std::size_t> pairs;
  for (std::size_t i = 1; i + 1 < n; ++i) {
    if (doc.tokens[i].text != "and" && doc.tokens[i].text != "&") continue;
    if (!lone_partner_at(doc, lexicon, i - 1) || !lone_partner_at(doc, lexicon, i + 1)) continue;
    // A word opening the sentence that is never a name ("But Halden and
    // Pryce's Roe said") leaves the pair alone.
    const bool opener = i >= 2 && (doc.tokens[i - 2].flags & kSentenceStart) &&
                        (lexicon.flags(doc.tokens[i - 2].lower) & kNotName);
    if ((i >= 2 && starts_upper_at(i - 2) && !(doc.tokens[i - 1].flags & kSentenceStart) && !opener) ||
        starts_upper_at(i + 2)) {
      continue;
    }
    pairs.push_back(i);
  }
  add_doubled_names(doc, lexicon, words);
  auto same = [&](std::size_t a, std::size_t b) {
    return doc.tokens[a - 1].lower == doc.tokens[b - 1].lower && doc.tokens[a + 1].lower == doc.tokens[b + 1].lower;
  };
  for (std::size_t p = 0; p < pairs.size(); ++p) {
    const std::size_t i = pairs[p];
    std::size_t repeats = 0;
    for (std::size_t q : pairs) repeats += same(i, q) ? 1 : 0;
    if (repeats < 2) continue;
    // Neither word stands anywhere in the text outside the pair.
    bool alone = false;
    for (std::size_t k = 0; k < n && !alone; ++k) {
      const std::string_view w = doc.tokens[k].lower;
      if (w != doc.tokens[i - 1].lower && w != doc.tokens[i + 1].lower) continue;
      const bool in_pair = std::any_of(pairs.begin(), pairs.end(), [&](std::size_t q) { return k + 1 == q || k == q + 1; });
      alone = !in_pair && !(doc.tokens[k].flags & (kCapsLine | kTitleCase));
    }
    if (alone) continue;
    words.push_back(doc.tokens[i - 1].lower);
    words.push_back(doc.tokens[i + 1].lower);
  }
}

}  // namespace morgue::people
