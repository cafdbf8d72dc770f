#include "cli_options.h"

#include <cstdint>
#include <cstdlib>
#include <iostream>

#include <boost/program_options.hpp>
#include <unistd.h>

namespace morgue::search_cli {
namespace po = boost::program_options;

namespace {

const char* kSearchUsage =
    "Usage: morgue-search [OPTIONS] QUERY...   search the archive\n"
    "       morgue-search --show ID [--db DIR]  print one stored story\n"
    "       morgue-search --like ID [QUERY...]  stories like that one (QUERY narrows them)\n"
    "       morgue-search --serve [--listen 127.0.0.1:8080] [--db DIR]  HTTP service and search page\n"
    "       (as a CGI program, when GATEWAY_INTERFACE is set: answers QUERY_STRING as /api/search)\n"
    "\n"
    "Query language: words, \"phrases\", AND OR NOT, +word -word, NEAR, (brackets),\n"
    "title: person: author: section: site: url: subject:, word*, and dates:\n"
    "date:2022-02-14 date:2022-02 date:2022 date:2022-02-01..2022-03-15 date:..1999\n"
    "after:2021 before:2020-06 since:yesterday, today, 'last week', 'past 30 days'.\n"
    "\n"
    "Filters (--section, --person, --author, --site, --date) are data, not query text:\n"
    "--section World --person 'Sergey Lavrov' --date 2022-02 (give a flag again for more values).\n"
    "\n"
    "Exit codes: 0 stories match (also for a page past the end), 1 no story matches,\n"
    "2 error (bad query, unknown --like id, missing database).\n";

const char* kServeUsage =
    "Usage: morgue-serve [--listen 127.0.0.1:8080] [--threads N] [--max-connections N] [--db DIR] [--strict] [--timeout MS]\n"
    "                    [--count-budget N]\n"
    "HTTP service and search page (docs/web.md); `morgue-search --serve ...` runs this.\n"
    "Stops cleanly on SIGINT or SIGTERM. Exit codes: 0 after a clean stop, 2 error.\n";

// The flags in groups, so that morgue-serve's help shows only the ones it uses
// while still accepting every flag morgue-search --serve accepts.
void add_common_flags(po::options_description& flags, CliOptions& opts) {
  flags.add_options()
      ("help,h", "show this help")
      ("db,d", po::value(&opts.service.db_path)->value_name("PATH"), "database directory or stub file (default: morgue-db, or $MORGUE_DB)");
}

// How the database is opened (OpenOptions): every mode, the service too.
void add_open_flags(po::options_description& flags, CliOptions& opts) {
  flags.add_options()
      ("strict", "with shards: fail (exit 2; the service: 503) when a shard is down instead of answering from the others")
      ("timeout", po::value(&opts.service.open.timeout_ms)->value_name("MS"),
       "with remote shards: give up on a shard after MS milliseconds (default: 10000)");
}

// How much work one search may spend counting (SearchRequest::count_budget,
// ServiceOptions::count_budget): the search and the service alike.
void add_budget_flags(po::options_description& flags, std::string& count_budget) {
  const std::string help =
      "postings one search may read to count its matches and facets exactly; past it the total is an estimate "
      "and the facets cover part of the matches, with a warning (default: " +
      std::to_string(kDefaultCountBudget) + "; 0: no limit)";
  flags.add_options()("count-budget", po::value(&count_budget)->value_name("N"), help.c_str());
}

void add_search_flags(po::options_description& flags, CliOptions& opts, std::string& sort, std::string& recent,
                      std::string& color) {
  flags.add_options()
      ("limit,n", po::value(&opts.request.limit)->value_name("N"), "hits to show (default: 10)")
      ("offset", po::value(&opts.request.offset)->value_name("N"), "skip this many hits (default: 0)")
      ("sort", po::value(&sort)->value_name("ORDER"), "relevance, date (newest first), newest or oldest")
      ("recent", po::value(&recent)->value_name("HALF-LIFE"), "prefer recent stories: 30d, 2w, 6m, 1y")
      ("facets", "show sections, people and a timeline for all matches")
      ("all-versions", "list every version of wire copy instead of one hit")
      ("json", "print one JSON object (see docs/json.md)")
      ("color", po::value(&color)->value_name("WHEN"), "auto, always or never (NO_COLOR is honoured)")
      ("show", po::value(&opts.show_id)->value_name("ID"), "print the stored story with this id");
}

// Structured filters (SearchFilters), applied by the core as boolean terms.
void add_filter_flags(po::options_description& flags, CliOptions& opts) {
  SearchFilters& f = opts.request.filters;
  flags.add_options()
      ("section", po::value(&f.sections)->value_name("NAME"), "only this section and its sub-sections (repeatable)")
      ("person", po::value(&f.people)->value_name("NAME"), "only stories naming this person (repeatable: all of them)")
      ("author", po::value(&f.authors)->value_name("BYLINE"), "only stories with this byline (repeatable)")
      ("site", po::value(&f.sites)->value_name("HOST"), "only stories from this host, e.g. example.com (repeatable)")
      ("date", po::value(&f.date)->value_name("SPAN"), "2022, 2022-02, 2022-02-14, 2022-02-01..2022-03-15 or ..1999")
      ("like", po::value(&opts.request.like_id)->value_name("ID"),
       "stories like the stored story with this id (--show ID prints it)");
}

void add_service_flags(po::options_description& flags, CliOptions& opts, std::string& listen) {
  flags.add_options()
      ("serve", "run the HTTP service and search page (docs/web.md)")
      ("listen", po::value(&listen)->value_name("HOST:PORT"), "with --serve: address to listen on (default: 127.0.0.1:8080; port 0: any free port)")
      ("threads", po::value(&opts.service.threads)->value_name("N"), "with --serve: searches run at once, more wait their turn (default: twice the cores, at least 4)")
      ("max-connections", po::value(&opts.service.max_connections)->value_name("N"),
       "with --serve: connections open at once; more get an immediate 503 (default: 1024)")
      ("absolute-paths", po::bool_switch(&opts.service.absolute_paths),
       "with --serve: answer each story's full source path (default: relative to the folder it was indexed from)");
}

}  // namespace

bool parse_listen(const std::string& text, std::string& host, int& port) {
  auto colon = text.rfind(':');
  if (colon == std::string::npos || colon == 0) return false;
  std::string h = text.substr(0, colon), p = text.substr(colon + 1);
  if (h.size() > 2 && h.front() == '[' && h.back() == ']') h = h.substr(1, h.size() - 2);
  else if (h.find(':') != std::string::npos) return false;  // IPv6 needs [brackets]
  if (p.empty() || p.size() > 5 || p.find_first_not_of("0123456789") != std::string::npos) return false;
  int n = std::stoi(p);
  if (n > 65535) return false;
  host = h;
  port = n;
  return true;
}

namespace {

// Who parses: the program's name for messages, and whether this is
// morgue-serve or a CGI request.
struct Caller {
  bool serve_program = false;
  bool cgi = false;
  std::string name;
  const char* usage = kSearchUsage;
};

Caller caller_of(Program program) {
  Caller caller;
  caller.serve_program = program == Program::kServe;
  caller.name = caller.serve_program ? "morgue-serve" : "morgue-search";
  caller.usage = caller.serve_program ? kServeUsage : kSearchUsage;
  const char* gateway = std::getenv("GATEWAY_INTERFACE");
  caller.cgi = !caller.serve_program && gateway && *gateway;
  return caller;
}

// The most hits one run of morgue-search prints (the service caps `limit`
// lower, ServiceOptions::max_limit).
constexpr std::size_t kMaxLimit = 1000;

// Flag values that are checked and converted after parsing.
struct RawFlags {
  std::vector<std::string> words;  // the query, one argument a word
  std::string sort = "relevance", color = "auto", recent;
  std::string listen = "127.0.0.1:8080";
  std::string count_budget;        // --count-budget, checked by finish_budget
};

// Every group, bound to `opts` and `raw`. morgue-serve's help shows only the
// groups it uses; it still accepts every flag morgue-search --serve accepts.
struct Flags {
  po::options_description general{"Options"}, filters{"Filters"}, hidden, all;
  po::positional_options_description positional;

