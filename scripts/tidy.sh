#!/usr/bin/env bash
# Runs clang-tidy-16 (scripts/setup.sh --test installs it) with .clang-tidy over every file
# in src/, and through them the headers in include/kansrijk and src; any finding fails
# (.clang-tidy sets WarningsAsErrors). Extra arguments go to run-clang-tidy, e.g. -fix.
# Usage: scripts/tidy.sh [RUN-CLANG-TIDY-ARGUMENT...]
set -euo pipefail
cd "$(dirname "$0")/.."
# Its own build folder: without precompiled headers (clang cannot read g++'s), no tests.
cmake -S . -B build-tidy -DKANSRIJK_PCH=OFF -DKANSRIJK_BUILD_TESTS=OFF -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >/dev/null
# clang 16 calls C++23 "c++2b"; the compile commands are g++'s.
mkdir -p build-tidy/db
sed 's/-std=c++23/-std=c++2b/g' build-tidy/compile_commands.json > build-tidy/db/compile_commands.json
mapfile -t files < <(git ls-files 'src/*.cpp' | sed "s|^|$PWD/|")
run-clang-tidy-16 -p build-tidy/db -j "$(nproc)" -quiet \
  -clang-apply-replacements-binary clang-apply-replacements-16 "$@" "${files[@]}"
