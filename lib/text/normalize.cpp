#include "text/normalize.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#if defined(__SSE2__) || defined(_M_X64)
#include <emmintrin.h>
#endif

#include "text/utf8.hpp"
#include "util/bits.hpp"

namespace econind::detail {

// ---------------------------------------------------------------------------------------------
// OffsetMap

void OffsetMap::append(std::size_t orig_len, std::size_t norm_len) {
  bool linear = orig_len == norm_len;
  if (!(linear && last_linear_ && !regions_.empty())) start_region();
  last_linear_ = linear;
  norm_ += norm_len;
  orig_ += orig_len;
}

void OffsetMap::append_whole(std::size_t orig_len, std::size_t norm_len) {
  start_region();
  whole_.push_back(static_cast<std::uint32_t>(regions_.size() - 1));
  last_linear_ = false;
  norm_ += norm_len;
  orig_ += orig_len;
}

void OffsetMap::finish() { start_region(); }

void OffsetMap::start_region() {
  // Written in place: a Region built first and then copied in goes through the stack as two
  // halves read back as one word, which the processor cannot forward.
  Region& r = regions_.emplace_back();
  r.norm = static_cast<std::uint32_t>(norm_);
  r.orig = static_cast<std::uint32_t>(orig_);
}

std::size_t OffsetMap::region_index(std::size_t norm_pos) const {
  // The last region starting at or before norm_pos (the sentinel excluded; the first region
  // starts at 0). A binary search whose steps the compiler makes conditional moves: the
  // positions asked for jump around, so branches on them would mostly be mispredicted.
  std::size_t first = 0, count = regions_.size() - 1;
  while (count > 1) {
    std::size_t half = count / 2;
    first = regions_[first + half].norm <= norm_pos ? first + half : first;
    count -= half;
  }
  return first;
}

std::size_t OffsetMap::region_index(std::size_t norm_pos, std::size_t* hint) const {
  if (!hint || *hint + 1 >= regions_.size() || regions_[*hint].norm > norm_pos) {
    std::size_t i = region_index(norm_pos);
    if (hint) *hint = i;
    return i;
  }
  // Gallop forward from the hint to a range that holds the answer, then search only that range:
  // the cost grows with the log of the distance from the last lookup, not of the whole map.
  std::size_t last = regions_.size() - 2;  // the last region (the sentinel excluded)
  std::size_t lo = *hint, step = 1;
  while (lo + step <= last && regions_[lo + step].norm <= norm_pos) {
    lo += step;
    step *= 2;
  }
  std::size_t hi = std::min(lo + step, last + 1);  // regions_[hi].norm > norm_pos, or hi is past the last
  while (hi - lo > 1) {
    std::size_t mid = lo + (hi - lo) / 2;
    if (regions_[mid].norm <= norm_pos) lo = mid;
    else hi = mid;
  }
  return *hint = lo;
}

std::size_t OffsetMap::to_original_begin(std::size_t norm_pos, std::size_t* hint) const {
  if (regions_.size() < 2 || norm_pos >= regions_.back().norm) return regions_.empty() ? 0 : regions_.back().orig;
  std::size_t i = region_index(norm_pos, hint);
  const Region& r = regions_[i];
  if (byte_for_byte(i)) return r.orig + (norm_pos - r.norm);
  return norm_pos == r.norm ? r.orig : regions_[i + 1].orig;
}

std::size_t OffsetMap::to_original_end(std::size_t norm_pos, std::size_t* hint) const {
  if (regions_.size() < 2 || norm_pos == 0) return regions_.empty() ? 0 : regions_.front().orig;
  if (norm_pos > regions_.back().norm) return regions_.back().orig;
  std::size_t i = region_index(norm_pos - 1, hint);  // the region holding the last byte of the span
  const Region& r = regions_[i];
  if (byte_for_byte(i)) return r.orig + (norm_pos - r.norm);
  return regions_[i + 1].orig;
}

Span OffsetMap::to_original_across(Span norm, std::size_t* hint) const {
  // The hint is left at the span's begin: the next span asked for may begin inside this one
  // (another figure of the same sentence, another entity of the same name).
  std::size_t begin = to_original_begin(norm.begin, hint);
  std::size_t end_hint = hint ? *hint : 0;
  Span s{begin, to_original_end(norm.end, hint ? &end_hint : nullptr)};
  if (s.begin >= s.end && norm.begin < norm.end && regions_.size() >= 2 && norm.begin < regions_.back().norm)
    s.begin = std::min<std::size_t>(s.end, regions_[region_index(norm.begin)].orig);
  return s;
}

// ---------------------------------------------------------------------------------------------
// normalize()

namespace {

constexpr std::size_t kMaxDiagnostics = 100;

// Room kept past the end of the normalized text, so that a loop may store a whole word of which
// only the first bytes count.
constexpr std::size_t kSlack = 16;

bool is_blank(char32_t c) { return c == ' ' || c == '\t'; }

// Units and scale words that a number may be separated from by blanks ("2158 家", "12 %").
bool binds_to_number(char32_t c) { return is_cjk_ideograph(c) || c == '%' || c == 0x2030; }

// Whether blanks after `last` stay as they are whatever follows them: only a number or a Chinese
// character before them can make them fold (flush_blanks()).
bool blanks_after_stay(char32_t last) { return !is_ascii_digit(last) && !is_cjk_ideograph(last); }

// The little-endian word of the four bytes at p.
std::uint32_t load_le32(const unsigned char* p) {
  return static_cast<std::uint32_t>(p[0]) | static_cast<std::uint32_t>(p[1]) << 8 |
         static_cast<std::uint32_t>(p[2]) << 16 | static_cast<std::uint32_t>(p[3]) << 24;
}

// Whether the word w (load_le32) starts with a sequence of the three-byte shape (lead byte
// 1110xxxx, two continuation bytes), overlong forms and surrogates included.
bool is_three_byte(std::uint32_t w) { return (w & 0xC0C0F0) == 0x8080E0; }
// Where the code point of such a sequence sits in a bitset of 64-bit words: word cp >> 6, bit
// cp & 63, the code point cp.
std::uint32_t three_byte_word(std::uint32_t w) { return (w & 0x0F) << 6 | (w >> 8 & 0x3F); }
std::uint32_t three_byte_bit(std::uint32_t w) { return w >> 16 & 0x3F; }
char32_t three_byte_code_point(std::uint32_t w) { return three_byte_word(w) << 6 | three_byte_bit(w); }
// The word for the sequence at p, in fewer steps.
std::size_t three_byte_word(const unsigned char* p) { return (std::size_t{p[0]} << 6) + p[1] - (0xE0 << 6 | 0x80); }

// The last code point of the valid UTF-8 text[0, size), or 0 if it is empty.
char32_t last_code_point(const char* text, std::size_t size) {
  if (size == 0) return 0;
  auto last = static_cast<unsigned char>(text[size - 1]);
  if (last < 0x80) return last;
  if (size >= 3 && (static_cast<unsigned char>(text[size - 3]) & 0xF0) == 0xE0)
    return three_byte_code_point(load_le32(reinterpret_cast<const unsigned char*>(text + size - 3)));
  std::string_view t(text, size);
  return decode_utf8(t, prev_cp_start(t, size)).cp;
}

// Whether the three-byte sequence at p stays as it is (FoldTable::stays_three_byte).
bool stays_at(const unsigned char* p, const std::uint64_t* stays) { return stays[three_byte_word(p)] >> (p[2] & 63) & 1; }

#if defined(__SSE2__) || defined(_M_X64)
// Whether the 16 bytes at p start with five three-byte sequences (overlong forms and surrogates
// not excluded).
bool five_three_byte(const unsigned char* p) {
  __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
  auto leads = static_cast<unsigned>(_mm_movemask_epi8(
      _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8(static_cast<char>(0xF0))), _mm_set1_epi8(static_cast<char>(0xE0)))));
  auto continuations = static_cast<unsigned>(_mm_movemask_epi8(
      _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8(static_cast<char>(0xC0))), _mm_set1_epi8(static_cast<char>(0x80)))));
  return ((leads & 0x1249) | (continuations & 0x6DB6)) == 0x7FFF;
}
#endif

