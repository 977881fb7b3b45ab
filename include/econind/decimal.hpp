#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "econind/export.hpp"

namespace econind {

// An exact decimal number: mantissa × 10^exponent, kept normalized (no trailing zeros in
// the mantissa). 128.64亿 is exactly 12864000000 and prints so, never 12863999999.999998.
class ECONIND_EXPORT Decimal {
 public:
  constexpr Decimal() = default;
  Decimal(std::int64_t mantissa, int exponent = 0);  // NOLINT(google-explicit-constructor)

  // Parses plain decimal notation: optional sign, digits, optional '.' and digits.
  // Returns nullopt for anything else or when the value does not fit.
  static std::optional<Decimal> from_string(std::string_view text);

  std::int64_t mantissa() const { return mantissa_; }
  int exponent() const { return exponent_; }
  bool is_zero() const { return mantissa_ == 0; }
  bool is_negative() const { return mantissa_ < 0; }
  bool is_integer() const { return exponent_ >= 0; }

  // Correctly rounded nearest double.
  double to_double() const;
  // Shortest exact decimal notation: "12864000000", "54.03", "-3.5", "0.25".
  std::string to_string() const;

  friend bool operator==(const Decimal& a, const Decimal& b) {
    return a.mantissa_ == b.mantissa_ && a.exponent_ == b.exponent_;
  }
  friend bool operator!=(const Decimal& a, const Decimal& b) { return !(a == b); }
  friend ECONIND_EXPORT bool operator<(const Decimal& a, const Decimal& b);
  friend bool operator>(const Decimal& a, const Decimal& b) { return b < a; }
  friend bool operator<=(const Decimal& a, const Decimal& b) { return !(b < a); }
  friend bool operator>=(const Decimal& a, const Decimal& b) { return !(a < b); }

  // Checked arithmetic: nullopt when the exact result does not fit.
  static std::optional<Decimal> add(const Decimal& a, const Decimal& b);
  static std::optional<Decimal> multiply(const Decimal& a, const Decimal& b);
  // Quotient rounded to 15 significant digits (for fractions such as 三分之一).
  static std::optional<Decimal> divide(const Decimal& a, const Decimal& b);

  // Largest magnitude a value may reach: 10^exponent_limit.
  static constexpr int exponent_limit = 24;

 private:
  std::int64_t mantissa_ = 0;
  int exponent_ = 0;
};

}  // namespace econind
