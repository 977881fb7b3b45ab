#pragma once
// Tab-separated data files: one record a line, '#' starts a comment line, blank lines skipped.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace econind::detail {

struct TsvRow {
  std::size_t line;                     // 1-based line number in the file
  std::vector<std::string_view> cells;  // views into the file's text
};

// Splits `text` (the contents of `file_name`) into rows. Throws econind::Error naming the file
// and line when a row has fewer than `min_cells` cells or the text is not valid UTF-8.
// When `has_header` is set the first non-comment line is skipped.
std::vector<TsvRow> read_tsv(std::string_view text, std::string_view file_name, std::size_t min_cells,
                             bool has_header = false);

// Throws econind::Error("<file>:<line>: <what>").
[[noreturn]] void throw_data_error(std::string_view file_name, std::size_t line, std::string_view what);

}  // namespace econind::detail
