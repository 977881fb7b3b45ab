#include "econind/extractor.hpp"

#include <charconv>

#include "link/linker.hpp"
#include "numbers/lexicon.hpp"
#include "ontology/matcher.hpp"
#include "numbers/scanner.hpp"
#include "quantities/lexicon.hpp"
#include "quantities/quantities.hpp"
#include "text/normalize.hpp"
#include "text/sentences.hpp"
#include "text/utf8.hpp"
#include "util/log.hpp"

namespace econind {

struct Extractor::Impl {
  Options options;
  std::shared_ptr<const Ontology> ontology;
  std::unique_ptr<detail::AliasMatcher> own_matcher;
  const detail::AliasMatcher* matcher = nullptr;
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

namespace {

EntityRef to_ref(const detail::LinkedEntity& l) {
  const Entity& e = *l.entity;
  // The usual names (兰州高新区, Lanzhou High-tech Zone), falling back to the full ones.
  return {e.id, e.usual_name(), e.usual_name_en(), std::string(to_string(e.type)), l.confidence};
}

bool has_chinese(std::string_view text, Span s) {
  for (std::size_t i = s.begin; i < s.end;) {
    detail::Decoded d = detail::decode_utf8(text, i);
    if (detail::is_cjk_ideograph(d.cp)) return true;
    i += d.len;
  }
  return false;
}

void warm_up() {
  // Build the shared tables now rather than inside the first extract().
  detail::number_lexicon();
  detail::quantity_lexicon();
  detail::fold_code_point(0x9F8D);
}

}  // namespace

Extractor::Extractor() : Extractor(Options{}) {}

Extractor::Extractor(Options options) {
  auto impl = std::make_shared<Impl>();
  impl->options = options;
  impl->matcher = &detail::AliasMatcher::builtin();
  // The builtin ontology lives as long as the process: a shared_ptr that owns nothing.
  impl->ontology = std::shared_ptr<const Ontology>(&Ontology::builtin(), [](const Ontology*) {});
  impl_ = std::move(impl);
  warm_up();
}

Extractor::Extractor(Options options, Ontology ontology) {
  auto impl = std::make_shared<Impl>();
  impl->options = options;
  impl->ontology = std::make_shared<const Ontology>(std::move(ontology));
  impl->own_matcher = std::make_unique<detail::AliasMatcher>(*impl->ontology);
  impl->matcher = impl->own_matcher.get();
  impl_ = std::move(impl);
  warm_up();
}

Extractor::~Extractor() = default;
Extractor::Extractor(const Extractor&) = default;
Extractor& Extractor::operator=(const Extractor&) = default;
Extractor::Extractor(Extractor&&) noexcept = default;
Extractor& Extractor::operator=(Extractor&&) noexcept = default;

const Options& Extractor::options() const { return impl_->options; }

Result Extractor::extract(std::string_view text, const DocumentInfo& info) const {
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
  std::vector<detail::EntityMatch> mentions = impl_->matcher->find_all(norm.text);
  r.ontology = impl_->ontology;
  r.mentions.reserve(mentions.size());
  for (const detail::EntityMatch& m : mentions) r.mentions.push_back({m.entity, norm.map.to_original(m.span)});
  std::optional<int> document_year;
  if (info.date.size() >= 4) {
    // Only a date that starts with four digits of a year the scanner would also read as one
    // (1900-2100) counts: "12ab" or "0000-01-01" must not make 今年 the year 12 or 0.
    int y = 0;
    auto [end, ec] = std::from_chars(info.date.data(), info.date.data() + 4, y);
    if (ec == std::errc() && end == info.date.data() + 4 && y >= 1900 && y <= 2100) document_year = y;
  }
  if (!document_year) document_year = detail::dateline_year(numbers);
  std::vector<detail::Links> links =
      detail::link({norm.text, sentences, numbers, mentions, document_year}, quantities);

  r.indicators.reserve(quantities.size());
  std::vector<std::size_t> index_of(quantities.size(), 0);  // quantity → position in r.indicators
  std::size_t si = 0;
  for (std::size_t k = 0; k < quantities.size(); ++k) {
    const detail::Quantity& q = quantities[k];
    while (si + 1 < sentences.size() && sentences[si].span.end <= q.span.begin) ++si;
    if (!wanted(impl_->options, q.kind)) continue;
    if (!(impl_->options.chinese && impl_->options.english) && si < sentences.size()) {
      bool chinese = info.language == "zh" || (info.language != "en" && has_chinese(norm.text, sentences[si].span));
      if (chinese ? !impl_->options.chinese : !impl_->options.english) continue;
    }
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
    const detail::Links& l = links[k];
    if (l.subject.entity) ind.subject = to_ref(l.subject);
    if (l.industry.entity) ind.industry = to_ref(l.industry);
    if (l.metric.entity) ind.metric = to_ref(l.metric);
    ind.year = l.year;
    if (l.change_from && wanted(impl_->options, quantities[*l.change_from].kind)) ind.change_from = index_of[*l.change_from];
    index_of[k] = r.indicators.size();
    if (si < sentences.size()) ind.sentence = norm.map.to_original(sentences[si].span);
    detail::logger().debug("{} {} [{}]", to_string(ind.kind), ind.value.to_string(), ind.text);
    r.indicators.push_back(std::move(ind));
  }
  return r;
}

}  // namespace econind
