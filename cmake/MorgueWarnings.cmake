# Warnings and sanitizers travel through INTERFACE targets that every project
# target links, so one place decides the flags.
add_library(morgue_warnings INTERFACE)
target_compile_options(morgue_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align
  -Wunused -Woverloaded-virtual -Wformat=2)
# -Wnull-dereference is left out: at -O2 GCC 12 reports false positives inside
# libstdc++ and Boost.Program_options headers.
# GCC 12 at -O3 (Release) reports -Wrestrict on std::string concatenation
# inside libstdc++'s char_traits (GCC bug 105329, fixed in GCC 13): off there.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
  target_compile_options(morgue_warnings INTERFACE -Wno-restrict)
endif()
if(MORGUE_WERROR)
  target_compile_options(morgue_warnings INTERFACE -Werror)
endif()

add_library(morgue_sanitizers INTERFACE)
if(MORGUE_SANITIZERS)
  target_compile_options(morgue_sanitizers INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(morgue_sanitizers INTERFACE -fsanitize=address,undefined)
endif()

# Fuzzing (clang only): every project target gets coverage instrumentation and
# ASan+UBSan; only the fuzz targets themselves link libFuzzer's main()
# (tests/fuzz/CMakeLists.txt adds -fsanitize=fuzzer to them).
if(MORGUE_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "MORGUE_FUZZ needs clang (CXX=clang++); scripts/fuzz sets it up")
  endif()
  target_compile_options(morgue_sanitizers INTERFACE
    -fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(morgue_sanitizers INTERFACE -fsanitize=address,undefined)
endif()

# Programs load only the shared libraries they use (Debian does not default to
# --as-needed): start-up time matters for a process per query.
add_link_options(LINKER:--as-needed)
