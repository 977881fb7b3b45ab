// Indicators: money, percent, count, rank and rank change, one expression at a time and in text.
#include <string>
#include <vector>

#include "catch.hpp"
#include "econind/extractor.hpp"
#include "econind/indicator.hpp"

using econind::Indicator;
using econind::Kind;
using Q = econind::Qualifier;

namespace {

struct Case {
  const char* text;
  Kind kind;
  const char* value;
  const char* value_max;  // nullptr: not a range
  const char* unit;
  Q qualifier;
};

void check(const Case& c) {
  INFO(c.text);
  econind::Extractor ex;
  auto r = ex.extract(c.text);
  REQUIRE(r.indicators.size() == 1);
  const Indicator& i = r.indicators.front();
  CHECK(i.kind == c.kind);
  CHECK(i.value.to_string() == c.value);
  if (c.value_max) {
    REQUIRE(i.value_max);
    CHECK(i.value_max->to_string() == c.value_max);
  } else {
    CHECK_FALSE(i.value_max);
  }
  CHECK(i.unit == c.unit);
  CHECK(i.qualifier == c.qualifier);
}

std::vector<std::string> texts(const econind::Result& r) {
  std::vector<std::string> out;
  for (const auto& i : r.indicators) out.push_back(i.text);
  return out;
}

}  // namespace

TEST_CASE("parse_money: 200多亿元 is 20000000000 CNY, more_than", "[quantities]") {
  auto m = econind::parse_money("200多亿元");
  REQUIRE(m);
  CHECK(m->kind == Kind::money);
  CHECK(m->value.to_string() == "20000000000");
  CHECK(m->unit == "CNY");
  CHECK(m->qualifier == Q::more_than);
  CHECK_FALSE(econind::parse_money("34所高校"));
  CHECK_FALSE(econind::parse_money("投资3亿元和5亿元"));
  CHECK(econind::parse_count("34所高校")->value.to_string() == "34");
  CHECK(econind::parse_percent("百分之三十")->value.to_string() == "30");
  CHECK(econind::parse_rank("位列第53名")->value.to_string() == "53");
}

TEST_CASE("money in every currency and form", "[quantities]") {
  const Case cases[] = {
      {"200多亿元", Kind::money, "20000000000", nullptr, "CNY", Q::more_than},
      {"128.64億元", Kind::money, "12864000000", nullptr, "CNY", Q::exact},
      {"14.2 billion yuan", Kind::money, "14200000000", nullptr, "CNY", Q::exact},
      {"近50亿元", Kind::money, "5000000000", nullptr, "CNY", Q::nearly},
      {"超1200亿元", Kind::money, "120000000000", nullptr, "CNY", Q::more_than},
      {"约3亿元", Kind::money, "300000000", nullptr, "CNY", Q::approx},
      {"1407 万元", Kind::money, "14070000", nullptr, "CNY", Q::exact},
      {"3.83 亿元", Kind::money, "383000000", nullptr, "CNY", Q::exact},
      {"0.11 亿元", Kind::money, "11000000", nullptr, "CNY", Q::exact},
      {"2.3 亿元", Kind::money, "230000000", nullptr, "CNY", Q::exact},
      {"超亿元", Kind::money, "100000000", nullptr, "CNY", Q::more_than},
      {"5000元", Kind::money, "5000", nullptr, "CNY", Q::exact},
      {"2万亿元", Kind::money, "2000000000000", nullptr, "CNY", Q::exact},
      {"一千多万元", Kind::money, "10000000", nullptr, "CNY", Q::more_than},
      {"百亿元", Kind::money, "10000000000", nullptr, "CNY", Q::exact},
      {"人民币3.5亿元", Kind::money, "350000000", nullptr, "CNY", Q::exact},
      {"8亿元人民币", Kind::money, "800000000", nullptr, "CNY", Q::exact},
      {"RMB 3.5 billion", Kind::money, "3500000000", nullptr, "CNY", Q::exact},
      {"US$3 million", Kind::money, "3000000", nullptr, "USD", Q::exact},
      {"$170 billion", Kind::money, "170000000000", nullptr, "USD", Q::exact},
      {"5亿美元", Kind::money, "500000000", nullptr, "USD", Q::exact},
      {"300 million US dollars", Kind::money, "300000000", nullptr, "USD", Q::exact},
      {"12亿港元", Kind::money, "1200000000", nullptr, "HKD", Q::exact},
      {"HK$2.5 billion", Kind::money, "2500000000", nullptr, "HKD", Q::exact},
      {"3000万欧元", Kind::money, "30000000", nullptr, "EUR", Q::exact},
      {"€40 million", Kind::money, "40000000", nullptr, "EUR", Q::exact},
      {"50亿日元", Kind::money, "5000000000", nullptr, "JPY", Q::exact},
      {"20億新台幣", Kind::money, "2000000000", nullptr, "TWD", Q::exact},
      {"NT$1.2 billion", Kind::money, "1200000000", nullptr, "TWD", Q::exact},
      {"新台幣4.3兆元", Kind::money, "4300000000000", nullptr, "TWD", Q::exact},
      {"8万亿至10万亿元", Kind::money, "8000000000000", "10000000000000", "CNY", Q::exact},
      {"100-200万元", Kind::money, "1000000", "2000000", "CNY", Q::exact},
      {"between 3 and 5 billion yuan", Kind::money, "3000000000", "5000000000", "CNY", Q::exact},
      {"50亿元以上", Kind::money, "5000000000", nullptr, "CNY", Q::at_least},
      {"more than RMB 3 billion", Kind::money, "3000000000", nullptr, "CNY", Q::more_than},
      {"总收入逾八万亿", Kind::money, "8000000000000", nullptr, "CNY", Q::more_than},
  };
  for (const Case& c : cases) check(c);
}

