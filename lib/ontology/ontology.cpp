#include "econind/ontology.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <optional>

#include "data/embedded.hpp"
#include "econind/error.hpp"
#include "ontology/matcher.hpp"
#include "util/tsv.hpp"

namespace econind {

namespace {

using detail::throw_data_error;

constexpr std::string_view kColumns[] = {"id",      "type",   "name_zh", "name_zh_hant", "name_en",
                                         "short_zh", "short_en", "parent", "aliases",      "attributes"};
constexpr std::size_t kColumnCount = std::size(kColumns);

constexpr EntityType kTypes[] = {EntityType::park, EntityType::cluster, EntityType::industry, EntityType::metric,
                                 EntityType::region};

std::optional<EntityType> parse_type(std::string_view s) {
  for (EntityType t : kTypes)
    if (to_string(t) == s) return t;
  return std::nullopt;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    std::size_t pos = s.find(sep, start);
    std::string_view part = trim(s.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
    if (!part.empty()) parts.push_back(part);
    if (pos == std::string_view::npos) return parts;
    start = pos + 1;
  }
}

std::string with_article(EntityType t) {
  std::string_view name = to_string(t);
  return (name.front() == 'i' ? "an " : "a ") + std::string(name);
}

std::string quoted(std::string_view s) { return "\"" + std::string(s) + "\""; }

std::string header_text() {
  std::string h;
  for (std::string_view c : kColumns) h += (h.empty() ? "" : ", ") + std::string(c);
  return h;
}

struct ParsedRow {
  Entity entity;
  std::size_t line;
};

ParsedRow parse_row(const detail::TsvRow& row, std::string_view source) {
  auto fail = [&](const std::string& what) { throw_data_error(source, row.line, what); };
  if (row.cells.size() != kColumnCount)
    fail("expected " + std::to_string(kColumnCount) + " tab-separated columns, found " +
         std::to_string(row.cells.size()));
  auto cell = [&](std::size_t i) { return std::string(trim(row.cells[i])); };

  Entity e;
  e.id = cell(0);
  if (e.id.empty()) fail("empty id");
  std::optional<EntityType> type = parse_type(trim(row.cells[1]));
  if (!type) fail("unknown type " + quoted(trim(row.cells[1])) + " of " + quoted(e.id));
  e.type = *type;
  e.name = cell(2);
  e.name_hant = cell(3);
  e.name_en = cell(4);
  e.short_name = cell(5);
  e.short_en = cell(6);
  e.parent = cell(7);
  if (e.name.empty() && e.name_en.empty()) fail(quoted(e.id) + " has neither name_zh nor name_en");
  for (std::string_view a : split(row.cells[8], '|')) e.aliases.emplace_back(a);
  for (std::string_view kv : split(row.cells[9], ';')) {
    std::size_t eq = kv.find('=');
    if (eq == std::string_view::npos || trim(kv.substr(0, eq)).empty())
      fail("attribute " + quoted(kv) + " of " + quoted(e.id) + " is not key=value");
    e.attributes.emplace_back(trim(kv.substr(0, eq)), trim(kv.substr(eq + 1)));
  }
  return {std::move(e), row.line};
}

// Calls f(text) for every name the matcher will know the entity by.
template <class F>
void for_each_name(const Entity& e, F&& f) {
  for (const std::string* s : {&e.name, &e.name_hant, &e.name_en, &e.short_name, &e.short_en})
    if (!s->empty()) f(*s);
  for (const std::string& a : e.aliases) f(a);
}

std::string collision_key(EntityType t, const std::string& name) {
  return std::string(to_string(t)) + '\t' + detail::alias_key(name);
}

}  // namespace

std::string_view to_string(EntityType t) {
  switch (t) {
    case EntityType::park: return "park";
    case EntityType::cluster: return "cluster";
    case EntityType::industry: return "industry";
    case EntityType::metric: return "metric";
    case EntityType::region: return "region";
  }
  return "unknown";
}

std::string Entity::attribute(std::string_view key) const {
  for (const auto& [k, v] : attributes)
    if (k == key) return v;
  return {};
}

const Ontology& Ontology::builtin() {
  static const Ontology builtin = [] {
    // Every embedded file under ontology/, in name order so the result never depends on the
    // build's file order.
    std::vector<detail::data::File> files;
    for (const detail::data::File& f : detail::data::files())
      if (f.name.substr(0, 9) == "ontology/") files.push_back(f);
    std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.name < b.name; });
    Ontology o;
    for (const auto& f : files) o.load_text(f.text, f.name);
    return o;
  }();
  return builtin;
}

