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
#
#   sudo bench/lab-bench.sh mix [ENDPOINTS] [PARALLEL...]
#   e.g. sudo bench/lab-bench.sh mix 5000 256
#
# The mixed-behaviour benchmark: ENDPOINTS (default 5000) https endpoints, each on its own host
# name (eNNNNN.bench.lab.test, one wildcard certificate), spread over ENDPOINTS/16 addresses in
# blocks, and a censor that treats each block differently: 60% of the endpoints reachable, 20%
# silently dropped (every packet, so the SYN goes unanswered), 10% reset on the ClientHello, 10%
# frozen after 16 KiB in a connection. Runs ./msgprobe (the built jar) once per PARALLEL value
# (default 256, plus `auto` when the build offers it) with msgprobe's own timeouts, then a fixed
# random subset at --parallel 1, and prints per run: wall time, the slowest endpoint's runtime
# (test_runtime), their ratio, endpoints per second, peak RSS of the JVM, accuracy by truth (per
# behaviour, the share whose verdict is reachable ok / blocked tcp.timeout / blocked tls.reset /
# blocked tcp.stall, and what the others got), and drift against the --parallel 1 subset (verdicts
# that differ; median runtime ratio). Environment:
#   BENCH_JAVA=/path/to/java   the JVM that runs the jar through ./msgprobe, with the launcher's
#                              JVM options (default: java on PATH), e.g.
#                              /usr/lib/jvm/temurin-25-jdk-amd64/bin/java
#   BENCH_SUBSET=100           endpoints in the --parallel 1 drift subset (0: no subset run)
#   BENCH_SEED=1               seed of the subset
#   BENCH_ADDRESSES=N          server addresses (default: ENDPOINTS/16, at least 10)
#   BENCH_TIMEOUT=S            pass --timeout S (default: msgprobe's own)
#   BENCH_ARGS="..."           extra msgprobe run arguments
# One lab at a time (fixed namespace names). Outputs stay in the printed directory.
#
# Sends traffic only inside the lab's namespaces; tears the lab down on every exit path.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scenario=${1:-tls-sni-rst}
if [ "$scenario" = mix ]; then count=${2:-5000}; else count=${2:-600}; fi
shift $(( $# >= 2 ? 2 : $# )) || true
parallels=("$@")
[ "$(id -u)" -eq 0 ] || { echo "bench: must run as root (the lab uses network namespaces)" >&2; exit 2; }
[[ "$count" =~ ^[1-9][0-9]*$ ]] || { echo "bench: ENDPOINTS must be a positive number, got '$count'" >&2; exit 2; }

work=$(mktemp -d /tmp/msgprobe-bench.XXXXXX)
probe_pid=
cleanup() {
  if [ -n "$probe_pid" ]; then kill "$probe_pid" 2>/dev/null || true; fi
  bash "$here/lab/lab.sh" down >/dev/null 2>&1 || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- mix: the mixed-behaviour benchmark ------------------------------------------------------
# run_mix LABEL LIST PARALLEL: one msgprobe run in the vantage; writes $work/LABEL.{jsonl,log,run}
run_mix() {
  local label=$1 list=$2 p=$3 peak=0 rss start end rc=0
  local timeout_args=()
  [ -n "${BENCH_TIMEOUT:-}" ] && timeout_args=(--timeout "$BENCH_TIMEOUT")
  # shellcheck disable=SC2086
  # through the launcher, so the run gets the JVM options a user gets (MSGPROBE_JAVA_OPTS and
  # MSGPROBE_JVM_DEFAULTS pass through); the launcher execs the JVM, so the PID stays the JVM's
  ip netns exec "$MP_LAB_NS" env MSGPROBE_JAVA="$java" "$here/msgprobe" run "$list" \
    --resolver "$MP_LAB_RESOLVER" --doh "$MP_LAB_DOH" --ca-file "$MP_LAB_CA" \
    --decoy-sni "$MP_LAB_DECOY_SNI" --stun "$MP_LAB_STUN" --controls none --store none \
    --no-progress --parallel "$p" "${timeout_args[@]}" ${BENCH_ARGS:-} -o "$work/$label.jsonl" \
    >"$work/$label.log" 2>&1 &
  probe_pid=$!
  start=$(date +%s.%N)
  # `ip netns exec` execs the JVM, so the PID is the JVM's; VmHWM is its peak resident set
  while kill -0 "$probe_pid" 2>/dev/null; do
    rss=$(awk '/^VmHWM/ {print $2}' "/proc/$probe_pid/status" 2>/dev/null || true)
    [ "${rss:-0}" -gt "$peak" ] && peak=$rss
    sleep 0.2
  done
  wait "$probe_pid" || rc=$?
  end=$(date +%s.%N)
  probe_pid=
  echo "{\"label\": \"$label\", \"parallel\": \"$p\", \"start\": $start, \"end\": $end, \"peak_kib\": $peak, \"exit\": $rc}" > "$work/$label.run"
}

if [ "$scenario" = mix ]; then
  java=${BENCH_JAVA:-java}
  cd "$here"
  ./msgprobe --version >/dev/null            # builds the jar if it is stale, outside the lab
  if [ ${#parallels[@]} -eq 0 ]; then
    parallels=(256)
    # the --parallel option's own help text (other options say `auto` too)
    ./msgprobe run --help 2>/dev/null | awk '/^ +--parallel=/ {f=1; print; next} f && /^ +-/ {f=0} f' | grep -q auto && parallels+=(auto)
  fi
  python3 bench/mixbench.py generate "$work" "$count" "${BENCH_ADDRESSES:-0}" \
    "${BENCH_SUBSET:-100}" "${BENCH_SEED:-1}"
  MP_LAB_LISTS="$work/mix.csv" MP_LAB_ADDRESSES="$work/pins.txt" bash lab/lab.sh up "$work/mix.conf" >/dev/null
  eval "$(bash lab/lab.sh env)"
  runs=()
  for p in "${parallels[@]}"; do
    run_mix "p$p" "$work/mix.csv" "$p"
    runs+=("p$p")
  done
  if [ "${BENCH_SUBSET:-100}" -gt 0 ]; then
    run_mix subset-p1 "$work/subset.csv" 1
  fi
  python3 bench/mixbench.py report "$work" "$("$java" -version 2>&1 | head -1)" "${runs[@]}"
  echo "bench: lists, reports and logs in $work"
  exit 0
fi

[ ${#parallels[@]} -gt 0 ] || parallels=(8 32)
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
