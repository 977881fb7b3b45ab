# ECONIND_SANITIZE (address;undefined or thread) instruments every econind target.
if(ECONIND_SANITIZE)
  string(REPLACE ";" "," _econind_sanitizers "${ECONIND_SANITIZE}")
  add_compile_options(-fsanitize=${_econind_sanitizers} -fno-omit-frame-pointer -fno-sanitize-recover=all)
  add_link_options(-fsanitize=${_econind_sanitizers})
endif()
