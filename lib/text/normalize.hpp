#pragma once
// Text normalization: the first pipeline stage. Turns raw bytes into the one form every later
// stage matches on, and remembers where each normalized byte came from.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "econind/common.hpp"

namespace econind::detail {

// Maps byte positions of normalized text back to the original input. The normalized text is
// cut into regions; a region whose normalized and original lengths agree maps byte for byte,
// any other region (３→3, 產(chǎn)→产, a dropped blank) maps as a whole.
class OffsetMap {
 public:
  // Called by the normalizer, in order, for each piece of input it consumed.
  void append(std::size_t orig_len, std::size_t norm_len);
  void finish();

  std::size_t to_original_begin(std::size_t norm_pos) const;
  std::size_t to_original_end(std::size_t norm_pos) const;
  // A span that is not empty maps to one that is not: a span lying inside the expansion of one
  // character after its start (the 2 of ½, read as 1⁄2; the 1 of ⑴, read as (1)) maps to the
  // whole character.
  Span to_original(Span norm) const;
  std::size_t region_count() const { return regions_.size(); }

 private:
  struct Region {
    std::uint32_t norm;
    std::uint32_t orig;
  };
  std::size_t region_index(std::size_t norm_pos) const;
  std::vector<Region> regions_;  // starts of regions, then one sentinel at the ends
  std::size_t norm_ = 0, orig_ = 0;
  bool last_linear_ = false;
};

struct NormalizedText {
  std::string text;  // NFKC, Traditional→Simplified, pinyin annotations dropped, number-unit blanks folded
  OffsetMap map;
  std::vector<Diagnostic> diagnostics;  // spans into the original input
};

// Never throws on bad text: invalid UTF-8 becomes U+FFFD plus a diagnostic.
NormalizedText normalize(std::string_view input);

// The replacement for one code point under NFKC + Traditional→Simplified, or empty when the
// code point stays as it is. Backed by a table built once per process.
std::string_view fold_code_point(char32_t cp);

// True when a BMP code point folds to itself: one load, for loops over every character.
bool folds_to_itself(char32_t cp);

}  // namespace econind::detail
