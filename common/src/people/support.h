// Whether what is written around a mention supports a person's reading
// (private), for the one rule that weighs support rather than shape: a
// one-word name none of whose mentions is supported is nobody (names.cc,
// lone_word_unsupported). Wire copy names a firm, a drug, a market rate or a
// party by one capitalised word as readily as a person ("a bid by Kelmar,
// Voss for the chain", "a spread over Velbor"), and names a person by one word only after
// it has given a title, a verb of saying or a role for it ("Mr Voss said",
// "Voss, a director of ..."); the rule was chosen over twelve Reuters samples
// by leave-one-sample-out (docs/people.md, "Support").
#pragma once

#include <cstddef>
#include <vector>

#include "people/lexicon.h"
#include "people/perceptron.h"
#include "people/tokenizer.h"

namespace morgue::people {

// The mention [begin, end) is supported, besides the cues Mention already
// reads (a title before it, a verb of saying or "who" after it, a past form
// after it), by:
// - a verb of saying just before it, itself after a quotation mark or a
//   comma ('..." said Voss', "..., said Voss"; not "He said Voss left");
// - a noun of a person's office, time or household after it ("the Voss
//   administration", "Voss aides": before_office_noun);
// - a role in apposition: a comma and then "a", "an", "the", "former" or a
//   title word ("Voss, a director of ...", "Voss, chairman of ..."), or a
//   lower-case word and a title word ("Voss, managing director"), in lower
//   case;
// - an age after it, between commas or in round brackets ("Voss, 52,",
//   "Voss (52)");
// - a goal's minute after it, in a scorers' bracket or list ("( Voss 27th ,",
//   ", Voss 64 )": a scorer or a substitute);
// - a list of three people or more that holds it: person spans joined by
//   commas, semicolons or "and", a bracket after a span skipped ("Voss,
//   Kelder (Brann 71), Pryce and Lind": a team sheet or a cast; two firms'
//   partners, "Kelmar, Voss", make no list).
bool supported_around(const Document& doc, const std::vector<Tag>& tags, const Lexicon& lexicon, std::size_t begin,
                      std::size_t end);

}  // namespace morgue::people
