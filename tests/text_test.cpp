#include <unicode/translit.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "adversarial_inputs.hpp"
#include "catch.hpp"
#include "invariants.hpp"
#include "text/normalize.hpp"
#include "text/sentences.hpp"
#include "text/utf8.hpp"

using econind::Span;
using econind::detail::normalize;

namespace {
std::string original(std::string_view in, const econind::detail::NormalizedText& n, Span norm) {
  Span o = n.map.to_original(norm);
  return std::string(in.substr(o.begin, o.end - o.begin));
}
}  // namespace

TEST_CASE("normalize folds full-width characters and Traditional to Simplified") {
  CHECK(normalize("１２３家").text == "123家");
  CHECK(normalize("５０％").text == "50%");
  CHECK(normalize("1，200").text == "1,200");
  CHECK(normalize("蘭州高新區").text == "兰州高新区");
  CHECK(normalize("128.64億元").text == "128.64亿元");
  CHECK(normalize("plain ASCII stays").text == "plain ASCII stays");
}

TEST_CASE("normalize drops pinyin annotations but keeps real parentheses") {
  CHECK(normalize("產(chǎn)業(yè)").text == "产业");
  CHECK(normalize("蘭州高新區(qū)").text == "兰州高新区");
  CHECK(normalize("辦法(试行)").text == "办法(试行)");
  CHECK(normalize("大会(ICG-17)").text == "大会(ICG-17)");
  CHECK(normalize("图(Data Map)").text == "图(Data Map)");
  CHECK(normalize("中国(china)").text == "中国(china)");
}

TEST_CASE("normalize folds blanks between numbers and units only") {
  CHECK(normalize("2158 家").text == "2158家");
  CHECK(normalize("3.83 亿元").text == "3.83亿元");
  CHECK(normalize("12 %").text == "12%");
  CHECK(normalize("共有 152 家").text == "共有152家");
  CHECK(normalize("more than 200 companies").text == "more than 200 companies");
  CHECK(normalize("R&D 投入").text == "R&D 投入");
}

TEST_CASE("offset map points back into the original bytes") {
  std::string in = "實現(xiàn)產(chǎn)值200多億元";
  auto n = normalize(in);
  REQUIRE(n.text == "实现产值200多亿元");
  auto pos = n.text.find("200");
  CHECK(original(in, n, {pos, n.text.size()}) == "200多億元");
  CHECK(original(in, n, {0, 6}) == "實現");
  CHECK(original(in, n, {0, 9}) == "實現(xiàn)產");

  std::string fw = "共计１２３ 家企业";
  auto m = normalize(fw);
  REQUIRE(m.text == "共计123家企业");
  CHECK(original(fw, m, {6, 12}) == "１２３ 家");
  CHECK(original(fw, m, {7, 8}) == "２");
}

TEST_CASE("offset map: every span maps back to the pieces it was made of") {
  // Pieces whose normalized form is known, in a pseudo-random order: full-width digits put a
  // region on every character, dropped annotations make regions of no length.
  struct Piece {
    std::string_view in, out;
    std::size_t mapped;  // the bytes of `in` that `out` maps back to: not a dropped annotation
  };
  const Piece pieces[] = {{"１", "1", 3}, {"a", "a", 1},     {"實", "实", 3},
                          {"產(chǎn)", "产", 3}, {"，", ",", 3}, {"增长", "增长", 6}};
  std::string in;
  std::vector<Span> from, to;  // each piece's bytes in the input and in the normalized text
  std::size_t out = 0;
  for (unsigned k = 0, x = 7; k < 3000; ++k) {
    x = x * 1103515245u + 12345u;
    const Piece& p = pieces[k < 1000 ? 0 : (x >> 16) % std::size(pieces)];  // 1000 digits first
    from.push_back({in.size(), in.size() + p.mapped});
    to.push_back({out, out + p.out.size()});
    in += p.in;
    out += p.out.size();
  }
  auto n = normalize(in);
  REQUIRE(n.text.size() == out);
  REQUIRE(n.map.region_count() > 1000);
  for (std::size_t k = 0; k < to.size(); ++k) {
    REQUIRE(n.map.to_original(to[k]) == from[k]);
    std::size_t j = (k * 7919) % to.size();  // a span over many pieces
    if (j > k) REQUIRE(n.map.to_original({to[k].begin, to[j].end}) == Span{from[k].begin, from[j].end});
  }
  CHECK(n.map.to_original({0, 0}) == Span{0, 0});
  CHECK(n.map.to_original_begin(out) == in.size());
  CHECK(n.map.to_original_end(out) == from.back().end);
}

