// morgue-index: turns flags into options and calls the core library.
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iostream>
#include <stop_token>
#include <thread>

#include <unistd.h>


#include "cli_options.h"
#include "morgue/admin.h"
#include "morgue/describe_exception.h"
#include "morgue/extract.h"
#include "morgue/index_writer.h"
#include "morgue/people.h"
#include "morgue/printer.h"
#include "report.h"

namespace {

constexpr int kStopped = 3;  // exit code of a run stopped by SIGINT/SIGTERM

std::atomic<bool> g_stop{false};
static_assert(std::atomic<bool>::is_always_lock_free);

// The first signal asks the run to stop at the next file and commit; a
// second one ends the process at once (committed work is intact either way).
extern "C" void on_signal(int) {
  if (g_stop.exchange(true)) ::_exit(kStopped);
}

// A stop must take effect within a second: the run stops between files, but
// a worker in the middle of a large file (or waiting on slow storage) could
// hold it up longer. Past the grace time the process exits anyway: every
// commit is atomic, so what is committed is intact, as after a kill, Xapian's
// and the build's locks go with the process, and a rerun does the rest.
class StopDeadline {
 public:
  explicit StopDeadline(std::chrono::milliseconds grace)
      : thread_([grace](std::stop_token done) {
          while (!done.stop_requested() && !g_stop.load()) std::this_thread::sleep_for(std::chrono::milliseconds(20));
          const auto deadline = std::chrono::steady_clock::now() + grace;
          while (!done.stop_requested()) {
            if (std::chrono::steady_clock::now() >= deadline) {
              std::fputs("morgue-index: stopped by a signal; what was committed is kept, a rerun goes on\n", stderr);
              std::_Exit(kStopped);
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
          }
        }) {}

 private:
  std::jthread thread_;
};

// Xapian 1.4's glass backend can throw from a destructor when a write fails
// in the middle of a commit (disk full, ulimit -f), which ends in
// std::terminate. Say what happened and exit 2 like any other fatal error;
// the last commit is intact (tests/e2e/faults_test.cc).
[[noreturn]] void on_terminate() {
  std::string what = morgue::describe_exception(std::current_exception());
  std::fprintf(stderr, "morgue-index: %s\n", what.c_str());
  std::_Exit(2);
}

int run_extract(const morgue::cli::CliOptions& opts) {
  bool failed = false;
  morgue::IndexOptions options = opts.index;
  options.on_problem = [&](const morgue::Problem& p) {
    morgue::cli::print_problem(p);
    failed = true;
  };
  morgue::extract_inputs(options, [&](const morgue::Extraction& e) {
    for (const auto& p : e.problems) {
      if (!opts.quiet) morgue::cli::print_problem(p);
    }
    if (e.failed()) failed = true;
    for (const auto& a : e.articles) std::cout << morgue::article_to_json(a) << "\n";
  });
  return failed ? 1 : 0;
}

int run_stats(const morgue::cli::CliOptions& opts) {
  morgue::DatabaseStats stats = morgue::database_stats(opts.index.db_path);
  morgue::StatsStyle style;
  if (opts.json) {
    std::cout << morgue::stats_to_json(stats, style) << "\n";
  } else {
    morgue::print_stats(stats, opts.index.db_path.string(), style, std::cout);
  }
  return 0;
}

int run_index(morgue::cli::CliOptions& opts) {
  std::unique_ptr<morgue::PeopleExtractor> people;
  if (opts.people) {
    people = std::make_unique<morgue::PeopleExtractor>(morgue::default_data_dir());
    opts.index.extract.people = people.get();
  }
  if (opts.mode == morgue::cli::Mode::kExtract) return run_extract(opts);
  bool any_problem = false;
  opts.index.on_problem = [&](const morgue::Problem& p) {
    any_problem = true;
    if (!opts.quiet) morgue::cli::print_problem(p);
  };
  if (opts.progress) {
    opts.index.on_progress = morgue::cli::print_progress;
  } else if (!opts.quiet) {
    opts.index.on_progress = [last = 0.0](const morgue::IndexProgress& p) mutable {
      if (p.seconds - last >= 10.0) {
        last = p.seconds;
        morgue::cli::log_progress(p);
      }
    };
  }
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  opts.index.stop = &g_stop;
  morgue::IndexSummary summary;
  {
    StopDeadline deadline(std::chrono::milliseconds(900));
    summary = morgue::run_index(opts.index);
  }
  if (!opts.quiet || opts.json || summary.failed) morgue::cli::print_summary(summary, opts.json);
  if (summary.interrupted) return kStopped;
  return summary.failed || any_problem ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  // Over a file-size limit (ulimit -f) a write must fail with EFBIG, so Xapian
  // throws and we exit 2 with a message, instead of dying from SIGXFSZ.
  std::signal(SIGXFSZ, SIG_IGN);
  std::set_terminate(on_terminate);
  int exit_code = 0;
  auto opts = morgue::cli::parse_command_line(argc, argv, exit_code);
  if (!opts) return exit_code;
  try {
    switch (opts->mode) {
      case morgue::cli::Mode::kStats:
        return run_stats(*opts);
      case morgue::cli::Mode::kCompact:
        morgue::compact_database(opts->index.db_path);
        if (!opts->quiet) std::cout << "compacted " << opts->index.db_path.string() << "\n";
        return 0;
      default:
        return run_index(*opts);
    }
  } catch (const morgue::IndexError& e) {  // locked, disk full, any database trouble
    std::cerr << "morgue-index: " << e.what() << "\n";
  } catch (const morgue::DatabaseError& e) {  // --stats: no database to read
    std::cerr << "morgue-index: " << e.what() << "\n";
  } catch (...) {  // out of memory, or a bug
    std::cerr << "morgue-index: " << morgue::describe_exception(std::current_exception()) << "\n";
  }
  return 2;
}
