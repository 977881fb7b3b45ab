// The document extractor on any bytes: every indicator, mention and diagnostic is well formed,
// the same text gives the same result, an extractor asked for one kind finds exactly those of
// the full result, and the serialized forms are valid JSON lines and CSV.
#include <cstddef>
#include <cstdint>

#include <nlohmann/json.hpp>

#include "invariants.hpp"

using namespace econind;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  static const Extractor extractor;
  static const Extractor money_only(Options{true, false, false, false});

  Result r = extractor.extract(text);
  fuzz::check_result(r, text);
  ECONIND_CHECK_MSG(fuzz::same(r, extractor.extract(text)), "a second extraction differs");
  // A copy of the extractor is the same extractor.
  Extractor copy = extractor;
  ECONIND_CHECK(fuzz::same(r, copy.extract(text)));

  // Options only filter: the money figures of the full result, with the same links.
  Result m = money_only.extract(text);
  fuzz::check_result(m, text);
  std::size_t k = 0;
  for (const Indicator& i : r.indicators) {
    if (i.kind != Kind::money) continue;
    ECONIND_CHECK(k < m.indicators.size());
    Indicator a = i, b = m.indicators[k++];
    ECONIND_CHECK(a.change_from.has_value() == b.change_from.has_value());
    a.change_from = b.change_from = std::nullopt;
    ECONIND_CHECK(fuzz::same(a, b));
  }
  ECONIND_CHECK(k == m.indicators.size());

  // A document date only sets years.
  Result dated = extractor.extract(text, {"doc", "2021-06-30"});
  fuzz::check_result(dated, text);
  ECONIND_CHECK(dated.indicators.size() == r.indicators.size());

  // JSONL: one valid JSON object per indicator, naming the same bytes.
  std::string jsonl = to_jsonl(r, text, "doc");
  std::size_t line_begin = 0, n = 0;
  while (line_begin < jsonl.size()) {
    std::size_t nl = jsonl.find('\n', line_begin);
    ECONIND_CHECK(nl != std::string::npos);
    auto j = nlohmann::json::parse(jsonl.begin() + static_cast<std::ptrdiff_t>(line_begin),
                                   jsonl.begin() + static_cast<std::ptrdiff_t>(nl), nullptr, false);
    ECONIND_CHECK(j.is_object() && n < r.indicators.size());
    ECONIND_CHECK(j["begin"] == r.indicators[n].span.begin && j["end"] == r.indicators[n].span.end);
    ECONIND_CHECK(j["kind"] == to_string(r.indicators[n].kind));
    line_begin = nl + 1;
    ++n;
  }
  ECONIND_CHECK(n == r.indicators.size());
  std::string csv = to_csv(r, text, "doc");
  ECONIND_CHECK(r.indicators.empty() == csv.empty());
  return 0;
}
