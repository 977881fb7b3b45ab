#pragma once
// Where `econind extract` writes its records, and how each document's records are formatted.
#include <econind/econind.hpp>

#include <cstdio>
#include <string>
#include <string_view>

namespace econind::cli {

// Standard output, or a file written under a temporary name next to it and renamed into place by
// commit(), so that no reader ever sees a partial file. An uncommitted temporary file is removed.
class Sink {
 public:
  Sink() = default;
  Sink(const Sink&) = delete;
  Sink& operator=(const Sink&) = delete;
  ~Sink();

  // "" is standard output. False with `error` ("cannot write: <reason>") when the file cannot be
  // created.
  bool open(const std::string& path, std::string& error);
  void write(std::string_view s);
  // Hands what was written so far to the reader of standard output (a no-op for files).
  void flush();
  // Completes the output: flushes it and, for a file, renames it into place.
  bool commit(std::string& error);

 private:
  std::FILE* file_ = nullptr;
  std::string path_, temp_;
  bool failed_ = false;
  int errno_ = 0;
};

// The note carried by records whose offsets count bytes of text decoded from another encoding.
struct EncodingNote {
  std::string encoding;  // "GB18030", "Big5", "UTF-16LE" …; empty when offsets are the input's own
};

// One document's records. JSONL: the library's to_jsonl records, plus
// "encoding": "<name>", "offsets": "decoded-utf8" at the end of each record when `note` names an
// encoding. CSV: the library's to_csv columns plus encoding and offsets.
std::string jsonl_records(const Result& r, std::string_view text, std::string_view doc, const EncodingNote& note);
std::string csv_header_line();
std::string csv_records(const Result& r, std::string_view text, std::string_view doc, const EncodingNote& note);

}  // namespace econind::cli
