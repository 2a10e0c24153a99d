#!/usr/bin/env bash
# Demonstration: bring a scenario up (default mix-2026), prove it with its self-check, run
# ./msgprobe inside the vantage with the lab's resolver, DoH and CA, print the probe's summary
# and the expected-vs-got table, tear everything down.
#   sudo ./lab/demo.sh [SCENARIO]         (scenarios: ls lab/scenarios)
set -uo pipefail
LAB="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$LAB")"
RUN_ROOT="${MP_LAB_RUN:-$LAB/run}"
sc=${1:-mix-2026}
[ "$(id -u)" -eq 0 ] || { echo "demo: must run as root (network namespaces)" >&2; exit 1; }
trap 'bash "$LAB/lab.sh" down' EXIT
trap 'exit 130' INT TERM
bash "$LAB/lab.sh" up "$sc" || exit 1
grep -E '^(# |summary:)' "$LAB/scenarios/$sc.conf" 2>/dev/null | sed 's/^/  /'
echo "--- self-check of the lab ($sc)"
/usr/bin/python3 "$LAB/selfcheck.py" "$RUN_ROOT/cur" || echo "demo: WARNING: the lab's self-check failed"
if [ ! -x "$REPO/msgprobe" ]; then
  echo "demo: ./msgprobe not found at $REPO: the probe is not built yet, so there is nothing to run" >&2
  echo "demo: (the lab came up and its self-check ran above; it is torn down now)" >&2
  exit 2
fi
# a new name per run (msgprobe never overwrites a report), so the demo can run again and again
out="$RUN_ROOT/demo-$sc-$(date -u +%Y%m%dT%H%M%SZ).jsonl"
while [ -e "$out" ]; do sleep 1; out="$RUN_ROOT/demo-$sc-$(date -u +%Y%m%dT%H%M%SZ).jsonl"; done
echo "--- msgprobe run (inside mp-van; resolver 10.77.1.53, DoH https://1.1.1.1/dns-query, lab CA)"
bash "$LAB/lab.sh" probe "$out"
rc=$?
echo "--- expected vs got"
/usr/bin/python3 "$LAB/lablib.py" compare "${out%.jsonl}.expected.json" "$out" || true
echo "demo: report kept at $out"
exit $rc
