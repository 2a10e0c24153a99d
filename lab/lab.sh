#!/usr/bin/env bash
# msgprobe censorship lab: bring a scenario up, run commands in the vantage, tear down.
#
#   lab/lab.sh up SCENARIO      build namespaces, servers and censor for lab/scenarios/SCENARIO.conf
#   lab/lab.sh down             remove everything the lab created (idempotent)
#   lab/lab.sh exec CMD...      run CMD in the vantage namespace (mp-van)
#   lab/lab.sh ns NS CMD...     run CMD in mp-van | mp-isp | mp-inet
#   lab/lab.sh status           show what exists
#   lab/lab.sh check-kernel     test every kernel feature the lab uses
#   lab/lab.sh env              print the probe settings (resolver, DoH, CA, decoy) as VAR=value
#   lab/lab.sh probe OUT [ARG...]  run ./msgprobe in the vantage against the lab (report OUT,
#                               summary beside it), starting a control vantage if the scenario
#                               says `control: yes` and the probe has `helper`
#
# Safety: every namespace and link is named mp-*; links are created directly inside the lab
# namespaces (never in the root namespace); every nft/iptables/tc/sysctl command runs via
# `ip netns exec mp-...`; only processes whose PIDs the lab recorded are stopped.
# Environment: MP_LAB_RUN (run directory, default lab/run), MP_LAB_LISTS (list dir/files).
set -euo pipefail

LAB="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(dirname "$LAB")"
RUN_ROOT="${MP_LAB_RUN:-$LAB/run}"
RUN="$RUN_ROOT/cur"
CERTS="$RUN_ROOT/certs"
PY=/usr/bin/python3
NS_VAN=mp-van NS_ISP=mp-isp NS_INET=mp-inet
LINKS=(mp-van0 mp-isp-van mp-isp-inet mp-inet0)
# fixed addresses (keep in sync with lab/lablib.py)
VANTAGE_IP=10.77.1.2 ISP_VAN_IP=10.77.1.1 RESOLVER_IP=10.77.1.53
ISP_INET_IP=10.77.2.1 INET_IP=10.77.2.2 SINKHOLE_IP=95.167.13.50
# the vantage's public address: the ISP NATs it to this one; a STUN server on the internet side tells it
VANTAGE_PUBLIC_IP=95.167.77.7 STUN_PORT=3478
DOH_URL="https://1.1.1.1/dns-query"
DECOY_SNI=example.com

die() { echo "lab: $*" >&2; exit 1; }
need_root() { [ "$(id -u)" -eq 0 ] || die "must run as root"; }
nsx() { local ns=$1; shift; ip netns exec "$ns" "$@"; }
ns_exists() { ip netns list 2>/dev/null | awk '{print $1}' | grep -qx "$1"; }

