#!/usr/bin/env python3
"""End-to-end tests of the kansrijk binary, run by ctest.

Usage: run.py BINARY SOURCE_DIR CHECK [ARG]
Checks: example FILE (text nl/en and JSON contract), bad-input (the corpus in bad-input/),
generated-bad-input (directory, missing, binary, huge, deep files made at run time),
cli (usage errors, --version, --help, -o, stdin, --framework, KANSRIJK_FRAMEWORK).
Each check prints what it tests and exits non-zero on the first mismatch it cannot
recover from; all mismatches of a check are listed.
"""
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import command  # noqa: E402  (KANSRIJK_E2E_WRAPPER and sampling: harness.py)

BINARY, SOURCE = sys.argv[1], sys.argv[2]
FAILURES = []


def run(args, stdin=None, env=None, cwd=None):
    full_env = dict(os.environ)
    full_env.pop("KANSRIJK_FRAMEWORK", None)
    full_env.setdefault("SOURCE_DATE_EPOCH", "1795392000")  # 2026-11-23: reports are reproducible
    if env:
        full_env.update(env)
    return subprocess.run(command(BINARY, args), input=stdin, capture_output=True, env=full_env, cwd=cwd, timeout=300)


def expect(condition, message):
    if not condition:
        FAILURES.append(message)


JSON_KEYS = ["tool", "format_version", "framework", "use_case", "language", "date", "verdict", "verdict_reasons",
             "verdict_policy", "verdict_range", "scores",
             "score_details", "tasks", "skills", "technologies", "quality_of_work", "flags",
             "open_questions", "ranked_questions", "what_if", "conditions", "recommendations", "trace", "input", "sources",
             "statement", "limits", "resolved_flags"]
VERDICTS = {"promising", "conditional", "limited", "not_advised", "insufficient_information"}
RANK = {"not_advised": 0, "insufficient_information": 1, "limited": 2, "conditional": 3, "promising": 4}
DIRECTIONS = {"up", "down", "mixed", "none", "unknown"}
VALENCES = {"favourable", "unfavourable", "mixed", "neutral", "unknown"}
SEVERITIES = {"low", "medium", "high", "knockout"}


def check_json_contract(doc, name):
    expect(list(doc.keys()) == JSON_KEYS, f"{name}: top-level keys are {list(doc.keys())}")
    expect(doc["tool"]["name"] == "kansrijk", f"{name}: tool.name")
    expect(doc["date"] == "2026-11-23", f"{name}: date {doc['date']} is not the day of SOURCE_DATE_EPOCH")
    expect(doc["statement"] and doc["limits"], f"{name}: no statement or limits")
    expect(isinstance(doc["input"]["fields"], dict) and doc["input"]["fields"].get("title") == doc["use_case"]["title"],
           f"{name}: input.fields does not hold the title")
    expect(len(doc["framework"]["sha256"]) == 64, f"{name}: framework.sha256")
    expect(doc["verdict"] in VERDICTS, f"{name}: verdict {doc['verdict']}")
    expect(doc["format_version"] == "1.3", f"{name}: format_version {doc['format_version']}")
    window = doc["verdict_range"]
    expect(window["now"] == doc["verdict"], f"{name}: verdict_range.now differs from verdict")
    expect(RANK[window["best"]] >= RANK[window["worst"]], f"{name}: verdict_range best below worst")
    expect(RANK[doc["verdict"]] <= RANK[window["best"]], f"{name}: verdict better than any answers allow")
    steps = doc["verdict_policy"]["steps"]
    expect(steps and all(s["id"] and s["when"] and s["source"] and s["holds"] in (True, False, "unknown") for s in steps),
           f"{name}: incomplete verdict_policy steps")
    expect(sum(1 for s in steps if s["binding"]) <= 1, f"{name}: more than one binding policy step")
    for block in ["purpose", "tasks", "skills", "technology", "quality_of_work", "overall"]:
        score = doc["scores"][block]
        expect(score is None or (isinstance(score, int) and 0 <= score <= 100), f"{name}: scores.{block} = {score}")
    fits = [t["fit"] for t in doc["technologies"]]
    expect(fits == sorted(fits, reverse=True), f"{name}: technologies not sorted best first")
    for dim, result in doc["quality_of_work"].items():
        expect(result["direction"] in DIRECTIONS, f"{name}: direction of {dim}")
        expect(result["valence"] in VALENCES, f"{name}: valence of {dim}")
        for reason in result["reasons"]:
            expect(reason["rule"] and reason["source"] and reason["text"], f"{name}: reason without rule, source or text")
    for flag in doc["flags"]:
        expect(flag["severity"] in SEVERITIES and flag["rule"] and flag["source"] and flag["message"],
               f"{name}: incomplete flag {flag}")
        if flag["severity"] == "knockout":
            expect(doc["verdict"] == "not_advised", f"{name}: a knock-out but verdict {doc['verdict']}")
        if flag["severity"] == "high":
            expect(doc["verdict"] != "promising", f"{name}: a high flag but verdict promising")
    for fired in doc["trace"]:
        expect(fired["rule"] and fired["source"] and fired["effects"], f"{name}: incomplete trace entry")


