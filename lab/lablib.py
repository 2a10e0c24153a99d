#!/usr/bin/python3
"""msgprobe censorship lab: planner.

Reads the test lists (CSV, column `url`, optional `service`, `function`, `method`)
and one scenario file, and writes everything the lab needs into a run directory:

  plan.json        hosts, addresses, endpoints, scenario (for humans and scripts)
  inet.json        config of lab/servers/internet.py (addresses, listeners, zone)
  isp.json         config of lab/servers/isp.py (resolver policy, proxies)
  censor.iptables  iptables-restore input for the ISP namespace
  censor.nft       nft -f input for the ISP namespace (native nft rules)
  inet-down.nft    nft -f input for the internet namespace (nothing yet; kept empty)
  expected.json    expected verdict for every endpoint of the lists
  hosts.txt        every lab hostname for the certificates (big domains as one wildcard)

Python 3 standard library only. Usage:
  lablib.py plan SCENARIO_FILE RUN_DIR [LIST_DIR_OR_FILE...]
  lablib.py expect SCENARIO_FILE [LIST...]        print the expectation table
  lablib.py show SCENARIO_FILE                    print the parsed scenario
  lablib.py compare EXPECTED_JSON REPORT_JSONL    confusion table, expected vs got;
                                                  exit 1 on a mismatch when the scenario asserts
"""
import csv
import fnmatch
import ipaddress
import json
import os
import shlex
import sys
import urllib.parse

LAB = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(LAB)

# ---- fixed lab addresses ------------------------------------------------------
VANTAGE_IP = "10.77.1.2"
ISP_VAN_IP = "10.77.1.1"        # ISP side of the vantage link
RESOLVER_IP = "10.77.1.53"      # ISP resolver the probe uses (--resolver)
ISP_INET_IP = "10.77.2.1"       # ISP side of the internet link
INET_IP = "10.77.2.2"           # internet side
PROXY_HTTP_PORT = 3128          # ISP transparent HTTP proxy (block pages)
PROXY_TLS_PORT = 3129           # ISP TLS interception proxy
AUTH_DNS_IP = "193.0.14.129"    # the lab's authoritative DNS ("root")
DOH_IPS = ["1.1.1.1", "8.8.8.8"]
SINKHOLE_IP = "95.167.13.50"    # Rostelecom block-page host (a Rostelecom block-page address reported by OONI and net4people)
BLOCKPAGE_NAMES = ["warning.rt.ru", "block.rt.ru"]  # ISP-local names -> SINKHOLE_IP
DEFAULT_BOGON = "10.10.34.35"

# pools for hostnames, by service (publicly-routable-looking, real operators' ranges)
POOLS = {
    "whatsapp": "157.240.205.0/24",
    "telegram": "149.154.161.0/24",
    "max": "155.212.204.0/24",
    "domestic": "77.88.55.0/24",
    "foreign": "140.82.121.0/24",
    "other": "185.199.110.0/24",
}
# hosts that always exist in the lab internet (decoy SNI, cross tests)
EXTRA_HOSTS = {"example.com": "93.184.216.34", "www.example.com": "93.184.216.34",
               "iana.org": "192.0.46.8"}
DEFAULT_PORTS = {"https": 443, "http": 80, "tls": 443, "wss": 443, "ws": 80,
                 "quic": 443, "stun": 3478, "udp": None, "tcp": None, "dns": None}
TLS_SCHEMES = {"https", "tls", "wss"}

SELECTOR_KEYS = {"url", "scheme", "host", "port", "service", "function", "list",
                 "hostkind", "method", "throughput"}


# ---- test lists -------------------------------------------------------------
def default_list_paths():
    d = os.path.join(REPO, "test-lists")
    if os.path.isdir(d) and any(f.endswith(".csv") for f in os.listdir(d)):
        return [d]
    return [os.path.join(LAB, "testdata")]


def expand_list_paths(paths):
    out = []
    for p in paths:
        if os.path.isdir(p):
            out += sorted(os.path.join(p, f) for f in os.listdir(p) if f.endswith(".csv"))
        else:
            out.append(p)
    return out


