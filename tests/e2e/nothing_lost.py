#!/usr/bin/env python3
"""End-to-end tests of issue 24, "nothing lost, second round": the ways a run could still
destroy a file. Each check runs the examples of the issue and at least two variants written
here; each failed on the code before the fix.

Usage: nothing_lost.py BINARY SOURCE_DIR CHECK
  stdout   /dev/stdout, /dev/fd/1 and /proc/self/fd/1 as -o or --summary, with standard output
           appended to a log: the log keeps what it held (it used to be replaced)
  links    a symbolic link planted where --out or --drafts writes a report, a draft or the
           index page: refused, the file it points to untouched
  collide  two outputs of one run on one file, an output on the --columns map it reads, the
           index page of --out on an input, the interview's use case and its -o report
  drafts   a draft a person edited, or a file that is no draft (a framework's rules.yaml), is
           never replaced by --drafts; an unchanged draft is
  umask    the interview's files follow the umask
  limits   ulimit -f is an error, not a kill by SIGXFSZ; Ctrl-\\ (SIGQUIT) stops the interview like Ctrl-C
"""
import csv
import json
import os
import stat
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from harness import binary_and_source, command, expect, finish, run  # noqa: E402

BINARY, SOURCE = binary_and_source()
BINARY, SOURCE = os.path.abspath(BINARY), os.path.abspath(SOURCE)
EXAMPLE = os.path.join(SOURCE, "examples", "rapport-concept.yaml")
KEEP = "a line the shell wrote before kansrijk ran\n"


def env():
    full = dict(os.environ)
    full.pop("KANSRIJK_FRAMEWORK", None)
    full.setdefault("SOURCE_DATE_EPOCH", "1795392000")
    return full


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def register(path, ids):
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "title", "description", "tasks"])
        for case_id in ids:
            w.writerow([case_id, f"Conceptrapport {case_id}", "AI schrijft een concept van het rapport",
                        "besluitvorming.rapporteren"])


def check_stdout():
    with tempfile.TemporaryDirectory() as tmp:
        csv_in = os.path.join(tmp, "in.csv")
        register(csv_in, ["a", "b"])
        runs = [(["assess", EXAMPLE, "-o", name], "OORDEEL") for name in
                ("/dev/stdout", "/dev/fd/1", "/proc/self/fd/1")]
        runs.append((["batch", csv_in, "--summary", "/dev/stdout", "--progress", "never"], "verdict"))
        for args, marker in runs:
            log = os.path.join(tmp, "log")
            write(log, KEEP)
            with open(log, "a", encoding="utf-8") as out:
                result = subprocess.run(command(BINARY, args), stdout=out, stderr=subprocess.PIPE, env=env(),
                                        timeout=300)
            text = read(log)
            expect(result.returncode == 0, f"stdout: {args} exit {result.returncode}: {result.stderr.decode()}")
            expect(text.startswith(KEEP) and marker in text, f"stdout: {args} replaced the log:\n{text[:300]}")
            expect(not [n for n in os.listdir(tmp) if n.startswith(".")], f"stdout: {args} left a temporary file")


def check_links():
    with tempfile.TemporaryDirectory() as tmp:
        victim = os.path.join(tmp, "bashrc")
        write(victim, "precious\n")
        csv_in = os.path.join(tmp, "in.csv")
        register(csv_in, ["base"])
        for option, name, extra in (("--out", "base.html", ["--format", "html"]),
                                    ("--out", "index.html", ["--format", "html"]),
                                    ("--drafts", "base.yaml", ["--suggest"])):
            folder = os.path.join(tmp, "folder")
            os.makedirs(folder, exist_ok=True)
            for entry in os.listdir(folder):
                os.unlink(os.path.join(folder, entry))
            os.symlink(victim, os.path.join(folder, name))
            result = run(BINARY, ["batch", csv_in, option, folder, "--summary", os.path.join(tmp, "s.csv"),
                                  "--progress", "never"] + extra)
            expect(read(victim) == "precious\n", f"links: {option} {name} wrote through the link")
            expect(os.path.islink(os.path.join(folder, name)), f"links: {option} {name}: the link was replaced")
            # --out refuses; --drafts keeps what is there (not a draft it wrote) and writes beside it
            refused = result.returncode != 0 and b"symbolic link" in result.stderr
            kept = option == "--drafts" and b"is kept" in result.stderr
            expect(refused or kept, f"links: {option} {name}: exit {result.returncode}, "
                                    f"{result.stderr.decode()[-300:]}")


