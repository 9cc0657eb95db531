#!/usr/bin/env python3
"""End-to-end tests of the register triage: `batch --suggest` on a public AI register as it comes.

Usage: triage.py BINARY SOURCE_DIR CHECK
Checks:
  register   a register like the public Algoritmeregister export (Dutch headings, an organisation's
             name under "Organisatie", rows outside the profession's work): no row refused or lost,
             one warning for the name column, scope and presumptions with their words, the
             assessment "if the presumptions hold" only beside the verdict; nl and en
  encodings  the same register as CSV UTF-8 with BOM, CSV Windows-1252, CSV with CR line ends and
             .xlsx (first sheet and --sheet) gives the same rows
  overview   the overview opens with the triage ("Eerst bekijken" / "Look at these first") and
             lists the outside rows collapsed at the end with their count
  since      --since an earlier summary: new, changed, same, the gone rows, "Wat is veranderd"
  xlsx       the .xlsx summary read back with openpyxl (frozen, filtered header, verdict fill, a
             sheet explaining the columns); `template` .xlsx/.csv filled in and read back by batch
  bad        located errors: --since with a file that is no summary, --since without --suggest,
             an .xlsx that is not a workbook, an unknown --sheet, an .xlsx summary to stdout
  columns    --columns maps values too (`{field: F, values: {Cell: value}}`), for CSV and for JSON Lines
             with a register's own keys; a wrong value in the map is located
  labelled   precision and recall on tests/registers/labelled (labels written before any run)
             stay above the floors in its measure.py (docs/batch.md has the figures)
"""
import csv
import io
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from harness import binary_and_source, expect, finish, run  # noqa: E402

BINARY, SOURCE = binary_and_source()
HEADINGS = ["Nummer", "Naam", "Doel", "Organisatie", "Status", "Juridische basis"]
# Written for this test (not copied from the register): one row per kind of entry.
ROWS = [
    ["r1", "Verkeerslichten", "Het algoritme regelt de groentijden van verkeerslichten op basis van tellingen.",
     "Gemeente Delft", "in_gebruik", "Wegenverkeerswet"],
    ["r2", "Beoordeling arbeidsongeschiktheid",
     "Een model stelt voor welke mate van arbeidsongeschiktheid past bij de WIA-aanvraag; de verzekeringsarts "
     "en de arbeidsdeskundige beslissen.", "UWV", "in_gebruik", "Wet WIA"],
    ["r3", "Werkzoekenden en vacatures",
     "Het systeem matcht werkzoekenden in de WW met vacatures en voorspelt de kans op werk.",
     "Uitvoeringsinstituut Werknemersverzekeringen", "ontwikkeling", "WW"],
    ["r4", "Risicoprofiel bijstand",
     "Een risicomodel selecteert bijstandsgerechtigden voor controle op fraude met hun persoonsgegevens.",
     "Gemeente Zeist", "in_gebruik", "Participatiewet"],
    ["r5", "Parkeerscan", "Scanauto's lezen kentekens en controleren of er betaald is voor parkeren.",
     "Gemeente Utrecht", "in_gebruik", "Gemeentewet"],
    ["r6", "Geen persoonsgegevens",
     "Er worden geen persoonsgegevens verwerkt; het model voorspelt de drukte in het zwembad.",
     "Gemeente Oss", "in_gebruik", "-"],
]


def write_register(path, rows=ROWS, encoding="utf-8-sig", newline="\r\n"):
    text = io.StringIO()
    writer = csv.writer(text, delimiter=";", lineterminator=newline)
    writer.writerow(HEADINGS)
    writer.writerows(rows)
    with open(path, "wb") as f:
        f.write(text.getvalue().encode(encoding))


def batch(path, *extra, lang="nl"):
    result = run(BINARY, ["batch", path, "--suggest", "--summary-format", "jsonl", "--lang", lang,
                          "--progress", "never", *extra])
    rows = [json.loads(line) for line in result.stdout.decode().splitlines() if line]
    return result, rows


