#pragma once
// The number grammar's vocabulary, read once from the embedded data files numerals.tsv,
// qualifiers.tsv and stop_phrases.tsv.
#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
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
  // Set phrases (stop_phrases.tsv), found through the characters they hold: testing whether a
  // numeral lies inside one looks only at the phrases that contain that numeral's character.
  struct StopOccurrence {
    char32_t ch;             // a character of the phrase (ASCII letters lowercased)
    char32_t before, after;  // the phrase's characters around it, 0 at the phrase's ends
    std::uint32_t phrase;    // index in stop_phrases
    std::uint32_t offset;    // byte offset of `ch` in the phrase
  };
  std::vector<std::string> stop_phrases;
  std::vector<StopOccurrence> stop_occurrences;  // ordered by `ch`
  // Every two neighbouring characters of a set phrase, hashed to one of 4096 bits: a character
  // that forms no such pair with either neighbour lies in no set phrase. Unusable (and not
  // consulted) when a set phrase is a single character.
  std::array<std::uint64_t, 64> stop_pairs{};
  bool stop_pairs_complete = true;
  static unsigned pair_hash(char32_t a, char32_t b) { return (a * 0x9E3779B1u ^ b * 0x85EBCA77u) >> 20; }
  bool may_be_stop_pair(char32_t a, char32_t b) const {
    unsigned h = pair_hash(a, b);
    return stop_pairs[h >> 6] >> (h & 63) & 1;
  }

  // Every character a number may start with (numerals, and the 数 几 上 好 成 of vague
  // quantities), one bit per BMP code point, so scanning skips other characters with one lookup.
  std::array<std::uint64_t, 0x10000 / 64> number_start{};
  bool may_start_number(char32_t cp) const { return cp < 0x10000 && (number_start[cp >> 6] >> (cp & 63) & 1); }

  // The English number words (letters only), lowercased and sorted, and for each first two
  // letters the lengths of the words that start so (bit n: n letters, 31 for 31 or more), so
  // scanning English text passes over other words without parsing them.
  std::vector<std::string> english_words;
  std::array<std::uint32_t, 26 * 26 + 26> english_lengths{};  // last 26: one-letter words
  // A cheap test on a run of ASCII letters; false when it is none of english_words.
  bool may_be_english_word(std::string_view letters) const {
    if (letters.empty()) return false;
    unsigned first = ascii_fold(static_cast<unsigned char>(letters[0])) - 'a';
    if (first >= 26) return false;
    if (letters.size() == 1) return english_lengths[26 * 26 + first] & 2u;
    unsigned second = ascii_fold(static_cast<unsigned char>(letters[1])) - 'a';
    if (second >= 26) return false;
    return english_lengths[first * 26 + second] >> std::min<std::size_t>(letters.size(), 31) & 1u;
  }
  // Is `letters`, a run of ASCII letters, one of english_words (in any case)?
  bool is_english_word(std::string_view letters) const;
  static unsigned ascii_fold(unsigned char b) { return b >= 'A' && b <= 'Z' ? b | 0x20 : b; }

  const Numeral* chinese_numeral(char32_t cp) const {
    if (cp >= 0x10000 || numeral_index[cp] == 0) return nullptr;
    return &numerals[numeral_index[cp] - 1];
  }
};

const NumberLexicon& number_lexicon();

// Parses "more_than" etc.; nullopt for an unknown name.
std::optional<Qualifier> qualifier_from_name(std::string_view name);

}  // namespace econind::detail