def check_example(path):
    name = os.path.basename(path)
    outputs = {}
    for lang in ["nl", "en"]:
        text = run(["assess", path, "--lang", lang])
        expect(text.returncode == 0, f"{name}: text {lang} exit {text.returncode}: {text.stderr.decode()}")
        expect(text.stderr == b"", f"{name}: text {lang} wrote to stderr: {text.stderr.decode()}")
        body = text.stdout.decode()
        heading = "OORDEEL:" if lang == "nl" else "VERDICT:"
        expect(heading in body, f"{name}: no verdict heading in {lang} text")
        outputs[lang] = body
        js = run(["assess", path, "--format", "json", "--lang", lang])
        expect(js.returncode == 0, f"{name}: json {lang} exit {js.returncode}")
        doc = json.loads(js.stdout)
        check_json_contract(doc, f"{name} ({lang})")
        again = run(["assess", path, "--format", "json", "--lang", lang])
        expect(again.stdout == js.stdout, f"{name}: JSON output differs between two runs")
    expect(outputs["nl"] != outputs["en"], f"{name}: nl and en text are the same")
    for word in ["Bouwstenen", "Signalen", "Open vragen", "Bronnen"]:
        expect(word in outputs["nl"], f"{name}: Dutch report lacks section {word}")
    for word in ["Building blocks", "Flags", "Open questions", "Sources"]:
        expect(word in outputs["en"], f"{name}: English report lacks section {word}")


def check_bad(path_or_args, expected_err, label, stdin=None):
    with tempfile.TemporaryDirectory() as tmp:
        out_file = os.path.join(tmp, "report.json")
        args = path_or_args if isinstance(path_or_args, list) else ["assess", path_or_args]
        result = run(args + ["-o", out_file], stdin=stdin, cwd=SOURCE)
        expect(result.returncode == 2, f"{label}: exit {result.returncode}, expected 2")
        expect(result.stdout == b"", f"{label}: wrote to stdout")
        expect(not os.path.exists(out_file), f"{label}: created the output file")
        expect(os.listdir(tmp) == [], f"{label}: left files behind: {os.listdir(tmp)}")
        err = result.stderr.decode(errors="replace")
        expect(err == expected_err, f"{label}: stderr was\n{err}expected\n{expected_err}")


def check_bad_input_corpus():
    folder = os.path.join(SOURCE, "tests", "e2e", "bad-input")
    cases = sorted(f for f in os.listdir(folder) if not f.endswith(".stderr"))
    expect(len(cases) >= 55, f"bad-input corpus has only {len(cases)} cases")
    for case in cases:
        with open(os.path.join(folder, case + ".stderr"), encoding="utf-8") as f:
            expected = f.read()
        check_bad(os.path.join("tests", "e2e", "bad-input", case), expected, case)