// Copies the run of three-byte characters at in[j] that keep their length (those that stay as
// they are, and those that fold to one other three-byte character: 產 → 产) to `to`,
// which has room for the input up to n and 16 bytes more; returns the run's end. Where the next
// 16 bytes hold five whole characters they are copied at once and then tested one by one, so
// that well-formedness is checked once for five.
std::size_t copy_same_length_run(const unsigned char* in, std::size_t j, std::size_t n, char* to, const FoldTable& fold) {
  // Locals: stores of text bytes may alias anything in memory, the table's members included.
  const std::uint64_t* stays = fold.stays_three_byte.data();
  const std::uint32_t* index = fold.index.data();
  const char* pool = fold.pool.data();
  // Writes the piece of the character at p to dst when it is one three-byte character. A piece
  // of three ASCII characters (⒒ → "11.") needs offsets of its own, and an overlong form (of a
  // code point below U+0800) is invalid.
  auto replaced = [&](const unsigned char* p, char* dst) {
    char32_t cp = three_byte_code_point(load_le32(p));
    if (cp < 0x800) return false;
    std::uint32_t e = index[cp];
    if ((e & 63) != 3 || (static_cast<unsigned char>(pool[e >> 6]) & 0xF0) != 0xE0) return false;
    std::memcpy(dst, pool + (e >> 6), 3);
    return true;
  };
  const std::size_t start = j;
#if defined(__SSE2__) || defined(_M_X64)
  while (j + 16 <= n && five_three_byte(in + j)) {
    char* dst = to + (j - start);
    std::memcpy(dst, in + j, 16);
    std::size_t k = 0;
    for (; k < 5; ++k) {
      if (!stays_at(in + j + 3 * k, stays) && !replaced(in + j + 3 * k, dst + 3 * k)) break;
    }
    j += 3 * k;
    if (k < 5) return j;
  }
#endif
  while (j + 4 <= n) {
    std::uint32_t w = load_le32(in + j);
    if (!is_three_byte(w)) break;
    char* dst = to + (j - start);
    if (stays_at(in + j, stays)) {
      std::memcpy(dst, &w, 4);  // the fourth byte is overwritten next
    } else if (!replaced(in + j, dst)) {
      break;
    }
    j += 3;
  }
  return j;
}

