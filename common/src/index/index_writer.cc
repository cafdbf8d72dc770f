#include "morgue/index_writer.h"

#include <atomic>
#include <chrono>
#include <fstream>
#include <set>
#include <stdexcept>
#include <thread>
#include <unordered_map>

#include <fmt/format.h>
#include <xapian.h>

#include "index/duplicates.h"
#include "index/file_state.h"
#include "morgue/file_walk.h"
#include "index/work_queue.h"
#include "morgue/document.h"
#include "morgue/schema.h"
#include "util/strings.h"

namespace morgue {
namespace {

using Clock = std::chrono::steady_clock;

// A file the walk found that needs work, with what the database knew of it.
struct Task {
  FoundFile file;
  std::optional<FileState> prior;
};

// What a worker made of a task.
struct Outcome {
  Task task;
  std::string content_hash;
  bool same_content = false;  // bytes unchanged since last time: only the state is refreshed
  Extraction extraction;
  // One Xapian document per article, built on the worker thread (term
  // generation is a good share of the work), with its id.
  std::vector<std::pair<std::string, Xapian::Document>> documents;
};

std::string hash_bytes(std::string_view bytes) { return util::hex64(util::fnv1a64(bytes)); }

Outcome process(Task task, const ExtractOptions& options) {
  Outcome out;
  out.task = std::move(task);
  const std::string& path = out.task.file.path;
  if (out.task.file.size > options.max_file_bytes) {
    out.extraction.problems.push_back({path, fmt::format("file too large ({} bytes; the limit is {} bytes)",
                                                         out.task.file.size, options.max_file_bytes)});
    return out;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    out.extraction.problems.push_back({path, "cannot read: permission denied or file vanished"});
    return out;
  }
  std::string bytes(static_cast<std::size_t>(out.task.file.size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  // A file that grew since the walk: read the rest too (bounded by the limit).
  char extra[4096];
  while (in.read(extra, sizeof extra) || in.gcount() > 0) {
    bytes.append(extra, static_cast<std::size_t>(in.gcount()));
    if (bytes.size() > options.max_file_bytes) break;
  }
  if (bytes.size() > options.max_file_bytes) {
    out.extraction.problems.push_back({path, "file too large (it grew while being read)"});
    return out;
  }
  out.content_hash = hash_bytes(bytes);
  if (out.task.prior && !out.task.prior->failed && out.task.prior->content_hash == out.content_hash) {
    out.same_content = true;
    return out;
  }
  out.extraction = extract_bytes(bytes, path, options);
  for (auto& article : out.extraction.articles) {
    article.source = path;
    std::string id = article_id(article);
    out.documents.emplace_back(id, make_document(article, id));
  }
  return out;
}

class Writer {
 public:
  Writer(const IndexOptions& options, IndexSummary& summary)
      : options_(options), summary_(summary), db_(open(options.db_path)) {}

  std::optional<FileState> prior_state(const std::string& path) const {
    std::string value = db_.get_metadata(file_state_key(path));
    if (value.empty()) return std::nullopt;
    return decode_file_state(value);
  }

  void apply(Outcome& out) {
    const FoundFile& file = out.task.file;
    FileState state;
    state.path = file.path;
    state.size = file.size;
    state.mtime_ns = file.mtime_ns;
    state.content_hash = out.content_hash;
    if (out.same_content) {
      state.ids = out.task.prior->ids;
      ++summary_.unchanged;
      write_state(state);
      return;
    }
    for (const auto& problem : out.extraction.problems) report(problem);
    if (out.extraction.failed() || out.extraction.articles.empty()) {
      ++summary_.failed;
      if (out.extraction.problems.empty()) report({file.path, "no article found"});
      // Keep what an earlier run indexed from this file: a broken copy must not lose stories.
      state.failed = true;
      if (out.task.prior) state.ids = out.task.prior->ids;
      write_state(state);
      return;
    }
    std::set<std::string> fresh;
    for (std::size_t i = 0; i < out.documents.size(); ++i) {
      auto& [id, doc] = out.documents[i];
      if (!fresh.insert(id).second) {
        report({file.path, fmt::format("two articles with the same key \"{}\"; the later one wins",
                                       out.extraction.articles[i].key)});
      } else {
        state.ids.push_back(id);
      }
      add(doc, id);
    }
    if (out.task.prior) {
      for (const auto& old : out.task.prior->ids) {
        if (!fresh.count(old)) db_.delete_document(schema::make_term(schema::kIdPrefix, old));
      }
    }
    write_state(state);
  }

  void prune(const std::set<std::string>& seen, const std::vector<std::string>& roots) {
    std::vector<FileState> gone;
    for (auto k = db_.metadata_keys_begin(std::string(schema::kFileStateKey)); k != db_.metadata_keys_end(std::string(schema::kFileStateKey)); ++k) {
      auto state = decode_file_state(db_.get_metadata(*k));
      if (!state || seen.count(state->path)) continue;
      bool under_root = false;
      for (const auto& root : roots) {
        if (state->path == root || state->path.rfind(root + "/", 0) == 0) under_root = true;
      }
      if (under_root) gone.push_back(*state);
    }
    for (const auto& state : gone) {
      for (const auto& id : state.ids) {
        std::string term = schema::make_term(schema::kIdPrefix, id);
        if (db_.term_exists(term)) {
          db_.delete_document(term);
          ++summary_.removed;
        }
      }
      db_.set_metadata(file_state_key(state.path), "");
      maybe_commit();
    }
  }

  void maybe_commit() {
    if (++pending_ >= options_.batch_size) commit();
  }

  void commit() {
    db_.commit();
    pending_ = 0;
  }

  std::size_t document_count() const { return db_.get_doccount(); }

 private:
  static Xapian::WritableDatabase open(const std::filesystem::path& path) {
    try {
      return Xapian::WritableDatabase(path.string(), Xapian::DB_CREATE_OR_OPEN);
    } catch (const Xapian::DatabaseLockError&) {
      throw std::runtime_error(
          fmt::format("database {} is locked: another indexer is writing to it", path.string()));
    }
  }

  void add(Xapian::Document& doc, const std::string& id) {
    std::string id_term = schema::make_term(schema::kIdPrefix, id);
    bool existed = db_.term_exists(id_term);
    DuplicateMatch dup = find_duplicate_group(db_, doc, id);
    if (dup.exact) ++summary_.duplicates;
    doc.add_value(schema::kSlotDupGroup, dup.group);
    db_.replace_document(id_term, doc);
    ++(existed ? summary_.updated : summary_.added);
    maybe_commit();
  }

  void write_state(const FileState& state) {
    db_.set_metadata(file_state_key(state.path), encode_file_state(state));
  }

  void report(const Problem& problem) {
    if (options_.on_problem) options_.on_problem(problem);
  }

  const IndexOptions& options_;
  IndexSummary& summary_;
  Xapian::WritableDatabase db_;
  std::size_t pending_ = 0;
};

bool stopped(const IndexOptions& options) { return options.stop && options.stop->load(); }

}  // namespace

IndexSummary run_index(const IndexOptions& options) {
  IndexSummary summary;
  const auto start = Clock::now();
  auto elapsed = [&] { return std::chrono::duration<double>(Clock::now() - start).count(); };
  auto problem = [&](const Problem& p) {
    if (options.on_problem) options.on_problem(p);
  };

  Writer writer(options, summary);
  std::vector<FoundFile> files = walk_inputs(options.inputs, [&](const Problem& p) {
    problem(p);
    ++summary.failed;
  });
  summary.files_seen = files.size();

  std::vector<Task> tasks;
  std::set<std::string> seen;
  for (auto& file : files) {
    seen.insert(file.path);
    auto prior = writer.prior_state(file.path);
    if (prior && !prior->failed && prior->size == file.size && prior->mtime_ns == file.mtime_ns) {
      ++summary.unchanged;
      continue;
    }
    tasks.push_back({std::move(file), std::move(prior)});
  }

  unsigned jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, std::max<std::size_t>(1, tasks.size())));
  WorkQueue<Outcome> queue(64);
  queue.set_producers(jobs);
  std::atomic<std::size_t> next{0};
  std::vector<std::jthread> workers;
  for (unsigned w = 0; w < jobs; ++w) {
    workers.emplace_back([&] {
      while (!stopped(options)) {
        std::size_t i = next.fetch_add(1);
        if (i >= tasks.size()) break;
        if (!queue.push(process(std::move(tasks[i]), options.extract))) break;
      }
      queue.producer_done();
    });
  }

  std::size_t done = 0;
  auto last_progress = Clock::now();
  try {
    while (auto outcome = queue.pop()) {
      writer.apply(*outcome);
      ++done;
      if (options.on_progress && Clock::now() - last_progress > std::chrono::milliseconds(200)) {
        last_progress = Clock::now();
        options.on_progress({done, tasks.size(), elapsed()});
      }
      if (stopped(options)) {
        summary.interrupted = true;
        break;
      }
    }
  } catch (...) {
    queue.close();
    throw;
  }
  queue.close();
  workers.clear();
  if (stopped(options) && done < tasks.size()) summary.interrupted = true;
  if (options.on_progress) options.on_progress({done, tasks.size(), elapsed()});

  if (options.prune && !summary.interrupted) {
    std::vector<std::string> roots;
    for (const auto& input : options.inputs) roots.push_back(absolute_path(input));
    writer.prune(seen, roots);
  }
  writer.commit();
  summary.documents = writer.document_count();
  summary.seconds = elapsed();
  return summary;
}

}  // namespace morgue
