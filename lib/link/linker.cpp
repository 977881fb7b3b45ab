#include "link/linker.hpp"

#include <algorithm>
#include <charconv>
#include <unordered_map>

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

// What the linker needs to know of each mention, looked up once per mention.
struct MentionInfo {
  enum class Place : std::uint8_t { none, region, park, country };  // park: a park or a cluster
  Place place = Place::none;
  bool aggregate = false;     // 国家高新区: the zones taken together
  bool dateline = false;      // "BEIJING, Sept. 20 --": where the news was filed
  bool counted_noun = false;  // 157家国家高新区: what a count right before it counts
  std::optional<Kind> metric_kind;
};

std::optional<Kind> kind_from_name(const std::string& k) {
  if (k == "money") return Kind::money;
  if (k == "percent") return Kind::percent;
  if (k == "count") return Kind::count;
  if (k == "rank") return Kind::rank;
  return std::nullopt;
}

// A metric fits a figure of its own kind; rank metrics fit rank changes too.
bool kind_fits(const MentionInfo& m, Kind k) {
  if (!m.metric_kind) return true;
  if (k == Kind::rank_change) return *m.metric_kind == Kind::rank;
  return *m.metric_kind == k;
}

// Clause boundaries inside a sentence: commas and colons, Chinese and English.
bool is_clause_break(char32_t c) { return c == ',' || c == U'、' || c == ':' || c == ';'; }

constexpr std::size_t kNone = static_cast<std::size_t>(-1);
// How many mentions (or years) back a search within one sentence or clause may look: keeps
// linking linear even on a megabyte "sentence" with no punctuation.
constexpr std::size_t kLookback = 64;

class Linker {
 public:
  Linker(const LinkInput& in, const std::vector<Quantity>& qs) : in_(in), t_(in.text), qs_(qs), ms_(in.mentions) {
    index_text();
    index_mentions();
    find_words();
    find_years();
  }

  std::vector<Links> run() const {
    std::vector<Links> out(qs_.size());
    for (std::size_t i = 0; i < qs_.size(); ++i) {
      const Quantity& q = qs_[i];
      Span sentence = sentence_of(q.span.begin);
      Span clause = clause_of(q.span.begin, sentence);
      out[i].subject = subject(q, sentence, clause);
      out[i].industry = industry(q, sentence);
      out[i].metric = metric(q, clause);
      out[i].year = year(q, clause);
    }
    changes(out);
    return out;
  }

 private:
  struct Word {
    Span span;
    LinkWord word;
  };

  // ---- indexes, built once ----------------------------------------------------------------

  // Line starts and clause breaks, in one pass over the bytes: the breaks are ASCII
  // (normalized text has no full-width commas) or 、 (E3 80 81).
  void index_text() {
    for (std::size_t i = 0; i < t_.size(); ++i) {
      char c = t_[i];
      if (c == '\n') {
        line_starts_.push_back(i + 1);
      } else if (c == ',' || c == ':' || c == ';') {
        // A comma between digits groups thousands; it does not end a clause.
        bool digit_comma = c == ',' && i > 0 && i + 1 < t_.size() && t_[i - 1] >= '0' && t_[i - 1] <= '9' &&
                           t_[i + 1] >= '0' && t_[i + 1] <= '9';
        if (!digit_comma) breaks_.push_back({i, i + 1});
      } else if (c == '\xE3' && i + 2 < t_.size() && t_[i + 1] == '\x80' && t_[i + 2] == '\x81') {
        breaks_.push_back({i, i + 3});
        i += 2;
      }
    }
  }