  Flags(CliOptions& opts, RawFlags& raw, bool serve_program) {
    add_common_flags(general, opts);
    add_open_flags(general, opts);
    add_budget_flags(general, raw.count_budget);
    add_search_flags(serve_program ? hidden : general, opts, raw.sort, raw.recent, raw.color);
    add_filter_flags(serve_program ? hidden : filters, opts);
    add_service_flags(general, opts, raw.listen);
    hidden.add_options()("query", po::value(&raw.words));
    all.add(general).add(filters).add(hidden);
    positional.add("query", -1);
  }
};

// A bad command line: the message and usage on stderr, exit 2; in CGI mode
// an answer for the client instead (the web server shows stdout to the
// client; the details go to its log), exit 0.
std::nullopt_t fail(const Caller& caller, const std::string& message, int& exit_code) {
  std::cerr << caller.name << ": " << message << "\n";
  if (caller.cgi) {
    HttpAnswer answer{500, "application/json", R"({"error":"search is misconfigured on this server"})", {}};
    write_cgi_answer(answer, std::cout);
    exit_code = 0;
  } else {
    std::cerr << caller.usage;
    exit_code = 2;
  }
  return std::nullopt;
}

// Each step below checks one group's values and fills its part of the
// options; "" when fine, else the message for the user.

std::string choose_mode(const po::variables_map& vm, const Caller& caller, RawFlags& raw, CliOptions& opts) {
  if (caller.cgi) {
    opts.mode = Mode::kCgi;
    raw.words.clear();  // servers pass ISINDEX-style queries as argv
  } else if (caller.serve_program || vm.count("serve")) {
    opts.mode = Mode::kServe;
    if (!raw.words.empty()) return caller.serve_program ? "the service takes no query" : "--serve takes no query";
    if (!parse_listen(raw.listen, opts.service.host, opts.service.port)) {
      return "cannot read --listen '" + raw.listen + "' (HOST:PORT, e.g. 127.0.0.1:8080 or [::1]:8080)";
    }
  } else if (vm.count("show")) {
    opts.mode = Mode::kShow;
  } else if (raw.words.empty() && opts.request.like_id.empty() && opts.request.filters.empty() && !vm.count("date")) {
    // On a terminal, no query means an interactive session.
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO) || vm.count("json")) return "no query given";
    opts.mode = Mode::kInteractive;
  }
  return "";
}

