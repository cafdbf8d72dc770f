// Which Xapian stemmer reads an article's words, by its language, and which
// stemmers a query needs to reach every story of an archive.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace morgue {

// The name of the stemmer for an article in `language` (a BCP-47 tag, any
// case): Xapian's stemmer for its primary code ("german" for "de-AT");
// "english" for an unknown language (""), as every story was stemmed before
// languages were detected; "none" for a language Xapian cannot stem.
std::string stemmer_name(std::string_view language);

// The stemmer stemmer_name() names. "none" keeps each word whole (lower
// case) rather than giving no stem: stemmed Z terms are what queries look
// for, so every story must have them.
Xapian::Stem stemmer_for(std::string_view language);
Xapian::Stem stemmer_named(const std::string& name);

// The same stems as stemmer_for(language), remembered: each thread keeps one
// stemmer per language, and each of those the stems of up to kStemMemoWords
// words it was asked (a table of that many slots, about 4 MiB), so a word
// seen before is not stemmed again (Snowball costs about 2,000 instructions
// a word; the indexer stems every word of every story). For one thread
// only: never share the result.
inline constexpr std::size_t kStemMemoWords = 65536;  // a power of two
Xapian::Stem thread_stemmer_for(std::string_view language);

// The names of the stemmers the stories of `db` were indexed with (read from
// its lang: terms, so every shard and every deletion counts): "english"
// first, then the others in name order, each once.
std::vector<std::string> archive_stemmer_names(const Xapian::Database& db);

}  // namespace morgue
