// morgue-search's command line: flags in, a CliOptions out.
#pragma once

#include <optional>
#include <string>

#include "morgue/search.h"

namespace morgue::search_cli {

enum class Mode { kSearch, kShow };
enum class Output { kTerminal, kJson };

struct CliOptions {
  Mode mode = Mode::kSearch;
  std::string db = "morgue-db";   // database directory or stub file
  SearchRequest request;          // query and search options
  std::string show_id;            // --show ID
  Output output = Output::kTerminal;
  bool color = false;             // decided from --color, NO_COLOR and isatty
};

// Parses argv; on --help or a usage error returns nullopt with exit_code set
// (0 for help, 2 for errors, message already printed).
std::optional<CliOptions> parse_command_line(int argc, char** argv, int& exit_code);

// "30d", "2w", "6m", "1y" (or a bare number of days) -> days; 0 when invalid.
int parse_half_life(const std::string& text);

}  // namespace morgue::search_cli
