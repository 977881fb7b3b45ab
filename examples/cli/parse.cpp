// econind parse: what the grammar makes of one expression.
#include <econind/econind.hpp>

#include <iostream>
#include <sstream>

#include "commands.hpp"

namespace econind::cli {
namespace {

std::string json_escape(std::string_view s) {
  std::string o;
  for (char c : s) {
    if (c == '"' || c == '\\') o += '\\';
    if (c == '\n') {
      o += "\\n";
      continue;
    }
    o += c;
  }
  return o;
}

}  // namespace

int run_parse(const std::string& expr) {
  // The number grammar's reading, then the indicator the expression makes, if any.
  std::cout << "{\"text\": \"" << json_escape(expr) << "\"";
  if (auto n = parse_number(expr)) {
    std::cout << ", \"number\": {\"value\": " << n->value.to_string();
    std::cout << ", \"value_max\": " << (n->value_max ? n->value_max->to_string() : "null");
    std::cout << ", \"qualifier\": \"" << to_string(n->qualifier) << "\"";
    std::cout << ", \"kind\": \"" << to_string(n->kind) << "\"";
    std::cout << ", \"status\": \""
              << (n->status == NumberStatus::ok ? "ok" : n->status == NumberStatus::vague ? "vague" : "out_of_range")
              << "\"}";
  } else {
    std::cout << ", \"number\": null";
  }
  Extractor extractor;
  Result r = extractor.extract(expr);
  std::string lines = to_jsonl(r, expr, "");
  std::cout << ", \"indicators\": [";
  std::istringstream ls(lines);
  std::string line;
  bool first = true;
  while (std::getline(ls, line)) {
    std::cout << (first ? "" : ", ") << line;
    first = false;
  }
  std::cout << "]}\n";
  return r.indicators.empty() && !parse_number(expr) ? 1 : 0;
}

}  // namespace econind::cli
