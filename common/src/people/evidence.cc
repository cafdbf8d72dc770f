#include "people/evidence.h"

#include <algorithm>

namespace morgue::people {
namespace {

bool has_lower_letter(const Token& t) {
  return (t.letter_case & kHasLetter) && !(t.letter_case & kAllUpper) && t.lower == t.text;
}

// The tokens of the line holding token i: [first, last).
std::pair<std::size_t, std::size_t> line_of(const Document& doc, std::size_t i) {
  std::size_t first = i;
  while (first > 0 && !(doc.tokens[first].flags & kLineStart)) --first;
  std::size_t last = i + 1;
  while (last < doc.tokens.size() && !(doc.tokens[last].flags & kLineStart)) ++last;
  return {first, last};
}

// "Rotor Volgograd 2 Lada Togliatti 1 (Smith 34)": two sides, each a run of
// capitalised words followed by its score; scorers in brackets aside. No
// lower-case words (those make a sentence, not a result).
bool is_score_line(const Document& doc, std::size_t first, std::size_t last) {
  int depth = 0, numbers = 0, sides = 0;
  bool in_side = false;
  for (std::size_t k = first; k < last; ++k) {
    const Token& t = doc.tokens[k];
    if (t.text == "(" || t.text == "[") ++depth;
    else if ((t.text == ")" || t.text == "]") && depth > 0) --depth;
    if (depth > 0 || t.text == ")" || t.text == "]") continue;
    if (has_lower_letter(t)) return false;
    if (is_number(t.text)) {
      if (!in_side) return false;  // a number with no side before it
      ++numbers;
      in_side = false;
    } else if (t.letter_case & kStartsUpper) {
      if (!in_side) ++sides;
      in_side = true;
    }
  }
  return numbers == 2 && sides == 2 && !in_side;
}

bool is_versus(const Token& t) { return t.text == "v" || t.text == "v." || t.text == "vs" || t.text == "vs."; }

// "Swansea v Lincoln": the span [begin, end) is one side of a fixture, with
// a capitalised side on the other side of the "v", in the same line.
bool is_fixture_side(const Document& doc, std::size_t begin, std::size_t end, std::size_t first, std::size_t last) {
  auto capitalised = [&](std::size_t k) { return (doc.tokens[k].letter_case & kStartsUpper) && !is_versus(doc.tokens[k]); };
  if (end + 1 < last && is_versus(doc.tokens[end]) && capitalised(end + 1)) return true;
  return begin >= first + 2 && is_versus(doc.tokens[begin - 1]) && capitalised(begin - 2);
}

}  // namespace

bool is_number(std::string_view text) {
  if (text.empty() || text.front() < '0' || text.front() > '9') return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= '0' && c <= '9') || c == '.' || c == ',' || c == ':' || c == '-' || c == '/';
  });
}

bool is_row_detail(const Document& doc, std::size_t begin, std::size_t end) {
  const std::size_t n = doc.tokens.size();
  if (begin == 0 || end >= n || (doc.tokens[begin].flags & kLineStart)) return false;
  // Just after the bracket, or after it and a comma ("(Italy), Reynard Honda, 53.980").
  std::size_t before = begin - 1;
  if (doc.tokens[before].text == "," && before > 0 && !(doc.tokens[before].flags & kLineStart)) --before;
  if (doc.tokens[before].text != ")") return false;
  std::size_t after = end;
  if (doc.tokens[after].text == "," && after + 1 < n) ++after;
  const Token& next = doc.tokens[after];
  // A number next ("20:36:54" comes split: "20" ":" "36" ...), but not a
  // bowler's figures ("10-1-47-2": bowlers follow a bracket too).
  return !(next.flags & kLineStart) && is_number(next.text) && std::count(next.text.begin(), next.text.end(), '-') < 3;
}

