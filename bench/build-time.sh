#!/usr/bin/env bash
# Clean build plus unit tests of two commits, side by side (docs/performance.md, "Build
# time"). Each round configures, builds (cmake --build -j2: everything README command 2
# builds) and runs the unit test binary, first for BEFORE, then for AFTER, in fresh clones,
# so both see the same machine. Reports wall-clock and CPU (user + system) seconds; on a
# shared machine read the CPU figures and the ratios.
#
# Usage: bench/build-time.sh BEFORE [AFTER] [ROUNDS]   (AFTER defaults to HEAD, ROUNDS to 1)
set -euo pipefail
cd "$(dirname "$0")/.."
before=${1:?usage: bench/build-time.sh BEFORE [AFTER] [ROUNDS]}
after=${2:-HEAD}
rounds=${3:-1}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for label in before after; do
  commit=$([ "$label" = before ] && echo "$before" || echo "$after")
  git clone -q . "$work/$label"
  git -C "$work/$label" checkout -q "$(git rev-parse "$commit")"
done
echo "clean configure + build -j2 + unit tests, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%FT%TZ)"
printf '%-7s %-8s %-12s %8s %8s\n' round tree commit wall_s cpu_s
for round in $(seq "$rounds"); do
  for label in before after; do
    tree=$work/$label
    rm -rf "$tree/build"
    /usr/bin/time -f "%e %U %S" -o "$work/time" sh -c \
      "cmake -S '$tree' -B '$tree/build' >/dev/null && cmake --build '$tree/build' -j2 >/dev/null && '$tree/build/tests/kansrijk_unit_tests' >/dev/null"
    read -r wall user sys < "$work/time"
    printf '%-7s %-8s %-12s %8.0f %8.0f\n' "$round" "$label" "$(git -C "$tree" rev-parse --short HEAD)" "$wall" \
      "$(echo "$user + $sys" | bc)"
  done
done
