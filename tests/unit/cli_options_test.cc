// The command lines of morgue-index, morgue-search and morgue-serve parsed
// into their options structs. Every flag that --help lists has a row here
// that checks the field it must change, so a flag that parses but is dropped
// on the way (as --strict and --timeout once were for morgue-serve) fails.
#include <cstdlib>
#include <functional>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "indexer/cli_options.h"
#include "searcher/cli_options.h"

namespace morgue {
namespace {

// argv for a parse_command_line: the program name, then `args`.
class Argv {
 public:
  Argv(std::string program, const std::vector<std::string>& args) : words_{std::move(program)} {
    words_.insert(words_.end(), args.begin(), args.end());
    for (auto& w : words_) pointers_.push_back(w.data());
    pointers_.push_back(nullptr);
  }
  int argc() const { return static_cast<int>(words_.size()); }
  char** argv() { return pointers_.data(); }

 private:
  std::vector<std::string> words_;
  std::vector<char*> pointers_;
};

// Runs `parse` with std::cout and std::cerr captured; returns what went to stdout.
template <typename Parse>
std::string captured(Parse parse) {
  std::ostringstream out, err;
  auto* old_out = std::cout.rdbuf(out.rdbuf());
  auto* old_err = std::cerr.rdbuf(err.rdbuf());
  parse();
  std::cout.rdbuf(old_out);
  std::cerr.rdbuf(old_err);
  return out.str();
}

// The --flags a help text names.
std::set<std::string> flags_in(const std::string& help) {
  // "--" then a lower-case letter, then letters and dashes. (A plain scan:
  // std::regex trips GCC 12's -Wmaybe-uninitialized in the sanitizer build.)
  std::set<std::string> flags;
  auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
  for (std::size_t at = help.find("--"); at != std::string::npos; at = help.find("--", at + 2)) {
    std::size_t end = at + 2;
    if (end >= help.size() || !lower(help[end])) continue;
    while (end < help.size() && (lower(help[end]) || help[end] == '-')) ++end;
    flags.insert(help.substr(at + 2, end - at - 2));
  }
  flags.erase("help");
  return flags;
}

// The environment must not pick a database or turn the search into CGI.
void clear_environment() {
  unsetenv("MORGUE_DB");
  unsetenv("GATEWAY_INTERFACE");
}

// ---- sort orders, one parser for every front end ------------------------------

TEST(ParseSortOrder, Table) {
  struct Case {
    const char* name;
    std::optional<SortOrder> order;
  } cases[] = {
      {"relevance", SortOrder::kRelevance}, {"date", SortOrder::kNewest}, {"newest", SortOrder::kNewest},
      {"oldest", SortOrder::kOldest},       {"", std::nullopt},           {"Date", std::nullopt},
      {"sideways", std::nullopt},           {"relevance ", std::nullopt},
  };
  for (const auto& c : cases) EXPECT_EQ(parse_sort_order(c.name), c.order) << c.name;
  // Every name the messages list parses.
  std::string names(sort_order_names());
  for (const char* name : {"relevance", "date", "newest", "oldest"}) {
    EXPECT_NE(names.find(name), std::string::npos) << name;
  }
}

TEST(ParseSortOrder, EveryFrontEndTakesTheSameNames) {
  clear_environment();
  for (const char* name : {"relevance", "date", "newest", "oldest"}) {
    Argv argv("morgue-search", {"--sort", name, "w"});
    int exit_code = -1;
    std::optional<search_cli::CliOptions> opts;
    captured([&] { opts = search_cli::parse_command_line(argv.argc(), argv.argv(), exit_code); });
    ASSERT_TRUE(opts) << name;
    EXPECT_EQ(opts->request.sort, parse_sort_order(name)) << name;
  }
}

// ---- morgue-search and morgue-serve -----------------------------------------

using SearchOptions = search_cli::CliOptions;

std::optional<SearchOptions> parse_search(const std::vector<std::string>& args,
                                          search_cli::Program program = search_cli::Program::kSearch) {
  Argv argv(program == search_cli::Program::kServe ? "morgue-serve" : "morgue-search", args);
  int exit_code = -1;
  std::optional<SearchOptions> opts;
  captured([&] { opts = search_cli::parse_command_line(argv.argc(), argv.argv(), exit_code, program); });
  return opts;
}

struct SearchFlag {
  std::string flag;                 // as --help names it
  std::vector<std::string> args;    // a command line using it
  std::function<bool(const SearchOptions&)> took_effect;
  bool serve = false;               // morgue-serve must honour it too
};

const std::vector<SearchFlag>& search_flags() {
  static const std::vector<SearchFlag> flags = {
      {"db", {"--db", "/srv/x", "w"}, [](const SearchOptions& o) { return o.service.db_path == "/srv/x"; }, true},
      {"limit", {"--limit", "7", "w"}, [](const SearchOptions& o) { return o.request.limit == 7; }},
      {"offset", {"--offset", "3", "w"}, [](const SearchOptions& o) { return o.request.offset == 3; }},
      {"sort", {"--sort", "oldest", "w"}, [](const SearchOptions& o) { return o.request.sort == SortOrder::kOldest; }},
      {"recent", {"--recent", "2w", "w"}, [](const SearchOptions& o) { return o.request.recent_half_life_days == 14; }},
      {"facets", {"--facets", "w"}, [](const SearchOptions& o) { return o.request.facets; }},
      {"all-versions", {"--all-versions", "w"}, [](const SearchOptions& o) { return o.request.all_versions; }},
      {"strict", {"--strict", "w"}, [](const SearchOptions& o) { return o.service.open.strict; }, true},
      {"timeout",
       {"--timeout", "250", "w"},
       [](const SearchOptions& o) { return o.service.open.timeout_ms == 250 && o.service.open.connect_timeout_ms == 250; },
       true},
      {"count-budget",
       {"--count-budget", "5000", "w"},
       [](const SearchOptions& o) { return o.request.count_budget == 5000 && o.service.count_budget == 5000; },
       true},
      {"json", {"--json", "w"}, [](const SearchOptions& o) { return o.output == search_cli::Output::kJson; }},
      {"color", {"--color", "always", "w"}, [](const SearchOptions& o) { return o.color; }},
      {"show",
       {"--show", "0123456789abcdef"},
       [](const SearchOptions& o) { return o.mode == search_cli::Mode::kShow && o.show_id == "0123456789abcdef"; }},
      {"serve", {"--serve"}, [](const SearchOptions& o) { return o.mode == search_cli::Mode::kServe; }},
      {"listen",
       {"--serve", "--listen", "[::1]:9090"},
       [](const SearchOptions& o) { return o.service.host == "::1" && o.service.port == 9090; },
       true},
      {"threads", {"--serve", "--threads", "3"}, [](const SearchOptions& o) { return o.service.threads == 3; }, true},
      {"max-connections", {"--serve", "--max-connections", "7"},
       [](const SearchOptions& o) { return o.service.max_connections == 7; }, true},
      {"absolute-paths", {"--serve", "--absolute-paths"},
       [](const SearchOptions& o) { return o.service.absolute_paths; }, true},
      {"section", {"--section", "World"}, [](const SearchOptions& o) { return o.request.filters.sections.size() == 1; }},
      {"person", {"--person", "Ann Lee"}, [](const SearchOptions& o) { return o.request.filters.people.size() == 1; }},
      {"author", {"--author", "Bo Ek"}, [](const SearchOptions& o) { return o.request.filters.authors.size() == 1; }},
      {"site", {"--site", "example.com"}, [](const SearchOptions& o) { return o.request.filters.sites.size() == 1; }},
      {"date", {"--date", "2022"}, [](const SearchOptions& o) { return o.request.filters.date == "2022"; }},
      {"like",
       {"--like", "0123456789abcdef"},
       [](const SearchOptions& o) { return o.request.like_id == "0123456789abcdef"; }},
  };
  return flags;
}

TEST(SearchCommandLine, EveryFlagInHelpHasARow) {
  clear_environment();
  std::string help = captured([] {
    Argv argv("morgue-search", {"--help"});
    int exit_code = -1;
    EXPECT_FALSE(search_cli::parse_command_line(argv.argc(), argv.argv(), exit_code));
    EXPECT_EQ(exit_code, 0);
  });
  std::set<std::string> rows;
  for (const auto& f : search_flags()) rows.insert(f.flag);
  for (const auto& flag : flags_in(help)) EXPECT_TRUE(rows.count(flag)) << "--" << flag << " has no row here";
}

TEST(SearchCommandLine, EveryFlagReachesItsField) {
  clear_environment();
  auto defaults = parse_search({"w"});
  ASSERT_TRUE(defaults);
  for (const auto& f : search_flags()) {
    auto opts = parse_search(f.args);
    ASSERT_TRUE(opts) << "--" << f.flag;
    EXPECT_TRUE(f.took_effect(*opts)) << "--" << f.flag << " did not reach its field";
    EXPECT_FALSE(f.took_effect(*defaults)) << "--" << f.flag << ": the row checks a default";
  }
}

// Bad command lines: no options, exit 2, and a message naming the problem.
TEST(SearchCommandLine, BadCommandLinesAreUsageErrors) {
  clear_environment();
  struct Case {
    std::vector<std::string> args;
    const char* message;
  } cases[] = {
      {{"--limit", "1001", "w"}, "--limit is at most 1000"},
      {{"--sort", "sideways", "w"}, "relevance, date, newest or oldest"},
      {{"--timeout", "0", "w"}, "--timeout must be at least 1"},
      {{"--color", "sometimes", "w"}, "unknown --color"},
      {{"--count-budget=-1", "w"}, "cannot read --count-budget"},
      {{"--count-budget", "lots", "w"}, "cannot read --count-budget"},
      {{"--count-budget", "99999999999999999999", "w"}, "cannot read --count-budget"},
      {{"--recent", "soon", "w"}, "cannot read --recent"},
      {{"--like", "xyz"}, "--like takes a story's id"},
      {{"--date", ""}, "--date must not be empty"},
      {{"--serve", "w"}, "--serve takes no query"},
      {{"--serve", "--listen", "nowhere"}, "cannot read --listen"},
      {{"--no-such-flag", "w"}, "no-such-flag"},
  };
  for (const auto& c : cases) {
    Argv argv("morgue-search", c.args);
    int exit_code = -1;
    std::optional<SearchOptions> opts;
    std::ostringstream err;
    auto* old_err = std::cerr.rdbuf(err.rdbuf());
    opts = search_cli::parse_command_line(argv.argc(), argv.argv(), exit_code);
    std::cerr.rdbuf(old_err);
    EXPECT_FALSE(opts) << c.message;
    EXPECT_EQ(exit_code, 2) << c.message;
    EXPECT_EQ(err.str().rfind("morgue-search: ", 0), 0u) << err.str();
    EXPECT_NE(err.str().find(c.message), std::string::npos) << err.str();
  }
}

// morgue-serve takes morgue-search's whole command line; the flags the
// service uses must reach ServiceOptions (and its OpenOptions).
TEST(ServeCommandLine, ServiceFlagsReachServiceOptions) {
  clear_environment();
  auto defaults = parse_search({}, search_cli::Program::kServe);
  ASSERT_TRUE(defaults);
  EXPECT_EQ(defaults->mode, search_cli::Mode::kServe);
  for (const auto& f : search_flags()) {
    if (!f.serve) continue;
    std::vector<std::string> args;
    for (const auto& a : f.args) {
      if (a != "w" && a != "--serve") args.push_back(a);
    }
    auto opts = parse_search(args, search_cli::Program::kServe);
    ASSERT_TRUE(opts) << "--" << f.flag;
    EXPECT_EQ(opts->mode, search_cli::Mode::kServe);
    EXPECT_TRUE(f.took_effect(*opts)) << "--" << f.flag << " did not reach ServiceOptions";
    EXPECT_FALSE(f.took_effect(*defaults)) << "--" << f.flag;
  }
}

TEST(ServeCommandLine, HelpListsTheServiceFlags) {
  clear_environment();
  std::string help = captured([] {
    Argv argv("morgue-serve", {"--help"});
    int exit_code = -1;
    EXPECT_FALSE(search_cli::parse_command_line(argv.argc(), argv.argv(), exit_code, search_cli::Program::kServe));
  });
  std::set<std::string> rows;
  for (const auto& f : search_flags()) {
    if (f.serve || f.flag == "serve") rows.insert(f.flag);
  }
  for (const auto& flag : flags_in(help)) EXPECT_TRUE(rows.count(flag)) << "--" << flag;
}

// ---- morgue-index -------------------------------------------------------------

using IndexCli = cli::CliOptions;

std::optional<IndexCli> parse_index(const std::vector<std::string>& args) {
  Argv argv("morgue-index", args);
  int exit_code = -1;
  std::optional<IndexCli> opts;
  captured([&] { opts = cli::parse_command_line(argv.argc(), argv.argv(), exit_code); });
  return opts;
}

struct IndexFlag {
  std::string flag;
  std::vector<std::string> args;
  std::function<bool(const IndexCli&)> took_effect;
};

const std::vector<IndexFlag>& index_flags() {
  static const std::vector<IndexFlag> flags = {
      {"db", {"--db", "/srv/x", "in"}, [](const IndexCli& o) { return o.index.db_path == "/srv/x"; }},
      {"extract", {"--extract", "in"}, [](const IndexCli& o) { return o.mode == cli::Mode::kExtract; }},
      {"stats", {"--stats"}, [](const IndexCli& o) { return o.mode == cli::Mode::kStats; }},
      {"compact", {"--compact", "--db", "/nonexistent/db"}, [](const IndexCli& o) { return o.mode == cli::Mode::kCompact; }},
      {"jobs", {"--jobs", "3", "in"}, [](const IndexCli& o) { return o.index.jobs == 3; }},
      {"batch", {"--batch", "7", "in"}, [](const IndexCli& o) { return o.index.batch_size == 7; }},
      {"prune", {"--prune", "in"}, [](const IndexCli& o) { return o.index.prune; }},
      {"shard-by", {"--shard-by", "hash:4", "in"}, [](const IndexCli& o) { return o.index.shard_by == "hash:4"; }},
      {"format", {"--format", "html", "in"}, [](const IndexCli& o) { return o.index.extract.format == Format::kHtml; }},
      {"max-file-mb",
       {"--max-file-mb", "2", "in"},
       [](const IndexCli& o) { return o.index.extract.max_file_bytes == std::size_t{2} << 20; }},
      {"max-memory",
       {"--max-memory", "300", "in"},
       [](const IndexCli& o) { return o.index.max_memory == std::size_t{300} << 20; }},
      {"follow-outside-links", {"--follow-outside-links", "in"}, [](const IndexCli& o) { return o.index.follow_outside_links; }},
      {"no-people", {"--no-people", "in"}, [](const IndexCli& o) { return !o.people; }},
      {"no-canonical-people", {"--no-canonical-people", "in"}, [](const IndexCli& o) { return !o.index.canonical_people; }},
      {"json", {"--json", "in"}, [](const IndexCli& o) { return o.json; }},
      {"quiet", {"--quiet", "in"}, [](const IndexCli& o) { return o.quiet; }},
  };
  return flags;
}

TEST(IndexCommandLine, EveryFlagInHelpHasARow) {
  clear_environment();
  std::string help = captured([] {
    Argv argv("morgue-index", {"--help"});
    int exit_code = -1;
    EXPECT_FALSE(cli::parse_command_line(argv.argc(), argv.argv(), exit_code));
    EXPECT_EQ(exit_code, 0);
  });
  std::set<std::string> rows;
  for (const auto& f : index_flags()) rows.insert(f.flag);
  for (const auto& flag : flags_in(help)) EXPECT_TRUE(rows.count(flag)) << "--" << flag << " has no row here";
}

TEST(IndexCommandLine, BadCommandLinesAreUsageErrors) {
  clear_environment();
  struct Case {
    std::vector<std::string> args;
    const char* message;
  } cases[] = {
      {{}, "no files or directories given"},
      {{"--stats", "--compact"}, "choose one of --extract, --stats and --compact"},
      {{"--stats", "in"}, "--stats and --compact take no paths"},
      {{"--format", "pdf", "in"}, "unknown --format 'pdf'"},
      {{"--batch", "0", "in"}, "--batch must be at least 1"},
      {{"--shard-by", "month", "in"}, "cannot read --shard-by 'month'"},
      {{"--jobs", "many", "in"}, "jobs"},
      {{"--max-memory", "0", "in"}, "--max-memory must be at least 1 (MB)"},
      {{"--canonical-people", "--no-canonical-people", "in"}, "give --canonical-people or --no-canonical-people, not both"},
  };
  for (const auto& c : cases) {
    Argv argv("morgue-index", c.args);
    int exit_code = -1;
    std::ostringstream err;
    auto* old_err = std::cerr.rdbuf(err.rdbuf());
    auto opts = cli::parse_command_line(argv.argc(), argv.argv(), exit_code);
    std::cerr.rdbuf(old_err);
    EXPECT_FALSE(opts) << c.message;
    EXPECT_EQ(exit_code, 2) << c.message;
    EXPECT_EQ(err.str().rfind("morgue-index: ", 0), 0u) << err.str();
    EXPECT_NE(err.str().find(c.message), std::string::npos) << err.str();
  }
}

TEST(IndexCommandLine, EveryFlagReachesItsField) {
  clear_environment();
  auto defaults = parse_index({"in"});
  ASSERT_TRUE(defaults);
  for (const auto& f : index_flags()) {
    auto opts = parse_index(f.args);
    ASSERT_TRUE(opts) << "--" << f.flag;
    EXPECT_TRUE(f.took_effect(*opts)) << "--" << f.flag << " did not reach its field";
    EXPECT_FALSE(f.took_effect(*defaults)) << "--" << f.flag << ": the row checks a default";
  }
}

TEST(IndexCommandLine, CanonicalPeopleIsTheDefault) {
  clear_environment();
  auto defaults = parse_index({"in"});
  ASSERT_TRUE(defaults);
  EXPECT_TRUE(defaults->index.canonical_people);
  auto given = parse_index({"--canonical-people", "in"});  // the old flag still parses
  ASSERT_TRUE(given);
  EXPECT_TRUE(given->index.canonical_people);
}

}  // namespace
}  // namespace morgue
