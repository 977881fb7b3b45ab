// econind: economic indicators from news articles, on the command line.
//
//   econind extract [OPTIONS] [INPUT...]   files, directories, '-' (standard input, the default)
//   econind parse "200多亿元"
//
// This file holds the arguments; commands.hpp the subcommands.
#include <CLI/CLI.hpp>
#include <econind/econind.hpp>

#include <exception>
#include <iostream>

#include "commands.hpp"
#include "input.hpp"

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  namespace cli = econind::cli;
  CLI::App app{"econind " ECONIND_VERSION_STRING ": economic indicators from news about Chinese high-tech zones", "econind"};
  app.set_version_flag("--version", std::string(ECONIND_VERSION_STRING));
  app.require_subcommand(1);

  cli::ExtractOptions x;
  auto* extract = app.add_subcommand("extract", "Find every indicator in the given articles");
  extract->add_option("INPUT", x.inputs,
                      "Files, directories (searched recursively) and '-' for standard input (the default)");
  extract->add_option("-f,--format", x.format, "Output: one JSON object per indicator, CSV, or a table")
      ->check(CLI::IsMember({"jsonl", "csv", "table"}))
      ->capture_default_str();
  extract->add_option("-i,--input-format", x.input_format,
                      "text: each input is one article; jsonl: each line is {\"id\", \"text\", \"date\"}")
      ->check(CLI::IsMember({"text", "jsonl"}))
      ->capture_default_str();
  extract->add_option("-e,--encoding", x.encoding,
                      "Encoding of text input: auto (detect), utf-8, utf-16, gb18030, gbk, big5 …")
      ->type_name("NAME")
      ->check(CLI::Validator(
          [](std::string& name) { return cli::known_encoding(name) ? std::string() : "unknown encoding " + name; },
          ""))
      ->capture_default_str();
  extract->add_option("-g,--glob", x.globs,
                      "Files to take from directories (repeatable; default *.txt, or *.jsonl for jsonl input)")
      ->type_name("PATTERN")
      ->allow_extra_args(false);
  extract->add_option("-j,--jobs", x.jobs, "Documents processed at once (0: one per core)")
      ->check(CLI::Range(0u, 1024u))
      ->capture_default_str();
  extract->add_option("-o,--output", x.output, "Write to FILE, replacing it only once complete")->type_name("FILE");
  extract->add_option("--max-bytes", x.max_bytes, "Largest document (or JSONL line) read, e.g. 64MiB or 1MB")
      ->transform(CLI::AsSizeValue(true))
      ->default_str("64MiB");
  extract->add_flag("-q,--quiet", x.quiet, "No progress bar, summary or warnings; errors are still reported");

  auto* parse = app.add_subcommand("parse", "Show what the grammar makes of one expression");
  std::string expr;
  parse->add_option("expression", expr, "e.g. 200多亿元")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  try {
    if (*extract) {
      if (x.input_format == "jsonl" && x.encoding != "auto" && !cli::is_utf8_name(x.encoding)) {
        std::cerr << "econind: --encoding applies to text input; JSONL input is UTF-8\n";
        return 2;
      }
      return cli::run_extract(x);
    }
    return cli::run_parse(expr);
  } catch (const std::exception& e) {  // out of memory, say: bad input alone never gets here
    std::cerr << "econind: " << e.what() << "\n";
    return 2;
  }
}