def is_ip(host):
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        return False


def parse_endpoint(url):
    u = urllib.parse.urlsplit(url.strip())
    scheme = u.scheme.lower()
    if scheme == "dns":
        host = (u.hostname or u.path.strip("/")).lower()
        port = None
    else:
        host = (u.hostname or "").lower()
        port = u.port or DEFAULT_PORTS.get(scheme)
    return scheme, host, port


def read_lists(paths):
    """Endpoints as dicts. Files: CSV with header and a `url` column, or one URI a line."""
    eps = []
    for path in expand_list_paths(paths):
        stem = os.path.splitext(os.path.basename(path))[0]
        with open(path, newline="", encoding="utf-8") as f:
            text = f.read()
        lines = [l for l in text.splitlines() if l.strip()]
        if not lines:
            continue
        header = [h.strip().lower() for h in next(csv.reader([lines[0]]))]
        if "url" in header:
            rows = list(csv.DictReader(text.splitlines()))
            rows = [{(k or "").strip().lower(): (v or "").strip() for k, v in r.items()} for r in rows]
        else:
            rows = [{"url": l.split("#")[0].strip()} for l in lines
                    if l.split("#")[0].strip()]
        for r in rows:
            url = r.get("url", "")
            if not url:
                continue
            scheme, host, port = parse_endpoint(url)
            if not host:
                continue
            eps.append({
                "url": url, "scheme": scheme, "host": host,
                "port": port, "service": r.get("service") or stem,
                "function": r.get("function", ""), "list": stem,
                "hostkind": "ip" if is_ip(host) else "name",
                "method": (r.get("method") or "GET").upper(),
                "throughput": "yes" if (r.get("throughput") or "").strip().lower()
                              in ("yes", "true", "1") else "no",
            })
    return eps


# ---- address plan -----------------------------------------------------------
# operator by domain, for rows whose service is not given (URI-per-line lists)
DOMAIN_POOLS = {"whatsapp.net": "whatsapp", "whatsapp.com": "whatsapp", "wa.me": "whatsapp",
                "telegram.org": "telegram", "t.me": "telegram", "telegram.me": "telegram",
                "telesco.pe": "telegram", "max.ru": "max", "oneme.ru": "max", "okcdn.ru": "max"}


def pool_for(ep):
    if ep["service"] in ("whatsapp", "telegram", "max"):
        return ep["service"]
    if ep["list"] == "controls" or ep["service"] == "controls":
        return "domestic" if ep["function"] == "domestic" else "foreign"
    for dom, pool in DOMAIN_POOLS.items():
        if ep["host"] == dom or ep["host"].endswith("." + dom):
            return pool
    return "other"


def pinned_addresses():
    """Hostname -> address from the file MP_LAB_ADDRESSES names ("HOST ADDRESS" a line), if set.

    Lets a caller (bench/lab-bench.sh mix) place many names on addresses of its own choosing
    instead of one address per name from the operators' pools."""
    path = os.environ.get("MP_LAB_ADDRESSES")
    if not path:
        return {}
    pins = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            fields = line.split("#")[0].split()
            if not fields:
                continue
            if len(fields) != 2 or not is_ip(fields[1]):
                raise ValueError(f"{path}:{n}: expected 'HOST ADDRESS'")
            pins[fields[0].lower()] = fields[1]
    return pins


def plan_addresses(eps):
    literals = {ep["host"] for ep in eps if ep["hostkind"] == "ip"}
    pins = pinned_addresses()
    taken = (set(literals) | set(EXTRA_HOSTS.values()) | set(DOH_IPS) | {AUTH_DNS_IP, SINKHOLE_IP}
             | set(pins.values()))
    names = {}
    for ep in eps:
        if ep["hostkind"] == "name" and ep["host"] not in names:
            names[ep["host"]] = pool_for(ep)
    addr = dict(EXTRA_HOSTS)
    addr.update({h: ip for h, ip in pins.items() if h in names})
    counters = {}
    for host in sorted(names, key=lambda h: (names[h], h)):
        if host in addr:
            continue
        net = ipaddress.ip_network(POOLS[names[host]])
        i = counters.get(names[host], 10)
        while True:
            cand = str(net.network_address + i)
            i += 1
            if cand not in taken:
                break
        counters[names[host]] = i
        taken.add(cand)
        addr[host] = cand
    bad = [h for h in literals if ipaddress.ip_address(h).version != 4
           or not ipaddress.ip_address(h).is_global]
    for h in sorted(bad):
        print(f"lablib: warning: literal address {h} is not public IPv4; not served by the lab "
              f"(the lab is IPv4-only)", file=sys.stderr)
    return addr, sorted(literals - set(bad), key=ipaddress.ip_address)


