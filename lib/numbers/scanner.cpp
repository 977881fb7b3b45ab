#include "numbers/scanner.hpp"

#include <boost/regex/icu.hpp>

#include <charconv>

#include "numbers/lexicon.hpp"
#include "text/utf8.hpp"

namespace econind::detail {
namespace {

// Calendar expressions, tried at each digit. Each pattern is anchored (match_continuous) and
// runs on a window of at most kWindow bytes, and none nests quantifiers, so none can backtrack
// catastrophically.
constexpr std::size_t kWindow = 48;

enum class TimeShape { date_ymd, date_ym_cn, period, year_cn, date_md_cn, date_d_cn, clock };

struct TimePattern {
  TimeShape shape;
  boost::u32regex re;
};

const std::vector<TimePattern>& time_patterns() {
  static const std::vector<TimePattern> patterns = [] {
    std::vector<TimePattern> p;
    auto add = [&](TimeShape s, const char* re) { p.push_back({s, boost::make_u32regex(re)}); };
    add(TimeShape::date_ymd, R"(([0-9]{4})([-/.])(1[0-2]|0?[1-9])\2([12][0-9]|3[01]|0?[1-9])(?![0-9])(?:日)?)");
    add(TimeShape::date_ym_cn, R"(([0-9]{4})年(1[0-2]|0?[1-9])月(?:([12][0-9]|3[01]|0?[1-9])[日号])?)");
    add(TimeShape::period, R"(([0-9]{4}) ?[-–—~至到] ?([0-9]{4})(?![0-9])(?: ?年度?)?)");
    add(TimeShape::year_cn, R"(([0-9]{4}) ?年)");
    add(TimeShape::date_md_cn, R"((1[0-2]|0?[1-9])月(?:([12][0-9]|3[01]|0?[1-9])[日号])?)");
    add(TimeShape::date_d_cn, R"(([12][0-9]|3[01]|0?[1-9])[日号](?![0-9]))");
    add(TimeShape::clock, R"(([01]?[0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9])?(?![0-9]))");
    return p;
  }();
  return patterns;
}

// English dates around a number: "September 20", "Aug. 28, 2020", "March 1991", "20 September".
const boost::u32regex& english_date_before() {
  static const boost::u32regex re = boost::make_u32regex(
      R"((?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.? ([0-9]{1,4})(?:st|nd|rd|th)?(?:, ?([0-9]{4}))?(?![0-9A-Za-z]))");
  return re;
}
const boost::u32regex& english_date_after() {
  static const boost::u32regex re = boost::make_u32regex(
      R"(([0-9]{1,2})(?:st|nd|rd|th)? (?:of )?(?:January|February|March|April|May|June|July|August|September|October|November|December)(?:,? ([0-9]{4}))?(?![0-9A-Za-z]))");
  return re;
}

bool is_year(std::int64_t y) { return y >= 1900 && y <= 2100; }

std::int64_t to_int(std::string_view s) {
  std::int64_t v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

bool match_here(std::string_view t, std::size_t pos, const boost::u32regex& re, boost::match_results<const char*>& m,
                std::size_t window = kWindow) {
  const char* b = t.data() + pos;
  std::size_t end = pos + std::min(t.size() - pos, window);
  while (end < t.size() && (static_cast<unsigned char>(t[end]) & 0xC0) == 0x80) --end;  // whole characters only
  const char* e = t.data() + end;
  return boost::u32regex_search(b, e, m, re, boost::match_continuous);
}

std::string_view group(const boost::match_results<const char*>& m, int i) {
  return m[i].matched ? std::string_view(m[i].first, static_cast<std::size_t>(m[i].length())) : std::string_view();
}

NumberToken time_token(std::size_t b, std::size_t e, NumberKind kind, std::int64_t value,
                       std::optional<std::int64_t> value_max = std::nullopt) {
  NumberToken tok;
  tok.number.kind = kind;
  tok.number.value = Decimal(value);
  if (value_max) tok.number.value_max = Decimal(*value_max);
  tok.number.span = {b, e};
  tok.core_begin = b;
  return tok;
}

// Could a pattern of this shape match a digit run of `digits` digits followed by `next`? A cheap
// test that spares the regex engine nearly every number.
bool may_match(TimeShape shape, std::size_t digits, std::string_view next) {
  auto next_is = [&](std::initializer_list<std::string_view> any) {
    for (auto a : any)
      if (next.substr(0, a.size()) == a) return true;
    return false;
  };
  switch (shape) {
    case TimeShape::date_ymd: return digits == 4 && next_is({"-", "/", "."});
    case TimeShape::date_ym_cn:
    case TimeShape::year_cn: return digits == 4 && next_is({"年", " 年"});
    case TimeShape::period: return digits == 4 && next_is({"-", "–", "—", "~", "至", "到", " "});
    case TimeShape::date_md_cn: return digits <= 2 && next_is({"月"});
    case TimeShape::date_d_cn: return digits <= 2 && next_is({"日", "号"});
    case TimeShape::clock: return digits <= 2 && next_is({":"});
  }
  return false;
}

bool is_month_name(std::string_view word) {
  static constexpr std::string_view months[] = {"Jan", "January", "Feb", "February", "Mar", "March", "Apr", "April",
                                                "May", "Jun", "June", "Jul", "July", "Aug", "August", "Sep", "Sept",
                                                "September", "Oct", "October", "Nov", "November", "Dec", "December"};
  for (auto m : months)
    if (word == m) return true;
  return false;
}

// A calendar expression starting at the digit at `pos`.
std::optional<NumberToken> read_time(std::string_view t, std::size_t pos) {
  boost::match_results<const char*> m;
  auto end_of = [&](const boost::match_results<const char*>& mm) {
    return static_cast<std::size_t>(mm[0].second - t.data());
  };
  // "September 20, 3000 companies": four digits after the comma that are no year (1900-2100)
  // are not part of the date; it ends before the comma.
  auto before_year = [&](const boost::match_results<const char*>& mm) {
    const char* e = mm[2].first;
    while (e > mm[1].second && (e[-1] == ' ' || e[-1] == ',')) --e;
    return static_cast<std::size_t>(e - t.data());
  };
  std::size_t run = pos;
  while (run < t.size() && t[run] >= '0' && t[run] <= '9') ++run;
  std::string_view next = t.substr(run, 4);
  for (const TimePattern& p : time_patterns()) {
    if (!may_match(p.shape, run - pos, next) || !match_here(t, pos, p.re, m)) continue;
    std::size_t e = end_of(m);
    switch (p.shape) {
      case TimeShape::date_ymd:
      case TimeShape::date_ym_cn:
        if (is_year(to_int(group(m, 1)))) return time_token(pos, e, NumberKind::date, to_int(group(m, 1)));
        break;
      case TimeShape::period: {
        auto a = to_int(group(m, 1)), b = to_int(group(m, 2));
        if (is_year(a) && is_year(b) && a <= b) return time_token(pos, e, NumberKind::period, a, b);
        break;
      }
      case TimeShape::year_cn:
        if (is_year(to_int(group(m, 1)))) return time_token(pos, e, NumberKind::year, to_int(group(m, 1)));
        break;
      case TimeShape::date_md_cn:
      case TimeShape::date_d_cn:
        return time_token(pos, e, NumberKind::date, 0);
      case TimeShape::clock:
        return time_token(pos, e, NumberKind::time, 0);
      default:
        break;
    }
  }
  // English month before the number: back up over "September " or "Aug. ".
  std::size_t w = pos;
  if (w > 1 && t[w - 1] == ' ') {
    --w;
    if (w > 0 && t[w - 1] == '.') --w;
    std::size_t word_end = w;
    while (w > 0 && is_ascii_alpha(static_cast<unsigned char>(t[w - 1])) && pos - w < 12) --w;
    if (w < pos - 1 && (w == 0 || !is_ascii_alpha(static_cast<unsigned char>(t[w - 1]))) &&
        is_month_name(t.substr(w, word_end - w)) && match_here(t, w, english_date_before(), m)) {
      auto v = to_int(group(m, 1));
      auto y = m[2].matched ? to_int(group(m, 2)) : (is_year(v) ? v : 0);
      if (v <= 31 || is_year(v)) {
        if (m[2].matched && !is_year(y)) return time_token(pos, before_year(m), NumberKind::date, 0);
        return time_token(pos, end_of(m), NumberKind::date, y);
      }
    }
  }
  bool month_may_follow = run - pos <= 2 && run + 1 < t.size() &&
                          ((t[run] == ' ' && t[run + 1] >= 'A' && t[run + 1] <= 'Z') || t[run] == 's' ||
                           t[run] == 'n' || t[run] == 'r' || t[run] == 't');
  if (month_may_follow && match_here(t, pos, english_date_after(), m)) {
    if (m[2].matched && !is_year(to_int(group(m, 2)))) return time_token(pos, before_year(m), NumberKind::date, 0);
    return time_token(pos, end_of(m), NumberKind::date, m[2].matched ? to_int(group(m, 2)) : 0);
  }
  return std::nullopt;
}

const boost::u32regex& phone_number() {
  static const boost::u32regex re =
      boost::make_u32regex(R"((?:0[0-9]{2,3}-[0-9]{7,8}|1[3-9][0-9]{9})(?![0-9]))");
  return re;
}

// End of a phone number starting at `pos` (010-12345678, 13812345678), or 0.
std::size_t phone_number_end(std::string_view t, std::size_t pos) {
  boost::match_results<const char*> m;
  if (!match_here(t, pos, phone_number(), m)) return 0;
  return static_cast<std::size_t>(m[0].second - t.data());
}

bool is_alnum_at(std::string_view t, std::size_t i) {
  return i < t.size() && (is_ascii_alpha(static_cast<unsigned char>(t[i])) || (t[i] >= '0' && t[i] <= '9'));
}

// Skips an identifier such as ICG-17, B2B, 4F or COVID-19 that holds the digit at `pos`.
std::size_t skip_identifier(std::string_view t, std::size_t pos) {
  std::size_t i = pos;
  while (i < t.size() && (is_alnum_at(t, i) || ((t[i] == '-' || t[i] == '.' || t[i] == '+') && is_alnum_at(t, i + 1))))
    ++i;
  return i;
}

// Is the digit at `pos` part of an identifier rather than a number of its own?
bool starts_in_identifier(std::string_view t, std::size_t pos) {
  if (pos == 0) return false;
  // TOP20 is a ranking, not an identifier.
  if (pos >= 3 && (t.substr(pos - 3, 3) == "TOP" || t.substr(pos - 3, 3) == "Top" || t.substr(pos - 3, 3) == "top") &&
      (pos == 3 || !is_ascii_alpha(static_cast<unsigned char>(t[pos - 4]))))
    return false;
  char p = t[pos - 1];
  if (is_ascii_alpha(static_cast<unsigned char>(p))) return true;  // B2B, ICG17, H1N1
  return (p == '-' || p == '_') && pos > 1 && is_ascii_alpha(static_cast<unsigned char>(t[pos - 2]));  // ICG-17
}

// After a number: 4F, 5G, 3D, 5+N, 5+2 make the whole thing an identifier.
bool ends_in_identifier(std::string_view t, std::size_t end) {
  if (end >= t.size()) return false;
  if (is_ascii_alpha(static_cast<unsigned char>(t[end]))) return true;
  return t[end] == '+' && is_alnum_at(t, end + 1);
}

// An English year: "in 2021", "since 2018", "by 2025".
bool english_year_context(std::string_view t, std::size_t pos) {
  static constexpr std::string_view words[] = {"in ",   "since ",  "by ",    "from ",  "until ", "till ",
                                               "during ", "through ", "before ", "after ", "of ",    "year ",
                                               "early ", "late ",    "mid-",   "end of ", "In ",    "Since ", "By "};
  for (auto w : words) {
    if (pos >= w.size() && t.substr(pos - w.size(), w.size()) == w &&
        (pos == w.size() || !is_ascii_alpha(static_cast<unsigned char>(t[pos - w.size() - 1]))))
      return true;
  }
  return false;
}

}  // namespace

std::vector<NumberToken> scan_number_tokens(std::string_view t) {
  const NumberLexicon& lex = number_lexicon();
  std::vector<NumberToken> out;
  std::size_t pos = 0;
  std::size_t last_end = 0;
  while (pos < t.size()) {
    auto c = static_cast<unsigned char>(t[pos]);
    std::optional<NumberToken> tok;
    if (c >= '0' && c <= '9') {
      if (starts_in_identifier(t, pos)) {
        pos = skip_identifier(t, pos);
        continue;
      }
      if (std::size_t e = t[pos] <= '1' ? phone_number_end(t, pos) : 0) {
        pos = e;
        continue;
      }
      tok = read_time(t, pos);
      if (!tok) tok = read_number(t, pos);
      if (tok && tok->number.kind != NumberKind::date && tok->number.kind != NumberKind::period &&
          ends_in_identifier(t, tok->number.span.end)) {
        pos = skip_identifier(t, pos);
        continue;
      }
    } else if (c >= 0x80) {
      // Most characters start no number: the first two bytes settle that for nearly all of them.
      if (pos + 1 < t.size() && !lex.may_start_number(c, static_cast<unsigned char>(t[pos + 1]))) {
        pos += c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
        continue;
      }
      Decoded d = decode_utf8(t, pos);
      const Numeral* numeral = lex.chinese_numeral(d.cp);
      // Vague quantities (数十, 几百, 上千, 成千上万) start with a word that is not a numeral.
      bool anchor = numeral || d.cp == U'数' || d.cp == U'几' || d.cp == U'上' || d.cp == U'好' || d.cp == U'成';
      if (anchor && !in_stop_phrase(t, pos)) {
        ReadOptions opts;
        // 超亿元, 亿元以上: a scale word alone stands for one of it.
        opts.allow_bare_section = numeral && numeral->role == NumeralRole::section &&
                                  (prefix_qualifier_before(t, pos).has_value() || t.substr(pos + d.len, 9) == "元以上");
        tok = read_number(t, pos, opts);
      }
      if (!tok) {
        pos += d.len;
        continue;
      }
    } else if (is_ascii_alpha(c) && (pos == 0 || !is_alnum_at(t, pos - 1))) {
      tok = read_number(t, pos);
      if (!tok) {
        while (pos < t.size() && is_ascii_alpha(static_cast<unsigned char>(t[pos]))) ++pos;
        continue;
      }
    }
    if (!tok) {
      ++pos;
      continue;
    }
    Number& n = tok->number;
    if (n.span.end <= pos) {  // defensive: never stall
      ++pos;
      continue;
    }
    pos = n.span.end;
    // 二〇二一年, and English years: in 2021.
    if (n.kind == NumberKind::cardinal && n.status == NumberStatus::ok && n.value.is_integer() && !n.has_scale &&
        !n.value_max && n.value.mantissa() != 0) {
      double v = n.value.to_double();
      // Range first: converting a double past the range of int64 is undefined.
      bool year_like = v >= 1900 && v <= 2100 && v == static_cast<double>(static_cast<std::int64_t>(v));
      if (year_like && tok->chinese && t.substr(n.span.end, 3) == "年") {
        n.kind = NumberKind::year;
        n.span.end += 3;
        pos = n.span.end;
      } else if (year_like && !tok->chinese && !tok->english && n.span.end - n.span.begin == 4 &&
                 english_year_context(t, n.span.begin)) {
        n.kind = NumberKind::year;
      }
    }
    if (n.kind == NumberKind::cardinal || n.kind == NumberKind::ordinal) {
      // Signs: -3.5, +12 (not the hyphen of a range or an identifier).
      std::size_t b = n.span.begin;
      if (b > 0 && (t[b - 1] == '-' || t[b - 1] == '+') && (b == 1 || !is_alnum_at(t, b - 2)) && b - 1 >= last_end &&
          !tok->chinese && !tok->english) {
        if (t[b - 1] == '-') n.value = Decimal(-n.value.mantissa(), n.value.exponent());
        n.span.begin = tok->core_begin = b - 1;
      }
      // "between 3 and 5": the word belongs to the range.
      if (n.value_max && n.span.begin >= last_end + 8 && t.substr(n.span.begin - 8, 8) == "between ") n.span.begin -= 8;
      if (auto q = prefix_qualifier_before(t, n.span.begin); q && q->begin >= last_end) {
        if (n.qualifier == Qualifier::exact || n.qualifier == Qualifier::approx) n.qualifier = q->qualifier;
        n.span.begin = q->begin;
        tok->verb_qualifier = q->amounts_only;
      }
    }
    last_end = n.span.end;
    out.push_back(std::move(*tok));
  }
  return out;
}

std::vector<ScannerPattern> scanner_patterns() {
  static const char* const time_names[] = {"date_ymd", "date_ym_cn", "period", "year_cn",
                                           "date_md_cn", "date_d_cn", "clock"};
  std::vector<ScannerPattern> out;
  for (const TimePattern& p : time_patterns()) out.push_back({time_names[static_cast<int>(p.shape)], &p.re});
  out.push_back({"english_date_before", &english_date_before()});
  out.push_back({"english_date_after", &english_date_after()});
  out.push_back({"phone_number", &phone_number()});
  return out;
}

std::optional<std::size_t> match_scanner_pattern(const ScannerPattern& p, std::string_view text, std::size_t pos,
                                                 bool bounded) {
  boost::match_results<const char*> m;
  if (pos > text.size() ||
      !match_here(text, pos, *static_cast<const boost::u32regex*>(p.regex), m, bounded ? kWindow : text.size()))
    return std::nullopt;
  return static_cast<std::size_t>(m[0].second - text.data());
}

}  // namespace econind::detail
