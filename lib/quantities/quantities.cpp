#include "quantities/quantities.hpp"

#include <algorithm>

#include "numbers/lexicon.hpp"
#include "quantities/lexicon.hpp"
#include "text/utf8.hpp"

namespace econind::detail {
namespace {

// Byte by byte: most tests fail on the first byte, sooner than a call to memcmp returns.
bool same_bytes(const char* a, std::string_view s) {
  for (std::size_t k = 0; k < s.size(); ++k)
    if (a[k] != s[k]) return false;
  return true;
}
bool starts_with(std::string_view t, std::size_t i, std::string_view s) {
  return i <= t.size() && t.size() - i >= s.size() && same_bytes(t.data() + i, s);
}
bool ends_with(std::string_view t, std::size_t i, std::string_view s) {
  return i >= s.size() && i <= t.size() && same_bytes(t.data() + i - s.size(), s);
}

// Position after one blank at `i`, when there is one.
std::size_t skip_blank(std::string_view t, std::size_t i) { return (i < t.size() && t[i] == ' ') ? i + 1 : i; }

// Moves back `chars` code points from `pos`, not past `floor`.
std::size_t back_chars(std::string_view t, std::size_t pos, std::size_t chars, std::size_t floor) {
  while (chars-- > 0 && pos > floor) pos = prev_cp_start(t, pos);
  return pos;
}

// Is a phrase of the table anywhere in [from, to)?
bool any_within(const PhraseTable<bool>& table, std::string_view t, std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to; i += decode_char(t, i).len) {
    if (auto m = table.match_at(t, i); m && m->end <= to) return true;
  }
  return false;
}

// A number inside a short quotation (“5+N”, “三个做优做强”) names a slogan, not a figure.
bool in_short_quote(std::string_view t, std::size_t b, std::size_t e) {
  constexpr std::size_t kMaxQuoted = 10;  // characters between the quotes
  // The opening quote stands within kMaxQuoted characters, at most four bytes each, before
  // `b`: most numbers have none there.
  std::size_t window = std::min<std::size_t>(b, 4 * kMaxQuoted);
  static constexpr std::string_view kOpen = "“";
  if (t.substr(b - window, window).find(kOpen) == std::string_view::npos) return false;
  std::size_t open = std::string_view::npos;
  std::size_t i = b;
  for (std::size_t n = 0; n < kMaxQuoted && i > 0; ++n) {
    i = prev_cp_start(t, i);
    char32_t c = decode_char(t, i).cp;
    if (c == U'”' || c == '\n') return false;
    if (c == U'“') {
      open = i;
      break;
    }
  }
  if (open == std::string_view::npos) return false;
  std::size_t j = e;
  for (std::size_t n = 0; j < t.size(); ++n) {
    Decoded d = decode_char(t, j);
    if (d.cp == U'”') {
      std::size_t chars = 0;
      for (std::size_t k = open + 3; k < j; k += decode_char(t, k).len) ++chars;
      return chars <= kMaxQuoted;
    }
    if (d.cp == U'“' || d.cp == '\n' || n >= kMaxQuoted) return false;
    j += d.len;
  }
  return false;
}

class Classifier {
 public:
  Classifier(std::string_view t, const QuantityLexicon& lex) : t_(t), lex_(lex) {}

  std::optional<Quantity> classify(const NumberToken& tok, std::size_t floor) {
    const Number& n = tok.number;
    if (n.status != NumberStatus::ok) return std::nullopt;
    if (n.kind != NumberKind::cardinal && n.kind != NumberKind::ordinal) return std::nullopt;
    if (in_short_quote(t_, tok.core_begin, n.span.end)) return std::nullopt;
    floor_ = floor;
    Quantity q;
    q.value = n.value;
    q.value_max = n.value_max;
    q.qualifier = n.qualifier;
    q.span = n.span;
    if (auto r = rank(tok, q)) return r;
    // An ordinal that is no rank (第十七届, On the 19th) is nothing else either.
    if (n.kind == NumberKind::ordinal || ends_with(t_, tok.core_begin, "第")) return std::nullopt;
    if (tok.per) return percent_word(tok, std::move(q));
    if (auto m = money_with_prefix(tok, q)) return m;
    return with_suffix_unit(tok, std::move(q));
  }

 private:
  const PhraseTable<bool>& role(RankRole r) const { return lex_.role(r); }

