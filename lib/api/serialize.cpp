#include "econind/serialize.hpp"

#include <nlohmann/json.hpp>

namespace econind {
namespace {

using nlohmann::ordered_json;

// Exact decimals as JSON numbers: integers as integers; others through double, whose shortest
// round-trip form is the decimal itself for the ≤ 15 significant digits figures carry.
ordered_json number(const Decimal& d) {
  if (d.is_integer() && d.exponent() <= 18 - static_cast<int>(std::to_string(d.mantissa()).size())) {
    return std::stoll(d.to_string());
  }
  return d.to_double();
}

ordered_json entity(const std::optional<EntityRef>& e) {
  if (!e) return nullptr;
  return ordered_json{{"id", e->id}, {"name", e->name}, {"name_en", e->name_en}, {"type", e->type}};
}

std::string_view slice(std::string_view text, Span s) {
  if (s.begin > text.size() || s.end > text.size() || s.begin > s.end) return {};
  return text.substr(s.begin, s.size());
}

ordered_json record(const Indicator& i, std::string_view text, std::string_view doc) {
  ordered_json j;
  j["doc"] = doc;
  j["kind"] = to_string(i.kind);
  j["value"] = number(i.value);
  j["value_max"] = i.value_max ? number(*i.value_max) : ordered_json(nullptr);
  j["unit"] = i.unit.empty() ? ordered_json(nullptr) : ordered_json(i.unit);
  j["qualifier"] = to_string(i.qualifier);
  j["text"] = i.text;
  j["begin"] = i.span.begin;
  j["end"] = i.span.end;
  j["subject"] = entity(i.subject);
  j["industry"] = entity(i.industry);
  j["metric"] = entity(i.metric);
  j["year"] = i.year ? ordered_json(*i.year) : ordered_json(nullptr);
  j["rank_of"] = i.rank_of ? number(*i.rank_of) : ordered_json(nullptr);
  j["change_from"] = i.change_from ? ordered_json(*i.change_from) : ordered_json(nullptr);
  j["sentence"] = slice(text, i.sentence);
  return j;
}

// Invalid UTF-8 in a field is replaced rather than thrown on: output must never stop a batch.
std::string dump(const ordered_json& j) { return j.dump(-1, ' ', false, ordered_json::error_handler_t::replace); }

std::string csv_field(const ordered_json& v) {
  std::string s;
  if (v.is_null()) return s;
  if (v.is_string()) s = v.get<std::string>();
  else s = dump(v);  // numbers as written; entities as their JSON object
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string q = "\"";
  for (char c : s) {
    if (c == '"') q += '"';
    q += c;
  }
  return q + "\"";
}

constexpr const char* kFields[] = {"doc",     "kind",     "value",  "value_max", "unit", "qualifier",
                                   "text",    "begin",    "end",    "subject",   "industry", "metric",
                                   "year",    "rank_of",  "change_from", "sentence"};

}  // namespace

std::string to_jsonl(const Result& result, std::string_view text, std::string_view doc) {
  std::string out;
  for (const Indicator& i : result.indicators) {
    out += dump(record(i, text, doc));
    out += '\n';
  }
  return out;
}

std::string csv_header() {
  std::string h;
  for (const char* f : kFields) {
    if (!h.empty()) h += ',';
    h += f;
  }
  return h + "\n";
}

std::string to_csv(const Result& result, std::string_view text, std::string_view doc) {
  std::string out;
  for (const Indicator& i : result.indicators) {
    ordered_json j = record(i, text, doc);
    bool first = true;
    for (const char* f : kFields) {
      if (!first) out += ',';
      first = false;
      out += csv_field(j[f]);
    }
    out += '\n';
  }
  return out;
}

}  // namespace econind
