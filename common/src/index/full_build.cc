#include "index/full_build.h"

#include <atomic>
#include <chrono>
#include <cerrno>
#include <condition_variable>
#include <cstdint>
#include <cstring>
#include <exception>
#include <fstream>
#include <limits>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>
#include <xapian.h>

#include "index/db_writer.h"
#include "index/pipeline.h"
#include "store/database.h"
#include "store/canonical_people.h"
#include "store/duplicates.h"
#include "store/placeholders.h"
#include "store/shard_files.h"
#include "util/task_pool.h"

namespace morgue {
namespace fs = std::filesystem;
namespace {

fs::path parts_dir(const fs::path& db) { return fs::path(db.string() + ".parts"); }
fs::path part_path(const fs::path& db, unsigned i) { return parts_dir(db) / fmt::format("part-{}", i); }

// DB/XAPIANDB lists the parts so the archive opens while it is being built.
void write_parts_stub(const fs::path& db, unsigned parts) {
  std::vector<std::string> names;
  for (unsigned i = 0; i < parts; ++i) names.push_back(fmt::format("../{}/part-{}", parts_dir(db).filename().string(), i));
  write_stub(db, names);
}

// When this machine booted (seconds since the epoch), or 0 when unknown.
std::int64_t boot_time() {
  std::ifstream in("/proc/stat");
  std::string key;
  while (in >> key) {
    if (key == "btime") {
      std::int64_t value = 0;
      in >> value;
      return value;
    }
    in.ignore(std::numeric_limits<std::streamsize>::max(), '\n');
  }
  return 0;
}

// Parts commit without syncing. A killed process loses none of that (the
// page cache keeps it), but a power cut or kernel crash may: a part with a
// file last written before this boot (`boot`, 0 when unknown) is checked
// before the build goes on.
bool may_have_lost_writes(const fs::path& part, std::int64_t boot) {
  if (boot == 0) return true;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(part, ec)) {
    struct stat st {};
    if (::stat(entry.path().c_str(), &st) == 0 && st.st_mtime < boot) return true;
  }
  return false;
}

bool part_is_sound(const fs::path& part) {
  try {
    return Xapian::Database::check(part.string(), 0, nullptr) == 0;
  } catch (const Xapian::Error&) {
    return false;
  }
}

// Held for a whole build: a second indexer fails at once, even while this
// one merges and holds no part open.
class BuildLock {
 public:
  explicit BuildLock(const fs::path& db) {
    const fs::path file = parts_dir(db) / "build.lock";
    fd_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) throw std::runtime_error(fmt::format("cannot create {}: {}", file.string(), std::strerror(errno)));
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
      ::close(fd_);
      throw database_locked(db);
    }
  }
  ~BuildLock() { ::close(fd_); }
  BuildLock(const BuildLock&) = delete;
  BuildLock& operator=(const BuildLock&) = delete;

 private:
  int fd_ = -1;
};

unsigned existing_parts(const fs::path& db) {
  unsigned n = 0;
  std::error_code ec;
  while (fs::is_directory(part_path(db, n), ec)) ++n;
  return n;
}

// Settles the parts before they are compacted: the people identity step,
// the version groups, then the placeholders written whole.
// - Renaming stories in the parts is cheaper than in the compacted database
//   (whose full blocks each rewrite splits, leaving it a third larger), and
//   the compaction carries the step's record into the merged database.
// - The stories filed into another group are rewritten in their parts, and
//   the groups are those of the merged order.
// - The step leaves the placeholders it renames to the fill, which writes
//   each once, with its words and its canonical names; the fill runs one
//   thread a part, and records the step in each part as it commits it. A
//   kill before that leaves the groups to be found again, the step to be
//   done again and the placeholders to be filled by the rerun.
void settle_parts(const fs::path& db, unsigned parts, bool canonical_people, IndexSummary& summary) {
  // The step and the groups run on one thread: the other core makes the
  // placeholders' words meanwhile (a tenth less time for the fill on BBC News).
  PreparedWords prepared;
  std::atomic<bool> settled{false};
  util::TaskPool preparer(1);
  preparer.start(1, [&](unsigned) {
    std::vector<std::string> paths;
    for (unsigned i = 0; i < parts; ++i) paths.push_back(part_path(db, i).string());
    prepared = prepare_placeholder_words(paths, [&] { return settled.load(); });
  });
  struct SettledOnExit {
    std::atomic<bool>& flag;
    ~SettledOnExit() { flag = true; }  // a failing step does not wait for the preparer's budget
  } settled_on_exit{settled};
  std::vector<Xapian::WritableDatabase> dbs;
  Xapian::Database all;
  for (unsigned i = 0; i < parts; ++i) {
    dbs.push_back(open_for_writing(part_path(db, i), Xapian::DB_NO_SYNC));
    all.add_database(dbs.back());
  }
  std::vector<HeldRenames> held;
  PeopleIdentitySummary people;
  if (canonical_people && parts > 0) {
    people = canonicalise_people(all, dbs, held);
    summary.people_stories += people.stories;
    summary.people_renamed += people.renamed;
    summary.people_seconds += people.seconds;
    summary.people_cpu_seconds += people.cpu_seconds;
  }
  summary.duplicates += group_duplicates(dbs);
  settled = true;
  preparer.finish();
  summary.placeholders += fill_placeholders(
      dbs, held, [&](Xapian::WritableDatabase& part) { record_people_identity(part, people); }, &prepared);
}

