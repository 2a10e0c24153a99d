#!/usr/bin/env bash
# Fleet benchmark (not a test): COUNT synthetic measurements from PROBES probes through `msgprobe
# collector` into a throwaway PostgreSQL, all on loopback. Prints measurements per second through the
# collector, the database size per million measurements, and the time of the per-ASN report query
# (`msgprobe report --store ... --by asn`). Needs Debian's postgresql package and target/msgprobe.jar.
#   bench/fleet-bench.sh [COUNT=1000000] [PROBES=200] [THREADS=16]
set -euo pipefail
COUNT=${1:-1000000}
PROBES=${2:-200}
THREADS=${3:-16}
REPO=$(cd "$(dirname "$0")/.." && pwd)
JAR="$REPO/target/msgprobe.jar"
[ -f "$JAR" ] || { echo "fleet-bench: build first (mvn -B -q package -DskipTests)" >&2; exit 2; }
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -n "$BIN" ] || { echo "fleet-bench: PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 2; }

WORK=$(mktemp -d /tmp/mp-fleet-bench.XXXXXX)
chmod 700 "$WORK"
AS=()
if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$WORK"; AS=(runuser -u postgres --); fi
PGPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
CPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
COLLECTOR_PID=
cleanup() {
  [ -n "$COLLECTOR_PID" ] && kill "$COLLECTOR_PID" 2>/dev/null || true
  "${AS[@]}" "$BIN/pg_ctl" -D "$WORK/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$WORK"
}
trap cleanup EXIT

"${AS[@]}" "$BIN/initdb" -D "$WORK/data" -A trust -U msgprobe -E UTF8 >/dev/null
"${AS[@]}" "$BIN/pg_ctl" -D "$WORK/data" -w -l "$WORK/pg.log" \
  -o "-p $PGPORT -k $WORK -c listen_addresses=127.0.0.1 -c shared_buffers=256MB -c max_wal_size=4GB -c synchronous_commit=off" \
  start >/dev/null
"$BIN/psql" -h 127.0.0.1 -p "$PGPORT" -U msgprobe -d postgres -qc "CREATE DATABASE fleet"
STORE="postgresql://msgprobe@127.0.0.1:$PGPORT/fleet"

java -jar "$JAR" collector --listen "127.0.0.1:$CPORT" --store "$STORE" --max-inflight 32 >"$WORK/collector.log" 2>&1 &
COLLECTOR_PID=$!
for _ in $(seq 100); do grep -q listening "$WORK/collector.log" 2>/dev/null && break; sleep 0.2; done
grep -q listening "$WORK/collector.log" || { cat "$WORK/collector.log" >&2; exit 1; }

echo "fleet-bench: $COUNT measurements from $PROBES probes, $THREADS at a time, PostgreSQL $(basename "$(dirname "$BIN")") on loopback"
LOAD=$(java -cp "$JAR" "$REPO/bench/FleetLoad.java" "http://127.0.0.1:$CPORT" "$COUNT" "$PROBES" "$THREADS")
echo "load: $LOAD"
ROWS=$("$BIN/psql" -h 127.0.0.1 -p "$PGPORT" -U msgprobe -d fleet -Atc "SELECT count(*) FROM measurements")
BYTES=$("$BIN/psql" -h 127.0.0.1 -p "$PGPORT" -U msgprobe -d fleet -Atc "SELECT pg_database_size('fleet')")
PARTS=$("$BIN/psql" -h 127.0.0.1 -p "$PGPORT" -U msgprobe -d fleet -Atc "SELECT count(*) FROM pg_inherits WHERE inhparent = 'measurements'::regclass")
echo "stored: $ROWS measurements in $PARTS monthly partitions; database $((BYTES / 1048576)) MiB;" \
  "$(python3 -c "print(round($BYTES / 1048576 / max($ROWS,1) * 1e6))") MiB per million"
"$BIN/psql" -h 127.0.0.1 -p "$PGPORT" -U msgprobe -d fleet -qc "VACUUM ANALYZE measurements"
for i in 1 2; do
  START=$(date +%s.%N)
  java -jar "$JAR" report --store "$STORE" --by asn > "$WORK/by-asn.txt"
  END=$(date +%s.%N)
  echo "report --store ... --by asn (run $i, JVM start included): $(python3 -c "print(round($END - $START, 2))") s"
done
head -3 "$WORK/by-asn.txt"
grep -m2 '^whatsapp' "$WORK/by-asn.txt" | cut -c1-160 || true
