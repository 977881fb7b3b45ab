#pragma once
// A terminal table whose columns line up with Chinese text: East Asian wide and full-width
// characters take two columns, combining marks none, and long cells are cut with "…".
#include <econind/econind.hpp>

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace econind::cli {

class Table {
 public:
  void add(const Result& r, const std::string& doc);
  // The header, a rule, one row per indicator and "<n> indicators in <m> documents".
  void print(std::ostream& out) const;

 private:
  std::vector<std::vector<std::string>> rows_;
  std::size_t documents_ = 0;
};

// Terminal columns `s` (UTF-8) takes.
std::size_t display_width(std::string_view s);

// 12864000000 → 12,864,000,000; -1234.5 → -1,234.5.
std::string group_digits(const std::string& number);

}  // namespace econind::cli
