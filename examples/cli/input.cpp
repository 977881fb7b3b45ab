#include "input.hpp"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>
#include <system_error>

#include "jsonl_input.hpp"

namespace econind::cli {
namespace fs = std::filesystem;

// ---------------------------------------------------------------------------------------------
// Files and directories

namespace {

// One character of a pattern at p[pi] against c; sets `next` past it. '[' without its ']' is
// literal.
bool match_one(std::string_view p, std::size_t pi, char c, std::size_t& next) {
  char pc = p[pi];
  if (pc == '?') {
    next = pi + 1;
    return c != '/';
  }
  if (pc == '\\' && pi + 1 < p.size()) {
    next = pi + 2;
    return c == p[pi + 1];
  }
  if (pc == '[') {
    std::size_t i = pi + 1;
    bool negate = i < p.size() && (p[i] == '!' || p[i] == '^');
    if (negate) ++i;
    std::size_t first = i;
    bool hit = false;
    while (i < p.size() && (p[i] != ']' || i == first)) {
      if (i + 2 < p.size() && p[i + 1] == '-' && p[i + 2] != ']') {
        hit |= static_cast<unsigned char>(c) >= static_cast<unsigned char>(p[i]) &&
               static_cast<unsigned char>(c) <= static_cast<unsigned char>(p[i + 2]);
        i += 3;
      } else {
        hit |= c == p[i];
        ++i;
      }
    }
    if (i < p.size()) {
      next = i + 1;
      return c != '/' && hit != negate;
    }
  }
  next = pi + 1;
  return c == pc;
}

bool matches_any(const std::vector<std::string>& globs, const std::string& name, const std::string& rel) {
  return std::any_of(globs.begin(), globs.end(), [&](const std::string& g) {
    return glob_match(g, g.find('/') != std::string::npos ? rel : name);
  });
}

void walk(const fs::path& dir, const std::string& rel, const std::vector<std::string>& globs,
          std::vector<Source>& out) {
  std::error_code ec;
  std::vector<fs::directory_entry> entries;
  fs::directory_iterator it(dir, ec);
  for (; !ec && it != fs::directory_iterator(); it.increment(ec)) entries.push_back(*it);
  if (ec) {
    out.push_back({dir.string(), std::nullopt, "cannot list: " + ec.message()});
    return;
  }
  std::sort(entries.begin(), entries.end(), [](const fs::directory_entry& a, const fs::directory_entry& b) {
    return a.path().filename().string() < b.path().filename().string();
  });
  for (const fs::directory_entry& e : entries) {
    std::string name = e.path().filename().string();
    if (name.empty() || name[0] == '.') continue;
    std::string sub = rel.empty() ? name : rel + "/" + name;
    std::error_code sec;
    if (e.is_directory(sec)) {
      // Symbolic links to directories are not followed: they may lead in circles.
      if (!e.is_symlink(sec)) walk(e.path(), sub, globs, out);
      continue;
    }
    if (!matches_any(globs, name, sub)) continue;
    Source s{e.path().string(), std::nullopt, {}};
    if (e.is_regular_file(sec)) {
      std::uintmax_t size = e.file_size(sec);
      if (!sec) s.size = size;
    }
    out.push_back(std::move(s));
  }
}

}  // namespace

bool glob_match(std::string_view p, std::string_view s) {
  std::size_t pi = 0, si = 0;
  std::size_t star = std::string_view::npos, star_s = 0;
  while (si < s.size()) {
    std::size_t next = 0;
    if (pi < p.size() && p[pi] == '*') {
      star = pi++;
      star_s = si;
    } else if (pi < p.size() && match_one(p, pi, s[si], next)) {
      pi = next;
      ++si;
    } else if (star != std::string_view::npos && s[star_s] != '/') {
      // Let the last '*' take one more character (never a '/'), and try again after it.
      pi = star + 1;
      si = ++star_s;
    } else {
      return false;
    }
  }
  while (pi < p.size() && p[pi] == '*') ++pi;
  return pi == p.size();
}

std::vector<Source> expand_inputs(const std::vector<std::string>& inputs, const std::vector<std::string>& globs) {
  std::vector<Source> out;
  if (inputs.empty()) out.push_back({"-", std::nullopt, {}});
  for (const std::string& in : inputs) {
    if (in == "-") {
      out.push_back({in, std::nullopt, {}});
      continue;
    }
    std::error_code ec;
    fs::file_status st = fs::status(in, ec);
    if (!ec && fs::is_directory(st)) {
      walk(in, "", globs, out);
      continue;
    }
    Source s{in, std::nullopt, {}};
    if (!ec && fs::is_regular_file(st)) {
      std::uintmax_t size = fs::file_size(in, ec);
      if (!ec) s.size = size;
    }
    out.push_back(std::move(s));  // one that does not exist fails when it is read, in its turn
  }
  return out;
}

bool read_input(const Source& source, std::uint64_t max_bytes, std::string& out, std::string& error) {
  out.clear();
  const std::string over = "over the --max-bytes limit of " + std::to_string(max_bytes);
  if (source.size && *source.size > max_bytes) {
    error = std::to_string(*source.size) + " bytes, " + over;
    return false;
  }
  bool is_stdin = source.path == "-";
  std::FILE* f = is_stdin ? stdin : std::fopen(source.path.c_str(), "rb");
  if (f == nullptr) {
    error = std::string("cannot read: ") + std::strerror(errno);
    return false;
  }
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> closer(is_stdin ? nullptr : f, &std::fclose);
  if (source.size) out.reserve(static_cast<std::size_t>(*source.size));
  char buf[64 * 1024];
  for (;;) {
    std::size_t n = std::fread(buf, 1, sizeof buf, f);
    out.append(buf, n);
    if (out.size() > max_bytes) {
      out.clear();
      error = over;
      return false;
    }
    if (n < sizeof buf) break;
  }
  if (std::ferror(f) != 0) {
    error = std::string("cannot read: ") + std::strerror(errno);
    std::clearerr(f);
    return false;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Encodings

namespace {

std::string fold(std::string_view name) {
  std::string k;
  for (char c : name) {
    if (c == '-' || c == '_') continue;
    k += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return k;
}

// How an encoding is named in messages and output.
std::string display_name(std::string_view name) {
  static const std::pair<const char*, const char*> kNames[] = {
      {"utf16", "UTF-16"}, {"utf16le", "UTF-16LE"}, {"utf16be", "UTF-16BE"}, {"gb18030", "GB18030"},
      {"gbk", "GBK"},      {"gb2312", "GB2312"},     {"cp936", "GBK"},       {"big5", "Big5"},
      {"big5hkscs", "Big5-HKSCS"}, {"cp950", "Big5"}};
  std::string k = fold(name);
  for (const auto& [key, shown] : kNames) {
    if (k == key) return shown;
  }
  return std::string(name);
}

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using ConverterPtr = std::unique_ptr<UConverter, ConverterCloser>;

struct DetectorCloser {
  void operator()(UCharsetDetector* d) const { ucsdet_close(d); }
};

// Decodes `bytes` strictly: an illegal or unmappable sequence stops it, and `bad_at` says where.
bool transcode(std::string_view bytes, const char* converter, std::string& out, std::size_t& bad_at) {
  UErrorCode ec = U_ZERO_ERROR;
  ConverterPtr cnv(ucnv_open(converter, &ec));
  if (U_FAILURE(ec)) {
    bad_at = 0;
    return false;
  }
  ucnv_setToUCallBack(cnv.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &ec);
  std::u16string units(bytes.size() + 16, u'\0');
  const char* src = bytes.data();
  const char* src_end = src + bytes.size();
  std::size_t used = 0;
  for (;;) {
    ec = U_ZERO_ERROR;
    UChar* target = units.data() + used;
    ucnv_toUnicode(cnv.get(), &target, units.data() + units.size(), &src, src_end, nullptr, true, &ec);
    used = static_cast<std::size_t>(target - units.data());
    if (ec == U_BUFFER_OVERFLOW_ERROR) {
      units.resize(units.size() * 2);
      continue;
    }
    break;
  }
  if (U_FAILURE(ec)) {
    char invalid[32];
    int8_t len = sizeof invalid;
    UErrorCode ec2 = U_ZERO_ERROR;
    ucnv_getInvalidChars(cnv.get(), invalid, &len, &ec2);
    auto consumed = static_cast<std::size_t>(src - bytes.data());
    bad_at = consumed - std::min<std::size_t>(consumed, U_SUCCESS(ec2) ? static_cast<std::size_t>(len) : 0);
    return false;
  }
  std::size_t skip = used > 0 && units[0] == u'\uFEFF' ? 1 : 0;  // a byte order mark
  int32_t n = 0;
  ec = U_ZERO_ERROR;
  const UChar* from = units.data() + skip;
  auto from_len = static_cast<int32_t>(used - skip);
  u_strToUTF8WithSub(nullptr, 0, &n, from, from_len, 0xFFFD, nullptr, &ec);
  out.assign(static_cast<std::size_t>(n), '\0');
  ec = U_ZERO_ERROR;
  u_strToUTF8WithSub(out.data(), n, &n, from, from_len, 0xFFFD, nullptr, &ec);
  return U_SUCCESS(ec);
}

bool decode_as(std::string_view bytes, const char* converter, const std::string& shown, Decoded& out,
               std::string& error) {
  std::size_t bad_at = 0;
  if (!transcode(bytes, converter, out.text, bad_at)) {
    error = "not valid " + shown + " at byte offset " + std::to_string(bad_at);
    return false;
  }
  out.encoding = shown;
  out.transcoded = true;
  return true;
}

void as_utf8(std::string bytes, Decoded& out) {
  // A byte order mark becomes blanks so that offsets still count the input's bytes.
  if (bytes.compare(0, 3, "\xEF\xBB\xBF") == 0) bytes.replace(0, 3, "   ");
  out.text = std::move(bytes);
  out.encoding = "UTF-8";
  out.transcoded = false;
}

// Candidates from ICU's detector, best first, among those we accept.
std::vector<std::pair<std::string, int32_t>> detect(std::string_view bytes) {
  std::vector<std::pair<std::string, int32_t>> out;
  UErrorCode ec = U_ZERO_ERROR;
  std::unique_ptr<UCharsetDetector, DetectorCloser> det(ucsdet_open(&ec));
  if (U_FAILURE(ec)) return out;
  ucsdet_setText(det.get(), bytes.data(), static_cast<int32_t>(std::min<std::size_t>(bytes.size(), INT32_MAX)), &ec);
  int32_t n = 0;
  const UCharsetMatch** matches = ucsdet_detectAll(det.get(), &n, &ec);
  if (U_FAILURE(ec)) return out;
  for (int32_t i = 0; i < n; ++i) {
    const char* name = ucsdet_getName(matches[i], &ec);
    int32_t confidence = ucsdet_getConfidence(matches[i], &ec);
    if (U_FAILURE(ec) || name == nullptr) break;
    out.emplace_back(name, confidence);
  }
  return out;
}

// Below this the detector is guessing (short texts); better to ask for --encoding.
constexpr int32_t kMinConfidence = 20;

}  // namespace

bool is_utf8_name(std::string_view name) { return fold(name) == "utf8"; }

bool known_encoding(const std::string& name) {
  if (name == "auto" || is_utf8_name(name)) return true;
  if (name.empty()) return false;
  UErrorCode ec = U_ZERO_ERROR;
  ConverterPtr cnv(ucnv_open(name.c_str(), &ec));
  return U_SUCCESS(ec);
}

bool decode(std::string bytes, const std::string& encoding, Decoded& out, std::string& error) {
  if (is_utf8_name(encoding)) {
    as_utf8(std::move(bytes), out);
    return true;
  }
  if (encoding != "auto") return decode_as(bytes, encoding.c_str(), display_name(encoding), out, error);

  if (bytes.compare(0, 3, "\xEF\xBB\xBF") == 0 || find_invalid_utf8(bytes) == std::string::npos) {
    as_utf8(std::move(bytes), out);
    return true;
  }
  if (bytes.compare(0, 2, "\xFF\xFE") == 0) return decode_as(bytes, "UTF-16LE", "UTF-16LE", out, error);
  if (bytes.compare(0, 2, "\xFE\xFF") == 0) return decode_as(bytes, "UTF-16BE", "UTF-16BE", out, error);
  for (const auto& [name, confidence] : detect(bytes)) {
    if (name == "UTF-8") {
      // Mostly UTF-8 with a few bad bytes: the extractor repairs and reports them.
      as_utf8(std::move(bytes), out);
      return true;
    }
    if ((name == "GB18030" || name == "Big5") && confidence >= kMinConfidence) {
      std::string unused;
      if (decode_as(bytes, name.c_str(), name, out, unused)) return true;
    }
  }
  error = "cannot tell the encoding: not UTF-8, UTF-16 with BOM, GB18030 or Big5 (see --encoding)";
  return false;
}

}  // namespace econind::cli
