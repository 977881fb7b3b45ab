// Linking: which place, industry, metric and year each figure belongs to.
#include <string>
#include <vector>

#include "catch.hpp"
#include "econind/extractor.hpp"
#include "econind/serialize.hpp"

using econind::Extractor;
using econind::Indicator;

namespace {

const Extractor& extractor() {
  static const Extractor ex;
  return ex;
}

std::string id(const std::optional<econind::EntityRef>& e) { return std::string(e ? e->id() : "-"); }

// The indicator whose text is `text`.
const Indicator& find(const econind::Result& r, const std::string& text) {
  for (const Indicator& i : r.indicators)
    if (i.text == text) return i;
  FAIL("no indicator " << text);
  return r.indicators.front();
}

}  // namespace

TEST_CASE("subject: the clause's own place, else the sentence's, parks before regions", "[link]") {
  auto r = extractor().extract("2017年中山火炬高新区实现科工贸产值377亿元，带动中山市实现806亿元产值规模。");
  CHECK(id(find(r, "377亿元").subject) == "zhongshan-torch-hitech");
  CHECK(id(find(r, "806亿元").subject) == "zhongshan");
  auto s = extractor().extract("甘肃省兰州高新区集聚生物医药企业200多家，实现产值200多亿元。");
  CHECK(id(find(s, "200多家").subject) == "lanzhou-hitech");
  CHECK(id(find(s, "200多亿元").subject) == "lanzhou-hitech");
  auto e = extractor().extract("The Lanzhou High-tech Zone in Gansu province moved up 12 places to rank 41st.");
  CHECK(id(find(e, "moved up 12 places").subject) == "lanzhou-hitech");
  CHECK(id(find(e, "41st").subject) == "lanzhou-hitech");
}

TEST_CASE("subject: anaphors and the place the text was last about", "[link]") {
  auto r = extractor().extract("兰州高新区召开工作会议。据介绍，区内新增省级创新平台31家。目前拥有企业300家。");
  CHECK(id(find(r, "31家").subject) == "lanzhou-hitech");
  CHECK(id(find(r, "300家").subject) == "lanzhou-hitech");
  auto e = extractor().extract(
      "Wuhan East Lake High-tech Zone reported strong growth. Photonics remains the zone's signature industry, "
      "with more than 6,000 companies.");
  CHECK(id(find(e, "more than 6,000").subject) == "wuhan-east-lake-hitech");
}

TEST_CASE("subject: national totals, the country, and datelines", "[link]") {
  auto r = extractor().extract("2021年兰州高新区在全国157家国家高新区年度综合排名中位列第53名，较上年度提升12位。");
  const Indicator& count = find(r, "157家");
  CHECK(id(count.subject) == "national-hitech-zones");
  const Indicator& rank = find(r, "第53名");
  CHECK(id(rank.subject) == "lanzhou-hitech");
  REQUIRE(rank.rank_of);
  CHECK(rank.rank_of->to_string() == "157");
  CHECK(id(rank.metric) == "ranking");
  CHECK(id(find(r, "提升12位").subject) == "lanzhou-hitech");
  auto y = extractor().extract("2022年，长三角地区集成电路产业规模突破3000亿元，占全国近六成。");
  CHECK(id(find(y, "突破3000亿元").subject) == "yangtze-river-delta");
  auto c = extractor().extract("近十年来，我国医药工业总产值持续保持着高于12%的增速。");
  CHECK(id(find(c, "高于12%").subject) == "china");
  auto d = extractor().extract("LANZHOU, September 20 -- Lanzhou High-tech Zone has more than 200 biomedical companies.");
  CHECK(id(find(d, "more than 200").subject) == "lanzhou-hitech");
  // A rank's country or zones are the field it is ranked in: the park is still the subject.
  auto k = extractor().extract("兰州高新区新增专利1200件，专利数量居全国第8，在国家高新区中排名第30位。");
  CHECK(id(find(k, "第8").subject) == "lanzhou-hitech");
  CHECK(id(find(k, "第30位").subject) == "lanzhou-hitech");
  auto n = extractor().extract("Lanzhou High-tech Zone added 1,200 patents. Among national high-tech zones, it ranked 8th.");
  CHECK(id(find(n, "8th").subject) == "lanzhou-hitech");
}

