#!/usr/bin/env python3
"""Renaming framework content never changes scores silently. In a temporary copy of the TNO
framework, rename the technology field, a block id, a task kind value or a language:
renamed everywhere, the framework works and every example gets the same verdict, scores,
flags and technology ranking as before (and the golden cases still pass); renamed in the
declaration only, loading stops with an error located in the file that still uses the old name.

Usage: renaming.py BINARY SOURCE_DIR CHECK
Checks: technology-field, block, task-kind, language.
"""
import glob
import json
import os
import re
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from harness import binary_and_source, expect, finish, run  # noqa: E402

BINARY, SOURCE = binary_and_source()
TNO = os.path.join(SOURCE, "frameworks", "tno-arbeidsdeskundige")
EXAMPLES = sorted(glob.glob(os.path.join(SOURCE, "examples", "*.yaml")))


def edit(path, change):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    changed = change(text)
    with open(path, "w", encoding="utf-8") as f:
        f.write(changed)
    return changed != text


def copy_tree(tmp, name):
    """A copy of the TNO framework and of the examples, in `tmp/name`."""
    root = os.path.join(tmp, name)
    shutil.copytree(TNO, os.path.join(root, "fw"))
    os.mkdir(os.path.join(root, "examples"))
    for example in EXAMPLES:
        shutil.copy(example, os.path.join(root, "examples"))
    return root


def use_case_files(root):
    return sorted(glob.glob(os.path.join(root, "fw", "tests", "*.yaml"))) + \
        sorted(glob.glob(os.path.join(root, "examples", "*.yaml")))


def outcome(framework, example, block_names=None):
    """What renaming must not change: verdict, range, scores (by position), flags, ranking."""
    result = run(BINARY, ["assess", example, "--framework", framework, "--format", "json", "--lang", "en"])
    if result.returncode != 0:
        return f"exit {result.returncode}: {result.stderr.decode()[:300]}"
    doc = json.loads(result.stdout)
    return {
        "verdict": doc["verdict"],
        "range": doc["verdict_range"],
        "scores": list(doc["scores"].values()),
        "flags": [flag["id"] for flag in doc["flags"]],
        "technologies": json.dumps(doc["technologies"], sort_keys=True),
        "open_questions": len(doc["open_questions"]),
    }


def expect_same_outcomes(label, renamed_root):
    expect(any(True for _ in EXAMPLES), "no examples found")
    for example in EXAMPLES:
        name = os.path.basename(example)
        before = outcome(TNO, example)
        after = outcome(os.path.join(renamed_root, "fw"), os.path.join(renamed_root, "examples", name))
        expect(before == after, f"{label}: {name} changed: {before} -> {after}")
    test = run(BINARY, ["test", os.path.join(renamed_root, "fw"), "--quiet"])
    expect(test.returncode == 0, f"{label}: golden cases fail after renaming: {test.stdout.decode()[-800:]}")
    strict = run(BINARY, ["validate", "--strict", os.path.join(renamed_root, "fw")])
    expect(strict.returncode == 0, f"{label}: validate --strict fails after renaming: {strict.stderr.decode()[-800:]}")


def expect_located_error(label, root, file_name, words):
    example = os.path.join(root, "examples", os.path.basename(EXAMPLES[0]))
    result = run(BINARY, ["assess", example, "--framework", os.path.join(root, "fw")])
    err = result.stderr.decode()
    expect(result.returncode == 2 and result.stdout == b"", f"{label}: exit {result.returncode}, stdout "
           f"{result.stdout.decode()[:200]}")
    expect(re.search(rf"{re.escape(file_name)}:\d+:\d+: ", err) is not None, f"{label}: not located in {file_name}: {err}")
    for word in words:
        expect(word in err, f"{label}: {word!r} not in the error: {err}")


def rename_technology_field(root, everywhere):
    edit(os.path.join(root, "fw", "fields.yaml"), lambda t: t.replace("path: ai.technology", "path: ai.engine"))
    if not everywhere:
        return
    for path in glob.glob(os.path.join(root, "fw", "*.yaml")):
        edit(path, lambda t: re.sub(r"\bai\.technology\b", "ai.engine", t))
    for path in use_case_files(root):
        changed = edit(path, lambda t: re.sub(r"(?m)^(\s+)technology: ", r"\1engine: ",
                                              re.sub(r"(?m)^(\s*ai: \{.*?)\btechnology: ", r"\1engine: ", t)))
        expect(changed or "technology" not in open(path, encoding="utf-8").read().split("expect:")[0],
               f"technology-field: {path} names the technology in a form this test does not rename")


