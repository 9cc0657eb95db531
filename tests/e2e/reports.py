#!/usr/bin/env python3
"""End-to-end tests of the report formats (text, Markdown, HTML, JSON).

Usage: reports.py BINARY SOURCE_DIR CHECK
Checks:
  formats    every example in every format and both languages: same verdict, sections,
             date, statement; the main part holds no rule id, step id, condition id, field
             path, task id, hash or source code, and the appendix holds every one that applies;
             Markdown rendered by cmark-gfm; HTML self-contained
  escaping   the hostile-ok inputs: no link, image, script or HTML from the input survives
             in Markdown (rendered by cmark-gfm with GFM autolinks) or HTML (parsed)
  colour     --color always/never/auto and NO_COLOR
  chromium   the HTML report rendered by headless Chromium: a screenshot that is not blank
             and shows the verdict heading, and a PDF print
  print      every example printed to PDF by headless Chromium, read page by page with
             pdftotext: the case's title and "Pagina n van N" on every page, no browser header
             or footer, the appendix on a page of its own, every building block on one page
  charts     every example's HTML in both languages laid out by headless Chromium: every
             label and word of the charts lies inside its chart (measured with getBBox)
"""
import glob
import html
import html.parser
import json
import os
import re
import struct
import subprocess
import sys
import tempfile
import zlib

import yaml

sys.path.insert(0, os.path.dirname(__file__))
from harness import FAILURES, binary_and_source, expect, finish, run, sample  # noqa: E402

BINARY, SOURCE = binary_and_source()
EXAMPLES = sorted(os.path.join(SOURCE, "examples", f) for f in os.listdir(os.path.join(SOURCE, "examples"))
                  if f.endswith((".yaml", ".json")))
HOSTILE = sorted(os.path.join(SOURCE, "tests", "e2e", "hostile-ok", f)
                 for f in os.listdir(os.path.join(SOURCE, "tests", "e2e", "hostile-ok")))
VERDICT_WORDS = {
    "nl": {"promising": "KANSRIJK", "conditional": "KANSRIJK ONDER VOORWAARDEN", "limited": "BEPERKT KANSRIJK",
           "not_advised": "NIET KANSRIJK", "insufficient_information": "NOG NIET TE BEOORDELEN"},
    "en": {"promising": "PROMISING", "conditional": "PROMISING UNDER CONDITIONS", "limited": "LIMITED",
           "not_advised": "NOT ADVISED", "insufficient_information": "CANNOT BE ASSESSED YET"},
}
APPENDIX = {"nl": "Bijlage: verantwoording", "en": "Appendix: justification"}
MAIN_SECTIONS = {"nl": ["Datum", "Wat dit betekent", "Signalen", "Gevolgen voor het werk", "Open vragen",
                        "Scores in het kort", "geen besluit"],
                 "en": ["Date", "What this means", "Flags", "Effects on the work", "Open questions",
                        "Scores at a glance", "not a decision"]}
APPENDIX_SECTIONS = {"nl": ["Zo komt het oordeel tot stand", "Bouwstenen", "Geraakte taken en handelingen",
                            "Benodigde vaardigheden", "Kwaliteit van werk", "Signalen", "Open vragen",
                            "Invoer zoals begrepen", "Bronnen"],
                     "en": ["How the verdict comes about", "Building blocks", "Tasks and actions touched",
                            "Skills needed", "Quality of work", "Flags", "Open questions", "Input as understood",
                            "Sources"]}
FRAMEWORK_DIR = os.path.join(SOURCE, "frameworks", "tno-arbeidsdeskundige")


def framework_ids():
    """The ids a reader should not meet in the main part: rules, verdict-policy steps and conditions
    of the built-in framework, read from its YAML."""
    rules, steps, conditions = [], [], []
    for path in sorted(glob.glob(os.path.join(FRAMEWORK_DIR, "*.yaml"))):
        with open(path, encoding="utf-8") as f:
            doc = yaml.safe_load(f) or {}
        rules += [r["id"] for r in doc.get("rules", [])]
        conditions += [c["id"] for c in doc.get("conditions", [])]
        steps += [step["id"] for step in doc.get("verdict", {}).get("policy", [])]
    return rules, steps, conditions


