#pragma once
// Finds ontology names in normalized text: one Aho–Corasick automaton over every name, short
// name, English name and alias, run once over the text.
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
  std::size_t node_count() const { return nodes_.size(); }

 private:
  struct Node {
    std::uint32_t edges_begin = 0, edges_end = 0;  // range of labels_/targets_, sorted by label
    std::uint32_t fail = 0;                         // longest proper suffix that is a trie node
    std::uint32_t output = 0;                       // nearest node on the fail chain with a pattern
    std::int32_t pattern = -1;                      // pattern ending exactly here
    std::uint32_t dense = kNoDense;                 // row of dense_, for the busiest nodes
  };
  static constexpr std::uint32_t kNoDense = 0xFFFFFFFF;
  struct Pattern {
    std::uint32_t length;
    std::uint32_t entities_begin, entities_end;  // range of entities_
    bool word_start, word_end;                   // starts / ends with an ASCII letter or digit
  };

  std::uint32_t step(std::uint32_t state, unsigned char c) const;

  std::vector<Node> nodes_;  // nodes_[0] is the root
  std::vector<unsigned char> labels_;
  std::vector<std::uint32_t> targets_;
  std::array<std::uint32_t, 256> root_{};  // dense root transitions (0 = stay at the root)
  std::vector<std::uint32_t> dense_;       // complete transition rows (failures resolved) of depth-1 nodes
  std::vector<Pattern> patterns_;
  std::vector<const Entity*> entities_;
};

}  // namespace econind::detail