def check_register():
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "register.csv")
        write_register(path)
        result, rows = batch(path)
        stderr = result.stderr.decode()
        expect(result.returncode == 0, f"register: exit {result.returncode}: {stderr[:500]}")
        expect(len(rows) == len(ROWS), f"register: {len(rows)} rows for {len(ROWS)}")
        expect(all(r["error"] is None for r in rows), f"register: a row refused: {[r['error'] for r in rows]}")
        expect(stderr.count('column "Organisatie" holds text (such as names)') == 1,
               f"register: not one warning for the name column: {stderr}")
        by = {r["id"]: r for r in rows}
        expect(by["r1"]["scope"] == "outside" and by["r1"]["verdict"] is None and by["r1"]["scores"]["overall"] is None,
               f"register: the traffic lights are assessed: {by['r1']}")
        expect(by["r5"]["scope"] == "outside", f"register: parking {by['r5']['scope']}")
        # an outside row is judged on its own texts: its Doel is a purpose, so no "no purpose" flag
        expect(by["r1"]["presumed"]["most_severe_flag"] is None,
               f"register: the traffic lights raise a flag under the presumptions: {by['r1']['presumed']}")
        expect(by["r2"]["scope"] == "core" and "arbeidsongeschiktheid" in by["r2"]["scope_evidence"],
               f"register: WIA row {by['r2']['scope']} {by['r2']['scope_evidence']}")
        expect(by["r3"]["scope"] == "adjacent" and by["r4"]["scope"] == "adjacent",
               f"register: WW/bijstand rows {by['r3']['scope']} {by['r4']['scope']}")
        for r in rows:
            answers = r["presumed"]["answers"]
            expect(answers.get("context.organisation", {}).get("value") == "public_body",
                   f"register: {r['id']} not presumed a public body: {answers}")
        org = by["r1"]["presumed"]["answers"]["context.organisation"]["evidence"]
        expect(org == ["gemeente"], f"register: organisation evidence {org}")
        r4 = by["r4"]["presumed"]["answers"]
        expect(r4.get("ai.about_people", {}).get("value") == ["profiling"] and
               "risicomodel" in r4["ai.about_people"]["evidence"], f"register: profiling {r4}")
        expect(r4.get("data.personal", {}).get("value") == "yes", f"register: personal data {r4}")
        expect("data.personal" not in by["r6"]["presumed"]["answers"],
               f"register: 'geen persoonsgegevens' presumed personal data: {by['r6']['presumed']}")
        # --scope all: a register of the profession's own ideas, every row in scope
        everything = run(BINARY, ["batch", path, "--suggest", "--scope", "all", "--summary-format", "jsonl"])
        scopes = {json.loads(line)["scope"] for line in everything.stdout.decode().splitlines()}
        expect("outside" not in scopes, f"register: --scope all left a row outside: {scopes}")
        assessed = [r for r in rows if r["verdict"]]
        expect(assessed and all(r["presumed"]["verdict"] for r in assessed),
               f"register: no assessment if the presumptions hold: {assessed}")
        expect(by["r4"]["presumed"]["most_severe_flag"] in ("high", "knockout"),
               f"register: profiling of benefit recipients not flagged high: {by['r4']['presumed']}")
        for r in assessed:
            expect(r["verdict_range"] is not None, f"register: {r['id']} has no range")
        # drafts: for rows in scope only, named by the register's id, presumptions marked as suggestions
        drafts = os.path.join(tmp, "concepten")
        run(BINARY, ["batch", path, "--suggest", "--drafts", drafts, "--summary", os.path.join(tmp, "s.csv")])
        made = sorted(os.listdir(drafts))
        expect(made == ["r2.yaml", "r3.yaml", "r4.yaml"], f"register: drafts {made}")
        with open(os.path.join(drafts, "r4.yaml"), encoding="utf-8") as f:
            draft = f.read()
        expect('organisation: "public_body"  # voorgesteld: woorden: gemeente' in draft,
               f"register: the organisation is not a marked suggestion in the draft:\n{draft}")
        checked = run(BINARY, ["validate-case", os.path.join(drafts, "r4.yaml")])
        expect(checked.returncode == 0, f"register: the draft does not load: {checked.stdout.decode()[:300]}")
        # English: the words of the excel summary in English, the same triage
        excel = run(BINARY, ["batch", path, "--suggest", "--lang", "en", "--summary-format", "excel"])
        text = excel.stdout.decode("utf-8-sig")
        head = next(csv.reader(io.StringIO(text), delimiter=";"))
        expect("Touches the profession" in head and "Presumptions (not answers)" in head,
               f"register: en headings {head}")
        body = list(csv.reader(io.StringIO(text), delimiter=";"))[1:]
        expect(len(body) == len(ROWS) and body[0][head.index("Touches the profession")] == "outside the profession",
               f"register: en scope {body[:1]}")


