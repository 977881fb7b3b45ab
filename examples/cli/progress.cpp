#include "progress.hpp"

#include <algorithm>
#include <cstdio>
#include <string>

#ifdef _WIN32
#include <io.h>
#else
#include <unistd.h>
#endif

namespace econind::cli {
namespace {

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// MB/s with two or three significant digits: 0.42, 2.4, 31.
std::string rate(std::uint64_t bytes, double seconds) {
  double v = seconds > 0 ? static_cast<double>(bytes) / 1e6 / seconds : 0.0;
  char buf[32];
  std::snprintf(buf, sizeof buf, v >= 10 ? "%.0f MB/s" : v >= 1 ? "%.1f MB/s" : "%.2f MB/s", v);
  return buf;
}

}  // namespace

bool stderr_is_terminal() {
#ifdef _WIN32
  return _isatty(_fileno(stderr)) != 0;
#else
  return ::isatty(fileno(stderr)) != 0;
#endif
}

bool stdout_is_terminal() {
#ifdef _WIN32
  return _isatty(_fileno(stdout)) != 0;
#else
  return ::isatty(fileno(stdout)) != 0;
#endif
}

Progress::Progress(bool enabled, std::optional<std::uint64_t> total_bytes, std::size_t total_files)
    : enabled_(enabled && (total_files != 1)), total_bytes_(total_bytes), total_files_(total_files) {}

double Progress::seconds() const {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void Progress::update(std::size_t documents, std::uint64_t bytes) {
  documents_ = documents;
  bytes_ = bytes;
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (shown_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  draw();
}

void Progress::draw() {
  std::string line = "econind ";
  if (total_bytes_ && *total_bytes_ > 0) {
    double f = std::min(1.0, static_cast<double>(bytes_) / static_cast<double>(*total_bytes_));
    const int width = 24;
    int full = static_cast<int>(f * width);
    line += "[" + std::string(static_cast<std::size_t>(full), '#') + std::string(static_cast<std::size_t>(width - full), '.') +
            "] ";
    line += std::to_string(static_cast<int>(f * 100)) + "%  ";
  }
  if (total_files_ > 0) {
    line += std::to_string(documents_) + "/" + std::to_string(total_files_) + " files  ";
  } else {
    line += plural(documents_, "document", "documents") + "  ";
  }
  line += rate(bytes_, seconds());
  std::fprintf(stderr, "\r\033[K%s", line.c_str());
  std::fflush(stderr);
  shown_ = true;
}

void Progress::clear() {
  if (!shown_) return;
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
  shown_ = false;
}

void Progress::message(const std::string& line) {
  clear();
  std::fputs((line + "\n").c_str(), stderr);
  std::fflush(stderr);
}

void Progress::finish() {
  if (!enabled_ || documents_ == 0) return;
  draw();
  clear();
}

std::string summary_line(std::size_t documents, std::size_t indicators, std::size_t errors, std::uint64_t bytes,
                         double seconds) {
  return "econind: " + plural(documents, "document", "documents") + ", " +
         plural(indicators, "indicator", "indicators") + ", " + plural(errors, "error", "errors") + ", " +
         rate(bytes, seconds);
}

}  // namespace econind::cli
