#include "interactive.h"

#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <sstream>

#include <unistd.h>

#include "line_reader.h"
#include "morgue/printer.h"
#include "morgue/search.h"

namespace morgue::search_cli {
namespace {

const char* kHelp =
    "Type a query to search. Commands:\n"
    "  n, p          next / previous page of results\n"
    "  NUMBER        read hit NUMBER\n"
    "  :facets       show or hide sections, people and the timeline\n"
    "  :sort ORDER   relevance, date or newest (newest first), oldest\n"
    "  :recent HL    prefer recent stories (e.g. 30d); :recent off\n"
    "  :versions     list every version of wire copy, or collapse again\n"
    "  :help, :q     this help; quit (also Ctrl-D)\n";

std::string history_path() {
  const char* home = std::getenv("HOME");
  return home && *home ? std::string(home) + "/.morgue_history" : std::string();
}

std::string trim(const std::string& s) {
  std::size_t b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

class Session {
 public:
  explicit Session(const CliOptions& options)
      : options_(options), searcher_(options.service.db_path, options.service.open) {
    request_ = options.request;
  }

  // Handles one line; false to quit.
  bool handle(const std::string& line) {
    if (line == ":q" || line == ":quit" || line == "exit") return false;
    if (line == ":help" || line == "?") {
      std::cout << kHelp;
    } else if (line == "n" || line == "p") {
      if (!searched_) return true;
      if (line == "p" && request_.offset == 0) return true;
      if (line == "n" && request_.offset + request_.limit >= last_.total) {
        std::cout << "no more results (" << last_.total << (last_.total_exact ? "" : " or so") << " in all)\n";
        return true;
      }
      request_.offset = line == "n" ? request_.offset + request_.limit
                                    : request_.offset - std::min(request_.offset, request_.limit);
      run();
    } else if (!line.empty() && line.find_first_not_of("0123456789") == std::string::npos) {
      open(std::stoul(line.substr(0, 9)));
    } else if (line == ":facets") {
      request_.facets = !request_.facets;
      std::cout << "facets " << (request_.facets ? "on" : "off") << "\n";
      if (searched_) run();
    } else if (line == ":versions") {
      request_.all_versions = !request_.all_versions;
      std::cout << (request_.all_versions ? "showing every version" : "collapsing versions") << "\n";
    } else if (line.rfind(":sort ", 0) == 0) {
      if (auto order = parse_sort_order(trim(line.substr(6)))) request_.sort = *order;
      else std::cout << "sort: " << sort_order_names() << "\n";
    } else if (line.rfind(":recent ", 0) == 0) {
      std::string value = trim(line.substr(8));
      request_.recent_half_life_days = value == "off" ? 0 : parse_half_life(value);
    } else if (!line.empty() && line[0] == ':') {
      std::cout << "unknown command; :help lists them\n";
    } else if (!line.empty()) {
      request_.query = line;
      request_.offset = 0;
      run();
    }
    return true;
  }

 private:
  void run() {
    searched_ = true;
    last_ = SearchResponse{};  // a failed search leaves nothing to page through
    try {
      searcher_.reopen();  // see what the nightly indexer committed meanwhile
      last_ = searcher_.search(request_);
      print_terminal(last_, TerminalStyle{options_.color, false}, std::cout);
      if (last_.total > 0) std::cout << "(n/p: pages, a number: read a story, :help)\n";
    } catch (const QueryError& e) {
      std::cout << "bad query: " << e.what() << "\n";
    } catch (const DatabaseError& e) {
      std::cout << e.what() << "\n";
    }
  }

  void open(std::size_t number) {
    for (const auto& hit : last_.hits) {
      if (hit.rank + 1 != number) continue;
      auto article = searcher_.article(hit.id);
      if (!article) break;
      std::ostringstream text;
      print_article(*article, hit.id, TerminalStyle{options_.color, true}, text);
      page_output(text.str());
      return;
    }
    std::cout << "no hit " << number << " on this page\n";
  }

  const CliOptions& options_;
  Searcher searcher_;
  SearchRequest request_;
  SearchResponse last_;
  bool searched_ = false;  // n, p and :facets rerun the last search
};

}  // namespace

void page_output(const std::string& text) {
  if (!isatty(STDOUT_FILENO)) {
    std::cout << text;
    return;
  }
  const char* pager = std::getenv("PAGER");
  std::string command = pager && *pager ? pager : "less -R";
  std::cout.flush();
  FILE* pipe = popen(command.c_str(), "w");
  if (!pipe) {
    std::cout << text;
    return;
  }
  std::fwrite(text.data(), 1, text.size(), pipe);
  pclose(pipe);
}

int run_interactive(const CliOptions& options) {
  Session session(options);
  LineReader reader(history_path());
  std::cout << "Morgue: " << options.service.db_path << ". Type a query, :help for commands, Ctrl-D to quit.\n";
  while (auto raw = reader.read("morgue> ")) {
    std::string line = trim(*raw);
    if (!line.empty()) reader.remember(line);
    if (!session.handle(line)) break;
  }
  return 0;
}

}  // namespace morgue::search_cli
