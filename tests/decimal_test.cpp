#include "catch.hpp"
#include "econind/decimal.hpp"

using econind::Decimal;

TEST_CASE("Decimal parses and prints exact values") {
  CHECK(Decimal::from_string("128.64")->to_string() == "128.64");
  CHECK(Decimal::from_string("0.11")->to_string() == "0.11");
  CHECK(Decimal::from_string("-3.5")->to_string() == "-3.5");
  CHECK(Decimal::from_string("2158")->to_string() == "2158");
  CHECK(Decimal::from_string("007.500")->to_string() == "7.5");
  CHECK(Decimal::from_string("0")->to_string() == "0");
  CHECK(Decimal::from_string("5.")->to_string() == "5");
  CHECK(Decimal::from_string("") == std::nullopt);
  CHECK(Decimal::from_string("1e5") == std::nullopt);
  CHECK(Decimal::from_string("12a") == std::nullopt);
}

TEST_CASE("Decimal arithmetic is exact: 128.64 × 10^8 is 12864000000") {
  auto v = Decimal::multiply(*Decimal::from_string("128.64"), Decimal(1, 8));
  REQUIRE(v);
  CHECK(v->to_string() == "12864000000");
  CHECK(v->mantissa() == 12864);
  CHECK(v->exponent() == 6);
  CHECK(v->to_double() == 12864000000.0);
  CHECK(Decimal::multiply(*Decimal::from_string("0.11"), Decimal(1, 8))->to_string() == "11000000");
  CHECK(Decimal::add(Decimal(3, 8), Decimal(5, 7))->to_string() == "350000000");
  CHECK(Decimal::add(Decimal(-25, -1), Decimal(1))->to_string() == "-1.5");
}

TEST_CASE("Decimal reports overflow instead of wrapping") {
  CHECK(Decimal::from_string(std::string(30, '9')) == std::nullopt);
  CHECK(Decimal::multiply(Decimal(1, 20), Decimal(1, 8)) == std::nullopt);
  CHECK(Decimal::multiply(Decimal(999999999999LL), Decimal(999999999999LL)) == std::nullopt);
}

TEST_CASE("Decimal compares by value") {
  CHECK(Decimal(1, 3) == Decimal(1000));
  CHECK(Decimal(5, -1) < Decimal(1));
  CHECK(Decimal(-2) < Decimal(1));
  CHECK(Decimal(-2) < Decimal(-1));
  CHECK(Decimal(99) < Decimal(1, 2));
  CHECK_FALSE(Decimal(1, 2) < Decimal(1, 2));
  CHECK(Decimal(12345, -2) > Decimal(123));
}

TEST_CASE("Decimal divides to 15 significant digits") {
  CHECK(Decimal::divide(Decimal(1), Decimal(4))->to_string() == "0.25");
  CHECK(Decimal::divide(Decimal(1), Decimal(3))->to_string() == "0.333333333333333");
  CHECK(Decimal::divide(Decimal(2), Decimal(3))->to_string() == "0.666666666666667");
  CHECK(Decimal::divide(Decimal(1), Decimal(0)) == std::nullopt);
}
