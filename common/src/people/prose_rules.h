// Rules of the people extractor for feature prose (the BBC sample of
// docs/people.md): shapes of a name that longer stories write and wire copy
// seldom does. Private; applied by mentions.cc (the edges of a span) and
// names.cc (merging).
#pragma once

#include <cstddef>
#include <string_view>

#include "people/tokenizer.h"

namespace morgue::people {

// A given name written as one letter without a full stop, as team sheets in
// prose do ("J Roe" for "Jane Roe"): agrees with any given name it starts.
bool is_bare_initial(std::string_view lower);

// Letters after a name that are no part of it ("Jane Roe QC", "Jim Poe MP"):
// written in capitals, after at least one other word of the span.
bool is_post_nominal(const Token& t);

// The length of a name's last word without a hyphenated ending that makes it
// an adjective ("Roe-style", "Roe-led", "Roe-era": the person is still
// named); the whole length when there is none or nothing would be left.
std::size_t without_adjective_ending(std::string_view word);

// A verb of saying opening a sentence before a one-word name and a colon or
// a comma ("Said Roe: ...", "Added Poe, ..."): the verb is no given name.
// [begin, end) is the tagged span.
bool opens_with_inverted_saying(const Document& doc, std::size_t begin, std::size_t end);

// A word for a party's member that prose writes before a name as it writes
// a nationality ("Tory Jane Roe", "the Tory plans"): never a person alone.
bool is_party_member_noun(std::string_view lower);

}  // namespace morgue::people
