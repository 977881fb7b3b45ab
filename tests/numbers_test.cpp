#include "catch.hpp"
#include "econind/numbers.hpp"

using econind::parse_number;
using econind::Qualifier;

TEST_CASE("smoke") {
  auto n = parse_number("200多亿");
  REQUIRE(n);
  CHECK(n->value.to_string() == "20000000000");
  CHECK(n->qualifier == Qualifier::more_than);
}