def check_hostile_ok():
    """Hostile but valid use cases: a correct report, with nothing of the input acting on the
    terminal, and the text preserved exactly in JSON."""
    folder = os.path.join(SOURCE, "tests", "e2e", "hostile-ok")
    cases = sorted(os.listdir(folder))
    expect(len(cases) >= 10, f"hostile-ok has only {len(cases)} cases")
    for case in cases:
        path = os.path.join(folder, case)
        for lang in ("nl", "en"):
            text = run(["assess", path, "--lang", lang])
            expect(text.returncode == 0 and text.stderr == b"", f"{case}: text {lang} exit {text.returncode} {text.stderr.decode()}")
            controls = [c for c in text.stdout.decode() if (ord(c) < 32 and c != "\n") or ord(c) == 127]
            expect(not controls, f"{case}: control characters in the text report: {controls[:5]}")
        js = run(["assess", path, "--format", "json"])
        expect(js.returncode == 0, f"{case}: json exit {js.returncode}")
        doc = json.loads(js.stdout)
        check_json_contract(doc, case)
        if case.startswith(("script", "formula", "markdown")):
            with open(path, encoding="utf-8") as f:
                first = f.readline()
            title = json.loads(first[len("title: "):]) if first.startswith("title: \"") else None
            expect(title is None or doc["use_case"]["title"] == title, f"{case}: title changed in JSON: {doc['use_case']['title']!r}")


def check_generated_bad_input():
    with tempfile.TemporaryDirectory() as tmp:
        check_bad(["assess", tmp], f"{tmp}: error: is a directory; expected a file\n", "directory")
        missing = os.path.join(tmp, "nope.yaml")
        check_bad(["assess", missing], f"{missing}: error: no such file\n", "missing file")
        binary = os.path.join(tmp, "binary.yaml")
        with open(binary, "wb") as f:
            f.write(b"title: x\n\x7fELF\x00\x01\x02")
        check_bad(["assess", binary], f"{binary}:2:5: error: file contains a NUL byte; expected a UTF-8 text file\n", "binary")
        latin1 = os.path.join(tmp, "latin1.yaml")
        with open(latin1, "wb") as f:
            f.write("title: Caf\u00e9\n".encode("latin-1"))
        check_bad(["assess", latin1], f"{latin1}:1:11: error: invalid UTF-8; save the file as UTF-8 text\n", "latin-1")
        huge = os.path.join(tmp, "huge.yaml")
        with open(huge, "wb") as f:
            f.write(b"title: x\ndescription: " + b"x" * (50 * 1024 * 1024) + b"\n")
        size = os.path.getsize(huge)
        check_bad(["assess", huge], f"{huge}: error: file is too large ({size} bytes); the limit is 1048576 bytes\n", "50 MB file")
        deep = os.path.join(tmp, "deep.yaml")
        with open(deep, "w") as f:
            f.write("title: x\ntasks: " + "[" * 100000 + "]" * 100000 + "\n")
        check_bad(["assess", deep], f"{deep}:2:40: error: nesting is deeper than 32 levels; flatten the document\n", "deep flow nesting")
        block = os.path.join(tmp, "deep-block.yaml")
        with open(block, "w") as f:
            f.write("title: x\n" + "".join(" " * i + f"k{i}:\n" for i in range(40)))
        result = run(["assess", block])
        expect(result.returncode == 2 and b"nesting is deeper than 32 levels" in result.stderr,
               f"deep block nesting: {result.returncode} {result.stderr.decode()}")
        fifo = os.path.join(tmp, "pipe.yaml")
        os.mkfifo(fifo)
        check_bad(["assess", fifo], f"{fifo}: error: is not a regular file (a pipe, device or socket); expected a file\n", "named pipe")
        # Unreadable for anyone, root included (chmod 000 is not, for root): reading fails.
        check_bad(["assess", "/proc/self/mem"], "/proc/self/mem: error: cannot read the file (read error)\n", "unreadable file")
        stdin = run(["assess", "-"], stdin=b"")
        expect(stdin.returncode == 2 and stdin.stderr == b"<stdin>:1:1: error: file is empty; expected a YAML or JSON mapping\n",
               f"empty stdin: {stdin.stderr.decode()}")


