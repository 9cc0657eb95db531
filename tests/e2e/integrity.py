#!/usr/bin/env python3
"""End-to-end tests of output integrity and input safety (issue 16): nothing lost, nothing injected.

Usage: integrity.py BINARY SOURCE_DIR CHECK
Each check is one numbered failure of issue 16 and fails on the code before it:
  devices      1: -o and --summary to a FIFO, a character device (mknod, as root) or a socket
  write-errors 2: stdout on /dev/full for every subcommand; a full disk (ulimit -f, 64 KiB tmpfs)
  injection    3: C1 controls, bidi and zero-width characters, forged GitHub workflow commands
  symlinks     4: links to a file outside a batch folder or a framework folder
  inputs       5: an output that is also an input
  csv-rows     6: CSV rows after an over-long or malformed row are still assessed
  stop         7: SIGINT and SIGTERM during an endless line; interview lines are bounded
  modes        8: report files follow the umask and keep an existing file's mode
  utf8         9: summaries stay UTF-8 whatever the file names; Markdown without autolinks or code blocks
  diff-exit   10: diff sees every change the hash covers; exit codes of missing files; -o - and -o ''
"""
import csv
import io
import json
import os
import resource
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from harness import binary_and_source, command, expect, finish, run  # noqa: E402

BINARY, SOURCE = binary_and_source()
BINARY, SOURCE = os.path.abspath(BINARY), os.path.abspath(SOURCE)
os.environ["KANSRIJK_INTERVIEW_ORDER"] = "framework"  # its sessions answer in the framework's order
EXAMPLES = os.path.join(SOURCE, "examples")
EXAMPLE = os.path.join(EXAMPLES, "rapport-concept.yaml")
FRAMEWORK = os.path.join(SOURCE, "frameworks", "tno-arbeidsdeskundige")
WRAPPER = os.environ.get("KANSRIJK_E2E_WRAPPER", "").split()
TASK = "besluitvorming.rapporteren"
# What must never reach a terminal, a log or a rendered report as it is.
HIDDEN = ["\x1b", "\x07", "\u009b", "\u009d", "\u202e", "\u2066", "\u200b", "\u200d", "\u2060", "\ufeff"]


def env(**extra):
    full = dict(os.environ)
    full.pop("KANSRIJK_FRAMEWORK", None)
    full.setdefault("SOURCE_DATE_EPOCH", "1795392000")
    full.update(extra)
    return full


def raw(args, **kwargs):
    """Runs the binary with subprocess.run's own arguments (stdout to a file, a preexec_fn...)."""
    kwargs.setdefault("env", env())
    kwargs.setdefault("timeout", 300)
    return subprocess.run(command(BINARY, args), **kwargs)


def write(path, text, mode="w"):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, mode, **({} if "b" in mode else {"encoding": "utf-8", "newline": ""})) as f:
        f.write(text)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def leftovers(folder, keep):
    return sorted(n for n in os.listdir(folder) if n not in keep)


