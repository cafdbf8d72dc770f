#include "search/spelling.h"

#include <algorithm>
#include <vector>

#include "search/query_builder.h"
#include "util/strings.h"

namespace morgue {
namespace {

// Bounded Damerau-Levenshtein (optimal string alignment) on bytes.
int edit_distance(const std::string& a, const std::string& b, int limit) {
  const std::size_t n = a.size(), m = b.size();
  if (static_cast<int>(n > m ? n - m : m - n) > limit) return limit + 1;
  std::vector<std::vector<int>> d(n + 1, std::vector<int>(m + 1));
  for (std::size_t i = 0; i <= n; ++i) d[i][0] = static_cast<int>(i);
  for (std::size_t j = 0; j <= m; ++j) d[0][j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= n; ++i) {
    int row_min = limit + 1;
    for (std::size_t j = 1; j <= m; ++j) {
      int cost = a[i - 1] == b[j - 1] ? 0 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
      row_min = std::min(row_min, d[i][j]);
    }
    if (row_min > limit) return limit + 1;
  }
  return d[n][m];
}

// Scanning the vocabulary is bounded so a suggestion stays cheap on any archive.
constexpr int kMaxTermsScanned = 60000;

std::string best_correction(const Xapian::Database& db, const std::string& word) {
  const int limit = word.size() <= 4 ? 1 : 2;
  Xapian::doccount own = db.get_termfreq(word);
  std::string best;
  Xapian::doccount best_freq = std::max<Xapian::doccount>(own * 4, 1);
  int best_distance = limit + 1;
  // Typos rarely hit the first letter; scan the words sharing it.
  const std::string prefix = word.substr(0, 1);
  int scanned = 0;
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix) && scanned < kMaxTermsScanned; ++t, ++scanned) {
    const std::string term = *t;
    if (term == word) continue;
    int distance = edit_distance(word, term, limit);
    if (distance > limit) continue;
    Xapian::doccount freq = t.get_termfreq();
    if (distance < best_distance ? freq > own : (distance == best_distance && freq > best_freq)) {
      if (freq <= own) continue;
      best = term;
      best_freq = freq;
      best_distance = distance;
    }
  }
  return best;
}

}  // namespace

std::string suggest_spelling(const Xapian::Database& db, const std::string& text) {
  std::string out = text;
  std::string lower = util::to_lower(text);
  bool changed = false;
  for (const auto& word : QueryBuilder::plain_words(text)) {
    if (db.get_termfreq(word) >= 3) continue;
    std::string fix = best_correction(db, word);
    if (fix.empty()) continue;
    std::size_t pos = 0;
    while ((pos = lower.find(word, pos)) != std::string::npos) {
      bool start_ok = pos == 0 || !std::isalpha(static_cast<unsigned char>(lower[pos - 1]));
      bool end_ok = pos + word.size() == lower.size() || !std::isalpha(static_cast<unsigned char>(lower[pos + word.size()]));
      if (start_ok && end_ok) {
        out.replace(pos, word.size(), fix);
        lower.replace(pos, word.size(), fix);
        changed = true;
        pos += fix.size();
      } else {
        pos += word.size();
      }
    }
  }
  return changed ? out : "";
}

}  // namespace morgue
