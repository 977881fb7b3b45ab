# Builds this source tree, installs it, moves the installed tree elsewhere, and uses it the ways
# the README says: a CMake project with find_package (examples/consumer: C++ and C), the C
# example through pkg-config, and (shared builds) the Python ctypes example. Every program's
# output must equal EXPECTED.
#
#   cmake -DSOURCE_DIR=<econind> -DWORK_DIR=<scratch dir> -DSHARED=ON|OFF -DEXPECTED=<file>
#         [-DGENERATOR=Ninja] [-DCXX_COMPILER=..] [-DC_COMPILER=..] [-DPKG_CONFIG=..]
#         [-DPYTHON=..] [-DJOBS=2] -P check_install.cmake
#
# WORK_DIR keeps the library's build between runs (rebuilds are incremental); the installed
# tree and the consumer builds are made afresh each time.
cmake_minimum_required(VERSION 3.25)

foreach(var SOURCE_DIR WORK_DIR SHARED EXPECTED)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "check_install.cmake: -D${var}=... is required")
  endif()
endforeach()
if(NOT JOBS)
  set(JOBS 2)
endif()
if(NOT GENERATOR)
  set(GENERATOR "Ninja")
endif()

set(build "${WORK_DIR}/build")
set(stage "${WORK_DIR}/stage")
set(prefix "${WORK_DIR}/prefix")  # where the staged install is moved: nothing may point back
set(consumer "${WORK_DIR}/consumer")
file(READ "${EXPECTED}" expected)

# run(<name> [WORKING_DIRECTORY dir] COMMAND ...): runs it, fails the test when it fails, and
# leaves its standard output in `out`.
function(run name)
  cmake_parse_arguments(R "" "WORKING_DIRECTORY" "COMMAND" ${ARGN})
  if(NOT R_WORKING_DIRECTORY)
    set(R_WORKING_DIRECTORY "${WORK_DIR}")
  endif()
  message(STATUS "${name}")
  execute_process(COMMAND ${R_COMMAND} WORKING_DIRECTORY "${R_WORKING_DIRECTORY}"
                  RESULT_VARIABLE rc OUTPUT_VARIABLE stdout ERROR_VARIABLE stderr)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${name} failed (${rc}):\n${R_COMMAND}\n${stdout}\n${stderr}")
  endif()
  set(out "${stdout}" PARENT_SCOPE)
endfunction()

function(expect_output name actual)
  if(NOT actual STREQUAL expected)
    message(FATAL_ERROR "${name}: output differs from ${EXPECTED}\n--- expected\n${expected}--- actual\n${actual}")
  endif()
  message(STATUS "${name}: output as expected")
endfunction()

file(MAKE_DIRECTORY "${WORK_DIR}")
set(cxx_compiler "")  # econind is C++ only; the consumer is C and C++
set(compilers "")
if(CXX_COMPILER)
  set(cxx_compiler "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}")
  list(APPEND compilers "${cxx_compiler}")
endif()
if(C_COMPILER)
  list(APPEND compilers "-DCMAKE_C_COMPILER=${C_COMPILER}")
endif()

# ---- Build and install -------------------------------------------------------------------------
# A Release configuration, as packagers build it (the export names Release locations), compiled
# without optimization to keep this test quick.
run("configure econind (BUILD_SHARED_LIBS=${SHARED})" COMMAND
    "${CMAKE_COMMAND}" -S "${SOURCE_DIR}" -B "${build}" -G "${GENERATOR}" ${cxx_compiler}
    -DCMAKE_BUILD_TYPE=Release "-DCMAKE_CXX_FLAGS_RELEASE=-DNDEBUG" -DBUILD_SHARED_LIBS=${SHARED}
    -DECONIND_BUILD_TESTS=OFF -DECONIND_BUILD_EXAMPLES=ON -DECONIND_INSTALL=ON
    "-DCMAKE_INSTALL_PREFIX=${stage}")
file(STRINGS "${build}/CMakeCache.txt" libdir REGEX "^CMAKE_INSTALL_LIBDIR:")
string(REGEX REPLACE "^[^=]*=" "" libdir "${libdir}")  # lib, or lib64 on some systems
run("build econind" COMMAND "${CMAKE_COMMAND}" --build "${build}" --parallel ${JOBS})
file(REMOVE_RECURSE "${stage}" "${prefix}" "${consumer}")
run("install econind" COMMAND "${CMAKE_COMMAND}" --install "${build}" --prefix "${stage}")
file(RENAME "${stage}" "${prefix}")

# ---- What was installed ------------------------------------------------------------------------
foreach(f include/econind/econind.hpp include/econind/econind.h include/econind/version.hpp
          include/econind/export.hpp ${libdir}/cmake/econind/econindConfig.cmake
          ${libdir}/cmake/econind/econindConfigVersion.cmake ${libdir}/cmake/econind/econindTargets.cmake
          ${libdir}/pkgconfig/econind.pc)
  if(NOT EXISTS "${prefix}/${f}")
    message(FATAL_ERROR "not installed: ${f}")
  endif()
