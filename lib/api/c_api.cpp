// The C API (include/econind/econind.h) over the C++ one. Every entry point that does work runs
// inside guarded(), which turns any exception into an econind_error; the accessors only read
// what the result object computed up front, so they cannot throw.
#include "econind/econind.h"

#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <new>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "econind/error.hpp"
#include "econind/extractor.hpp"
#include "econind/indicator.hpp"
#include "econind/log.hpp"
#include "econind/ontology.hpp"
#include "econind/serialize.hpp"
#include "econind/version.hpp"

struct econind_error {
  econind_code code = ECONIND_OK;
  std::string message;
  bool preallocated = false;  // the out-of-memory error, which is never freed
};

struct econind_extractor {
  econind::Extractor extractor;
};

struct econind_result {
  // Everything an accessor hands out as a C string, made once so accessors never allocate.
  struct Strings {
    std::string kind, value, value_max, qualifier;
  };
  econind::Result result;
  std::string doc;
  std::vector<Strings> strings;            // per indicator
  std::vector<std::string> diagnostic_codes;

  econind_result(econind::Result r, std::string doc_id) : result(std::move(r)), doc(std::move(doc_id)) {
    strings.reserve(result.indicators.size());
    for (const econind::Indicator& i : result.indicators) {
      strings.push_back({std::string(econind::to_string(i.kind)), i.value.to_string(),
                         i.value_max ? i.value_max->to_string() : std::string(),
                         std::string(econind::to_string(i.qualifier))});
    }
    for (const econind::Diagnostic& d : result.diagnostics) diagnostic_codes.emplace_back(econind::to_string(d.code));
  }
};

namespace {

// Thrown inside guarded() for a bad argument; becomes ECONIND_INVALID_ARGUMENT.
struct InvalidArgument {
  std::string message;
};

econind_error* out_of_memory_error() noexcept {
  // "out of memory" fits the small-string buffer: making this never allocates.
  static econind_error e{ECONIND_OUT_OF_MEMORY, "out of memory", true};
  return &e;
}

void set_error(econind_error** err, econind_code code, const char* message) noexcept {
  if (!err) return;
  try {
    *err = new econind_error{code, message, false};
  } catch (...) {
    *err = out_of_memory_error();
  }
}

template <class R, class F>
R guarded(econind_error** err, R on_failure, F&& f) noexcept {
  if (err) *err = nullptr;
  try {
    return f();
  } catch (const InvalidArgument& e) {
    set_error(err, ECONIND_INVALID_ARGUMENT, e.message.c_str());
  } catch (const econind::Error& e) {
    set_error(err, ECONIND_BAD_CONFIG, e.what());
  } catch (const std::bad_alloc&) {
    if (err) *err = out_of_memory_error();
  } catch (const std::exception& e) {
    set_error(err, ECONIND_INTERNAL, e.what());
  } catch (...) {
    set_error(err, ECONIND_INTERNAL, "unknown exception");
  }
  return on_failure;
}

void require(bool ok, const char* function, const char* what) {
  if (!ok) throw InvalidArgument{std::string(function) + ": " + what};
}

std::string_view text_arg(const char* text, std::size_t len, const char* function) {
  require(text != nullptr || len == 0, function, "text is NULL but len is not 0");
  return text ? std::string_view(text, len) : std::string_view();
}

econind::Options options_from(unsigned find, const char* function) {
  require(find != 0, function, "find is 0: pass ECONIND_FIND_ALL or some ECONIND_FIND_* flags");
  require((find & ~ECONIND_FIND_ALL) == 0, function, "find has bits that are not ECONIND_FIND_* flags");
  econind::Options o;
  o.money = (find & ECONIND_FIND_MONEY) != 0;
  o.percent = (find & ECONIND_FIND_PERCENT) != 0;
  o.count = (find & ECONIND_FIND_COUNT) != 0;
  o.rank = (find & ECONIND_FIND_RANK) != 0;
  return o;
}

char* malloc_copy(const std::string& s) {
  char* p = static_cast<char*>(std::malloc(s.size() + 1));
  if (!p) throw std::bad_alloc();
  std::memcpy(p, s.c_str(), s.size() + 1);
  return p;
}

const econind::Indicator* indicator(const econind_result* r, std::size_t i) noexcept {
  return r && i < r->result.indicators.size() ? &r->result.indicators[i] : nullptr;
}

const econind::Mention* mention(const econind_result* r, std::size_t i) noexcept {
  return r && i < r->result.mentions.size() ? &r->result.mentions[i] : nullptr;
}

const econind::Diagnostic* diagnostic(const econind_result* r, std::size_t i) noexcept {
  return r && i < r->result.diagnostics.size() ? &r->result.diagnostics[i] : nullptr;
}

// The strings of an Entity are NUL-terminated, and so are the literals of to_string(EntityType).
const char* field_of(const econind::Entity& e, int field) noexcept {
  switch (field) {
    case ECONIND_FIELD_ID: return e.id.c_str();
    case ECONIND_FIELD_NAME: return e.usual_name().c_str();
    case ECONIND_FIELD_NAME_EN: return e.usual_name_en().c_str();
    case ECONIND_FIELD_TYPE: return econind::to_string(e.type).data();
    default: return nullptr;
  }
}

std::int64_t to_int64(const econind::Decimal& d) noexcept {
  double v = d.to_double();
  if (!(v > -9.2e18 && v < 9.2e18)) return 0;
  return static_cast<std::int64_t>(v);
}

}  // namespace

