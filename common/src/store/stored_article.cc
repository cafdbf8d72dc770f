#include "store/stored_article.h"

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

namespace morgue {
namespace {

using nlohmann::json;

std::string string_field(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::vector<std::string> list_field(const json& j, const char* key) {
  std::vector<std::string> out;
  auto it = j.find(key);
  if (it == j.end() || !it->is_array()) return out;
  for (const auto& v : *it) {
    if (v.is_string()) out.push_back(v.get<std::string>());
  }
  return out;
}

std::optional<Date> date_field(const json& j) {
  std::string date = string_field(j, "date");
  const bool digits = date.size() == 10 && std::all_of(date.begin(), date.end(), [](char c) {
                        return c == '-' || (c >= '0' && c <= '9');
                      });
  if (!digits) return std::nullopt;
  Date d{std::stoi(date.substr(0, 4)), std::stoi(date.substr(5, 2)), std::stoi(date.substr(8, 2))};
  if (!d.is_valid()) return std::nullopt;
  return d;
}

// Data without the key is version 1: it was written before the key existed.
int version_of(const json& j) {
  auto it = j.find(kStoredVersionKey);
  if (it == j.end()) return 1;
  if (!it->is_number_integer()) throw Xapian::DatabaseCorruptError("document data has a version that is not a number");
  return it->get<int>();
}

}  // namespace

std::string encode_stored_article(const Article& a) {
  json j;
  j[kStoredVersionKey] = kStoredArticleVersion;
  j["source"] = a.source;
  if (!a.key.empty()) j["key"] = a.key;
  j["url"] = a.url;
  j["title"] = a.title;
  if (a.title_from_body) j["title_from_body"] = true;
  j["date"] = a.date ? json(a.date->iso()) : json(nullptr);
  if (!a.timestamp.empty()) j["timestamp"] = a.timestamp;
  j["section"] = a.section;
  j["authors"] = a.authors;
  j["people"] = a.people;
  if (!a.subjects.empty()) j["subjects"] = a.subjects;
  if (!a.dateline.empty()) j["dateline"] = a.dateline;
  if (!a.language.empty()) j["language"] = a.language;
  if (!a.captions.empty()) j["captions"] = a.captions;
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

Article decode_stored_article(std::string_view data) {
  json j = json::parse(data, nullptr, false);
  // Damaged blocks can decode to bytes that are not the JSON we wrote: that
  // is a damaged database (the service answers 503, the CLI exits 2), not an
  // internal error.
  if (!j.is_object()) throw Xapian::DatabaseCorruptError("document data is not a Morgue article");
  const int version = version_of(j);
  if (version < 1) throw Xapian::DatabaseCorruptError(fmt::format("document data has version {}", version));
  if (version > kStoredArticleVersion) {
    throw Xapian::DatabaseVersionError(fmt::format(
        "document data is in format {}, newer than this Morgue reads ({}): upgrade Morgue", version,
        kStoredArticleVersion));
  }
  Article a;
  a.source = string_field(j, "source");
  a.key = string_field(j, "key");
  a.url = string_field(j, "url");
  a.title = string_field(j, "title");
  auto derived = j.find("title_from_body");
  a.title_from_body = derived != j.end() && derived->is_boolean() && derived->get<bool>();
  a.date = date_field(j);
  a.timestamp = string_field(j, "timestamp");
  a.section = string_field(j, "section");
  a.authors = list_field(j, "authors");
  a.people = list_field(j, "people");
  a.subjects = list_field(j, "subjects");
  a.dateline = string_field(j, "dateline");
  a.language = string_field(j, "language");
  a.captions = list_field(j, "captions");
  a.body = string_field(j, "body");
  return a;
}

}  // namespace morgue