RULE_IDS, STEP_IDS, CONDITION_IDS = framework_ids()
with open(os.path.join(FRAMEWORK_DIR, "framework.yaml"), encoding="utf-8") as _f:
    BLOCK_LABELS = {b["id"]: b["label"]["nl"] for b in yaml.safe_load(_f)["blocks"]}
COMPUTED_TERMS = ["task-suitability", "skill-support", "technology-fit", "quality-of-work."]


def source_codes(text, ids):
    """The source ids cited in `text` as [id] or [id, id, ...]."""
    found = set()
    for group in re.findall(r"\[([^\]]*)\]", text):
        found.update(part.strip() for part in group.split(",") if part.strip() in ids)
    return found


def word_in(token, text):
    """Whether `token` occurs in `text` as a whole id (not inside a longer id or word)."""
    return re.search(r"(?<![\w.-])" + re.escape(token) + r"(?![\w-])", text) is not None


def check_layers(doc, visible, label, lang):
    """The main part holds no machinery; the appendix holds every piece that applies to the case."""
    marker = APPENDIX[lang]
    expect(visible.count(marker) == 1, f"{label}: the appendix heading {marker!r} is not there exactly once")
    if marker not in visible:
        return
    main, appendix = visible.split(marker, 1)
    sources = {s["id"] for s in doc["sources"]}
    fields = [path for path in doc["input"]["fields"] if "." in path]
    tasks = [t["ref"] for t in doc["input"]["tasks"] if t.get("ref")]
    sha = doc["framework"]["sha256"]
    machinery = [("rule", RULE_IDS), ("step", STEP_IDS), ("condition", CONDITION_IDS), ("field", fields),
                 ("task", tasks), ("term", COMPUTED_TERMS)]
    for kind, tokens in machinery:
        for token in tokens:
            expect(not word_in(token, main), f"{label}: {kind} id {token!r} in the main part")
    expect(sha[:12] not in main, f"{label}: the framework hash in the main part")
    expect(not source_codes(main, sources), f"{label}: source codes {source_codes(main, sources)} in the main part")
    # what the appendix must hold
    expect(sha in appendix and doc["framework"]["version"] in appendix, f"{label}: no full hash or version")
    wanted = [("rule", [r["rule"] for r in doc["trace"]] + [f["rule"] for f in doc["flags"]]),
              ("step", STEP_IDS), ("condition", [c["id"] for c in doc["conditions"]]), ("field", fields),
              ("task", tasks)]
    for kind, tokens in wanted:
        for token in tokens:
            expect(word_in(token, appendix), f"{label}: {kind} id {token!r} not in the appendix")
    cited = set()
    for item in doc["flags"] + doc["conditions"] + doc["recommendations"] + doc["trace"]:
        cited.update(item["source"])
    missing = cited - source_codes(appendix, sources)
    expect(not missing, f"{label}: sources {sorted(missing)} not cited in the appendix")
    for section in MAIN_SECTIONS[lang]:
        expect(section in main, f"{label}: the main part lacks {section!r}")
    for section in APPENDIX_SECTIONS[lang]:
        expect(section in appendix, f"{label}: the appendix lacks {section!r}")
    for condition in doc["conditions"]:
        if condition["status"] == "in_place":
            in_place = {"nl": "Geregeld: vasthouden", "en": "In place: keep it"}[lang]
            expect(in_place in main, f"{label}: condition {condition['id']} is in place, but not shown so")


def assess(path, fmt, lang, extra=()):
    result = run(BINARY, ["assess", path, "--format", fmt, "--lang", lang, *extra])
    expect(result.returncode == 0 and result.stderr == b"",
           f"{os.path.basename(path)} {fmt} {lang}: exit {result.returncode} {result.stderr.decode()}")
    return result.stdout.decode()