  // A ranking cue (排名 位列 全国 …) within a few characters before `pos`.
  bool cue_before(std::size_t pos, std::size_t chars = 10) const {
    return any_within(role(RankRole::cue), t_, back_chars(t_, pos, chars, floor_), pos);
  }

  // Ranks: 第53名 位列第3 前20 TOP20 N强 ranked 19th the 19th nationally No. 1; and rank
  // changes: 提升12位 下降2位 up 12 places.
  std::optional<Quantity> rank(const NumberToken& tok, const Quantity& base) const {
    const Number& n = tok.number;
    std::size_t cb = tok.core_begin, e = n.span.end;
    if (n.value_max || !n.value.is_integer() || n.value.is_negative()) return std::nullopt;
    // Most numbers are no rank: the Quantity is copied only for one that is.
    auto found = [&](Span span, Qualifier qualifier, Kind kind = Kind::rank, bool negate = false) {
      std::optional<Quantity> q = base;
      q->kind = kind;
      q->qualifier = qualifier;
      q->span = span;
      if (negate) q->value = Decimal(-q->value.mantissa(), q->value.exponent());
      return q;
    };
    // Chinese ordinal: 第N
    if (ends_with(t_, cb, "第")) {
      if (role(RankRole::edition_suffix).match_at(t_, e)) return std::nullopt;  // 第十七届, 第一批
      if (auto s = role(RankRole::rank_suffix).match_at(t_, e)) return found({cb - 3, s->end}, base.qualifier);
      if (cue_before(cb - 3)) return found({cb - 3, base.span.end}, base.qualifier);
      return std::nullopt;
    }
    // Top N: 前20, 前20名, 排名前三, TOP20, Top 10; N强
    bool top_word = false;
    std::size_t top_begin = cb;
    if (cb > 0 && (t_[cb - 1] == ' ' || t_[cb - 1] == 'P' || t_[cb - 1] == 'p')) {
      static constexpr std::string_view kTopWords[] = {"TOP ", "Top ", "top ", "TOP", "Top", "top"};
      for (std::string_view w : kTopWords) {
        if (ends_with(t_, cb, w) && (cb == w.size() || !is_alpha_at(t_, cb - w.size() - 1))) {
          top_word = true;
          top_begin = cb - w.size();
          break;
        }
      }
    }
    if (top_word || ends_with(t_, cb, "前")) {
      if (!top_word) top_begin = cb - 3;
      auto s = role(RankRole::top_suffix).match_at(t_, e);
      // 前三季度, 前5个月 go on with a word; 前20 standing alone is a ranking.
      bool stands_alone = e >= t_.size() || !is_cjk_ideograph(decode_char(t_, e).cp);
      if (top_word || s || stands_alone || cue_before(top_begin))
        return found({top_begin, s ? s->end : e}, Qualifier::at_most);
      return std::nullopt;
    }
    if (starts_with(t_, e, "强") && !tok.english) return found({base.span.begin, e + 3}, Qualifier::at_most);
    // Rank changes: 提升12位, 较上年下降2名; up 12 places.
    if (auto s = role(RankRole::rank_suffix).match_at(t_, e); s && !starts_with(t_, e, "个")) {
      bool up = role(RankRole::up).match_before(t_, cb).has_value();
      bool down = role(RankRole::down).match_before(t_, cb).has_value();
      if (up || down) {
        auto verb = (up ? role(RankRole::up) : role(RankRole::down)).match_before(t_, cb);
        return found({verb->begin, s->end}, base.qualifier, Kind::rank_change, down);
      }
    }
    if (cb > 1 && t_[cb - 1] == ' ') {
      if (auto s = role(RankRole::en_places).match_at(t_, skip_blank(t_, e)); s && e < t_.size() && t_[e] == ' ') {
        auto up = role(RankRole::en_up).match_before(t_, cb - 1);
        auto down = role(RankRole::en_down).match_before(t_, cb - 1);
        if (up || down)
          return found({(up ? up : down)->begin, s->end}, base.qualifier, Kind::rank_change, down.has_value());
      }
    }
    // English: ranked 53rd, ranks third, No. 1, the 19th nationally.
    if (tok.english || n.kind == NumberKind::ordinal || ends_with(t_, cb, "No. ") || ends_with(t_, cb, "No.")) {
      if (ends_with(t_, cb, "No. ") || ends_with(t_, cb, "No."))
        return found({cb - (t_[cb - 1] == ' ' ? 4 : 3), base.span.end}, base.qualifier);
      if (n.kind != NumberKind::ordinal) return std::nullopt;
      std::size_t before = cb;
      if (before > 0 && t_[before - 1] == ' ') --before;
      if (role(RankRole::en_cue).match_before(t_, before)) return found(base.span, base.qualifier);
      // "the 19th nationally", "seventh place"; not "On the 19th" (a date).
      if (e < t_.size() && t_[e] == ' ' && role(RankRole::en_after).match_at(t_, e + 1))
        return found({ends_with(t_, cb, "the ") ? cb - 4 : base.span.begin, base.span.end}, base.qualifier);
    }
    return std::nullopt;
  }

