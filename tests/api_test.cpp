// The library surface: serialization, logging, options and thread safety of one Extractor.
#include <algorithm>
#include <string>
#include <vector>

#include "catch.hpp"
#include "econind/econind.hpp"

TEST_CASE("CSV has a header and the same fields as JSONL", "[api]") {
  econind::Extractor ex;
  std::string text = "兰州高新区实现产值200多亿元，增长12%。";
  auto r = ex.extract(text);
  CHECK(econind::csv_header() ==
        "doc,kind,value,value_max,unit,qualifier,text,begin,end,subject,industry,metric,year,rank_of,change_from,"
        "sentence\n");
  std::string csv = econind::to_csv(r, text, "a.txt");
  CHECK(csv.find("a.txt,money,20000000000,,CNY,more_than,200多亿元,") == 0);
  CHECK(csv.find(R"("{""id"":""lanzhou-hitech"",""name"":""兰州高新区"")") != std::string::npos);
  CHECK(csv.find("\na.txt,percent,12,,%,exact,12%,") != std::string::npos);
}

TEST_CASE("JSONL values are exact and bytes point into the input", "[api]") {
  econind::Extractor ex;
  std::string text = "签约总额达128.64億元，占比54.03%。";
  std::string out = econind::to_jsonl(ex.extract(text), text, "d");
  CHECK(out.find(R"("value":12864000000,)") != std::string::npos);
  CHECK(out.find(R"("value":54.03,)") != std::string::npos);
  CHECK(out.find(R"("begin":15,"end":27)") != std::string::npos);
  CHECK(text.substr(15, 12) == "128.64億元");
}

TEST_CASE("the library is silent by default and logs to a sink the host sets", "[api]") {
  std::vector<std::string> lines;
  econind::set_log_sink([&](econind::LogLevel, std::string_view msg) { lines.emplace_back(msg); });
  econind::Extractor ex;
  ex.extract("产值200多亿元");
  CHECK(lines.empty());  // debug traces are off by default
  econind::set_log_level(econind::LogLevel::debug);
  ex.extract("产值200多亿元");
  econind::set_log_level(econind::LogLevel::warn);
  econind::set_log_sink(nullptr);
  REQUIRE_FALSE(lines.empty());
  CHECK(lines.front().find("money 20000000000") != std::string::npos);
}

TEST_CASE("bad text is data: diagnostics, never an exception", "[api]") {
  econind::Extractor ex;
  auto r = ex.extract(std::string("产值\xFF\xFE") + "200多亿元");
  REQUIRE(r.diagnostics.size() == 1);
  CHECK(r.diagnostics[0].code == econind::Diagnostic::Code::invalid_utf8);
  CHECK(r.diagnostics[0].span == econind::Span{6, 8});
  REQUIRE(r.indicators.size() == 1);
  CHECK(r.indicators[0].span == econind::Span{8, 20});
  auto big = ex.extract("产值" + std::string(40, '9') + "亿元");
  REQUIRE_FALSE(big.diagnostics.empty());
  CHECK(big.diagnostics[0].code == econind::Diagnostic::Code::out_of_range);
  CHECK(big.indicators.empty());
}

TEST_CASE("the version header agrees with the project", "[api]") {
  CHECK(std::string(econind::version_string) == ECONIND_VERSION_STRING);
  CHECK(ECONIND_VERSION_MAJOR == 0);
}

namespace {

// Extracts `copies` copies of `unit` as one document and checks that every copy gives what the
// first gives on its own, at its own bytes.
void check_long_document(const std::string& unit, std::size_t copies, bool with_change = false) {
  econind::Extractor ex;
  econind::Result one = ex.extract(unit);
  REQUIRE(one.indicators.size() >= 2);
  REQUIRE(with_change == std::any_of(one.indicators.begin(), one.indicators.end(),
                                     [](const econind::Indicator& i) { return i.change_from.has_value(); }));
  std::string text;
  for (std::size_t c = 0; c < copies; ++c) text += unit;
  REQUIRE(text.size() > 2 * (std::size_t{1} << 20));  // several windows
  econind::Result all = ex.extract(text);
  std::size_t k = one.indicators.size();
  REQUIRE(all.indicators.size() == copies * k);
  REQUIRE(all.mentions.size() == copies * one.mentions.size());
  for (std::size_t i = 0; i < all.indicators.size(); ++i) {
    const econind::Indicator& got = all.indicators[i];
    const econind::Indicator& want = one.indicators[i % k];
    std::size_t shift = (i / k) * unit.size();
    INFO("indicator " << i);
    REQUIRE(got.value == want.value);
    REQUIRE(got.span.begin == want.span.begin + shift);
    REQUIRE(text.substr(got.span.begin, got.span.size()) == got.text);
    REQUIRE(got.sentence.begin == want.sentence.begin + shift);
    REQUIRE(got.subject.has_value() == want.subject.has_value());
    if (got.subject) REQUIRE(got.subject->id() == want.subject->id());
    REQUIRE(got.year == want.year);
    REQUIRE(got.change_from.has_value() == want.change_from.has_value());
    if (got.change_from) REQUIRE(*got.change_from == *want.change_from + (i / k) * k);
  }
  for (std::size_t i = 0; i < all.mentions.size(); ++i)
    REQUIRE(all.mentions[i].span.begin == one.mentions[i % one.mentions.size()].span.begin +
                                              (i / one.mentions.size()) * unit.size());
}

}  // namespace

TEST_CASE("entity references stay valid while the result lives, the extractor gone", "[api]") {
  econind::Result r;
  {
    econind::Ontology o = econind::Ontology::builtin();
    o.load_text("id\ttype\tname_zh\tname_zh_hant\tname_en\tshort_zh\tshort_en\tparent\taliases\tattributes\n"
                "demo-park\tpark\t临河示范园区\t\tLinhe Demo Park\t临河园\tLinhe Park\t\t\t\n",
                "demo.tsv");
    const econind::Extractor extractor({}, std::move(o));
    r = extractor.extract("2023年临河园实现产值300亿元。");
  }
  REQUIRE(r.indicators.size() == 1);
  const econind::Indicator& i = r.indicators[0];
  REQUIRE(i.subject);
  CHECK(i.subject->id() == "demo-park");
  CHECK(i.subject->name() == "临河园");  // the short name: what news writes
  CHECK(i.subject->name_en() == "Linhe Park");
  CHECK(i.subject->type() == "park");
  CHECK(i.subject->entity == r.ontology->find("demo-park"));
  REQUIRE(i.metric);
  CHECK(i.metric->id() == "output_value");
  CHECK(i.year == 2023);
}

TEST_CASE("a document of many megabytes is read in windows that cut no figure", "[api]") {
  // Articles separated by blank lines, as in a concatenated archive.
  check_long_document(
      "2022年，西安高新区实现营业收入2.5万亿元，增长12.3%。\n"
      "园区工业产值从1.2万亿元增加到1.6万亿元。在全国169家国家高新区中，西安高新区排名第5位。\n\n",
      20000, true);
  // One line without a single line break: the windows end at sentence ends.
  check_long_document("武汉东湖高新区新增高新技术企业1200多家，占全市的45%。", 30000);
  // English without line breaks: the windows end between sentences or words.
  check_long_document("The Suzhou Industrial Park attracted US$3 million in 2021, up 12 percent. ", 40000);
}

TEST_CASE("JSONL escapes what JSON requires and repairs invalid UTF-8", "[api]") {
  econind::Extractor ex;
  std::string text = "“A\\B”\t\x01产值200亿元\"。";
  std::string out = econind::to_jsonl(ex.extract(text), text, "d\"1");
  CHECK(out.find(R"({"doc":"d\"1","kind":"money","value":20000000000,)") == 0);
  CHECK(out.find(R"("sentence":"“A\\B”\t\u0001产值200亿元\"。"})") != std::string::npos);
  std::string bad = "产值\xff 200亿元。";
  out = econind::to_jsonl(ex.extract(bad), bad, "d");
  CHECK(out.find("\"sentence\":\"产值\xEF\xBF\xBD 200亿元。\"}") != std::string::npos);
  CHECK(econind::to_csv(ex.extract(text), text, "d,1").find("\"d,1\",money,20000000000,,CNY,") == 0);
}
