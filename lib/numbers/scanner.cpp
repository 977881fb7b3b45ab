#include "numbers/scanner.hpp"

#include <boost/regex/icu.hpp>

#include <array>
#include <charconv>

#if defined(__SSE2__) || defined(_M_X64)
#include <emmintrin.h>
#endif

#include "numbers/lexicon.hpp"
#include "text/utf8.hpp"
#include "util/bits.hpp"

namespace econind::detail {
namespace {

using namespace std::string_view_literals;

// Regular expressions, for English dates and phone numbers: each is anchored (match_continuous)
// and runs on a window of at most kWindow bytes, and none nests quantifiers, so none can
// backtrack catastrophically.
constexpr std::size_t kWindow = 48;

// Calendar expressions, tried at each digit in this order. Each shape is defined by a regular
// expression (time_patterns), but matched by hand (match_time_shape): dates are common, and a
// regex engine costs far more than these few fixed-length tests. The tests hold the two to
// agreement.
enum class TimeShape { date_ymd, date_ym_cn, period, year_cn, date_md_cn, date_d_cn, clock };
constexpr TimeShape kTimeShapes[] = {TimeShape::date_ymd,   TimeShape::date_ym_cn, TimeShape::period,
                                     TimeShape::year_cn,    TimeShape::date_md_cn, TimeShape::date_d_cn,
                                     TimeShape::clock};
constexpr const char* kTimeShapeNames[] = {"date_ymd",   "date_ym_cn", "period", "year_cn",
                                           "date_md_cn", "date_d_cn",  "clock"};

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

bool is_digit_at(std::string_view t, std::size_t i) { return i < t.size() && t[i] >= '0' && t[i] <= '9'; }


// Byte by byte: most tests fail on the first byte, sooner than a call to memcmp returns.
bool text_at(std::string_view t, std::size_t i, std::string_view s) {
  if (i > t.size() || t.size() - i < s.size()) return false;
  for (std::size_t k = 0; k < s.size(); ++k)
    if (t[i + k] != s[k]) return false;
  return true;
}

// The regex parts below are followed by something that is no digit, so each must take the
// whole run of digits at `i`. Each returns the end of that run, or 0 when it does not fit.

// (1[0-2]|0?[1-9]): a month.
std::size_t month_end(std::string_view t, std::size_t i) {
  switch (count_digits(t, i)) {
    case 1: return t[i] != '0' ? i + 1 : 0;
    case 2: return (t[i] == '1' && t[i + 1] <= '2') || (t[i] == '0' && t[i + 1] != '0') ? i + 2 : 0;
    default: return 0;
  }
}

// ([12][0-9]|3[01]|0?[1-9]): a day of the month.
std::size_t day_end(std::string_view t, std::size_t i) {
  switch (count_digits(t, i)) {
    case 1: return t[i] != '0' ? i + 1 : 0;
    case 2:
      return t[i] == '1' || t[i] == '2' || (t[i] == '3' && t[i + 1] <= '1') || (t[i] == '0' && t[i + 1] != '0') ? i + 2
                                                                                                              : 0;
    default: return 0;
  }
}

// ([01]?[0-9]|2[0-3]): an hour.
std::size_t hour_end(std::string_view t, std::size_t i) {
  switch (count_digits(t, i)) {
    case 1: return i + 1;
    case 2: return t[i] <= '1' || (t[i] == '2' && t[i + 1] <= '3') ? i + 2 : 0;
    default: return 0;
  }
}

// Every calendar shape is four digits before a separator (- / . blank ~ – — 至 到 年), or one or
// two before 月 日 号 or ':'. The byte after the digits rules out every shape at nearly every
// number before any is tried.
bool may_be_calendar(std::string_view t, std::size_t run_end, std::size_t digits) {
  // After a year, then after a month, day or hour; each list by its first bytes, one bit a word.
  static constexpr std::string_view kAfter[] = {"-", "/", ".", " ", "~", "–", "—", "至", "到", "年",
                                                ":", "月", "日", "号"};
  constexpr unsigned kAfterYear = 0x3FF, kAfterDay = 0x3C00;
  static constexpr auto kByFirstByte = [] {
    std::array<std::uint16_t, 256> by_first{};
    for (std::size_t k = 0; k < std::size(kAfter); ++k)
      by_first[static_cast<unsigned char>(kAfter[k][0])] |= static_cast<std::uint16_t>(1u << k);
    return by_first;
  }();
  if (run_end >= t.size() || (digits != 4 && digits > 2)) return false;
  unsigned words = kByFirstByte[static_cast<unsigned char>(t[run_end])] & (digits == 4 ? kAfterYear : kAfterDay);
  for (; words; words &= words - 1)
    if (text_at(t, run_end, kAfter[lowest_bit(words)])) return true;
  return false;
}

struct TimeMatch {
  std::size_t end;
  std::int64_t first = 0, second = 0;  // the four-digit numbers of date_ymd, date_ym_cn, year_cn, period
};

// One shape matched at `pos`, where `digits` digits start, exactly as its regular expression
// would match it there.
std::optional<TimeMatch> match_time_shape(TimeShape shape, std::string_view t, std::size_t pos, std::size_t digits) {
  auto four_digits = [&](std::size_t i) -> std::int64_t {
    return (t[i] - '0') * 1000 + (t[i + 1] - '0') * 100 + (t[i + 2] - '0') * 10 + (t[i + 3] - '0');
  };
  // [日号], and the day before it, optional after a month.
  auto after_month = [&](std::size_t month) {
    std::size_t day = day_end(t, month + 3);
    return day && (text_at(t, day, "日") || text_at(t, day, "号")) ? day + 3 : month + 3;
  };
  switch (shape) {
    case TimeShape::date_ymd: {  // ([0-9]{4})([-/.])(1[0-2]|0?[1-9])\2([12][0-9]|3[01]|0?[1-9])(?![0-9])(?:日)?
      if (digits != 4 || pos + 4 >= t.size()) return std::nullopt;
      char sep = t[pos + 4];
      if (sep != '-' && sep != '/' && sep != '.') return std::nullopt;
      std::size_t month = month_end(t, pos + 5);
      if (!month || month >= t.size() || t[month] != sep) return std::nullopt;
      std::size_t day = day_end(t, month + 1);
      if (!day) return std::nullopt;
      return TimeMatch{text_at(t, day, "日") ? day + 3 : day, four_digits(pos)};
    }
    case TimeShape::date_ym_cn: {  // ([0-9]{4})年(1[0-2]|0?[1-9])月(?:([12][0-9]|3[01]|0?[1-9])[日号])?
      if (digits != 4 || !text_at(t, pos + 4, "年")) return std::nullopt;
      std::size_t month = month_end(t, pos + 7);
      if (!month || !text_at(t, month, "月")) return std::nullopt;
      return TimeMatch{after_month(month), four_digits(pos)};
    }
    case TimeShape::period: {  // ([0-9]{4}) ?[-–—~至到] ?([0-9]{4})(?![0-9])(?: ?年度?)?
      if (digits != 4) return std::nullopt;
      std::size_t i = pos + 4;
      if (text_at(t, i, " ")) ++i;
      std::size_t connector = 0;
      for (std::string_view c : {"-"sv, "–"sv, "—"sv, "~"sv, "至"sv, "到"sv})
        if (text_at(t, i, c)) connector = c.size();
      if (!connector) return std::nullopt;
      i += connector;
      if (text_at(t, i, " ")) ++i;
      if (count_digits(t, i) != 4) return std::nullopt;
      TimeMatch m{i + 4, four_digits(pos), four_digits(i)};
      if (text_at(t, m.end, " 年")) m.end += 4;
      else if (text_at(t, m.end, "年")) m.end += 3;
      else return m;
      if (text_at(t, m.end, "度")) m.end += 3;
      return m;
    }
    case TimeShape::year_cn:  // ([0-9]{4}) ?年
      if (digits != 4) return std::nullopt;
      if (text_at(t, pos + 4, " 年")) return TimeMatch{pos + 8, four_digits(pos)};
      if (text_at(t, pos + 4, "年")) return TimeMatch{pos + 7, four_digits(pos)};
      return std::nullopt;
    case TimeShape::date_md_cn: {  // (1[0-2]|0?[1-9])月(?:([12][0-9]|3[01]|0?[1-9])[日号])?
      std::size_t month = month_end(t, pos);
      if (!month || !text_at(t, month, "月")) return std::nullopt;
      return TimeMatch{after_month(month)};
    }
    case TimeShape::date_d_cn: {  // ([12][0-9]|3[01]|0?[1-9])[日号](?![0-9])
      std::size_t day = day_end(t, pos);
      if (!day || !(text_at(t, day, "日") || text_at(t, day, "号")) || is_digit_at(t, day + 3)) return std::nullopt;
      return TimeMatch{day + 3};
    }
    case TimeShape::clock: {  // ([01]?[0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9])?(?![0-9])
      auto minutes_at = [&](std::size_t i) {  // [0-5][0-9]
        return i + 1 < t.size() && t[i] >= '0' && t[i] <= '5' && is_digit_at(t, i + 1);
      };
      std::size_t hour = hour_end(t, pos);
      if (!hour || !text_at(t, hour, ":") || !minutes_at(hour + 1)) return std::nullopt;
      std::size_t end = hour + 3;
      if (text_at(t, end, ":") && minutes_at(end + 1) && !is_digit_at(t, end + 3)) return TimeMatch{end + 3};
      if (is_digit_at(t, end)) return std::nullopt;
      return TimeMatch{end};
    }
  }
  return std::nullopt;
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

bool is_month_name(std::string_view word) {
  static constexpr std::string_view months[] = {"Jan", "January", "Feb", "February", "Mar", "March", "Apr", "April",
                                                "May", "Jun", "June", "Jul", "July", "Aug", "August", "Sep", "Sept",
                                                "September", "Oct", "October", "Nov", "November", "Dec", "December"};
  // Every month name has 3 to 9 letters and a capital from A to S.
  if (word.size() < 3 || word.size() > 9 || word[0] < 'A' || word[0] > 'S') return false;
  for (auto m : months)
    if (word == m) return true;
  return false;
}

// A calendar expression starting at the digit at `pos`.
std::optional<NumberToken> read_time(std::string_view t, std::size_t pos) {
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
  std::size_t run = pos + count_digits(t, pos);
  bool calendar = may_be_calendar(t, run, run - pos);
  for (TimeShape shape : kTimeShapes) {
    if (!calendar) break;
    std::optional<TimeMatch> tm = match_time_shape(shape, t, pos, run - pos);
    if (!tm) continue;
    std::size_t e = tm->end;
    switch (shape) {
      case TimeShape::date_ymd:
      case TimeShape::date_ym_cn:
        if (is_year(tm->first)) return time_token(pos, e, NumberKind::date, tm->first);
        break;
      case TimeShape::period:
        if (is_year(tm->first) && is_year(tm->second) && tm->first <= tm->second)
          return time_token(pos, e, NumberKind::period, tm->first, tm->second);
        break;
      case TimeShape::year_cn:
        if (is_year(tm->first)) return time_token(pos, e, NumberKind::year, tm->first);
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
  // English month before the number: back up over "September " or "Aug. ". (The regular
  // expressions' results are made only here: most numbers need none.)
  boost::match_results<const char*> m;
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
  // The shapes the pattern needs, from the digit runs: a cheap test that spares the regex
  // engine nearly every number starting with 0 or 1.
  auto digits_from = [&](std::size_t i) { return count_digits(t, i); };
  std::size_t run = digits_from(pos);
  bool area_code = t[pos] == '0' && (run == 3 || run == 4) && pos + run < t.size() && t[pos + run] == '-' &&
                   (digits_from(pos + run + 1) == 7 || digits_from(pos + run + 1) == 8);
  bool mobile = t[pos] == '1' && run == 11 && t[pos + 1] >= '3';
  if (!area_code && !mobile) return 0;
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
  char p = t[pos - 1];
  if (is_ascii_alpha(static_cast<unsigned char>(p))) {
    // TOP20 is a ranking, not an identifier.
    if (pos >= 3 && (text_at(t, pos - 3, "TOP") || text_at(t, pos - 3, "Top") || text_at(t, pos - 3, "top")) &&
        (pos == 3 || !is_ascii_alpha(static_cast<unsigned char>(t[pos - 4]))))
      return false;
    return true;  // B2B, ICG17, H1N1
  }
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
                                               "early ", "late ",    "mid-",   "end of ", "In ",    "Since ", "By ",
                                               "in the ", "In the ", "for "};
  for (auto w : words) {
    if (pos >= w.size() && t.substr(pos - w.size(), w.size()) == w &&
        (pos == w.size() || !is_ascii_alpha(static_cast<unsigned char>(t[pos - w.size() - 1]))))
      return true;
  }
  return false;
}

// Passes over a run of three-byte characters (Chinese text) that no number starts with, from
// `pos`, and over the ASCII punctuation and blanks between them (，and ： are ASCII after
// normalization): returns where the run ends, or the first character of it that may start a
// number (what stands at the end then is a three-byte character only when it is one of those).
std::size_t skip_chinese_run(std::string_view t, std::size_t pos, const NumberLexicon& lex) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(t.data());
  const unsigned char* p = bytes + pos;
  const unsigned char* end = bytes + t.size();
  // Five characters at a time while all five are three-byte ones, by their last two bytes: one
  // branch for the five. A hit, which may be another character, is left to the test below.
  auto three_byte_leads = [](const unsigned char* q) {  // q[0], q[3] … q[12] all in E0..EF
    unsigned all = q[0] & q[3] & q[6] & q[9] & q[12];
    unsigned any = q[0] | q[3] | q[6] | q[9] | q[12];
    return (all & 0xE0u) == 0xE0u && (any & 0x10u) == 0;
  };
  const std::uint8_t* tails = lex.number_start_tails.data();
  auto tail = [](const unsigned char* q) { return NumberLexicon::tail_key(q); };
  // One at a time: the number_start bits of U+0800..U+FFFF are indexed by the low six bits of
  // the three bytes; a character found there is decoded to be sure.
  const std::uint64_t* starts = lex.number_start.data();
  for (;;) {
    while (end - p >= 16 && three_byte_leads(p) &&
           !(tails[tail(p + 1)] | tails[tail(p + 4)] | tails[tail(p + 7)] | tails[tail(p + 10)] | tails[tail(p + 13)]))
      p += 15;
    while (end - p >= 3) {
      unsigned b0 = p[0];
      if (b0 - 0xE0u > 0x0Fu) break;
      std::uint64_t bits = starts[(b0 << 6 | (p[1] & 0x3Fu)) & 0x3FFu];
      if (bits >> (p[2] & 0x3Fu) & 1) {
        // Numerals stop the run, and the 数 上 成 of vague quantities where one may start: most
        // of these are words (成本, 上市), passed over here. Bytes that are no character are
        // passed one at a time.
        auto at = static_cast<std::size_t>(p - bytes);
        Decoded d = decode_char(t, at);
        if (!d.valid) {
          ++p;
          continue;
        }
        if (lex.chinese_numeral(d.cp) || may_start_chinese_number(t, at, d.cp, {})) return at;
      }
      p += 3;
    }
    // A punctuation mark or blank between two Chinese characters starts no number: the run goes
    // on after it (the caller would pass it alone and come back).
    if (end - p < 4 || p[0] >= 0x80 || is_ascii_alpha(p[0]) || is_ascii_digit(p[0]) || p[1] - 0xE0u > 0x0Fu)
      return static_cast<std::size_t>(p - bytes);
    ++p;
  }
}

// A cheap test on a whole word: false when it is no English number word (by its first two
// letters and length) nor the article of "a hundred"; may_start_english_number decides the rest.
inline bool may_begin_english_number(std::string_view word, const NumberLexicon& lex) {
  if (lex.may_be_english_word(word)) return true;
  return (word.size() == 1 && (word[0] == 'a' || word[0] == 'A')) ||
         (word.size() == 2 && word[0] == 'a' && word[1] == 'n');
}

// The digits, letters and non-ASCII bytes among the 64 bytes at `p`, one bit per byte.
struct ByteClasses {
  std::uint64_t digits = 0, letters = 0, high = 0;
};
ByteClasses classify64(const unsigned char* p) {
  ByteClasses c;
#if defined(__SSE2__) || defined(_M_X64)
  for (unsigned k = 0; k < 64; k += 16) {
    __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + k));
    __m128i digit =
        _mm_and_si128(_mm_cmpgt_epi8(b, _mm_set1_epi8('0' - 1)), _mm_cmplt_epi8(b, _mm_set1_epi8('9' + 1)));
    __m128i lower = _mm_or_si128(b, _mm_set1_epi8(0x20));  // bytes >= 0x80 stay negative
    __m128i letter =
        _mm_and_si128(_mm_cmpgt_epi8(lower, _mm_set1_epi8('a' - 1)), _mm_cmplt_epi8(lower, _mm_set1_epi8('z' + 1)));
    c.digits |= std::uint64_t{static_cast<std::uint16_t>(_mm_movemask_epi8(digit))} << k;
    c.letters |= std::uint64_t{static_cast<std::uint16_t>(_mm_movemask_epi8(letter))} << k;
    c.high |= std::uint64_t{static_cast<std::uint16_t>(_mm_movemask_epi8(b))} << k;
  }
#else
  for (unsigned k = 0; k < 64; ++k) {
    c.digits |= std::uint64_t{p[k] >= '0' && p[k] <= '9'} << k;
    c.letters |= std::uint64_t{is_ascii_alpha(p[k])} << k;
    c.high |= std::uint64_t{p[k] >= 0x80} << k;
  }
#endif
  return c;
}


// From `pos` in ASCII text, the first digit, non-ASCII byte or start of a word that may begin an
// English number (may_begin_english_number, or a word too long to judge here): blanks,
// punctuation and other words are passed over 64 bytes at a time.
std::size_t skip_ascii(const unsigned char* bytes, std::size_t pos, std::size_t size, const NumberLexicon& lex) {
  auto alnum = [](unsigned char b) { return is_ascii_alpha(b) || (b >= '0' && b <= '9'); };
  auto word = [&](std::size_t at, std::size_t letters) {
    return std::string_view(reinterpret_cast<const char*>(bytes) + at, letters);
  };
  while (pos + 64 <= size) {
    if (bytes[pos] >= 0x80) return pos;  // Chinese text again, right after the word
    ByteClasses c = classify64(bytes + pos);
    std::uint64_t word_starts =
        c.letters & ~((c.digits | c.letters) << 1 | std::uint64_t{pos > 0 && alnum(bytes[pos - 1])});
    std::uint64_t stops = c.digits | c.high;
    unsigned limit = stops ? lowest_bit(stops) : 64;
    std::size_t next = pos + 64;
    for (; word_starts; word_starts &= word_starts - 1) {
      unsigned k = lowest_bit(word_starts);
      if (k >= limit) break;
      std::uint64_t after = ~c.letters >> k;  // bit 0 is the word's first letter: clear
      if (!after) {  // the word runs past these 64 bytes: judge it from its start
        if (k == 0) return pos;
        next = pos + k;
        break;
      }
      unsigned letters = lowest_bit(after);
      if (may_begin_english_number(word(pos + k, letters), lex)) return pos + k;
    }
    if (stops && next == pos + 64) return pos + limit;
    pos = next;
  }
  for (; pos < size; ++pos) {
    unsigned char b = bytes[pos];
    if (b >= 0x80 || (b >= '0' && b <= '9') || (is_ascii_alpha(b) && (pos == 0 || !alnum(bytes[pos - 1])))) return pos;
  }
  return size;
}

// The first position at or after `pos` where a number may start: a digit, a character a
// number may start with, or the start of a word that may be an English number. Everything else
// is passed over here, without asking the grammar: runs of Chinese characters by a lookup per
// character, ASCII text 64 bytes at a time.
std::size_t next_number_start(std::string_view t, std::size_t pos, const NumberLexicon& lex) {
  const std::size_t size = t.size();
  const auto* bytes = reinterpret_cast<const unsigned char*>(t.data());
  while (pos < size) {
    unsigned c = bytes[pos];
    if (c - 0xE0u <= 0x0Fu) {
      pos = skip_chinese_run(t, pos, lex);
      if (pos >= size) break;
      c = bytes[pos];
      if (c - 0xE0u <= 0x0Fu && size - pos >= 3) return pos;
    }
    if (c < 0x80) {
      if (c >= '0' && c <= '9') return pos;
      if (!is_ascii_alpha(c)) {
        ++pos;
        continue;
      }
      // A letter: only a word start may begin an English number, and only some words may.
      std::size_t word_end = pos + 1;
      while (word_end < size && is_ascii_alpha(bytes[word_end])) ++word_end;
      if ((pos == 0 || !is_alnum_at(t, pos - 1)) && may_begin_english_number(t.substr(pos, word_end - pos), lex) &&
          may_start_english_number(t, pos, word_end))
        return pos;
      // Words come in runs: pass over the next ones 64 bytes at a time.
      pos = skip_ascii(bytes, word_end, size, lex);
      continue;
    }
    Decoded d = decode_char(t, pos);
    if (d.valid && lex.may_start_number(d.cp)) return pos;
    pos += d.len;
  }
  return size;
}

}  // namespace

