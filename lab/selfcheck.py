#!/usr/bin/python3
"""Run the `check:` lines of the scenario that is up, with standard tools inside mp-van.

usage: selfcheck.py RUN_DIR      (called by lab/selfcheck.sh; the lab must be up)

Every check prints `PASS|FAIL <scenario>: <check> (<detail>)`; exit status 1 if any failed.
Addresses come from the lab's ground truth (plan.json), never from the censored resolver,
except in the dns-* checks, which ask the resolver on purpose.
"""
import json
import os
import re
import socket
import struct
import subprocess
import sys
import tempfile
import time

RUN = sys.argv[1]
PLAN = json.load(open(os.path.join(RUN, "plan.json")))
SC = PLAN["scenario"]["name"]
ADDR = PLAN["addresses"]
CA = os.path.join(RUN, "lab-ca.pem")
RESOLVER = "10.77.1.53"
DOH = "https://1.1.1.1/dns-query"
VAN = ["ip", "netns", "exec", "mp-van"]
failures = 0


def run(cmd, timeout=10, input_bytes=None):
    t0 = time.time()
    try:
        p = subprocess.run(VAN + cmd, capture_output=True, timeout=timeout, input=input_bytes)
        return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace"), time.time() - t0
    except subprocess.TimeoutExpired:
        return 124, b"", "subprocess timeout", time.time() - t0


def ip_of(host):
    if re.fullmatch(r"[0-9.]+", host):
        return host
    if host not in ADDR:
        raise KeyError(f"{host} is not a lab host")
    return ADDR[host]


def target(a):
    """(host, ip, port, scheme, path) from url= or host=/ip=/port=."""
    if "url" in a:
        m = re.match(r"(\w+)://([^/:]+)(?::(\d+))?(/.*)?$", a["url"])
        scheme, host, port, path = m.group(1), m.group(2), m.group(3), m.group(4) or "/"
        port = int(port) if port else {"http": 80, "ws": 80}.get(scheme, 443)
        return host, ip_of(host), port, scheme, path
    host = a.get("host") or a.get("ip")
    ip = a.get("ip") or ip_of(host)
    return host, ip, int(a.get("port", 443)), a.get("scheme", "https"), a.get("path", "/")


def curl(args, timeout=3):
    fmt = "%{http_code} %{size_download} %{time_connect} %{time_total} %{speed_download} %{redirect_url}"
    rc, out, err, dt = run(["curl", "-sS", "--max-time", str(timeout), "--cacert", CA,
                            "-w", "\n" + fmt] + args, timeout=timeout + 5)
    last = out.decode("latin-1").rsplit("\n", 1)[-1].split(" ")
    info = {"code": last[0], "size": int(float(last[1])) if len(last) > 1 else 0,
            "connect": float(last[2]) if len(last) > 2 else 0.0,
            "total": float(last[3]) if len(last) > 3 else dt,
            "speed": float(last[4]) if len(last) > 4 else 0.0,
            "redirect": last[5] if len(last) > 5 else "", "rc": rc, "err": err.strip(),
            "body": out.decode("utf-8", "replace").rsplit("\n", 1)[0]}
    return info


def https_args(host, ip, port, path="/", sni=None):
    name = sni or host
    return ["--resolve", f"{name}:{port}:{ip}", f"https://{name}:{port}{path}"]


def dig(host, tcp=False):
    rc, out, err, _ = run(["dig", "+tries=1", "+time=2", "+noall", "+comments", "+answer",
                           *(["+tcp"] if tcp else []), f"@{RESOLVER}", host, "A"])
    text = out.decode()
    st = re.search(r"status: (\w+)", text)
    ips = re.findall(r"\sIN\s+A\s+([0-9.]+)", text)
    return (st.group(1) if st else f"no-answer(rc={rc})"), ips


def dns_query(name):
    q = struct.pack("!HHHHHH", 0x4242, 0x0100, 1, 0, 0, 0)
    for label in name.split("."):
        q += bytes([len(label)]) + label.encode()
    return q + b"\0" + struct.pack("!HH", 1, 1)