// Merges the parts into DB: the people identity step and the version groups
// over the parts, compact into DB.merging, then swap it in for the stub.
void merge(const fs::path& db, unsigned parts, bool canonical_people, IndexSummary& summary) {
  const auto start = std::chrono::steady_clock::now();
  settle_parts(db, parts, canonical_people, summary);
  fs::path merging(db.string() + ".merging");
  fs::remove_all(merging);
  {
    Xapian::Database all;
    for (unsigned i = 0; i < parts; ++i) all.add_database(Xapian::Database(part_path(db, i).string()));
    all.compact(merging.string());
  }
  summary.documents = Xapian::Database(merging.string()).get_doccount();
  summary.merge_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  // Two renames, each atomic: at every moment DB is either the stub over the
  // parts, absent (a rerun merges again), or the merged database. Removing
  // the stub directory in place could leave an empty DB behind a kill.
  fs::path old(db.string() + ".stub-old");
  fs::remove_all(old);
  fs::rename(db, old);
  fs::rename(merging, db);
  fs::remove_all(old);
  fs::remove_all(parts_dir(db));
}

// Checks the parts an interrupted build left, creating again (empty) any that
// a kill left unfinished or a system crash damaged, and lists them in the stub. Returns their number.
unsigned resume_parts(const fs::path& db, const IndexOptions& options) {
  const unsigned resumed = existing_parts(db);
  const std::int64_t boot = resumed > 0 ? boot_time() : 0;
  for (unsigned i = 0; i < resumed; ++i) {
    const fs::path part = part_path(db, i);
    if (!is_database_dir(part)) {
      // A kill while the part was being created: it holds nothing. Created
      // again, so the numbering stays contiguous.
      fs::remove_all(part);
      open_for_writing(part, Xapian::DB_NO_SYNC).commit();
      continue;
    }
    if (may_have_lost_writes(part, boot) && !part_is_sound(part)) {
      if (options.on_problem) {
        options.on_problem({part.string(), "this part of an unfinished build was damaged by a system crash; "
                                           "its files are indexed again"});
      }
      // Created again empty, so the numbering stays contiguous.
      fs::remove_all(part);
      open_for_writing(part, Xapian::DB_NO_SYNC).commit();
    }
  }
  if (resumed > 0) write_parts_stub(db, resumed);
  return resumed;
}

// Files some part already holds (a resumed build) are done: they count as
// unchanged; the others are the build's tasks.
std::vector<Task> tasks_left(const fs::path& db, unsigned parts, std::vector<FoundFile> files, bool placeholders,
                             IndexSummary& summary) {
  std::vector<Xapian::Database> readers;
  for (unsigned i = 0; i < parts; ++i) readers.emplace_back(part_path(db, i).string());
  std::vector<Task> tasks;
  for (auto& file : files) {
    bool done = false;
    for (auto& r : readers) {
      if (file_state_unchanged(r.get_metadata(file_state_key(file.path)), file.size, file.mtime_ns)) done = true;
    }
    if (done) {
      ++summary.unchanged;
    } else {
      tasks.push_back({std::move(file), std::nullopt, placeholders});
    }
  }
  return tasks;
}

// The parallel step. Each worker writes a part of its own, and starts a new
// one when the part holds options.max_part_text of article text, so no part
// grows past the size at which its commits get dearer. A part is created
// before the stub names it, one at a time, so the numbers stay contiguous
// after any kill.
class PartBuilder {
 public:
  PartBuilder(const IndexOptions& options, std::vector<Task>& tasks, unsigned parts)
      : options_(options), db_(options.db_path), tasks_(tasks), part_count_(parts) {
    locked_ = options;  // problems from several threads, printed one at a time
    locked_.on_problem = [this](const Problem& p) {
      std::lock_guard lock(report_mutex_);
      if (options_.on_problem) options_.on_problem(p);
    };
  }
  PartBuilder(const PartBuilder&) = delete;
  PartBuilder& operator=(const PartBuilder&) = delete;

