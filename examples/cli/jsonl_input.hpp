#pragma once
// JSONL input for `econind extract --input-format jsonl`: one document per line,
//
//   {"id": "a1", "text": "合肥高新区……", "date": "2023-05-16"}
//
// Pure functions over bytes (standard library and nlohmann-json only), so a fuzz target can call
// them directly.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <istream>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace econind::cli {

struct InputDoc {
  std::string id;    // a string id as given; an integer id in decimal
  std::string text;  // UTF-8
  std::string date;  // empty when not given
};

// Reads one line (without its line break). "text" (a string) and "id" (a string or an integer)
// are required, "date" (a string or null) is optional, other members are ignored. Returns nullopt
// and sets `error` to one of:
//   not valid UTF-8 at byte offset N
//   invalid JSON at byte offset N
//   not a JSON object
//   "text" is missing            "text" is not a string
//   "id" is missing              "id" is not a string or an integer
//   "date" is not a string
// Never throws.
std::optional<InputDoc> parse_input_line(std::string_view line, std::string& error);

// Offset of the first byte that is not part of well-formed UTF-8 (no overlong forms, surrogates
// or code points above U+10FFFF), or npos when all of `s` is UTF-8.
std::size_t find_invalid_utf8(std::string_view s);

// Splits a stream into lines while holding at most `max_line` bytes of one line in memory, and
// returns each line as soon as its line break arrives (it never waits for more input than that).
// Lines end at '\n'; a '\r' before it and a UTF-8 byte order mark at the start of the stream are
// dropped.
class LineReader {
 public:
  enum class Status { line, too_long, end };

  LineReader(std::istream& in, std::size_t max_line) : in_(in), max_line_(std::min(max_line, kMaxLine)) {}

  // line: `line` holds the next line. too_long: the next line was longer than `max_line` and has
  // been skipped to its end. end: no more input.
  Status next(std::string& line);

  std::size_t line_number() const { return line_number_; }  // of the line last returned, from 1
  std::uint64_t bytes_read() const { return bytes_read_; }   // line breaks included

 private:
  static constexpr std::size_t kMaxLine = std::numeric_limits<std::size_t>::max() / 2;
  std::istream& in_;
  std::size_t max_line_;
  std::size_t line_number_ = 0;
  std::uint64_t bytes_read_ = 0;
  bool at_start_ = true;
  std::string buf_;  // read from the stream, not yet returned: at most one chunk
  std::size_t pos_ = 0;
};

}  // namespace econind::cli
