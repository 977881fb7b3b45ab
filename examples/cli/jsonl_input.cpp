#include "jsonl_input.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstring>

namespace econind::cli {

std::size_t find_invalid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
    if (b >= 0xC2 && b <= 0xDF) {
      len = 2;
    } else if (b >= 0xE0 && b <= 0xEF) {
      len = 3;
      if (b == 0xE0) lo = 0xA0;  // overlong
      if (b == 0xED) hi = 0x9F;  // surrogates
    } else if (b >= 0xF0 && b <= 0xF4) {
      len = 4;
      if (b == 0xF0) lo = 0x90;  // overlong
      if (b == 0xF4) hi = 0x8F;  // above U+10FFFF
    } else {
      return i;
    }
    if (i + len > s.size()) return i;
    auto second = static_cast<unsigned char>(s[i + 1]);
    if (second < lo || second > hi) return i;
    for (std::size_t k = 2; k < len; ++k) {
      auto c = static_cast<unsigned char>(s[i + k]);
      if (c < 0x80 || c > 0xBF) return i;
    }
    i += len;
  }
  return std::string_view::npos;
}

std::optional<InputDoc> parse_input_line(std::string_view line, std::string& error) {
  using nlohmann::json;
  std::size_t bad = find_invalid_utf8(line);
  if (bad != std::string_view::npos) {
    error = "not valid UTF-8 at byte offset " + std::to_string(bad);
    return std::nullopt;
  }
  json j;
  try {
    j = json::parse(line.begin(), line.end());
  } catch (const json::parse_error& e) {
    // e.byte counts the bytes read, the offending one included.
    std::size_t at = std::min<std::size_t>(e.byte > 0 ? e.byte - 1 : 0, line.size());
    error = "invalid JSON at byte offset " + std::to_string(at);
    return std::nullopt;
  } catch (const json::exception&) {
    error = "invalid JSON";  // a number out of range, say
    return std::nullopt;
  }
  if (!j.is_object()) {
    error = "not a JSON object";
    return std::nullopt;
  }
  InputDoc doc;
  auto text = j.find("text");
  if (text == j.end()) {
    error = "\"text\" is missing";
    return std::nullopt;
  }
  if (!text->is_string()) {
    error = "\"text\" is not a string";
    return std::nullopt;
  }
  auto id = j.find("id");
  if (id == j.end()) {
    error = "\"id\" is missing";
    return std::nullopt;
  }
  if (id->is_string()) {
    doc.id = id->get<std::string>();
  } else if (id->is_number_unsigned()) {
    doc.id = std::to_string(id->get<std::uint64_t>());
  } else if (id->is_number_integer()) {
    doc.id = std::to_string(id->get<std::int64_t>());
  } else {
    error = "\"id\" is not a string or an integer";
    return std::nullopt;
  }
  auto date = j.find("date");
  if (date != j.end() && !date->is_null()) {
    if (!date->is_string()) {
      error = "\"date\" is not a string";
      return std::nullopt;
    }
    doc.date = date->get<std::string>();
  }
  doc.text = std::move(text->get_ref<std::string&>());
  return doc;
}

namespace {

constexpr std::size_t kChunk = 64 * 1024;

// Appends what the stream has ready (at least one byte, waiting for it if need be, never for
// more) to `buf`; false at the end of the input.
bool fill(std::istream& in, std::string& buf) {
  std::streambuf* sb = in.rdbuf();
  if (sb == nullptr) return false;
  using traits = std::char_traits<char>;
  std::streamsize avail = sb->in_avail();
  if (avail <= 0) {
    traits::int_type c = sb->sbumpc();
    if (traits::eq_int_type(c, traits::eof())) return false;
    buf.push_back(traits::to_char_type(c));
    avail = sb->in_avail();
    if (avail <= 0) return true;
  }
  std::size_t want = std::min(static_cast<std::size_t>(avail), kChunk);
  std::size_t old = buf.size();
  buf.resize(old + want);
  std::streamsize got = sb->sgetn(&buf[old], static_cast<std::streamsize>(want));
  buf.resize(old + static_cast<std::size_t>(std::max<std::streamsize>(got, 0)));
  return true;
}

}  // namespace

LineReader::Status LineReader::next(std::string& line) {
  line.clear();
  if (at_start_) {
    at_start_ = false;
    static constexpr char kBom[] = "\xEF\xBB\xBF";
    while (buf_.size() - pos_ < 3 && std::memcmp(buf_.data() + pos_, kBom, buf_.size() - pos_) == 0 &&
           fill(in_, buf_)) {
    }
    if (buf_.compare(pos_, 3, kBom) == 0) {
      pos_ += 3;
      bytes_read_ += 3;
    }
  }
  bool any = false;
  bool too_long = false;
  for (;;) {
    if (pos_ == buf_.size()) {
      buf_.clear();
      pos_ = 0;
      if (!fill(in_, buf_)) break;
    }
    any = true;
    const char* begin = buf_.data() + pos_;
    std::size_t n = buf_.size() - pos_;
    const auto* nl = static_cast<const char*>(std::memchr(begin, '\n', n));
    std::size_t take = nl != nullptr ? static_cast<std::size_t>(nl - begin) : n;
    if (!too_long) {
      // One byte more than the limit may be a '\r' that belongs to the line break.
      if (line.size() + take > max_line_ + 1) {
        too_long = true;
        line.clear();
        line.shrink_to_fit();
      } else {
        line.append(begin, take);
      }
    }
    pos_ += take;
    bytes_read_ += take;
    if (nl != nullptr) {
      ++pos_;
      ++bytes_read_;
      break;
    }
  }
  if (!any) return Status::end;
  ++line_number_;
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (too_long || line.size() > max_line_) {
    line.clear();
    return Status::too_long;
  }
  return Status::line;
}

}  // namespace econind::cli
