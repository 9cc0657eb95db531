#!/usr/bin/env python3
"""Writes docs/framework.md (Dutch) and docs/framework.en.md (English) from the framework's
YAML, so that every weight, threshold, rule and source in the docs is the one the tool uses.

Usage: framework-doc.py [--check] [FRAMEWORK_DIR] [DOCS_DIR]
With --check, compares instead of writing and exits 1 when a committed document is stale.
"""
import os
import sys

import yaml

ARGS = [a for a in sys.argv[1:] if a != "--check"]
CHECK = "--check" in sys.argv
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FW = ARGS[0] if ARGS else os.path.join(ROOT, "frameworks", "tno-arbeidsdeskundige")
DOCS = ARGS[1] if len(ARGS) > 1 else os.path.join(ROOT, "docs")


def sections():
    """Every top-level key of every YAML file of the framework (tests/ aside); list sections
    split over several files are joined in file-name order, as the loader does."""
    out = {}
    names = []
    for base, dirs, files in os.walk(FW):
        dirs[:] = sorted(d for d in dirs if os.path.relpath(os.path.join(base, d), FW) != "tests")
        names += [os.path.relpath(os.path.join(base, f), FW) for f in files if f.endswith((".yaml", ".yml"))]
    for name in sorted(names):
        with open(os.path.join(FW, name), encoding="utf-8") as f:
            doc = yaml.safe_load(f) or {}
        for key, value in doc.items():
            if isinstance(value, list) and isinstance(out.get(key), list):
                out[key] = out[key] + value
            else:
                out[key] = value
    return out


ALL = sections()
fw = fields = skills = taxonomy = techs = dims = flags = advice = rules = ALL
ALL.setdefault("recommendations", [])
ALL.setdefault("conditions", [])
TASK_ATTRIBUTES = [f for f in ALL["task_fields"] if f["type"] == "enum" and "derived" not in f and not f.get("per_use")
                   and f.get("role") not in ("ref", "kind", "involvement")]
KIND_FIELD = next((f for f in ALL["task_fields"] if f.get("role") == "kind"), None)
SKILLS_KEY = next((f["path"] for f in ALL["task_fields"] if f.get("role") == "skills"), "skills")
GROUPS = {g["id"]: g["label"] for g in ALL["skill_groups"]}


