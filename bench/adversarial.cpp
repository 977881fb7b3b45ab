// Extraction speed on adversarial inputs beside ordinary news text. Prints MB/s for each and
// its ratio to the news text; exits non-zero when the slowest input is more than 4x slower
// than news text (a superlinear path has crept in). Use a Release build:
//
//   econind_bench_adversarial [CORPUS_DIR] [--seconds S]
//
// CORPUS_DIR holds the news articles (*.txt) to compare with; it defaults to the test corpus.
#include <econind/econind.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "adversarial_inputs.hpp"

namespace {

using Clock = std::chrono::steady_clock;

struct Measure {
  double mb_per_s;
  std::size_t indicators;
};

// Extracts every document of `docs` repeatedly for at least `seconds`; returns MB/s.
Measure measure(const econind::Extractor& ex, const std::vector<std::string>& docs, double seconds) {
  std::size_t bytes = 0, indicators = 0, rounds = 0;
  for (const auto& d : docs) bytes += d.size();
  auto start = Clock::now();
  double elapsed = 0;
  do {
    for (const auto& d : docs) indicators += ex.extract(d).indicators.size();
    ++rounds;
    elapsed = std::chrono::duration<double>(Clock::now() - start).count();
  } while (elapsed < seconds);
  return {static_cast<double>(bytes * rounds) / 1e6 / elapsed, indicators / rounds};
}

std::vector<std::string> read_corpus(const std::filesystem::path& dir) {
  std::vector<std::filesystem::path> paths;
  for (const auto& e : std::filesystem::directory_iterator(dir))
    if (e.path().extension() == ".txt") paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  std::vector<std::string> docs;
  for (const auto& p : paths) {
    std::ifstream in(p, std::ios::binary);
    docs.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  return docs;
}

}  // namespace

int main(int argc, char** argv) {
  std::filesystem::path corpus = ECONIND_BENCH_CORPUS_DIR;
  double seconds = 2.0;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--seconds" && i + 1 < argc) seconds = std::atof(argv[++i]);
    else corpus = a;
  }
  std::vector<std::string> news = read_corpus(corpus);
  if (news.empty()) {
    std::fprintf(stderr, "no *.txt articles in %s\n", corpus.string().c_str());
    return 2;
  }
  std::string sample;
  for (const auto& d : news) sample += d;

  econind::Extractor ex;
  Measure base = measure(ex, news, seconds);
  std::printf("%-22s %10s %10s %8s %12s\n", "input", "MB", "MB/s", "ratio", "indicators");
  std::printf("%-22s %10.2f %10.2f %8.2f %12zu\n", "news text (articles)", static_cast<double>(sample.size()) / 1e6,
              base.mb_per_s, 1.0, base.indicators);
  double worst = 1.0;
  for (const auto& in : econind::adversarial::inputs(sample, 1'000'000, 10'000'000)) {
    Measure m = measure(ex, {in.text}, seconds);
    double ratio = base.mb_per_s / m.mb_per_s;
    worst = std::max(worst, ratio);
    std::printf("%-22s %10.2f %10.2f %8.2f %12zu\n", in.name.c_str(), static_cast<double>(in.text.size()) / 1e6,
                m.mb_per_s, ratio, m.indicators);
    std::fflush(stdout);
  }
  std::printf("slowest adversarial input: %.2fx slower than news text (limit 4x)\n", worst);
  return worst <= 4.0 ? 0 : 1;
}
