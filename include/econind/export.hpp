#pragma once
// ECONIND_EXPORT marks the public API of a shared econind build; static builds need nothing.
#if defined(ECONIND_SHARED)
#  if defined(_WIN32)
#    if defined(ECONIND_BUILDING)
#      define ECONIND_EXPORT __declspec(dllexport)
#    else
#      define ECONIND_EXPORT __declspec(dllimport)
#    endif
#  else
#    define ECONIND_EXPORT __attribute__((visibility("default")))
#  endif
#else
#  define ECONIND_EXPORT
#endif
