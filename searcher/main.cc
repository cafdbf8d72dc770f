// morgue-search: turns flags into a SearchRequest and prints the response.
#include <iostream>

#include "cli_options.h"
#include "morgue/printer.h"
#include "morgue/search.h"

namespace {

using namespace morgue;

int show(const search_cli::CliOptions& opts) {
  Searcher searcher(opts.db);
  auto article = searcher.article(opts.show_id);
  if (!article) {
    std::cerr << "morgue-search: no story with id " << opts.show_id << "\n";
    return 1;
  }
  print_article(*article, opts.show_id, TerminalStyle{opts.color, true}, std::cout);
  return 0;
}

int search(const search_cli::CliOptions& opts) {
  Searcher searcher(opts.db);
  SearchResponse response = searcher.search(opts.request);
  if (opts.output == search_cli::Output::kJson) {
    std::cout << response_to_json(response) << "\n";
  } else {
    print_terminal(response, TerminalStyle{opts.color, false}, std::cout);
  }
  return response.hits.empty() ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  int exit_code = 0;
  auto opts = search_cli::parse_command_line(argc, argv, exit_code);
  if (!opts) return exit_code;
  try {
    return opts->mode == search_cli::Mode::kShow ? show(*opts) : search(*opts);
  } catch (const QueryError& e) {
    std::cerr << "morgue-search: bad query: " << e.what() << "\n";
  } catch (const DatabaseError& e) {
    std::cerr << "morgue-search: " << e.what() << "\n";
  } catch (const std::exception& e) {
    std::cerr << "morgue-search: " << e.what() << "\n";
  }
  return 2;
}