  void index_mentions() {
    info_.resize(ms_.size());
    std::unordered_map<const Entity*, MentionInfo> seen;  // entity facts, looked up once each
    for (std::size_t i = 0; i < ms_.size(); ++i) {
      const Entity& e = *ms_[i].entity;
      auto [it, fresh] = seen.try_emplace(&e);
      if (fresh) {
        MentionInfo& f = it->second;
        f.aggregate = e.attribute("aggregate") == "true";
        if (e.type == EntityType::park || e.type == EntityType::cluster) f.place = MentionInfo::Place::park;
        if (e.type == EntityType::region)
          f.place = e.attribute("level") == "country" ? MentionInfo::Place::country : MentionInfo::Place::region;
        if (e.type == EntityType::metric) f.metric_kind = kind_from_name(e.attribute("kind"));
      }
      MentionInfo& m = info_[i];
      m = it->second;
      std::string_view s = t_.substr(ms_[i].span.begin, ms_[i].span.size());
      m.dateline = s.size() >= 4 && std::all_of(s.begin(), s.end(), [](char c) {
                     return (c >= 'A' && c <= 'Z') || c == ' ' || c == '\'';
                   });
      m.counted_noun = follows_count(ms_[i].span.begin);
    }
    // Prefix indexes: the last mention of each sort at or before position i.
    last_place_.assign(ms_.size(), kNone);
    last_park_.assign(ms_.size(), kNone);
    last_aggregate_.assign(ms_.size(), kNone);
    std::size_t place = kNone, park = kNone, aggregate = kNone;
    for (std::size_t i = 0; i < ms_.size(); ++i) {
      const MentionInfo& m = info_[i];
      bool usable = !m.dateline;
      if (usable && !m.counted_noun && (m.place == MentionInfo::Place::park || m.place == MentionInfo::Place::region))
        place = i;
      if (usable && m.place == MentionInfo::Place::park) (m.aggregate ? aggregate : park) = i;
      last_place_[i] = place;
      last_park_[i] = park;
      last_aggregate_[i] = aggregate;
    }
  }

  // Does a count end just before `pos`, with no comma between (157家国家高新区)?
  bool follows_count(std::size_t pos) const {
    auto it = std::upper_bound(qs_.begin(), qs_.end(), pos,
                               [](std::size_t p, const Quantity& q) { return p < q.span.end; });
    if (it == qs_.begin()) return false;
    const Quantity& q = *std::prev(it);
    if (q.kind != Kind::count || pos - q.span.end > 6) return false;
    std::string_view gap = t_.substr(q.span.end, pos - q.span.end);
    return gap.find(',') == std::string_view::npos && gap.find("。") == std::string_view::npos;
  }

