#pragma once
// The data files of lib/data, compiled into the library (see cmake/EconindEmbed.cmake).
#include <string_view>

namespace econind::detail::data {
extern const std::string_view k_numerals_tsv;
extern const std::string_view k_qualifiers_tsv;
extern const std::string_view k_stop_phrases_tsv;
extern const std::string_view k_units_tsv;
extern const std::string_view k_count_nouns_tsv;
extern const std::string_view k_ranking_tsv;
}  // namespace econind::detail::data
