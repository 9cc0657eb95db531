#!/usr/bin/env python3
"""End-to-end tests of `kansrijk validate` and `kansrijk validate-case`.

Usage: validate.py BINARY SOURCE_DIR CHECK
Checks:
  corpus    every case in tests/validate/*.yaml: the built-in framework folder copied, the
            case's edits applied, `validate --format json` must report exactly the expected
            findings (check id, file, line, column, message), all in one run
  shipped   the shipped framework passes `validate --strict` with zero findings, in every format
  formats   text, github and sarif output and exit codes (--strict)
  sarif     SARIF output (with warnings, with errors, clean) validates against the official
            SARIF 2.1.0 JSON schema (Ajv; both fetched by scripts/setup.sh), and a log that
            breaks the schema is refused, so the check can fail
  cases     `validate-case` on the examples and on broken use cases
  graph     `kansrijk graph` as Mermaid (every edge between defined nodes) and dot (Graphviz renders it)
  diff      `kansrijk diff` on a changed copy of the framework, with the examples
  schema    `kansrijk schema` output equals docs/schema/*.json; examples, reports and the
            framework's files validate against them (Ajv, draft 2020-12); broken ones do not
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

import yaml

sys.path.insert(0, os.path.dirname(__file__))
from harness import binary_and_source, expect, finish, run  # noqa: E402

BINARY, SOURCE = binary_and_source()
FRAMEWORK = os.path.join(SOURCE, "frameworks", "tno-arbeidsdeskundige")
CASES = os.path.join(SOURCE, "tests", "validate")
SARIF_SCHEMA = os.path.join(SOURCE, ".cache", "sarif", "sarif-2.1.0.json")
SARIF_CHECK = os.path.join(os.path.dirname(__file__), "sarif-check.js")


def broken_copy(tmp, edits, label):
    folder = os.path.join(tmp, "fw")
    shutil.copytree(FRAMEWORK, folder)
    for edit in edits:
        path = os.path.join(folder, edit["file"])
        text = ""
        if os.path.exists(path) or "append" not in edit:  # appending may create a new file
            with open(path, encoding="utf-8") as f:
                text = f.read()
        if "append" in edit:
            text += edit["append"]
        else:
            count = text.count(edit["find"])
            expect(count == 1, f"{label}: edit text found {count} times in {edit['file']}: {edit['find'][:60]!r}")
            text = text.replace(edit["find"], edit["replace"])
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
    return "fw"


def check_corpus():
    cases = sorted(f for f in os.listdir(CASES) if f.endswith(".yaml"))
    expect(len(cases) >= 20, f"only {len(cases)} validate cases")
    seen_checks = set()
    for name in cases:
        with open(os.path.join(CASES, name), encoding="utf-8") as f:
            case = yaml.safe_load(f)
        with tempfile.TemporaryDirectory() as tmp:
            folder = broken_copy(tmp, case["edits"], name)
            result = run(BINARY, ["validate", folder, "--format", "json"], cwd=tmp)
            want_exit = 1 if any(e["severity"] == "error" for e in case["expect"]) else 0
            expect(result.returncode == want_exit, f"{name}: exit {result.returncode}, expected {want_exit}: {result.stderr.decode()}")
            try:
                got = json.loads(result.stdout)
            except json.JSONDecodeError:
                expect(False, f"{name}: output is not JSON: {result.stdout[:300]!r}")
                continue
            got_short = [{k: g[k] for k in ("check", "severity", "file", "line", "column", "message")} for g in got]
            expect(got_short == case["expect"], f"{name}: findings\n{json.dumps(got_short, indent=1, ensure_ascii=False)}\nexpected\n"
                                                f"{json.dumps(case['expect'], indent=1, ensure_ascii=False)}")
            seen_checks.update(g["check"] for g in got)
    for check in ["KR001", "KR002", "KR003", "KR004", "KR005", "KR010", "KR011", "KR020", "KR030", "KR031", "KR040",
                  "KR041", "KR050", "KR051", "KR052", "KR060", "KR100", "KR101", "KR103", "KR110", "KR111", "KR112",
                  "KR113"]:
        expect(check in seen_checks, f"no corpus case trips {check}")


def check_shipped():
    for fmt in ("text", "json", "sarif", "github"):
        result = run(BINARY, ["validate", "--strict", "--format", fmt])
        expect(result.returncode == 0, f"shipped: --format {fmt} exit {result.returncode}: {result.stdout[:500]!r}")
        if fmt == "json":
            expect(json.loads(result.stdout) == [], "shipped: findings in JSON")
        if fmt == "sarif":
            expect(json.loads(result.stdout)["runs"][0]["results"] == [], "shipped: SARIF results")
    folder = run(BINARY, ["validate", "--strict", FRAMEWORK])
    expect(folder.returncode == 0 and b"0 errors, 0 warnings" in folder.stderr, f"shipped: folder {folder.stderr}")


CONTRADICTION = [{"file": "rules.yaml", "append": """  - id: qow.extra-load
    block: quality_of_work
    when: "impact.freed_time == client_contact"
    text: {nl: "Meer cliëntcontact is ook zwaarder.", en: "More client contact is also harder."}
    effects:
      quality_of_work: {mental_load: up}
    provenance: reconstructed
    source: ["000"]
