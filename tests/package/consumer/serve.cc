// Serves a Morgue database over HTTP through the C++ API (morgue::http):
// the service behind morgue-serve, embedded.
#include <iostream>
#include <string>

#include <morgue/service.h>

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: serve_consumer DB PORT\n";
    return 2;
  }
  try {
    morgue::ServiceOptions options;
    options.db_path = argv[1];
    options.port = std::stoi(argv[2]);
    return morgue::run_service(options, std::cerr);
  } catch (const std::exception& e) {
    std::cerr << e.what() << "\n";
    return 2;
  }
}