TEST_CASE("two currencies side by side are two records", "[quantities]") {
  econind::Extractor ex;
  auto r = ex.extract("1.2 trillion yuan ($170 billion)");
  REQUIRE(r.indicators.size() == 2);
  CHECK(r.indicators[0].value.to_string() == "1200000000000");
  CHECK(r.indicators[0].unit == "CNY");
  CHECK(r.indicators[1].value.to_string() == "170000000000");
  CHECK(r.indicators[1].unit == "USD");
}

TEST_CASE("percentages and percentage points", "[quantities]") {
  const Case cases[] = {
      {"54.03%", Kind::percent, "54.03", nullptr, "%", Q::exact},
      {"62%", Kind::percent, "62", nullptr, "%", Q::exact},
      {"12 %", Kind::percent, "12", nullptr, "%", Q::exact},
      {"５０％", Kind::percent, "50", nullptr, "%", Q::exact},
      {"百分之三十", Kind::percent, "30", nullptr, "%", Q::exact},
      {"百分之五十四点零三", Kind::percent, "54.03", nullptr, "%", Q::exact},
      {"三成", Kind::percent, "30", nullptr, "%", Q::exact},
      {"两成多", Kind::percent, "20", nullptr, "%", Q::more_than},
      {"20 percent", Kind::percent, "20", nullptr, "%", Q::exact},
      {"20 per cent", Kind::percent, "20", nullptr, "%", Q::exact},
      {"8‰", Kind::percent, "8", nullptr, "‰", Q::exact},
      {"千分之五", Kind::percent, "5", nullptr, "‰", Q::exact},
      {"2个百分点", Kind::percent, "2", nullptr, "pp", Q::exact},
      {"0.9 个百分点", Kind::percent, "0.9", nullptr, "pp", Q::exact},
      {"3 percentage points", Kind::percent, "3", nullptr, "pp", Q::exact},
      {"超过 30%", Kind::percent, "30", nullptr, "%", Q::more_than},
      {"高于 12%", Kind::percent, "12", nullptr, "%", Q::more_than},
      {"30%左右", Kind::percent, "30", nullptr, "%", Q::approx},
      {"more than 40 percent", Kind::percent, "40", nullptr, "%", Q::more_than},
      {"-3.5%", Kind::percent, "-3.5", nullptr, "%", Q::exact},
  };
  for (const Case& c : cases) check(c);
  econind::Extractor ex;
  auto r = ex.extract("贡献率达80%");
  REQUIRE(r.indicators.size() == 1);
  CHECK(r.indicators[0].text == "80%");  // 达 is not a qualifier
  CHECK(r.indicators[0].qualifier == Q::exact);
  auto f = ex.extract("园区营收的三成来自海外市场，二十来家企业参与。");
  REQUIRE(f.indicators.size() == 2);
  CHECK(f.indicators[0].text == "三成");  // 来自 is "comes from", not 来 "about"
  CHECK(f.indicators[0].qualifier == Q::exact);
  CHECK(f.indicators[1].text == "二十来家");
  CHECK(f.indicators[1].qualifier == Q::approx);
}