  // Runs `workers` threads until the tasks are done or the run is stopped;
  // rethrows the first worker's failure. Counts go to `summary`.
  void run(unsigned workers, IndexSummary& summary) {
    if (workers == 0 && part_count_ == 0) new_part();  // nothing to index: merge one empty part
    part_summaries_.resize(workers);
    util::TaskPool pool(tasks_.size(), [this] { return options_.stop && options_.stop->load(); });
    pool.start(workers, [this, &pool](unsigned w) { work(w, pool); });
    // The workers say when they leave, so the build does not wait out a
    // progress tick after the last file.
    pool.wait(std::chrono::milliseconds(200), [this] {
      if (options_.on_progress) {
        options_.on_progress({finished_.load(), tasks_.size(),
                              std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count()});
      }
    });
    pool.finish();
    for (const auto& s : part_summaries_) {
      summary.added += s.added;
      summary.updated += s.updated;
      summary.failed += s.failed;
      summary.unchanged += s.unchanged;
    }
  }

  unsigned part_count() const { return part_count_; }
  std::size_t finished() const { return finished_.load(); }

 private:
  fs::path new_part() {
    std::lock_guard lock(part_mutex_);
    fs::path part = part_path(db_, part_count_);
    try {
      open_for_writing(part, Xapian::DB_NO_SYNC).commit();
    } catch (...) {
      // A full disk while creating it: leave no folder that holds no database.
      std::error_code ec;
      fs::remove_all(part, ec);
      throw;
    }
    write_parts_stub(db_, ++part_count_);
    return part;
  }

  // One worker: takes tasks until none is left, applying them to its part.
  void work(unsigned w, util::TaskPool& pool) {
    auto open_part = [&] {
      return std::make_unique<DbWriter>(new_part(), locked_, part_summaries_[w], WriterRole::kBuildPart);
    };
    std::unique_ptr<DbWriter> writer = open_part();
    while (auto i = pool.claim()) {
      Outcome out = process(std::move(tasks_[*i]), options_.extract, &budget_, options_.stop);
      writer->apply(out);
      ++finished_;
      if (writer->part_full()) {
        writer.reset();  // everything is committed: close it
        writer = open_part();
      }
    }
    writer->commit();
  }

  const IndexOptions& options_;
  const fs::path& db_;
  std::vector<Task>& tasks_;
  IndexOptions locked_;
  MemoryBudget budget_{options_.max_memory};
  unsigned part_count_;
  std::mutex part_mutex_;
  std::vector<IndexSummary> part_summaries_;
  std::atomic<std::size_t> finished_{0};
  std::mutex report_mutex_;
  const std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
};

}  // namespace

bool full_build_pending(const fs::path& db_path) {
  std::error_code ec;
  return fs::is_directory(parts_dir(db_path), ec);
}

bool wants_full_build(const IndexOptions& options, std::size_t files, unsigned jobs) {
  std::error_code ec;
  if (full_build_pending(options.db_path)) return true;
  return options.parallel_min_files > 0 && jobs >= 2 && files >= options.parallel_min_files &&
         !fs::exists(options.db_path, ec);
}

bool run_full_build(const IndexOptions& options, std::vector<FoundFile> files, unsigned jobs,
                    IndexSummary& summary) {
  const fs::path& db = options.db_path;
  if (is_database_dir(db)) {
    // The merge finished but the parts were not yet removed.
    fs::remove_all(parts_dir(db));
    return false;
  }
  fs::create_directories(parts_dir(db));
  BuildLock build_lock(db);
  const unsigned resumed = resume_parts(db, options);
  std::vector<Task> tasks = tasks_left(db, resumed, std::move(files), options.canonical_people, summary);

  PartBuilder builder(options, tasks, resumed);
  builder.run(static_cast<unsigned>(std::min<std::size_t>(jobs, tasks.size())), summary);
  if (options.stop && options.stop->load() && builder.finished() < tasks.size()) {
    summary.interrupted = true;
    summary.documents = Xapian::Database((db / "XAPIANDB").string()).get_doccount();
    return true;
  }
  if (options.on_progress) options.on_progress({tasks.size(), tasks.size(), 0});
  merge(db, builder.part_count(), options.canonical_people, summary);
  return true;
}

}  // namespace morgue
