// The number grammar: scan_numbers() over any bytes, parse_number() on the whole input, and the
// grammar's own reader started at every character of the normalized text (not only where the
// scanner would start it).
#include <cstddef>
#include <cstdint>

#include "invariants.hpp"
#include "numbers/grammar.hpp"
#include "text/normalize.hpp"

using namespace econind;
using econind::fuzz::Boundaries;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  Boundaries b(text);

  std::vector<Number> numbers = scan_numbers(text);
  fuzz::check_numbers(numbers, text, b);
  std::vector<Number> again = scan_numbers(text);
  ECONIND_CHECK(again.size() == numbers.size());
  for (std::size_t k = 0; k < numbers.size(); ++k) ECONIND_CHECK(fuzz::same(numbers[k], again[k]));

  if (std::optional<Number> n = parse_number(text)) {
    fuzz::check_number(*n, text, b);
    std::optional<Number> n2 = parse_number(text);
    ECONIND_CHECK(n2 && fuzz::same(*n, *n2));
    // The one expression is the one number the scanner finds in the same text.
    ECONIND_CHECK_MSG(numbers.size() == 1, std::to_string(numbers.size()) + " numbers scanned");
    ECONIND_CHECK(numbers[0].value == n->value && numbers[0].value_max == n->value_max);
    ECONIND_CHECK(numbers[0].status == n->status && numbers[0].kind == n->kind);
  }

  // The normalizer's fast paths read as its general path does.
  std::string parted = fuzz::normalize_disagreement(text);
  ECONIND_CHECK_MSG(parted.empty(), parted);

  // The grammar's entry points at every character start of the normalized text.
  detail::NormalizedText norm = detail::normalize(text);
  std::string_view t = norm.text;
  Boundaries nb(t);
  ECONIND_CHECK(fuzz::is_utf8(t));
  constexpr std::size_t kMaxStarts = 256;  // keeps one input's cost bounded
  std::size_t starts = 0;
  for (std::size_t pos = 0; pos < t.size() && starts < kMaxStarts; pos += detail::decode_utf8(t, pos).len, ++starts) {
    for (bool bare : {false, true}) {
      detail::ReadOptions opts;
      opts.allow_bare_section = bare;
      if (std::optional<detail::NumberToken> tok = detail::read_number(t, pos, opts)) {
        const Number& n = tok->number;
        ECONIND_CHECK(n.span.begin == pos && n.span.end > pos && n.span.end <= t.size());
        ECONIND_CHECK(nb.at(n.span.end));
        ECONIND_CHECK(tok->core_begin >= n.span.begin && tok->core_begin < n.span.end);
        if (n.status == NumberStatus::ok) fuzz::check_range(n.value, n.value_max);
        if (n.status == NumberStatus::out_of_range) ECONIND_CHECK(n.value.is_zero());
      }
    }
    if (auto q = detail::prefix_qualifier_before(t, pos)) ECONIND_CHECK(q->begin < pos && nb.at(q->begin));
    if (auto s = detail::suffix_qualifier_at(t, pos)) ECONIND_CHECK(s->first > pos && s->first <= t.size() && nb.at(s->first));
    (void)detail::in_stop_phrase(t, pos);
  }
  return 0;
}
