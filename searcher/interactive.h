// The terminal front end's interactive session and pager (UI only: all
// searching goes through morgue::Searcher).
#pragma once

#include <string>

#include "cli_options.h"

namespace morgue::search_cli {

// Reads queries with line editing and history (libedit, loaded at run time;
// see line_reader.h) until EOF or :q, keeping the database open. Returns the
// exit code.
int run_interactive(const CliOptions& options);

// Shows text through $PAGER (default "less -R") when stdout is a terminal,
// else writes it to stdout.
void page_output(const std::string& text);

}  // namespace morgue::search_cli
