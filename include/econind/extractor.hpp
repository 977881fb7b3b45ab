#pragma once
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "econind/common.hpp"
#include "econind/export.hpp"
#include "econind/indicator.hpp"
#include "econind/ontology.hpp"

namespace econind {

// What to look for.
struct Options {
  bool money = true;
  bool percent = true;
  bool count = true;
  bool rank = true;  // ranks and rank changes
  // Languages to read figures in: a sentence with Chinese characters is Chinese (Simplified
  // or Traditional), any other is English, unless DocumentInfo::language says otherwise.
  bool chinese = true;
  bool english = true;
};

// What the caller knows about a document.
struct DocumentInfo {
  // Braces on every member let callers write {"id", "2022-03-10"} without a warning.
  std::string id{};        // carried into serialized output
  std::string date{};      // "2022-03-10": the year 今年 / 去年 count from; else the text's dateline
  std::string language{};  // "zh" or "en" for the whole document; empty: decided per sentence
};

// A place, cluster, industry or metric named in the text, whether or not a figure is tied to it.
struct Mention {
  const Entity* entity = nullptr;  // in the Extractor's ontology, which the Result keeps alive
  Span span;                       // in the caller's original text
};

struct Result {
  std::vector<Indicator> indicators;  // in text order
  std::vector<Mention> mentions;      // in text order
  std::vector<Diagnostic> diagnostics;
  // Keeps the entities that mentions and EntityRefs point to alive, even after the Extractor is gone.
  std::shared_ptr<const Ontology> ontology;
};

// Built once (compiled lexicons, the ontology's matcher), then const: one Extractor may serve
// any number of threads at once.
class ECONIND_EXPORT Extractor {
 public:
  Extractor();
  explicit Extractor(Options options);
  // With an ontology of the caller's: Ontology::builtin() plus files loaded on top, say.
  Extractor(Options options, Ontology ontology);
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