TEST_CASE("subject: one company's figures belong to no place", "[link]") {
  auto r = extractor().extract("西安高新区新增企业420家。另一家韩国半导体企业宣布在西安高新区追加投资8亿美元，"
                               "一家本地药企营收增长30%。");
  CHECK(id(find(r, "420家").subject) == "xian-hitech");
  CHECK(id(find(r, "8亿美元").subject) == "-");
  CHECK(id(find(r, "30%").subject) == "-");
  auto e = extractor().extract("In Xi'an High-tech Zone, a startup making lidar raised 40 million yuan.");
  CHECK(id(find(e, "40 million yuan").subject) == "-");
  // 第一家 is no company of its own: the park is still the subject.
  auto f = extractor().extract("西安高新区成为西北第一家营业收入突破3000亿元的园区。");
  CHECK(id(find(f, "突破3000亿元").subject) == "xian-hitech");
}

TEST_CASE("subject: counts of an event's sessions and attendees belong to no place", "[link]") {
  auto r = extractor().extract("第三届西部光电产业论坛在西安高新区举行，30余位院士和500多名企业代表与会。"
                               "论坛已连续举办3届。西安高新区光电企业已达600余家。");
  CHECK(id(find(r, "30余位").subject) == "-");
  CHECK(id(find(r, "500多名").subject) == "-");
  CHECK(id(find(r, "3届").subject) == "-");
  CHECK(id(find(r, "600余家").subject) == "xian-hitech");
  auto e = extractor().extract("The fair in Xi'an High-tech Zone drew more than 3,000 exhibitors and 120 companies signed deals.");
  CHECK(id(find(e, "more than 3,000").subject) == "-");
  // Experts, guests and forums are an event's too; a talent a zone has gained is the zone's.
  auto g = extractor().extract("合肥高新区举办创新大会，邀请50余位行业专家和200多位嘉宾，设8场论坛。"
                               "合肥高新区新增2名科学家当选院士。");
  CHECK(id(find(g, "50余位").subject) == "-");
  CHECK(id(find(g, "200多位").subject) == "-");
  CHECK(id(find(g, "8场").subject) == "-");
  CHECK(id(find(g, "2名").subject) == "hefei-hitech");
  auto f = extractor().extract("Hefei High-tech Zone hosted a summit where more than 80 experts spoke at 6 forums.");
  CHECK(id(find(f, "more than 80").subject) == "-");
  CHECK(id(find(f, "6").subject) == "-");
}

TEST_CASE("subject: \"the zone\" before a country named in passing", "[link]") {
  auto r = extractor().extract(
      "Hefei High-tech Zone keeps growing. The zone, a project backed by the governments of China and "
      "Germany since 2001, has drawn 300 research institutions. China has 178 such zones.");
  CHECK(id(find(r, "300").subject) == "hefei-hitech");
  CHECK(id(find(r, "178").subject) == "china");
}

TEST_CASE("subject: the park the text is about, not the zones it was ranked among", "[link]") {
  auto e = extractor().extract("Hefei High-tech Zone ranked 7th among national high-tech zones. "
                               "It hosts more than 60 quantum companies.");
  CHECK(id(find(e, "more than 60").subject) == "hefei-hitech");
  auto r = extractor().extract("合肥高新区在国家高新区综合评价中排名第7。量子企业已有60多家。");
  CHECK(id(find(r, "60多家").subject) == "hefei-hitech");
  // A text about the zones taken together keeps them.
  auto n = extractor().extract("国家高新区营业收入稳步增长。高新技术企业超过10万家。");
  CHECK(id(find(n, "超过10万家").subject) == "national-hitech-zones");
}

TEST_CASE("subject: English names the place of what is counted after it", "[link]") {
  // The last figure of the text, its place past the end of the figure and its noun.
  auto r = extractor().extract("Hefei High-tech Zone works with the more than 40 research institutes in Beijing.");
  CHECK(id(find(r, "more than 40").subject) == "beijing");
  auto z = extractor().extract("Hefei High-tech Zone drew 300 firms in the Yangtze River Delta and 20 in Hefei.");
  CHECK(id(find(z, "300").subject) == "yangtze-river-delta");
}

TEST_CASE("subject: a count of the zones taken together, in English too", "[link]") {
  auto r = extractor().extract("Hefei High-tech Zone was among the first 27 state-level high-tech zones in China.");
  CHECK(id(find(r, "27").subject) == "national-hitech-zones");
  auto n = extractor().extract("Hefei High-tech Zone is one of 178 national-level high-tech zones.");
  CHECK(id(find(n, "178").subject) == "national-hitech-zones");
}

