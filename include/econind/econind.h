/* econind.h: the C API of econind, for C programs and for other languages' foreign-function
 * interfaces (Python ctypes/cffi, R, Julia, Go cgo, ...).
 *
 * - Opaque handles, each with its own free function; every free function accepts NULL.
 * - Functions that can fail take `econind_error** err` last. On failure they return NULL (or
 *   0) and, when `err` is not NULL, store a new error in *err that the caller frees with
 *   econind_error_free(); on success they store NULL there. Passing NULL for `err` ignores
 *   the details.
 * - No C++ exception ever leaves a function of this header, and none aborts.
 * - Bad *text* is data, not an error: invalid UTF-8 is repaired and reported as a diagnostic
 *   of the result. Bad *configuration* (a malformed ontology file) is an error whose message
 *   names the file and the line.
 * - Strings are UTF-8 and NUL-terminated. Strings returned as `const char*` belong to the
 *   object they came from and live as long as it does; strings returned as `char*` are the
 *   caller's, to free with econind_string_free().
 * - An extractor is immutable once made: any number of threads may call econind_extract() on
 *   one extractor at once. Results and errors belong to the caller.
 */
#ifndef ECONIND_ECONIND_H
#define ECONIND_ECONIND_H

#include <stddef.h>
#include <stdint.h>

#include "econind/export.hpp"

