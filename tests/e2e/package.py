#!/usr/bin/env python3
"""The Debian package: built with cpack from the build folder, inspected, unpacked into a
scratch root, and used from there as an installed system would: the binary, the man page
and the bash, zsh and fish completions.

Usage: package.py BINARY SOURCE_DIR BUILD_DIR
"""
import glob
import gzip
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from harness import expect, finish, run  # noqa: E402

BINARY, SOURCE, BUILD = sys.argv[1], sys.argv[2], sys.argv[3]


def output(args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, **kwargs)


def control_fields(deb):
    fields = {}
    key = None
    for line in output(["dpkg-deb", "-f", deb]).stdout.splitlines():
        if line.startswith(" ") and key:
            fields[key] += "\n" + line
        elif ":" in line:
            key, value = line.split(":", 1)
            fields[key] = value.strip()
    return fields


def packages_of_needed_libraries(binary):
    """The Debian packages that hold the shared libraries `binary` needs, found independently
    of dpkg-shlibdeps: NEEDED entries, their paths from ldconfig, their owners from dpkg."""
    needed = [line.split("[")[1].rstrip("]") for line in output(["readelf", "-d", binary]).stdout.splitlines()
              if "(NEEDED)" in line]
    paths = {}
    for line in output(["ldconfig", "-p"]).stdout.splitlines():
        parts = line.strip().split(" => ")
        if len(parts) == 2:
            paths.setdefault(parts[0].split()[0], parts[1])
    owners = {}
    for soname in needed:
        path = paths.get(soname)
        expect(path is not None, f"ldconfig does not know {soname}")
        if path:
            # /lib is /usr/lib on Debian 12; dpkg knows each file under one of the two names
            candidates = {path, os.path.realpath(path), path.replace("/usr/lib/", "/lib/", 1),
                          os.path.realpath(path).replace("/usr/lib/", "/lib/", 1)}
            found = [output(["dpkg", "-S", c]).stdout.split(":")[0] for c in sorted(candidates)]
            found = [owner for owner in found if owner]
            expect(found, f"dpkg knows no package with {soname} ({path})")
            if found:
                owners[soname] = found[0]
    return owners


def check_bash(root, completion, installed):
    listed = output(["bash", "-c", f"source {completion} && complete -p kansrijk"])
    expect(listed.stdout.strip() == "complete -F _kansrijk kansrijk", f"bash: complete -p: {listed.stdout}{listed.stderr}")
    cases = {
        ("as",): ["assess"],
        ("assess", "--form"): ["--format"],
        ("assess", "--format", ""): ["text", "markdown", "html", "json"],
        ("batch", "--summary-format", "="): ["csv", "jsonl", "excel", "xlsx"],
        ("framework", "show", "beeldvorming.dossier"): ["beeldvorming.dossierstudie"],
        ("help", "validate"): ["validate", "validate-case"],
        ("schema", ""): ["use-case", "assessment", "framework"],
    }
    for words, want in cases.items():
        script = (f"source {completion}; COMP_WORDS=({installed} {' '.join(repr(w) for w in words)}); "
                  "COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _kansrijk; printf '%s\\n' \"${COMPREPLY[@]}\"")
        got = output(["bash", "-c", script], cwd=root).stdout.split()
        expect(got == want, f"bash: kansrijk {' '.join(words)}<TAB> offers {got}, expected {want}")


def check_fish(root, completion):
    if shutil.which("fish") is None:
        expect(False, "fish is not installed (scripts/setup.sh --test installs it)")
        return
    syntax = output(["fish", "-n", completion])
    expect(syntax.returncode == 0, f"fish -n: {syntax.stderr}")
    env = dict(os.environ, PATH=os.path.join(root, "usr", "bin") + ":" + os.environ["PATH"])
    for line, want in (("kansrijk ass", ["assess"]), ("kansrijk assess --format ", ["html", "json", "markdown", "text"]),
                       ("kansrijk framework explain qow.freed-time-c", ["qow.freed-time-clients"]),
                       ("kansrijk compare --format ", ["json", "text"])):
        got = output(["fish", "--no-config", "-c", f"source {completion}; complete -C '{line}'"], env=env, cwd=root)
        words = [entry.split("\t")[0] for entry in got.stdout.splitlines()]
        expect(words == want, f"fish: {line}<TAB> offers {words}, expected {want} {got.stderr}")


