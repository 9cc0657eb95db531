#!/usr/bin/env python3
"""Prints the files in src/ whose translation units changed since a commit, one per line.

Usage: scripts/tidy-scope.py BASE

clang-tidy's findings in a translation unit depend only on the files it includes, the
compile flags and .clang-tidy. A file in src/ is printed when it, or a project header it
includes directly or through other project headers (include/kansrijk, src), differs
between BASE and the work tree. Every file is printed when BASE is not an ancestor of HEAD
(or unknown, as in a shallow clone), or when the build or the clang-tidy set-up changed
(CMakeLists.txt, cmake/, .clang-tidy, scripts/tidy.sh, this script). System headers come
from Debian's packages and do not change between commits.
"""
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SETUP = ("CMakeLists.txt", "cmake/", ".clang-tidy", "scripts/tidy.sh", "scripts/tidy-scope.py")
INCLUDE = re.compile(r'^\s*#\s*include\s*[<"]([^>"]+)[>"]', re.M)


def git(*args):
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)


def sources():
    return sorted(git("ls-files", "src/*.cpp").stdout.split())


def includes(path, cache):
    """Project files that path includes, directly or not (paths relative to ROOT)."""
    if path in cache:
        return cache[path]
    cache[path] = set()  # a cycle stops here
    found = set()
    try:
        with open(os.path.join(ROOT, path), encoding="utf-8") as f:
            text = f.read()
    except OSError:
        return found
    for name in INCLUDE.findall(text):
        for folder in (os.path.dirname(path), "include", "src"):
            candidate = os.path.normpath(os.path.join(folder, name))
            if os.path.isfile(os.path.join(ROOT, candidate)):
                found.add(candidate)
                found |= includes(candidate, cache)
                break
    cache[path] = found
    return found


def main():
    if len(sys.argv) != 2:
        print("usage: scripts/tidy-scope.py BASE", file=sys.stderr)
        return 2
    base = sys.argv[1]
    if git("merge-base", "--is-ancestor", base, "HEAD").returncode != 0:
        print(f"tidy-scope: {base} is not an ancestor of HEAD here; every file", file=sys.stderr)
        print("\n".join(sources()))
        return 0
    diff = git("diff", "--name-only", base)  # against the work tree: uncommitted changes count
    untracked = git("ls-files", "--others", "--exclude-standard")
    changed = set(diff.stdout.split()) | set(untracked.stdout.split())
    if any(c == s or (s.endswith("/") and c.startswith(s)) for c in changed for s in SETUP):
        print("tidy-scope: the build or clang-tidy set-up changed; every file", file=sys.stderr)
        print("\n".join(sources()))
        return 0
    cache = {}
    chosen = [s for s in sources() if s in changed or includes(s, cache) & changed]
    print(f"tidy-scope: {len(chosen)} of {len(sources())} files changed since {base[:12]}", file=sys.stderr)
    print("\n".join(chosen))
    return 0


if __name__ == "__main__":
    sys.exit(main())
