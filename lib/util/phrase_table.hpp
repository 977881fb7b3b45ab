#pragma once
// A small table of phrases matched at a given position: the lexicons (units, qualifiers,
// ranking words) are looked up only next to numbers, so a bucket per first or last byte,
// longest phrase first, is all the speed they need. Latin letters match case-insensitively and
// only at word boundaries ("percent" does not match inside "percentage").
#include <algorithm>
#include <array>
#include <bitset>
#include <cstddef>
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
    std::size_t i = entries_.size() - 1;
    unsigned char first = fold(phrase.front());
    if (phrase.size() == 1) has_single_byte_[first] = true;
    else second_[first][fold(phrase[1])] = true;
    insert(by_first_[first], i);
    insert(by_last_[fold(phrase.back())], i);
  }

  // Longest phrase that starts exactly at `pos`.
  std::optional<Match> match_at(std::string_view text, std::size_t pos) const {
    if (pos >= text.size()) return std::nullopt;
    unsigned char first = fold(text[pos]);
    // Most positions start no phrase: the first two bytes settle that without a comparison.
    if (by_first_[first].empty()) return std::nullopt;
    if (pos + 1 < text.size() && !second_[first][fold(text[pos + 1])] && !has_single_byte_[first]) return std::nullopt;
    for (std::size_t e : by_first_[first]) {
      const std::string& p = entries_[e].phrase;
      if (pos + p.size() <= text.size() && equal(text.substr(pos, p.size()), p) && bounded(text, pos, pos + p.size(), p))
        return Match{pos, pos + p.size(), &entries_[e].payload};
    }
    return std::nullopt;
  }

  // Longest phrase that ends exactly at `pos`.
  std::optional<Match> match_before(std::string_view text, std::size_t pos) const {
    if (pos == 0 || pos > text.size()) return std::nullopt;
    for (std::size_t e : by_last_[fold(text[pos - 1])]) {
      const std::string& p = entries_[e].phrase;
      if (p.size() <= pos && equal(text.substr(pos - p.size(), p.size()), p) && bounded(text, pos - p.size(), pos, p))
        return Match{pos - p.size(), pos, &entries_[e].payload};
    }
    return std::nullopt;
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

  // Keeps each bucket ordered longest phrase first, so the first hit is the longest match.
  void insert(std::vector<std::size_t>& bucket, std::size_t i) {
    auto pos = std::find_if(bucket.begin(), bucket.end(),
                            [&](std::size_t j) { return entries_[j].phrase.size() < entries_[i].phrase.size(); });
    bucket.insert(pos, i);
  }

  std::vector<Entry> entries_;
  std::array<std::vector<std::size_t>, 256> by_first_;
  std::array<std::bitset<256>, 256> second_{};  // second bytes of the phrases, by first byte
  std::bitset<256> has_single_byte_{};           // first bytes that are a whole phrase
  std::array<std::vector<std::size_t>, 256> by_last_;
};

}  // namespace econind::detail
