#!/usr/bin/env python3
"""Benchmarks of the decision support (verdict range, ranked questions, what-if, overview)
for docs/performance.md. Not run by ctest: timings on shared machines are noisy, so every
figure is read next to a reference measured in the same run.

Usage: bench/decision.py [BUILD_DIR] [CASES] [BASELINE_BUILD_DIR]   (default: build, 100000)

With BASELINE_BUILD_DIR (a build of another commit, with kansrijk and kansrijk_bench built in
it, e.g. `git worktree add /tmp/base COMMIT` and build there), sections 1 to 4 also time the
baseline, each measurement next to the same one of BUILD_DIR, and print the speed-up.

1. assess of every example, with the analyses, against the same assessment in `batch
   --summary` (range only: no ranked questions, no what-if); median of 5 runs each.
2. What the interview recomputes after an answer: the range and the ranked questions of
   every example with none, a third, two thirds and all of its answers given, timed in
   process by kansrijk_bench (bench/decision_bench.cpp; median of 9).
3. batch --summary (with the range columns) on CASES generated cases, 1 job: cases/s
   (median of three runs).
4. the same batch with --overview FILE.html: what the overview adds.
5. Growth: a complete case with 10, 15 and 20 of its answers made unknown: search nodes of the
   range, cases assessed and bounds computed by the what-if search, time in process.
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BUILD = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build")
CASES = int(sys.argv[2]) if len(sys.argv) > 2 else 100000
BIN = os.path.join(BUILD, "kansrijk")
BENCH = os.path.join(BUILD, "kansrijk_bench")
BASELINE = sys.argv[3] if len(sys.argv) > 3 else None
BASE_BIN = os.path.join(BASELINE, "kansrijk") if BASELINE else None
BASE_BENCH = os.path.join(BASELINE, "kansrijk_bench") if BASELINE else None
# Not part of a plain build (CMakeLists.txt): build it, and the binary, if out of date.
subprocess.run(["cmake", "--build", BUILD, "-j2", "--target", "kansrijk", "kansrijk_bench"], check=True,
               stdout=subprocess.DEVNULL)
EXAMPLES = os.path.join(ROOT, "examples")


def timed(args, runs=5, stdin=None):
    """Median wall time in ms of `runs` runs (exit 0 or 3 accepted)."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, stdin=stdin)
        times.append((time.perf_counter() - start) * 1000)
        if result.returncode not in (0, 3):
            sys.exit(f"bench: {' '.join(args)}: exit {result.returncode}: {result.stderr.decode()[-300:]}")
    return statistics.median(times)


def assess_json(path):
    out = subprocess.run([BIN, "assess", path, "--format", "json"], capture_output=True)
    return json.loads(out.stdout)


def section_examples():
    print("1. assess with the analyses vs batch --summary (range only), median of 5, ms")
    worst = None
    for name in sorted(os.listdir(EXAMPLES)):
        if not name.endswith((".yaml", ".json")):
            continue
        path = os.path.join(EXAMPLES, name)
        full = timed([BIN, "assess", path])
        plain = timed([BIN, "batch", path, "--summary", os.devnull])
        was = f"  baseline {timed([BASE_BIN, 'assess', path]):7.1f}" if BASELINE else ""
        print(f"   {name:36} {full:7.1f} {plain:7.1f}  ratio {full / plain:4.2f}{was}")
        worst = max(worst or (0, ""), (full, name))
    version = timed([BIN, "--version"])
    print(f"   worst: {worst[1]} {worst[0]:.1f} ms; `kansrijk --version` {version:.1f} ms")


