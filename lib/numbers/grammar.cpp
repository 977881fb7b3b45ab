#include "numbers/grammar.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <string>

#include "numbers/lexicon.hpp"
#include "text/utf8.hpp"
#include "util/bits.hpp"

#if defined(__SSE2__) || defined(_M_X64)
#include <emmintrin.h>
#endif

namespace econind::detail {
namespace {

using namespace std::string_view_literals;

constexpr std::size_t kMaxDigits = 40;  // more digits than any real figure: out of range

// Checked decimal arithmetic that remembers whether anything overflowed.
struct Arith {
  bool overflow = false;
  Decimal add(const Decimal& a, const Decimal& b) { return check(Decimal::add(a, b)); }
  Decimal mul(const Decimal& a, const Decimal& b) { return check(Decimal::multiply(a, b)); }
  Decimal check(std::optional<Decimal> r) {
    if (!r) {
      overflow = true;
      return Decimal();
    }
    return *r;
  }
};

bool is_digit_at(std::string_view t, std::size_t i) { return i < t.size() && t[i] >= '0' && t[i] <= '9'; }
// Byte by byte: most tests fail on the first byte, sooner than a call to memcmp returns.
bool starts_with(std::string_view t, std::size_t i, std::string_view s) {
  if (i > t.size() || t.size() - i < s.size()) return false;
  for (std::size_t k = 0; k < s.size(); ++k)
    if (t[i + k] != s[k]) return false;
  return true;
}

std::size_t skip_digits(std::string_view t, std::size_t i) { return i + count_digits(t, i); }

// The value of the `n` <= 8 digits at `p`, with eight bytes readable there.
std::uint64_t eight_digits_value(const char* p, std::size_t n) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  // All at once, the first digit in the lowest byte: shifted to the top, the n digits get
  // zeros before them, then neighbouring digits, pairs and quadruples are combined.
  if (n == 0) return 0;
  std::uint64_t v;
  std::memcpy(&v, p, 8);
  v = (v - 0x3030303030303030ULL) << (8 * (8 - n));  // borrows run only into the bytes shifted out
  v = (v & 0x0F0F0F0F0F0F0F0FULL) * 2561 >> 8;
  v = (v & 0x00FF00FF00FF00FFULL) * 6553601 >> 16;
  return (v & 0x0000FFFF0000FFFFULL) * 42949672960001ULL >> 32;
#else
  std::uint64_t v = 0;
  for (std::size_t k = 0; k < n; ++k) v = v * 10 + static_cast<unsigned>(p[k] - '0');
  return v;
#endif
}

// The value of the `n` <= 16 digits at `pos`, with 16 bytes readable there.
std::uint64_t sixteen_digits_value(std::string_view t, std::size_t pos, std::size_t n) {
  std::size_t high = n > 8 ? n - 8 : 0;  // the first digits, the last eight after them
  return eight_digits_value(t.data() + pos, high) * 100000000ULL + eight_digits_value(t.data() + pos + high, n - high);
}

// ---------------------------------------------------------------------------------------------
// Arabic numerals: 2158 · 1,200 · 1，200 (after NFKC) · 14.2 · 1 200 · 0.11

struct Arabic {
  Decimal value;
  std::size_t end;
  bool out_of_range = false;
  std::size_t int_digits = 0;
  bool grouped = false;
  bool fractional = false;
};

// A plain run of at most 16 digits, fraction included, as most figures are: no thousands groups
// to consider, and exact in a 64-bit mantissa without a detour through text. nullopt for the
// rest, and within 32 bytes of the end, which read_arabic reads the general way.
std::optional<Arabic> read_short_arabic(std::string_view t, std::size_t pos) {
  constexpr std::size_t kShort = 16;
  const std::size_t size = t.size();
  if (size - pos < 32) return std::nullopt;  // room for the 16-byte reads of the digits below
  std::size_t i = pos + count_digits(t, pos);
  // A group separator after three digits or fewer may start thousands groups.
  if (i - pos <= 3 && (t[i] == ',' || t[i] == ' ') && is_digit_at(t, i + 1)) return std::nullopt;
  Arabic a;
  a.int_digits = i - pos;
  if (a.int_digits > kShort) return std::nullopt;
  std::uint64_t mantissa = sixteen_digits_value(t, pos, a.int_digits);
  std::size_t frac_digits = 0;
  if (t[i] == '.' && is_digit_at(t, i + 1)) {
    frac_digits = count_digits(t, i + 1);
    if (a.int_digits + frac_digits > kShort || i + 1 + 16 > size) return std::nullopt;
    static constexpr std::uint64_t kPow10[] = {1,       10,       100,       1000,       10000,       100000,
                                               1000000, 10000000, 100000000, 1000000000, 10000000000, 100000000000,
                                               1000000000000, 10000000000000, 100000000000000, 1000000000000000,
                                               10000000000000000};
    mantissa = mantissa * kPow10[frac_digits] + sixteen_digits_value(t, i + 1, frac_digits);
    a.fractional = true;
    i += 1 + frac_digits;
  }
  a.end = i;
  a.value = Decimal(static_cast<std::int64_t>(mantissa), -static_cast<int>(frac_digits));
  return a;
}

Arabic read_arabic(std::string_view t, std::size_t pos) {
  if (auto a = read_short_arabic(t, pos)) return *a;
  std::string digits;
  std::size_t i = skip_digits(t, pos);
  digits.append(t.substr(pos, std::min<std::size_t>(i - pos, kMaxDigits + 1)));
  Arabic a;
  a.int_digits = i - pos;
  // Thousands groups: exactly three digits after each ',' or single blank, first group 1-3 digits.
  if (i - pos <= 3) {
    for (char sep : {',', ' '}) {
      std::size_t j = i;
      std::string groups;
      while (j + 4 <= t.size() && t[j] == sep && is_digit_at(t, j + 1) && skip_digits(t, j + 1) == j + 4) {
        groups.append(t.substr(j + 1, 3));
        j += 4;
      }
      // A blank-separated group must not be followed by a decimal point or more digits.
      if (!groups.empty() && !(sep == ' ' && (j < t.size() && (t[j] == '.' || t[j] == ',')))) {
        digits += groups;
        a.int_digits += groups.size();
        a.grouped = true;
        i = j;
        break;
      }
    }
  }
  if (i + 1 < t.size() && t[i] == '.' && is_digit_at(t, i + 1)) {
    std::size_t j = skip_digits(t, i + 1);
    digits += '.';
    digits.append(t.substr(i + 1, std::min<std::size_t>(j - i - 1, kMaxDigits + 1)));
    a.fractional = true;
    i = j;
  }
  a.end = i;
  auto v = digits.size() > kMaxDigits ? std::nullopt : Decimal::from_string(digits);
  if (v) a.value = *v;
  else a.out_of_range = true;
  return a;
}

// ---------------------------------------------------------------------------------------------
// Chinese and mixed numerals: 一百二十三 · 两千零五 · 三万五 · 十四点二亿 · 200多亿 · 3万4000

struct ChineseResult {
  Decimal value;
  std::optional<Decimal> value_max;
  std::size_t end = 0;
  Qualifier qualifier = Qualifier::exact;
  Decimal scale{1};
  bool has_scale = false;
  bool overflow = false;
  bool single_one = false;
  bool any_chinese = false;
};

class ChineseReader {
 public:
  ChineseReader(std::string_view t, const NumberLexicon& lex, ReadOptions opts) : t_(t), lex_(lex), opts_(opts) {}

