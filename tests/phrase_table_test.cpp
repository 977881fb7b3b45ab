// PhraseTable: the one matcher of every lexicon (units, qualifiers, ranking words, link words).
#include <string>

#include "catch.hpp"
#include "util/phrase_table.hpp"

using econind::detail::PhraseTable;

namespace {

// A match as "payload@begin-end", "-" for none.
std::string show(const std::optional<PhraseTable<int>::Match>& m) {
  return m ? std::to_string(*m->payload) + "@" + std::to_string(m->begin) + "-" + std::to_string(m->end) : "-";
}
// The phrase that starts at `pos`, or that ends there.
std::string at(const PhraseTable<int>& t, std::string_view text, std::size_t pos) { return show(t.match_at(text, pos)); }
std::string before(const PhraseTable<int>& t, std::string_view text, std::size_t pos) {
  return show(t.match_before(text, pos));
}

}  // namespace

TEST_CASE("phrase table: the longest phrase, whatever the order they were added in", "[phrase_table]") {
  PhraseTable<int> t;
  t.add("亿", 1);
  t.add("亿元人民币", 2);
  t.add("亿元", 3);
  t.add("%", 4);
  t.add("亿美", 5);  // shares its first three bytes with 亿元 and 亿: another bucket entry
  CHECK(at(t, "300亿元人民币", 3) == "2@3-18");
  CHECK(at(t, "300亿元。", 3) == "3@3-9");
  CHECK(at(t, "300亿美元", 3) == "5@3-9");
  CHECK(at(t, "300亿", 3) == "1@3-6");
  CHECK(at(t, "12%", 2) == "4@2-3");
  CHECK(at(t, "300亿元", 2) == "-");
  CHECK(at(t, "300亿元", 4) == "-");  // inside a character
  CHECK(at(t, "", 0) == "-");
  CHECK(before(t, "300亿元人民币", 18) == "2@3-18");
  CHECK(before(t, "300亿元", 9) == "3@3-9");
  CHECK(before(t, "12%", 3) == "4@2-3");
  CHECK(before(t, "12%", 0) == "-");
}

TEST_CASE("phrase table: letters match in any case, only as whole words", "[phrase_table]") {
  PhraseTable<int> t;
  t.add("percent", 1);
  t.add("percentage points", 2);
  t.add("to", 3);
  t.add("RMB", 4);
  t.add("US$", 5);
  CHECK(at(t, "12 Percent", 3) == "1@3-10");
  CHECK(at(t, "12 percentage points", 3) == "2@3-20");
  CHECK(at(t, "12 percentage", 3) == "-");  // "percent" does not end a word there
  CHECK(at(t, "up to 5", 3) == "3@3-5");
  CHECK(at(t, "total", 0) == "-");
  CHECK(at(t, "into", 2) == "-");
  CHECK(at(t, "rmb 3", 0) == "4@0-3");
  CHECK(at(t, "US$3 million", 0) == "5@0-3");  // ends with '$': a digit may follow
  CHECK(before(t, "RMB 3", 3) == "4@0-3");
  CHECK(before(t, "RMB3", 3) == "-");  // a digit continues the word
  CHECK(before(t, "xRMB", 4) == "-");
}

TEST_CASE("phrase table: of two equal phrases the first added wins", "[phrase_table]") {
  PhraseTable<int> t;
  t.add("约", 1);
  t.add("约", 2);
  t.add("Ab", 3);
  t.add("aB", 4);
  CHECK(at(t, "约5亿元", 0) == "1@0-3");
  CHECK(before(t, "约5", 3) == "1@0-3");
  CHECK(at(t, "ab ", 0) == "3@0-2");
}
