#pragma once
// A terminal table whose columns line up with Chinese text: wide characters take two columns.
#include <econind/econind.hpp>

#include <ostream>
#include <string>
#include <vector>

namespace econind::cli {

class Table {
 public:
  void add(const Result& r, const std::string& doc);
  void print(std::ostream& out) const;

 private:
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace econind::cli
