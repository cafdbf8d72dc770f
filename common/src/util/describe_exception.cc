// Front ends name Morgue's errors only; this is their way to word anything
// else that escapes (Xapian 1.4 can throw from a destructor, and its
// exceptions are not std::exceptions) without including <xapian.h>.
#include <xapian.h>

#include "morgue/describe_exception.h"

namespace morgue {

std::string describe_exception(std::exception_ptr error) {
  if (!error) return "unexpected error";
  try {
    std::rethrow_exception(error);
  } catch (const Xapian::Error& e) {
    return e.get_description();
  } catch (const std::exception& e) {
    return e.what();
  } catch (...) {
  }
  return "unexpected error";
}

}  // namespace morgue
