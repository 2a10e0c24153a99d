#!/usr/bin/env bash
# Checks a release archive as a user without Maven or Java would meet it: unpacks it into a
# temporary directory and runs bin/msgprobe with a PATH that holds neither java nor mvn.
#   release/check.sh [target/release/msgprobe-<version>-linux-x64.tar.gz]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
archive="${1:-$(ls "$here"/target/release/msgprobe-*-linux-x64.tar.gz 2>/dev/null | head -1)}"
[ -f "$archive" ] || { echo "release/check.sh: no archive (run release/build.sh first)" >&2; exit 2; }
tmp=$(mktemp -d /tmp/msgprobe-check.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
tar -xzf "$archive" -C "$tmp"
home=$(echo "$tmp"/msgprobe-*)
# a PATH with only what the launcher itself uses
mkdir "$tmp/path"
for tool in sh readlink dirname; do ln -s "$(command -v "$tool")" "$tmp/path/$tool"; done
run() { env -i PATH="$tmp/path" HOME="$tmp" "$home/bin/msgprobe" "$@"; }
fail() { echo "release/check.sh: FAILED: $*" >&2; exit 1; }

run --version | grep -q '^msgprobe ' || fail "bin/msgprobe --version"
run run --help | grep -q -- '--fail-on' || fail "bin/msgprobe run --help"
# under a Russian locale the help is Russian (the archive carries no locale data: the variable alone decides)
env -i PATH="$tmp/path" HOME="$tmp" LANG=ru_RU.UTF-8 "$home/bin/msgprobe" run --help | grep -q 'Сколько адресов' \
  || fail "LANG=ru_RU.UTF-8 bin/msgprobe run --help is not in Russian"
run lists | grep -q '^whatsapp ' || fail "bin/msgprobe lists"
# the dry run prints a timer or a crontab line, or (on a machine with neither) says what to install
{ run schedule install --dry-run --program "$home/bin/msgprobe" --every 6h telegram 2>&1 || true; } \
  | grep -qE 'OnUnitActiveSec=6h|msgprobe-schedule|apt-get install cron' || fail "bin/msgprobe schedule install --dry-run"
# one scheduled run (loopback only: a closed port) leaves a report in the data directory
env -i PATH="$tmp/path" HOME="$tmp" XDG_DATA_HOME="$tmp/data" "$home/bin/msgprobe" schedule run -- --controls none \
  --no-doh --resolver-echo none --resolver 127.0.0.1:9 --timeout 1 tcp://127.0.0.1:9 >/dev/null \
  && ls "$tmp"/data/msgprobe/reports/msgprobe-*.jsonl >/dev/null 2>&1 || fail "bin/msgprobe schedule run left no report"
bash -c "source '$home/share/bash-completion/completions/msgprobe' && complete -p msgprobe" | grep -q msgprobe \
  || fail "bash completion does not load"
[ -f "$home/share/man/man1/msgprobe.1" ] || [ -f "$home/share/man/adoc/msgprobe.adoc" ] || fail "no man page"
for f in LICENSE NOTICE THIRD-PARTY.txt; do [ -s "$home/share/doc/msgprobe/$f" ] || fail "no $f"; done
[ -d "$home/runtime/legal" ] || fail "the runtime's legal notices are missing"
echo "release/check.sh: $(basename "$archive") ($(du -h "$archive" | cut -f1)) works without Maven or an installed Java"
