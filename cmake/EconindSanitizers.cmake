# ECONIND_SANITIZE (address;undefined or thread) instruments every econind target.
if(ECONIND_SANITIZE)
  string(REPLACE ";" "," _econind_sanitizers "${ECONIND_SANITIZE}")
  add_compile_options(-fsanitize=${_econind_sanitizers} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${_econind_sanitizers})
endif()

# A fuzzing build gives every target libFuzzer's coverage instrumentation, so the fuzzers see
# into the library; fuzz/ links the fuzzer driver into its targets alone.
if(ECONIND_BUILD_FUZZERS AND CMAKE_CXX_COMPILER_ID MATCHES "Clang")
  add_compile_options(-fsanitize=fuzzer-no-link)
endif()
