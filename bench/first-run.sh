#!/usr/bin/env bash
# What the README's quick start costs (docs/performance.md, "First run"):
#
# 1. Packages: what `scripts/setup.sh` and `scripts/setup.sh --test` would install on a fresh
#    Debian 12, simulated with apt-get against the package set of a minimal system (the
#    Essential and Priority: required packages and apt, with their dependencies, as this
#    machine's dpkg status lists them; about the debian:12 container image). Sizes are
#    apt's Installed-Size and Size fields.
# 2. Time: the README's two commands, verbatim, each in a fresh clone of this repository
#    (their packages are installed here already, so setup.sh only checks; command 2 fetches
#    its two npm packages).
#
# Usage: bench/first-run.sh [--packages]   (--packages: only part 1)
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$work/status" <<'PY'
import re, sys
stanzas = [s for s in open("/var/lib/dpkg/status", encoding="utf-8").read().split("\n\n") if s.strip()]
installed, provides = {}, {}
for stanza in stanzas:
    name = re.search(r"^Package: (\S+)", stanza, re.M).group(1)
    if "install ok installed" not in stanza:
        continue
    installed[name] = stanza
    if m := re.search(r"^Provides: (.+)$", stanza, re.M):
        for p in m.group(1).split(","):
            provides.setdefault(p.strip().split()[0], name)
def depends(stanza):
    for field in ("Depends", "Pre-Depends"):
        if m := re.search(rf"^{field}: (.+)$", stanza, re.M):
            for alternatives in m.group(1).split(","):
                for choice in (a.strip().split()[0].split(":")[0] for a in alternatives.split("|")):
                    if choice in installed or choice in provides:
                        yield choice if choice in installed else provides[choice]
                        break
todo = [n for n, s in installed.items()
        if re.search(r"^(Priority: required|Essential: yes)", s, re.M) or n == "apt"]
seen = set()
while todo:
    name = todo.pop()
    if name not in seen:
        seen.add(name)
        todo.extend(depends(installed[name]))
open(sys.argv[1], "w", encoding="utf-8").write("\n\n".join(installed[n] for n in sorted(seen)) + "\n\n")
print(f"minimal Debian 12: {len(seen)} packages")
PY

# The package lists of scripts/setup.sh, read from the script itself.
packages() {
  sed -n "/^$1=(/,/^)/p" scripts/setup.sh | sed '1d;$d' | sed 's/#.*//' | tr -s ' \n' ' '
}
build_packages=$(packages build_packages)
test_packages=$(packages test_packages)

simulate() {
  # shellcheck disable=SC2086
  apt-get -s -o Dir::State::status="$work/status" install --no-install-recommends "$@" 2>/dev/null |
    awk '/^Inst /{print $2}' > "$work/inst"
  python3 - "$work/inst" <<'PY'
import subprocess, re, sys
names = open(sys.argv[1]).read().split()
shown = subprocess.run(["apt-cache", "show", "--no-all-versions", *names], capture_output=True, text=True).stdout
installed = sum(int(m) for m in re.findall(r"^Installed-Size: (\d+)", shown, re.M))
download = sum(int(m) for m in re.findall(r"^Size: (\d+)", shown, re.M))
print(f"{len(names)} packages, {installed / 1024:,.0f} MB installed, {download / 1048576:,.0f} MB downloaded")
PY
}
# shellcheck disable=SC2086
echo "scripts/setup.sh:        $(simulate $build_packages)"
# shellcheck disable=SC2086
echo "scripts/setup.sh --test: $(simulate $build_packages $test_packages)"

[ "${1-}" = --packages ] && exit 0
command_1=$(grep -m1 '^scripts/setup.sh && ' README.md)
command_2=$(grep -m1 '^scripts/setup.sh --test && ' README.md)
for n in 1 2; do
  git clone -q . "$work/clone-$n"
  command=$([ "$n" = 1 ] && echo "$command_1" || echo "$command_2")
  /usr/bin/time -f "%e %U %S" -o "$work/time" sh -c "cd '$work/clone-$n' && $command" > "$work/out-$n" 2>&1 ||
    { echo "first-run: command $n failed:" >&2; tail -20 "$work/out-$n" >&2; exit 1; }
  read -r wall user sys < "$work/time"
  printf 'README command %s: %.0f s wall, %.0f s CPU (load %s)\n' "$n" "$wall" "$(echo "$user + $sys" | bc)" \
    "$(cut -d' ' -f1-3 /proc/loadavg)"
done
