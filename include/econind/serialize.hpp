#pragma once
#include <string>
#include <string_view>

#include "econind/export.hpp"
#include "econind/extractor.hpp"

namespace econind {

// One JSON object per indicator, one per line (JSONL), with the fields
// doc kind value value_max unit qualifier text begin end subject industry metric year rank_of
// change_from sentence. subject, industry and metric are {"id","name","name_en","type"}. `text` is the document the result came from (for the sentence). Values are exact
// decimals written as JSON numbers; unknown fields are null.
ECONIND_EXPORT std::string to_jsonl(const Result& result, std::string_view text, std::string_view doc);

// The same fields as CSV (RFC 4180 quoting); subject, industry and metric cells hold the same
// JSON object as in JSONL. The header line comes from csv_header().
ECONIND_EXPORT std::string csv_header();
ECONIND_EXPORT std::string to_csv(const Result& result, std::string_view text, std::string_view doc);

}  // namespace econind