  // `arabic` is an Arabic number already read at the start ("200" of "200多亿"), if any.
  std::optional<ChineseResult> read(std::size_t pos, const Arabic* arabic) {
    std::size_t i = pos;
    std::size_t end = pos;
    if (arabic) {
      cur_ = arabic->value;
      any_ = true;
      only_digits_ = false;
      end = i = arabic->end;
    }
    std::size_t tokens = 0;
    std::size_t fin_digits = 0;
    while (i < t_.size()) {
      std::size_t next = step(i, fin_digits);
      if (next == i) break;
      i = end = next;
      ++tokens;
    }
    if (!any_) return std::nullopt;
    if (tokens == 1 && fin_digits == 1 && !arabic) return std::nullopt;  // 陆家嘴, not six
    ChineseResult r;
    r.end = end;
    r.qualifier = qualifier_;
    r.scale = trailing_scale_;
    r.has_scale = has_section_;
    r.any_chinese = tokens > 0;
    if (only_digits_ && digit_string_.size() >= 2) {
      // 二〇二一 reads digit by digit; two neighbours such as 三四 (家) mean "three or four".
      if (digit_string_.size() == 2 && digit_string_[0] >= '1' && digit_string_[1] == digit_string_[0] + 1) {
        r.value = Decimal(digit_string_[0] - '0');
        r.value_max = Decimal(digit_string_[1] - '0');
        r.qualifier = Qualifier::approx;
      } else {
        r.value = Decimal::from_string(digit_string_).value_or(Decimal());
      }
      return r;
    }
    if (only_digits_ && digit_string_ == "0") return std::nullopt;  // 零 alone is not a figure
    if (cur_ && cur_cn_digit_ && last_mult_ >= 100 && !zero_since_mult_) {
      // Colloquial elision: 三万五 is 35000, 一百二 is 120.
      cur_ = arith_.mul(*cur_, Decimal(last_mult_ / 10));
    }
    Decimal total = arith_.add(arith_.add(big_, mid_), arith_.add(small_, cur_.value_or(Decimal())));
    r.value = total;
    r.overflow = arith_.overflow;
    r.single_one = tokens == 1 && !arabic && digit_string_ == "1";
    return r;
  }