def check_cli():
    example = os.path.join(SOURCE, "examples", "rapport-concept.yaml")
    version = run(["--version"])
    expect(version.returncode == 0 and version.stdout.startswith(b"kansrijk "), "--version")
    for args in (["--help"], ["assess", "--help"], ["test", "--help"]):
        result = run(args)
        expect(result.returncode == 0 and b"Usage" in result.stdout, f"{' '.join(args)}: {result.returncode}")
    for args, label in ((["frobnicate"], "unknown subcommand"), ([], "no subcommand"),
                        (["assess"], "assess without file"),
                        (["assess", example, "--format", "pdf"], "unknown format"),
                        (["assess", example, "--lang", "de"], "unknown language")):
        result = run(args)
        expect(result.returncode == 2 and result.stdout == b"" and b"kansrijk: error:" in result.stderr,
               f"{label}: exit {result.returncode}, stderr {result.stderr.decode()}")
    # A forgiving command line: help and version as words, suggestions for typing errors, and
    # each error pointing at the help of its own subcommand.
    for args in (["version"], ["-v"]):
        result = run(args)
        expect(result.returncode == 0 and result.stdout == version.stdout, f"{' '.join(args)}: {result.stdout!r}")
    top = run(["help"])
    expect(top.returncode == 0 and top.stdout == run(["--help"]).stdout and b"Subcommands:" in top.stdout,
           f"help: {top.returncode} {top.stdout[:200]!r}")
    for sub in ("assess", "batch", "interview", "framework", "help"):
        result = run(["help", sub])
        expect(result.returncode == 0 and result.stdout == run([sub, "--help"]).stdout,
               f"help {sub} differs from {sub} --help:\n{result.stdout.decode()}")
    for args, message in (
            (["asess", example], 'kansrijk: error: unknown subcommand "asess" (did you mean "assess"?)\n'
                                 "Run `kansrijk help` for usage.\n"),
            (["help", "asess"], 'kansrijk: error: SUBCOMMAND: "asess" is not one of assess, compare, batch, interview, validate, '
                                'validate-case, schema, template, graph, diff, test, framework, help, version (did you mean '
                                '"assess"?)\nRun `kansrijk help` for usage.\n'),
            (["assess", "--fromat", "json", example], "kansrijk: error: unknown option --fromat for `kansrijk assess` "
                                                      '(did you mean "--format"?)\nRun `kansrijk help assess` for its '
                                                      "options.\n"),
            (["batch", example, "--summary-fromat=csv"], "kansrijk: error: unknown option --summary-fromat for "
                                                         '`kansrijk batch` (did you mean "--summary-format"?)\n'
                                                         "Run `kansrijk help batch` for its options.\n"),
            (["assess", example, "--format", "jsn"], 'kansrijk: error: --format: "jsn" is not one of text, markdown, '
                                                     'html, json (did you mean "json"?)\n'
                                                     "Run `kansrijk help assess` for its options.\n"),
            (["test", "-x"], "kansrijk: error: unknown option -x for `kansrijk test`\n"
                             "Run `kansrijk help test` for its options.\n"),
            (["--verison"], 'kansrijk: error: unknown option --verison for `kansrijk` (did you mean "--version"?)\n'
                            "Run `kansrijk help` for usage.\n")):
        result = run(args)
        expect(result.returncode == 2 and result.stdout == b"" and result.stderr.decode() == message,
               f"{' '.join(args)}: exit {result.returncode}, stderr {result.stderr.decode()!r}")
    # option values that start with a dash are values, not options
    dashed = run(["batch", "--summary", "-", "--jobs", "1", example])
    expect(dashed.returncode == 0 and dashed.stdout.startswith(b"id,"), f"--summary -: {dashed.stderr.decode()}")
    for many in ("inventaris.csv", "x.jsonl"):
        result = run(["assess", os.path.join(SOURCE, "examples", many)])
        expect(result.returncode == 2 and f"assess them with `kansrijk batch {os.path.join(SOURCE, 'examples', many)}`"
               in result.stderr.decode(), f"assess {many}: {result.stderr.decode()}")
    with open(example, "rb") as f:
        piped = run(["assess", "-", "--format", "json"], stdin=f.read())
    direct = run(["assess", example, "--format", "json"])
    expect(piped.returncode == 0, f"stdin: {piped.stderr.decode()}")
    expect(json.loads(piped.stdout)["verdict"] == json.loads(direct.stdout)["verdict"], "stdin and file verdicts differ")
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "r.json")
        result = run(["assess", example, "--format", "json", "-o", out])
        expect(result.returncode == 0 and result.stdout == b"", f"-o: {result.returncode}")
        with open(out, "rb") as f:
            expect(f.read() == direct.stdout, "-o wrote something else than stdout shows")
        expect(os.listdir(tmp) == ["r.json"], f"-o left {os.listdir(tmp)}")
        bad_target = run(["assess", example, "-o", os.path.join(tmp, "no", "such", "dir.txt")])
        expect(bad_target.returncode == 2 and b"cannot write file" in bad_target.stderr, "unwritable -o")
    framework_dir = os.path.join(SOURCE, "frameworks", "tno-arbeidsdeskundige")
    from_dir = run(["assess", example, "--format", "json", "--framework", framework_dir])
    expect(from_dir.stdout == direct.stdout, "--framework with the shipped folder differs from the built-in framework")
    from_env = run(["assess", example, "--format", "json"], env={"KANSRIJK_FRAMEWORK": framework_dir})
    expect(from_env.stdout == direct.stdout, "KANSRIJK_FRAMEWORK differs from the built-in framework")
    missing_fw = run(["assess", example, "--framework", "/nonexistent"])
    expect(missing_fw.returncode == 2 and missing_fw.stderr == b"/nonexistent: error: no such framework folder\n",
           f"missing framework: {missing_fw.stderr.decode()}")
    # --set and compare (docs/decision-support.md)
    fml = os.path.join(SOURCE, "examples", "arbeidsongeschiktheid-automatisch.yaml")
    base = json.loads(run(["assess", fml, "--format", "json"]).stdout)
    changed = run(["assess", fml, "--format", "json", "--set", "ai.oversight=every_output", "--set", "ai.role=draft"])
    doc = json.loads(changed.stdout)
    expect(changed.returncode == 0 and doc["use_case"]["title"].endswith("[--set ai.oversight=every_output, ai.role=draft]")
           and doc["input"] != base["input"], f"--set: {changed.returncode} {changed.stderr.decode()}")
    # a value set implies the answers of the questions it makes skipped, as in a file
    planning = os.path.join(SOURCE, "examples", "eigen-taak-planning.yaml")
    implied = json.loads(run(["assess", planning, "--format", "json", "--set", "data.personal=no"]).stdout)["input"]["fields"]
    expect(implied["data.health"] == "no" and implied["data.medical"] == "no"
           and implied["impact.medical_judgement"] == "no", f"--set implies skipped answers: {implied}")
    by_label = run(["assess", fml, "--format", "json", "--set", "ai.role=Een concept maken dat een mens beoordeelt"])
    expect(by_label.returncode == 0, f"--set by label: {by_label.stderr.decode()}")
    for args, message in ((["--set", "ai.oversigth=every_output"], b'unknown field "ai.oversigth" (did you mean "ai.oversight"?)'),
                          (["--set", "ai.oversight=elke"], b'"elke" is not a value of "ai.oversight"'),
                          (["--set", "ai.oversight"], b"expected FIELD=VALUE")):
        bad = run(["assess", fml, *args])
        expect(bad.returncode == 2 and bad.stdout == b"" and message in bad.stderr, f"--set {args}: {bad.stderr.decode()}")
    compared = run(["compare", fml, "--set", "ai.oversight=every_output", "--format", "json"])
    cdoc = json.loads(compared.stdout)
    expect(compared.returncode == 0 and cdoc["a"]["verdict"] == base["verdict"] and "b" in cdoc
           and isinstance(cdoc["flags_removed"], list), f"compare: {compared.stderr.decode()}")
    nothing = run(["compare", fml])
    expect(nothing.returncode == 2 and b"nothing to compare" in nothing.stderr, f"compare alone: {nothing.stderr.decode()}")
    # the what-if section: a knock-out that a design change lifts is reported with the change
    wi = base["what_if"]
    expect(wi is not None and wi["status"] in ("found", "none_possible", "none_within_limit", "needs_answers"),
           f"what_if: {wi}")


