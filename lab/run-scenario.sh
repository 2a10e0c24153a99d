#!/usr/bin/env bash
# Bring SCENARIO up, run ./msgprobe in the vantage against the lab, write the JSONL report to
# OUTFILE (summary beside it, expectations in OUTFILE minus .jsonl plus .expected.json), print the
# expected-vs-got table, tear down. Used by the JUnit harness (LabScenariosIT).
#   lab/run-scenario.sh SCENARIO OUTFILE [extra msgprobe args]
# Exit: 0 report written (whatever it says); 2 usage; 4 ./msgprobe missing; 5 lab failed; 6 no report.
set -uo pipefail
LAB="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$LAB")"
[ $# -ge 2 ] || { sed -n '2,7p' "$0"; exit 2; }
[ "$(id -u)" -eq 0 ] || { echo "run-scenario: must run as root" >&2; exit 2; }
sc=$1 out=$2; shift 2
case $out in /*) ;; *) out="$PWD/$out" ;; esac
[ -x "$REPO/msgprobe" ] || { echo "run-scenario: ./msgprobe not found at $REPO: build the probe first" >&2; exit 4; }
trap 'bash "$LAB/lab.sh" down' EXIT
trap 'exit 130' INT TERM
rm -f "$out"
bash "$LAB/lab.sh" up "$sc" || exit 5
bash "$LAB/lab.sh" probe "$out" "$@"
[ -s "$out" ] || { echo "run-scenario: no report at $out" >&2; exit 6; }
/usr/bin/python3 "$LAB/lablib.py" compare "${out%.jsonl}.expected.json" "$out" || true
exit 0
