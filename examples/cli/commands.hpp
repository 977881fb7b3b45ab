#pragma once
// The econind subcommands, called by main() once the arguments are parsed.
#include <cstdint>
#include <string>
#include <vector>

namespace econind::cli {

struct ExtractOptions {
  std::vector<std::string> inputs;  // files, directories, "-"; none: standard input
  std::vector<std::string> globs;   // files taken from directories; empty: the format's default
  std::string input_format = "text";  // text | jsonl
  std::string format = "jsonl";       // jsonl | csv | table
  std::string encoding = "auto";
  std::string output;  // empty: standard output
  unsigned jobs = 1;   // 0: one per core
  std::uint64_t max_bytes = std::uint64_t{64} << 20;
  bool quiet = false;
};

// Exit status: 0 when every input was processed, 1 when any failed (each is reported on standard
// error and the others are still processed), 2 when the output could not be written.
int run_extract(const ExtractOptions& options);

// Prints what the grammar makes of one expression; exit status 1 when it is no figure at all.
int run_parse(const std::string& expression);

}  // namespace econind::cli
