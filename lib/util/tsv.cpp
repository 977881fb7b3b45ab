#include "util/tsv.hpp"

#include "econind/error.hpp"
#include "text/utf8.hpp"

namespace econind::detail {

void throw_data_error(std::string_view file_name, std::size_t line, std::string_view what) {
  throw Error(std::string(file_name) + ":" + std::to_string(line) + ": " + std::string(what));
}

std::vector<TsvRow> read_tsv(std::string_view text, std::string_view file_name, std::size_t min_cells,
                             bool has_header) {
  std::vector<TsvRow> rows;
  std::size_t line_no = 0;
  std::size_t pos = 0;
  bool header_pending = has_header;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    std::string_view line = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    pos = nl == std::string_view::npos ? text.size() : nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line_no == 1 && line.substr(0, 3) == "\xEF\xBB\xBF") line.remove_prefix(3);  // BOM
    for (std::size_t i = 0; i < line.size();) {
      Decoded d = decode_utf8(line, i);
      if (!d.valid) throw_data_error(file_name, line_no, "invalid UTF-8 at byte " + std::to_string(i + 1));
      i += d.len;
    }
    if (line.empty() || line.front() == '#') continue;
    if (header_pending) {
      header_pending = false;
      continue;
    }
    TsvRow row{line_no, {}};
    std::size_t start = 0;
    while (true) {
      std::size_t tab = line.find('\t', start);
      row.cells.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    if (row.cells.size() < min_cells) {
      throw_data_error(file_name, line_no,
                       "expected at least " + std::to_string(min_cells) + " tab-separated columns, found " +
                           std::to_string(row.cells.size()));
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace econind::detail