def dns_parse(msg):
    rcode = msg[3] & 0x0F
    an = struct.unpack("!H", msg[6:8])[0]
    i = 12
    while msg[i]:
        i += 1 + msg[i]
    i += 5
    ips = []
    for _ in range(an):
        if msg[i] & 0xC0:
            i += 2
        else:
            while msg[i]:
                i += 1 + msg[i]
            i += 1
        typ, _, _, ln = struct.unpack("!HHIH", msg[i:i + 10])
        if typ == 1:
            ips.append(socket.inet_ntoa(msg[i + 10:i + 14]))
        i += 10 + ln
    return {0: "NOERROR", 2: "SERVFAIL", 3: "NXDOMAIN"}.get(rcode, str(rcode)), ips


def doh(name, timeout=3):
    with tempfile.NamedTemporaryFile(suffix=".dns", delete=False) as f:
        f.write(dns_query(name))
        path = f.name
    try:
        rc, out, err, _ = run(["curl", "-sS", "--max-time", str(timeout), "--cacert", CA,
                               "-H", "content-type: application/dns-message",
                               "-H", "accept: application/dns-message",
                               "--data-binary", "@" + path, DOH], timeout=timeout + 5)
    finally:
        os.unlink(path)
    if rc != 0:
        return f"curl rc={rc} {err.strip()}", []
    return dns_parse(out)


def tcp_connect(ip, port, timeout=2.5):
    rc, _, err, dt = run(["timeout", str(timeout), "bash", "-c",
                          f"exec 3<>/dev/tcp/{ip}/{port}"], timeout=timeout + 3)
    if rc == 0:
        return "ok", dt
    if rc == 124:
        return "timeout", dt
    if "refused" in err.lower():
        return "refused", dt
    return f"error rc={rc} {err.strip()}", dt


QUIC_PROBE = r'''
import socket, sys
ip, size, v1 = sys.argv[1], int(sys.argv[2]), sys.argv[3] == "1"
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.settimeout(1.0)
payload = bytes([0xC3]) + (b"\x00\x00\x00\x01" if v1 else b"\xff\x00\x00\x1d") + b"\x08" + b"q" * (size - 6)
s.sendto(payload, (ip, 443))
try:
    d, _ = s.recvfrom(65535); print("reply", len(d))
except socket.timeout:
    print("noreply")
'''


def quic(ip, size, v1=True):
    rc, out, err, _ = run(["/usr/bin/python3", "-c", QUIC_PROBE, ip, str(size), "1" if v1 else "0"])
    return out.decode().strip() or err.strip()


def bulk_url(host, ip, port, scheme, path, nbytes, sni=None):
    if scheme == "http":
        return ["--resolve", f"{host}:{port}:{ip}", f"http://{host}:{port}/msgprobe/bulk?bytes={nbytes}"]
    return https_args(host, ip, port, f"/msgprobe/bulk?bytes={nbytes}", sni)


# ---- the checks: each returns (ok, detail) ---------------------------------------
def c_dns_ok(a):
    want = ip_of(a["host"])
    u, t = dig(a["host"]), dig(a["host"], tcp=True)
    return u == ("NOERROR", [want]) and t == ("NOERROR", [want]), f"udp {u}, tcp {t}, truth {want}"


def c_dns_answer(a):
    u, t = dig(a["host"]), dig(a["host"], tcp=True)
    return u == ("NOERROR", [a["ip"]]) and t == ("NOERROR", [a["ip"]]), f"udp {u}, tcp {t}"


def c_dns_nxdomain(a):
    u, t = dig(a["host"]), dig(a["host"], tcp=True)
    return u[0] == "NXDOMAIN" and t[0] == "NXDOMAIN", f"udp {u}, tcp {t}"


def c_doh_ok(a):
    st, ips = doh(a["host"])
    want = ip_of(a["host"])
    return (st, ips) == ("NOERROR", [want]), f"DoH {st} {ips}, truth {want}"


def c_doh_fail(a):
    st, ips = doh("example.com", timeout=2)
    return st.startswith("curl rc="), f"DoH {st} {ips}"


def c_tls_ok(a):
    host, ip, port, _, path = target(a)
    r = curl(https_args(host, ip, port, path, a.get("sni")))
    return r["rc"] == 0 and r["code"] == "200", f"rc={r['rc']} http={r['code']} {r['err']}"


def c_decoy_ok(a):
    return c_tls_ok(dict(a, sni=a.get("sni", "example.com")))