def cmark(markdown):
    return subprocess.run(["cmark-gfm", "--unsafe", "-e", "autolink", "-e", "table", "-e", "strikethrough",
                           "-e", "tagfilter"], input=markdown.encode(), capture_output=True, check=True).stdout.decode()


class Elements(html.parser.HTMLParser):
    """Collects tags, attributes and text of an HTML document."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.attrs, self.text = [], [], []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs.extend((tag, k, v or "") for k, v in attrs)

    def handle_data(self, data):
        self.text.append(data)


def parse_html(document):
    parser = Elements()
    parser.feed(document)
    return parser


ALLOWED_TAGS = {"html", "head", "meta", "title", "style", "body", "main", "section", "h1", "h2", "h3", "dl", "dt", "dd",
                "p", "ul", "ol", "li", "strong", "table", "tr", "td", "figure", "figcaption", "svg", "line", "text",
                "tspan", "rect", "path"}


def check_html_safe(document, label, allowed=ALLOWED_TAGS):
    parsed = parse_html(document)
    unexpected = set(parsed.tags) - allowed
    expect(not unexpected, f"{label}: unexpected HTML elements {unexpected}")
    for tag, key, value in parsed.attrs:
        expect(not key.startswith("on"), f"{label}: event attribute {key} on {tag}")
        expect(key not in ("src", "href") and "javascript:" not in value.lower(), f"{label}: {key}={value!r} on {tag}")
    expect("http-equiv" in document and "default-src 'none'" in document, f"{label}: no Content-Security-Policy")
    return parsed


def check_formats():
    for path in EXAMPLES:
        name = os.path.basename(path)
        for lang in ("nl", "en"):
            doc = json.loads(assess(path, "json", lang))
            verdict = VERDICT_WORDS[lang][doc["verdict"]]
            outputs = {fmt: assess(path, fmt, lang) for fmt in ("text", "markdown", "html")}
            rendered_md = cmark(outputs["markdown"])
            parsed = check_html_safe(outputs["html"], f"{name} html {lang}")
            html_text = " ".join(parsed.text)
            md_text = " ".join(parse_html(rendered_md).text)
            for fmt, visible in (("text", outputs["text"]), ("markdown", md_text), ("html", html_text)):
                expect(verdict in visible, f"{name} {fmt} {lang}: verdict {verdict} not shown")
                expect("2026-11-23" in visible, f"{name} {fmt} {lang}: no report date")
                check_layers(doc, visible, f"{name} {fmt} {lang}", lang)
            expect(rendered_md.count("<h2>") >= 8, f"{name} markdown {lang}: sections are not headings")
            expect(rendered_md.count("<h1>") == 2, f"{name} markdown {lang}: the appendix is not a part of its own")
            expect("<a " not in rendered_md, f"{name} markdown {lang}: a link in the report")
            expect(outputs["html"].startswith("<!DOCTYPE html>") and f'<html lang="{lang}">' in outputs["html"],
                   f"{name} html {lang}: no doctype or language")
            expect(outputs["html"].count("<svg") == 2, f"{name} html {lang}: not two charts")
            expect("<script" not in outputs["html"] and "@media print" in outputs["html"],
                   f"{name} html {lang}: script, or no print stylesheet")
            again = run(BINARY, ["assess", path, "--format", "html", "--lang", lang]).stdout.decode()
            expect(again == outputs["html"], f"{name} html {lang}: differs between runs")


def check_escaping():
    for path in HOSTILE:
        name = os.path.basename(path)
        title = json.loads(assess(path, "json", "nl"))["use_case"]["title"]
        md = assess(path, "markdown", "nl")
        rendered = cmark(md)
        for bad in ("<a ", "<img", "<script", "<iframe", "<b>", "<del>"):
            expect(bad not in rendered, f"{name}: {bad} in the rendered Markdown")
        page = assess(path, "html", "nl")
        parsed = check_html_safe(page, name)
        visible = " ".join(parsed.text)
        expect(title.replace("\t", " ") in visible or any(ord(c) < 32 for c in title),
               f"{name}: the title is not shown literally in HTML")
        md_visible = " ".join(parse_html(rendered).text)
        plain = " ".join(title.split())
        expect(plain in " ".join(md_visible.split()) or any(ord(c) < 32 for c in title),
               f"{name}: the title is not shown literally in rendered Markdown: {plain!r}")


def check_colour():
    example = os.path.join(SOURCE, "examples", "arbeidsongeschiktheid-automatisch.yaml")
    always = run(BINARY, ["assess", example, "--color", "always"])
    expect(b"\x1b[1;31m" in always.stdout, "--color always: no red bold verdict")
    never = run(BINARY, ["assess", example, "--color", "never"])
    expect(b"\x1b" not in never.stdout, "--color never: escape codes")
    auto = run(BINARY, ["assess", example])
    expect(b"\x1b" not in auto.stdout, "--color auto into a pipe: escape codes")
    stripped = always.stdout.decode()
    for code in ("\x1b[1;31m", "\x1b[1m", "\x1b[31m", "\x1b[32m", "\x1b[33m", "\x1b[0m"):
        stripped = stripped.replace(code, "")
    expect(stripped == never.stdout.decode(), "coloured text differs from plain text beyond the colour codes")
    # NO_COLOR and a real terminal: script(1) gives the binary a pty
    script = ["script", "-qec", f"{BINARY} assess {example} --width 80", "/dev/null"]
    env = dict(os.environ, SOURCE_DATE_EPOCH="1795392000")
    tty = subprocess.run(script, capture_output=True, env=env, timeout=60)
    expect(b"\x1b[1;31m" in tty.stdout, "--color auto on a terminal: no colour")
    env["NO_COLOR"] = "1"
    tty = subprocess.run(script, capture_output=True, env=env, timeout=60)
    expect(b"\x1b[" not in tty.stdout, "NO_COLOR on a terminal: still coloured")
    for wrong in ("2026-02-30", "2025-02-29", "1900-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-1-015",
                  "1899-12-31", "2026-06--1"):
        bad_date = run(BINARY, ["assess", example, "--date", wrong])
        expect(bad_date.returncode == 2 and f"--date '{wrong}' is not a date".encode() in bad_date.stderr,
               f"bad --date {wrong} accepted")
    for right in ("2000-02-29", "2026-12-31", "1900-01-01"):
        expect(run(BINARY, ["assess", example, "--date", right]).returncode == 0, f"--date {right} refused")
    bad_epoch = run(BINARY, ["assess", example], env={"SOURCE_DATE_EPOCH": "yesterday"})
    expect(bad_epoch.returncode == 2 and b"SOURCE_DATE_EPOCH 'yesterday'" in bad_epoch.stderr, "bad SOURCE_DATE_EPOCH")
    dated = run(BINARY, ["assess", example, "--date", "2024-02-29", "--format", "json"])
    expect(json.loads(dated.stdout)["date"] == "2024-02-29", "--date not in the JSON")


def png_pixels(path):
    """RGB(A) pixels of an 8-bit, non-interlaced PNG, as (width, height, rows of bytes, bytes per pixel)."""
    with open(path, "rb") as f:
        data = f.read()
    expect(data[:8] == b"\x89PNG\r\n\x1a\n", "the screenshot is not a PNG")
    pos, idat, width, height, colour_type = 8, b"", 0, 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour_type, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and interlace == 0 and colour_type in (2, 6), (depth, colour_type, interlace)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    bpp = 4 if colour_type == 6 else 3
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        filt = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if filt == 1:
                line[i] = (line[i] + a) & 255
            elif filt == 2:
                line[i] = (line[i] + b) & 255
            elif filt == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif filt == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, rows, bpp


def chromium_binary():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        for folder in os.environ.get("PATH", "").split(":"):
            if os.access(os.path.join(folder, name), os.X_OK):
                return os.path.join(folder, name)
    return None


def check_chromium():
    browser = chromium_binary()
    expect(browser is not None, "no chromium on PATH; scripts/setup.sh installs Debian's chromium")
    if browser is None:
        return
    example = os.path.join(SOURCE, "examples", "arbeidsongeschiktheid-automatisch.yaml")
    with tempfile.TemporaryDirectory() as tmp:
        page = os.path.join(tmp, "report.html")
        result = run(BINARY, ["assess", example, "--format", "html", "-o", page])
        expect(result.returncode == 0, f"html report: exit {result.returncode}")
        shot = os.path.join(tmp, "shot.png")
        flags = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                 "--disable-dev-shm-usage", f"--user-data-dir={tmp}/profile"]
        subprocess.run([browser, *flags, f"--screenshot={shot}", "--window-size=1000,1200", "file://" + page],
                       capture_output=True, timeout=120)
        expect(os.path.exists(shot), "chromium made no screenshot")
        if not os.path.exists(shot):
            return
        width, height, rows, bpp = png_pixels(shot)
        expect((width, height) == (1000, 1200), f"screenshot is {width}x{height}")
        colours = set()
        verdict_rows = []
        for y, row in enumerate(rows):
            for x in range(0, width * bpp, bpp * 2):
                pixel = row[x:x + 3]
                colours.add(pixel)
                # the verdict heading of a not-advised case is drawn in --bad (#b3261e)
                if abs(pixel[0] - 0xb3) < 12 and abs(pixel[1] - 0x26) < 12 and abs(pixel[2] - 0x1e) < 12:
                    verdict_rows.append(y)
        expect(len(colours) > 20, f"the screenshot looks blank: {len(colours)} colours")
        expect(verdict_rows and min(verdict_rows) < height * 0.4,
               "no verdict heading in the verdict colour near the top of the page")
        dom = subprocess.run([browser, *flags, "--dump-dom", "file://" + page], capture_output=True, timeout=120)
        expect(b'id="verdict"' in dom.stdout and b"NIET KANSRIJK" in dom.stdout, "the rendered DOM lacks the verdict")
        pdf = os.path.join(tmp, "report.pdf")
        subprocess.run([browser, *flags, f"--print-to-pdf={pdf}", "--no-pdf-header-footer", "file://" + page],
                       capture_output=True, timeout=120)
        expect(os.path.exists(pdf) and open(pdf, "rb").read(5) == b"%PDF-", "print to PDF failed")
        if os.path.exists(pdf):
            print(f"chromium: {len(colours)} colours in the screenshot, PDF of {os.path.getsize(pdf)} bytes")


def chromium_flags(tmp):
    return ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
            "--disable-dev-shm-usage", f"--user-data-dir={tmp}/profile"]


def squeeze(text):
    return "".join(text.split())


def pdf_pages(pdf):
    """The text of every page of `pdf`, by pdftotext."""
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
    count = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    return [subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), "-layout", pdf, "-"], capture_output=True,
                           text=True, check=True).stdout for n in range(1, count + 1)]


def check_print():
    browser = chromium_binary()
    expect(browser is not None, "no chromium on PATH; scripts/setup.sh installs Debian's chromium")
    expect(subprocess.run(["which", "pdftotext"], capture_output=True).returncode == 0,
           "no pdftotext; scripts/setup.sh installs poppler-utils")
    if FAILURES:
        return
    for path in sample(EXAMPLES):
        name = os.path.basename(path)
        doc = json.loads(assess(path, "json", "nl"))
        with tempfile.TemporaryDirectory() as tmp:
            page = os.path.join(tmp, "report.html")
            result = run(BINARY, ["assess", path, "--format", "html", "-o", page])
            expect(result.returncode == 0, f"{name}: html report: exit {result.returncode}")
            pdf = os.path.join(tmp, "report.pdf")
            # No --no-pdf-header-footer: as a user's print dialog with headers and footers on, the
            # report's own page margins must replace the browser's date, URL and page count.
            subprocess.run([browser, *chromium_flags(tmp), f"--print-to-pdf={pdf}", "file://" + page],
                           capture_output=True, timeout=180)
            expect(os.path.exists(pdf), f"{name}: chromium printed no PDF")
            if not os.path.exists(pdf):
                continue
            pages = pdf_pages(pdf)
        title = doc["use_case"]["title"]
        title = title if len(title) <= 90 else title[:89] + "\u2026"
        expect(len(pages) >= 2, f"{name}: {len(pages)} pages")
        for number, text in enumerate(pages, 1):
            expect(squeeze(title) in squeeze(text), f"{name}: page {number} lacks the title {title!r}")
            expect(f"Pagina {number} van {len(pages)}" in text, f"{name}: page {number} lacks 'Pagina {number} van "
                                                                f"{len(pages)}'")
            expect("file://" not in text, f"{name}: page {number} has the browser's header or footer")
        starts = [n for n, text in enumerate(pages, 1) if APPENDIX["nl"] in text]
        expect(len(starts) == 1, f"{name}: the appendix heading is on pages {starts}")
        if starts:
            before = pages[starts[0] - 1].split(APPENDIX["nl"])[0]
            expect(not squeeze(before).replace(squeeze(title), "").replace("2026-11-23", ""),
                   f"{name}: the appendix does not start on a page of its own")
        # every building block of the appendix on one page: its heading and every term behind it
        for number, (block, detail) in enumerate(doc["score_details"].items(), 1):
            score = f"{detail['score']} van 100" if detail["score"] is not None else "geen score (te veel onbekend)"
            heading = squeeze(f"{number}. {BLOCK_LABELS[block]}: {score}")
            on = [n for n, text in enumerate(pages, 1) if heading in squeeze(text)]
            expect(len(on) == 1, f"{name}: the heading of building block {block} is on pages {on}")
            missing = [t["rule"] for t in detail["terms"] if on and squeeze(t["rule"]) not in squeeze(pages[on[0] - 1])]
            expect(not missing, f"{name}: building block {block} breaks over a page: {missing} not on page {on}")


MEASURE = """<script>
const out = [];
for (const svg of document.querySelectorAll('svg')) {
  const box = svg.viewBox.baseVal;
  for (const text of svg.querySelectorAll('text')) {
    const b = text.getBBox();
    if (b.x < box.x - 0.5 || b.y < box.y - 0.5 || b.x + b.width > box.x + box.width + 0.5 ||
        b.y + b.height > box.y + box.height + 0.5) {
      out.push(text.textContent + ' @ ' + [b.x, b.y, b.width, b.height].map(Math.round).join(','));
    }
  }
}
document.body.setAttribute('data-outside', JSON.stringify(out));
</script>"""


def check_charts():
    browser = chromium_binary()
    expect(browser is not None, "no chromium on PATH; scripts/setup.sh installs Debian's chromium")
    if browser is None:
        return
    measured = 0
    with tempfile.TemporaryDirectory() as tmp:
        for path in sample(EXAMPLES):
            for lang in ("nl", "en"):
                label = f"{os.path.basename(path)} {lang}"
                document = assess(path, "html", lang)
                # A copy for measuring only: without the Content Security Policy, with a script.
                document = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", document)
                page = os.path.join(tmp, "measure.html")
                with open(page, "w", encoding="utf-8") as f:
                    f.write(document.replace("</body>", MEASURE + "</body>"))
                dom = subprocess.run([browser, *chromium_flags(tmp), "--dump-dom", "file://" + page],
                                     capture_output=True, timeout=180).stdout.decode()
                found = re.search(r'data-outside="([^"]*)"', dom)
                expect(found is not None, f"{label}: the charts were not measured")
                if found is None:
                    continue
                outside = json.loads(html.unescape(found.group(1)))
                expect(not outside, f"{label}: chart text outside its chart: {outside}")
                measured += 1
    print(f"charts: {measured} reports measured")


def main():
    check = sys.argv[3]
    {"formats": check_formats, "escaping": check_escaping, "colour": check_colour, "chromium": check_chromium,
     "print": check_print, "charts": check_charts}[check]()
    finish(f"reports {check}")


if __name__ == "__main__":
    main()
