#include "econind/extractor.hpp"

#include "numbers/lexicon.hpp"
#include "numbers/scanner.hpp"
#include "quantities/lexicon.hpp"
#include "quantities/quantities.hpp"
#include "text/normalize.hpp"
#include "text/sentences.hpp"
#include "util/log.hpp"

namespace econind {

struct Extractor::Impl {
  Options options;
};

namespace {

bool wanted(const Options& o, Kind k) {
  switch (k) {
    case Kind::money: return o.money;
    case Kind::percent: return o.percent;
    case Kind::count: return o.count;
    case Kind::rank:
    case Kind::rank_change: return o.rank;
  }
  return true;
}

}  // namespace

Extractor::Extractor() : Extractor(Options{}) {}

Extractor::Extractor(Options options) : impl_(std::make_shared<Impl>(Impl{options})) {
  // Build the shared tables now rather than inside the first extract().
  detail::number_lexicon();
  detail::quantity_lexicon();
  detail::fold_code_point(0x9F8D);
}

Extractor::~Extractor() = default;
Extractor::Extractor(const Extractor&) = default;
Extractor& Extractor::operator=(const Extractor&) = default;
Extractor::Extractor(Extractor&&) noexcept = default;
Extractor& Extractor::operator=(Extractor&&) noexcept = default;

const Options& Extractor::options() const { return impl_->options; }

Result Extractor::extract(std::string_view text, const DocumentInfo& /*info*/) const {
  Result r;
  detail::NormalizedText norm = detail::normalize(text);
  r.diagnostics = std::move(norm.diagnostics);
  std::vector<detail::Sentence> sentences = detail::split_sentences(norm.text);
  std::vector<detail::NumberToken> numbers = detail::scan_number_tokens(norm.text);
  for (const auto& n : numbers) {
    if (n.number.status == NumberStatus::out_of_range) {
      Span s = norm.map.to_original(n.number.span);
      r.diagnostics.push_back({Diagnostic::Code::out_of_range, s, "number too large to represent exactly"});
    }
  }
  std::vector<detail::Quantity> quantities = detail::find_quantities(norm.text, numbers, sentences);
  std::size_t si = 0;
  for (const detail::Quantity& q : quantities) {
    if (!wanted(impl_->options, q.kind)) continue;
    Indicator ind;
    ind.kind = q.kind;
    ind.value = q.value;
    ind.value_max = q.value_max;
    ind.qualifier = q.qualifier;
    ind.span = norm.map.to_original(q.span);
    ind.text = std::string(text.substr(ind.span.begin, ind.span.size()));
    if (q.unit.empty() && q.unit_span.size() > 0) {
      Span u = norm.map.to_original(q.unit_span);
      ind.unit = std::string(text.substr(u.begin, u.size()));
    } else {
      ind.unit = q.unit;
    }
    ind.rank_of = q.rank_of;
    while (si + 1 < sentences.size() && sentences[si].span.end <= q.span.begin) ++si;
    if (si < sentences.size()) ind.sentence = norm.map.to_original(sentences[si].span);
    detail::logger().debug("{} {} [{}]", to_string(ind.kind), ind.value.to_string(), ind.text);
    r.indicators.push_back(std::move(ind));
  }
  return r;
}

}  // namespace econind