TEST_CASE("offset map lookups with a hint agree with lookups without one") {
  std::string in;
  for (int k = 0; k < 40; ++k) in += "實現(xiàn)產(chǎn)值１２３ 億元，增長12 %。 Output rose.\n";
  auto n = normalize(in);
  REQUIRE(n.map.region_count() > 200);
  std::size_t forward = 0, backward = 0, jumps = 0;
  for (std::size_t b = 0; b < n.text.size(); ++b) {
    Span s{b, std::min(n.text.size(), b + 7)};
    REQUIRE(n.map.to_original(s, &forward) == n.map.to_original(s));
    Span t{n.text.size() - 1 - b, n.text.size() - b};  // positions going down: the hint is behind
    REQUIRE(n.map.to_original(t, &backward) == n.map.to_original(t));
    Span u{(b * 7919) % n.text.size(), n.text.size()};  // jumping about
    REQUIRE(n.map.to_original(u, &jumps) == n.map.to_original(u));
  }
}

TEST_CASE("invalid UTF-8 becomes U+FFFD with a diagnostic") {
  std::string in = "ab\xFF\xFE" "cd\xE4\xB8";
  auto n = normalize(in);
  CHECK(n.text == "ab\xEF\xBF\xBD\xEF\xBF\xBD" "cd\xEF\xBF\xBD\xEF\xBF\xBD");
  REQUIRE(n.diagnostics.size() == 2);
  CHECK(n.diagnostics[0].span == Span{2, 4});
  CHECK(n.diagnostics[1].span == Span{6, 8});
  CHECK(original(in, n, {2, 5}) == "\xFF");
}

TEST_CASE("overlong and surrogate forms inside Chinese text are invalid bytes, not characters") {
  // E0 87 84 would decode to U+01C4 (DŽ, three bytes folded), E0 85 BF to U+017F (ſ, folded to
  // s), ED A0 80 to a surrogate. At every offset, so the run is read 16 bytes at a time too.
  for (std::size_t k = 0; k < 8; ++k) {
    INFO(k);
    std::string zh;
    for (std::size_t i = 0; i < k; ++i) zh += "产值";
    std::string in = zh + "增长\xA2\xE0\x85\xBF\x9E" "加\xE0\x87\x84到\xED\xA0\x80" + zh;
    auto n = normalize(in);
    std::string bad = "\xEF\xBF\xBD";
    CHECK(n.text == zh + "增长" + bad + bad + bad + bad + bad + "加" + bad + bad + bad + "到" + bad + bad + bad + zh);
    REQUIRE(n.diagnostics.size() == 3);
    std::size_t at = zh.size() + 6;
    CHECK(n.diagnostics[0].span == Span{at, at + 5});
    CHECK(n.diagnostics[1].span == Span{at + 8, at + 11});
    CHECK(n.diagnostics[2].span == Span{at + 14, at + 17});
  }
}

TEST_CASE("a character that expands to several of its own length maps back as a whole") {
  // ⑴ → "(1)" and ⒒ → "11.": three bytes each way, but no byte of the piece is a byte of the
  // character.
  for (std::string zh : {"", "第", "第一批第二批第三批"}) {
    INFO(zh);
    std::string in = zh + "⑴项增长⒒%";
    auto n = normalize(in);
    REQUIRE(n.text == zh + "(1)项增长11.%");
    std::size_t one = zh.size() + 1;
    CHECK(original(in, n, {one, one + 1}) == "⑴");
    std::size_t eleven = n.text.find("11.");
    CHECK(original(in, n, {eleven, eleven + 2}) == "⒒");
    CHECK(original(in, n, {eleven + 2, eleven + 3}) == "⒒");  // the '.', inside the expansion
    CHECK(original(in, n, {eleven + 2, eleven + 4}) == "%");   // begins past the character's start
    CHECK(original(in, n, {0, one}) == zh + "⑴");
  }
}

TEST_CASE("normalize reads the same at every offset, where it goes 16 bytes at a time") {
  for (std::size_t k = 0; k < 40; ++k) {
    INFO(k);
    std::string pad(k, 'a');
    // Blanks: kept after a word, folded between a number and '%' or a unit.
    CHECK(normalize(pad + "x 12 %y, and  more 3 ok").text == pad + "x 12%y, and  more 3 ok");
    CHECK(normalize(pad + " 7 家" + pad).text == pad + " 7家" + pad);
    // Full-width punctuation and Traditional characters in a run of Chinese text, and where
    // they map back to.
    std::string zh;
    for (std::size_t i = 0; i < k; ++i) zh += "中";
    std::string in = zh + "產業，發展：" + zh + "產(chǎn)業";
    auto n = normalize(in);
    REQUIRE(n.text == zh + "产业,发展:" + zh + "产业");
    CHECK(original(in, n, {zh.size() + 6, zh.size() + 7}) == "，");
    CHECK(original(in, n, {zh.size() + 7, zh.size() + 13}) == "發展");
    CHECK(original(in, n, {n.text.size() - 6, n.text.size()}) == "產(chǎn)業");
  }
}

