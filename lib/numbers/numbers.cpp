// The public face of the number grammar: parse_number and scan_numbers.
#include "econind/numbers.hpp"

#include "numbers/scanner.hpp"
#include "text/normalize.hpp"

namespace econind {

std::string_view to_string(NumberKind k) {
  switch (k) {
    case NumberKind::cardinal: return "cardinal";
    case NumberKind::ordinal: return "ordinal";
    case NumberKind::year: return "year";
    case NumberKind::date: return "date";
    case NumberKind::time: return "time";
    case NumberKind::period: return "period";
  }
  return "cardinal";
}

std::optional<Number> parse_number(std::string_view text) {
  detail::NormalizedText norm = detail::normalize(text);
  std::string_view t = norm.text;
  std::size_t b = 0, e = t.size();
  while (b < e && (t[b] == ' ' || t[b] == '\t' || t[b] == '\n')) ++b;
  while (e > b && (t[e - 1] == ' ' || t[e - 1] == '\t' || t[e - 1] == '\n')) --e;
  t = t.substr(0, e);
  auto tokens = detail::scan_number_tokens(t.substr(0, e));
  if (tokens.size() != 1) return std::nullopt;
  Number n = tokens.front().number;
  if (n.span.begin != b) return std::nullopt;
  std::size_t end = n.span.end;
  if (auto q = detail::suffix_qualifier_at(t, end)) {
    if (n.qualifier == Qualifier::exact) n.qualifier = q->second;
    end = q->first;
  }
  if (end != e) return std::nullopt;
  n.span = norm.map.to_original({n.span.begin, end});
  return n;
}

std::vector<Number> scan_numbers(std::string_view text) {
  detail::NormalizedText norm = detail::normalize(text);
  std::vector<Number> out;
  for (const detail::NumberToken& tok : detail::scan_number_tokens(norm.text)) {
    Number n = tok.number;
    n.span = norm.map.to_original(n.span);
    out.push_back(n);
  }
  return out;
}

}  // namespace econind
