#!/usr/bin/env python3
"""End-to-end tests of `kansrijk interview`: scripted sessions on standard input, and one
session in a real terminal (tmux).

Usage: interview.py BINARY SOURCE_DIR CHECK
Checks: complete-nl, complete-en (with an own task), edits (help, invalid answers, going
back, the summary), skip (a question that no longer applies), resume (input ends early, a
draft is saved, --resume finishes it), interrupt (Ctrl-C), tmux (a real terminal).
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
from harness import binary_and_source, expect, finish, run  # noqa: E402

BINARY, SOURCE = binary_and_source()

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
    "2",  # external service: no (so outside the EU is not asked)
    "-",  # about people: none
    "1",  # personal data: yes
    "1",  # health data: yes
    "2",  # medical details: no, functional limitations only
    "5",  # who sees the data: the labour expert
    "2",  # recording: no (so consent is not asked)
    "1",  # data quality: good
    "2",  # decisions: indirect
    "2",  # medical judgement: no
    "1",  # freed time: client contact
    "5",  # who receives the output: the labour expert
    "4",  # organisation: labour-expert firm
    "2",  # ai literacy: medium
    "1", "1", "3", "1",  # employees involved, small start, IT ready, room to experiment
    "j",
]
QUESTIONS = 31


def interview(args, answers, cwd, lang_env=None):
    stdin = ("\n".join(answers) + "\n").encode() if answers is not None else b""
    return run(BINARY, ["interview", *args], stdin=stdin, cwd=cwd, env=lang_env)


def assess_json(path):
    result = run(BINARY, ["assess", path, "--format", "json"])
    expect(result.returncode == 0, f"assess {path}: exit {result.returncode} {result.stderr.decode()}")
    return json.loads(result.stdout) if result.returncode == 0 else None


def check_complete_nl():
    with tempfile.TemporaryDirectory() as tmp:
        result = interview(["-o", "dossier.yaml"], NL_ANSWERS, tmp)
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
        "4", "1", "1", "3", "2", "2", "3",  # automate, symbolic, small, sample, reviewer, external no, task allocation
        "2",  # personal data: no -> health (and what depends on it) is not asked
        "-", "2", "1", "1", "5", "-", "2",  # shared with, recording, quality, decisions, freed time, output to, employer
        "3", "1", "1", "3", "1",
        "y",
    ]
    with tempfile.TemporaryDirectory() as tmp:
        result = interview(["--lang", "en", "-o", "planner.yaml"], answers, tmp)
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
    ] + ["0"] * 25 + [
        "3",  # summary: change answer 3 (goal)
        "Een beter doel",
        "j",
    ]
    with tempfile.TemporaryDirectory() as tmp:
        result = interview(["-o", "x.yaml"], answers, tmp)
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
        answers = NL_ANSWERS[:15] + ["2"] + NL_ANSWERS[18:22] + NL_ANSWERS[23:]
        result = interview(["-o", "x.yaml"], answers, tmp)
        out = result.stdout.decode()
        expect(result.returncode == 0, f"skip: exit {result.returncode}")
        expect(f"Vraag 16/{QUESTIONS} · Gezondheidsgegevens" not in out, "skip: the health question was asked")
        doc = assess_json(os.path.join(tmp, "x.yaml"))
        expect(doc and doc["input"]["fields"]["data.health"] == "no", "skip: health not set to no")


def check_resume():
    with tempfile.TemporaryDirectory() as tmp:
        first = interview(["-o", "zaak.yaml"], NL_ANSWERS[:9], tmp)  # input ends after the role
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
        complete = interview(["-o", "ref.yaml"], NL_ANSWERS, tmp)
        expect(complete.returncode == 0, "resume: reference session")
        a, b = assess_json(os.path.join(tmp, "zaak.yaml")), assess_json(os.path.join(tmp, "ref.yaml"))
        if a and b:
            expect(a["input"] == b["input"] and a["verdict"] == b["verdict"], "resume: differs from one whole session")


def check_interrupt():
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, SOURCE_DATE_EPOCH="1795392000")
        proc = subprocess.Popen([BINARY, "interview", "-o", "x.yaml"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, cwd=tmp, env=env)
        proc.stdin.write(b"Onderbroken toepassing\n\n")
        proc.stdin.flush()
        time.sleep(1.0)
        proc.send_signal(signal.SIGINT)
        try:
            _, err = proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            expect(False, "interrupt: Ctrl-C did not end the interview")
            return
        expect(proc.returncode == 130, f"interrupt: exit {proc.returncode} {err.decode()}")
        draft = os.path.join(tmp, "x.draft.yaml")
        expect(os.path.exists(draft) and "Onderbroken toepassing" in open(draft, encoding="utf-8").read(),
               f"interrupt: no draft with the title; files {os.listdir(tmp)}")


def check_tmux():
    tmux = shutil.which("tmux")
    expect(tmux is not None, "tmux: not installed (scripts/setup.sh installs it)")
    if tmux is None:
        return
    with tempfile.TemporaryDirectory() as tmp:
        session = f"kansrijk-test-{os.getpid()}"
        socket = os.path.join(tmp, "tmux.sock")
        base = [tmux, "-u", "-S", socket]
        command = f"cd {tmp} && SOURCE_DATE_EPOCH=1795392000 {BINARY} interview -o t.yaml; echo EXIT=$?; sleep 30"
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


def main():
    check = sys.argv[3]
    {"complete-nl": check_complete_nl, "complete-en": check_complete_en, "edits": check_edits, "skip": check_skip,
     "resume": check_resume, "interrupt": check_interrupt, "tmux": check_tmux}[check]()
    finish(f"interview {check}")


if __name__ == "__main__":
    main()
