#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "econind/export.hpp"

namespace econind {

// Byte offsets [begin, end) into the text the caller passed in.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::size_t size() const { return end - begin; }
  friend bool operator==(const Span& a, const Span& b) { return a.begin == b.begin && a.end == b.end; }
  friend bool operator!=(const Span& a, const Span& b) { return !(a == b); }
};

// How a figure relates to the true value, as the text says: 多 余 超 → more_than, 近 → nearly …
enum class Qualifier : std::uint8_t { exact, approx, more_than, nearly, at_least, less_than, at_most };
ECONIND_EXPORT std::string_view to_string(Qualifier q);

// Something worth telling the caller about the input: bad text yields fewer results and one of
// these, never an exception.
struct Diagnostic {
  enum class Code : std::uint8_t {
    invalid_utf8,   // bytes that are not UTF-8 were read as U+FFFD
    out_of_range,   // a number too large to represent exactly
    too_many,       // further diagnostics of the same code were dropped
  };
  Code code = Code::invalid_utf8;
  Span span;
  std::string message;
};
ECONIND_EXPORT std::string_view to_string(Diagnostic::Code c);

}  // namespace econind
