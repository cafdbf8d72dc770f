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
# The language detector (extract/language.cc): libexttextcat's n-gram models.
# Its fingerprints are data files read at run time from the package's folder.
pkg_check_modules(EXTTEXTCAT REQUIRED IMPORTED_TARGET libexttextcat)
pkg_get_variable(EXTTEXTCAT_DATA_DIR libexttextcat pkgdatadir)
