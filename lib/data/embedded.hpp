#pragma once
// The data files of lib/data, compiled into the library (see cmake/EconindEmbed.cmake).
#include <string_view>
#include <vector>

namespace econind::detail::data {

struct File {
  std::string_view name;  // path relative to lib/data, e.g. "units.tsv", "ontology/parks.tsv"
  std::string_view text;
};

const std::vector<File>& files();

// The text of one embedded file; empty when there is none of that name.
inline std::string_view file(std::string_view name) {
  for (const File& f : files())
    if (f.name == name) return f.text;
  return {};
}

}  // namespace econind::detail::data
