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

bool is_continuation_byte(unsigned char b) { return (b & 0xC0) == 0x80; }

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

// fold on eight bytes at once.
std::uint64_t fold8(std::uint64_t x) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  std::uint64_t low7 = x & (0x7F * kOnes);
  std::uint64_t from_a = low7 + (0x80 - 'A') * kOnes;   // bit 7 set if the low 7 bits are >= 'A'
  std::uint64_t after_z = low7 + (0x7F - 'Z') * kOnes;  // bit 7 set if they are > 'Z'
  std::uint64_t upper = from_a & ~after_z & ~x & (0x80 * kOnes);
  return x | (upper >> 2);
}

constexpr unsigned kFilterBits = 15;  // one byte per entry: 32 KiB

std::size_t filter_index(std::uint64_t window, std::uint64_t multiplier) {
  return static_cast<std::size_t>((window * multiplier) >> (64 - kFilterBits));
}

std::size_t window_hash(std::uint64_t window, unsigned bits) {
  return static_cast<std::size_t>((window * 0xD6E8FEB86659FD93ULL) >> (64 - bits));
}

// Which of 32 bits stands for the two bytes after a window.
unsigned next_bytes_bit(unsigned char first, unsigned char second) {
  std::uint32_t pair = std::uint32_t{kFolded[first]} << 8 | kFolded[second];
  return (pair * 0x9E3779B1u) >> 27;
}

// The index of the lowest set bit of x != 0.
#if defined(__GNUC__) || defined(__clang__)
unsigned lowest_bit(std::uint64_t x) { return static_cast<unsigned>(__builtin_ctzll(x)); }
#else
// A de Bruijn sequence: the top 6 bits of kDeBruijn << k differ for every k.
constexpr std::uint64_t kDeBruijn = 0x03F79D71B4CB0A89ULL;
constexpr std::array<unsigned char, 64> kDeBruijnBit = [] {
  std::array<unsigned char, 64> table{};
  for (unsigned k = 0; k < 64; ++k) table[(kDeBruijn << k) >> 58] = static_cast<unsigned char>(k);
  return table;
}();
unsigned lowest_bit(std::uint64_t x) { return kDeBruijnBit[((x & (~x + 1)) * kDeBruijn) >> 58]; }
#endif

// Latin names must not be cut out of a longer word ("Lanzhou" in "Lanzhoux"): a name that
// starts (ends) with a word byte needs a non-word byte or the edge of the text before (after) it.
bool starts_word(std::string_view text, std::size_t begin) {
  return !(begin > 0 && kWordByte[static_cast<unsigned char>(text[begin])] &&
           kWordByte[static_cast<unsigned char>(text[begin - 1])]);
}
bool ends_word(std::string_view text, std::size_t end) {
  return !(kWordByte[static_cast<unsigned char>(text[end - 1])] && end < text.size() &&
           kWordByte[static_cast<unsigned char>(text[end])]);
}

// Bit k set if p[k] (k < 64) is no UTF-8 continuation byte, i.e. may begin a character.
std::uint64_t char_starts64(const char* p) {
  std::uint64_t starts = 0;
#if defined(__SSE2__) || defined(_M_X64)
  for (unsigned k = 0; k < 64; k += 16) {
    __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + k));
    // Continuation bytes 0x80..0xBF are -128..-65 as signed bytes.
    auto mask = static_cast<std::uint32_t>(_mm_movemask_epi8(_mm_cmpgt_epi8(bytes, _mm_set1_epi8(-65))));
    starts |= std::uint64_t{mask} << k;
  }
#else
  for (unsigned k = 0; k < 64; ++k)
    starts |= static_cast<std::uint64_t>(!is_continuation_byte(static_cast<unsigned char>(p[k]))) << k;