W = {
    "nl": dict(
        title="Het afwegingskader in kansrijk", other="[English version](framework.en.md)",
        intro="Dit document is gemaakt uit de YAML-bestanden van het kader (`frameworks/tno-arbeidsdeskundige/`) door `scripts/framework-doc.py`; een test controleert dat het bij de bestanden past. Elk getal hieronder is het getal dat de tool gebruikt.",
        what="Wat dit kader is", limits="Grenzen", how="Hoe een oordeel tot stand komt",
        steps=[
            "Elke regel wordt voor elke toepassing geëvalueerd. Een regel gaat af als zijn voorwaarde waar is; hangt de voorwaarde af van een onbekend antwoord, dan gaat hij niet af en wordt dat antwoord een open vraag. Een onbekend antwoord telt dus nooit mee, niet positief en niet negatief.",
            "Per bouwsteen telt de tool de startwaarde, de berekende term en de punten van de regels die afgaan op; het resultaat ligt tussen 0 en 100. Is meer dan {share:.0%} van wat een bouwsteen bepaalt onbekend, dan krijgt de bouwsteen geen score.",
            "De totaalscore is het gewogen gemiddelde van de bouwstenen met een score; met minder dan {minb} bouwstenen met een score is er geen totaalscore.",
            "Oordeel uit de totaalscore: vanaf {p} kansrijk, vanaf {c} kansrijk onder voorwaarden, vanaf {l} beperkt kansrijk, daaronder niet kansrijk. Zonder totaalscore geeft de score geen oordeel.",
            "Daarna het beslisbeleid, stap voor stap (hieronder): elke stap waarvan de voorwaarde geldt, begrenst het oordeel. Het oordeel is het minst gunstige van het oordeel uit de score en alle stappen die gelden. Van gunstig naar ongunstig: kansrijk, kansrijk onder voorwaarden, beperkt kansrijk, nog niet te beoordelen, niet kansrijk. Goede scores compenseren een signaal nooit.",
            "Onbekend verbergt nooit een gevolg dat hoe dan ook geldt. Een regel, signaal of effect op de kwaliteit van werk dat geldt voor elk mogelijk antwoord op de open vragen die het leest, geldt nu al. En het oordeel is nooit gunstiger dan het gunstigste oordeel dat een beantwoording van de open vragen kan opleveren (de bandbreedte van het oordeel, die het rapport ook toont).",
        ],
        computed="Berekende termen",
        computed_text=[
            "**Taakgeschiktheid** (bouwsteen taken): per taak {base} plus de punten in de tabel hieronder; het gemiddelde over de geraakte taken is de term. Een taak waarvan meer dan de helft van de kenmerken onbekend is, krijgt geen geschiktheid.",
            "**Ondersteuning van vaardigheden** (bouwsteen vaardigheden): het gewogen gemiddelde over de benodigde vaardigheden van de punten van de beste beoordeling die een technologie voor die vaardigheid heeft ({grades}).",
            "**Passendheid van de technologie** (bouwsteen technologie): het gewogen gemiddelde van de beoordelingen van de genoemde technologie over de benodigde vaardigheden. Het rapport rangschikt altijd alle technologieën.",
            "**Kwaliteit van werk**: per dimensie {fav} punten als de verwachte verandering gunstig is, {unf} als ze ongunstig is, {mix} als regels elkaar tegenspreken.",
        ],
        policy="Het beslisbeleid, stap voor stap", policy_cols="| stap | voorwaarde | oordeel hooguit | betekenis | onderbouwing | herkomst |",
        verdicts={"promising": "kansrijk", "conditional": "kansrijk onder voorwaarden", "limited": "beperkt kansrijk", "not_advised": "niet kansrijk", "insufficient_information": "nog niet te beoordelen"},
        blocks="De vijf bouwstenen", block_cols="| bouwsteen | vraag | startwaarde | gewicht | herkomst |",
        suit="Punten voor taakgeschiktheid", suit_cols="| kenmerk | laag | middel | hoog |",
        taxonomy="Taken en handelingen (BOB-model)", tax_cols="| id | naam | soort | vaardigheden (gewicht) |", prov_col="herkomst",
        skills="Vaardigheden", skill_cols="| id | naam | groep | herkomst |",
        grades="Ondersteuning per vaardigheid en technologie", techs="Technologieën",
        dims="Dimensies van kwaliteit van werk", dim_cols="| id | naam | gunstige richting | herkomst |",
        rules="Regels", rule_cols="| regel | voorwaarde | effecten | tekst | herkomst |",
        flags="Signalen", flag_cols="| signaal | ernst | melding | onderbouwing | herkomst |",
        recs="Aanbevelingen van TNO", conds="Voorwaarden", adv_cols="| id | tekst | herkomst |",
        cond_cols="| id | tekst | geregeld als | herkomst |",
        conds_text="Een voorwaarde waarvan de antwoorden laten zien dat ze al geregeld is (kolom 'geregeld als'), staat in het rapport als 'geregeld: vasthouden' in plaats van bij wat nog te regelen is. Staat er in die kolom niets, dan kan geen antwoord dat laten zien en is de voorwaarde altijd te regelen.",
        sources="Bronnen", prov="Wat is geciteerd en wat is gereconstrueerd",
        prov_text="`quoted` (geciteerd) betekent dat het item of de bevinding in de genoemde bron staat; `reconstructed` (gereconstrueerd) betekent dat wij het hebben afgeleid of ingevuld, omdat de officiële TNO-lijst niet beschikbaar was. Aantallen:",
        quoted="geciteerd", reconstructed="gereconstrueerd", task="taak", action="handeling",
        up="omhoog", down="omlaag", neither="geen van beide",
        fav_words={"up": "omhoog", "down": "omlaag", "neither": "geen van beide"},
        group={"cognitive": "cognitief", "affective": "affectief"},
        levels={"low": "laag", "medium": "middel", "high": "hoog"},
        eff={"points": "punten", "quality_of_work": "kwaliteit van werk", "flags": "signalen", "conditions": "voorwaarden", "recommendations": "aanbevelingen", "questions": "vragen"},
        trace="Een oordeel met de hand nagaan: neem het tekstrapport, tel per bouwsteen de startwaarde en de getoonde punten op (begrensd op 0-100), neem het gemiddelde van de bouwstenen met een score, vergelijk met de grenzen en loop het beslisbeleid door; het rapport noemt per stap of die geldt. Elke regel in het rapport staat in de tabel hieronder met zijn voorwaarde.",
    ),
    "en": dict(
        title="The weighing framework in kansrijk", other="[Nederlandse versie](framework.md)",
        intro="This document is generated from the framework's YAML files (`frameworks/tno-arbeidsdeskundige/`) by `scripts/framework-doc.py`; a test checks that it matches the files. Every figure below is the figure the tool uses.",
        what="What this framework is", limits="Limits", how="How a verdict comes about",
        steps=[
            "Every rule is evaluated for every use case. A rule fires when its condition is true; when the condition depends on an unknown answer, it does not fire and that answer becomes an open question. An unknown answer therefore never counts, neither for nor against.",
            "Per building block the tool adds up the starting value, the computed term and the points of the rules that fire; the result is clamped to 0-100. When more than {share:.0%} of what informs a block is unknown, the block has no score.",
            "The overall score is the weighted mean of the blocks that have a score; with fewer than {minb} scored blocks there is no overall score.",
            "Verdict from the overall score: from {p} promising, from {c} promising under conditions, from {l} of limited promise, below that not advised. Without an overall score, the score gives no verdict.",
            "Then the verdict policy, step by step (below): every step whose condition holds caps the verdict. The verdict is the least favourable of the verdict from the score and every step that holds. From favourable to unfavourable: promising, promising under conditions, of limited promise, cannot be assessed yet, not advised. Good scores never compensate a flag.",
            "Unknown never hides a consequence that holds anyway. A rule, flag or quality-of-work effect that holds for every possible answer to the open questions it reads holds now. And the verdict is never more favourable than the most favourable verdict any way of answering the open questions can give (the verdict range, which the report shows too).",
        ],
        computed="Computed terms",
        computed_text=[
            "**Task suitability** (tasks block): per task {base} plus the points in the table below; the mean over the touched tasks is the term. A task with more than half its attributes unknown has no suitability.",
            "**Skill support** (skills block): the weighted mean over the needed skills of the points of the best grade any technology has for that skill ({grades}).",
            "**Technology fit** (technology block): the weighted mean of the named technology's grades over the needed skills. The report always ranks all technologies.",
            "**Quality of work**: per dimension {fav} points when the expected change is favourable, {unf} when unfavourable, {mix} when rules disagree.",
        ],
        policy="The verdict policy, step by step", policy_cols="| step | condition | verdict at most | meaning | justification | provenance |",
        verdicts={"promising": "promising", "conditional": "promising under conditions", "limited": "of limited promise", "not_advised": "not advised", "insufficient_information": "cannot be assessed yet"},
        blocks="The five building blocks", block_cols="| block | question | starting value | weight | provenance |",
        suit="Task suitability points", suit_cols="| attribute | low | medium | high |",
        taxonomy="Tasks and actions (BOB model)", tax_cols="| id | name | kind | skills (weight) |", prov_col="provenance",
        skills="Skills", skill_cols="| id | name | group | provenance |",
        grades="Support per skill and technology", techs="Technologies",
        dims="Quality-of-work dimensions", dim_cols="| id | name | favourable direction | provenance |",
        rules="Rules", rule_cols="| rule | condition | effects | text | provenance |",
        flags="Flags", flag_cols="| flag | severity | message | justification | provenance |",
        recs="TNO's recommendations", conds="Conditions", adv_cols="| id | text | provenance |",
        cond_cols="| id | text | in place when | provenance |",
        conds_text="A condition whose answers show it is already arranged (column 'in place when') appears in the report as 'in place: keep it' instead of among what is still to arrange. Where that column is empty, no answer can show it, and the condition is always to arrange.",
        sources="Sources", prov="What is quoted and what is reconstructed",
        prov_text="`quoted` means the item or finding is in the source named; `reconstructed` means we derived or filled it in, because TNO's official list was not available. Counts:",
        quoted="quoted", reconstructed="reconstructed", task="task", action="action",
        up="up", down="down", neither="neither",
        fav_words={"up": "up", "down": "down", "neither": "neither"},
        group={"cognitive": "cognitive", "affective": "affective"},
        levels={"low": "low", "medium": "medium", "high": "high"},
        eff={"points": "points", "quality_of_work": "quality of work", "flags": "flags", "conditions": "conditions", "recommendations": "recommendations", "questions": "questions"},
        trace="To trace a verdict by hand: take the text report, add up per block the starting value and the points shown (clamped to 0-100), take the mean of the scored blocks, compare with the thresholds and go through the verdict policy; the report says for each step whether it holds. Every rule in the report is in the table below with its condition.",
    ),
}