def check_devices():
    with tempfile.TemporaryDirectory() as tmp:
        report = run(BINARY, ["assess", EXAMPLE]).stdout
        for args, what in ((["assess", EXAMPLE, "-o"], "-o"), (["batch", EXAMPLES, "--summary"], "--summary")):
            fifo = os.path.join(tmp, "out.fifo")
            os.mkfifo(fifo)
            reader = subprocess.Popen(["cat", fifo], stdout=subprocess.PIPE)
            result = raw(args + [fifo], capture_output=True, timeout=60)
            try:
                got, _ = reader.communicate(timeout=10)
            except subprocess.TimeoutExpired:  # nobody ever opened the FIFO for writing
                reader.kill()
                got = b""
            expect(result.returncode == 0, f"devices: {what} FIFO exit {result.returncode} {result.stderr.decode()}")
            expect(stat.S_ISFIFO(os.lstat(fifo).st_mode), f"devices: {what} replaced the FIFO with a file")
            expect(got == report if what == "-o" else got.startswith(b"id,title,"),
                   f"devices: {what} FIFO received {got[:80]!r}")
            os.remove(fifo)
            expect(leftovers(tmp, []) == [], f"devices: {what} left {leftovers(tmp, [])}")
        if os.geteuid() == 0:
            null = os.path.join(tmp, "null")
            os.mknod(null, stat.S_IFCHR | 0o666, os.makedev(1, 3))
            for args, what in ((["assess", EXAMPLE, "-o", null], "-o"), (["batch", EXAMPLES, "--summary", null], "--summary")):
                result = raw(args, capture_output=True)
                expect(result.returncode == 0 and stat.S_ISCHR(os.lstat(null).st_mode),
                       f"devices: {what} to a character device: exit {result.returncode}, "
                       f"still a device: {stat.S_ISCHR(os.lstat(null).st_mode)}")
            os.remove(null)
        else:
            print("devices: not root, mknod skipped (FIFOs and sockets still checked)")
        sock_path = os.path.join(tmp, "s.sock")
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.bind(sock_path)
        result = raw(["assess", EXAMPLE, "-o", sock_path], capture_output=True)
        expect(result.returncode == 2 and result.stdout == b"" and
               result.stderr.decode() == f"{sock_path}: error: is a socket; kansrijk writes regular files, pipes (FIFOs) "
                                         "and character devices such as /dev/null\n",
               f"devices: socket exit {result.returncode} {result.stderr.decode()}")
        expect(stat.S_ISSOCK(os.lstat(sock_path).st_mode), "devices: the socket was replaced")
        sock.close()


def check_write_errors():
    commands = [["assess", EXAMPLE], ["assess", EXAMPLE, "--format", "json"], ["batch", EXAMPLES],
                ["validate", "--format", "json"], ["validate", "--format", "sarif"],
                ["validate-case", os.path.join(SOURCE, "tests", "e2e", "bad-input", "unknown-key.yaml")],
                ["schema", "use-case"], ["graph"], ["test"], ["framework", "list"],
                ["framework", "show", TASK], ["diff", FRAMEWORK, FRAMEWORK, EXAMPLE], ["--version"]]
    for args in commands:
        with open("/dev/full", "wb") as full:
            result = raw(args, stdout=full, stderr=subprocess.PIPE)
        expect(result.returncode == 2 and b"cannot write to standard output" in result.stderr,
               f"write-errors: {' '.join(args)} > /dev/full: exit {result.returncode} {result.stderr.decode()[-200:]}")

    def limited():  # a file size limit of 512 bytes, as a nearly full disk gives
        resource.setrlimit(resource.RLIMIT_FSIZE, (512, 512))
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)

    with tempfile.TemporaryDirectory() as tmp:
        summary = os.path.join(tmp, "stdout.csv")
        with open(summary, "wb") as out:
            result = raw(["batch", EXAMPLES], stdout=out, stderr=subprocess.PIPE, preexec_fn=limited)
        expect(result.returncode == 2 and b"cannot write to standard output: File too large" in result.stderr,
               f"write-errors: batch summary to stdout over ulimit -f: exit {result.returncode} {result.stderr.decode()}")
        result = raw(["batch", EXAMPLES, "--summary", os.path.join(tmp, "s.csv"), "--out", os.path.join(tmp, "r"),
                      "--format", "html"], capture_output=True, preexec_fn=limited)
        expect(result.returncode == 2 and b"cannot write file: File too large" in result.stderr,
               f"write-errors: --out over ulimit -f: exit {result.returncode} {result.stderr.decode()}")
        expect(leftovers(tmp, ["stdout.csv", "r"]) == [] and all(not n.startswith(".") for n in os.listdir(os.path.join(tmp, "r"))),
               f"write-errors: left {os.listdir(tmp)} {os.listdir(os.path.join(tmp, 'r'))}")
        disk = os.path.join(tmp, "disk")
        os.mkdir(disk)
        mounted = os.geteuid() == 0 and subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", disk],
                                                       capture_output=True).returncode == 0
        if not mounted:
            print("write-errors: no 64 KiB tmpfs (not root or mount refused); ulimit -f checks only")
            return
        try:
            with open(os.path.join(disk, "filler"), "wb", buffering=0) as f:  # fill the disk
                try:
                    while True:
                        f.write(b"x" * 1024)
                except OSError:
                    pass
            with open(os.path.join(disk, "summary.csv"), "wb") as out:
                result = raw(["batch", EXAMPLES, "--jobs", "1"], stdout=out, stderr=subprocess.PIPE,
                             env=env(), timeout=60)
            expect(result.returncode == 2 and b"No space left on device" in result.stderr,
                   f"write-errors: summary on a full tmpfs: exit {result.returncode} {result.stderr.decode()}")
            result = raw(["batch", EXAMPLES, "--out", os.path.join(disk, "reports"), "--format", "html",
                          "--summary", os.path.join(disk, "s.csv")], capture_output=True)
            expect(result.returncode == 2 and b"No space left on device" in result.stderr,
                   f"write-errors: reports on a full tmpfs: exit {result.returncode} {result.stderr.decode()}")
            hidden = [n for n in os.listdir(disk) if n.startswith(".")]
            if os.path.isdir(os.path.join(disk, "reports")):
                hidden += [n for n in os.listdir(os.path.join(disk, "reports")) if n.startswith(".")]
            expect(not hidden and not os.path.exists(os.path.join(disk, "s.csv")),
                   f"write-errors: temporary or partial files on the full disk: {hidden} {os.listdir(disk)}")
        finally:
            subprocess.run(["umount", disk], capture_output=True)