 private:
  // Consumes one token at `i`; returns the position after it, or `i` when the number ends.
  std::size_t step(std::size_t i, std::size_t& fin_digits) {
    if (is_digit_at(t_, i)) {
      // Arabic digits continue a Chinese numeral only right after a unit or scale word: 3万4000.
      if (cur_ || after_inner_ || after_point_ || !last_was_mult_) return i;
      Arabic a = read_arabic(t_, i);
      if (a.out_of_range) arith_.overflow = true;
      cur_ = a.value;
      cur_cn_digit_ = false;
      mark_value();
      return a.end;
    }
    if (auto q = lex_.inner_qualifier_at(t_, i)) {
      // 多 余 来 几 right after the digits: 200多亿, 30余家, 十几家.
      if (!any_ || after_inner_ || qualifier_ != Qualifier::exact) return i;
      qualifier_ = **q->payload;
      after_inner_ = true;
      return q->end;
    }
    Decoded d = decode_char(t_, i);
    const Numeral* n = lex_.chinese_numeral(d.cp);
    if (!n) return i;
    std::size_t next = i + d.len;
    switch (n->role) {
      case NumeralRole::digit:
      case NumeralRole::fin_digit: {
        if (after_inner_ || after_point_) return i;
        if (cur_ && !only_digits_) return i;  // 三四十: two digits in a row inside a numeral
        if (n->role == NumeralRole::fin_digit) ++fin_digits;
        digit_string_ += static_cast<char>('0' + n->value);
        if (n->value == 0) {
          zero_since_mult_ = true;
          if (!only_digits_) return next;  // 两千零五: the zero only marks a gap
        }
        cur_ = only_digits_ && cur_ ? cur_ : Decimal(n->value);
        cur_cn_digit_ = true;
        any_ = true;
        last_was_mult_ = false;
        trailing_scale_ = Decimal(1);
        return next;
      }
      case NumeralRole::tens:
        if (cur_ || after_inner_ || after_point_) return i;
        small_ = arith_.add(small_, Decimal(n->value));
        set_mult(10);
        last_unit_ = 10;
        mark_value();
        return next;
      case NumeralRole::unit: {
        if (after_inner_ || after_point_) return i;
        if (last_unit_ != 0 && n->value >= last_unit_) return i;  // 百百, 十百: not one number
        small_ = arith_.add(small_, arith_.mul(cur_.value_or(Decimal(1)), Decimal(n->value)));
        cur_.reset();
        last_unit_ = n->value;
        set_mult(n->value);
        mark_value();
        return next;
      }
      case NumeralRole::section: {
        Decimal part = arith_.add(small_, cur_.value_or(Decimal()));
        if (!any_) {
          if (!opts_.allow_bare_section) return i;
          part = Decimal(1);  // 超亿元: one hundred million
        }
        if (n->value == 10000) {
          if (!mid_.is_zero() || last_was_section_) return i;  // 万万
          mid_ = arith_.mul(part, Decimal(n->value));
        } else {
          if (!big_.is_zero()) return i;  // 亿…亿
          big_ = arith_.mul(arith_.add(mid_, part), Decimal(n->value));
          mid_ = Decimal();
        }
        small_ = Decimal();
        cur_.reset();
        last_unit_ = 0;
        set_mult(n->value);
        has_section_ = true;
        only_digits_ = false;
        any_ = true;
        trailing_scale_ = arith_.mul(trailing_scale_, Decimal(n->value));
        last_was_section_ = true;
        after_inner_ = false;  // 200多亿: 亿 may follow 多
        return next;
      }
      case NumeralRole::point: {
        // 十四点二: the digits after 点 are read one by one.
        if (!any_ || after_inner_ || after_point_ || has_section_) return i;
        std::string frac = "0.";
        std::size_t j = next;
        while (j < t_.size()) {
          Decoded f = decode_char(t_, j);
          const Numeral* fd = lex_.chinese_numeral(f.cp);
          if (!fd || (fd->role != NumeralRole::digit && fd->role != NumeralRole::fin_digit)) break;
          frac += static_cast<char>('0' + fd->value);
          j += f.len;
        }
        if (frac.size() == 2) return i;
        Decimal integer = arith_.add(small_, cur_.value_or(Decimal()));
        if (cur_ && cur_cn_digit_ && last_mult_ >= 100 && !zero_since_mult_) return i;
        cur_ = arith_.add(integer, Decimal::from_string(frac).value_or(Decimal()));
        small_ = Decimal();
        cur_cn_digit_ = false;
        after_point_ = true;
        only_digits_ = false;
        last_mult_ = 0;
        return j;
      }
      default:
        return i;
    }
  }

  void set_mult(std::int64_t m) {
    last_mult_ = m;
    zero_since_mult_ = false;
    last_was_mult_ = true;
  }
  void mark_value() {
    any_ = true;
    only_digits_ = false;
    last_was_section_ = false;
    trailing_scale_ = Decimal(1);
  }

