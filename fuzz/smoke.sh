#!/usr/bin/env bash
# Runs every libFuzzer target of a fuzz build for a bounded time, each starting from its seed
# corpus and regression inputs, and fails on any finding: a crash, a failed invariant, a
# sanitizer report, a leak, an input slower than TIMEOUT seconds or a blow-up past 2 GB.
#
#   fuzz/smoke.sh BUILD_DIR [SECONDS_PER_TARGET] [PARALLEL_TARGETS]
#
# BUILD_DIR is a build of the `fuzz` preset (build/fuzz). The checked-in corpus is only read:
# new inputs go to a scratch directory. A finding is copied to BUILD_DIR/fuzz-findings/<target>/;
# once fixed, add it to fuzz/regressions/<target>/ so every build replays it.
set -euo pipefail

build=${1:?usage: fuzz/smoke.sh BUILD_DIR [SECONDS_PER_TARGET] [PARALLEL_TARGETS]}
seconds=${2:-30}
parallel=${3:-2}
timeout=${FUZZ_TIMEOUT:-10}
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "$build" && pwd)

targets=()
for f in "$build"/fuzz/*_fuzzer; do
  [ -x "$f" ] && targets+=("$f")
done
if [ ${#targets[@]} -eq 0 ]; then
  echo "fuzz smoke: no *_fuzzer programs in $build/fuzz (configure with --preset fuzz)" >&2
  exit 1
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

run_one() {
  local target=$1 name
  name=$(basename "$target" _fuzzer)
  local work="$scratch/$name"
  mkdir -p "$work/corpus" "$work/artifacts"
  local inputs=("$here/corpus/$name")
  [ -d "$here/regressions/$name" ] && inputs+=("$here/regressions/$name")
  local dict=()  # the target's own dictionary, else the one for text
  if [ -f "$here/dict/$name.dict" ]; then dict=(-dict="$here/dict/$name.dict")
  elif [ -f "$here/dict/text.dict" ]; then dict=(-dict="$here/dict/text.dict"); fi
  local start=$SECONDS
  if ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1} \
     "$target" -max_total_time="$seconds" -timeout="$timeout" -rss_limit_mb=2048 -max_len=4096 \
       -print_final_stats=1 -artifact_prefix="$work/artifacts/" "${dict[@]}" \
       "$work/corpus" "${inputs[@]}" > "$work/log" 2>&1; then
    local runs
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$work/log" | grep -o '[0-9]*$' || echo "?")
    printf 'fuzz %-14s ok: %s runs in %ss, %s new corpus inputs\n' "$name" "$runs" "$((SECONDS - start))" \
      "$(find "$work/corpus" -type f | wc -l)"
    return 0
  fi
  printf 'fuzz %-14s FAILED after %ss\n' "$name" "$((SECONDS - start))"
  grep -v '^#\|^INFO\|^\s*$' "$work/log" | tail -40 | sed 's/^/  /'
  mkdir -p "$build/fuzz-findings/$name"
  for a in "$work"/artifacts/*; do
    [ -f "$a" ] || continue
    cp "$a" "$build/fuzz-findings/$name/"
    echo "  input ($(basename "$a"), base64): $(base64 -w0 "$a")"
  done
  echo "  kept in $build/fuzz-findings/$name/; replay with: $target <file>"
  return 1
}

export -f run_one
export scratch here build seconds timeout
status=0
printf '%s\n' "${targets[@]}" | xargs -P "$parallel" -I{} bash -c 'run_one "$@"' _ {} || status=1
if [ $status -ne 0 ]; then
  echo "fuzz smoke: FAILED" >&2
  exit 1
fi
echo "fuzz smoke: ${#targets[@]} targets, ${seconds}s each, no findings"