def c_tls_reset(a):
    host, ip, port, _, path = target(a)
    r = curl(["-v"] + https_args(host, ip, port, path))
    err = r["err"].splitlines()[-1] if r["err"] else ""
    ok = (r["rc"] in (35, 56) and "reset" in err.lower() and r["total"] < 1.5
          and "Connected to" in r["err"] and "Client hello" in r["err"])
    return ok, f"TCP connected, ClientHello sent, then rc={r['rc']} after {r['total']:.2f}s: {err}"


def c_tls_timeout(a):
    host, ip, port, _, path = target(a)
    r = curl(["-v"] + https_args(host, ip, port, path), timeout=3)
    connected = "Connected to" in r["err"]
    hello = "Client hello" in r["err"]
    server_hello = "Server hello" in r["err"]
    ok = r["rc"] == 28 and r["code"] == "000" and connected and hello and not server_hello
    return ok, (f"curl rc={r['rc']} after {r['total']:.1f}s; TCP {'connected' if connected else 'NOT connected'}, "
                f"ClientHello {'sent' if hello else 'NOT sent'}, ServerHello {'received' if server_hello else 'never came'}")


def c_tls_untrusted(a):
    host, ip, port, _, path = target(a)
    r = curl(https_args(host, ip, port, path))
    rc, out, err, _ = run(["openssl", "s_client", "-connect", f"{ip}:{port}", "-servername", host,
                           "-CAfile", CA], timeout=8, input_bytes=b"")
    text = out.decode("utf-8", "replace") + err
    issuer = re.search(r"issuer=([^\n]*)", text)
    ok = r["rc"] == 60 and issuer and "Russian Trusted Root" in issuer.group(1)
    return ok, f"curl rc={r['rc']}; openssl rc={rc} issuer={issuer.group(1) if issuer else '?'}"


def c_tcp(want):
    def f(a):
        host, ip, port, _, _ = target(a)
        got, dt = tcp_connect(ip, port)
        return got == want, f"connect {ip}:{port}: {got} after {dt:.2f}s"
    return f


def c_http_ok(a):
    host, ip, port, scheme, path = target(a)
    r = curl(["--resolve", f"{host}:{port}:{ip}", a["url"]] if "url" in a else
             ["--resolve", f"{host}:{port}:{ip}", f"http://{host}:{port}{path}"])
    return r["rc"] == 0 and r["code"] == "200", f"rc={r['rc']} http={r['code']} {r['err']}"


def c_http_redirect(a):
    host, ip, port, _, _ = target(a)
    r = curl(["--resolve", f"{host}:{port}:{ip}", a["url"]])
    ok = r["code"] in ("301", "302", "307") and r["redirect"].startswith(a["prefix"])
    return ok, f"http={r['code']} Location={r['redirect']}"


def c_blockpage_at(a):
    r = curl(["--resolve", f"{a['host']}:80:{a['ip']}", f"http://{a['host']}/"])
    ok = r["code"] == "200" and "Доступ" in r["body"]
    return ok, f"http={r['code']} {len(r['body'])} chars, block text {'found' if 'Доступ' in r['body'] else 'missing'}"


