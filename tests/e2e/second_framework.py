#!/usr/bin/env python3
"""End-to-end proof that the framework is data: every subcommand run against the second
framework (frameworks/bedrijfsarts-verzuim), which shares no field name, block id, task
list key, task kind or file name with the built-in TNO framework.

Usage: second_framework.py BINARY SOURCE_DIR CHECK
Checks: assess (all four formats, both languages), batch, test, validate (validate --strict
and validate-case), schema, graph, diff, framework (list, show, explain), languages
(--lang and a declared language the report frame has no words for), interview (a scripted
session: the framework's questions and tasks step, a use case that loads, the report).
"""
import json
import os
import re
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from harness import binary_and_source, expect, finish, run  # noqa: E402

BINARY, SOURCE = binary_and_source()
FRAMEWORK = os.path.join(SOURCE, "frameworks", "bedrijfsarts-verzuim")
BLOCKS = ["nut", "werk", "kunde", "techniek", "werkbeleving"]
# Words of the TNO framework that must not leak into reports on another framework.
TNO_WORDS = ["arbeidsdeskundig", "labour expert", "BOB", "TNO", "[000]", "ai.technology"]

PROMISING = """kenmerk: dossier-samenvatten
naam: "Samenvatting van het dossier vóór het spreekuur"
knelpunt: "Het doorlezen van lange dossiers kost veel spreekuurtijd"
werkzaamheden:
  - werkzaamheid: begeleiding.dossier-voorbereiden
hulpmiddel: {functie: samenvatten, soort: taalmodel, controle: arts_vooraf}
gegevens: {medisch: "ja", naar_werkgever: "nee", buiten_eu: "nee"}
team: {geletterdheid: hoog, betrokken: "ja"}
"""
KNOCKOUT = """naam: "Voorspelde verzuimduur in het HR-dashboard"
knelpunt: "De werkgever wil eerder weten hoe lang iemand uitvalt"
werkzaamheden:
  - werkzaamheid: begeleiding.terugkoppeling
hulpmiddel: {functie: signaleren, soort: voorspelmodel, controle: steekproef}
gegevens: {medisch: "ja", naar_werkgever: "ja", buiten_eu: "nee"}
team: {geletterdheid: redelijk, betrokken: "nee"}
"""
OWN_TASK = """naam: "Termijnbewaker"
werkzaamheden:
  - omschrijving: "Termijnen van de poortwachter bewaken"
    soort: neven
    vaardigheden: [rapporteren]
    herhaling: hoog
    voldoening: laag
hulpmiddel: {functie: signaleren, soort: beslisregels, controle: arts_vooraf}
gegevens: {medisch: "nee", buiten_eu: "nee"}
knelpunt: "Termijnen worden gemist"
team: {geletterdheid: redelijk, betrokken: "ja"}
"""


def kansrijk(args, **kwargs):
    return run(BINARY, args, **kwargs)


def ok(result, label):
    expect(result.returncode == 0, f"{label}: exit {result.returncode}: {result.stderr.decode()[:600]}")
    return result.returncode == 0


def no_tno_words(text, label):
    for word in TNO_WORDS:
        expect(word not in text, f"{label}: the report shows the TNO word {word!r}")


def write_cases(folder):
    paths = {}
    for name, text in (("promising", PROMISING), ("knockout", KNOCKOUT), ("own-task", OWN_TASK)):
        paths[name] = os.path.join(folder, name + ".yaml")
        with open(paths[name], "w", encoding="utf-8") as f:
            f.write(text)
    return paths


