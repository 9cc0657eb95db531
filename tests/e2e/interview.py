#!/usr/bin/env python3
"""End-to-end tests of `kansrijk interview`: scripted sessions on standard input, and one
session in a real terminal (tmux).

Usage: interview.py BINARY SOURCE_DIR CHECK
Checks: complete-nl, complete-en (with an own task), edits (help, invalid answers, going
back, the summary), skip (a question that no longer applies), resume (input ends early, a
draft is saved, --resume finishes it), interrupt (Ctrl-C and SIGTERM), tmux (a real
terminal), formats (the report in every format), no-overwrite (drafts and results never
replace a file), other-framework (a framework with other groups and no id), input-limits
(/dev/zero, text that is not text), and in tmux every way out: tmux-ctrl-c (the terminal
echoes again, also in a resumed session), tmux-ctrl-d, tmux-sigterm, tmux-error (the folder
disappears before the answers are saved), tmux-wrap (a narrow terminal).
"""
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from harness import binary_and_source, command, expect, finish, run  # noqa: E402

BINARY, SOURCE = binary_and_source()
# The scripted sessions answer in the framework's order; `decisive` tests the default order.
os.environ["KANSRIJK_INTERVIEW_ORDER"] = "framework"

# The session of the issue: "AI summarises the medical file before the first conversation".
NL_ANSWERS = [
    "AI vat het medisch dossier samen voor het eerste gesprek",  # title
    "Een taalmodel in de eigen omgeving vat het dossier samen vóór het gesprek met de cliënt.",  # description
    "Het eerste gesprek beter voorbereiden",  # goal
    "Dossiers zijn lang en het doorlezen kost veel tijd",  # problem
    "1 2",  # benefits: time saving, quality
    "1", "1",  # pillar Beeldvorming, task Dossierstudie
    "k",  # done with tasks
    "2",  # role: draft
    "3",  # technology: generative
    "1",  # share: small
    "1",  # oversight: every output, before it takes effect
    "2",  # reviewer: the labour expert
    "1",  # (1.2) the reviewer can read the output: yes
    "2",  # external service: no (so outside the EU is not asked)
    "-",  # about people: none
    "1",  # personal data: yes
    "1",  # health data: yes
    "2",  # medical details: no, functional limitations only
    "5",  # who sees the data: the labour expert
    "2",  # recording: no (so consent is not asked)
    "1",  # data quality: good (training labels are not asked: generative AI)
    "1",  # (1.2) consent: not used as the legal basis
    "2",  # decisions: indirect
    "1",  # (1.2) the decision is about: a person
    "2",  # medical judgement: no
    "1",  # freed time: client contact
    "5",  # who receives the output: the labour expert (so transparency is not asked)
    "1",  # (1.2) the output is used in the work for clients
    "4",  # organisation: labour-expert firm
    "2",  # ai literacy: medium
    "1", "1", "3", "1",  # employees involved, small start, IT ready, room to experiment
    "2", "1",  # (1.2) stage: pilot; use is voluntary
    "j",
]
QUESTIONS = 41  # 39 asked fields, the tasks step, and the conditions in place (asked only with a judge)


def interview(args, answers, cwd, lang_env=None):
    stdin = ("\n".join(answers) + "\n").encode() if answers is not None else b""
    return run(BINARY, ["interview", *args], stdin=stdin, cwd=cwd, env=lang_env)


def assess_json(path):
    result = run(BINARY, ["assess", path, "--format", "json"])
    expect(result.returncode == 0, f"assess {path}: exit {result.returncode} {result.stderr.decode()}")
    return json.loads(result.stdout) if result.returncode == 0 else None


def check_complete_nl():
    with tempfile.TemporaryDirectory() as tmp:
        result = interview(["--case", "dossier.yaml"], NL_ANSWERS, tmp)
        out = result.stdout.decode()
        expect(result.returncode == 0, f"complete-nl: exit {result.returncode} {result.stderr.decode()}")
        expect("toepassing opgeslagen in dossier.yaml" in result.stderr.decode(), "complete-nl: no save message")
        expect(f"Vraag 1/{QUESTIONS} · Titel" in out and "Samenvatting" in out, "complete-nl: questions or summary missing")
        expect("OORDEEL: KANSRIJK" in out, "complete-nl: the report is not printed")
        doc = assess_json(os.path.join(tmp, "dossier.yaml"))
        if doc is None:
            return
        fields = doc["input"]["fields"]
        want = {"title": NL_ANSWERS[0], "purpose.benefits": ["time_saving", "quality"], "ai.role": "draft",
                "ai.technology": "generative", "ai.share": "small", "ai.oversight": "every_output",
                "ai.external_service": "no", "ai.about_people": [], "data.personal": "yes", "data.health": "yes",
                "data.quality": "good", "impact.decisions": "indirect", "impact.freed_time": "client_contact",
                "context.ai_literacy": "medium", "context.employees_involved": "yes",
                "context.it_infrastructure": "ready", "context.room_to_experiment": "yes"}
        want["description"] = NL_ANSWERS[1]  # accented letters kept
        for key, value in want.items():
            expect(fields.get(key) == value, f"complete-nl: {key} is {fields.get(key)!r}, answered {value!r}")
        expect([t.get("ref") for t in doc["input"]["tasks"]] == ["beeldvorming.dossierstudie"], "complete-nl: tasks")
        expect(doc["use_case"]["id"] == "ai-vat-het-medisch-dossier-samen-voor", f"complete-nl: id {doc['use_case']['id']}")
        # the report printed at the end is the report of the written file
        printed = out[out.index("Beoordeling van een AI-toepassing\n"):]
        again = run(BINARY, ["assess", os.path.join(tmp, "dossier.yaml")]).stdout.decode()
        expect(printed.replace("(dossier.yaml)", "") == again.replace("(dossier.yaml)", ""),
               "complete-nl: the printed report differs from assessing the written file")
        # without -o: a name from the title, never overwriting
        for expected in ("ai-vat-het-medisch-dossier-samen-voor.yaml", "ai-vat-het-medisch-dossier-samen-voor-2.yaml"):
            result = interview([], NL_ANSWERS, tmp)
            expect(result.returncode == 0 and os.path.exists(os.path.join(tmp, expected)), f"complete-nl: {expected}")


