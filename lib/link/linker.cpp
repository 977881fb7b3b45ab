#include "link/linker.hpp"

#include <algorithm>
#include <charconv>

#include "data/embedded.hpp"
#include "text/utf8.hpp"
#include "util/phrase_table.hpp"
#include "util/tsv.hpp"

namespace econind::detail {
namespace {

enum class WordRole : std::uint8_t { anaphor, relative_year, no_year, change_from, change_to };

struct LinkWord {
  WordRole role;
  int value;
};

struct LinkLexicon {
  PhraseTable<LinkWord> words;
};

const LinkLexicon& link_lexicon() {
  static const LinkLexicon lex = [] {
    LinkLexicon l;
    constexpr std::string_view file = "link_words.tsv";
    for (const TsvRow& row : read_tsv(data::file(file), file, 2)) {
      LinkWord w{WordRole::anaphor, 0};
      std::string_view r = row.cells[1];
      if (r == "anaphor") w.role = WordRole::anaphor;
      else if (r == "relative_year") w.role = WordRole::relative_year;
      else if (r == "no_year") w.role = WordRole::no_year;
      else if (r == "change_from") w.role = WordRole::change_from;
      else if (r == "change_to") w.role = WordRole::change_to;
      else throw_data_error(file, row.line, "unknown role");
      if (row.cells.size() > 2 && !row.cells[2].empty()) {
        std::from_chars(row.cells[2].data(), row.cells[2].data() + row.cells[2].size(), w.value);
      }
      l.words.add(row.cells[0], w);
    }
    return l;
  }();
  return lex;
}

bool is_place(const Entity* e) {
  return e->type == EntityType::park || e->type == EntityType::cluster || e->type == EntityType::region;
}
bool is_country(const Entity* e) { return e->attribute("level") == "country"; }
// An entity that names a whole class (国家高新区): a subject when it is what a count counts.
bool is_aggregate(const Entity* e) { return e->attribute("aggregate") == "true"; }

Kind metric_kind(const Entity* e, Kind fallback) {
  std::string k = e->attribute("kind");
  if (k == "money") return Kind::money;
  if (k == "percent") return Kind::percent;
  if (k == "count") return Kind::count;
  if (k == "rank") return Kind::rank;
  return fallback;
}

bool kind_fits(const Entity* metric, Kind k) {
  Kind m = metric_kind(metric, k);
  if (k == Kind::rank_change) return m == Kind::rank;
  return m == k;
}

// Clause boundaries inside a sentence: commas and colons, Chinese and English.
bool is_clause_break(char32_t c) { return c == ',' || c == U'、' || c == ':' || c == ';'; }

class Linker {
 public:
  Linker(const LinkInput& in, const std::vector<Quantity>& qs) : in_(in), t_(in.text), qs_(qs) {
    find_words();
    find_years();
  }

  std::vector<Links> run() {
    std::vector<Links> out(qs_.size());
    for (std::size_t i = 0; i < qs_.size(); ++i) {
      const Quantity& q = qs_[i];
      Span sentence = sentence_of(q.span.begin);
      Span clause = clause_of(q.span.begin, sentence);
      out[i].subject = subject(i, sentence, clause);
      out[i].industry = industry(q, sentence);
      out[i].metric = metric(q, clause);
      out[i].year = year(q, sentence, clause);
    }
    changes(out);
    return out;
  }

 private:
  struct Word {
    Span span;
    LinkWord word;
  };

  void find_words() {
    const LinkLexicon& lex = link_lexicon();
    for (std::size_t i = 0; i < t_.size();) {
      if (auto m = lex.words.match_at(t_, i)) {
        if (!inside_mention(m->begin, m->end)) {
          words_.push_back({{m->begin, m->end}, *m->payload});
          i = m->end;
          continue;
        }
      }
      i += decode_utf8(t_, i).len;
    }
  }

  void find_years() {
    for (const NumberToken& n : in_.numbers) {
      if (n.number.status != NumberStatus::ok) continue;
      if (n.number.kind == NumberKind::year || n.number.kind == NumberKind::period ||
          (n.number.kind == NumberKind::date && !n.number.value.is_zero())) {
        years_.push_back(&n);
      }
    }
  }