TEST_CASE("industry and metric: the words governing the figure", "[link]") {
  auto r = extractor().extract(
      "兰州高新区生物医药产业实现产值200多亿元。在投洽会期间共计签约12个项目，签约总额达128.64亿元。"
      "科技进步对经济增长的贡献率达到62%。");
  const Indicator& output = find(r, "200多亿元");
  CHECK(id(output.industry) == "biomedicine");
  CHECK(id(output.metric) == "output_value");
  CHECK(id(find(r, "12个").metric) == "project_count");
  CHECK(id(find(r, "128.64亿元").metric) == "contracted_investment");
  CHECK(id(find(r, "62%").metric) == "contribution_rate");
  auto e = extractor().extract("There are more than 200 biomedical enterprises, with an output value of 14.2 billion yuan.");
  CHECK(id(find(e, "14.2 billion yuan").metric) == "output_value");
  CHECK(id(find(e, "more than 200").industry) == "biomedicine");
}

TEST_CASE("year: the clause's year, a clause-opening year, running totals", "[link]") {
  auto r = extractor().extract("据介绍，2021年区内新增平台31家，新引进企业100多家。截至2017年年底，共有152家园区。目前累计落户项目180个。");
  CHECK(find(r, "31家").year == 2021);
  CHECK(find(r, "100多家").year == 2021);
  CHECK(find(r, "152家").year == 2017);
  CHECK_FALSE(find(r, "180个").year);
  auto e = extractor().extract("Optics Valley reported revenue of more than 1.3 trillion yuan in 2022.");
  CHECK(find(e, "more than 1.3 trillion yuan").year == 2022);
  auto t = extractor().extract(
      "The zone had 1,200 high-tech enterprises by the end of 2023, and aims for 2,000 enterprises by 2025. "
      "It has drawn 30 billion yuan of investment since 2015. Revenue rose 9% during 2021.");
  CHECK(find(t, "1,200").year == 2023);
  CHECK(find(t, "2,000").year == 2025);
  CHECK_FALSE(find(t, "30 billion yuan").year);  // a running total
  CHECK(find(t, "9%").year == 2021);
  auto c = extractor().extract("In the 2022 evaluation, Hefei High-tech Zone ranked 5th.");
  CHECK(find(c, "5th").year == 2022);
}

TEST_CASE("year: plans, openings of several words, a year elsewhere in the sentence", "[link]") {
  // 到2025年 opens the clause of a plan; "By the end of 2022," an English clause.
  auto r = extractor().extract("根据规划，到2025年，园区生物医药产值力争突破800亿元，培育上市企业12家。");
  CHECK(find(r, "突破800亿元").year == 2025);
  CHECK(find(r, "12家").year == 2025);
  auto e = extractor().extract("By the end of 2022, the park was home to 640 high-tech enterprises.");
  CHECK(find(e, "640").year == 2022);
  auto n = extractor().extract("The zone rose to 11th place in the 2023 national evaluation, up four places.");
  CHECK(find(n, "11th").year == 2023);
  CHECK(find(n, "up four places").year == 2023);
  // No year opens a clause: a year earlier in the sentence, in another clause, still dates it.
  auto s = extractor().extract("省科技厅发布的2023年度高新区评价显示，武进高新区位列第5位，较上年提升2位。");
  CHECK(find(s, "第5位").year == 2023);
  CHECK(find(s, "提升2位").year == 2023);
  // Not a year that starts a span of time: what follows is a running total.
  auto t = extractor().extract("该展会自2009年以来，已在苏州举办14届。");
  CHECK_FALSE(find(t, "14届").year);
  // A clause-opening year of the paragraph comes first.
  auto u = extractor().extract("2021年，园区团队获2020年度省科技进步奖，新增专利320件。");
  CHECK(find(u, "320件").year == 2021);
}

TEST_CASE("year and change: 1997-2017年…从X增加到Y", "[link]") {
  auto r = extractor().extract("1997-2017 年，园区生产总值从 3.83 亿元增加到 141.27 亿元，生物产业贡献达 80%。");
  REQUIRE(r.indicators.size() == 3);
  CHECK(r.indicators[0].year == 1997);
  CHECK(r.indicators[1].year == 2017);
  CHECK_FALSE(r.indicators[2].year);
  CHECK_FALSE(r.indicators[0].change_from);
  REQUIRE(r.indicators[1].change_from);
  CHECK(*r.indicators[1].change_from == 0);
  CHECK(id(r.indicators[1].metric) == "gdp");
}

