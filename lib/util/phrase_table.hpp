#pragma once
// A small table of phrases matched at a given position: the lexicons (units, qualifiers,
// ranking words) next to numbers, and the link words at every character of the sentences that
// hold a figure. Latin letters match case-insensitively and only at word boundaries ("percent"
// does not match inside "percentage", "to" not inside "total").
#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace econind::detail {

template <class Payload>
class PhraseTable {
 public:
  struct Match {
    std::size_t begin, end;  // byte range in the searched text
    const Payload* payload;
  };

  void add(std::string_view phrase, Payload payload) {
    if (phrase.empty()) return;
    Entry e{std::string(phrase), std::move(payload), is_letter(fold(phrase.front())), is_letter(fold(phrase.back()))};
    for (char& c : e.folded) c = static_cast<char>(fold(c));
    entries_.push_back(std::move(e));
    auto i = static_cast<std::uint32_t>(entries_.size() - 1);
    const std::string& p = entries_.back().folded;
    auto first = static_cast<unsigned char>(p.front());
    auto last = static_cast<unsigned char>(p.back());
    // A one-byte phrase passes any byte next to it. Both cases of a letter are entered, so that
    // lookups read the text's bytes as they are.
    std::uint64_t seconds = p.size() == 1 ? ~std::uint64_t{0} : both_cases(p[1]);
    std::uint64_t seconds_last = p.size() == 1 ? ~std::uint64_t{0} : both_cases(p[p.size() - 2]);
    second_[first] |= seconds;
    second_[static_cast<unsigned char>(upper(p.front()))] |= seconds;
    second_last_[last] |= seconds_last;
    second_last_[static_cast<unsigned char>(upper(p.back()))] |= seconds_last;
    insert(p.size() >= 3 ? long_bucket(key_of(p, 0)) : short_by_first_[first], i);
    insert(by_last_[last], i);
  }

  // Longest phrase that starts exactly at `pos`. Most positions start no phrase: the first two
  // bytes settle that with two table reads; the rest compare only the phrases that share their
  // first three bytes, then the shorter ones with their first byte.
  std::optional<Match> match_at(std::string_view text, std::size_t pos) const {
    if (pos >= text.size()) return std::nullopt;
    std::uint64_t seconds = second_[static_cast<unsigned char>(text[pos])];
    if (seconds == 0 || (pos + 1 < text.size() && (seconds & bit_of(text[pos + 1])) == 0)) return std::nullopt;
    unsigned char first = fold(text[pos]);
    if (pos + 3 <= text.size()) {
      if (int b = find_long_bucket(key_of(text, pos)); b >= 0) {
        for (std::uint32_t k : long_buckets_[static_cast<std::size_t>(b)].entries)
          if (matches_at(text, pos, entries_[k], 3)) return match(pos, k);
      }
    }
    for (std::uint32_t k : short_by_first_[first])
      if (matches_at(text, pos, entries_[k], 1)) return match(pos, k);
    return std::nullopt;
  }

  // Longest phrase that ends exactly at `pos`, looked for by its last two bytes as match_at
  // does by the first.
  std::optional<Match> match_before(std::string_view text, std::size_t pos) const {
    if (pos == 0 || pos > text.size()) return std::nullopt;
    std::uint64_t seconds = second_last_[static_cast<unsigned char>(text[pos - 1])];
    if (seconds == 0 || (pos > 1 && (seconds & bit_of(text[pos - 2])) == 0)) return std::nullopt;
    unsigned char last = fold(text[pos - 1]);
    for (std::uint32_t k : by_last_[last]) {
      const Entry& e = entries_[k];
      std::size_t n = e.folded.size();
      if (n <= pos && matches_at(text, pos - n, e, 0)) return Match{pos - n, pos, &e.payload};
    }
    return std::nullopt;
  }

