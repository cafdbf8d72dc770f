// libFuzzer target: the HTTP service's request handling (service.h,
// Service::handle) on a small real index of corpus/articles built once in a
// temp dir, without sockets. handle() promises never to throw; every answer
// must carry a known status, and a JSON answer must be valid JSON.
//
// Input: one byte picking the method, then "PATH?QUERY" (the path as the
// transport would hand it over, already %-decoded; the query still encoded).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>

#include <nlohmann/json.hpp>
#include <unistd.h>

#include "fuzz_check.h"
#include "morgue/index_writer.h"
#include "morgue/service.h"

namespace {

std::filesystem::path g_dir;
std::unique_ptr<morgue::Service> g_service;

void remove_dir() {
  g_service.reset();
  std::error_code ec;
  std::filesystem::remove_all(g_dir, ec);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  std::string templ = (std::filesystem::temp_directory_path() / "morgue-fuzz-service-XXXXXX").string();
  if (!mkdtemp(templ.data())) {
    std::perror("mkdtemp");
    std::abort();
  }
  g_dir = templ;
  std::atexit(remove_dir);
  morgue::IndexOptions index;
  index.db_path = g_dir / "db";
  index.inputs = {std::filesystem::path(MORGUE_TEST_SOURCE_DIR) / "corpus" / "articles"};
  index.jobs = 1;
  if (morgue::run_index(index).documents == 0) {
    std::fprintf(stderr, "fuzz_service: the sample index is empty\n");
    std::abort();
  }
  morgue::ServiceOptions options;
  options.db_path = index.db_path.string();
  options.time_limit_seconds = 0;  // a slow input is libFuzzer's -timeout to report
  g_service = std::make_unique<morgue::Service>(options);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const char* const kMethods[] = {"GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "get", ""};
  morgue::HttpRequest request;
  request.method = kMethods[data[0] % (sizeof kMethods / sizeof kMethods[0])];
  std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  auto question = rest.find('?');
  request.path = std::string(rest.substr(0, question));
  if (question != std::string_view::npos) request.query = std::string(rest.substr(question + 1));

  morgue::HttpAnswer answer = g_service->handle(request);
  switch (answer.status) {
    case 200: case 304: case 400: case 404: case 405: case 503:
      break;
    default:
      morgue::fuzz::fail("unexpected HTTP status", std::to_string(answer.status));
  }
  if (answer.content_type.rfind("application/json", 0) == 0 && request.method != "HEAD" &&
      !nlohmann::json::accept(answer.body)) {
    morgue::fuzz::fail("JSON answer is not valid JSON", answer.body);
  }
  for (const auto& [name, value] : answer.headers) {
    if (name.find_first_of("\r\n") != std::string::npos || value.find_first_of("\r\n") != std::string::npos) {
      morgue::fuzz::fail("header with a line break (response splitting)", name + ": " + value);
    }
  }
  return 0;
}
