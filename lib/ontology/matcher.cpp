#include "ontology/matcher.hpp"

#include <algorithm>
#include <cstring>
#include <map>
#include <utility>

#if defined(__SSE2__) || defined(_M_X64)
#include <emmintrin.h>
#endif

#include "text/normalize.hpp"

namespace econind::detail {

namespace {

constexpr unsigned char fold(unsigned char b) {
  return (b >= 'A' && b <= 'Z') ? static_cast<unsigned char>(b | 0x20) : b;
}

constexpr bool is_word_byte(unsigned char b) {
  return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9');
}

// fold and is_word_byte as tables, for the walk.
constexpr std::array<unsigned char, 256> kFolded = [] {
  std::array<unsigned char, 256> table{};
  for (unsigned b = 0; b < 256; ++b) table[b] = fold(static_cast<unsigned char>(b));
  return table;
}();
constexpr std::array<bool, 256> kWordByte = [] {
  std::array<bool, 256> table{};
  for (unsigned b = 0; b < 256; ++b) table[b] = is_word_byte(static_cast<unsigned char>(b));
  return table;
}();

std::uint64_t load8(const char* p) {
  std::uint64_t x;
  std::memcpy(&x, p, 8);
  return x;
}

// Keeps the first `n` bytes (in memory order) of an 8-byte load.
std::uint64_t first_bytes_mask(std::size_t n) {
  unsigned char bytes[8] = {};
  std::memset(bytes, 0xFF, n);
  std::uint64_t mask;
  std::memcpy(&mask, bytes, 8);
  return mask;
}

// first_bytes_mask(n) for n = 0..8.
const std::array<std::uint64_t, 9> kFirstBytes = [] {
  std::array<std::uint64_t, 9> table{};
  for (std::size_t n = 0; n <= 8; ++n) table[n] = first_bytes_mask(n);
  return table;
}();

// fold on eight bytes at once.
std::uint64_t fold8(std::uint64_t x) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  std::uint64_t low7 = x & (0x7F * kOnes);
  std::uint64_t from_a = low7 + (0x80 - 'A') * kOnes;   // bit 7 set if the low 7 bits are >= 'A'
  std::uint64_t after_z = low7 + (0x7F - 'Z') * kOnes;  // bit 7 set if they are > 'Z'
  std::uint64_t upper = from_a & ~after_z & ~x & (0x80 * kOnes);
  return x | (upper >> 2);
}

// 0x20 in each byte of x that is a lower-case ASCII letter: a folded name's bytes, OR-ed with
// that, compare with the text's OR-ed with it, whatever the text's case.
std::uint64_t case_bits(std::uint64_t x) {
  unsigned char bytes[8];
  std::memcpy(bytes, &x, 8);
  for (unsigned char& b : bytes) b = (b >= 'a' && b <= 'z') ? 0x20 : 0;
  std::uint64_t bits;
  std::memcpy(&bits, bytes, 8);
  return bits;
}

constexpr unsigned kFilterBits = 15;  // one byte per entry: 32 KiB
constexpr unsigned kIndexBits = 14;   // entry_index_: 64 KiB
constexpr std::uint64_t kLongMultiplier = 0xA0761D6478BD642FULL;

// Where a window's hash (AliasMatcher::window_product) and a long window's are in entry_index_:
// the window's from bits below those filter_ takes, so that the two are independent.
std::size_t window_index(std::uint64_t product) {
  return static_cast<std::size_t>(product >> (64 - kFilterBits - kIndexBits)) & ((std::size_t{1} << kIndexBits) - 1);
}
std::size_t long_window_index(std::uint64_t long_window) {
  return static_cast<std::size_t>((long_window * kLongMultiplier) >> (64 - kIndexBits));
}

// For each byte value, the offsets of its set bits, lowest first, packed into the bytes of a
// uint64_t in memory order (the rest 0), and their count.
const std::array<std::uint64_t, 256> kBitOffsets = [] {
  std::array<std::uint64_t, 256> table{};
  for (unsigned bits = 0; bits < 256; ++bits) {
    unsigned char offsets[8] = {};
    unsigned count = 0;
    for (unsigned k = 0; k < 8; ++k)
      if ((bits >> k) & 1) offsets[count++] = static_cast<unsigned char>(k);
    std::memcpy(&table[bits], offsets, 8);
  }
  return table;
}();
constexpr std::array<unsigned char, 256> kBitCount = [] {
  std::array<unsigned char, 256> table{};
  for (unsigned bits = 0; bits < 256; ++bits)
    for (unsigned k = 0; k < 8; ++k) table[bits] = static_cast<unsigned char>(table[bits] + ((bits >> k) & 1));
  return table;
}();

// Latin names must not be cut out of a longer word ("Lanzhou" in "Lanzhoux"): a name that
// starts (ends) with a word byte needs a non-word byte or the edge of the text before (after) it.
// find_all starts such names only where a word starts; ends_word checks their ends.
bool ends_word(std::string_view text, std::size_t end) {
  return !(kWordByte[static_cast<unsigned char>(text[end - 1])] && end < text.size() &&
           kWordByte[static_cast<unsigned char>(text[end])]);
}

// The bytes of a 64-byte block by class, bit k for p[k].
struct ByteClasses {
  std::uint64_t lead = 0;  // 0xC0..0xFF: begins a character of two bytes or more
  std::uint64_t word = 0;  // is_word_byte
  std::uint64_t other_ascii = 0;   // set only if asked for
  std::uint64_t continuation = 0;  // 0x80..0xBF; set only if asked for
};

template <bool kAllClasses>
ByteClasses classify64(const char* p) {
  ByteClasses classes;
#if defined(__SSE2__) || defined(_M_X64)
  __m128i chunks[4];
  __m128i maybe_word = _mm_setzero_si128();
  for (unsigned k = 0; k < 4; ++k) {
    chunks[k] = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + 16 * k));
    // Lead bytes have their top two bits set: bit 7 of the byte and of the byte doubled.
    auto lead = static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_and_si128(chunks[k], _mm_add_epi8(chunks[k], chunks[k]))));
    classes.lead |= std::uint64_t{lead} << (16 * k);
    maybe_word = _mm_or_si128(maybe_word, _mm_cmpgt_epi8(chunks[k], _mm_set1_epi8('0' - 1)));  // '0'..0x7F
  }
  // Chinese text often has no letters or digits in a block.
  if (_mm_movemask_epi8(maybe_word) != 0) {
    const __m128i fold_bit = _mm_set1_epi8(0x20);
    const __m128i to_letters = _mm_set1_epi8(static_cast<char>(0x80 - 'a'));
    const __m128i letters_end = _mm_set1_epi8(static_cast<char>(0x80 + 26));
    const __m128i to_digits = _mm_set1_epi8(static_cast<char>(0x80 - '0'));
    const __m128i digits_end = _mm_set1_epi8(static_cast<char>(0x80 + 10));
    for (unsigned k = 0; k < 4; ++k) {
      // Shifted so that 'a'..'z' (after folding) and '0'..'9' become the smallest signed bytes.
      __m128i letter = _mm_cmplt_epi8(_mm_add_epi8(_mm_or_si128(chunks[k], fold_bit), to_letters), letters_end);
      __m128i digit = _mm_cmplt_epi8(_mm_add_epi8(chunks[k], to_digits), digits_end);
      auto word = static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_or_si128(letter, digit)));
      classes.word |= std::uint64_t{word} << (16 * k);
    }
  }
  if (kAllClasses) {
    for (unsigned k = 0; k < 4; ++k) {
      auto high = static_cast<std::uint64_t>(_mm_movemask_epi8(chunks[k])) << (16 * k);
      classes.other_ascii |= ~high & (std::uint64_t{0xFFFF} << (16 * k));
      classes.continuation |= high;
    }
    classes.other_ascii &= ~classes.word;
    classes.continuation &= ~classes.lead;
  }