TEST_CASE("counts with classifiers and counted nouns", "[quantities]") {
  const Case cases[] = {
      {"200多家企业", Kind::count, "200", nullptr, "家", Q::more_than},
      {"a total of 2000 enterprises", Kind::count, "2000", nullptr, "enterprises", Q::exact},
      {"2158 家", Kind::count, "2158", nullptr, "家", Q::exact},
      {"34所高校", Kind::count, "34", nullptr, "所", Q::exact},
      {"100多家", Kind::count, "100", nullptr, "家", Q::more_than},
      {"1名科学家", Kind::count, "1", nullptr, "名", Q::exact},
      {"12个项目", Kind::count, "12", nullptr, "个", Q::exact},
      {"12個項目", Kind::count, "12", nullptr, "個", Q::exact},
      {"20余位院士", Kind::count, "20", nullptr, "位", Q::more_than},
      {"百余位", Kind::count, "100", nullptr, "位", Q::more_than},
      {"超过7000人", Kind::count, "7000", nullptr, "人", Q::more_than},
      {"三批", Kind::count, "3", nullptr, "批", Q::exact},
      {"29项", Kind::count, "29", nullptr, "项", Q::exact},
      {"16届", Kind::count, "16", nullptr, "届", Q::exact},
      {"17 期", Kind::count, "17", nullptr, "期", Q::exact},
      {"60 余场", Kind::count, "60", nullptr, "场", Q::more_than},
      {"5座", Kind::count, "5", nullptr, "座", Q::exact},
      {"3.2万人", Kind::count, "32000", nullptr, "人", Q::exact},
      {"两个", Kind::count, "2", nullptr, "个", Q::exact},
      {"１２３张", Kind::count, "123", nullptr, "张", Q::exact},
      {"more than 200 biomedical companies", Kind::count, "200", nullptr, "companies", Q::more_than},
      {"1,200 scientific research institutions", Kind::count, "1200", nullptr, "institutions", Q::exact},
      {"34 colleges and universities", Kind::count, "34", nullptr, "colleges and universities", Q::exact},
      {"100 national innovative industrial clusters", Kind::count, "100", nullptr, "clusters", Q::exact},
      {"One hundred national innovative industrial clusters", Kind::count, "100", nullptr, "clusters", Q::exact},
      {"more than a hundred industry experts", Kind::count, "100", nullptr, "experts", Q::more_than},
  };
  for (const Case& c : cases) check(c);
}

TEST_CASE("ranks and rank changes", "[quantities]") {
  const Case cases[] = {
      {"第53名", Kind::rank, "53", nullptr, "", Q::exact},
      {"位列第53名", Kind::rank, "53", nullptr, "", Q::exact},
      {"排名第3", Kind::rank, "3", nullptr, "", Q::exact},
      {"居全国第3位", Kind::rank, "3", nullptr, "", Q::exact},
      {"全国第19", Kind::rank, "19", nullptr, "", Q::exact},
      {"第三个", Kind::rank, "3", nullptr, "", Q::exact},
      {"前20", Kind::rank, "20", nullptr, "", Q::at_most},
      {"前20名", Kind::rank, "20", nullptr, "", Q::at_most},
      {"排名前三", Kind::rank, "3", nullptr, "", Q::at_most},
      {"TOP20", Kind::rank, "20", nullptr, "", Q::at_most},
      {"Top 10", Kind::rank, "10", nullptr, "", Q::at_most},
      {"世界500强", Kind::rank, "500", nullptr, "", Q::at_most},
      {"the 19th nationally", Kind::rank, "19", nullptr, "", Q::exact},
      {"ranked 53rd", Kind::rank, "53", nullptr, "", Q::exact},
      {"ranked third", Kind::rank, "3", nullptr, "", Q::exact},
      {"No. 1", Kind::rank, "1", nullptr, "", Q::exact},
      {"提升12位", Kind::rank_change, "12", nullptr, "", Q::exact},
      {"上升5位", Kind::rank_change, "5", nullptr, "", Q::exact},
      {"前进3位", Kind::rank_change, "3", nullptr, "", Q::exact},
      {"下降2位", Kind::rank_change, "-2", nullptr, "", Q::exact},
      {"up 12 places", Kind::rank_change, "12", nullptr, "", Q::exact},
      {"down three places", Kind::rank_change, "-3", nullptr, "", Q::exact},
  };
  for (const Case& c : cases) check(c);
}