RowKind row_kind(const Document& doc, std::size_t begin, std::size_t end) {
  auto [first, last] = line_of(doc, begin);
  if (end > last) return RowKind::kText;
  if (is_fixture_side(doc, begin, end, first, last)) return RowKind::kFixture;
  // Before the span: a rank at most ("3. Radnicki", "3 Radnicki"). A
  // name in brackets is a scorer's, not a side's.
  int depth = 0;
  bool words_before = false;
  for (std::size_t k = first; k < begin; ++k) {
    const Token& t = doc.tokens[k];
    if (t.text == "(" || t.text == "[") ++depth;
    else if ((t.text == ")" || t.text == "]") && depth > 0) --depth;
    words_before = words_before || (t.letter_case & kHasLetter);
  }
  if (depth > 0) return RowKind::kText;
  if (words_before) return is_score_line(doc, first, last) ? RowKind::kScoreLine : RowKind::kText;
  // After it: numbers, and perhaps a note in brackets ("Rad (B) 4 1 1 2").
  int numbers = 0;
  bool only_numbers = true;
  for (std::size_t k = end; k < last; ++k) {
    const Token& t = doc.tokens[k];
    if (t.text == "(" || t.text == "[") ++depth;
    else if ((t.text == ")" || t.text == "]") && depth > 0) --depth;
    else if (depth > 0) continue;
    else if (is_number(t.text)) numbers += doc.tokens[k - 1].text == ":" ? 0 : 1;  // "3:35.12" is one
    else if (t.letter_case & kHasLetter) only_numbers = false;
  }
  if (only_numbers && numbers >= 2) return RowKind::kTableRow;
  return is_score_line(doc, first, last) ? RowKind::kScoreLine : RowKind::kText;
}

namespace {

// A company's legal form, which may follow a list of partners' names
// ("Kidder, Peabody and Co"); other company and institution words may not
// ("Paul Volcker and International Monetary Fund officials").
bool is_company_part(const Token& t) {
  constexpr std::string_view kParts[] = {"division", "divisions", "subsidiary", "subsidiaries", "stores", "chain"};
  return (t.letter_case & kLowerOnly) && std::find(std::begin(kParts), std::end(kParts), t.lower) != std::end(kParts);
}

// Family words are titles too ("wife", "son"), but "the wife of" names a person.
bool is_relative(std::string_view lower) {
  constexpr std::string_view kWords[] = {"wife", "husband", "widow", "son", "daughter", "mother", "father", "brother",
                                         "sister", "uncle", "aunt", "cousin"};
  return std::find(std::begin(kWords), std::end(kWords), lower) != std::end(kWords);
}

bool is_legal_form(std::string_view lower) {
  constexpr std::string_view kForms[] = {"co",  "co.",  "cos",  "inc", "inc.",    "corp",       "corp.",   "ltd",
                                         "ltd.", "plc", "llc", "sons", "company", "associates", "partners", "securities"};
  return std::find(std::begin(kForms), std::end(kForms), lower) != std::end(kForms);
}

// "Abe." or "Sam." at `k`: a capitalised given name with its full stop
// written straight after it, on the same line.
bool abbreviated_given_name(const Document& doc, const Lexicon& lexicon, std::size_t k) {
  const Token& name = doc.tokens[k];
  const Token& stop = doc.tokens[k + 1];
  return stop.text == "." && stop.text.data() == name.text.data() + name.text.size() &&
         (name.letter_case & kStartsUpper) && !(name.letter_case & kAllUpper) && !(stop.flags & kLineStart) &&
         (lexicon.flags(name.lower) & kFirstName);
}

// Adds the words of the name that ends at the company word doc.tokens[i]:
// back over capitalised words within the sentence, and, when the word is a
// legal form at most one word away, over "and" or "&" ("Cable and Wireless
// Plc"); once past one, over a comma too ("Kidder, Peabody and Co"), but not
// before ("Jane Roe, Acme Corp chairman").
void add_name_before(const Document& doc, const Lexicon& lexicon, std::size_t i,
                     std::vector<std::string_view>& words) {
  // In a headline in capitals every word is capitalised: stop at words
  // that are no part of a name ("BAKER SAYS ACME <ACM>").
  const std::uint16_t stop = (doc.tokens[i].flags & kCapsLine) ? kTitle | kCommonWord | kNotName : kTitle;
  // "Securities" ends partners' names only when it ends the name: in "Jane
  // Roe and Halden Securities Inc" the name is "Halden Securities Inc".
  const bool ends_name = i + 1 >= doc.tokens.size() || !(doc.tokens[i + 1].letter_case & kStartsUpper);
  const bool legal_form = i < doc.tokens.size() && is_legal_form(doc.tokens[i].lower) &&
                          (doc.tokens[i].lower != "securities" || ends_name);
  bool past_and = false;
  for (std::size_t k = i; k > 0; --k) {
    const Token& w = doc.tokens[k - 1];
    // ("Halden Pryce, Kelso Roe And Co": a capital "And" in running text
    // joins partners' names too.)
    const bool capital_and = w.text == "And" && !(w.flags & (kSentenceStart | kCapsLine | kTitleCase));
    if (w.text == "and" || w.text == "&" || capital_and) {
      if (past_and || !legal_form || i - k > 1) break;
      past_and = true;
      continue;
    }
    if (w.text == "," && past_and) continue;
    if (w.text == "/" && k > 1 && (doc.tokens[k - 2].letter_case & kStartsUpper)) continue;  // "Keeler/Dorr-Oliver"
    // The word just before the company word or ticker belongs to the name
    // even in capitals ("REYNOLDS METALS <RLM>").
    std::uint16_t flags = k == i ? 0 : lexicon.flags(w.lower);
    if (!(w.letter_case & kStartsUpper) || (flags & stop)) break;
    words.push_back(w.lower);
    // "Halden Kelso-Pryce and Roe Ltd": the first partner's name is the
    // firm's too ("Halden Kelso" elsewhere in the story).
    const std::size_t dash = w.lower.find('-');
    if (dash != std::string_view::npos && dash > 0 && dash + 1 < w.text.size() && starts_upper(w.text.substr(dash + 1))) {
      words.push_back(w.lower.substr(0, dash));
    }
    if (w.flags & kSentenceStart) {
      // "Abe. Halden and Co": a given name written short, its full
      // stop taken for a sentence's end, opens the name.
      if (k >= 3 && abbreviated_given_name(doc, lexicon, k - 3)) words.push_back(doc.tokens[k - 3].lower);
      break;
    }
  }
}

}  // namespace