def check_encodings():
    with tempfile.TemporaryDirectory() as tmp:
        rows = ROWS + [["r7", "Café-regeling", "Een beslisboom bepaalt of een terras een vergunning krijgt (€).",
                        "Gemeente Súdwest-Fryslân", "in_gebruik", "APV"]]
        variants = {}
        for name, encoding, newline in (("utf8.csv", "utf-8-sig", "\r\n"), ("cp1252.csv", "cp1252", "\r\n"),
                                        ("mac.csv", "utf-8", "\r")):
            path = os.path.join(tmp, name)
            write_register(path, rows, encoding, newline)
            result, got = batch(path)
            expect(result.returncode == 0, f"encodings: {name} exit {result.returncode}: {result.stderr.decode()[:300]}")
            variants[name] = got
            if name == "cp1252.csv":
                expect(result.stderr.decode().count("read as Windows-1252") == 1,
                       f"encodings: no single warning for cp1252: {result.stderr.decode()}")
        try:
            import openpyxl  # noqa: PLC0415
        except ImportError:
            expect(False, "encodings: python3-openpyxl is missing (scripts/setup.sh --test installs it)")
            return
        book = openpyxl.Workbook()
        first = book.active
        first.title = "Notities"
        first.append(["Alleen een notitie"])
        sheet = book.create_sheet("Register")
        sheet.append(HEADINGS)
        for row in rows:
            sheet.append(row)
        path = os.path.join(tmp, "register.xlsx")
        book.save(path)
        result, got = batch(path, "--sheet", "Register")
        expect(result.returncode == 0, f"encodings: xlsx exit {result.returncode}: {result.stderr.decode()[:300]}")
        variants["register.xlsx"] = got
        key = lambda r: (r["id"], r["title"], r["verdict"], r["scope"], json.dumps(r["presumed"], sort_keys=True))
        reference = [key(r) for r in variants["utf8.csv"]]
        expect(len(reference) == len(rows), f"encodings: {len(reference)} rows for {len(rows)}")
        expect(any(r["title"] == "Café-regeling" for r in variants["utf8.csv"]), "encodings: the accent is lost")
        for name, got in variants.items():
            expect([key(r) for r in got] == reference, f"encodings: {name} differs from the UTF-8 CSV")


def check_overview():
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "register.csv")
        write_register(path)
        for lang, first, outside in (("nl", "Eerst bekijken", "Buiten het vak"),
                                     ("en", "Look at these first", "Outside the profession")):
            page = os.path.join(tmp, f"o-{lang}.html")
            result = run(BINARY, ["batch", path, "--suggest", "--overview", page, "--lang", lang, "--summary",
                                  os.path.join(tmp, "s.csv")])
            expect(result.returncode == 0, f"overview: exit {result.returncode}: {result.stderr.decode()[:300]}")
            with open(page, encoding="utf-8") as f:
                html = f.read()
            headings = [h.split("</h2>")[0] for h in html.split("<h2>")[1:]]
            expect(headings and headings[0] == first, f"overview {lang}: first section {headings[:2]}")
            expect(headings[-1] == outside, f"overview {lang}: last section {headings[-1:]}")
            expect("<details><summary>" in html and ": 3. " in html.split("<details><summary>")[1][:300],
                   f"overview {lang}: outside rows not collapsed with their count")
            triage = html.split("<h2>")[1]
            expect("Beoordeling arbeidsongeschiktheid" in triage and "Verkeerslichten" not in triage,
                   f"overview {lang}: triage rows")
        markdown = os.path.join(tmp, "o.md")
        run(BINARY, ["batch", path, "--suggest", "--overview", markdown, "--summary", os.path.join(tmp, "s.csv")])
        with open(markdown, encoding="utf-8") as f:
            text = f.read()
        expect(text.index("## Eerst bekijken") < text.index("## Verdeling") if "## Verdeling" in text else True,
               "overview md: triage not first")


