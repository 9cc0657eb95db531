#!/usr/bin/env python3
"""End-to-end tests of the portfolio overview, `kansrijk batch ... --overview FILE.html|.md`.

Usage: overview.py BINARY SOURCE_DIR CHECK
Checks:
  inventory   examples/inventaris.csv: the overview in Markdown (rendered by cmark-gfm) and HTML
              agrees with the summary and with each case's own JSON report: the verdict counts,
              every case ranked with its range, the recurring flags and open questions counted,
              the quick wins exactly the cases one design change lifts; in English too
  generated   a 1,000-case generated inventory: the HTML overview rendered by headless Chromium
              (a screenshot with the chart's colours, every case in the DOM) and the Markdown by
              cmark-gfm; the same bytes with --jobs 1 and 4
  usage       a file name that is not .html or .md, the overview over an input, failed rows,
              an interrupted run leaves no overview
"""
import collections
import csv
import glob
import io
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from harness import binary_and_source, expect, finish, run  # noqa: E402
import reports  # noqa: E402  (shares BINARY and SOURCE from the same command line)

BINARY, SOURCE = binary_and_source()
INVENTORY = os.path.join(SOURCE, "examples", "inventaris.csv")
VERDICTS_NL = {"promising": "kansrijk", "conditional": "kansrijk onder voorwaarden", "limited": "beperkt kansrijk",
               "not_advised": "niet kansrijk", "insufficient_information": "nog niet te beoordelen"}
OVERVIEW_TAGS = reports.ALLOWED_TAGS | {"h1", "th", "thead", "tbody", "span"}


def tables(html_text):
    """The tables of rendered HTML as lists of rows of cell texts (header row included)."""
    out = []
    for table in re.findall(r"<table[^>]*>(.*?)</table>", html_text, re.S):
        rows = []
        for row in re.findall(r"<tr>(.*?)</tr>", table, re.S):
            cells = re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
            rows.append([reports.html.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in cells])
        out.append(rows)
    return out


def section(html_text, heading):
    """The HTML between the <h2> `heading` and the next <h2>."""
    start = html_text.find(f"<h2>{heading}</h2>")
    expect(start >= 0, f"no section {heading!r}")
    end = html_text.find("<h2>", start + 4)
    return html_text[start:end if end >= 0 else len(html_text)]


def batch(args, timeout=600):
    return run(BINARY, ["batch", *args], timeout=timeout)


