#pragma once
// The number grammar's vocabulary, read once from the embedded data files numerals.tsv,
// qualifiers.tsv, stop_phrases.tsv and count_nouns.tsv.
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
  // nullopt: a word that only starts like one (来自 is not 来); see inner_qualifier_at.
  PhraseTable<std::optional<Qualifier>> inner_qualifiers;
  // The inner qualifier at `pos` (200多亿, 30余家, 十来个), if one stands there.
  std::optional<PhraseTable<std::optional<Qualifier>>::Match> inner_qualifier_at(std::string_view t,
                                                                                 std::size_t pos) const {
    auto m = inner_qualifiers.match_at(t, pos);
    if (m && !*m->payload) return std::nullopt;
    return m;
  }
  // The first characters of the inner qualifiers, one bit per BMP code point: where none stands,
  // inner_qualifiers need not be asked (unless one starts otherwise: inner_starts_complete).
  std::array<std::uint64_t, 0x10000 / 64> inner_starts{};
  bool inner_starts_complete = true;
  bool may_start_inner_qualifier(char32_t cp) const {
    return !inner_starts_complete || (cp < 0x10000 && (inner_starts[cp >> 6] >> (cp & 63) & 1));
  }
  PhraseTable<Qualifier> suffix_qualifiers;
  // English nouns that make a number a count (companies, institutions): they decide both that
  // "1,200 institutions" is a count and that "in 2000 companies" holds no year.
  PhraseTable<bool> count_nouns;
  // The English noun counted by a number that ends at `end`: up to four words on ("1,200
  // scientific research institutions"), not past a word that ends the noun phrase ("30 years
  // of", "20 in the").
  std::optional<Span> counted_noun_after(std::string_view t, std::size_t end) const;
  // Set phrases (stop_phrases.tsv), found through the characters they hold: testing whether a
  // numeral lies inside one looks only at the phrases that contain that numeral's character.
  struct StopOccurrence {
    char32_t ch;             // a character of the phrase (ASCII letters lowercased)
    char32_t before, after;  // the phrase's characters around it, 0 at the phrase's ends
    std::uint32_t phrase;    // index in stop_phrases
    std::uint32_t offset;    // byte offset of `ch` in the phrase
  };
  std::vector<std::string> stop_phrases;
  std::vector<StopOccurrence> stop_occurrences;  // ordered by `ch`, then `after`
  // Every two neighbouring characters of a set phrase, hashed to one of 4096 bits, and apart
  // those that end a phrase. A character lies in no set phrase when it forms no pair with the
  // character after it, nor an ending pair with the one before it. Unusable (and not
  // consulted) when a set phrase is a single character.
  using PairBits = std::array<std::uint64_t, 64>;
  PairBits stop_pairs{}, stop_last_pairs{};
  bool stop_pairs_complete = true;
  static unsigned pair_hash(char32_t a, char32_t b) { return (a * 0x9E3779B1u ^ b * 0x85EBCA77u) >> 20; }
  static bool has_pair(const PairBits& bits, char32_t a, char32_t b) {
    unsigned h = pair_hash(a, b);
    return bits[h >> 6] >> (h & 63) & 1;
  }

  // Every character a number may start with (numerals but the decimal point 点, and the 数 几 上
  // 好 成 of vague quantities), one bit per BMP code point, so scanning skips other characters
  // with one lookup.
  std::array<std::uint64_t, 0x10000 / 64> number_start{};
  bool may_start_number(char32_t cp) const { return cp < 0x10000 && (number_start[cp >> 6] >> (cp & 63) & 1); }
  // The three-byte characters of number_start by their last two bytes, low six bits each (the
  // key of tail_key): scanning tests a run of Chinese text several characters at a time with it.
  // A hit may be another character with the same last bytes, so number_start decides.
  std::vector<std::uint8_t> number_start_tails = std::vector<std::uint8_t>(0x4000, 0);
  static unsigned tail_key(const unsigned char* tail) { return (tail[0] | tail[1] << 8) & 0x3F3Fu; }

  // The English number words (letters only), lowercased and sorted, and for each first two
  // letters the lengths of the words that start so (bit n: n letters, 31 for 31 or more), so
  // scanning English text passes over other words without parsing them.
  std::vector<std::string> english_words;
  std::array<std::uint32_t, 26 * 26 + 26> english_lengths{};  // last 26: one-letter words
  // A cheap test on a run of ASCII letters; false when it is none of english_words.
  bool may_be_english_word(std::string_view letters) const {
    if (letters.empty()) return false;
    // Setting bit 5 lowers a letter, and leaves every other byte outside 'a'..'z'.
    unsigned first = (static_cast<unsigned char>(letters[0]) | 0x20u) - 'a';
    unsigned second = letters.size() > 1 ? (static_cast<unsigned char>(letters[1]) | 0x20u) - 'a' : first;
    if ((first | second) >= 26) return false;
    std::size_t key = letters.size() == 1 ? 26 * 26 + first : first * 26 + second;
    return english_lengths[key] >> std::min<std::size_t>(letters.size(), 31) & 1u;
  }
  // Is `letters`, a run of ASCII letters, one of english_words (in any case)?
  bool is_english_word(std::string_view letters) const;
  static unsigned ascii_fold(unsigned char b) { return b >= 'A' && b <= 'Z' ? b | 0x20 : b; }

  const Numeral* chinese_numeral(char32_t cp) const {
    if (cp >= 0x10000 || numeral_index[cp] == 0) return nullptr;
    return &numerals[numeral_index[cp] - 1];
  }
};

// Reads the data files; number_lexicon() keeps the one copy.
NumberLexicon load_number_lexicon();
// Inline: the grammar asks for it at nearly every number.
inline const NumberLexicon& number_lexicon() {
  static const NumberLexicon lex = load_number_lexicon();
  return lex;
}

// Parses "more_than" etc.; nullopt for an unknown name.
std::optional<Qualifier> qualifier_from_name(std::string_view name);

}  // namespace econind::detail
