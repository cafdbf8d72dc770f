#include "store/file_state.h"

#include <algorithm>
#include <charconv>
#include <string_view>

#include "morgue/schema.h"
#include "util/strings.h"

namespace morgue {

std::string file_state_key(const std::string& path) {
  return std::string(schema::kFileStateKey) + util::hex64(util::fnv1a64(path));
}

// Layout: size \t mtime \t hash \t failed \t id,id,... \t path (path last: it may hold anything).
std::string encode_file_state(const FileState& s) {
  std::string out = std::to_string(s.size);
  out += '\t';
  out += std::to_string(s.mtime_ns);
  out += '\t';
  out += s.content_hash;
  out += '\t';
  out += s.failed ? '1' : '0';
  out += '\t';
  out += util::join(s.ids, ",");
  out += '\t';
  out += s.path;
  return out;
}

std::optional<FileState> decode_file_state(const std::string& value) {
  FileState s;
  std::size_t fields[5];
  std::size_t pos = 0;
  for (auto& f : fields) {
    f = value.find('\t', pos);
    if (f == std::string::npos) return std::nullopt;
    pos = f + 1;
  }
  auto number = [&](std::size_t begin, std::size_t end, auto& out) {
    auto r = std::from_chars(value.data() + begin, value.data() + end, out);
    return r.ec == std::errc() && r.ptr == value.data() + end;
  };
  if (!number(0, fields[0], s.size) || !number(fields[0] + 1, fields[1], s.mtime_ns)) return std::nullopt;
  s.content_hash = value.substr(fields[1] + 1, fields[2] - fields[1] - 1);
  s.failed = value.substr(fields[2] + 1, fields[3] - fields[2] - 1) == "1";
  std::string ids = value.substr(fields[3] + 1, fields[4] - fields[3] - 1);
  if (!ids.empty()) s.ids = util::split(ids, ',');
  s.path = value.substr(fields[4] + 1);
  return s;
}

bool file_unchanged(const FileState& state, std::uint64_t size, std::int64_t mtime_ns) {
  return !state.failed && state.size == size && state.mtime_ns == mtime_ns;
}

bool file_state_unchanged(const std::string& value, std::uint64_t size, std::int64_t mtime_ns) {
  std::size_t t1 = value.find('\t');
  if (t1 == std::string::npos) return false;
  std::size_t t2 = value.find('\t', t1 + 1);
  if (t2 == std::string::npos) return false;
  std::size_t t3 = value.find('\t', t2 + 1);
  if (t3 == std::string::npos || t3 + 1 >= value.size()) return false;
  FileState head;
  head.failed = value[t3 + 1] != '0';
  auto r1 = std::from_chars(value.data(), value.data() + t1, head.size);
  auto r2 = std::from_chars(value.data() + t1 + 1, value.data() + t2, head.mtime_ns);
  return r1.ec == std::errc() && r2.ec == std::errc() && file_unchanged(head, size, mtime_ns);
}

std::vector<std::string> decode_roots(const std::string& stored) {
  std::vector<std::string> roots;
  std::size_t start = 0;
  while (start < stored.size()) {
    std::size_t end = stored.find('\n', start);
    if (end == std::string::npos) end = stored.size();
    if (end > start) roots.push_back(stored.substr(start, end - start));
    start = end + 1;
  }
  return roots;
}

std::string add_roots(const std::string& stored, const std::vector<std::string>& roots) {
  std::vector<std::string> all = decode_roots(stored);
  for (const auto& root : roots) {
    if (!root.empty() && std::find(all.begin(), all.end(), root) == all.end()) all.push_back(root);
  }
  std::string out;
  for (const auto& root : all) out += root + "\n";
  return out;
}

std::string relative_source(const std::string& source, const std::vector<std::string>& roots) {
  std::string_view best;
  for (std::string_view root : roots) {
    while (root.size() > 1 && root.back() == '/') root.remove_suffix(1);
    const bool inside = source.size() > root.size() + 1 && source.compare(0, root.size(), root) == 0 &&
                        (source[root.size()] == '/' || root == "/");
    if (inside && root.size() > best.size()) best = root;
  }
  if (!best.empty()) return source.substr(best == "/" ? 1 : best.size() + 1);
  const auto slash = source.rfind('/');
  return slash == std::string::npos ? source : source.substr(slash + 1);
}

}  // namespace morgue
