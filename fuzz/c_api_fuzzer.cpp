// The C API (econind.h) on any bytes. The first byte picks the call and its flags, the rest is
// the text. Every call either succeeds with no error or fails with one (never both, never
// neither); every accessor agrees with the C++ API on the same text, returns NULL, 0, NaN or -1
// past the end, and every string it returns is UTF-8 and lives as long as its result. Run under
// AddressSanitizer this also checks that each object is freed once and nothing leaks.
#include "econind/econind.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>

#include "invariants.hpp"

using namespace econind;

namespace {

std::string str(const char* s) { return s ? std::string(s) : std::string(); }

// A call that must fail: it returns NULL and stores an error with `code` and a message.
template <class Call>
void expect_failure(Call call, econind_code code) {
  econind_error* err = reinterpret_cast<econind_error*>(1);  // the call must overwrite it
  const void* returned = call(&err);
  ECONIND_CHECK(returned == nullptr);
  ECONIND_CHECK(err != nullptr && err != reinterpret_cast<econind_error*>(1));
  ECONIND_CHECK(econind_error_code(err) == code);
  ECONIND_CHECK(std::strlen(econind_error_message(err)) > 0);
  ECONIND_CHECK(std::string(econind_code_name(econind_error_code(err))) != "unknown");
  econind_error_free(err);
}

template <class Get>
void check_entity_fields(Get get, const std::optional<EntityRef>& e) {
  const std::string_view expected[] = {e ? e->id() : "", e ? e->name() : "", e ? e->name_en() : "", e ? e->type() : ""};
  for (int field = -1; field <= 4; ++field) {
    const char* s = get(field);
    if (!e || field < 0 || field > 3) {
      ECONIND_CHECK(s == nullptr);
    } else {
      ECONIND_CHECK(s != nullptr && expected[field] == s);
    }
  }
}

// Everything a result offers, against the C++ result it should mirror.
void check_result(const econind_result* r, const Result& expected, std::string_view text) {
  std::size_t n = econind_result_count(r);
  ECONIND_CHECK_MSG(n == expected.indicators.size(), std::to_string(n) + " vs " + std::to_string(expected.indicators.size()));
  for (std::size_t i = 0; i < n; ++i) {
    const Indicator& e = expected.indicators[i];
    ECONIND_CHECK(str(econind_indicator_kind(r, i)) == to_string(e.kind));
    std::string value = str(econind_indicator_value(r, i));
    ECONIND_CHECK_MSG(Decimal::from_string(value) == e.value, value);
    ECONIND_CHECK(econind_indicator_value_double(r, i) == e.value.to_double());
    ECONIND_CHECK(std::isfinite(econind_indicator_value_double(r, i)));
    const char* vmax = econind_indicator_value_max(r, i);
    ECONIND_CHECK((vmax != nullptr) == e.value_max.has_value());
    if (vmax) {
      ECONIND_CHECK(Decimal::from_string(vmax) == e.value_max);
      ECONIND_CHECK(econind_indicator_value_max_double(r, i) >= econind_indicator_value_double(r, i));
    } else {
      ECONIND_CHECK(std::isnan(econind_indicator_value_max_double(r, i)));
    }
    ECONIND_CHECK(str(econind_indicator_unit(r, i)) == e.unit);
    ECONIND_CHECK(str(econind_indicator_qualifier(r, i)) == to_string(e.qualifier));
    std::size_t b = econind_indicator_begin(r, i), en = econind_indicator_end(r, i);
    ECONIND_CHECK(b == e.span.begin && en == e.span.end && b < en && en <= text.size());
    // The copy holds the bytes [begin, end); a NUL among them ends it early as a C string.
    const char* t = econind_indicator_text(r, i);
    ECONIND_CHECK(t != nullptr && std::memcmp(t, text.data() + b, en - b) == 0 && t[en - b] == '\0');
    ECONIND_CHECK(econind_indicator_sentence_begin(r, i) == e.sentence.begin);
    ECONIND_CHECK(econind_indicator_sentence_end(r, i) == e.sentence.end);
    ECONIND_CHECK(econind_indicator_year(r, i) == e.year.value_or(0));
    ECONIND_CHECK(econind_indicator_change_from(r, i) ==
                  (e.change_from ? static_cast<std::int64_t>(*e.change_from) : -1));
    if (!e.rank_of) ECONIND_CHECK(econind_indicator_rank_of(r, i) == 0);
    for (int role = -1; role <= 3; ++role) {
      const std::optional<EntityRef> none;
      const std::optional<EntityRef>& ref =
          role == ECONIND_SUBJECT ? e.subject : role == ECONIND_INDUSTRY ? e.industry : role == ECONIND_METRIC ? e.metric : none;
      check_entity_fields([&](int field) { return econind_indicator_entity(r, i, role, field); }, ref);
    }
  }
  // Past the end, and with no result at all.
  for (const econind_result* rr : {r, static_cast<const econind_result*>(nullptr)}) {
    for (std::size_t i : {n, n + 1, std::numeric_limits<std::size_t>::max()}) {
      if (rr == nullptr && i == n + 1) continue;
      ECONIND_CHECK(econind_indicator_kind(rr, i) == nullptr && econind_indicator_value(rr, i) == nullptr);
      ECONIND_CHECK(econind_indicator_value_max(rr, i) == nullptr && econind_indicator_unit(rr, i) == nullptr);
      ECONIND_CHECK(econind_indicator_qualifier(rr, i) == nullptr && econind_indicator_text(rr, i) == nullptr);
      ECONIND_CHECK(std::isnan(econind_indicator_value_double(rr, i)));
      ECONIND_CHECK(std::isnan(econind_indicator_value_max_double(rr, i)));
      ECONIND_CHECK(econind_indicator_begin(rr, i) == 0 && econind_indicator_end(rr, i) == 0);
      ECONIND_CHECK(econind_indicator_year(rr, i) == 0 && econind_indicator_rank_of(rr, i) == 0);
      ECONIND_CHECK(econind_indicator_change_from(rr, i) == -1);
      ECONIND_CHECK(econind_indicator_entity(rr, i, ECONIND_SUBJECT, ECONIND_FIELD_ID) == nullptr);
    }
    for (std::size_t i : {econind_result_mention_count(r), std::numeric_limits<std::size_t>::max()}) {
      ECONIND_CHECK(econind_mention_entity(rr, i, ECONIND_FIELD_ID) == nullptr);
      ECONIND_CHECK(econind_mention_begin(rr, i) == 0 && econind_mention_end(rr, i) == 0);
    }
    for (std::size_t i : {econind_result_diagnostic_count(r), std::numeric_limits<std::size_t>::max()}) {
      ECONIND_CHECK(econind_diagnostic_code(rr, i) == nullptr && econind_diagnostic_message(rr, i) == nullptr);
      ECONIND_CHECK(econind_diagnostic_begin(rr, i) == 0 && econind_diagnostic_end(rr, i) == 0);
    }
  }
  ECONIND_CHECK(econind_result_count(nullptr) == 0 && econind_result_mention_count(nullptr) == 0);

  std::size_t nm = econind_result_mention_count(r);
  ECONIND_CHECK(nm == expected.mentions.size());
  for (std::size_t i = 0; i < nm; ++i) {
    ECONIND_CHECK(econind_mention_begin(r, i) == expected.mentions[i].span.begin);
    ECONIND_CHECK(econind_mention_end(r, i) == expected.mentions[i].span.end);
    ECONIND_CHECK(str(econind_mention_entity(r, i, ECONIND_FIELD_ID)) == expected.mentions[i].entity->id);
    ECONIND_CHECK(econind_mention_entity(r, i, 7) == nullptr);
  }
  std::size_t nd = econind_result_diagnostic_count(r);
  ECONIND_CHECK(nd == expected.diagnostics.size());
  for (std::size_t i = 0; i < nd; ++i) {
    ECONIND_CHECK(str(econind_diagnostic_code(r, i)) == to_string(expected.diagnostics[i].code));
    ECONIND_CHECK(str(econind_diagnostic_message(r, i)) == expected.diagnostics[i].message);
    ECONIND_CHECK(econind_diagnostic_begin(r, i) == expected.diagnostics[i].span.begin);
    ECONIND_CHECK(econind_diagnostic_end(r, i) == expected.diagnostics[i].span.end);
  }

  // Serialized: what the C++ functions write, and errors for a NULL text with a length.
  econind_error* err = reinterpret_cast<econind_error*>(1);
  char* jsonl = econind_result_to_jsonl(r, text.data(), text.size(), "doc", &err);
  ECONIND_CHECK(jsonl != nullptr && err == nullptr);
  ECONIND_CHECK(std::string(jsonl) == to_jsonl(expected, text, "doc"));
  econind_string_free(jsonl);
  char* csv = econind_result_to_csv(r, nullptr, 0, nullptr, &err);
  ECONIND_CHECK(csv != nullptr && err == nullptr);
  econind_string_free(csv);
  expect_failure([&](econind_error** e) { return econind_result_to_jsonl(r, nullptr, 1, nullptr, e); },
                 ECONIND_INVALID_ARGUMENT);
  expect_failure([&](econind_error** e) { return econind_result_to_csv(nullptr, nullptr, 0, nullptr, e); },
                 ECONIND_INVALID_ARGUMENT);
}

Options options_of(unsigned find) {
  return Options{(find & ECONIND_FIND_MONEY) != 0, (find & ECONIND_FIND_PERCENT) != 0, (find & ECONIND_FIND_COUNT) != 0,
                 (find & ECONIND_FIND_RANK) != 0};
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const unsigned op = data[0];
  std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  const unsigned find = op & 0x0F;  // 0: econind_extractor_new, everything
  econind_error* err = reinterpret_cast<econind_error*>(1);  // every call must overwrite it

  switch ((op >> 4) & 3) {
    case 0:
    case 1: {  // extract, with a date taken from the text's start when dated
      econind_extractor* ex = find == 0 ? econind_extractor_new(&err) : econind_extractor_new_ex(find, nullptr, 0, &err);
      ECONIND_CHECK(ex != nullptr && err == nullptr);
      bool dated = ((op >> 4) & 3) == 1;
      std::string date(text.substr(0, 10));
      econind_result* r = dated ? econind_extract_dated(ex, text.data(), text.size(), "id", date.c_str(), &err)
                                : econind_extract(ex, text.data(), text.size(), nullptr, &err);
      ECONIND_CHECK(r != nullptr && err == nullptr);
      Extractor cpp(options_of(find == 0 ? ECONIND_FIND_ALL : find));
      Result expected = cpp.extract(text, {"id", dated ? std::string(date.c_str()) : std::string()});
      fuzz::check_result(expected, text);
      check_result(r, expected, text);
      econind_result_free(r);
      econind_extractor_free(ex);
      break;
    }
    case 2: {  // parse, one kind
      unsigned kind = 1u << ((op >> 6) & 3);
      econind_result* r = econind_parse(kind, text.data(), text.size(), &err);
      ECONIND_CHECK(r != nullptr && err == nullptr);
      std::optional<Indicator> i = kind == ECONIND_FIND_MONEY     ? parse_money(text)
                                   : kind == ECONIND_FIND_PERCENT ? parse_percent(text)
                                   : kind == ECONIND_FIND_COUNT   ? parse_count(text)
                                                                  : parse_rank(text);
      Result expected;
      if (i) expected.indicators.push_back(*i);
      check_result(r, expected, text);
      econind_result_free(r);
      break;
    }
    default: {  // bad arguments: each fails cleanly
      econind_extractor* ex = econind_extractor_new(&err);
      ECONIND_CHECK(ex != nullptr && err == nullptr);
      const unsigned not_one_kind = find == 1 || find == 2 || find == 4 || find == 8 ? 0 : find;
      const unsigned bad_flags = op & 0x40 ? 0u : 0x10u | find;
      expect_failure([&](econind_error** e) { return econind_extract(nullptr, text.data(), text.size(), nullptr, e); },
                     ECONIND_INVALID_ARGUMENT);
      expect_failure([&](econind_error** e) { return econind_extract(ex, nullptr, text.size() + 1, nullptr, e); },
                     ECONIND_INVALID_ARGUMENT);
      expect_failure([&](econind_error** e) { return econind_parse(not_one_kind, text.data(), text.size(), e); },
                     ECONIND_INVALID_ARGUMENT);
      expect_failure([&](econind_error** e) { return econind_extractor_new_ex(bad_flags, nullptr, 0, e); },
                     ECONIND_INVALID_ARGUMENT);
      expect_failure([&](econind_error** e) { return econind_extractor_new_ex(ECONIND_FIND_ALL, nullptr, 1, e); },
                     ECONIND_INVALID_ARGUMENT);
      // The same calls without an error pointer just return NULL.
      ECONIND_CHECK(econind_extract(nullptr, text.data(), text.size(), nullptr, nullptr) == nullptr);
      econind_result* empty = econind_extract(ex, nullptr, 0, nullptr, &err);
      ECONIND_CHECK(empty != nullptr && err == nullptr && econind_result_count(empty) == 0);
      econind_result_free(empty);
      econind_extractor_free(ex);
      econind_result_free(nullptr);
      econind_extractor_free(nullptr);
      econind_error_free(nullptr);
      econind_string_free(nullptr);
      ECONIND_CHECK(econind_error_code(nullptr) == ECONIND_OK && std::strlen(econind_error_message(nullptr)) == 0);
      break;
    }
  }
  return 0;
}
