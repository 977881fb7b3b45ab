#pragma once
// The number grammar's vocabulary, read once from the embedded data files numerals.tsv,
// qualifiers.tsv and stop_phrases.tsv.
#include <cstdint>
#include <optional>
#include <vector>

#include "econind/common.hpp"
#include "util/phrase_table.hpp"

namespace econind::detail {

enum class NumeralRole : std::uint8_t {
  digit, fin_digit, unit, section, tens, point,
  en_word, en_tens, en_hundred, en_scale, en_dozen, en_ordinal,
};

struct Numeral {
  NumeralRole role;
  std::int64_t value;
};

struct NumberLexicon {
  // Chinese numerals are one character each: a flat index over the BMP (0 = none, else the
  // position in `numerals` + 1) keeps the per-character lookup to one load.
  std::vector<std::uint8_t> numeral_index = std::vector<std::uint8_t>(0x10000, 0);
  std::vector<Numeral> numerals;
  PhraseTable<Numeral> english;
  struct Prefix {
    std::optional<Qualifier> qualifier;  // nullopt: a word that only looks like one (签约)
    bool amounts_only = false;
  };
  PhraseTable<Prefix> prefix_qualifiers;
  PhraseTable<Qualifier> inner_qualifiers;
  PhraseTable<Qualifier> suffix_qualifiers;
  PhraseTable<bool> stop_phrases;
  std::size_t longest_stop_phrase = 0;  // in bytes

  // The first two UTF-8 bytes of every character a number may start with (numerals, and the
  // 数 几 上 好 成 of vague quantities), so scanning skips other characters cheaply.
  std::vector<bool> number_start_prefix = std::vector<bool>(0x10000, false);
  bool may_start_number(unsigned char b0, unsigned char b1) const { return number_start_prefix[b0 << 8 | b1]; }

  const Numeral* chinese_numeral(char32_t cp) const {
    if (cp >= 0x10000 || numeral_index[cp] == 0) return nullptr;
    return &numerals[numeral_index[cp] - 1];
  }
};

const NumberLexicon& number_lexicon();

// Parses "more_than" etc.; nullopt for an unknown name.
std::optional<Qualifier> qualifier_from_name(std::string_view name);

}  // namespace econind::detail
