// libFuzzer target: the date parser (date_parse.h). Any date it returns must
// be a real calendar day.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "extract/date_parse.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  if (auto dt = morgue::parse_date_time(text)) {
    morgue::fuzz::check_date(dt->date);
    morgue::fuzz::check_utf8("timestamp is not UTF-8", dt->timestamp);
  }
  if (auto d = morgue::parse_date(text)) morgue::fuzz::check_date(*d);
  if (auto d = morgue::date_from_url(text)) morgue::fuzz::check_date(*d);
  return 0;
}
