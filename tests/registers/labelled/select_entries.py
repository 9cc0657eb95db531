#!/usr/bin/env python3
"""Reproducible selection of register entries for the labelled test set.

(a) random.Random(25).sample(entries, 200) over the list in file order;
(b) every other entry whose organisatie contains (case-insensitive) one of ORG_TERMS,
    first 60 in file order. Selection (b) looks at the organisation name only.
(c) every entry not in (a) or (b) whose organisatie contains (case-insensitive) one of
    C_ORG_TERMS, or whose title starts (case-insensitive) with one of C_TITLE_PREFIXES,
    or whose organisatie contains C_FALSE_FRIEND ("Rechtsbijstand": legal aid, outside);
    first 90 in file order. Selection (c) never looks at `doel`.
Prints the selected ids, one per line: (a) in sample order, then (b), then (c) in file order.
(Named select_entries.py: a module called "select" would shadow the stdlib `select`.)
"""
import json
import random
import sys

SRC = "/work/shared/data/algoritmeregister-sample.json"
ORG_TERMS = ["UWV", "Werknemersverzekeringen", "Sociale Verzekeringsbank", "SVB",
             "sociale dienst", "Werkbedrijf", "Werk en Inkomen", "Participatie",
             "Sociaal Domein"]
CAP_B = 60
C_ORG_TERMS = ["Inlichtingenbureau", "Bureau Informatiediensten", "Sociale Zaken",
               "Werk en Inkomen"]
C_TITLE_PREFIXES = ["Sociaal Domein", "Werk", "Participatie", "Schuldhulp", "Inkomen"]
C_FALSE_FRIEND = "Rechtsbijstand"
CAP_C = 90


def _in_c(e):
    org = (e.get("organisatie") or "").lower()
    title = (e.get("title") or "").lower()
    return (any(t.lower() in org for t in C_ORG_TERMS)
            or title.startswith(tuple(p.lower() for p in C_TITLE_PREFIXES))
            or C_FALSE_FRIEND.lower() in org)


def select(path=SRC):
    """Return the three strata (a), (b), (c) as lists of entries."""
    with open(path, encoding="utf-8") as f:
        entries = json.load(f)["algoritmes"]
    a = random.Random(25).sample(entries, 200)
    chosen = {id(e) for e in a}
    terms = [t.lower() for t in ORG_TERMS]
    b = [e for e in entries
         if id(e) not in chosen
         and any(t in (e.get("organisatie") or "").lower() for t in terms)][:CAP_B]
    chosen |= {id(e) for e in b}
    c = [e for e in entries if id(e) not in chosen and _in_c(e)][:CAP_C]
    return a, b, c


if __name__ == "__main__":
    a, b, c = select(sys.argv[1] if len(sys.argv) > 1 else SRC)
    for e in a + b + c:
        print(e["id"])
