#pragma once
// Finds ontology names in normalized text: one trie over every name, short name, English name
// and alias, walked only from the positions that a prefix filter lets through.
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
  std::vector<EntityMatch> find_all(std::string_view normalized_text) const;

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

  // The trie as a double array: the child of the node in slot s by byte c is in slot
  // base(s) + c if that slot's parent is s. The root is slot 0.
  struct Slot {
    std::uint32_t base = 0;  // kEndsName set if a name ends at this node
    std::uint32_t parent = kNoParent;
  };
  static constexpr std::uint32_t kEndsName = 0x80000000;
  static constexpr std::uint32_t kNoParent = 0xFFFFFFFF;

  // The prefix filter. Every name that starts with byte b is at least window_length_[b] bytes
  // long (capped at 8): that is its window. The windows of all names are hashed into filter_: a
  // position whose window misses it starts no name. One that hits is looked up in windows_,
  // which gives the trie node the window leads to, so the walk starts there.
  struct Window {
    std::uint64_t bytes = 0;  // folded if the first byte is ASCII, else as in the text (both cases)
    std::uint32_t slot = 0;   // 0 (the root): an empty entry
    std::uint32_t next = 0;   // bit next_bytes_bit(a, b) set if a name goes on with bytes a, b
  };

  std::uint64_t may_start_at(const char* p) const;
  const Window* find_window(const char* p) const;
  Found longest_from(std::string_view text, std::uint32_t slot, std::size_t i) const;

  std::vector<Pattern> patterns_;
  std::vector<const Entity*> entities_;
  std::size_t node_count_ = 0;
  std::vector<Slot> slots_;
  std::vector<std::int32_t> slot_patterns_;  // the name ending at each slot's node, or -1

  std::array<std::uint8_t, 256> window_length_{};
  std::array<std::uint64_t, 256> window_bytes_{};  // keeps the window of an 8-byte load
  std::array<std::uint64_t, 256> filter_mask_{};   // the same, folding case if b is ASCII
  std::vector<std::uint8_t> filter_;
  std::uint64_t filter_multiplier_ = 0;
  std::vector<Window> windows_;  // open addressing, linear probing
  unsigned window_hash_bits_ = 0;
  bool names_start_at_char_starts_ = true;  // no name starts with a UTF-8 continuation byte
};

}  // namespace econind::detail