def ep_addr(ep, addr):
    if ep["hostkind"] == "ip":
        ip = ipaddress.ip_address(ep["host"])
        return ep["host"] if ip.version == 4 and ip.is_global else None
    return addr.get(ep["host"])


# ---- scenario files -----------------------------------------------------------
def parse_kv(tokens):
    sel, params = {}, {}
    for t in tokens:
        if "=" not in t:
            if t == "*":
                continue
            raise ValueError(f"expected key=value, got {t!r}")
        k, v = t.split("=", 1)
        (sel if k in SELECTOR_KEYS else params)[k] = v
    return sel, params


def parse_expect_values(text):
    alts = []
    for alt in text.split(" or "):
        f = alt.split()
        if len(f) != 3:
            raise ValueError(f"expected 'STATUS LAYER METHOD', got {alt!r}")
        alts.append({"status": f[0], "layer": None if f[1] == "-" else f[1], "method": f[2]})
    return alts


def read_scenario(path):
    sc = {"file": path, "name": os.path.splitext(os.path.basename(path))[0],
          "technique": "", "assert": False, "control": False, "summary": "",
          "censor": [], "expect": [], "check": [], "network_mode": None, "udp_mode": None,
          "lists": [], "probe_args": "", "jvm_opts": "", "deadline": None, "max_rss_mib": None}
    with open(path, encoding="utf-8") as f:
        for n, raw in enumerate(f, 1):
            line = raw.split(" #")[0].strip() if not raw.lstrip().startswith("#") else ""
            if not line:
                continue
            if ":" not in line:
                raise ValueError(f"{path}:{n}: expected 'key: value'")
            key, val = line.split(":", 1)
            key, val = key.strip(), val.strip()
            try:
                if key == "censor":
                    toks = val.split()
                    sel, params = parse_kv(toks[1:])
                    sc["censor"].append({"action": toks[0], "select": sel, "params": params,
                                         "line": n})
                elif key == "expect":
                    left, right = val.split("=>", 1)
                    sel, _ = parse_kv(left.split())
                    if _:
                        raise ValueError(f"unknown selector(s) {sorted(_)}")
                    sc["expect"].append({"select": sel, "any": parse_expect_values(right.strip()),
                                         "line": n})
                elif key == "check":
                    sc["check"].append(val)
                elif key == "assert":
                    sc["assert"] = val.lower() in ("yes", "true", "1")
                elif key == "control":
                    sc["control"] = val.lower() in ("yes", "true", "1")
                elif key in ("network_mode", "udp_mode"):
                    sc[key] = val
                elif key in ("name", "technique", "summary"):
                    sc[key] = val
                elif key == "lists":
                    sc["lists"] = [os.path.join(REPO, p) for p in val.split()]
                elif key in ("probe_args", "jvm_opts"):
                    sc[key] = val
                elif key in ("deadline", "max_rss_mib"):
                    sc[key] = int(val)
                else:
                    raise ValueError(f"unknown key {key!r}")
            except ValueError as e:
                raise ValueError(f"{path}:{n}: {e}") from None
    for c in sc["censor"]:
        if c["action"] not in ACTIONS:
            raise ValueError(f"{path}:{c['line']}: unknown censor action {c['action']!r}")
    return sc


def match_one(value, pattern):
    return fnmatch.fnmatchcase(str(value if value is not None else "").lower(), pattern.lower())


