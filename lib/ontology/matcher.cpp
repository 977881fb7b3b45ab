#include "ontology/matcher.hpp"

#include <algorithm>
#include <deque>
#include <map>
#include <utility>

#include "text/normalize.hpp"

namespace econind::detail {

namespace {

unsigned char fold(char c) {
  auto b = static_cast<unsigned char>(c);
  return (b >= 'A' && b <= 'Z') ? static_cast<unsigned char>(b | 0x20) : b;
}

bool is_word_byte(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// The trie while it is built: sparse children, searched linearly (fan-out is small except at
// the root). Compacted into the matcher's arrays afterwards.
struct BuildNode {
  std::vector<std::pair<unsigned char, std::uint32_t>> children;
  std::uint32_t fail = 0, output = 0;
  std::int32_t pattern = -1;

  std::uint32_t child(unsigned char c) const {
    for (const auto& [label, target] : children)
      if (label == c) return target;
    return 0;
  }
};

}  // namespace

std::string alias_key(std::string_view name) {
  std::string key = normalize(name).text;
  for (char& c : key) c = static_cast<char>(fold(c));
  return key;
}

AliasMatcher::AliasMatcher(const Ontology& ontology) {
  // Every distinct key, with the entities it names. std::map keeps the build deterministic.
  std::map<std::string, std::vector<const Entity*>> keys;
  for (const Entity& e : ontology) {
    auto add = [&](const std::string& name) {
      if (name.empty()) return;
      std::string key = alias_key(name);
      if (key.empty()) return;
      auto& list = keys[key];
      if (std::find(list.begin(), list.end(), &e) == list.end()) list.push_back(&e);
    };
    add(e.name);
    add(e.name_hant);
    add(e.name_en);
    add(e.short_name);
    add(e.short_en);
    for (const std::string& a : e.aliases) add(a);
  }

  std::vector<BuildNode> trie(1);
  for (auto& [key, list] : keys) {
    std::stable_sort(list.begin(), list.end(), [](const Entity* a, const Entity* b) { return a->type < b->type; });
    std::uint32_t node = 0;
    for (char ch : key) {
      auto c = static_cast<unsigned char>(ch);
      std::uint32_t next = trie[node].child(c);
      if (next == 0) {
        next = static_cast<std::uint32_t>(trie.size());
        trie[node].children.emplace_back(c, next);
        trie.emplace_back();
      }
      node = next;
    }
    trie[node].pattern = static_cast<std::int32_t>(patterns_.size());
    auto begin = static_cast<std::uint32_t>(entities_.size());
    entities_.insert(entities_.end(), list.begin(), list.end());
    patterns_.push_back({static_cast<std::uint32_t>(key.size()), begin, static_cast<std::uint32_t>(entities_.size()),
                         is_word_byte(key.front()), is_word_byte(key.back())});
  }

  // Failure and output links, breadth first so that every shorter suffix is done first.
  std::deque<std::uint32_t> queue;
  for (const auto& [c, child] : trie[0].children) queue.push_back(child);
  while (!queue.empty()) {
    std::uint32_t u = queue.front();
    queue.pop_front();
    for (const auto& [c, v] : trie[u].children) {
      std::uint32_t f = trie[u].fail;
      while (f != 0 && trie[f].child(c) == 0) f = trie[f].fail;
      trie[v].fail = trie[f].child(c);
      std::uint32_t fv = trie[v].fail;
      trie[v].output = trie[fv].pattern >= 0 ? fv : trie[fv].output;
      queue.push_back(v);
    }
  }

  // Compact: one node array plus edge arrays sorted by label for binary search.
  nodes_.resize(trie.size());
  for (std::size_t i = 0; i < trie.size(); ++i) {
    auto& children = trie[i].children;
    std::sort(children.begin(), children.end());
    Node& n = nodes_[i];
    n.edges_begin = static_cast<std::uint32_t>(labels_.size());
    for (const auto& [c, target] : children) {
      labels_.push_back(c);
      targets_.push_back(target);
    }
    n.edges_end = static_cast<std::uint32_t>(labels_.size());
    n.fail = trie[i].fail;
    n.output = trie[i].output;
    n.pattern = trie[i].pattern;
  }
  for (const auto& [c, target] : trie[0].children) root_[c] = target;

  // Most steps in CJK text leave a node one byte deep (the lead byte of a character): give
  // those nodes complete rows so the step is one lookup. ~100 rows of 1 KiB.
  for (const auto& [c0, node] : trie[0].children) {
    std::vector<std::uint32_t> row(256);
    for (unsigned c = 0; c < 256; ++c) row[c] = step(node, static_cast<unsigned char>(c));
    nodes_[node].dense = static_cast<std::uint32_t>(dense_.size() / 256);
    dense_.insert(dense_.end(), row.begin(), row.end());
  }
}

const AliasMatcher& AliasMatcher::builtin() {
  static const AliasMatcher matcher(Ontology::builtin());
  return matcher;
}

std::uint32_t AliasMatcher::step(std::uint32_t state, unsigned char c) const {
  while (state != 0) {
    const Node& n = nodes_[state];
    if (n.dense != kNoDense) return dense_[std::size_t{n.dense} * 256 + c];
    auto first = labels_.begin() + n.edges_begin, last = labels_.begin() + n.edges_end;
    auto it = std::lower_bound(first, last, c);
    if (it != last && *it == c) return targets_[static_cast<std::size_t>(it - labels_.begin())];
    state = n.fail;
  }
  return root_[c];
}

std::vector<EntityMatch> AliasMatcher::find_all(std::string_view text) const {
  struct Candidate {
    std::size_t begin, end;
    std::uint32_t pattern;
  };
  std::vector<Candidate> candidates;
  std::uint32_t state = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    state = step(state, fold(text[i]));
    std::uint32_t node = nodes_[state].pattern >= 0 ? state : nodes_[state].output;
    while (node != 0) {
      auto p = static_cast<std::uint32_t>(nodes_[node].pattern);
      const Pattern& pat = patterns_[p];
      std::size_t end = i + 1, begin = end - pat.length;
      // Latin names must not be cut out of a longer word ("Lanzhou" in "Lanzhoux").
      bool ok = !(pat.word_start && begin > 0 && is_word_byte(text[begin - 1])) &&
                !(pat.word_end && end < text.size() && is_word_byte(text[end]));
      if (ok) candidates.push_back({begin, end, p});
      node = nodes_[node].output;
    }
  }

  // Leftmost first, longest first at one position; then take each that does not overlap.
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  std::vector<EntityMatch> out;
  std::size_t covered = 0;
  for (const Candidate& c : candidates) {
    if (c.begin < covered) continue;
    covered = c.end;
    const Pattern& pat = patterns_[c.pattern];
    for (std::uint32_t k = pat.entities_begin; k < pat.entities_end; ++k)
      out.push_back({Span{c.begin, c.end}, entities_[k]});
  }
  return out;
}

}  // namespace econind::detail