// The finals of pinyin syllables. Their letters are numbered from 1, so that a final reads as a
// number below 10000 with those digits, and the finals are a set of such numbers.
constexpr std::string_view kFinals[] = {
    "a",   "o",   "e",   "i",   "u",    "v",    "ai",  "ei",  "ao",   "ou",   "an",  "en",  "ang", "eng",
    "ong", "er",  "ia",  "ie",  "iao",  "iu",   "ian", "in",  "iang", "ing",  "iong", "ua", "uo",  "uai",
    "ui",  "uan", "un",  "uang", "ueng", "ue",  "ve",  "van", "vn",   "io"};
constexpr std::size_t kLongestFinal = 4;
constexpr auto kFinalLetterNumber = [] {  // for 'a'..'z'; 0: no final has the letter
  std::array<unsigned char, 26> t{};
  std::string_view letters = "aeiouvngr";
  for (std::size_t k = 0; k < letters.size(); ++k) t[letters[k] - 'a'] = static_cast<unsigned char>(k + 1);
  return t;
}();
constexpr auto kFinalNumbers = [] {  // bit n: n is the number of a final
  std::array<std::uint64_t, 10000 / 64 + 1> bits{};
  for (std::string_view f : kFinals) {
    unsigned n = 0;
    for (char c : f) n = n * 10 + kFinalLetterNumber[c - 'a'];
    bits[n / 64] |= std::uint64_t{1} << (n % 64);
  }
  return bits;
}();
// Initials of one letter (zh ch sh are taken before their first letter): bit c - 'a'.
constexpr std::uint32_t kOneLetterInitials = [] {
  std::uint32_t bits = 0;
  for (char c : std::string_view("bpmfdtnlgkhjqxrzcsyw")) bits |= std::uint32_t{1} << (c - 'a');
  return bits;
}();

// A toneless pinyin syllable of letters a-z: optional initial + final ("chan", "ye", "qu").
bool is_pinyin_syllable(std::string_view s) {
  std::string_view rest = s;
  if (rest.size() >= 2 && rest[1] == 'h' && (rest[0] == 'z' || rest[0] == 'c' || rest[0] == 's')) {
    rest.remove_prefix(2);
  } else if (!rest.empty() && (kOneLetterInitials >> (rest[0] - 'a') & 1)) {
    rest.remove_prefix(1);
  }
  if (rest.empty() || rest.size() > kLongestFinal) return false;
  unsigned n = 0;
  for (char c : rest) {
    unsigned digit = kFinalLetterNumber[c - 'a'];
    if (digit == 0) return false;
    n = n * 10 + digit;
  }
  return kFinalNumbers[n / 64] >> (n % 64) & 1;
}