def check_inventory():
    with tempfile.TemporaryDirectory() as tmp:
        summary, md, page, out = (os.path.join(tmp, n) for n in ("summary.csv", "overview.md", "overview.html", "out"))
        result = batch([INVENTORY, "--summary", summary, "--overview", md, "--out", out, "--format", "json"])
        expect(result.returncode == 0, f"inventory: exit {result.returncode}: {result.stderr.decode()}")
        result = batch([INVENTORY, "--summary", os.path.join(tmp, "s2.csv"), "--overview", page])
        expect(result.returncode == 0, f"inventory html: exit {result.returncode}: {result.stderr.decode()}")
        with open(summary, encoding="utf-8-sig") as f:
            rows = list(csv.DictReader(f))
        reports_by_id = {}
        for path in glob.glob(os.path.join(out, "*.json")):
            if not path.endswith("index.json"):
                doc = json.load(open(path, encoding="utf-8"))
                reports_by_id[doc["use_case"]["id"]] = doc
        expect(len(rows) == 4 and len(reports_by_id) == 4, f"inventory: {len(rows)} rows, {len(reports_by_id)} reports")
        with open(md, encoding="utf-8") as f:
            markdown = f.read()
        rendered = reports.cmark(markdown)
        with open(page, encoding="utf-8") as f:
            document = f.read()
        reports.check_html_safe(document, "overview html", OVERVIEW_TAGS)
        for label, text in (("markdown", rendered), ("html", document)):
            # the distribution: one row per verdict, counts as in the summary
            counts = collections.Counter(r["verdict"] for r in rows)
            shown = {r[0]: r[1] for r in tables(section(text, "Verdeling van de oordelen"))[0][1:]}
            for code, word in VERDICTS_NL.items():
                expect(shown.get(word) == str(counts.get(code, 0)),
                       f"{label}: distribution {word}: {shown.get(word)} vs summary {counts.get(code, 0)}")
            # every case ranked, most favourable verdict first, with the range of its own report
            ranked = tables(section(text, "Alle toepassingen, de kansrijkste eerst"))[0]
            expect(ranked[0][:6] == ["#", "Kenmerk", "Titel", "Oordeel", "Mogelijk bij de open vragen", "Score"],
                   f"{label}: ranking header {ranked[0]}")
            order = list(VERDICTS_NL)
            ids = [r[1] for r in ranked[1:]]
            expect(sorted(ids) == sorted(reports_by_id), f"{label}: ranked ids {ids}")
            positions = [order.index(reports_by_id[i]["verdict"]) for i in ids if i in reports_by_id]
            expect(positions == sorted(positions), f"{label}: ranking not by verdict: {ids}")
            for r in ranked[1:]:
                doc = reports_by_id.get(r[1])
                if doc is None:
                    continue
                best, worst = VERDICTS_NL[doc["verdict_range"]["best"]], VERDICTS_NL[doc["verdict_range"]["worst"]]
                expect(r[3] == VERDICTS_NL[doc["verdict"]], f"{label}: {r[1]} verdict {r[3]}")
                expect(r[4] == (best if best == worst else f"{best} – {worst}"), f"{label}: {r[1]} range {r[4]}")
                expect(r[5] == str(doc["scores"]["overall"]) if doc["scores"].get("overall") is not None else r[5] == "-",
                       f"{label}: {r[1]} score {r[5]}")
            # recurring flags: counted over the cases' own reports
            flag_counts = collections.Counter(m for doc in reports_by_id.values()
                                              for m in {f["message"] for f in doc["flags"]})
            for r in tables(section(text, "Signalen die het vaakst terugkomen"))[0][1:]:
                message = r[0].split("] ", 1)[1]
                expect(r[1] == f"{flag_counts[message]} van 4", f"{label}: flag {message!r}: {r[1]}")
            # quick wins: exactly the cases whose report lists a lift by one change
            quick = {r[0] for r in tables(section(text, "Snelle winst: één keuze verschil"))[0][1:]}
            expected = {doc["use_case"]["title"] for doc in reports_by_id.values()
                        if any(len(lift["changes"]) == 1 for lift in doc["what_if"].get("lifts", []))}
            expect(quick == expected and expected, f"{label}: quick wins {quick} vs reports {expected}")
        # the open questions that recur: the most frequent is asked in every case
        questions = tables(section(rendered, "Open vragen die het vaakst terugkomen"))[0]
        expect(len(questions) > 1 and questions[1][1].endswith("van 4"), f"questions {questions[:2]}")
        english = os.path.join(tmp, "overview-en.md")
        result = batch([INVENTORY, "--summary", os.path.join(tmp, "s3.csv"), "--overview", english, "--lang", "en"])
        with open(english, encoding="utf-8") as f:
            text = f.read()
        expect(result.returncode == 0 and "# Overview of the AI applications" in text and "Quick wins" in text
               and "kansrijk" not in text.replace("tno-arbeidsdeskundige", ""),
               f"english overview: exit {result.returncode}")


def check_generated():
    browser = reports.chromium_binary()
    expect(browser is not None, "no chromium on PATH; scripts/setup.sh --test installs Debian's chromium")
    with tempfile.TemporaryDirectory() as tmp:
        cases = os.path.join(tmp, "cases.jsonl")
        # 1,000 cases; 200 under the sanitizers or valgrind (20-50 times slower), same checks
        slow = os.environ.get("KANSRIJK_E2E_SANITIZED") or os.environ.get("KANSRIJK_E2E_WRAPPER")
        count = 200 if slow else 1000
        with open(cases, "w", encoding="utf-8") as f:
            subprocess.run([sys.executable, os.path.join(SOURCE, "bench", "generate.py"), str(count)], stdout=f, check=True)
        outputs = {}
        for jobs in ("1", "4"):
            page, md = os.path.join(tmp, f"o{jobs}.html"), os.path.join(tmp, f"o{jobs}.md")
            for target in (page, md):
                result = batch([cases, "--jobs", jobs, "--summary", os.path.join(tmp, "s.csv"), "--overview", target])
                expect(result.returncode == 0, f"generated -j{jobs}: exit {result.returncode} {result.stderr[-400:]}")
                with open(target, "rb") as f:
                    outputs[(jobs, target[-3:])] = f.read()
        expect(outputs[("1", "tml")] == outputs[("4", "tml")] and outputs[("1", ".md")] == outputs[("4", ".md")],
               "generated: the overview differs between --jobs 1 and 4")
        rendered = reports.cmark(outputs[("1", ".md")].decode())
        ranked = tables(section(rendered, "Alle toepassingen, de kansrijkste eerst"))[0]
        expect(len(ranked) == count + 1, f"generated markdown: {len(ranked) - 1} ranked rows")
        document = outputs[("1", "tml")].decode()
        reports.check_html_safe(document, "generated overview", OVERVIEW_TAGS)
        counts = [int(r[1]) for r in tables(section(document, "Verdeling van de oordelen"))[0][1:]]
        expect(sum(counts) == count, f"generated: distribution adds up to {sum(counts)}")
        if browser is None:
            return
        page = os.path.join(tmp, "o1.html")
        shot = os.path.join(tmp, "shot.png")
        subprocess.run([browser, *reports.chromium_flags(tmp), f"--screenshot={shot}", "--window-size=1000,1000",
                        "file://" + page], capture_output=True, timeout=180)
        expect(os.path.exists(shot), "generated: chromium made no screenshot")
        if os.path.exists(shot):
            width, height, rows, bpp = reports.png_pixels(shot)
            colours = collections.Counter()
            for row in rows:
                for x in range(0, width * bpp, bpp):
                    colours[bytes(row[x:x + 3])] += 1
            # the bars of the chart, in the verdict colours of the style sheet
            bars = {name: colours[bytes.fromhex(hex_colour)] for name, hex_colour in
                    (("promising", "188038"), ("conditional", "1a73e8"), ("limited", "f29900"),
                     ("not_advised", "c5221f"), ("insufficient", "80868b"))}
            drawn = [name for name, n in bars.items() if n > 20]  # a bar of 1 case is a few pixels wide
            nonzero = sum(1 for n in counts if n > 0)
            expect(len(drawn) == nonzero, f"generated: bars drawn {bars}, verdicts present {counts}")
        dom = subprocess.run([browser, *reports.chromium_flags(tmp), "--dump-dom", "file://" + page],
                             capture_output=True, timeout=180).stdout.decode()
        expect(len(tables(section(dom, "Alle toepassingen, de kansrijkste eerst"))[0]) == count + 1,
               "generated: the rendered DOM lacks ranked rows")
        print(f"generated: overview of {len(document)} bytes HTML, {len(outputs[('1', '.md')])} bytes Markdown")


