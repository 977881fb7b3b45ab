#pragma once
// The quantities stage's vocabulary, read once from units.tsv and ranking.tsv (its English count
// nouns are the number lexicon's: NumberLexicon::counted_noun_after).
#include <string>

#include "econind/indicator.hpp"
#include "util/phrase_table.hpp"

namespace econind::detail {

struct UnitEntry {
  Kind kind;
  std::string unit;         // ISO code, %, pp, ‰; empty: the classifier as written
  Decimal factor{1};        // 成 → 10
  bool arabic_only = false;  // Chinese numerals with this classifier are not counts (二期)
};

enum class RankRole : std::uint8_t {
  cue, rank_suffix, edition_suffix, top_suffix, up, down, en_cue, en_after, en_up, en_down, en_places,
};

struct QuantityLexicon {
  PhraseTable<UnitEntry> suffix_units;
  PhraseTable<UnitEntry> prefix_units;
  PhraseTable<UnitEntry> money_context;  // 收入 产值: make a bare 亿 figure money
  // One table per role: a word may play several (名 is a rank suffix and a top suffix).
  PhraseTable<bool> ranking[11];

  const PhraseTable<bool>& role(RankRole r) const { return ranking[static_cast<int>(r)]; }
};

const QuantityLexicon& quantity_lexicon();

}  // namespace econind::detail