def check_zsh(root, completion):
    """zsh completes only in an interactive shell: one in tmux, with compinit and the file's
    folder in $fpath, and a Tab typed."""
    zsh, tmux = shutil.which("zsh"), shutil.which("tmux")
    if zsh is None or tmux is None:
        expect(False, "zsh or tmux is not installed (scripts/setup.sh --test installs them)")
        return
    syntax = output([zsh, "-n", completion])
    expect(syntax.returncode == 0, f"zsh -n: {syntax.stderr}")
    with tempfile.TemporaryDirectory() as home:
        socket = os.path.join(home, "tmux.sock")
        base = [tmux, "-u", "-S", socket]
        path = os.path.join(root, "usr", "bin") + ":/usr/bin:/bin"
        subprocess.run(base + ["new-session", "-d", "-s", "z", "-x", "150", "-y", "40",
                               f"env -i HOME={home} TERM=xterm PATH={path} {zsh} -f"], check=True)
        try:
            keys = (f"fpath=({os.path.dirname(completion)} $fpath); autoload -U compinit; compinit -u; "
                    "PS1='ready> '; cd " + root)
            subprocess.run(base + ["send-keys", "-t", "z", keys, "Enter"], check=True)
            for typed, want in (("kansrijk assess --format ", "markdown"),
                                ("kansrijk framework show beeldvorming.dossier", "kansrijk framework show beeldvorming.dossierstudie"),
                                ("kansrijk validate-", "kansrijk validate-case")):
                subprocess.run(base + ["send-keys", "-t", "z", "C-u", typed, "Tab"], check=True)
                deadline, screen = time.time() + 10, ""
                while time.time() < deadline and want not in screen:
                    time.sleep(0.2)
                    screen = output(base + ["capture-pane", "-p", "-t", "z"]).stdout
                expect(want in screen, f"zsh: {typed}<TAB> did not offer {want!r}:\n{screen}")
        finally:
            subprocess.run(base + ["kill-server"], capture_output=True)