HOSTILE_TITLE = "Rood\x1b[31m CSI\u009b2J OSC\u009d0;x\x07 \u202eevil\u202c zw\u200bsp \u2066iso\u2069 j\u2060oin"


def hostile_case(tmp, name="hostile.yaml"):
    path = os.path.join(tmp, name)
    write(path, "title: " + json.dumps(HOSTILE_TITLE) + "\ntasks:\n  - name: " +
          json.dumps("Taak\u009b31m\n::error file=x.yaml::vals") + "\n")
    return path


def no_hidden(text, label):
    found = sorted({repr(c) for c in HIDDEN if c in text})
    expect(not found, f"injection: {label} passes {found}")


def check_injection():
    with tempfile.TemporaryDirectory() as tmp:
        case = hostile_case(tmp)
        for fmt in ("text", "markdown", "html"):
            result = run(BINARY, ["assess", case, "--format", fmt])
            expect(result.returncode == 0, f"injection: assess {fmt} exit {result.returncode} {result.stderr.decode()}")
            out = result.stdout.decode()
            no_hidden(out, f"the {fmt} report")
            expect("<U+202E>" in out or "&lt;U+202E&gt;" in out or "\\<U+202E\\>" in out,
                   f"injection: the {fmt} report does not show U+202E")
        js = run(BINARY, ["assess", case, "--format", "json"])
        no_hidden(js.stdout.decode(), "the raw JSON report")
        expect(json.loads(js.stdout)["use_case"]["title"] == HOSTILE_TITLE, "injection: JSON does not keep the title exactly")
        summary = run(BINARY, ["batch", case])
        no_hidden(summary.stdout.decode(), "the CSV summary on stdout")
        jsonl = run(BINARY, ["batch", case, "--summary-format", "jsonl"])
        no_hidden(jsonl.stdout.decode(), "the JSON Lines summary")
        expect(json.loads(jsonl.stdout)["title"] == HOSTILE_TITLE, "injection: JSON Lines does not keep the title")
        # stderr: an unknown key and an unknown task that carry escape sequences and a forged command
        bad = os.path.join(tmp, "bad.yaml")
        write(bad, "title: x\n\"k\\e]0;t\\a\\u202e\\n::add-mask::geheim\": 1\ntasks: [{ref: \"a\\u009b2J\"}]\n")
        err = run(BINARY, ["assess", bad]).stderr.decode()
        no_hidden(err, "stderr")
        expect(not any(line.lstrip().startswith("::") for line in err.splitlines()), f"injection: stderr forges a command: {err}")
        # validate-case in CI: no line of its output may be a workflow command
        named = os.path.join(tmp, "::error file=a.yaml::forged.yaml")
        shutil.copy(bad, named)
        checked = run(BINARY, ["validate-case", "::error file=a.yaml::forged.yaml", "bad.yaml"], cwd=tmp)
        lines = checked.stdout.decode().splitlines()
        expect(checked.returncode == 1 and len(lines) == 4, f"injection: validate-case exit {checked.returncode} {lines}")
        forged = [line for line in lines if line.lstrip().startswith(("::", "##["))]
        expect(not forged, f"injection: validate-case prints workflow commands: {forged}")
        no_hidden(checked.stdout.decode(), "validate-case")
        # a framework whose texts carry escape sequences: framework list/show/explain, test, validate
        framework = os.path.join(tmp, "fw")
        shutil.copytree(FRAMEWORK, framework)
        taxonomy = os.path.join(framework, "taxonomy.yaml")
        text = open(taxonomy, encoding="utf-8").read()
        write(taxonomy, text.replace('nl: "Rapporteren"', 'nl: "Rapporteren\\e[2J\\u009d0;x\\a\\n::error::nep"', 1))
        rules = os.path.join(framework, "rules.yaml")
        rules_text = open(rules, encoding="utf-8").read()
        rule_id = "qow.freed-time-more-cases"
        golden = os.path.join(framework, "tests", "ex-intake-gesprek.yaml")
        golden_text = open(golden, encoding="utf-8").read()
        write(golden, golden_text.replace("case: ex-intake-gesprek", 'case: "ex\\e]0;pwned\\a\\u202e"')
              .replace("verdict: not_advised", "verdict: promising"))
        expect('nl: "Rapporteren\\e' in open(taxonomy, encoding="utf-8").read(), "injection: the taxonomy edit did not apply")
        for args in (["framework", "list", "--framework", framework], ["framework", "show", TASK, "--framework", framework],
                     ["framework", "explain", rule_id, "--framework", framework], ["test", framework]):
            result = run(BINARY, args)
            out = result.stdout.decode() + result.stderr.decode()
            no_hidden(out, " ".join(args[:2]))
            expect(not any(line.lstrip().startswith("::") for line in out.splitlines()),
                   f"injection: {' '.join(args[:2])} forges a command")
        failing = run(BINARY, ["test", framework]).stdout.decode()
        expect("FAIL ex<U+001B>]0;pwned<U+0007><U+202E> (" in failing, f"injection: test FAIL line {failing[:300]}")
        write(rules, rules_text.replace("block: tasks", 'block: "tas\\nks::error::x%0A"', 1))
        github = run(BINARY, ["validate", framework, "--format", "github"], cwd=tmp)
        lines = github.stdout.decode().splitlines()
        expect(github.returncode == 1 and lines and all(line.startswith(("::error file=", "::warning file=")) for line in lines),
               f"injection: validate --format github lines {lines[:5]}")
        expect(any("%250A" in line for line in lines), f"injection: % not encoded in annotations {lines[:3]}")
        no_hidden(github.stdout.decode(), "validate --format github")
        # interview --resume shows the answers of a complete file in its summary
        from interview import NL_ANSWERS  # the scripted session of the interview tests
        session = run(BINARY, ["interview", "--case", "complete.yaml"], stdin=("\n".join(NL_ANSWERS) + "\n").encode(), cwd=tmp)
        expect(session.returncode == 0, f"injection: interview session exit {session.returncode}")
        complete = os.path.join(tmp, "complete.yaml")
        answers = open(complete, encoding="utf-8").read().splitlines()
        write(complete, "\n".join("title: " + json.dumps(HOSTILE_TITLE) if l.startswith("title:") else l
                                   for l in answers) + "\n")
        resumed = subprocess.run(command(BINARY, ["interview", "--resume", complete, "--case", os.path.join(tmp, "done.yaml")]),
                                 input=b"", capture_output=True, env=env(), cwd=tmp, timeout=120)
        out = resumed.stdout.decode()
        expect("Rood<U+001B>[31m" in out, f"injection: interview --resume does not show the title: {out[-500:]}")
        no_hidden(out + resumed.stderr.decode(), "interview --resume")


