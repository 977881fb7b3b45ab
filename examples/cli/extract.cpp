// econind extract: inputs → (reader thread) → jobs → (worker threads) → outcomes → (this thread,
// in input order) → records, messages, progress and the summary.
#include <econind/econind.hpp>

#include <cerrno>
#include <cstring>
#include <exception>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <thread>

#include "commands.hpp"
#include "input.hpp"
#include "jsonl_input.hpp"
#include "output.hpp"
#include "pipeline.hpp"
#include "progress.hpp"
#include "table.hpp"

namespace econind::cli {
namespace {

// One document, or one input that failed before it could become one.
struct Job {
  std::string where;  // for messages: "a.txt", "<stdin>", "docs.jsonl:3"
  std::string doc;    // the records' "doc": the path as given ("-" for standard input)
  std::string bytes;  // a text file's bytes, or a JSONL line
  bool jsonl = false;
  std::uint64_t size = 0;  // bytes of input it stands for (for the progress bar)
  std::uint64_t read = 0;  // bytes actually read (for the throughput)
  std::string error;
};

struct Outcome {
  std::string where;
  std::string error;                  // the document failed; nothing else is set
  std::vector<std::string> warnings;  // the extractor's diagnostics
  std::string records;                // JSONL or CSV
  std::string doc;                    // for the table
  std::optional<Result> result;       // for the table
  std::size_t indicators = 0;
  std::uint64_t size = 0;
  std::uint64_t read = 0;
};

std::string shown_name(const std::string& path) { return path == "-" ? "<stdin>" : path; }

// Produces the jobs in input order; runs on the reader thread.
class Feed {
 public:
  Feed(std::vector<Source> sources, const ExtractOptions& options)
      : sources_(std::move(sources)), options_(options) {}

  bool next(Job& job) {
    for (;;) {
      if (lines_) {
        std::string line;
        std::uint64_t before = lines_->bytes_read();
        LineReader::Status status = lines_->next(line);
        if (status == LineReader::Status::end) {
          lines_.reset();
          file_.reset();
          continue;
        }
        job.where = stream_name_ + ":" + std::to_string(lines_->line_number());
        job.size = lines_->bytes_read() - before;
        job.read = job.size;
        job.jsonl = true;
        if (status == LineReader::Status::too_long) {
          job.error = "line over the --max-bytes limit of " + std::to_string(options_.max_bytes);
          return true;
        }
        if (line.find_first_not_of(" \t") == std::string::npos) {
          skipped_ += job.size;  // blank lines are no documents
          continue;
        }
        job.bytes = std::move(line);
        job.size += skipped_;
        job.read = job.size;
        skipped_ = 0;
        return true;
      }
      if (next_source_ == sources_.size()) return false;
      const Source& source = sources_[next_source_++];
      job.where = shown_name(source.path);
      if (!source.error.empty()) {
        job.error = source.error;
        return true;
      }
      if (options_.input_format == "jsonl") {
        std::istream* in = &std::cin;
        if (source.path != "-") {
          errno = 0;
          file_ = std::make_unique<std::ifstream>(source.path, std::ios::binary);
          if (!*file_) {
            job.error = std::string("cannot read: ") + std::strerror(errno != 0 ? errno : ENOENT);
            file_.reset();
            return true;
          }
          in = file_.get();
        }
        stream_name_ = job.where;
        lines_ = std::make_unique<LineReader>(*in, static_cast<std::size_t>(options_.max_bytes));
        continue;
      }
      job.doc = source.path;
      std::string error;
      if (!read_input(source, options_.max_bytes, job.bytes, error)) job.error = error;
      job.read = job.bytes.size();
      job.size = job.error.empty() ? job.read : source.size.value_or(0);
      return true;
    }
  }

