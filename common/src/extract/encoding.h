// Character encodings: everything the project stores is valid UTF-8.
#pragma once

#include <string>
#include <string_view>

namespace morgue {

// Decodes `bytes` in `charset` (as named by a page: "utf-8", "iso-8859-1",
// "windows-1252", "latin1", ...; unknown names fall back to UTF-8 with
// repair). Latin-1 is decoded as Windows-1252, as browsers do.
std::string to_utf8(std::string_view bytes, std::string_view charset);

// The character Windows-1252 puts at `byte` 0x80..0x9F ("\x97" is an em
// dash); 0 for the five bytes it leaves undefined and for other bytes.
unsigned cp1252_code_point(unsigned byte);

// True when `s` is valid UTF-8.
bool is_valid_utf8(std::string_view s);

// Returns `s` with invalid UTF-8 sequences replaced: when most of the input is
// invalid as UTF-8 it is decoded as Windows-1252, else each bad byte becomes U+FFFD.
// NUL and C0 control characters other than \t \n \r are dropped.
std::string repair_utf8(std::string_view s);

// Strips a UTF-8/UTF-16 byte-order mark and reports the charset it implies ("" if none).
std::string_view strip_bom(std::string_view bytes, std::string* charset);

// True when the bytes look binary (NULs or many control bytes in the first 4 KiB).
bool looks_binary(std::string_view bytes);

}  // namespace morgue
