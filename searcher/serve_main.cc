// morgue-serve: the HTTP service and search page (docs/web.md). Takes
// morgue-search's command line, --serve optional; `morgue-search --serve`
// execs this program, so that morgue-search itself never loads cpp-httplib.
#include <exception>
#include <iostream>

#include "cli_options.h"
#include "crash_report.h"
#include "morgue/service.h"

int main(int argc, char** argv) {
  using namespace morgue;
  int exit_code = 0;
  auto opts = search_cli::parse_command_line(argc, argv, exit_code, search_cli::Program::kServe);
  if (!opts) return exit_code;
  search_cli::report_crashes("morgue-serve", opts->service.db_path);
  try {
    opts->service.access_log = &std::cerr;
    return run_service(opts->service, std::cerr);
  } catch (...) {
    std::cerr << "morgue-serve: " << describe_exception(std::current_exception()) << "\n";
  }
  return 2;
}