TEST_CASE("a rank among a counted field carries rank_of", "[quantities]") {
  econind::Extractor ex;
  auto r = ex.extract("2021年兰州高新区在全国157家国家高新区年度综合排名中位列第53名，较上年度提升12位。");
  REQUIRE(r.indicators.size() == 3);
  CHECK(r.indicators[0].kind == Kind::count);
  CHECK(r.indicators[1].kind == Kind::rank);
  REQUIRE(r.indicators[1].rank_of);
  CHECK(r.indicators[1].rank_of->to_string() == "157");
  CHECK(r.indicators[2].kind == Kind::rank_change);
  auto e = ex.extract("Optics Valley ranked 3rd among 178 national high-tech zones.");
  REQUIRE(e.indicators.size() == 2);
  CHECK(e.indicators[0].rank_of->to_string() == "178");
}

TEST_CASE("what is never an indicator", "[quantities]") {
  econind::Extractor ex;
  const char* texts_without[] = {
      "2021年",
      "2022-03-10 12:34",
      "9月27日举行",
      "“十四五”的良好开局",
      "第十七届国际基因组学大会(ICG-17)",
      "the 3rd China Expo and the 8th Meeting",
      "第二十七屆蘭州投資貿易洽談會",
      "一期累计投入；二期将在京内外建厂；三期实现",
      "双4F国际机场",
      "“5+N”模式",
      "1997-2017 年",
      "电话010-12345678",
      "规划面积约44平方公里",
      "历时 5 年，开街一周年，24 小时",
      "数十家企业和多家机构，一批项目",
      "一家企业，一个平台",
      "构建四位一体金融体系",
      "确立首位产业，产业是发展第一要务",
      "On the 19th, dozens of parks attended",
      "In the 30 years since, nearly 30 years",
      "九九九中文|国产精品|注册送88元|最新手游下载",
      "位居全国第一方阵",
  };
  for (const char* t : texts_without) {
    INFO(t);
    CHECK(texts(ex.extract(t)).empty());
  }
}

TEST_CASE("spans point into the original bytes, artifacts and blanks included", "[quantities]") {
  econind::Extractor ex;
  std::string text = "集聚各類藥企共計200多家，實(shí)現(xiàn)產(chǎn)值200多億元，簽約總額達128.64億元。";
  auto r = ex.extract(text);
  CHECK(texts(r) == std::vector<std::string>{"200多家", "200多億元", "128.64億元"});
  for (const auto& i : r.indicators) CHECK(text.substr(i.span.begin, i.span.size()) == i.text);
  auto s = ex.extract("共有 152 家园区");
  CHECK(texts(s) == std::vector<std::string>{"152 家"});
}

TEST_CASE("options choose the languages; the document's language hint overrides", "[quantities]") {
  econind::Options chinese_only;
  chinese_only.english = false;
  econind::Extractor ex(chinese_only);
  auto r = ex.extract("产值200多亿元。Revenue rose 12 percent.");
  REQUIRE(r.indicators.size() == 1);
  CHECK(r.indicators[0].text == "200多亿元");
  econind::DocumentInfo zh;
  zh.language = "zh";
  CHECK(ex.extract("Revenue rose 12 percent.", zh).indicators.size() == 1);
}

TEST_CASE("options choose the kinds", "[quantities]") {
  econind::Options only_money;
  only_money.count = only_money.percent = only_money.rank = false;
  econind::Extractor ex(only_money);
  auto r = ex.extract("企业200多家，产值200多亿元，增长12%，位列第3名。");
  REQUIRE(r.indicators.size() == 1);
  CHECK(r.indicators[0].kind == Kind::money);
}