def check_assess():
    with tempfile.TemporaryDirectory() as tmp:
        cases = write_cases(tmp)
        for lang in ("nl", "en"):
            result = kansrijk(["assess", cases["promising"], "--framework", FRAMEWORK, "--format", "json",
                               "--lang", lang])
            if not ok(result, f"assess json {lang}"):
                continue
            doc = json.loads(result.stdout)
            expect(doc["framework"]["id"] == "bedrijfsarts-verzuim", f"json {lang}: framework {doc['framework']}")
            expect(doc["language"] == lang, f"json {lang}: language {doc['language']}")
            expect(doc["verdict"] == "promising", f"json {lang}: verdict {doc['verdict']}")
            expect(list(doc["scores"]) == BLOCKS + ["overall"], f"json {lang}: scores {doc['scores']}")
            # every block is scored: the technology block reads hulpmiddel.soort, not ai.technology
            expect(all(doc["scores"][b] is not None for b in BLOCKS), f"json {lang}: unscored block {doc['scores']}")
            expect(doc["open_questions"] == [], f"json {lang}: open questions {doc['open_questions']}")
            no_tno_words(result.stdout.decode(), f"json {lang}")
            for fmt, marker in (("text", "Samenvatting van het dossier"), ("markdown", "# "), ("html", "<html")):
                result = kansrijk(["assess", cases["promising"], "--framework", FRAMEWORK, "--format", fmt,
                                   "--lang", lang])
                if ok(result, f"assess {fmt} {lang}"):
                    text = result.stdout.decode()
                    expect(marker in text, f"assess {fmt} {lang}: {marker!r} missing")
                    expect(("Werkbeleving" if lang == "nl" else "Experience of work") in text,
                           f"assess {fmt} {lang}: the block label of the framework is missing")
                    expect(("Geraakte werkzaamheden" if lang == "nl" else "Activities touched") in text,
                           f"assess {fmt} {lang}: the framework's heading over its task list is missing")
                    no_tno_words(text, f"assess {fmt} {lang}")
        knockout = kansrijk(["assess", cases["knockout"], "--framework", FRAMEWORK, "--format", "json"])
        if ok(knockout, "assess knockout"):
            doc = json.loads(knockout.stdout)
            expect(doc["verdict"] == "not_advised", f"knockout: verdict {doc['verdict']}")
            expect([f["id"] for f in doc["flags"]] == ["medisch-naar-werkgever"], f"knockout: flags {doc['flags']}")
        own = kansrijk(["assess", cases["own-task"], "--framework", FRAMEWORK, "--format", "json"])
        if ok(own, "assess own task"):
            doc = json.loads(own.stdout)
            expect(doc["scores"]["werk"] is not None and doc["scores"]["techniek"] is not None,
                   f"own task: scores {doc['scores']}")
        # the environment variable chooses the framework as --framework does
        env = kansrijk(["assess", cases["promising"], "--format", "json"], env={"KANSRIJK_FRAMEWORK": FRAMEWORK})
        if ok(env, "assess with KANSRIJK_FRAMEWORK"):
            expect(json.loads(env.stdout)["framework"]["id"] == "bedrijfsarts-verzuim", "KANSRIJK_FRAMEWORK ignored")
        # a TNO use case is refused with located errors naming this framework's keys
        tno = kansrijk(["assess", os.path.join(SOURCE, "examples", "rapport-concept.yaml"), "--framework", FRAMEWORK])
        expect(tno.returncode == 2 and b"(such as naam, werkzaamheden or hulpmiddel)" in tno.stderr
               and b"rapport-concept.yaml:" in tno.stderr,
               f"TNO use case: exit {tno.returncode}, {tno.stderr.decode()[:400]}")


def check_batch():
    with tempfile.TemporaryDirectory() as tmp:
        cases_dir = os.path.join(tmp, "cases")
        os.mkdir(cases_dir)
        write_cases(cases_dir)
        result = kansrijk(["batch", cases_dir, "--framework", FRAMEWORK, "--summary-format", "jsonl", "-j", "2"])
        if ok(result, "batch"):
            rows = [json.loads(line) for line in result.stdout.decode().splitlines() if line.strip()]
            verdicts = sorted(row.get("verdict") for row in rows)
            expect(verdicts == ["not_advised", "promising", "promising"], f"batch: verdicts {verdicts} ({rows})")
        out_dir = os.path.join(tmp, "reports")
        result = kansrijk(["batch", cases_dir, "--framework", FRAMEWORK, "--out", out_dir, "--format", "html",
                           "--lang", "en", "--summary", os.path.join(tmp, "summary.csv")])
        if ok(result, "batch --out"):
            reports = sorted(r for r in os.listdir(out_dir) if r != "index.html")
            expect(len(reports) == 3 and all(r.endswith(".html") for r in reports)
                   and os.path.exists(os.path.join(out_dir, "index.html")), f"batch --out: {reports}")


