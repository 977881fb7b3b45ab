#pragma once
#include <string_view>
#include <vector>

#include "econind/common.hpp"

namespace econind::detail {

struct Sentence {
  Span span;              // in normalized text, trimmed of surrounding blanks
  std::size_t paragraph;  // index of the paragraph (text between line breaks) holding it
  bool chrome = false;    // page chrome: link lists such as "a|b|c|d"
};

// Splits normalized text at Chinese 。！？； and English . ! ? ; (not inside 3.5, No. 1, U.S.),
// and at line breaks, which also end paragraphs. Page chrome (three or more '|' separators on
// a line, or in one sentence of a very long line: spam headers, link bars) is marked so no
// figure is read from it. `reuse`, an earlier result, lends its memory.
std::vector<Sentence> split_sentences(std::string_view text, std::vector<Sentence> reuse = {});

}  // namespace econind::detail
