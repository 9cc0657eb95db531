#!/usr/bin/env bash
# Batch and single-assessment benchmarks for docs/performance.md. Not run by ctest: timings
# on shared machines are noisy, so figures are ratios measured side by side in one run.
#
# Usage: bench/run.sh [BUILD_DIR]   (default: build; a RelWithDebInfo or Release build)
# Needs python3 with python3-yaml (scripts/setup.sh) and jq (apt-get install jq) for the
# reference reading time.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
bin=$build/kansrijk
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
command -v jq >/dev/null || { echo "bench: jq is missing; apt-get install jq" >&2; exit 2; }

# best of 3 wall-clock seconds and the peak RSS (KiB) of that run
measure() {
  local best="" rss=""
  for _ in 1 2 3; do
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>&1 || { [ $? -eq 3 ] || { echo "bench: failed: $*" >&2; exit 1; }; }
    read -r secs kib < "$work/time"
    if [ -z "$best" ] || awk -v a="$secs" -v b="$best" 'BEGIN{exit !(a<b)}'; then best=$secs; rss=$kib; fi
  done
  echo "$best $rss"
}

echo "kansrijk $("$bin" --version | cut -d' ' -f2), $(nproc) cores, $(date -u +%Y-%m-%d)"
for n in 10000 100000; do
  python3 bench/generate.py "$n" > "$work/cases-$n.jsonl"
done
declare -A secs_of rss_of
printf '%-8s %-28s %9s %12s %10s\n' cases run seconds cases/s "peak RSS"
for n in 10000 100000; do
  file=$work/cases-$n.jsonl
  for jobs in 1 2; do
    read -r secs kib < <(measure "$bin" batch "$file" --jobs "$jobs" --summary "$work/summary.jsonl")
    secs_of[$n.$jobs]=$secs; rss_of[$n.$jobs]=$kib
    printf '%-8s %-28s %9s %12.0f %8s KiB\n' "$n" "batch --summary, $jobs job(s)" "$secs" "$(awk -v n="$n" -v s="$secs" 'BEGIN{print (s>0?n/s:0)}')" "$kib"
  done
  read -r secs kib < <(measure jq -c '{id}' "$file")
  secs_of[$n.jq]=$secs
  printf '%-8s %-28s %9s %12.0f %8s KiB\n' "$n" "jq -c '{id}' (reading only)" "$secs" "$(awk -v n="$n" -v s="$secs" 'BEGIN{print (s>0?n/s:0)}')" "$kib"
done
awk -v t1="${secs_of[100000.1]}" -v t2="${secs_of[100000.2]}" -v jq="${secs_of[100000.jq]}" \
    -v r10="${rss_of[10000.2]}" -v r100="${rss_of[100000.2]}" 'BEGIN{
  printf "targets (100k cases):\n"
  printf "  cases/s per core, 1 job:        %8.0f   (target >= 20000)\n", 100000/t1
  printf "  speed-up of 2 jobs over 1:      %8.2f x (target >= 1.70)\n", t1/t2
  printf "  peak RSS 100k / 10k (2 jobs):   %8.2f   (target <= 1.20)\n", r100/r10
  printf "  2 jobs time / jq time:          %8.2f   (target <= 1.00)\n", t2/jq
}'

# one assessment end to end (process start, framework load and check, assess, report)
runs=100
start=$(date +%s.%N)
for _ in $(seq $runs); do "$bin" assess examples/rapport-concept.yaml >/dev/null; done
end=$(date +%s.%N)
vstart=$(date +%s.%N)
for _ in $(seq $runs); do "$bin" --version >/dev/null; done
vend=$(date +%s.%N)
awk -v a="$start" -v b="$end" -v c="$vstart" -v d="$vend" -v n=$runs \
  'BEGIN{printf "assess examples/rapport-concept.yaml: %.1f ms per run (kansrijk --version: %.1f ms)\n", (b-a)*1000/n, (d-c)*1000/n}'
