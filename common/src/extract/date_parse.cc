#include "extract/date_parse.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <chrono>
#include <unordered_map>
#include <fmt/format.h>

#include "util/strings.h"

namespace morgue {

bool Date::is_valid() const {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  static constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (day > kDays[static_cast<std::size_t>(month - 1)]) return false;
  if (month == 2 && day == 29) {
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (!leap) return false;
  }
  return true;
}

std::string Date::iso() const { return fmt::format("{:04}-{:02}-{:02}", year, month, day); }
std::string Date::compact() const { return fmt::format("{:04}{:02}{:02}", year, month, day); }

std::optional<Date> Date::from_compact(std::string_view v) {
  if (v.size() != 8 || !std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  auto number = [&](std::size_t at, std::size_t n) {
    int x = 0;
    for (std::size_t i = at; i < at + n; ++i) x = x * 10 + (v[i] - '0');
    return x;
  };
  Date d{number(0, 4), number(4, 2), number(6, 2)};
  if (!d.is_valid()) return std::nullopt;
  return d;
}

namespace {

struct MonthName {
  const char* name;
  int month;
};

// Month names and the usual abbreviations of the languages of European news
// sites (matched case-insensitively, a trailing '.' ignored). Abbreviations
// that are common words elsewhere ("ago", "set", "out") are left out.
constexpr MonthName kMonths[] = {
    {"january", 1},  {"jan", 1},   {"januar", 1},    {"janvier", 1},  {"enero", 1},
    {"gennaio", 1},  {"januari", 1}, {"jänner", 1},
    {"february", 2}, {"feb", 2},   {"februar", 2},   {"février", 2},  {"fevrier", 2},
    {"febrero", 2},  {"febbraio", 2}, {"februari", 2}, {"febr", 2},
    {"march", 3},    {"mar", 3},   {"märz", 3},      {"maerz", 3},    {"mars", 3},
    {"marzo", 3},    {"maart", 3}, {"mär", 3},
    {"april", 4},    {"apr", 4},   {"avril", 4},     {"abril", 4},    {"aprile", 4},
    {"may", 5},      {"mai", 5},   {"mayo", 5},      {"maggio", 5},   {"mei", 5},
    {"june", 6},     {"jun", 6},   {"juni", 6},      {"juin", 6},     {"junio", 6},
    {"giugno", 6},
    {"july", 7},     {"jul", 7},   {"juli", 7},      {"juillet", 7},  {"julio", 7},
    {"luglio", 7},
    {"august", 8},   {"aug", 8},   {"août", 8},      {"aout", 8},     {"agosto", 8},
    {"augustus", 8},
    {"september", 9}, {"sep", 9},  {"sept", 9},      {"septembre", 9}, {"septiembre", 9},
    {"settembre", 9},
    {"october", 10}, {"oct", 10},  {"oktober", 10},  {"okt", 10},     {"octobre", 10},
    {"octubre", 10}, {"ottobre", 10},
    {"november", 11}, {"nov", 11}, {"novembre", 11}, {"noviembre", 11},
    {"december", 12}, {"dec", 12}, {"dezember", 12}, {"dez", 12},     {"décembre", 12},
    {"decembre", 12}, {"diciembre", 12}, {"dicembre", 12},
    // Portuguese, and Russian in the genitive used in dates ("15 августа 2016").
    {"janeiro", 1}, {"fevereiro", 2}, {"março", 3}, {"marco", 3}, {"maio", 5}, {"junho", 6},
    {"julho", 7}, {"setembro", 9}, {"outubro", 10}, {"novembro", 11}, {"dezembro", 12},
    {"января", 1}, {"февраля", 2}, {"марта", 3}, {"апреля", 4}, {"мая", 5}, {"июня", 6},
    {"июля", 7}, {"августа", 8}, {"сентября", 9}, {"октября", 10}, {"ноября", 11}, {"декабря", 12},
    // More abbreviations: French, Italian, Spanish, Dutch, Portuguese.
    {"janv", 1}, {"févr", 2}, {"fevr", 2}, {"avr", 4}, {"juil", 7}, {"déc", 12}, {"gen", 1},
    {"mag", 5}, {"giu", 6}, {"lug", 7}, {"ott", 10}, {"dic", 12}, {"ene", 1}, {"abr", 4},
    {"mrt", 3}, {"fev", 2}, {"setiembre", 9},
    // Scandinavian.
    {"augusti", 8}, {"maj", 5}, {"marts", 3}, {"desember", 12},
    // Polish (genitive, as in dates, and nominative).
    {"stycznia", 1}, {"lutego", 2}, {"marca", 3}, {"kwietnia", 4}, {"maja", 5}, {"czerwca", 6},
    {"lipca", 7}, {"sierpnia", 8}, {"września", 9}, {"października", 10}, {"listopada", 11},
    {"grudnia", 12}, {"styczeń", 1}, {"luty", 2}, {"marzec", 3}, {"kwiecień", 4}, {"czerwiec", 6},
    {"lipiec", 7}, {"sierpień", 8}, {"wrzesień", 9}, {"październik", 10}, {"listopad", 11},
    {"grudzień", 12},
    // Czech (genitive and nominative).
    {"ledna", 1}, {"února", 2}, {"března", 3}, {"dubna", 4}, {"května", 5}, {"června", 6},
    {"července", 7}, {"srpna", 8}, {"září", 9}, {"října", 10}, {"listopadu", 11}, {"prosince", 12},
    {"leden", 1}, {"únor", 2}, {"březen", 3}, {"duben", 4}, {"květen", 5}, {"červen", 6},
    {"červenec", 7}, {"srpen", 8}, {"říjen", 10}, {"prosinec", 12},
    // Finnish (partitive, as in dates, and nominative).
    {"tammikuuta", 1}, {"helmikuuta", 2}, {"maaliskuuta", 3}, {"huhtikuuta", 4}, {"toukokuuta", 5},
    {"kesäkuuta", 6}, {"heinäkuuta", 7}, {"elokuuta", 8}, {"syyskuuta", 9}, {"lokakuuta", 10},
    {"marraskuuta", 11}, {"joulukuuta", 12}, {"tammikuu", 1}, {"helmikuu", 2}, {"maaliskuu", 3},
    {"huhtikuu", 4}, {"toukokuu", 5}, {"kesäkuu", 6}, {"heinäkuu", 7}, {"elokuu", 8},
    {"syyskuu", 9}, {"lokakuu", 10}, {"marraskuu", 11}, {"joulukuu", 12},
    // Hungarian, Romanian, Catalan, Turkish.
    {"január", 1}, {"február", 2}, {"március", 3}, {"április", 4}, {"május", 5}, {"június", 6},
    {"július", 7}, {"augusztus", 8}, {"szeptember", 9}, {"október", 10},
    {"ianuarie", 1}, {"februarie", 2}, {"martie", 3}, {"aprilie", 4}, {"iunie", 6}, {"iulie", 7},
    {"septembrie", 9}, {"octombrie", 10}, {"noiembrie", 11}, {"decembrie", 12},
    {"gener", 1}, {"febrer", 2}, {"març", 3}, {"maig", 5}, {"juny", 6}, {"juliol", 7},
    {"agost", 8}, {"setembre", 9}, {"desembre", 12},
    {"ocak", 1}, {"şubat", 2}, {"mart", 3}, {"nisan", 4}, {"mayıs", 5}, {"haziran", 6},
    {"temmuz", 7}, {"ağustos", 8}, {"eylül", 9}, {"ekim", 10}, {"kasım", 11}, {"aralık", 12},
    // Ukrainian (genitive).
    {"січня", 1}, {"лютого", 2}, {"березня", 3}, {"квітня", 4}, {"травня", 5}, {"червня", 6},
    {"липня", 7}, {"серпня", 8}, {"вересня", 9}, {"жовтня", 10}, {"листопада", 11}, {"грудня", 12},
    // Slovak (genitive, and nominative where it differs from Czech and Hungarian).
    {"januára", 1}, {"februára", 2}, {"apríla", 4}, {"mája", 5}, {"júna", 6}, {"júla", 7}, {"augusta", 8},
    {"septembra", 9}, {"októbra", 10}, {"novembra", 11}, {"decembra", 12}, {"marec", 3}, {"apríl", 4},
    {"máj", 5}, {"jún", 6}, {"júl", 7},
    // Croatian (genitive and nominative). "listopada" and "listopad" are
    // October there and November in Polish and Czech: the Polish reading wins.
    {"siječnja", 1}, {"veljače", 2}, {"ožujka", 3}, {"travnja", 4}, {"svibnja", 5}, {"lipnja", 6},
    {"srpnja", 7}, {"kolovoza", 8}, {"rujna", 9}, {"studenoga", 11}, {"studenog", 11}, {"prosinca", 12},
    {"siječanj", 1}, {"veljača", 2}, {"ožujak", 3}, {"travanj", 4}, {"svibanj", 5}, {"lipanj", 6},
    {"srpanj", 7}, {"kolovoz", 8}, {"rujan", 9}, {"studeni", 11}, {"prosinac", 12},
    // Slovenian, Serbian and Bosnian in Latin letters.
    {"junij", 6}, {"julij", 7}, {"avgust", 8}, {"avgusta", 8}, {"septembar", 9}, {"oktobar", 10},
    {"novembar", 11}, {"decembar", 12}, {"marca", 3}, {"junija", 6}, {"julija", 7},
    // Estonian, Latvian, Lithuanian (genitive, as in "2022 m. vasario 14 d."), Icelandic.
    {"jaanuar", 1}, {"veebruar", 2}, {"märts", 3}, {"aprill", 4}, {"juuni", 6}, {"juuli", 7},
    {"oktoober", 10}, {"detsember", 12},
    {"janvāris", 1}, {"februāris", 2}, {"aprīlis", 4}, {"maijs", 5}, {"jūnijs", 6}, {"jūlijs", 7},
    {"augusts", 8}, {"septembris", 9}, {"oktobris", 10}, {"novembris", 11}, {"decembris", 12},
    {"janvārī", 1}, {"februārī", 2}, {"martā", 3}, {"aprīlī", 4}, {"maijā", 5}, {"jūnijā", 6},
    {"jūlijā", 7}, {"augustā", 8}, {"septembrī", 9}, {"oktobrī", 10}, {"novembrī", 11}, {"decembrī", 12},
    {"sausio", 1}, {"vasario", 2}, {"kovo", 3}, {"balandžio", 4}, {"gegužės", 5}, {"birželio", 6},
    {"liepos", 7}, {"rugpjūčio", 8}, {"rugsėjo", 9}, {"spalio", 10}, {"lapkričio", 11}, {"gruodžio", 12},
    {"janúar", 1}, {"febrúar", 2}, {"maí", 5}, {"júní", 6}, {"júlí", 7}, {"ágúst", 8},
    {"nóvember", 11},
    // Greek (genitive, as in dates, and nominative), without accents: the key
    // is folded the same way, so capitals without accents match too.
    {"ιανουαριου", 1}, {"φεβρουαριου", 2}, {"μαρτιου", 3}, {"απριλιου", 4}, {"μαιου", 5}, {"ιουνιου", 6},
    {"ιουλιου", 7}, {"αυγουστου", 8}, {"σεπτεμβριου", 9}, {"οκτωβριου", 10}, {"νοεμβριου", 11},
    {"δεκεμβριου", 12}, {"ιανουαριοσ", 1}, {"φεβρουαριοσ", 2}, {"μαρτιοσ", 3}, {"απριλιοσ", 4},
    {"μαιοσ", 5}, {"ιουνιοσ", 6}, {"ιουλιοσ", 7}, {"αυγουστοσ", 8}, {"σεπτεμβριοσ", 9},
    {"οκτωβριοσ", 10}, {"νοεμβριοσ", 11}, {"δεκεμβριοσ", 12},
    // Russian (nominative), Bulgarian, Serbian in Cyrillic letters.
    {"январь", 1}, {"февраль", 2}, {"март", 3}, {"апрель", 4}, {"май", 5}, {"июнь", 6}, {"июль", 7},
    {"август", 8}, {"сентябрь", 9}, {"октябрь", 10}, {"ноябрь", 11}, {"декабрь", 12},
    {"януари", 1}, {"февруари", 2}, {"април", 4}, {"юни", 6}, {"юли", 7}, {"септември", 9},
    {"октомври", 10}, {"ноември", 11}, {"декември", 12},
    {"јануар", 1}, {"фебруар", 2}, {"мај", 5}, {"јун", 6}, {"јул", 7}, {"септембар", 9},
    {"октобар", 10}, {"новембар", 11}, {"децембар", 12},
};

// Greek letters with tonos or dialytika as the plain letter: "Μαΐου" and
// "ΜΑΙΟΥ" both become "μαιου" once lower-cased.
std::string fold_greek(std::string w) {
  static constexpr std::pair<std::string_view, std::string_view> kPlain[] = {
      {"ά", "α"}, {"έ", "ε"}, {"ή", "η"}, {"ί", "ι"},
      {"ΐ", "ι"}, {"ϊ", "ι"}, {"ό", "ο"}, {"ύ", "υ"},
      {"ϋ", "υ"}, {"ΰ", "υ"}, {"ώ", "ω"}, {"ς", "σ"}};
  if (w.find('\xCE') == std::string::npos && w.find('\xCF') == std::string::npos) return w;
  for (const auto& [from, to] : kPlain) {
    for (std::size_t at = w.find(from); at != std::string::npos; at = w.find(from, at + to.size())) {
      w.replace(at, from.size(), to);
    }
  }
  return w;
}

int month_from_word(std::string_view word) {
  // Every month name has 3 to 24 bytes: most words are turned away unread.
  if (word.size() < 3 || word.size() > 25) return 0;
  static const std::unordered_map<std::string_view, int> kByName = [] {
    std::unordered_map<std::string_view, int> map;
    for (const auto& m : kMonths) map.emplace(m.name, m.month);  // the first of a name wins
    return map;
  }();
  std::string w = fold_greek(util::to_lower(word));
  while (!w.empty() && w.back() == '.') w.pop_back();
  auto it = kByName.find(w);
  return it == kByName.end() ? 0 : it->second;
}

int to_int(std::string_view s) {
  int v = 0;
  for (char c : s) {
    v = v * 10 + (c - '0');
    if (v > 100000) return v;
  }
  return v;
}

bool plausible_year(int y) { return y >= 1800 && y <= 2199; }

std::optional<Date> make_date(int y, int m, int d) {
  Date date{y, m, d};
  if (!plausible_year(y) || !date.is_valid()) return std::nullopt;
  return date;
}

// A time of day and zone found in the text: "09:30", "09:30:00.00", "T09:30:00+01:00", "9:30 GMT".
struct TimeOfDay {
  int hour = -1, minute = 0, second = 0;
  std::string zone;  // "Z", "+01:00", or "" when none given
};

std::string zone_from_word(std::string_view word) {
  struct Named {
    const char* name;
    const char* offset;
  };
  static constexpr Named kZones[] = {
      {"gmt", "Z"},       {"utc", "Z"},       {"z", "Z"},         {"est", "-05:00"},
      {"edt", "-04:00"},  {"cst", "-06:00"},  {"cdt", "-05:00"},  {"mst", "-07:00"},
      {"mdt", "-06:00"},  {"pst", "-08:00"},  {"pdt", "-07:00"},  {"bst", "+01:00"},
      {"cet", "+01:00"},  {"cest", "+02:00"}, {"mez", "+01:00"},  {"mesz", "+02:00"},
      {"eet", "+02:00"},  {"eest", "+03:00"}, {"ist", "+05:30"},  {"jst", "+09:00"},
  };
  std::string w = util::to_lower(word);
  for (const auto& z : kZones) {
    if (w == z.name) return z.offset;
  }
  return "";
}

// Finds and removes the first H:MM[:SS[.f]] [am|pm] [zone] in `text`.
std::optional<TimeOfDay> take_time(std::string& text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) continue;
    if (i > 0 && std::isdigit(static_cast<unsigned char>(text[i - 1]))) continue;
    std::size_t j = i;
    while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) ++j;
    if (j - i > 2 || j >= text.size() || text[j] != ':') continue;
    std::size_t k = j + 1;
    std::size_t mstart = k;
    while (k < text.size() && std::isdigit(static_cast<unsigned char>(text[k]))) ++k;
    if (k - mstart != 2) continue;
    TimeOfDay t;
    t.hour = to_int(std::string_view(text).substr(i, j - i));
    t.minute = to_int(std::string_view(text).substr(mstart, 2));
    if (k < text.size() && text[k] == ':') {
      std::size_t s = k + 1;
      std::size_t e = s;
      while (e < text.size() && std::isdigit(static_cast<unsigned char>(text[e]))) ++e;
      if (e - s == 2) {
        t.second = to_int(std::string_view(text).substr(s, 2));
        k = e;
        if (k < text.size() && (text[k] == '.' || text[k] == ',')) {
          ++k;
          while (k < text.size() && std::isdigit(static_cast<unsigned char>(text[k]))) ++k;
        }
      }
    }
    std::size_t end = k;
    // am/pm
    std::size_t p = end;
    while (p < text.size() && text[p] == ' ') ++p;
    std::string rest = util::to_lower(std::string_view(text).substr(p, 4));
    if (rest.rfind("pm", 0) == 0 || rest.rfind("p.m", 0) == 0) {
      if (t.hour < 12) t.hour += 12;
      end = p + (rest.rfind("p.m.", 0) == 0 ? 4 : 2);
    } else if (rest.rfind("am", 0) == 0 || rest.rfind("a.m", 0) == 0) {
      if (t.hour == 12) t.hour = 0;
      end = p + (rest.rfind("a.m.", 0) == 0 ? 4 : 2);
    }
    // Zone: Z, +hh:mm, +hhmm, or a name.
    p = end;
    while (p < text.size() && text[p] == ' ') ++p;
    if (p < text.size() && (text[p] == 'Z' || text[p] == 'z') &&
        (p + 1 == text.size() || !std::isalpha(static_cast<unsigned char>(text[p + 1])))) {
      t.zone = "Z";
      end = p + 1;
    } else if (p < text.size() && (text[p] == '+' || text[p] == '-')) {
      std::size_t q = p + 1;
      std::string digits;
      while (q < text.size() && (std::isdigit(static_cast<unsigned char>(text[q])) || text[q] == ':') && digits.size() < 4) {
        if (text[q] != ':') digits.push_back(text[q]);
        ++q;
      }
      if (digits.size() == 4 || digits.size() == 2) {
        if (digits.size() == 2) digits += "00";
        t.zone = fmt::format("{}{}:{}", text[p], digits.substr(0, 2), digits.substr(2, 2));
        if (t.zone == "+00:00" || t.zone == "-00:00") t.zone = "Z";
        end = q;
      }
    } else {
      std::size_t q = p;
      while (q < text.size() && std::isalpha(static_cast<unsigned char>(text[q]))) ++q;
      std::string zone = zone_from_word(std::string_view(text).substr(p, q - p));
      if (!zone.empty()) {
        t.zone = zone;
        end = q;
      }
    }
    if (t.hour > 23 || t.minute > 59 || t.second > 60) return std::nullopt;
    text.replace(i, end - i, " ");
    return t;
  }
  return std::nullopt;
}

