#!/usr/bin/env bash
# Scale benchmark on loopback (not a test; no lab, no root): ENDPOINTS https endpoints of mixed behaviour
# (60% reachable, 20% silent after the TCP handshake, 10% reset after the ClientHello, 10% frozen after
# 16 KiB; see bench/ScaleServers.java) measured by one `msgprobe run`. Prints the wall time, the peak
# resident memory (GNU time's maximum RSS = the process's VmHWM), endpoints per second, the parallelism
# the run used, and for each server behaviour the verdicts it got: one line per behaviour means no verdict
# drift between endpoints of the same behaviour. With SAMPLE > 0 the first SAMPLE endpoints are measured
# again at --parallel 1 and every verdict compared with the full run's.
#
#   bench/scale-loopback.sh [ENDPOINTS=5000] [PARALLEL=auto] [SAMPLE=0]
#   MSGPROBE_BENCH_JAVA   java that runs the probe (default: java on PATH)
#   MSGPROBE_BENCH_JAR    the probe's jar (default: target/msgprobe.jar)
#   MSGPROBE_BENCH_OPTS   JVM options of the probe (default: those of ./msgprobe, see its header)
#   MSGPROBE_BENCH_TIMEOUT --timeout of the run in seconds (default 6, the probe's own)
# The servers run on the newest JDK found (they need virtual threads); the classpath comes from Maven.
set -euo pipefail
ENDPOINTS=${1:-5000}
PARALLEL=${2:-auto}
SAMPLE=${3:-0}
REPO=$(cd "$(dirname "$0")/.." && pwd)
JAVA=${MSGPROBE_BENCH_JAVA:-java}
JAR=${MSGPROBE_BENCH_JAR:-$REPO/target/msgprobe.jar}
TIMEOUT=${MSGPROBE_BENCH_TIMEOUT:-6}
[ -f "$JAR" ] || { echo "scale-loopback: build first (mvn -B -q package -DskipTests)" >&2; exit 2; }
SERVER_JAVA=$(ls -d /usr/lib/jvm/*/bin/java 2>/dev/null | grep -E -- '-(2[1-9]|[3-9][0-9])-' | sort -V | tail -1)
[ -n "$SERVER_JAVA" ] || { echo "scale-loopback: the servers need a JDK 21 or newer under /usr/lib/jvm" >&2; exit 2; }
if [ -z "${MSGPROBE_BENCH_OPTS+x}" ]; then
  MSGPROBE_BENCH_OPTS=$(sed -n 's/^default_opts="\(.*\)"$/\1/p' "$REPO/msgprobe")
fi

WORK=$(mktemp -d /tmp/mp-scale-bench.XXXXXX)
SERVERS_PID=
cleanup() {
  [ -n "$SERVERS_PID" ] && kill "$SERVERS_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

(cd "$REPO" && mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" \
  -Dmdep.includeScope=test >/dev/null)
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
"$SERVER_JAVA" -Xss256k -cp "$(cat "$WORK/cp.txt")" "$REPO/bench/ScaleServers.java" "$WORK" "$ENDPOINTS" "$PORT" \
  >"$WORK/servers.log" 2>&1 &
SERVERS_PID=$!
for _ in $(seq 600); do grep -q ready "$WORK/servers.log" 2>/dev/null && break; sleep 0.2; done
grep -q ready "$WORK/servers.log" || { cat "$WORK/servers.log" >&2; exit 1; }

probe() { # OUTPUT LIST PARALLEL; HOME is the bench's, so the history store it fills is thrown away too
  # shellcheck disable=SC2086
  HOME="$WORK/home" /usr/bin/time -f '%e %M' -o "$1.time" "$JAVA" $MSGPROBE_BENCH_OPTS -jar "$JAR" run "$2" -o "$1" \
    --parallel "$3" --timeout "$TIMEOUT" --ca-file "$WORK/ca.pem" --controls none --no-doh \
    --resolver 127.0.0.1:9 --resolver-echo none --no-geoip --stun none --no-progress --json \
    >"$1.out" 2>"$1.err" || true
}
verdicts() { # REPORT -> url status method, sorted
  python3 - "$1" <<'EOF'
import json, sys
for line in open(sys.argv[1]):
    m = json.loads(line)
    v = m["test_keys"]["verdict"]
    print(m["input"], v["status"], v.get("method"))
EOF
}

probe "$WORK/full.jsonl" "$WORK/list.csv" "$PARALLEL"
read -r WALL RSS_KB < <(tail -n 1 "$WORK/full.jsonl.time")
STATUS=$(grep -o 'non-zero status [0-9]*' "$WORK/full.jsonl.time" | grep -o '[0-9]*$' || echo 0)
COUNT=$(wc -l <"$WORK/full.jsonl")
echo "java: $("$JAVA" -version 2>&1 | head -1)"
echo "jvm options: ${MSGPROBE_BENCH_OPTS:-(none)}"
grep -h 'parallel' "$WORK/full.jsonl.err" || true
echo "exit status: $STATUS"
echo "endpoints: $ENDPOINTS measured: $COUNT  wall: ${WALL}s  peak RSS: $((RSS_KB / 1024)) MiB" \
  " endpoints/s: $(python3 -c "print(round($COUNT / max($WALL, 0.01), 1))")"
verdicts "$WORK/full.jsonl" | sort >"$WORK/full.verdicts"
echo "slowest endpoint: $(python3 -c "import json,sys; print(max(json.loads(l)['test_runtime'] for l in open(sys.argv[1])))" "$WORK/full.jsonl")s"
echo "verdicts by server behaviour (count kind status method):"
join <(sort "$WORK/kinds.csv" | tr ',' ' ') "$WORK/full.verdicts" | awk '{print $2, $3, $4}' | sort | uniq -c
if [ "$SAMPLE" -gt 0 ]; then
  head -n $((SAMPLE + 1)) "$WORK/list.csv" >"$WORK/sample.csv"
  probe "$WORK/sample.jsonl" "$WORK/sample.csv" 1
  verdicts "$WORK/sample.jsonl" | sort >"$WORK/sample.verdicts"
  DRIFT=$(join "$WORK/sample.verdicts" "$WORK/full.verdicts" | awk '$2 != $4 || $3 != $5' | wc -l)
  echo "verdict drift against --parallel 1 on the first $SAMPLE endpoints: $DRIFT"
fi
