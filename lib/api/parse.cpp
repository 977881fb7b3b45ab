// parse_money, parse_percent, parse_count, parse_rank: one expression through the document
// pipeline, accepted only when the text holds exactly one figure and it is of the wanted kind.
#include "econind/extractor.hpp"
#include "econind/indicator.hpp"

namespace econind {
namespace {

std::optional<Indicator> parse_one(std::string_view text, bool (*accept)(Kind)) {
  static const Extractor extractor;
  Result r = extractor.extract(text);
  if (r.indicators.size() != 1 || !accept(r.indicators.front().kind)) return std::nullopt;
  return r.indicators.front();
}

}  // namespace

std::optional<Indicator> parse_money(std::string_view text) {
  return parse_one(text, [](Kind k) { return k == Kind::money; });
}
std::optional<Indicator> parse_percent(std::string_view text) {
  return parse_one(text, [](Kind k) { return k == Kind::percent; });
}
std::optional<Indicator> parse_count(std::string_view text) {
  return parse_one(text, [](Kind k) { return k == Kind::count; });
}
std::optional<Indicator> parse_rank(std::string_view text) {
  return parse_one(text, [](Kind k) { return k == Kind::rank || k == Kind::rank_change; });
}

}  // namespace econind