def check_inventory():
    """A CSV inventory in this framework's own words: its task list `werkzaamheden` (by key, by
    heading and through --columns), suggested tasks under its own reference key, and error rows
    that keep their `naam` (issue 27, points 1 to 4)."""
    with tempfile.TemporaryDirectory() as tmp:
        inventory = os.path.join(tmp, "inventaris.csv")
        with open(inventory, "w", encoding="utf-8") as f:
            f.write("kenmerk;naam;knelpunt;werkzaamheden;Eigen kolom\n"
                    "a;Samenvatting vooraf;Lange dossiers;begeleiding.dossier-voorbereiden;x\n"
                    "b;Kapotte rij;Iets;begeleiding.bestaat-niet;y\n")
        result = kansrijk(["batch", inventory, "--framework", FRAMEWORK, "--summary-format", "jsonl"])
        rows = {r["id"]: r for r in map(json.loads, result.stdout.decode().splitlines())}
        stderr = result.stderr.decode()
        expect(rows.get("a", {}).get("verdict") and not rows["a"].get("error"),
               f"inventory: the werkzaamheden column was not read: {rows.get('a')} {stderr}")
        expect(rows.get("b", {}).get("error") and rows["b"].get("title") == "Kapotte rij",
               f"inventory: the error row lost its naam: {rows.get('b')}")
        expect("such as naam, toelichting, werkzaamheden" in stderr and "ai.role" not in stderr,
               f"inventory: the unknown-column warning names another framework's fields: {stderr}")
        # the heading of the task list, and a --columns map to its key
        with open(inventory, "w", encoding="utf-8") as f:
            f.write("naam;Geraakte werkzaamheden;Taken\nSamenvatting;begeleiding.dossier-voorbereiden;\n")
        columns = os.path.join(tmp, "map.yaml")
        with open(columns, "w", encoding="utf-8") as f:
            f.write("Taken: werkzaamheden\nGeraakte werkzaamheden: werkzaamheden\n")
        for extra in ([], ["--columns", columns]):
            result = kansrijk(["batch", inventory, "--framework", FRAMEWORK, "--summary-format", "jsonl"] + extra)
            rows = [json.loads(line) for line in result.stdout.decode().splitlines()]
            expect(len(rows) == 1 and rows[0].get("verdict") and not rows[0].get("error"),
                   f"inventory: heading of the task list {extra}: {rows} {result.stderr.decode()}")
        # suggested tasks under the framework's own reference key
        with open(inventory, "w", encoding="utf-8") as f:
            f.write("kenmerk;naam;toelichting\nspreekuur;Spreekuur samenvatten;AI maakt een samenvatting van het "
                    "spreekuur\n")
        drafts = os.path.join(tmp, "drafts")
        result = kansrijk(["batch", inventory, "--framework", FRAMEWORK, "--suggest", "--summary-format", "jsonl",
                           "--drafts", drafts])
        rows = [json.loads(line) for line in result.stdout.decode().splitlines()]
        expect(len(rows) == 1 and rows[0].get("verdict") and not rows[0].get("error"),
               f"inventory: --suggest: {rows} {result.stderr.decode()}")
        for name in os.listdir(drafts) if os.path.isdir(drafts) else []:
            draft = open(os.path.join(drafts, name), encoding="utf-8").read()
            expect("werkzaamheden:" in draft and "werkzaamheid:" in draft and "ref:" not in draft and
                   draft.count("kenmerk:") == 1 and "\nid:" not in draft,
                   f"inventory: the draft uses another framework's keys:\n{draft}")
            # following its resume line continues under this framework, not the built-in one
            expect(f"kansrijk interview --framework {FRAMEWORK} --resume <" in draft,
                   f"inventory: the draft's resume line lacks --framework:\n{draft[:400]}")
            check = kansrijk(["validate-case", os.path.join(drafts, name), "--framework", FRAMEWORK])
            expect(check.returncode == 0, f"inventory: the draft is not a valid use case: {check.stderr.decode()}")


def check_test():
    result = kansrijk(["test", FRAMEWORK, "--min-coverage", "100"])
    if ok(result, "test"):
        out = result.stdout.decode()
        expect("0 failed" in out and "(100%)" in out, f"test: {out}")
    with tempfile.TemporaryDirectory() as tmp:
        copy = os.path.join(tmp, "fw")
        shutil.copytree(FRAMEWORK, copy)
        path = os.path.join(copy, "tests", "dossier-samenvatten.yaml")
        with open(path, encoding="utf-8") as f:
            text = f.read()
        with open(path, "w", encoding="utf-8") as f:
            f.write(text.replace("verdict: promising", "verdict: limited"))
        failed = kansrijk(["test", copy])
        expect(failed.returncode == 1 and b"FAIL dossier-samenvatten" in failed.stdout,
               f"test with a wrong expectation: exit {failed.returncode} {failed.stdout.decode()[-400:]}")


