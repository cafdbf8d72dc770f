// Removing text that names people who are not in the story (private): photo
// credits ("Photo: Sean Gallup-Pool/Getty Images"), bylines ("By Jane Doe")
// wire trailers ("(Reporting by ...; Editing by ...)") and desk lines
// ("-- Jane Doe, London newsroom +44 20 7542 1234"); reading "&quot;" as a
// quotation mark; and joining names a feed split at their apostrophe.
#pragma once

#include <string>
#include <string_view>

namespace morgue::people {

// `caption` without its credit ("" when the line is nothing but a credit).
std::string strip_caption_credit(std::string_view caption);

// `body` with byline lines, wire trailers and desk lines blanked out (same length, the
// removed text replaced by spaces, so line structure is kept).
std::string strip_body_credits(std::string_view body);

// Quotation marks written as the whole entity "&quot;" (text escaped twice:
// ingest decodes no entity a second time, see extract/broken_entities.h):
// each becomes a plain '"' followed by spaces, in place (same length), so
// the tagger reads them as the quotation marks it was trained on. Other
// text is left as it is. The forms that lost their "&" ("quot;") are
// mended at ingest, for the stored text too, before the tagger reads it.
void mend_quot_entities(std::string& text);

// Names a feed wrote with a space before the apostrophe ("Jane O 'Hara",
// "D 'Arcy"): a lone capital O, D or L, a space, an apostrophe and a capital
// become one word again, in place (same length: the word moves left by one
// and the space goes after it: "O'Hara "), so the name is read whole.
// Quotation marks after other words ("a 'Velda' plan") are left as written.
void mend_split_apostrophes(std::string& text);

}  // namespace morgue::people