  // 百分之三十, 千分之五
  std::optional<Quantity> percent_word(const NumberToken& tok, Quantity q) const {
    q.kind = Kind::percent;
    q.unit = tok.per == 100 ? "%" : tok.per == 1000 ? "‰" : "‱";
    return with_suffix_qualifier(std::move(q));
  }

  // RMB 3.5 billion, US$3 million, 人民币3.5亿元, more than $170 billion
  std::optional<Quantity> money_with_prefix(const NumberToken& tok, const Quantity& base) const {
    std::size_t cb = tok.core_begin;
    auto p = lex_.prefix_units.match_before(t_, cb);
    if (!p && cb > 1 && t_[cb - 1] == ' ' && is_alpha_at(t_, cb - 2)) p = lex_.prefix_units.match_before(t_, cb - 1);
    if (!p || p->begin < floor_) return std::nullopt;
    Quantity q = base;
    q.kind = Kind::money;
    q.unit = p->payload->unit;
    q.span.begin = std::min(q.span.begin, p->begin);
    q.span.end = tok.number.span.end;
    if (q.qualifier == Qualifier::exact) {
      if (auto pq = prefix_qualifier_before(t_, p->begin)) {
        q.qualifier = pq->qualifier;
        q.span.begin = pq->begin;
      }
    }
    // 人民币3.5亿元: the 元 after is the same currency.
    if (auto s = lex_.suffix_units.match_at(t_, skip_blank(t_, q.span.end)); s && s->payload->kind == Kind::money)
      q.span.end = s->end;
    return with_suffix_qualifier(std::move(q));
  }

  std::optional<Quantity> with_suffix_unit(const NumberToken& tok, Quantity q) const {
    const Number& n = tok.number;
    std::size_t e = n.span.end;
    auto u = lex_.suffix_units.match_at(t_, e);
    if (!u && e < t_.size() && t_[e] == ' ') u = lex_.suffix_units.match_at(t_, e + 1);
    if (u) {
      const UnitEntry& entry = *u->payload;
      if (entry.kind == Kind::count && (!count_allowed(tok) || (entry.arabic_only && tok.chinese))) return std::nullopt;
      if (entry.kind == Kind::count && tok.verb_qualifier) {
        // 突破29项核心技术: a verb before a count, not a threshold.
        q.qualifier = Qualifier::exact;
        q.span.begin = tok.core_begin;
      }
      if (entry.unit == "%" && entry.factor != Decimal(1)) {
        // 三成, 两成多: only a Chinese numeral up to ten makes a share.
        if (!tok.chinese || Decimal(10) < n.value) return std::nullopt;
      }
      q.kind = entry.kind;
      q.unit = entry.unit;
      if (entry.unit.empty()) q.unit_span = {u->begin, u->end};
      if (entry.factor != Decimal(1)) {
        q.value = Decimal::multiply(q.value, entry.factor).value_or(q.value);
        if (q.value_max) q.value_max = Decimal::multiply(*q.value_max, entry.factor).value_or(*q.value_max);
      }
      q.span.end = u->end;
      return with_suffix_qualifier(std::move(q));
    }
    // 总收入逾八万亿, 年产值突破千亿: a figure of 亿 or more with a money word just before it.
    if (n.has_scale && !(tok.scale < Decimal(1, 8)) && !tok.english) {
      std::size_t from = back_chars(t_, n.span.begin, 6, floor_);
      for (std::size_t i = from; i < n.span.begin; i += decode_char(t_, i).len) {
        if (auto c = lex_.money_context.match_at(t_, i); c && c->end <= n.span.begin) {
          q.kind = Kind::money;
          q.unit = c->payload->unit;
          return with_suffix_qualifier(std::move(q));
        }
      }
    }
    // English counts: "1,200 scientific research institutions", "more than 200 biomedical companies".
    if (count_allowed(tok)) {
      if (auto noun = number_lexicon().counted_noun_after(t_, e)) {
        q.kind = Kind::count;
        q.unit_span = *noun;
        // The span ends at the number: the noun may sit several words away.
        return with_suffix_qualifier(std::move(q));
      }
    }
    return std::nullopt;
  }