def check_collide():
    with tempfile.TemporaryDirectory() as tmp:
        csv_in = os.path.join(tmp, "in.csv")
        register(csv_in, ["a"])
        # two outputs on one file, under one name and under two
        same = os.path.join(tmp, "same.md")
        for second in (same, os.path.join(tmp, ".", "same.md")):
            result = run(BINARY, ["batch", csv_in, "--summary", same, "--overview", second, "--progress", "never"])
            expect(result.returncode != 0 and b"give each output a file of its own" in result.stderr,
                   f"collide: --summary and --overview on one file: {result.returncode} {result.stderr.decode()}")
            expect(not os.path.exists(same), "collide: a file was written although the outputs collide")
        # the --columns map the run reads
        columns = os.path.join(tmp, "map.yaml")
        write(columns, "titel: title\n")
        result = run(BINARY, ["batch", csv_in, "--columns", columns, "--summary", columns, "--progress", "never"])
        expect(read(columns) == "titel: title\n" and result.returncode != 0 and b"input of this run" in result.stderr,
               f"collide: --summary over --columns: {result.returncode} {result.stderr.decode()}")
        # the index page of --out on an input of the run
        out = os.path.join(tmp, "out")
        os.makedirs(out)
        index = os.path.join(out, "index.json")  # a case as JSON, named like the index page
        write(index, json.dumps({"title": "Een case", "tasks": [{"ref": "besluitvorming.rapporteren"}]}))
        before = read(index)
        result = run(BINARY, ["batch", index, "--out", out, "--format", "json", "--progress", "never"])
        expect(read(index) == before and result.returncode != 0 and b"input of this run" in result.stderr,
               f"collide: the index page over an input: {result.returncode} {result.stderr.decode()}")
        # the interview: --case and -o on one file; -o on the name the title would give
        result = run(BINARY, ["interview", "--case", os.path.join(tmp, "x.yaml"), "-o", os.path.join(tmp, "x.yaml")],
                     stdin=b"")
        expect(result.returncode != 0 and b"give each output a file of its own" in result.stderr,
               f"collide: interview --case X -o X: {result.returncode} {result.stderr.decode()[-300:]}")
        # -o on the name the interview gives the use case (the slug of its title): both are kept
        from interview import NL_ANSWERS  # noqa: E402
        slug = "ai-vat-het-medisch-dossier-samen-voor.yaml"
        result = subprocess.run(command(BINARY, ["interview", "-o", slug]),
                                input=("\n".join(NL_ANSWERS) + "\n").encode(), capture_output=True, env=env(),
                                cwd=tmp, timeout=300)
        report = read(os.path.join(tmp, slug)) if os.path.exists(os.path.join(tmp, slug)) else ""
        saved = os.path.join(tmp, slug.replace(".yaml", "-2.yaml"))
        expect(result.returncode == 0 and "OORDEEL" in report and os.path.exists(saved) and
               "title:" in read(saved), f"collide: interview -o SLUG.yaml lost the use case: {result.returncode} "
                                        f"{sorted(os.listdir(tmp))} {result.stderr.decode()[-300:]}")


def check_drafts():
    with tempfile.TemporaryDirectory() as tmp:
        csv_in = os.path.join(tmp, "in.csv")
        register(csv_in, ["a", "rules"])
        drafts = os.path.join(tmp, "drafts")
        args = ["batch", csv_in, "--suggest", "--drafts", drafts, "--summary", os.path.join(tmp, "s.csv"),
                "--progress", "never"]
        first = run(BINARY, args)
        expect(first.returncode in (0, 1) and os.path.exists(os.path.join(drafts, "a.yaml")),
               f"drafts: first run {first.returncode} {first.stderr.decode()[-300:]}")
        # unchanged: replaced in place, no second file
        again = run(BINARY, args)
        expect(sorted(os.listdir(drafts)) == ["a.yaml", "rules.yaml"],
               f"drafts: an unchanged draft was not replaced in place: {sorted(os.listdir(drafts))} "
               f"{again.stderr.decode()[-300:]}")
        # edited by a person: kept, the new draft beside it
        edited = read(os.path.join(drafts, "a.yaml")).replace("id:", "# checked by J.\nid:", 1)
        write(os.path.join(drafts, "a.yaml"), edited)
        third = run(BINARY, args)
        expect(read(os.path.join(drafts, "a.yaml")) == edited, "drafts: an edited draft was replaced")
        expect(os.path.exists(os.path.join(drafts, "a-2.yaml")) and b"is kept" in third.stderr,
               f"drafts: no new draft beside the edited one: {sorted(os.listdir(drafts))} {third.stderr.decode()}")
        # a file that is no draft of kansrijk (a framework's rules.yaml)
        write(os.path.join(drafts, "rules.yaml"), "rules: []\n")
        run(BINARY, args)
        expect(read(os.path.join(drafts, "rules.yaml")) == "rules: []\n", "drafts: a framework file was replaced")
        # a draft with its seal line removed counts as changed
        sealed = read(os.path.join(drafts, "a-2.yaml"))
        write(os.path.join(drafts, "a-2.yaml"), sealed[:sealed.rfind("# kansrijk draft")])
        run(BINARY, args)
        expect("# kansrijk draft" not in read(os.path.join(drafts, "a-2.yaml")),
               "drafts: a draft without its seal was replaced")


