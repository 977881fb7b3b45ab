// One Extractor shared by 8 threads, each extracting the documents in its own order, must give
// every document exactly the result a single thread gets. Run under ThreadSanitizer in CI
// (the `threads` test of the tsan preset), which also checks the lazily built shared tables.
#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include "adversarial_inputs.hpp"
#include "catch.hpp"
#include "econind/econind.hpp"

namespace {

constexpr int kThreads = 8;

struct Doc {
  std::string name;
  std::string text;
};

// The annotated corpus, the sample articles and small adversarial inputs.
std::vector<Doc> documents() {
  std::vector<Doc> docs;
  for (const char* dir : {ECONIND_TEST_CORPUS_DIR, ECONIND_TEST_ARTICLES_DIR}) {
    std::vector<std::filesystem::path> paths;
    for (const auto& e : std::filesystem::directory_iterator(dir))
      if (e.path().extension() == ".txt") paths.push_back(e.path());
    std::sort(paths.begin(), paths.end());
    for (const auto& p : paths) {
      std::ifstream in(p, std::ios::binary);
      docs.push_back({p.filename().string(), std::string(std::istreambuf_iterator<char>(in), {})});
    }
  }
  for (auto& in : econind::adversarial::inputs(econind::adversarial::news_sample(), 4000, 20000))
    docs.push_back({in.name, in.text.substr(0, 20000)});
  return docs;
}

// Everything a result holds, as text, so two results compare as strings.
std::string describe(const econind::Result& r, const std::string& text) {
  std::string out = econind::to_jsonl(r, text, "");
  for (const auto& m : r.mentions)
    out += "mention " + m.entity->id + " " + std::to_string(m.span.begin) + "-" + std::to_string(m.span.end) + "\n";
  for (const auto& d : r.diagnostics)
    out += "diagnostic " + std::string(econind::to_string(d.code)) + " " + std::to_string(d.span.begin) + "-" +
           std::to_string(d.span.end) + "\n";
  return out;
}

// Runs `work(thread_index)` on kThreads threads released together.
template <class F>
void on_threads(F work) {
  std::atomic<int> ready{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      ready.fetch_add(1);
      while (ready.load() < kThreads) std::this_thread::yield();
      work(t);
    });
  }
  for (auto& th : threads) th.join();
}

}  // namespace

TEST_CASE("first use from 8 threads at once builds each shared table once", "[threads]") {
  // Nothing has touched the lexicons, the fold table or the built-in ontology yet in a process
  // that runs only this test: every thread races to build them.
  const std::string text = "兰州高新区实现营业收入200多亿元，增长12.5%，位列第53名。";
  std::vector<std::string> got(kThreads);
  on_threads([&](int t) {
    std::string s;
    if (auto m = econind::parse_money("200多亿元")) s += m->value.to_string();
    if (auto n = econind::parse_number("十四点二")) s += " " + n->value.to_string();
    s += " " + std::to_string(econind::scan_numbers(text).size());
    s += " " + std::to_string(econind::Ontology::builtin().size());
    econind::Extractor own;  // constructed concurrently
    s += "\n" + describe(own.extract(text), text);
    got[static_cast<std::size_t>(t)] = s;
  });
  econind::Extractor single;
  std::string expected = "20000000000 14.2 3 " + std::to_string(econind::Ontology::builtin().size()) + "\n" +
                         describe(single.extract(text), text);
  for (const auto& g : got) CHECK(g == expected);
}

TEST_CASE("8 threads sharing one Extractor over different documents match one thread", "[threads]") {
  const std::vector<Doc> docs = documents();
  REQUIRE(docs.size() > 30);
  const econind::Extractor extractor;
  std::vector<std::string> expected;
  for (const Doc& d : docs) expected.push_back(describe(extractor.extract(d.text, {d.name, "2023-01-01"}), d.text));

  // Thread t takes every document in its own order (rotated by t, odd threads backwards), so
  // different threads work on different documents at any one time, and copies the extractor
  // once halfway, as a worker pool handing out copies would.
  std::vector<std::vector<std::string>> got(kThreads, std::vector<std::string>(docs.size()));
  on_threads([&](int t) {
    econind::Extractor copy = extractor;
    for (std::size_t k = 0; k < docs.size(); ++k) {
      std::size_t i = (k + static_cast<std::size_t>(t) * 7) % docs.size();
      if (t % 2) i = docs.size() - 1 - i;
      const econind::Extractor& ex = k < docs.size() / 2 ? extractor : copy;
      got[static_cast<std::size_t>(t)][i] = describe(ex.extract(docs[i].text, {docs[i].name, "2023-01-01"}), docs[i].text);
    }
  });
  for (int t = 0; t < kThreads; ++t) {
    for (std::size_t i = 0; i < docs.size(); ++i) {
      INFO("thread " << t << ", document " << docs[i].name);
      CHECK(got[static_cast<std::size_t>(t)][i] == expected[i]);
    }
  }
}