def matches(ep, sel):
    for k, v in sel.items():
        neg = v.startswith("!")
        pats = (v[1:] if neg else v).split(",")
        hit = any(match_one(ep.get(k), p) for p in pats)
        if hit == neg:
            return False
    return True


def expectation(sc, ep):
    for e in sc["expect"]:
        if matches(ep, e["select"]):
            return e
    return None


# ---- censor actions -----------------------------------------------------------
ACTIONS = {
    "dns-nxdomain": "ISP resolver answers NXDOMAIN for the selected names (T2)",
    "dns-sinkhole": "ISP resolver answers to= (default 95.167.13.50, a block-page host) (T1)",
    "dns-bogon": "ISP resolver answers a bogon address to= (default 10.10.34.35)",
    "dns-servfail": "ISP resolver answers SERVFAIL for the selected names",
    "ip-drop": "drop every packet to the selected addresses [dports=] [proto=tcp|udp] (T5)",
    "ip-reject": "answer TCP SYNs to the selected addresses with RST [dports=] (T5)",
    "ip-police": "police traffic to/from the selected addresses to rate= (T10)",
    "sni-rst": "RST the connection on a ClientHello whose SNI is a selected name (T7)",
    "sni-drop": "drop the ClientHello (and the rest of the flow) for a selected SNI (T8)",
    "sni-police": "after a ClientHello with a selected SNI, police the flow to rate= (T9)",
    "freeze": "connections to the selected addresses stop after bytes= in one connection (T14)",
    "hello-rst": "RST every TCP connection to the selected addresses on its first data packet "
                 "(the ClientHello), whatever the SNI (T7 by address)",
    "http-redirect": "plain-HTTP requests whose Host is a selected name get 302 to location= (T6)",
    "tls-mitm": "TLS to the selected endpoints with a selected SNI is intercepted with an untrusted cert",
    "server-down": "the internet servers do not listen on the selected addresses (not censorship)",
    "allowlist": "only the selected addresses (union of all allowlist lines) are forwarded (T18)",
    "quic-drop": "drop UDP/443 QUIC v1 Initials >= 1001 B to the selected addresses (T12)",
    "udp-large-drop": "drop every UDP datagram with a payload >= 1001 B to the selected addresses (T12)",
}


def police_rate(params):
    r = params.get("rate", "16kb/s")
    return r if "/" in r else r + "/s"


