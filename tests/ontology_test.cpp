#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>

#include "catch.hpp"
#include "data/embedded.hpp"
#include "econind/error.hpp"
#include "econind/ontology.hpp"
#include "ontology/matcher.hpp"
#include "text/normalize.hpp"

using econind::Entity;
using econind::EntityType;
using econind::Ontology;
using econind::Span;
using econind::detail::AliasMatcher;
using econind::detail::EntityMatch;
using econind::detail::normalize;

namespace {

// A small deterministic generator for the generated texts below: random(n) is in [0, n).
struct RandomBelow {
  std::uint32_t seed;
  std::uint32_t operator()(std::uint32_t bound) {
    seed = seed * 1664525u + 1013904223u;
    return (seed >> 8) % bound;
  }
};

const char* const kHeader = "id\ttype\tname_zh\tname_zh_hant\tname_en\tshort_zh\tshort_en\tparent\taliases\tattributes\n";

// "id@begin-end" for every match in the normalized form of `text`.
std::vector<std::string> matches(const AliasMatcher& m, std::string_view text) {
  std::vector<std::string> out;
  for (const EntityMatch& x : m.find_all(normalize(text).text))
    out.push_back(x.entity->id + "@" + std::to_string(x.span.begin) + "-" + std::to_string(x.span.end));
  return out;
}

// The entity ids the matcher finds in `text`.
std::vector<std::string> ids(const AliasMatcher& m, std::string_view text) {
  std::vector<std::string> out;
  for (const EntityMatch& x : m.find_all(normalize(text).text)) out.push_back(x.entity->id);
  return out;
}

using Ids = std::vector<std::string>;

// The message of the econind::Error that loading `text` into a copy of the builtin throws.
std::string load_error(std::string_view text, std::string_view name = "user.tsv") {
  Ontology o = Ontology::builtin();
  try {
    o.load_text(text, name);
  } catch (const econind::Error& e) {
    return e.what();
  }
  return "(no error)";
}

std::filesystem::path write_temp(const std::string& name, const std::string& text) {
  auto path = std::filesystem::temp_directory_path() / name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

std::size_t count_code_points(std::string_view s) {
  std::size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

}  // namespace

TEST_CASE("builtin ontology holds the reference data", "[ontology]") {
  const Ontology& o = Ontology::builtin();
  std::map<EntityType, std::size_t> per_type;
  std::size_t htz = 0;
  for (const Entity& e : o) {
    ++per_type[e.type];
    if (e.type == EntityType::park && e.attribute("kind") == "national_hitech_zone") ++htz;
  }
  CHECK(htz >= 176);
  CHECK(per_type[EntityType::park] >= 191);
  CHECK(per_type[EntityType::cluster] == 5);
  CHECK(per_type[EntityType::industry] == 31);
  CHECK(per_type[EntityType::metric] == 33);
  CHECK(per_type[EntityType::region] >= 35);  // China + 34 provincial-level divisions + cities
  CHECK(o.size() == per_type[EntityType::park] + per_type[EntityType::cluster] + per_type[EntityType::industry] +
                        per_type[EntityType::metric] + per_type[EntityType::region]);

  const Entity* lz = o.find("lanzhou-hitech");
  REQUIRE(lz);
  CHECK(lz->type == EntityType::park);
  CHECK(lz->name == "兰州高新技术产业开发区");
  CHECK(lz->name_hant == "蘭州高新技術產業開發區");
  CHECK(lz->name_en == "Lanzhou Hi-tech Industrial Development Zone");
  CHECK(lz->short_name == "兰州高新区");
  CHECK(lz->short_en == "Lanzhou High-tech Zone");
  CHECK(lz->attribute("kind") == "national_hitech_zone");
  CHECK(lz->attribute("province") == "甘肃省");
  CHECK(lz->attribute("city") == "兰州市");
  CHECK(lz->attribute("region") == "lanzhou");
  CHECK(lz->attribute("approved") == "1991");
  CHECK(lz->attribute("no-such-key").empty());
  CHECK(o.find("no-such-id") == nullptr);

  CHECK(o.find("chengdu-tianfu-bio-town")->parent == "chengdu-hitech");
  CHECK(o.find("biologics")->parent == "biomedicine");
  CHECK(o.find("tax")->parent == "fiscal_revenue");
  CHECK(o.find("lanzhou")->parent == "gansu");
  CHECK(o.find("gansu")->short_name == "甘肃");
  CHECK(o.find("gansu")->short_en == "Gansu");
  CHECK(o.find("gansu")->name_en == "Gansu Province");
  CHECK(o.find("lanzhou-biologics-cluster")->attribute("park") == "lanzhou-hitech");
  CHECK(o.find("lanzhou-biologics-cluster")->attribute("industry") == "biologics");
  CHECK(o.find("output_value")->attribute("kind") == "money");

  CHECK(o.is_a("tcm-natural-medicine", "biomedicine"));
  CHECK(o.is_a("tcm-natural-medicine", "tcm"));
  CHECK(o.is_a("biomedicine", "biomedicine"));
  CHECK_FALSE(o.is_a("biomedicine", "tcm"));
  CHECK(o.is_a("tax", "fiscal_revenue"));
  CHECK(o.is_a("lanzhou", "china"));
  CHECK(o.is_a("chengdu-tianfu-bio-town", "chengdu-hitech"));
  CHECK_FALSE(o.is_a("chengdu-hitech", "chengdu-tianfu-bio-town"));
  CHECK_FALSE(o.is_a("no-such-id", "biomedicine"));

  CHECK(econind::to_string(EntityType::park) == "park");
  CHECK(econind::to_string(EntityType::cluster) == "cluster");
  CHECK(econind::to_string(EntityType::industry) == "industry");
  CHECK(econind::to_string(EntityType::metric) == "metric");
  CHECK(econind::to_string(EntityType::region) == "region");
}

TEST_CASE("builtin knows the names news uses", "[ontology]") {
  const AliasMatcher& m = AliasMatcher::builtin();
  for (const char* name : {"兰州高新区", "蘭州高新區", "兰州高新技术产业开发区", "Lanzhou High-tech Zone",
                           "Lanzhou New & Hi-tech Industrial Development Zone", "兰州国家高新区"})
    CHECK(ids(m, name) == Ids{"lanzhou-hitech"});
  for (const char* name : {"东湖高新区", "光谷", "Optics Valley", "中国光谷"})
    CHECK(ids(m, name) == Ids{"wuhan-east-lake-hitech"});
  for (const char* name : {"杨凌示范区", "杨凌农业高新技术产业示范区", "楊凌示範區"})
    CHECK(ids(m, name) == Ids{"yangling-agri-zone"});
  CHECK(ids(m, "中山火炬高新区") == Ids{"zhongshan-torch-hitech"});
  CHECK(ids(m, "北京银行保险产业园") == Ids{"beijing-banking-insurance-park"});
  CHECK(ids(m, "成都天府国际生物城") == Ids{"chengdu-tianfu-bio-town"});
  CHECK(ids(m, "中关村") == Ids{"zhongguancun-science-park"});
  // Sub-parks and zones news names on their own: the longer name wins over 光谷, 深圳 or 香港.
  for (const char* name : {"光谷生物城", "武漢光谷生物城", "Optics Valley Biolake"})
    CHECK(ids(m, name) == Ids{"wuhan-optics-valley-biolake"});
  CHECK(ids(m, "科大矽谷") == Ids{"hefei-ustc-silicon-valley"});
  CHECK(ids(m, "河套深港科技創新合作區") == Ids{"hetao-innovation-zone"});
  CHECK(ids(m, "港深创新及科技园") == Ids{"hong-kong-shenzhen-itp"});

  for (const char* name : {"兰州市", "兰州", "蘭州", "Lanzhou"}) CHECK(ids(m, name) == Ids{"lanzhou"});
  for (const char* name : {"甘肃", "甘肃省", "甘肅", "Gansu", "Gansu Province"}) CHECK(ids(m, name) == Ids{"gansu"});
  for (const char* name : {"全国", "我国", "China", "mainland China"}) CHECK(ids(m, name) == Ids{"china"});
  CHECK(ids(m, "国内外").empty());  // 国内 is too common a word to name the country
  for (const char* name : {"长三角", "長三角地區", "Yangtze River Delta"}) CHECK(ids(m, name) == Ids{"yangtze-river-delta"});
  for (const char* name : {"大湾区", "粵港澳大灣區", "Greater Bay Area"}) CHECK(ids(m, name) == Ids{"greater-bay-area"});
  CHECK(ids(m, "成渝地区双城经济圈") == Ids{"chengdu-chongqing"});
  for (const char* name : {"国家高新区", "國家高新區", "national high-tech zones"})
    CHECK(ids(m, name) == Ids{"national-hitech-zones"});

  for (const char* name : {"健康生物", "大健康生物", "医药健康", "生物产业", "医药"})
    CHECK(ids(m, name) == Ids{"biomedicine"});
  CHECK(ids(m, "健康产业") == Ids{"big-health"});

  CHECK(ids(m, "生产总值") == Ids{"gdp"});
  CHECK(ids(m, "财政总收入") == Ids{"fiscal_revenue"});
  CHECK(ids(m, "地方财政收入") == Ids{"fiscal_revenue"});
  CHECK(ids(m, "签约总额") == Ids{"contracted_investment"});
  CHECK(ids(m, "科工贸产值") == Ids{"output_value"});
  CHECK(ids(m, "产值规模") == Ids{"output_value"});
  CHECK(ids(m, "现金投入") == Ids{"investment"});
  CHECK(ids(m, "总投资") == Ids{"investment"});
  CHECK(ids(m, "营业收入") == Ids{"revenue"});

  // Too generic to name a park on their own (医药城 still holds the industry word 医药).
  for (const char* word : {"园区", "高新区", "东湖", "火炬", "火炬区", "生物城", "医药城", "it", "IT", "sip", "CMC"}) {
    INFO(word);
    for (const EntityMatch& x : m.find_all(normalize(word).text)) CHECK(x.entity->type != EntityType::park);
  }
  CHECK(ids(m, "医药城") == Ids{"biomedicine"});
  CHECK(ids(m, "it is") == Ids{});
}

TEST_CASE("matcher works on normalized text with spans that map back", "[ontology]") {
  const AliasMatcher& m = AliasMatcher::builtin();

  CHECK(matches(m, "蘭州高新區") == Ids{"lanzhou-hitech@0-15"});

  std::string in = "据悉，蘭州高新區2023年";
  auto n = normalize(in);
  REQUIRE(n.text == "据悉,兰州高新区2023年");
  auto found = m.find_all(n.text);
  REQUIRE(found.size() == 1);
  CHECK(found[0].entity->id == "lanzhou-hitech");
  CHECK(found[0].span == Span{7, 22});
  CHECK(n.map.to_original(found[0].span) == Span{9, 24});
}

TEST_CASE("matcher prefers the leftmost longest name", "[ontology]") {
  const AliasMatcher& m = AliasMatcher::builtin();
  CHECK(matches(m, "成都天府国际生物城") == Ids{"chengdu-tianfu-bio-town@0-27"});
  CHECK(ids(m, "甘肃兰州高新区") == Ids{"gansu", "lanzhou-hitech"});
  CHECK(ids(m, "兰州国家生物医药产业基地") == Ids{"lanzhou-national-biomed-base"});
  CHECK(ids(m, "国内生产总值") == Ids{"gdp"});
  CHECK(ids(m, "成都和兰州的生物医药产业") == Ids{"chengdu", "lanzhou", "biomedicine"});
}

TEST_CASE("matcher finds English names case-insensitively at word boundaries", "[ontology]") {
  const AliasMatcher& m = AliasMatcher::builtin();
  CHECK(matches(m, "The Lanzhou High-tech Zone grew.") == Ids{"lanzhou-hitech@4-26"});
  CHECK(matches(m, "the lanzhou high-tech zone grew") == Ids{"lanzhou-hitech@4-26"});
  CHECK(matches(m, "LANZHOU HIGH-TECH ZONE") == Ids{"lanzhou-hitech@0-22"});
  CHECK(ids(m, "XLanzhou High-tech Zone").empty());
  CHECK(ids(m, "Lanzhoux").empty());
  CHECK(ids(m, "in Lanzhou, Gansu") == Ids{"lanzhou", "gansu"});
  CHECK(ids(m, "兰州Lanzhou") == Ids{"lanzhou", "lanzhou"});
  CHECK(ids(m, "Xi’an High-tech Zone") == Ids{"xian-hitech"});
  // Hi-tech and High-tech name the same zone, whichever of them the ontology holds.
  CHECK(ids(m, "Shenzhen High-tech Industrial Park") == Ids{"shenzhen-hitech"});
  CHECK(ids(m, "Lanzhou Hi-Tech Zone") == Ids{"lanzhou-hitech"});
}

TEST_CASE("one name shared by entities of different types gives one match each", "[ontology]") {
  Ontology o;
  o.load_text(std::string(kHeader) +
                  "p1\tpark\t示范园\t\tDemo Park\t\t\t\t示范\t\n"
                  "r1\tregion\t示范市\t\tDemo City\t\t\t\t示范\t\n",
              "shared.tsv");
  AliasMatcher m(o);
  CHECK(matches(m, "在示范") == Ids{"p1@3-9", "r1@3-9"});
  CHECK(matches(m, "示范园") == Ids{"p1@0-9"});
  CHECK(m.pattern_count() == 5);
}

// Names inside, across and around each other, and Latin names with their word boundaries.
constexpr const char* kNestedNames =
    "a\tindustry\t甲乙丙丁\t\t\t\t\t\t\t\n"
    "b\tindustry\t乙丙\t\t\t\t\t\t\t\n"
    "c\tindustry\t乙丙丁戊\t\t\t\t\t\t\t\n"
    "d\tindustry\t丙\t\t\t\t\t\t\t\n"
    "e\tindustry\tab\t\t\t\t\t\tab-c|x1\t\n";

TEST_CASE("matcher handles nested and overlapping names", "[ontology]") {
  Ontology o;
  o.load_text(std::string(kHeader) + kNestedNames, "nested.tsv");
  AliasMatcher m(o);
  CHECK(matches(m, "甲乙丙丁戊") == Ids{"a@0-12"});
  CHECK(matches(m, "乙丙丁戊己") == Ids{"c@0-12"});
  CHECK(matches(m, "甲乙丙戊") == Ids{"b@3-9"});      // inside an unfinished longer name
  CHECK(matches(m, "丙丙乙丙") == Ids{"d@0-3", "d@3-6", "b@6-12"});
  CHECK(matches(m, "乙丙丁") == Ids{"b@0-6"});        // 乙丙丁戊 is not complete
  CHECK(matches(m, "AB-C ab") == Ids{"e@0-4", "e@5-7"});
  CHECK(matches(m, "abc x1y x1") == Ids{"e@8-10"});   // Latin names end at a word boundary
  CHECK(matches(m, "x1丙") == Ids{"e@0-2", "d@2-5"});
  CHECK(m.find_all("").empty());
}

namespace {

bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Every key of an ontology's names, with the entities it names, as AliasMatcher sees them.
using NaiveKeys = std::map<std::string, std::vector<const Entity*>>;
NaiveKeys naive_keys(const Ontology& o) {
  NaiveKeys keys;
  for (const Entity& e : o) {
    std::vector<std::string> names = {e.name, e.name_hant, e.name_en, e.short_name, e.short_en};
    names.insert(names.end(), e.aliases.begin(), e.aliases.end());
    for (const std::string& name : names) {
      for (const std::string& key : econind::detail::alias_keys(name)) {
        auto& list = keys[key];
        if (std::find(list.begin(), list.end(), &e) == list.end()) list.push_back(&e);
      }
    }
  }
  return keys;
}

// What AliasMatcher::find_all must return, found the slow way: at each byte try every key.
std::vector<std::string> naive_matches(const NaiveKeys& keys, const std::string& text) {
  std::string folded = text;
  for (char& c : folded)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  std::vector<std::string> out;
  for (std::size_t p = 0; p < text.size();) {
    const std::string* best = nullptr;
    for (const auto& entry : keys) {
      const std::string& key = entry.first;
      std::size_t end = p + key.size();
      if (key.empty() || end > text.size() || folded.compare(p, key.size(), key) != 0) continue;
      if (is_word_char(key.front()) && p > 0 && is_word_char(text[p - 1])) continue;
      if (is_word_char(key.back()) && end < text.size() && is_word_char(text[end])) continue;
      if (best == nullptr || key.size() > best->size()) best = &key;
    }
    if (best == nullptr) {
      ++p;
      continue;
    }
    auto list = keys.at(*best);
    std::stable_sort(list.begin(), list.end(), [](const Entity* a, const Entity* b) { return a->type < b->type; });
    for (const Entity* e : list)
      out.push_back(e->id + "@" + std::to_string(p) + "-" + std::to_string(p + best->size()));
    p += best->size();
  }
  return out;
}
std::vector<std::string> naive_matches(const Ontology& o, const std::string& text) {
  return naive_matches(naive_keys(o), text);
}

}  // namespace

TEST_CASE("matcher falls back to a shorter name when a longer one would cut a word", "[ontology]") {
  Ontology o;
  o.load_text(std::string(kHeader) +
                  "s\tregion\t短\t\tShort\t\t\t\t\t\n"
                  "l\tpark\t长\t\tShort Long\t\t\t\t\t\n",
              "fallback.tsv");
  AliasMatcher m(o);
  CHECK(matches(m, "Short Longer") == Ids{"s@0-5"});
  CHECK(matches(m, "short long.") == Ids{"l@0-10"});
  CHECK(matches(m, "Shorter Long") == Ids{});
}

TEST_CASE("matcher agrees with trying every name at every byte", "[ontology]") {
  Ontology o;
  o.load_text(std::string(kHeader) + kNestedNames +
                  "m\tmetric\t甲x\t\tAb丙\t\t\t\t甲xy乙\t\n"
                  "s\tregion\t短\t\tShort\t\t\t\t示范\t\n"
                  "l\tpark\t长\t\tShort Long\t\t\t\t示范|long-term plan\t\n",
              "agree.tsv");
  AliasMatcher m(o);
  // Texts long enough to cross the matcher's blocks, built from names, their pieces in both
  // cases, and bytes that join or separate words.
  const std::vector<std::string> pieces = {"甲乙丙丁", "乙丙", "乙丙丁戊", "丙", "AB", "ab-C", "X1", "甲X", "aB丙",
                                           "甲xY乙", "SHORT", "short long", "示范", "Long-Term plan", "甲", "乙",
                                           "丁", "戊", "a", "b", "x", "1", " ", "-", "，", "的", "Long", "term"};
  RandomBelow random{12345u};
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    std::uint32_t count = random(60);
    for (std::uint32_t i = 0; i < count; ++i) text += pieces[random(static_cast<std::uint32_t>(pieces.size()))];
    INFO(text);
    CHECK(matches(m, text) == naive_matches(o, normalize(text).text));
  }
}

TEST_CASE("builtin matcher agrees with trying every name at every byte", "[ontology]") {
  const AliasMatcher& m = AliasMatcher::builtin();
  const NaiveKeys keys = naive_keys(Ontology::builtin());
  std::vector<std::string> names;
  for (const auto& entry : keys) names.push_back(entry.first);
  // Texts of names, cut names (at character boundaries), names in other cases and text that
  // joins or separates them, long enough to cross the matcher's spans and ending anywhere.
  const std::vector<std::string> glue = {"", " ", ",", "的", "和", "-", "x", "7", "中", "。", "区"};
  RandomBelow random{2024u};
  for (int round = 0; round < 60; ++round) {
    std::string text;
    std::uint32_t count = random(40);
    for (std::uint32_t i = 0; i < count; ++i) {
      std::string piece = names[random(static_cast<std::uint32_t>(names.size()))];
      switch (random(4)) {
        case 0: {  // cut after some characters
          std::size_t cut = random(static_cast<std::uint32_t>(piece.size())) + 1;
          while (cut < piece.size() && (static_cast<unsigned char>(piece[cut]) & 0xC0) == 0x80) ++cut;
          piece.resize(cut);
          break;
        }
        case 1:  // upper case
          for (char& c : piece)
            if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
          break;
        default: break;
      }
      text += piece + glue[random(static_cast<std::uint32_t>(glue.size()))];
    }
    std::string normalized = normalize(text).text;
    INFO(normalized);
    std::vector<std::string> found;
    for (const EntityMatch& x : m.find_all(normalized))
      found.push_back(x.entity->id + "@" + std::to_string(x.span.begin) + "-" + std::to_string(x.span.end));
    CHECK(found == naive_matches(keys, normalized));
  }
}

TEST_CASE("a user file adds entries and overrides others wholesale", "[ontology]") {
  auto path = write_temp("econind_ontology_test_user.tsv",
                         "# my parks\n" + std::string(kHeader) +
                             "demo-park\tpark\t兰州演示园\t蘭州演示園\tLanzhou Demo Park\t演示园\tDemo Park\tlanzhou-hitech\t"
                             "演示园区|Demo Industrial Park\tkind=bio_park;province=甘肃省\n"
                             "lanzhou-hitech\tpark\t兰州高新技术产业开发区\t\tLanzhou New & Hi-tech Industrial "
                             "Development Zone\t兰州高新区\t\t\t\tkind=national_hitech_zone\n");
  Ontology o = Ontology::builtin();
  o.load_file(path.string());
  std::filesystem::remove(path);

  CHECK(o.size() == Ontology::builtin().size() + 1);
  const Entity* demo = o.find("demo-park");
  REQUIRE(demo);
  CHECK(demo->name_en == "Lanzhou Demo Park");
  CHECK(demo->aliases == std::vector<std::string>{"演示园区", "Demo Industrial Park"});
  CHECK(demo->attribute("province") == "甘肃省");
  CHECK(o.is_a("demo-park", "lanzhou-hitech"));

  const Entity* lz = o.find("lanzhou-hitech");
  CHECK(lz->name_en == "Lanzhou New & Hi-tech Industrial Development Zone");
  CHECK(lz->aliases.empty());                      // replaced wholesale
  CHECK(lz->attribute("province").empty());
  CHECK(Ontology::builtin().find("lanzhou-hitech")->name_en == "Lanzhou Hi-tech Industrial Development Zone");

  AliasMatcher m(o);
  CHECK(ids(m, "兰州演示园的产值") == Ids{"demo-park", "output_value"});
  CHECK(ids(m, "Demo Park") == Ids{"demo-park"});
  CHECK(ids(m, "Lanzhou New & Hi-tech Industrial Development Zone") == Ids{"lanzhou-hitech"});
  CHECK(ids(m, "Lanzhou High-tech Zone") == Ids{"lanzhou"});  // the old short_en went with the old entry
}

TEST_CASE("malformed ontology files throw naming the file and line", "[ontology]") {
  std::string h = kHeader;
  CHECK(load_error(h + "x\tfactory\t某厂\t\t\t\t\t\t\t\n", "bad.tsv") == "bad.tsv:2: unknown type \"factory\" of \"x\"");
  CHECK(load_error(h + "x\tpark\t某园\t\t\t\t\t\t\n", "bad.tsv") ==
        "bad.tsv:2: expected 10 tab-separated columns, found 9");
  CHECK(load_error("# comment\n" + h + "x\tpark\t某园\t\t\t\t\t\t\t\t\n", "bad.tsv") ==
        "bad.tsv:3: expected 10 tab-separated columns, found 11");
  CHECK(load_error("id\ttype\tname\n", "bad.tsv") ==
        "bad.tsv:1: expected the header row id, type, name_zh, name_zh_hant, name_en, short_zh, short_en, parent, "
        "aliases, attributes");
  CHECK(load_error(h + "\tpark\t某园\t\t\t\t\t\t\t\n") == "user.tsv:2: empty id");
  CHECK(load_error(h + "x\tpark\t\t\t\t\t\t\t\t\n") == "user.tsv:2: \"x\" has neither name_zh nor name_en");
  CHECK(load_error(h + "x\tpark\t某园\t\t\t\t\t\t\tkind\n") == "user.tsv:2: attribute \"kind\" of \"x\" is not key=value");
  CHECK(load_error(h + "x\tpark\t某\xff园\t\t\t\t\t\t\t\n") == "user.tsv:2: invalid UTF-8 at byte 11");
  CHECK(load_error(h + "x\tpark\t某园\t\t\t\t\t\t\t\nx\tpark\t某园二\t\t\t\t\t\t\t\n") ==
        "user.tsv:3: duplicate id \"x\" (first on line 2)");

  // Parents must exist after loading, be of the same type and not loop.
  CHECK(load_error(h + "x\tpark\t某园\t\t\t\t\tnowhere\t\t\n") == "user.tsv:2: unknown parent \"nowhere\" of \"x\"");
  CHECK(load_error(h + "x\tpark\t某园\t\t\t\t\tbiomedicine\t\t\n") ==
        "user.tsv:2: parent \"biomedicine\" of \"x\" is an industry, not a park");
  CHECK(load_error(h + "a\tpark\t甲园\t\t\t\t\tb\t\t\nb\tpark\t乙园\t\t\t\t\ta\t\t\n") ==
        "user.tsv:2: parent chain of \"a\" leads back to itself");
  CHECK(load_error(h + "later\tpark\t后园\t\t\t\t\tlater-parent\t\t\n"
                       "later-parent\tpark\t前园\t\t\t\t\t\t\t\n") == "(no error)");
  CHECK(load_error(h + "biomedicine\tpark\t生物医药园\t\t\t\t\t\t\t\n") ==
        "user.tsv:2: cannot change the type of \"biomedicine\" from industry to park");

  // Names of one type must stay distinct after normalization (Traditional folds to Simplified).
  CHECK(load_error(h + "x\tpark\t某园\t\t\t\t\t\t兰州高新区\t\n") ==
        "user.tsv:2: alias \"兰州高新区\" of \"x\" collides with \"lanzhou-hitech\"");
  CHECK(load_error(h + "x\tpark\t某园\t\t\t\t\t\t蘭州高新區\t\n") ==
        "user.tsv:2: alias \"蘭州高新區\" of \"x\" collides with \"lanzhou-hitech\"");
  CHECK(load_error(h + "x\tpark\t某园\t\t\t\t\t\tLANZHOU HIGH-TECH ZONE\t\n") ==
        "user.tsv:2: alias \"LANZHOU HIGH-TECH ZONE\" of \"x\" collides with \"lanzhou-hitech\"");
  CHECK(load_error(h + "x\tpark\t某园\t\t\t\t\t\t\t\ny\tpark\t别园\t\t\t\t\t\t某园\t\n") ==
        "user.tsv:3: alias \"某园\" of \"y\" collides with \"x\"");
  CHECK(load_error(h + "x\tregion\t某地\t\t\t\t\t\t兰州高新区\t\n") == "(no error)");  // other type
  // An override may take over names it already had, and free names for others.
  CHECK(load_error(h + "lanzhou-hitech\tpark\t兰州高新区\t\t\t\t\t\t\t\n"
                       "x\tpark\t兰州国家高新区\t\t\t\t\t\t\t\n") == "(no error)");

  CHECK_THROWS_AS(Ontology().load_file("/nonexistent/econind/parks.tsv"), econind::Error);
  try {
    Ontology().load_file("/nonexistent/econind/parks.tsv");
  } catch (const econind::Error& e) {
    CHECK(std::string(e.what()) == "/nonexistent/econind/parks.tsv: cannot open");
  }

  auto path = write_temp("econind_ontology_test_bad.tsv", h + "x\tfactory\t某厂\t\t\t\t\t\t\t\n");
  try {
    Ontology().load_file(path.string());
    FAIL("no exception");
  } catch (const econind::Error& e) {
    CHECK(std::string(e.what()) == path.string() + ":2: unknown type \"factory\" of \"x\"");
  }
  std::filesystem::remove(path);

  // A failed load leaves the ontology as it was.
  Ontology o = Ontology::builtin();
  CHECK_THROWS_AS(o.load_text(h + "new-one\tpark\t新园\t\t\t\t\t\t\t\nx\tpark\t某园\t\t\t\t\tnowhere\t\t\n", "u.tsv"),
                  econind::Error);
  CHECK(o.size() == Ontology::builtin().size());
  CHECK(o.find("new-one") == nullptr);
}

TEST_CASE("embedded ontology data is well formed", "[ontology]") {
  std::size_t rows = 0, files = 0;
  for (const auto& f : econind::detail::data::files()) {
    if (f.name.substr(0, 9) != "ontology/") continue;
    ++files;
    Ontology alone;  // each file stands on its own: parents are of the same type, in the same file
    CHECK_NOTHROW(alone.load_text(f.text, f.name));
    rows += alone.size();
  }
  CHECK(files == 5);
  const Ontology& o = Ontology::builtin();
  CHECK(o.size() == rows);  // no id appears twice across the files

  const std::set<std::string> park_kinds = {"aggregate", "national_hitech_zone", "national_etdz", "bio_park", "industrial_park",
                                            "independent_innovation_demo_zone", "other"};
  const std::set<std::string> metric_kinds = {"money", "percent", "count", "rank", "area"};
  auto has = [&](const std::string& id, EntityType t) { return o.find(id) && o.find(id)->type == t; };
  std::set<std::string> seen;
  for (const Entity& e : o) {
    INFO(e.id);
    CHECK(seen.insert(e.id).second);
    CHECK(!e.name.empty());
    CHECK(!e.name_hant.empty());
    CHECK(!e.name_en.empty());
    if (!e.parent.empty()) CHECK(has(e.parent, e.type));
    switch (e.type) {
      case EntityType::park:
        CHECK(park_kinds.count(e.attribute("kind")));
        break;
      case EntityType::cluster:
        CHECK(has(e.attribute("park"), EntityType::park));
        CHECK(has(e.attribute("industry"), EntityType::industry));
        break;
      case EntityType::metric: CHECK(metric_kinds.count(e.attribute("kind"))); break;
      case EntityType::region:
        if (e.attribute("level") == "city") {
          CHECK(has(e.attribute("province"), EntityType::region));
          CHECK(e.parent == e.attribute("province"));
        }
        break;
      case EntityType::industry: break;
    }
    if (e.type == EntityType::park || e.type == EntityType::region) {
      std::string regions = e.attribute(e.type == EntityType::park ? "region" : "members");
      for (std::size_t start = 0; !regions.empty() && start <= regions.size();) {
        std::size_t bar = std::min(regions.find('|', start), regions.size());
        CHECK(has(regions.substr(start, bar - start), EntityType::region));
        start = bar + 1;
      }
    }
  }

  // Every name is reachable: the name alone, normalized, is matched as a whole by its entity.
  const AliasMatcher& m = AliasMatcher::builtin();
  std::size_t names = 0;
  for (const Entity& e : o) {
    std::vector<std::string> all = {e.name, e.name_hant, e.name_en, e.short_name, e.short_en};
    all.insert(all.end(), e.aliases.begin(), e.aliases.end());
    for (const std::string& name : all) {
      if (name.empty()) continue;
      ++names;
      INFO(e.id << " / " << name);
      CHECK(count_code_points(name) >= 2);
      std::string text = normalize(name).text;
      bool found = false;
      for (const EntityMatch& x : m.find_all(text))
        found = found || (x.entity == &e && x.span == Span{0, text.size()});
      CHECK(found);
    }
  }
  CHECK(names > 3000);
  CHECK(m.pattern_count() > 2000);
}