#ifdef __cplusplus
#define ECONIND_NOEXCEPT noexcept
extern "C" {
#else
#define ECONIND_NOEXCEPT
#endif

typedef struct econind_extractor econind_extractor;
typedef struct econind_result econind_result;
typedef struct econind_error econind_error;

/* ---- Errors ------------------------------------------------------------------------------ */

typedef enum econind_code {
  ECONIND_OK = 0,
  ECONIND_INVALID_ARGUMENT = 1, /* a NULL where an object is required, an unknown flag ... */
  ECONIND_BAD_CONFIG = 2,       /* an ontology file that cannot be read or is malformed */
  ECONIND_OUT_OF_MEMORY = 3,
  ECONIND_INTERNAL = 4          /* anything else: a bug in econind */
} econind_code;

/* ECONIND_OK for NULL. */
ECONIND_EXPORT econind_code econind_error_code(const econind_error* error) ECONIND_NOEXCEPT;
/* "" for NULL. For ECONIND_BAD_CONFIG: "<file>:<line>: <problem>" or "<file>: cannot open". */
ECONIND_EXPORT const char* econind_error_message(const econind_error* error) ECONIND_NOEXCEPT;
ECONIND_EXPORT void econind_error_free(econind_error* error) ECONIND_NOEXCEPT;
/* The name of an econind_code: "ok", "invalid_argument", "bad_config", "out_of_memory",
 * "internal"; "unknown" for any other number. */
ECONIND_EXPORT const char* econind_code_name(int code) ECONIND_NOEXCEPT;

/* ---- Library ----------------------------------------------------------------------------- */

/* "0.1.0": the version of the library actually loaded. */
ECONIND_EXPORT const char* econind_version(void) ECONIND_NOEXCEPT;
/* Frees a string this API returned as `char*`. NULL is fine. */
ECONIND_EXPORT void econind_string_free(char* s) ECONIND_NOEXCEPT;

typedef enum econind_log_level {
  ECONIND_LOG_TRACE = 0,
  ECONIND_LOG_DEBUG = 1,
  ECONIND_LOG_INFO = 2,
  ECONIND_LOG_WARN = 3,
  ECONIND_LOG_ERROR = 4,
  ECONIND_LOG_OFF = 5
} econind_log_level;

/* The library is silent except for warnings and errors, which go to stderr. These change that
 * for the whole process. `level` is an econind_log_level; ECONIND_INVALID_ARGUMENT for any other
 * number. */
ECONIND_EXPORT econind_code econind_set_log_level(int level) ECONIND_NOEXCEPT;
/* Sends each message to `callback` (with `user` passed through) instead of stderr; NULL restores
 * stderr. The message is not NUL-terminated: use `len`. */
typedef void (*econind_log_callback)(econind_log_level level, const char* message, size_t len, void* user);
ECONIND_EXPORT void econind_set_log_callback(econind_log_callback callback, void* user) ECONIND_NOEXCEPT;

/* ---- Extractors -------------------------------------------------------------------------- */

/* What to look for: a bitwise OR of these. */
#define ECONIND_FIND_MONEY 1u
#define ECONIND_FIND_PERCENT 2u
#define ECONIND_FIND_COUNT 4u
#define ECONIND_FIND_RANK 8u /* ranks and rank changes */
#define ECONIND_FIND_ALL 15u

/* Everything, with the built-in ontology. */
ECONIND_EXPORT econind_extractor* econind_extractor_new(econind_error** err) ECONIND_NOEXCEPT;
/* `find`: ECONIND_FIND_* flags (not 0). `ontology_files`: `n_files` paths of ontology TSV files
 * (see ontology.hpp for the format) loaded in order on top of the built-in ontology; their
 * entries add to it or replace built-in entries with the same id. `ontology_files` may be NULL
 * when `n_files` is 0. */
ECONIND_EXPORT econind_extractor* econind_extractor_new_ex(unsigned find, const char* const* ontology_files,
                                                           size_t n_files, econind_error** err) ECONIND_NOEXCEPT;
ECONIND_EXPORT void econind_extractor_free(econind_extractor* extractor) ECONIND_NOEXCEPT;

/* ---- Extraction -------------------------------------------------------------------------- */

/* Finds the indicators in `len` bytes of UTF-8 `text` (which need not be NUL-terminated and may
 * hold invalid bytes). `doc_id` (may be NULL) is carried into econind_result_to_jsonl(). `text`
 * may be NULL only when `len` is 0. */
ECONIND_EXPORT econind_result* econind_extract(const econind_extractor* extractor, const char* text, size_t len,
                                               const char* doc_id, econind_error** err) ECONIND_NOEXCEPT;
/* The same, with the document's date ("2022-03-10", may be NULL): the year that 今年 and 去年
 * count from when the text has no dateline. */
ECONIND_EXPORT econind_result* econind_extract_dated(const econind_extractor* extractor, const char* text,
                                                     size_t len, const char* doc_id, const char* date,
                                                     econind_error** err) ECONIND_NOEXCEPT;
/* One expression, such as "200多亿元" or "位列第53名": a result holding its one indicator when the
 * text holds exactly one figure of kind `find` (exactly one ECONIND_FIND_* flag), else an empty
 * result. */
ECONIND_EXPORT econind_result* econind_parse(unsigned find, const char* text, size_t len,
                                             econind_error** err) ECONIND_NOEXCEPT;
ECONIND_EXPORT void econind_result_free(econind_result* result) ECONIND_NOEXCEPT;

/* ---- Reading a result ---------------------------------------------------------------------
 * Indicators are numbered 0 .. count-1 in text order. With a NULL result or an index out of
 * range these return NULL, 0, or NaN for doubles, and never fail otherwise. */

ECONIND_EXPORT size_t econind_result_count(const econind_result* result) ECONIND_NOEXCEPT;

/* "money", "percent", "count", "rank" or "rank_change". */
ECONIND_EXPORT const char* econind_indicator_kind(const econind_result* result, size_t i) ECONIND_NOEXCEPT;
/* The exact value in shortest decimal notation: 128.64亿元 is "12864000000", 54.03% is "54.03". */
ECONIND_EXPORT const char* econind_indicator_value(const econind_result* result, size_t i) ECONIND_NOEXCEPT;
/* The same value as the nearest double. */
ECONIND_EXPORT double econind_indicator_value_double(const econind_result* result, size_t i) ECONIND_NOEXCEPT;
/* The upper bound of a range (8万亿至10万亿元); NULL, or NaN, when the figure is no range. */
ECONIND_EXPORT const char* econind_indicator_value_max(const econind_result* result, size_t i) ECONIND_NOEXCEPT;
ECONIND_EXPORT double econind_indicator_value_max_double(const econind_result* result, size_t i) ECONIND_NOEXCEPT;
/* "CNY", "USD", "%", "pp", "家", "enterprises", ...; "" when there is none. */
ECONIND_EXPORT const char* econind_indicator_unit(const econind_result* result, size_t i) ECONIND_NOEXCEPT;
/* "exact", "approx", "more_than", "nearly", "at_least", "less_than" or "at_most". */
ECONIND_EXPORT const char* econind_indicator_qualifier(const econind_result* result, size_t i) ECONIND_NOEXCEPT;
/* The figure's bytes [begin, end) in the text given to econind_extract(), and a copy of them
 * (NUL-terminated: a NUL byte inside the figure, read as a blank, ends the copy early; begin
 * and end are always exact). */
ECONIND_EXPORT size_t econind_indicator_begin(const econind_result* result, size_t i) ECONIND_NOEXCEPT;
ECONIND_EXPORT size_t econind_indicator_end(const econind_result* result, size_t i) ECONIND_NOEXCEPT;
ECONIND_EXPORT const char* econind_indicator_text(const econind_result* result, size_t i) ECONIND_NOEXCEPT;
/* The bytes [begin, end) of the sentence holding the figure. */
ECONIND_EXPORT size_t econind_indicator_sentence_begin(const econind_result* result, size_t i) ECONIND_NOEXCEPT;
ECONIND_EXPORT size_t econind_indicator_sentence_end(const econind_result* result, size_t i) ECONIND_NOEXCEPT;
/* The year the figure is for, or 0 when the text does not say. */
ECONIND_EXPORT int econind_indicator_year(const econind_result* result, size_t i) ECONIND_NOEXCEPT;
/* N of "rank 53 of N", or 0 when not given. */
ECONIND_EXPORT int64_t econind_indicator_rank_of(const econind_result* result, size_t i) ECONIND_NOEXCEPT;
/* For the second figure of 从3.83亿元增加到141.27亿元: the index of the first; else -1. */
ECONIND_EXPORT int64_t econind_indicator_change_from(const econind_result* result, size_t i) ECONIND_NOEXCEPT;

/* What an indicator is linked to, and which of that entity's fields to read. The functions
 * take these as int, so that any number a foreign caller passes is well defined. */
typedef enum econind_role { ECONIND_SUBJECT = 0, ECONIND_INDUSTRY = 1, ECONIND_METRIC = 2 } econind_role;
typedef enum econind_field {
  ECONIND_FIELD_ID = 0,      /* "hefei-hitech", "output_value" */
  ECONIND_FIELD_NAME = 1,    /* 合肥高新区 */
  ECONIND_FIELD_NAME_EN = 2, /* Hefei High-tech Zone */
  ECONIND_FIELD_TYPE = 3     /* "park", "cluster", "region", "industry" or "metric" */
} econind_field;
/* `role`: an econind_role; `field`: an econind_field. NULL when the indicator is not linked to
 * an entity in that role, or role or field is not one of the enum's values. */
ECONIND_EXPORT const char* econind_indicator_entity(const econind_result* result, size_t i, int role,
                                                    int field) ECONIND_NOEXCEPT;

/* Every park, cluster, region, industry or metric named in the text, in text order. */
ECONIND_EXPORT size_t econind_result_mention_count(const econind_result* result) ECONIND_NOEXCEPT;
ECONIND_EXPORT const char* econind_mention_entity(const econind_result* result, size_t i,
                                                  int field) ECONIND_NOEXCEPT;
ECONIND_EXPORT size_t econind_mention_begin(const econind_result* result, size_t i) ECONIND_NOEXCEPT;
ECONIND_EXPORT size_t econind_mention_end(const econind_result* result, size_t i) ECONIND_NOEXCEPT;

/* What was wrong with the text: "invalid_utf8", "out_of_range" or "too_many", with a message
 * and the bytes concerned. */
ECONIND_EXPORT size_t econind_result_diagnostic_count(const econind_result* result) ECONIND_NOEXCEPT;
ECONIND_EXPORT const char* econind_diagnostic_code(const econind_result* result, size_t i) ECONIND_NOEXCEPT;
ECONIND_EXPORT const char* econind_diagnostic_message(const econind_result* result, size_t i) ECONIND_NOEXCEPT;
ECONIND_EXPORT size_t econind_diagnostic_begin(const econind_result* result, size_t i) ECONIND_NOEXCEPT;
ECONIND_EXPORT size_t econind_diagnostic_end(const econind_result* result, size_t i) ECONIND_NOEXCEPT;

/* ---- Serializing ------------------------------------------------------------------------- */

/* One JSON object per indicator, one per line, as the C++ to_jsonl(): `text`/`len` is the text
 * the result came from (for the "sentence" field; NULL/0 leaves it empty), `doc` the "doc" field
 * (NULL: the doc_id given to econind_extract()). Free with econind_string_free(). */
ECONIND_EXPORT char* econind_result_to_jsonl(const econind_result* result, const char* text, size_t len,
                                             const char* doc, econind_error** err) ECONIND_NOEXCEPT;
/* The same fields as CSV rows; the header line is econind_csv_header(). */
ECONIND_EXPORT char* econind_result_to_csv(const econind_result* result, const char* text, size_t len,
                                           const char* doc, econind_error** err) ECONIND_NOEXCEPT;
ECONIND_EXPORT const char* econind_csv_header(void) ECONIND_NOEXCEPT;

#ifdef __cplusplus
}  /* extern "C" */
#endif

#endif /* ECONIND_ECONIND_H */
