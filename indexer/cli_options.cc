#include "cli_options.h"

#include <iostream>
#include <thread>

#include <boost/program_options.hpp>
#include <unistd.h>

#include "morgue/shards.h"

namespace morgue::cli {
namespace po = boost::program_options;

namespace {

const char* kUsage =
    "Usage: morgue-index [OPTIONS] PATH...          index files and directories\n"
    "       morgue-index --extract [OPTIONS] FILE... print extracted articles as JSON lines\n"
    "       morgue-index --stats [--db DIR] [--json]  describe a database\n"
    "       morgue-index --compact [--db DIR]         compact a database in place\n"
    "\n"
    "Exit codes: 0 all fine, 1 some files failed, 2 usage or fatal error, 3 stopped by SIGINT or SIGTERM\n"
    "(what was done is committed; a rerun goes on).\n";

// Flag values that are checked and converted after parsing.
struct RawFlags {
  std::string db;
  std::string format = "auto";
  std::vector<std::string> inputs;
};

// The flags, bound to `opts` and `raw`: `general` is what --help shows.
struct Flags {
  po::options_description general{"Options"}, hidden, all;
  po::positional_options_description positional;

  Flags(CliOptions& opts, RawFlags& raw) {
    general.add_options()
        ("help,h", "show this help")
        ("db,d", po::value(&raw.db)->value_name("DIR"), "database directory (default: morgue-db, or $MORGUE_DB)")
        ("extract", "print each article as one JSON object per line; touch no database")
        ("stats", "print document count, date span, sections and size")
        ("compact", "compact the database (Xapian's compactor) and swap it in")
        ("jobs,j", po::value(&opts.index.jobs)->value_name("N"), "worker threads (default: all cores)")
        ("batch", po::value(&opts.index.batch_size)->value_name("N"), "articles per commit (default: 500; the parts of a parallel first build commit smaller "
         "batches while they are small)")
        ("prune", "remove documents whose source files are gone")
        ("shard-by", po::value(&opts.index.shard_by)->value_name("SCHEME"),
         "write a sharded archive: 'year' or 'hash:N' (docs/deployment.md); later runs keep the scheme")
        ("format", po::value(&raw.format)->value_name("F"), "auto, text, html, xml or jsonl (default: auto)")
        ("max-file-mb", po::value<std::size_t>()->value_name("MB"), "skip files larger than this (default: 64)")
        ("max-memory", po::value<std::size_t>()->value_name("MB"),
         "memory the workers may use at once; a file needs about 30x its size (12x with --no-people), workers "
         "wait for room, and a file that alone needs more is skipped (default: half of physical memory)")
        ("follow-outside-links", "follow symbolic links whose targets lie outside the given paths (default: "
         "report and skip them)")
        ("no-people", "do not extract the people named (faster)")
        ("no-canonical-people", "do not give each person one canonical name across the archive after the run "
         "(by default person:reagan and \"Ronald Reagan\" reach the same stories: docs/people.md)")
        ("json", "print the summary as JSON")
        ("quiet,q", "no progress or per-file messages (problems still counted)");
    // The default since the step got cheap; kept for the scripts that give it.
    hidden.add_options()("input", po::value(&raw.inputs))("canonical-people", "");
    all.add(general).add(hidden);
    positional.add("input", -1);
  }
};

std::nullopt_t fail(const std::string& message, int& exit_code) {
  std::cerr << "morgue-index: " << message << "\n" << kUsage;
  exit_code = 2;
  return std::nullopt;
}

// Each step checks one group's values and fills its part of the options;
// "" when fine, else the message for the user.

std::string choose_mode(const po::variables_map& vm, const RawFlags& raw, CliOptions& opts) {
  int modes = static_cast<int>(vm.count("extract") + vm.count("stats") + vm.count("compact"));
  if (modes > 1) return "choose one of --extract, --stats and --compact";
  if (vm.count("extract")) opts.mode = Mode::kExtract;
  if (vm.count("stats")) opts.mode = Mode::kStats;
  if (vm.count("compact")) opts.mode = Mode::kCompact;
  if ((opts.mode == Mode::kIndex || opts.mode == Mode::kExtract) && raw.inputs.empty()) {
    return "no files or directories given";
  }
  if ((opts.mode == Mode::kStats || opts.mode == Mode::kCompact) && !raw.inputs.empty()) {
    return "--stats and --compact take no paths";
  }
  return "";
}

std::string finish_extract(const po::variables_map& vm, const std::string& format, ExtractOptions& extract) {
  if (format == "auto") extract.format = Format::kAuto;
  else if (format == "text") extract.format = Format::kText;
  else if (format == "html") extract.format = Format::kHtml;
  else if (format == "xml") extract.format = Format::kNewsXml;
  else if (format == "jsonl") extract.format = Format::kJsonLines;
  else return "unknown --format '" + format + "' (auto, text, html, xml, jsonl)";
  if (vm.count("max-file-mb")) extract.max_file_bytes = vm["max-file-mb"].as<std::size_t>() << 20;
  return "";
}

std::string finish_index(const po::variables_map& vm, const RawFlags& raw, CliOptions& opts) {
  if (opts.index.batch_size == 0) return "--batch must be at least 1";
  if (!opts.index.shard_by.empty() && !morgue::ShardScheme::parse(opts.index.shard_by)) {
    return "cannot read --shard-by '" + opts.index.shard_by + "' (year or hash:N, N from 1 to 1024)";
  }
  if (opts.mode == Mode::kCompact && morgue::is_sharded_archive(raw.db)) {
    return raw.db + " is a sharded archive: compact each shard (morgue-index --compact --db " + raw.db + "/SHARD)";
  }
  opts.index.db_path = raw.db;
  for (const auto& input : raw.inputs) opts.index.inputs.emplace_back(input);
  opts.index.prune = vm.count("prune") > 0;
  opts.index.follow_outside_links = vm.count("follow-outside-links") > 0;
  if (vm.count("canonical-people") && vm.count("no-canonical-people")) {
    return "give --canonical-people or --no-canonical-people, not both";
  }
  opts.index.canonical_people = vm.count("no-canonical-people") == 0;
  if (vm.count("max-memory")) {
    const std::size_t mb = vm["max-memory"].as<std::size_t>();
    if (mb == 0) return "--max-memory must be at least 1 (MB)";
    opts.index.max_memory = mb << 20;
  }
  return "";
}

void finish_output(const po::variables_map& vm, CliOptions& opts) {
  opts.people = !vm.count("no-people");
  opts.json = vm.count("json") > 0;
  opts.quiet = vm.count("quiet") > 0;
  opts.progress = !opts.quiet && isatty(STDERR_FILENO);
}

}  // namespace

std::optional<CliOptions> parse_command_line(int argc, char** argv, int& exit_code) {
  CliOptions opts;
  RawFlags raw;
  raw.db = opts.index.db_path.string();
  Flags flags(opts, raw);
  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(flags.all).positional(flags.positional).run(), vm);
    if (!vm.count("db")) {
      if (const char* env = std::getenv("MORGUE_DB"); env && *env) raw.db = env;
    }
    po::notify(vm);
  } catch (const po::error& e) {
    return fail(e.what(), exit_code);
  }
  if (vm.count("help")) {
    std::cout << kUsage << "\n" << flags.general;
    exit_code = 0;
    return std::nullopt;
  }
  std::string problem = choose_mode(vm, raw, opts);
  if (problem.empty()) problem = finish_extract(vm, raw.format, opts.index.extract);
  if (problem.empty()) problem = finish_index(vm, raw, opts);
  if (!problem.empty()) return fail(problem, exit_code);
  finish_output(vm, opts);
  return opts;
}

}  // namespace morgue::cli
