// The CLI's JSONL reader on its own: the functions a fuzz target calls.
#include "jsonl_input.hpp"

#include <sstream>
#include <string>

#include "catch.hpp"

using econind::cli::find_invalid_utf8;
using econind::cli::InputDoc;
using econind::cli::LineReader;
using econind::cli::parse_input_line;

namespace {

std::string error_of(std::string_view line) {
  std::string error;
  auto doc = parse_input_line(line, error);
  CHECK_FALSE(doc.has_value());
  return error;
}

}  // namespace

TEST_CASE("parse_input_line reads id, text and date") {
  std::string error;
  auto doc = parse_input_line(R"({"id": "a1", "text": "产值突破1500亿元", "date": "2023-05-16", "url": "x"})", error);
  REQUIRE(doc);
  CHECK(doc->id == "a1");
  CHECK(doc->text == "产值突破1500亿元");
  CHECK(doc->date == "2023-05-16");

  doc = parse_input_line(R"({"text": "", "id": 17, "date": null})", error);
  REQUIRE(doc);
  CHECK(doc->id == "17");
  CHECK(doc->text.empty());
  CHECK(doc->date.empty());

  doc = parse_input_line(R"({"id": -3, "text": "\u4ea7\u503c\n"})", error);
  REQUIRE(doc);
  CHECK(doc->id == "-3");
  CHECK(doc->text == "产值\n");
}

TEST_CASE("parse_input_line says what is wrong with a line") {
  CHECK(error_of("{\"id\": \"a\", \"text\": \"\xFF\"}") == "not valid UTF-8 at byte offset 21");
  CHECK(error_of("{\"id\": \"a\", \"text\": \"\xED\xA0\x80\"}") == "not valid UTF-8 at byte offset 21");  // a surrogate
  CHECK(error_of(R"({"id": "a", "text": )") == "invalid JSON at byte offset 20");
  CHECK(error_of(R"({"id" "a"})") == "invalid JSON at byte offset 8");  // where the parser gave up
  CHECK(error_of("") == "invalid JSON at byte offset 0");
  CHECK(error_of(R"({"id": "a", "text": "x"} {})") == "invalid JSON at byte offset 25");
  CHECK(error_of(R"(["a", "x"])") == "not a JSON object");
  CHECK(error_of(R"("text")") == "not a JSON object");
  CHECK(error_of(R"({"id": "a"})") == "\"text\" is missing");
  CHECK(error_of(R"({"id": "a", "text": ["x"]})") == "\"text\" is not a string");
  CHECK(error_of(R"({"text": "x"})") == "\"id\" is missing");
  CHECK(error_of(R"({"id": 1.5, "text": "x"})") == "\"id\" is not a string or an integer");
  CHECK(error_of(R"({"id": null, "text": "x"})") == "\"id\" is not a string or an integer");
  CHECK(error_of(R"({"id": "a", "text": "x", "date": 20230516})") == "\"date\" is not a string");
}

TEST_CASE("find_invalid_utf8 accepts UTF-8 and finds the first bad byte") {
  CHECK(find_invalid_utf8("") == std::string_view::npos);
  CHECK(find_invalid_utf8("abc 产值 \xF0\x9F\x98\x80") == std::string_view::npos);
  CHECK(find_invalid_utf8("ab\xC0\xAF") == 2);          // overlong
  CHECK(find_invalid_utf8("ab\xE4\xBA") == 2);          // truncated
  CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == 0);    // above U+10FFFF
  CHECK(find_invalid_utf8("a\x80") == 1);               // stray continuation byte
}

TEST_CASE("LineReader splits lines, drops a BOM and CRs, and skips lines over the limit") {
  std::istringstream in("\xEF\xBB\xBF{\"a\"}\r\nshort\n" + std::string(50, 'x') + "\nlast");
  LineReader reader(in, 10);
  std::string line;
  CHECK(reader.next(line) == LineReader::Status::line);
  CHECK(line == "{\"a\"}");
  CHECK(reader.line_number() == 1);
  CHECK(reader.bytes_read() == 3 + 7);
  CHECK(reader.next(line) == LineReader::Status::line);
  CHECK(line == "short");
  CHECK(reader.next(line) == LineReader::Status::too_long);
  CHECK(line.empty());
  CHECK(reader.line_number() == 3);
  CHECK(reader.next(line) == LineReader::Status::line);
  CHECK(line == "last");
  CHECK(reader.line_number() == 4);
  CHECK(reader.next(line) == LineReader::Status::end);
  CHECK(reader.bytes_read() == 3 + 7 + 6 + 51 + 4);
}

TEST_CASE("LineReader takes a line of exactly the limit, CRLF or not") {
  std::istringstream in("1234567890\r\n1234567890\n12345678901\n");
  LineReader reader(in, 10);
  std::string line;
  CHECK(reader.next(line) == LineReader::Status::line);
  CHECK(line == "1234567890");
  CHECK(reader.next(line) == LineReader::Status::line);
  CHECK(reader.next(line) == LineReader::Status::too_long);
  CHECK(reader.next(line) == LineReader::Status::end);
}