extern "C" {

// ---- Errors ----------------------------------------------------------------------------------

econind_code econind_error_code(const econind_error* error) noexcept { return error ? error->code : ECONIND_OK; }

const char* econind_error_message(const econind_error* error) noexcept { return error ? error->message.c_str() : ""; }

void econind_error_free(econind_error* error) noexcept {
  if (error && !error->preallocated) delete error;
}

const char* econind_code_name(int code) noexcept {
  switch (code) {
    case ECONIND_OK: return "ok";
    case ECONIND_INVALID_ARGUMENT: return "invalid_argument";
    case ECONIND_BAD_CONFIG: return "bad_config";
    case ECONIND_OUT_OF_MEMORY: return "out_of_memory";
    case ECONIND_INTERNAL: return "internal";
    default: return "unknown";
  }
}

// ---- Library ---------------------------------------------------------------------------------

const char* econind_version(void) noexcept { return ECONIND_VERSION_STRING; }

void econind_string_free(char* s) noexcept { std::free(s); }

econind_code econind_set_log_level(int level) noexcept {
  if (level < ECONIND_LOG_TRACE || level > ECONIND_LOG_OFF) return ECONIND_INVALID_ARGUMENT;
  try {
    econind::set_log_level(static_cast<econind::LogLevel>(level));
  } catch (...) {
    return ECONIND_INTERNAL;
  }
  return ECONIND_OK;
}

void econind_set_log_callback(econind_log_callback callback, void* user) noexcept {
  try {
    if (!callback) {
      econind::set_log_sink({});
      return;
    }
    econind::set_log_sink([callback, user](econind::LogLevel level, std::string_view message) {
      callback(static_cast<econind_log_level>(level), message.data(), message.size(), user);
    });
  } catch (...) {
    // Allocating the sink failed: the previous sink stays in place.
  }
}

// ---- Extractors ------------------------------------------------------------------------------

econind_extractor* econind_extractor_new(econind_error** err) noexcept {
  return guarded(err, static_cast<econind_extractor*>(nullptr), [] { return new econind_extractor{econind::Extractor()}; });
}

econind_extractor* econind_extractor_new_ex(unsigned find, const char* const* ontology_files, size_t n_files,
                                            econind_error** err) noexcept {
  return guarded(err, static_cast<econind_extractor*>(nullptr), [&] {
    const char* fn = "econind_extractor_new_ex";
    econind::Options options = options_from(find, fn);
    require(ontology_files != nullptr || n_files == 0, fn, "ontology_files is NULL but n_files is not 0");
    if (n_files == 0) return new econind_extractor{econind::Extractor(options)};
    econind::Ontology ontology = econind::Ontology::builtin();
    for (size_t k = 0; k < n_files; ++k) {
      require(ontology_files[k] != nullptr, fn, "an entry of ontology_files is NULL");
      ontology.load_file(ontology_files[k]);
    }
    return new econind_extractor{econind::Extractor(options, std::move(ontology))};
  });
}

void econind_extractor_free(econind_extractor* extractor) noexcept { delete extractor; }

// ---- Extraction ------------------------------------------------------------------------------

econind_result* econind_extract_dated(const econind_extractor* extractor, const char* text, size_t len,
                                      const char* doc_id, const char* date, econind_error** err) noexcept {
  return guarded(err, static_cast<econind_result*>(nullptr), [&] {
    const char* fn = "econind_extract";
    require(extractor != nullptr, fn, "extractor is NULL");
    std::string_view t = text_arg(text, len, fn);
    econind::DocumentInfo info;
    info.id = doc_id ? doc_id : "";
    info.date = date ? date : "";
    econind::Result r = extractor->extractor.extract(t, info);
    return new econind_result(std::move(r), std::move(info.id));
  });
}

econind_result* econind_extract(const econind_extractor* extractor, const char* text, size_t len, const char* doc_id,
                                econind_error** err) noexcept {
  return econind_extract_dated(extractor, text, len, doc_id, nullptr, err);
}

econind_result* econind_parse(unsigned find, const char* text, size_t len, econind_error** err) noexcept {
  return guarded(err, static_cast<econind_result*>(nullptr), [&] {
    const char* fn = "econind_parse";
    std::string_view t = text_arg(text, len, fn);
    std::optional<econind::Indicator> i;
    switch (find) {
      case ECONIND_FIND_MONEY: i = econind::parse_money(t); break;
      case ECONIND_FIND_PERCENT: i = econind::parse_percent(t); break;
      case ECONIND_FIND_COUNT: i = econind::parse_count(t); break;
      case ECONIND_FIND_RANK: i = econind::parse_rank(t); break;
      default: require(false, fn, "find must be exactly one ECONIND_FIND_* flag");
    }
    econind::Result r;
    if (i) r.indicators.push_back(std::move(*i));
    return new econind_result(std::move(r), std::string());
  });
}

void econind_result_free(econind_result* result) noexcept { delete result; }

// ---- Reading a result ------------------------------------------------------------------------

size_t econind_result_count(const econind_result* result) noexcept {
  return result ? result->result.indicators.size() : 0;
}

const char* econind_indicator_kind(const econind_result* result, size_t i) noexcept {
  return indicator(result, i) ? result->strings[i].kind.c_str() : nullptr;
}

const char* econind_indicator_value(const econind_result* result, size_t i) noexcept {
  return indicator(result, i) ? result->strings[i].value.c_str() : nullptr;
}

double econind_indicator_value_double(const econind_result* result, size_t i) noexcept {
  const econind::Indicator* ind = indicator(result, i);
  return ind ? ind->value.to_double() : std::numeric_limits<double>::quiet_NaN();
}

const char* econind_indicator_value_max(const econind_result* result, size_t i) noexcept {
  const econind::Indicator* ind = indicator(result, i);
  return ind && ind->value_max ? result->strings[i].value_max.c_str() : nullptr;
}

double econind_indicator_value_max_double(const econind_result* result, size_t i) noexcept {
  const econind::Indicator* ind = indicator(result, i);
  return ind && ind->value_max ? ind->value_max->to_double() : std::numeric_limits<double>::quiet_NaN();
}

const char* econind_indicator_unit(const econind_result* result, size_t i) noexcept {
  const econind::Indicator* ind = indicator(result, i);
  return ind ? ind->unit.c_str() : nullptr;
}

const char* econind_indicator_qualifier(const econind_result* result, size_t i) noexcept {
  return indicator(result, i) ? result->strings[i].qualifier.c_str() : nullptr;
}

size_t econind_indicator_begin(const econind_result* result, size_t i) noexcept {
  const econind::Indicator* ind = indicator(result, i);
  return ind ? ind->span.begin : 0;
}

size_t econind_indicator_end(const econind_result* result, size_t i) noexcept {
  const econind::Indicator* ind = indicator(result, i);
  return ind ? ind->span.end : 0;
}

const char* econind_indicator_text(const econind_result* result, size_t i) noexcept {
  const econind::Indicator* ind = indicator(result, i);
  return ind ? ind->text.c_str() : nullptr;
}

size_t econind_indicator_sentence_begin(const econind_result* result, size_t i) noexcept {
  const econind::Indicator* ind = indicator(result, i);
  return ind ? ind->sentence.begin : 0;
}

size_t econind_indicator_sentence_end(const econind_result* result, size_t i) noexcept {
  const econind::Indicator* ind = indicator(result, i);
  return ind ? ind->sentence.end : 0;
}

int econind_indicator_year(const econind_result* result, size_t i) noexcept {
  const econind::Indicator* ind = indicator(result, i);
  return ind && ind->year ? *ind->year : 0;
}

int64_t econind_indicator_rank_of(const econind_result* result, size_t i) noexcept {
  const econind::Indicator* ind = indicator(result, i);
  return ind && ind->rank_of ? to_int64(*ind->rank_of) : 0;
}

int64_t econind_indicator_change_from(const econind_result* result, size_t i) noexcept {
  const econind::Indicator* ind = indicator(result, i);
  return ind && ind->change_from ? static_cast<int64_t>(*ind->change_from) : -1;
}

const char* econind_indicator_entity(const econind_result* result, size_t i, int role, int field) noexcept {
  const econind::Indicator* ind = indicator(result, i);
  if (!ind) return nullptr;
  const std::optional<econind::EntityRef>* e = nullptr;
  switch (role) {
    case ECONIND_SUBJECT: e = &ind->subject; break;
    case ECONIND_INDUSTRY: e = &ind->industry; break;
    case ECONIND_METRIC: e = &ind->metric; break;
    default: return nullptr;
  }
  return e && *e ? field_of(*(*e)->entity, field) : nullptr;
}

size_t econind_result_mention_count(const econind_result* result) noexcept {
  return result ? result->result.mentions.size() : 0;
}

const char* econind_mention_entity(const econind_result* result, size_t i, int field) noexcept {
  const econind::Mention* m = mention(result, i);
  return m && m->entity ? field_of(*m->entity, field) : nullptr;
}

size_t econind_mention_begin(const econind_result* result, size_t i) noexcept {
  const econind::Mention* m = mention(result, i);
  return m ? m->span.begin : 0;
}

size_t econind_mention_end(const econind_result* result, size_t i) noexcept {
  const econind::Mention* m = mention(result, i);
  return m ? m->span.end : 0;
}

size_t econind_result_diagnostic_count(const econind_result* result) noexcept {
  return result ? result->result.diagnostics.size() : 0;
}

const char* econind_diagnostic_code(const econind_result* result, size_t i) noexcept {
  return diagnostic(result, i) ? result->diagnostic_codes[i].c_str() : nullptr;
}

const char* econind_diagnostic_message(const econind_result* result, size_t i) noexcept {
  const econind::Diagnostic* d = diagnostic(result, i);
  return d ? d->message.c_str() : nullptr;
}

size_t econind_diagnostic_begin(const econind_result* result, size_t i) noexcept {
  const econind::Diagnostic* d = diagnostic(result, i);
  return d ? d->span.begin : 0;
}

size_t econind_diagnostic_end(const econind_result* result, size_t i) noexcept {
  const econind::Diagnostic* d = diagnostic(result, i);
  return d ? d->span.end : 0;
}

// ---- Serializing -----------------------------------------------------------------------------

char* econind_result_to_jsonl(const econind_result* result, const char* text, size_t len, const char* doc,
                              econind_error** err) noexcept {
  return guarded(err, static_cast<char*>(nullptr), [&] {
    const char* fn = "econind_result_to_jsonl";
    require(result != nullptr, fn, "result is NULL");
    std::string_view t = text_arg(text, len, fn);
    return malloc_copy(econind::to_jsonl(result->result, t, doc ? std::string_view(doc) : result->doc));
  });
}

char* econind_result_to_csv(const econind_result* result, const char* text, size_t len, const char* doc,
                            econind_error** err) noexcept {
  return guarded(err, static_cast<char*>(nullptr), [&] {
    const char* fn = "econind_result_to_csv";
    require(result != nullptr, fn, "result is NULL");
    std::string_view t = text_arg(text, len, fn);
    return malloc_copy(econind::to_csv(result->result, t, doc ? std::string_view(doc) : result->doc));
  });
}

const char* econind_csv_header(void) noexcept {
  try {
    static const std::string header = econind::csv_header();
    return header.c_str();
  } catch (...) {
    return "";
  }
}

}  // extern "C"