def check_validate():
    result = kansrijk(["validate", "--strict", FRAMEWORK])
    ok(result, "validate --strict")
    with tempfile.TemporaryDirectory() as tmp:
        cases = write_cases(tmp)
        result = kansrijk(["validate-case", "--framework", FRAMEWORK, *cases.values()])
        ok(result, "validate-case")
        bad = os.path.join(tmp, "bad.yaml")
        with open(bad, "w", encoding="utf-8") as f:
            f.write(PROMISING.replace("soort: taalmodel", "soort: generative"))
        result = kansrijk(["validate-case", "--framework", FRAMEWORK, bad])
        said = result.stdout + result.stderr
        expect(result.returncode == 1 and b"bad.yaml:6:" in said and b"hulpmiddel.soort" in said
               and b"taalmodel" in said, f"validate-case with a TNO technology: exit {result.returncode} {said.decode()}")


def check_schema():
    result = kansrijk(["schema", "use-case", "--framework", FRAMEWORK])
    if ok(result, "schema use-case"):
        schema = json.loads(result.stdout)
        props = schema.get("properties", {})
        for key in ("naam", "knelpunt", "hulpmiddel", "gegevens", "werkzaamheden"):
            expect(key in props, f"schema: property {key} missing ({sorted(props)})")
        expect("tasks" not in props and "ai" not in props, f"schema: TNO keys in {sorted(props)}")
        expect("naam" in schema.get("required", []), f"schema: required {schema.get('required')}")
        text = result.stdout.decode()
        expect("taalmodel" in text and "voorspelmodel" in text, "schema: technology values missing")
    for kind in ("assessment", "framework"):
        result = kansrijk(["schema", kind, "--framework", FRAMEWORK])
        if ok(result, f"schema {kind}"):
            json.loads(result.stdout)
    result = kansrijk(["schema", "assessment", "--framework", FRAMEWORK])
    if result.returncode == 0:
        expect("werkbeleving" in result.stdout.decode(), "schema assessment: the block ids are missing")


def check_graph():
    for fmt, marker in (("mermaid", "graph"), ("dot", "digraph")):
        for lang, label in (("nl", "Verzuimbegeleiding"), ("en", "Sickness-absence guidance")):
            result = kansrijk(["graph", "--framework", FRAMEWORK, "--format", fmt, "--lang", lang])
            if ok(result, f"graph {fmt} {lang}"):
                text = result.stdout.decode()
                expect(marker in text and label in text, f"graph {fmt} {lang}: {text[:300]}")
                expect("Gespreksvoering" in text or "Conducting conversations" in text, f"graph {fmt}: skills missing")


def check_diff():
    with tempfile.TemporaryDirectory() as tmp:
        cases = write_cases(tmp)
        copy = os.path.join(tmp, "fw")
        shutil.copytree(FRAMEWORK, copy)
        path = os.path.join(copy, "regels.yaml")
        with open(path, encoding="utf-8") as f:
            text = f.read()
        with open(path, "w", encoding="utf-8") as f:
            f.write(text.replace("points: {nut: 25}", "points: {nut: 5}"))
        result = kansrijk(["diff", FRAMEWORK, copy, cases["promising"]])
        if ok(result, "diff"):
            out = result.stdout.decode()
            expect("nut.knelpunt-benoemd" in out and "nut +25" in out and "nut +5" in out, f"diff: {out}")
            expect("overall 91 -> 87" in out, f"diff: the change of the overall score is missing: {out}")
        same = kansrijk(["diff", FRAMEWORK, FRAMEWORK, cases["promising"]])
        if ok(same, "diff with itself"):
            expect(b"0 changes" in same.stdout or b"no changes" in same.stdout.lower(),
                   f"diff with itself: {same.stdout.decode()}")


def check_framework():
    listing = kansrijk(["framework", "list", "--framework", FRAMEWORK])
    if ok(listing, "framework list"):
        out = listing.stdout.decode()
        for word in ("werkbeleving", "begeleiding.spreekuur", "taalmodel", "medisch-naar-werkgever"):
            expect(word in out, f"framework list: {word} missing")
    show = kansrijk(["framework", "show", "begeleiding.spreekuur", "--framework", FRAMEWORK, "--lang", "en"])
    if ok(show, "framework show"):
        expect(b"Consultation with the employee" in show.stdout, f"framework show: {show.stdout.decode()[:300]}")
    explain = kansrijk(["framework", "explain", "privacy.medisch-naar-werkgever", "--framework", FRAMEWORK])
    if ok(explain, "framework explain"):
        expect(b"gegevens.naar_werkgever" in explain.stdout, f"framework explain: {explain.stdout.decode()[:400]}")
    unknown = kansrijk(["framework", "show", "ai.technology", "--framework", FRAMEWORK])
    expect(unknown.returncode != 0, "framework show of a TNO id succeeds")