// Dates written with digits only: ISO and its relatives, dotted and slashed forms.
// `seps[i]` is the separator right after number i ('\0' when none): the three
// parts must be joined by one kind of separator, so "2 min 2 min 04.04.20"
// is not the 2nd of February 2004.
std::optional<Date> numeric_date(const std::vector<std::string>& nums, const std::vector<char>& seps) {
  if (nums.size() == 1 && nums[0].size() == 8) {
    const std::string& s = nums[0];
    return make_date(to_int(s.substr(0, 4)), to_int(s.substr(4, 2)), to_int(s.substr(6, 2)));
  }
  if (nums.size() < 3 || seps[0] == '\0' || seps[1] != seps[0]) return std::nullopt;
  const std::string &a = nums[0], &b = nums[1], &c = nums[2];
  if (a.size() == 4) return make_date(to_int(a), to_int(b), to_int(c));  // Y-M-D
  if (c.size() != 4 && c.size() != 2) return std::nullopt;
  int year = to_int(c);
  if (c.size() == 2) year += year < 50 ? 2000 : 1900;
  int first = to_int(a), second = to_int(b);
  bool dotted = seps.size() > 0 && seps[0] == '.';
  if (first > 12) return make_date(year, second, first);    // D/M/Y
  if (second > 12) return make_date(year, first, second);   // M/D/Y
  if (dotted || (seps.size() > 0 && seps[0] == '-')) return make_date(year, second, first);
  return make_date(year, first, second);                    // US M/D/Y when ambiguous
}

