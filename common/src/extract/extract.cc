#include "morgue/extract.h"

#include <cerrno>
#include <cstring>
#include <algorithm>
#include <thread>

#include <fmt/format.h>

#include "extract/broken_entities.h"
#include "extract/encoding.h"
#include "extract/html_article.h"
#include "extract/jsonl.h"
#include "extract/language.h"
#include "extract/news_xml.h"
#include "extract/text_article.h"
#include "morgue/people.h"
#include "util/file_read.h"
#include "util/strings.h"
#include "util/task_pool.h"

namespace morgue {
namespace {

std::string lower_extension(const std::filesystem::path& path) {
  return util::to_lower(path.extension().string());
}

std::string_view skip_space(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r')) {
    s.remove_prefix(1);
  }
  return s;
}

}  // namespace

Format detect_format(const std::filesystem::path& path, std::string_view head) {
  std::string ext = lower_extension(path);
  std::string bom;
  std::string_view start = skip_space(strip_bom(head, &bom));
  std::string lower_start = util::to_lower(start.substr(0, 512));
  if (ext == ".jsonl" || ext == ".ndjson") return Format::kJsonLines;
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml" || ext == ".shtml" || ext == ".php" || ext == ".asp" || ext == ".aspx") {
    return Format::kHtml;
  }
  if (ext == ".xml" || ext == ".nitf" || ext == ".newsml" || ext == ".rss" || ext == ".atom" || ext == ".rdf") {
    if (lower_start.find("<html") != std::string::npos) return Format::kHtml;
    return Format::kNewsXml;
  }
  if (lower_start.rfind("<!doctype html", 0) == 0 || lower_start.rfind("<html", 0) == 0) return Format::kHtml;
  if (lower_start.rfind("<?xml", 0) == 0) {
    if (lower_start.find("<nitf") != std::string::npos || lower_start.find("newsml") != std::string::npos ||
        lower_start.find("newsitem") != std::string::npos) {
      return Format::kNewsXml;
    }
    if (lower_start.find("<html") != std::string::npos) return Format::kHtml;
    return Format::kNewsXml;
  }
  for (const char* root : {"<nitf", "<newsitem", "<newsmessage", "<newsml", "<rss", "<feed", "<rdf:rdf"}) {
    if (lower_start.rfind(root, 0) == 0) return Format::kNewsXml;
  }
  if (!start.empty() && start.front() == '{' && ext != ".txt") return Format::kJsonLines;
  return Format::kText;
}

Extraction extract_bytes(std::string_view bytes, const std::string& source, const ExtractOptions& options) {
  Extraction result;
  if (bytes.empty()) {
    result.problems.push_back({source, "empty file"});
    return result;
  }
  Format format = options.format == Format::kAuto ? detect_format(source, bytes.substr(0, 4096)) : options.format;
  if (format != Format::kNewsXml && looks_binary(bytes)) {
    result.problems.push_back({source, "binary data, not an article"});
    return result;
  }
  switch (format) {
    case Format::kHtml:
      result = parse_html_article(bytes, source);
      break;
    case Format::kNewsXml:
      result = parse_news_xml(bytes, source);
      break;
    case Format::kJsonLines:
      result = parse_json_lines(bytes, source);
      break;
    case Format::kText:
    case Format::kAuto: {
      std::string charset;
      std::string_view rest = strip_bom(bytes, &charset);
      result = parse_text_article(to_utf8(rest, charset), source);
      break;
    }
  }
  for (auto& article : result.articles) {
    mend_broken_entities(article);  // "quot;" and "#39;" of feeds that lost their "&"
    settle_language(article);
  }
  if (options.people) {
    // People the source itself names (NITF person tags, feed fields) come
    // first; the recogniser adds the ones it finds in the text. Its model
    // is English: on other languages it takes common nouns for names.
    for (auto& article : result.articles) {
      if (!english_or_unknown(article.language)) continue;
      PeopleExtractor::Found found = options.people->extract_with_cues(article);
      article.people_cues = std::move(found.cues);
      for (auto& name : found.names) {
        bool known = false;
        for (const auto& given : article.people) known = known || util::iequals(given, name);
        if (!known) article.people.push_back(std::move(name));
      }
    }
  }
  return result;
}

Extraction extract_file(const std::filesystem::path& path, const ExtractOptions& options) {
  const std::string source = path.string();
  util::FileReadOptions how;
  how.max_bytes = options.max_file_bytes;
  util::FileRead read = util::read_whole_file(source, how);
  if (!read.ok()) {
    Extraction result;
    result.problems.push_back({source, read.reason});
    return result;
  }
  return extract_bytes(read.bytes, source, options);
}

void extract_files(const std::vector<std::string>& paths, const ExtractOptions& options, unsigned jobs,
                   const std::function<void(const Extraction&)>& sink) {
  if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
  // Work in windows so memory stays bounded and output keeps the input order.
  const std::size_t window = std::max<std::size_t>(jobs * 16, 64);
  for (std::size_t base = 0; base < paths.size(); base += window) {
    std::size_t count = std::min(window, paths.size() - base);
    std::vector<Extraction> results(count);
    util::TaskPool pool(count);
    pool.start(static_cast<unsigned>(std::min<std::size_t>(jobs, count)), [&](unsigned) {
      while (auto i = pool.claim()) results[*i] = extract_file(paths[base + *i], options);
    });
    pool.finish();
    for (const auto& r : results) sink(r);
  }
}

}  // namespace morgue
