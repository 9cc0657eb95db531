#!/usr/bin/env python3
"""Precision and recall of the register triage (`kansrijk batch --suggest`) against the
hand-labelled register entries in this folder (labels.jsonl, written before any run; see
GUIDE.md). Usage:

    python3 tests/registers/labelled/measure.py BUILD/kansrijk [--check]

Prints one line per measure. With --check, exits 1 when a measure falls below the floor
recorded in FLOORS (a regression guard for CI, set a little under the measured figures in
docs/batch.md, "Registers"); the held-out set of the issue is the real yardstick.
"""
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SEVERITY = {"low": 0, "medium": 1, "high": 2, "knockout": 3}

# measure -> lowest acceptable value (fractions); None where the set has no case for it
FLOORS = {
    "in-scope recall": 0.70,
    "outside kept outside": 0.90,
    "public body recall": 0.90,
    "personal data recall": 0.70,
    "health data recall": 0.40,
    "profiling recall": 0.70,
    "decision without a person recall": 0.55,
    "serious rows flagged high or worse": 0.65,
    "mild rows with a knock-out": None,  # a ceiling, checked below
}
KNOCKOUT_CEILING = 0.10


def run(binary):
    with tempfile.TemporaryDirectory() as tmp:
        summary = os.path.join(tmp, "s.jsonl")
        proc = subprocess.run([binary, "batch", os.path.join(HERE, "entries.csv"), "--suggest", "--summary",
                               summary, "--progress", "never"], capture_output=True, text=True)
        if proc.returncode not in (0, 1):
            sys.exit(f"kansrijk failed ({proc.returncode}): {proc.stderr}")
        with open(summary, encoding="utf-8") as f:
            return {row["id"]: row for row in map(json.loads, f)}


def presumed(row, field):
    answers = (row.get("presumed") or {}).get("answers") or {}
    value = answers.get(field, {}).get("value")
    return value if isinstance(value, list) else ([value] if value else [])


def ratio(hits, total):
    return (hits / total if total else None), hits, total


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    binary = sys.argv[1]
    check = "--check" in sys.argv[2:]
    with open(os.path.join(HERE, "labels.jsonl"), encoding="utf-8") as f:
        labels = [json.loads(line) for line in f]
    rows = run(binary)
    missing = [l["id"] for l in labels if l["id"] not in rows]
    if missing:
        sys.exit(f"rows lost: {missing[:5]}")

    def pr(name, truth, guess):
        tp = sum(1 for l in labels if truth(l) and guess(rows[l["id"]]))
        fp = sum(1 for l in labels if not truth(l) and guess(rows[l["id"]]))
        fn = sum(1 for l in labels if truth(l) and not guess(rows[l["id"]]))
        return [(f"{name} recall", ratio(tp, tp + fn)), (f"{name} precision", ratio(tp, tp + fp))]

    results = []
    in_scope = lambda r: r.get("scope") in ("core", "adjacent")
    results += pr("core", lambda l: l["scope"] == "core", lambda r: r.get("scope") == "core")
    results += pr("in-scope", lambda l: l["scope"] != "outside", in_scope)
    outside = [l for l in labels if l["scope"] == "outside"]
    results.append(("outside kept outside",
                    ratio(sum(1 for l in outside if rows[l["id"]].get("scope") == "outside"), len(outside))))
    results += pr("public body", lambda l: l["public_body"],
                  lambda r: "public_body" in presumed(r, "context.organisation"))
    results += pr("personal data", lambda l: l["personal_data"], lambda r: "yes" in presumed(r, "data.personal"))
    results += pr("health data", lambda l: l["health_data"], lambda r: "yes" in presumed(r, "data.health"))
    results += pr("profiling", lambda l: l["profiling"], lambda r: "profiling" in presumed(r, "ai.about_people"))
    results += pr("decision without a person", lambda l: l["decision_without_person"],
                  lambda r: "direct" in presumed(r, "impact.decisions"))
    known_tech = [l for l in labels if l["technology"] != "unknown"]
    results.append(("technology right where the text says",
                    ratio(sum(1 for l in known_tech if presumed(rows[l["id"]], "ai.technology") == [l["technology"]]),
                          len(known_tech))))
    severity = lambda r: SEVERITY.get((r.get("presumed") or {}).get("most_severe_flag") or "", -1)
    serious = [l for l in labels if l["serious"]]
    results.append(("serious rows flagged high or worse",
                    ratio(sum(1 for l in serious if severity(rows[l["id"]]) >= 2), len(serious))))
    serious_in = [l for l in serious if l["scope"] != "outside"]
    results.append(("serious in-scope rows flagged high or worse",
                    ratio(sum(1 for l in serious_in if severity(rows[l["id"]]) >= 2), len(serious_in))))
    mild = [l for l in labels if not l["serious"]]
    results.append(("mild rows with a knock-out",
                    ratio(sum(1 for l in mild if severity(rows[l["id"]]) == 3), len(mild))))
    results.append(("rows refused (error)", ratio(sum(1 for r in rows.values() if r.get("error")), len(rows))))

    failed = []
    for name, (value, hits, total) in results:
        shown = "-" if value is None else f"{value:.2f}"
        print(f"{name:45} {shown:>5}  ({hits}/{total})")
        floor = FLOORS.get(name)
        if check and floor is not None and value is not None and value < floor:
            failed.append(f"{name} {value:.2f} < {floor:.2f}")
        if check and name == "mild rows with a knock-out" and value is not None and value > KNOCKOUT_CEILING:
            failed.append(f"{name} {value:.2f} > {KNOCKOUT_CEILING:.2f}")
    if failed:
        print("below the floor: " + "; ".join(failed))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