std::string finish_request(const po::variables_map& vm, const RawFlags& raw, SearchRequest& request) {
  for (const auto& w : raw.words) {
    if (!request.query.empty()) request.query += ' ';
    request.query += w;
  }
  if (vm.count("date") && request.filters.date.empty()) return "--date must not be empty";
  if (std::string problem = check_filters(request.filters); !problem.empty()) return problem;
  if (vm.count("like") && !is_article_id(request.like_id)) {
    return "--like takes a story's id: 16 hex digits, as search results show it";
  }
  auto order = parse_sort_order(raw.sort);
  if (!order) return "unknown --sort '" + raw.sort + "' (" + std::string(sort_order_names()) + ")";
  request.sort = *order;
  if (!raw.recent.empty()) {
    request.recent_half_life_days = parse_half_life(raw.recent);
    if (!request.recent_half_life_days) return "cannot read --recent '" + raw.recent + "' (e.g. 30d, 2w, 6m, 1y)";
  }
  if (request.limit > kMaxLimit) return "--limit is at most " + std::to_string(kMaxLimit);
  request.facets = vm.count("facets") > 0;
  request.all_versions = vm.count("all-versions") > 0;
  return "";
}

std::string finish_open(const po::variables_map& vm, OpenOptions& open) {
  open.strict = vm.count("strict") > 0;
  if (vm.count("timeout")) {
    if (open.timeout_ms == 0) return "--timeout must be at least 1 (milliseconds)";
    open.connect_timeout_ms = open.timeout_ms;
  }
  return "";
}

// --count-budget N: a whole number (0: no limit), for the search and the service.
std::string finish_budget(const po::variables_map& vm, const std::string& text, CliOptions& opts) {
  if (!vm.count("count-budget")) return "";
  const std::string problem = "cannot read --count-budget '" + text + "' (a whole number of postings; 0: no limit)";
  if (text.empty() || text.size() > 19 || text.find_first_not_of("0123456789") != std::string::npos) return problem;
  const std::uint64_t budget = std::stoull(text);
  opts.request.count_budget = budget;
  opts.service.count_budget = budget;
  return "";
}

std::string finish_output(const po::variables_map& vm, const std::string& color, CliOptions& opts) {
  opts.output = vm.count("json") ? Output::kJson : Output::kTerminal;
  const char* no_color = std::getenv("NO_COLOR");
  if (color == "always") opts.color = true;
  else if (color == "never") opts.color = false;
  else if (color == "auto") opts.color = isatty(STDOUT_FILENO) && !(no_color && *no_color);
  else return "unknown --color '" + color + "' (auto, always, never)";
  return "";
}

}  // namespace

std::optional<CliOptions> parse_command_line(int argc, char** argv, int& exit_code, Program program) {
  const Caller caller = caller_of(program);
  CliOptions opts;
  RawFlags raw;
  Flags flags(opts, raw, caller.serve_program);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(flags.all).positional(flags.positional).run(), vm);
    if (!vm.count("db")) {
      if (const char* env = std::getenv("MORGUE_DB"); env && *env) opts.service.db_path = env;
    }
    po::notify(vm);
  } catch (const po::error& e) {
    return fail(caller, e.what(), exit_code);
  }
  if (vm.count("help") && !caller.cgi) {
    std::cout << caller.usage << "\n" << flags.general;
    if (!caller.serve_program) std::cout << "\n" << flags.filters;
    exit_code = 0;
    return std::nullopt;
  }
  std::string problem = choose_mode(vm, caller, raw, opts);
  if (problem.empty()) problem = finish_request(vm, raw, opts.request);
  if (problem.empty()) problem = finish_open(vm, opts.service.open);
  if (problem.empty()) problem = finish_budget(vm, raw.count_budget, opts);
  if (problem.empty()) problem = finish_output(vm, raw.color, opts);
  if (!problem.empty()) return fail(caller, problem, exit_code);
  return opts;
}

}  // namespace morgue::search_cli
