#include "cli_options.h"

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
    "Usage: morgue-serve [--listen 127.0.0.1:8080] [--threads N] [--db DIR] [--strict] [--timeout MS]\n"
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
      ("threads", po::value(&opts.service.threads)->value_name("N"), "with --serve: worker threads (default: 8, or the number of cores if more)");
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

std::optional<CliOptions> parse_command_line(int argc, char** argv, int& exit_code, Program program) {
  CliOptions opts;
  std::vector<std::string> words;
  std::string sort = "relevance", color = "auto", recent;
  std::string listen = "127.0.0.1:8080";
  const bool serve_program = program == Program::kServe;
  const std::string name = serve_program ? "morgue-serve" : "morgue-search";
  const char* gateway = std::getenv("GATEWAY_INTERFACE");
  const bool cgi = !serve_program && gateway && *gateway;
  po::options_description general("Options");
  po::options_description hidden;
  add_common_flags(general, opts);
  add_open_flags(general, opts);
  add_search_flags(serve_program ? hidden : general, opts, sort, recent, color);
  po::options_description filters("Filters");
  add_filter_flags(serve_program ? hidden : filters, opts);
  add_service_flags(general, opts, listen);
  hidden.add_options()("query", po::value(&words));
  po::options_description all;
  all.add(general).add(filters).add(hidden);
  po::positional_options_description positional;
  positional.add("query", -1);
  po::variables_map vm;
  auto fail = [&](const std::string& message) {
    if (cgi) {
      // The web server shows stdout to the client; the details go to its log.
      std::cerr << name << ": " << message << "\n";
      HttpAnswer answer{500, "application/json", R"({"error":"search is misconfigured on this server"})", {}};
      write_cgi_answer(answer, std::cout);
      exit_code = 0;
      return std::nullopt;
    }
    std::cerr << name << ": " << message << "\n" << (serve_program ? kServeUsage : kSearchUsage);
    exit_code = 2;
    return std::nullopt;
  };
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    if (!vm.count("db")) {
      if (const char* env = std::getenv("MORGUE_DB"); env && *env) opts.service.db_path = env;
    }
    po::notify(vm);
  } catch (const po::error& e) {
    return fail(e.what());
  }
  if (vm.count("help") && !cgi) {
    std::cout << (serve_program ? kServeUsage : kSearchUsage) << "\n" << general;
    if (!serve_program) std::cout << "\n" << filters;
    exit_code = 0;
    return std::nullopt;
  }
  if (cgi) {
    opts.mode = Mode::kCgi;
    words.clear();
  } else if (serve_program || vm.count("serve")) {
    opts.mode = Mode::kServe;
    if (!words.empty()) return fail(serve_program ? "the service takes no query" : "--serve takes no query");
    if (!parse_listen(listen, opts.service.host, opts.service.port)) {
      return fail("cannot read --listen '" + listen + "' (HOST:PORT, e.g. 127.0.0.1:8080 or [::1]:8080)");
    }
  } else if (vm.count("show")) {
    opts.mode = Mode::kShow;
  } else if (words.empty() && opts.request.like_id.empty() && opts.request.filters.empty() && !vm.count("date")) {
    // On a terminal, no query means an interactive session.
    if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO) || vm.count("json")) return fail("no query given");
    opts.mode = Mode::kInteractive;
  }
  for (const auto& w : words) {
    if (!opts.request.query.empty()) opts.request.query += ' ';
    opts.request.query += w;
  }
  if (vm.count("date") && opts.request.filters.date.empty()) return fail("--date must not be empty");
  if (std::string problem = check_filters(opts.request.filters); !problem.empty()) return fail(problem);
  if (vm.count("like") && !is_article_id(opts.request.like_id)) {
    return fail("--like takes a story's id: 16 hex digits, as search results show it");
  }
  if (auto order = parse_sort_order(sort)) opts.request.sort = *order;
  else return fail("unknown --sort '" + sort + "' (" + std::string(sort_order_names()) + ")");
  if (!recent.empty()) {
    opts.request.recent_half_life_days = parse_half_life(recent);
    if (!opts.request.recent_half_life_days) return fail("cannot read --recent '" + recent + "' (e.g. 30d, 2w, 6m, 1y)");
  }
  if (opts.request.limit > 1000) return fail("--limit is at most 1000");
  opts.request.facets = vm.count("facets") > 0;
  opts.request.all_versions = vm.count("all-versions") > 0;
  opts.service.open.strict = vm.count("strict") > 0;
  if (vm.count("timeout")) {
    if (opts.service.open.timeout_ms == 0) return fail("--timeout must be at least 1 (milliseconds)");
    opts.service.open.connect_timeout_ms = opts.service.open.timeout_ms;
  }
  opts.output = vm.count("json") ? Output::kJson : Output::kTerminal;
  const char* no_color = std::getenv("NO_COLOR");
  if (color == "always") opts.color = true;
  else if (color == "never") opts.color = false;
  else if (color == "auto") opts.color = isatty(STDOUT_FILENO) && !(no_color && *no_color);
  else return fail("unknown --color '" + color + "' (auto, always, never)");
  return opts;
}

}  // namespace morgue::search_cli