def check_since():
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "register.csv")
        write_register(path)
        first = os.path.join(tmp, "vorige.jsonl")
        result = run(BINARY, ["batch", path, "--suggest", "--summary", first])
        expect(result.returncode == 0, f"since: first run exit {result.returncode}")
        changed = [list(r) for r in ROWS if r[0] != "r5"]  # r5 is gone
        changed[3][2] = "Een model selecteert bijstandsgerechtigden en beslist zonder menselijke tussenkomst."
        changed.append(["r8", "Chatbot", "Een chatbot beantwoordt vragen van inwoners over afval.", "Gemeente Oss",
                        "in_gebruik", "-"])
        write_register(path, changed)
        page = os.path.join(tmp, "o.html")
        second = os.path.join(tmp, "nu.jsonl")
        result = run(BINARY, ["batch", path, "--suggest", "--since", first, "--summary", second, "--overview", page])
        stderr = result.stderr.decode()
        expect(result.returncode == 0, f"since: exit {result.returncode}: {stderr[:300]}")
        expect("kansrijk: 1 entries in" in stderr and "are missing from this run: r5" in stderr,
               f"since: gone row not reported: {stderr}")
        with open(second, encoding="utf-8") as f:
            by = {r["id"]: r for r in map(json.loads, f)}
        expect(by["r8"]["change"] == {"kind": "new", "what": []}, f"since: new row {by['r8'].get('change')}")
        expect(by["r1"]["change"]["kind"] == "same", f"since: same row {by['r1'].get('change')}")
        what = by["r4"]["change"]["what"]
        expect(by["r4"]["change"]["kind"] == "changed" and any(w.startswith("presumed impact.decisions") for w in what),
               f"since: changed row {by['r4'].get('change')}")
        with open(page, encoding="utf-8") as f:
            html = f.read()
        expect("<h2>Wat is veranderd</h2>" in html and "verdwenen" in html, "since: no 'Wat is veranderd' section")
        # the earlier summary may be this run's summary too: read whole before anything is written
        again = run(BINARY, ["batch", path, "--suggest", "--since", second, "--summary", second])
        expect(again.returncode == 0, f"since: in place exit {again.returncode}: {again.stderr.decode()[:300]}")
        with open(second, encoding="utf-8") as f:
            kinds = {json.loads(line)["change"]["kind"] for line in f}
        expect(kinds == {"same"}, f"since: a second run in place gives {kinds}")


