#include "econind/decimal.hpp"

#include <array>
#include <cstdlib>
#include <limits>

namespace econind {
namespace {

// 128-bit intermediates keep every product of two 18-digit mantissas exact.
__extension__ typedef unsigned __int128 u128;
__extension__ typedef __int128 i128;

constexpr std::int64_t kMaxMantissa = 999'999'999'999'999'999;  // 18 digits

// Moves the trailing zeros of m != 0 into the exponent: four at a time first, for the scale
// words (万 亿) whose values are powers of ten.
template <class Int>
void strip_zeros(Int& m, int& exponent) {
  if (m % 10 != 0) return;  // most values
  while (m % 10000 == 0) {
    m /= 10000;
    exponent += 4;
  }
  while (m % 10 == 0) {
    m /= 10;
    ++exponent;
  }
}

// Division of a 128-bit value is a library call: values that fit 64 bits take the fast path.
int digit_count(u128 v) {
  int n = 1;
  if (v >> 64 == 0) {
    for (auto w = static_cast<std::uint64_t>(v); w >= 10; w /= 10) ++n;
    return n;
  }
  while (v >= 10) {
    v /= 10;
    ++n;
  }
  return n;
}

u128 magnitude(std::int64_t m) {
  return m < 0 ? static_cast<u128>(-(m + 1)) + 1 : static_cast<u128>(m);
}

// Builds a normalized Decimal from sign, 128-bit magnitude and exponent; nullopt if it does not fit.
std::optional<Decimal> make(bool negative, u128 mag, int exponent) {
  if (mag == 0) return Decimal();
  while (mag >> 64 != 0 && mag % 10 == 0) {  // as in digit_count
    mag /= 10;
    ++exponent;
  }
  if (mag >> 64 == 0) {
    auto m = static_cast<std::uint64_t>(mag);
    strip_zeros(m, exponent);
    mag = m;
  }
  if (mag > static_cast<u128>(kMaxMantissa)) return std::nullopt;
  // At most 18 digits: only a large exponent needs them counted.
  if (exponent + 17 >= Decimal::exponent_limit && exponent + digit_count(mag) - 1 >= Decimal::exponent_limit)
    return std::nullopt;
  if (exponent < -Decimal::exponent_limit) return std::nullopt;
  auto m = static_cast<std::int64_t>(mag);
  return Decimal(negative ? -m : m, exponent);
}

u128 pow10(int k) {
  static constexpr auto powers = [] {
    std::array<u128, 39> p{};
    p[0] = 1;
    for (std::size_t i = 1; i < p.size(); ++i) p[i] = p[i - 1] * 10;
    return p;
  }();
  if (k >= 0 && k < static_cast<int>(powers.size())) return powers[static_cast<std::size_t>(k)];
  u128 p = 1;
  for (int i = 0; i < k; ++i) p *= 10;
  return p;
}

}  // namespace

Decimal::Decimal(std::int64_t mantissa, int exponent) : mantissa_(mantissa), exponent_(exponent) {
  if (mantissa_ == 0) {
    exponent_ = 0;
    return;
  }
  strip_zeros(mantissa_, exponent_);
}

std::optional<Decimal> Decimal::from_string(std::string_view text) {
  std::size_t i = 0;
  bool negative = false;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
  u128 mag = 0;
  int exponent = 0;
  int significant = 0;
  bool any_digit = false;
  bool seen_point = false;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (c == '.' && !seen_point) {
      seen_point = true;
      continue;
    }
    if (c < '0' || c > '9') return std::nullopt;
    any_digit = true;
    if (mag == 0 && c == '0') {
      if (seen_point) --exponent;
      continue;
    }
    if (++significant > 36) return std::nullopt;  // far beyond what fits; stop before overflow
    mag = mag * 10 + static_cast<unsigned>(c - '0');
    if (seen_point) --exponent;
  }
  if (!any_digit) return std::nullopt;
  return make(negative, mag, exponent);
}

double Decimal::to_double() const {
  std::string s = std::to_string(mantissa_) + "e" + std::to_string(exponent_);
  return std::strtod(s.c_str(), nullptr);
}

std::string Decimal::to_string() const {
  std::string digits = std::to_string(mantissa_ < 0 ? -mantissa_ : mantissa_);
  std::string out = mantissa_ < 0 ? "-" : "";
  if (exponent_ >= 0) {
    out += digits;
    if (mantissa_ != 0) out.append(static_cast<std::size_t>(exponent_), '0');
    return out;
  }
  auto frac = static_cast<std::size_t>(-exponent_);
  if (digits.size() <= frac) {
    out += "0.";
    out.append(frac - digits.size(), '0');
    out += digits;
  } else {
    out += digits.substr(0, digits.size() - frac);
    out += '.';
    out += digits.substr(digits.size() - frac);
  }
  return out;
}

bool operator<(const Decimal& a, const Decimal& b) {
  if (a.is_negative() != b.is_negative()) return a.is_negative();
  if (a.is_zero() || b.is_zero()) return a.mantissa_ < b.mantissa_;
  // Same sign, both non-zero: compare magnitudes by order, then by aligned mantissas.
  u128 ma = magnitude(a.mantissa_), mb = magnitude(b.mantissa_);
  int oa = a.exponent_ + digit_count(ma), ob = b.exponent_ + digit_count(mb);
  bool less_mag;
  if (oa != ob) {
    less_mag = oa < ob;
  } else {
    int e = a.exponent_ < b.exponent_ ? a.exponent_ : b.exponent_;
    less_mag = ma * pow10(a.exponent_ - e) < mb * pow10(b.exponent_ - e);
  }
  bool equal_mag = a.mantissa_ == b.mantissa_ && a.exponent_ == b.exponent_;
  if (equal_mag) return false;
  return a.is_negative() ? !less_mag : less_mag;
}

std::optional<Decimal> Decimal::multiply(const Decimal& a, const Decimal& b) {
  u128 mag = magnitude(a.mantissa_) * magnitude(b.mantissa_);
  return make(a.is_negative() != b.is_negative(), mag, a.exponent_ + b.exponent_);
}

std::optional<Decimal> Decimal::add(const Decimal& a, const Decimal& b) {
  if (a.is_zero()) return b;
  if (b.is_zero()) return a;
  int e = a.exponent_ < b.exponent_ ? a.exponent_ : b.exponent_;
  int sa = a.exponent_ - e, sb = b.exponent_ - e;
  if (sa > 18 || sb > 18) return std::nullopt;  // magnitudes too far apart to add exactly
  i128 va = static_cast<i128>(a.mantissa_) * static_cast<i128>(pow10(sa));
  i128 vb = static_cast<i128>(b.mantissa_) * static_cast<i128>(pow10(sb));
  i128 sum = va + vb;
  bool negative = sum < 0;
  return make(negative, static_cast<u128>(negative ? -sum : sum), e);
}

std::optional<Decimal> Decimal::divide(const Decimal& a, const Decimal& b) {
  if (b.is_zero()) return std::nullopt;
  if (a.is_zero()) return Decimal();  // the scaling below would never end: 0 never reaches den
  u128 num = magnitude(a.mantissa_), den = magnitude(b.mantissa_);
  int exponent = a.exponent_ - b.exponent_;
  // Scale the numerator so the quotient carries 15 significant digits, then round half up.
  while (num < den * pow10(14)) {
    num *= 10;
    --exponent;
  }
  u128 q = num / den, r = num % den;
  if (2 * r >= den) ++q;
  return make(a.is_negative() != b.is_negative(), q, exponent);
}

}  // namespace econind