def main():
    version = run(BINARY, ["--version"]).stdout.decode().split()[1]
    arch = output(["dpkg", "--print-architecture"]).stdout.strip()
    with tempfile.TemporaryDirectory() as tmp:
        built = output(["cpack", "--config", os.path.join(BUILD, "CPackConfig.cmake"), "-G", "DEB", "-B",
                        os.path.join(tmp, "out")])
        deb = os.path.join(tmp, "out", f"kansrijk_{version}_{arch}.deb")
        expect(built.returncode == 0 and os.path.exists(deb), f"cpack: {built.stdout}{built.stderr}")
        if not os.path.exists(deb):
            return

        fields = control_fields(deb)
        for key, value in (("Package", "kansrijk"), ("Version", version), ("Architecture", arch),
                           ("Section", "utils")):
            expect(fields.get(key) == value, f"control: {key} is {fields.get(key)!r}, expected {value!r}")
        expect(fields.get("Maintainer") and fields.get("Description"), f"control: {fields}")

        listing = output(["dpkg-deb", "-c", deb]).stdout
        files = {line.split()[-1].lstrip(".") for line in listing.splitlines()}
        wanted = ["/usr/bin/kansrijk", "/usr/share/man/man1/kansrijk.1.gz",
                  "/usr/share/bash-completion/completions/kansrijk", "/usr/share/zsh/vendor-completions/_kansrijk",
                  "/usr/share/fish/vendor_completions.d/kansrijk.fish", "/usr/share/doc/kansrijk/copyright",
                  "/usr/share/doc/kansrijk/changelog.gz", "/usr/share/doc/kansrijk/README.md",
                  "/usr/share/kansrijk/frameworks/tno-arbeidsdeskundige/framework.yaml"]
        wanted += ["/usr/share/doc/kansrijk/docs/" + os.path.relpath(f, os.path.join(SOURCE, "docs"))
                   for f in glob.glob(os.path.join(SOURCE, "docs", "**", "*.*"), recursive=True)]
        wanted += ["/usr/share/doc/kansrijk/examples/" + os.path.basename(f)
                   for f in glob.glob(os.path.join(SOURCE, "examples", "*"))]
        for path in wanted:
            expect(path in files, f"the package lacks {path}")

        lint = output(["lintian", "--pedantic", "-E", "--fail-on", "error,warning,info,pedantic", deb])
        findings = [line for line in lint.stdout.splitlines() if line[:2] in ("E:", "W:", "I:", "P:", "X:")]
        expect(lint.returncode == 0 and not findings, f"lintian: {lint.returncode} {findings} {lint.stderr}")

        root = os.path.join(tmp, "root")
        subprocess.run(["dpkg", "-x", deb, root], check=True)
        installed = os.path.join(root, "usr", "bin", "kansrijk")

        owners = packages_of_needed_libraries(installed)
        depends = [d.strip().split()[0] for d in fields.get("Depends", "").split(",") if d.strip()]
        for soname, package in owners.items():
            expect(package.split(":")[0] in depends, f"Depends {depends} lacks {package} (for {soname})")
        sections = output(["readelf", "-S", installed]).stdout
        expect(".symtab" not in sections and ".debug_info" not in sections, "the installed binary is not stripped")

        got = run(installed, ["--version"])
        expect(got.returncode == 0 and got.stdout.decode().split()[1] == version, f"installed --version: {got.stdout}")
        example = os.path.join(root, "usr", "share", "doc", "kansrijk", "examples", "rapport-concept.yaml")
        assessed = run(installed, ["assess", example, "--format", "json"])
        reference = run(BINARY, ["assess", os.path.join(SOURCE, "examples", "rapport-concept.yaml"), "--format", "json"])
        expect(assessed.returncode == 0 and b'"verdict"' in assessed.stdout, f"installed assess: {assessed.stderr}")
        expect(assessed.stdout.replace(example.encode(), b"") ==
               reference.stdout.replace(os.path.join(SOURCE, "examples", "rapport-concept.yaml").encode(), b""),
               "the installed binary assesses the example differently from the built one")
        docs = os.path.join(root, "usr", "share", "doc", "kansrijk")
        helped = run(installed, ["--help"]).stdout.decode()
        expect(f"`man kansrijk` and {docs}." in helped and os.path.isdir(docs),
               f"installed --help does not point at the installed documentation:\n{helped[-300:]}")
        framework = os.path.join(root, "usr", "share", "kansrijk", "frameworks", "tno-arbeidsdeskundige")
        validated = run(installed, ["validate", framework])
        expect(validated.returncode == 0, f"validate of the shipped framework: {validated.stdout}{validated.stderr}")

        man_page = os.path.join(root, "usr", "share", "man", "man1", "kansrijk.1.gz")
        shown = output(["man", "-l", man_page], env=dict(os.environ, MANWIDTH="100"))
        expect(shown.returncode == 0 and "kansrijk assess [options] FILE" in shown.stdout, f"man -l: {shown.stderr}")
        # error messages send readers to this section (src/io/use_case_loader.cpp)
        expect("\nUSE-CASE FILES\n" in shown.stdout, "man page: no USE-CASE FILES section")
        for command in ("assess", "batch", "interview", "validate", "validate-case", "schema", "graph", "diff",
                        "test", "framework", "help", "version"):
            expect(f"\n   kansrijk {command}\n" in shown.stdout, f"man page: no section for kansrijk {command}")
        with gzip.open(man_page) as f:
            roff = f.read()
        groff = subprocess.run(["groff", "-man", "-Tutf8", "-ww", "-z"], input=roff, capture_output=True)
        expect(groff.returncode == 0 and groff.stderr == b"", f"groff warnings: {groff.stderr.decode()}")

        share = os.path.join(root, "usr", "share")
        check_bash(root, os.path.join(share, "bash-completion", "completions", "kansrijk"), installed)
        check_fish(root, os.path.join(share, "fish", "vendor_completions.d", "kansrijk.fish"))
        check_zsh(root, os.path.join(share, "zsh", "vendor-completions", "_kansrijk"))


if __name__ == "__main__":
    main()
    finish("package")
