// econind: economic indicators from news articles, on the command line.
//
//   econind extract [--format jsonl|csv|table] FILE...   ('-' reads standard input)
//   econind parse "200多亿元"
#include <CLI/CLI.hpp>
#include <econind/econind.hpp>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include "table.hpp"

namespace {

// Reads a whole file (or stdin for "-"); false with a reason when it cannot.
bool read_input(const std::string& path, std::string& out, std::string& error) {
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    out = ss.str();
    return true;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = std::strerror(errno);
    return false;
  }
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) {
    error = "read error";
    return false;
  }
  return true;
}

int run_extract(const std::vector<std::string>& files, const std::string& format) {
  econind::Extractor extractor;
  econind::cli::Table table;
  bool failed = false;
  if (format == "csv") std::cout << econind::csv_header();
  for (const std::string& path : files) {
    std::string text, error;
    if (!read_input(path, text, error)) {
      std::cerr << "econind: cannot read '" << path << "': " << error << "\n";
      failed = true;
      continue;
    }
    econind::Result r = extractor.extract(text, {path, ""});
    for (const auto& d : r.diagnostics) {
      std::cerr << "econind: " << path << ": bytes " << d.span.begin << "-" << d.span.end << ": " << d.message << "\n";
    }
    if (format == "jsonl") std::cout << econind::to_jsonl(r, text, path);
    else if (format == "csv") std::cout << econind::to_csv(r, text, path);
    else table.add(r, path);
    std::cout.flush();
  }
  if (format == "table") table.print(std::cout);
  return failed ? 1 : 0;
}

std::string json_escape(std::string_view s) {
  std::string o;
  for (char c : s) {
    if (c == '"' || c == '\\') o += '\\';
    if (c == '\n') { o += "\\n"; continue; }
    o += c;
  }
  return o;
}

int run_parse(const std::string& expr) {
  // The number grammar's reading, then the indicator the expression makes, if any.
  std::cout << "{\"text\": \"" << json_escape(expr) << "\"";
  if (auto n = econind::parse_number(expr)) {
    std::cout << ", \"number\": {\"value\": " << n->value.to_string();
    std::cout << ", \"value_max\": " << (n->value_max ? n->value_max->to_string() : "null");
    std::cout << ", \"qualifier\": \"" << econind::to_string(n->qualifier) << "\"";
    std::cout << ", \"kind\": \"" << econind::to_string(n->kind) << "\"";
    std::cout << ", \"status\": \""
              << (n->status == econind::NumberStatus::ok ? "ok" : n->status == econind::NumberStatus::vague ? "vague" : "out_of_range")
              << "\"}";
  } else {
    std::cout << ", \"number\": null";
  }
  econind::Extractor extractor;
  econind::Result r = extractor.extract(expr);
  std::string lines = econind::to_jsonl(r, expr, "");
  std::cout << ", \"indicators\": [";
  std::istringstream ls(lines);
  std::string line;
  bool first = true;
  while (std::getline(ls, line)) {
    std::cout << (first ? "" : ", ") << line;
    first = false;
  }
  std::cout << "]}\n";
  return r.indicators.empty() && !econind::parse_number(expr) ? 1 : 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"econind " ECONIND_VERSION_STRING ": economic indicators from news about Chinese high-tech zones"};
  app.require_subcommand(1);

  auto* extract = app.add_subcommand("extract", "Find every indicator in the given articles");
  std::vector<std::string> files;
  std::string format = "jsonl";
  extract->add_option("--format,-f", format, "Output format")->check(CLI::IsMember({"jsonl", "csv", "table"}));
  extract->add_option("files", files, "Article files (UTF-8); '-' reads standard input")->required();

  auto* parse = app.add_subcommand("parse", "Show what the grammar makes of one expression");
  std::string expr;
  parse->add_option("expression", expr, "e.g. 200多亿元")->required();

  CLI11_PARSE(app, argc, argv);
  if (*extract) return run_extract(files, format);
  return run_parse(expr);
}