def check_complete_en():
    answers = [
        "Task planner", "", "Plan workplace visits", "",
        "1",  # benefits: time saving
        "c",  # own task
        "Plan workplace visits", "2", "1 2", "3", "1", "1", "1", "3",  # name, kind action, skills 1 2, routine high...
        "",  # the AI's part in the task: left open, so it follows from the AI's role
        "d",
        "4", "1", "1", "3", "2",  # automate, symbolic, small, sample, reviewer
        "1", "2", "3",  # the reviewer can read the output, external no, task allocation
        "2",  # personal data: no -> health (and what depends on it, consent too) is not asked
        "-", "2", "1", "1", "5", "-",  # shared with, recording, quality, decisions: none, freed time, output to
        "1", "2",  # the output is used in the work for clients; organisation: employer
        "3", "1", "1", "3", "1",
        "2", "1",  # stage: pilot; use is voluntary
        "y",
    ]
    with tempfile.TemporaryDirectory() as tmp:
        result = interview(["--lang", "en", "--case", "planner.yaml"], answers, tmp)
        out = result.stdout.decode()
        expect(result.returncode == 0, f"complete-en: exit {result.returncode} {result.stderr.decode()}\n{out[-1500:]}")
        expect(f"Question 1/{QUESTIONS} · Title" in out and "Own task · Name 1/9" in out and "VERDICT:" in out,
               "complete-en: English questions, own task or report missing")
        expect("Health data" not in out.split("Summary")[0], "complete-en: health data asked without personal data")
        doc = assess_json(os.path.join(tmp, "planner.yaml"))
        if doc is None:
            return
        task = doc["input"]["tasks"][0]
        expect(task["name"] == "Plan workplace visits" and task["kind"] == "action" and task["routine"] == "high",
               f"complete-en: own task {task}")
        expect(len(task["skills"]) == 2, f"complete-en: skills {task['skills']}")
        expect(doc["input"]["fields"]["data.health"] == "no", "complete-en: skipped health not set to no")
        expect(doc["input"]["fields"]["ai.about_people"] == ["task_allocation"], "complete-en: about people")


def check_edits():
    answers = [
        "",  # title is required: asked again
        "Samenvatten", "?",  # help on the description
        "",  # no description
        "", "<",  # goal left empty, then back from the problem to the goal
        "Het doel", "Probleem",
        "9",  # invalid choice for benefits
        "1 x",  # invalid token
        "0",  # don't know
        "5",  # pillar 5 does not exist
        "3", "1 2",  # Besluitvorming: two tasks
        "w", "2",  # remove the second
        "k",
    ] + ["0"] * 34 + [
        "3",  # summary: change answer 3 (goal)
        "Een beter doel",
        "j",
    ]
    with tempfile.TemporaryDirectory() as tmp:
        result = interview(["--case", "x.yaml"], answers, tmp)
        out = result.stdout.decode()
        expect(result.returncode == 0, f"edits: exit {result.returncode} {result.stderr.decode()}\n{out[-2000:]}")
        expect("Deze vraag is verplicht." in out, "edits: empty title accepted")
        expect("Wat doet de AI, voor wie en met welke gegevens?" in out, "edits: no help text on ?")
        expect('Geen geldige keuze: "9"' in out and 'Geen geldige keuze: "x"' in out, "edits: invalid choice not refused")
        expect('Geen geldige keuze: "5"' in out, "edits: invalid pillar not refused")
        expect(out.count(f"Vraag 3/{QUESTIONS} · Doel") >= 2, "edits: < did not go back to the goal")
        doc = assess_json(os.path.join(tmp, "x.yaml"))
        if doc:
            fields = doc["input"]["fields"]
            expect(fields["purpose.goal"] == "Een beter doel", f"edits: goal {fields['purpose.goal']!r}")
            expect(fields["purpose.benefits"] is None, "edits: 0 is not 'unknown'")
            expect(len(doc["input"]["tasks"]) == 1, f"edits: {len(doc['input']['tasks'])} tasks after removing one")
            expect(doc["open_questions"], "edits: don't-know answers give no open questions")


def check_skip():
    with tempfile.TemporaryDirectory() as tmp:
        # personal data: no; health, medical details and the medical judgement are skipped
        # (consent is skipped too)
        answers = NL_ANSWERS[:16] + ["2"] + NL_ANSWERS[19:22] + NL_ANSWERS[23:25] + NL_ANSWERS[26:]
        result = interview(["--case", "x.yaml"], answers, tmp)
        out = result.stdout.decode()
        expect(result.returncode == 0, f"skip: exit {result.returncode}")
        expect("· Gezondheidsgegevens" not in out, "skip: the health question was asked")
        doc = assess_json(os.path.join(tmp, "x.yaml"))
        expect(doc and doc["input"]["fields"]["data.health"] == "no", "skip: health not set to no")


