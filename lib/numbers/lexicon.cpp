#include "numbers/lexicon.hpp"

#include <algorithm>
#include <charconv>

#include "data/embedded.hpp"
#include "text/utf8.hpp"
#include "util/tsv.hpp"

namespace econind {

std::string_view to_string(Qualifier q) {
  switch (q) {
    case Qualifier::exact: return "exact";
    case Qualifier::approx: return "approx";
    case Qualifier::more_than: return "more_than";
    case Qualifier::nearly: return "nearly";
    case Qualifier::at_least: return "at_least";
    case Qualifier::less_than: return "less_than";
    case Qualifier::at_most: return "at_most";
  }
  return "exact";
}

namespace detail {

std::optional<Qualifier> qualifier_from_name(std::string_view name) {
  for (auto q : {Qualifier::exact, Qualifier::approx, Qualifier::more_than, Qualifier::nearly, Qualifier::at_least,
                 Qualifier::less_than, Qualifier::at_most}) {
    if (to_string(q) == name) return q;
  }
  return std::nullopt;
}

namespace {

std::optional<NumeralRole> role_from_name(std::string_view s) {
  static constexpr std::pair<std::string_view, NumeralRole> roles[] = {
      {"digit", NumeralRole::digit},         {"fin_digit", NumeralRole::fin_digit},
      {"unit", NumeralRole::unit},           {"section", NumeralRole::section},
      {"tens", NumeralRole::tens},           {"point", NumeralRole::point},
      {"en_word", NumeralRole::en_word},     {"en_tens", NumeralRole::en_tens},
      {"en_hundred", NumeralRole::en_hundred}, {"en_scale", NumeralRole::en_scale},
      {"en_dozen", NumeralRole::en_dozen},   {"en_ordinal", NumeralRole::en_ordinal}};
  for (auto& [name, role] : roles)
    if (name == s) return role;
  return std::nullopt;
}

NumberLexicon load() {
  NumberLexicon lex;
  auto mark = [](auto& bits, unsigned key) {
    bits[key >> 6] |= std::uint64_t{1} << (key & 63);
  };
  constexpr std::string_view numerals_file = "numerals.tsv";
  for (const TsvRow& row : read_tsv(data::file(numerals_file), numerals_file, 3)) {
    auto role = role_from_name(row.cells[1]);
    std::int64_t value = 0;
    auto v = row.cells[2];
    if (!role || std::from_chars(v.data(), v.data() + v.size(), value).ec != std::errc())
      throw_data_error(numerals_file, row.line, "bad role or value");
    Numeral n{*role, value};
    std::string_view surface = row.cells[0];
    if (static_cast<unsigned char>(surface[0]) >= 0x80) {
      Decoded d = decode_utf8(surface, 0);
      if (d.len != surface.size()) throw_data_error(numerals_file, row.line, "Chinese numerals are one character");
      if (d.cp >= 0x10000) throw_data_error(numerals_file, row.line, "Chinese numerals must be in the BMP");
      lex.numerals.push_back(n);
      lex.numeral_index[d.cp] = static_cast<std::uint8_t>(lex.numerals.size());
    } else {
      // Scanning judges a whole word at once (is_english_word), so a word is letters only.
      auto letter = [](char ch) { return is_ascii_alpha(static_cast<unsigned char>(ch)); };
      if (!std::all_of(surface.begin(), surface.end(), letter))
        throw_data_error(numerals_file, row.line, "English numerals are letters only");
      lex.english.add(surface, n);
      std::string folded;
      for (char ch : surface) folded += static_cast<char>(NumberLexicon::ascii_fold(static_cast<unsigned char>(ch)));
      unsigned first = static_cast<unsigned char>(folded[0]) - 'a';
      unsigned key = folded.size() == 1 ? 26 * 26 + first : first * 26 + (static_cast<unsigned char>(folded[1]) - 'a');
      lex.english_lengths[key] |= std::uint32_t{1} << std::min<std::size_t>(folded.size(), 31);
      lex.english_words.push_back(std::move(folded));
    }
  }
  std::sort(lex.english_words.begin(), lex.english_words.end());
  for (char32_t cp = 0x80; cp < 0x10000; ++cp)  // the Chinese decimal point only continues a number
    if (lex.numeral_index[cp] && lex.numerals[lex.numeral_index[cp] - 1].role != NumeralRole::point)
      mark(lex.number_start, cp);
  for (char32_t vague : {U'数', U'几', U'上', U'好', U'成'}) mark(lex.number_start, vague);
  for (char32_t cp = 0; cp < 0x10000; ++cp) {
    const unsigned char tail[2] = {static_cast<unsigned char>(0x80 | (cp >> 6 & 0x3F)),
                                   static_cast<unsigned char>(0x80 | (cp & 0x3F))};
    if (lex.may_start_number(cp)) lex.number_start_tails[NumberLexicon::tail_key(tail)] = 1;
  }
  constexpr std::string_view qualifiers_file = "qualifiers.tsv";
  for (const TsvRow& row : read_tsv(data::file(qualifiers_file), qualifiers_file, 3)) {
    bool none = row.cells[2] == "none";
    auto q = qualifier_from_name(row.cells[2]);
    if (!q && !none) throw_data_error(qualifiers_file, row.line, "unknown qualifier");
    if (none && row.cells[1] == "suffix") throw_data_error(qualifiers_file, row.line, "a suffix cannot be none");
    bool amounts_only = row.cells.size() > 3 && row.cells[3] == "amounts";
    if (row.cells[1] == "prefix") lex.prefix_qualifiers.add(row.cells[0], {q, amounts_only});
    else if (row.cells[1] == "inner") {
      lex.inner_qualifiers.add(row.cells[0], q);
      Decoded first = decode_utf8(row.cells[0], 0);
      if (first.cp < 0x80 || first.cp >= 0x10000) lex.inner_starts_complete = false;  // ASCII matches in any case
      else mark(lex.inner_starts, first.cp);
    }
    else if (row.cells[1] == "suffix") lex.suffix_qualifiers.add(row.cells[0], *q);
    else throw_data_error(qualifiers_file, row.line, "position must be prefix, inner or suffix");
  }
  for (const TsvRow& row : read_tsv(data::file("stop_phrases.tsv"), "stop_phrases.tsv", 1)) {
    std::string_view phrase = row.cells[0];
    if (phrase.empty()) continue;
    auto phrase_index = static_cast<std::uint32_t>(lex.stop_phrases.size());
    lex.stop_phrases.emplace_back(phrase);
    auto folded_at = [&](std::size_t i) {
      char32_t cp = decode_utf8(phrase, i).cp;
      return cp < 0x80 ? static_cast<char32_t>(NumberLexicon::ascii_fold(static_cast<unsigned char>(cp))) : cp;
    };
    char32_t before = 0;
    for (std::size_t i = 0; i < phrase.size();) {
      std::size_t len = decode_utf8(phrase, i).len;
      char32_t after = i + len < phrase.size() ? folded_at(i + len) : 0;
      lex.stop_occurrences.push_back({folded_at(i), before, after, phrase_index, static_cast<std::uint32_t>(i)});
      if (after) {
        mark(lex.stop_pairs, NumberLexicon::pair_hash(folded_at(i), after));
        if (i + len + decode_utf8(phrase, i + len).len == phrase.size())
          mark(lex.stop_last_pairs, NumberLexicon::pair_hash(folded_at(i), after));
      }
      if (!before && !after) lex.stop_pairs_complete = false;
      before = folded_at(i);
      i += len;
    }
  }
  std::stable_sort(lex.stop_occurrences.begin(), lex.stop_occurrences.end(), [](const auto& a, const auto& b) {
    return a.ch != b.ch ? a.ch < b.ch : a.after < b.after;
  });
  for (const TsvRow& row : read_tsv(data::file("count_nouns.tsv"), "count_nouns.tsv", 1))
    lex.count_nouns.add(row.cells[0], true);
  return lex;
}

// Words that end the hunt for a counted noun: "30 years of", "20 in the".
bool is_blocking_word(std::string_view t, std::size_t i) {
  static constexpr std::string_view words[] = {"of ", "the ", "in ", "on ", "at ", "for ", "to ",
                                               "from ", "with ", "by ", "than ", "or ", "per ", "years", "year ",
                                               "months", "days", "percent", "billion", "million", "is ", "are ",
                                               "was ", "were ", "has ", "have ", "had "};
  auto at_i = [&](std::string_view w) { return t.substr(i, w.size()) == w; };
  return std::any_of(std::begin(words), std::end(words), at_i);
}

}  // namespace

std::optional<Span> NumberLexicon::counted_noun_after(std::string_view t, std::size_t end) const {
  if (end >= t.size() || t[end] != ' ') return std::nullopt;
  std::size_t i = end + 1;
  for (int words = 0; words <= 4 && i < t.size(); ++words) {
    if (auto c = count_nouns.match_at(t, i)) return Span{c->begin, c->end};
    if (!is_alpha_at(t, i) || is_blocking_word(t, i)) break;
    while (i < t.size() && (is_alpha_at(t, i) || t[i] == '-')) ++i;
    if (i >= t.size() || t[i] != ' ') break;
    ++i;
  }
  return std::nullopt;
}

bool NumberLexicon::is_english_word(std::string_view letters) const {
  if (!may_be_english_word(letters)) return false;
  auto less = [](std::string_view entry, std::string_view w) {  // entry < lowercased w
    for (std::size_t i = 0; i < entry.size() && i < w.size(); ++i) {
      unsigned e = static_cast<unsigned char>(entry[i]), c = ascii_fold(static_cast<unsigned char>(w[i]));
      if (e != c) return e < c;
    }
    return entry.size() < w.size();
  };
  auto same = [](char w, char e) { return ascii_fold(static_cast<unsigned char>(w)) == static_cast<unsigned char>(e); };
  auto it = std::lower_bound(english_words.begin(), english_words.end(), letters, less);
  return it != english_words.end() && it->size() == letters.size() &&
         std::equal(letters.begin(), letters.end(), it->begin(), same);
}

NumberLexicon load_number_lexicon() { return load(); }

}  // namespace detail
}  // namespace econind
