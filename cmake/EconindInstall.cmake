# Install rules: the library, its headers and the CLI.
include(GNUInstallDirs)
install(TARGETS econind
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY include/econind DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} FILES_MATCHING PATTERN "*.hpp")
install(FILES ${PROJECT_BINARY_DIR}/include/econind/version.hpp DESTINATION ${CMAKE_INSTALL_INCLUDEDIR}/econind)
if(TARGET econind_cli)
  install(TARGETS econind_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
endif()