// The digit runs and word runs of a date, with the separator after each number.
struct DateParts {
  std::vector<std::string> nums, words;
  std::vector<char> seps;
  std::vector<bool> num_before_month;  // per number: was it before the month word?
  int month_word = 0;                  // month of the first month name, 0 when none
};

DateParts split_date(const std::string& text) {
  DateParts parts;
  bool seen_month_word = false;
  for (std::size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (std::isdigit(c)) {
      std::size_t j = i;
      while (j < text.size() && std::isdigit(static_cast<unsigned char>(text[j]))) ++j;
      parts.nums.push_back(text.substr(i, j - i));
      parts.num_before_month.push_back(!seen_month_word);
      // 14th, 1st, 2nd, 3rd
      if (j + 1 < text.size() && std::isalpha(static_cast<unsigned char>(text[j]))) {
        std::string suffix = util::to_lower(std::string_view(text).substr(j, 2));
        if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") j += 2;
      }
      // "14.02.2022", "2022-02-14", "26 | 01 | 2022": the next mark after optional spaces.
      std::size_t m = j;
      while (m < text.size() && text[m] == ' ') ++m;
      bool mark = m < text.size() && std::string_view("-/.|").find(text[m]) != std::string_view::npos;
      parts.seps.push_back(mark ? text[m] : '\0');
      i = j;
    } else if (std::isalpha(c) || c >= 0x80) {
      std::size_t j = i;
      while (j < text.size() && (std::isalpha(static_cast<unsigned char>(text[j])) ||
                                 static_cast<unsigned char>(text[j]) >= 0x80)) {
        ++j;
      }
      std::string word = text.substr(i, j - i);
      int m = month_from_word(word);
      if (m && !parts.month_word) {
        parts.month_word = m;
        seen_month_word = true;
      }
      parts.words.push_back(std::move(word));
      i = j;
    } else {
      ++i;
    }
  }
  return parts;
}

