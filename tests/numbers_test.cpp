// The number grammar, one form at a time and in running text.
#include <algorithm>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "catch.hpp"
#include "econind/numbers.hpp"
#include "numbers/scanner.hpp"

using econind::NumberKind;
using econind::NumberStatus;
using econind::parse_number;
using Q = econind::Qualifier;
using K = econind::NumberKind;

namespace {

struct Form {
  const char* text;
  const char* value;
  const char* value_max;  // nullptr: not a range
  Q qualifier;
  K kind;
};

// Every group of forms the grammar reads: Arabic, Chinese, financial, colloquial, mixed,
// English, ordinals, fractions, ranges and qualifiers.
const Form kForms[] = {
    {"0", "0", nullptr, Q::exact, K::cardinal},
    {"7", "7", nullptr, Q::exact, K::cardinal},
    {"12", "12", nullptr, Q::exact, K::cardinal},
    {"2158", "2158", nullptr, Q::exact, K::cardinal},
    {"1,200", "1200", nullptr, Q::exact, K::cardinal},
    {"1，200", "1200", nullptr, Q::exact, K::cardinal},
    {"12,345,678", "12345678", nullptr, Q::exact, K::cardinal},
    {"14.2", "14.2", nullptr, Q::exact, K::cardinal},
    {"0.11", "0.11", nullptr, Q::exact, K::cardinal},
    {"3.83", "3.83", nullptr, Q::exact, K::cardinal},
    {"128.64", "128.64", nullptr, Q::exact, K::cardinal},
    {"１２３", "123", nullptr, Q::exact, K::cardinal},
    {"１２．５", "12.5", nullptr, Q::exact, K::cardinal},
    {"1 200", "1200", nullptr, Q::exact, K::cardinal},
    {"1 200 000", "1200000", nullptr, Q::exact, K::cardinal},
    {"-3.5", "-3.5", nullptr, Q::exact, K::cardinal},
    {"+12", "12", nullptr, Q::exact, K::cardinal},
    {"一", "1", nullptr, Q::exact, K::cardinal},
    {"二", "2", nullptr, Q::exact, K::cardinal},
    {"两", "2", nullptr, Q::exact, K::cardinal},
    {"三", "3", nullptr, Q::exact, K::cardinal},
    {"十", "10", nullptr, Q::exact, K::cardinal},
    {"十二", "12", nullptr, Q::exact, K::cardinal},
    {"二十", "20", nullptr, Q::exact, K::cardinal},
    {"二十三", "23", nullptr, Q::exact, K::cardinal},
    {"一百", "100", nullptr, Q::exact, K::cardinal},
    {"一百零五", "105", nullptr, Q::exact, K::cardinal},
    {"一百二十三", "123", nullptr, Q::exact, K::cardinal},
    {"两百", "200", nullptr, Q::exact, K::cardinal},
    {"三百五十", "350", nullptr, Q::exact, K::cardinal},
    {"一千", "1000", nullptr, Q::exact, K::cardinal},
    {"一千零一", "1001", nullptr, Q::exact, K::cardinal},
    {"两千零五", "2005", nullptr, Q::exact, K::cardinal},
    {"三千二百", "3200", nullptr, Q::exact, K::cardinal},
    {"九千九百九十九", "9999", nullptr, Q::exact, K::cardinal},
    {"一万", "10000", nullptr, Q::exact, K::cardinal},
    {"三万五千", "35000", nullptr, Q::exact, K::cardinal},
    {"十万", "100000", nullptr, Q::exact, K::cardinal},
    {"一百万", "1000000", nullptr, Q::exact, K::cardinal},
    {"一千万", "10000000", nullptr, Q::exact, K::cardinal},
    {"一亿", "100000000", nullptr, Q::exact, K::cardinal},
    {"三亿五千万", "350000000", nullptr, Q::exact, K::cardinal},
    {"一万五千亿", "1500000000000", nullptr, Q::exact, K::cardinal},
    {"十四点二", "14.2", nullptr, Q::exact, K::cardinal},
    {"三点一四", "3.14", nullptr, Q::exact, K::cardinal},
    {"零点五", "0.5", nullptr, Q::exact, K::cardinal},
    {"二〇二一", "2021", nullptr, Q::exact, K::cardinal},
    {"廿", "20", nullptr, Q::exact, K::cardinal},
    {"廿三", "23", nullptr, Q::exact, K::cardinal},
    {"卅", "30", nullptr, Q::exact, K::cardinal},
    {"壹佰", "100", nullptr, Q::exact, K::cardinal},
    {"贰拾", "20", nullptr, Q::exact, K::cardinal},
    {"叁仟", "3000", nullptr, Q::exact, K::cardinal},
    {"壹万贰仟", "12000", nullptr, Q::exact, K::cardinal},
    {"伍佰陆拾柒", "567", nullptr, Q::exact, K::cardinal},
    {"玖拾玖", "99", nullptr, Q::exact, K::cardinal},
    {"壹贰叁", "123", nullptr, Q::exact, K::cardinal},
    {"百余", "100", nullptr, Q::more_than, K::cardinal},
    {"千余", "1000", nullptr, Q::more_than, K::cardinal},
    {"一千二百余", "1200", nullptr, Q::more_than, K::cardinal},
    {"十多", "10", nullptr, Q::more_than, K::cardinal},
    {"十几", "10", nullptr, Q::more_than, K::cardinal},
    {"三十多", "30", nullptr, Q::more_than, K::cardinal},
    {"二十来", "20", nullptr, Q::approx, K::cardinal},
    {"1.42亿", "142000000", nullptr, Q::exact, K::cardinal},
    {"3万", "30000", nullptr, Q::exact, K::cardinal},
    {"2.5万亿", "2500000000000", nullptr, Q::exact, K::cardinal},
    {"200多亿", "20000000000", nullptr, Q::more_than, K::cardinal},
    {"5千万", "50000000", nullptr, Q::exact, K::cardinal},
    {"十四点二亿", "1420000000", nullptr, Q::exact, K::cardinal},
    {"1407 万", "14070000", nullptr, Q::exact, K::cardinal},
    {"128.64億", "12864000000", nullptr, Q::exact, K::cardinal},
    {"3万4000", "34000", nullptr, Q::exact, K::cardinal},
    {"25万6千", "256000", nullptr, Q::exact, K::cardinal},
    {"1,100万", "11000000", nullptr, Q::exact, K::cardinal},
    {"1,100.9亿", "110090000000", nullptr, Q::exact, K::cardinal},
    {"30余万", "300000", nullptr, Q::more_than, K::cardinal},
    {"一千多万", "10000000", nullptr, Q::more_than, K::cardinal},
    {"三万五", "35000", nullptr, Q::exact, K::cardinal},
    {"一百二", "120", nullptr, Q::exact, K::cardinal},
    {"两千五", "2500", nullptr, Q::exact, K::cardinal},
    {"一亿五", "150000000", nullptr, Q::exact, K::cardinal},
    {"100多", "100", nullptr, Q::more_than, K::cardinal},
    {"0.5万", "5000", nullptr, Q::exact, K::cardinal},
    {"12.5万", "125000", nullptr, Q::exact, K::cardinal},
    {"3.2万亿", "3200000000000", nullptr, Q::exact, K::cardinal},
    {"1.5亿", "150000000", nullptr, Q::exact, K::cardinal},
    {"8千", "8000", nullptr, Q::exact, K::cardinal},
    {"2百", "200", nullptr, Q::exact, K::cardinal},
    {"3亿5000万", "350000000", nullptr, Q::exact, K::cardinal},
    {"十万八千", "108000", nullptr, Q::exact, K::cardinal},
    {"五十万", "500000", nullptr, Q::exact, K::cardinal},
    {"一百五十亿", "15000000000", nullptr, Q::exact, K::cardinal},
    {"one", "1", nullptr, Q::exact, K::cardinal},
    {"seven", "7", nullptr, Q::exact, K::cardinal},
    {"eleven", "11", nullptr, Q::exact, K::cardinal},
    {"twenty", "20", nullptr, Q::exact, K::cardinal},
    {"twenty-seven", "27", nullptr, Q::exact, K::cardinal},
    {"ninety-nine", "99", nullptr, Q::exact, K::cardinal},
    {"one hundred", "100", nullptr, Q::exact, K::cardinal},
    {"a hundred", "100", nullptr, Q::exact, K::cardinal},
    {"two hundred and fifty", "250", nullptr, Q::exact, K::cardinal},
    {"one thousand", "1000", nullptr, Q::exact, K::cardinal},
    {"three thousand five hundred", "3500", nullptr, Q::exact, K::cardinal},
    {"a dozen", "12", nullptr, Q::exact, K::cardinal},
    {"two dozen", "24", nullptr, Q::exact, K::cardinal},
    {"two and a half", "2.5", nullptr, Q::exact, K::cardinal},
    {"one million", "1000000", nullptr, Q::exact, K::cardinal},
    {"a million", "1000000", nullptr, Q::exact, K::cardinal},
    {"1.2 trillion", "1200000000000", nullptr, Q::exact, K::cardinal},
    {"14.2 billion", "14200000000", nullptr, Q::exact, K::cardinal},
    {"3.5bn", "3500000000", nullptr, Q::exact, K::cardinal},
    {"800 million", "800000000", nullptr, Q::exact, K::cardinal},
    {"2 mn", "2000000", nullptr, Q::exact, K::cardinal},
    {"5 thousand", "5000", nullptr, Q::exact, K::cardinal},
    {"first", "1", nullptr, Q::exact, K::ordinal},
    {"second", "2", nullptr, Q::exact, K::ordinal},
    {"third", "3", nullptr, Q::exact, K::ordinal},
    {"tenth", "10", nullptr, Q::exact, K::ordinal},
    {"twentieth", "20", nullptr, Q::exact, K::ordinal},
    {"twenty-first", "21", nullptr, Q::exact, K::ordinal},
    {"1st", "1", nullptr, Q::exact, K::ordinal},
    {"2nd", "2", nullptr, Q::exact, K::ordinal},
    {"3rd", "3", nullptr, Q::exact, K::ordinal},
    {"19th", "19", nullptr, Q::exact, K::ordinal},
    {"53rd", "53", nullptr, Q::exact, K::ordinal},
    {"101st", "101", nullptr, Q::exact, K::ordinal},
    {"1/4", "0.25", nullptr, Q::exact, K::cardinal},
    {"3/4", "0.75", nullptr, Q::exact, K::cardinal},
    {"1/3", "0.333333333333333", nullptr, Q::exact, K::cardinal},
    {"三分之一", "0.333333333333333", nullptr, Q::exact, K::cardinal},
    {"四分之三", "0.75", nullptr, Q::exact, K::cardinal},
    {"百分之三十", "30", nullptr, Q::exact, K::cardinal},
    {"百分之五十四点零三", "54.03", nullptr, Q::exact, K::cardinal},
    {"千分之五", "5", nullptr, Q::exact, K::cardinal},
    {"8万亿至10万亿", "8000000000000", "10000000000000", Q::exact, K::cardinal},
    {"100-200", "100", "200", Q::exact, K::cardinal},
    {"100~200", "100", "200", Q::exact, K::cardinal},
    {"3至5", "3", "5", Q::exact, K::cardinal},
    {"3到5万", "30000", "50000", Q::exact, K::cardinal},
    {"3 to 5 billion", "3000000000", "5000000000", Q::exact, K::cardinal},
    {"between 3 and 5", "3", "5", Q::exact, K::cardinal},
    {"10-20亿", "1000000000", "2000000000", Q::exact, K::cardinal},
    {"超过1,200", "1200", nullptr, Q::more_than, K::cardinal},
    {"超1200", "1200", nullptr, Q::more_than, K::cardinal},
    {"逾80", "80", nullptr, Q::more_than, K::cardinal},
    {"近50", "50", nullptr, Q::nearly, K::cardinal},
    {"约3", "3", nullptr, Q::approx, K::cardinal},
    {"大约100", "100", nullptr, Q::approx, K::cardinal},
    {"不到20", "20", nullptr, Q::less_than, K::cardinal},
    {"不足10", "10", nullptr, Q::less_than, K::cardinal},
    {"高于12", "12", nullptr, Q::more_than, K::cardinal},
    {"低于5", "5", nullptr, Q::less_than, K::cardinal},
    {"至少3", "3", nullptr, Q::at_least, K::cardinal},
    {"最多8", "8", nullptr, Q::at_most, K::cardinal},
    {"接近100", "100", nullptr, Q::nearly, K::cardinal},
    {"将近300", "300", nullptr, Q::nearly, K::cardinal},
    {"more than 200", "200", nullptr, Q::more_than, K::cardinal},
    {"over 100", "100", nullptr, Q::more_than, K::cardinal},
    {"nearly 30", "30", nullptr, Q::nearly, K::cardinal},
    {"about 40", "40", nullptr, Q::approx, K::cardinal},
    {"around 50", "50", nullptr, Q::approx, K::cardinal},
    {"almost 60", "60", nullptr, Q::nearly, K::cardinal},
    {"at least 3", "3", nullptr, Q::at_least, K::cardinal},
    {"up to 10", "10", nullptr, Q::at_most, K::cardinal},
    {"less than 5", "5", nullptr, Q::less_than, K::cardinal},
    {"fewer than 20", "20", nullptr, Q::less_than, K::cardinal},
    {"approximately 7", "7", nullptr, Q::approx, K::cardinal},
    {"some 200", "200", nullptr, Q::approx, K::cardinal},
    {"300左右", "300", nullptr, Q::approx, K::cardinal},
    {"50以上", "50", nullptr, Q::at_least, K::cardinal},
    {"10以下", "10", nullptr, Q::at_most, K::cardinal},
    {"20上下", "20", nullptr, Q::approx, K::cardinal},
    {"三四", "3", "4", Q::approx, K::cardinal},
    {"两三", "2", "3", Q::approx, K::cardinal},
    {"七八", "7", "8", Q::approx, K::cardinal},
};

}  // namespace

