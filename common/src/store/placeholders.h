// Placeholders: how a first build avoids rewriting the stories whose names
// the people identity step is likely to change.
//
// Changing a term of a story already written costs Xapian 1.4 a read of
// every position list of the story: it loads every term of a document with
// its positions at the first term change. In a first build the
// identity step renames about a fifth of the stories of an archive such as
// BBC News, nearly all of them stories that name someone by a single word
// ("Blair", "Kofi") that the step resolves to a full name. Such a story is
// written first as a placeholder: its fields, filter terms, values and
// stored article, without its words (schema::kPlaceholder marks it). The
// identity step leaves the placeholders it renames to the fill (their new
// names), the version groups refile placeholders cheaply, and
// fill_placeholders() then writes each story once, whole, from its stored
// article, with the step's names and group.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <unordered_map>
#include <vector>

#include <xapian.h>

#include "morgue/article.h"
#include "store/canonical_people.h"

namespace morgue {

// True when the article names someone by a single word (the identity step
// will probably give it another name) and its whole body fits the stored
// body (schema::kMaxStoredBodyBytes), from which the placeholder is filled.
bool worth_holding_back(const Article& article);

// The placeholder of `article`: what make_document() gives but the words
// (headline words only under the title prefix), marked with kPlaceholder.
Xapian::Document make_placeholder_document(const Article& article, const std::string& id);

// True for a document make_placeholder_document() built (not yet filled).
bool is_placeholder(const Xapian::Document& doc);

// True when `doc` stores its whole body (most stories: up to
// schema::kMaxStoredBodyBytes), so that give_whole_terms() can write its
// terms again from its stored article.
bool stored_whole(const Xapian::Document& doc);

// Gives `doc` the terms of its whole story from its stored article
// (`held`: `doc` itself, or a detached copy of it): make_document()'s on
// the extractor's people (schema::kSlotPeopleFound when set), then the
// stored article's (canonical) people as the identity step gives them.
// Leaves its values and data. For a placeholder, or any story for which
// stored_whole() holds: rewriting a story's terms this way reads none of
// its position lists, which changing one term of a stored story does.
void give_whole_terms(Xapian::Document& doc, const Xapian::Document& held);

// Words of placeholders made ahead of the fill (prepare_placeholder_words()),
// one map a part: what give_whole_terms() adds before any renaming, with the
// article and id they were made from.
struct PreparedStory {
  Article article;  // its people: the extractor's names (those the words hold)
  std::string id;
  Xapian::Document words;  // terms only
};
using PreparedWords = std::vector<std::unordered_map<Xapian::docid, PreparedStory>>;

// Makes the words of the placeholders of the parts at `paths`, read through
// read-only handles (their last commit), taking the parts in turn, until
// stop() says so or 1 MiB of story text is done (the words of a story take
// about 25 times its text in memory). Meant for an idle core while
// the identity step and the version groups run: neither changes what a
// placeholder's words are made from but its people, which the fill renames
// in the words as give_whole_terms() does. A read that fails ends the
// preparation early: the fill makes what is missing.
PreparedWords prepare_placeholder_words(const std::vector<std::string>& paths, const std::function<bool()>& stop);

// Replaces every placeholder of `db` by its whole document, as
// make_document() builds it from the stored article and then the identity
// step's renaming (kSlotPeopleFound, kSlotPeople) and the version group
// (kSlotDupGroup) would have changed it. A placeholder the step renamed is
// in `renames` when the step left it to the fill (canonical_people.h), and
// gets its canonical names here; otherwise only its terms are written
// again: its values and data are already the story's. Commits after every
// 2 MiB of story text (a killed run leaves the rest as placeholders, for
// the next run). Returns the number filled.
// A placeholder in `prepared` takes its words from there when its article is
// still the one they were made from.
std::size_t fill_placeholders(Xapian::WritableDatabase& db, const HeldRenames* renames = nullptr,
                              std::unordered_map<Xapian::docid, PreparedStory>* prepared = nullptr);

// The same over the parts of a build, one thread a part, with renames[i]
// for parts[i] (or none when `renames` is empty). Calls
// before_commit(part) once a part is filled, then commits it (what else
// the caller changed in it goes into the same commit). `prepared`, when
// given, holds words made for parts[i] in prepared[i].
std::size_t fill_placeholders(std::vector<Xapian::WritableDatabase>& parts, const std::vector<HeldRenames>& renames,
                              const std::function<void(Xapian::WritableDatabase&)>& before_commit,
                              PreparedWords* prepared = nullptr);

}  // namespace morgue
