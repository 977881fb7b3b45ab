# Install rules: the library and its headers, the CLI, a CMake package exporting econind::econind
# (econindConfig.cmake, econindConfigVersion.cmake, econindTargets*.cmake) and econind.pc for
# pkg-config. Every destination is relative to the prefix, so the installed tree can be moved.
include(CMakePackageConfigHelpers)

set(ECONIND_INSTALL_CMAKEDIR "${CMAKE_INSTALL_LIBDIR}/cmake/econind"
    CACHE STRING "Where econindConfig.cmake is installed, relative to the prefix")
set(ECONIND_INSTALL_PKGCONFIGDIR "${CMAKE_INSTALL_LIBDIR}/pkgconfig"
    CACHE STRING "Where econind.pc is installed, relative to the prefix")

install(TARGETS econind EXPORT econindTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${PROJECT_SOURCE_DIR}/include/econind DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}
        FILES_MATCHING PATTERN "*.hpp" PATTERN "*.h")
install(FILES ${PROJECT_BINARY_DIR}/include/econind/version.hpp DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/econind)

# ---- CMake package -----------------------------------------------------------------------------
install(EXPORT econindTargets NAMESPACE econind:: DESTINATION ${ECONIND_INSTALL_CMAKEDIR})
set(ECONIND_CONFIG_SHARED ${BUILD_SHARED_LIBS})
if(NOT ECONIND_CONFIG_SHARED)
  set(ECONIND_CONFIG_SHARED OFF)
endif()
configure_package_config_file(${PROJECT_SOURCE_DIR}/cmake/econindConfig.cmake.in
                              ${PROJECT_BINARY_DIR}/econindConfig.cmake
                              INSTALL_DESTINATION ${ECONIND_INSTALL_CMAKEDIR})
# Before 1.0 a minor version may break compatibility; from 1.0 on, a major version.
if(PROJECT_VERSION_MAJOR EQUAL 0)
  set(_econind_compatibility SameMinorVersion)
else()
  set(_econind_compatibility SameMajorVersion)
endif()
write_basic_package_version_file(${PROJECT_BINARY_DIR}/econindConfigVersion.cmake
                                 COMPATIBILITY ${_econind_compatibility})
install(FILES ${PROJECT_BINARY_DIR}/econindConfig.cmake ${PROJECT_BINARY_DIR}/econindConfigVersion.cmake
        DESTINATION ${ECONIND_INSTALL_CMAKEDIR})

# ---- pkg-config --------------------------------------------------------------------------------
# The prefix is found from the .pc file's own place (${pcfiledir}), so the tree stays movable.
function(_econind_pc_dir out dir)
  if(IS_ABSOLUTE "${dir}")
    set(${out} "${dir}" PARENT_SCOPE)
  else()
    set(${out} "\${prefix}/${dir}" PARENT_SCOPE)
  endif()
endfunction()
if(IS_ABSOLUTE "${ECONIND_INSTALL_PKGCONFIGDIR}")
  set(ECONIND_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
else()
  file(RELATIVE_PATH _econind_up "/prefix/${ECONIND_INSTALL_PKGCONFIGDIR}" "/prefix")
  string(REGEX REPLACE "/$" "" _econind_up "${_econind_up}")
  set(ECONIND_PC_PREFIX "\${pcfiledir}/${_econind_up}")
endif()
_econind_pc_dir(ECONIND_PC_LIBDIR "${CMAKE_INSTALL_LIBDIR}")
_econind_pc_dir(ECONIND_PC_INCLUDEDIR "${CMAKE_INSTALL_INCLUDEDIR}")

# A shared library brings its dependencies along. A static archive needs them on the link line of
# every program: as pkg-config modules where they ship one (ICU, spdlog), otherwise as -l flags
# (Boost.Regex, when it is a compiled library, and the C++ runtime a C program does not link).
set(ECONIND_PC_REQUIRES "")
set(ECONIND_PC_LIBS_EXTRA "")
set(ECONIND_PC_CFLAGS_EXTRA "")
if(BUILD_SHARED_LIBS)
  set(ECONIND_PC_CFLAGS_EXTRA " -DECONIND_SHARED")
else()
  set(ECONIND_PC_REQUIRES "icu-uc icu-i18n spdlog")
  get_target_property(_econind_boost_type Boost::regex TYPE)
  if(NOT _econind_boost_type STREQUAL "INTERFACE_LIBRARY")
    set(_econind_boost_file "")
    foreach(_prop IMPORTED_LOCATION_RELEASE IMPORTED_LOCATION_RELWITHDEBINFO IMPORTED_LOCATION_NOCONFIG
                  IMPORTED_LOCATION IMPORTED_LOCATION_DEBUG)
      get_target_property(_econind_boost_file Boost::regex ${_prop})
      if(_econind_boost_file)
        break()
      endif()
    endforeach()
    if(_econind_boost_file)
      get_filename_component(_econind_boost_name "${_econind_boost_file}" NAME)
      string(REGEX REPLACE "^lib" "" _econind_boost_name "${_econind_boost_name}")
      string(REGEX REPLACE "\\.(so|a|dylib|lib)(\\..*)?$" "" _econind_boost_name "${_econind_boost_name}")
      string(APPEND ECONIND_PC_LIBS_EXTRA " -l${_econind_boost_name}")
    endif()
  endif()
  foreach(_lib IN LISTS CMAKE_CXX_IMPLICIT_LINK_LIBRARIES)
    if(NOT _lib MATCHES "^(c|gcc|gcc_s|gcc_eh)$" AND NOT _lib MATCHES "[/\\\\]")
      string(APPEND ECONIND_PC_LIBS_EXTRA " -l${_lib}")
    endif()
  endforeach()
endif()
configure_file(${PROJECT_SOURCE_DIR}/cmake/econind.pc.in ${PROJECT_BINARY_DIR}/econind.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/econind.pc DESTINATION ${ECONIND_INSTALL_PKGCONFIGDIR})

# ---- The CLI -----------------------------------------------------------------------------------
if(TARGET econind_cli)
  # Finds a shared libeconind next to itself wherever the prefix is moved.
  if(BUILD_SHARED_LIBS AND NOT IS_ABSOLUTE "${CMAKE_INSTALL_LIBDIR}" AND NOT IS_ABSOLUTE "${CMAKE_INSTALL_BINDIR}")
    file(RELATIVE_PATH _econind_bin_to_lib "/prefix/${CMAKE_INSTALL_BINDIR}" "/prefix/${CMAKE_INSTALL_LIBDIR}")
    if(APPLE)
      set_target_properties(econind_cli PROPERTIES INSTALL_RPATH "@loader_path/${_econind_bin_to_lib}")
    elseif(UNIX)
      set_target_properties(econind_cli PROPERTIES INSTALL_RPATH "$ORIGIN/${_econind_bin_to_lib}")
    endif()
  endif()
  install(TARGETS econind_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()
