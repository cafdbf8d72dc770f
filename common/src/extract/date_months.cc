// Month names of the languages of European (and other) news sites.
#include "extract/date_months.h"

#include <string>
#include <unordered_map>
#include <utility>

#include "util/strings.h"

namespace morgue {
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

}  // namespace

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

}  // namespace morgue
