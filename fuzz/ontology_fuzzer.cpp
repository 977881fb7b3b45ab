// The ontology loader on any bytes. The input is one or more ontology files separated by form
// feeds, loaded in order; when the first starts with "#builtin" they are loaded on top of the
// built-in ontology. Each load either succeeds, leaving a consistent ontology (ids unique and
// found, parents of the same type, no cycles), or throws econind::Error naming the file and
// leaves the ontology as it was. An extractor built from the result then reads a text made of
// the loaded names without breaking any invariant.
#include <cstddef>
#include <cstdint>
#include <set>

#include "invariants.hpp"

using namespace econind;

namespace {

bool same_entities(const Ontology& a, const Ontology& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t k = 0; k < a.size(); ++k) {
    const Entity& x = a.entities()[k];
    const Entity& y = b.entities()[k];
    if (x.id != y.id || x.type != y.type || x.name != y.name || x.name_en != y.name_en || x.parent != y.parent ||
        x.aliases != y.aliases || x.attributes != y.attributes)
      return false;
  }
  return true;
}

void check_consistent(const Ontology& o) {
  std::set<std::string> ids;
  for (const Entity& e : o) {
    ECONIND_CHECK(!e.id.empty());
    ECONIND_CHECK_MSG(ids.insert(e.id).second, "duplicate id " + e.id);
    ECONIND_CHECK(o.find(e.id) == &e);
    ECONIND_CHECK(o.is_a(e.id, e.id));
    ECONIND_CHECK(fuzz::is_utf8(e.id) && fuzz::is_utf8(e.name) && fuzz::is_utf8(e.name_en));
    if (!e.parent.empty()) {
      const Entity* p = o.find(e.parent);
      ECONIND_CHECK_MSG(p != nullptr, "unknown parent " + e.parent);
      ECONIND_CHECK(p->type == e.type);
      ECONIND_CHECK(o.is_a(e.id, e.parent));
      ECONIND_CHECK_MSG(!o.is_a(e.parent, e.id), "parent cycle through " + e.id);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input(reinterpret_cast<const char*>(data), size);
  Ontology o;
  if (input.substr(0, 8) == "#builtin") o = Ontology::builtin();
  std::size_t file_no = 0;
  bool loaded_any = false;
  for (std::size_t start = 0; start <= input.size(); ++file_no) {
    std::size_t ff = input.find('\f', start);
    std::string_view file = input.substr(start, ff == std::string_view::npos ? std::string_view::npos : ff - start);
    start = ff == std::string_view::npos ? input.size() + 1 : ff + 1;
    std::string name = "fuzz" + std::to_string(file_no) + ".tsv";
    Ontology before = o;
    try {
      o.load_text(file, name);
      loaded_any = true;
    } catch (const Error& e) {
      std::string what = e.what();
      ECONIND_CHECK_MSG(what.rfind(name + ":", 0) == 0, what);
      ECONIND_CHECK_MSG(same_entities(o, before), "a failed load changed the ontology: " + what);
    }
    check_consistent(o);
  }
  if (!loaded_any || o.size() == 0 || o.size() > 2000) return 0;

  // Every name the loaded entries go by, in a sentence with figures, through an extractor
  // built from this ontology.
  std::string text;
  std::size_t names = 0;
  for (const Entity& e : o) {
    if (names++ >= 64) break;
    for (const std::string* s : {&e.name, &e.name_en, &e.short_name}) {
      if (!s->empty()) text += *s + "实现营业收入12.5亿元，增长3%，排名第4位。";
    }
    for (const std::string& a : e.aliases) text += a + " has 200 companies. ";
  }
  Extractor ex(Options{}, o);
  Result r = ex.extract(text);
  fuzz::check_result(r, text);
  ECONIND_CHECK(fuzz::same(r, ex.extract(text)));
  for (const Mention& m : r.mentions) ECONIND_CHECK(o.find(m.entity->id) != nullptr);
  return 0;
}