def check_framework_command():
    listing = run(["framework", "list"])
    out = listing.stdout.decode()
    expect(listing.returncode == 0, f"framework list: {listing.returncode}")
    for id_ in ["besluitvorming.rapport-schrijven", "empathy", "hybrid", "mental_load", "ai-decides-on-people",
                "purpose-first", "agree-on-freed-time", "qow.freed-time-more-cases", "ai.role", "TNO-2026"]:
        expect(id_ in out, f"framework list lacks {id_}")
    show = run(["framework", "show", "besluitvorming.rapport-schrijven", "--lang", "en"])
    expect(show.returncode == 0 and b"Writing the labour-expert report" in show.stdout and b"skill: writing (weight 3)" in show.stdout,
           f"framework show: {show.stdout.decode()}")
    grades = run(["framework", "show", "empathy"])
    expect(grades.stdout.decode().count(": none (") == 4, "an affective skill is not graded none by all four technologies")
    explain = run(["framework", "explain", "qow.freed-time-more-cases"])
    text = explain.stdout.decode()
    expect(explain.returncode == 0 and "when: impact.freed_time == more_cases" in text and "ex-rapport-meer-dossiers" in text,
           f"framework explain: {text}")
    missing = run(["framework", "show", "rapport-schrijven"])
    expect(missing.returncode == 2 and missing.stderr == b'kansrijk: error: no item "rapport-schrijven" (did you mean "besluitvorming.rapport-schrijven"?); see `kansrijk framework list`\n',
           f"framework show of a short id: {missing.stderr.decode()}")
    not_rule = run(["framework", "explain", "qow.freed-time-more-case"])
    expect(not_rule.returncode == 2 and b'(did you mean "qow.freed-time-more-cases"?)' in not_rule.stderr, f"explain typo: {not_rule.stderr.decode()}")
    no_id = run(["framework", "show"])
    expect(no_id.returncode == 2 and b"needs an id" in no_id.stderr, "framework show without id")
    # what `list` lists, `show` shows: policy steps and skill groups too (issue 27, point 7)
    expect("skill groups" in out and "affective" in out, "framework list lacks the skill groups")
    step = run(["framework", "show", "several-high-flags"]).stdout.decode()
    expect("at most: limited" in step and "when: flags.high >= 2" in step, f"framework show of a policy step: {step}")
    group = run(["framework", "show", "affective"])
    expect(group.returncode == 0 and b"empathy" in group.stdout and b"writing" not in group.stdout,
           f"framework show of a skill group: {group.stdout.decode()}")
    resolved = run(["framework", "show", "health-data-external"]).stdout.decode()
    expect("resolved when stated in place: data-protection, health-data-basis" in resolved, f"framework show of a flag: {resolved}")
    # a policy step that names a medium flag is not "capped by a high flag" in JSON (1.3)
    with tempfile.TemporaryDirectory() as tmp:
        case = os.path.join(tmp, "c.yaml")
        with open(case, "w", encoding="utf-8") as f:
            f.write("title: Zonder doel\ntasks: [{ref: besluitvorming.rapporteren}]\n")
        doc = json.loads(run(["assess", case, "--format", "json"]).stdout)
        kinds = {(r["kind"], r.get("flag")) for r in doc["verdict_reasons"] if r.get("flag") == "no-purpose"}
        expect(kinds == {("capped_by_flag", "no-purpose")}, f"verdict reason of a medium flag named by a step: {kinds}")