#endif
  return starts;
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
    patterns_.push_back({begin, static_cast<std::uint32_t>(entities_.size())});
    if (is_continuation_byte(static_cast<unsigned char>(key.front()))) names_start_at_char_starts_ = false;
  }
  node_count_ = trie.size();

  // Double array, depth first so that a name's nodes lie close together: each node's children
  // go to the first base whose slots base + label are all free. Bases start at 1 so that no
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
  grow(256);
  take(0);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> stack{{0, 0}};  // node, its slot
  while (!stack.empty()) {
    auto [node, slot] = stack.back();
    stack.pop_back();
    if (trie[node].pattern >= 0) {
      slots_[slot].base = kEndsName;
      slot_patterns_[slot] = trie[node].pattern;
    }
    auto& children = trie[node].children;
    if (children.empty()) continue;
    std::sort(children.begin(), children.end());
    unsigned char first = children.front().first;
    std::size_t base = 0;
    for (std::size_t t = next_free(first + 1u);; t = next_free(t + 1)) {
      base = t - first;
      grow(base + 256);  // every base + byte stays inside slots_
      bool fits = std::all_of(children.begin(), children.end(),
                              [&](const auto& child) { return free_hint[base + child.first] == base + child.first; });
      if (fits) break;
    }
    slots_[slot].base |= static_cast<std::uint32_t>(base);
    for (const auto& [c, child] : children) {
      take(base + c);
      slots_[base + c].parent = slot;
    }
    for (auto it = children.rbegin(); it != children.rend(); ++it)
      stack.emplace_back(it->second, static_cast<std::uint32_t>(base + it->first));
  }

  // Windows: the shortest name per first byte sets the length.
  std::array<std::size_t, 256> shortest{};
  for (const auto& entry : keys) {
    const std::string& key = entry.first;
    std::size_t& n = shortest[static_cast<unsigned char>(key.front())];
    n = n == 0 ? key.size() : std::min(n, key.size());
  }
  for (unsigned b = 0; b < 256; ++b) {
    std::size_t length = std::min<std::size_t>(shortest[fold(static_cast<unsigned char>(b))], 8);
    window_length_[b] = static_cast<std::uint8_t>(length);
    window_bytes_[b] = first_bytes_mask(length);
    // Windows that start with an ASCII byte lose bit 5 of every byte in the filter, which folds
    // case; the others are kept whole and enter the filter in both cases of their letters.
    filter_mask_[b] = b < 0x80 ? window_bytes_[b] & 0xDFDFDFDFDFDFDFDFULL : window_bytes_[b];
  }
  // The window of a name in every form find_window looks it up in: folded if it starts with an
  // ASCII byte, else as the text may have it, with each letter in either case.
  auto text_windows = [&](const std::string& key) {
    auto first = static_cast<unsigned char>(key.front());
    std::size_t length = window_length_[first];
    std::vector<std::size_t> letters;
    for (std::size_t i = 0; i < length && first >= 0x80; ++i)
      if (key[i] >= 'a' && key[i] <= 'z') letters.push_back(i);
    std::vector<std::uint64_t> windows;
    for (std::size_t variant = 0; variant < (std::size_t{1} << letters.size()); ++variant) {
      char bytes[8] = {};
      std::memcpy(bytes, key.data(), length);
      for (std::size_t j = 0; j < letters.size(); ++j)
        if ((variant >> j) & 1) bytes[letters[j]] = static_cast<char>(bytes[letters[j]] - 'a' + 'A');
      windows.push_back(load8(bytes));
    }
    return windows;
  };

  // A byte no name starts with has the empty window, whose index is 0: take a multiplier that
  // leaves entry 0 clear, so that such positions are always rejected.
  std::vector<std::uint64_t> filter_windows;
  for (const auto& entry : keys)
    for (std::uint64_t window : text_windows(entry.first))
      filter_windows.push_back(window & filter_mask_[static_cast<unsigned char>(entry.first.front())]);
  for (std::uint64_t multiplier : {0x9E3779B97F4A7C15ULL, 0xC2B2AE3D27D4EB4FULL, 0x165667B19E3779F9ULL}) {
    filter_.assign(std::size_t{1} << kFilterBits, 0);
    filter_multiplier_ = multiplier;
    for (std::uint64_t window : filter_windows) filter_[filter_index(window, multiplier)] = 1;
    if (filter_[0] == 0) break;
  }

  // The trie node of every window, and the two bytes that may follow it, in a hash table at
  // most a quarter full (few probes).
  std::map<std::uint64_t, Window> window_nodes;
  for (const auto& entry : keys) {
    const std::string& key = entry.first;
    std::size_t length = window_length_[static_cast<unsigned char>(key.front())];
    std::uint32_t slot = 0;
    for (std::size_t i = 0; i < length; ++i)
      slot = (slots_[slot].base & ~kEndsName) + static_cast<unsigned char>(key[i]);
    for (std::uint64_t bytes : text_windows(key)) {
      Window& window = window_nodes[bytes];
      window.bytes = bytes;
      window.slot = slot;
      if (key.size() == length + 1) window.next = ~std::uint32_t{0};  // any byte may follow the last one
      if (key.size() >= length + 2)
        window.next |= std::uint32_t{1} << next_bytes_bit(static_cast<unsigned char>(key[length]),
                                                          static_cast<unsigned char>(key[length + 1]));
    }
  }
  unsigned bits = 4;
  while ((std::size_t{1} << bits) < 4 * window_nodes.size()) ++bits;
  windows_.assign(std::size_t{1} << bits, Window{});
  for (const auto& [bytes, window] : window_nodes) {
    std::size_t i = window_hash(bytes, bits);
    while (windows_[i].slot != 0) i = (i + 1) & (windows_.size() - 1);
    windows_[i] = window;
  }
  window_hash_bits_ = bits;
}