def build(sc, eps, addr, literals):
    """Return (isp_cfg, inet_cfg, iptables_text, nft_text, notes)."""
    dns_policy = {}
    ipt = {"raw": [], "mangle": [], "nat": [], "filter": []}
    nft = []
    down_addrs, allow_addrs = set(), set()
    http_redirect, tls_mitm = {}, {}
    redirect_targets, mitm_targets = set(), set()
    mark = 0x10
    vin = "-i mp-isp-van"

    def mark_new(addrs, m, proto=""):
        """New connections from the vantage to addrs carry connmark m."""
        for ip in addrs:
            ipt["mangle"].append(f"-A MP_CENSOR {vin} -d {ip}{proto} -m conntrack --ctstate NEW "
                                 f"-j CONNMARK --set-mark {m:#x}")
    for c in sc["censor"]:
        sel_eps = [ep for ep in eps if matches(ep, c["select"])]
        names = sorted({ep["host"] for ep in sel_eps if ep["hostkind"] == "name"})
        addrs = sorted({ep_addr(ep, addr) for ep in sel_eps if ep_addr(ep, addr)},
                       key=ipaddress.ip_address)
        a, p = c["action"], c["params"]
        if not sel_eps:
            print(f"lablib: warning: {sc['file']}:{c['line']}: {a} selects no endpoint",
                  file=sys.stderr)
        if a == "dns-nxdomain":
            for h in names:
                dns_policy[h] = {"rcode": "NXDOMAIN"}
        elif a == "dns-servfail":
            for h in names:
                dns_policy[h] = {"rcode": "SERVFAIL"}
        elif a in ("dns-sinkhole", "dns-bogon"):
            to = p.get("to", SINKHOLE_IP if a == "dns-sinkhole" else DEFAULT_BOGON)
            for h in names:
                dns_policy[h] = {"a": [to]}
        elif a == "ip-drop":
            proto = p.get("proto")
            for ip in addrs:
                if p.get("dports"):
                    for pr in ([proto] if proto else ["tcp", "udp"]):
                        ipt["filter"].append(f"-A MP_CENSOR {vin} -d {ip} -p {pr} -m multiport "
                                             f"--dports {p['dports']} -j DROP")
                else:
                    pr = f" -p {proto}" if proto else ""
                    ipt["filter"].append(f"-A MP_CENSOR {vin} -d {ip}{pr} -j DROP")
        elif a == "ip-reject":
            for ip in addrs:
                dp = f" -m multiport --dports {p['dports']}" if p.get("dports") else ""
                ipt["filter"].append(f"-A MP_CENSOR {vin} -d {ip} -p tcp --syn{dp} "
                                     f"-j REJECT --reject-with tcp-reset")
        elif a == "ip-police":
            m = mark; mark += 1
            mark_new(addrs, m)
            ipt["filter"].append(f"-A MP_CENSOR -m connmark --mark {m:#x} -m hashlimit "
                                 f"--hashlimit-mode srcip,srcport,dstip,dstport --hashlimit-above "
                                 f"{police_rate(p)} --hashlimit-burst {p.get('burst', '16kb')} "
                                 f"--hashlimit-name mp{m:x} -j DROP")
        elif a in ("sni-rst", "sni-drop", "sni-police"):
            m = mark; mark += 1
            for h in names:
                hexlen = f"{len(h) >> 8:02x} {len(h) & 0xff:02x}"
                ipt["mangle"].append(f"-A MP_CENSOR {vin} -p tcp -m string --algo bm "
                                     f"--hex-string \"|{hexlen}|{h}\" -j CONNMARK --set-mark {m:#x}")
            if a == "sni-rst":
                ipt["filter"].append(f"-A MP_CENSOR -m connmark --mark {m:#x} -p tcp "
                                     f"-j REJECT --reject-with tcp-reset")
            elif a == "sni-drop":
                ipt["filter"].append(f"-A MP_CENSOR -m connmark --mark {m:#x} -j DROP")
            else:
                ipt["filter"].append(f"-A MP_CENSOR -m connmark --mark {m:#x} -m hashlimit "
                                     f"--hashlimit-mode srcip,srcport,dstip,dstport --hashlimit-above "
                                     f"{police_rate(p)} --hashlimit-burst {p.get('burst', '16kb')} "
                                     f"--hashlimit-name mp{m:x} -j DROP")
        elif a == "freeze":
            m = mark; mark += 1
            nbytes = int(p.get("bytes", 16384))
            mark_new(addrs, m)
            ipt["filter"].append(f"-A MP_CENSOR -m connmark --mark {m:#x} -m connbytes "
                                 f"--connbytes {nbytes}: --connbytes-dir both "
                                 f"--connbytes-mode bytes -j DROP")
        elif a == "hello-rst":
            m = mark; mark += 1
            mark_new(addrs, m, " -p tcp")
            # packets from the client: SYN, ACK, then the first data packet (the ClientHello)
            ipt["filter"].append(f"-A MP_CENSOR {vin} -m connmark --mark {m:#x} -p tcp -m connbytes "
                                 f"--connbytes 3: --connbytes-dir original --connbytes-mode packets "
                                 f"-j REJECT --reject-with tcp-reset")
        elif a == "http-redirect":
            loc = p.get("location", "http://warning.rt.ru/?id=17&st=0&dt=")
            for h in names:
                http_redirect[h] = loc
            for ep in sel_eps:
                if ep["scheme"] in ("http", "ws") and ep_addr(ep, addr):
                    redirect_targets.add((ep_addr(ep, addr), ep["port"]))
        elif a == "tls-mitm":
            for h in names:
                tls_mitm[h] = True
            for ep in sel_eps:
                if ep["scheme"] in TLS_SCHEMES and ep_addr(ep, addr):
                    mitm_targets.add((ep_addr(ep, addr), ep["port"]))
        elif a == "server-down":
            down_addrs |= set(addrs)
        elif a == "allowlist":
            allow_addrs |= set(addrs)
        elif a == "udp-large-drop":
            if addrs:
                nft.append("table inet mp_censor_udp_large {\n  set large_dst { type ipv4_addr; elements = { "
                           + ", ".join(addrs) + " } }\n  chain large {\n"
                           "    type filter hook forward priority -10; policy accept;\n"
                           "    iifname \"mp-isp-van\" ip daddr @large_dst udp length >= 1009 counter drop\n  }\n}\n")
        elif a == "quic-drop":
            if addrs:
                nft.append("table inet mp_censor {\n  set quic_dst { type ipv4_addr; elements = { "
                           + ", ".join(addrs) + " } }\n  chain quic {\n"
                           "    type filter hook forward priority 10; policy accept;\n"
                           "    iifname \"mp-isp-van\" ip daddr @quic_dst udp dport 443 "
                           "udp length >= 1009 @th,72,32 0x00000001 counter drop\n  }\n}\n")
    for ip, port in sorted(redirect_targets):
        ipt["nat"].append(f"-A MP_CENSOR {vin} -p tcp -d {ip} --dport {port} "
                          f"-j DNAT --to-destination {ISP_VAN_IP}:{PROXY_HTTP_PORT}")
    for ip, port in sorted(mitm_targets):
        ipt["nat"].append(f"-A MP_CENSOR {vin} -p tcp -d {ip} --dport {port} "
                          f"-j DNAT --to-destination {ISP_VAN_IP}:{PROXY_TLS_PORT}")
    if allow_addrs:
        for ip in sorted(allow_addrs, key=ipaddress.ip_address):
            ipt["filter"].append(f"-A MP_CENSOR {vin} -d {ip} -j RETURN")
        ipt["filter"].append(f"-A MP_CENSOR {vin} -j DROP")
    # iptables-restore text; chains hooked from the built-in chains
    txt = ["# generated by lab/lablib.py for scenario " + sc["name"]]
    hooks = {"raw": [], "mangle": ["FORWARD"], "nat": ["PREROUTING"], "filter": ["FORWARD"]}
    for table in ("mangle", "nat", "filter"):
        txt.append(f"*{table}")
        txt.append(":MP_CENSOR - [0:0]")
        for h in hooks[table]:
            txt.append(f"-A {h} -j MP_CENSOR")
        txt += ipt[table]
        txt.append("COMMIT")
    all_hosts = sorted(set(addr) | set(BLOCKPAGE_NAMES))
    isp_cfg = {
        "resolver": {"listen": RESOLVER_IP, "upstream": AUTH_DNS_IP, "policy": dns_policy,
                     "local": {n: [SINKHOLE_IP] for n in BLOCKPAGE_NAMES}},
        "sinkhole": {"ip": SINKHOLE_IP},
        "http_proxy": {"listen": [ISP_VAN_IP, PROXY_HTTP_PORT], "redirect": http_redirect},
        "tls_proxy": {"listen": [ISP_VAN_IP, PROXY_TLS_PORT], "intercept": sorted(tls_mitm)},
    }
    # listeners: every address gets 80 and 443 plus the ports of its endpoints
    ports = {}
    for h, ip in addr.items():
        ports.setdefault(ip, {80, 443})
    for ip in literals:
        ports.setdefault(ip, {80, 443})
    for ep in eps:
        ip = ep_addr(ep, addr)
        if ip and ep["port"] and ep["scheme"] not in ("quic", "stun", "udp", "dns"):
            ports.setdefault(ip, {80, 443}).add(ep["port"])
    for ip in DOH_IPS:
        ports.setdefault(ip, {80, 443})
    listen = []
    for ip in sorted(ports, key=ipaddress.ip_address):
        if ip in down_addrs:
            continue
        for port in sorted(ports[ip]):
            listen.append([ip, port])
    # UDP: a real QUIC server (lab/lab.sh, Java) on 443 of every address with quic rows, UDP echo on
    # 443 elsewhere; a STUN responder on the port of every stun row
    quic_addrs = sorted({ep_addr(ep, addr) for ep in eps if ep["scheme"] == "quic" and ep_addr(ep, addr)}
                        - set(down_addrs), key=ipaddress.ip_address)
    stun = sorted({(ep_addr(ep, addr), ep["port"]) for ep in eps
                   if ep["scheme"] == "stun" and ep_addr(ep, addr) and ep_addr(ep, addr) not in down_addrs})
    for ip, _ in stun:
        ports.setdefault(ip, {80, 443})
    inet_cfg = {
        "addresses": sorted(set(ports) | {AUTH_DNS_IP}, key=ipaddress.ip_address),
        "listen_tcp": listen,
        "listen_udp": [[ip, 443] for ip in sorted(ports, key=ipaddress.ip_address)
                       if ip not in down_addrs and ip not in quic_addrs and (ip, 443) not in stun],
        "listen_stun": [[ip, port] for ip, port in stun],
        "quic": quic_addrs,
        "auth_dns": AUTH_DNS_IP,
        "zone": {h: [ip] for h, ip in addr.items()},
        "doh": DOH_IPS,
        "down": sorted(down_addrs),
    }
    return isp_cfg, inet_cfg, "\n".join(txt) + "\n", "".join(nft), all_hosts


