"""Shared helpers of the end-to-end scripts: running the binary and collecting failures."""
import os
import subprocess
import sys

FAILURES = []


def binary_and_source():
    return sys.argv[1], sys.argv[2]


# Checked runs (.ci/run; docs/ci.md says why): KANSRIJK_E2E_WRAPPER puts another program in
# front of the binary (valgrind); KANSRIJK_E2E_EVERY=N sends only every N-th run of a script to
# the checker (the binary the test was given, with the wrapper), starting at run
# KANSRIJK_E2E_OFFSET; the other runs use KANSRIJK_E2E_PLAIN (the binary of the normal build)
# if it is set, else the same binary without the wrapper. Every run of every script still runs
# and is still checked for its output: only the memory checking is sampled.
_RUNS = [0]


def _sampling():
    """(N, offset) of KANSRIJK_E2E_EVERY and KANSRIJK_E2E_OFFSET; (1, 0) when not set."""
    every = max(1, int(os.environ.get("KANSRIJK_E2E_EVERY", "1") or 1))
    return every, int(os.environ.get("KANSRIJK_E2E_OFFSET", "0") or 0) % every


def command(binary, args, checked=None):
    """The command line of one run of the binary. checked=True always uses the checker (runs that
    test signals or limits), None lets the sampling decide."""
    if checked is None:
        every, offset = _sampling()
        checked = (_RUNS[0] + offset) % every == 0
        _RUNS[0] += 1
    if checked:
        return os.environ.get("KANSRIJK_E2E_WRAPPER", "").split() + [binary] + list(args)
    plain = os.environ.get("KANSRIJK_E2E_PLAIN")
    tested = os.path.abspath(binary) == os.path.abspath(sys.argv[1])  # not an installed copy (package.py)
    return [plain if plain and tested else binary] + list(args)


def sample(items):
    """The items a check that renders in a browser goes through when the runs are checked
    (KANSRIJK_E2E_EVERY): every N-th from the offset, at least one. The browser's work is the
    same in every stage and was checked in full without the checker."""
    items = list(items)
    every, offset = _sampling()
    return items[offset::every] or items[:1]


def run(binary, args, stdin=None, env=None, cwd=None, timeout=300, checked=None):
    full_env = dict(os.environ)
    full_env.pop("KANSRIJK_FRAMEWORK", None)
    full_env.pop("NO_COLOR", None)
    full_env.setdefault("SOURCE_DATE_EPOCH", "1795392000")  # 2026-11-23
    if env:
        full_env.update(env)
    return subprocess.run(command(binary, args, checked), input=stdin, capture_output=True, env=full_env, cwd=cwd,
                          timeout=timeout)


def expect(condition, message):
    if not condition:
        FAILURES.append(message)


def finish(label):
    for failure in FAILURES:
        print("FAIL:", failure)
    print(f"{label}: {len(FAILURES)} failures" if FAILURES else f"{label}: ok")
    sys.exit(1 if FAILURES else 0)
