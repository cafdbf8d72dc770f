// morgue-search: turns flags into a SearchRequest and prints the response.
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "cli_options.h"
#include "crash_report.h"
#include "interactive.h"
#include "morgue/printer.h"
#include "morgue/search.h"
#include "morgue/service.h"

namespace {

using namespace morgue;

int show(const search_cli::CliOptions& opts) {
  Searcher searcher(opts.service.db_path, opts.service.open);
  auto article = searcher.article(opts.show_id);
  if (!article) {
    std::cerr << "morgue-search: no story with id " << opts.show_id << "\n";
    return 1;
  }
  std::ostringstream text;
  print_article(*article, opts.show_id, TerminalStyle{opts.color, true}, text);
  search_cli::page_output(text.str());
  return 0;
}

int search(const search_cli::CliOptions& opts) {
  Searcher searcher(opts.service.db_path, opts.service.open);
  // An unknown --like id is an error (exit 2), not an empty result.
  if (!opts.request.like_id.empty() && !searcher.article(opts.request.like_id)) {
    std::cerr << "morgue-search: no story with id " << opts.request.like_id << " (--like)\n";
    return 2;
  }
  SearchResponse response = searcher.search(opts.request);
  if (opts.output == search_cli::Output::kJson) {
    std::cout << response_to_json(response) << "\n";
  } else {
    print_terminal(response, TerminalStyle{opts.color, false}, std::cout);
  }
  // A page past the end still found stories: 1 only when nothing matches.
  return response.total == 0 ? 1 : 0;
}

// The service is morgue-serve, the one program that links cpp-httplib (and
// through it OpenSSL and brotli, which a search run once per query should not
// load). Runs the morgue-serve installed beside this program, else the first on
// PATH, in this process with the same arguments; returns only when exec fails.
int exec_serve(int argc, char** argv) {
  std::string path = "morgue-serve";
  std::error_code error;
  auto self = std::filesystem::read_symlink("/proc/self/exe", error);
  if (!error && std::filesystem::exists(self.parent_path() / path, error)) path = self.parent_path() / path;
  std::vector<char*> args(argv, argv + argc);
  args[0] = path.data();
  args.push_back(nullptr);
  std::cout.flush();
  if (path.find('/') != std::string::npos) execv(path.c_str(), args.data());
  else execvp(path.c_str(), args.data());
  std::cerr << "morgue-search: cannot start morgue-serve: " << std::strerror(errno) << "\n";
  return 2;
}

// One CGI request: errors are answers (Status: 4xx/5xx), so the exit code is 0.
int cgi(const search_cli::CliOptions& opts) {
  Service service(opts.service);
  write_cgi_answer(service.handle(cgi_request_from_environment()), std::cout);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  int exit_code = 0;
  auto opts = search_cli::parse_command_line(argc, argv, exit_code);
  if (!opts) return exit_code;
  search_cli::report_crashes("morgue-search", opts->service.db_path);
  try {
    switch (opts->mode) {
      case search_cli::Mode::kShow: return show(*opts);
      case search_cli::Mode::kServe: return exec_serve(argc, argv);
      case search_cli::Mode::kCgi: return cgi(*opts);
      case search_cli::Mode::kInteractive: return search_cli::run_interactive(*opts);
      case search_cli::Mode::kSearch: break;
    }
    return search(*opts);
  } catch (const QueryError& e) {
    std::cerr << "morgue-search: bad query: " << e.what() << "\n";
  } catch (const DatabaseError& e) {
    std::cerr << "morgue-search: " << e.what() << "\n";
  } catch (...) {  // out of memory, or a bug
    std::cerr << "morgue-search: " << describe_exception(std::current_exception()) << "\n";
  }
  return 2;
}