  std::string_view t_;
  const NumberLexicon& lex_;
  ReadOptions opts_;
  Arith arith_;
  Decimal big_, mid_, small_;
  std::optional<Decimal> cur_;
  bool cur_cn_digit_ = false;
  std::int64_t last_unit_ = 0;   // last 十 百 千 in the current section
  std::int64_t last_mult_ = 0;   // last unit or section word passed
  bool zero_since_mult_ = false;
  bool last_was_mult_ = false;
  bool last_was_section_ = false;
  bool any_ = false;
  bool only_digits_ = true;
  bool after_inner_ = false;
  bool after_point_ = false;
  bool has_section_ = false;
  std::string digit_string_;
  Decimal trailing_scale_{1};
  Qualifier qualifier_ = Qualifier::exact;
};

// A Chinese digit that nothing after it continues (一家, 三个), as ChineseReader reads it: value
// -1 when the reader is needed after all, 0 when it finds no number (零 alone, the 陆 of 陆家嘴),
// else the digit. Most Chinese numerals in text stand so; this spares them the reader.
struct LoneDigit {
  std::int64_t value;
  std::size_t end;
};
LoneDigit lone_chinese_digit(std::string_view t, std::size_t pos, Decoded d, const NumberLexicon& lex) {
  const Numeral* n = lex.chinese_numeral(d.cp);
  if (!n || (n->role != NumeralRole::digit && n->role != NumeralRole::fin_digit)) return {-1, 0};
  std::size_t next = pos + d.len;
  // An inner qualifier ends the reading at once where the number would start, and continues it
  // after the digit (十几, 一多); so does another numeral. Arabic digits never continue a digit.
  if (lex.may_start_inner_qualifier(d.cp) && lex.inner_qualifier_at(t, pos)) return {-1, 0};
  if (next < t.size()) {
    Decoded after = decode_char(t, next);
    if (lex.chinese_numeral(after.cp) ||
        (lex.may_start_inner_qualifier(after.cp) && lex.inner_qualifier_at(t, next)))
      return {-1, 0};
  }
  if (n->role == NumeralRole::fin_digit || n->value == 0) return {0, next};
  return {n->value, next};
}

// ---------------------------------------------------------------------------------------------
// English number words: one hundred · twenty-seven · a dozen · two and a half · three million

struct EnglishResult {
  Decimal value;
  std::size_t end;
  bool ordinal = false;
  bool has_scale = false;
  Decimal scale{1};
};

// An article that may stand for "one" before a number word: "a hundred", "a dozen".
bool article_at(std::string_view t, std::size_t at) {
  return starts_with(t, at, "a ") || starts_with(t, at, "A ") || starts_with(t, at, "an ");
}

std::optional<EnglishResult> read_english(std::string_view t, std::size_t pos, const NumberLexicon& lex) {
  Arith ar;
  Decimal total, group;
  bool any = false, ordinal = false, has_scale = false;
  Decimal scale_factor{1};
  enum class Last { none, article, word, tens, hundred, scale, half } last = Last::none;
  std::size_t i = pos, end = pos;
  auto word_at = [&](std::size_t at) { return lex.english.match_at(t, at); };
  while (i < t.size()) {
    std::size_t at = i;
    if (last != Last::none) {  // words are joined by one blank, or a hyphen after a tens word
      if (t[at] == ' ') ++at;
      else if (!(t[at] == '-' && last == Last::tens)) break;
      else ++at;
    }
    // "a hundred", "a dozen", "an estimated" is not ours
    if (last == Last::none && article_at(t, at)) {
      std::size_t after = at + (t[at + 1] == 'n' ? 3 : 2);
      auto w = word_at(after);
      if (!w || (w->payload->role != NumeralRole::en_hundred && w->payload->role != NumeralRole::en_scale &&
                 w->payload->role != NumeralRole::en_dozen))
        break;
      group = Decimal(1);
      last = Last::article;
      i = after - 1;  // the blank before the word that follows the article
      continue;
    }
    if (any && starts_with(t, at, "and a half") && (at + 10 >= t.size() || !is_alpha_at(t, at + 10))) {
      group = ar.add(group, Decimal(5, -1));
      last = Last::half;
      i = end = at + 10;
      continue;
    }
    if (any && (last == Last::hundred || last == Last::scale) && starts_with(t, at, "and ")) {
      auto w = word_at(at + 4);
      if (w && (w->payload->role == NumeralRole::en_word || w->payload->role == NumeralRole::en_tens)) at += 4;
    }
    auto w = word_at(at);
    if (!w) break;
    const Numeral& n = *w->payload;
    bool ok = true;
    switch (n.role) {
      case NumeralRole::en_word:
        ok = last == Last::none || last == Last::tens || last == Last::hundred || last == Last::scale;
        if (ok && last == Last::tens && n.value >= 10) ok = false;
        if (ok) { group = ar.add(group, Decimal(n.value)); last = Last::word; }
        break;
      case NumeralRole::en_tens:
        ok = last == Last::none || last == Last::hundred || last == Last::scale;
        if (ok) { group = ar.add(group, Decimal(n.value)); last = Last::tens; }
        break;
      case NumeralRole::en_hundred:
        ok = (last == Last::word || last == Last::article) && group < Decimal(100);
        if (ok) { group = ar.mul(group, Decimal(100)); last = Last::hundred; }
        break;
      case NumeralRole::en_scale:
        ok = last != Last::none && last != Last::scale;
        if (ok) {
          total = ar.add(total, ar.mul(group, Decimal(n.value)));
          scale_factor = Decimal(n.value);
          group = Decimal();
          has_scale = true;
          last = Last::scale;
        }
        break;
      case NumeralRole::en_dozen:
        ok = last == Last::word || last == Last::article;
        if (ok) { group = ar.mul(group, Decimal(12)); last = Last::word; }
        break;
      case NumeralRole::en_ordinal:
        ok = last == Last::none || last == Last::tens;
        if (ok) { group = ar.add(group, Decimal(n.value)); ordinal = true; }
        break;
      default:
        ok = false;
    }
    if (!ok) break;
    any = true;
    i = end = w->end;
    if (ordinal) break;
  }
  if (!any || last == Last::article || ar.overflow) return std::nullopt;
  EnglishResult r{ar.add(total, group), end, ordinal, has_scale, scale_factor};
  return r;
}

// ---------------------------------------------------------------------------------------------

// English scale after Arabic digits: "14.2 billion", "3.5bn", "800 million".
std::optional<std::pair<std::size_t, Decimal>> english_scale_after(std::string_view t, std::size_t i,
                                                                   const NumberLexicon& lex) {
  std::size_t at = (i < t.size() && t[i] == ' ') ? i + 1 : i;
  auto w = lex.english.match_at(t, at);
  if (w && w->payload->role == NumeralRole::en_scale) return std::make_pair(w->end, Decimal(w->payload->value));
  // "3.5bn" has no blank: match_at requires a word boundary before, so test the glued form.
  if (at == i && is_alpha_at(t, i)) {
    for (std::string_view s : {"bn"sv, "mn"sv, "tn"sv}) {
      if (starts_with(t, i, s) && !is_alpha_at(t, i + 2)) {
        auto v = lex.english.match_at(s, 0);
        return std::make_pair(i + 2, Decimal(v->payload->value));
      }
    }
  }
  return std::nullopt;
}

// The numeral proper at `pos`: Arabic, Chinese, mixed or English, without ranges.
std::optional<NumberToken> read_simple(std::string_view t, std::size_t pos, ReadOptions opts,
                                       const NumberLexicon& lex) {
  if (pos >= t.size()) return std::nullopt;  // a range connector or 分之 that ends the text
  NumberToken tok;
  tok.core_begin = pos;
  Number& n = tok.number;
  n.span.begin = pos;
  if (is_digit_at(t, pos)) {
    Arabic a = read_arabic(t, pos);
    if (a.out_of_range) {
      n.status = NumberStatus::out_of_range;
      n.span.end = a.end;
      return tok;
    }
    n.value = a.value;
    n.span.end = a.end;
    // Ordinal suffix: 19th, 53rd, 1st.
    static constexpr std::string_view kOrdinalSuffixes[] = {"st", "nd", "rd", "th"};
    if (!a.fractional && is_alpha_at(t, a.end)) {
      for (std::string_view s : kOrdinalSuffixes) {
        if (starts_with(t, a.end, s) && !is_alpha_at(t, a.end + 2)) {
          n.kind = NumberKind::ordinal;
          n.span.end = a.end + 2;
          return tok;
        }
      }
    }
    // English scale words follow a blank or stand glued to the digits (3.5bn).
    bool may_be_english = a.end < t.size() && (t[a.end] == ' ' || is_alpha_at(t, a.end));
    if (auto sc = may_be_english ? english_scale_after(t, a.end, lex) : std::nullopt) {
      Arith ar;
      n.value = ar.mul(a.value, sc->second);
      if (ar.overflow) n.status = NumberStatus::out_of_range;
      n.has_scale = true;
      tok.scale = sc->second;
      tok.english = true;
      n.span.end = sc->first;
      return tok;
    }
    // Chinese scale words and approximation marks may follow: 1.42亿, 200多亿, 3万4000. Only a
    // numeral or an inner qualifier continues the number, so most numbers need no ChineseReader.
    bool may_continue = false;
    if (a.end < t.size()) {
      char32_t next = decode_char(t, a.end).cp;
      may_continue = lex.chinese_numeral(next) ||
                     (lex.may_start_inner_qualifier(next) && lex.inner_qualifier_at(t, a.end));
    }
    if (!may_continue) return tok;
    ChineseReader cr(t, lex, opts);
    auto c = cr.read(pos, &a);
    if (c && c->end > a.end) {
      n.value = c->value;
      n.qualifier = c->qualifier;
      n.has_scale = c->has_scale;
      tok.scale = c->scale;
      n.span.end = c->end;
      if (c->overflow) {
        n.status = NumberStatus::out_of_range;
        n.value = Decimal();  // out of range means no value, not what was left after the overflow
      }
    }
    return tok;
  }
  if (static_cast<unsigned char>(t[pos]) >= 0x80) {
    LoneDigit lone = lone_chinese_digit(t, pos, decode_char(t, pos), lex);
    if (lone.value == 0) return std::nullopt;
    if (lone.value > 0) {
      n.value = Decimal(lone.value);
      n.span.end = lone.end;
      tok.chinese = true;
      tok.single_one = lone.value == 1;
      return tok;
    }
    ChineseReader cr(t, lex, opts);
    auto c = cr.read(pos, nullptr);
    if (!c) return std::nullopt;
    n.value = c->value;
    n.value_max = c->value_max;
    n.qualifier = c->qualifier;
    n.has_scale = c->has_scale;
    n.span.end = c->end;
    tok.scale = c->scale;
    tok.chinese = true;
    tok.single_one = c->single_one;
    if (c->overflow) {
      n.status = NumberStatus::out_of_range;
      n.value = Decimal();
      n.value_max.reset();
    }
    return tok;
  }
  if (is_alpha_at(t, pos) && (pos == 0 || !is_alpha_at(t, pos - 1))) {
    auto e = read_english(t, pos, lex);
    if (!e) return std::nullopt;
    n.value = e->value;
    n.span.end = e->end;
    n.kind = e->ordinal ? NumberKind::ordinal : NumberKind::cardinal;
    n.has_scale = e->has_scale;
    tok.scale = e->scale;
    tok.english = true;
    return tok;
  }
  return std::nullopt;
}

// Words that join the two ends of a range: 8万亿至10万亿, 100-200, 3 to 5 billion.
std::size_t range_connector(std::string_view t, std::size_t i, bool english) {
  static constexpr std::string_view kConnectors[] = {"至", "到", "~", "-", "—", "–", "－", " to ", " and "};
  constexpr unsigned kChinese = 0x7F;  // the first seven join numbers in any text
  // The connectors by their first byte, one bit each: a number is seldom followed by any.
  static constexpr auto kByFirstByte = [] {
    std::array<std::uint16_t, 256> by_first{};
    for (std::size_t k = 0; k < std::size(kConnectors); ++k)
      by_first[static_cast<unsigned char>(kConnectors[k][0])] |= static_cast<std::uint16_t>(1u << k);
    return by_first;
  }();
  if (i >= t.size()) return i;
  unsigned candidates = kByFirstByte[static_cast<unsigned char>(t[i])] & (english ? ~0u : kChinese);
  for (std::size_t k = 0; candidates; ++k, candidates >>= 1)
    if ((candidates & 1) && starts_with(t, i, kConnectors[k])) return i + kConnectors[k].size();
  return i;
}

}  // namespace