def check_interview():
    with tempfile.TemporaryDirectory() as tmp:
        # the name, "don't know" for the ten questions before the tasks, one task, done, confirm
        answers = ["Termijnen bewaken"] + [""] * 10 + ["1", "1", "k", "j"]
        result = kansrijk(["interview", "--framework", FRAMEWORK, "--case", "b.yaml", "--format", "json", "-o", "b.json"],
                          stdin=("\n".join(answers) + "\n").encode(), cwd=tmp)
        if not ok(result, "interview"):
            return
        out = result.stdout.decode()
        expect("Vraag 1/12 · Naam" in out and "Verzuimbegeleiding" in out and "Spreekuur met de werknemer" in out,
               f"interview: not the framework's questions:\n{out[:800]}")
        no_tno_words(out, "interview")
        path = os.path.join(tmp, "b.yaml")
        with open(path, encoding="utf-8") as f:
            text = f.read()
        expect("naam: " in text and "werkzaamheden:" in text and "werkzaamheid: begeleiding." in text,
               f"interview: the use case is not in the framework's vocabulary:\n{text}")
        ok(kansrijk(["validate-case", path, "--framework", FRAMEWORK]), "interview: validate-case")
        assessed = kansrijk(["assess", path, "--framework", FRAMEWORK, "--format", "json"])
        if ok(assessed, "interview: assess"):
            with open(os.path.join(tmp, "b.json"), encoding="utf-8") as f:
                report = json.load(f)
            expect(json.loads(assessed.stdout)["verdict"] == report["verdict"],
                   "interview: the session's report and assess of its file differ")


def framework_copy(tmp, languages, rename=None):
    """A copy of the framework declaring `languages`; `rename` maps a language key of every text to another."""
    copy = os.path.join(tmp, "fw-" + "-".join(languages))
    shutil.copytree(FRAMEWORK, copy)
    for root, _, files in os.walk(copy):
        for name in files:
            path = os.path.join(root, name)
            with open(path, encoding="utf-8") as f:
                text = f.read()
            text = text.replace("languages: [nl, en]", f"languages: [{', '.join(languages)}]")
            if rename:
                text = re.sub(rf"(?<![\w]){rename[0]}: ", f"{rename[1]}: ", text)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
    return copy


def check_languages():
    with tempfile.TemporaryDirectory() as tmp:
        cases = write_cases(tmp)
        # a language the framework does not declare is refused, naming the ones it does
        result = kansrijk(["assess", cases["promising"], "--framework", FRAMEWORK, "--lang", "de"])
        expect(result.returncode == 2 and result.stdout == b"" and b"--lang de" in result.stderr
               and b"nl, en" in result.stderr, f"--lang de: exit {result.returncode} {result.stderr.decode()}")
        for command in (["graph"], ["framework", "list"]):
            result = kansrijk([*command, "--framework", FRAMEWORK, "--lang", "fr"])
            expect(result.returncode == 2 and b"--lang fr" in result.stderr,
                   f"{command} --lang fr: exit {result.returncode} {result.stderr.decode()}")
        # without --lang, the report is in the framework's first language
        english_first = framework_copy(tmp, ["en", "nl"])
        result = kansrijk(["assess", cases["promising"], "--framework", english_first, "--format", "json"])
        if ok(result, "English-first framework"):
            expect(json.loads(result.stdout)["language"] == "en", "English-first framework: not reported in English")
        # a declared language the report frame has no words for: a located error at load and in validate
        german = framework_copy(tmp, ["nl", "de"], rename=("en", "de"))
        validate = kansrijk(["validate", german])
        said = validate.stdout + validate.stderr
        expect(validate.returncode == 1 and b"framework.yaml:9:17: error: [KR040]" in said
               and b'no words in language "de"' in said, f"validate with de: exit {validate.returncode} {said.decode()}")
        for command in (["assess", cases["promising"]], ["graph"], ["framework", "list"]):
            result = kansrijk([*command, "--framework", german])
            expect(result.returncode == 2 and b"framework.yaml:9:17:" in result.stderr
                   and b'no words in language "de"' in result.stderr,
                   f"{command[0]} with de: exit {result.returncode} {result.stderr.decode()[:600]}")


CHECKS = {
    "assess": check_assess,
    "batch": check_batch,
    "inventory": check_inventory,
    "test": check_test,
    "validate": check_validate,
    "schema": check_schema,
    "graph": check_graph,
    "diff": check_diff,
    "framework": check_framework,
    "languages": check_languages, "interview": check_interview,
}

if __name__ == "__main__":
    CHECKS[sys.argv[3]]()
    finish(f"second-framework {sys.argv[3]}")
