// What morgue-index prints while and after it works.
#pragma once

#include <string>

#include "morgue/index_writer.h"

namespace morgue::cli {

// One line per problem on stderr: "morgue-index: PATH: REASON".
void print_problem(const Problem& problem);

// Redraws a one-line progress bar on stderr (terminal only).
void print_progress(const IndexProgress& progress);
// Plain log line for non-terminals.
void log_progress(const IndexProgress& progress);

void print_summary(const IndexSummary& summary, bool json);

}  // namespace morgue::cli