// The toneless letter of a character of pinyin: a-z as they are, ü as v, a toned vowel as its
// vowel; 0 for any other character.
char pinyin_letter(char32_t c) {
  if (c >= 'a' && c <= 'z') return static_cast<char>(c);
  static constexpr auto letters = [] {
    constexpr std::u32string_view toned_vowels[] = {U"āáǎà", U"ēéěè", U"īíǐì", U"ōóǒò", U"ūúǔù", U"ǖǘǚǜ"};
    constexpr char bases[] = {'a', 'e', 'i', 'o', 'u', 'v'};
    std::array<char, 0x200> t{};
    for (std::size_t k = 0; k < 6; ++k)
      for (char32_t v : toned_vowels[k]) t[v] = bases[k];
    t[U'ü'] = 'v';
    return t;
  }();
  return c < letters.size() ? letters[c] : 0;
}

// Reads "(chǎn)" at `i` (ASCII or full-width parentheses): the web artifact that follows a
// character with its pinyin. Returns its length in bytes, or 0 when it is a real parenthesis.
std::size_t pinyin_annotation_length(std::string_view s, std::size_t i) {
  Decoded open = decode_utf8(s, i);
  if (open.cp != '(' && open.cp != 0xFF08) return 0;
  char base[8];  // the syllable with tone marks removed, ü written as v
  std::size_t base_len = 0;
  std::size_t j = i + open.len;
  auto end_at = [&](std::size_t close_len) {
    return base_len > 0 && is_pinyin_syllable(std::string_view(base, base_len)) ? j + close_len - i : 0;
  };
  while (j < s.size() && base_len <= 6) {
    auto c = static_cast<unsigned char>(s[j]);
    if (c < 0x80) {  // most letters
      if (c == ')') return end_at(1);
      if (c < 'a' || c > 'z') return 0;
      base[base_len++] = static_cast<char>(c);
      ++j;
      continue;
    }
    Decoded d = decode_utf8(s, j);
    if (d.cp == 0xFF09) return end_at(d.len);
    char b = pinyin_letter(d.cp);
    if (!b) return 0;
    base[base_len++] = b;
    j += d.len;
  }
  return 0;
}

class Normalizer {
 public:
  Normalizer(std::string_view in, NormalizedText reuse) : in_(in), out_(std::move(reuse)) {
    out_.map.clear();
    out_.diagnostics.clear();
    // Room for the input copied as it is; the rare pieces that grow make more (make_room).
    out_.text.resize(in.size() + kSlack);
    text_ = out_.text.data();
    // A region every 22 bytes of Chinese text (，, a number), every 10 with pinyin annotations.
    out_.map.reserve(in.size() / 8 + 4);
  }

  // `one_by_one`: every character through step(), the general path that copy_plain()'s fast
  // paths must agree with.
  NormalizedText run(bool one_by_one = false) {
#if defined(__SSE2__) || defined(_M_X64)
    // The input is usually cold: ask for its first pages at once rather than line by line.
    for (std::size_t k = 0; k < in_.size() && k < 8192; k += 64) _mm_prefetch(in_.data() + k, _MM_HINT_T0);
#endif
    std::size_t i = 0;
    while (i < in_.size()) {
      if (pending_begin_ == pending_end_ && !one_by_one) {
        i = copy_plain(i);
        if (i >= in_.size()) break;
      }
      i = step(i);
    }
    flush_blanks(0);
    out_.text.resize(size_);
    out_.map.finish();
    return std::move(out_);
  }

