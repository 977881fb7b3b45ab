#pragma once
#include <string_view>
#include <vector>

#include "numbers/grammar.hpp"

namespace econind::detail {

// Every number in normalized text, in order and non-overlapping, spans in normalized text.
// Years, dates, times and periods come back with their NumberKind; IDs such as ICG-17, 4F, B2B,
// 5+N, phone numbers and set phrases such as 十四五 are left out. Prefix qualifiers (超过, more
// than) are folded into each number's span and qualifier.
std::vector<NumberToken> scan_number_tokens(std::string_view text);

}  // namespace econind::detail
