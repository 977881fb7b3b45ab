#pragma once
// The progress bar (on a terminal only) and the summary line, both on standard error.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace econind::cli {

class Progress {
 public:
  // `enabled`: draw at all (standard error is a terminal and the run is not quiet). The totals
  // are known when every input is a regular file; `total_files` is 0 for JSONL input.
  Progress(bool enabled, std::optional<std::uint64_t> total_bytes, std::size_t total_files);

  // After each document; redraws at most ten times a second.
  void update(std::size_t documents, std::uint64_t bytes);
  // A line on standard error, with the bar out of its way.
  void message(const std::string& line);
  // Draws the final state, then clears the bar.
  void finish();

  double seconds() const;

 private:
  void draw();
  void clear();

  bool enabled_;
  std::optional<std::uint64_t> total_bytes_;
  std::size_t total_files_;
  std::size_t documents_ = 0;
  std::uint64_t bytes_ = 0;
  bool shown_ = false;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_draw_{};
};

// "econind: 3 documents, 41 indicators, 1 error, 2.4 MB/s"
std::string summary_line(std::size_t documents, std::size_t indicators, std::size_t errors, std::uint64_t bytes,
                         double seconds);

// True when standard error (standard output) is a terminal.
bool stderr_is_terminal();
bool stdout_is_terminal();

}  // namespace econind::cli
