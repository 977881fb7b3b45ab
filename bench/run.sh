#!/usr/bin/env bash
# Every speed figure of docs/PERFORMANCE.md in one run: builds the benchmark (Release), writes
# the generated corpus, and runs
#   1. econind_bench: MB/s per stage and for the whole extract (1 and 2 threads) beside ICU's
#      UTF-8 decoder over the same bytes, construction time, allocations, a 10 MB document's RSS;
#   2. bench/peer/run.sh: Microsoft Recognizers-Text on a slice of the same corpus (needs node
#      and npm; skipped with a note otherwise);
#   3. bench/cli_memory.py: the CLI over GB gigabytes of JSONL, its peak RSS.
#
#   bench/run.sh [--mb MB] [--jsonl-gb GB] [--build DIR] [MORE_DIRS…]   (defaults: 10, 1, build/bench)
#
# MORE_DIRS: folders of real .txt articles to measure beside the generated ones.
set -euo pipefail
mb=10 gb=1 build=build/bench more=()
while [ $# -gt 0 ]; do
  case "$1" in
    --mb) mb=$2; shift 2 ;;
    --jsonl-gb) gb=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    -*) echo "usage: bench/run.sh [--mb MB] [--jsonl-gb GB] [--build DIR] [MORE_DIRS…]" >&2; exit 2 ;;
    *) more+=("$(cd "$1" && pwd)"); shift ;;
  esac
done
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DECONIND_BUILD_BENCHMARKS=ON >/dev/null
cmake --build "$build" --target econind_bench econind_cli >/dev/null
python3 bench/make_corpus.py "$build/corpus" --mb "$mb"

echo
echo "== throughput, memory, construction (bench/throughput.cpp)"
"$build/bench/econind_bench" "$build/corpus" ${more[@]+"${more[@]}"} --threads 2

echo
echo "== against Microsoft Recognizers-Text (bench/peer/run.sh)"
if command -v node >/dev/null && command -v npm >/dev/null; then
  bench/peer/run.sh "$build/bench/econind_bench" "$build/corpus" 100
else
  echo "skipped: needs node and npm (apt install nodejs npm)"
fi

echo
echo "== the CLI over a JSONL stream (bench/cli_memory.py)"
python3 bench/cli_memory.py "$build/examples/econind" "$build/corpus" "$gb"