def check_umask():
    from interview import NL_ANSWERS  # noqa: E402  (a whole interview's answers)
    with tempfile.TemporaryDirectory() as tmp:
        # a whole interview: the use-case file and the report
        result = subprocess.run(command(BINARY, ["interview", "--case", "case.yaml", "-o", "report.txt"]),
                                input=("\n".join(NL_ANSWERS) + "\n").encode(), capture_output=True, env=env(),
                                cwd=tmp, timeout=300, preexec_fn=lambda: os.umask(0o077))
        expect(result.returncode == 0, f"umask: interview exit {result.returncode} {result.stderr.decode()[-300:]}")
        for name in ("case.yaml", "report.txt"):
            path = os.path.join(tmp, name)
            mode = stat.S_IMODE(os.stat(path).st_mode) if os.path.exists(path) else None
            expect(mode == 0o600, f"umask: {name} has mode {mode and oct(mode)} under umask 077")
    with tempfile.TemporaryDirectory() as tmp:
        case = os.path.join(tmp, "t.yaml")
        # Ctrl-D after the title: the answers so far are saved as a draft
        result = subprocess.run(command(BINARY, ["interview", "--case", case]), input=b"Een titel\n",
                                capture_output=True, env=env(), cwd=tmp, timeout=300,
                                preexec_fn=lambda: os.umask(0o077))
        drafts = [n for n in os.listdir(tmp) if n.endswith(".yaml")]
        expect(drafts, f"umask: no draft saved: {result.returncode} {result.stderr.decode()[-300:]}")
        for name in drafts:
            mode = stat.S_IMODE(os.stat(os.path.join(tmp, name)).st_mode)
            expect(mode == 0o600, f"umask: {name} has mode {oct(mode)} under umask 077")


def check_limits():
    """Past `ulimit -f` a write fails and is reported; SIGXFSZ no longer kills the run (exit 153)
    and leaves a temporary file. Ctrl-\\ (SIGQUIT) stops the interview like Ctrl-C."""
    import resource  # noqa: E402
    import signal  # noqa: E402
    import time  # noqa: E402

    def small_files():
        resource.setrlimit(resource.RLIMIT_FSIZE, (2048, 2048))

    with tempfile.TemporaryDirectory() as tmp:
        csv_in = os.path.join(tmp, "in.csv")
        register(csv_in, [f"c{i}" for i in range(40)])
        for args in (["assess", EXAMPLE, "-o", os.path.join(tmp, "r.html"), "--format", "html"],
                     ["batch", csv_in, "--summary", os.path.join(tmp, "s.jsonl"), "--progress", "never"],
                     ["batch", csv_in, "--out", os.path.join(tmp, "out"), "--format", "html", "--progress", "never"]):
            result = subprocess.run(command(BINARY, args), capture_output=True, env=env(), timeout=300,
                                    preexec_fn=small_files)
            left = [n for root, _, names in os.walk(tmp) for n in names if n.startswith(".")]
            expect(result.returncode == 2 and b"File too large" in result.stderr and not left,
                   f"limits: {args[0]} under ulimit -f: exit {result.returncode}, left {left}, "
                   f"{result.stderr.decode()[-200:]}")
    with tempfile.TemporaryDirectory() as tmp:
        proc = subprocess.Popen(command(BINARY, ["interview", "--case", "q.yaml"], checked=True), stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env(), cwd=tmp)
        proc.stdin.write("Een titel\n".encode())
        proc.stdin.flush()
        # the draft is saved after the first answer: the session runs, its stop signals caught
        # (under valgrind that takes seconds)
        for _ in range(600):
            if [n for n in os.listdir(tmp) if n.endswith(".draft.yaml")] or proc.poll() is not None:
                break
            time.sleep(0.1)
        proc.send_signal(signal.SIGQUIT)
        out, err = proc.communicate(timeout=60)
        drafts = [n for n in os.listdir(tmp) if n.endswith(".draft.yaml")]
        expect(proc.returncode == 131 and drafts, f"limits: interview after SIGQUIT: exit {proc.returncode}, "
                                                  f"drafts {drafts}, {err.decode()[-200:]}")


CHECKS = {"stdout": check_stdout, "links": check_links, "collide": check_collide, "drafts": check_drafts,
          "umask": check_umask, "limits": check_limits}

if __name__ == "__main__":
    if len(sys.argv) != 4 or sys.argv[3] not in CHECKS:
        sys.exit(__doc__)
    CHECKS[sys.argv[3]]()
    finish(f"nothing-lost {sys.argv[3]}")