TEST_CASE("year: a change word at the very end of a sentence still reaches the figure after it", "[link]") {
  auto r = extractor().extract("1997-2017年，园区产值5亿元增加到。8亿元为全年产值。");
  CHECK_FALSE(find(r, "5亿元").year);
  CHECK(find(r, "8亿元").year == 2017);
}

TEST_CASE("an anaphor opening a long sentence reaches every figure in it", "[link]") {
  std::string text = "兰州高新区召开工作会议。区内";
  for (int i = 0; i < 500; ++i) text += "企业从3家增加到5家";
  text += "。";
  auto r = extractor().extract(text);
  REQUIRE(r.indicators.size() == 1000);
  for (std::size_t i = 0; i < r.indicators.size(); ++i) {
    const Indicator& ind = r.indicators[i];
    CHECK(id(ind.subject) == "lanzhou-hitech");
    if (i % 2 == 1) {
      REQUIRE(ind.change_from);
      CHECK(*ind.change_from == i - 1);
    } else {
      CHECK_FALSE(ind.change_from);
    }
  }
}

TEST_CASE("year: 今年 and 去年 count from the document date or its dateline", "[link]") {
  econind::DocumentInfo info;
  info.date = "2022-03-10";
  auto r = extractor().extract("去年新增企业50家，今年签约项目12个。", info);
  CHECK(find(r, "50家").year == 2021);
  CHECK(find(r, "12个").year == 2022);
  auto d = extractor().extract("作者:李明 2023-05-16 09:12\n今年签约项目12个。");
  CHECK(find(d, "12个").year == 2023);
  // English puts them after the figure; a comparison is not the figure's year (nor in Chinese).
  auto e = extractor().extract("Its exports grew 18 percent last year. Sales were up 6 percent from last year, "
                               "and profit 4 percent higher than last year.", info);
  CHECK(find(e, "18 percent").year == 2021);
  CHECK_FALSE(find(e, "6 percent").year);
  CHECK_FALSE(find(e, "4 percent").year);
  auto c = extractor().extract("园区产值达到300亿元比去年增长12%。", info);
  CHECK_FALSE(find(c, "300亿元").year);
  CHECK_FALSE(find(c, "12%").year);  // grown over last year: of this year, which nothing names
}

TEST_CASE("mentions point into the original text", "[link]") {
  std::string text = "凝聚合力 蘭州高新區(qū)著力打造新增長點";
  auto r = extractor().extract(text);
  REQUIRE_FALSE(r.mentions.empty());
  const auto& m = r.mentions.front();
  CHECK(m.entity->id == "lanzhou-hitech");
  CHECK(m.entity->usual_name() == "兰州高新区");
  CHECK(text.substr(m.span.begin, m.span.size()) == "蘭州高新區");
}

TEST_CASE("a user ontology adds places the extractor then links to", "[link]") {
  econind::Ontology o = econind::Ontology::builtin();
  o.load_text(
      "id\ttype\tname_zh\tname_zh_hant\tname_en\tshort_zh\tshort_en\tparent\taliases\tattributes\n"
      "xian-coffee-street\tpark\t西安创业咖啡街区\t西安創業咖啡街區\tXi'an Startup Coffee Street\t\t\t\t咖啡街区\tkind=industrial_park\n",
      "mine.tsv");
  Extractor ex(econind::Options{}, o);
  auto r = ex.extract("西安创业咖啡街区先后举办 60 余场活动。");
  CHECK(id(find(r, "60 余场").subject) == "xian-coffee-street");
  CHECK(id(extractor().extract("西安创业咖啡街区先后举办 60 余场活动。").indicators.at(0).subject) != "xian-coffee-street");
}

TEST_CASE("JSONL carries entities as objects and the year as a number", "[link]") {
  std::string text = "2021年兰州高新区实现产值200多亿元。";
  auto r = extractor().extract(text);
  std::string line = econind::to_jsonl(r, text, "a.txt");
  CHECK(line.find(R"("subject":{"id":"lanzhou-hitech","name":"兰州高新区","name_en":"Lanzhou High-tech Zone","type":"park"})") !=
        std::string::npos);
  CHECK(line.find(R"("year":2021)") != std::string::npos);
  CHECK(line.find(R"("value":20000000000)") != std::string::npos);
}