 private:
  // Takes the text from `i` that needs no decision beyond its own bytes and what was written
  // before, and returns where it stopped: printable ASCII and the blanks that stay as they are
  // (English text), line breaks, three-byte characters (Chinese text) that stay as they are or
  // fold to a piece that is not a blank (，：（ → ,:( ; 產 → 产) or to a blank that stays, and
  // pinyin annotations after a Chinese character. Blanks that may fold, characters of two or
  // four bytes, invalid bytes and some of the last three bytes are left to step(). Runs only
  // with no blank pending.
  //
  // The position in the text and in the input are locals here, so that they stay in registers
  // (stores of text bytes may alias anything in memory); the rarer cases are member functions
  // that see them in size_ and take the input position as an argument.
  std::size_t copy_plain(std::size_t i) {
    const auto* in = reinterpret_cast<const unsigned char*>(in_.data());
    const std::size_t n = in_.size();
    const std::uint32_t* fold_index = fold_.index.data();
    const char* pool = fold_.pool.data();
    char* out = text_;
    std::size_t o = size_;
    std::size_t j = i;
    linear_from_ = i;
    while (j + 4 <= n) {
      std::uint32_t w = load_le32(in + j);
      if (is_three_byte(w)) {
        // Chinese text, up to a character of another kind. Characters that keep their length
        // stay in the linear region; one that folds to one ASCII character (，→ ,) takes a
        // region of its own.
        bool leave = false;
        for (;;) {
          std::size_t end = copy_same_length_run(in, j, n, out + o, fold_);
          o += end - j;
          j = end;
          if (j + 4 > n) break;
          w = load_le32(in + j);
          if (!is_three_byte(w)) {
            // A pinyin annotation after a Chinese character is dropped here and the text goes on.
            if ((w & 0xFF) != '(' || !is_cjk_ideograph(last_code_point(out, o))) break;
            std::size_t len = pinyin_annotation_length(in_, j);
            if (len == 0) break;
            drop(j, len);
            j += len;
            if (j + 4 > n) break;
            w = load_le32(in + j);
            if (!is_three_byte(w)) break;
            continue;
          }
          // A character that folds to a piece of another length, or opens an annotation, or is
          // invalid (an overlong form or a surrogate, left to step()).
          char32_t cp = three_byte_code_point(w);
          if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)) {
            leave = true;
            break;
          }
          std::uint32_t e = fold_index[cp];
          const char* piece = pool + (e >> 6);
          if ((e & 63) == 1 && !is_blank(static_cast<unsigned char>(piece[0])) && cp != 0xFF08) {
            // The map first: after a store of a text byte, which may alias anything, its
            // members would be read again.
            if (j > linear_from_) out_.map.append(j - linear_from_, j - linear_from_);
            out_.map.append(3, 1);
            out[o++] = piece[0];
            j += 3;
            linear_from_ = j;
          } else {
            size_ = o;
            std::size_t next = fold_three_byte(j, cp);
            if (next == j) {
              leave = true;
              break;
            }
            j = next;
            o = size_;
            out = text_;
          }
          if (j + 4 > n) break;
          w = load_le32(in + j);
          if (!is_three_byte(w)) break;
        }
        if (leave) break;
        continue;
      }
      auto b = static_cast<unsigned char>(w);
      if (b >= 0x20 && b < 0x7F) {
#if defined(__SSE2__) || defined(_M_X64)
        // English text, and numbers in Chinese text: up to 16 bytes at a time.
        if (j + 16 < n) {
          if (unsigned len = ascii_prefix(in, j, out, o)) {
            std::memcpy(out + o, in + j, 16);
            o += len;
            j += len;
            continue;
          }
        }
#endif
        if (b == ' ') {
          // A blank stays when nothing before it can bind it to what follows, and so does a
          // single one before a printable ASCII character that parts no number from '%' and no
          // Chinese character from a number (flush_blanks()).
          char32_t last = last_code_point(out, o);
          if (!blanks_after_stay(last)) {
            auto next = in[j + 1];
            if (next < 0x21 || next >= 0x7F) break;
            if (is_ascii_digit(last) ? next == '%' : is_ascii_digit(next)) break;
          }
        } else if (b == '(' && o > 0 && static_cast<unsigned char>(out[o - 1]) >= 0x80) {
          size_ = o;
          if (std::size_t len = annotation_length_at(j)) {
            drop(j, len);
            j += len;
            continue;
          }
        }
        out[o++] = static_cast<char>(b);
        ++j;
        continue;
      }
      if (b == '\n' || b == '\r') {
        out[o++] = static_cast<char>(b);
        ++j;
        continue;
      }
      break;
    }
    // The last bytes, where no word can be read: line breaks and plain printable ASCII.
    while (j + 4 > n && j < n) {
      auto b = static_cast<unsigned char>(in[j]);
      if (!(b == '\n' || b == '\r' || (b >= 0x21 && b < 0x7F && b != '('))) break;
      out[o++] = static_cast<char>(b);
      ++j;
    }
    size_ = o;
    end_linear(j);
    return j;
  }

  // The three-byte character `cp` at j in copy_plain(), which folds to a piece of another
  // length, or opens a pinyin annotation; returns where the input goes on, or j to leave the
  // character to step().
  std::size_t fold_three_byte(std::size_t j, char32_t cp) {
    if (cp == 0xFF08) {
      if (std::size_t len = annotation_length_at(j)) {
        drop(j, len);
        return j + len;
      }
    }
    std::string_view piece = fold_.fold(cp);
    if (is_blank(static_cast<unsigned char>(piece[0])) && !(piece.size() == 1 && blanks_after_stay(last_emitted())))
      return j;  // a blank that waits for what follows it
    end_linear(j);
    put(j, piece, 3);
    linear_from_ = j + 3;
    return j + 3;
  }

  // The length of the pinyin annotation at j when it follows a Chinese character, else 0.
  std::size_t annotation_length_at(std::size_t j) const {
    return is_cjk_ideograph(last_emitted()) ? pinyin_annotation_length(in_, j) : 0;
  }

  // Drops the `len` bytes at j from copy_plain(): they map to nothing.
  void drop(std::size_t j, std::size_t len) {
    end_linear(j);
    out_.map.append(len, 0);
    linear_from_ = j + len;
  }

  // Tells the offset map of the text copy_plain() copied as it was, up to input position j.
  void end_linear(std::size_t j) {
    if (j > linear_from_) out_.map.append(j - linear_from_, j - linear_from_);
  }

