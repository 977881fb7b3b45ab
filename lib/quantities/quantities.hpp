#pragma once
// The quantities stage: decides which numbers are indicators (money, percent, count, rank,
// rank change) from the words around them, and which are not (bare numbers, durations, areas,
// editions, slogans).
#include <optional>
#include <string_view>
#include <vector>

#include "econind/indicator.hpp"
#include "numbers/grammar.hpp"
#include "text/sentences.hpp"

namespace econind::detail {

// An indicator before linking; spans are in normalized text.
struct Quantity {
  Kind kind = Kind::count;
  Decimal value;
  std::optional<Decimal> value_max;
  Qualifier qualifier = Qualifier::exact;
  std::string unit;   // empty with unit_span set: the classifier as written in the original
  Span unit_span;     // the classifier or counted noun, when the unit is "as written"
  Span span;
  std::optional<Decimal> rank_of;
  std::size_t number_index = 0;  // the number token it was read from
};

// The indicators among the numbers, in text order. `reuse`, an earlier result, lends its memory.
std::vector<Quantity> find_quantities(std::string_view text, const std::vector<NumberToken>& numbers,
                                      const std::vector<Sentence>& sentences, std::vector<Quantity> reuse = {});

}  // namespace econind::detail
