#include "text/sentences.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

#if defined(__SSE2__) || defined(_M_X64)
#include <emmintrin.h>
#endif

#include "text/utf8.hpp"
#include "util/bits.hpp"

namespace econind::detail {
namespace {

// A line of page chrome: three or more '|' on a line of at most kChromeLineBytes, or in one
// sentence. The bound keeps a page flattened onto one line (no line breaks at all) from being
// read as chrome whole.
constexpr std::size_t kChromePipes = 3;
constexpr std::size_t kChromeLineBytes = 1024;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// Up to eight bytes as one word, to compare short strings with one comparison.
constexpr std::uint64_t packed(std::string_view w) {
  std::uint64_t x = 0;
  for (std::size_t k = 0; k < w.size() && k < 8; ++k) x |= std::uint64_t{static_cast<unsigned char>(w[k])} << (8 * k);
  return x;
}

// "No. 1", "Mr. Li", "U.S. dollars", "Co. Ltd": a period that does not end the sentence.
bool is_abbreviation(std::string_view text, std::size_t dot) {
  static constexpr std::string_view words[] = {"No", "no", "Mr", "Ms", "Mrs", "Dr", "Prof", "St", "Co",
                                               "Ltd", "Inc", "Corp", "vs", "e.g", "i.e", "U.S", "Jan",
                                               "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
                                               "Oct", "Nov", "Dec", "approx", "est"};
  std::size_t start = dot;
  while (start > 0 && (is_ascii_alpha(static_cast<unsigned char>(text[start - 1])) || text[start - 1] == '.')) --start;
  std::string_view word = text.substr(start, dot - start);
  if (word.size() == 1) return true;  // an initial: "J. Smith", "U."
  if (word.size() > 8) return false;
  static constexpr auto packed_words = [] {
    std::array<std::uint64_t, std::size(words)> t{};
    for (std::size_t k = 0; k < t.size(); ++k) t[k] = packed(words[k]);
    return t;
  }();
  return std::find(packed_words.begin(), packed_words.end(), packed(word)) != packed_words.end();
}

// Only these bytes can start a character that matters here ('\n', '|', sentence ends; 0xE2,
// 0xE3 and 0xEF lead …, 。 and the full-width marks). Every other byte, the continuation bytes
// of Chinese characters included, is skipped without decoding.
constexpr auto kMayMatter = [] {
  std::array<bool, 256> t{};
  for (unsigned char c : {'\n', '|', '!', '?', ';', '.'}) t[c] = true;
  t[0xE2] = t[0xE3] = t[0xEF] = true;
  return t;
}();

#if defined(__SSE2__) || defined(_M_X64)
// Bit k is set where p + k may start a character that matters: '\n' | ! ? ; . exactly, and the
// rest by their first and third bytes, so that the frequent 、 (E3 80 81) and quotes “ ”
// (E2 80 9C, 9D) are passed over: 。 (E3 80 82), … (E2 80 A6), and any character led by 0xEF
// for the full-width ！？； (rare in normalized text). Reads p[0..17].
unsigned marks16(const char* p) {
  __m128i b0 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  __m128i b2 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 2));
  auto is = [](__m128i v, int c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(static_cast<char>(c))); };
  __m128i ascii = _mm_or_si128(_mm_or_si128(_mm_or_si128(is(b0, '\n'), is(b0, '|')), _mm_or_si128(is(b0, '!'), is(b0, '?'))),
                               _mm_or_si128(is(b0, ';'), is(b0, '.')));
  __m128i period_or_ellipsis =
      _mm_or_si128(_mm_and_si128(is(b0, 0xE3), is(b2, 0x82)), _mm_and_si128(is(b0, 0xE2), is(b2, 0xA6)));
  return static_cast<unsigned>(
      _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(ascii, period_or_ellipsis), is(b0, 0xEF))));
}
#endif