// Dates with a month name: "Feb 14, 2022", "21. Jan 2022".
std::optional<Date> worded_date(const DateParts& parts) {
  int year = 0, day = 0;
  bool year_first = false;
  for (std::size_t k = 0; k < parts.nums.size(); ++k) {
    int v = to_int(parts.nums[k]);
    if (parts.nums[k].size() == 4 && plausible_year(v) && !year) {
      year = v;
      year_first = parts.num_before_month[k];
    } else if (parts.nums[k].size() <= 2 && v >= 1 && v <= 31) {
      // The day is the number next to the month name: the last one before
      // it ("0 3 21. Jan 2022" is the 21st), else the first one after it
      // and before the year ("Feb 14, 2022"; "November 2020 ... 2" is no
      // date), or after a year written first when the two are all the
      // numbers ("2022. február 14.").
      if (parts.num_before_month[k] || (!day && (!year || (year_first && parts.nums.size() == 2)))) day = v;
    }
  }
  if (year && day) return make_date(year, parts.month_word, day);
  return std::nullopt;
}

// Full-width digits and colon ("２０１９年６月２４日") as ASCII ones.
std::string full_width_digits(std::string_view input) {
  std::string out(input);
  if (out.find("\xEF\xBC") == std::string::npos) return out;
  std::string folded;
  for (std::size_t i = 0; i < out.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(out[i]);
    unsigned char d = i + 2 < out.size() ? static_cast<unsigned char>(out[i + 2]) : 0;
    if (c == 0xEF && static_cast<unsigned char>(out[i + 1]) == 0xBC && ((d >= 0x90 && d <= 0x99) || d == 0x9A)) {
      folded.push_back(d == 0x9A ? ':' : static_cast<char>('0' + (d - 0x90)));
      i += 2;
      continue;
    }
    folded.push_back(static_cast<char>(c));
  }
  return folded;
}

