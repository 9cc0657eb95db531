#!/usr/bin/env bash
# Runs clang-tidy-16 (scripts/setup.sh --test installs it) with .clang-tidy over the files in
# src/, and through them the headers in include/kansrijk and src; any finding fails
# (.clang-tidy sets WarningsAsErrors). A whole run takes some 17 minutes on a 2-core machine.
#
#   scripts/tidy.sh                    every file in src/
#   scripts/tidy.sh --since COMMIT     only the files whose translation units changed since
#                                      COMMIT (scripts/tidy-scope.py says how that is decided)
#   scripts/tidy.sh --record           every file; when nothing is found and the work tree is
#                                      clean, writes HEAD to .ci/tidy-base for .ci/run
# Further arguments go to run-clang-tidy, e.g. -fix.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=all since="" record=no
case "${1-}" in
  --since) [ $# -ge 2 ] || { echo "usage: scripts/tidy.sh --since COMMIT" >&2; exit 2; }
           mode=since since=$2; shift 2 ;;
  --record) record=yes; shift ;;
esac
if [ "$mode" = since ]; then
  mapfile -t files < <(/usr/bin/env python3 scripts/tidy-scope.py "$since")
else
  mapfile -t files < <(git ls-files 'src/*.cpp')
fi
if [ "${#files[@]}" -eq 0 ] || [ -z "${files[0]}" ]; then
  echo "clang-tidy: no translation unit changed since $since"
  exit 0
fi
# Its own build folder (compile commands only, no tests); nothing is built there.
cmake -S . -B build-tidy -DKANSRIJK_BUILD_TESTS=OFF -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null
# clang 16 calls C++23 "c++2b"; the compile commands are g++'s.
mkdir -p build-tidy/db
sed 's/-std=c++23/-std=c++2b/g' build-tidy/compile_commands.json > build-tidy/db/compile_commands.json
echo "clang-tidy over ${#files[@]} files"
run-clang-tidy-16 -p build-tidy/db -j "$(nproc)" -quiet \
  -clang-apply-replacements-binary clang-apply-replacements-16 "$@" "${files[@]/#/$PWD/}"
if [ "$record" = yes ]; then
  if [ -z "$(git status --porcelain)" ]; then
    git rev-parse HEAD > .ci/tidy-base
    echo "clang-tidy: no findings at $(cat .ci/tidy-base); recorded in .ci/tidy-base (commit it)"
  else
    echo "clang-tidy: no findings, but the work tree has changes: .ci/tidy-base not written" >&2
  fi
fi