std::vector<NumberToken> scan_number_tokens(std::string_view t, std::vector<NumberToken> reuse) {
  const NumberLexicon& lex = number_lexicon();
  std::vector<NumberToken> out = std::move(reuse);
  out.clear();
  out.reserve(t.size() / 192 + 4);  // news text holds about one number in 250 bytes: room to spare
  std::size_t pos = 0;
  std::size_t last_end = 0;
  while ((pos = next_number_start(t, pos, lex)) < t.size()) {
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
      // A numeral, or the first word of a vague quantity (数十, 几百, 上千, 成千上万).
      Decoded d = decode_char(t, pos);
      const Numeral* numeral = lex.chinese_numeral(d.cp);
      ReadOptions opts;
      // 超亿元, 亿元以上: a scale word alone stands for one of it.
      opts.allow_bare_section = numeral && numeral->role == NumeralRole::section &&
                                (prefix_qualifier_before(t, pos).has_value() || text_at(t, pos + d.len, "元以上"));
      if (may_start_chinese_number(t, pos, d.cp, opts) && !in_stop_phrase(t, pos, d))
        tok = read_number(t, pos, opts);
      if (!tok) {
        pos += d.len;
        continue;
      }
    } else {
      // The start of a word that may be an English number.
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
    if (tok->number.span.end <= pos) {  // defensive: never stall
      ++pos;
      continue;
    }
    // Kept first and finished in place: fields written one by one and then copied as a whole
    // would be read back as wider words than were written, which the processor cannot forward.
    NumberToken& kept = out.emplace_back(std::move(*tok));
    Number& n = kept.number;
    pos = n.span.end;
    // 二〇二一年, and English years: in 2021.
    if (n.kind == NumberKind::cardinal && n.status == NumberStatus::ok && n.value.is_integer() && !n.has_scale &&
        !n.value_max && n.value.mantissa() != 0) {
      // An integer is mantissa × 10^exponent, exponent >= 0: bound the mantissa before scaling it.
      static constexpr std::int64_t pow10[] = {1, 10, 100, 1000};
      std::int64_t m = n.value.mantissa();
      int e = n.value.exponent();
      bool year_like = e <= 3 && m > 0 && m <= 2100 && is_year(m * pow10[e]);
      if (year_like && kept.chinese && text_at(t, n.span.end, "年")) {
        n.kind = NumberKind::year;
        n.span.end += 3;
        pos = n.span.end;
      } else if (year_like && !kept.chinese && !kept.english && n.span.end - n.span.begin == 4 &&
                 english_year_context(t, n.span.begin) && !lex.counted_noun_after(t, n.span.end)) {
        // "in 2021", not "a total of 2000 enterprises".
        n.kind = NumberKind::year;
      }
    }
    if (n.kind == NumberKind::cardinal || n.kind == NumberKind::ordinal) {
      // Signs: -3.5, +12 (not the hyphen of a range or an identifier).
      std::size_t b = n.span.begin;
      if (b > 0 && (t[b - 1] == '-' || t[b - 1] == '+') && (b == 1 || !is_alnum_at(t, b - 2)) && b - 1 >= last_end &&
          !kept.chinese && !kept.english) {
        if (t[b - 1] == '-') n.value = Decimal(-n.value.mantissa(), n.value.exponent());
        n.span.begin = kept.core_begin = b - 1;
      }
      // "between 3 and 5": the word belongs to the range.
      if (n.value_max && n.span.begin >= last_end + 8 && t.substr(n.span.begin - 8, 8) == "between ") n.span.begin -= 8;
      if (auto q = prefix_qualifier_before(t, n.span.begin); q && q->begin >= last_end) {
        if (n.qualifier == Qualifier::exact || n.qualifier == Qualifier::approx) n.qualifier = q->qualifier;
        n.span.begin = q->begin;
        kept.verb_qualifier = q->amounts_only;
      }
    }
    last_end = n.span.end;
  }
  return out;
}

std::vector<ScannerPattern> scanner_patterns() {
  std::vector<ScannerPattern> out;
  for (const TimePattern& p : time_patterns()) out.push_back({kTimeShapeNames[static_cast<int>(p.shape)], &p.re});
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

std::optional<std::size_t> match_calendar_shape(std::string_view name, std::string_view text, std::size_t pos) {
  for (TimeShape shape : kTimeShapes) {
    if (name != kTimeShapeNames[static_cast<int>(shape)]) continue;
    if (pos > text.size()) return std::nullopt;
    std::size_t digits = count_digits(text, pos);
    if (!may_be_calendar(text, pos + digits, digits)) return std::nullopt;
    if (auto m = match_time_shape(shape, text, pos, digits)) return m->end;
    return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace econind::detail
