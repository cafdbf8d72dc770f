#include "morgue/schema.h"

namespace morgue::schema {

std::string make_term(std::string_view prefix, std::string_view value) {
  std::string term(prefix);
  // Xapian's convention: a ':' separates a multi-letter prefix from a value
  // that starts with an upper-case letter (values here are mostly lower-cased).
  if (prefix.size() > 1 && !value.empty() && value.front() >= 'A' && value.front() <= 'Z') term.push_back(':');
  term.append(value);
  // Xapian terms are limited to 245 bytes; longer values are cut (at a
  // UTF-8 boundary) since they only serve as filters.
  if (term.size() > 240) {
    std::size_t cut = 240;
    while (cut > 0 && (static_cast<unsigned char>(term[cut]) & 0xC0) == 0x80) --cut;
    term.resize(cut);
  }
  return term;
}

}  // namespace morgue::schema
