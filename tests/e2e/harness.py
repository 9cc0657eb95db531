"""Shared helpers of the end-to-end scripts: running the binary and collecting failures."""
import os
import subprocess
import sys

FAILURES = []


def binary_and_source():
    return sys.argv[1], sys.argv[2]


def run(binary, args, stdin=None, env=None, cwd=None, timeout=300):
    full_env = dict(os.environ)
    full_env.pop("KANSRIJK_FRAMEWORK", None)
    full_env.pop("NO_COLOR", None)
    full_env.setdefault("SOURCE_DATE_EPOCH", "1795392000")  # 2026-11-23
    if env:
        full_env.update(env)
    wrapper = os.environ.get("KANSRIJK_E2E_WRAPPER", "").split()
    return subprocess.run(wrapper + [binary] + args, input=stdin, capture_output=True, env=full_env, cwd=cwd,
                          timeout=timeout)


def expect(condition, message):
    if not condition:
        FAILURES.append(message)


def finish(label):
    for failure in FAILURES:
        print("FAIL:", failure)
    print(f"{label}: {len(FAILURES)} failures" if FAILURES else f"{label}: ok")
    sys.exit(1 if FAILURES else 0)
