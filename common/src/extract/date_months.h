// Month names as dates write them (private header of extract/).
#pragma once

#include <string_view>

namespace morgue {

// The month (1-12) a word names, in any of the languages of kMonths
// (date_months.cc): full names in the case forms dates use, and the usual
// abbreviations; compared in Unicode lower case, a trailing '.' and Greek
// accents ignored. 0 when the word is no month name. Thread-safe.
int month_from_word(std::string_view word);

}  // namespace morgue