std::size_t count_digits(std::string_view t, std::size_t pos) {
  std::size_t n = 0;
#if defined(__SSE2__) || defined(_M_X64)
  // Sixteen bytes at a time: the run ends at the first byte that is no digit.
  for (; pos + n + 16 <= t.size(); n += 16) {
    __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(t.data() + pos + n));
    __m128i digit =
        _mm_and_si128(_mm_cmpgt_epi8(b, _mm_set1_epi8('0' - 1)), _mm_cmplt_epi8(b, _mm_set1_epi8('9' + 1)));
    auto others = static_cast<unsigned>(~_mm_movemask_epi8(digit)) & 0xFFFFu;
    if (others) return n + lowest_bit(others);
  }
#endif
  while (is_digit_at(t, pos + n)) ++n;
  return n;
}

std::optional<NumberToken> read_number(std::string_view t, std::size_t pos, ReadOptions opts) {
  if (pos >= t.size()) return std::nullopt;
  const NumberLexicon& lex = number_lexicon();
  Decoded lead_char = static_cast<unsigned char>(t[pos]) >= 0x80 ? decode_char(t, pos) : Decoded{0, 1, true};
  char32_t lead = lead_char.cp;
  // A Chinese digit standing alone (一家), as most Chinese numerals in text stand: read_simple
  // would read it so, and nothing follows that continues the number (分之, a range).
  if (lead) {
    LoneDigit lone = lone_chinese_digit(t, pos, lead_char, lex);
    if (lone.value == 0) return std::nullopt;
    if (lone.value > 0 && !starts_with(t, lone.end, "分之") && range_connector(t, lone.end, false) == lone.end) {
      NumberToken tok;
      tok.core_begin = pos;
      tok.number.span = {pos, lone.end};
      tok.number.value = Decimal(lone.value);
      tok.chinese = true;
      tok.single_one = lone.value == 1;
      return tok;
    }
  }
  // 百分之三十, 千分之五: a rate written out.
  if (lead == U'百' || lead == U'千' || lead == U'万') {
    for (auto [word, per] : {std::pair<std::string_view, int>{"百分之"sv, 100}, {"千分之"sv, 1000}, {"万分之"sv, 10000}}) {
      if (starts_with(t, pos, word)) {
        auto inner = read_simple(t, pos + word.size(), opts, lex);
        if (!inner) return std::nullopt;
        inner->number.span.begin = pos;
        inner->core_begin = pos;
        inner->per = per;
        return inner;
      }
    }
  }
  // 数十 几百 上千 好几十 成千上万: a vague quantity, no value.
  if (lead == U'数' || lead == U'几' || lead == U'上' || lead == U'好' || lead == U'成') {
    std::size_t after = pos + (starts_with(t, pos, "好几") ? 6 : 3);
    Decoded d = after < t.size() ? decode_char(t, after) : Decoded{0, 0, false};
    const Numeral* n = lex.chinese_numeral(d.cp);
    if (n && (n->role == NumeralRole::unit || n->role == NumeralRole::section)) {
      std::size_t end = after;
      while (end < t.size()) {
        Decoded e = decode_char(t, end);
        const Numeral* m = lex.chinese_numeral(e.cp);
        bool part = (m && (m->role == NumeralRole::unit || m->role == NumeralRole::section)) || e.cp == U'上';
        if (!part) break;
        end += e.len;
      }
      NumberToken tok;
      tok.number.status = NumberStatus::vague;
      tok.number.span = {pos, end};
      tok.core_begin = pos;
      tok.chinese = true;
      return tok;
    }
    if (!n) return std::nullopt;
  }
  auto first = read_simple(t, pos, opts, lex);
  if (!first) return std::nullopt;
  Number& n = first->number;
  if (n.status != NumberStatus::ok || n.kind != NumberKind::cardinal) return first;

  // X分之Y: a fraction (三分之一 is one third). Not of a pair such as 一二 ("one or two").
  if (starts_with(t, n.span.end, "分之") && !n.value_max) {
    if (auto part = read_simple(t, n.span.end + 6, opts, lex); part && !part->number.value_max) {
      if (auto q = Decimal::divide(part->number.value, n.value)) {
        n.value = *q;
        n.span.end = part->number.span.end;
        return first;
      }
    }
  }
  // 1/4: an Arabic fraction.
  if (!first->chinese && !first->english && n.span.end + 1 < t.size() && t[n.span.end] == '/' &&
      is_digit_at(t, n.span.end + 1) && n.value.is_integer() && !n.has_scale) {
    Arabic den = read_arabic(t, n.span.end + 1);
    if (!den.out_of_range && !den.fractional && !is_digit_at(t, den.end) && t.substr(den.end, 1) != "/") {
      if (auto q = Decimal::divide(n.value, den.value)) {
        n.value = *q;
        n.span.end = den.end;
        return first;
      }
    }
  }
  // Ranges.
  std::size_t after = range_connector(t, n.span.end, first->english || !first->chinese);
  if (after != n.span.end && !n.value_max) {
    auto second = read_simple(t, after, opts, lex);
    if (second && second->number.status == NumberStatus::ok && second->number.kind == NumberKind::cardinal &&
        !second->number.value_max) {
      Decimal lo = n.value;
      // The scale word written once serves both ends: 100-200万, 3 to 5 billion.
      if (!n.has_scale && second->number.has_scale) {
        if (auto scaled = Decimal::multiply(lo, second->scale)) lo = *scaled;
      }
      if (lo <= second->number.value) {
        n.value = lo;
        n.value_max = second->number.value;
        n.has_scale = n.has_scale || second->number.has_scale;
        first->scale = second->scale;
        if (n.qualifier == Qualifier::exact) n.qualifier = second->number.qualifier;
        n.span.end = second->number.span.end;
      }
    }
  }
  return first;
}

