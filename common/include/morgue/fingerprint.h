// Not part of the installed API (common/CMakeLists.txt leaves it out): the
// fingerprints are internal, in store/fingerprint.h. This forwarder only keeps
// common/src/store/document.cc building until its include names
// "store/fingerprint.h"; delete it then.
#pragma once

#include "store/fingerprint.h"