def check_resume():
    with tempfile.TemporaryDirectory() as tmp:
        first = interview(["--case", "zaak.yaml"], NL_ANSWERS[:9], tmp)  # input ends after the role
        expect(first.returncode == 130, f"resume: exit {first.returncode}, expected 130")
        draft = os.path.join(tmp, "zaak.draft.yaml")
        expect(os.path.exists(draft) and not os.path.exists(os.path.join(tmp, "zaak.yaml")),
               f"resume: files {os.listdir(tmp)}")
        expect("concept bewaard in" in first.stderr.decode() and "--resume" in first.stderr.decode(),
               f"resume: message {first.stderr.decode()}")
        with open(draft, encoding="utf-8") as f:
            text = f.read()
        expect("role: draft" in text and NL_ANSWERS[0] in text and "beeldvorming.dossierstudie" in text,
               f"resume: draft lacks answers:\n{text}")
        second = interview(["--resume", "zaak.draft.yaml"], NL_ANSWERS[9:], tmp)
        out = second.stdout.decode()
        expect(second.returncode == 0, f"resume: second exit {second.returncode} {second.stderr.decode()}\n{out[-1500:]}")
        expect(f"Vraag 1/{QUESTIONS}" not in out and f"Vraag 8/{QUESTIONS} · AI-technologie" in out, "resume: did not continue where it stopped")
        expect(os.path.exists(os.path.join(tmp, "zaak.yaml")) and not os.path.exists(draft),
               f"resume: files after finishing {os.listdir(tmp)}")
        complete = interview(["--case", "ref.yaml"], NL_ANSWERS, tmp)
        expect(complete.returncode == 0, "resume: reference session")
        a, b = assess_json(os.path.join(tmp, "zaak.yaml")), assess_json(os.path.join(tmp, "ref.yaml"))
        if a and b:
            expect(a["input"] == b["input"] and a["verdict"] == b["verdict"], "resume: differs from one whole session")


