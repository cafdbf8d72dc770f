// morgue-index's command line: flags in, a CliOptions out.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "morgue/index_writer.h"

namespace morgue::cli {

enum class Mode { kIndex, kExtract, kCompact, kStats };

struct CliOptions {
  Mode mode = Mode::kIndex;
  IndexOptions index;          // db path, inputs, jobs, batch, prune
  bool people = true;          // run the people extractor
  bool quiet = false;          // no progress, no problems list, summary only on errors
  bool json = false;           // summary (or stats) as JSON
  bool progress = false;       // progress bar (stderr is a terminal and not quiet)
};

// Parses argv. On --help, prints usage and returns nullopt with exit_code 0;
// on a bad command line prints the error and usage to stderr and returns
// nullopt with exit_code 2.
std::optional<CliOptions> parse_command_line(int argc, char** argv, int& exit_code);

}  // namespace morgue::cli