def check_xlsx():
    try:
        import openpyxl  # noqa: PLC0415
    except ImportError:
        expect(False, "xlsx: python3-openpyxl is missing (scripts/setup.sh --test installs it)")
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "register.csv")
        write_register(path)
        summary = os.path.join(tmp, "overzicht.xlsx")
        result = run(BINARY, ["batch", path, "--suggest", "--summary", summary, "--lang", "nl"])
        expect(result.returncode == 0, f"xlsx: exit {result.returncode}: {result.stderr.decode()[:300]}")
        book = openpyxl.load_workbook(summary)
        expect(book.sheetnames == ["Overzicht", "Toelichting"], f"xlsx: sheets {book.sheetnames}")
        sheet = book["Overzicht"]
        expect(sheet.freeze_panes == "A2", f"xlsx: header not frozen: {sheet.freeze_panes}")
        expect(sheet.auto_filter.ref and sheet.auto_filter.ref.startswith("A1:"), f"xlsx: no filter {sheet.auto_filter.ref}")
        head = [c.value for c in sheet[1]]
        expect(head[:4] == ["Kenmerk", "Titel", "Bron", "Oordeel"], f"xlsx: headings {head[:4]}")
        expect(sheet.max_row == len(ROWS) + 1, f"xlsx: {sheet.max_row - 1} rows")
        verdicts = [sheet.cell(row=r, column=4) for r in range(2, sheet.max_row + 1) if sheet.cell(row=r, column=4).value]
        expect(verdicts and all(v.fill.fgColor.rgb not in (None, "00000000") for v in verdicts),
               "xlsx: a verdict not filled")
        total = sheet.cell(row=2, column=head.index("Totaalscore") + 1).value
        expect(total is None or isinstance(total, (int, float)), f"xlsx: the score is text: {total!r}")
        expect(isinstance(sheet.cell(row=2, column=1).value, str), "xlsx: the identifier became a number")
        notes = book["Toelichting"]
        expect(notes.max_row == len(head) + 1, f"xlsx: {notes.max_row - 1} explanations for {len(head)} columns")
        # a template, filled in as a person would, gives verdicts
        template = os.path.join(tmp, "leeg.xlsx")
        result = run(BINARY, ["template", template, "--lang", "nl"])
        expect(result.returncode == 0, f"xlsx: template exit {result.returncode}: {result.stderr.decode()[:300]}")
        book = openpyxl.load_workbook(template)
        register = book["Register"]
        head = [c.value for c in register[1]]
        lists = book["Keuzelijsten"]
        expect(lists.sheet_state == "hidden", "xlsx: the lists are not hidden")
        expect(len(register.data_validations.dataValidation) >= 10, "xlsx: no drop-down lists")
        list_head = [c.value for c in lists[1]]

        def label(column, index):
            return lists.cell(row=2 + index, column=list_head.index(column) + 1).value

        row = {h: None for h in head}
        row["Titel"] = "Dossiersamenvatter"
        row["Geraakte taken en handelingen"] = label("Geraakte taken en handelingen", 0)
        row["Rol van de AI"] = label("Rol van de AI", 1)
        row["AI-technologie"] = label("AI-technologie", 2)
        row["Persoonsgegevens"] = label("Persoonsgegevens", 0)
        register.append([row[h] for h in head])
        filled = os.path.join(tmp, "gevuld.xlsx")
        book.save(filled)
        result = run(BINARY, ["batch", filled, "--summary-format", "jsonl"])
        rows = [json.loads(line) for line in result.stdout.decode().splitlines()]
        expect(result.returncode == 0 and len(rows) == 1 and rows[0]["verdict"],
               f"xlsx: filled template: {result.returncode} {rows} {result.stderr.decode()[:300]}")
        blank = os.path.join(tmp, "leeg.csv")
        run(BINARY, ["template", blank, "--lang", "en"])
        with open(blank, encoding="utf-8-sig") as f:
            text = f.read()
        with open(blank, "a", encoding="utf-8") as f:
            f.write("x1;Transcription;Speech recognition writes the report of the consultation" +
                    ";" * (text.count(";") - 2) + "\r\n")
        result = run(BINARY, ["batch", blank, "--summary-format", "jsonl"])
        expect(b"no tasks: fill in the column" in result.stderr,
               f"xlsx: a template row without tasks: {result.stderr.decode()[:300]}")


def check_bad():
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "register.csv")
        write_register(path)
        notes = os.path.join(tmp, "notes.jsonl")
        with open(notes, "w", encoding="utf-8") as f:
            f.write('{"id":"a"}\nthis is not json\n')
        result = run(BINARY, ["batch", path, "--suggest", "--since", notes])
        expect(result.returncode == 2 and f"{notes}:2:1: error: not a line of a JSON Lines summary".encode() in result.stderr,
               f"bad: --since with a broken summary: {result.returncode} {result.stderr.decode()[:300]}")
        result = run(BINARY, ["batch", path, "--since", notes])
        expect(result.returncode == 2 and b"use it with --suggest" in result.stderr, f"bad: --since alone: {result.stderr}")
        fake = os.path.join(tmp, "fake.xlsx")
        with open(fake, "w", encoding="utf-8") as f:
            f.write("Naam;Doel\nx;y\n")
        result = run(BINARY, ["batch", fake, "--summary-format", "jsonl"])
        expect(result.returncode == 3 and b"not an Excel workbook (.xlsx): the file is not a zip archive" in result.stderr,
               f"bad: a CSV named .xlsx: {result.returncode} {result.stderr.decode()[:300]}")
        try:
            import openpyxl  # noqa: PLC0415
            book = openpyxl.Workbook()
            book.active.title = "Blad1"
            book.active.append(["Naam"])
            workbook = os.path.join(tmp, "b.xlsx")
            book.save(workbook)
            result = run(BINARY, ["batch", workbook, "--sheet", "Blad2"])
            expect(b'the workbook has no sheet "Blad2"; its sheets are "Blad1"' in result.stderr,
                   f"bad: unknown sheet: {result.stderr.decode()[:300]}")
        except ImportError:
            expect(False, "bad: python3-openpyxl is missing")
        result = run(BINARY, ["batch", path, "--summary-format", "xlsx"])
        expect(result.returncode == 2 and b"--summary FILE.xlsx" in result.stderr and not result.stdout,
               f"bad: an xlsx summary to stdout: {result.returncode} {result.stderr[:200]}")
        result = run(BINARY, ["template", os.path.join(tmp, "x.txt")])
        expect(result.returncode == 2 and b"FILE.xlsx or FILE.csv" in result.stderr, f"bad: template name {result.stderr}")


