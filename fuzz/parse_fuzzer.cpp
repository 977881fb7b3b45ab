// parse_money, parse_percent, parse_count and parse_rank on any bytes: at most one of them
// accepts a text, what it returns is well formed, and it is exactly the one indicator the
// document extractor finds in the same text.
#include <cstddef>
#include <cstdint>

#include "invariants.hpp"

using namespace econind;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  fuzz::Boundaries b(text);

  struct Parser {
    std::optional<Indicator> (*parse)(std::string_view);
    bool (*accepts)(Kind);
  };
  const Parser parsers[] = {
      {parse_money, [](Kind k) { return k == Kind::money; }},
      {parse_percent, [](Kind k) { return k == Kind::percent; }},
      {parse_count, [](Kind k) { return k == Kind::count; }},
      {parse_rank, [](Kind k) { return k == Kind::rank || k == Kind::rank_change; }},
  };
  static const Extractor extractor;
  Result whole = extractor.extract(text);
  int accepted = 0;
  for (const Parser& p : parsers) {
    std::optional<Indicator> i = p.parse(text);
    std::optional<Indicator> again = p.parse(text);
    ECONIND_CHECK(i.has_value() == again.has_value());
    if (!i) continue;
    ++accepted;
    ECONIND_CHECK(fuzz::same(*i, *again));
    ECONIND_CHECK(p.accepts(i->kind));
    fuzz::check_indicator(*i, 0, text, b);
    ECONIND_CHECK(whole.indicators.size() == 1 && fuzz::same(whole.indicators[0], *i));
  }
  ECONIND_CHECK_MSG(accepted <= 1, std::to_string(accepted) + " parsers accept the text");
  // And the other way round: one indicator in the text means one parser accepts it.
  if (whole.indicators.size() == 1) ECONIND_CHECK(accepted == 1);
  return 0;
}
