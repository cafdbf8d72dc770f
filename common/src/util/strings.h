// Small UTF-8 aware string helpers used across the library (private header).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace morgue::util {

std::string_view trim(std::string_view s);
// Collapses runs of white space (ASCII and U+00A0) into one space and trims.
std::string collapse_space(std::string_view s);
// Lower-cases UTF-8 text (Unicode-aware through Xapian::Unicode).
std::string to_lower(std::string_view s);
bool starts_with_ci(std::string_view s, std::string_view prefix);
bool iequals(std::string_view a, std::string_view b);
std::vector<std::string> split(std::string_view s, char sep);
std::string join(const std::vector<std::string>& parts, std::string_view sep);
// 64-bit FNV-1a.
std::uint64_t fnv1a64(std::string_view s, std::uint64_t seed = 14695981039346656037ull);
std::string hex64(std::uint64_t v);
// Appends the UTF-8 encoding of a code point.
void append_utf8(std::string& out, unsigned codepoint);
// The code point of the valid UTF-8 sequence at s[i], and its length in
// `len`; `len` is 0 when the bytes there are not valid UTF-8.
unsigned decode_utf8(std::string_view s, std::size_t i, std::size_t& len);
// The longest prefix of `s` of at most max_bytes that does not end inside a
// UTF-8 sequence (s itself when it is short enough).
std::string_view utf8_prefix(std::string_view s, std::size_t max_bytes);
// The start of a long text for work that need not read all of it: at most
// max_bytes, ending at the last white space before the cut when there is one
// in the last 1 KiB (so no word, and no name, is cut in two), else at a
// character boundary. `s` itself when it is short enough.
std::string_view text_window(std::string_view s, std::size_t max_bytes);

// The words of `s` separated by runs of ASCII spaces (views into `s`).
std::vector<std::string_view> split_spaces(std::string_view s);
// Title-cases words that are all lower or all upper case ("WORLD" -> "World").
std::string title_case_if_uniform(std::string_view s);
// The word with its first letter upper-cased (any script Xapian::Unicode knows:
// "über" -> "Über"); the rest is left as it is.
std::string capitalize_first(std::string_view word);

}  // namespace morgue::util