  // Counts are whole, definite numbers: not 一家 (an indefinite article), not 2.5 个, not ranges.
  static bool count_allowed(const NumberToken& tok) {
    const Number& n = tok.number;
    return !tok.single_one && n.value.is_integer() && !n.value.is_negative() && !n.value.is_zero();
  }

  // 50亿元以上, 30%左右, 两成多, 200 or more
  Quantity with_suffix_qualifier(Quantity q) const {
    const NumberLexicon& nl = number_lexicon();
    if (auto inner = nl.inner_qualifier_at(t_, q.span.end); inner && q.qualifier == Qualifier::exact &&
                                                             (q.kind == Kind::percent || q.kind == Kind::money)) {
      q.qualifier = **inner->payload;
      q.span.end = inner->end;
    }
    if (auto s = suffix_qualifier_at(t_, q.span.end)) {
      if (q.qualifier == Qualifier::exact) q.qualifier = s->second;
      q.span.end = s->first;
    }
    return q;
  }

  std::string_view t_;
  const QuantityLexicon& lex_;
  std::size_t floor_ = 0;  // end of the previous number: context lookups stop there
};

// 在全国157家国家高新区…中位列第53名: the count before 中 is the field the rank is within;
// "ranked 3rd among 178 zones": so is the count right after "among".
void attach_rank_of(std::string_view t, std::vector<Quantity>& qs, const std::vector<Sentence>& sentences) {
  constexpr std::size_t kLookback = 8;  // figures examined back within the sentence
  for (std::size_t i = 0; i < qs.size(); ++i) {
    if (qs[i].kind != Kind::rank) continue;
    if (i + 1 < qs.size() && qs[i + 1].kind == Kind::count && qs[i + 1].span.begin >= qs[i].span.end) {
      std::string_view between = t.substr(qs[i].span.end, qs[i + 1].span.begin - qs[i].span.end);
      bool among = between.size() <= 30 && (between.rfind(" among ", 0) == 0 || between.rfind(" out of ", 0) == 0 ||
                                             between == " of ");
      if (among) {
        qs[i].rank_of = qs[i + 1].value;
        continue;
      }
    }
    auto s = std::upper_bound(sentences.begin(), sentences.end(), qs[i].span.begin,
                              [](std::size_t p, const Sentence& x) { return p < x.span.begin; });
    if (s == sentences.begin()) continue;
    std::size_t sentence_begin = std::prev(s)->span.begin;
    for (std::size_t j = i, n = 0; j-- > 0 && n < kLookback; ++n) {
      if (qs[j].span.begin < sentence_begin) break;
      if (qs[j].kind != Kind::count) continue;
      std::string_view between = t.substr(qs[j].span.end, qs[i].span.begin - qs[j].span.end);
      if (between.find("中") != std::string_view::npos) qs[i].rank_of = qs[j].value;
      break;
    }
  }
}

}  // namespace

std::vector<Quantity> find_quantities(std::string_view text, const std::vector<NumberToken>& numbers,
                                      const std::vector<Sentence>& sentences, std::vector<Quantity> reuse) {
  Classifier c(text, quantity_lexicon());
  std::vector<Quantity> out = std::move(reuse);
  out.clear();
  out.reserve(numbers.size());
  std::size_t floor = 0;
  std::size_t s = 0;
  for (std::size_t i = 0; i < numbers.size(); ++i) {
    const Span& span = numbers[i].number.span;
    while (s < sentences.size() && sentences[s].span.end <= span.begin) ++s;
    if (s < sentences.size() && sentences[s].chrome && sentences[s].span.begin <= span.begin) continue;
    if (auto q = c.classify(numbers[i], floor)) {
      q->number_index = i;
      floor = q->span.end;
      out.push_back(std::move(*q));
    } else {
      floor = numbers[i].number.span.end;
    }
  }
  attach_rank_of(text, out, sentences);
  return out;
}

}  // namespace econind::detail