TEST_CASE("parse_number reads every form with its exact value, range and qualifier", "[numbers]") {
  for (const Form& f : kForms) {
    INFO(f.text);
    auto n = parse_number(f.text);
    REQUIRE(n);
    CHECK(n->status == NumberStatus::ok);
    CHECK(n->value.to_string() == f.value);
    if (f.value_max) {
      REQUIRE(n->value_max);
      CHECK(n->value_max->to_string() == f.value_max);
    } else {
      CHECK_FALSE(n->value_max);
    }
    CHECK(n->qualifier == f.qualifier);
    CHECK(n->kind == f.kind);
    CHECK(n->span.begin == 0);
    CHECK(n->span.end == std::strlen(f.text));
  }
}

TEST_CASE("vague quantities have no value", "[numbers]") {
  for (const char* s : {"数十", "几百", "上千", "成千上万", "好几十", "数万"}) {
    INFO(s);
    auto n = parse_number(s);
    REQUIRE(n);
    CHECK(n->status == NumberStatus::vague);
  }
}

TEST_CASE("things that are not numbers", "[numbers]") {
  for (const char* s : {"〇", "壹", "陆家嘴", "ICG-17", "4F", "5+N", "B2B", "5G", "COVID-19", "十四五", "一带一路",
                        "010-12345678", "13812345678", "万达", "hundreds", "dozens", "several", ""}) {
    INFO(s);
    CHECK_FALSE(parse_number(s));
  }
}