TEST_CASE("normalize's fast paths read as its one-character-at-a-time path") {
  // Pieces that each take another branch of the fast paths, joined in every order of two and
  // put at every offset of a 16-byte block.
  const std::vector<std::string> pieces = {
      "产值", "產業", "，", "（", "(chǎn)", "(试行)", "⑴", "⒒", "½", "１２３", "50 %", "2158 家", " ",
      "\t\t", "\xE3\x80\x80", "\xA2\xE0\x85\xBF\x9E", "\xE0\x87\x84", "\xED\xA0\x80", "\xE4\xB8", "\n",
      std::string("\0", 1), "more than 200 companies", "ǅ", "😀", "ﬁ"};
  for (std::size_t k = 0; k < 16; ++k) {
    for (const std::string& a : pieces) {
      for (const std::string& b : pieces) {
        std::string in = std::string(k, 'x') + a + b + "中" + a;
        std::string parted = econind::fuzz::normalize_disagreement(in);
        INFO(in);
        REQUIRE(parted.empty());
      }
    }
  }
  std::vector<std::string> texts;
  for (const char* dir : {ECONIND_TEST_CORPUS_DIR, ECONIND_TEST_ARTICLES_DIR}) {
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
      std::ifstream in(e.path(), std::ios::binary);
      texts.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
  }
  REQUIRE(texts.size() > 30);
  texts.emplace_back(econind::adversarial::news_sample());
  texts.emplace_back(econind::adversarial::gb18030_sample());
  texts.emplace_back(econind::adversarial::big5_sample());
  texts.emplace_back(econind::adversarial::utf16le_sample());
  for (const std::string& text : texts) {
    std::string parted = econind::fuzz::normalize_disagreement(text);
    INFO(text.substr(0, 80));
    CHECK(parted.empty());
  }
}

TEST_CASE("NUL and control bytes are read as blanks") {
  std::string in("a\0b", 3);
  CHECK(normalize(in).text == "a b");
}

TEST_CASE("sentences split at Chinese and English terminators") {
  std::string t = "第一句。第二句！He said No. 1 is 3.5 big. Next one\n新段落；尾";
  auto s = econind::detail::split_sentences(t);
  std::vector<std::string> got;
  for (auto& x : s) got.push_back(t.substr(x.span.begin, x.span.end - x.span.begin));
  CHECK(got == std::vector<std::string>{"第一句。", "第二句！", "He said No. 1 is 3.5 big.", "Next one", "新段落；", "尾"});
  CHECK(s[3].paragraph == 0);
  CHECK(s[4].paragraph == 1);
}

TEST_CASE("sentences end at the same marks at every offset, where they are found 16 bytes at a time") {
  for (std::size_t k = 0; k < 40; ++k) {
    INFO(k);
    std::string pad(k, 'a');
    std::string t = pad + "、“引号”。" + pad + "…b！c|d";
    auto s = econind::detail::split_sentences(t);
    std::vector<std::string> got;
    for (auto& x : s) got.push_back(t.substr(x.span.begin, x.span.end - x.span.begin));
    CHECK(got == std::vector<std::string>{pad + "、“引号”。", pad + "…", "b！", "c|d"});
  }
}

TEST_CASE("the Traditional-to-Simplified table agrees with ICU's transliterator", "[text]") {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t2s(
      icu::Transliterator::createInstance("Traditional-Simplified", UTRANS_FORWARD, status));
  REQUIRE(U_SUCCESS(status));
  std::size_t checked = 0;
  for (char32_t cp = 0x4E00; cp <= 0x9FFF; ++cp) {
    icu::UnicodeString s(static_cast<UChar32>(cp));
    t2s->transliterate(s);
    std::string expected;
    s.toUTF8String(expected);
    std::string_view folded = econind::detail::fold_code_point(cp);
    std::string got = folded.empty() ? econind::detail::utf8(cp) : std::string(folded);
    INFO(econind::detail::utf8(cp));
    CHECK(got == expected);
    ++checked;
  }
  CHECK(checked == 0x9FFF - 0x4E00 + 1);
}