def check_golden_runner():
    import shutil
    source = os.path.join(SOURCE, "frameworks", "tno-arbeidsdeskundige")
    with tempfile.TemporaryDirectory() as tmp:
        framework = os.path.join(tmp, "fw")
        shutil.copytree(source, framework)
        ok = run(["test", framework])
        expect(ok.returncode == 0, f"golden cases of a copy fail: {ok.stdout.decode()}")
        lines = ok.stdout.decode().splitlines()
        expect(lines[-1].endswith(" passed, 0 failed"), f"last line is {lines[-1]!r}")
        expect(any(line.startswith("rule coverage: ") for line in lines), "no coverage line")
        # A wrong expectation must fail with exit 1 and say what differs.
        case = os.path.join(framework, "tests", "ex-intake-gesprek.yaml")
        with open(case, encoding="utf-8") as f:
            text = f.read()
        with open(case, "w", encoding="utf-8") as f:
            f.write(text.replace("verdict: not_advised", "verdict: promising"))
        bad = run(["test", framework])
        out = bad.stdout.decode()
        expect(bad.returncode == 1, f"a failing golden case exits {bad.returncode}")
        expect("FAIL ex-intake-gesprek" in out and "verdict is not_advised, expected promising" in out,
               f"failing case output: {out}")
        expect(out.splitlines()[-1].endswith(" passed, 1 failed"), f"last line {out.splitlines()[-1]!r}")
        with open(case, "w", encoding="utf-8") as f:
            f.write(text)
        # Too little coverage fails when a minimum is asked for.
        for name in os.listdir(os.path.join(framework, "tests")):
            if name != "ex-veel-onbekend.yaml":
                os.remove(os.path.join(framework, "tests", name))
        low = run(["test", framework, "--min-coverage", "100"])
        expect(low.returncode == 1 and b"is below the required 100%" in low.stdout, f"coverage: {low.stdout.decode()}")
        # A broken framework is an input error (exit 2), located.
        with open(os.path.join(framework, "rules.yaml"), "a", encoding="utf-8") as f:
            f.write("  - {id: broken, block: tasks, when: \"ai.rol == draft\", text: {nl: x, en: x}, effects: {points: {tasks: 1}}, provenance: quoted, source: [\"000\"]}\n")
        broken = run(["test", framework])
        err = broken.stderr.decode()
        expect(broken.returncode == 2 and "rules.yaml:" in err and 'unknown field "ai.rol" (did you mean "ai.role"?)' in err,
               f"broken framework: {broken.returncode} {err}")
        empty = os.path.join(tmp, "empty")
        os.mkdir(empty)
        none = run(["test", empty])
        expect(none.returncode == 2 and none.stderr.decode() == f"{empty}: error: not a framework folder: it has no framework.yaml\n", f"empty folder: {none.stderr.decode()}")


