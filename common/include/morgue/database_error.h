// The error for a database that cannot be opened or read, shared by the
// storage layer (stub files) and search.
#pragma once

#include <stdexcept>

namespace morgue {

// The database cannot be opened or read (missing, corrupt, locked out).
// what() is a one-line message for the user.
class DatabaseError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace morgue
