// Wording any exception for a user, without including <xapian.h>.
#pragma once

#include <exception>
#include <string>

namespace morgue {

// One line for any exception the library may let escape, Xapian::Error (not
// a std::exception) included: for a front end's last-resort handler
// (catch (...), a std::terminate handler). Never throws.
std::string describe_exception(std::exception_ptr error);

}  // namespace morgue
