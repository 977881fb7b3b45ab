#include <econind/econind.hpp>

#include <cstdlib>
#include <iostream>

int main() {
  auto money = econind::parse_money("200多亿元");
  econind::Result r = econind::Extractor().extract("合肥高新区规上工业产值突破1500亿元。");
  bool ok = money && money->value.to_string() == "20000000000" && r.indicators.size() == 1 &&
            r.indicators[0].subject && r.indicators[0].subject->id() == "hefei-hitech";
  std::cout << "econind " << econind::version_string << (ok ? ": ok" : ": FAILED") << "\n";
  return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