std::optional<QualifierMatch> prefix_qualifier_before(std::string_view t, std::size_t pos) {
  const NumberLexicon& lex = number_lexicon();
  auto m = lex.prefix_qualifiers.match_before(t, pos);
  if (!m && pos > 1 && t[pos - 1] == ' ' && is_alpha_at(t, pos - 2)) m = lex.prefix_qualifiers.match_before(t, pos - 1);
  // A longer word that merely ends like a qualifier (签约 is not 约) blocks it.
  if (!m || !m->payload->qualifier) return std::nullopt;
  return QualifierMatch{m->begin, *m->payload->qualifier, m->payload->amounts_only};
}

std::optional<std::pair<std::size_t, Qualifier>> suffix_qualifier_at(std::string_view t, std::size_t pos) {
  const NumberLexicon& lex = number_lexicon();
  if (auto m = lex.suffix_qualifiers.match_at(t, pos)) return std::make_pair(m->end, *m->payload);
  if (pos + 1 < t.size() && t[pos] == ' ' && is_alpha_at(t, pos + 1)) {
    if (auto m = lex.suffix_qualifiers.match_at(t, pos + 1)) return std::make_pair(m->end, *m->payload);
  }
  return std::nullopt;
}

bool in_stop_phrase(std::string_view t, std::size_t pos) { return in_stop_phrase(t, pos, decode_char(t, pos)); }

