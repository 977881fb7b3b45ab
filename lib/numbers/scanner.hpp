#pragma once
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "numbers/grammar.hpp"

namespace econind::detail {

// Every number in normalized text (valid UTF-8), in order and non-overlapping, spans in
// normalized text.
// Years, dates, times and periods come back with their NumberKind; IDs such as ICG-17, 4F, B2B,
// 5+N, phone numbers and set phrases such as 十四五 are left out. Prefix qualifiers (超过, more
// than) are folded into each number's span and qualifier. `reuse`, an earlier result, lends its
// memory.
std::vector<NumberToken> scan_number_tokens(std::string_view text, std::vector<NumberToken> reuse = {});

// The scanner's regular expressions (Boost.Regex over UTF-8), for the tests that feed each its
// worst case. None nests quantifiers and each runs on a bounded window (docs/RELIABILITY.md).
// The calendar shapes among them (date_ymd, date_ym_cn, period, year_cn, date_md_cn,
// date_d_cn, clock) define what the scanner matches by hand (match_calendar_shape).
struct ScannerPattern {
  const char* name;
  const void* regex;  // the compiled boost::u32regex
};
std::vector<ScannerPattern> scanner_patterns();
// One anchored match of `p` at `pos`, on the scanner's bounded window or, when not `bounded`, on
// all the rest of `text`: the end of the match, or nullopt.
std::optional<std::size_t> match_scanner_pattern(const ScannerPattern& p, std::string_view text, std::size_t pos,
                                                 bool bounded = true);
// The scanner's own match of the calendar shape `name` at `pos`, which must equal its regular
// expression's: the end of the match, or nullopt (also for a name that is no calendar shape).
std::optional<std::size_t> match_calendar_shape(std::string_view name, std::string_view text, std::size_t pos);

}  // namespace econind::detail
