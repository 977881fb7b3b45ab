#pragma once
// Bit tricks shared by the loops that test 16 or 64 bytes at a time.
#include <cstdint>

namespace econind::detail {

// The index of the lowest set bit of x != 0.
inline unsigned lowest_bit(std::uint64_t x) {
#if defined(__GNUC__) || defined(__clang__)
  return static_cast<unsigned>(__builtin_ctzll(x));
#else
  unsigned k = 0;
  while (!(x & 1)) {
    x >>= 1;
    ++k;
  }
  return k;
#endif
}

}  // namespace econind::detail
