#pragma once
// Hostile inputs for the extractor, shared by tests/adversarial_test.cpp (which checks what
// comes out) and bench/adversarial.cpp (which measures how fast it comes out). Every input is
// built from code, so nothing large is checked in.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace econind::adversarial {

inline std::string repeat(std::string_view s, std::size_t times) {
  std::string out;
  out.reserve(s.size() * times);
  for (std::size_t i = 0; i < times; ++i) out.append(s);
  return out;
}

// Repeats `s` until the result holds at least `bytes` bytes.
inline std::string repeat_to(std::string_view s, std::size_t bytes) {
  return repeat(s, s.empty() ? 0 : (bytes + s.size() - 1) / s.size());
}

// A short news item in the style the library reads (written for these tests; the figures are
// invented): Simplified and Traditional Chinese and English, with money, percent, count and
// rank figures, page chrome and a pinyin artifact.
inline std::string_view news_sample() {
  return "首页 > 新闻中心 > 园区动态\n"
         "2022年，东湖高新区实现企业总收入超过1.3万亿元，同比增长12.5%；规模以上工业增加值增长9.8%。\n"
         "在全国173家国家高新区中排名第4位，较上年提升2位。区内共有高新技术企业4100余家，"
         "其中上市公司58家，研发投入占比达到6.1个百分点以上。\n"
         "蘭州高新區去年實現營業收入1,050億元，增長8.3%，新增產(chǎn)業項目30個。\n"
         "The zone reported total revenue of more than 1.3 trillion yuan in 2022, up 12.5 percent, "
         "and ranked 4th among 173 national high-tech zones. It is home to 4,100 high-tech companies.\n";
}

// The same kinds of figures in legacy encodings, as a page that was never converted to UTF-8.
// 营业收入128.64亿元，同比增长12.5%，企业2158家 in GB18030, its Traditional form in Big5, and
// 营业收入128亿元 in UTF-16LE.
inline std::string_view gb18030_sample() {
  return "\xd3\xaa\xd2\xb5\xca\xd5\xc8\xeb" "128.64" "\xd2\xda\xd4\xaa\xa3\xac\xcd\xac\xb1\xc8\xd4\xf6\xb3\xa4"
         "12.5%" "\xa3\xac\xc6\xf3\xd2\xb5" "2158" "\xbc\xd2";
}
inline std::string_view big5_sample() {
  return "\xc0\xe7\xb7\x7e\xa6\xac\xa4\x4a" "128.64" "\xbb\xf5\xa4\xb8\xa1\x41\xa6\x50\xa4\xf1\xbc\x57\xaa\xf8"
         "12.5%" "\xa1\x41\xa5\xf8\xb7\x7e" "2158" "\xae\x61";
}
inline std::string utf16le_sample() {
  static const unsigned char bytes[] = {0x25, 0x84, 0x1a, 0x4e, 0x36, 0x65, 0x65, 0x51, 0x31, 0x00,
                                        0x32, 0x00, 0x38, 0x00, 0xbf, 0x4e, 0x43, 0x51};
  return std::string(reinterpret_cast<const char*>(bytes), sizeof bytes);
}

// One byte sequence of each class of invalid UTF-8, each followed by a figure.
struct InvalidUtf8 {
  const char* name;
  std::string_view bytes;
};
inline const std::vector<InvalidUtf8>& invalid_utf8_classes() {
  static const std::vector<InvalidUtf8> classes = {
      {"overlong 2-byte", std::string_view("\xC0\xAF", 2)},
      {"overlong 3-byte", std::string_view("\xE0\x80\xAF", 3)},
      {"overlong 4-byte", std::string_view("\xF0\x80\x80\xAF", 4)},
      {"surrogate", std::string_view("\xED\xA0\x80", 3)},
      {"truncated 3-byte", std::string_view("\xE4\xBA", 2)},
      {"truncated 4-byte", std::string_view("\xF0\x9F\x98", 3)},
      {"stray continuation", std::string_view("\x80\xBF", 2)},
      {"beyond U+10FFFF", std::string_view("\xF4\x90\x80\x80", 4)},
      {"never-valid byte", std::string_view("\xFE\xFF\xF8", 3)},
  };
  return classes;
}

struct Input {
  std::string name;
  std::string text;
};

// The adversarial inputs, each about `bytes` long (the no-newline one `big_bytes`), in the
// order the benchmark reports them; with bytes = 1,000,000 the runs are as the names say.
// `sample` is ordinary news text to build from.
inline std::vector<Input> inputs(std::string_view sample, std::size_t bytes, std::size_t big_bytes) {
  std::vector<Input> v;
  std::string flat(sample);
  for (char& c : flat)
    if (c == '\n' || c == '\r') c = ' ';
  const std::size_t n = bytes / 10;  // 100,000 for a megabyte
  v.push_back({"no newline", repeat_to(flat, big_bytes)});
  v.push_back({"1,000,000 digits", "营业收入" + repeat("7", bytes) + "亿元，增长12.5%。"});
  v.push_back({"亿 x 100,000", "收入1" + repeat("亿", n) + "元，" + repeat("亿", n)});
  v.push_back({"第 x 100,000", repeat("第", n) + "53名，" + repeat("第一", n / 2)});
  v.push_back({"nested parentheses",
               "產" + repeat("(", n / 2) + "chǎn" + repeat(")", n / 2) + "業" + repeat("(", n / 2) + "12" +
                   repeat_to("產(chǎn(yè(", bytes / 4) + repeat_to("區（qū）（（", bytes / 4)});
  {
    std::string bad;
    for (const InvalidUtf8& c : invalid_utf8_classes()) bad += std::string(c.bytes) + "收入12亿元";
    v.push_back({"invalid UTF-8", repeat_to(bad, bytes)});
  }
  static constexpr char kNuls[] = "营业收入\0" "128\0亿元\0\0增长12.5%\0";
  v.push_back({"NUL bytes", repeat_to(std::string(kNuls, sizeof kNuls - 1), bytes / 2) + std::string(bytes / 2, '\0')});
  {
    std::string mixed = std::string(sample.substr(0, 400)) + std::string(gb18030_sample()) +
                        std::string(big5_sample()) + utf16le_sample();
    v.push_back({"mixed encodings", repeat_to(mixed, bytes)});
  }
  v.push_back({"numbers past range",
               repeat_to("营业收入99999999999999999999999999亿元，一万亿亿亿元，1,000,000,000,000,000,000,000,000,000"
                         "美元，0.0000000000000000000000000001%，第99999999999999999999999名，"
                         "18446744073709551616家，9223372036854775808亿元，",
                         bytes)});
  return v;
}

}  // namespace econind::adversarial