// Finds the characters that matter in text order: the first position at or after i where one
// may start (text.size() if none), or an earlier one where the caller finds a character that
// does not matter. Keeps the marks of the 64 bytes it read last, so that the marks of a
// sentence are found with one read.
class MarkFinder {
 public:
  explicit MarkFinder(std::string_view text) : text_(text) {}

  std::size_t next(std::size_t i) {
#if defined(__SSE2__) || defined(_M_X64)
    for (;;) {
      if (i - base_ >= 64) {  // outside the bytes read last (i < base_ wraps around)
        if (i + 66 > text_.size()) break;
        base_ = i;
        marks_ = 0;
        for (unsigned k = 0; k < 64; k += 16) marks_ |= std::uint64_t{marks16(text_.data() + i + k)} << k;
      }
      if (std::uint64_t m = marks_ >> (i - base_)) return i + lowest_bit(m);
      i = base_ + 64;
    }
#endif
    while (i < text_.size() && !kMayMatter[static_cast<unsigned char>(text_[i])]) ++i;
    return i;
  }

 private:
  std::string_view text_;
  std::size_t base_ = static_cast<std::size_t>(-64);  // the marks of text_[base_, base_ + 64)
  std::uint64_t marks_ = 0;
};

}  // namespace

std::vector<Sentence> split_sentences(std::string_view text, std::vector<Sentence> reuse) {
  std::vector<Sentence> out = std::move(reuse);
  out.clear();
  out.reserve(text.size() / 32 + 8);  // news text has a sentence every 60 to 100 bytes
  std::size_t paragraph = 0;
  std::size_t start = 0;
  std::size_t sentence_pipes = 0;
  auto close = [&](std::size_t end) {
    std::size_t b = start, e = end;
    while (b < e && is_space(text[b])) ++b;
    while (e > b && is_space(text[e - 1])) --e;
    if (b < e) {
      // Written in place: a Sentence built first and then copied in goes through the stack in
      // halves read back as wider words, which the processor cannot forward.
      Sentence& s = out.emplace_back();
      s.span = {b, e};
      s.paragraph = paragraph;
      s.chrome = sentence_pipes >= kChromePipes;
    }
    start = end;
    sentence_pipes = 0;
  };
  std::size_t line_first_sentence = 0, pipes = 0, line_start = 0;
  auto end_line = [&](std::size_t end) {
    close(end);
    if (pipes >= kChromePipes && end - line_start <= kChromeLineBytes) {
      for (std::size_t k = line_first_sentence; k < out.size(); ++k) out[k].chrome = true;
    }
    line_first_sentence = out.size();
    pipes = 0;
    line_start = end + 1;
    ++paragraph;
  };
  MarkFinder marks(text);
  std::size_t i = 0;
  while ((i = marks.next(i)) < text.size()) {
    Decoded d = decode_utf8(text, i);
    std::size_t next = i + d.len;
    bool end = false;
    switch (d.cp) {
      case '\n':
        end_line(i);
        start = next;
        i = next;
        continue;
      case '|':
        ++pipes;
        ++sentence_pipes;
        break;
      case U'。': case U'！': case U'？': case U'；': case '!': case '?': case ';': case U'…':
        end = true;
        break;
      case '.':
        // A period ends an English sentence only before a blank or the end of the text.
        end = (next >= text.size() || is_space(text[next]) || text[next] == '\n') && !is_abbreviation(text, i);
        break;
      default:
        break;
    }
    if (end) {
      // Closing quotes and brackets belong to the sentence they close.
      while (next < text.size()) {
        Decoded q = decode_utf8(text, next);
        if (q.cp != U'”' && q.cp != U'’' && q.cp != '"' && q.cp != '\'' && q.cp != ')' && q.cp != U'」' &&
            q.cp != U'』' && q.cp != U'》')
          break;
        next += q.len;
      }
      close(next);
    }
    i = next;
  }
  end_line(text.size());
  return out;
}

}  // namespace econind::detail
