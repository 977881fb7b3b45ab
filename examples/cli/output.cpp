#include "output.hpp"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <random>
#include <system_error>

#ifndef _WIN32
#include <unistd.h>
#endif

namespace econind::cli {

// ---------------------------------------------------------------------------------------------
// Sink

namespace {

#ifndef _WIN32
// The temporary file to remove when the process is interrupted before commit().
char g_temp_path[4096];
volatile std::sig_atomic_t g_temp_live = 0;

extern "C" void remove_temp_and_die(int sig) {
  if (g_temp_live != 0) ::unlink(g_temp_path);
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

void guard_temp(const std::string& path) {
  if (path.size() >= sizeof g_temp_path) return;
  std::memcpy(g_temp_path, path.c_str(), path.size() + 1);
  g_temp_live = 1;
  for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGPIPE}) std::signal(sig, remove_temp_and_die);
}

void unguard_temp() { g_temp_live = 0; }
#else
void guard_temp(const std::string&) {}
void unguard_temp() {}
#endif

std::string reason(int err) { return std::strerror(err); }

}  // namespace

Sink::~Sink() {
  if (!temp_.empty()) {
    if (file_ != nullptr) std::fclose(file_);
    std::remove(temp_.c_str());
    unguard_temp();
  }
}

bool Sink::open(const std::string& path, std::string& error) {
  if (path.empty()) {
    file_ = stdout;
    return true;
  }
  std::random_device rd;
  std::mt19937_64 gen((static_cast<std::uint64_t>(rd()) << 32) ^ rd());
  for (int attempt = 0; attempt < 16 && file_ == nullptr; ++attempt) {
    char suffix[24];
    std::snprintf(suffix, sizeof suffix, ".%08x.tmp", static_cast<unsigned>(gen() & 0xFFFFFFFFu));
    std::string temp = path + suffix;
    errno = 0;
    file_ = std::fopen(temp.c_str(), "wbx");  // x: fails rather than reuse an existing file
    if (file_ != nullptr) {
      temp_ = temp;
      guard_temp(temp_);
    } else if (errno != EEXIST) {
      break;
    }
  }
  if (file_ == nullptr) {
    error = "cannot write: " + reason(errno);
    return false;
  }
  path_ = path;
  return true;
}

void Sink::write(std::string_view s) {
  if (failed_ || s.empty()) return;
  if (std::fwrite(s.data(), 1, s.size(), file_) != s.size()) {
    failed_ = true;
    errno_ = errno;
  }
}

void Sink::flush() {
  if (file_ == stdout && !failed_ && std::fflush(stdout) != 0) {
    failed_ = true;
    errno_ = errno;
  }
}

bool Sink::commit(std::string& error) {
  if (!failed_ && std::fflush(file_) != 0) {
    failed_ = true;
    errno_ = errno;
  }
  if (file_ == stdout) {
    if (failed_) error = "cannot write: " + reason(errno_);
    return !failed_;
  }
#ifndef _WIN32
  if (!failed_ && ::fsync(fileno(file_)) != 0) {
    failed_ = true;
    errno_ = errno;
  }
#endif
  if (std::fclose(file_) != 0 && !failed_) {
    failed_ = true;
    errno_ = errno;
  }
  file_ = nullptr;
  if (!failed_) {
    std::error_code ec;
    std::filesystem::rename(temp_, path_, ec);
    if (ec) {
      failed_ = true;
      errno_ = ec.value();
    }
  }
  if (failed_) {
    std::remove(temp_.c_str());
    error = "cannot write: " + reason(errno_);
  }
  temp_.clear();
  unguard_temp();
  return !failed_;
}

// ---------------------------------------------------------------------------------------------
// Records

std::string jsonl_records(const Result& r, std::string_view text, std::string_view doc, const EncodingNote& note) {
  std::string lines = to_jsonl(r, text, doc);
  if (note.encoding.empty()) return lines;
  // Each record is one compact JSON object on its own line: add the note before its closing brace.
  std::string extra = ",\"encoding\":\"" + note.encoding + "\",\"offsets\":\"decoded-utf8\"}\n";
  std::string out;
  out.reserve(lines.size() + r.indicators.size() * extra.size());
  std::size_t start = 0;
  while (start < lines.size()) {
    std::size_t end = lines.find("}\n", start);
    if (end == std::string::npos) break;
    out.append(lines, start, end - start);
    out += extra;
    start = end + 2;
  }
  return out;
}

std::string csv_header_line() {
  std::string h = csv_header();
  if (!h.empty() && h.back() == '\n') h.pop_back();
  return h + ",encoding,offsets\n";
}

std::string csv_records(const Result& r, std::string_view text, std::string_view doc, const EncodingNote& note) {
  std::string rows = to_csv(r, text, doc);
  std::string extra = note.encoding.empty() ? std::string(",,") : "," + note.encoding + ",decoded-utf8";
  // A record ends at a line break outside quotes (quoted fields may hold line breaks).
  std::string out;
  out.reserve(rows.size() + r.indicators.size() * extra.size());
  bool quoted = false;
  for (char c : rows) {
    if (c == '"') quoted = !quoted;
    if (c == '\n' && !quoted) out += extra;
    out += c;
  }
  return out;
}

}  // namespace econind::cli