def cell(text):
    return str(text).replace("|", "\\|").replace("\n", " ")


def value_label(field, value, lang):
    labels = field.get("value_labels", {})
    return cell(labels[value][lang]) if value in labels else value


def origin(item, w):
    return f"{w[item.get('provenance', 'reconstructed')]} [{', '.join(str(s) for s in item.get('source', []))}]"


def document(lang):
    w = W[lang]
    s = fw["scoring"]
    out = [f"# {w['title']}", "", w["other"], "", w["intro"], "", f"## {w['what']}", "", fw["statement"][lang], "",
           f"## {w['limits']}", "", fw["limits"][lang], "", f"## {w['how']}", ""]
    th = fw["verdict"]["thresholds"]
    for i, step in enumerate(w["steps"], 1):
        out.append(f"{i}. " + step.format(share=s["max_unknown_share"], minb=s["overall_min_blocks"], p=th["promising"],
                                          c=th["conditional"], l=th["limited"]))
    out += ["", f"### {w['policy']}", "", w["policy_cols"], "|---|---|---|---|---|---|"]
    for step in fw["verdict"]["policy"]:
        out.append(f"| `{step['id']}` | `{cell(step['when'])}` | {w['verdicts'][step['at_most']]} | {cell(step['text'][lang])} | "
                   f"{cell(step['justification'][lang])} | {origin(step, w)} |")
    out += ["", w["trace"], "", f"### {w['computed']}", ""]
    gp = s["grade_points"]
    grades = ", ".join(f"{k} {v}" for k, v in gp.items())
    q = s["qow_points"]
    for text in w["computed_text"]:
        out.append("- " + text.format(base=s["task_suitability"]["base"], grades=grades, fav=f"{q['favourable']:+d}",
                                      unf=f"{q['unfavourable']:+d}", mix=f"{q['mixed']:+d}"))
    out += ["", f"### {w['suit']}", "", w["suit_cols"], "|---|---|---|---|"]
    for attr, pts in s["task_suitability"]["attributes"].items():
        out.append(f"| `{attr}` | {pts['low']:+d} | {pts['medium']:+d} | {pts['high']:+d} |")
    out += ["", f"## {w['blocks']}", "", w["block_cols"], "|---|---|---|---|---|"]
    for b in fw["blocks"]:
        out.append(f"| {cell(b['label'][lang])} (`{b['id']}`) | {cell(b['question'][lang])} | {b['base']} | {b['weight']} | {origin(b, w)} |")
    out += ["", f"## {w['taxonomy']}", ""]
    for p in taxonomy["pillars"]:
        out += [f"### {p['label'][lang]}", "", cell(p["description"][lang]) + f" ({origin(p, w)})", "",
                w["tax_cols"] + " " + " | ".join(cell(f["label"][lang]) for f in TASK_ATTRIBUTES) + " | " + w["prov_col"] + " |",
                "|---" * (5 + len(TASK_ATTRIBUTES)) + "|"]
        for i in taxonomy["items"]:
            if i["pillar"] != p["id"]:
                continue
            sk = ", ".join(f"{k} {v}" for k, v in i[SKILLS_KEY].items())
            kind = KIND_FIELD["value_labels"][i[KIND_FIELD["path"]]][lang] if KIND_FIELD else "-"
            attrs = " | ".join(value_label(f, i[f["path"]], lang) for f in TASK_ATTRIBUTES)
            out.append(f"| `{i['id']}` | {cell(i['label'][lang])} | {cell(kind)} | {sk} | {attrs} | {origin(i, w)} |")
        out.append("")
    out += [f"## {w['skills']}", "", w["skill_cols"], "|---|---|---|---|"]
    for sk in skills["skills"]:
        out.append(f"| `{sk['id']}` | {cell(sk['label'][lang])} | {GROUPS[sk['group']][lang]} | {origin(sk, w)} |")
    out += ["", f"## {w['techs']}", ""]
    for t in techs["technologies"]:
        out += [f"### {t['label'][lang]} (`{t['id']}`)", "", cell(t["description"][lang]) + f" ({origin(t, w)})", ""]
        for key in ("strengths", "risks", "examples"):
            for item in t.get(key, []):
                out.append(f"- {key}: {cell(item[lang])}")
        out.append("")
    ids = [t["id"] for t in techs["technologies"]]
    out += [f"### {w['grades']}", "", "| skill | " + " | ".join(ids) + " |", "|---" * (len(ids) + 1) + "|"]
    for row in techs["support"]:
        out.append(f"| `{row['skill']}` | " + " | ".join(f"{row['grades'][t]['grade']}: {cell(row['grades'][t]['why'][lang])}" for t in ids) + " |")
    out += ["", f"## {w['dims']}", "", w["dim_cols"], "|---|---|---|---|"]
    for d in dims["dimensions"]:
        out.append(f"| `{d['id']}` | {cell(d['label'][lang])} | {w['fav_words'][d['favourable']]} | {origin(d, w)} |")
    out += ["", f"## {w['rules']}", "", w["rule_cols"], "|---|---|---|---|---|"]
    for r in rules["rules"]:
        effects = []
        for key, value in r["effects"].items():
            if key == "questions":
                value = len(value)
            elif isinstance(value, dict):
                value = ", ".join(f"{k} {v:+d}" if isinstance(v, int) else f"{k} {v}" for k, v in value.items())
            else:
                value = ", ".join(value)
            effects.append(f"{w['eff'][key]}: {value}")
        out.append(f"| `{r['id']}` | `{cell(r['when'])}` | {cell('; '.join(effects))} | {cell(r['text'][lang])} | {origin(r, w)} |")
    out += ["", f"## {w['flags']}", "", w["flag_cols"], "|---|---|---|---|---|"]
    for f in flags["flags"]:
        out.append(f"| `{f['id']}` | {f['severity']} | {cell(f['message'][lang])} | {cell(f['justification'][lang])} | {origin(f, w)} |")
    out += ["", f"## {w['recs']}", "", w["adv_cols"], "|---|---|---|"]
    for a in advice["recommendations"]:
        out.append(f"| `{a['id']}` | {cell(a['text'][lang])} | {origin(a, w)} |")
    out += ["", f"## {w['conds']}", "", w["conds_text"], "", w["cond_cols"], "|---|---|---|---|"]
    for a in advice["conditions"]:
        met = f"`{cell(a['met_when'])}`" if "met_when" in a else "–"
        out.append(f"| `{a['id']}` | {cell(a['text'][lang])} | {met} | {origin(a, w)} |")
    counts = {"quoted": 0, "reconstructed": 0}
    for group in (fw["blocks"], taxonomy["pillars"], taxonomy["items"], skills["skills"], techs["technologies"], dims["dimensions"],
                  rules["rules"], flags["flags"], advice["recommendations"], advice["conditions"], fw["verdict"]["policy"]):
        for item in group:
            counts[item["provenance"]] += 1
    out += ["", f"## {w['prov']}", "", w["prov_text"], "", f"- {w['quoted']}: {counts['quoted']}",
            f"- {w['reconstructed']}: {counts['reconstructed']}", "", f"## {w['sources']}", ""]
    for src in fw["sources"]:
        out.append(f"- [{src['id']}] {src['title'][lang]}")
    return "\n".join(out) + "\n"


stale = False
for lang, name in (("nl", "framework.md"), ("en", "framework.en.md")):
    path = os.path.join(DOCS, name)
    text = document(lang)
    if CHECK:
        current = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
        if current != text:
            print(f"{path} is stale; run scripts/framework-doc.py", file=sys.stderr)
            stale = True
    else:
        with open(path + ".tmp", "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(path + ".tmp", path)
if CHECK:
    print("framework docs: " + ("stale" if stale else "current"))
sys.exit(1 if stale else 0)
