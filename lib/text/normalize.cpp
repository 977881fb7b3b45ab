#include "text/normalize.hpp"

#include <algorithm>
#include <cstring>

#include "text/utf8.hpp"

namespace econind::detail {

// ---------------------------------------------------------------------------------------------
// OffsetMap

void OffsetMap::append(std::size_t orig_len, std::size_t norm_len) {
  bool linear = orig_len == norm_len;
  if (!(linear && last_linear_ && !regions_.empty())) {
    regions_.push_back({static_cast<std::uint32_t>(norm_), static_cast<std::uint32_t>(orig_)});
  }
  last_linear_ = linear;
  norm_ += norm_len;
  orig_ += orig_len;
}

void OffsetMap::finish() {
  regions_.push_back({static_cast<std::uint32_t>(norm_), static_cast<std::uint32_t>(orig_)});
}

std::size_t OffsetMap::region_index(std::size_t norm_pos) const {
  // The last region starting at or before norm_pos (the sentinel excluded).
  auto it = std::upper_bound(regions_.begin(), regions_.end() - 1, norm_pos,
                             [](std::size_t p, const Region& r) { return p < r.norm; });
  return static_cast<std::size_t>(it - regions_.begin()) - 1;
}

std::size_t OffsetMap::to_original_begin(std::size_t norm_pos) const {
  if (regions_.size() < 2 || norm_pos >= regions_.back().norm) return regions_.empty() ? 0 : regions_.back().orig;
  std::size_t i = region_index(norm_pos);
  const Region& r = regions_[i];
  const Region& next = regions_[i + 1];
  if (next.norm - r.norm == next.orig - r.orig) return r.orig + (norm_pos - r.norm);
  return norm_pos == r.norm ? r.orig : next.orig;
}

std::size_t OffsetMap::to_original_end(std::size_t norm_pos) const {
  if (regions_.size() < 2 || norm_pos == 0) return regions_.empty() ? 0 : regions_.front().orig;
  if (norm_pos > regions_.back().norm) return regions_.back().orig;
  std::size_t i = region_index(norm_pos - 1);  // the region holding the last byte of the span
  const Region& r = regions_[i];
  const Region& next = regions_[i + 1];
  if (next.norm - r.norm == next.orig - r.orig) return r.orig + (norm_pos - r.norm);
  return next.orig;
}

Span OffsetMap::to_original(Span norm) const {
  Span s{to_original_begin(norm.begin), to_original_end(norm.end)};
  if (s.begin >= s.end && norm.begin < norm.end && regions_.size() >= 2 && norm.begin < regions_.back().norm)
    s.begin = std::min<std::size_t>(s.end, regions_[region_index(norm.begin)].orig);
  return s;
}

// ---------------------------------------------------------------------------------------------
// normalize()

namespace {

constexpr std::size_t kMaxDiagnostics = 100;

bool is_blank(char32_t c) { return c == ' ' || c == '\t'; }

// Units and scale words that a number may be separated from by blanks ("2158 家", "12 %").
bool binds_to_number(char32_t c) { return is_cjk_ideograph(c) || c == '%' || c == 0x2030; }

// A toneless pinyin syllable: optional initial + final ("chan", "ye", "qu").
bool is_pinyin_syllable(std::string_view s) {
  static constexpr std::string_view initials[] = {"zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l",
                                                  "g",  "k",  "h",  "j", "q", "x", "r", "z", "c", "s", "y", "w"};
  static constexpr std::string_view finals[] = {
      "a",   "o",   "e",   "i",   "u",    "v",    "ai",  "ei",  "ao",   "ou",   "an",  "en",  "ang", "eng",
      "ong", "er",  "ia",  "ie",  "iao",  "iu",   "ian", "in",  "iang", "ing",  "iong", "ua", "uo",  "uai",
      "ui",  "uan", "un",  "uang", "ueng", "ue",  "ve",  "van", "vn",   "io"};
  std::string_view rest = s;
  for (auto ini : initials) {
    if (rest.substr(0, ini.size()) == ini) {
      rest.remove_prefix(ini.size());
      break;
    }
  }
  return std::find(std::begin(finals), std::end(finals), rest) != std::end(finals);
}

// Reads "(chǎn)" at `i` (ASCII or full-width parentheses): the web artifact that follows a
// character with its pinyin. Returns its length in bytes, or 0 when it is a real parenthesis.
std::size_t pinyin_annotation_length(std::string_view s, std::size_t i) {
  Decoded open = decode_utf8(s, i);
  if (open.cp != '(' && open.cp != 0xFF08) return 0;
  std::string base;  // the syllable with tone marks removed, ü written as v
  std::size_t j = i + open.len;
  while (j < s.size() && base.size() <= 6) {
    Decoded d = decode_utf8(s, j);
    if (d.cp == ')' || d.cp == 0xFF09) {
      if (base.empty() || !is_pinyin_syllable(base)) return 0;
      return j + d.len - i;
    }
    static constexpr std::u32string_view toned_vowels[] = {U"āáǎà", U"ēéěè", U"īíǐì", U"ōóǒò", U"ūúǔù", U"ǖǘǚǜ"};
    static constexpr char bases[] = {'a', 'e', 'i', 'o', 'u', 'v'};
    char b = 0;
    if (d.cp >= 'a' && d.cp <= 'z') b = static_cast<char>(d.cp);
    if (d.cp == U'ü') b = 'v';
    for (int k = 0; k < 6 && !b; ++k) {
      if (toned_vowels[k].find(d.cp) != std::u32string_view::npos) {
        b = bases[k];
      }
    }
    if (!b) return 0;
    base += b;
    j += d.len;
  }
  return 0;
}

class Normalizer {
 public:
  explicit Normalizer(std::string_view in) : in_(in) { out_.text.reserve(in.size()); }

