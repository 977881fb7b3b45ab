#pragma once
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "econind/common.hpp"
#include "econind/decimal.hpp"
#include "econind/export.hpp"

namespace econind {

enum class NumberKind : std::uint8_t {
  cardinal,  // 1,200 · 一百二十三 · 14.2 billion
  ordinal,   // 19th · first · the number after 第
  year,      // 2021年 · in 2021; value is the year
  date,      // 2022-03-10 · 9月27日 · September 20; value is the year, 0 when not given
  time,      // 12:34
  period,    // 1997-2017; value and value_max are the years
};
ECONIND_EXPORT std::string_view to_string(NumberKind k);

enum class NumberStatus : std::uint8_t {
  ok,
  vague,         // 数十 · 几百 · dozens: a quantity with no definite value
  out_of_range,  // beyond ±10^24 or too many digits; value is zero
};

// One number as the grammar reads it.
struct Number {
  Decimal value;
  std::optional<Decimal> value_max;  // upper bound of a range: 8万亿至10万亿, 3 to 5 billion
  Qualifier qualifier = Qualifier::exact;
  NumberKind kind = NumberKind::cardinal;
  NumberStatus status = NumberStatus::ok;
  bool has_scale = false;  // carries a scale word: 亿 万 billion (128.64亿 vs 128.64)
  Span span;
};

// Reads `text` as exactly one number expression ("200多亿", "十四点二", "3.5bn", "超过1,200",
// "8万亿至10万亿"). nullopt when the text is not a number or has anything left over.
ECONIND_EXPORT std::optional<Number> parse_number(std::string_view text);

// Every number in a document (UTF-8; any bytes accepted), with spans into `text`.
// Years, dates and times are returned with their NumberKind; model names and IDs
// (ICG-17, 4F, B2B) and phone numbers are not returned.
ECONIND_EXPORT std::vector<Number> scan_numbers(std::string_view text);

}  // namespace econind
