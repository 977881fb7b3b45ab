// econind_bench: how fast extraction runs, stage by stage, beside the cost of reading the bytes
// once (ICU's UTF-8 → UTF-16 conversion over the same documents).
//
//   econind_bench DIR_OR_FILE... [--threads N] [--runs R (default 9)]
//
// Reads every .txt file under the given folders (and any files named), holds them in memory,
// and reports MB/s per stage, for the whole extract on one thread and on N threads sharing one
// Extractor, Extractor construction time, peak RSS, RSS while extracting one 10 MB document, and
// heap allocations per document against the figures it holds.
#include <sys/resource.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <new>
#include <string>
#include <thread>
#include <vector>

#include "econind/econind.hpp"
#include "link/linker.hpp"
#include "numbers/scanner.hpp"
#include "ontology/matcher.hpp"
#include "quantities/quantities.hpp"
#include "text/normalize.hpp"
#include "text/sentences.hpp"

// Counting allocations: replace the global operator new for this program only.
static std::atomic<std::size_t> g_allocations{0};
void* operator new(std::size_t n) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(n ? n : 1)) return p;
  throw std::bad_alloc();
}
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }

namespace {

using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;
namespace d = econind::detail;

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

long peak_rss_kb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

// Calls f(text) for every .txt file under the given folders and every file named, in order.
template <class F>
void for_each_document(const std::vector<std::string>& paths, F f) {
  auto read = [&](const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return f(std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()));
  };
  for (const auto& p : paths) {
    if (fs::is_directory(p)) {
      std::vector<fs::path> files;
      for (const auto& e : fs::recursive_directory_iterator(p))
        if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path());
      std::sort(files.begin(), files.end());
      for (const auto& file : files)
        if (!read(file)) return;
    } else if (fs::is_regular_file(p)) {
      if (!read(p)) return;
    }
  }
}

std::vector<std::string> load(const std::vector<std::string>& paths) {
  std::vector<std::string> docs;
  for_each_document(paths, [&](std::string text) {
    docs.push_back(std::move(text));
    return true;
  });
  return docs;
}

// Best of `runs` timings of f() over the corpus.
template <class F>
double best_of(int runs, F f) {
  double best = 1e30;
  for (int r = 0; r < runs; ++r) {
    auto t = Clock::now();
    f();
    best = std::min(best, seconds_since(t));
  }
  return best;
}