// "2019年6月24日 10時30分" and "2019년 6월 24일": year, month and day marks
// become an ISO-style date ("2019-6-24 10:30").
std::string cjk_to_marks(std::string_view input) {
  std::string text = full_width_digits(input);
  static constexpr std::pair<std::string_view, std::string_view> kMarks[] = {
      {"\u5e74", "-"}, {"\u6708", "-"}, {"\u65e5", " "}, {"\u6642", ":"}, {"\u65f6", ":"}, {"\u5206", " "},
      {"\ub144", "-"}, {"\uc6d4", "-"}, {"\uc77c", " "}};
  if (text.size() > 400 || std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    return text;
  }
  bool year_mark = text.find("\u5e74") != std::string::npos || text.find("\ub144") != std::string::npos;
  if (!year_mark) return text;
  for (const auto& [from, to] : kMarks) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
      // A mark counts only right after a number ("6月", not "月刊").
      if (at == 0 || !std::isdigit(static_cast<unsigned char>(text[at - 1]))) {
        at += from.size() - to.size();
        continue;
      }
      text.replace(at, from.size(), to);
    }
  }
  // "2019- 6- 24" (Korean puts spaces after the marks): close the gaps.
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == ' ' && !out.empty() && out.back() == '-') continue;
    out.push_back(text[i]);
  }
  return out;
}

}  // namespace

