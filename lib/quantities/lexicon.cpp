#include "quantities/lexicon.hpp"

#include "data/embedded.hpp"
#include "util/tsv.hpp"

namespace econind {

std::string_view to_string(Kind k) {
  switch (k) {
    case Kind::money: return "money";
    case Kind::percent: return "percent";
    case Kind::count: return "count";
    case Kind::rank: return "rank";
    case Kind::rank_change: return "rank_change";
  }
  return "count";
}

namespace detail {
namespace {

QuantityLexicon load() {
  QuantityLexicon lex;
  constexpr std::string_view units_file = "units.tsv";
  for (const TsvRow& row : read_tsv(data::file(units_file), units_file, 4)) {
    UnitEntry u;
    std::string_view kind = row.cells[2];
    if (kind == "money") u.kind = Kind::money;
    else if (kind == "percent") u.kind = Kind::percent;
    else if (kind == "count") u.kind = Kind::count;
    else throw_data_error(units_file, row.line, "kind must be money, percent or count");
    if (row.cells[3] != "*") u.unit = std::string(row.cells[3]);
    if (row.cells.size() > 4 && !row.cells[4].empty()) {
      auto f = Decimal::from_string(row.cells[4]);
      if (!f) throw_data_error(units_file, row.line, "factor is not a number");
      u.factor = *f;
    }
    if (row.cells.size() > 5) u.arabic_only = row.cells[5] == "arabic";
    if (row.cells[1] == "suffix") lex.suffix_units.add(row.cells[0], u);
    else if (row.cells[1] == "prefix") lex.prefix_units.add(row.cells[0], u);
    else if (row.cells[1] == "context") lex.money_context.add(row.cells[0], u);
    else throw_data_error(units_file, row.line, "position must be prefix, suffix or context");
  }
  static constexpr std::pair<std::string_view, RankRole> roles[] = {
      {"cue", RankRole::cue},         {"rank_suffix", RankRole::rank_suffix}, {"edition_suffix", RankRole::edition_suffix},
      {"top_suffix", RankRole::top_suffix}, {"up", RankRole::up},         {"down", RankRole::down},
      {"en_cue", RankRole::en_cue},   {"en_after", RankRole::en_after},   {"en_up", RankRole::en_up},
      {"en_down", RankRole::en_down}, {"en_places", RankRole::en_places}};
  constexpr std::string_view ranking_file = "ranking.tsv";
  for (const TsvRow& row : read_tsv(data::file(ranking_file), ranking_file, 2)) {
    bool known = false;
    for (auto& [name, r] : roles) {
      if (name == row.cells[1]) {
        lex.ranking[static_cast<int>(r)].add(row.cells[0], true);
        known = true;
      }
    }
    if (!known) throw_data_error(ranking_file, row.line, "unknown role");
  }
  return lex;
}

}  // namespace

const QuantityLexicon& quantity_lexicon() {
  static const QuantityLexicon lex = load();
  return lex;
}

}  // namespace detail
}  // namespace econind
