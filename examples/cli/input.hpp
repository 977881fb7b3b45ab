#pragma once
// Inputs of `econind extract`: files, directories and standard input, and the encodings they
// come in (UTF-8 with or without BOM, UTF-16 with BOM, GB18030/GBK, Big5), decoded with ICU.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace econind::cli {

// A file named on the command line or found under a directory named there.
struct Source {
  std::string path;                   // as given or found; "-" is standard input
  std::optional<std::uint64_t> size;  // known for regular files
  std::string error;                  // set when a directory could not be listed
};

// The inputs in command-line order: files as given, each directory replaced by the files below it
// (recursively, sorted by name, hidden entries skipped) that match one of `globs`; no input at
// all means standard input.
std::vector<Source> expand_inputs(const std::vector<std::string>& inputs, const std::vector<std::string>& globs);

// Shell-style patterns: * ? [abc] [a-z] [!abc]. A pattern with a '/' is matched against the path
// below the directory, any other against the file name.
bool glob_match(std::string_view pattern, std::string_view name);

// Reads a whole file, or standard input for "-". False with `error` set ("cannot read: <reason>",
// "<size> bytes, over the --max-bytes limit of <max>") when it cannot.
bool read_input(const Source& source, std::uint64_t max_bytes, std::string& out, std::string& error);

// Text ready for the extractor.
struct Decoded {
  std::string text;          // UTF-8
  std::string encoding;      // what the bytes were read as: UTF-8, UTF-16LE, GB18030, Big5 …
  bool transcoded = false;   // true when offsets count bytes of `text`, not of the input
};

// `encoding` is "auto" or a name ICU knows (utf-8, utf-16, gb18030, gbk, big5 …). UTF-8 input is
// passed through as is, so offsets stay those of the input (a byte order mark becomes three
// spaces); invalid UTF-8 is left for the extractor to repair and report. Auto-detection: a byte
// order mark, else UTF-8 when the bytes are UTF-8, else the best match of ICU's charset detector
// among GB18030 and Big5 that decodes without error. False with `error` set when the bytes are
// not in the encoding given, or when none fits.
bool decode(std::string bytes, const std::string& encoding, Decoded& out, std::string& error);

// True for "auto" and for encoding names ICU can convert from.
bool known_encoding(const std::string& name);
// True for utf-8, UTF8, utf_8 …
bool is_utf8_name(std::string_view name);

}  // namespace econind::cli