#else
  for (unsigned k = 0; k < 64; ++k) {
    auto b = static_cast<unsigned char>(p[k]);
    classes.lead |= static_cast<std::uint64_t>(b >= 0xC0) << k;
    classes.word |= static_cast<std::uint64_t>(kWordByte[b]) << k;
    if (kAllClasses) {
      classes.other_ascii |= static_cast<std::uint64_t>(b < 0x80 && !kWordByte[b]) << k;
      classes.continuation |= static_cast<std::uint64_t>(b >= 0x80 && b < 0xC0) << k;
    }
  }
#endif
  return classes;
}

// Whether the `length` bytes from p, of which `available` can be read, are, folded, the
// `length` bytes from `folded` (which can be read 8 bytes at a time).
bool folded_matches(const char* p, std::size_t available, const char* folded, std::size_t length) {
  std::size_t k = 0;
  for (; k + 8 <= length; k += 8)
    if (fold8(load8(p + k)) != load8(folded + k)) return false;
  if (k == length) return true;
  if (available - k >= 8) return ((fold8(load8(p + k)) ^ load8(folded + k)) & kFirstBytes[length - k]) == 0;
  for (; k < length; ++k)
    if (kFolded[static_cast<unsigned char>(p[k])] != static_cast<unsigned char>(folded[k])) return false;
  return true;
}

