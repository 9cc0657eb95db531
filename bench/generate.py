#!/usr/bin/env python3
"""Writes N synthetic but valid use cases as JSON Lines, for `kansrijk batch` benchmarks.

Usage: bench/generate.py N [SEED] > cases.jsonl

Values are drawn from the built-in framework's declared fields and taxonomy
(frameworks/tno-arbeidsdeskundige/fields.yaml and taxonomy.yaml), so every case is valid;
about one field in six is left out (unknown), as in real inventories. Same N and SEED,
same file.
"""
import json
import os
import random
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
FRAMEWORK = os.path.join(HERE, "..", "frameworks", "tno-arbeidsdeskundige")


def main():
    count = int(sys.argv[1])
    rng = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    with open(os.path.join(FRAMEWORK, "fields.yaml"), encoding="utf-8") as f:
        fields = [d for d in yaml.safe_load(f)["fields"] if "." in d["path"] and not d.get("derived")]
    with open(os.path.join(FRAMEWORK, "taxonomy.yaml"), encoding="utf-8") as f:
        taxonomy = yaml.safe_load(f)
    items = [item["id"] for item in taxonomy["items"]]
    out = sys.stdout
    for n in range(count):
        case = {"id": f"case-{n:07d}", "title": f"Synthetische toepassing {n}",
                "tasks": [{"ref": ref} for ref in rng.sample(items, rng.randint(1, 3))]}
        for decl in fields:
            if rng.random() < 1 / 6:
                continue
            group, key = decl["path"].split(".", 1)
            if decl["type"] == "text":
                value = f"Tekst {rng.randint(1, 10**6)} over {decl['path']}"
            elif decl["type"] == "enum":
                value = rng.choice(decl["values"])
            else:
                value = rng.sample(decl["values"], rng.randint(0, min(3, len(decl["values"]))))
            case.setdefault(group, {})[key] = value
        out.write(json.dumps(case, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