// ", a unit of ...", ", two subsidiaries of ...": what follows the name at
// `end` says it is a company. Up to four lower-case words after the comma,
// the first an article or a number word.
bool is_company_apposition(const Document& doc, std::size_t end) {
  constexpr std::string_view kOpeners[] = {"a", "an", "the", "one", "two", "three", "its"};
  constexpr std::string_view kHeads[] = {"unit",      "units",        "subsidiary", "subsidiaries", "affiliate",
                                         "affiliates", "division",    "company",    "firm",         "maker",
                                         "manufacturer", "producer",  "retailer",   "brokerage",    "chain"};
  // The head comes before any preposition: ", a director of the company"
  // and ", an expert at brokerage X" are people.
  constexpr std::string_view kPrepositions[] = {"of", "at", "with", "for", "in", "from", "to", "on", "and"};
  const std::size_t n = doc.tokens.size();
  if (end + 2 >= n || doc.tokens[end].text != ",") return false;
  auto in = [](const auto& list, std::string_view w) { return std::find(std::begin(list), std::end(list), w) != std::end(list); };
  if (!in(kOpeners, doc.tokens[end + 1].text)) return false;
  for (std::size_t k = end + 2; k < n && k < end + 6; ++k) {
    const Token& t = doc.tokens[k];
    if (!(t.letter_case & kLowerOnly) || !(t.letter_case & kHasLetter) || in(kPrepositions, t.lower)) return false;
    if (!in(kHeads, t.lower)) continue;
    // The head ends the phrase ("a unit manager" is a person's job).
    const Token& next = k + 1 < n ? doc.tokens[k + 1] : t;
    return k + 1 >= n || !(next.letter_case & kHasLetter) || !(next.letter_case & kLowerOnly) || next.lower == "of";
  }
  return false;
}

namespace {

// "an analyst at Halden Pryce", "a broker with Halden Pryce": a job and "at"
// or "with" before the capitalised words at `i`, which name the employer.
bool after_job_at(const Document& doc, const Lexicon& lexicon, std::size_t i) {
  if (i < 2) return false;
  const Token& prep = doc.tokens[i - 1];
  const Token& job = doc.tokens[i - 2];
  // "at" after any title; "with" only after a market job ("replaced him as
  // president with Jane Roe" names a person).
  constexpr std::string_view kJobs[] = {"broker",  "trader",    "dealer",     "banker",    "partner",
                                        "analyst", "economist", "strategist", "consultant"};
  const bool market_job = std::find(std::begin(kJobs), std::end(kJobs), job.lower) != std::end(kJobs);
  const bool job_word = market_job || (prep.text == "at" && (lexicon.flags(job.lower) & kTitle));
  return (prep.text == "at" || prep.text == "with") && (job.letter_case & kLowerOnly) && job_word &&
         !is_relative(job.lower);
}

void add_name_after(const Document& doc, std::size_t i, std::vector<std::string_view>& words) {
  for (std::size_t k = i; k < doc.tokens.size(); ++k) {
    const Token& w = doc.tokens[k];
    if (!(w.letter_case & kStartsUpper) || (k > i && (w.flags & kSentenceStart))) break;
    words.push_back(w.lower);
  }
}

}  // namespace

