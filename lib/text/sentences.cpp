#include "text/sentences.hpp"

#include <array>

#include "text/utf8.hpp"

namespace econind::detail {
namespace {

// A line of page chrome: three or more '|' on a line of at most kChromeLineBytes, or in one
// sentence. The bound keeps a page flattened onto one line (no line breaks at all) from being
// read as chrome whole.
constexpr std::size_t kChromePipes = 3;
constexpr std::size_t kChromeLineBytes = 1024;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

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
  for (auto w : words) {
    if (word == w) return true;
  }
  return false;
}

}  // namespace

std::vector<Sentence> split_sentences(std::string_view text) {
  std::vector<Sentence> out;
  std::size_t paragraph = 0;
  std::size_t start = 0;
  std::size_t sentence_pipes = 0;
  auto close = [&](std::size_t end) {
    std::size_t b = start, e = end;
    while (b < e && is_space(text[b])) ++b;
    while (e > b && is_space(text[e - 1])) --e;
    if (b < e) out.push_back({{b, e}, paragraph, sentence_pipes >= kChromePipes});
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
  // Only these bytes can start a character that matters here ('\n', '|', sentence ends; 0xE2,
  // 0xE3 and 0xEF lead …, 。 and the full-width marks). Every other byte, the continuation bytes
  // of Chinese characters included, is skipped without decoding.
  static constexpr auto may_matter = [] {
    std::array<bool, 256> t{};
    for (unsigned char c : {'\n', '|', '!', '?', ';', '.'}) t[c] = true;
    t[0xE2] = t[0xE3] = t[0xEF] = true;
    return t;
  }();
  std::size_t i = 0;
  while (i < text.size()) {
    if (!may_matter[static_cast<unsigned char>(text[i])]) {
      ++i;
      continue;
    }
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