endforeach()
file(GLOB cli "${prefix}/bin/econind" "${prefix}/bin/econind.exe")
file(GLOB shared_libs "${prefix}/${libdir}/libeconind.so" "${prefix}/${libdir}/libeconind.dylib" "${prefix}/bin/econind.dll")
file(GLOB static_libs "${prefix}/${libdir}/libeconind.a" "${prefix}/${libdir}/econind.lib")
if(NOT cli)
  message(FATAL_ERROR "the econind CLI was not installed in ${prefix}/bin")
endif()
if(SHARED AND NOT shared_libs)
  message(FATAL_ERROR "no shared libeconind in ${prefix}")
elseif(NOT SHARED AND (shared_libs OR NOT static_libs))
  message(FATAL_ERROR "a static build must install libeconind.a and no shared library")
endif()
file(GLOB package_files "${prefix}/${libdir}/cmake/econind/*.cmake" "${prefix}/${libdir}/pkgconfig/*.pc")
foreach(f IN LISTS package_files)
  file(READ "${f}" content)
  foreach(bad "${SOURCE_DIR}" "${WORK_DIR}" "econind_objects")
    string(FIND "${content}" "${bad}" at)
    if(NOT at EQUAL -1)
      message(FATAL_ERROR "${f} mentions ${bad}: the package must not point into the build")
    endif()
  endforeach()
endforeach()

# The installed CLI runs from the moved tree (a shared build finds libeconind by its RPATH).
run("installed econind parse" COMMAND "${cli}" parse "200多亿元")
if(NOT out MATCHES "\"value\":20000000000,")
  message(FATAL_ERROR "econind parse 200多亿元 printed:\n${out}")
endif()

# ---- find_package: examples/consumer (C++ and C) ----------------------------------------------
run("configure examples/consumer" COMMAND
    "${CMAKE_COMMAND}" -S "${SOURCE_DIR}/examples/consumer" -B "${consumer}" -G "${GENERATOR}" ${compilers}
    -DCMAKE_BUILD_TYPE=Release "-DCMAKE_PREFIX_PATH=${prefix}")
file(STRINGS "${consumer}/CMakeCache.txt" found REGEX "^econind_DIR:")
if(NOT found STREQUAL "econind_DIR:PATH=${prefix}/${libdir}/cmake/econind")
  message(FATAL_ERROR "examples/consumer found another econind: ${found}")
endif()
run("build examples/consumer" COMMAND "${CMAKE_COMMAND}" --build "${consumer}" --parallel ${JOBS})
run("run consumer (C++ API)" COMMAND "${consumer}/consumer")
expect_output("consumer" "${out}")
run("run consumer_c (C API)" COMMAND "${consumer}/consumer_c")
expect_output("consumer_c" "${out}")

# ---- pkg-config: the C example, as the README compiles it ---------------------------------------
if(NOT PKG_CONFIG OR NOT C_COMPILER)
  message(FATAL_ERROR "pkg-config and a C compiler are needed (cmake/install-deps.sh installs them)")
endif()
set(ENV{PKG_CONFIG_PATH} "${prefix}/${libdir}/pkgconfig")
run("pkg-config --modversion econind" COMMAND "${PKG_CONFIG}" --modversion econind)
file(STRINGS "${SOURCE_DIR}/CMakeLists.txt" project_line REGEX "^project\\(econind VERSION")
string(REGEX MATCH "VERSION ([0-9.]+)" _ "${project_line}")
if(NOT out STREQUAL "${CMAKE_MATCH_1}\n")
  message(FATAL_ERROR "pkg-config --modversion econind: ${out}, want ${CMAKE_MATCH_1}")
endif()
run("pkg-config --cflags --libs econind" COMMAND "${PKG_CONFIG}" --cflags --libs econind)
separate_arguments(pc_flags UNIX_COMMAND "${out}")
run("cc extract.c $(pkg-config --cflags --libs econind)" COMMAND
    "${C_COMPILER}" -std=c99 -Wall -Wextra -pedantic -Werror "${SOURCE_DIR}/examples/consumer/extract.c"
    ${pc_flags} -o "${consumer}/extract_pkg_config")
set(ENV{LD_LIBRARY_PATH} "${prefix}/${libdir}")  # what the README says to do for a shared install
run("run the pkg-config build of extract.c" COMMAND "${consumer}/extract_pkg_config")
expect_output("extract.c (pkg-config)" "${out}")

# ---- Python ctypes, on the shared library ------------------------------------------------------
if(SHARED)
  if(NOT PYTHON)
    message(FATAL_ERROR "python3 is needed to run examples/python (cmake/install-deps.sh installs it)")
  endif()
  list(GET shared_libs 0 library)
  set(ENV{ECONIND_LIBRARY} "${library}")
  run("python3 examples/python/example.py" COMMAND "${PYTHON}" "${SOURCE_DIR}/examples/python/example.py")
  expect_output("examples/python/example.py" "${out}")
  run("every function of econind.h is exported" COMMAND
      "${PYTHON}" "${CMAKE_CURRENT_LIST_DIR}/check_exports.py" "${prefix}/include/econind/econind.h" "${library}")
  message(STATUS "${out}")
endif()