def c_ws_ok(a):
    host, ip, port, _, path = target(a)
    r = curl(["-i", "--http1.1", "-N", "-H", "Connection: Upgrade", "-H", "Upgrade: websocket",
              "-H", "Sec-WebSocket-Version: 13", "-H", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ=="]
             + https_args(host, ip, port, path), timeout=2)
    ok = " 101 " in r["body"] and "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=" in r["body"]
    return ok, f"status line: {r['body'].splitlines()[0] if r['body'] else r['err']}"


def c_bulk_ok(a):
    host, ip, port, scheme, path = target(a)
    n = int(a.get("bytes", 262144))
    r = curl(bulk_url(host, ip, port, scheme, path, n, a.get("sni")) + ["-o", "/dev/null"], timeout=5)
    return r["rc"] == 0 and r["size"] == n, f"rc={r['rc']} got {r['size']} of {n} B"


def c_bulk_freeze(a):
    host, ip, port, scheme, path = target(a)
    r = curl(bulk_url(host, ip, port, scheme, path, 262144) + ["-o", "/dev/null"], timeout=3)
    ok = r["rc"] == 28 and 4096 <= r["size"] <= 32768
    return ok, f"rc={r['rc']} stopped at {r['size']} B after {r['total']:.1f}s"


def c_upload(want_ok):
    def f(a):
        host, ip, port, _, _ = target(a)
        n = int(a.get("bytes", 65536))
        with tempfile.NamedTemporaryFile(delete=False) as t:
            t.write(os.urandom(n))
        try:
            r = curl(["-X", "POST", "--data-binary", "@" + t.name, "-o", "/dev/null"]
                     + https_args(host, ip, port, "/msgprobe/upload"), timeout=3)
        finally:
            os.unlink(t.name)
        if want_ok:
            return r["rc"] == 0 and r["code"] == "200", f"rc={r['rc']} http={r['code']}"
        return r["rc"] == 28 and r["code"] == "000", f"rc={r['rc']} http={r['code']} after {r['total']:.1f}s"
    return f


def c_bulk_slow(a):
    host, ip, port, scheme, path = target(a)
    r = curl(bulk_url(host, ip, port, scheme, path, 4 << 20, a.get("sni")) + ["-o", "/dev/null"], timeout=4)
    kbit = r["size"] * 8 / max(r["total"], 0.001) / 1000
    ok = r["size"] > 4096 and kbit < float(a.get("maxkbit", 200))
    return ok, f"{r['size']} B in {r['total']:.1f}s = {kbit:.0f} kbit/s (limit {a.get('maxkbit', 200)})"


def c_bulk_fast(a):
    host, ip, port, scheme, path = target(a)
    r = curl(bulk_url(host, ip, port, scheme, path, 4 << 20, a.get("sni")) + ["-o", "/dev/null"], timeout=4)
    kbit = r["size"] * 8 / max(r["total"], 0.001) / 1000
    return kbit > float(a.get("minkbit", 2000)), f"{r['size']} B in {r['total']:.2f}s = {kbit:.0f} kbit/s"


def c_quic_ok(a):
    host, ip, _, _, _ = target(a)
    big = quic(ip, 1200)
    return big.startswith("reply"), f"1200-B QUIC v1 datagram: {big}"


def c_quic_drop(a):
    host, ip, _, _, _ = target(a)
    big, small, other = quic(ip, 1200), quic(ip, 200), quic(ip, 1200, v1=False)
    ok = big == "noreply" and small.startswith("reply") and other.startswith("reply")
    return ok, f"1200-B v1: {big}; 200-B v1: {small}; 1200-B other version: {other}"


CHECKS = {
    "dns-ok": c_dns_ok, "dns-answer": c_dns_answer, "dns-nxdomain": c_dns_nxdomain,
    "doh-ok": c_doh_ok, "doh-fail": c_doh_fail,
    "tls-ok": c_tls_ok, "decoy-ok": c_decoy_ok, "tls-reset": c_tls_reset,
    "tls-timeout": c_tls_timeout, "tls-untrusted": c_tls_untrusted,
    "tcp-ok": c_tcp("ok"), "tcp-timeout": c_tcp("timeout"), "tcp-refused": c_tcp("refused"),
    "http-ok": c_http_ok, "http-redirect": c_http_redirect, "blockpage-at": c_blockpage_at,
    "ws-ok": c_ws_ok, "bulk-ok": c_bulk_ok, "bulk-freeze": c_bulk_freeze,
    "upload-ok": c_upload(True), "upload-freeze": c_upload(False),
    "bulk-slow": c_bulk_slow, "bulk-fast": c_bulk_fast,
    "quic-ok": c_quic_ok, "quic-drop": c_quic_drop,
}


def main():
    global failures
    lines = [l.strip() for l in open(os.path.join(RUN, "checks.txt")) if l.strip()]
    if not lines:
        print(f"FAIL {SC}: scenario has no check: lines")
        return 1
    for line in lines:
        name, *rest = line.split()
        args = dict(t.split("=", 1) for t in rest)
        try:
            ok, detail = CHECKS[name](args)
        except KeyError as e:
            ok, detail = False, f"unknown check or host: {e}"
        except Exception as e:  # noqa: BLE001
            ok, detail = False, f"{type(e).__name__}: {e}"
        print(f"{'PASS' if ok else 'FAIL'} {SC}: {line} ({detail})", flush=True)
        failures += 0 if ok else 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