def check_interrupt():
    for sig in (signal.SIGINT, signal.SIGTERM):
        with tempfile.TemporaryDirectory() as tmp:
            env = dict(os.environ, SOURCE_DATE_EPOCH="1795392000")
            wrapper = os.environ.get("KANSRIJK_E2E_WRAPPER", "").split()
            proc = subprocess.Popen(command(BINARY, ["interview", "--case", "x.yaml"], checked=True), stdin=subprocess.PIPE,
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp, env=env)
            proc.stdin.write(b"Onderbroken toepassing\n\n")
            proc.stdin.flush()
            time.sleep(1.0 if not wrapper else 5.0)
            proc.send_signal(sig)
            try:
                _, err = proc.communicate(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                expect(False, f"interrupt: {sig.name} did not end the interview")
                continue
            expected = 128 + int(sig)  # 130 for Ctrl-C, 143 for SIGTERM, as in batch
            expect(proc.returncode == expected, f"interrupt: {sig.name}: exit {proc.returncode} {err.decode()}")
            draft = os.path.join(tmp, "x.draft.yaml")
            expect(os.path.exists(draft) and "Onderbroken toepassing" in open(draft, encoding="utf-8").read(),
                   f"interrupt: {sig.name}: no draft with the title; files {os.listdir(tmp)}")


def check_tmux():
    tmux = shutil.which("tmux")
    expect(tmux is not None, "tmux: not installed (scripts/setup.sh installs it)")
    if tmux is None:
        return
    with tempfile.TemporaryDirectory() as tmp:
        session = f"kansrijk-test-{os.getpid()}"
        socket = os.path.join(tmp, "tmux.sock")
        base = [tmux, "-u", "-S", socket]
        command = f"cd {tmp} && SOURCE_DATE_EPOCH=1795392000 {BINARY} interview --case t.yaml; echo EXIT=$?; sleep 30"
        subprocess.run(base + ["new-session", "-d", "-s", session, "-x", "110", "-y", "50", command], check=True)

        def screen():
            return subprocess.run(base + ["capture-pane", "-p", "-t", session, "-S", "-2000"], capture_output=True,
                                  text=True).stdout

        def wait_for(text, timeout=10):
            deadline = time.time() + timeout
            while time.time() < deadline:
                if text in screen():
                    return True
                time.sleep(0.1)
            return False

        try:
            expect(wait_for("Hoe heet de AI-toepassing?"), f"tmux: first question not on screen:\n{screen()}")
            # line editing: type, erase a word with Ctrl-W, retype
            subprocess.run(base + ["send-keys", "-t", session, "Tijdelijk", "C-w", NL_ANSWERS[0], "Enter"], check=True)
            for answer in NL_ANSWERS[1:]:
                subprocess.run(base + ["send-keys", "-t", session, "-l", answer], check=True)
                subprocess.run(base + ["send-keys", "-t", session, "Enter"], check=True)
                time.sleep(0.05)
            expect(wait_for("EXIT=0", 20), f"tmux: the interview did not finish:\n{screen()[-3000:]}")
            shown = screen()
            expect("Samenvatting" in shown and "Titel: " + NL_ANSWERS[0] in shown, "tmux: summary not on screen")
            expect("OORDEEL" in shown, "tmux: report not on screen")
            doc = assess_json(os.path.join(tmp, "t.yaml"))
            expect(doc and doc["use_case"]["title"] == NL_ANSWERS[0], "tmux: line editing changed the title")
            expect(doc and doc["input"]["fields"]["description"] == NL_ANSWERS[1],
                   f"tmux: accented letters typed in a terminal were lost: {doc and doc['input']['fields']['description']!r}")
        finally:
            subprocess.run(base + ["kill-server"], capture_output=True)


def check_formats():
    with tempfile.TemporaryDirectory() as tmp:
        for fmt, name, start in (("html", "rapport.html", "<!DOCTYPE html>"), ("markdown", "rapport.md", "# "),
                                 ("json", "rapport.json", "{")):
            case = f"case-{fmt}.yaml"
            result = interview(["--format", fmt, "-o", name, "--case", case], NL_ANSWERS, tmp)
            err = result.stderr.decode()
            expect(result.returncode == 0 and f"rapport geschreven in {name}" in err, f"formats: {fmt}: {err}")
            path = os.path.join(tmp, name)
            if not os.path.exists(path):
                expect(False, f"formats: {name} not written; files {os.listdir(tmp)}")
                continue
            with open(path, encoding="utf-8") as f:
                report = f.read()
            expect(report.startswith(start), f"formats: {name} starts with {report[:40]!r}")
            expect(start.encode() not in result.stdout.split(b"Klopt dit?")[-1],
                   f"formats: the {fmt} report went to stdout as well")
            again = run(BINARY, ["assess", case, "--format", fmt], cwd=tmp)
            expect(again.stdout.decode() == report, f"formats: the {fmt} report differs from assessing {case}")
        # without -o the report follows the session on stdout, in the format asked
        result = interview(["--format", "json", "--case", "j.yaml"], NL_ANSWERS, tmp)
        out = result.stdout.decode()
        document = out[out.rindex("\n{") + 1:] if "\n{" in out else ""
        try:
            verdict = json.loads(document)["verdict"]
        except ValueError:
            verdict = None
        again = run(BINARY, ["assess", "j.yaml", "--format", "json"], cwd=tmp)
        expected = json.loads(again.stdout)["verdict"] if again.returncode == 0 else "?"
        expect(result.returncode == 0 and verdict == expected, f"formats: JSON on stdout ({expected}): {out[-300:]}")


def check_no_overwrite():
    title_slug = "ai-vat-het-medisch-dossier-samen-voor"
    with tempfile.TemporaryDirectory() as tmp:
        # two stopped sessions with the same title: two drafts, the first not overwritten
        first = interview([], NL_ANSWERS[:4], tmp)
        second = interview([], [NL_ANSWERS[0], "Een andere beschrijving"], tmp)
        expect(first.returncode == 130 and second.returncode == 130, f"no-overwrite: exits {first.returncode} {second.returncode}")
        drafts = sorted(f for f in os.listdir(tmp) if f.endswith(".draft.yaml"))
        expect(drafts == [f"{title_slug}-2.draft.yaml", f"{title_slug}.draft.yaml"], f"no-overwrite: drafts {drafts}")
        first_draft, second_draft = (os.path.join(tmp, f"{title_slug}{n}.draft.yaml") for n in ("", "-2"))
        with open(first_draft, encoding="utf-8") as f:
            expect(NL_ANSWERS[2] in f.read(), "no-overwrite: the first draft lost its answers")
        with open(second_draft, encoding="utf-8") as f:
            expect("Een andere beschrijving" in f.read(), "no-overwrite: the second draft lacks its answer")
        expect(f"concept bewaard in {title_slug}-2.draft.yaml" in second.stderr.decode(),
               f"no-overwrite: message {second.stderr.decode()}")
        # --resume: the draft's name without .draft belongs to an unrelated file, which stays
        unrelated = os.path.join(tmp, f"{title_slug}.yaml")
        with open(unrelated, "w", encoding="utf-8") as f:
            f.write("# not from the interview\n")
        resumed = interview(["--resume", first_draft], NL_ANSWERS[4:], tmp)
        expect(resumed.returncode == 0 and f"toepassing opgeslagen in {os.path.join(tmp, title_slug)}-2.yaml"
               in resumed.stderr.decode(),
               f"no-overwrite: resume: {resumed.returncode} {resumed.stderr.decode()}")
        with open(unrelated, encoding="utf-8") as f:
            expect(f.read() == "# not from the interview\n", "no-overwrite: --resume wrote over an unrelated file")
        expect(not os.path.exists(first_draft) and os.path.exists(second_draft),
               f"no-overwrite: after resuming, files {sorted(os.listdir(tmp))}")
        # --case naming an existing file is refused before the first question
        refused = interview(["--case", f"{title_slug}.yaml"], NL_ANSWERS, tmp)
        expect(refused.returncode == 2 and b"exists already" in refused.stderr and b"Vraag 1" not in refused.stdout,
               f"no-overwrite: --case of an existing file: {refused.returncode} {refused.stderr.decode()}")
        # changing a finished file and stopping: a new draft, the finished file untouched
        finished = os.path.join(tmp, f"{title_slug}-2.yaml")
        with open(finished, encoding="utf-8") as f:
            before = f.read()
        changed = interview(["--resume", finished], ["3", "Een ander doel"], tmp)
        with open(finished, encoding="utf-8") as f:
            expect(changed.returncode == 130 and f.read() == before, "no-overwrite: --resume of a finished file changed it")
        expect(os.path.exists(first_draft), f"no-overwrite: no draft of the change; files {sorted(os.listdir(tmp))}")
    with tempfile.TemporaryDirectory() as tmp:
        nothing = interview([], [], tmp)
        expect(nothing.returncode == 130 and os.listdir(tmp) == [] and "niets bewaard" in nothing.stderr.decode(),
               f"no-overwrite: a session without answers left {os.listdir(tmp)}: {nothing.stderr.decode()}")


def check_other_framework():
    """A framework whose groups interleave in fields.yaml, without an `id` field and without
    an `interview:` section: the interview's result must load (it used to write `id:`,
    split the groups, fail its own check and lose the session)."""
    import yaml
    with tempfile.TemporaryDirectory() as tmp:
        framework = os.path.join(tmp, "ander-kader")
        shutil.copytree(os.path.join(SOURCE, "frameworks", "tno-arbeidsdeskundige"), framework)
        # keywords.yaml names register columns by field (id among them), which this copy drops
        os.remove(os.path.join(framework, "keywords.yaml"))
        with open(os.path.join(framework, "fields.yaml"), encoding="utf-8") as f:
            doc = yaml.safe_load(f)
        fields = [field for field in doc["fields"] if field["path"] != "id"]
        ai = [field for field in fields if field["path"].startswith("ai.")]
        context = [field for field in fields if field["path"].startswith("context.")]
        at = fields.index(ai[0])
        others = [field for field in fields if field not in ai and field not in context]
        doc["fields"] = others[:at] + ai[:2] + context + ai[2:] + others[at:]
        del doc["interview"]
        with open(os.path.join(framework, "fields.yaml"), "w", encoding="utf-8") as f:
            yaml.safe_dump(doc, f, allow_unicode=True, sort_keys=False)
        valid = run(BINARY, ["validate", framework])
        expect(valid.returncode == 0, f"other-framework: the changed framework is invalid: {valid.stdout.decode()}")
        answers = ["Ander kader"] + [""] * 40 + ["1", "1", "k", "j"]
        result = interview(["--framework", framework, "--case", "a.yaml"], answers, tmp)
        expect(result.returncode == 0 and b"toepassing opgeslagen in a.yaml" in result.stderr,
               f"other-framework: exit {result.returncode} {result.stderr.decode()}\n{result.stdout.decode()[-800:]}")
        path = os.path.join(tmp, "a.yaml")
        if not os.path.exists(path):
            return
        with open(path, encoding="utf-8") as f:
            text = f.read()
        top = [line.split(":")[0] for line in text.splitlines() if line and not line.startswith((" ", "#"))]
        expect("id" not in top and len(top) == len(set(top)), f"other-framework: top-level keys {top}:\n{text}")
        assessed = run(BINARY, ["assess", path, "--framework", framework, "--format", "json"])
        expect(assessed.returncode == 0, f"other-framework: assess: {assessed.stderr.decode()}")
        if assessed.returncode == 0:
            doc = json.loads(assessed.stdout)
            expect(doc["use_case"]["title"] == "Ander kader" and doc["input"]["tasks"][0]["ref"] == "beeldvorming.dossierstudie",
                   f"other-framework: {doc['use_case']} {doc['input']['tasks']}")
        # a session stopped under another framework says how to resume under that framework, in
        # the draft and on stderr; following it keeps the answers (issue 27, point 5)
        stopped = interview(["--framework", framework, "--case", "b.yaml"], ["Onderbroken", "Een beschrijving"], tmp)
        hint = f"kansrijk interview --framework {framework} --resume b.draft.yaml"
        expect(stopped.returncode == 130 and hint in stopped.stderr.decode(),
               f"other-framework: resume hint without --framework: {stopped.stderr.decode()}")
        with open(os.path.join(tmp, "b.draft.yaml"), encoding="utf-8") as f:
            expect(f"kansrijk interview --framework {framework} --resume <dit bestand>" in f.readline(),
                   "other-framework: the draft's resume line lacks --framework")
        resumed = interview(["--framework", framework, "--resume", "b.draft.yaml"], [], tmp)
        expect("Een beschrijving" in open(os.path.join(tmp, "b.draft.yaml"), encoding="utf-8").read()
               and b"Vraag 1/" not in resumed.stdout, "other-framework: resuming lost the answers")
        # the session speaks the framework's first language (--lang must be one it declares, checked
        # as for assess: report::language_for)
        with open(os.path.join(framework, "framework.yaml"), encoding="utf-8") as f:
            text = f.read()
        with open(os.path.join(framework, "framework.yaml"), "w", encoding="utf-8") as f:
            f.write(text.replace("languages: [nl, en]", "languages: [en, nl]"))
        english = interview(["--framework", framework, "--case", "c.yaml"], ["English first"], tmp)
        expect(b"Question 1/" in english.stdout and b"Vraag " not in english.stdout,
               f"other-framework: an English-first framework got: {english.stdout.decode()[:300]}")


def peak_rss(args, stdin_path, cwd, timeout):
    """Runs the binary and returns (exit code, stderr, peak RSS in KiB) of that one process."""
    with open(stdin_path, "rb") as stdin, tempfile.TemporaryFile() as err:
        process = subprocess.Popen([BINARY] + args, stdin=stdin, stdout=subprocess.DEVNULL, stderr=err, cwd=cwd)
        deadline = time.monotonic() + timeout
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                process.kill()
                process.wait()
                return None, b"", 0
            time.sleep(0.05)
        process.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        return process.returncode, err.read(), usage.ru_maxrss


def asked(out):
    """The questions of a session in the order asked: (header, question text)."""
    lines = out.splitlines()
    return [(line, lines[i + 1].strip() if i + 1 < len(lines) else "")
            for i, line in enumerate(lines) if line.startswith("Vraag ") and " · " in line]


def check_decisive():
    """The default order: after the tasks, the questions that can change the verdict first, in
    the order of the ranking `assess` reports; the interview says when the verdict is settled.
    And the suggestions of `batch --suggest`, offered after the description."""
    env = {"KANSRIJK_INTERVIEW_ORDER": ""}
    with tempfile.TemporaryDirectory() as tmp:
        # every question after the tasks answered with Enter (don't know): the use case, and so
        # the ranking, stays the same all along, so it is the one of the saved file
        answers = NL_ANSWERS[:8] + [""] * (QUESTIONS - 6) + ["j"]
        result = interview(["--case", "d.yaml", "--format", "json", "-o", "d.json"], answers, tmp, env)
        expect(result.returncode == 0, f"decisive: exit {result.returncode}: {result.stderr.decode()[-500:]}")
        out = result.stdout.decode()
        # after the description, the tasks it points to are offered as suggestions, not answers
        expect("Het zijn suggesties, geen antwoorden" in out and "  - Dossierstudie (Beeldvorming) · " in out
               and out.index("suggesties") < out.index("Vraag 3/"), f"decisive: no suggestions after the description:\n{out[:1500]}")
        order = asked(out)
        after_tasks = [q for q in order if "Taken en handelingen" not in q[0]][5:]
        ranked = json.load(open(os.path.join(tmp, "d.json"), encoding="utf-8"))["ranked_questions"]
        decisive = []
        for q in ranked:
            if q["can_change_verdict"] and q.get("task") is None and q["question"] not in decisive:
                decisive.append(q["question"])
        expect(decisive, "decisive: no question can change the verdict of the empty case")
        # the decisive questions in the ranking's order, first; a question one of them depends on
        # (personal data before health data) may come just before it
        texts = [text for _, text in after_tasks]
        shown = [t for t in texts if t in decisive]
        last = max(texts.index(t) for t in decisive) if set(decisive) <= set(texts) else len(texts)
        expect(shown == decisive, f"decisive: asked {shown}\n  ranking {decisive}")
        expect(last < len(decisive) + 2, f"decisive: the decisive questions end at {last + 1}: {texts[:last + 1]}")
        marked = [header for header, text in after_tasks if "(kan het oordeel veranderen)" in header]
        expect(len(marked) == len(decisive), f"decisive: {len(marked)} questions marked, {len(decisive)} decisive")
        numbers = [int(h.split()[1].split("/")[0]) for h, _ in order if "Taken en handelingen" not in h]
        expect(numbers == sorted(numbers) and len(set(numbers)) == len(numbers), f"decisive: numbering {numbers}")
        # every field after the tasks, and the conditions in place only when a condition applies
        stated = any("Al geregeld" in header for header, _ in after_tasks)
        expect(len(after_tasks) == QUESTIONS - 7 + (1 if stated else 0), f"decisive: {len(after_tasks)} questions after the tasks")
        # a draft whose answers already decide the verdict: said once, before the next question
        with open(os.path.join(tmp, "d.yaml"), encoding="utf-8") as f:
            case = f.read()
        settled = os.path.join(tmp, "settled.yaml")
        with open(settled, "w", encoding="utf-8") as f:
            # the answers that decide it, and every "don't know" left open, so it is asked
            decided = case.replace("role: unknown", "role: decide").replace("decisions: unknown", "decisions: direct") \
                          .replace("oversight: unknown", "oversight: none")
            f.write("\n".join(line for line in decided.splitlines() if not line.endswith(": unknown")) + "\n")
        result = interview(["--resume", settled, "--case", "s.yaml"], [""] * QUESTIONS + ["j"], tmp, env)
        out = result.stdout.decode()
        expect(result.returncode == 0 and out.count("Het oordeel ligt nu vast: niet kansrijk") == 1
               and out.index("ligt nu vast") < out.index("Vraag "),
               f"decisive: settled verdict not said once before the questions:\n{out[:1500]}")
        # the last question offers the conditions that apply, and only those (use-case format 1.2)
        import yaml
        # (the external cloud summary of a golden case, every answer given, nothing stated yet)
        golden = os.path.join(SOURCE, "frameworks", "tno-arbeidsdeskundige", "tests", "f-geregeld-deels.yaml")
        with open(golden, encoding="utf-8") as f:
            case = yaml.safe_load(f)["use_case"]
        del case["in_place"]
        case["description"] = "Een AI-dienst in de cloud vat het dossier samen."
        case["impact"]["decision_subject"] = "person"
        ready = os.path.join(tmp, "ready.yaml")
        with open(ready, "w", encoding="utf-8") as f:
            yaml.safe_dump(case, f, allow_unicode=True, sort_keys=False)
        result = interview(["--resume", ready, "--case", "r.yaml"], ["1", "j"], tmp, env)
        out = result.stdout.decode()
        offered = out[out.index("· Al geregeld"):] if "· Al geregeld" in out else ""
        expect(result.returncode == 0 and "Regel de gegevensbescherming" in offered
               and "instemming van de ondernemingsraad" not in offered,
               f"decisive: the conditions in place were not offered, or not only those that apply:\n{out[-2500:]}")
        # stating conditions can still resolve the flags, so the verdict is not called settled
        expect("ligt nu vast" not in out, f"decisive: settled although stated conditions can resolve flags:\n{out[:800]}")
        with open(os.path.join(tmp, "r.yaml"), encoding="utf-8") as f:
            saved = yaml.safe_load(f)
        expect(isinstance(saved.get("in_place"), list) and len(saved["in_place"]) == 1,
               f"decisive: the chosen condition was not saved: {saved.get('in_place')}")
        # --order framework keeps the framework's order; a wrong order is refused
        result = interview(["--order", "framework", "--case", "f.yaml"], answers, tmp, env)
        headers = [h for h, _ in asked(result.stdout.decode())]
        expect(result.returncode == 0 and "(kan het oordeel" not in result.stdout.decode()
               and f"Vraag 7/{QUESTIONS} · Rol van de AI" in headers and f"Vraag 8/{QUESTIONS} · AI-technologie" in headers,
               f"decisive: framework order {headers[5:9]}")
        result = interview(["--case", "g.yaml"], [], tmp, {"KANSRIJK_INTERVIEW_ORDER": "random"})
        expect(result.returncode == 2 and b"KANSRIJK_INTERVIEW_ORDER" in result.stderr and b"decisive or framework" in result.stderr,
               f"decisive: bad order accepted: {result.returncode} {result.stderr.decode()}")


def check_input_limits():
    with tempfile.TemporaryDirectory() as tmp:
        # /dev/zero never ends a line: the interview stops after 64 KiB, with bounded memory.
        # Bounded means: not more than a stop at the first question (/dev/null) needs, plus
        # room for the 64 KiB line; measured against that baseline, so it holds under the
        # sanitizers too (their shadow memory raises both).
        baseline_code, _, baseline = peak_rss(["interview"], "/dev/null", tmp, 60)
        code, stderr, peak = peak_rss(["interview"], "/dev/zero", tmp, 60)
        expect(code is not None, "input-limits: `interview < /dev/zero` did not end within 60 s")
        if code is not None:
            expect(code == 2 and b"64 KiB" in stderr, f"input-limits: /dev/zero: exit {code} {stderr.decode()}")
        expect(baseline_code is not None and peak - baseline < 32 * 1024,
               f"input-limits: /dev/zero: peak RSS {peak} KiB, {peak - baseline} KiB above a stop at the first question")
        expect(os.listdir(tmp) == [], f"input-limits: /dev/zero left {os.listdir(tmp)}")
        # text that is not text is refused and asked again
        stdin = b"Kapot \xff\xfe\nStuur\x01teken\nGoede titel\n"
        result = run(BINARY, ["interview", "--case", "x.yaml"], stdin=stdin, cwd=tmp)
        out = result.stdout.decode(errors="replace")
        expect(result.returncode == 130 and out.count("Dat is geen leesbare tekst") == 2,
               f"input-limits: bad text: exit {result.returncode}\n{out[-600:]}")
        with open(os.path.join(tmp, "x.draft.yaml"), encoding="utf-8") as f:
            expect('title: "Goede titel"' in f.read(), "input-limits: the valid title was not saved")


class Terminal:
    """An interactive bash in tmux, `width` columns wide, for sessions in a real terminal."""

    def __init__(self, tmp, width=110):
        tmux = shutil.which("tmux")
        expect(tmux is not None, "tmux: not installed (scripts/setup.sh --test installs it)")
        self.ok = tmux is not None
        self.tmpdir = os.path.join(tmp, "tmpdir")
        os.makedirs(self.tmpdir)
        self.base = [tmux or "tmux", "-u", "-S", os.path.join(tmp, "tmux.sock")]
        shell = (f"env -i HOME={tmp} TERM=xterm-256color LANG=C.UTF-8 PATH=/usr/bin:/bin TMPDIR={self.tmpdir} "
                 "KANSRIJK_INTERVIEW_ORDER=framework "
                 "SOURCE_DATE_EPOCH=1795392000 bash --norc --noprofile")
        if self.ok:
            subprocess.run(self.base + ["new-session", "-d", "-s", "t", "-x", str(width), "-y", "50", "-c", tmp, shell],
                           check=True)

    def __enter__(self):
        return self

    def __exit__(self, *_):
        subprocess.run(self.base + ["kill-server"], capture_output=True)
        deadline = time.time() + 5  # the server removes its socket as it goes
        while os.path.exists(self.base[-1]) and time.time() < deadline:
            time.sleep(0.05)

    def keys(self, *keys):
        subprocess.run(self.base + ["send-keys", "-t", "t", *keys], check=True)

    def type(self, text):
        subprocess.run(self.base + ["send-keys", "-t", "t", "-l", text], check=True)
        self.keys("Enter")

    def screen(self):
        return subprocess.run(self.base + ["capture-pane", "-p", "-t", "t", "-S", "-3000"], capture_output=True,
                              text=True).stdout

    def wait_for(self, text, timeout=15):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if text in self.screen():
                return True
            time.sleep(0.1)
        return False

    def answer(self, answers):
        for answer in answers:
            self.type(answer)
            time.sleep(0.05)

    def sane(self, label):
        """The terminal echoes and edits lines again."""
        self.clear()
        self.type("case \"$(stty -a)\" in *' -echo '*|*' -icanon '*) echo TTY=BROKEN;; *) echo TTY=SANE;; esac")
        self.wait_for("\nTTY=")
        expect("TTY=SANE" in self.screen().splitlines(),
               f"{label}: the terminal was left without echo or line editing:\n{self.screen()[-800:]}")

    def clear(self):
        """An empty screen and scrollback, so that waiting finds only what comes next."""
        self.type("clear")
        time.sleep(0.2)
        subprocess.run(self.base + ["clear-history", "-t", "t"], check=True)

    def interview_pid(self):
        shell = subprocess.run(self.base + ["display", "-p", "-t", "t", "#{pane_pid}"], capture_output=True,
                               text=True).stdout.strip()
        with open(f"/proc/{shell}/task/{shell}/children", encoding="ascii") as f:
            children = f.read().split()
        return int(children[0]) if children else None


def draft_in(folder, label):
    drafts = [f for f in os.listdir(folder) if f.endswith(".draft.yaml")]
    expect(len(drafts) == 1, f"{label}: drafts in {folder}: {drafts}")
    if len(drafts) != 1:
        return ""
    with open(os.path.join(folder, drafts[0]), encoding="utf-8") as f:
        return f.read()


def check_tmux_ctrl_c():
    with tempfile.TemporaryDirectory() as tmp, Terminal(tmp) as term:
        if not term.ok:
            return
        term.type(f"{BINARY} interview; echo EXIT=$?")
        expect(term.wait_for("Hoe heet de AI-toepassing?"), f"tmux-ctrl-c: no first question:\n{term.screen()}")
        term.answer(NL_ANSWERS[:3])
        expect(term.wait_for(f"Vraag 4/{QUESTIONS}"), f"tmux-ctrl-c: no fourth question:\n{term.screen()[-800:]}")
        term.keys("C-c")
        expect(term.wait_for("EXIT=130"), f"tmux-ctrl-c: Ctrl-C did not stop it:\n{term.screen()[-800:]}")
        term.sane("tmux-ctrl-c")
        draft = draft_in(tmp, "tmux-ctrl-c")
        expect(NL_ANSWERS[0] in draft and NL_ANSWERS[2] in draft, f"tmux-ctrl-c: draft lacks answers:\n{draft}")
        # a resumed session in the same terminal shows what is typed
        term.type(f"{BINARY} interview --resume {NL_ANSWERS[0].lower().replace(' ', '-')[:37]}.draft.yaml; echo EXIT2=$?")
        expect(term.wait_for(f"Vraag 4/{QUESTIONS} · Probleem\nWelk probleem"), f"tmux-ctrl-c: resume:\n{term.screen()[-800:]}")
        term.keys("-l", "zichtbaar getypt")
        expect(term.wait_for("> zichtbaar getypt"), f"tmux-ctrl-c: the resumed session does not echo:\n{term.screen()[-600:]}")
        term.keys("C-c")
        expect(term.wait_for("EXIT2=130"), "tmux-ctrl-c: the resumed session did not stop")
        term.sane("tmux-ctrl-c (resumed)")


def check_tmux_ctrl_d():
    with tempfile.TemporaryDirectory() as tmp, Terminal(tmp) as term:
        if not term.ok:
            return
        term.type(f"{BINARY} interview --case t.yaml; echo EXIT=$?")
        expect(term.wait_for("Hoe heet de AI-toepassing?"), f"tmux-ctrl-d: no first question:\n{term.screen()}")
        term.answer(NL_ANSWERS[:9])
        expect(term.wait_for(f"Vraag 8/{QUESTIONS}"), f"tmux-ctrl-d: no eighth question:\n{term.screen()[-800:]}")
        term.keys("C-d")
        expect(term.wait_for("EXIT=130"), f"tmux-ctrl-d: Ctrl-D did not stop it:\n{term.screen()[-800:]}")
        term.sane("tmux-ctrl-d")
        draft = draft_in(tmp, "tmux-ctrl-d")
        expect("role: draft" in draft and "beeldvorming.dossierstudie" in draft, f"tmux-ctrl-d: draft:\n{draft}")


def check_tmux_sigterm():
    with tempfile.TemporaryDirectory() as tmp, Terminal(tmp) as term:
        if not term.ok:
            return
        term.type(f"{BINARY} interview --case t.yaml; echo EXIT=$?")
        expect(term.wait_for("Hoe heet de AI-toepassing?"), f"tmux-sigterm: no first question:\n{term.screen()}")
        term.answer(NL_ANSWERS[:2])
        expect(term.wait_for(f"Vraag 3/{QUESTIONS}"), f"tmux-sigterm: no third question:\n{term.screen()[-800:]}")
        term.keys("-l", "half getypt")
        pid = term.interview_pid()
        expect(pid is not None, "tmux-sigterm: no interview process")
        if pid is not None:
            os.kill(pid, signal.SIGTERM)
        expect(term.wait_for("EXIT=143"), f"tmux-sigterm: SIGTERM did not stop it:\n{term.screen()[-800:]}")
        term.sane("tmux-sigterm")
        expect(NL_ANSWERS[1] in draft_in(tmp, "tmux-sigterm"), "tmux-sigterm: the draft lacks the description")


def check_tmux_error():
    """The folder of the session disappears before the answers are confirmed: writing the use
    case fails, and the answers go to a draft in the temporary folder."""
    with tempfile.TemporaryDirectory() as tmp, Terminal(tmp) as term:
        if not term.ok:
            return
        work = os.path.join(tmp, "work")
        os.makedirs(work)
        term.type(f"cd {work} && {BINARY} interview --case t.yaml; echo EXIT=$?")
        expect(term.wait_for("Hoe heet de AI-toepassing?"), f"tmux-error: no first question:\n{term.screen()}")
        term.answer(NL_ANSWERS[:-1])
        expect(term.wait_for("Klopt dit?"), f"tmux-error: no summary:\n{term.screen()[-800:]}")
        shutil.rmtree(work)
        term.type("j")
        expect(term.wait_for("EXIT=2"), f"tmux-error: the failed write did not end with exit 2:\n{term.screen()[-800:]}")
        expect("concept bewaard in " + term.tmpdir in term.screen().replace("\n", ""),
               f"tmux-error: the screen does not say where the draft is:\n{term.screen()[-800:]}")
        term.sane("tmux-error")
        draft = draft_in(term.tmpdir, "tmux-error")
        expect(NL_ANSWERS[0] in draft and "room_to_experiment: \"yes\"" in draft, f"tmux-error: draft:\n{draft}")


def check_tmux_wrap():
    """In a terminal 50 columns wide every word of a long question stays whole on one line."""
    question = ("Doet de AI een of meer van deze dingen met mensen: profileren, emoties herkennen, taken "
                "toewijzen, prestaties volgen of mensen herkennen aan gezicht, vingerafdruk of stem?")
    intro = ("Beantwoord de vragen met het nummer van uw keuze. ? = uitleg, < = vorige vraag, Enter = 'weet ik "
             "niet' (of het huidige antwoord behouden), Ctrl-D of Ctrl-C = stoppen en bewaren als concept.")
    with tempfile.TemporaryDirectory() as tmp, Terminal(tmp, width=50) as term:
        if not term.ok:
            return
        term.type(f"{BINARY} interview --case t.yaml; echo EXIT=$?")
        expect(term.wait_for("Hoe heet de AI-toepassing?"), f"tmux-wrap: no first question:\n{term.screen()}")
        term.answer(NL_ANSWERS[:15])  # up to the external service (no, so outside the EU is skipped)
        expect(term.wait_for(f"Vraag 15/{QUESTIONS}"), f"tmux-wrap: no question 15:\n{term.screen()[-800:]}")
        time.sleep(0.3)
        lines = term.screen().splitlines()
        for text in (intro, question):
            for word in text.split():
                expect(any(word in line.split() for line in lines), f"tmux-wrap: {word!r} is cut at the line end:\n"
                       + "\n".join(lines[-30:]))
        term.keys("C-c")
        expect(term.wait_for("EXIT=130"), "tmux-wrap: did not stop")


def main():
    check = sys.argv[3]
    {"decisive": check_decisive, "complete-nl": check_complete_nl, "complete-en": check_complete_en, "edits": check_edits, "skip": check_skip,
     "resume": check_resume, "interrupt": check_interrupt, "tmux": check_tmux, "formats": check_formats,
     "no-overwrite": check_no_overwrite, "other-framework": check_other_framework,
     "input-limits": check_input_limits, "tmux-ctrl-c": check_tmux_ctrl_c, "tmux-ctrl-d": check_tmux_ctrl_d,
     "tmux-sigterm": check_tmux_sigterm, "tmux-error": check_tmux_error, "tmux-wrap": check_tmux_wrap}[check]()
    finish(f"interview {check}")


if __name__ == "__main__":
    main()