def check_usage():
    with tempfile.TemporaryDirectory() as tmp:
        summary = os.path.join(tmp, "s.csv")
        result = batch([INVENTORY, "--summary", summary, "--overview", os.path.join(tmp, "o.txt")])
        expect(result.returncode == 2 and b"give a file name ending in .html or .md" in result.stderr,
               f"usage: .txt accepted: {result.returncode} {result.stderr.decode()}")
        copy = os.path.join(tmp, "inv.md")
        with open(INVENTORY, "rb") as src, open(copy, "wb") as dst:
            dst.write(src.read())
        result = batch([copy, "--summary", summary, "--overview", copy])
        expect(result.returncode == 2 and open(copy, "rb").read() == open(INVENTORY, "rb").read(),
               f"usage: overview over its input: {result.returncode} {result.stderr.decode()}")
        # a row that fails is listed as not assessed, and not counted
        broken = os.path.join(tmp, "broken.jsonl")
        with open(broken, "w", encoding="utf-8") as f:
            f.write('{"id": "goed", "title": "Goed", "tasks": [{"ref": "besluitvorming.rapporteren"}]}\n')
            f.write('{"id": "kapot", "title": "Kapot geval", "tasks": [{"ref": "geen"}]}\n')
        md = os.path.join(tmp, "o.md")
        result = batch([broken, "--summary", summary, "--overview", md])
        text = open(md, encoding="utf-8").read() if os.path.exists(md) else ""
        expect(result.returncode == 3 and "1 toepassingen beoordeeld" in text and "1 konden niet worden beoordeeld" in text
               and re.search(r"\| [^|]+ \| Kapot geval \| niet beoordeeld \|", text),
               f"usage: failed row: exit {result.returncode}\n{text}")
        # an interrupted run writes no overview
        cases = os.path.join(tmp, "many.jsonl")
        with open(cases, "w", encoding="utf-8") as f:
            subprocess.run([sys.executable, os.path.join(SOURCE, "bench", "generate.py"), "40000"], stdout=f, check=True)
        target = os.path.join(tmp, "stopped.html")
        process = subprocess.Popen([BINARY, "batch", cases, "--summary", os.path.join(tmp, "s4.csv"), "--overview", target],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        time.sleep(1.5)
        process.send_signal(signal.SIGINT)
        process.communicate(timeout=120)
        expect(process.returncode == 130 and not os.path.exists(target), f"usage: interrupted: exit {process.returncode}")
        expect(not [n for n in os.listdir(tmp) if n.startswith(".") or "tmp" in n], f"usage: left {os.listdir(tmp)}")


def main():
    check = sys.argv[3]
    {"inventory": check_inventory, "generated": check_generated, "usage": check_usage}[check]()
    finish(f"overview {check}")


if __name__ == "__main__":
    main()
