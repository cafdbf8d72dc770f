// libFuzzer target: format detection and dispatch (extract.h) with people
// extraction on, as the indexer runs them. The first byte picks the file
// name the bytes are said to come from, so detection sees every extension.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "fuzz_check.h"
#include "morgue/extract.h"
#include "morgue/people.h"

namespace {

const morgue::PeopleExtractor* g_people = nullptr;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  static morgue::PeopleExtractor people(morgue::default_data_dir());
  g_people = &people;
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const char* const kNames[] = {"story.txt", "story.html", "story.xml", "story.jsonl",
                                       "story",     "story.nitf", "story.htm", "story.ndjson"};
  const char* name = kNames[data[0] % (sizeof kNames / sizeof kNames[0])];
  std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  morgue::ExtractOptions options;
  options.people = g_people;
  morgue::fuzz::check_extraction(morgue::extract_bytes(bytes, name, options));
  return 0;
}