TEST_CASE("absurd numbers are out of range, not wrong", "[numbers]") {
  auto n = parse_number("9999999999999999999999");
  REQUIRE(n);
  CHECK(n->status == NumberStatus::out_of_range);
  CHECK(n->value.is_zero());
  std::string digits(10000, '7');
  auto big = parse_number(digits);
  REQUIRE(big);
  CHECK(big->status == NumberStatus::out_of_range);
  CHECK(big->span.end == digits.size());
  auto scaled = econind::scan_numbers("产值9999999999999999万亿元");
  REQUIRE_FALSE(scaled.empty());
  CHECK(scaled[0].status == NumberStatus::out_of_range);
}

TEST_CASE("years, dates, times and periods are marked, not counted", "[numbers]") {
  struct Case {
    const char* text;
    K kind;
    const char* value;
    const char* value_max;
  } cases[] = {
      {"2021年", K::year, "2021", nullptr},
      {"2021 年", K::year, "2021", nullptr},
      {"二〇二一年", K::year, "2021", nullptr},
      {"2022-03-10", K::date, "2022", nullptr},
      {"2022/3/10", K::date, "2022", nullptr},
      {"2022年5月", K::date, "2022", nullptr},
      {"2022年5月8日", K::date, "2022", nullptr},
      {"9月27日", K::date, "0", nullptr},
      {"27日", K::date, "0", nullptr},
      {"12:34", K::time, "0", nullptr},
      {"1997-2017", K::period, "1997", "2017"},
      {"1997-2017 年", K::period, "1997", "2017"},
      {"2019-2020", K::period, "2019", "2020"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    auto n = parse_number(c.text);
    REQUIRE(n);
    CHECK(n->kind == c.kind);
    CHECK(n->value.to_string() == c.value);
    if (c.value_max) CHECK(n->value_max->to_string() == c.value_max);
  }
}

TEST_CASE("Arabic numbers read the same however long and wherever they stand", "[numbers]") {
  // A short number is read as one 64-bit mantissa, a long one, or one near the end of the text,
  // through its digits as text: each must have the value Decimal::from_string gives its digits.
  std::mt19937 rng(7);
  for (int digits = 1; digits <= 20; ++digits) {
    for (int fraction = 0; fraction <= 20; fraction += 3) {
      for (int tail = 0; tail <= 12; tail += 3) {
        std::string number(1, static_cast<char>('5' + rng() % 5));  // no phone number (1…)
        for (int k = 1; k < digits; ++k) number += static_cast<char>('0' + rng() % 10);
        if (fraction) number += '.';
        for (int k = 0; k < fraction; ++k) number += static_cast<char>('0' + rng() % 10);
        std::string text = "共有" + number + "家";
        for (int k = 0; k < tail; ++k) text += "企业";
        INFO(text);
        auto ns = econind::scan_numbers(text);
        REQUIRE(ns.size() == 1);
        CHECK(ns[0].span.end == 6 + number.size());
        if (auto expected = econind::Decimal::from_string(number)) {
          CHECK(ns[0].status == NumberStatus::ok);
          CHECK(ns[0].value == *expected);
        } else {
          CHECK(ns[0].status == NumberStatus::out_of_range);
        }
      }
    }
  }
}

TEST_CASE("scan_numbers finds numbers in running text with spans into the original", "[numbers]") {
  std::string text = "截至 2017 年年底，共有 152 家园区，其中超过 30% 的高新區(qū)达 15 家。";
  auto ns = econind::scan_numbers(text);
  std::vector<std::string> seen;
  for (auto& n : ns) seen.push_back(text.substr(n.span.begin, n.span.end - n.span.begin));
  CHECK(seen == std::vector<std::string>{"2017 年", "152", "超过 30", "15"});
  REQUIRE(ns.size() == 4);
  CHECK(ns[0].kind == K::year);
  CHECK(ns[2].qualifier == Q::more_than);
  CHECK(ns[3].value.to_string() == "15");
}

TEST_CASE("English dates and years in running text", "[numbers]") {
  std::string text = "LANZHOU, September 20 -- In 2021 the zone, set up in March 1991, ranked 19th.";
  auto ns = econind::scan_numbers(text);
  REQUIRE(ns.size() == 4);
  CHECK(ns[0].kind == K::date);
  CHECK(ns[1].kind == K::year);
  CHECK(ns[1].value.to_string() == "2021");
  CHECK(ns[2].kind == K::date);
  CHECK(ns[2].value.to_string() == "1991");
  CHECK(ns[3].kind == K::ordinal);
  CHECK(ns[3].value.to_string() == "19");
  auto e = econind::scan_numbers("It ranked seventh in the 2022 evaluation of 2,100 firms.");
  REQUIRE(e.size() == 3);
  CHECK(e[1].kind == K::year);
  CHECK(e[1].value.to_string() == "2022");
  CHECK(e[2].kind == K::cardinal);
  auto f = econind::scan_numbers("In the evaluation for 2022 it ranked 4th; funds for 2000 projects were set aside.");
  REQUIRE(f.size() == 3);
  CHECK(f[0].kind == K::year);
  CHECK(f[2].kind == K::cardinal);
  // A year's word before it, but a counted noun after it: a count.
  auto c = econind::scan_numbers("It is home to a total of 2000 high-tech enterprises, set up in 2005.");
  REQUIRE(c.size() == 2);
  CHECK(c[0].kind == K::cardinal);
  CHECK(c[1].kind == K::year);
  // At the start of a sentence.
  auto s = econind::scan_numbers("In the 2023 ranking it rose 2 places.");
  REQUIRE(s.size() == 2);
  CHECK(s[0].kind == K::year);
  CHECK(s[0].value.to_string() == "2023");
}

namespace {

// The text of each number scan_numbers finds.
std::vector<std::string> numbers_in(const std::string& text) {
  std::vector<std::string> seen;
  for (auto& n : econind::scan_numbers(text)) seen.push_back(text.substr(n.span.begin, n.span.end - n.span.begin));
  return seen;
}

}  // namespace

TEST_CASE("English number words are found in any case, and only as whole words", "[numbers]") {
  // The scanner passes over words by their first two letters and length before it parses any.
  CHECK(numbers_in("The Five-Year Plan: TWENTY firms, Twenty-seven parks, a hundred plants, A dozen labs, "
                   "there were forty-two and a half, for the first time, THIRTEENTH place, seventeen thousand, "
                   "one hundred and five, fivefold, often, anyone, tens, thirds.") ==
        std::vector<std::string>{"Five", "TWENTY", "Twenty-seven", "a hundred", "A dozen", "forty-two and a half",
                                 "first", "THIRTEENTH", "seventeen thousand", "one hundred and five"});
}

TEST_CASE("numerals inside set phrases are no numbers, next to them they are", "[numbers]") {
  CHECK(numbers_in("十四五规划，一带一路，第一线，一成不变，九成九") == std::vector<std::string>{});
  CHECK(numbers_in("统一市场有一百二十家，三位一体之外还有十一家") ==
        std::vector<std::string>{"一", "一百二十", "十一"});
}

TEST_CASE("calendar shapes are matched exactly as their regular expressions match them", "[numbers]") {
  // The scanner matches dates, years, periods and times by hand; the regular expressions in
  // scanner_patterns() define them. Random strings of digit runs and the separators the
  // patterns know, half of them starting like a date, must get the same match from both.
  namespace d = econind::detail;
  const std::vector<std::string> digits = {"0",  "1",  "2",  "9",  "00", "01", "09",  "10",   "12",   "13",   "19",
                                           "20", "23", "24", "29", "30", "31", "32",  "59",   "60",   "99",   "123",
                                           "1899", "1999", "2021", "2100", "20215"};
  const std::vector<std::string> separators = {"",  "-", "/",  ".",  ":",  " ",  "年", "月", "日", "号", "至",
                                               "到", "–", "—", "~", "度", " 年", "年度", "x", "  ", "－"};
  const std::vector<std::string> date_separators = {"-", "/", ".", "年", "月", "日", "号"};
  std::mt19937 rng(20240229);
  auto pick = [&](const std::vector<std::string>& from) { return from[rng() % from.size()]; };
  const std::vector<std::string> names = {"date_ymd",   "date_ym_cn", "period", "year_cn",
                                          "date_md_cn", "date_d_cn",  "clock"};
  std::vector<d::ScannerPattern> shapes;
  for (const auto& p : d::scanner_patterns())
    if (std::find(names.begin(), names.end(), p.name) != names.end()) shapes.push_back(p);
  REQUIRE(shapes.size() == names.size());
  std::vector<std::size_t> matches(shapes.size(), 0);
  for (int k = 0; k < 200'000; ++k) {
    bool date_like = rng() % 2;
    std::string text;
    for (int part = 0, parts = 1 + static_cast<int>(rng() % 4); part < parts; ++part) {
      text += date_like && part == 0 ? pick({"2021", "1899", "2021"}) : pick(digits);
      text += pick(date_like ? date_separators : separators);
    }
    if (rng() % 3 == 0) text += pick(digits);
    for (std::size_t i = 0; i < shapes.size(); ++i) {
      auto by_hand = d::match_calendar_shape(shapes[i].name, text, 0);
      if (by_hand != d::match_scanner_pattern(shapes[i], text, 0)) {
        INFO(shapes[i].name << " on " << text);
        CHECK(by_hand == d::match_scanner_pattern(shapes[i], text, 0));
      }
      matches[i] += by_hand ? 1 : 0;
    }
  }
  for (std::size_t i = 0; i < shapes.size(); ++i) {
    INFO(shapes[i].name);
    CHECK(matches[i] > 300);  // every shape was matched, not only missed
  }
  CHECK_FALSE(d::match_calendar_shape("phone_number", "13812345678", 0));
}
