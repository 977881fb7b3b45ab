#pragma once
// Finds ontology names in normalized text: every name, short name, English name and alias, looked
// up by its first bytes only at the positions that two hashed prefix filters let through.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "econind/common.hpp"
#include "econind/ontology.hpp"

namespace econind::detail {

// The form a name is matched in: the text normalization (NFKC, Traditional→Simplified …) with
// ASCII letters lower-cased. Two names of one type with the same key collide.
std::string alias_key(std::string_view name);
// Every key a name is matched by: its alias_key, and the same with "hi-tech" and "high-tech"
// swapped (English writes the same zone both ways). Empty for a name with no key.
std::vector<std::string> alias_keys(std::string_view name);

struct EntityMatch {
  Span span;              // bytes of the normalized text
  const Entity* entity;   // points into the Ontology the matcher was built from
};

// Built once from an Ontology, then const and safe to share between threads. It keeps pointers
// into that Ontology, which must outlive it and stay unmodified.
class AliasMatcher {
 public:
  explicit AliasMatcher(const Ontology& ontology);

  // The matcher of Ontology::builtin(), built once on first use.
  static const AliasMatcher& builtin();

  // Non-overlapping matches, leftmost-longest, in text order. ASCII letters match regardless of
  // case, and a name that starts (ends) with an ASCII letter or digit must not continue a word
  // before (after) it. When one name belongs to entities of several types (never two of one
  // type: the loader forbids it), each gets an EntityMatch with the same span, by type order.
  // `reuse`, a result of an earlier call, lends its memory.
  std::vector<EntityMatch> find_all(std::string_view normalized_text, std::vector<EntityMatch> reuse = {}) const;

  std::size_t pattern_count() const { return patterns_.size(); }
  std::size_t node_count() const { return node_count_; }

 private:
  struct Pattern {
    std::uint32_t entities_begin, entities_end;  // range of entities_
  };
  struct Found {
    std::size_t end = 0;  // 0: no name
    std::int32_t pattern = -1;
  };

  // The trie with its chains of single-child nodes collapsed into edges, so that names end only
  // at nodes and a walk compares the bytes of a chain eight at a time. Laid out as a double
  // array: the child of the node in slot s whose edge starts with byte c is in slot base(s) + c
  // if that slot's parent is s; the rest of the edge is chains_[chain_begin, + chain_length).
  // The root is slot 0.
  struct Slot {
    std::uint64_t chain_head = 0;  // the first 8 (or fewer) bytes of the chain
    std::uint32_t base = 0;        // kEndsName set if a name ends at this node
    std::uint32_t parent = kNoParent;
    std::uint32_t chain_begin = 0;
    std::uint32_t chain_length = 0;
  };
  static constexpr std::uint32_t kEndsName = 0x80000000;
  static constexpr std::uint32_t kNoParent = 0xFFFFFFFF;

  // Every name that starts with byte b is at least window_length_[b] bytes long (capped at 8):
  // those bytes are its window, and with the two after them, if it has them and they fit in 8
  // bytes, its long window. Names are looked up in entries: one per long window, which lists
  // the names with it and, after them, the names with its window that have no long window; and
  // one per window of such names, which lists those. A position reaches the entries through two
  // filters: filter_, a hashed set of what it sees of every window, and entry_index_, which
  // holds the entries under a hash of their window or long window.
  struct Entry {
    std::uint64_t bytes = 0;     // the window or long window, folded
    std::uint64_t key_case = 0;  // 0x20 where `bytes` has an ASCII letter (see case_bits())
    // Its names, longest first, as their bytes after the window (Tail), if there are at most
    // kMaxTails of them of at most 8 * kTailWords bytes; else none, and they are found by
    // walking the trie from `slot`, the node at or after the end of the window, `rest` bytes on.
    std::uint32_t tails_begin = 0, tails_end = 0;  // range of tails_
    std::uint32_t slot = 0;
    std::uint32_t rest = 0;
    std::uint32_t next = 0;  // the next entry under the same hash; 0: none
    bool is_long = false;
    bool has_letters = false;  // an ASCII letter in a tail: compare the text folded
  };
  static constexpr std::size_t kMaxTails = 4;
  static constexpr std::size_t kTailWords = 4;  // a tail has at most 8 * kTailWords bytes
  struct Tail {
    std::uint64_t bytes[kTailWords] = {};  // folded, zero padded
    std::uint64_t mask[kTailWords] = {};   // keeps `length` bytes
    std::uint32_t length = 0;
    std::int32_t pattern = -1;
    bool ends_with_word_byte = false;  // then ends_word() applies
  };

  // find_all() reads the text a span at a time, each in blocks.
  static constexpr std::size_t kBlock = 64;
  static constexpr std::size_t kSpan = 4 * kBlock;
  std::size_t list_starts(const char* span, std::size_t length, bool after_word, unsigned char* offsets,
                          bool& only_lead) const;
  std::size_t first_filter(const char* span, const unsigned char* offsets, std::size_t count, bool only_lead,
                           unsigned char* passed) const;
  std::size_t second_filter(const char* span, unsigned char* offsets, std::size_t count, std::uint32_t* window_entry,
                            std::uint32_t* long_entry) const;
  std::uint64_t window_product(const char* p) const;
  const Entry* find_entry(std::uint32_t first, bool is_long, std::uint64_t bytes) const;
  Found match(const Entry& entry, std::string_view text, std::size_t i) const;
  Found walk(const Entry& entry, std::string_view text, std::size_t i) const;
  bool chain_matches(std::string_view text, std::size_t i, std::uint64_t head, std::size_t chain,
                     std::size_t length) const;
  Found longest_from(std::string_view text, std::uint32_t slot, std::size_t i) const;

  std::vector<Pattern> patterns_;
  std::vector<const Entity*> entities_;
  std::size_t node_count_ = 0;  // of the trie before its chains are collapsed
  std::vector<Slot> slots_;
  std::vector<std::int32_t> slot_patterns_;  // the name ending at each slot's node, or -1
  std::string chains_;                       // folded, followed by 8 zero bytes

  // Which bytes may start a name, by class: 0 or all ones. Names that start with a word byte
  // start only where a word does (see find_all).
  std::uint64_t lead_starts_ = 0;          // bytes 0xC0..0xFF: UTF-8 lead bytes
  std::uint64_t word_starts_ = 0;          // ASCII letters and digits
  std::uint64_t other_ascii_starts_ = 0;   // other ASCII bytes
  std::uint64_t continuation_starts_ = 0;  // bytes 0x80..0xBF

  std::array<std::uint8_t, 256> window_length_{};
  std::array<std::uint64_t, 256> window_bytes_{};  // keeps the window of an 8-byte load
  std::array<std::uint64_t, 256> long_bytes_{};    // keeps the long window
  // What the filter and the hash of windows see of an 8-byte load: its window, but only the
  // fewest bytes of any lead byte's window after a lead byte, and folding case after an ASCII
  // byte by dropping bit 5 of every byte. The hash of long windows sees long_mask_.
  std::array<std::uint64_t, 256> filter_mask_{};
  std::uint64_t lead_filter_mask_ = 0;  // filter_mask_[b] for every lead byte b
  std::array<std::uint64_t, 256> long_mask_{};
  std::uint64_t filter_multiplier_ = 0;
  std::vector<std::uint8_t> filter_;
  std::vector<Entry> entries_;  // entries_[0] unused
  std::vector<Tail> tails_;
  std::vector<std::uint32_t> entry_index_;  // the first entry under each hash; 0: none
};

}  // namespace econind::detail