#if defined(__SSE2__) || defined(_M_X64)
  // How many of the 16 bytes at j, from the first, copy_plain() takes as they are: printable
  // ASCII, and blanks that stay as they are (see there): any blank but one after a digit and
  // before a blank, '%' or what is not printable ASCII. A blank or '(' at the start, which
  // follows what was written before, is left to the rules there if that is not ASCII. Reads
  // in[j + 16].
  static unsigned ascii_prefix(const unsigned char* in, std::size_t j, const char* out, std::size_t o) {
    __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in + j));
    __m128i next = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in + j + 1));
    auto is = [](__m128i x, char c) { return _mm_cmpeq_epi8(x, _mm_set1_epi8(c)); };
    // Bytes >= 0x80 compare as negative, so one signed test finds them with the controls.
    auto stops = static_cast<unsigned>(
        _mm_movemask_epi8(_mm_or_si128(_mm_cmplt_epi8(v, _mm_set1_epi8(0x20)), is(v, 0x7F))));
    auto blanks = static_cast<unsigned>(_mm_movemask_epi8(is(v, ' ')));
    if (blanks) {
      auto digits = static_cast<unsigned>(
          _mm_movemask_epi8(_mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)), _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)))));
      auto next_binds_or_breaks = static_cast<unsigned>(_mm_movemask_epi8(
          _mm_or_si128(_mm_or_si128(_mm_cmplt_epi8(next, _mm_set1_epi8(0x21)), is(next, 0x7F)), is(next, '%'))));
      stops |= blanks & digits << 1 & next_binds_or_breaks;
      if ((blanks & 1) && o > 0) {
        auto last = static_cast<unsigned char>(out[o - 1]);
        if (last >= 0x80 || (is_ascii_digit(last) && (next_binds_or_breaks & 1))) stops |= 1;
      }
    }
    if (in[j] == '(' && o > 0 && static_cast<unsigned char>(out[o - 1]) >= 0x80) stops |= 1;
    return stops ? lowest_bit(stops) : 16;
  }