  std::size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    std::string folded;  // ASCII letters in lower case
    Payload payload;
    bool letter_start, letter_end;  // must not continue a word before (after) it
  };

  static unsigned char fold(char c) {
    return static_cast<unsigned char>((c >= 'A' && c <= 'Z') ? (c | 0x20) : c);
  }
  static bool is_letter(unsigned char c) { return c >= 'a' && c <= 'z'; }
  static char upper(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c & ~0x20) : c; }
  // A byte's bit in a filter of 64: its low six bits.
  static std::uint64_t bit_of(char c) { return std::uint64_t{1} << (static_cast<unsigned char>(c) & 63); }
  static std::uint64_t both_cases(char c) { return bit_of(c) | bit_of(upper(c)); }
  static bool is_word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
  // The first three bytes at `i`, folded.
  static std::uint32_t key_of(std::string_view s, std::size_t i) {
    return std::uint32_t{fold(s[i])} << 16 | std::uint32_t{fold(s[i + 1])} << 8 | fold(s[i + 2]);
  }

  Match match(std::size_t pos, std::uint32_t k) const {
    return {pos, pos + entries_[k].folded.size(), &entries_[k].payload};
  }

  // Does `e` match at `i`, within word boundaries? Its first `known` bytes are known to.
  static bool matches_at(std::string_view t, std::size_t i, const Entry& e, std::size_t known) {
    std::size_t n = e.folded.size();
    if (i + n > t.size()) return false;
    for (std::size_t k = known; k < n; ++k)
      if (fold(t[i + k]) != static_cast<unsigned char>(e.folded[k])) return false;
    if (e.letter_start && i > 0 && is_word_char(t[i - 1])) return false;
    if (e.letter_end && i + n < t.size() && is_word_char(t[i + n])) return false;
    return true;
  }

  // Keeps a list longest phrase first, the earlier added first among equally long ones, so
  // that the first hit is the longest match.
  void insert(std::vector<std::uint32_t>& list, std::uint32_t index) {
    std::size_t size = entries_[index].folded.size();
    auto shorter = [&](std::uint32_t j) { return entries_[j].folded.size() < size; };
    list.insert(std::find_if(list.begin(), list.end(), shorter), index);
  }

  // Phrases of three bytes or more, in buckets by those bytes, found through an open-addressed
  // table at most half full.
  struct LongBucket {
    std::uint32_t key;
    std::vector<std::uint32_t> entries;  // longest first
  };
  static std::size_t slot_of(std::uint32_t key, std::size_t mask) { return (key * 2654435761u >> 8) & mask; }

  // Index into long_buckets_ of the bucket for `key`, or -1.
  int find_long_bucket(std::uint32_t key) const {
    if (slots_.empty()) return -1;
    std::size_t mask = slots_.size() - 1;
    for (std::size_t s = slot_of(key, mask);; s = (s + 1) & mask)
      if (slots_[s] < 0 || long_buckets_[static_cast<std::size_t>(slots_[s])].key == key) return slots_[s];
  }

  std::vector<std::uint32_t>& long_bucket(std::uint32_t key) {
    if (slots_.empty() || 2 * (long_buckets_.size() + 1) > slots_.size()) {
      std::vector<int> slots(slots_.empty() ? 64 : 2 * slots_.size(), -1);
      for (std::size_t b = 0; b < long_buckets_.size(); ++b) place(slots, long_buckets_[b].key, b);
      slots_ = std::move(slots);
    }
    if (int b = find_long_bucket(key); b >= 0) return long_buckets_[static_cast<std::size_t>(b)].entries;
    long_buckets_.push_back({key, {}});
    place(slots_, key, long_buckets_.size() - 1);
    return long_buckets_.back().entries;
  }

  static void place(std::vector<int>& slots, std::uint32_t key, std::size_t b) {
    std::size_t mask = slots.size() - 1;
    std::size_t s = slot_of(key, mask);
    while (slots[s] >= 0) s = (s + 1) & mask;
    slots[s] = static_cast<int>(b);
  }

  std::vector<Entry> entries_;
  // Filters, by a phrase's first (last) byte in either case: the bits of its second
  // (second-to-last) byte in either case, all of them for a phrase of one byte; zero where no
  // phrase starts (ends).
  std::array<std::uint64_t, 256> second_{};
  std::array<std::uint64_t, 256> second_last_{};
  std::vector<LongBucket> long_buckets_;
  std::vector<int> slots_;                                        // index into long_buckets_, -1 when empty
  std::array<std::vector<std::uint32_t>, 256> short_by_first_;  // phrases of one or two bytes, longest first
  std::array<std::vector<std::uint32_t>, 256> by_last_;         // every phrase by its last byte, longest first
};

}  // namespace econind::detail
