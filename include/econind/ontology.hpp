#pragma once
// The ontology: the parks, clusters, industries, metrics and regions econind recognises, with
// their Simplified, Traditional and English names. The library embeds a default set; users add
// or override entries with files in the same TSV format:
//
//   id  type  name_zh  name_zh_hant  name_en  short_zh  short_en  parent  aliases  attributes
//
// one header row, '#' comment lines, aliases '|'-separated, attributes "key=value;key=value",
// parent = id of the containing entry of the same type.
#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "econind/export.hpp"

namespace econind {

enum class EntityType { park, cluster, industry, metric, region };
ECONIND_EXPORT std::string_view to_string(EntityType t);

struct ECONIND_EXPORT Entity {
  std::string id;
  EntityType type = EntityType::park;
  std::string name;        // Simplified Chinese (name_zh)
  std::string name_hant;   // Traditional Chinese
  std::string name_en;
  std::string short_name;  // short_zh
  std::string short_en;
  std::string parent;      // id of the containing entity of the same type, or empty
  std::vector<std::string> aliases;
  std::vector<std::pair<std::string, std::string>> attributes;  // in file order

  // The value of attribute `key`, or empty when there is none.
  std::string attribute(std::string_view key) const;

  // The names news usually uses: the short form when there is one (兰州高新区, Lanzhou
  // High-tech Zone), else the full name.
  const std::string& usual_name() const { return short_name.empty() ? name : short_name; }
  const std::string& usual_name_en() const { return short_en.empty() ? name_en : short_en; }
};

// A set of entities keyed by id. A copyable value; const member functions are safe to call from
// several threads at once. Text matching lives in the library's internals (it works on
// normalized text); the extractor builds its matcher from the Ontology it is given.
class ECONIND_EXPORT Ontology {
 public:
  using const_iterator = std::vector<Entity>::const_iterator;

  Ontology() = default;  // empty; see builtin()

  // The embedded default data, built once on first use (thread-safe).
  static const Ontology& builtin();

  // Add entries, or replace existing ones with the same id wholesale. Throws econind::Error
  // "<file>:<line>: <problem>" on malformed input ("<path>: cannot open" for an unreadable
  // file) and then leaves the ontology unchanged.
  void load_file(const std::string& path);
  void load_text(std::string_view text, std::string_view source_name);

  const Entity* find(std::string_view id) const;  // nullptr when unknown
  std::size_t size() const { return entities_.size(); }

  // True when `id` is `ancestor_id` or has it on its parent chain.
  bool is_a(std::string_view id, std::string_view ancestor_id) const;

  const std::vector<Entity>& entities() const { return entities_; }
  const_iterator begin() const { return entities_.begin(); }
  const_iterator end() const { return entities_.end(); }

 private:
  std::vector<Entity> entities_;                        // load order; overrides keep their place
  std::unordered_map<std::string, std::size_t> index_;  // id → position in entities_
  std::unordered_map<std::string, std::string> names_;  // type + normalized name → id, for collisions
};

}  // namespace econind
