#!/usr/bin/env python3
"""Feeds the CLI GB gigabytes of JSONL articles on its standard input and reports its peak RSS.

    bench/cli_memory.py ECONIND_CLI CORPUS_DIR [GB]

The articles of CORPUS_DIR are repeated, each as {"id", "text"} on one line, until GB
gigabytes have been written; the CLI's output goes to /dev/null. Memory that stays flat
while the input grows is what matters, so the peak is printed beside the input size.
"""
import json
import os
import resource
import subprocess
import sys
import time


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    cli, corpus = sys.argv[1], sys.argv[2]
    target = int(float(sys.argv[3] if len(sys.argv) > 3 else 1) * 1e9)
    names = sorted(n for n in os.listdir(corpus) if n.endswith(".txt"))
    lines = []
    for n in names:
        with open(os.path.join(corpus, n), encoding="utf-8") as f:
            lines.append((json.dumps({"id": n, "text": f.read()}, ensure_ascii=False) + "\n").encode("utf-8"))
    if not lines:
        sys.exit("no .txt articles in " + corpus)
    start = time.monotonic()
    p = subprocess.Popen([cli, "extract", "-i", "jsonl", "-j", "2", "-o", os.devnull],
                         stdin=subprocess.PIPE, stderr=subprocess.DEVNULL)
    written = 0
    k = 0
    while written < target:
        line = lines[k % len(lines)]
        p.stdin.write(line)
        written += len(line)
        k += 1
    p.stdin.close()
    status = p.wait()
    seconds = time.monotonic() - start
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print("CLI over %.2f GB of JSONL (%d articles, 2 jobs): %.1f MB/s, peak RSS %.1f MB, exit %d"
          % (written / 1e9, k, written / seconds / 1e6, peak_mb, status))
    return status


if __name__ == "__main__":
    sys.exit(main())
