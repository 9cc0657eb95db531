#!/usr/bin/env bash
# Builds the libFuzzer targets with clang 14 (ASan+UBSan) and runs one of them.
# Usage: scripts/fuzz.sh TARGET [SECONDS] [RUNS] [LIBFUZZER-FLAG...]
#   TARGET: use_case | expression | framework | batch
#   e.g. -fork=1 -ignore_timeouts=1 to record timeouts and go on (docs/reliability.md)
# Stops after SECONDS (default 60) or RUNS executions (default 10 million), whichever comes first.
# Seeds come from examples/, the bad-input corpus and the golden cases; dictionaries from
# tests/fuzz/*.dict.
# Crashes are written to build-fuzz/crashes/; turn each into a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: scripts/fuzz.sh use_case|expression|framework|batch [seconds]}
seconds=${2:-60}
runs=${3:-10000000}
shift $(( $# < 3 ? $# : 3 ))
CXX=clang++-14 cmake -S . -B build-fuzz -DKANSRIJK_FUZZ=ON -DKANSRIJK_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-fuzz -j2 --target "fuzz_$target"
corpus=build-fuzz/corpus/$target
mkdir -p "$corpus" build-fuzz/crashes
case $target in
  use_case) cp examples/*.yaml tests/e2e/bad-input/*.yaml tests/e2e/hostile-ok/* "$corpus"/ 2>/dev/null || true
            # golden cases hold a use case under `use_case:`; seed with that part
            for f in frameworks/*/tests/*.yaml; do
              sed -n '/^use_case:/,/^expect:/p' "$f" | sed '1d;$d' | sed 's/^  //' > "$corpus/golden-$(basename "$f")"
            done ;;
  expression) grep -ho 'when: ".*"' frameworks/tno-arbeidsdeskundige/rules.yaml | sed 's/^when: "//; s/"$//' |
                awk -v dir="$corpus" '{ f = dir "/seed" NR; print > f; close(f) }' ;;
  batch) # first byte even: JSON Lines; odd: CSV
         python3 -c "
import glob, json, sys, yaml
cases = [yaml.safe_load(open(p, encoding='utf-8')) for p in sorted(glob.glob('examples/*.yaml'))]
open(sys.argv[1] + '/seed-jsonl', 'w', encoding='utf-8').write('\\x00' + ''.join(json.dumps(c, ensure_ascii=False) + '\\n' for c in cases))
" "$corpus"
         printf '\001' | cat - examples/inventaris.csv > "$corpus/seed-csv" ;;
  framework) i=0; for f in frameworks/tno-arbeidsdeskundige/*.yaml; do printf "\\x$(printf %02x $i)" | cat - "$f" > "$corpus/seed$i"; i=$((i+1)); done ;;
esac
dict=tests/fuzz/$target.dict; [ "$target" = batch ] && dict=tests/fuzz/use_case.dict
"build-fuzz/fuzz_$target" "$corpus" -max_total_time="$seconds" -runs="$runs" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix=build-fuzz/crashes/ $( [ -f "$dict" ] && echo "-dict=$dict" ) -print_final_stats=1 "$@"
