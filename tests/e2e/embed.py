#!/usr/bin/env python3
"""kansrijk_embed, the build step that parses the built-in framework: it writes the embedded
source for a good folder, and for a folder with a YAML error it fails with the located
error and leaves no output behind (so the build stops instead of embedding half a framework).

Usage: embed.py KANSRIJK_EMBED PROJECT_DIR
"""
import os
import shutil
import subprocess
import sys
import tempfile

EMBED, PROJECT = sys.argv[1], sys.argv[2]


def main():
    with tempfile.TemporaryDirectory() as tmp:
        folder = os.path.join(tmp, "framework")
        shutil.copytree(os.path.join(PROJECT, "frameworks", "tno-arbeidsdeskundige"), folder)
        out = os.path.join(tmp, "embedded.cpp")
        good = subprocess.run([EMBED, folder, out], capture_output=True, text=True, timeout=120)
        assert good.returncode == 0, good.stderr
        with open(out, encoding="utf-8") as f:
            text = f.read()
        assert "builtin_framework_fingerprint()" in text and '{"rules.yaml", ' in text, text[-500:]
        os.remove(out)

        with open(os.path.join(folder, "broken.yaml"), "w", encoding="utf-8") as f:
            f.write("rules:\n  - id: x\n    when: [unclosed\n")
        bad = subprocess.run([EMBED, folder, out], capture_output=True, text=True, timeout=120)
        assert bad.returncode == 1, (bad.returncode, bad.stderr)
        expected = os.path.join(folder, "broken.yaml") + ":4:1: invalid YAML"
        assert bad.stderr.startswith(expected), bad.stderr
        assert sorted(os.listdir(tmp)) == ["framework"], os.listdir(tmp)
    print("embed: ok")


if __name__ == "__main__":
    main()
