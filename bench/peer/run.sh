#!/usr/bin/env bash
# Measures econind against Microsoft Recognizers-Text on the same slice of the same corpus.
#   bench/peer/run.sh ECONIND_BENCH_BINARY CORPUS_DIR [SLICE_KB]
# Installs the peer from the npm registry into a temporary folder (needs node and npm).
set -euo pipefail
bench=${1:?usage: run.sh ECONIND_BENCH_BINARY CORPUS_DIR [SLICE_KB]}
corpus=${2:?usage: run.sh ECONIND_BENCH_BINARY CORPUS_DIR [SLICE_KB]}
slice_kb=${3:-200}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cp "$here/package.json" "$here/recognizers.js" "$work/"
(cd "$work" && npm install --silent --no-audit --no-fund >/dev/null)

# The slice: the first files of the corpus, up to SLICE_KB kilobytes.
mkdir "$work/slice"
total=0
for f in $(ls "$corpus"/*.txt | sort); do
  size=$(stat -c %s "$f")
  [ $((total + size)) -gt $((slice_kb * 1024)) ] && break
  cp "$f" "$work/slice/"
  total=$((total + size))
done

read -r peer_bytes peer_seconds peer_figures < <(cd "$work" && node recognizers.js slice/*.txt)
ours=$("$bench" "$work/slice" --runs 3 | awk '/whole extract, 1 thread/ {print $(NF-1)}')
awk -v b="$peer_bytes" -v s="$peer_seconds" -v f="$peer_figures" -v ours="$ours" 'BEGIN {
  peer = b / s / 1e6
  printf "slice: %.0f KB\n", b / 1024
  printf "Recognizers-Text 1.3.1: %.3f MB/s (%.1f KB/s), %d recognized spans\n", peer, peer * 1000, f
  printf "econind: %.1f MB/s\n", ours
  printf "econind / Recognizers-Text: %.0fx\n", ours / peer
}'