SECRET = "root:$y$j9T$SECRETMARKERhashhashhash$morehash:19700:0:99999:7:::\nbob:$y$SECRETMARKER2:19700:0:99999:7:::\n"


def check_symlinks():
    with tempfile.TemporaryDirectory() as tmp:
        secret = os.path.join(tmp, "shadow")
        write(secret, SECRET)
        folder = os.path.join(tmp, "cases")
        write(os.path.join(folder, "ok.yaml"), f"title: ok\ntasks: [{{ref: {TASK}}}]\n")
        os.symlink(secret, os.path.join(folder, "s.yaml"))
        os.symlink(secret, os.path.join(folder, "t.json"))
        result = run(BINARY, ["batch", folder])
        both = result.stdout.decode() + result.stderr.decode()
        expect("SECRETMARKER" not in both, f"symlinks: batch folder leaks the linked file: {both[-600:]}")
        rows = list(csv.DictReader(io.StringIO(result.stdout.decode())))
        expect(result.returncode == 3 and len(rows) == 3 and
               sum("symbolic link that leads out of the folder" in r["error"] for r in rows) == 2,
               f"symlinks: batch rows {rows}")
        followed = run(BINARY, ["batch", folder, "--follow-symlinks"])
        expect("SECRETMARKER" not in followed.stdout.decode() + followed.stderr.decode(),
               "symlinks: --follow-symlinks quotes the file it reads")
        # named on the command line (a glob in CI): read, but nothing of it quoted
        inventory = os.path.join(tmp, "inventaris.csv")
        os.symlink(secret, inventory)
        for args in (["batch", inventory], ["batch", os.path.join(folder, "s.yaml")], ["validate-case", os.path.join(folder, "s.yaml")],
                     ["assess", os.path.join(folder, "s.yaml")]):
            named = run(BINARY, args)
            expect(named.returncode in (1, 2, 3) and "SECRETMARKER" not in named.stdout.decode() + named.stderr.decode(),
                   f"symlinks: {' '.join(args[:1])} quotes the file: {named.stdout.decode()[-300:]} {named.stderr.decode()[-300:]}")
        framework = os.path.join(tmp, "fw")
        shutil.copytree(FRAMEWORK, framework)
        os.remove(os.path.join(framework, "skills.yaml"))
        os.symlink(secret, os.path.join(framework, "skills.yaml"))
        for args in (["validate", framework, "--format", "sarif"], ["validate", framework], ["validate", framework, "--format", "github"],
                     ["assess", EXAMPLE, "--framework", framework], ["test", framework]):
            result = run(BINARY, args)
            both = result.stdout.decode() + result.stderr.decode()
            expect("SECRETMARKER" not in both and "symbolic link that leads out of the framework folder" in both,
                   f"symlinks: {' '.join(args[:2])} exit {result.returncode}: {both[-500:]}")