void Ontology::load_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path + ": cannot open");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw Error(path + ": cannot read");
  load_text(text, path);
}

void Ontology::load_text(std::string_view text, std::string_view source) {
  std::vector<detail::TsvRow> rows = detail::read_tsv(text, source, 0);
  if (rows.empty()) return;  // nothing but comments
  const detail::TsvRow& header = rows.front();
  if (!std::equal(header.cells.begin(), header.cells.end(), std::begin(kColumns), std::end(kColumns),
                  [](std::string_view a, std::string_view b) { return trim(a) == b; }))
    throw_data_error(source, header.line, "expected the header row " + header_text());

  std::vector<ParsedRow> parsed;
  std::unordered_map<std::string, std::size_t> line_of;  // id → line, within this file
  for (std::size_t r = 1; r < rows.size(); ++r) {
    ParsedRow p = parse_row(rows[r], source);
    auto [it, fresh] = line_of.emplace(p.entity.id, p.line);
    if (!fresh)
      throw_data_error(source, p.line,
                       "duplicate id " + quoted(p.entity.id) + " (first on line " + std::to_string(it->second) + ")");
    parsed.push_back(std::move(p));
  }

  // Merge into copies, check, then commit: a failed load leaves the ontology as it was.
  std::vector<Entity> entities = entities_;
  std::unordered_map<std::string, std::size_t> index = index_;
  for (const ParsedRow& p : parsed) {
    auto it = index.find(p.entity.id);
    if (it == index.end()) {
      index.emplace(p.entity.id, entities.size());
      entities.push_back(p.entity);
      continue;
    }
    Entity& old = entities[it->second];
    // Children of the old entry still name it as parent; their type must stay its type.
    if (old.type != p.entity.type)
      throw_data_error(source, p.line,
                       "cannot change the type of " + quoted(old.id) + " from " + std::string(to_string(old.type)) +
                           " to " + std::string(to_string(p.entity.type)));
    old = p.entity;
  }

  // Earlier entries were checked when they were loaded; only this file's rows can break them.
  for (const ParsedRow& p : parsed) {
    const Entity& e = p.entity;
    if (e.parent.empty()) continue;
    auto fail = [&](const std::string& what) { throw_data_error(source, p.line, what); };
    auto it = index.find(e.parent);
    if (it == index.end()) fail("unknown parent " + quoted(e.parent) + " of " + quoted(e.id));
    const Entity& parent = entities[it->second];
    if (parent.type != e.type)
      fail("parent " + quoted(e.parent) + " of " + quoted(e.id) + " is " + with_article(parent.type) + ", not " +
           with_article(e.type));
    std::string_view cur = e.parent;
    for (std::size_t steps = 0; !cur.empty() && steps <= entities.size(); ++steps) {
      if (cur == e.id) fail("parent chain of " + quoted(e.id) + " leads back to itself");
      auto up = index.find(std::string(cur));
      cur = up == index.end() ? std::string_view() : std::string_view(entities[up->second].parent);
    }
  }

  // Two entries of one type must not share a name once normalized, or the matcher could not
  // tell them apart. Overridden entries give up their old names first.
  std::unordered_map<std::string, std::string> names = names_;
  for (const ParsedRow& p : parsed) {
    auto it = index_.find(p.entity.id);
    if (it == index_.end()) continue;
    for_each_name(entities_[it->second], [&](const std::string& name) {
      auto owner = names.find(collision_key(p.entity.type, name));
      if (owner != names.end() && owner->second == p.entity.id) names.erase(owner);
    });
  }
  for (const ParsedRow& p : parsed) {
    const Entity& e = p.entity;
    for_each_name(e, [&](const std::string& name) {
      auto [it, fresh] = names.emplace(collision_key(e.type, name), e.id);
      if (!fresh && it->second != e.id)
        throw_data_error(source, p.line,
                         "alias " + quoted(name) + " of " + quoted(e.id) + " collides with " + quoted(it->second));
    });
  }

  entities_ = std::move(entities);
  index_ = std::move(index);
  names_ = std::move(names);
}

const Entity* Ontology::find(std::string_view id) const {
  auto it = index_.find(std::string(id));
  return it == index_.end() ? nullptr : &entities_[it->second];
}

bool Ontology::is_a(std::string_view id, std::string_view ancestor_id) const {
  const Entity* e = find(id);
  for (std::size_t steps = 0; e && steps <= entities_.size(); ++steps) {
    if (e->id == ancestor_id) return true;
    e = e->parent.empty() ? nullptr : find(e->parent);
  }
  return false;
}

}  // namespace econind
