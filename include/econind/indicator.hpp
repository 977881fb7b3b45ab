#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "econind/common.hpp"
#include "econind/decimal.hpp"
#include "econind/export.hpp"
#include "econind/ontology.hpp"

namespace econind {

enum class Kind : std::uint8_t {
  money,        // value in base units of `unit` (CNY, USD …): 128.64亿元 → 12864000000 CNY
  percent,      // value as written: 54.03% → 54.03; unit "%" "pp" (percentage points) or "‰"
  count,        // unit: the classifier or counted noun as written (家 个 companies)
  rank,         // position: 第53名 → 53; 前20 / TOP20 → 20 with qualifier at_most
  rank_change,  // places moved, signed: 提升12位 → 12, 下降2位 → -2
};
ECONIND_EXPORT std::string_view to_string(Kind k);

// An ontology entry an indicator is tied to (filled in by the linking stage). It points into
// the Extractor's ontology, as Mention does: the Result keeps that ontology alive, and the
// builtin one lives as long as the process. To keep an Indicator longer than every Result and
// Extractor sharing a custom ontology, copy the strings out.
struct EntityRef {
  const Entity* entity = nullptr;  // never null in an EntityRef an extraction filled
  double confidence = 0;

  // Stable ontology id: "lanzhou-hitech", "biomedicine", "output_value".
  std::string_view id() const { return entity->id; }
  // Usual Simplified Chinese name: 兰州高新区 (the short form when there is one).
  std::string_view name() const { return entity->usual_name(); }
  // Usual English name: Lanzhou High-tech Zone.
  std::string_view name_en() const { return entity->usual_name_en(); }
  // "park" "cluster" "region" "industry" "metric".
  std::string_view type() const { return to_string(entity->type); }
};

struct Indicator {
  Kind kind = Kind::count;
  Decimal value;
  std::optional<Decimal> value_max;  // upper bound of a range (8万亿至10万亿元)
  Qualifier qualifier = Qualifier::exact;
  std::string unit;
  Span span;         // bytes [begin, end) of the caller's original text
  std::string text;  // those bytes
  Span sentence;     // the sentence holding it, in the caller's original text
  std::optional<Decimal> rank_of;  // 157家…第53名: rank 53 of 157
  std::optional<EntityRef> subject;
  std::optional<EntityRef> industry;
  std::optional<EntityRef> metric;
  std::optional<int> year;
  // 从3.83亿元增加到141.27亿元: the second figure's change_from is the index (in
  // Result::indicators) of the first.
  std::optional<std::size_t> change_from;
};

// One expression at a time, through the same pipeline as whole documents. nullopt unless the
// text holds exactly one figure and it is of that kind: parse_money("200多亿元") is 20000000000
// CNY, more_than; parse_money("34所高校") is nullopt; words around the figure are allowed
// (parse_rank("位列第53名")).
ECONIND_EXPORT std::optional<Indicator> parse_money(std::string_view text);
ECONIND_EXPORT std::optional<Indicator> parse_percent(std::string_view text);
ECONIND_EXPORT std::optional<Indicator> parse_count(std::string_view text);
// Ranks and rank changes: 位列第53名, 前20, TOP20, ranked 19th, 提升12位.
ECONIND_EXPORT std::optional<Indicator> parse_rank(std::string_view text);

}  // namespace econind