  NormalizedText run() {
    std::size_t i = 0;
    while (i < in_.size()) {
      // Fast path: a run of printable ASCII (English text). It may hold single blanks between
      // printable characters, which stay as they are unless they separate a number from '%';
      // '(' may open a pinyin annotation only after a Chinese character, so only at the start.
      auto b = static_cast<unsigned char>(in_[i]);
      if (b >= 0x21 && b < 0x7F && b != '(') {
        auto printable = [](unsigned char c) { return c >= 0x21 && c < 0x7F; };
        std::size_t j = i + 1;
        while (j < in_.size()) {
          auto c = static_cast<unsigned char>(in_[j]);
          if (printable(c)) {
            ++j;
            continue;
          }
          if (c != ' ' || j + 1 >= in_.size()) break;
          auto next = static_cast<unsigned char>(in_[j + 1]);
          if (!printable(next) || (next == '%' && is_ascii_digit(static_cast<unsigned char>(in_[j - 1])))) break;
          j += 2;
        }
        flush_blanks(static_cast<char32_t>(b));
        emit(in_.substr(i, j - i), j - i, static_cast<char32_t>(in_[j - 1]));
        i = j;
        continue;
      }
      // Fast path: a run of three-byte characters (Chinese text). Characters that fold to
      // themselves are copied in one piece with one offset-map region; the few that change
      // (，：（ → ,:( ; 產 → 产) are replaced in place. Blanks, '（' (which may open a pinyin
      // annotation) and anything else leave the run for the general path below.
      if (b >= 0xE0 && b <= 0xEF) {
        if (std::size_t j = three_byte_run(i); j > i) {
          i = j;
          continue;
        }
      }
      Decoded d = decode_utf8(in_, i);
      if (!d.valid) {
        report_invalid(i);
        flush_blanks(kReplacement);
        emit("\xEF\xBF\xBD", 1, kReplacement);
        i += 1;
        continue;
      }
      if (pending_.empty() && is_cjk_ideograph(last_) && (d.cp == '(' || d.cp == 0xFF08)) {
        if (std::size_t n = pinyin_annotation_length(in_, i)) {
          out_.map.append(n, 0);  // dropped: maps to nothing
          i += n;
          continue;
        }
      }
      std::string_view folded = fold_.fold(d.cp);
      // Control characters (NUL included) read as blanks.
      if (d.cp < 0x20 && d.cp != '\n' && d.cp != '\r' && d.cp != '\t') folded = " ";
      std::string_view piece = folded.empty() ? in_.substr(i, d.len) : folded;
      char32_t first = decode_utf8(piece, 0).cp;
      if (piece.size() == 1 && is_blank(first)) {
        pending_.push_back({d.len, piece[0]});
      } else {
        flush_blanks(first);
        char32_t last = decode_utf8(piece, prev_cp_start(piece, piece.size())).cp;
        emit(piece, d.len, last);
      }
      i += d.len;
    }
    flush_blanks(0);
    out_.map.finish();
    return std::move(out_);
  }

