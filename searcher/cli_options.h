// The command line of morgue-search and morgue-serve: flags in, a CliOptions out.
#pragma once

#include <optional>
#include <string>

#include "morgue/search.h"
#include "morgue/service.h"

namespace morgue::search_cli {

// kServe: --serve, or morgue-serve (HTTP service); kCgi: GATEWAY_INTERFACE is set (one CGI request).
enum class Mode { kSearch, kShow, kServe, kCgi, kInteractive };
enum class Output { kTerminal, kJson };

struct CliOptions {
  Mode mode = Mode::kSearch;
  // The database and how to open it, for every mode: service.db_path (--db,
  // $MORGUE_DB) and service.open (--strict, --timeout); --listen and
  // --threads too. One place, so that no mode can miss a flag.
  ServiceOptions service;
  SearchRequest request;          // query and search options
  std::string show_id;            // --show ID
  Output output = Output::kTerminal;
  bool color = false;             // decided from --color, NO_COLOR and isatty
};

// Which program parses: morgue-serve takes morgue-search's whole command line
// and always serves (with or without --serve), so that `morgue-search --serve
// ARGS` can exec `morgue-serve --serve ARGS`; it never answers CGI, and its
// messages and help name morgue-serve.
enum class Program { kSearch, kServe };

// Parses argv; in CGI mode positional words are ignored (servers pass
// ISINDEX-style queries as argv) and errors are printed as a CGI answer.
// On --help or a usage error returns nullopt with exit_code set
// (0 for help, 2 for errors, message already printed).
std::optional<CliOptions> parse_command_line(int argc, char** argv, int& exit_code,
                                             Program program = Program::kSearch);

// "127.0.0.1:8080", "[::1]:8080", "0.0.0.0:80" -> host and port; false when invalid.
bool parse_listen(const std::string& text, std::string& host, int& port);

}  // namespace morgue::search_cli
