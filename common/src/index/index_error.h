// The index side's library boundary: whatever escapes a run (Xapian errors,
// std::runtime_error from the writer and the file system) leaves as
// IndexError (morgue/index_writer.h), so front ends need not know Xapian.
#pragma once

#include <filesystem>
#include <stdexcept>
#include <utility>

#include <fmt/format.h>
#include <xapian.h>

#include "morgue/index_writer.h"

namespace morgue {

// Runs `work` and returns what it returns; a Xapian::Error becomes an
// IndexError naming `db`, any other std::runtime_error an IndexError with
// the same message (which already names what failed).
template <typename Work>
auto with_index_errors(const std::filesystem::path& db, Work&& work) -> decltype(work()) {
  try {
    return std::forward<Work>(work)();
  } catch (const IndexError&) {
    throw;
  } catch (const Xapian::Error& e) {
    throw IndexError(fmt::format("{}: {}", db.string(), e.get_description()));
  } catch (const std::runtime_error& e) {
    throw IndexError(e.what());
  }
}

}  // namespace morgue
