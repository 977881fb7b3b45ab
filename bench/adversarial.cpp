// Extraction speed on adversarial inputs beside ordinary news text. Prints MB/s for each, its
// ratio to the news text, and its MB/s at a tenth of the size (equal rates: linear); exits
// non-zero when the slowest input is more than 4x slower than news text. Use a Release build:
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
  // Each input at full size and at a tenth of it: a superlinear path shows as a lower MB/s at
  // full size ("growth" well above 1).
  const auto full = econind::adversarial::inputs(sample, 1'000'000, 10'000'000);
  const auto tenth = econind::adversarial::inputs(sample, 100'000, 1'000'000);
  std::printf("%-22s %8s %9s %8s %14s %8s %11s\n", "input", "MB", "MB/s", "ratio", "MB/s (1/10)", "growth",
              "indicators");
  std::printf("%-22s %8.2f %9.2f %8.2f %14s %8s %11zu\n", "news text (articles)",
              static_cast<double>(sample.size()) / 1e6, base.mb_per_s, 1.0, "", "", base.indicators);
  double worst = 1.0, worst_growth = 1.0;
  for (std::size_t k = 0; k < full.size(); ++k) {
    Measure m = measure(ex, {full[k].text}, seconds);
    Measure small = measure(ex, {tenth[k].text}, seconds);
    double ratio = base.mb_per_s / m.mb_per_s;
    double growth = small.mb_per_s / m.mb_per_s;
    worst = std::max(worst, ratio);
    worst_growth = std::max(worst_growth, growth);
    std::printf("%-22s %8.2f %9.2f %8.2f %14.2f %8.2f %11zu\n", full[k].name.c_str(),
                static_cast<double>(full[k].text.size()) / 1e6, m.mb_per_s, ratio, small.mb_per_s, growth,
                m.indicators);
    std::fflush(stdout);
  }
  std::printf("slowest adversarial input: %.2fx slower than news text (limit 4x); "
              "largest slowdown from a tenth to full size: %.2fx\n",
              worst, worst_growth);
  return worst <= 4.0 ? 0 : 1;
}
