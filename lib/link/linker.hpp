#pragma once
// The linking stage: ties each indicator to the park, cluster or region it describes, its
// industry, its metric and its year, from the entity mentions and time expressions around it.
#include <optional>
#include <string_view>
#include <vector>

#include "econind/ontology.hpp"
#include "numbers/grammar.hpp"
#include "ontology/matcher.hpp"
#include "quantities/quantities.hpp"
#include "text/sentences.hpp"

namespace econind::detail {

struct LinkedEntity {
  const Entity* entity = nullptr;
  double confidence = 0;
};

struct Links {
  LinkedEntity subject, industry, metric;
  std::optional<int> year;
  std::optional<std::size_t> change_from;  // index of the quantity this one changed from
};

struct LinkInput {
  std::string_view text;  // normalized
  const std::vector<Sentence>& sentences;
  const std::vector<NumberToken>& numbers;
  const std::vector<EntityMatch>& mentions;
  std::optional<int> document_year;  // from DocumentInfo::date or the dateline
};

// One Links per quantity, in the same order. `reuse`, a result of an earlier call, lends its
// memory.
std::vector<Links> link(const LinkInput& in, const std::vector<Quantity>& quantities, std::vector<Links> reuse = {});

// The year of the document: a date or year near the top of the text (its dateline), if any.
std::optional<int> dateline_year(const std::vector<NumberToken>& numbers);

}  // namespace econind::detail
