#include "shard/shard_set.h"

#include <algorithm>
#include <future>
#include <map>

#include <fmt/format.h>

#include "util/strings.h"

namespace morgue {
namespace {

std::string describe(const StubEntry& e) {
  switch (e.type) {
    case StubEntry::Type::kRemoteTcp: return fmt::format("remote {}:{}", e.host, e.port);
    case StubEntry::Type::kRemoteProgram: return "remote :" + e.program;
    case StubEntry::Type::kLocal: break;
  }
  return e.path.string();
}

Xapian::Database open_entry(const StubEntry& e, const OpenOptions& o) {
  switch (e.type) {
    case StubEntry::Type::kRemoteTcp:
      return Xapian::Remote::open(e.host, e.port, o.timeout_ms, o.connect_timeout_ms);
    case StubEntry::Type::kRemoteProgram:
      return Xapian::Remote::open(e.program, e.args, o.timeout_ms);
    case StubEntry::Type::kLocal:
      break;
  }
  if (e.backend == "glass") return Xapian::Database(e.path.string(), Xapian::DB_BACKEND_GLASS);
  if (e.backend == "chert") return Xapian::Database(e.path.string(), Xapian::DB_BACKEND_CHERT);
  // "auto" also opens a nested stub, as Xapian's own reader does.
  return Xapian::Database(e.path.string());
}

bool is_remote(const StubEntry& e) { return e.type != StubEntry::Type::kLocal; }

}  // namespace

ShardSet::ShardSet(const std::filesystem::path& stub, const OpenOptions& options) : stub_(stub), options_(options) {
  for (auto& entry : read_stub(stub)) shards_.push_back({std::move(entry), std::nullopt, "", {}});
  if (shards_.empty()) throw DatabaseError(fmt::format("stub database file {} lists no database", stub.string()));
  std::vector<std::size_t> all;
  for (std::size_t i = 0; i < shards_.size(); ++i) all.push_back(i);
  open(all);
  auto missing = down();
  if (missing.size() == shards_.size() || (options_.strict && !missing.empty())) {
    throw DatabaseError(fmt::format("cannot open {}: {}", stub.string(), util::join(missing, "; ")));
  }
  combine();
}

void ShardSet::open(const std::vector<std::size_t>& which) {
  auto attempt = [this](std::size_t i) {
    Shard& s = shards_[i];
    s.tried = Clock::now();
    try {
      s.db = open_entry(s.entry, options_);
      s.error.clear();
    } catch (const Xapian::Error& e) {
      s.db.reset();
      s.error = e.get_type() + std::string(": ") + e.get_msg();
    }
  };
  // Each remote may take up to its timeouts: wait for them side by side, so
  // that opening costs one timeout, not one per shard.
  std::vector<std::future<void>> pending;
  for (std::size_t i : which) {
    if (is_remote(shards_[i].entry)) pending.push_back(std::async(std::launch::async, attempt, i));
    else attempt(i);
  }
  for (auto& p : pending) p.get();
}

void ShardSet::combine() {
  Xapian::Database combined;
  for (const auto& s : shards_) {
    if (s.db) combined.add_database(*s.db);
  }
  combined_ = combined;
}

std::vector<std::string> ShardSet::down() const {
  std::vector<std::string> out;
  for (const auto& s : shards_) {
    if (!s.db) out.push_back(fmt::format("shard {} is not answering ({})", describe(s.entry), s.error));
  }
  return out;
}

std::vector<std::string> ShardSet::warnings() const {
  auto out = down();
  for (auto& w : out) {
    w += fmt::format("; results are from {} of {} shards", shards_.size() - down().size(), shards_.size());
  }
  return out;
}

void ShardSet::recover(const std::string& error) {
  // The error does not say which shard failed: reconnect every remote one.
  std::vector<std::size_t> remotes;
  for (std::size_t i = 0; i < shards_.size(); ++i) {
    if (is_remote(shards_[i].entry)) remotes.push_back(i);
  }
  open(remotes);
  auto missing = down();
  if (missing.size() == shards_.size() || (options_.strict && !missing.empty())) {
    throw DatabaseError(missing.empty() ? fmt::format("remote shard: {}", error) : util::join(missing, "; "));
  }
  combine();
}

bool ShardSet::retry_down() {
  std::vector<std::size_t> due;
  const auto now = Clock::now();
  for (std::size_t i = 0; i < shards_.size(); ++i) {
    const auto& s = shards_[i];
    if (!s.db && now - s.tried >= std::chrono::milliseconds(options_.retry_down_after_ms)) due.push_back(i);
  }
  if (due.empty()) return false;
  open(due);
  for (std::size_t i : due) {
    if (shards_[i].db) {
      combine();
      return true;
    }
  }
  return false;
}

bool ShardSet::has_remote() const {
  for (const auto& s : shards_) {
    if (is_remote(s.entry)) return true;
  }
  return false;
}

std::vector<std::size_t> count_versions(const Xapian::Database& db, const Xapian::Query& query,
                                        Xapian::valueno slot, const std::vector<std::string>& keys) {
  std::vector<Xapian::Query> groups;
  for (const auto& key : keys) groups.emplace_back(Xapian::Query::OP_VALUE_RANGE, slot, key, key);
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query(Xapian::Query::OP_OR, groups.begin(), groups.end())));
  // A built-in spy, so that xapian-tcpsrv counts on its side.
  Xapian::ValueCountMatchSpy spy(slot);
  enquire.add_matchspy(&spy);
  enquire.get_mset(0, 0, db.get_doccount());
  std::map<std::string, std::size_t> counts;
  for (auto v = spy.values_begin(); v != spy.values_end(); ++v) counts[*v] = v.get_termfreq();
  std::vector<std::size_t> out;
  for (const auto& key : keys) out.push_back(std::max<std::size_t>(1, counts[key]));
  return out;
}

bool ShardSet::reopen() {
  try {
    return combined_.reopen() || retry_down();
  } catch (const Xapian::NetworkError& e) {
    recover(e.get_msg());
    return true;
  }
}

}  // namespace morgue