def check_rename(label, rename, file_name, words):
    """`rename` everywhere keeps every outcome; in the declaration only, it is an error in `file_name`.
    Returns the JSON report of the first example on the renamed framework."""
    with tempfile.TemporaryDirectory() as tmp:
        rename(copy_tree(tmp, "all"), everywhere=True)
        expect_same_outcomes(label, os.path.join(tmp, "all"))
        partial = copy_tree(tmp, "partial")
        rename(partial, everywhere=False)
        expect_located_error(f"{label}, declaration only", partial, file_name, words)
        # the JSON of one example, for checks of the renamed names themselves
        return run(BINARY, ["assess", EXAMPLES[0], "--framework", os.path.join(tmp, "all", "fw"), "--format", "json"])


def check_technology_field():
    check_rename("technology-field", rename_technology_field, "rules.yaml", ["ai.technology"])


def rename_block(root, everywhere):
    edit(os.path.join(root, "fw", "framework.yaml"), lambda t: t.replace("  - id: technology\n", "  - id: techniek\n"))
    if not everywhere:
        return

    def rules(text):
        text = re.sub(r"\bblock: technology\b", "block: techniek", text)
        text = re.sub(r"(points: \{[^}]*?)\btechnology:", r"\1techniek:", text)
        return re.sub(r"\bscore\.technology\b", "score.techniek", text)

    for path in glob.glob(os.path.join(root, "fw", "*.yaml")):
        edit(path, rules)


def check_block():
    result = check_rename("block", rename_block, "rules.yaml", ["technology"])
    if result.returncode == 0:
        scores = json.loads(result.stdout)["scores"]
        expect("techniek" in scores and "technology" not in scores, f"block: scores {list(scores)}")


def rename_task_kind(root, everywhere):
    def fields(text):
        text = text.replace("values: [task, action]", "values: [task, step]")
        return text.replace("      action: {nl:", "      step: {nl:")

    edit(os.path.join(root, "fw", "fields.yaml"), fields)
    if not everywhere:
        return
    for path in glob.glob(os.path.join(root, "fw", "*.yaml")) + use_case_files(root):
        edit(path, lambda t: re.sub(r"\bkind: action\b", "kind: step", t))


def check_task_kind():
    check_rename("task-kind", rename_task_kind, "taxonomy.yaml", ["action"])


def rename_language(root, everywhere):
    edit(os.path.join(root, "fw", "framework.yaml"), lambda t: t.replace("languages: [nl, en]", "languages: [nl, fr]"))
    if not everywhere:
        return
    for path in glob.glob(os.path.join(root, "fw", "*.yaml")):
        edit(path, lambda t: re.sub(r"(?<![\w-])en: ", "fr: ", t))


def check_language():
    with tempfile.TemporaryDirectory() as tmp:
        # Renamed everywhere: the framework is consistent, but the report frame has no French
        # words; every command says so at the declaration instead of printing another language.
        root = copy_tree(tmp, "all")
        rename_language(root, everywhere=True)
        framework = os.path.join(root, "fw")
        expect_located_error("language", root, "framework.yaml", ['no words in language "fr"', "nl, en"])
        validate = run(BINARY, ["validate", framework])
        said = validate.stdout + validate.stderr
        expect(validate.returncode == 1 and b"framework.yaml:7:17: error: [KR040]" in said
               and b'no words in language "fr"' in said, f"language: validate says {said.decode()}")
        # Only Dutch is still declared and all texts have it: --lang fr is refused by name.
        result = run(BINARY, ["assess", EXAMPLES[0], "--framework", framework, "--lang", "fr"])
        expect(result.returncode == 2 and b"fr" in result.stderr, f"language: --lang fr says {result.stderr.decode()}")
        partial = copy_tree(tmp, "partial")
        rename_language(partial, everywhere=False)
        expect_located_error("language, declaration only", partial, "framework.yaml", ['"en"'])


CHECKS = {
    "technology-field": check_technology_field,
    "block": check_block,
    "task-kind": check_task_kind,
    "language": check_language,
}

if __name__ == "__main__":
    CHECKS[sys.argv[3]]()
    finish(f"renaming {sys.argv[3]}")