def check_inputs():
    with tempfile.TemporaryDirectory() as tmp:
        case = os.path.join(tmp, "in.yaml")
        shutil.copy(EXAMPLE, case)
        before = read(case)
        result = run(BINARY, ["assess", case, "-o", case])
        expect(result.returncode == 2 and read(case) == before and b"is also an input" in result.stderr,
               f"inputs: assess -o its input: exit {result.returncode} {result.stderr.decode()}")
        inventory = os.path.join(tmp, "inv.csv")
        shutil.copy(os.path.join(EXAMPLES, "inventaris.csv"), inventory)
        before = read(inventory)
        result = run(BINARY, ["batch", inventory, "--summary", inventory])
        expect(result.returncode == 2 and read(inventory) == before and result.stdout == b"",
               f"inputs: batch --summary its input: exit {result.returncode} {result.stderr.decode()}")
        folder = os.path.join(tmp, "cases")
        os.mkdir(folder)
        for name in ("fml-toets.yaml", "rapport-concept.yaml"):
            shutil.copy(os.path.join(EXAMPLES, name), folder)
        listing = {n: read(os.path.join(folder, n)) for n in os.listdir(folder)}
        result = run(BINARY, ["batch", folder, "--out", folder, "--format", "json"])
        expect(result.returncode == 2 and {n: read(os.path.join(folder, n)) for n in os.listdir(folder)} == listing,
               f"inputs: batch D --out D: exit {result.returncode} {sorted(os.listdir(folder))}")
        # a report named like a case file it would replace
        json_case = os.path.join(tmp, "x.json")
        write(json_case, json.dumps({"id": "x", "title": "X", "tasks": [{"ref": TASK}]}))
        before = read(json_case)
        result = run(BINARY, ["batch", json_case, "--out", tmp, "--format", "json"])
        expect(result.returncode == 2 and read(json_case) == before and b"is an input of this run" in result.stderr,
               f"inputs: report over its own case file: exit {result.returncode} {result.stderr.decode()}")