def check_quick_start():
    """README command 1 stays lean (no test tools, no tests built), command 2 installs the test
    tools, and CI stage 1 runs command 2 as it stands (with warnings as errors)."""
    with open(os.path.join(SOURCE, "README.md"), encoding="utf-8") as f:
        readme = f.read().splitlines()
    first = [line for line in readme if line.startswith("scripts/setup.sh && ")]
    second = [line for line in readme if line.startswith("scripts/setup.sh --test && ")]
    expect(len(first) == 1 and len(second) == 1, f"quick-start: README commands {first} {second}")
    if len(first) != 1 or len(second) != 1:
        return
    expect("-DKANSRIJK_BUILD_TESTS=OFF" in first[0] and "--target kansrijk" in first[0],
           f"quick-start: command 1 builds more than the binary: {first[0]}")
    expect("-DKANSRIJK_BUILD_TESTS=ON" in second[0] and "ctest" in second[0], f"quick-start: command 2: {second[0]}")
    with open(os.path.join(SOURCE, ".ci", "run"), encoding="utf-8") as f:
        ci = f.read()
    expect(second[0].replace("-DKANSRIJK_BUILD_TESTS=ON", "-DKANSRIJK_BUILD_TESTS=ON -DKANSRIJK_WERROR=ON") in ci,
           "quick-start: .ci/run does not run README command 2")
    with open(os.path.join(SOURCE, "scripts", "setup.sh"), encoding="utf-8") as f:
        setup = f.read()
    build_list = setup[setup.index("build_packages=("):setup.index("test_packages=(")]
    for tool in ("catch2", "chromium", "tmux", "graphviz", "cmark-gfm", "lintian", "zsh", "fish", "npm", "python3"):
        expect(f"\n  {tool} " not in build_list and f"\n  {tool}\n" not in build_list,
               f"quick-start: the test tool {tool} is installed by command 1")


def main():
    check = sys.argv[3]
    if check == "example":
        check_example(sys.argv[4])
    elif check == "bad-input":
        check_bad_input_corpus()
    elif check == "hostile-ok":
        check_hostile_ok()
    elif check == "generated-bad-input":
        check_generated_bad_input()
    elif check == "cli":
        check_cli()
    elif check == "framework-command":
        check_framework_command()
    elif check == "golden-runner":
        check_golden_runner()
    elif check == "quick-start":
        check_quick_start()
    else:
        sys.exit(f"unknown check {check}")
    for failure in FAILURES:
        print("FAIL:", failure)
    print(f"{check}: {'ok' if not FAILURES else str(len(FAILURES)) + ' failures'}")
    sys.exit(1 if FAILURES else 0)


main()
