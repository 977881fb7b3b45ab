#include "link/linker.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>

#if defined(__SSE2__) || defined(_M_X64)
#include <emmintrin.h>
#endif

#include "data/embedded.hpp"
#include "text/utf8.hpp"
#include "util/bits.hpp"
#include "util/phrase_table.hpp"
#include "util/tsv.hpp"

namespace econind::detail {
namespace {

enum class WordRole : std::uint8_t {
  anaphor, relative_year, no_year, change_from, change_to, one_company, event, not_a_word
};
constexpr std::size_t kRoles = static_cast<std::size_t>(WordRole::not_a_word) + 1;

struct LinkWord {
  WordRole role;
  int value;
};

// The link words, looked for at every position of the sentences that hold a figure.
using LinkLexicon = PhraseTable<LinkWord>;

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
      else if (r == "one_company") w.role = WordRole::one_company;
      else if (r == "event") w.role = WordRole::event;
      else if (r == "not_a_word") w.role = WordRole::not_a_word;
      else throw_data_error(file, row.line, "unknown role");
      if (row.cells.size() > 2 && !row.cells[2].empty()) {
        std::from_chars(row.cells[2].data(), row.cells[2].data() + row.cells[2].size(), w.value);
      }
      l.add(row.cells[0], w);
    }
    return l;
  }();
  return lex;
}

// What the linker needs to know of an entity, the same for each of its mentions.
struct EntityFacts {
  enum class Place : std::uint8_t { none, region, park, country };  // park: a park or a cluster
  Place place = Place::none;
  bool aggregate = false;  // 国家高新区: the zones taken together
  std::optional<Kind> metric_kind;
};

// What the linker needs to know of each mention, looked up once per mention.
struct MentionInfo : EntityFacts {
  bool dateline = false;      // "BEIJING, Sept. 20 --": where the news was filed
  bool counted_noun = false;  // 157家国家高新区: what a count right before it counts
  // The last mention of each sort at or before this one (kNone: none yet).
  std::size_t last_place, last_park, last_aggregate;
};

// The value of attribute `key`, as Entity::attribute gives it, without copying it.
std::string_view attribute_of(const Entity& e, std::string_view key) {
  for (const auto& [k, v] : e.attributes)
    if (k == key) return v;
  return {};
}