def interview_states(tmp):
    """Partly answered versions of every example: the states an interview passes through."""
    states = []
    for name in sorted(os.listdir(EXAMPLES)):
        if not name.endswith(".yaml"):
            continue
        with open(os.path.join(EXAMPLES, name), encoding="utf-8") as f:
            case = yaml.safe_load(f)
        groups = [k for k, v in case.items() if isinstance(v, dict)]
        answers = [(g, k) for g in groups for k in case[g]]
        for keep in (0, len(answers) // 3, 2 * len(answers) // 3, len(answers)):
            partial = {k: v for k, v in case.items() if not isinstance(v, dict)}
            for g, k in answers[:keep]:
                partial.setdefault(g, {})[k] = case[g][k]
            path = os.path.join(tmp, f"{name[:-5]}-{keep}.yaml")
            with open(path, "w", encoding="utf-8") as f:
                yaml.safe_dump(partial, f, allow_unicode=True)
            states.append(path)
    return states


def bench(paths, binary=None):
    """kansrijk_bench's rows for `paths`, as dicts."""
    out = subprocess.run([binary or BENCH, *paths], capture_output=True, text=True, check=True).stdout.splitlines()
    head = out[0].split("\t")
    return [dict(zip(head, line.split("\t"))) for line in out[1:]]


def section_interview(tmp):
    print("2. the interview's recomputation (range and ranked questions), in process, median of 9, ms")
    states = interview_states(tmp)
    rows = sorted(bench(states), key=lambda r: -float(r["interview_us"]))
    for r in rows[:3]:
        print(f"   {os.path.basename(r['case']):36} {float(r['interview_us']) / 1000:7.1f}  (range alone "
              f"{float(r['range_us']) / 1000:.1f}, {r['nodes']} nodes)")
    print(f"   {len(rows)} states; median {statistics.median(float(r['interview_us']) for r in rows) / 1000:.1f}")
    if BASELINE:
        old = sorted(bench(states, BASE_BENCH), key=lambda r: -float(r["interview_us"]))
        print(f"   baseline: worst {os.path.basename(old[0]['case'])} {float(old[0]['interview_us']) / 1000:.1f}, "
              f"median {statistics.median(float(r['interview_us']) for r in old) / 1000:.1f}")


def section_batch(tmp):
    cases = os.path.join(tmp, "cases.jsonl")
    with open(cases, "w", encoding="utf-8") as f:
        subprocess.run([sys.executable, os.path.join(HERE, "generate.py"), str(CASES)], stdout=f, check=True)
    def run(binary):
        plain = timed([binary, "batch", cases, "--jobs", "1", "--summary", os.path.join(tmp, "s.jsonl")], runs=1)
        overview = timed([binary, "batch", cases, "--jobs", "1", "--summary", os.path.join(tmp, "s.jsonl"),
                          "--overview", os.path.join(tmp, "o.html")], runs=1)
        return plain / 1000, overview / 1000

    # Three rounds, the baseline's runs between this build's: medians.
    new, old = [], []
    for _ in range(3):
        new.append(run(BIN))
        if BASELINE:
            old.append(run(BASE_BIN))
    plain = statistics.median(p for p, _ in new)
    overview = statistics.median(o for _, o in new)
    print(f"3. batch --summary, {CASES} cases, 1 job, median of 3: {plain:.2f} s, {CASES / plain:,.0f} cases/s")
    print(f"4. with --overview: {overview:.2f} s, ratio {overview / plain:.2f}")
    if BASELINE:
        old_plain = statistics.median(p for p, _ in old)
        old_overview = statistics.median(o for _, o in old)
        print(f"   baseline: batch --summary {old_plain:.2f} s ({CASES / old_plain:,.0f} cases/s, "
              f"{old_plain / plain:.2f}x the time), with --overview {old_overview:.2f} s "
              f"({old_overview / overview:.2f}x), ratio {old_overview / old_plain:.2f}")


def section_growth(tmp):
    print("5. growth with the number of unknown answers (a complete case, answers made unknown)")
    # a complete case (its range is one point); then its first N answers made unknown
    base = {"title": "Groei", "purpose": {"goal": "Tijd winnen", "problem": "Rapporteren kost veel tijd",
                                          "benefits": ["time_saving"]},
            "tasks": [{"ref": "besluitvorming.rapporteren"}],
            "ai": {"role": "inform", "technology": "symbolic", "share": "small", "oversight": "every_output",
                   "reviewer": "physician", "external_service": "yes", "outside_eu": "yes", "about_people": []},
            "data": {"personal": "yes", "health": "yes", "medical": "yes", "shared_with": [], "recording": "yes",
                     "recording_consent": "yes", "quality": "good"},
            "impact": {"decisions": "none", "medical_judgement": "yes", "freed_time": "client_contact",
                       "output_to": []},
            "context": {"organisation": "public_body", "ai_literacy": "low", "employees_involved": "yes",
                        "small_iterative_start": "yes", "it_infrastructure": "missing", "room_to_experiment": "yes"}}
    answerable = [(group, key) for group in ("ai", "data", "impact", "context", "purpose")
                  for key in base[group] if (group, key) not in (("purpose", "goal"), ("purpose", "problem"))]
    for unknown in (0, 10, 15, 20, 25, len(answerable)):
        case = json.loads(json.dumps(base))
        for group, key in answerable[:unknown]:
            case[group][key] = "unknown"
        path = os.path.join(tmp, f"growth-{unknown}.yaml")
        with open(path, "w", encoding="utf-8") as f:
            yaml.safe_dump(case, f, allow_unicode=True)
        doc = assess_json(path)
        r, w = doc["verdict_range"], doc.get("what_if") or {}
        row = bench([path])[0]
        print(f"   {unknown:2} unknown: range {float(row['range_us']) / 1000:7.1f} ms, nodes={row['nodes']:>5}, "
              f"{r['best']}..{r['worst']} exact={r['exact']}; with questions {float(row['interview_us']) / 1000:7.1f} ms; "
              f"with what-if {float(row['full_us']) / 1000:7.1f} ms ({w.get('status')}, "
              f"assessed={row['what_if_assessed']}, bounds={row['what_if_bounds']})")


def main():
    print(f"kansrijk {subprocess.run([BIN, '--version'], capture_output=True).stdout.decode().split()[-1]}, "
          f"{os.cpu_count()} cores, {time.strftime('%Y-%m-%d')}")
    with tempfile.TemporaryDirectory() as tmp:
        section_examples()
        section_interview(tmp)
        section_growth(tmp)
        section_batch(tmp)


if __name__ == "__main__":
    main()
