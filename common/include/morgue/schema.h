// The one place that names Xapian term prefixes and value slots. Code and
// tests use these names, never string literals. Conventions follow Omega:
// Q unique id, S title, A author; X... for our own prefixes.
#pragma once

#include <string>
#include <string_view>

#include <cstddef>

#include <xapian.h>

namespace morgue::schema {

// --- Term prefixes -------------------------------------------------------
inline constexpr std::string_view kIdPrefix = "Q";           // unique id (boolean)
inline constexpr std::string_view kTitlePrefix = "S";        // headline words (free text)
inline constexpr std::string_view kAuthorPrefix = "A";       // byline words (free text)
inline constexpr std::string_view kAuthorFilter = "XAU";     // whole byline, lowercased (boolean)
inline constexpr std::string_view kPersonPrefix = "XPN";     // words of people's names (free text)
inline constexpr std::string_view kPersonFilter = "XP";      // canonical person, lowercased (boolean)
// A canonical name the people identity step gave a story that never spelled
// it out: its person words (XPN, as TermGenerator splits them) joined by
// spaces, "XPPjean philippe cotis" (boolean). Those words have no positions
// there, so person:"Jean-Philippe Cotis" matches this term too.
inline constexpr std::string_view kPersonNameKey = "XPP";
inline constexpr std::string_view kSectionPrefix = "XS";     // section path and its parents, lowercased (boolean)
inline constexpr std::string_view kSitePrefix = "H";         // host name of the URL (boolean), as Omega
inline constexpr std::string_view kUrlPrefix = "U";          // full URL (boolean), as Omega
inline constexpr std::string_view kSubjectPrefix = "K";      // subjects/keywords (boolean), as Omega
inline constexpr std::string_view kDayPrefix = "D";          // D20220214 (boolean), as Omega
inline constexpr std::string_view kMonthPrefix = "M";        // M202202
inline constexpr std::string_view kYearPrefix = "Y";         // Y2022
inline constexpr std::string_view kLanguagePrefix = "L";     // language tag
inline constexpr std::string_view kExactDupPrefix = "XH";    // content hash (boolean): exact duplicates; absent when the body is too short to fingerprint
// Databases written before session 9 marked a story filed into another
// story's near-duplicate group with this term; kSlotDupFollower does it now.
// Read for those databases only (a story since made a group's head may keep
// it: its kSlotDupGroup is then its own id).
inline constexpr std::string_view kDupFollower = "XDF";
// A story a first build holds back as a placeholder (its fields, filters,
// values and stored article, without its words) until the people identity
// step has settled its names: store/placeholders.h. None is left once a
// build has finished.
inline constexpr std::string_view kPlaceholder = "XZW";
inline constexpr std::string_view kSimBandPrefix = "XB";     // MinHash LSH band: "XB" + band digit + 8 hex (near-duplicate candidates)

// --- Metadata keys -----------------------------------------------------------
// Per-file indexing state, committed with the documents it describes:
// key kFileStateKey + 16-hex hash of the path (see file_state.h).
inline constexpr std::string_view kFileStateKey = "F";
// The folders indexed into this database (an input file counts as its
// folder), absolute, one a line: the service answers paths relative to them
// (store/file_state.h relative_source).
inline constexpr std::string_view kRootsKey = "roots";
// What the last run's people identity step did (store/canonical_people.h):
// "<version> <stories> <people>". The index writers drop it with any change
// of a story, so that its presence means the step has nothing to do.
inline constexpr std::string_view kPeopleIdentityKey = "XPI";

// --- Value slots -----------------------------------------------------------
inline constexpr Xapian::valueno kSlotDate = 0;         // "YYYYMMDD" (sortable; range queries)
inline constexpr Xapian::valueno kSlotMonth = 1;        // "YYYYMM" (timeline facet)
inline constexpr Xapian::valueno kSlotSection = 2;      // section display form (facet)
inline constexpr Xapian::valueno kSlotPeople = 3;       // people joined by '\n', canonical names (facet)
inline constexpr Xapian::valueno kSlotFingerprint = 4;   // MinHash signature, binary; absent for short bodies (see fingerprint.h)
inline constexpr Xapian::valueno kSlotDupGroup = 5;     // near-duplicate group key (collapse)
inline constexpr Xapian::valueno kSlotDayNumber = 6;    // sortable_serialise(days since 1970) (recency)
inline constexpr Xapian::valueno kSlotSource = 7;       // source path (incremental bookkeeping)
// The full body text, for snippets and --show. Kept in a value slot rather
// than the document data because Xapian zlib-compresses document data, which
// cost a tenth of all indexing time.
inline constexpr Xapian::valueno kSlotBody = 8;
// The body kept in kSlotBody (and shown by /api/article and --show) stops
// after this many bytes (at a character boundary); the whole text is still
// indexed. Bounds what one hit costs a search to read: a 60 MB story cost
// every search that matched it 784 MB (issue 18).
inline constexpr std::size_t kMaxStoredBodyBytes = 1 << 20;
// The unique id again (as in the Q term), so a hit's id is read without its
// term list, which costs a round trip per hit from a remote shard.
inline constexpr Xapian::valueno kSlotId = 9;
// The people as the extractor named them, joined by '\n', once the archive
// has renamed them (kSlotPeople then holds the canonical names; see
// store/canonical_people.h). Absent while they are the same.
inline constexpr Xapian::valueno kSlotPeopleFound = 10;
// What the story's mentions say of its names, kept or dropped by the
// extractor: one line per name, "PERSON THING G NAME" (mentions read as a
// person's, as a thing's, "g" when the name opens with a known given name,
// else "-"). Absent when no name has a cue. Read by the people step, which
// sums it over the archive (store/thing_names.h).
inline constexpr Xapian::valueno kSlotPeopleCues = 11;
// The group key of a story filed into another story's near-duplicate group
// (its kSlotDupGroup is not its own id), absent on every other story: a
// value stream over it visits just the few stories a collapsed count must
// look at. A value, not a term, so that refiling a stored story changes only
// its values (Xapian 1.4 loads every term and position of a story at its
// first term change).
inline constexpr Xapian::valueno kSlotDupFollower = 12;

// --- Weights (wdf increments) ----------------------------------------------
inline constexpr Xapian::termcount kTitleWeight = 5;    // headline words count as 5 body words
inline constexpr Xapian::termcount kLeadWeight = 2;     // first paragraph words count double

// Makes a term from a prefix and a value, adding ':' when Xapian's
// convention needs it (value starting with an upper-case letter).
std::string make_term(std::string_view prefix, std::string_view value);

}  // namespace morgue::schema