  // Link words are looked for only in sentences that hold a figure.
  void find_words() {
    const LinkLexicon& lex = link_lexicon();
    std::size_t qi = 0;
    for (const Sentence& s : in_.sentences) {
      while (qi < qs_.size() && qs_[qi].span.begin < s.span.begin) ++qi;
      if (qi == qs_.size() || qs_[qi].span.begin >= s.span.end) continue;
      for (std::size_t i = s.span.begin; i < s.span.end;) {
        if (auto m = lex.words.match_at(t_, i); m && m->end <= s.span.end && !inside_mention(m->begin, m->end)) {
          words_.push_back({{m->begin, m->end}, *m->payload});
          i = m->end;
          continue;
        }
        i += decode_utf8(t_, i).len;
      }
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
    last_opening_.assign(years_.size(), kNone);
    std::size_t last = kNone;
    for (std::size_t i = 0; i < years_.size(); ++i) {
      if (opens_clause(years_[i]->number.span.begin)) last = i;
      last_opening_[i] = last;
    }
  }

  // ---- lookups ----------------------------------------------------------------------------

  // Number of mentions that end at or before `pos`.
  std::size_t mentions_before(std::size_t pos) const {
    return static_cast<std::size_t>(
        std::upper_bound(ms_.begin(), ms_.end(), pos, [](std::size_t p, const EntityMatch& m) { return p < m.span.end; }) -
        ms_.begin());
  }

  bool inside_mention(std::size_t b, std::size_t e) const {
    std::size_t k = mentions_before(b);
    return k < ms_.size() && ms_[k].span.begin < e;
  }

  // The words of a role in [b, e), last first.
  const Word* last_word(WordRole role, std::size_t b, std::size_t e) const {
    auto it = std::lower_bound(words_.begin(), words_.end(), e, [](const Word& w, std::size_t p) { return w.span.begin < p; });
    while (it != words_.begin()) {
      --it;
      if (it->span.begin < b) break;
      if (it->word.role == role && it->span.end <= e) return &*it;
    }
    return nullptr;
  }

  Span sentence_of(std::size_t pos) const {
    const auto& ss = in_.sentences;
    auto it = std::upper_bound(ss.begin(), ss.end(), pos, [](std::size_t p, const Sentence& s) { return p < s.span.begin; });
    if (it != ss.begin() && pos < std::prev(it)->span.end) return std::prev(it)->span;
    return {pos, pos};
  }

  Span clause_of(std::size_t pos, Span sentence) const {
    auto it = std::lower_bound(breaks_.begin(), breaks_.end(), pos, [](const Span& b, std::size_t p) { return b.begin < p; });
    std::size_t b = it == breaks_.begin() ? sentence.begin : std::max(sentence.begin, std::prev(it)->end);
    std::size_t e = it == breaks_.end() ? sentence.end : std::min(sentence.end, it->begin);
    return {b, std::max(b, e)};
  }

  std::size_t paragraph_begin(std::size_t pos) const {
    auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), pos);
    return it == line_starts_.begin() ? 0 : *std::prev(it);
  }

  // The place named last in [floor, pos): parks and clusters before regions, the country only
  // when nothing else is there.
  std::optional<std::size_t> place_within(std::size_t floor, std::size_t pos) const {
    std::optional<std::size_t> region, country;
    std::size_t k = mentions_before(pos);
    for (std::size_t n = 0; k > 0 && n < kLookback; ++n) {
      --k;
      if (ms_[k].span.begin < floor) break;
      const MentionInfo& m = info_[k];
      if (m.dateline || m.counted_noun) continue;
      if (m.place == MentionInfo::Place::park) return k;
      if (m.place == MentionInfo::Place::region && !region) region = k;
      if (m.place == MentionInfo::Place::country && !country) country = k;
    }
    return region ? region : country;
  }

  // The park an anaphor refers to: the last one named, or the zones taken together ("the zones").
  std::optional<std::size_t> referent(const Word* anaphor, std::size_t pos) const {
    std::size_t k = mentions_before(pos);
    if (!anaphor || k == 0) return std::nullopt;
    std::size_t r = (anaphor->word.value == 1 ? last_aggregate_ : last_park_)[k - 1];
    return r == kNone ? std::nullopt : std::optional<std::size_t>(r);
  }

  LinkedEntity entity(std::optional<std::size_t> k, double confidence) const {
    return k ? LinkedEntity{ms_[*k].entity, confidence} : LinkedEntity{};
  }

  // ---- the rules --------------------------------------------------------------------------

  LinkedEntity subject(const Quantity& q, Span sentence, Span clause) const {
    // 157家国家高新区: a count of a whole class of places is about that class.
    if (q.kind == Kind::count) {
      for (std::size_t k = mentions_before(q.span.end); k < ms_.size() && ms_[k].span.begin <= q.span.end + 6; ++k)
        if (info_[k].aggregate) return entity(k, 0.9);
    }
    std::size_t pos = q.span.begin;
    // The clause names its own place (带动中山市实现806亿元), parks before regions (the
    // Lanzhou High-tech Zone in Gansu province moved up 12 places).
    if (auto k = place_within(clause.begin, pos); k && info_[*k].place != MentionInfo::Place::country) return entity(k, 0.9);
    if (auto k = referent(last_word(WordRole::anaphor, clause.begin, pos), pos)) return entity(k, 0.75);
    if (auto k = place_within(sentence.begin, pos)) return entity(k, 0.8);
    if (auto k = referent(last_word(WordRole::anaphor, sentence.begin, pos), pos)) return entity(k, 0.7);
    // The place the text was last about.
    std::size_t k = mentions_before(pos);
    if (k > 0 && last_place_[k - 1] != kNone) return entity(last_place_[k - 1], 0.5);
    return {};
  }

  LinkedEntity industry(const Quantity& q, Span sentence) const {
    std::size_t k = mentions_before(q.span.begin);
    for (std::size_t n = 0; k > 0 && n < kLookback; ++n) {
      --k;
      if (ms_[k].span.begin < sentence.begin) break;
      if (ms_[k].entity->type == EntityType::industry) return entity(k, 0.7);
    }
    // "more than 200 biomedical companies": the industry inside the counted noun phrase.
    if (q.kind == Kind::count && q.unit_span.size() > 0) {
      for (std::size_t j = mentions_before(q.span.end); j < ms_.size() && ms_[j].span.end <= q.unit_span.end; ++j)
        if (ms_[j].entity->type == EntityType::industry) return entity(j, 0.7);
    }
    return {};
  }

  LinkedEntity metric(const Quantity& q, Span clause) const {
    // Counts: the noun they count first (300家企业, 9家上市公司), then the words before.
    if (q.kind == Kind::count) {
      for (std::size_t j = mentions_before(q.span.end); j < ms_.size() && ms_[j].span.begin <= q.span.end + 9; ++j) {
        if (ms_[j].entity->type == EntityType::metric && ms_[j].span.end <= clause.end && kind_fits(info_[j], q.kind))
          return entity(j, 0.8);
      }
    }
    std::size_t k = mentions_before(q.span.begin);
    for (std::size_t n = 0; k > 0 && n < kLookback; ++n) {
      --k;
      if (ms_[k].span.begin < clause.begin) break;
      if (ms_[k].entity->type == EntityType::metric && kind_fits(info_[k], q.kind)) return entity(k, 0.8);
    }
    return {};
  }

  // A year or relative year that opens a clause (2021年区内…, 截至2017年年底, In 2021) sets
  // the year of what follows in its paragraph, until another one does. 迄今, 目前, so far say the
  // figure is a running total: no year.
  std::optional<int> year(const Quantity& q, Span clause) const {
    if (last_word(WordRole::no_year, clause.begin, q.span.begin)) return std::nullopt;
    // In the figure's own clause, before it.
    auto it = std::upper_bound(years_.begin(), years_.end(), q.span.begin,
                               [](std::size_t p, const NumberToken* y) { return p < y->number.span.end; });
    std::size_t before = static_cast<std::size_t>(it - years_.begin());
    for (std::size_t j = before, n = 0; j > 0 && n < kLookback; ++n) {
      --j;
      if (years_[j]->number.span.begin < clause.begin) break;
      if (auto v = year_value(*years_[j], q)) return v;
    }
    // "revenue of 1.3 trillion yuan in 2022": an English year right after, in the same clause.
    for (std::size_t j = before; j < years_.size() && years_[j]->number.span.end <= clause.end; ++j) {
      const Span& s = years_[j]->number.span;
      if (years_[j]->number.kind == NumberKind::year && s.begin >= 3 && t_.substr(s.begin - 3, 3) == "in ")
        return static_cast<int>(years_[j]->number.value.to_double());
    }
    if (const Word* w = last_word(WordRole::relative_year, clause.begin, q.span.begin); w && in_.document_year)
      return *in_.document_year + w->word.value;
    // A clause-opening year earlier in the paragraph.
    if (before == 0 || last_opening_[before - 1] == kNone) return std::nullopt;
    const NumberToken& topic = *years_[last_opening_[before - 1]];
    if (topic.number.span.begin < paragraph_begin(q.span.begin)) return std::nullopt;
    return year_value(topic, q);
  }

  // The year a time expression gives the figure. A period (1997-2017年) gives years only to the
  // two ends of a change: 从X增加到Y makes X of 1997 and Y of 2017.
  std::optional<int> year_value(const NumberToken& y, const Quantity& q) const {
    if (y.number.kind != NumberKind::period || !y.number.value_max) return static_cast<int>(y.number.value.to_double());
    const Word* from = last_word(WordRole::change_from, y.number.span.end, q.span.begin);
    const Word* to = last_word(WordRole::change_to, y.number.span.end, q.span.begin);
    const Word* last = !from ? to : !to ? from : (from->span.begin > to->span.begin ? from : to);
    if (!last || q.span.begin - last->span.end > 3) return std::nullopt;
    const Decimal& v = last == from ? y.number.value : *y.number.value_max;
    return static_cast<int>(v.to_double());
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
        while (b > 0 && p - b < 12 && is_ascii_alpha(static_cast<unsigned char>(t_[b - 1]))) --b;
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
      if (a.kind != b.kind || sentence_of(a.span.begin).begin != sentence_of(b.span.begin).begin) continue;
      const Word* from = last_word(WordRole::change_from, a.span.begin > 3 ? a.span.begin - 3 : 0, a.span.begin);
      const Word* to = last_word(WordRole::change_to, a.span.end, b.span.begin);
      if (from && to) out[i + 1].change_from = i;
    }
  }

  const LinkInput& in_;
  std::string_view t_;
  const std::vector<Quantity>& qs_;
  const std::vector<EntityMatch>& ms_;
  std::vector<MentionInfo> info_;
  std::vector<std::size_t> last_place_, last_park_, last_aggregate_;
  std::vector<std::size_t> line_starts_;
  std::vector<Span> breaks_;
  std::vector<Word> words_;
  std::vector<const NumberToken*> years_;
  std::vector<std::size_t> last_opening_;
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
