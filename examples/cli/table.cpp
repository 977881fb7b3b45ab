#include "table.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

namespace econind::cli {
namespace {

constexpr std::size_t kMaxCell = 36;  // columns; longer cells are cut
constexpr std::size_t kMaxDoc = 48;   // for paths, cut at the front

// The code point at s[i], advancing i; negative for a byte that starts no valid sequence.
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wconversion"  // inside ICU's U8_NEXT
#endif
UChar32 next_code_point(const char* s, int32_t& i, int32_t length) {
  UChar32 c = 0;
  U8_NEXT(s, i, length, c);
  return c;
}
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

std::size_t width(UChar32 c) {
  if (c < 0) return 1;  // an invalid byte, shown as one replacement character
  if (c == 0x200B || c == 0x200D || c == 0xFEFF) return 0;
  auto gc = u_charType(c);
  if (gc == U_NON_SPACING_MARK || gc == U_ENCLOSING_MARK || gc == U_CONTROL_CHAR || gc == U_FORMAT_CHAR) return 0;
  auto ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return ea == U_EA_WIDE || ea == U_EA_FULLWIDTH ? 2 : 1;
}

std::string one_line(std::string s) {
  for (char& c : s) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return s;
}

// At most kMaxCell (kMaxDoc) columns: the start kept (or, for paths, the end) and "…" for the rest.
std::string fit(std::string_view s, bool keep_end = false) {
  const std::size_t max = keep_end ? kMaxDoc : kMaxCell;
  if (display_width(s) <= max) return std::string(s);
  // Code point boundaries with the width up to each.
  std::vector<std::pair<std::size_t, std::size_t>> cuts;  // (byte offset, width before it)
  std::size_t w = 0;
  auto len = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < len;) {
    cuts.emplace_back(static_cast<std::size_t>(i), w);
    w += width(next_code_point(s.data(), i, len));
  }
  cuts.emplace_back(s.size(), w);
  const std::size_t room = max - 1;  // "…" takes one column
  if (!keep_end) {
    std::size_t end = 0;
    for (const auto& [at, before] : cuts) {
      if (before > room) break;
      end = at;
    }
    return std::string(s.substr(0, end)) + "…";
  }
  std::size_t begin = s.size();
  for (auto it = cuts.rbegin(); it != cuts.rend(); ++it) {
    if (w - it->second > room) break;
    begin = it->first;
  }
  return "…" + std::string(s.substr(begin));
}

}  // namespace

std::size_t display_width(std::string_view s) {
  std::size_t w = 0;
  auto len = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < len;) {
    w += width(next_code_point(s.data(), i, len));
  }
  return w;
}

std::string group_digits(const std::string& number) {
  std::size_t start = number.size() > 0 && number[0] == '-' ? 1 : 0;
  std::size_t dot = number.find('.');
  std::size_t int_end = dot == std::string::npos ? number.size() : dot;
  std::string out = number.substr(0, start);
  for (std::size_t i = start; i < int_end; ++i) {
    out += number[i];
    std::size_t left = int_end - i - 1;
    if (left > 0 && left % 3 == 0) out += ',';
  }
  return out + number.substr(int_end);
}

void Table::add(const Result& r, const std::string& doc) {
  ++documents_;
  for (const Indicator& i : r.indicators) {
    std::string value = group_digits(i.value.to_string());
    if (i.value_max) value += "–" + group_digits(i.value_max->to_string());
    if (i.rank_of) value += " of " + group_digits(i.rank_of->to_string());
    rows_.push_back({fit(doc, true), std::string(to_string(i.kind)), value, i.unit,
                     std::string(to_string(i.qualifier)), fit(one_line(i.text)),
                     i.subject ? fit(i.subject->name()) : "", i.metric ? fit(i.metric->name()) : "",
                     i.year ? std::to_string(*i.year) : ""});
  }
}

void Table::print(std::ostream& out) const {
  static const std::vector<std::string> header = {"doc",  "kind",    "value",  "unit", "qualifier",
                                                  "text", "subject", "metric", "year"};
  static const std::vector<bool> right = {false, false, true, false, false, false, false, false, true};
  std::vector<std::size_t> widths(header.size());
  for (std::size_t c = 0; c < header.size(); ++c) widths[c] = display_width(header[c]);
  for (const auto& row : rows_)
    for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], display_width(row[c]));
  auto line = [&](const std::vector<std::string>& row) {
    std::string text;
    for (std::size_t c = 0; c < row.size(); ++c) {
      std::string pad(widths[c] - display_width(row[c]), ' ');
      text += right[c] ? pad + row[c] : row[c] + pad;
      if (c + 1 < row.size()) text += "  ";
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out << text << "\n";
  };
  line(header);
  std::vector<std::string> rule;
  for (std::size_t w : widths) rule.push_back(std::string(w, '-'));
  line(rule);
  for (const auto& row : rows_) line(row);
  out << rows_.size() << (rows_.size() == 1 ? " indicator" : " indicators") << " in " << documents_
      << (documents_ == 1 ? " document" : " documents") << "\n";
}

}  // namespace econind::cli