need_tools() {
  local missing=()
  for t in ip nft iptables iptables-restore openssl curl dig ethtool; do
    command -v "$t" >/dev/null 2>&1 || missing+=("$t")
  done
  [ -x "$PY" ] || missing+=("$PY")
  [ ${#missing[@]} -eq 0 ] || die "missing tools: ${missing[*]} (run: bash lab/setup-deps.sh)"
}

# ---- kernel feature check (in a throw-away namespace) -------------------------
check_kernel() {
  need_root
  local ns=mp-kcheck ok=0 fail=0 out
  ns_exists $ns && ip netns del $ns
  ip netns add $ns || die "ip netns add failed: network namespaces unavailable"
  feature() {
    local name=$1; shift
    if out=$("$@" 2>&1); then echo "kernel: ok      $name"; ok=$((ok+1))
    else echo "kernel: MISSING $name: ${out//$'\n'/ }"; fail=$((fail+1)); fi
  }
  feature "veth pair inside namespaces" ip -n $ns link add mp-kc0 type veth peer name mp-kc1
  feature "iptables filter (nf_tables backend)" nsx $ns iptables -A FORWARD -j ACCEPT
  feature "xt_string (SNI match)" nsx $ns iptables -t mangle -A FORWARD -p tcp -m string --algo bm --hex-string '|00 03|abc' -j CONNMARK --set-mark 1
  feature "xt_connmark match" nsx $ns iptables -A FORWARD -m connmark --mark 1 -j DROP
  feature "xt_connbytes (freeze)" nsx $ns iptables -A FORWARD -m connbytes --connbytes 16384: --connbytes-dir both --connbytes-mode bytes -j DROP
  feature "xt_hashlimit bytes (policing)" nsx $ns iptables -A FORWARD -m hashlimit --hashlimit-mode srcip,srcport,dstip,dstport --hashlimit-above 16kb/s --hashlimit-burst 16kb --hashlimit-name kc -j DROP
  feature "xt_conntrack" nsx $ns iptables -A FORWARD -m conntrack --ctstate NEW -j ACCEPT
  feature "xt_multiport" nsx $ns iptables -A FORWARD -p tcp -m multiport --dports 80,443 -j ACCEPT
  feature "REJECT tcp-reset" nsx $ns iptables -A FORWARD -p tcp -j REJECT --reject-with tcp-reset
  feature "nat DNAT" nsx $ns iptables -t nat -A PREROUTING -p tcp -j DNAT --to-destination 10.0.0.1:1
  feature "nft native table + raw payload" nsx $ns nft -f - <<'EOF'
table inet mp_kcheck {
  chain c {
    type filter hook forward priority 10;
    udp dport 443 udp length >= 1009 @th,72,32 0x00000001 drop
  }
}
EOF
  feature "conntrack accounting sysctl" nsx $ns sysctl -qw net.netfilter.nf_conntrack_acct=1
  feature "tc tbf qdisc" nsx $ns tc qdisc add dev lo root tbf rate 128kbit burst 4kb latency 50ms
  if nsx $ns tc qdisc add dev mp-kc0 root netem delay 1ms >/dev/null 2>&1; then
    echo "kernel: ok      tc netem (not used)"; else echo "kernel: absent  tc netem (not used by the lab)"; fi
  ip netns del $ns
  echo "kernel: $ok ok, $fail missing"
  [ $fail -eq 0 ]
}

# ---- certificates ---------------------------------------------------------------
make_certs() {
  mkdir -p "$CERTS"
  local want have
  want=$(cat "$RUN/hosts.txt" "$RUN/addresses.txt" | sha256sum | cut -c1-16)
  have=$(cat "$CERTS/hash" 2>/dev/null || true)
  # reuse while the names are unchanged and the certificates are good for another day
  [ "$want" = "$have" ] && [ -s "$CERTS/lab-leaf.pem" ] && [ -s "$CERTS/isp-leaf.pem" ] &&
    openssl x509 -checkend 86400 -noout -in "$CERTS/lab-leaf.pem" >/dev/null 2>&1 && return 0
  local t=$CERTS/tmp; rm -rf "$t"; mkdir -p "$t"
  local san="" h
  while read -r h; do [ -n "$h" ] && san+="DNS:$h,"; done < "$RUN/hosts.txt"
  while read -r h; do [ -n "$h" ] && san+="IP:$h,"; done < "$RUN/addresses.txt"
  san=${san%,}
  gen_ca() { # $1 prefix $2 CN
    openssl req -x509 -new -nodes -newkey ec -pkeyopt ec_paramgen_curve:P-256 \
      -keyout "$t/$1-ca.key" -out "$t/$1-ca.pem" -days 30 -subj "/CN=$2" \
      -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
  }
  gen_leaf() { # $1 prefix $2 CN $3 SAN
    openssl req -new -nodes -newkey ec -pkeyopt ec_paramgen_curve:P-256 \
      -keyout "$t/$1-leaf.key" -out "$t/$1-leaf.csr" -subj "/CN=$2" 2>/dev/null
    printf 'subjectAltName=%s\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature\nextendedKeyUsage=serverAuth\n' "$3" > "$t/$1.ext"
    openssl x509 -req -in "$t/$1-leaf.csr" -CA "$t/$1-ca.pem" -CAkey "$t/$1-ca.key" \
      -CAcreateserial -days 30 -extfile "$t/$1.ext" -out "$t/$1-leaf.pem" 2>/dev/null
  }
  gen_ca lab "msgprobe lab CA"
  gen_leaf lab "msgprobe lab server" "$san"
  # the ISP's interception CA is never trusted by anyone (stands in for a national root CA)
  gen_ca isp "Russian Trusted Root CA (msgprobe lab imitation)"
  gen_leaf isp "block.rt.ru" "$san,DNS:warning.rt.ru,DNS:block.rt.ru,IP:$SINKHOLE_IP"
  cat "$t/lab-leaf.pem" "$t/lab-ca.pem" > "$t/lab-chain.pem"; mv "$t/lab-chain.pem" "$t/lab-leaf.pem"
  cat "$t/isp-leaf.pem" "$t/isp-ca.pem" > "$t/isp-chain.pem"; mv "$t/isp-chain.pem" "$t/isp-leaf.pem"
  for f in lab-ca.pem lab-leaf.pem lab-leaf.key isp-ca.pem isp-leaf.pem isp-leaf.key; do mv "$t/$f" "$CERTS/$f"; done
  chmod 600 "$CERTS"/*.key
  rm -rf "$t"
  echo "$want" > "$CERTS/hash"
}

# ---- up / down --------------------------------------------------------------------
# Runs CMD in place of the calling (background) shell with no descriptor above 2: a long-lived server
# must not keep a descriptor it inherited, such as the lab lock `flock` holds around a lab command.
detached() {
  local fd
  for fd in /proc/self/fd/*; do
    fd=${fd##*/}
    [ "$fd" -gt 2 ] 2>/dev/null && eval "exec $fd>&-" 2>/dev/null
  done
  exec "$@"
}

start_server() { # $1 ns, $2 name, rest: args
  local ns=$1 name=$2; shift 2
  # a simple command in the background: $! is the process that becomes the server itself
  detached ip netns exec "$ns" "$PY" "$@" >"$RUN/$name.log" 2>&1 &
  echo "$! $name" >> "$RUN/pids"
}

# The real QUIC servers (kwik, on the JVM) on UDP 443 of every address that has quic rows. They need
# the test classes and the test classpath Maven writes (mvn test-compile or any later phase).
start_quic() {
  local addrs cp
  addrs=$("$PY" -c 'import json,sys; print(" ".join(json.load(open(sys.argv[1])).get("quic", [])))' "$RUN/inet.json")
  [ -n "$addrs" ] || return 0
  [ -s "$REPO/target/test-classpath.txt" ] && [ -d "$REPO/target/test-classes/dev/msgprobe/lab" ] ||
    die "quic rows need the lab QUIC server: run 'mvn -B -q test-compile' first"
  cp="$REPO/target/test-classes:$REPO/target/classes:$(cat "$REPO/target/test-classpath.txt")"
  # shellcheck disable=SC2086
  detached ip netns exec $NS_INET java -Xmx256m -cp "$cp" dev.msgprobe.lab.LabQuicServer \
    "$CERTS/lab-leaf.pem" "$CERTS/lab-leaf.key" "$RUN/quic.ready" $addrs >"$RUN/quic.log" 2>&1 &
  echo "$! quic" >> "$RUN/pids"
  for _ in $(seq 1 600); do
    [ -s "$RUN/quic.ready" ] && return 0
    kill -0 "$!" 2>/dev/null || { cat "$RUN/quic.log" >&2; die "server quic died"; }
    sleep 0.05
  done
  die "QUIC servers not ready after 30 s"
}

wait_ready() {
  local f
  for _ in $(seq 1 100); do
    local all=1
    for f in "$@"; do [ -s "$RUN/$f.ready" ] || all=0; done
    [ $all -eq 1 ] && return 0
    # a server that died is fatal
    while read -r pid name; do
      kill -0 "$pid" 2>/dev/null || { cat "$RUN/$name.log" >&2; die "server $name died"; }
    done < "$RUN/pids"
    sleep 0.05
  done
  die "servers not ready after 5 s: $*"
}

lab_up() {
  need_root; need_tools
  local sc=$1 scfile
  if [ -f "$sc" ]; then scfile=$sc; else scfile="$LAB/scenarios/$sc.conf"; fi
  [ -f "$scfile" ] || die "no scenario '$sc' (see lab/scenarios/)"
  for ns in $NS_VAN $NS_ISP $NS_INET; do
    ns_exists $ns && die "namespace $ns exists: the lab is already up (lab/lab.sh down)"
  done
  rm -rf "$RUN"; mkdir -p "$RUN"; : > "$RUN/pids"
  # any failure from here on removes what was built
  trap 'rc=$?; echo "lab: bring-up failed, tearing down" >&2; lab_down; exit $rc' EXIT
  # shellcheck disable=SC2086
  "$PY" "$LAB/lablib.py" plan "$scfile" "$RUN" ${MP_LAB_LISTS:-} >/dev/null
  "$PY" -c 'import json,sys; print("\n".join(json.load(open(sys.argv[1]))["addresses"]))' \
    "$RUN/inet.json" > "$RUN/addresses.txt"
  make_certs

  ip netns add $NS_VAN; ip netns add $NS_ISP; ip netns add $NS_INET
  # links are born inside the lab namespaces
  ip link add mp-van0 netns $NS_VAN type veth peer name mp-isp-van netns $NS_ISP
  ip link add mp-isp-inet netns $NS_ISP type veth peer name mp-inet0 netns $NS_INET
  local ns
  for ns in $NS_VAN $NS_ISP $NS_INET; do
    nsx $ns sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
    ip -n $ns link set lo up
  done
  # vantage
  ip -n $NS_VAN addr add $VANTAGE_IP/24 dev mp-van0
  ip -n $NS_VAN link set mp-van0 up
  ip -n $NS_VAN route add default via $ISP_VAN_IP
  # ISP (router + resolver + censor)
  ip -n $NS_ISP addr add $ISP_VAN_IP/24 dev mp-isp-van
  ip -n $NS_ISP addr add $ISP_INET_IP/24 dev mp-isp-inet
  ip -n $NS_ISP addr add $RESOLVER_IP/32 dev lo
  ip -n $NS_ISP addr add $SINKHOLE_IP/32 dev lo
  ip -n $NS_ISP link set mp-isp-van up
  ip -n $NS_ISP link set mp-isp-inet up
  ip -n $NS_ISP route add default via $INET_IP
  ip -n $NS_ISP route add blackhole 10.0.0.0/8      # bogon answers go nowhere (timeout)
  nsx $NS_ISP sysctl -qw net.ipv4.ip_forward=1 net.ipv4.conf.all.rp_filter=0 \
    net.ipv4.conf.default.rp_filter=0 net.netfilter.nf_conntrack_acct=1
  # internet: every lab address lives on its loopback
  ip -n $NS_INET addr add $INET_IP/24 dev mp-inet0
  ip -n $NS_INET link set mp-inet0 up
  ip -n $NS_INET route add 10.77.1.0/24 via $ISP_INET_IP
  ip -n $NS_INET route add $VANTAGE_PUBLIC_IP/32 via $ISP_INET_IP
  sed 's|.*|addr add &/32 dev lo|' "$RUN/addresses.txt" > "$RUN/inet-addrs.batch"
  ip -n $NS_INET -batch "$RUN/inet-addrs.batch"
  # real links carry MTU-sized packets: no TSO/GSO/GRO super-packets, so the censor's
  # byte and rate counters see what a real middlebox sees
  nsx $NS_VAN ethtool -K mp-van0 tso off gso off gro off >/dev/null 2>&1 || die "ethtool -K failed"
  nsx $NS_ISP ethtool -K mp-isp-van tso off gso off gro off >/dev/null 2>&1 || die "ethtool -K failed"
  nsx $NS_ISP ethtool -K mp-isp-inet tso off gso off gro off >/dev/null 2>&1 || die "ethtool -K failed"
  nsx $NS_INET ethtool -K mp-inet0 tso off gso off gro off >/dev/null 2>&1 || die "ethtool -K failed"
  # censor
  nsx $NS_ISP iptables-restore < "$RUN/censor.iptables"
  # (after the restore, which flushes the nat table) the vantage reaches the internet behind the
  # ISP's NAT with a public-looking address; only the ISP namespace's own table is touched
  nsx $NS_ISP iptables -t nat -A POSTROUTING -s $VANTAGE_IP -o mp-isp-inet -j SNAT --to-source $VANTAGE_PUBLIC_IP
  [ -s "$RUN/censor.nft" ] && nsx $NS_ISP nft -f "$RUN/censor.nft"
  # servers
  start_server $NS_INET inet "$LAB/servers/internet.py" "$RUN/inet.json" "$CERTS" "$RUN/inet.ready" --no-dns
  start_server $NS_INET dns "$LAB/servers/internet.py" "$RUN/inet.json" "$CERTS" "$RUN/dns.ready" --dns-only
  start_server $NS_ISP isp "$LAB/servers/isp.py" "$RUN/isp.json" "$CERTS" "$RUN/isp.ready"
  start_server $NS_INET stun "$LAB/servers/stun.py" "$INET_IP" "$STUN_PORT" "$RUN/stun.ready"
  wait_ready inet dns isp stun
  start_quic
  cp "$CERTS/lab-ca.pem" "$RUN/lab-ca.pem"
  echo "$sc" > "$RUN/scenario"
  trap - EXIT
  echo "lab: up: scenario $(basename "$scfile" .conf); vantage $VANTAGE_IP, resolver $RESOLVER_IP, DoH $DOH_URL, CA $RUN/lab-ca.pem"
}

# whether PID is still one of this lab's servers: a python server of lab/servers/, or the QUIC
# server started with this lab's certificates (a recycled PID is left alone)
is_lab_server() {
  [ -r "/proc/$1/cmdline" ] || return 1
  local cmd
  cmd=$(tr '\0' ' ' < "/proc/$1/cmdline")
  [[ "$cmd" == *"$LAB/servers/"* ]] || [[ "$cmd" == *"dev.msgprobe.lab.LabQuicServer $CERTS/"* ]]
}

lab_down() {
  # stop our servers, by recorded PID only (and only if it is still our server)
  if [ -f "$RUN/pids" ]; then
    local pid name
    while read -r pid name; do
      [ -n "$pid" ] || continue
      if is_lab_server "$pid"; then kill "$pid" 2>/dev/null || true; fi
    done < "$RUN/pids"
    sleep 0.1
    while read -r pid name; do
      [ -n "$pid" ] || continue
      if is_lab_server "$pid"; then kill -9 "$pid" 2>/dev/null || true; fi
    done < "$RUN/pids"
    : > "$RUN/pids"
  fi
  # extra PIDs started by other lab scripts (e.g. the probe's helper), same rule
  # (started with setsid, so each PID is also its process group: stop the group, by id)
  if [ -f "$RUN/extra-pids" ]; then
    local pid
    while read -r pid _; do
      [ -n "$pid" ] && kill -- "-$pid" 2>/dev/null || true
    done < "$RUN/extra-pids"
    rm -f "$RUN/extra-pids"
  fi
  local ns l
  for ns in $NS_VAN $NS_ISP $NS_INET mp-kcheck; do
    if ns_exists $ns; then ip netns del $ns 2>/dev/null || true; fi
  done
  # links die with their namespaces; remove any of ours that ended up in the root namespace
  for l in "${LINKS[@]}"; do
    if ip link show "$l" >/dev/null 2>&1; then ip link del "$l" 2>/dev/null || true; fi
  done
  return 0
}

lab_status() {
  echo "namespaces: $(ip netns list 2>/dev/null | awk '{print $1}' | grep '^mp-' | tr '\n' ' ')"
  echo "root-ns links: $(ip -o link show 2>/dev/null | awk -F': ' '{print $2}' | grep '^mp-' | tr '\n' ' ')"
  if [ -f "$RUN/pids" ]; then
    while read -r pid name; do
      [ -n "$pid" ] && { kill -0 "$pid" 2>/dev/null && echo "server $name: pid $pid running" || echo "server $name: pid $pid gone"; }
    done < "$RUN/pids"
  fi
  [ -f "$RUN/scenario" ] && echo "scenario: $(cat "$RUN/scenario")"
  return 0
}

lab_env() {
  echo "MP_LAB_NS=$NS_VAN"
  echo "MP_LAB_RESOLVER=$RESOLVER_IP"
  echo "MP_LAB_DOH=$DOH_URL"
  echo "MP_LAB_CA=$RUN/lab-ca.pem"
  echo "MP_LAB_DECOY_SNI=$DECOY_SNI"
  echo "MP_LAB_RUN=$RUN"
  echo "MP_LAB_INET_IP=$INET_IP"
  echo "MP_LAB_STUN=$INET_IP:$STUN_PORT"
  echo "MP_LAB_VANTAGE_IP=$VANTAGE_IP"
  echo "MP_LAB_VANTAGE_PUBLIC_IP=$VANTAGE_PUBLIC_IP"
}

MSGPROBE="$REPO/msgprobe"
HELPER_ADDR="$INET_IP:8765"

have_probe() { [ -x "$MSGPROBE" ]; }

probe_prepare() {
  have_probe || die "./msgprobe not found at $REPO (the probe is not built yet)"
  # build outside the lab namespaces: the vantage has no route to any registry
  (cd "$REPO" && "$MSGPROBE" --version >/dev/null) || die "./msgprobe --version failed (build?)"
}

start_control() {
  # the control vantage (OONI test-helper API) lives in the uncensored internet namespace and
  # resolves through the lab's authoritative DNS (resolv.conf bind-mounted in a private mount ns)
  grep -q '^SC_CONTROL=yes' "$RUN/scenario.env" || return 0
  if ! (cd "$REPO" && "$MSGPROBE" helper --help >/dev/null 2>&1); then
    echo "lab: scenario wants a control vantage but ./msgprobe has no working 'helper'; running without" >&2
    return 0
  fi
  echo "nameserver 193.0.14.129" > "$RUN/inet-resolv.conf"
  detached setsid ip netns exec $NS_INET unshare -m --propagation private sh -c \
    "mount --bind '$RUN/inet-resolv.conf' /etc/resolv.conf && cd '$REPO' && exec '$MSGPROBE' helper --listen $HELPER_ADDR --allow-private" \
    > "$RUN/helper.log" 2>&1 &
  echo "$! helper" >> "$RUN/extra-pids"
  for _ in $(seq 1 100); do
    nsx $NS_VAN bash -c "exec 3<>/dev/tcp/${HELPER_ADDR%:*}/${HELPER_ADDR#*:}" 2>/dev/null && { echo "http://$HELPER_ADDR/"; return 0; }
    sleep 0.2
  done
  echo "lab: control vantage did not start (see $RUN/helper.log); running without" >&2
}

lab_probe() {
  need_root
  local out=$1; shift
  [ -f "$RUN/scenario.env" ] || die "the lab is not up"
  probe_prepare
  local targets=() control
  # shellcheck disable=SC1091
  . "$RUN/scenario.env"
  if [ "${SC_OWN_LISTS:-no}" = yes ] || [ ! -d "$REPO/test-lists" ]; then
    # the scenario's own lists, or no built-in lists yet: measure the lab's lists (controls stay baselines)
    for f in $LISTS; do [ "$(basename "$f")" = controls.csv ] || targets+=("$f"); done
  fi
  local extra=() wrap=()
  read -ra extra <<< "${SC_PROBE_ARGS:-}"
  # the probe's peak resident memory (GNU time, KiB) and, when the scenario sets one, a hard deadline
  # (timeout: SIGTERM, then SIGKILL 10 s later; exit 124 or 137 means the run hung past it)
  [ -x /usr/bin/time ] && wrap+=(/usr/bin/time -f %M -o "${out%.jsonl}.maxrss-kib")
  [ -n "${SC_DEADLINE:-}" ] && wrap+=(timeout -k 10 "$SC_DEADLINE")
  control=$(start_control)
  mkdir -p "$(dirname "$out")"
  rm -f "${out%.jsonl}.maxrss-kib" "${out%.jsonl}.exit"
  local rc=0
  (cd "$REPO" && nsx $NS_VAN "${wrap[@]}" env MSGPROBE_JAVA_OPTS="${SC_JVM_OPTS:-${MSGPROBE_JAVA_OPTS:-}}" \
      "$MSGPROBE" run "${targets[@]}" \
      --resolver "$RESOLVER_IP" --doh "$DOH_URL" --ca-file "$RUN/lab-ca.pem" \
      --decoy-sni "$DECOY_SNI" --timeout "${MP_LAB_TIMEOUT:-2}" --parallel "${MP_LAB_PARALLEL:-16}" \
      --no-progress --store "${MP_LAB_STORE:-none}" --stun "$INET_IP:$STUN_PORT" ${control:+--control "$control"} \
      "${extra[@]}" -o "$out" "$@") || rc=$?
  echo "$rc" > "${out%.jsonl}.exit"
  cp "$RUN/expected.json" "${out%.jsonl}.expected.json"
  echo "lab: msgprobe exited $rc; report $out; expectations ${out%.jsonl}.expected.json" >&2
  return $rc
}

case "${1:-}" in
  up) [ $# -ge 2 ] || die "usage: lab.sh up SCENARIO"; lab_up "$2" ;;
  down) need_root; lab_down ;;
  exec) shift; need_root; nsx $NS_VAN "$@" ;;
  ns) shift; need_root; ns=$1; shift; case $ns in mp-van|mp-isp|mp-inet) nsx "$ns" "$@";; *) die "unknown namespace $ns";; esac ;;
  status) lab_status ;;
  check-kernel) check_kernel ;;
  env) lab_env ;;
  probe) shift; [ $# -ge 1 ] || die "usage: lab.sh probe OUT.jsonl [msgprobe args]"; lab_probe "$@" ;;
  *) sed -n '2,16p' "${BASH_SOURCE[0]}"; exit 2 ;;
esac