bool in_stop_phrase(std::string_view t, std::size_t pos, const Decoded& here) {
  const NumberLexicon& lex = number_lexicon();
  auto fold = [](char32_t cp) {
    return cp < 0x80 ? static_cast<char32_t>(NumberLexicon::ascii_fold(static_cast<unsigned char>(cp))) : cp;
  };
  // The code point at `i`, read without the checks of decode_utf8: where a phrase matches the
  // text is valid UTF-8, so elsewhere a wrong value only fails to match, as it should.
  auto cp_at = [&](std::size_t i) -> char32_t {
    auto c = static_cast<unsigned char>(t[i]);
    if (c - 0xE0u < 0x10u && i + 2 < t.size())  // most characters here
      return (c & 0x0Fu) << 12 | (t[i + 1] & 0x3Fu) << 6 | (t[i + 2] & 0x3Fu);
    auto b = [&](std::size_t k) { return i + k < t.size() ? static_cast<unsigned char>(t[i + k]) & 0x3Fu : 0u; };
    if (c < 0x80) return fold(c);
    if (c < 0xE0) return (c & 0x1Fu) << 6 | b(1);
    if (c < 0xF0) return (c & 0x0Fu) << 12 | b(1) << 6 | b(2);
    return (c & 0x07u) << 18 | b(1) << 12 | b(2) << 6 | b(3);
  };
  // The characters around `pos` rule out nearly every phrase before any comparison.
  char32_t ch = fold(here.cp);
  char32_t before = pos > 0 ? cp_at(prev_cp_start(t, pos)) : 0;
  char32_t after = pos + here.len < t.size() ? cp_at(pos + here.len) : 0;
  if (lex.stop_pairs_complete && !NumberLexicon::has_pair(lex.stop_pairs, ch, after) &&
      !NumberLexicon::has_pair(lex.stop_last_pairs, before, ch))
    return false;
  auto word_char = [&](std::size_t i) { return is_ascii_alpha(static_cast<unsigned char>(t[i])) || is_digit_at(t, i); };
  // Does the phrase of `occ`, holding `ch` at `pos`, stand in the text there?
  auto stands_here = [&](const NumberLexicon::StopOccurrence& occ) {
    if ((occ.before && occ.before != before) || occ.offset > pos) return false;
    const std::string& p = lex.stop_phrases[occ.phrase];
    std::size_t b = pos - occ.offset, e = b + p.size();
    if (e > t.size()) return false;
    for (std::size_t i = 0; i < p.size(); ++i)
      if (NumberLexicon::ascii_fold(static_cast<unsigned char>(t[b + i])) !=
          NumberLexicon::ascii_fold(static_cast<unsigned char>(p[i])))
        return false;
    // A phrase that begins (ends) with a letter must not continue a word before (after) it.
    if (is_ascii_alpha(static_cast<unsigned char>(p.front())) && b > 0 && word_char(b - 1)) return false;
    if (is_ascii_alpha(static_cast<unsigned char>(p.back())) && e < t.size() && word_char(e)) return false;
    return true;
  };
  // The phrases where the character after `ch` is `after`, then those that end with `ch`.
  auto key_less = [](const NumberLexicon::StopOccurrence& o, std::pair<char32_t, char32_t> key) {
    return o.ch != key.first ? o.ch < key.first : o.after < key.second;
  };
  for (char32_t next : {after, char32_t{0}}) {
    auto occ =
        std::lower_bound(lex.stop_occurrences.begin(), lex.stop_occurrences.end(), std::pair{ch, next}, key_less);
    for (; occ != lex.stop_occurrences.end() && occ->ch == ch && occ->after == next; ++occ)
      if (stands_here(*occ)) return true;
    if (next == 0) break;
  }
  return false;
}

