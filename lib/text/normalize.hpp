#pragma once
// Text normalization: the first pipeline stage. Turns raw bytes into the one form every later
// stage matches on, and remembers where each normalized byte came from.
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "econind/common.hpp"

namespace econind::detail {

// Maps byte positions of normalized text back to the original input. The normalized text is
// cut into regions; a region whose normalized and original lengths agree maps byte for byte,
// any other region (３→3, 產(chǎn)→产, a dropped blank) maps as a whole, and so does one character
// that expands to several of the same length in all (⑴ → "(1)", ⒒ → "11.").
class OffsetMap {
 public:
  // Called by the normalizer, in order, for each piece of input it consumed.
  void append(std::size_t orig_len, std::size_t norm_len);
  // A piece that maps as a whole even where its lengths agree.
  void append_whole(std::size_t orig_len, std::size_t norm_len);
  void finish();
  void reserve(std::size_t regions) { regions_.reserve(regions); }
  // Empties the map and keeps its memory, for the next text.
  void clear() {
    regions_.clear();
    whole_.clear();
    norm_ = orig_ = 0;
    last_linear_ = false;
  }

  // `hint`, when given, is where the last lookup ended: positions asked for in text order then
  // cost a step or two each instead of a binary search over all regions.
  std::size_t to_original_begin(std::size_t norm_pos, std::size_t* hint = nullptr) const;
  std::size_t to_original_end(std::size_t norm_pos, std::size_t* hint = nullptr) const;
  // A span that is not empty maps to one that is not: a span lying inside the expansion of one
  // character after its start (the 2 of ½, read as 1⁄2; the 1 of ⑴, read as (1)) maps to the
  // whole character.
  Span to_original(Span norm, std::size_t* hint = nullptr) const {
    // Most spans lie inside one region that maps byte for byte: one lookup. Inline, so that the
    // caller stores the two ends as they are computed (a Span returned from a call goes
    // through the stack and is read back as one 16-byte word, which stalls).
    if (regions_.size() >= 2 && norm.begin < norm.end && norm.end <= regions_.back().norm) {
      std::size_t i = region_index(norm.begin, hint);
      const Region& r = regions_[i];
      if (norm.end <= regions_[i + 1].norm && byte_for_byte(i))
        return {r.orig + (norm.begin - r.norm), r.orig + (norm.end - r.norm)};
    }
    return to_original_across(norm, hint);
  }
  std::size_t region_count() const { return regions_.size(); }

 private:
  struct Region {
    std::uint32_t norm;
    std::uint32_t orig;
  };
  // to_original for spans that are not inside one region that maps byte for byte.
  Span to_original_across(Span norm, std::size_t* hint) const;
  void start_region();
  std::size_t region_index(std::size_t norm_pos) const;
  std::size_t region_index(std::size_t norm_pos, std::size_t* hint) const;
  bool byte_for_byte(std::size_t region) const {
    const Region& r = regions_[region];
    const Region& next = regions_[region + 1];
    return next.norm - r.norm == next.orig - r.orig &&
           (whole_.empty() || !std::binary_search(whole_.begin(), whole_.end(), static_cast<std::uint32_t>(region)));
  }
  std::vector<Region> regions_;  // starts of regions, then one sentinel at the ends
  std::vector<std::uint32_t> whole_;  // indexes of regions of append_whole(), ascending (rare)
  std::size_t norm_ = 0, orig_ = 0;
  bool last_linear_ = false;
};

struct NormalizedText {
  std::string text;  // NFKC, Traditional→Simplified, pinyin annotations dropped, number-unit blanks folded
  OffsetMap map;
  std::vector<Diagnostic> diagnostics;  // spans into the original input
};

// Never throws on bad text: invalid UTF-8 becomes U+FFFD plus a diagnostic. `reuse`, a result
// of an earlier call, lends its buffers, so that a loop over documents does not allocate.
NormalizedText normalize(std::string_view input, NormalizedText reuse = {});

// The same, one character at a time through the general path, without the runs normalize()
// copies many bytes at a time: the reference that tests hold normalize() to.
NormalizedText normalize_one_by_one(std::string_view input);

// The fold table, built once per process: for each BMP code point, its replacement under
// NFKC + Traditional→Simplified. Loops over every character test the 8 KB bitset first and look
// at the replacement only for the few characters that change.
struct FoldTable {
  std::vector<std::uint64_t> changes;  // bit cp: the code point does not fold to itself
  // bit cp: a three-byte character (U+0800..U+FFFF, no surrogate) that folds to itself. For a
  // sequence b0 b1 b2 of the three-byte shape that is bit b2 & 0x3F of word (b0 & 0x0F) << 6 |
  // (b1 & 0x3F), so the one test also rules out overlong forms and surrogates.
  std::vector<std::uint64_t> stays_three_byte;
  std::vector<std::uint32_t> index;    // cp → (offset << 6 | length) into pool, 0 = unchanged
  std::string pool;

  bool folds_to_itself(char32_t cp) const { return cp >= 0x10000 || !(changes[cp >> 6] >> (cp & 63) & 1); }
  std::string_view fold(char32_t cp) const {
    if (folds_to_itself(cp)) return {};
    std::uint32_t e = index[cp];
    return std::string_view(pool).substr(e >> 6, e & 63);
  }
};
const FoldTable& fold_table();

// The replacement for one code point under NFKC + Traditional→Simplified, or empty when the
// code point stays as it is.
inline std::string_view fold_code_point(char32_t cp) { return fold_table().fold(cp); }

}  // namespace econind::detail