WILDCARD_FROM = 100   # a parent domain with more names than this is one wildcard in the certificates


def certificate_names(hosts):
    """The names the lab certificates carry: every host, except that the children of a parent
    with more than WILDCARD_FROM of them become `*.parent` (a certificate with thousands of names
    would be re-parsed on every handshake)."""
    hosts = sorted(set(hosts))
    children = {}
    for h in hosts:
        if h.count(".") >= 2:
            children.setdefault(h.split(".", 1)[1], []).append(h)
    big = {p for p, c in children.items() if len(c) > WILDCARD_FROM}
    return sorted({("*." + h.split(".", 1)[1]) if h.count(".") >= 2 and h.split(".", 1)[1] in big
                   else h for h in hosts})


def plan(scenario_path, run_dir, list_paths):
    sc = read_scenario(scenario_path)
    # a scenario's own lists (e.g. hostile-servers) replace the measured lists
    list_paths = sc["lists"] or list_paths
    eps = read_lists(list_paths or default_list_paths())
    addr, literals = plan_addresses(eps)
    isp_cfg, inet_cfg, ipt, nft, hosts = build(sc, eps, addr, literals)
    os.makedirs(run_dir, exist_ok=True)

    def w(name, data):
        with open(os.path.join(run_dir, name), "w", encoding="utf-8") as f:
            f.write(data if isinstance(data, str) else json.dumps(data, indent=1) + "\n")
    expected = {}
    for ep in eps:
        e = expectation(sc, ep)
        prev = expected.get(ep["url"])
        if prev is not None:            # same URL in two lists (max.ru): keep the service row
            prev["lists"].append(ep["list"])
            if prev["list"] != "controls":
                continue
        expected[ep["url"]] = {"lists": (prev or {}).get("lists", []) + ([] if prev else [ep["list"]]),"service": ep["service"], "list": ep["list"],
                               "function": ep["function"],
                               # literals the lab cannot serve (IPv6, private): not compared
                               "served": ep["hostkind"] == "name" or ep_addr(ep, addr) is not None,
                               "expect": e["any"] if e else None,
                               "rule_line": e["line"] if e else None}
    w("expected.json", {"scenario": sc["name"], "assert": sc["assert"],
                        "network_mode": sc["network_mode"], "udp_mode": sc["udp_mode"],
                        "deadline": sc["deadline"], "max_rss_mib": sc["max_rss_mib"],
                        "endpoints": expected})
    w("plan.json", {"scenario": sc, "addresses": addr, "literals": literals,
                    "endpoints": eps, "lists": expand_list_paths(list_paths or default_list_paths())})
    w("isp.json", isp_cfg)
    w("inet.json", inet_cfg)
    w("censor.iptables", ipt)
    w("censor.nft", nft)
    w("hosts.txt", "\n".join(certificate_names(hosts)) + "\n")
    w("scenario.env", "\n".join([
        f"SC_NAME={sc['name']}", f"SC_ASSERT={'yes' if sc['assert'] else 'no'}",
        f"SC_CONTROL={'yes' if sc['control'] else 'no'}",
        f"SC_OWN_LISTS={'yes' if sc['lists'] else 'no'}",
        f"SC_PROBE_ARGS={shlex.quote(sc['probe_args'])}", f"SC_JVM_OPTS={shlex.quote(sc['jvm_opts'])}",
        f"SC_DEADLINE={sc['deadline'] or ''}",
        f"LISTS=\"{' '.join(expand_list_paths(list_paths or default_list_paths()))}\""]) + "\n")
    w("checks.txt", "\n".join(sc["check"]) + ("\n" if sc["check"] else ""))
    return sc, eps, addr


