// A crash of morgue-search or morgue-serve says what it was reading.
//
// Xapian 1.4 does not check every block it reads: junk over some blocks of a
// table (a disk error, a copy cut short, another program writing into the
// files) can crash it inside libxapian, with no exception for Morgue to turn
// into a message. Then the program still dies from the signal (so a service
// manager sees the crash), but first prints one line naming the database and
// the check to run, and the stack, whose first frame shows where it died.
#pragma once

#include <string>

namespace morgue::search_cli {

// Installs the handler for SIGSEGV, SIGBUS, SIGFPE and SIGILL; `program`
// and `db_path` are copied into the message once, here.
void report_crashes(const std::string& program, const std::string& db_path);

}  // namespace morgue::search_cli
