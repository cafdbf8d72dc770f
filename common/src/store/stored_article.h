// The document data of an archive: how store/ keeps an Article's fields in a
// Xapian document. Private to store/ (make_document and
// article_from_document are its only users; tests read it to pin the
// format). Not the public JSON: that is article_to_json() in printer.h, and
// either may change without the other.
#pragma once

#include <string>
#include <string_view>

#include "morgue/article.h"

namespace morgue {

// The format written today. Version 1 is a JSON object with the article's
// fields under the names of the Article members (source, key, url, title,
// title_from_body, date as YYYY-MM-DD or null, timestamp, section, authors,
// people, subjects, dateline, language, captions) and "v": 1. The body is
// not in it: make_document keeps it in schema::kSlotBody. Data written before
// the version key existed has no "v" and is version 1; data from before the
// body slot has the body under "body". A new version gets a new number, and
// decode_stored_article learns to read every older one.
inline constexpr int kStoredArticleVersion = 1;

// The key that carries the version.
inline constexpr std::string_view kStoredVersionKey = "v";

// The document data for `article`, without its body. Bytes that are not
// UTF-8 are replaced (U+FFFD). Does not throw on any Article.
std::string encode_stored_article(const Article& article);

// The article in `data`, body left empty unless the data carries one (the
// oldest databases). Throws Xapian::DatabaseCorruptError when `data` is not
// an article of ours (a damaged block), Xapian::DatabaseVersionError when it
// was written in a newer format than kStoredArticleVersion.
Article decode_stored_article(std::string_view data);

}  // namespace morgue