  bool inside_mention(std::size_t b, std::size_t e) const {
    for (const EntityMatch& m : in_.mentions)
      if (m.span.begin < e && b < m.span.end) return true;
    return false;
  }

  Span sentence_of(std::size_t pos) const {
    for (const Sentence& s : in_.sentences)
      if (s.span.begin <= pos && pos < s.span.end) return s.span;
    return {pos, pos};
  }

  Span clause_of(std::size_t pos, Span sentence) const {
    std::size_t b = sentence.begin, e = sentence.end;
    for (std::size_t i = sentence.begin; i < sentence.end;) {
      Decoded d = decode_utf8(t_, i);
      bool brk = is_clause_break(d.cp) && !(d.cp == ',' && i > 0 && i + 1 < t_.size() &&
                                            is_ascii_digit(static_cast<unsigned char>(t_[i - 1])) &&
                                            is_ascii_digit(static_cast<unsigned char>(t_[i + 1])));
      if (brk) {
        if (i < pos) b = i + d.len;
        else if (i >= pos) {
          e = i;
          break;
        }
      }
      i += d.len;
    }
    return {b, e};
  }

  // A mention right after a count names what it counts (157家国家高新区): it is not the subject
  // of the figures around it.
  bool is_counted_noun(const EntityMatch& m) const {
    for (const Quantity& q : qs_) {
      if (q.kind != Kind::count || q.span.end > m.span.begin || m.span.begin - q.span.end > 6) continue;
      std::string_view gap = t_.substr(q.span.end, m.span.begin - q.span.end);
      if (gap.find(',') == std::string_view::npos && gap.find("。") == std::string_view::npos) return true;
    }
    return false;
  }

  // The last place named before `pos`, not before `floor`, preferring parks and clusters over
  // regions when asked; never the country unless nothing else is there.
  const EntityMatch* last_place(std::size_t floor, std::size_t pos, bool prefer_parks) const {
    const EntityMatch* best = nullptr;
    const EntityMatch* country = nullptr;
    for (const EntityMatch& m : in_.mentions) {
      if (m.span.begin < floor || m.span.end > pos) continue;
      if (!is_place(m.entity) || is_counted_noun(m) || is_dateline(m)) continue;
      if (is_country(m.entity)) {
        country = &m;
        continue;
      }
      if (!best || !prefer_parks || m.entity->type != EntityType::region ||
          best->entity->type == EntityType::region)
        best = &m;
    }
    return best ? best : country;
  }

  // The park an anaphor refers to: the last one named, or the last aggregate for "the zones".
  const EntityMatch* last_park(std::size_t pos, bool aggregate) const {
    const EntityMatch* best = nullptr;
    for (const EntityMatch& m : in_.mentions) {
      if (m.span.end > pos) break;
      bool park = m.entity->type == EntityType::park || m.entity->type == EntityType::cluster;
      if (park && aggregate == is_aggregate(m.entity) && !is_dateline(m)) best = &m;
    }
    return best;
  }

  // The anaphor between b and e, if any.
  const Word* anaphor_in(std::size_t b, std::size_t e) const {
    const Word* found = nullptr;
    for (const Word& w : words_)
      if (w.word.role == WordRole::anaphor && w.span.begin >= b && w.span.end <= e) found = &w;
    return found;
  }

  const EntityMatch* referent(const Word* anaphor, std::size_t pos) const {
    return anaphor ? last_park(pos, anaphor->word.value == 1) : nullptr;
  }

