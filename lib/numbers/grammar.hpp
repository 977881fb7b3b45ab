#pragma once
// The one number grammar. Reads Arabic, Chinese (incl. financial), mixed (1.42亿, 3万4000) and
// English (one hundred, 14.2 billion) numerals with their approximation marks, ranges and
// fractions, from normalized text.
#include <cstddef>
#include <optional>
#include <string_view>

#include "econind/numbers.hpp"
#include "text/utf8.hpp"

namespace econind::detail {

// decode_utf8, with a short way for the three-byte characters that make up Chinese text.
inline Decoded decode_char(std::string_view text, std::size_t i) {
  if (i + 2 < text.size()) {
    auto b0 = static_cast<unsigned char>(text[i]), b1 = static_cast<unsigned char>(text[i + 1]),
         b2 = static_cast<unsigned char>(text[i + 2]);
    if (((b0 & 0xF0u) == 0xE0u) & ((b1 & 0xC0u) == 0x80u) & ((b2 & 0xC0u) == 0x80u)) {
      char32_t cp = (b0 & 0x0Fu) << 12 | (b1 & 0x3Fu) << 6 | (b2 & 0x3Fu);
      if (cp >= 0x800 && (cp < 0xD800 || cp > 0xDFFF)) return {cp, 3, true};
    }
  }
  return decode_utf8(text, i);
}

// A number as read from normalized text, with what later stages need to know about its form.
struct NumberToken {
  Number number;          // span in normalized text, prefix qualifier included
  std::size_t core_begin = 0;  // where the numeral itself starts (after 超过, more than, 百分之)
  Decimal scale{1};       // the factor the trailing scale words applied (亿 → 10^8), 1 without
  bool chinese = false;   // written with Chinese numerals
  bool single_one = false;  // exactly 一 (an indefinite article before a classifier: 一家)
  bool english = false;   // written with English number words
  int per = 0;            // 百分之 → 100, 千分之 → 1000
  bool verb_qualifier = false;  // the prefix qualifier is a verb that qualifies only amounts (突破)
};

struct ReadOptions {
  // A scale word standing alone after a qualifier ("超亿元") means one of it.
  bool allow_bare_section = false;
};

// Reads the longest number expression that starts at `pos` (no prefix qualifier: the caller
// looks those up). nullopt when nothing at `pos` is a number.
std::optional<NumberToken> read_number(std::string_view text, std::size_t pos, ReadOptions opts = {});

// Prefix qualifier ending at `pos` ("超过", "more than " — one blank allowed after Latin words).
struct QualifierMatch {
  std::size_t begin;
  Qualifier qualifier;
  bool amounts_only;  // 突破 qualifies 1000亿元 but not 29项 (broke through 29 technologies)
};
std::optional<QualifierMatch> prefix_qualifier_before(std::string_view text, std::size_t pos);
// Suffix qualifier starting at `pos` ("以上", " or more"); returns its end.
std::optional<std::pair<std::size_t, Qualifier>> suffix_qualifier_at(std::string_view text, std::size_t pos);

// How many ASCII digits stand from `pos` on.
std::size_t count_digits(std::string_view text, std::size_t pos);

// True when the character at `pos` lies inside a set phrase such as 十四五 or 一带一路.
bool in_stop_phrase(std::string_view text, std::size_t pos);
// The same, with the character at `pos` decoded already.
bool in_stop_phrase(std::string_view text, std::size_t pos, const Decoded& here);

// False when no number starts at the non-ASCII character `lead` at `pos` (read_number with `opts`
// would return nullopt there), judged from the characters at `pos` alone: 点, the 成 of 成本, the
// 上 of 上市, a scale word that stands alone. read_number need not be asked there.
bool may_start_chinese_number(std::string_view text, std::size_t pos, char32_t lead, ReadOptions opts);

// False when no English number can start with the word [pos, word_end), a whole run of letters:
// it is no number word, nor the article of "a hundred". read_number need not be asked there.
bool may_start_english_number(std::string_view text, std::size_t pos, std::size_t word_end);

}  // namespace econind::detail
