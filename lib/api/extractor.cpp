#include "econind/extractor.hpp"

#include <charconv>
#include <iterator>

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

  void extract_window(std::string_view window, std::size_t base, const DocumentInfo& info,
                      std::optional<int>& document_year, Result& r, std::vector<Indicator>& indicators,
                      std::size_t first_index) const;
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

void set_ref(std::optional<EntityRef>& ref, const detail::LinkedEntity& l) {
  if (l.entity) ref = EntityRef{l.entity, l.confidence};
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

namespace {

// Documents are read in windows of at most this many bytes, cut at a paragraph break, so that the
// working memory of an extraction (normalized text, tokens, mentions) stays bounded however long
// the document is. A news article fits in one window; in a longer text (a concatenated archive,
// say), linking looks back no further than the start of the window.
constexpr std::size_t kWindowBytes = std::size_t{1} << 20;

// End of the window that starts at `begin`: after the last paragraph break in its second half,
// else after the last line break, sentence end or blank there; at a character boundary only in
// text that has none of these for half a megabyte.
std::size_t window_end(std::string_view text, std::size_t begin) {
  if (text.size() - begin <= kWindowBytes) return text.size();
  std::string_view w = text.substr(begin, kWindowBytes);
  for (std::string_view cut : {"\n\n", "\n", "。", ". ", " "}) {
    std::size_t k = w.rfind(cut);
    if (k != std::string_view::npos && k >= kWindowBytes / 2) return begin + k + cut.size();
  }
  std::size_t e = begin + kWindowBytes;
  while (e > begin && (static_cast<unsigned char>(text[e]) & 0xC0) == 0x80) --e;
  return e;
}

// The year of DocumentInfo::date. Only a date that starts with four digits of a year the scanner
// would also read as one (1900-2100) counts: "12ab" or "0000-01-01" must not make 今年 the year 12.
std::optional<int> year_of_date(std::string_view date) {
  int y = 0;
  if (date.size() < 4) return std::nullopt;
  auto [end, ec] = std::from_chars(date.data(), date.data() + 4, y);
  if (ec == std::errc() && end == date.data() + 4 && y >= 1900 && y <= 2100) return y;
  return std::nullopt;
}

Span shifted(Span s, std::size_t by) { return {s.begin + by, s.end + by}; }

// The working arrays of one window, kept by each thread between documents so that extracting
// one allocates only what its result holds. At most a window's worth (a few MB) stays with a
// thread. Nothing calls back into the library during an extraction (a log sink must not), so a
// thread uses its arrays for one window at a time.
struct Workspace {
  detail::NormalizedText norm;
  std::vector<detail::Sentence> sentences;
  std::vector<detail::NumberToken> numbers;
  std::vector<detail::Quantity> quantities;
  std::vector<detail::EntityMatch> mentions;
  std::vector<detail::Links> links;
  std::vector<std::size_t> index_of;  // quantity → index of its indicator in the whole result
};
thread_local Workspace workspace;

}  // namespace

// One window: text[base, base + window.size()). Mentions and diagnostics are appended to `r`,
// indicators to `indicators`; `first_index` is the index in the whole result of the first one.
void Extractor::Impl::extract_window(std::string_view window, std::size_t base, const DocumentInfo& info,
                                     std::optional<int>& document_year, Result& r, std::vector<Indicator>& indicators,
                                     std::size_t first_index) const {
  Workspace& ws = workspace;
  detail::NormalizedText& norm = ws.norm = detail::normalize(window, std::move(ws.norm));
  for (const Diagnostic& d : norm.diagnostics) r.diagnostics.push_back({d.code, shifted(d.span, base), d.message});
  const auto& sentences = ws.sentences = detail::split_sentences(norm.text, std::move(ws.sentences));
  const auto& numbers = ws.numbers = detail::scan_number_tokens(norm.text, std::move(ws.numbers));
  for (const auto& n : numbers) {
    if (n.number.status == NumberStatus::out_of_range) {
      Span s = shifted(norm.map.to_original(n.number.span), base);
      r.diagnostics.push_back({Diagnostic::Code::out_of_range, s, "number too large to represent exactly"});
    }
  }
  const auto& quantities = ws.quantities =
      detail::find_quantities(norm.text, numbers, sentences, std::move(ws.quantities));
  const auto& mentions = ws.mentions = matcher->find_all(norm.text, std::move(ws.mentions));
  if (!document_year && base == 0) document_year = detail::dateline_year(numbers);
  const auto& links = ws.links =
      detail::link({norm.text, sentences, numbers, mentions, document_year}, quantities, std::move(ws.links));
  if (r.mentions.empty()) r.mentions.reserve(mentions.size());
  std::size_t hint = 0;  // mentions, figures, units and sentences each come in text order
  for (const detail::EntityMatch& m : mentions) {
    // Filled in place: a Mention built first and then copied in goes through the stack in
    // halves read back as one wider word, which the processor cannot forward.
    Mention& mention = r.mentions.emplace_back();
    mention.entity = m.entity;
    mention.span = shifted(norm.map.to_original(m.span, &hint), base);
  }

  indicators.reserve(quantities.size());
  std::vector<std::size_t>& index_of = ws.index_of;
  index_of.assign(quantities.size(), 0);
  std::size_t si = 0, span_hint = 0, unit_hint = 0, sentence_hint = 0;
  for (std::size_t k = 0; k < quantities.size(); ++k) {
    const detail::Quantity& q = quantities[k];
    while (si + 1 < sentences.size() && sentences[si].span.end <= q.span.begin) ++si;
    if (!wanted(options, q.kind)) continue;
    if (!(options.chinese && options.english) && si < sentences.size()) {
      bool chinese = info.language == "zh" || (info.language != "en" && has_chinese(norm.text, sentences[si].span));
      if (chinese ? !options.chinese : !options.english) continue;
    }
    index_of[k] = first_index + indicators.size();
    Indicator& ind = indicators.emplace_back();  // filled in place: an Indicator is large to move
    ind.kind = q.kind;
    ind.value = q.value;
    ind.value_max = q.value_max;
    ind.qualifier = q.qualifier;
    Span span = norm.map.to_original(q.span, &span_hint);
    ind.span = shifted(span, base);
    ind.text = std::string(window.substr(span.begin, span.size()));
    if (q.unit.empty() && q.unit_span.size() > 0) {
      Span u = norm.map.to_original(q.unit_span, &unit_hint);
      ind.unit = std::string(window.substr(u.begin, u.size()));
    } else {
      ind.unit = q.unit;
    }
    ind.rank_of = q.rank_of;
    const detail::Links& l = links[k];
    set_ref(ind.subject, l.subject);
    set_ref(ind.industry, l.industry);
    set_ref(ind.metric, l.metric);
    ind.year = l.year;
    if (l.change_from && wanted(options, quantities[*l.change_from].kind)) ind.change_from = index_of[*l.change_from];
    if (si < sentences.size()) ind.sentence = shifted(norm.map.to_original(sentences[si].span, &sentence_hint), base);
    if (detail::logger().should_log(spdlog::level::debug))  // spares formatting the value when off
      detail::logger().debug("{} {} [{}]", to_string(ind.kind), ind.value.to_string(), ind.text);
  }
}

Result Extractor::extract(std::string_view text, const DocumentInfo& info) const {
  Result r;
  r.ontology = impl_->ontology;
  std::optional<int> document_year = year_of_date(info.date);
  if (text.size() <= kWindowBytes) {
    impl_->extract_window(text, 0, info, document_year, r, r.indicators, 0);
    return r;
  }
  // Each window's indicators are kept apart and moved into one exactly sized vector at the end:
  // growing a vector of indicators by doubling would hold two copies of it for a moment.
  std::vector<std::vector<Indicator>> pieces;
  std::size_t total = 0;
  for (std::size_t begin = 0; begin < text.size();) {
    std::size_t end = window_end(text, begin);
    impl_->extract_window(text.substr(begin, end - begin), begin, info, document_year, r, pieces.emplace_back(), total);
    total += pieces.back().size();
    begin = end;
  }
  r.indicators.reserve(total);
  for (auto& piece : pieces) {
    std::move(piece.begin(), piece.end(), std::back_inserter(r.indicators));
    piece = {};
  }
  return r;
}

}  // namespace econind