#endif

  // One character the general way: invalid bytes, blanks, characters copy_plain() leaves.
  std::size_t step(std::size_t i) {
    Decoded d = decode_utf8(in_, i);
    if (!d.valid) {
      report_invalid(i);
      flush_blanks(kReplacement);
      put(i, "\xEF\xBF\xBD", 1);
      return i + 1;
    }
    if (pending_begin_ == pending_end_ && (d.cp == '(' || d.cp == 0xFF08) && is_cjk_ideograph(last_emitted())) {
      if (std::size_t n = pinyin_annotation_length(in_, i)) {
        out_.map.append(n, 0);  // dropped: maps to nothing
        return i + n;
      }
    }
    std::string_view piece = piece_for(d.cp, in_.substr(i, d.len));
    bool blank = piece.size() == 1 && is_blank(static_cast<unsigned char>(piece[0]));
    if (blank && (pending_begin_ != pending_end_ || !blanks_after_stay(last_emitted()))) {
      if (pending_begin_ == pending_end_) pending_begin_ = i;
      pending_end_ = i + d.len;
    } else {
      flush_blanks(decode_utf8(piece, 0).cp);
      put(i, piece, d.len);
    }
    return i + d.len;
  }

  // What the character `cp`, written as `bytes` in the input, becomes.
  std::string_view piece_for(char32_t cp, std::string_view bytes) const {
    // Control characters (NUL included) read as blanks.
    if (cp < 0x20 && cp != '\n' && cp != '\r' && cp != '\t') return " ";
    std::string_view folded = fold_.fold(cp);
    return folded.empty() ? bytes : folded;
  }

  // The last code point of the normalized text so far (0 at its start). A blank that was kept
  // may read as ' ' or '\t'; the two decide alike.
  char32_t last_emitted() const { return last_code_point(text_, size_); }

  // Appends `piece` for the `orig_len` bytes at input position i.
  void put(std::size_t i, std::string_view piece, std::size_t orig_len) {
    if (piece.size() > orig_len) make_room(piece.size() + (in_.size() - i - orig_len));
    std::memcpy(text_ + size_, piece.data(), piece.size());
    size_ += piece.size();
    if (piece.size() == orig_len && decode_utf8(piece, 0).len < piece.size()) out_.map.append_whole(orig_len, piece.size());
    else out_.map.append(orig_len, piece.size());
  }

  // Makes room for `bytes` more bytes of text (and the slack): kept so that the rest of the
  // input, copied as it is, always fits.
  void make_room(std::size_t bytes) {
    if (size_ + bytes + kSlack <= out_.text.size()) return;
    out_.text.resize(std::max(out_.text.size() + out_.text.size() / 2, size_ + bytes + kSlack));
    text_ = out_.text.data();
  }

  // Blanks between a number and its unit, or a word and a number, are dropped ("2158 家",
  // "超过 30%", "共有 152 家") so the grammar sees one token; other blanks are kept. The
  // pending blanks are the input bytes [pending_begin_, pending_end_).
  void flush_blanks(char32_t next) {
    if (pending_begin_ == pending_end_) return;
    char32_t last = last_emitted();
    bool fold = (is_ascii_digit(last) && binds_to_number(next)) || (is_cjk_ideograph(last) && is_ascii_digit(next));
    for (std::size_t k = pending_begin_; k < pending_end_;) {
      Decoded d = decode_utf8(in_, k);
      if (fold) {
        out_.map.append(d.len, 0);
      } else {
        text_[size_++] = piece_for(d.cp, in_.substr(k, d.len))[0];
        out_.map.append(d.len, 1);
      }
      k += d.len;
    }
    pending_begin_ = pending_end_ = 0;
  }

  void report_invalid(std::size_t pos) {
    auto& diags = out_.diagnostics;
    if (!diags.empty() && diags.back().code == Diagnostic::Code::invalid_utf8 && diags.back().span.end == pos) {
      diags.back().span.end = pos + 1;  // extend the run of bad bytes
      return;
    }
    if (invalid_runs_++ == kMaxDiagnostics) {
      diags.push_back({Diagnostic::Code::too_many, {pos, in_.size()}, "further invalid UTF-8 not reported"});
      return;
    }
    if (invalid_runs_ > kMaxDiagnostics) return;
    diags.push_back({Diagnostic::Code::invalid_utf8, {pos, pos + 1}, "invalid UTF-8 read as U+FFFD"});
  }

  std::string_view in_;
  const FoldTable& fold_ = fold_table();
  NormalizedText out_;
  char* text_ = nullptr;  // out_.text.data(): its first size_ bytes are the text so far
  std::size_t size_ = 0;
  std::size_t pending_begin_ = 0, pending_end_ = 0;  // blanks waiting for what follows them
  std::size_t linear_from_ = 0;  // copy_plain(): where the text copied as it was began in the input
  std::size_t invalid_runs_ = 0;
};

}  // namespace

NormalizedText normalize(std::string_view input, NormalizedText reuse) {
  return Normalizer(input, std::move(reuse)).run();
}

NormalizedText normalize_one_by_one(std::string_view input) { return Normalizer(input, {}).run(true); }

}  // namespace econind::detail
