// Removing text that names people who are not in the story (private): photo
// credits ("Photo: Sean Gallup-Pool/Getty Images"), bylines ("By Jane Doe")
// wire trailers ("(Reporting by ...; Editing by ...)") and desk lines
// ("-- Jane Doe, London newsroom +44 20 7542 1234").
#pragma once

#include <string>
#include <string_view>

namespace morgue::people {

// `caption` without its credit ("" when the line is nothing but a credit).
std::string strip_caption_credit(std::string_view caption);

// `body` with byline lines, wire trailers and desk lines blanked out (same length, the
// removed text replaced by spaces, so line structure is kept).
std::string strip_body_credits(std::string_view body);

}  // namespace morgue::people