def check_csv_rows():
    with tempfile.TemporaryDirectory() as tmp:
        inventory = os.path.join(tmp, "inv.csv")
        huge = ("x" * 1000 + "\n") * 1100  # a quoted cell of many lines, over the 1 MiB row limit
        write(inventory, f"title,tasks\nA,{TASK}\n\"{huge}\",{TASK}\nC,{TASK}\nD,{TASK}\n")
        result = run(BINARY, ["batch", inventory])
        rows = list(csv.DictReader(io.StringIO(result.stdout.decode())))
        expect([r["title"] for r in rows] == ["A", "", "C", "D"] and [bool(r["error"]) for r in rows] == [False, True, False, False],
               f"csv-rows: over-long cell: {[(r['title'], r['error'][:60]) for r in rows]}")
        expect(b"1 of 4 cases could not be assessed" in result.stderr, f"csv-rows: over-long count {result.stderr.decode()[-200:]}")
        stray = os.path.join(tmp, "stray.csv")
        write(stray, f"title,tasks,description\nA,{TASK},a 5\" scherm\nB,{TASK},ok\nC,{TASK},\"quoted \"\"ok\"\"\"\n")
        result = run(BINARY, ["batch", stray])
        rows = list(csv.DictReader(io.StringIO(result.stdout.decode())))
        expect([(r["title"], bool(r["error"])) for r in rows] == [("", True), ("B", False), ("C", False)],
               f"csv-rows: stray quote: {[(r['title'], r['error'][:80]) for r in rows]}")
        expect(rows and rows[0]["error"].startswith(stray + ":2:"), f"csv-rows: stray quote location {rows[0]['error'] if rows else ''}")
        expect(b"1 of 3 cases could not be assessed" in result.stderr, f"csv-rows: stray count {result.stderr.decode()[-200:]}")