"""}]


def check_formats():
    with tempfile.TemporaryDirectory() as tmp:
        folder = broken_copy(tmp, CONTRADICTION, "formats")
        text = run(BINARY, ["validate", folder], cwd=tmp)
        expect(text.returncode == 0, f"formats: a warning alone must exit 0, got {text.returncode}")
        expect(b"warning: [KR101]" in text.stdout and b"0 errors, 2 warnings" in text.stderr, f"formats: text {text.stdout}")
        strict = run(BINARY, ["validate", folder, "--strict"], cwd=tmp)
        expect(strict.returncode == 1 and b"error: [KR101]" in strict.stdout, f"formats: --strict exit {strict.returncode}")
        github = run(BINARY, ["validate", folder, "--format", "github"], cwd=tmp)
        lines = github.stdout.decode().splitlines()
        with open(os.path.join(tmp, folder, "rules.yaml"), encoding="utf-8") as f:
            at = next(n for n, line in enumerate(f, 1) if "id: qow.extra-load" in line)
        expect(len(lines) == 2 and all(l.startswith(f"::warning file=fw/rules.yaml,line={at},col=5,title=KR101 contradiction::")
                                       for l in lines), f"formats: github {lines}")
        missing = run(BINARY, ["validate", os.path.join(tmp, "nope")])
        expect(missing.returncode == 2, f"formats: missing folder exit {missing.returncode}")
        bad = run(BINARY, ["validate", "--format", "xml"])
        expect(bad.returncode == 2, f"formats: bad format exit {bad.returncode}")


def check_sarif():
    ready = os.path.exists(SARIF_SCHEMA) and os.path.isdir(os.path.join(SOURCE, ".cache", "ajv", "node_modules", "ajv"))
    expect(ready and shutil.which("node"), "sarif: schema, ajv or node missing; run scripts/setup.sh")
    if not ready:
        return
    broken_key = [{"file": "flags.yaml", "find": "  - id: profiling-people\n",
                   "replace": "  - id: profiling-people\n    colour: red\n"}]
    with tempfile.TemporaryDirectory() as tmp:
        logs = []
        for label, edits, want_exit, want_results in (("warnings", CONTRADICTION, 0, 2), ("errors", broken_key, 1, 1),
                                                      ("clean", [], 0, 0)):
            os.makedirs(os.path.join(tmp, label))
            folder = broken_copy(os.path.join(tmp, label), edits, "sarif")
            result = run(BINARY, ["validate", folder, "--format", "sarif"], cwd=os.path.join(tmp, label))
            expect(result.returncode == want_exit, f"sarif {label}: exit {result.returncode}")
            doc = json.loads(result.stdout)
            expect(len(doc["runs"][0]["results"]) == want_results, f"sarif {label}: {len(doc['runs'][0]['results'])} results")
            log = os.path.join(tmp, f"{label}.sarif")
            with open(log, "wb") as f:
                f.write(result.stdout)
            logs.append(log)
        checked = subprocess.run(["node", SARIF_CHECK, SARIF_SCHEMA, *logs], capture_output=True, timeout=120)
        expect(checked.returncode == 0, f"sarif: not valid SARIF 2.1.0: {checked.stdout.decode()[:1500]}")
        # the checker itself can fail: a level SARIF does not know
        bad = json.loads(open(logs[0], encoding="utf-8").read())
        bad["runs"][0]["results"][0]["level"] = "fatal"
        bad_log = os.path.join(tmp, "bad.sarif")
        with open(bad_log, "w", encoding="utf-8") as f:
            json.dump(bad, f)
        refused = subprocess.run(["node", SARIF_CHECK, SARIF_SCHEMA, bad_log], capture_output=True, timeout=120)
        expect(refused.returncode == 1 and b"level must be equal to one of the allowed values" in refused.stdout,
               f"sarif: the schema check accepted a bad log: {refused.stdout[:300]}")


def check_cases():
    examples = sorted(os.path.join(SOURCE, "examples", f) for f in os.listdir(os.path.join(SOURCE, "examples"))
                      if f.endswith(".yaml"))
    ok = run(BINARY, ["validate-case", *examples])
    expect(ok.returncode == 0 and ok.stdout == b"", f"cases: examples exit {ok.returncode} {ok.stdout[:300]}")
    bad = os.path.join(SOURCE, "tests", "e2e", "bad-input", "unknown-key.yaml")
    mixed = run(BINARY, ["validate-case", examples[0], bad])
    out = mixed.stdout.decode()
    expect(mixed.returncode == 1, f"cases: exit {mixed.returncode}")
    expect("unknown-key.yaml:" in out and examples[0] not in out, f"cases: output {out}")
    expect(b"2 use cases checked: 1 invalid" in mixed.stderr, f"cases: stderr {mixed.stderr}")
    # a file that does not exist is a usage error (exit 2, nothing on stdout), not a finding
    missing = run(BINARY, ["validate-case", examples[0], bad, os.path.join(SOURCE, "nope.yaml")])
    expect(missing.returncode == 2 and missing.stdout == b"" and
           missing.stderr == (os.path.join(SOURCE, "nope.yaml") + ": error: no such file\n").encode(),
           f"cases: missing file exit {missing.returncode} {missing.stdout[:200]} {missing.stderr}")


def schema_check(schema_path, documents, tmp):
    paths = []
    for i, doc in enumerate(documents):
        path = os.path.join(tmp, f"doc{i}.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(doc, f)
        paths.append(path)
    return subprocess.run(["node", os.path.join(os.path.dirname(__file__), "schema-check.js"), schema_path, *paths],
                          capture_output=True, timeout=120)


def check_schema():
    schemas = {}
    for kind in ("use-case", "assessment", "framework"):
        result = run(BINARY, ["schema", kind])
        committed = os.path.join(SOURCE, "docs", "schema", f"{kind}.schema.json")
        with open(committed, "rb") as f:
            expect(result.stdout == f.read(), f"schema: docs/schema/{kind}.schema.json is stale; "
                                              f"run `kansrijk schema {kind} > docs/schema/{kind}.schema.json`")
        schemas[kind] = committed
    if not os.path.isdir(os.path.join(SOURCE, ".cache", "ajv", "node_modules", "ajv")):
        expect(False, "schema: ajv missing; run scripts/setup.sh")
        return
    examples = sorted(os.path.join(SOURCE, "examples", f) for f in os.listdir(os.path.join(SOURCE, "examples"))
                      if f.endswith(".yaml"))
    with tempfile.TemporaryDirectory() as tmp:
        docs = []
        for path in examples:
            with open(path, encoding="utf-8") as f:
                first = f.readline()
                expect(first.startswith("# yaml-language-server: $schema=../docs/schema/use-case.schema.json"),
                       f"schema: {os.path.basename(path)} has no schema modeline")
            with open(path, encoding="utf-8") as f:
                docs.append(yaml.safe_load(f))
        checked = schema_check(schemas["use-case"], docs, tmp)
        expect(checked.returncode == 0, f"schema: examples do not validate: {checked.stdout.decode()[:1000]}")
        bad = [{"title": "x", "tasks": [{"ref": "besluitvorming.rapport-schrijven"}], "ai": {"rol": "draft"}},
               {"title": "x", "tasks": [{"ref": "nope"}]},
               {"title": "x", "tasks": [{"ref": "besluitvorming.rapport-schrijven"}], "ai": {"role": "decides"}},
               {"tasks": [{"ref": "besluitvorming.rapport-schrijven"}]}]
        refused = schema_check(schemas["use-case"], bad, tmp)
        expect(refused.returncode == 1 and len(set(l.split(":")[0] for l in refused.stdout.decode().splitlines())) == 4,
               f"schema: broken use cases accepted: {refused.stdout.decode()}")
        reports = [json.loads(run(BINARY, ["assess", p, "--format", "json", "--lang", lang]).stdout)
                   for p in examples for lang in ("nl", "en")]
        checked = schema_check(schemas["assessment"], reports, tmp)
        expect(checked.returncode == 0, f"schema: reports do not validate: {checked.stdout.decode()[:1000]}")
        files = []
        for name in sorted(os.listdir(FRAMEWORK)):
            if name.endswith(".yaml"):
                with open(os.path.join(FRAMEWORK, name), encoding="utf-8") as f:
                    files.append(yaml.safe_load(f))
        checked = schema_check(schemas["framework"], files, tmp)
        expect(checked.returncode == 0, f"schema: framework files do not validate: {checked.stdout.decode()[:1500]}")
        broken = dict(files[0])
        broken["colour"] = "red"
        refused = schema_check(schemas["framework"], [broken], tmp)
        expect(refused.returncode == 1, "schema: a framework file with an unknown key was accepted")


def check_graph():
    import re
    with open(os.path.join(FRAMEWORK, "taxonomy.yaml"), encoding="utf-8") as f:
        taxonomy = yaml.safe_load(f)
    needs = sum(len(item["skills"]) for item in taxonomy["items"])
    mermaid = run(BINARY, ["graph"]).stdout.decode()
    expect(mermaid.startswith("flowchart LR\n"), "graph: not a Mermaid flowchart")
    defined = set(re.findall(r"^\s+([A-Za-z0-9_]+)\[\"", mermaid, re.M))
    edges = re.findall(r"^  ([A-Za-z0-9_]+) (?:-->|-- \d+ -->|-\.->) ([A-Za-z0-9_]+)$", mermaid, re.M)
    with open(os.path.join(FRAMEWORK, "skills.yaml"), encoding="utf-8") as f:
        skills = len(yaml.safe_load(f)["skills"])
    expect(len(defined) == len(taxonomy["items"]) + skills + 4, f"graph: {len(defined)} nodes")
    expect(all(a in defined and b in defined for a, b in edges), "graph: an edge to an undefined node")
    expect(sum(1 for a, _ in edges if a.startswith("i_")) == needs, "graph: not one edge per skill a task needs")
    dot = run(BINARY, ["graph", "--format", "dot", "--lang", "en"])
    rendered = subprocess.run(["dot", "-Tsvg"], input=dot.stdout, capture_output=True)
    expect(rendered.returncode == 0 and b"<svg" in rendered.stdout, f"graph: Graphviz refuses the dot output: {rendered.stderr[:300]}")
    expect(dot.stdout.count(b" -> ") == len(edges), "graph: dot and Mermaid differ in edges")


def check_diff():
    examples = sorted(os.path.join(SOURCE, "examples", f) for f in os.listdir(os.path.join(SOURCE, "examples"))
                      if f.endswith(".yaml"))
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(FRAMEWORK, os.path.join(tmp, "old"))
        broken_copy(tmp, [{"file": "framework.yaml", "find": "promising: 70", "replace": "promising: 85"},
                          {"file": "flags.yaml", "find": "  - id: profiling-people\n    severity: high", "replace": "  - id: profiling-people\n    severity: medium"}], "diff")
        result = run(BINARY, ["diff", "old", "fw", *examples], cwd=tmp)
        out = result.stdout.decode()
        expect(result.returncode == 0, f"diff: exit {result.returncode} {result.stderr.decode()}")
        expect("~ verdict thresholds\n    was: promising 70, conditional 50, limited 30\n    now: promising 85" in out,
               f"diff: thresholds change not shown:\n{out}")
        expect("~ flag profiling-people\n    was: severity high\n    now: severity medium\n" in out, f"diff: flag change not shown:\n{out}")
        expect("* " + os.path.join(SOURCE, "examples", "kennisbank-zoeken.yaml") + ": promising -> conditional" in out,
               f"diff: verdict change of kennisbank-zoeken not shown:\n{out}")
        same = run(BINARY, ["diff", "old", "old", *examples], cwd=tmp).stdout.decode()
        expect("0 changes in the framework" in same and "\n* " not in same and f"0 of {len(examples)} use cases change" in same,
               f"diff: identical frameworks differ:\n{same}")
    # no internal values and no empty lines: a rule without counterweights, a field without
    # `if_skipped` (issue 27, point 7)
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(FRAMEWORK, os.path.join(tmp, "old"))
        broken_copy(tmp, CONTRADICTION + [{"file": "fields.yaml", "find": "    label: {nl: \"Fase\", en: \"Stage\"}",
                                           "replace": "    label: {nl: \"Stadium\", en: \"Stage\"}\n    ordered: true"}], "diff-clean")
        out = run(BINARY, ["diff", "old", "fw"], cwd=tmp).stdout.decode()
        expect("+ rule qow.extra-load" in out and "rule counterweights qow.extra-load" not in out,
               f"diff: an empty counterweight line for a new rule:\n{out}")
        expect("~ field context.stage" in out and "if skipped" not in out and "-1" not in out,
               f"diff: internal values in a field line:\n{out}")


def check_diff_ci():
    """diff as a CI gate: golden cases and folders as cases, --fail-on, --format json, the
    version warning."""
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copytree(FRAMEWORK, os.path.join(tmp, "old"))
        broken_copy(tmp, [{"file": "framework.yaml", "find": "promising: 70", "replace": "promising: 80"}], "diff-ci")
        gate = run(BINARY, ["diff", "old", "fw", "old/tests", "--fail-on", "verdict"], cwd=tmp)
        err = gate.stderr.decode()
        expect(gate.returncode == 1, f"diff-ci: a verdict change does not fail: {gate.returncode} {err}")
        expect("* old/tests/g-literatuur-extern.yaml: promising -> conditional" in gate.stdout.decode(),
               f"diff-ci: golden case not assessed:\n{gate.stdout.decode()[-800:]}")
        goldens = len([f for f in os.listdir(os.path.join(tmp, "old", "tests")) if f.endswith(".yaml")])
        # the count names exactly the cases listed as changed
        changed = len([l for l in gate.stdout.decode().splitlines() if l.startswith("* ") and " -> " in l])
        expect(changed >= 2 and f"{changed} of {goldens} use cases change\n" in gate.stdout.decode(),
               f"diff-ci: {changed} listed: {gate.stdout.decode()[-300:]}")
        with open(os.path.join(FRAMEWORK, "framework.yaml"), encoding="utf-8") as f:
            version = next(line.split(":", 1)[1].strip() for line in f if line.startswith("version:"))
        expect(f'warning: the framework\'s content changed but its version is still "{version}"' in err,
               f"diff-ci: no version warning: {err}")
        # the gate counts what it gates on: cases whose verdict changed
        verdicts = len([l for l in gate.stdout.decode().splitlines()
                        if l.startswith("* ") and " -> " in l.split(", overall")[0]])
        expect(f"--fail-on verdict: {verdicts} of {goldens} use cases change their verdict" in err,
               f"diff-ci: {verdicts} verdict changes listed: {err}")
        # changed cases are listed; unchanged ones only counted
        listed = [l for l in gate.stdout.decode().splitlines() if l.startswith("  old/tests/")]
        expect(not listed and f"({goldens - changed} use cases unchanged)" in gate.stdout.decode(),
               f"diff-ci: unchanged cases listed one by one: {listed[:3]}")
        # a gate without use cases would check nothing: a usage error
        empty = run(BINARY, ["diff", "old", "fw", "--fail-on", "verdict"], cwd=tmp)
        expect(empty.returncode == 2 and b"needs use cases" in empty.stderr, f"diff-ci: --fail-on without cases: {empty.returncode} {empty.stderr}")
        flags = run(BINARY, ["diff", "old", "fw", "old/tests", "--fail-on", "flags"], cwd=tmp)
        expect(flags.returncode == 0, f"diff-ci: --fail-on flags fails without a flag change: {flags.returncode}")
        same = run(BINARY, ["diff", "old", "old", "old/tests", "--fail-on", "any"], cwd=tmp)
        expect(same.returncode == 0 and b"warning" not in same.stderr, f"diff-ci: identical: {same.returncode} {same.stderr}")
        data = run(BINARY, ["diff", "old", "fw", "old/tests/g-literatuur-extern.yaml", "--format", "json"], cwd=tmp)
        doc = json.loads(data.stdout)
        expect(doc["diff_format"] == 1 and doc["changed_cases"] == 1 and len(doc["warnings"]) == 1, f"diff-ci: json {doc}")
        expect(doc["cases"] == [{"file": "old/tests/g-literatuur-extern.yaml", "changed": True, "verdict_changed": True,
                                 "flags_changed": False,
                                 "old": {"verdict": "promising", "overall": 77, "flags": []},
                                 "new": {"verdict": "conditional", "overall": 77, "flags": []}}],
               f"diff-ci: json cases {doc['cases']}")
        expect({"change": "changed", "kind": "verdict", "id": "thresholds",
                "was": "promising 70, conditional 50, limited 30", "now": "promising 80, conditional 50, limited 30"}
               in doc["changes"], f"diff-ci: json changes {doc['changes']}")
        empty = os.path.join(tmp, "leeg")
        os.mkdir(empty)
        refused = run(BINARY, ["diff", "old", "fw", "leeg"], cwd=tmp)
        expect(refused.returncode == 2 and b"leeg: error: holds no use-case or golden-case files" in refused.stderr,
               f"diff-ci: empty folder: {refused.returncode} {refused.stderr}")


def check_explain():
    """A failing golden case shows the failing part of the condition; framework explain --case."""
    with tempfile.TemporaryDirectory() as tmp:
        broken_copy(tmp, [{"file": "tests/ex-fml-toets.yaml",
                           "find": "fires: [technology.rules-built-in, ai-act.high-risk]",
                           "replace": "fires: [technology.rules-built-in, ai-act.high-risk, purpose.missing]"}], "explain")
        result = run(BINARY, ["test", "fw"], cwd=tmp)
        out = result.stdout.decode()
        expect(result.returncode == 1, f"explain: exit {result.returncode}")
        expect("     rule purpose.missing did not fire\n"
               "     condition of purpose.missing (did not fire) for this case:\n"
               "       false   purpose.goal == unknown and purpose.problem == unknown\n"
               "       false     purpose.goal == unknown\n"
               "       false     purpose.problem == unknown\n" in out, f"explain: no trace:\n{out[:1500]}")
        case = os.path.join(SOURCE, "examples", "fml-toets.yaml")
        shown = run(BINARY, ["framework", "explain", "purpose.client-value", "--case", case])
        text = shown.stdout.decode()
        expect(shown.returncode == 0 and "fires\n  true    client_contact in purpose.benefits or quality in purpose.benefits\n"
               "  false     client_contact in purpose.benefits\n  true      quality in purpose.benefits\n" in text,
               f"explain --case: {shown.returncode}\n{text}")
        unknown = run(BINARY, ["framework", "explain", "purpose.client-value", "--case", "-"],
                      stdin=b"title: x\ntasks: [{ref: beeldvorming.dossierstudie}]\n")
        expect("unknown client_contact in purpose.benefits or quality in purpose.benefits" in unknown.stdout.decode(),
               f"explain --case unknown: {unknown.stdout.decode()}")


def main():
    check = sys.argv[3]
    {"corpus": check_corpus, "shipped": check_shipped, "formats": check_formats, "sarif": check_sarif,
     "cases": check_cases, "schema": check_schema, "graph": check_graph, "diff": check_diff,
     "diff-ci": check_diff_ci, "explain": check_explain}[check]()
    finish(f"validate {check}")


if __name__ == "__main__":
    main()
