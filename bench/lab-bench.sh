#!/usr/bin/env bash
# Throughput, memory and accuracy of msgprobe under load, measured in the censorship lab (root).
#
#   sudo bench/lab-bench.sh [SCENARIO] [ENDPOINTS] [PARALLEL...]
#   e.g. sudo bench/lab-bench.sh tls-sni-rst 600 8 32
#
# Builds a list of ENDPOINTS https endpoints on the hosts of the built-in lists (distinct paths, so
# each is its own measurement), brings the lab up with SCENARIO (default tls-sni-rst), runs
# ./msgprobe in the vantage once per PARALLEL value, and prints per run: wall time, endpoints per
# second, peak resident memory of the JVM, and accuracy: the share of endpoints whose verdict is the
# expected one (reachable on clean hosts; for tls-sni-rst, tls.reset on WhatsApp/Telegram hosts).
# Sends traffic only inside the lab's namespaces; tears the lab down on every exit path.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scenario=${1:-tls-sni-rst}
count=${2:-600}
shift $(( $# >= 2 ? 2 : $# )) || true
parallels=("$@")
[ ${#parallels[@]} -gt 0 ] || parallels=(8 32)
[ "$(id -u)" -eq 0 ] || { echo "bench: must run as root (the lab uses network namespaces)" >&2; exit 2; }

work=$(mktemp -d /tmp/msgprobe-bench.XXXXXX)
cleanup() { bash "$here/lab/lab.sh" down >/dev/null 2>&1 || true; }
trap cleanup EXIT INT TERM

python3 - "$here/test-lists" "$count" > "$work/bench.csv" <<'PY'
import csv, glob, os, sys, urllib.parse
lists, count = sys.argv[1], int(sys.argv[2])
hosts = []
for f in sorted(glob.glob(os.path.join(lists, "*.csv"))):
    if os.path.basename(f) == "controls.csv":
        continue
    for row in csv.DictReader(open(f, encoding="utf-8")):
        u = urllib.parse.urlsplit(row["url"])
        if u.scheme == "https" and u.hostname not in [h for h, _ in hosts]:
            hosts.append((u.hostname, row.get("service") or os.path.basename(f)[:-4]))
print("url,service,function")
for i in range(count):
    host, service = hosts[i % len(hosts)]
    print(f"https://{host}/bench/{i},{service},bench")
PY

cd "$here"
./msgprobe --version >/dev/null
bash lab/lab.sh up "$scenario" >/dev/null
printf '%-9s %-9s %-8s %-12s %-10s %s\n' scenario parallel seconds endpoints/s peak_MiB accuracy
for p in "${parallels[@]}"; do
  out="$work/p$p.jsonl"
  peak=0
  MP_LAB_PARALLEL=$p bash lab/lab.sh probe "$out" "$work/bench.csv" --controls none >"$work/p$p.log" 2>&1 &
  probe=$!
  start=$(date +%s.%N)
  while kill -0 "$probe" 2>/dev/null; do
    for pid in $(pgrep -f "msgprobe.jar run" || true); do
      rss=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
      [ "${rss:-0}" -gt "$peak" ] && peak=$rss
    done
    sleep 0.2
  done
  wait "$probe" || true
  end=$(date +%s.%N)
  python3 - "$out" "$scenario" "$p" "$start" "$end" "$peak" <<'PY'
import json, sys
out, scenario, p, start, end, peak = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6])
lines = [json.loads(l) for l in open(out) if l.strip()]
def expected(m):
    service = m["annotations"]["service"]
    if scenario == "tls-sni-rst" and service in ("whatsapp", "telegram"):
        return ("blocked", "tls.reset")
    return ("reachable", "ok")
right = sum(1 for m in lines if (m["test_keys"]["verdict"]["status"], m["test_keys"]["verdict"]["method"]) == expected(m))
secs = end - start
print(f"{scenario:<9} {p:<9} {secs:<8.1f} {len(lines)/secs:<12.1f} {peak/1024:<10.0f} {right}/{len(lines)} ({100*right/max(1,len(lines)):.1f}%)")
PY
done
echo "bench: lists and reports in $work"
