// The library surface: serialization, logging, options and thread safety of one Extractor.
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