std::optional<DateTime> parse_date_time(std::string_view input) {
  std::string text = cjk_to_marks(util::trim(input));
  if (text.empty() || text.size() > 200) return std::nullopt;
  // "2022-02-14T09:30:00": make the T a space so the time is found.
  if (text.size() > 10 && std::isdigit(static_cast<unsigned char>(text[0])) &&
      (text[10] == 'T' || text[10] == 't') && text[4] == '-') {
    text[10] = ' ';
  }
  std::optional<TimeOfDay> time = take_time(text);

  const DateParts parts = split_date(text);
  std::optional<Date> date;
  if (parts.month_word) {
    date = worded_date(parts);
  } else if (parts.words.size() <= 2) {
    date = numeric_date(parts.nums, parts.seps);
  }
  if (!date) return std::nullopt;

  DateTime result;
  result.date = *date;
  if (time && time->hour >= 0) {
    result.timestamp = fmt::format("{}T{:02}:{:02}:{:02}{}", date->iso(), time->hour, time->minute,
                                   time->second, time->zone);
  }
  return result;
}

std::optional<DateTime> parse_epoch(std::string_view digits) {
  if ((digits.size() != 10 && digits.size() != 13) ||
      !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    return std::nullopt;
  }
  long long seconds = std::stoll(std::string(digits.substr(0, 10)));
  using namespace std::chrono;
  sys_seconds at{std::chrono::seconds(seconds)};
  sys_days day = floor<days>(at);
  year_month_day ymd{day};
  hh_mm_ss clock{at - day};
  Date date{static_cast<int>(ymd.year()), static_cast<int>(static_cast<unsigned>(ymd.month())),
            static_cast<int>(static_cast<unsigned>(ymd.day()))};
  if (!plausible_year(date.year)) return std::nullopt;
  return DateTime{date, fmt::format("{}T{:02}:{:02}:{:02}Z", date.iso(), clock.hours().count(),
                                    clock.minutes().count(), clock.seconds().count())};
}