 private:
  struct Blank {
    std::size_t orig_len;
    char c;
  };

  // Consumes the run of three-byte characters at `i` that the fast path can take; returns its end.
  std::size_t three_byte_run(std::size_t i) {
    std::size_t j = i, copy_from = i;
    char32_t last = 0;
    auto copy_pending = [&] {
      if (j == copy_from) return;
      out_.text.append(in_.data() + copy_from, j - copy_from);
      out_.map.append(j - copy_from, j - copy_from);
    };
    while (j + 2 < in_.size()) {
      auto b0 = static_cast<unsigned char>(in_[j]), b1 = static_cast<unsigned char>(in_[j + 1]),
           b2 = static_cast<unsigned char>(in_[j + 2]);
      if (b0 < 0xE0 || b0 > 0xEF || (b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80) break;
      auto cp = static_cast<char32_t>((b0 & 0x0F) << 12 | (b1 & 0x3F) << 6 | (b2 & 0x3F));
      if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)) break;
      if (fold_.folds_to_itself(cp)) {
        if (j == i) flush_blanks(cp);
        last = cp;
        j += 3;
        continue;
      }
      std::string_view piece = fold_.fold(cp);
      if (cp == 0xFF08 || is_blank(static_cast<unsigned char>(piece[0]))) break;
      if (j == i) flush_blanks(decode_utf8(piece, 0).cp);
      copy_pending();
      out_.text.append(piece);
      out_.map.append(3, piece.size());
      last = decode_utf8(piece, prev_cp_start(piece, piece.size())).cp;
      j += 3;
      copy_from = j;
    }
    copy_pending();
    if (j > i) last_ = last;
    return j;
  }

  void emit(std::string_view piece, std::size_t orig_len, char32_t last) {
    out_.text.append(piece);
    out_.map.append(orig_len, piece.size());
    last_ = last;
  }

  // Blanks between a number and its unit, or a word and a number, are dropped ("2158 家",
  // "超过 30%", "共有 152 家") so the grammar sees one token; other blanks are kept.
  void flush_blanks(char32_t next) {
    if (pending_.empty()) return;
    bool fold = (is_ascii_digit(last_) && binds_to_number(next)) ||
                (is_cjk_ideograph(last_) && is_ascii_digit(next));
    for (const Blank& b : pending_) {
      if (fold) {
        out_.map.append(b.orig_len, 0);
      } else {
        out_.text += b.c;
        out_.map.append(b.orig_len, 1);
      }
    }
    pending_.clear();
    if (!fold) last_ = ' ';
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
  std::vector<Blank> pending_;
  char32_t last_ = 0;  // last code point emitted
  std::size_t invalid_runs_ = 0;
};

}  // namespace

NormalizedText normalize(std::string_view input) { return Normalizer(input).run(); }

}  // namespace econind::detail