const AliasMatcher& AliasMatcher::builtin() {
  static const AliasMatcher matcher(Ontology::builtin());
  return matcher;
}

// 0 only if no name starts at p, else 1; reads the 8 bytes from p.
std::uint64_t AliasMatcher::may_start_at(const char* p) const {
  std::uint64_t window = load8(p) & filter_mask_[static_cast<unsigned char>(*p)];
  return filter_[filter_index(window, filter_multiplier_)];
}

// The entry of the window at p, nullptr if none; reads the 8 bytes from p.
const AliasMatcher::Window* AliasMatcher::find_window(const char* p) const {
  auto first = static_cast<unsigned char>(*p);
  std::uint64_t bytes = load8(p) & window_bytes_[first];
  if (first < 0x80) bytes = fold8(bytes);
  for (std::size_t i = window_hash(bytes, window_hash_bits_);; i = (i + 1) & (windows_.size() - 1)) {
    if (windows_[i].slot == 0) return nullptr;
    if (windows_[i].bytes == bytes) return &windows_[i];
  }
}

// The longest name that starts where the text that leads from the root to the node in `slot`
// starts, and ends at i or later.
AliasMatcher::Found AliasMatcher::longest_from(std::string_view text, std::uint32_t slot, std::size_t i) const {
  Found best;
  if ((slots_[slot].base & kEndsName) && ends_word(text, i)) best = {i, slot_patterns_[slot]};
  for (; i < text.size(); ++i) {
    std::uint32_t next = (slots_[slot].base & ~kEndsName) + kFolded[static_cast<unsigned char>(text[i])];
    if (slots_[next].parent != slot) break;
    slot = next;
    if ((slots_[slot].base & kEndsName) && ends_word(text, i + 1)) best = {i + 1, slot_patterns_[slot]};
  }
  return best;
}

std::vector<EntityMatch> AliasMatcher::find_all(std::string_view text) const {
  std::vector<EntityMatch> out;
  const std::size_t n = text.size();
  out.reserve(n / 128);  // news text has about one name per 100 bytes
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  auto emit = [&](std::size_t begin, const Found& found) {
    const Pattern& pat = patterns_[static_cast<std::size_t>(found.pattern)];
    for (std::uint32_t k = pat.entities_begin; k < pat.entities_end; ++k)
      out.push_back({Span{begin, found.end}, entities_[k]});
  };

  // Leftmost-longest is a greedy scan: at each position take the longest name that starts
  // there, then go on after it. Positions are taken a block at a time: those that begin a
  // character go through the filter, which lets few through, and only those are walked, from
  // the node of their window. The windows of the last block are read from a zero-padded copy,
  // so that they stop at the end of the text.
  constexpr std::size_t kBlock = 64;
  char padded[kBlock + 8];
  std::size_t pos = 0;
  while (pos < n) {
    const char* block = text.data() + pos;
    std::uint64_t in_text = ~std::uint64_t{0};
    if (n - pos < kBlock + 7) {
      std::size_t left = n - pos;
      std::memset(padded, 0, sizeof padded);
      std::memcpy(padded, block, std::min(left, sizeof padded));
      block = padded;
      if (left < kBlock) in_text = (std::uint64_t{1} << left) - 1;
    }
    std::uint64_t starts = in_text;
    if (names_start_at_char_starts_) starts &= char_starts64(block);
    std::uint64_t candidates = 0;
    for (; starts != 0; starts &= starts - 1) {
      unsigned k = lowest_bit(starts);
      candidates |= may_start_at(block + k) << k;
    }
    std::size_t next = pos + kBlock;
    while (candidates != 0) {
      unsigned k = lowest_bit(candidates);
      candidates &= candidates - 1;
      std::size_t begin = pos + k;
      if (!starts_word(text, begin)) continue;
      const Window* window = find_window(block + k);
      if (window == nullptr) continue;
      // Walk on from the window's node only if the two bytes after it may continue a name.
      std::size_t i = begin + window_length_[s[begin]];
      Found found;
      if (i + 2 > n || (window->next >> next_bytes_bit(s[i], s[i + 1]) & 1))
        found = longest_from(text, window->slot, i);
      else if ((slots_[window->slot].base & kEndsName) && ends_word(text, i))
        found = {i, slot_patterns_[window->slot]};
      if (found.end == 0) continue;
      emit(begin, found);
      if (found.end >= pos + kBlock) {
        next = found.end;
        break;
      }
      candidates &= ~std::uint64_t{0} << (found.end - pos);
    }
    pos = next;
  }
  return out;
}

}  // namespace econind::detail
