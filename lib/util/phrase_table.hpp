#pragma once
// A small table of phrases matched at a given position: the lexicons (units, qualifiers,
// ranking words) are looked up only next to numbers, so buckets by the first (last) two bytes,
// longest phrase first, are all the speed they need. Latin letters match case-insensitively and
// only at word boundaries ("percent" does not match inside "percentage").
#include <algorithm>
#include <array>
#include <bitset>
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
    entries_.push_back({std::string(phrase), std::move(payload)});
    auto i = static_cast<std::uint32_t>(entries_.size() - 1);
    unsigned char first = fold(phrase.front());
    unsigned char last = fold(phrase.back());
    if (phrase.size() == 1) {
      has_single_byte_[first] = true;
    } else {
      second_[first][fold(phrase[1])] = true;
      second_last_[last][fold(phrase[phrase.size() - 2])] = true;
    }
    insert(by_first_[first], {phrase.size() == 1 ? kNone : fold(phrase[1]), i});
    insert(by_last_[last], {phrase.size() == 1 ? kNone : fold(phrase[phrase.size() - 2]), i});
  }

  // Longest phrase that starts exactly at `pos`.
  std::optional<Match> match_at(std::string_view text, std::size_t pos) const {
    if (pos >= text.size()) return std::nullopt;
    unsigned char first = fold(text[pos]);
    if (by_first_[first].empty()) return std::nullopt;
    // Most positions start no phrase: the first two bytes settle that without a comparison,
    // and otherwise lead to the few phrases that start with them.
    bool second = pos + 1 < text.size() && second_[first][fold(text[pos + 1])];
    if (!second && !has_single_byte_[first]) return std::nullopt;
    return find_at(text, pos, second);
  }

  // Longest phrase that ends exactly at `pos`.
  std::optional<Match> match_before(std::string_view text, std::size_t pos) const {
    if (pos == 0 || pos > text.size()) return std::nullopt;
    unsigned char last = fold(text[pos - 1]);
    if (by_last_[last].empty()) return std::nullopt;
    // As in match_at, by the last two bytes.
    bool second = pos > 1 && second_last_[last][fold(text[pos - 2])];
    if (!second && !has_single_byte_[last]) return std::nullopt;
    return find_before(text, pos, second);
  }

  std::size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    std::string phrase;
    Payload payload;
  };

  static unsigned char fold(char c) {
    return static_cast<unsigned char>((c >= 'A' && c <= 'Z') ? (c | 0x20) : c);
  }
  static bool equal(std::string_view a, std::string_view b) {
    for (std::size_t i = 0; i < a.size(); ++i)
      if (fold(a[i]) != fold(b[i])) return false;
    return true;
  }
  static bool is_word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
  // A phrase that begins (ends) with a letter must not continue a word before (after) it.
  static bool bounded(std::string_view text, std::size_t b, std::size_t e, const std::string& p) {
    bool letter_start = (fold(p.front()) >= 'a' && fold(p.front()) <= 'z');
    bool letter_end = (fold(p.back()) >= 'a' && fold(p.back()) <= 'z');
    if (letter_start && b > 0 && is_word_char(text[b - 1])) return false;
    if (letter_end && e < text.size() && is_word_char(text[e])) return false;
    return true;
  }

  // The phrases at `pos` that start with its first two bytes (when `second`), then with its first
  // byte alone, longest first.
  std::optional<Match> find_at(std::string_view text, std::size_t pos, bool second) const {
    const Bucket& bucket = by_first_[fold(text[pos])];
    for (unsigned key : {second ? fold(text[pos + 1]) : kNone, kNone}) {
      for (auto it = find(bucket, key); it != bucket.end() && it->key == key; ++it) {
        const std::string& p = entries_[it->entry].phrase;
        if (pos + p.size() <= text.size() && equal(text.substr(pos, p.size()), p) &&
            bounded(text, pos, pos + p.size(), p))
          return Match{pos, pos + p.size(), &entries_[it->entry].payload};
      }
      if (key == kNone) break;
    }
    return std::nullopt;
  }
  // As find_at, for the phrases that end at `pos`.
  std::optional<Match> find_before(std::string_view text, std::size_t pos, bool second) const {
    const Bucket& bucket = by_last_[fold(text[pos - 1])];
    for (unsigned key : {second ? fold(text[pos - 2]) : kNone, kNone}) {
      for (auto it = find(bucket, key); it != bucket.end() && it->key == key; ++it) {
        const std::string& p = entries_[it->entry].phrase;
        if (p.size() <= pos && equal(text.substr(pos - p.size(), p.size()), p) && bounded(text, pos - p.size(), pos, p))
          return Match{pos - p.size(), pos, &entries_[it->entry].payload};
      }
      if (key == kNone) break;
    }
    return std::nullopt;
  }

  // A phrase in a bucket of phrases that share their first (last) byte, by the byte next to
  // it; kNone for a phrase of one byte.
  static constexpr unsigned kNone = 256;
  struct Slot {
    unsigned key;
    std::uint32_t entry;
  };
  using Bucket = std::vector<Slot>;

  // Keeps each bucket ordered by key, and longest phrase first within a key (the earlier added
  // first among equally long ones), so the first hit is the longest match.
  void insert(Bucket& bucket, Slot slot) {
    std::size_t size = entries_[slot.entry].phrase.size();
    auto pos = std::find_if(bucket.begin(), bucket.end(), [&](const Slot& s) {
      return s.key > slot.key || (s.key == slot.key && entries_[s.entry].phrase.size() < size);
    });
    bucket.insert(pos, slot);
  }
  static typename Bucket::const_iterator find(const Bucket& bucket, unsigned key) {
    return std::lower_bound(bucket.begin(), bucket.end(), key, [](const Slot& s, unsigned k) { return s.key < k; });
  }

  std::vector<Entry> entries_;
  std::array<Bucket, 256> by_first_;
  std::array<std::bitset<256>, 256> second_{};       // second bytes of the phrases, by first byte
  std::array<std::bitset<256>, 256> second_last_{};  // second-to-last bytes, by last byte
  std::bitset<256> has_single_byte_{};                // bytes that are a whole phrase
  std::array<Bucket, 256> by_last_;
};

}  // namespace econind::detail
