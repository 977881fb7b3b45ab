// The C++ API: the indicators of one sentence, one per line, then one expression on its own.
#include <econind/econind.hpp>

#include <iostream>
#include <optional>
#include <string>

int main() {
  const std::string text =
      "2022年，合肥高新区规上工业产值突破1500亿元，同比增长12.6%，集聚集成电路企业300余家；"
      "在全国173家国家高新区中位列第6名，较上年提升2位。";
  const econind::Extractor extractor;  // build once; any number of threads may share it
  const econind::Result result = extractor.extract(text);
  auto id = [](const std::optional<econind::EntityRef>& e) { return e ? e->id() : "-"; };
  for (const econind::Indicator& i : result.indicators) {
    std::cout << econind::to_string(i.kind) << ' ' << i.value.to_string() << ' ' << (i.unit.empty() ? "-" : i.unit)
              << ' ' << econind::to_string(i.qualifier) << ' ' << i.text << ' ' << id(i.subject) << ' '
              << id(i.metric) << ' ' << (i.year ? std::to_string(*i.year) : "-") << '\n';
  }

  if (auto m = econind::parse_money("200多亿元")) {
    std::cout << "parse_money " << m->value.to_string() << ' ' << m->unit << ' ' << econind::to_string(m->qualifier)
              << '\n';
  }

  try {  // bad configuration throws econind::Error; bad text never throws
    econind::Ontology ontology = econind::Ontology::builtin();
    ontology.load_file("no-such-ontology.tsv");
  } catch (const econind::Error& e) {
    std::cout << "error " << e.what() << '\n';
  }
}