std::optional<Kind> kind_from_name(std::string_view k) {
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

bool is_rank(Kind k) { return k == Kind::rank || k == Kind::rank_change; }

// A year (or date) as a whole number, as static_cast<int>(d.to_double()) gives it. Years are
// small integers, exact without the text round trip to_double makes.
int whole_part(const Decimal& d) {
  std::int64_t v = d.mantissa();
  if (d.exponent() >= 0 && d.exponent() <= 9 && v > -1'000'000'000 && v < 1'000'000'000) {
    for (int e = 0; e < d.exponent() && v > -1'000'000'000 && v < 1'000'000'000; ++e) v *= 10;
    if (v > -1'000'000'000 && v < 1'000'000'000) return static_cast<int>(v);
  }
  return static_cast<int>(d.to_double());
}

// Clause boundaries inside a sentence: commas and colons, Chinese and English.
bool is_clause_break(char32_t c) { return c == ',' || c == U'、' || c == ':' || c == ';'; }

constexpr std::size_t kNone = static_cast<std::size_t>(-1);
// How many mentions (or years) back a search within one sentence or clause may look: keeps
// linking linear even on a megabyte "sentence" with no punctuation.
constexpr std::size_t kLookback = 64;
// How far past the end of a count the noun it counts may begin (300家企业), and past the end of
// that noun the place of what is counted (" in the ").
constexpr std::size_t kNounReach = 9;
// How far from its classifier an event word may show that a count counts an event's sessions or
// attendees (20余位院士专家和300多名企业代表参会).
constexpr std::size_t kEventReach = 60;
// How far after a figure an English relative year may begin ("35 percent in overseas markets
// last year").
constexpr std::size_t kYearReach = 40;

// How many leading elements of a sorted list come `before` a position, counted on from the
// count at the previous position: the figures come in text order, so each list is walked once.
template <class T, class Before>
std::size_t count_before(const std::vector<T>& list, std::size_t& count, Before before) {
  if (count > 0 && !before(list[count - 1])) count = 0;  // an earlier position: count again
  while (count < list.size() && before(list[count])) ++count;
  return count;
}

// A link word found in the text.
struct Word {
  Span span;
  LinkWord word;
  std::array<std::size_t, kRoles> last_of_role;  // the last word of each role up to this one (kNone: none)
};

// A time expression, and the last one up to it that opens a clause (kNone: none yet).
struct Year {
  const NumberToken* token;
  std::size_t last_opening;
  std::size_t next_in_year;  // the first from this one on that is an English year after "in " … (kNone: none)
};

// The linker's indexes, kept by each thread between documents so that linking allocates
// nothing once they have grown (as the other stages' working arrays, lib/api/extractor.cpp).
struct LinkIndexes {
  std::vector<MentionInfo> info;
  std::vector<Word> words;
  std::vector<Year> years;
};
thread_local LinkIndexes link_indexes;

// The work is kept in proportion to the figures: link words are read only in sentences that
// hold one, clause breaks and line breaks only as far forward as the figures reach, and every
// search from a figure is bounded, so nothing is built over the whole text.
class Linker {
 public:
  // `qs` holds at least one figure.
  Linker(const LinkInput& in, const std::vector<Quantity>& qs)
      : in_(in), t_(in.text), qs_(qs), ms_(in.mentions), info_(link_indexes.info), words_(link_indexes.words),
        years_(link_indexes.years) {
    words_.clear();
    years_.clear();
    index_mentions();
    find_words();
    find_years();
  }

  std::vector<Links> run(std::vector<Links> out) {
    out.assign(qs_.size(), Links{});
    Span previous_sentence{kNone, kNone};
    std::size_t previous_words_before = 0;
    // Counts carried from figure to figure.
    std::size_t sentences = 0, mentions_to_begin = 0, mentions_to_end = 0, words = 0, years = 0;
    for (std::size_t i = 0; i < qs_.size(); ++i) {
      const Quantity& q = qs_[i];
      std::size_t b = q.span.begin, e = q.span.end;
      std::size_t s = count_before(in_.sentences, sentences, [b](const Sentence& x) { return x.span.begin <= b; });
      Span sentence = s > 0 && b < in_.sentences[s - 1].span.end ? in_.sentences[s - 1].span : Span{b, b};
      Figure f{q,
               sentence,
               clause_of(b, sentence),
               count_before(ms_, mentions_to_begin, [b](const EntityMatch& m) { return m.span.end <= b; }),
               count_before(ms_, mentions_to_end, [e](const EntityMatch& m) { return m.span.end <= e; }),
               count_before(words_, words, [b](const Word& w) { return w.span.begin < b; }),
               count_before(years_, years, [b](const Year& y) { return y.token->number.span.end <= b; })};
      out[i].subject = subject(f);
      out[i].industry = industry(f);
      out[i].metric = metric(f);
      out[i].year = year(f);
      if (i > 0 && changed_from(qs_[i - 1], previous_sentence, previous_words_before, f)) out[i].change_from = i - 1;
      previous_sentence = f.sentence;
      previous_words_before = f.words_before;
    }
    return out;
  }

 private:
  // A figure and where it stands.
  struct Figure {
    const Quantity& q;
    Span sentence, clause;
    std::size_t mentions_before_begin, mentions_before_end;  // mentions ending at or before its begin, end
    std::size_t words_before;                                 // words beginning before it
    std::size_t years_before;                                 // time expressions ending at or before it
  };

  // ---- indexes, built once ----------------------------------------------------------------

  // Only the mentions up to the reach of the figures are ever looked at (the mentions come in
  // text order): the counted noun of a figure, and a place right after it.
  void index_mentions() {
    std::size_t reach = 0;
    for (const Quantity& q : qs_) reach = std::max({reach, q.span.end, q.unit_span.end});
    reach += kNounReach;
    std::size_t needed = ms_.size();
    while (needed > 0 && ms_[needed - 1].span.begin > reach) --needed;
    info_.resize(needed);
    // Entity facts, looked up once per entity while it stays in this small cache.
    struct Cached {
      const Entity* entity = nullptr;
      EntityFacts facts;
    };
    std::array<Cached, 64> cache{};
    std::size_t counts = 0;  // figures ending at or before the mention
    std::size_t place = kNone, park = kNone, aggregate = kNone;
    for (std::size_t i = 0; i < needed; ++i) {
      const Entity& e = *ms_[i].entity;
      auto address = static_cast<std::uint64_t>(reinterpret_cast<std::uintptr_t>(&e));
      Cached& c = cache[(address * 0x9E3779B97F4A7C15u) >> 58];  // 64 slots
      if (c.entity != &e) c = {&e, facts_of(e)};
      MentionInfo& m = info_[i];
      static_cast<EntityFacts&>(m) = c.facts;
      std::size_t b = ms_[i].span.begin, size = ms_[i].span.size();
      m.dateline = size >= 4 && std::all_of(t_.data() + b, t_.data() + b + size, [](char ch) {
                     return (ch >= 'A' && ch <= 'Z') || ch == ' ' || ch == '\'';
                   });
      m.counted_noun = follows_count(b, counts);
      // Prefix indexes: the last mention of each sort at or before this one.
      bool usable = !m.dateline;
      if (usable && !m.counted_noun && (m.place == EntityFacts::Place::park || m.place == EntityFacts::Place::region))
        place = i;
      if (usable && m.place == EntityFacts::Place::park) (m.aggregate ? aggregate : park) = i;
      m.last_place = place;
      m.last_park = park;
      m.last_aggregate = aggregate;
    }
  }

  static EntityFacts facts_of(const Entity& e) {
    EntityFacts f;
    f.aggregate = attribute_of(e, "aggregate") == "true";
    if (e.type == EntityType::park || e.type == EntityType::cluster) f.place = EntityFacts::Place::park;
    if (e.type == EntityType::region)
      f.place = attribute_of(e, "level") == "country" ? EntityFacts::Place::country : EntityFacts::Place::region;
    if (e.type == EntityType::metric) f.metric_kind = kind_from_name(attribute_of(e, "kind"));
    return f;
  }

  // Does a count end just before `pos`, with no comma between (157家国家高新区)? `counts`: the
  // number of figures ending at or before the previous `pos`, carried forward as the mentions
  // advance.
  bool follows_count(std::size_t pos, std::size_t& counts) const {
    if (counts > 0 && qs_[counts - 1].span.end > pos) counts = 0;  // gone back: count again
    while (counts < qs_.size() && qs_[counts].span.end <= pos) ++counts;
    if (counts == 0) return false;
    const Quantity& q = qs_[counts - 1];
    if (q.kind != Kind::count || pos - q.span.end > 6) return false;
    std::string_view gap = t_.substr(q.span.end, pos - q.span.end);
    return gap.find(',') == std::string_view::npos && gap.find("。") == std::string_view::npos;
  }

  // Link words are looked for only in sentences that hold a figure, and there only up to the
  // last figure: every lookup ends at a figure of the sentence, except those that look 3 bytes
  // back from a figure, which may reach into the sentence before it (the whole sentence is read
  // when the next figure starts that close to its end). Matching runs from the start of the
  // sentence, as which words match depends on the words before them. A word that overlaps a
  // mention is none (高新区 in 东湖高新区), so the text of mentions is passed over.
  void find_words() {
    const LinkLexicon& lex = link_lexicon();
    std::array<std::size_t, kRoles> last_of_role;
    last_of_role.fill(kNone);
    std::size_t qi = 0;
    // The first mention that ends after the position read. It only moves past mentions that end
    // before the position, which is inside the sentence: later sentences start after them.
    std::size_t next_mention = 0;
    for (const Sentence& s : in_.sentences) {
      while (qi < qs_.size() && qs_[qi].span.begin < s.span.begin) ++qi;
      if (qi == qs_.size() || qs_[qi].span.begin >= s.span.end) continue;
      while (qi < qs_.size() && qs_[qi].span.begin < s.span.end) ++qi;
      std::size_t until = qs_[qi - 1].span.begin;
      if (qi < qs_.size() && qs_[qi].span.begin <= s.span.end + 3) until = s.span.end;
      // Character by character (the normalized text is valid UTF-8): words start only there.
      for (std::size_t i = s.span.begin; i < until;) {
        while (next_mention < ms_.size() && ms_[next_mention].span.end <= i) ++next_mention;
        std::size_t mention_begin = next_mention < ms_.size() ? ms_[next_mention].span.begin : kNone;
        if (mention_begin <= i) {
          i = ms_[next_mention].span.end;
          continue;
        }
        if (auto m = lex.match_at(t_, i); m && m->end <= s.span.end && m->end <= mention_begin) {
          last_of_role[static_cast<std::size_t>(m->payload->role)] = words_.size();
          words_.push_back({{i, m->end}, *m->payload, last_of_role});
          i = m->end;
          continue;
        }
        i += utf8_length(static_cast<unsigned char>(t_[i]));
      }
    }
  }

  void find_years() {
    auto is_year = [](const NumberToken& n) {
      return n.number.status == NumberStatus::ok &&
             (n.number.kind == NumberKind::year || n.number.kind == NumberKind::period ||
              (n.number.kind == NumberKind::date && !n.number.value.is_zero()));
    };
    years_.reserve(static_cast<std::size_t>(std::count_if(in_.numbers.begin(), in_.numbers.end(), is_year)));
    std::size_t last = kNone;
    for (const NumberToken& n : in_.numbers) {
      if (!is_year(n)) continue;
      if (opens_clause(n.number.span.begin)) last = years_.size();
      years_.push_back({&n, last, kNone});
    }
    std::size_t next = kNone;
    for (std::size_t j = years_.size(); j-- > 0;) {
      const Span& s = years_[j].token->number.span;
      if (years_[j].token->number.kind == NumberKind::year && follows_trailing_lead(s.begin)) next = j;
      years_[j].next_in_year = next;
    }
  }

  // Does an English year at `pos` read as the time of what comes before it: "in 2022", "by
  // 2025", "by the end of 2023", "during 2021", "in the 2022 evaluation"? ("since 2015" makes a
  // running total.)
  bool follows_trailing_lead(std::size_t pos) const {
    static constexpr std::string_view leads[] = {"in ", "by ", "of ", "during ", "in the "};
    return std::any_of(std::begin(leads), std::end(leads), [&](std::string_view w) { return follows_word(pos, w); });
  }

  // Does `word` (lower case, ending in a blank) stand right before `pos`, in any case and as a
  // word of its own: not the end of "margin " or "lobby "?
  bool follows_word(std::size_t pos, std::string_view word) const {
    if (pos < word.size()) return false;
    std::size_t b = pos - word.size();
    return std::equal(word.begin(), word.end(), t_.begin() + static_cast<std::ptrdiff_t>(b),
                      [](char w, char c) { return w == ascii_lower(c); }) &&
           (b == 0 || !is_ascii_alpha(static_cast<unsigned char>(t_[b - 1])));
  }

  // ---- lookups ----------------------------------------------------------------------------

  // The last word of a role in [b, e); the words that begin before e are the first `n`. Every
  // search ends at a figure, whose `n` is counted once. Words do not overlap, so only the last
  // of the `n` may run past e, and the last word of the role before it is the answer if it
  // begins at b or later.
  const Word* last_word(WordRole role, std::size_t b, std::size_t e, std::size_t n) const {
    if (n > 0 && words_[n - 1].span.end > e) --n;
    if (n == 0) return nullptr;
    std::size_t k = words_[n - 1].last_of_role[static_cast<std::size_t>(role)];
    return k != kNone && words_[k].span.begin >= b ? &words_[k] : nullptr;
  }

  // The last word of a role in [b, the figure).
  const Word* last_word(WordRole role, std::size_t b, const Figure& f) const {
    return last_word(role, b, f.q.span.begin, f.words_before);
  }

  // The first clause break (a comma, colon or 、; not a comma between digits, which groups
  // thousands) that begins in [from, limit). The breaks are ASCII (normalized text has no
  // full-width commas) or 、 (E3 80 81).
  Span find_break(std::size_t from, std::size_t limit) const {
    static constexpr std::array<bool, 256> may_break = [] {
      std::array<bool, 256> a{};
      a[','] = a[':'] = a[';'] = a[0xE3] = true;
      return a;
    }();
    for (std::size_t i = from; i < limit; ++i) {
#if defined(__SSE2__) || defined(_M_X64)
      // Sixteen bytes at a time up to the first that may break.
      if (limit - i >= 16) {
        __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i*>(t_.data() + i));
        auto is = [&](char c) { return _mm_cmpeq_epi8(b, _mm_set1_epi8(c)); };
        auto m = static_cast<unsigned>(
            _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(is(','), is(':')), _mm_or_si128(is(';'), is('\xE3')))));
        if (m == 0) {
          i += 15;
          continue;
        }
        i += lowest_bit(m);
      }
#endif
      char c = t_[i];
      if (!may_break[static_cast<unsigned char>(c)]) continue;
      if (c == ',' || c == ':' || c == ';') {
        bool digit_comma = c == ',' && i > 0 && i + 1 < t_.size() && t_[i - 1] >= '0' && t_[i - 1] <= '9' &&
                           t_[i + 1] >= '0' && t_[i + 1] <= '9';
        if (!digit_comma) return {i, i + 1};
      } else if (i + 2 < t_.size() && t_[i + 1] == '\x80' && t_[i + 2] == '\x81') {
        return {i, i + 3};
      }
    }
    return {kNone, kNone};
  }

  // The clause around `pos`: between the last break before it and the next one, within its
  // sentence. The figures come in text order, so the breaks of a sentence are read forward
  // once, only as far as its last figure's clause.
  Span clause_of(std::size_t pos, Span sentence) {
    if (sentence.begin != clause_sentence_.begin || sentence.end != clause_sentence_.end || pos < clause_pos_) {
      clause_sentence_ = sentence;
      prev_break_end_ = 0;
      // From two bytes back: a 、 that starts before the sentence may still end inside it.
      next_break_ = find_break(sentence.begin >= 2 ? sentence.begin - 2 : 0, sentence.end);
    }
    clause_pos_ = pos;
    while (next_break_.begin < pos) {  // kNone when there is none
      prev_break_end_ = next_break_.end;
      next_break_ = find_break(next_break_.end, sentence.end);
    }
    std::size_t b = std::max(sentence.begin, prev_break_end_);
    std::size_t e = std::min(sentence.end, next_break_.begin);
    return {b, std::max(b, e)};
  }

  // Start of the line holding `pos`. Lines are read forward as the figures advance.
  std::size_t paragraph_begin(std::size_t pos) {
    if (pos < lines_read_) lines_read_ = line_begin_ = 0;
    while (lines_read_ < pos) {
      const void* nl = std::memchr(t_.data() + lines_read_, '\n', pos - lines_read_);
      if (!nl) {
        lines_read_ = pos;
        break;
      }
      line_begin_ = lines_read_ = static_cast<std::size_t>(static_cast<const char*>(nl) - t_.data()) + 1;
    }
    return line_begin_;
  }

  // The first link word of `role` that begins in [from, from + reach) and ends in the figure's
  // clause. Words before figures are found once (find_words); the few looked for after a
  // figure are read forward on demand.
  std::optional<LinkLexicon::Match> word_after(std::size_t from, std::size_t reach, WordRole role,
                                               const Figure& f) const {
    const LinkLexicon& lex = link_lexicon();
    std::size_t end = std::min(f.clause.end, from + reach);
    for (std::size_t i = from; i < end;) {
      if (auto m = lex.match_at(t_, i); m && m->end <= f.clause.end) {
        if (m->payload->role == role) return m;
        i = m->end;
      } else {
        i += utf8_length(static_cast<unsigned char>(t_[i]));
      }
    }
    return std::nullopt;
  }

  // Is the figure a count of an event's sessions or attendees, or of the countries something
  // reached: does an event word follow its classifier in its clause?
  bool counts_event(const Figure& f) const {
    const Quantity& q = f.q;
    if (q.kind != Kind::count) return false;
    return word_after(q.unit_span.size() > 0 ? q.unit_span.begin : q.span.end, kEventReach, WordRole::event, f)
        .has_value();
  }

  // The place named last in [floor, the figure): parks and clusters before regions, the
  // country only when nothing else is there. A rank is a place's position among others: the
  // country and the zones taken together (位居全国第3, 排名国家高新区第19) name the field it is
  // ranked in, not who is ranked.
  std::optional<std::size_t> place_within(std::size_t floor, const Figure& f) const {
    std::optional<std::size_t> region, country;
    bool ranked = is_rank(f.q.kind);
    std::size_t k = f.mentions_before_begin;
    for (std::size_t n = 0; k > 0 && n < kLookback; ++n) {
      --k;
      if (ms_[k].span.begin < floor) break;
      const MentionInfo& m = info_[k];
      if (m.dateline || m.counted_noun || (ranked && (m.aggregate || m.place == EntityFacts::Place::country))) continue;
      if (m.place == EntityFacts::Place::park) return k;
      if (m.place == EntityFacts::Place::region && !region) region = k;
      if (m.place == EntityFacts::Place::country && !country) country = k;
    }
    return region ? region : country;
  }

  // The place named right after a count's counted noun and "in" or "in the".
  std::optional<std::size_t> place_after_counted_noun(const Figure& f) const {
    const Quantity& q = f.q;
    if (q.kind != Kind::count || q.unit_span.size() == 0) return std::nullopt;
    std::size_t at = kNone;
    for (std::string_view lead : {" in the ", " in "}) {
      if (t_.compare(q.unit_span.end, lead.size(), lead) == 0) {
        at = q.unit_span.end + lead.size();
        break;
      }
    }
    for (std::size_t k = f.mentions_before_end; at != kNone && k < info_.size() && ms_[k].span.begin <= at; ++k)
      if (ms_[k].span.begin == at && info_[k].place != EntityFacts::Place::none && !info_[k].dateline) return k;
    return std::nullopt;
  }

  // The park an anaphor refers to: the last one named, or the zones taken together ("the zones").
  std::optional<std::size_t> referent(const Word* anaphor, const Figure& f) const {
    std::size_t k = f.mentions_before_begin;
    if (!anaphor || k == 0) return std::nullopt;
    const MentionInfo& last = info_[k - 1];
    std::size_t r = anaphor->word.value == 1 ? last.last_aggregate : last.last_park;
    return r == kNone ? std::nullopt : std::optional<std::size_t>(r);
  }

  LinkedEntity entity(std::optional<std::size_t> k, double confidence) const {
    return k ? LinkedEntity{ms_[*k].entity, confidence} : LinkedEntity{};
  }

  // ---- the rules --------------------------------------------------------------------------

  LinkedEntity subject(const Figure& f) const {
    const Quantity& q = f.q;
    // 157家国家高新区: a count of a whole class of places is about that class.
    if (q.kind == Kind::count) {
      for (std::size_t k = f.mentions_before_end; k < ms_.size() && ms_[k].span.begin <= q.span.end + 6; ++k)
        if (info_[k].aggregate) return entity(k, 0.9);
    }
    // "more than 90 universities in Beijing": English can name the place of what is counted
    // right after it.
    if (auto k = place_after_counted_noun(f)) return entity(k, 0.9);
    // 一家德国企业将投资3000万欧元: one company's figure, not its place's; 举办16届, 300多名代表参会:
    // an event's.
    if (last_word(WordRole::one_company, f.sentence.begin, f) || counts_event(f)) return {};
    // The clause names its own place (带动中山市实现806亿元), parks before regions (the
    // Lanzhou High-tech Zone in Gansu province moved up 12 places).
    if (auto k = place_within(f.clause.begin, f); k && info_[*k].place != EntityFacts::Place::country)
      return entity(k, 0.9);
    if (auto k = referent(last_word(WordRole::anaphor, f.clause.begin, f), f)) return entity(k, 0.75);
    // In the sentence, a place before "the park" or 区内, and that before the country, which is
    // often named in passing ("a project of the governments of China and Singapore").
    auto in_sentence = place_within(f.sentence.begin, f);
    if (in_sentence && info_[*in_sentence].place != EntityFacts::Place::country) return entity(in_sentence, 0.8);
    if (auto k = referent(last_word(WordRole::anaphor, f.sentence.begin, f), f)) return entity(k, 0.7);
    if (in_sentence) return entity(in_sentence, 0.8);
    // The place the text was last about; for a rank, the park (not the zones it is ranked among).
    std::size_t k = f.mentions_before_begin;
    if (k > 0 && is_rank(q.kind) && info_[k - 1].last_park != kNone) return entity(info_[k - 1].last_park, 0.5);
    // The zones taken together, named last, are often what the park was ranked or counted
    // among: a park named before them is still the topic.
    if (k > 0 && info_[k - 1].last_place != kNone) {
      std::size_t last = info_[k - 1].last_place;
      if (info_[last].aggregate && info_[k - 1].last_park != kNone) last = info_[k - 1].last_park;
      return entity(last, 0.5);
    }
    return {};
  }

  LinkedEntity industry(const Figure& f) const {
    const Quantity& q = f.q;
    std::size_t k = f.mentions_before_begin;
    for (std::size_t n = 0; k > 0 && n < kLookback; ++n) {
      --k;
      if (ms_[k].span.begin < f.sentence.begin) break;
      if (ms_[k].entity->type == EntityType::industry) return entity(k, 0.7);
    }
    // "more than 200 biomedical companies": the industry inside the counted noun phrase.
    if (q.kind == Kind::count && q.unit_span.size() > 0) {
      for (std::size_t j = f.mentions_before_end; j < ms_.size() && ms_[j].span.end <= q.unit_span.end; ++j)
        if (ms_[j].entity->type == EntityType::industry) return entity(j, 0.7);
    }
    return {};
  }

  LinkedEntity metric(const Figure& f) const {
    const Quantity& q = f.q;
    // Counts: the noun they count first (300家企业, 9家上市公司), then the words before.
    if (q.kind == Kind::count) {
      for (std::size_t j = f.mentions_before_end; j < ms_.size() && ms_[j].span.begin <= q.span.end + kNounReach; ++j) {
        if (ms_[j].entity->type == EntityType::metric && ms_[j].span.end <= f.clause.end && kind_fits(info_[j], q.kind))
          return entity(j, 0.8);
      }
    }
    std::size_t k = f.mentions_before_begin;
    for (std::size_t n = 0; k > 0 && n < kLookback; ++n) {
      --k;
      if (ms_[k].span.begin < f.clause.begin) break;
      if (ms_[k].entity->type == EntityType::metric && kind_fits(info_[k], q.kind)) return entity(k, 0.8);
    }
    return {};
  }

  // A year or relative year that opens a clause (2021年区内…, 截至2017年年底, In 2021) sets
  // the year of what follows in its paragraph, until another one does. 迄今, 目前, so far say the
  // figure is a running total: no year.
  std::optional<int> year(const Figure& f) {
    const Quantity& q = f.q;
    const Span& clause = f.clause;
    if (last_word(WordRole::no_year, clause.begin, f)) return std::nullopt;
    // In the figure's own clause, before it.
    std::size_t before = f.years_before;
    for (std::size_t j = before, n = 0; j > 0 && n < kLookback; ++n) {
      --j;
      if (years_[j].token->number.span.begin < clause.begin) break;
      if (auto v = year_value(*years_[j].token, f)) return v;
    }
    // "revenue of 1.3 trillion yuan in 2022", "1,200 enterprises by the end of 2023": an English
    // year after it in the same clause (see follows_trailing_lead).
    if (before < years_.size()) {
      std::size_t j = years_[before].next_in_year;
      if (j != kNone && years_[j].token->number.span.end <= clause.end) return whole_part(years_[j].token->number.value);
    }
    if (const Word* w = last_word(WordRole::relative_year, clause.begin, f); w && in_.document_year)
      return *in_.document_year + w->word.value;
    // "sales rose by 35 percent last year": English puts the time after the figure (Chinese
    // after it compares: 比去年增长, which the figure's year is not).
    if (in_.document_year && q.span.end < t_.size() && t_[q.span.end] == ' ') {
      if (auto w = word_after(q.span.end, kYearReach, WordRole::relative_year, f);
          w && is_ascii_alpha(static_cast<unsigned char>(t_[w->end - 1])))
        return *in_.document_year + w->payload->value;
    }
    if (before == 0) return std::nullopt;
    // A clause-opening year earlier in the paragraph.
    if (std::size_t k = years_[before - 1].last_opening; k != kNone) {
      const NumberToken& topic = *years_[k].token;
      if (topic.number.span.begin >= paragraph_begin(q.span.begin)) return year_value(topic, f);
    }
    // Else a year earlier in the sentence, in a clause of its own: 公布的2022年度评价结果显示，…排名
    // 第4位; "revenue of 859 billion yuan in 2022, while output grew by 9.6 percent". Not one
    // that starts a span of time (自2006年以来): what follows is a running total.
    const NumberToken& y = *years_[before - 1].token;
    if (y.number.span.begin < f.sentence.begin || y.number.kind == NumberKind::period || starts_span(y))
      return std::nullopt;
    return year_value(y, f);
  }

  // 自2006年以来, 2015年起, "since 2015".
  bool starts_span(const NumberToken& y) const {
    std::string_view after = t_.substr(y.number.span.end);
    return after.substr(0, 6) == "以来" || after.substr(0, 3) == "起" || follows_word(y.number.span.begin, "since ");
  }

  // The year a time expression gives the figure. A period (1997-2017年) gives years only to the
  // two ends of a change: 从X增加到Y makes X of 1997 and Y of 2017.
  std::optional<int> year_value(const NumberToken& y, const Figure& f) const {
    if (y.number.kind != NumberKind::period || !y.number.value_max) return whole_part(y.number.value);
    const Quantity& q = f.q;
    const Word* from = last_word(WordRole::change_from, y.number.span.end, f);
    const Word* to = last_word(WordRole::change_to, y.number.span.end, f);
    const Word* last = !from ? to : !to ? from : (from->span.begin > to->span.begin ? from : to);
    if (!last || q.span.begin - last->span.end > 3) return std::nullopt;
    const Decimal& v = last == from ? y.number.value : *y.number.value_max;
    return whole_part(v);
  }

  // Only blanks, 在 截至 于 到, or English "In", "By the end of", "In March" stand between the
  // start of a clause and `pos`.
  bool opens_clause(std::size_t pos) const {
    static constexpr std::string_view lead_words[] = {
        "in",      "by",       "since",  "during",  "as",   "of",      "the",     "end",      "early",
        "late",    "mid",      "january", "february", "march", "april", "may",     "june",     "july",
        "august",  "september", "october", "november", "december"};
    std::size_t i = pos;
    for (int steps = 0; i > 0 && steps < 10; ++steps) {  // "By the end of ": 8 steps
      std::size_t p = prev_cp_start(t_, i);
      char32_t c = decode_utf8(t_, p).cp;
      if (is_clause_break(c) || c == '\n' || c == U'。' || c == '.') return true;
      if (c == ' ' || c == U'在' || c == U'截' || c == U'至' || c == U'止' || c == U'于' || c == U'到' || c == U'“' ||
          c == '"') {
        i = p;
      } else if (is_ascii_alpha(c)) {
        std::size_t b = p;
        while (b > 0 && p - b < 12 && is_ascii_alpha(static_cast<unsigned char>(t_[b - 1]))) --b;
        char lower[16];  // the word is at most 13 letters
        std::size_t n = i - b;
        for (std::size_t k = 0; k < n; ++k) lower[k] = ascii_lower(t_[b + k]);
        std::string_view word(lower, n);
        if (std::find(std::begin(lead_words), std::end(lead_words), word) == std::end(lead_words)) return false;
        i = b;
      } else {
        return false;
      }
    }
    return i == 0;
  }

  // 从 X 增加到 Y / from X to Y: figure b changed from a, the figure just before it in its
  // sentence (a_words_before: the words that begin before a).
  bool changed_from(const Quantity& a, Span a_sentence, std::size_t a_words_before, const Figure& b) const {
    if (a.kind != b.q.kind || a_sentence.begin != b.sentence.begin) return false;
    const Word* from =
        last_word(WordRole::change_from, a.span.begin > 3 ? a.span.begin - 3 : 0, a.span.begin, a_words_before);
    const Word* to = last_word(WordRole::change_to, a.span.end, b);
    return from && to;
  }

  const LinkInput& in_;
  std::string_view t_;
  const std::vector<Quantity>& qs_;
  const std::vector<EntityMatch>& ms_;
  std::vector<MentionInfo>& info_;
  std::vector<Word>& words_;
  std::vector<Year>& years_;
  // Where clause_of and paragraph_begin have read to.
  Span clause_sentence_{kNone, kNone};
  std::size_t clause_pos_ = 0, prev_break_end_ = 0;
  Span next_break_{kNone, kNone};
  std::size_t lines_read_ = 0, line_begin_ = 0;
};

}  // namespace

std::vector<Links> link(const LinkInput& in, const std::vector<Quantity>& quantities, std::vector<Links> reuse) {
  if (quantities.empty()) {
    reuse.clear();
    return reuse;
  }
  return Linker(in, quantities).run(std::move(reuse));
}

std::optional<int> dateline_year(const std::vector<NumberToken>& numbers) {
  constexpr std::size_t kDatelineBytes = 400;
  for (const NumberToken& n : numbers) {
    if (n.number.span.begin > kDatelineBytes) break;
    if (n.number.kind == NumberKind::date && !n.number.value.is_zero()) return whole_part(n.number.value);
  }
  return std::nullopt;
}

}  // namespace econind::detail
