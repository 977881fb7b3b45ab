// Hostile input: each completes, returns well-formed output, and still finds the figures it
// should. How fast each is read beside news text is measured by bench/adversarial.cpp, not here.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "adversarial_inputs.hpp"
#include "catch.hpp"
#include "econind/econind.hpp"
#include "numbers/scanner.hpp"
#include "text/utf8.hpp"

using econind::Diagnostic;
using econind::Indicator;
using econind::Kind;
using econind::Result;
using econind::Span;
namespace adv = econind::adversarial;

namespace {

const econind::Extractor& extractor() {
  static const econind::Extractor ex;
  return ex;
}

// Every indicator, mention and diagnostic lies inside the text, in order, on character
// boundaries, with finite values; returns the number of problems (0 expected).
std::size_t problems(const Result& r, std::string_view text) {
  std::vector<bool> boundary(text.size() + 1, false);
  for (std::size_t i = 0; i < text.size(); i += econind::detail::decode_utf8(text, i).len) boundary[i] = true;
  boundary[text.size()] = true;
  std::size_t bad = 0;
  auto span_ok = [&](const Span& s) { return s.begin < s.end && s.end <= text.size() && boundary[s.begin] && boundary[s.end]; };
  std::size_t last = 0;
  for (const Indicator& i : r.indicators) {
    bool ok = span_ok(i.span) && i.span.begin >= last && i.text == text.substr(i.span.begin, i.span.size()) &&
              std::isfinite(i.value.to_double()) && (!i.value_max || i.value <= *i.value_max);
    bad += !ok;
    last = i.span.begin;
  }
  for (const auto& m : r.mentions) bad += !span_ok(m.span);
  for (const Diagnostic& d : r.diagnostics) bad += !span_ok(d.span);
  return bad;
}

const Indicator* find(const Result& r, Kind kind) {
  for (const Indicator& i : r.indicators)
    if (i.kind == kind) return &i;
  return nullptr;
}

std::size_t count(const Result& r, Diagnostic::Code code) {
  std::size_t n = 0;
  for (const Diagnostic& d : r.diagnostics) n += d.code == code;
  return n;
}

}  // namespace

TEST_CASE("10 MB without a newline reads as the same article repeated", "[adversarial]") {
  std::string flat(adv::news_sample());
  for (char& c : flat)
    if (c == '\n') c = ' ';
  Result one = extractor().extract(flat);
  REQUIRE(one.indicators.size() >= 15);
  const std::size_t copies = 10'000'000 / flat.size() + 1;
  std::string big = adv::repeat(flat, copies);
  REQUIRE(big.size() >= 10'000'000);
  REQUIRE(big.find('\n') == std::string::npos);
  Result r = extractor().extract(big);
  CHECK(problems(r, big) == 0);
  CHECK(r.diagnostics.empty());
  REQUIRE(r.indicators.size() == copies * one.indicators.size());
  // The last copy reads as the first: same figures, shifted by its offset.
  const std::size_t offset = (copies - 1) * flat.size();
  for (std::size_t k = 0; k < one.indicators.size(); ++k) {
    const Indicator& a = one.indicators[k];
    const Indicator& b = r.indicators[r.indicators.size() - one.indicators.size() + k];
    CHECK(b.kind == a.kind);
    CHECK(b.value == a.value);
    CHECK(b.unit == a.unit);
    CHECK(b.span.begin == a.span.begin + offset);
    CHECK(b.span.end == a.span.end + offset);
  }
}

TEST_CASE("a page flattened onto one line keeps its figures; only link bars are chrome", "[adversarial]") {
  // Link bars and spam lines of a page whose line breaks were lost: the line is long, so only the
  // sentences holding three or more '|' are chrome.
  std::string page = "首页 | 新闻中心 | 园区动态 | 联系我们 ";
  for (int i = 0; i < 40; ++i) page += "区内共有高新技术企业4100余家。";
  page += "免费影院|彩票开奖直播|金牌娱乐城注册送88元|最新手游。营业收入12亿元。";
  REQUIRE(page.size() > 1024);
  Result r = extractor().extract(page);
  CHECK(problems(r, page) == 0);
  // The first sentence holds the link bar and is chrome; so is the spam sentence with its 88元.
  REQUIRE(r.indicators.size() == 40);
  for (int i = 0; i < 39; ++i) CHECK(r.indicators[static_cast<std::size_t>(i)].text == "4100余家");
  CHECK(r.indicators.front().span.begin == page.find("4100余家", page.find("。")));
  CHECK(r.indicators.back().text == "12亿元");
  // The same link bar on a short line of its own is chrome as before.
  Result bar = extractor().extract("金牌娱乐城|注册送88元|彩票开奖直播|最新手游\n营业收入12亿元。");
  REQUIRE(bar.indicators.size() == 1);
  CHECK(bar.indicators[0].text == "12亿元");
}

