// Searches a Morgue database through the C++ API: the README's library example.
#include <iostream>

#include <morgue/printer.h>
#include <morgue/search.h>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: consumer DB QUERY\n";
    return 2;
  }
  try {
    morgue::Searcher searcher(argv[1]);
    morgue::SearchRequest request;
    request.query = argv[2];
    request.limit = 3;
    morgue::SearchResponse response = searcher.search(request);
    for (const auto& hit : response.hits) {
      std::cout << hit.article.title << "\n";
      for (const auto& fragment : hit.snippet.fragments) std::cout << "  " << morgue::fragment_to_html(fragment) << "\n";
    }
    return response.hits.empty() ? 1 : 0;
  } catch (const std::exception& e) {
    std::cerr << e.what() << "\n";
    return 2;
  }
}