std::optional<Date> parse_date(std::string_view text) {
  auto dt = parse_date_time(text);
  if (!dt) return std::nullopt;
  return dt->date;
}

std::optional<Date> date_from_url(std::string_view url) {
  // Look for YYYY[/-_]MM[/-_]DD (or YYYYMMDD between separators) in the path.
  std::size_t path_start = url.find("://");
  path_start = path_start == std::string_view::npos ? 0 : url.find('/', path_start + 3);
  if (path_start == std::string_view::npos) return std::nullopt;
  std::string_view path = url.substr(path_start);
  for (std::size_t i = 0; i + 8 <= path.size(); ++i) {
    if (i > 0 && std::isdigit(static_cast<unsigned char>(path[i - 1]))) continue;
    auto digits = [&](std::size_t at, std::size_t n) {
      if (at + n > path.size()) return false;
      for (std::size_t k = 0; k < n; ++k) {
        if (!std::isdigit(static_cast<unsigned char>(path[at + k]))) return false;
      }
      return true;
    };
    auto is_sep = [&](std::size_t at) { return at < path.size() && (path[at] == '/' || path[at] == '-' || path[at] == '_'); };
    if (!digits(i, 4)) continue;
    int y = to_int(path.substr(i, 4));
    if (!plausible_year(y)) continue;
    if (is_sep(i + 4) && digits(i + 5, 2) && is_sep(i + 7) && digits(i + 8, 2) &&
        !digits(i + 10, 1)) {
      if (auto d = make_date(y, to_int(path.substr(i + 5, 2)), to_int(path.substr(i + 8, 2)))) return d;
    }
    // "/2020/oct/02/": month as an English abbreviation.
    if (path[i + 4] == '/' && i + 11 <= path.size() && path[i + 8] == '/' && digits(i + 9, 2) &&
        !digits(i + 11, 1)) {
      static constexpr std::string_view kAbbr[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                   "jul", "aug", "sep", "oct", "nov", "dec"};
      std::string_view word = path.substr(i + 5, 3);
      for (std::size_t m = 0; m < 12; ++m) {
        if (word != kAbbr[m]) continue;
        if (auto date = make_date(y, static_cast<int>(m) + 1, to_int(path.substr(i + 9, 2)))) return date;
      }
    }
    // "/2017/7/12/": some CMSs write month and day without a leading zero.
    if (path[i + 4] == '/' && i > 0 && path[i - 1] == '/') {
      std::size_t m = i + 5, mlen = 0;
      while (mlen < 3 && digits(m + mlen, 1)) ++mlen;
      std::size_t d = m + mlen + 1, dlen = 0;
      while (dlen < 3 && digits(d + dlen, 1)) ++dlen;
      if (mlen >= 1 && mlen <= 2 && m + mlen < path.size() && path[m + mlen] == '/' && dlen >= 1 && dlen <= 2 &&
          (d + dlen == path.size() || path[d + dlen] == '/')) {
        if (auto date = make_date(y, to_int(path.substr(m, mlen)), to_int(path.substr(d, dlen)))) return date;
      }
    }
    if (digits(i, 8) && !digits(i + 8, 1) && (i == 0 || !std::isalnum(static_cast<unsigned char>(path[i - 1])))) {
      if (auto d = make_date(y, to_int(path.substr(i + 4, 2)), to_int(path.substr(i + 6, 2)))) return d;
    }
  }
  return std::nullopt;
}

}  // namespace morgue