TEST_CASE("1,000,000 digits are one number out of range, and the text around them still reads", "[adversarial]") {
  const std::string digits(1'000'000, '7');
  const std::string text = "营业收入" + digits + "亿元，增长12.5%。";
  Result r = extractor().extract(text);
  CHECK(problems(r, text) == 0);
  REQUIRE(count(r, Diagnostic::Code::out_of_range) == 1);
  const Diagnostic& d = r.diagnostics.front();
  CHECK(d.code == Diagnostic::Code::out_of_range);
  CHECK(d.span.begin == 12);  // after 营业收入
  CHECK(d.span.end >= 12 + digits.size());
  CHECK(find(r, Kind::money) == nullptr);
  const Indicator* p = find(r, Kind::percent);
  REQUIRE(p != nullptr);
  CHECK(p->value == econind::Decimal(125, -1));
  CHECK(p->text == "12.5%");
  // The number grammar alone says the same.
  auto numbers = econind::scan_numbers(text);
  REQUIRE(numbers.size() == 2);
  CHECK(numbers[0].status == econind::NumberStatus::out_of_range);
  CHECK(numbers[0].value.is_zero());
}

TEST_CASE("亿 repeated 100,000 times makes no absurd figure", "[adversarial]") {
  const std::string yi = adv::repeat("亿", 100'000);
  for (const std::string& text : {"收入1" + yi + "元", yi, "超" + yi + "元以上", "收入" + yi + "1亿元"}) {
    Result r = extractor().extract(text);
    CHECK(problems(r, text) == 0);
    for (const Indicator& i : r.indicators) CHECK(i.value <= econind::Decimal(1, 16));
  }
  // A number takes at most a few of the scale words (亿亿 is 10^16, 亿亿亿 would pass 10^24);
  // the rest of the run is not part of it.
  auto n = econind::scan_numbers("1" + yi);
  REQUIRE(!n.empty());
  CHECK(n[0].span.begin == 0);
  CHECK(n[0].span.end <= 1 + 3 * 3);
  CHECK(n[0].value >= econind::Decimal(1, 8));
  CHECK(n[0].value <= econind::Decimal(1, 24));
  // The figure after the run is found as usual.
  Result tail = extractor().extract("收入" + yi + "，营业收入1亿元");
  REQUIRE(!tail.indicators.empty());
  CHECK(tail.indicators.back().text == "1亿元");
  CHECK(tail.indicators.back().value == econind::Decimal(1, 8));
}

TEST_CASE("第 repeated reads only the last as an ordinal", "[adversarial]") {
  const std::string di = adv::repeat("第", 100'000);
  const std::string text = di + "53名";
  Result r = extractor().extract(text);
  CHECK(problems(r, text) == 0);
  REQUIRE(r.indicators.size() == 1);
  CHECK(r.indicators[0].kind == Kind::rank);
  CHECK(r.indicators[0].value == econind::Decimal(53));
  CHECK(r.indicators[0].text == "第53名");
  CHECK(r.indicators[0].span.begin == di.size() - 3);
  const std::string ordinals = adv::repeat("第一", 50'000);
  Result o = extractor().extract(ordinals);
  CHECK(problems(o, ordinals) == 0);
}

TEST_CASE("deeply nested and unbalanced parentheses in pinyin-artifact style", "[adversarial]") {
  // Nested: no parenthesis pair is a pinyin annotation, so all are kept.
  const std::string nested = "產" + adv::repeat("(", 50'000) + "chǎn" + adv::repeat(")", 50'000) + "值12億元";
  Result r = extractor().extract(nested);
  CHECK(problems(r, nested) == 0);
  REQUIRE(r.indicators.size() == 1);
  CHECK(r.indicators[0].text == "12億元");
  CHECK(r.indicators[0].value == econind::Decimal(12, 8));
  // Unbalanced, ASCII and full-width, with real annotations among them.
  const std::string unbalanced = adv::repeat("產(chǎn(yè(", 20'000) + adv::repeat("區（qū）（（", 20'000) +
                                 "產(chǎn)值12億(yì)元";
  Result u = extractor().extract(unbalanced);
  CHECK(problems(u, unbalanced) == 0);
  REQUIRE(!u.indicators.empty());
  CHECK(u.indicators.back().text == "12億(yì)元");
  CHECK(u.indicators.back().value == econind::Decimal(12, 8));
  // Only opening parentheses.
  const std::string opening = "营收" + adv::repeat("(", 1'000'000) + "12亿元";
  Result o = extractor().extract(opening);
  CHECK(problems(o, opening) == 0);
  REQUIRE(o.indicators.size() == 1);
  CHECK(o.indicators[0].text == "12亿元");
}

TEST_CASE("every class of invalid UTF-8 is reported with its exact bytes and repaired", "[adversarial]") {
  for (const adv::InvalidUtf8& c : adv::invalid_utf8_classes()) {
    INFO(c.name);
    const std::string text = "营收" + std::string(c.bytes) + "12亿元，增长3%";
    Result r = extractor().extract(text);
    CHECK(problems(r, text) == 0);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].code == Diagnostic::Code::invalid_utf8);
    CHECK(r.diagnostics[0].span == Span{6, 6 + c.bytes.size()});
    REQUIRE(r.indicators.size() == 2);
    CHECK(r.indicators[0].text == "12亿元");
    CHECK(r.indicators[0].span.begin == 6 + c.bytes.size());
    CHECK(r.indicators[0].value == econind::Decimal(12, 8));
    CHECK(r.indicators[1].text == "3%");
  }
  // Invalid bytes inside a figure end it: "12" then "5亿元" are read apart, never as 125亿元.
  Result split = extractor().extract("收入12\xFF" "5亿元");
  for (const Indicator& i : split.indicators) CHECK(i.value != econind::Decimal(125, 8));
  // More than a hundred runs: the first hundred are reported, then one "too many".
  const std::string many = adv::repeat("a\xFF", 150);
  Result m = extractor().extract(many);
  CHECK(problems(m, many) == 0);
  CHECK(count(m, Diagnostic::Code::invalid_utf8) == 100);
  REQUIRE(count(m, Diagnostic::Code::too_many) == 1);
  CHECK(m.diagnostics.back().code == Diagnostic::Code::too_many);
  CHECK(m.diagnostics.back().span == Span{201, many.size()});
  // A whole megabyte of every class.
  const auto inputs = adv::inputs(adv::news_sample(), 1'000'000, 1'000);
  for (const adv::Input& in : inputs) {
    if (in.name != "invalid UTF-8") continue;
    Result big = extractor().extract(in.text);
    CHECK(problems(big, in.text) == 0);
    CHECK(count(big, Diagnostic::Code::too_many) == 1);
    CHECK(big.indicators.size() >= 50'000);
  }
}

TEST_CASE("NUL bytes read as blanks", "[adversarial]") {
  static constexpr char kText[] = "营业收入\0" "128\0亿元\0\0增长12.5%\0";
  const std::string text(kText, sizeof kText - 1);
  Result r = extractor().extract(text);
  CHECK(problems(r, text) == 0);
  CHECK(r.diagnostics.empty());
  REQUIRE(r.indicators.size() == 2);
  CHECK(r.indicators[0].kind == Kind::money);
  CHECK(r.indicators[0].value == econind::Decimal(128, 8));
  CHECK(r.indicators[0].span == Span{13, 23});  // 128\0亿元: the NUL folds like a blank
  CHECK(r.indicators[1].value == econind::Decimal(125, -1));
  const std::string nuls(1'000'000, '\0');
  Result n = extractor().extract(nuls);
  CHECK(n.indicators.empty());
  CHECK(n.diagnostics.empty());
}

TEST_CASE("text in legacy encodings mixed into UTF-8", "[adversarial]") {
  const std::string utf8 = "营业收入128.64亿元。";
  const std::string text =
      utf8 + std::string(adv::gb18030_sample()) + std::string(adv::big5_sample()) + adv::utf16le_sample() + utf8;
  Result r = extractor().extract(text);
  CHECK(problems(r, text) == 0);
  // The UTF-8 figures on either side are found exactly.
  REQUIRE(r.indicators.size() >= 2);
  CHECK(r.indicators.front().text == "128.64亿元");
  CHECK(r.indicators.front().value == econind::Decimal(12864, 6));
  CHECK(r.indicators.back().text == "128.64亿元");
  CHECK(r.indicators.back().span.end == text.size() - 3);
  // The legacy bytes are reported, and no money is read from them (their 亿元 is not UTF-8).
  CHECK(count(r, Diagnostic::Code::invalid_utf8) > 0);
  std::size_t money = 0;
  for (const Indicator& i : r.indicators) money += i.kind == Kind::money;
  CHECK(money == 2);
  for (const Diagnostic& d : r.diagnostics) {
    CHECK(d.span.begin >= utf8.size());
    CHECK(d.span.end <= text.size() - utf8.size());
  }
}

TEST_CASE("a document date that is no date is ignored", "[adversarial]") {
  const std::string text = "今年营业收入12亿元。";
  for (const char* date : {"12ab", "0000-01-01", "-999-01-01", "9999-99-99", "2O22-01-01", "202", ""}) {
    INFO(date);
    Result r = extractor().extract(text, {"doc", date});
    REQUIRE(r.indicators.size() == 1);
    CHECK(!r.indicators[0].year);
  }
  Result ok = extractor().extract(text, {"doc", "2022-03-10"});
  REQUIRE(ok.indicators.size() == 1);
  CHECK(ok.indicators[0].year == 2022);
}

TEST_CASE("numbers past any range become out-of-range diagnostics, never wrong figures", "[adversarial]") {
  const char* const huge[] = {
      "营业收入99999999999999999999999999亿元",
      "营业收入1,000,000,000,000,000,000,000,000,000美元",
      "增长0.0000000000000000000000000001%",
      "企业18446744073709551616家",
      "营业收入9223372036854775808亿元",
      "revenue of 1000000000000000000 trillion yuan",
  };
  for (const char* t : huge) {
    INFO(t);
    const std::string text = t;
    Result r = extractor().extract(text);
    CHECK(problems(r, text) == 0);
    CHECK(r.indicators.empty());
    REQUIRE(count(r, Diagnostic::Code::out_of_range) == 1);
  }
  // The largest figures that fit are exact.
  Result big = extractor().extract("营业收入999999999999万亿元");
  REQUIRE(big.indicators.size() == 1);
  CHECK(big.indicators[0].value == econind::Decimal(999999999999, 12));
  CHECK(big.indicators[0].value.to_string() == "999999999999000000000000");
  CHECK(big.indicators[0].text == "999999999999万亿元");
}

TEST_CASE("each scanner regex on its worst case, bounded and unbounded", "[adversarial]") {
  // Near misses that keep every alternative of a pattern alive as long as possible, repeated:
  // each start either fails at the last character or, where the rest of the pattern is
  // optional, matches its required part. Without the window each still only ever tries a
  // bounded number of paths per start, since none has an unbounded or nested quantifier.
  struct Worst {
    const char* pattern;
    std::string near_miss;
    bool matches;  // at every start of the near miss
  };
  const std::vector<Worst> worst = {
      {"date_ymd", "2021-12-3", false},          {"date_ym_cn", "2021年12月3", true},
      {"period", "2021 - 202", false},           {"year_cn", "2021 ", false},
      {"date_md_cn", "12月3", true},             {"date_d_cn", "31", false},
      {"clock", "23:5", false},                  {"english_date_before", "September 2021, 202", true},
      {"english_date_after", "21st of Septembe", false}, {"phone_number", "010-1234567", false},
  };
  const auto patterns = econind::detail::scanner_patterns();
  REQUIRE(patterns.size() == worst.size());
  for (const auto& p : patterns) {
    INFO(p.name);
    auto w = std::find_if(worst.begin(), worst.end(), [&](const Worst& x) { return x.pattern == std::string(p.name); });
    REQUIRE(w != worst.end());
    const std::size_t reps = 5'000;
    const std::string text = adv::repeat(w->near_miss, reps);
    std::size_t matches = 0;
    for (std::size_t pos = 0; pos < text.size(); pos += w->near_miss.size()) {
      auto bounded = econind::detail::match_scanner_pattern(p, text, pos, true);
      auto unbounded = econind::detail::match_scanner_pattern(p, text, pos, false);
      CHECK(bounded == unbounded);  // no match ever needs more than the window
      // The last near miss ends the text, where nothing follows to make it miss.
      bool last = pos + w->near_miss.size() == text.size();
      if (bounded) {
        matches += last ? 0 : 1;
        CHECK(*bounded > pos);
        CHECK(*bounded - pos <= 48);
      }
    }
    CHECK(matches == (w->matches ? reps - 1 : 0));
  }
  // And through the scanner, which tries the patterns at every digit.
  for (const Worst& w : worst) {
    const std::string text = adv::repeat_to(w.near_miss + " ", 100'000);
    Result r = extractor().extract(text);
    CHECK(problems(r, text) == 0);
  }
}

TEST_CASE("inputs the fuzzers once broke", "[adversarial]") {
  // 0/4: dividing zero scaled the numerator forever (fuzz/regressions/*/zero_*).
  CHECK(econind::Decimal::divide(econind::Decimal(0), econind::Decimal(4)) == econind::Decimal(0));
  auto zero = econind::scan_numbers("0/4");
  REQUIRE(zero.size() == 1);
  CHECK(zero[0].value.is_zero());
  CHECK(zero[0].span == Span{0, 3});
  // ½ reads as 1⁄2: both numbers lie inside the one character and map to all of it.
  const std::string half = "½";
  for (const auto& n : econind::scan_numbers(half)) CHECK(n.span == Span{0, half.size()});
  // A figure past 2^63 is no year (its test once converted it to int64).
  auto huge = econind::scan_numbers("营收18446744073709551616");
  REQUIRE(huge.size() == 1);
  CHECK(huge[0].kind == econind::NumberKind::cardinal);
  // An overflowed Chinese numeral has no value, not what was left of it.
  auto over = econind::scan_numbers("9+" + std::string(32, '9') + "亿" + std::string(16, '9') + "亿");
  for (const auto& n : over)
    if (n.status == econind::NumberStatus::out_of_range) CHECK(n.value.is_zero());
  // Four digits after an English date that are no year are not its year (the dateline once made
  // 今年 the year 2821), nor swallowed by it.
  Result far = extractor().extract("BEIJING, September 20, 2821 (Xinhua) -- 今年产值增长了两成多。");
  REQUIRE(far.indicators.size() == 1);
  CHECK(!far.indicators[0].year);
  Result firms = extractor().extract("On September 20, 3000 companies joined the zone.");
  REQUIRE(firms.indicators.size() == 1);
  CHECK(firms.indicators[0].kind == Kind::count);
  CHECK(firms.indicators[0].value == econind::Decimal(3000));
  // 一二 is a pair ("one or two"), not the denominator of a fraction: the fraction once took the
  // value of the part after 分之 and kept the pair's upper end, 23 to 2.
  auto pair = econind::scan_numbers("一二分之二十三");
  REQUIRE(pair.size() == 2);
  CHECK(pair[0].value == econind::Decimal(1));
  CHECK(pair[0].value_max == econind::Decimal(2));
  CHECK(pair[1].value == econind::Decimal(23));
  CHECK(!pair[1].value_max);
  // ⒒ reads as "11.": the number maps to the whole character, not to its first two bytes.
  auto eleven = econind::scan_numbers("\x92⒒");
  REQUIRE(eleven.size() == 1);
  CHECK(eleven[0].value == econind::Decimal(11));
  CHECK(eleven[0].span == Span{1, 4});
  // A range connector or 分之 at the very end of the text.
  for (const char* t : {"1-", "12至", "三分之", "8万亿至"}) {
    INFO(t);
    auto ns = econind::scan_numbers(t);
    REQUIRE(!ns.empty());
    CHECK(!ns[0].value_max);
  }
}
