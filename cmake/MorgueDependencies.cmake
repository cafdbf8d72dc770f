# Every dependency comes from Debian 12 packages; scripts/setup installs them.
find_package(xapian REQUIRED CONFIG)
if(NOT TARGET Xapian::xapian)
  add_library(Xapian::xapian INTERFACE IMPORTED)
  set_target_properties(Xapian::xapian PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${XAPIAN_INCLUDE_DIR}"
    INTERFACE_LINK_LIBRARIES "${XAPIAN_LIBRARIES}")
endif()
find_package(LibXml2 REQUIRED)
find_package(fmt REQUIRED CONFIG)
find_package(nlohmann_json 3 REQUIRED CONFIG)
# Boost.Program_options is linked statically (Debian ships the PIC archive):
# resolving its symbols at start-up cost more than any other library in a
# one-shot morgue-search, which runs once per query.
set(Boost_USE_STATIC_LIBS ON)
find_package(Boost 1.74 REQUIRED COMPONENTS program_options)
find_package(Threads REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
# The language detector (extract/language.cc): Debian's libcld2-dev, Compact
# Language Detector 2. It ships no pkg-config file.
find_path(CLD2_INCLUDE_DIR cld2/public/compact_lang_det.h REQUIRED)
find_library(CLD2_LIBRARY cld2 REQUIRED)
add_library(Cld2::cld2 UNKNOWN IMPORTED)
set_target_properties(Cld2::cld2 PROPERTIES IMPORTED_LOCATION "${CLD2_LIBRARY}"
  INTERFACE_INCLUDE_DIRECTORIES "${CLD2_INCLUDE_DIR}")
# morgue-index allocates through mimalloc (Debian's libmimalloc-dev) instead of
# glibc's malloc: indexing a story makes about 2,000 small allocations, most
# of them inside Xapian (terms, positions, postings), and mimalloc serves them
# in fewer instructions (callgrind, bbc-news/business: 9% fewer in all). Not
# with the sanitizers or the fuzzer, which bring their own allocator.
if(NOT MORGUE_SANITIZERS AND NOT MORGUE_FUZZ)
  find_package(mimalloc 2 REQUIRED CONFIG)
endif()