  // "BEIJING, September 20 (Xinhua) --": the city of a dateline is where the news was filed.
  bool is_dateline(const EntityMatch& m) const {
    std::string_view s = t_.substr(m.span.begin, m.span.size());
    if (s.size() < 4) return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'A' && c <= 'Z') || c == ' ' || c == '\''; });
  }

  LinkedEntity subject(std::size_t i, Span sentence, Span clause) const {
    const Quantity& q = qs_[i];
    // 157家国家高新区: a count of a whole class of places is about that class.
    if (q.kind == Kind::count) {
      for (const EntityMatch& m : in_.mentions) {
        if (m.span.begin >= q.span.end && m.span.begin <= q.span.end + 6 && is_aggregate(m.entity))
          return {m.entity, 0.9};
      }
    }
    std::size_t pos = q.span.begin;
    // The clause names its own place (带动中山市实现806亿元), parks before regions (the
    // Lanzhou High-tech Zone in Gansu province moved up 12 places).
    if (const EntityMatch* m = last_place(clause.begin, pos, true); m && !is_country(m->entity)) return {m->entity, 0.9};
    if (const EntityMatch* p = referent(anaphor_in(clause.begin, pos), pos)) return {p->entity, 0.75};
    // The sentence's place, parks before regions.
    if (const EntityMatch* m = last_place(sentence.begin, pos, true)) return {m->entity, 0.8};
    if (const EntityMatch* p = referent(anaphor_in(sentence.begin, pos), pos)) return {p->entity, 0.7};
    // The place the text was last about.
    if (const EntityMatch* m = last_place(0, pos, false); m && !is_country(m->entity)) return {m->entity, 0.5};
    return {};
  }

  LinkedEntity industry(const Quantity& q, Span sentence) const {
    const EntityMatch* best = nullptr;
    for (const EntityMatch& m : in_.mentions) {
      if (m.entity->type != EntityType::industry) continue;
      if (m.span.begin >= sentence.begin && m.span.end <= q.span.begin) best = &m;
      // "more than 200 biomedical companies": the industry inside the counted noun phrase.
      if (!best && q.kind == Kind::count && q.unit_span.size() > 0 && m.span.begin >= q.span.end &&
          m.span.end <= q.unit_span.end)
        best = &m;
    }
    return best ? LinkedEntity{best->entity, 0.7} : LinkedEntity{};
  }

  LinkedEntity metric(const Quantity& q, Span clause) const {
    // Counts: the noun they count first (300家企业, 9家上市公司), then the words before.
    if (q.kind == Kind::count) {
      for (const EntityMatch& m : in_.mentions) {
        if (m.entity->type == EntityType::metric && m.span.begin >= q.span.end && m.span.begin <= q.span.end + 9 &&
            m.span.end <= clause.end && kind_fits(m.entity, q.kind))
          return {m.entity, 0.8};
      }
    }
    const EntityMatch* best = nullptr;
    for (const EntityMatch& m : in_.mentions) {
      if (m.entity->type != EntityType::metric || !kind_fits(m.entity, q.kind)) continue;
      if (m.span.begin >= clause.begin && m.span.end <= q.span.begin) best = &m;
    }
    return best ? LinkedEntity{best->entity, 0.8} : LinkedEntity{};
  }

  // A year or relative year that opens a clause (2021年区内…, 截至2017年年底, In 2021) sets
  // the year of what follows in its paragraph, until another one does. 迄今, 目前, so far say the
  // figure is a running total: no year.
  std::optional<int> year(const Quantity& q, Span sentence, Span clause) const {
    for (const Word& w : words_) {
      if (w.word.role == WordRole::no_year && w.span.begin >= clause.begin && w.span.end <= q.span.begin) return {};
    }
    // In the figure's own clause, before it.
    std::optional<int> own;
    for (const NumberToken* y : years_) {
      const Span& s = y->number.span;
      if (s.begin >= clause.begin && s.end <= q.span.begin) {
        if (auto v = year_value(*y, q)) own = v;
      }
    }
    if (own) return own;
    // "revenue of 1.3 trillion yuan in 2022": an English year right after, in the same clause.
    for (const NumberToken* y : years_) {
      const Span& s = y->number.span;
      if (y->number.kind == NumberKind::year && s.begin >= q.span.end && s.end <= clause.end && s.begin >= 3 &&
          t_.substr(s.begin - 3, 3) == "in ")
        return static_cast<int>(y->number.value.to_double());
    }
    for (const Word& w : words_) {
      if (w.word.role == WordRole::relative_year && w.span.begin >= clause.begin && w.span.end <= q.span.begin &&
          in_.document_year)
        own = *in_.document_year + w.word.value;
    }
    if (own) return own;
    // A clause-opening year earlier in the sentence or paragraph.
    std::size_t paragraph_start = paragraph_begin(sentence.begin);
    std::optional<int> topic;
    for (const NumberToken* y : years_) {
      const Span& s = y->number.span;
      if (s.begin < paragraph_start || s.end > q.span.begin) continue;
      if (opens_clause(s.begin)) topic = year_value(*y, q);
    }
    return topic;
  }

  // The year a time expression gives the figure. A period (1997-2017年) gives years only to the
  // two ends of a change: 从X增加到Y makes X of 1997 and Y of 2017.
  std::optional<int> year_value(const NumberToken& y, const Quantity& q) const {
    if (y.number.kind != NumberKind::period || !y.number.value_max) return static_cast<int>(y.number.value.to_double());
    const Word* last = nullptr;
    for (const Word& w : words_) {
      if ((w.word.role == WordRole::change_from || w.word.role == WordRole::change_to) &&
          w.span.begin >= y.number.span.end && w.span.end <= q.span.begin)
        last = &w;
    }
    if (!last || q.span.begin - last->span.end > 3) return std::nullopt;
    const Decimal& v = last->word.role == WordRole::change_from ? y.number.value : *y.number.value_max;
    return static_cast<int>(v.to_double());
  }

  std::size_t paragraph_begin(std::size_t pos) const {
    std::size_t p = t_.rfind('\n', pos);
    return p == std::string_view::npos ? 0 : p + 1;
  }

  // Only blanks, 在 截至 于, or English "In", "By the end of", "In March" stand between the
  // start of a clause and `pos`.
  bool opens_clause(std::size_t pos) const {
    static constexpr std::string_view lead_words[] = {
        "in",      "by",       "since",  "during",  "as",   "of",      "the",     "end",      "early",
        "late",    "mid",      "january", "february", "march", "april", "may",     "june",     "july",
        "august",  "september", "october", "november", "december"};
    std::size_t i = pos;
    for (int steps = 0; i > 0 && steps < 6; ++steps) {
      std::size_t p = prev_cp_start(t_, i);
      char32_t c = decode_utf8(t_, p).cp;
      if (is_clause_break(c) || c == '\n' || c == U'。' || c == '.') return true;
      if (c == ' ' || c == U'在' || c == U'截' || c == U'至' || c == U'止' || c == U'于' || c == U'“' || c == '"') {
        i = p;
      } else if (is_ascii_alpha(c)) {
        std::size_t b = p;
        while (b > 0 && is_ascii_alpha(static_cast<unsigned char>(t_[b - 1]))) --b;
        std::string word(t_.substr(b, i - b));
        for (char& ch : word) ch = ascii_lower(ch);
        if (std::find(std::begin(lead_words), std::end(lead_words), word) == std::end(lead_words)) return false;
        i = b;
      } else {
        return false;
      }
    }
    return i == 0;
  }

  // 从 X 增加到 Y / from X to Y: Y changed from X.
  void changes(std::vector<Links>& out) const {
    for (std::size_t i = 0; i + 1 < qs_.size(); ++i) {
      const Quantity& a = qs_[i];
      const Quantity& b = qs_[i + 1];
      if (a.kind != b.kind) continue;
      bool from = false, to = false;
      for (const Word& w : words_) {
        if (w.word.role == WordRole::change_from && w.span.end <= a.span.begin && a.span.begin - w.span.end <= 3) from = true;
        if (w.word.role == WordRole::change_to && w.span.begin >= a.span.end && w.span.end <= b.span.begin) to = true;
      }
      if (from && to && sentence_of(a.span.begin).begin == sentence_of(b.span.begin).begin) out[i + 1].change_from = i;
    }
  }

  const LinkInput& in_;
  std::string_view t_;
  const std::vector<Quantity>& qs_;
  std::vector<Word> words_;
  std::vector<const NumberToken*> years_;
};

}  // namespace

std::vector<Links> link(const LinkInput& in, const std::vector<Quantity>& quantities) {
  return Linker(in, quantities).run();
}

std::optional<int> dateline_year(const std::vector<NumberToken>& numbers) {
  constexpr std::size_t kDatelineBytes = 400;
  for (const NumberToken& n : numbers) {
    if (n.number.span.begin > kDatelineBytes) break;
    if (n.number.kind == NumberKind::date && !n.number.value.is_zero()) return static_cast<int>(n.number.value.to_double());
  }
  return std::nullopt;
}

}  // namespace econind::detail
