// The CLI's JSONL input (examples/cli/jsonl_input.hpp) on any bytes. The first byte sets the
// longest line, the second how many bytes the stream hands over at a time; the rest is the
// stream. LineReader must return exactly the lines a plain split gives (byte order mark and
// '\r' dropped, long lines reported as too long), parse_input_line must never throw, accept only
// UTF-8 JSON objects with a string text and a string or integer id, and what it accepts must
// survive a round trip; find_invalid_utf8 must agree with the library's own decoder. Each
// document it accepts then goes through the extractor with its date.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <istream>
#include <streambuf>

#include <nlohmann/json.hpp>

#include "invariants.hpp"
#include "jsonl_input.hpp"

using namespace econind;

namespace {

// A stream buffer that hands over at most `chunk` bytes per refill, so that lines, line breaks
// and byte order marks arrive split across reads.
class ChunkedBuffer : public std::streambuf {
 public:
  ChunkedBuffer(std::string_view data, std::size_t chunk) : data_(data), chunk_(chunk) {}

 protected:
  int_type underflow() override {
    if (pos_ >= data_.size()) return traits_type::eof();
    std::size_t n = std::min(chunk_, data_.size() - pos_);
    char* b = const_cast<char*>(data_.data() + pos_);
    setg(b, b, b + n);
    pos_ += n;
    return traits_type::to_int_type(*b);
  }

 private:
  std::string_view data_;
  std::size_t chunk_;
  std::size_t pos_ = 0;
};

// The first byte that econind's decoder does not read as UTF-8, or npos.
std::size_t first_invalid(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    detail::Decoded d = detail::decode_utf8(s, i);
    if (!d.valid) return i;
    i += d.len;
  }
  return std::string_view::npos;
}

void check_line(const std::string& line) {
  std::string error;
  std::optional<cli::InputDoc> doc;
  try {
    doc = cli::parse_input_line(line, error);
  } catch (...) {
    ECONIND_CHECK_MSG(false, "parse_input_line threw");
  }
  ECONIND_CHECK(cli::find_invalid_utf8(line) == first_invalid(line));
  if (!doc) {
    static constexpr std::string_view kErrors[] = {
        "not valid UTF-8 at byte offset ", "invalid JSON", "not a JSON object", "\"text\" is missing",
        "\"text\" is not a string", "\"id\" is missing", "\"id\" is not a string or an integer",
        "\"date\" is not a string"};
    ECONIND_CHECK_MSG(std::any_of(std::begin(kErrors), std::end(kErrors),
                                  [&](std::string_view e) { return error.rfind(e, 0) == 0; }),
                      error);
    return;
  }
  ECONIND_CHECK(cli::find_invalid_utf8(line) == std::string_view::npos);
  ECONIND_CHECK(fuzz::is_utf8(doc->id) && fuzz::is_utf8(doc->text) && fuzz::is_utf8(doc->date));
  // What was read, written back as JSON, reads the same.
  nlohmann::json j = {{"id", doc->id}, {"text", doc->text}};
  j["date"] = doc->date.empty() ? nlohmann::json(nullptr) : nlohmann::json(doc->date);
  std::string again_error;
  std::optional<cli::InputDoc> again = cli::parse_input_line(j.dump(), again_error);
  ECONIND_CHECK_MSG(again, again_error);
  ECONIND_CHECK(again->id == doc->id && again->text == doc->text && again->date == doc->date);

  static const Extractor extractor;
  Result r = extractor.extract(doc->text, {doc->id, doc->date});
  fuzz::check_result(r, doc->text);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const std::size_t max_line = data[0] == 0xFF ? (1u << 20) : 1 + std::size_t{data[0]} * 5;
  const std::size_t chunk = 1 + std::size_t{data[1]};
  std::string_view stream(reinterpret_cast<const char*>(data) + 2, size - 2);

  // The lines a plain split finds.
  struct Expected {
    std::string text;
    bool too_long;
  };
  std::vector<Expected> expected;
  std::string_view rest = stream;
  if (rest.substr(0, 3) == "\xEF\xBB\xBF") rest.remove_prefix(3);
  while (!rest.empty()) {
    std::size_t nl = rest.find('\n');
    std::string line(rest.substr(0, nl));
    rest.remove_prefix(nl == std::string_view::npos ? rest.size() : nl + 1);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    bool too_long = line.size() > max_line;
    expected.push_back({too_long ? std::string() : line, too_long});
  }

  ChunkedBuffer buffer(stream, chunk);
  std::istream in(&buffer);
  cli::LineReader reader(in, max_line);
  std::string line;
  std::size_t n = 0;
  for (;;) {
    cli::LineReader::Status status = reader.next(line);
    if (status == cli::LineReader::Status::end) break;
    ECONIND_CHECK_MSG(n < expected.size(), "more lines than the input has");
    ECONIND_CHECK(reader.line_number() == n + 1);
    ECONIND_CHECK_MSG((status == cli::LineReader::Status::too_long) == expected[n].too_long,
                      "line " + std::to_string(n + 1));
    ECONIND_CHECK_MSG(line == expected[n].text, "line " + std::to_string(n + 1) + " differs");
    ECONIND_CHECK(line.find('\n') == std::string::npos && line.size() <= max_line);
    if (status == cli::LineReader::Status::line) check_line(line);
    ++n;
  }
  ECONIND_CHECK_MSG(n == expected.size(), std::to_string(n) + " lines read of " + std::to_string(expected.size()));
  ECONIND_CHECK(reader.bytes_read() == stream.size());
  ECONIND_CHECK(reader.next(line) == cli::LineReader::Status::end);
  return 0;
}
