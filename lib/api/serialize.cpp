#include "econind/serialize.hpp"

#include <charconv>
#include <nlohmann/json.hpp>

namespace econind {
namespace {

// The fields of a record, in output order. Each is written by write_field() below, as JSON or as
// a CSV cell; the two formats differ only in how strings and nulls are written.
enum class Field {
  doc, kind, value, value_max, unit, qualifier, text, begin, end,
  subject, industry, metric, year, rank_of, change_from, sentence
};
constexpr const char* kFieldNames[] = {"doc",     "kind",     "value",  "value_max", "unit", "qualifier",
                                       "text",    "begin",    "end",    "subject",   "industry", "metric",
                                       "year",    "rank_of",  "change_from", "sentence"};
constexpr int kFieldCount = static_cast<int>(std::size(kFieldNames));

enum class Format { json, csv };

bool valid_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      ++i;
      continue;
    }
    std::size_t n = (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    char32_t cp = b & (0x7F >> n);
    for (std::size_t k = 1; k < n; ++k) {
      auto c = static_cast<unsigned char>(s[i + k]);
      if ((c & 0xC0) != 0x80) return false;
      cp = cp << 6 | (c & 0x3F);
    }
    constexpr char32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += n;
  }
  return true;
}

// A JSON string, escaped as nlohmann::json escapes it (UTF-8 kept as is). Invalid UTF-8 — an
// original text may hold it — is replaced with U+FFFD by nlohmann itself, so that output never
// stops a batch and reads the same whichever path wrote it.
void append_json_string(std::string& out, std::string_view s) {
  if (!valid_utf8(s)) {
    out += nlohmann::json(std::string(s)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    return;
  }
  out += '"';
  std::size_t plain = 0;  // start of the run not yet copied
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default: {
        static constexpr char hex[] = "0123456789abcdef";
        out += "\\u00";
        out += hex[c >> 4];
        out += hex[c & 15];
      }
    }
  }
  out.append(s.data() + plain, s.size() - plain);
  out += '"';
}

template <class Int>
void append_integer(std::string& out, Int v) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, end);
}

// Exact decimals as JSON numbers: integers that fit in 64 bits as integers; others through
// double, whose shortest round-trip form is the decimal itself for the ≤ 15 significant digits
// figures carry.
void append_number(std::string& out, const Decimal& d) {
  char digits[24];
  auto [end, ec] = std::to_chars(digits, digits + sizeof digits, d.mantissa());
  auto length = static_cast<int>(end - digits);
  if (d.is_integer() && d.exponent() <= 18 - length) {
    out.append(digits, end);
    out.append(static_cast<std::size_t>(d.exponent()), '0');
    return;
  }
  out += nlohmann::json(d.to_double()).dump();
}

void append_entity(std::string& out, const EntityRef& e) {
  out += "{\"id\":";
  append_json_string(out, e.id());
  out += ",\"name\":";
  append_json_string(out, e.name());
  out += ",\"name_en\":";
  append_json_string(out, e.name_en());
  out += ",\"type\":";
  append_json_string(out, e.type());
  out += '}';
}

std::string_view slice(std::string_view text, Span s) {
  if (s.begin > text.size() || s.end > text.size() || s.begin > s.end) return {};
  return text.substr(s.begin, s.size());
}

// A CSV cell (RFC 4180): quoted when it holds a comma, a quote or a line break.
void append_csv_cell(std::string& out, std::string_view s) {
  if (s.find_first_of(",\"\n\r") == std::string_view::npos) {
    out += s;
    return;
  }
  out += '"';
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

void write_field(std::string& out, Field f, Format format, const Indicator& i, std::string_view text,
                 std::string_view doc) {
  // Strings are JSON strings in JSON and bare in CSV; null is `null` in JSON and empty in CSV;
  // numbers and entity objects are written the same in both (an entity cell is its JSON).
  auto string = [&](std::string_view s) {
    if (format == Format::json) append_json_string(out, s);
    else append_csv_cell(out, s);
  };
  auto null = [&] {
    if (format == Format::json) out += "null";
  };
  auto entity = [&](const std::optional<EntityRef>& e) {
    if (!e) return null();
    if (format == Format::json) return append_entity(out, *e);
    std::string cell;
    append_entity(cell, *e);
    append_csv_cell(out, cell);
  };
  switch (f) {
    case Field::doc: return string(doc);
    case Field::kind: return string(to_string(i.kind));
    case Field::value: return append_number(out, i.value);
    case Field::value_max: return i.value_max ? append_number(out, *i.value_max) : null();
    case Field::unit: return i.unit.empty() ? null() : string(i.unit);
    case Field::qualifier: return string(to_string(i.qualifier));
    case Field::text: return string(i.text);
    case Field::begin: return append_integer(out, i.span.begin);
    case Field::end: return append_integer(out, i.span.end);
    case Field::subject: return entity(i.subject);
    case Field::industry: return entity(i.industry);
    case Field::metric: return entity(i.metric);
    case Field::year: return i.year ? append_integer(out, *i.year) : null();
    case Field::rank_of: return i.rank_of ? append_number(out, *i.rank_of) : null();
    case Field::change_from: return i.change_from ? append_integer(out, *i.change_from) : null();
    case Field::sentence: return string(slice(text, i.sentence));
  }
}

}  // namespace

std::string to_jsonl(const Result& result, std::string_view text, std::string_view doc) {
  std::string out;
  for (const Indicator& i : result.indicators) {
    for (int f = 0; f < kFieldCount; ++f) {
      out += f == 0 ? "{\"" : ",\"";
      out += kFieldNames[f];
      out += "\":";
      write_field(out, static_cast<Field>(f), Format::json, i, text, doc);
    }
    out += "}\n";
  }
  return out;
}

std::string csv_header() {
  std::string h;
  for (const char* f : kFieldNames) {
    if (!h.empty()) h += ',';
    h += f;
  }
  return h + "\n";
}

std::string to_csv(const Result& result, std::string_view text, std::string_view doc) {
  std::string out;
  for (const Indicator& i : result.indicators) {
    for (int f = 0; f < kFieldCount; ++f) {
      if (f > 0) out += ',';
      write_field(out, static_cast<Field>(f), Format::csv, i, text, doc);
    }
    out += '\n';
  }
  return out;
}

}  // namespace econind