def check_stop():
    for sig, code in ((signal.SIGINT, 130), (signal.SIGTERM, 143)):
        with open("/dev/zero", "rb") as zero:
            proc = subprocess.Popen(command(BINARY, ["batch", "-"], checked=True), stdin=zero, stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, env=env())
            # well into the endless line: under valgrind the start alone (loading the framework)
            # takes seconds, and a signal before the handler is set ends the process by default
            time.sleep(20.0 if WRAPPER else 1.0)
            proc.send_signal(sig)
            try:
                _, err = proc.communicate(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.communicate()
                expect(False, f"stop: {signal.Signals(sig).name} did not stop batch - < /dev/zero")
                continue
        expect(proc.returncode == code and b"interrupted after 0 cases" in err,
               f"stop: {signal.Signals(sig).name}: exit {proc.returncode} {err.decode()}")
    with tempfile.TemporaryDirectory() as tmp:
        # one line of 1 MiB without a line break: no answer; the interview reads (and echoes) at
        # most 64 KiB of it, then stops with exit 2 and says why
        result = subprocess.run(command(BINARY, ["interview", "--case", "x.yaml"]), input=b"x" * (1 << 20),
                                capture_output=True, env=env(), cwd=tmp, timeout=300)
        longest = max(len(line) for line in result.stdout.split(b"\n"))
        expect(result.returncode == 2 and longest <= 65536 + 200 and b"64 KiB" in result.stderr,
               f"stop: interview keeps a line of {longest} bytes (exit {result.returncode})")


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


def check_modes():
    with tempfile.TemporaryDirectory() as tmp:
        private = lambda: os.umask(0o077)  # noqa: E731
        new = os.path.join(tmp, "new.txt")
        raw(["assess", EXAMPLE, "-o", new], capture_output=True, preexec_fn=private)
        expect(os.path.exists(new) and mode(new) == 0o600, f"modes: umask 077 gave {oct(mode(new)) if os.path.exists(new) else 'no file'}")
        existing = os.path.join(tmp, "existing.txt")
        write(existing, "old")
        os.chmod(existing, 0o600)
        raw(["assess", EXAMPLE, "-o", existing], capture_output=True)
        expect(mode(existing) == 0o600 and read(existing) != b"old", f"modes: an existing 0600 file became {oct(mode(existing))}")
        raw(["batch", EXAMPLES, "--summary", os.path.join(tmp, "s.csv"), "--out", os.path.join(tmp, "r")],
            capture_output=True, preexec_fn=private)
        reports = [os.path.join(tmp, "r", n) for n in os.listdir(os.path.join(tmp, "r"))]
        expect(mode(os.path.join(tmp, "s.csv")) == 0o600 and reports and all(mode(p) == 0o600 for p in reports),
               f"modes: batch files under umask 077: {oct(mode(os.path.join(tmp, 's.csv')))}")
        shared = os.path.join(tmp, "shared.txt")
        raw(["assess", EXAMPLE, "-o", shared], capture_output=True, preexec_fn=lambda: os.umask(0o022))
        expect(mode(shared) == 0o644, f"modes: umask 022 gave {oct(mode(shared))}")


def cmark(markdown):
    return subprocess.run(["cmark-gfm", "-e", "autolink", "-e", "table", "-e", "strikethrough"], input=markdown,
                          capture_output=True, check=True).stdout.decode()


def check_utf8():
    with tempfile.TemporaryDirectory() as tmp:
        folder = os.path.join(tmp, "cases").encode()
        os.mkdir(folder)
        with open(os.path.join(folder, b"caf\xe9\x1b[2J.yaml"), "w", encoding="utf-8") as f:
            f.write(f"title: ok\ntasks: [{{ref: {TASK}}}]\n")
        with open(os.path.join(folder, b"kapot\xff.yaml"), "w", encoding="utf-8") as f:
            f.write("title: kapot\ntasks: [{ref: nope}]\n")
        for fmt in ("csv", "jsonl"):
            result = raw(["batch", folder.decode(errors="surrogateescape"), "--summary-format", fmt], capture_output=True)
            try:
                text = result.stdout.decode("utf-8")
                ok = "\ufffd" in text
            except UnicodeDecodeError as e:
                text, ok = "", False
                expect(False, f"utf8: {fmt} summary is not UTF-8: {e}")
            expect(ok and result.returncode == 3, f"utf8: {fmt} summary exit {result.returncode} without U+FFFD: {text[:300]}")
            no_hidden(text, f"the {fmt} summary of odd file names")
            if fmt == "jsonl":
                expect(all(json.loads(line) for line in text.splitlines()), "utf8: a JSON Lines row does not parse")
        try:
            result.stderr.decode("utf-8")
        except UnicodeDecodeError:
            expect(False, "utf8: stderr is not UTF-8")
        case = os.path.join(tmp, "md.yaml")
        write(case, "title: \"Mail mailto:jan@example.nl of piet@example.nl, zie https://x.nl en www.x.nl\"\n"
                    "tasks:\n  - name: \"    ingesprongen taak\"\n")
        rendered = cmark(run(BINARY, ["assess", case, "--format", "markdown"]).stdout)
        expect("<a " not in rendered, f"utf8: Markdown has a link: {[l for l in rendered.splitlines() if '<a ' in l]}")
        expect("<pre" not in rendered and "<code" not in rendered, "utf8: Markdown has a code block from leading spaces")
        expect("ingesprongen taak" in rendered, "utf8: the indented task name is lost")


def check_diff_exit():
    with tempfile.TemporaryDirectory() as tmp:
        old = os.path.join(tmp, "old")
        shutil.copytree(FRAMEWORK, old)
        edits = {
            "counterweights": ("rules.yaml", "counterweights: [qow.admin-relief]", "counterweights: []", "rule counterweights"),
            "rule text": ("rules.yaml", "text:\n      nl: \"", "text:\n      nl: \"Anders. ", "rule text"),
            "source": ("framework.yaml", "D. Wieman, 'TNO", "D. Wieman (bewerkt), 'TNO", "source"),
            "provenance": ("rules.yaml", "provenance: quoted", "provenance: reconstructed", "provenance"),
            "comment": ("rules.yaml", "# `counterweights` name rules", "# `counterweights` (tegenwichten) name rules", "other content"),
        }
        for label, (name, find, replace, word) in edits.items():
            new = os.path.join(tmp, "new-" + label.replace(" ", "-"))
            shutil.copytree(FRAMEWORK, new)
            path = os.path.join(new, name)
            text = open(path, encoding="utf-8").read()
            expect(find in text, f"diff-exit: {label}: {find!r} not in {name}")
            write(path, text.replace(find, replace, 1))
            result = run(BINARY, ["diff", old, new])
            out = result.stdout.decode()
            expect(result.returncode == 0 and "\n0 changes in the framework" not in out and word in out,
                   f"diff-exit: {label} change not reported: {out[-400:]}")
        same = run(BINARY, ["diff", old, old])
        expect(same.stdout.decode().endswith("\n0 changes in the framework\n"), f"diff-exit: no change {same.stdout.decode()}")
        missing = run(BINARY, ["diff", old, old, "/nonexistent.yaml"])
        expect(missing.returncode == 2 and missing.stdout == b"" and missing.stderr == b"/nonexistent.yaml: error: no such file\n",
               f"diff-exit: diff with a missing case: exit {missing.returncode} {missing.stderr}")
        vc = run(BINARY, ["validate-case", "/nonexistent.yaml"])
        expect(vc.returncode == 2 and vc.stdout == b"", f"diff-exit: validate-case missing: exit {vc.returncode}")
        dash = run(BINARY, ["assess", EXAMPLE, "-o", "-"], cwd=tmp)
        expect(dash.returncode == 0 and dash.stdout == run(BINARY, ["assess", EXAMPLE]).stdout and not os.path.exists(os.path.join(tmp, "-")),
               f"diff-exit: -o - exit {dash.returncode}, file '-' made: {os.path.exists(os.path.join(tmp, '-'))}")
        empty = run(BINARY, ["assess", EXAMPLE, "-o", ""], cwd=tmp)
        expect(empty.returncode == 2 and empty.stdout == b"" and b"empty name" in empty.stderr,
               f"diff-exit: -o '' exit {empty.returncode} {empty.stderr.decode()}")


def main():
    checks = {"devices": check_devices, "write-errors": check_write_errors, "injection": check_injection,
              "symlinks": check_symlinks, "inputs": check_inputs, "csv-rows": check_csv_rows, "stop": check_stop,
              "modes": check_modes, "utf8": check_utf8, "diff-exit": check_diff_exit}
    checks[sys.argv[3]]()
    finish(f"integrity {sys.argv[3]}")


if __name__ == "__main__":
    main()
