#!/usr/bin/env python3
"""Write labels.jsonl from the hand-written labels in labels_src.py, in selection order
(ids.txt = (a), (b), (c)), with a "stratum" key per line; write entries.csv with the register
entries as published; check keys, values and ids; print counts."""
import csv, importlib.util, json, os
from collections import Counter
from labels_src import LABELS

KEYS = ["id","scope","public_body","personal_data","health_data","profiling",
        "decision_without_person","technology","biometrics","talks_to_people",
        "concern","serious","note"]
BOOLS = ["public_body","personal_data","health_data","profiling","decision_without_person",
         "biometrics","talks_to_people","serious"]
CSV_COLS = [("Nummer","id"), ("Naam","title"), ("Doel","doel"), ("Organisatie","organisatie"),
            ("Status","status"), ("Juridische basis","juridische_basis"),
            ("Impact assessment","impactassessment"), ("Link","url")]
# load select_entries.py by path (it is not named "select": that would shadow the stdlib module)
_here = os.path.dirname(os.path.abspath(__file__))
_spec = importlib.util.spec_from_file_location("select_entries", os.path.join(_here, "select_entries.py"))
_sel = importlib.util.module_from_spec(_spec); _spec.loader.exec_module(_sel)
strata = dict(zip("abc", _sel.select()))
ids, stratum_of, entry_of = [], {}, {}
for s, es in strata.items():
    for e in es:
        assert e["id"] not in stratum_of, ("id selected twice", e["id"])
        ids.append(e["id"]); stratum_of[e["id"]] = s; entry_of[e["id"]] = e
_idfile = os.path.join(_here, "ids.txt")
if os.path.exists(_idfile):
    with open(_idfile, encoding="utf-8") as f:
        assert f.read().split() == ids, "ids.txt is stale: python3 select_entries.py > ids.txt"
recs = [dict(zip(KEYS, t)) for t in LABELS]
assert all(len(t) == len(KEYS) for t in LABELS)
by = {}
for r in recs:
    assert r["id"] not in by, ("duplicate", r["id"])
    by[r["id"]] = r
assert set(by) == set(ids), (set(ids) - set(by), set(by) - set(ids))
for r in recs:
    assert r["scope"] in ("core","adjacent","outside")
    assert r["technology"] in ("symbolic","machine_learning","generative","unknown")
    for k in BOOLS:
        assert isinstance(r[k], bool), (r["id"], k)
    assert r["concern"] and r["note"]
    r["stratum"] = stratum_of[r["id"]]
with open(os.path.join(_here, "labels.jsonl"), "w", encoding="utf-8") as f:
    for i in ids:
        f.write(json.dumps(by[i], ensure_ascii=False) + "\n")
# entries.csv: the register entries as published, UTF-8 with BOM, ';' separated
with open(os.path.join(_here, "entries.csv"), "w", encoding="utf-8-sig", newline="") as f:
    w = csv.writer(f, delimiter=";", quoting=csv.QUOTE_MINIMAL)
    w.writerow([h for h, _ in CSV_COLS])
    for i in ids:
        w.writerow(["" if entry_of[i].get(k) is None else entry_of[i][k] for _, k in CSV_COLS])
print(len(ids), "labels written;", {s: len(es) for s, es in strata.items()})
for name, group in [("all", recs)] + [(s, [r for r in recs if r["stratum"] == s]) for s in strata]:
    print("==", name, len(group))
    print("scope", Counter(r["scope"] for r in group))
    print("technology", Counter(r["technology"] for r in group))
    for k in BOOLS:
        print(k, Counter(r[k] for r in group))