def check_columns():
    with tempfile.TemporaryDirectory() as tmp:
        columns = os.path.join(tmp, "kolommen.yaml")
        with open(columns, "w", encoding="utf-8") as f:
            f.write("Besluitvorming: {field: impact.decisions, values: {Geen: none, Ondersteunend: indirect, "
                    "Bepalend: direct}}\nnaam: title\nomschrijving: description\ntaken: tasks\n")
        table = os.path.join(tmp, "register.csv")
        with open(table, "w", encoding="utf-8") as f:
            f.write("Naam;Omschrijving;Besluitvorming;Taken\n"
                    "A;Vat het dossier samen;Ondersteunend;beeldvorming.dossierstudie\n"
                    "B;Vat het dossier samen;Bepalend;beeldvorming.dossierstudie\n")
        lines = os.path.join(tmp, "register.jsonl")
        with open(lines, "w", encoding="utf-8") as f:
            f.write(json.dumps({"naam": "A", "omschrijving": "Vat het dossier samen", "Besluitvorming": "Ondersteunend",
                                "taken": ["beeldvorming.dossierstudie"]}) + "\n")
            f.write(json.dumps({"naam": "B", "omschrijving": "Vat het dossier samen", "Besluitvorming": "Bepalend",
                                "taken": ["beeldvorming.dossierstudie"]}) + "\n")
            f.write(json.dumps({"title": "C", "tasks": [{"ref": "beeldvorming.dossierstudie"}],
                                "impact": {"decisions": "direct"}}) + "\n")
        for path in (table, lines):
            out = os.path.join(tmp, "out-" + os.path.basename(path))
            result = run(BINARY, ["batch", path, "--columns", columns, "--out", out, "--format", "json"])
            expect(result.returncode == 0, f"columns: {path} exit {result.returncode}: {result.stderr.decode()[:300]}")
            decisions = []
            for name in sorted(os.listdir(out)):
                if name.startswith("index"):
                    continue
                with open(os.path.join(out, name), encoding="utf-8") as f:
                    text = f.read()
                decisions.append("indirect" if '"indirect"' in text else "direct" if '"direct"' in text else "?")
            want = ["indirect", "direct"] + (["direct"] if path == lines else [])
            expect(decisions == want, f"columns: {os.path.basename(path)} decisions {decisions}, expected {want}")
        bad = os.path.join(tmp, "fout.yaml")
        with open(bad, "w", encoding="utf-8") as f:
            f.write("Besluitvorming: {field: impact.decisions, values: {Geen: niks}}\n")
        result = run(BINARY, ["batch", table, "--columns", bad])
        expect(result.returncode == 2 and f'{bad}:1:58: error: "niks" is not a value of impact.decisions; write one of: '
               f'none, indirect, direct'.encode() in result.stderr, f"columns: bad value map {result.stderr.decode()}")


def check_labelled():
    script = os.path.join(SOURCE, "tests", "registers", "labelled", "measure.py")
    wrapper = os.environ.get("KANSRIJK_E2E_WRAPPER")
    if wrapper:  # the measurement runs the binary once over 225 rows; valgrind adds nothing here
        print("labelled: measured without the wrapper")
    result = subprocess.run([sys.executable, script, BINARY, "--check"], capture_output=True, timeout=600)
    print(result.stdout.decode())
    expect(result.returncode == 0, f"labelled: {result.stdout.decode()[-400:]} {result.stderr.decode()[-400:]}")


if __name__ == "__main__":
    checks = {"register": check_register, "encodings": check_encodings, "overview": check_overview,
              "since": check_since, "xlsx": check_xlsx, "bad": check_bad, "columns": check_columns,
              "labelled": check_labelled}
    checks[sys.argv[3]]()
    finish(f"triage.{sys.argv[3]}")