// The child process: the documents concatenated into one of 10 MB, extracted once; prints its
// speed and the process's peak RSS, the text included.
int run_one_document(const std::vector<std::string>& paths) {
  std::string big;
  while (big.size() < 10'000'000) {
    std::size_t before = big.size();
    for_each_document(paths, [&](std::string text) {
      big += text;
      big += '\n';
      return big.size() < 10'000'000;
    });
    if (big.size() == before) return 2;
  }
  econind::Extractor extractor;
  auto t = Clock::now();
  std::size_t figures = extractor.extract(big).indicators.size();
  double s = seconds_since(t);
  double mb = static_cast<double>(big.size()) / 1e6;
  std::printf("one %.1f MB document: %.1f MB/s, %zu figures, peak RSS %.1f MB (text, tables and result included)\n",
              mb, mb / s, figures, static_cast<double>(peak_rss_kb()) / 1024);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> paths;
  unsigned threads = 2;
  int runs = 9;  // best of 9: a whole pass over 10 MB takes about 35 ms, and the machine is shared
  bool one_document = false;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--threads" && i + 1 < argc) threads = static_cast<unsigned>(std::atoi(argv[++i]));
    else if (a == "--runs" && i + 1 < argc) runs = std::atoi(argv[++i]);
    else if (a == "--one-document") one_document = true;
    else paths.push_back(a);
  }
  if (one_document) return run_one_document(paths);
  if (paths.empty()) {
    std::fprintf(stderr, "usage: econind_bench DIR_OR_FILE... [--threads N] [--runs R]\n");
    return 2;
  }

  auto t0 = Clock::now();
  econind::Extractor extractor;
  double construction = seconds_since(t0);
  auto t1 = Clock::now();
  econind::Extractor second;
  double construction_again = seconds_since(t1);

  std::vector<std::string> docs = load(paths);
  double mb = 0;
  for (const auto& doc : docs) mb += static_cast<double>(doc.size()) / 1e6;
  if (docs.empty()) {
    std::fprintf(stderr, "no .txt documents found\n");
    return 2;
  }

  // The floor: one pass over the bytes, UTF-8 → UTF-16 with ICU.
  std::vector<UChar> buffer;
  auto baseline_pass = [&] {
    for (const auto& doc : docs) {
      buffer.resize(doc.size() + 1);
      int32_t len = 0;
      UErrorCode status = U_ZERO_ERROR;
      u_strFromUTF8(buffer.data(), static_cast<int32_t>(buffer.size()), &len, doc.data(),
                    static_cast<int32_t>(doc.size()), &status);
    }
  };
  double baseline = best_of(runs, baseline_pass);

  // Stage by stage, over the same documents.
  double t_norm = 0, t_sent = 0, t_scan = 0, t_quant = 0, t_match = 0, t_link = 0, t_json = 0;
  std::size_t figures = 0;
  const d::AliasMatcher& matcher = d::AliasMatcher::builtin();
  for (const auto& doc : docs) {
    auto t = Clock::now();
    d::NormalizedText norm = d::normalize(doc);
    t_norm += seconds_since(t);
    t = Clock::now();
    auto sentences = d::split_sentences(norm.text);
    t_sent += seconds_since(t);
    t = Clock::now();
    auto numbers = d::scan_number_tokens(norm.text);
    t_scan += seconds_since(t);
    t = Clock::now();
    auto quantities = d::find_quantities(norm.text, numbers, sentences);
    t_quant += seconds_since(t);
    t = Clock::now();
    auto mentions = matcher.find_all(norm.text);
    t_match += seconds_since(t);
    t = Clock::now();
    auto links = d::link({norm.text, sentences, numbers, mentions, d::dateline_year(numbers)}, quantities);
    t_link += seconds_since(t);
    figures += quantities.size();
  }
  std::vector<econind::Result> results;
  results.reserve(docs.size());
  for (const auto& doc : docs) results.push_back(extractor.extract(doc));
  auto tj = Clock::now();
  std::size_t json_bytes = 0;
  for (std::size_t i = 0; i < docs.size(); ++i) json_bytes += econind::to_jsonl(results[i], docs[i], "doc").size();
  t_json = seconds_since(tj);
  results.clear();

  // The whole extract, one thread, then N threads sharing one Extractor.
  auto whole_pass = [&] {
    for (const auto& doc : docs) (void)extractor.extract(doc);
  };
  double whole = best_of(runs, whole_pass);
  // The same ratio from rounds that time the baseline and the extract one right after the
  // other, so that both see the machine in the same state (on a shared machine the speed of
  // both moves from minute to minute, the baseline's more).
  std::vector<double> ratios;
  for (int r = 0; r < runs; ++r) {
    auto t = Clock::now();
    baseline_pass();
    double b = seconds_since(t);
    t = Clock::now();
    whole_pass();
    ratios.push_back(seconds_since(t) / b);
  }
  std::sort(ratios.begin(), ratios.end());
  double parallel = best_of(runs, [&] {
    std::atomic<std::size_t> next{0};
    std::vector<std::thread> pool;
    for (unsigned k = 0; k < threads; ++k)
      pool.emplace_back([&] {
        for (std::size_t i; (i = next.fetch_add(1)) < docs.size();) (void)extractor.extract(docs[i]);
      });
    for (auto& th : pool) th.join();
  });

  // Allocations per document against its figures.
  std::size_t allocations = 0, doc_figures = 0;
  for (const auto& doc : docs) {
    std::size_t before = g_allocations.load();
    auto r = extractor.extract(doc);
    allocations += g_allocations.load() - before;
    doc_figures += r.indicators.size();
  }
  // And for text without figures: what extraction allocates whatever the text's length.
  auto allocations_without_figures = [&](std::size_t bytes) {
    std::string text;
    while (text.size() < bytes) text += "园区企业加快创新发展，推动产业升级。Companies in the park keep growing.\n";
    std::size_t before = g_allocations.load();
    auto r = extractor.extract(text);
    return g_allocations.load() - before + r.indicators.size();  // + figures: none expected
  };
  std::size_t empty_10k = allocations_without_figures(10'000), empty_1m = allocations_without_figures(1'000'000);

  // One 10 MB document, in a process of its own so that its peak RSS is that of extracting it.
  std::string child = std::string(argv[0]) + " --one-document";
  for (const auto& p : paths) child += " '" + p + "'";
  std::string big_line;
  if (FILE* f = popen(child.c_str(), "r")) {
    char buf[256];
    while (std::fgets(buf, sizeof buf, f)) big_line += buf;
    pclose(f);
  }
  auto rate = [&](double s) { return mb / s; };
  std::printf("corpus: %zu documents, %.1f MB, %zu figures (%.1f per KB)\n", docs.size(), mb, figures,
              static_cast<double>(figures) / (mb * 1000));
  std::printf("Extractor construction: %.1f ms first (shared tables), %.2f ms after\n", construction * 1e3,
              construction_again * 1e3);
  std::printf("\n%-34s %10s %12s\n", "stage", "MB/s", "x baseline");
  auto row = [&](const char* name, double s) { std::printf("%-34s %10.1f %12.2f\n", name, rate(s), s / baseline); };
  row("baseline: ICU u_strFromUTF8", baseline);
  row("normalize (text/)", t_norm);
  row("sentences (text/)", t_sent);
  row("number scan (numbers/)", t_scan);
  row("quantities (quantities/)", t_quant);
  row("ontology match (ontology/)", t_match);
  row("linking (link/)", t_link);
  row("serialization (to_jsonl)", t_json);
  row("whole extract, 1 thread", whole);
  char label[64];
  std::snprintf(label, sizeof label, "whole extract, %u threads", threads);
  row(label, parallel);
  std::printf("whole extract / baseline in %d rounds timing both: median %.2f, %.2f-%.2f\n", runs,
              ratios[ratios.size() / 2], ratios.front(), ratios.back());
  std::printf("\n%u threads / 1 thread: %.2fx\n", threads, whole / parallel);
  std::printf("heap allocations: %.1f per document, %.1f per figure (%zu JSON bytes written)\n",
              static_cast<double>(allocations) / static_cast<double>(docs.size()),
              static_cast<double>(allocations) / static_cast<double>(std::max<std::size_t>(doc_figures, 1)), json_bytes);
  std::printf("heap allocations for text without figures: %zu for 10 KB, %zu for 1 MB\n", empty_10k, empty_1m);
  std::printf("%s", big_line.c_str());
  std::printf("peak RSS of this process (corpus and all results held): %.1f MB\n",
              static_cast<double>(peak_rss_kb()) / 1024);
  return 0;
}
