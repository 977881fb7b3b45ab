#include "numbers/lexicon.hpp"

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
      lex.english.add(surface, n);
    }
  }
  auto mark_start = [&](std::string_view ch) {
    lex.number_start_prefix[static_cast<unsigned char>(ch[0]) << 8 | static_cast<unsigned char>(ch[1])] = true;
  };
  for (char32_t cp = 0x80; cp < 0x10000; ++cp)
    if (lex.numeral_index[cp]) mark_start(utf8(cp));
  for (std::string_view vague : {"数", "几", "上", "好", "成"}) mark_start(vague);
  constexpr std::string_view qualifiers_file = "qualifiers.tsv";
  for (const TsvRow& row : read_tsv(data::file(qualifiers_file), qualifiers_file, 3)) {
    if (row.cells[1] == "prefix" && row.cells[2] == "none") {
      lex.prefix_qualifiers.add(row.cells[0], {std::nullopt, false});
      continue;
    }
    auto q = qualifier_from_name(row.cells[2]);
    if (!q) throw_data_error(qualifiers_file, row.line, "unknown qualifier");
    bool amounts_only = row.cells.size() > 3 && row.cells[3] == "amounts";
    if (row.cells[1] == "prefix") lex.prefix_qualifiers.add(row.cells[0], {*q, amounts_only});
    else if (row.cells[1] == "inner") lex.inner_qualifiers.add(row.cells[0], *q);
    else if (row.cells[1] == "suffix") lex.suffix_qualifiers.add(row.cells[0], *q);
    else throw_data_error(qualifiers_file, row.line, "position must be prefix, inner or suffix");
  }
  for (const TsvRow& row : read_tsv(data::file("stop_phrases.tsv"), "stop_phrases.tsv", 1)) {
    lex.stop_phrases.add(row.cells[0], true);
    lex.longest_stop_phrase = std::max(lex.longest_stop_phrase, row.cells[0].size());
  }
  return lex;
}

}  // namespace

const NumberLexicon& number_lexicon() {
  static const NumberLexicon lex = load();
  return lex;
}

}  // namespace detail
}  // namespace econind
