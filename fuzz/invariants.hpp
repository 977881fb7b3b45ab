#pragma once
// What every fuzz target asserts about what econind hands back, whatever the input: spans lie
// inside the input, begin < end, on character boundaries of the original bytes; values are
// finite, ranges ordered; strings are UTF-8; the same text always gives the same result. A
// failed check prints what failed and aborts, which libFuzzer (or the replay main) reports
// with the input that caused it.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "econind/econind.hpp"
#include "text/normalize.hpp"
#include "text/utf8.hpp"

namespace econind::fuzz {

[[noreturn]] inline void fail(const char* what, const char* file, int line, const std::string& detail = {}) {
  std::fprintf(stderr, "%s:%d: invariant failed: %s%s%s\n", file, line, what, detail.empty() ? "" : "\n  ",
               detail.c_str());
  std::abort();
}

#define ECONIND_CHECK(cond) ((cond) ? (void)0 : ::econind::fuzz::fail(#cond, __FILE__, __LINE__))
#define ECONIND_CHECK_MSG(cond, detail) \
  ((cond) ? (void)0 : ::econind::fuzz::fail(#cond, __FILE__, __LINE__, (detail)))

// The character boundaries of a byte string as econind reads it: the start of every well-formed
// UTF-8 sequence and of every byte that is not part of one (each such byte is a character of
// its own, read as U+FFFD), and the end of the text.
class Boundaries {
 public:
  explicit Boundaries(std::string_view text) : at_(text.size() + 1, false) {
    std::size_t i = 0;
    while (i < text.size()) {
      at_[i] = true;
      i += detail::decode_utf8(text, i).len;
    }
    at_[text.size()] = true;
  }
  bool at(std::size_t pos) const { return pos < at_.size() && at_[pos]; }

 private:
  std::vector<bool> at_;
};

inline bool is_utf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    detail::Decoded d = detail::decode_utf8(s, i);
    if (!d.valid) return false;
    i += d.len;
  }
  return true;
}

inline std::string describe(const Span& s) { return "[" + std::to_string(s.begin) + ", " + std::to_string(s.end) + ")"; }

// Where normalize() and normalize_one_by_one() part: in the text, the diagnostics, or where a
// character of the text maps back to. Empty when they agree.
inline std::string normalize_disagreement(std::string_view input) {
  detail::NormalizedText fast = detail::normalize(input);
  detail::NormalizedText slow = detail::normalize_one_by_one(input);
  if (fast.text != slow.text) {
    std::size_t k = 0;
    while (k < fast.text.size() && k < slow.text.size() && fast.text[k] == slow.text[k]) ++k;
    return "texts part at byte " + std::to_string(k);
  }
  if (fast.diagnostics.size() != slow.diagnostics.size()) return "diagnostics differ in number";
  for (std::size_t k = 0; k < fast.diagnostics.size(); ++k) {
    const Diagnostic& a = fast.diagnostics[k];
    const Diagnostic& b = slow.diagnostics[k];
    if (a.code != b.code || !(a.span == b.span)) return "diagnostic " + describe(a.span) + " vs " + describe(b.span);
  }
  const std::string& t = fast.text;
  for (std::size_t pos = 0; pos < t.size();) {
    std::size_t next = pos + detail::decode_utf8(t, pos).len;
    for (Span s : {Span{pos, next}, Span{pos, t.size()}, Span{0, next}}) {
      Span a = fast.map.to_original(s), b = slow.map.to_original(s);
      if (!(a == b)) return describe(s) + " maps to " + describe(a) + ", one by one to " + describe(b);
    }
    pos = next;
  }
  return {};
}

// A span of `text`: inside it, not empty (unless `may_be_empty`), on character boundaries.
inline void check_span(const Span& s, std::string_view text, const Boundaries& b, bool may_be_empty = false) {
  ECONIND_CHECK_MSG(s.end <= text.size(), describe(s) + " of " + std::to_string(text.size()) + " bytes");
  ECONIND_CHECK_MSG(may_be_empty ? s.begin <= s.end : s.begin < s.end, describe(s));
  ECONIND_CHECK_MSG(b.at(s.begin) && b.at(s.end), describe(s) + " cuts a character");
}

// An exact decimal: finite as a double, within the documented range, and printed exactly (its
// shortest notation reads back as the same value).
inline void check_decimal(const Decimal& d) {
  ECONIND_CHECK(std::isfinite(d.to_double()));
  ECONIND_CHECK(d.is_zero() || d.mantissa() % 10 != 0);  // normalized
  ECONIND_CHECK(std::fabs(d.to_double()) < 1.0000001e24);
  auto back = Decimal::from_string(d.to_string());
  ECONIND_CHECK_MSG(back && *back == d, d.to_string());
}

inline void check_range(const Decimal& value, const std::optional<Decimal>& value_max) {
  check_decimal(value);
  if (value_max) {
    check_decimal(*value_max);
    ECONIND_CHECK_MSG(value <= *value_max, value.to_string() + " > " + value_max->to_string());
  }
}

// A number as scan_numbers() or parse_number() returns it.
inline void check_number(const Number& n, std::string_view text, const Boundaries& b) {
  check_span(n.span, text, b);
  if (n.status == NumberStatus::out_of_range) {
    ECONIND_CHECK(n.value.is_zero());
    return;
  }
  check_range(n.value, n.value_max);
  if (n.kind == NumberKind::year || n.kind == NumberKind::period)
    ECONIND_CHECK_MSG(n.value >= Decimal(1000) && n.value <= Decimal(9999), n.value.to_string());
}

// In text order. Two numbers share bytes only when both come from the expansion of one
// character (½ reads as 1⁄2: both figures map to the ½).
inline void check_numbers(const std::vector<Number>& ns, std::string_view text, const Boundaries& b) {
  const Number* last = nullptr;
  for (const Number& n : ns) {
    check_number(n, text, b);
    if (last) {
      bool apart = n.span.begin >= last->span.end;
      bool one_character = n.span.begin < last->span.end && n.span.begin >= last->span.begin &&
                           n.span.end >= last->span.end && detail::decode_utf8(text, n.span.begin).len >= n.span.size();
      ECONIND_CHECK_MSG(apart || one_character, "numbers overlap or are out of order at " + describe(n.span));
    }
    last = &n;
  }
}

inline void check_entity(const EntityRef& e, std::initializer_list<std::string_view> types) {
  ECONIND_CHECK(e.entity != nullptr && !e.id().empty());
  bool known = false;
  for (std::string_view t : types) known = known || e.type() == t;
  ECONIND_CHECK_MSG(known, std::string(e.type()) + " " + std::string(e.id()));
  ECONIND_CHECK(is_utf8(e.id()) && is_utf8(e.name()) && is_utf8(e.name_en()));
  ECONIND_CHECK(e.confidence > 0 && e.confidence <= 1);
}

// One indicator of a result over `text`; `index` is its place in Result::indicators.
inline void check_indicator(const Indicator& i, std::size_t index, std::string_view text, const Boundaries& b) {
  check_span(i.span, text, b);
  ECONIND_CHECK(i.text == text.substr(i.span.begin, i.span.size()));
  check_range(i.value, i.value_max);
  if (i.rank_of) check_decimal(*i.rank_of);
  switch (i.kind) {
    case Kind::money:
    case Kind::percent:
      ECONIND_CHECK_MSG(!i.unit.empty(), i.text);
      break;
    case Kind::count:
      ECONIND_CHECK_MSG(!i.unit.empty() && i.value.is_integer() && i.value > Decimal(0), i.text);
      break;
    case Kind::rank:
    case Kind::rank_change:
      ECONIND_CHECK_MSG(i.value.is_integer() && !i.value_max, i.text);
      break;
  }
  ECONIND_CHECK_MSG(is_utf8(i.unit), i.text);
  check_span(i.sentence, text, b, /*may_be_empty=*/true);
  if (i.subject) check_entity(*i.subject, {"park", "cluster", "region"});
  if (i.industry) check_entity(*i.industry, {"industry"});
  if (i.metric) check_entity(*i.metric, {"metric"});
  if (i.year) ECONIND_CHECK_MSG(*i.year >= 1800 && *i.year <= 2200, std::to_string(*i.year));
  if (i.change_from) ECONIND_CHECK(*i.change_from < index);
}

inline void check_result(const Result& r, std::string_view text) {
  Boundaries b(text);
  std::size_t last_begin = 0;
  for (std::size_t k = 0; k < r.indicators.size(); ++k) {
    const Indicator& i = r.indicators[k];
    check_indicator(i, k, text, b);
    ECONIND_CHECK_MSG(i.span.begin >= last_begin, "indicators out of text order at " + describe(i.span));
    last_begin = i.span.begin;
    if (i.change_from) ECONIND_CHECK(r.indicators[*i.change_from].kind == i.kind);
  }
  std::size_t last_end = 0;
  for (const Mention& m : r.mentions) {
    check_span(m.span, text, b);
    ECONIND_CHECK(m.entity != nullptr && !m.entity->id.empty() && is_utf8(m.entity->usual_name()));
    ECONIND_CHECK(r.ontology && r.ontology->find(m.entity->id) == m.entity);
    ECONIND_CHECK_MSG(m.span.begin >= last_end || m.span.begin == (&m - 1)->span.begin,
                      "mentions overlap at " + describe(m.span));
    last_end = m.span.end;
  }
  // Unless there were too many to report, the invalid-UTF-8 diagnostics name exactly the bytes
  // that are not UTF-8, each run of them once.
  std::vector<Span> invalid;
  for (std::size_t p = 0; p < text.size();) {
    detail::Decoded d = detail::decode_utf8(text, p);
    if (!d.valid) {
      if (!invalid.empty() && invalid.back().end == p) ++invalid.back().end;
      else invalid.push_back({p, p + 1});
    }
    p += d.len;
  }
  std::vector<Span> reported;
  bool too_many = false;
  for (const Diagnostic& d : r.diagnostics) {
    if (d.code == Diagnostic::Code::invalid_utf8) reported.push_back(d.span);
    too_many = too_many || d.code == Diagnostic::Code::too_many;
  }
  if (!too_many) ECONIND_CHECK_MSG(reported == invalid, std::to_string(reported.size()) + " invalid-UTF-8 diagnostics for " +
                                                            std::to_string(invalid.size()) + " runs of bad bytes");
  for (const Diagnostic& d : r.diagnostics) {
    check_span(d.span, text, b);
    ECONIND_CHECK(!d.message.empty());
    if (d.code == Diagnostic::Code::invalid_utf8) {
      // Every byte it names is one that is not UTF-8.
      for (std::size_t p = d.span.begin; p < d.span.end; ++p)
        ECONIND_CHECK_MSG(b.at(p) && !detail::decode_utf8(text, p).valid, "valid UTF-8 reported at " + describe(d.span));
    }
  }
}

inline bool same(const std::optional<EntityRef>& a, const std::optional<EntityRef>& b) {
  if (!a || !b) return !a && !b;
  return a->entity == b->entity && a->confidence == b->confidence;
}

inline bool same(const Indicator& a, const Indicator& b) {
  return a.kind == b.kind && a.value == b.value && a.value_max == b.value_max && a.qualifier == b.qualifier &&
         a.unit == b.unit && a.span == b.span && a.text == b.text && a.sentence == b.sentence &&
         a.rank_of == b.rank_of && same(a.subject, b.subject) && same(a.industry, b.industry) &&
         same(a.metric, b.metric) && a.year == b.year && a.change_from == b.change_from;
}

inline bool same(const Result& a, const Result& b) {
  if (a.indicators.size() != b.indicators.size() || a.mentions.size() != b.mentions.size() ||
      a.diagnostics.size() != b.diagnostics.size())
    return false;
  for (std::size_t k = 0; k < a.indicators.size(); ++k)
    if (!same(a.indicators[k], b.indicators[k])) return false;
  for (std::size_t k = 0; k < a.mentions.size(); ++k)
    if (a.mentions[k].span != b.mentions[k].span || a.mentions[k].entity != b.mentions[k].entity) return false;
  for (std::size_t k = 0; k < a.diagnostics.size(); ++k)
    if (a.diagnostics[k].code != b.diagnostics[k].code || a.diagnostics[k].span != b.diagnostics[k].span) return false;
  return true;
}

inline bool same(const Number& a, const Number& b) {
  return a.value == b.value && a.value_max == b.value_max && a.qualifier == b.qualifier && a.kind == b.kind &&
         a.status == b.status && a.has_scale == b.has_scale && a.span == b.span;
}

}  // namespace econind::fuzz