bool may_start_chinese_number(std::string_view t, std::size_t pos, char32_t lead, ReadOptions opts) {
  const NumberLexicon& lex = number_lexicon();
  const Numeral* n = lex.chinese_numeral(lead);
  if (!n) {
    // 数 几 上 好 成 begin a vague quantity only before a unit or scale word (数十, 好几百), as
    // read_number reads them; no other character but a numeral begins a number.
    if (lead != U'数' && lead != U'几' && lead != U'上' && lead != U'好' && lead != U'成') return false;
    std::size_t after = pos + (lead == U'好' && starts_with(t, pos, "好几") ? 6 : 3);
    const Numeral* m = after < t.size() ? lex.chinese_numeral(decode_char(t, after).cp) : nullptr;
    return m && (m->role == NumeralRole::unit || m->role == NumeralRole::section);
  }
  switch (n->role) {
    case NumeralRole::point: return false;  // 点 follows a number, it never begins one
    case NumeralRole::section:  // a scale word alone is one of it only where allowed (超亿元); 万分之
      return opts.allow_bare_section || starts_with(t, pos + (lead < 0x800 ? 2 : lead < 0x10000 ? 3 : 4), "分之");
    default: return true;
  }
}

bool may_start_english_number(std::string_view t, std::size_t pos, std::size_t word_end) {
  const NumberLexicon& lex = number_lexicon();
  if (lex.is_english_word(t.substr(pos, word_end - pos))) return true;
  if (!article_at(t, pos)) return false;
  std::size_t next = word_end + 1, next_end = next;  // the word after the article's blank
  while (is_alpha_at(t, next_end)) ++next_end;
  return lex.is_english_word(t.substr(next, next_end - next));
}

}  // namespace econind::detail