// The trie while it is built: sparse children, searched linearly (fan-out is small except at
// the root). Laid out as a double array afterwards.
struct BuildNode {
  std::vector<std::pair<unsigned char, std::uint32_t>> children;
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
  for (char& c : key) c = static_cast<char>(fold(static_cast<unsigned char>(c)));
  return key;
}

std::vector<std::string> alias_keys(std::string_view name) {
  std::vector<std::string> keys;
  std::string key = alias_key(name);
  if (key.empty()) return keys;
  // English writes the same zone "Hi-tech" and "High-tech": either name stands for both.
  for (auto [from, to] : {std::pair<std::string_view, std::string_view>{"hi-tech", "high-tech"},
                          {"high-tech", "hi-tech"}}) {
    if (std::size_t at = key.find(from); at != std::string::npos)
      keys.push_back(std::string(key).replace(at, from.size(), to));
  }
  keys.insert(keys.begin(), std::move(key));
  return keys;
}

AliasMatcher::AliasMatcher(const Ontology& ontology) {
  // Every distinct key, with the entities it names. std::map keeps the build deterministic.
  std::map<std::string, std::vector<const Entity*>> keys;
  for (const Entity& e : ontology) {
    auto add = [&](const std::string& name) {
      for (const std::string& key : alias_keys(name)) {
        auto& list = keys[key];
        if (std::find(list.begin(), list.end(), &e) == list.end()) list.push_back(&e);
      }
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
    patterns_.push_back({begin, static_cast<std::uint32_t>(entities_.size())});
  }
  node_count_ = trie.size();

  // Collapse chains: a node stays if it is the root, ends a name or has other than one child.
  // The edge to a kept node from the kept node above it is a byte and a chain of more.
  auto kept = [&](std::uint32_t node) {
    return node == 0 || trie[node].pattern >= 0 || trie[node].children.size() != 1;
  };
  struct Edge {
    unsigned char first;
    std::string chain;
    std::uint32_t target;  // a kept node
  };
  auto edges_of = [&](std::uint32_t node) {
    std::vector<Edge> edges;
    for (const auto& [c, child] : trie[node].children) {
      Edge edge{c, {}, child};
      while (!kept(edge.target)) {
        const auto& only = trie[edge.target].children.front();
        edge.chain += static_cast<char>(only.first);
        edge.target = only.second;
      }
      edges.push_back(std::move(edge));
    }
    std::sort(edges.begin(), edges.end(), [](const Edge& a, const Edge& b) { return a.first < b.first; });
    return edges;
  };

  // Double array, depth first so that a name's nodes lie close together: each node's children
  // go to the first base whose slots base + byte are all free. Bases start at 1 so that no
  // child lands on the root. free_hint[i] == i while slot i is free, else it points towards the
  // next slot that may be, so that the search skips taken slots.
  std::vector<std::uint32_t> free_hint;
  auto grow = [&](std::size_t size) {
    while (slots_.size() < size) {
      free_hint.push_back(static_cast<std::uint32_t>(slots_.size()));
      slots_.emplace_back();
      slot_patterns_.push_back(-1);
    }
  };
  auto next_free = [&](std::size_t i) {
    grow(i + 1);
    std::size_t free = i;
    while (free_hint[free] != free) {
      free = free_hint[free];
      grow(free + 1);
    }
    while (free_hint[i] != free) i = std::exchange(free_hint[i], static_cast<std::uint32_t>(free));
    return free;
  };
  auto take = [&](std::size_t i) {
    grow(i + 2);
    free_hint[i] = static_cast<std::uint32_t>(i + 1);
  };
  std::vector<std::uint32_t> slot_of(trie.size(), 0);  // of kept nodes
  grow(256);
  take(0);
  std::vector<std::uint32_t> stack{0};  // kept nodes
  while (!stack.empty()) {
    std::uint32_t node = stack.back();
    stack.pop_back();
    std::uint32_t slot = slot_of[node];
    if (trie[node].pattern >= 0) {
      slots_[slot].base = kEndsName;
      slot_patterns_[slot] = trie[node].pattern;
    }
    std::vector<Edge> edges = edges_of(node);
    if (edges.empty()) continue;
    unsigned char first = edges.front().first;
    std::size_t base = 0;
    for (std::size_t t = next_free(first + 1u);; t = next_free(t + 1)) {
      base = t - first;
      grow(base + 256);  // every base + byte stays inside slots_
      bool fits = std::all_of(edges.begin(), edges.end(),
                              [&](const Edge& edge) { return free_hint[base + edge.first] == base + edge.first; });
      if (fits) break;
    }
    slots_[slot].base |= static_cast<std::uint32_t>(base);
    for (const Edge& edge : edges) {
      std::size_t child = base + edge.first;
      take(child);
      slots_[child].parent = slot;
      slots_[child].chain_begin = static_cast<std::uint32_t>(chains_.size());
      slots_[child].chain_length = static_cast<std::uint32_t>(edge.chain.size());
      chains_ += edge.chain;
      slot_of[edge.target] = static_cast<std::uint32_t>(child);
    }
    for (auto it = edges.rbegin(); it != edges.rend(); ++it) stack.push_back(it->target);
  }
  chains_.append(8, '\0');  // chains are read 8 bytes at a time
  for (Slot& slot : slots_)
    slot.chain_head = load8(chains_.data() + slot.chain_begin) & kFirstBytes[std::min<std::uint32_t>(slot.chain_length, 8)];

  // Windows: the shortest name per first byte sets the length.
  std::array<std::size_t, 256> shortest{};
  for (const auto& entry : keys) {
    const std::string& key = entry.first;
    std::size_t& n = shortest[static_cast<unsigned char>(key.front())];
    n = n == 0 ? key.size() : std::min(n, key.size());
  }
  // The filter sees the same number of bytes after every lead byte (the fewest of their
  // windows), so that find_all can take those positions without looking at their first byte.
  std::size_t lead_length = 8;
  for (unsigned b = 0xC0; b < 256; ++b)
    if (shortest[b] != 0) lead_length = std::min(lead_length, shortest[b]);
  lead_filter_mask_ = first_bytes_mask(lead_length);
  constexpr std::uint64_t kDropBit5 = 0xDFDFDFDFDFDFDFDFULL;
  for (unsigned b = 0; b < 256; ++b) {
    std::size_t length = std::min<std::size_t>(shortest[fold(static_cast<unsigned char>(b))], 8);
    window_length_[b] = static_cast<std::uint8_t>(length);
    window_bytes_[b] = first_bytes_mask(length);
    long_bytes_[b] = first_bytes_mask(std::min<std::size_t>(length + 2, 8));
    filter_mask_[b] = b >= 0xC0 ? lead_filter_mask_ : b < 0x80 ? window_bytes_[b] & kDropBit5 : window_bytes_[b];
    long_mask_[b] = b < 0x80 ? long_bytes_[b] & kDropBit5 : long_bytes_[b];
    if (length == 0) continue;
    if (b >= 0xC0) lead_starts_ = ~std::uint64_t{0};
    else if (b >= 0x80) continuation_starts_ = ~std::uint64_t{0};
    else if (is_word_byte(static_cast<unsigned char>(b))) word_starts_ = ~std::uint64_t{0};
    else other_ascii_starts_ = ~std::uint64_t{0};
  }
  auto has_long_window = [&](const std::string& key) {
    std::size_t length = window_length_[static_cast<unsigned char>(key.front())];
    return length + 2 <= 8 && key.size() >= length + 2;
  };
  // The first `length` bytes of a name, masked, in every form the hashes may see them in: as
  // they are if the name starts with an ASCII byte (the masks fold those), else with each
  // letter in either case.
  auto text_forms = [&](const std::string& key, std::size_t length, std::uint64_t mask) {
    auto first = static_cast<unsigned char>(key.front());
    std::vector<std::size_t> letters;
    for (std::size_t i = 0; i < length && first >= 0x80; ++i)
      if (key[i] >= 'a' && key[i] <= 'z') letters.push_back(i);
    std::vector<std::uint64_t> forms;
    for (std::size_t variant = 0; variant < (std::size_t{1} << letters.size()); ++variant) {
      char bytes[8] = {};
      std::memcpy(bytes, key.data(), length);
      for (std::size_t j = 0; j < letters.size(); ++j)
        if ((variant >> j) & 1) bytes[letters[j]] = static_cast<char>(bytes[letters[j]] - 'a' + 'A');
      forms.push_back(load8(bytes) & mask);
    }
    return forms;
  };
  auto filter_forms = [&](const std::string& key) {
    auto first = static_cast<unsigned char>(key.front());
    return text_forms(key, window_length_[first], filter_mask_[first]);
  };

  // A byte no name starts with has the empty window, whose index is 0: take a multiplier that
  // leaves entry 0 clear, so that such positions are rejected.
  for (std::uint64_t multiplier : {0x9E3779B97F4A7C15ULL, 0xC2B2AE3D27D4EB4FULL, 0x165667B19E3779F9ULL}) {
    filter_.assign(std::size_t{1} << kFilterBits, 0);
    filter_multiplier_ = multiplier;
    for (const auto& entry : keys)
      for (std::uint64_t window : filter_forms(entry.first)) filter_[(window * multiplier) >> (64 - kFilterBits)] = 1;
    if (filter_[0] == 0) break;
  }

  // The entries. std::map keeps the build deterministic.
  std::map<std::string, std::vector<const std::string*>> by_window, by_long_window;  // folded bytes → names
  for (const auto& entry : keys) {
    const std::string& key = entry.first;
    std::size_t length = window_length_[static_cast<unsigned char>(key.front())];
    if (has_long_window(key))
      by_long_window[key.substr(0, length + 2)].push_back(&key);
    else
      by_window[key.substr(0, length)].push_back(&key);
  }
  auto pattern_of = [&](const std::string& key) {
    std::uint32_t node = 0;
    for (char c : key) node = trie[node].child(static_cast<unsigned char>(c));
    return trie[node].pattern;
  };
  entries_.resize(1);
  entry_index_.assign(std::size_t{1} << kIndexBits, 0);
  auto add_entry = [&](const std::string& bytes, bool is_long, std::vector<const std::string*> names) {
    std::stable_sort(names.begin(), names.end(),
                     [](const std::string* a, const std::string* b) { return a->size() > b->size(); });
    const std::string& any_name = *names.front();
    auto first = static_cast<unsigned char>(any_name.front());
    std::size_t window = window_length_[first];
    Entry entry;
    char folded[8] = {};
    std::memcpy(folded, bytes.data(), bytes.size());
    entry.bytes = load8(folded);
    entry.key_case = case_bits(entry.bytes);
    entry.is_long = is_long;
    if (names.size() <= kMaxTails && names.front()->size() - window <= 8 * kTailWords) {
      entry.tails_begin = static_cast<std::uint32_t>(tails_.size());
      for (const std::string* name : names) {
        Tail tail;
        tail.length = static_cast<std::uint32_t>(name->size() - window);
        std::memcpy(tail.bytes, name->data() + window, tail.length);
        for (std::size_t k = 0; k < kTailWords; ++k) {
          tail.mask[k] = kFirstBytes[std::min<std::size_t>(tail.length - std::min<std::size_t>(tail.length, 8 * k), 8)];
          entry.has_letters = entry.has_letters || case_bits(tail.bytes[k]) != 0;
        }
        tail.pattern = pattern_of(*name);
        tail.ends_with_word_byte = is_word_byte(static_cast<unsigned char>(name->back()));
        tails_.push_back(tail);
      }
      entry.tails_end = static_cast<std::uint32_t>(tails_.size());
    }
    std::uint32_t node = 0;
    for (std::size_t i = 0; i < window; ++i) node = trie[node].child(static_cast<unsigned char>(any_name[i]));
    for (; !kept(node); ++entry.rest) node = trie[node].children.front().second;
    entry.slot = slot_of[node];
    // One entry for each form the hash sees, chained under it.
    std::vector<std::uint64_t> forms = is_long ? text_forms(any_name, bytes.size(), long_mask_[first])
                                               : filter_forms(any_name);
    std::sort(forms.begin(), forms.end());
    forms.erase(std::unique(forms.begin(), forms.end()), forms.end());
    for (std::uint64_t form : forms) {
      std::size_t index = is_long ? long_window_index(form) : window_index(form * filter_multiplier_);
      entry.next = entry_index_[index];
      entry_index_[index] = static_cast<std::uint32_t>(entries_.size());
      entries_.push_back(entry);
    }
  };
  for (const auto& [bytes, names] : by_window) add_entry(bytes, false, names);
  for (const auto& [bytes, names] : by_long_window) {
    std::vector<const std::string*> all = names;
    auto shorter = by_window.find(bytes.substr(0, window_length_[static_cast<unsigned char>(bytes.front())]));
    if (shorter != by_window.end()) all.insert(all.end(), shorter->second.begin(), shorter->second.end());
    add_entry(bytes, true, all);
  }
}

const AliasMatcher& AliasMatcher::builtin() {
  static const AliasMatcher matcher(Ontology::builtin());
  return matcher;
}

// The filter's hash of the window at p; reads the 8 bytes from p.
std::uint64_t AliasMatcher::window_product(const char* p) const {
  return (load8(p) & filter_mask_[static_cast<unsigned char>(*p)]) * filter_multiplier_;
}

// Whether the text from i goes on, folded, with the `length` bytes of chains_ from `chain`, the
// first 8 (or fewer) of which are `head`. Those are compared in one step where the text allows,
// which is the common case.
inline bool AliasMatcher::chain_matches(std::string_view text, std::size_t i, std::uint64_t head, std::size_t chain,
                                        std::size_t length) const {
  const std::size_t n = text.size();
  if (n - i >= 8 && length <= 8) return ((fold8(load8(text.data() + i)) ^ head) & kFirstBytes[length]) == 0;
  if (n - i < length) return false;
  return folded_matches(text.data() + i, n - i, chains_.data() + chain, length);
}

// The longest name that starts where the text that leads from the root to the node in `slot`
// starts, and ends at i or later.
AliasMatcher::Found AliasMatcher::longest_from(std::string_view text, std::uint32_t slot, std::size_t i) const {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  Found best;
  const Slot* node = &slots_[slot];
  for (;;) {
    if ((node->base & kEndsName) && ends_word(text, i)) best = {i, slot_patterns_[slot]};
    if (i >= n) break;
    std::uint32_t next = (node->base & ~kEndsName) + kFolded[s[i]];
    const Slot* edge = &slots_[next];
    if (edge->parent != slot) break;
    std::size_t length = edge->chain_length;
    if (length != 0 && !chain_matches(text, i + 1, edge->chain_head, edge->chain_begin, length)) break;
    i += 1 + length;
    slot = next;
    node = edge;
  }
  return best;
}

// The entry under one hash from `first` on whose bytes are `bytes` (unfolded), nullptr if none.
inline const AliasMatcher::Entry* AliasMatcher::find_entry(std::uint32_t first, bool is_long, std::uint64_t bytes) const {
  for (std::uint32_t e = first; e != 0; e = entries_[e].next) {
    const Entry& entry = entries_[e];
    if ((bytes | entry.key_case) == entry.bytes && entry.is_long == is_long) return &entry;
  }
  return nullptr;
}

// The longest of an entry's names that the text has, given that it has the name's window up
// to i.
inline AliasMatcher::Found AliasMatcher::match(const Entry& entry, std::string_view text, std::size_t i) const {
  const std::size_t n = text.size();
  const char* p = text.data() + i;
  if (entry.tails_begin == entry.tails_end || n - i < 8 * kTailWords) return walk(entry, text, i);
  // The text after the window, read once for all tails.
  std::uint64_t words[kTailWords];
  for (std::size_t k = 0; k < kTailWords; ++k) words[k] = load8(p + 8 * k);
  if (entry.has_letters)
    for (std::uint64_t& word : words) word = fold8(word);
  for (std::uint32_t t = entry.tails_begin; t < entry.tails_end; ++t) {
    const Tail& tail = tails_[t];
    std::uint64_t differ = 0;
    for (std::size_t k = 0; k < kTailWords; ++k) differ |= (words[k] ^ tail.bytes[k]) & tail.mask[k];
    if (differ == 0 && (!tail.ends_with_word_byte || ends_word(text, i + tail.length))) return {i + tail.length, tail.pattern};
  }
  return {};
}

// match() by walking the trie: for entries with many or long names, and near the end of the text.
AliasMatcher::Found AliasMatcher::walk(const Entry& entry, std::string_view text, std::size_t i) const {
  const std::size_t n = text.size();
  if (entry.rest != 0) {
    const Slot& edge = slots_[entry.slot];
    std::size_t chain = edge.chain_begin + edge.chain_length - entry.rest;
    if (n - i < entry.rest || !folded_matches(text.data() + i, n - i, chains_.data() + chain, entry.rest)) return {};
  }
  return longest_from(text, entry.slot, i + entry.rest);
}

// The offsets in a span of `length` bytes (at most kSpan; readable 8 bytes further) where a
// name may start: lead bytes and ASCII bytes of the classes names start with, where word bytes
// count only where a word starts. Returns their number (in offsets, in order, which must have
// room for 8 more); only_lead tells whether all are lead bytes.
std::size_t AliasMatcher::list_starts(const char* span, std::size_t length, bool after_word, unsigned char* offsets,
                                      bool& only_lead) const {
  const bool all_classes = (other_ascii_starts_ | continuation_starts_) != 0;
  std::size_t count = 0;
  std::uint64_t not_lead = 0;
  std::uint64_t word_before = after_word;
  for (std::size_t block = 0; block < kSpan && block < length; block += kBlock) {
    ByteClasses classes = all_classes ? classify64<true>(span + block) : classify64<false>(span + block);
    std::uint64_t word_starts = classes.word & ~(classes.word << 1 | word_before);
    word_before = classes.word >> 63;
    std::uint64_t other_starts = (word_starts & word_starts_) | (classes.other_ascii & other_ascii_starts_) |
                                 (classes.continuation & continuation_starts_);
    std::uint64_t starts = (classes.lead & lead_starts_) | other_starts;
    if (length - block < kBlock) starts &= (std::uint64_t{1} << (length - block)) - 1;
    not_lead |= other_starts;
    // The offsets of each byte's bits from a table, eight at a time, without a branch.
    for (std::size_t byte = 0; byte < 8; ++byte) {
      auto bits = static_cast<unsigned char>(starts >> (8 * byte));
      std::uint64_t where = kBitOffsets[bits] + (block + 8 * byte) * 0x0101010101010101ULL;
      std::memcpy(offsets + count, &where, 8);
      count += kBitCount[bits];
    }
  }
  only_lead = not_lead == 0;
  return count;
}

// Those of `count` offsets whose window passes filter_, into passed (in order; it may be
// offsets); returns how many.
std::size_t AliasMatcher::first_filter(const char* span, const unsigned char* offsets, std::size_t count,
                                       bool only_lead, unsigned char* passed) const {
  std::size_t passed_count = 0;
  if (only_lead) {
    // The same bytes of each go through the filter.
    for (std::size_t j = 0; j < count; ++j) {
      std::size_t k = offsets[j];
      passed[passed_count] = static_cast<unsigned char>(k);
      passed_count += filter_[((load8(span + k) & lead_filter_mask_) * filter_multiplier_) >> (64 - kFilterBits)];
    }
  } else {
    for (std::size_t j = 0; j < count; ++j) {
      std::size_t k = offsets[j];
      passed[passed_count] = static_cast<unsigned char>(k);
      passed_count += filter_[window_product(span + k) >> (64 - kFilterBits)];
    }
  }
  return passed_count;
}

// Those of `count` offsets whose window or long window has an entry under its hash, in place,
// with the first entry under each; returns how many.
std::size_t AliasMatcher::second_filter(const char* span, unsigned char* offsets, std::size_t count,
                                        std::uint32_t* window_entry, std::uint32_t* long_entry) const {
  std::size_t kept = 0;
  for (std::size_t j = 0; j < count; ++j) {
    const char* p = span + offsets[j];
    auto first = static_cast<unsigned char>(*p);
    std::uint64_t bytes = load8(p);
    std::uint32_t by_window = entry_index_[window_index((bytes & filter_mask_[first]) * filter_multiplier_)];
    std::uint32_t by_long = entry_index_[long_window_index(bytes & long_mask_[first])];
    offsets[kept] = offsets[j];
    window_entry[kept] = by_window;
    long_entry[kept] = by_long;
    kept += (by_window | by_long) != 0;
  }
  return kept;
}

std::vector<EntityMatch> AliasMatcher::find_all(std::string_view text, std::vector<EntityMatch> reuse) const {
  static_assert(kSpan <= 256, "offsets in a span are bytes");
  std::vector<EntityMatch> out = std::move(reuse);
  out.clear();
  const std::size_t n = text.size();
  out.reserve(n / 32);  // news text has about one name per 100 bytes, some much more
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());

  // Leftmost-longest is a greedy scan: at each position take the longest name that starts
  // there, then go on after it. Positions are taken a span of kSpan bytes at a time: those that
  // may start a name (list_starts) go through the filter, which lets few through, and those
  // through the second filter, which lets fewer and finds their entries; only those are
  // matched. Each step runs over the whole span, which keeps its loop long. The last span is
  // read from a zero-padded copy, so that windows stop at the end of the text.
  char padded[kSpan + 8];
  unsigned char offsets[kSpan + 8];
  std::uint32_t window_entry[kSpan], long_entry[kSpan];
  std::size_t pos = 0;
  while (pos < n) {
    const char* span = text.data() + pos;
    std::size_t left = n - pos;
    if (left < kSpan + 8) {
      std::memset(padded, 0, sizeof padded);
      std::memcpy(padded, span, std::min(left, sizeof padded));
      span = padded;
    }
    bool only_lead = false;
    std::size_t count = list_starts(span, left, pos > 0 && kWordByte[s[pos - 1]], offsets, only_lead);
    count = first_filter(span, offsets, count, only_lead, offsets);
    count = second_filter(span, offsets, count, window_entry, long_entry);

    std::size_t next = pos + kSpan;
    std::size_t free_from = pos;  // after the last name found
    for (std::size_t j = 0; j < count; ++j) {
      std::size_t begin = pos + offsets[j];
      if (begin < free_from) continue;
      const char* p = span + offsets[j];
      auto first = static_cast<unsigned char>(*p);
      std::uint64_t bytes = load8(p);
      // The entry of the long window lists all names that may start here; if there is none, that
      // of the window.
      const Entry* entry = nullptr;
      if (long_entry[j] != 0) entry = find_entry(long_entry[j], true, bytes & long_bytes_[first]);
      if (entry == nullptr && window_entry[j] != 0) entry = find_entry(window_entry[j], false, bytes & window_bytes_[first]);
      if (entry == nullptr) continue;
      Found found = match(*entry, text, begin + window_length_[first]);
      if (found.end == 0) continue;
      const Pattern& pattern = patterns_[static_cast<std::size_t>(found.pattern)];
      for (std::uint32_t k = pattern.entities_begin; k < pattern.entities_end; ++k)
        out.push_back({Span{begin, found.end}, entities_[k]});
      if (found.end >= pos + kSpan) {
        next = found.end;
        break;
      }
      free_from = found.end;
    }
    pos = next;
  }
  return out;
}

}  // namespace econind::detail