std::vector<std::string_view> organisation_words(const Document& doc, const Lexicon& lexicon) {
  std::vector<std::string_view> words;
  for (std::size_t i = 1; i < doc.tokens.size(); ++i) {
    const Token& t = doc.tokens[i];
    // Wire copy writes companies in angle brackets, "<James Capel and Co>",
    // and their tickers after them, "Diamond Shamrock <DIA>".
    if (t.text == "<" && i + 2 < doc.tokens.size() && doc.tokens[i + 2].text == ">" &&
        (doc.tokens[i + 1].letter_case & kAllUpper)) {
      add_name_before(doc, lexicon, i, words);
      continue;
    }
    if (t.text == "<") {
      for (std::size_t k = i + 1; k < doc.tokens.size() && doc.tokens[k].text != ">" &&
                                  !(doc.tokens[k].flags & kLineStart); ++k) {
        if (doc.tokens[k].letter_case & kStartsUpper) words.push_back(doc.tokens[k].lower);
      }
      continue;
    }
    // "its Halden's division": a possessive before a part of a company.
    if (t.text == "'s" && i + 1 < doc.tokens.size() && is_company_part(doc.tokens[i + 1])) {
      add_name_before(doc, lexicon, i, words);
    }
    // "Halden Pryce, a unit of Acme": the name before the comma.
    if (t.text == "," && is_company_apposition(doc, i)) add_name_before(doc, lexicon, i, words);
    if ((t.letter_case & kStartsUpper) && !(t.flags & kCapsLine) && after_job_at(doc, lexicon, i)) {
      add_name_after(doc, i, words);
    }
    if (!(t.letter_case & kStartsUpper) || (t.flags & (kSentenceStart | kCapsLine))) continue;
    if (lexicon.flags(t.lower) & (kEntityWord | kCompanyWord)) add_name_before(doc, lexicon, i, words);
  }
  return words;
}

bool is_minute(std::string_view text) {
  std::size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  if (digits == 0 || digits > 3) return false;
  std::string_view rest = text.substr(digits);
  return rest.empty() || rest == "th" || rest == "st" || rest == "nd" || rest == "rd" || rest == "'" ||
         (rest.size() > 1 && rest[0] == '+' && is_number(rest.substr(1)));
}

namespace {

// The scorers' spans of the brackets opening at `open`, or none when the
// brackets hold anything but "Name minute[ minute...][ pen|og], ...".
std::vector<std::pair<std::size_t, std::size_t>> scorer_spans(const Document& doc, const Lexicon& lexicon,
                                                                std::size_t open) {
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  const std::size_t n = doc.tokens.size();
  std::size_t k = open + 1;
  while (k < n && doc.tokens[k].text != ")") {
    const Token& t = doc.tokens[k];
    if (t.flags & kLineStart) return {};
    // A name's word: capitalised, or a particle before one ("van Basten").
    auto in_name = [&](std::size_t j) {
      return (doc.tokens[j].letter_case & kStartsUpper) ||
             ((lexicon.flags(doc.tokens[j].lower) & kParticle) && j + 1 < n &&
              (doc.tokens[j + 1].letter_case & kStartsUpper));
    };
    if (in_name(k)) {
      std::size_t begin = k;
      while (k < n && in_name(k)) ++k;
      if (k - begin > 3 || k >= n || !is_minute(doc.tokens[k].text)) return {};
      spans.emplace_back(begin, k);
      continue;
    }
    // Between scorers: minutes, commas and lower-case notes ("pen", "og").
    if (!is_minute(t.text) && t.text != "," && t.text != ";" && !(t.letter_case & kLowerOnly)) return {};
    ++k;
  }
  if (k >= n) return {};
  return spans;
}

}  // namespace

void mark_scorers(const Document& doc, const Lexicon& lexicon, std::vector<Tag>& tags, std::vector<float>& margins,
                  float confidence) {
  for (std::size_t i = 1; i + 1 < doc.tokens.size(); ++i) {
    if (doc.tokens[i].text != "(" || !is_number(doc.tokens[i - 1].text) || (doc.tokens[i].flags & kLineStart)) continue;
    for (auto [begin, end] : scorer_spans(doc, lexicon, i)) {
      for (std::size_t k = begin; k < end; ++k) {
        tags[k] = k == begin ? kPersonBegin : kPersonInside;
        if (k < margins.size()) margins[k] = std::max(margins[k], confidence);
      }
    }
  }
}

}  // namespace morgue::people
