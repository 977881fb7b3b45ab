#include "table.hpp"

#include <algorithm>

namespace econind::cli {
namespace {

// Columns a code point takes in a terminal: East Asian wide and full-width characters take two.
std::size_t width(char32_t c) {
  bool wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
              (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
              (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
  return wide ? 2 : 1;
}

std::size_t display_width(const std::string& s) {
  std::size_t w = 0;
  for (std::size_t i = 0; i < s.size();) {
    auto b = static_cast<unsigned char>(s[i]);
    std::size_t len = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
    char32_t c = b < 0x80 ? b : b < 0xE0 ? (b & 0x1F) : b < 0xF0 ? (b & 0x0F) : (b & 0x07);
    for (std::size_t k = 1; k < len && i + k < s.size(); ++k) c = (c << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    w += width(c);
    i += len;
  }
  return w;
}

std::string one_line(std::string s) {
  std::replace(s.begin(), s.end(), '\n', ' ');
  std::replace(s.begin(), s.end(), '\r', ' ');
  return s;
}

std::string base_name(const std::string& path) {
  auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace

void Table::add(const Result& r, const std::string& doc) {
  for (const Indicator& i : r.indicators) {
    std::string value = i.value.to_string();
    if (i.value_max) value += "–" + i.value_max->to_string();
    if (i.rank_of) value += " of " + i.rank_of->to_string();
    rows_.push_back({base_name(doc), std::string(to_string(i.kind)), value, i.unit,
                     std::string(to_string(i.qualifier)), one_line(i.text),
                     i.subject ? i.subject->name : "", i.metric ? i.metric->name : "",
                     i.year ? std::to_string(*i.year) : ""});
  }
}

void Table::print(std::ostream& out) const {
  std::vector<std::string> header = {"doc", "kind", "value", "unit", "qualifier", "text", "subject", "metric", "year"};
  std::vector<std::size_t> widths(header.size());
  for (std::size_t c = 0; c < header.size(); ++c) widths[c] = display_width(header[c]);
  for (const auto& row : rows_)
    for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], display_width(row[c]));
  auto line = [&](const std::vector<std::string>& row) {
    for (std::size_t c = 0; c < row.size(); ++c) {
      out << row[c];
      if (c + 1 < row.size()) out << std::string(widths[c] - display_width(row[c]) + 2, ' ');
    }
    out << "\n";
  };
  line(header);
  std::vector<std::string> rule;
  for (std::size_t w : widths) rule.push_back(std::string(w, '-'));
  line(rule);
  for (const auto& row : rows_) line(row);
  out << rows_.size() << " indicators\n";
}

}  // namespace econind::cli
