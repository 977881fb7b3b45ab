#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "econind/common.hpp"
#include "econind/export.hpp"
#include "econind/indicator.hpp"

namespace econind {

// What to look for.
struct Options {
  bool money = true;
  bool percent = true;
  bool count = true;
  bool rank = true;  // ranks and rank changes
};

// What the caller knows about a document.
struct DocumentInfo {
  std::string id;    // carried into serialized output
  std::string date;  // "2022-03-10": resolves 今年 / 去年 when the text has no dateline
};

struct Result {
  std::vector<Indicator> indicators;  // in text order
  std::vector<Diagnostic> diagnostics;
};

// Built once (compiled lexicons, embedded ontology), then const: one Extractor may serve any
// number of threads at once.
class ECONIND_EXPORT Extractor {
 public:
  Extractor();
  explicit Extractor(Options options);
  ~Extractor();
  Extractor(const Extractor&);
  Extractor& operator=(const Extractor&);
  Extractor(Extractor&&) noexcept;
  Extractor& operator=(Extractor&&) noexcept;

  // `text` is UTF-8 (invalid bytes are repaired and reported). Never throws on bad text.
  Result extract(std::string_view text, const DocumentInfo& info = {}) const;

  const Options& options() const;

 private:
  struct Impl;
  std::shared_ptr<const Impl> impl_;
};

}  // namespace econind