def fmt_verdict(v):
    if not v:
        return "(none)"
    return f"{v.get('status')} {v.get('layer') or '-'} {v.get('method')}"


def verdict_matches(got, alts):
    for e in alts:
        if all(e[k] == "*" or (e[k] or None) == (got.get(k) or None)
               for k in ("status", "layer", "method")):
            return True
    return False


def compare(expected_path, report_path):
    """Print a confusion table (expected status/method vs got) and the mismatches."""
    exp = json.load(open(expected_path))
    eps = exp["endpoints"]
    seen, rows = set(), []
    with open(report_path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            m = json.loads(line)
            url = m.get("input")
            v = (m.get("test_keys") or {}).get("verdict") or {}
            e = eps.get(url) or eps.get(url.rstrip("/")) or eps.get(url + "/") if url else None
            seen.add(url)
            if e and not e.get("served", True):
                continue
            rows.append((url, e["expect"] if e and e["expect"] else None, v))
    missing = [u for u, e in eps.items() if u not in seen and e["list"] != "controls"
               and e.get("served", True)]
    table, bad = {}, []
    for url, alts, v in rows:
        key_e = " or ".join(fmt_verdict(a) for a in alts) if alts else "(no expectation)"
        key_g = fmt_verdict(v)
        table[(key_e, key_g)] = table.get((key_e, key_g), 0) + 1
        if alts is None or not verdict_matches(v, alts):
            bad.append((url, key_e, key_g))
    w = max([len(k[0]) for k in table] + [8])
    print(f"scenario {exp['scenario']} (assert: {'yes' if exp['assert'] else 'no'})")
    print(f"  {'expected':{w}}  {'got':30} count")
    for (ke, kg), n in sorted(table.items()):
        mark = " " if (ke, kg) not in {(b[1], b[2]) for b in bad} else "x"
        print(f"{mark} {ke:{w}}  {kg:30} {n}")
    for url, ke, kg in bad:
        print(f"MISMATCH {url}: expected {ke}, got {kg}")
    for u in missing:
        print(f"MISSING  {u}: not in the report")
    ok = not bad and not missing
    print(f"compare: {len(rows)} measurements, {len(bad)} mismatches, {len(missing)} missing")
    return 0 if ok or not exp["assert"] else 1


def main(argv):
    if len(argv) < 2:
        print(__doc__)
        return 2
    cmd = argv[1]
    if cmd == "plan":
        sc, eps, addr = plan(argv[2], argv[3], argv[4:])
        print(f"lablib: scenario {sc['name']}: {len(eps)} endpoints, {len(addr)} hostnames")
    elif cmd == "expect":
        sc = read_scenario(argv[2])
        eps = read_lists(sc["lists"] or argv[3:] or default_list_paths())
        for ep in eps:
            e = expectation(sc, ep)
            s = " or ".join(f"{x['status']} {x['layer'] or '-'} {x['method']}" for x in e["any"]) \
                if e else "(no expectation)"
            print(f"{ep['url']:45} {ep['service']:9} {s}")
    elif cmd == "compare":
        return compare(argv[2], argv[3])
    elif cmd == "show":
        print(json.dumps(read_scenario(argv[2]), indent=1))
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