 private:
  std::vector<Source> sources_;
  const ExtractOptions& options_;
  std::size_t next_source_ = 0;
  std::unique_ptr<std::ifstream> file_;
  std::unique_ptr<LineReader> lines_;
  std::string stream_name_;
  std::uint64_t skipped_ = 0;
};

// Decodes, extracts and formats one document; runs on the worker threads.
Outcome work(Job& job, const Extractor& extractor, const ExtractOptions& options) {
  Outcome o;
  o.where = job.where;
  o.size = job.size;
  o.read = job.read;
  if (!job.error.empty()) {
    o.error = std::move(job.error);
    return o;
  }
  try {
    std::string text;
    DocumentInfo info;
    EncodingNote note;
    if (job.jsonl) {
      std::optional<InputDoc> in = parse_input_line(job.bytes, o.error);
      if (!in) return o;
      info.id = std::move(in->id);
      info.date = std::move(in->date);
      text = std::move(in->text);
    } else {
      Decoded decoded;
      if (!decode(std::move(job.bytes), options.encoding, decoded, o.error)) return o;
      info.id = job.doc;
      text = std::move(decoded.text);
      if (decoded.transcoded) note.encoding = decoded.encoding;
    }
    Result r = extractor.extract(text, info);
    for (const Diagnostic& d : r.diagnostics) {
      o.warnings.push_back("econind: " + job.where + ": bytes " + std::to_string(d.span.begin) + "-" +
                           std::to_string(d.span.end) + ": " + d.message);
    }
    o.indicators = r.indicators.size();
    if (options.format == "jsonl") {
      o.records = jsonl_records(r, text, info.id, note);
    } else if (options.format == "csv") {
      o.records = csv_records(r, text, info.id, note);
    } else {
      o.doc = info.id;
      o.result = std::move(r);
    }
  } catch (const std::exception& e) {
    o.error = std::string("internal error: ") + e.what();
  }
  return o;
}

}  // namespace

int run_extract(const ExtractOptions& options_in) {
  ExtractOptions options = options_in;
  if (options.globs.empty()) options.globs = {options.input_format == "jsonl" ? "*.jsonl" : "*.txt"};
  unsigned jobs = options.jobs != 0 ? options.jobs : std::max(1u, std::thread::hardware_concurrency());

  Sink sink;
  std::string error;
  if (!sink.open(options.output, error)) {
    std::cerr << "econind: " << options.output << ": " << error << "\n";
    return 2;
  }

  std::vector<Source> sources = expand_inputs(options.inputs, options.globs);
  std::optional<std::uint64_t> total_bytes = std::uint64_t{0};
  for (const Source& s : sources) {
    if (s.size) *total_bytes += *s.size;
    else if (s.error.empty()) total_bytes.reset();
    if (!total_bytes) break;
  }
  const Extractor extractor;
  // Records streaming to the same terminal would run into the bar; a table comes only at the end.
  bool records_on_terminal = options.output.empty() && options.format != "table" && stdout_is_terminal();
  Progress progress(!options.quiet && stderr_is_terminal() && !records_on_terminal, total_bytes,
                    options.input_format == "jsonl" ? 0 : sources.size());
  Table table;
  std::size_t documents = 0, indicators = 0, errors = 0;
  std::uint64_t bytes = 0, read = 0;
  if (options.format == "csv") sink.write(csv_header_line());

  Feed feed(std::move(sources), options);
  run_ordered<Job, Outcome>(
      jobs, 2 * static_cast<std::size_t>(jobs), [&](Job& job) { return feed.next(job); },
      [&](Job& job) { return work(job, extractor, options); },
      [&](Outcome& o) {
        bytes += o.size;
        read += o.read;
        if (!o.error.empty()) {
          ++errors;
          progress.message("econind: " + o.where + ": " + o.error);
        } else {
          ++documents;
          indicators += o.indicators;
          if (!options.quiet) {
            for (const std::string& w : o.warnings) progress.message(w);
          }
          if (o.result) {
            table.add(*o.result, o.doc);
          } else if (!o.records.empty()) {
            sink.write(o.records);
            sink.flush();
          }
        }
        progress.update(documents + errors, bytes);
      });

  progress.finish();
  if (options.format == "table") {
    std::ostringstream out;
    table.print(out);
    sink.write(out.str());
  }
  int status = errors > 0 ? 1 : 0;
  if (!sink.commit(error)) {
    std::cerr << "econind: " << (options.output.empty() ? "<stdout>" : options.output) << ": " << error << "\n";
    status = 2;
  }
  if (!options.quiet) std::cerr << summary_line(documents, indicators, errors, read, progress.seconds()) << "\n";
  return status;
}

}  // namespace econind::cli
