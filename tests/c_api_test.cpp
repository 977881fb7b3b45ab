// The C API (econind.h): every function, every error path, and agreement with the C++ API.
#include "econind/econind.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "catch.hpp"
#include "econind/extractor.hpp"
#include "econind/serialize.hpp"
#include "econind/version.hpp"

namespace {

struct Free {
  void operator()(econind_extractor* p) const { econind_extractor_free(p); }
  void operator()(econind_result* p) const { econind_result_free(p); }
  void operator()(econind_error* p) const { econind_error_free(p); }
  void operator()(char* p) const { econind_string_free(p); }
};
using ExtractorPtr = std::unique_ptr<econind_extractor, Free>;
using ResultPtr = std::unique_ptr<econind_result, Free>;
using ErrorPtr = std::unique_ptr<econind_error, Free>;
using StringPtr = std::unique_ptr<char, Free>;

// A pointer value no call may leave in *err: every call must overwrite it.
econind_error* const kStale = reinterpret_cast<econind_error*>(static_cast<std::uintptr_t>(0x1));

const std::string kText =
    "2022年，合肥高新区在全国173家国家高新区中位列第6名，较上年提升2位。"
    "营业收入从3.83亿元增加到141.27亿元。预计产业规模达到8万亿至10万亿元。";

const econind_extractor* shared_extractor() {
  static ExtractorPtr ex(econind_extractor_new(nullptr));
  return ex.get();
}

ResultPtr extract(const std::string& text, const char* doc = "doc-1") {
  econind_error* err = kStale;
  ResultPtr r(econind_extract(shared_extractor(), text.data(), text.size(), doc, &err));
  REQUIRE(r);
  REQUIRE(err == nullptr);
  return r;
}

// The index of the indicator whose text is `text`.
std::size_t find(const econind_result* r, const std::string& text) {
  for (std::size_t i = 0; i < econind_result_count(r); ++i)
    if (text == econind_indicator_text(r, i)) return i;
  FAIL("no indicator " << text);
  return 0;
}

std::string str(const char* s) { return s ? s : "(null)"; }

std::filesystem::path write_temp(const std::string& name, const std::string& text) {
  auto path = std::filesystem::temp_directory_path() / name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

const char* const kHeader = "id\ttype\tname_zh\tname_zh_hant\tname_en\tshort_zh\tshort_en\tparent\taliases\tattributes\n";

}  // namespace

TEST_CASE("c api: version and code names", "[c_api]") {
  CHECK(std::string(econind_version()) == ECONIND_VERSION_STRING);
  CHECK(std::string(econind_code_name(ECONIND_OK)) == "ok");
  CHECK(std::string(econind_code_name(ECONIND_INVALID_ARGUMENT)) == "invalid_argument");
  CHECK(std::string(econind_code_name(ECONIND_BAD_CONFIG)) == "bad_config");
  CHECK(std::string(econind_code_name(ECONIND_OUT_OF_MEMORY)) == "out_of_memory");
  CHECK(std::string(econind_code_name(ECONIND_INTERNAL)) == "internal");
  CHECK(std::string(econind_code_name(42)) == "unknown");
  // NULL is a valid argument to the error accessors and to every free function.
  CHECK(econind_error_code(nullptr) == ECONIND_OK);
  CHECK(std::string(econind_error_message(nullptr)).empty());
  econind_error_free(nullptr);
  econind_extractor_free(nullptr);
  econind_result_free(nullptr);
  econind_string_free(nullptr);
}

TEST_CASE("c api: indicators and their fields", "[c_api]") {
  ResultPtr r = extract(kText);
  const econind_result* p = r.get();
  REQUIRE(econind_result_count(p) == 6);

  std::size_t count = find(p, "173家");
  CHECK(str(econind_indicator_kind(p, count)) == "count");
  CHECK(str(econind_indicator_unit(p, count)) == "家");

  std::size_t rank = find(p, "第6名");
  CHECK(str(econind_indicator_kind(p, rank)) == "rank");
  CHECK(str(econind_indicator_value(p, rank)) == "6");
  CHECK(econind_indicator_rank_of(p, rank) == 173);
  CHECK(econind_indicator_year(p, rank) == 2022);
  CHECK(str(econind_indicator_unit(p, rank)).empty());
  CHECK(str(econind_indicator_entity(p, rank, ECONIND_SUBJECT, ECONIND_FIELD_ID)) == "hefei-hitech");
  CHECK(str(econind_indicator_entity(p, rank, ECONIND_SUBJECT, ECONIND_FIELD_NAME)) == "合肥高新区");
  CHECK(str(econind_indicator_entity(p, rank, ECONIND_SUBJECT, ECONIND_FIELD_NAME_EN)) == "Hefei High-tech Zone");
  CHECK(str(econind_indicator_entity(p, rank, ECONIND_SUBJECT, ECONIND_FIELD_TYPE)) == "park");
  CHECK(str(econind_indicator_entity(p, rank, ECONIND_METRIC, ECONIND_FIELD_ID)) == "ranking");
  CHECK(econind_indicator_entity(p, rank, ECONIND_INDUSTRY, ECONIND_FIELD_ID) == nullptr);
  CHECK(econind_indicator_entity(p, rank, 7, ECONIND_FIELD_ID) == nullptr);
  CHECK(econind_indicator_entity(p, rank, ECONIND_SUBJECT, 7) == nullptr);

  std::size_t change = find(p, "提升2位");
  CHECK(str(econind_indicator_kind(p, change)) == "rank_change");
  CHECK(econind_indicator_value_double(p, change) == 2.0);
  CHECK(econind_indicator_rank_of(p, change) == 0);

  std::size_t from = find(p, "3.83亿元");
  std::size_t to = find(p, "141.27亿元");
  CHECK(str(econind_indicator_value(p, from)) == "383000000");
  CHECK(str(econind_indicator_value(p, to)) == "14127000000");
  CHECK(econind_indicator_value_double(p, to) == 14127000000.0);
  CHECK(str(econind_indicator_unit(p, to)) == "CNY");
  CHECK(str(econind_indicator_qualifier(p, to)) == "exact");
  CHECK(str(econind_indicator_entity(p, to, ECONIND_METRIC, ECONIND_FIELD_ID)) == "revenue");
  CHECK(econind_indicator_change_from(p, to) == static_cast<int64_t>(from));
  CHECK(econind_indicator_change_from(p, from) == -1);
  // The span and the sentence point into the text given.
  std::size_t b = econind_indicator_begin(p, to), e = econind_indicator_end(p, to);
  CHECK(kText.substr(b, e - b) == "141.27亿元");
  std::size_t sb = econind_indicator_sentence_begin(p, to), se = econind_indicator_sentence_end(p, to);
  CHECK(kText.substr(sb, se - sb) == "营业收入从3.83亿元增加到141.27亿元。");

  std::size_t range = find(p, "8万亿至10万亿元");
  CHECK(str(econind_indicator_value(p, range)) == "8000000000000");
  CHECK(str(econind_indicator_value_max(p, range)) == "10000000000000");
  CHECK(econind_indicator_value_max_double(p, range) == 1e13);
  CHECK(econind_indicator_value_max(p, to) == nullptr);
  CHECK(std::isnan(econind_indicator_value_max_double(p, to)));

  // Agreement with the C++ API, field by field.
  econind::Result cpp = econind::Extractor().extract(kText);
  REQUIRE(cpp.indicators.size() == econind_result_count(p));
  for (std::size_t i = 0; i < cpp.indicators.size(); ++i) {
    const econind::Indicator& x = cpp.indicators[i];
    CHECK(str(econind_indicator_value(p, i)) == x.value.to_string());
    CHECK(str(econind_indicator_qualifier(p, i)) == std::string(econind::to_string(x.qualifier)));
    CHECK(econind_indicator_begin(p, i) == x.span.begin);
    CHECK(econind_indicator_year(p, i) == x.year.value_or(0));
  }
}

TEST_CASE("c api: out-of-range indexes and NULL results read as nothing", "[c_api]") {
  ResultPtr r = extract(kText);
  const econind_result* p = r.get();
  for (const econind_result* q : {p, static_cast<const econind_result*>(nullptr)}) {
    std::size_t i = q ? econind_result_count(q) : 0;
    CHECK(econind_indicator_kind(q, i) == nullptr);
    CHECK(econind_indicator_value(q, i) == nullptr);
    CHECK(std::isnan(econind_indicator_value_double(q, i)));
    CHECK(econind_indicator_value_max(q, i) == nullptr);
    CHECK(std::isnan(econind_indicator_value_max_double(q, i)));
    CHECK(econind_indicator_unit(q, i) == nullptr);
    CHECK(econind_indicator_qualifier(q, i) == nullptr);
    CHECK(econind_indicator_text(q, i) == nullptr);
    CHECK(econind_indicator_begin(q, i) == 0);
    CHECK(econind_indicator_end(q, i) == 0);
    CHECK(econind_indicator_sentence_begin(q, i) == 0);
    CHECK(econind_indicator_sentence_end(q, i) == 0);
    CHECK(econind_indicator_year(q, i) == 0);
    CHECK(econind_indicator_rank_of(q, i) == 0);
    CHECK(econind_indicator_change_from(q, i) == -1);
    CHECK(econind_indicator_entity(q, i, ECONIND_SUBJECT, ECONIND_FIELD_ID) == nullptr);
    std::size_t m = q ? econind_result_mention_count(q) : 0;
    CHECK(econind_mention_entity(q, m, ECONIND_FIELD_ID) == nullptr);
    CHECK(econind_mention_begin(q, m) == 0);
    CHECK(econind_mention_end(q, m) == 0);
    std::size_t d = q ? econind_result_diagnostic_count(q) : 0;
    CHECK(econind_diagnostic_code(q, d) == nullptr);
    CHECK(econind_diagnostic_message(q, d) == nullptr);
    CHECK(econind_diagnostic_begin(q, d) == 0);
    CHECK(econind_diagnostic_end(q, d) == 0);
  }
  CHECK(econind_result_count(nullptr) == 0);
  CHECK(econind_result_mention_count(nullptr) == 0);
  CHECK(econind_result_diagnostic_count(nullptr) == 0);
}

TEST_CASE("c api: mentions", "[c_api]") {
  ResultPtr r = extract(kText);
  const econind_result* p = r.get();
  std::vector<std::string> ids;
  for (std::size_t i = 0; i < econind_result_mention_count(p); ++i) {
    ids.push_back(str(econind_mention_entity(p, i, ECONIND_FIELD_ID)));
    if (ids.back() == "hefei-hitech") {
      std::size_t b = econind_mention_begin(p, i), e = econind_mention_end(p, i);
      CHECK(kText.substr(b, e - b) == "合肥高新区");
      CHECK(str(econind_mention_entity(p, i, ECONIND_FIELD_TYPE)) == "park");
      CHECK(str(econind_mention_entity(p, i, ECONIND_FIELD_NAME_EN)) == "Hefei High-tech Zone");
    }
  }
  CHECK(std::count(ids.begin(), ids.end(), "hefei-hitech") == 1);
  CHECK(std::count(ids.begin(), ids.end(), "revenue") == 1);
  CHECK(econind_mention_entity(p, 0, 9) == nullptr);
}

TEST_CASE("c api: invalid UTF-8 is data, reported as a diagnostic", "[c_api]") {
  const std::string text = "合肥高新区规上工业产值突破1500亿元\xff\xfe。";
  ResultPtr r = extract(text);
  const econind_result* p = r.get();
  REQUIRE(econind_result_count(p) == 1);
  CHECK(str(econind_indicator_value(p, 0)) == "150000000000");
  CHECK(str(econind_indicator_qualifier(p, 0)) == "more_than");
  REQUIRE(econind_result_diagnostic_count(p) >= 1);
  CHECK(str(econind_diagnostic_code(p, 0)) == "invalid_utf8");
  CHECK(str(econind_diagnostic_message(p, 0)).find("invalid UTF-8") != std::string::npos);
  CHECK(econind_diagnostic_begin(p, 0) == text.find('\xff'));
  CHECK(econind_diagnostic_end(p, 0) > econind_diagnostic_begin(p, 0));
}

TEST_CASE("c api: extraction arguments", "[c_api]") {
  SECTION("a NULL extractor is an invalid argument") {
    econind_error* err = kStale;
    CHECK(econind_extract(nullptr, "1500亿元", 10, nullptr, &err) == nullptr);
    ErrorPtr owned(err);
    REQUIRE(err != nullptr);
    CHECK(econind_error_code(err) == ECONIND_INVALID_ARGUMENT);
    CHECK(std::string(econind_error_message(err)) == "econind_extract: extractor is NULL");
  }
  SECTION("NULL text with a length is an invalid argument") {
    econind_error* err = kStale;
    CHECK(econind_extract(shared_extractor(), nullptr, 3, "d", &err) == nullptr);
    ErrorPtr owned(err);
    CHECK(econind_error_code(err) == ECONIND_INVALID_ARGUMENT);
    CHECK(std::string(econind_error_message(err)).find("text is NULL") != std::string::npos);
  }
  SECTION("NULL text of length 0 is an empty document") {
    econind_error* err = kStale;
    ResultPtr r(econind_extract(shared_extractor(), nullptr, 0, nullptr, &err));
    CHECK(err == nullptr);
    REQUIRE(r);
    CHECK(econind_result_count(r.get()) == 0);
  }
  SECTION("errors may be ignored by passing NULL for err") {
    CHECK(econind_extract(nullptr, "x", 1, nullptr, nullptr) == nullptr);
    ResultPtr r(econind_extract(shared_extractor(), "1500亿元", std::strlen("1500亿元"), nullptr, nullptr));
    CHECK(econind_result_count(r.get()) == 1);
  }
  SECTION("the text need not be NUL-terminated") {
    const std::string text = "产值1500亿元，增长12.6%";
    ResultPtr r(econind_extract(shared_extractor(), text.data(), text.find("，"), nullptr, nullptr));
    REQUIRE(econind_result_count(r.get()) == 1);
    CHECK(str(econind_indicator_kind(r.get(), 0)) == "money");
  }
  SECTION("the date gives 今年 its year") {
    const std::string text = "今年合肥高新区规上工业产值突破1500亿元。";
    ResultPtr undated = extract(text);
    CHECK(econind_indicator_year(undated.get(), 0) == 0);
    econind_error* err = kStale;
    ResultPtr dated(econind_extract_dated(shared_extractor(), text.data(), text.size(), "d", "2023-05-16", &err));
    CHECK(err == nullptr);
    REQUIRE(econind_result_count(dated.get()) == 1);
    CHECK(econind_indicator_year(dated.get(), 0) == 2023);
    ResultPtr no_date(econind_extract_dated(shared_extractor(), text.data(), text.size(), nullptr, nullptr, &err));
    CHECK(econind_indicator_year(no_date.get(), 0) == 0);
    CHECK(econind_extract_dated(shared_extractor(), nullptr, 1, nullptr, "2023", &err) == nullptr);
    ErrorPtr owned(err);
    CHECK(econind_error_code(err) == ECONIND_INVALID_ARGUMENT);
  }
}

TEST_CASE("c api: extractors with options and ontology files", "[c_api]") {
  const std::string text = "苏州工业园区实现营业收入500亿元，同比增长8.5%，集聚企业300家。";
  auto kinds = [&](const econind_extractor* ex) {
    ResultPtr r(econind_extract(ex, text.data(), text.size(), nullptr, nullptr));
    std::vector<std::string> out;
    for (std::size_t i = 0; i < econind_result_count(r.get()); ++i) out.push_back(econind_indicator_kind(r.get(), i));
    return out;
  };
  using Kinds = std::vector<std::string>;
  CHECK(kinds(shared_extractor()) == Kinds{"money", "percent", "count"});

  econind_error* err = kStale;
  ExtractorPtr money(econind_extractor_new_ex(ECONIND_FIND_MONEY, nullptr, 0, &err));
  CHECK(err == nullptr);
  REQUIRE(money);
  CHECK(kinds(money.get()) == Kinds{"money"});
  ExtractorPtr two(econind_extractor_new_ex(ECONIND_FIND_PERCENT | ECONIND_FIND_COUNT, nullptr, 0, nullptr));
  CHECK(kinds(two.get()) == Kinds{"percent", "count"});

  SECTION("bad flags") {
    for (unsigned find : {0u, 16u, ECONIND_FIND_ALL | 32u}) {
      CHECK(econind_extractor_new_ex(find, nullptr, 0, &err) == nullptr);
      ErrorPtr owned(err);
      CHECK(econind_error_code(err) == ECONIND_INVALID_ARGUMENT);
      CHECK(std::string(econind_error_message(err)).rfind("econind_extractor_new_ex: find ", 0) == 0);
    }
  }
  SECTION("bad file lists") {
    CHECK(econind_extractor_new_ex(ECONIND_FIND_ALL, nullptr, 1, &err) == nullptr);
    ErrorPtr e1(err);
    CHECK(econind_error_code(err) == ECONIND_INVALID_ARGUMENT);
    const char* const files[] = {nullptr};
    CHECK(econind_extractor_new_ex(ECONIND_FIND_ALL, files, 1, &err) == nullptr);
    ErrorPtr e2(err);
    CHECK(econind_error_code(err) == ECONIND_INVALID_ARGUMENT);
    CHECK(std::string(econind_error_message(err)).find("NULL") != std::string::npos);
  }
  SECTION("a file that cannot be opened") {
    std::string path = (std::filesystem::temp_directory_path() / "econind_c_api_no_such_file.tsv").string();
    const char* const files[] = {path.c_str()};
    CHECK(econind_extractor_new_ex(ECONIND_FIND_ALL, files, 1, &err) == nullptr);
    ErrorPtr owned(err);
    CHECK(econind_error_code(err) == ECONIND_BAD_CONFIG);
    CHECK(std::string(econind_error_message(err)) == path + ": cannot open");
  }
  SECTION("a malformed file: the message names the file and the line") {
    std::string path = write_temp("econind_c_api_bad.tsv", std::string(kHeader) +
                                                               "# a comment\n"
                                                               "my-park\tcampus\t我的园区\t\t\t\t\t\t\t\n")
                           .string();
    const char* const files[] = {path.c_str()};
    CHECK(econind_extractor_new_ex(ECONIND_FIND_ALL, files, 1, &err) == nullptr);
    ErrorPtr owned(err);
    CHECK(econind_error_code(err) == ECONIND_BAD_CONFIG);
    CHECK(std::string(econind_error_message(err)) == path + ":3: unknown type \"campus\" of \"my-park\"");
    std::filesystem::remove(path);
  }
  SECTION("a good file adds entities") {
    std::string path = write_temp("econind_c_api_good.tsv",
                                  std::string(kHeader) +
                                      "xanadu-park\tpark\t仙乐都科技园\t\tXanadu Science Park\t仙乐都园区\t\t\t\t\n")
                           .string();
    const char* const files[] = {path.c_str()};
    ExtractorPtr ex(econind_extractor_new_ex(ECONIND_FIND_ALL, files, 1, &err));
    REQUIRE(ex);
    CHECK(err == nullptr);
    const std::string t = "仙乐都科技园实现营业收入12亿元。";
    ResultPtr r(econind_extract(ex.get(), t.data(), t.size(), nullptr, nullptr));
    REQUIRE(econind_result_count(r.get()) == 1);
    CHECK(str(econind_indicator_entity(r.get(), 0, ECONIND_SUBJECT, ECONIND_FIELD_ID)) == "xanadu-park");
    CHECK(str(econind_indicator_entity(r.get(), 0, ECONIND_SUBJECT, ECONIND_FIELD_NAME)) == "仙乐都园区");
    std::filesystem::remove(path);
  }
}

TEST_CASE("c api: one expression at a time", "[c_api]") {
  econind_error* err = kStale;
  ResultPtr money(econind_parse(ECONIND_FIND_MONEY, "200多亿元", std::strlen("200多亿元"), &err));
  CHECK(err == nullptr);
  REQUIRE(econind_result_count(money.get()) == 1);
  CHECK(str(econind_indicator_value(money.get(), 0)) == "20000000000");
  CHECK(str(econind_indicator_qualifier(money.get(), 0)) == "more_than");
  CHECK(str(econind_indicator_unit(money.get(), 0)) == "CNY");

  ResultPtr pct(econind_parse(ECONIND_FIND_PERCENT, "增长12.6%", std::strlen("增长12.6%"), &err));
  REQUIRE(econind_result_count(pct.get()) == 1);
  CHECK(str(econind_indicator_value(pct.get(), 0)) == "12.6");
  ResultPtr count(econind_parse(ECONIND_FIND_COUNT, "34所高校", std::strlen("34所高校"), &err));
  REQUIRE(econind_result_count(count.get()) == 1);
  CHECK(str(econind_indicator_unit(count.get(), 0)) == "所");
  ResultPtr rank(econind_parse(ECONIND_FIND_RANK, "位列第53名", std::strlen("位列第53名"), &err));
  REQUIRE(econind_result_count(rank.get()) == 1);
  CHECK(str(econind_indicator_kind(rank.get(), 0)) == "rank");
  CHECK(str(econind_indicator_value(rank.get(), 0)) == "53");

  // Not money: an empty result, not an error.
  ResultPtr none(econind_parse(ECONIND_FIND_MONEY, "34所高校", std::strlen("34所高校"), &err));
  CHECK(err == nullptr);
  REQUIRE(none);
  CHECK(econind_result_count(none.get()) == 0);

  for (unsigned find : {0u, ECONIND_FIND_MONEY | ECONIND_FIND_COUNT, ECONIND_FIND_ALL, 64u}) {
    CHECK(econind_parse(find, "1亿元", std::strlen("1亿元"), &err) == nullptr);
    ErrorPtr owned(err);
    CHECK(econind_error_code(err) == ECONIND_INVALID_ARGUMENT);
    CHECK(std::string(econind_error_message(err)) == "econind_parse: find must be exactly one ECONIND_FIND_* flag");
  }
  CHECK(econind_parse(ECONIND_FIND_MONEY, nullptr, 4, &err) == nullptr);
  ErrorPtr owned(err);
  CHECK(econind_error_code(err) == ECONIND_INVALID_ARGUMENT);
}

TEST_CASE("c api: JSONL and CSV match the C++ serializers", "[c_api]") {
  ResultPtr r = extract(kText, "doc-1");
  econind::Result cpp = econind::Extractor().extract(kText);
  econind_error* err = kStale;

  StringPtr jsonl(econind_result_to_jsonl(r.get(), kText.data(), kText.size(), nullptr, &err));
  CHECK(err == nullptr);
  REQUIRE(jsonl);
  CHECK(std::string(jsonl.get()) == econind::to_jsonl(cpp, kText, "doc-1"));  // NULL doc: the doc_id
  StringPtr renamed(econind_result_to_jsonl(r.get(), kText.data(), kText.size(), "other", &err));
  CHECK(std::string(renamed.get()) == econind::to_jsonl(cpp, kText, "other"));
  StringPtr no_text(econind_result_to_jsonl(r.get(), nullptr, 0, nullptr, &err));
  CHECK(std::string(no_text.get()) == econind::to_jsonl(cpp, {}, "doc-1"));
  CHECK(std::string(no_text.get()).find("\"sentence\":\"\"") != std::string::npos);

  StringPtr csv(econind_result_to_csv(r.get(), kText.data(), kText.size(), nullptr, &err));
  CHECK(err == nullptr);
  CHECK(std::string(csv.get()) == econind::to_csv(cpp, kText, "doc-1"));
  CHECK(std::string(econind_csv_header()) == econind::csv_header());

  ResultPtr empty = extract("no figures here");
  StringPtr nothing(econind_result_to_jsonl(empty.get(), nullptr, 0, nullptr, &err));
  REQUIRE(nothing);
  CHECK(std::string(nothing.get()).empty());

  CHECK(econind_result_to_jsonl(nullptr, kText.data(), kText.size(), nullptr, &err) == nullptr);
  ErrorPtr e1(err);
  CHECK(econind_error_code(err) == ECONIND_INVALID_ARGUMENT);
  CHECK(std::string(econind_error_message(err)) == "econind_result_to_jsonl: result is NULL");
  CHECK(econind_result_to_csv(nullptr, kText.data(), kText.size(), nullptr, &err) == nullptr);
  ErrorPtr e2(err);
  CHECK(econind_error_code(err) == ECONIND_INVALID_ARGUMENT);
  CHECK(econind_result_to_jsonl(r.get(), nullptr, 5, nullptr, &err) == nullptr);
  ErrorPtr e3(err);
  CHECK(econind_error_code(err) == ECONIND_INVALID_ARGUMENT);
  CHECK(econind_result_to_csv(r.get(), nullptr, 5, nullptr, &err) == nullptr);
  ErrorPtr e4(err);
  CHECK(econind_error_code(err) == ECONIND_INVALID_ARGUMENT);
}

namespace {
struct Captured {
  std::vector<std::pair<econind_log_level, std::string>> messages;
};
void capture(econind_log_level level, const char* message, size_t len, void* user) {
  static_cast<Captured*>(user)->messages.emplace_back(level, std::string(message, len));
}
}  // namespace

TEST_CASE("c api: logging goes to the host's callback at the host's level", "[c_api]") {
  CHECK(econind_set_log_level(6) == ECONIND_INVALID_ARGUMENT);
  CHECK(econind_set_log_level(-1) == ECONIND_INVALID_ARGUMENT);
  Captured captured;
  econind_set_log_callback(capture, &captured);
  REQUIRE(econind_set_log_level(ECONIND_LOG_DEBUG) == ECONIND_OK);
  extract("产值1500亿元");
  REQUIRE(econind_set_log_level(ECONIND_LOG_WARN) == ECONIND_OK);
  extract("产值1600亿元");  // below the level: not logged
  econind_set_log_callback(nullptr, nullptr);
  REQUIRE(captured.messages.size() == 1);
  CHECK(captured.messages[0].first == ECONIND_LOG_DEBUG);
  CHECK(captured.messages[0].second == "money 150000000000 [1500亿元]");
}
