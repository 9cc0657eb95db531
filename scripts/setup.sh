#!/usr/bin/env bash
# Installs the Debian 12 packages kansrijk needs, and nothing that is there already. Safe to
# run again. Uses sudo when not run as root.
#
#   scripts/setup.sh          what building and running kansrijk needs (README, command 1)
#   scripts/setup.sh --test   that, and the tools of the test suite (README, command 2):
#                             Catch2, Python, a browser, shells, lintian ..., and two npm
#                             packages fetched into .cache/
set -euo pipefail

usage() {
  echo "usage: scripts/setup.sh [--test]" >&2
  exit 2
}

with_tests=no
case "${1-}" in
  "") ;;
  --test) with_tests=yes ;;
  *) usage ;;
esac
[ $# -le 1 ] || usage

build_packages=(
  build-essential   # g++ 12, make, dpkg-dev (dpkg-shlibdeps for the Debian package)
  cmake
  libcli11-dev      # command-line parsing
  nlohmann-json3-dev
  libyaml-cpp-dev
  libfmt-dev
  libmimalloc-dev   # allocator for the binary: batch speed (docs/performance.md)
  libedit-dev       # line editing and history in `kansrijk interview`
  libstemmer-dev    # Snowball stemmers (Dutch, English): `batch --suggest` matches word forms
  libminizip-dev    # .xlsx registers: the zip archive (read); libxlsxwriter writes with it too
  libexpat1-dev     # .xlsx registers: the XML parts, read as a stream
  libxlsxwriter-dev # .xlsx summaries and `kansrijk template FILE.xlsx`
)

test_packages=(
  catch2            # unit tests
  python3           # end-to-end test runner
  python3-yaml      # scripts/framework-doc.py (docs/framework.md is generated and checked)
  python3-openpyxl  # the .xlsx summaries and templates are read back as Excel would
  cmark-gfm         # Markdown reports rendered by a real GFM renderer (escaping)
  chromium          # HTML reports rendered and screenshotted headless
  poppler-utils     # pdftotext reads the printed report page by page (page numbers, title)
  tmux              # the interview and the zsh completion driven in a real terminal
  graphviz          # `kansrijk graph --format dot` must render
  lintian           # the Debian package is checked against Debian's rules
  man-db            # the installed man page must render (man -l)
  zsh               # the zsh completion is loaded and used in a real shell
  fish              # the fish completion is loaded and used in a real shell
  nodejs            # Ajv checks the JSON Schemas and SARIF output
  npm               # fetches Ajv and the SARIF schema into .cache/ (below)
  clang-format-16   # .ci/run checks that the tree is formatted (.clang-format)
  clang-tidy-16     # .ci/run runs clang-tidy over src/ (.clang-tidy, scripts/tidy.sh)
)

packages=("${build_packages[@]}")
if [ "$with_tests" = yes ]; then
  packages+=("${test_packages[@]}")
fi

missing=()
for package in "${packages[@]}"; do
  if dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    continue
  fi
  # Node.js from NodeSource (a common setup) brings its own npm, and Debian's npm package
  # conflicts with it: a working npm command is enough.
  if [ "$package" = npm ] && command -v npm >/dev/null; then
    continue
  fi
  missing+=("$package")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all packages are installed" >&2
else
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if ! command -v sudo >/dev/null; then
      echo "setup: missing packages: ${missing[*]}; run this script as root or install sudo" >&2
      exit 1
    fi
    sudo="sudo"
  fi
  echo "setup: installing ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  echo "setup: done" >&2
fi

if [ "$with_tests" = no ]; then
  exit 0
fi

# Tests: `kansrijk validate --format sarif` is checked against the official SARIF 2.1.0 JSON
# schema with Ajv. Neither is a Debian package: both come once from the npm registry
# (pinned versions) into .cache/, which git ignores. The schema ships inside Microsoft's
# SARIF Multitool package; only the schema file is kept.
cd "$(dirname "$0")/.."
schema=.cache/sarif/sarif-2.1.0.json
if [ ! -f "$schema" ]; then
  echo "setup: fetching the SARIF 2.1.0 schema (@microsoft/sarif-multitool-linux 5.7.0, tests only)" >&2
  mkdir -p .cache/sarif
  tarball=$(cd .cache/sarif && npm pack --silent @microsoft/sarif-multitool-linux@5.7.0 2>/dev/null | tail -1)
  tar xzf ".cache/sarif/$tarball" -C .cache/sarif --strip-components=1 package/sarif-2.1.0.json
  rm -f ".cache/sarif/$tarball"
fi
if [ ! -d .cache/ajv/node_modules/ajv ]; then
  echo "setup: fetching ajv 8.17.1 (JSON Schema validator, tests only)" >&2
  mkdir -p .cache/ajv
  (cd .cache/ajv && npm install --silent --no-audit --no-fund ajv@8.17.1 >/dev/null)
fi
