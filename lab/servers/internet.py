#!/usr/bin/python3
"""The lab's "internet": every server the built-in lists need, in namespace mp-inet.

usage: internet.py INET_JSON CERT_DIR READY_FILE [--dns-only|--no-dns]

--dns-only serves only the authoritative DNS, --no-dns everything else: lab/lab.sh runs the two in
separate processes, so that DNS answers stay prompt while thousands of TLS threads share the other
one's interpreter lock.

- authoritative DNS (UDP+TCP 53) for every lab hostname at cfg["auth_dns"]
- on every (address, port) of cfg["listen_tcp"]: a sniffing server: TLS (lab CA leaf,
  any SNI) then HTTP; plain HTTP; anything else or silence is accepted and held
- HTTP: any path -> small page; GET /msgprobe/bulk?bytes=N (or /msgprobe/bulk/N) -> N bytes;
  POST/PUT any path -> 200 after reading the body; Upgrade: websocket -> RFC 6455 101 + echo;
  /dns-query (GET ?dns= and POST application/dns-message) -> DoH (RFC 8484)
- UDP 443 on every address without quic rows: echo (those with quic rows get lab/lab.sh's Java QUIC server)
- a STUN Binding responder on the address and port of every stun row
- names under hostile.test (the hostile-servers scenario) misbehave on purpose: servers/hostile.py
"""
import json
import os
import socket
import struct
import sys
import threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dnswire  # noqa: E402
import hostile  # noqa: E402
import labhttp  # noqa: E402

cfg = json.load(open(sys.argv[1]))
certdir = sys.argv[2]
ready = sys.argv[3]
zone = {k.lower(): v for k, v in cfg["zone"].items()}


def dns_answer(query):
    try:
        _, _, qname, qtype, _, _ = dnswire.parse_question(query)
    except (ValueError, IndexError):
        return None
    odd = hostile.dns_answer(qname, query, dnswire.response)
    if odd is not None:
        return odd
    if qname in zone:
        return dnswire.response(query, "NOERROR", zone[qname])
    return dnswire.response(query, "NXDOMAIN")


def dns_udp(sock, data, peer):
    ans = dns_answer(data)
    if ans:
        sock.sendto(ans, peer)


def dns_tcp(conn, local, peer):
    dnswire.serve_tcp(conn, dns_answer)


ctx = labhttp.tls_context(os.path.join(certdir, "lab-leaf.pem"), os.path.join(certdir, "lab-leaf.key"))
host_of = {}
for h, ips in zone.items():
    for ip in ips:
        host_of.setdefault(ip, h)


def web(conn, local, peer):
    odd = hostile.behaviour(host_of.get(local[0]))
    if odd is not None:
        return hostile.serve(conn, odd, ctx)
    kind = labhttp.sniff(conn)
    if kind is None:
        return
    if kind == "other":
        return labhttp.hold(conn)
    if kind == "tls":
        conn.settimeout(30)
        conn = ctx.wrap_socket(conn, server_side=True)
    labhttp.serve_http(conn, peer, labhttp.LabHandler, dns_answer=dns_answer,
                       default_host=host_of.get(local[0], local[0]),
                       verbose=os.environ.get("MP_LAB_VERBOSE") == "1")


def udp_echo(sock, data, peer):
    sock.sendto(data, peer)


STUN_COOKIE = 0x2112A442


def stun_binding(sock, data, peer):
    """RFC 8489 Binding success with XOR-MAPPED-ADDRESS for a Binding Request (any size); else silence."""
    if len(data) < 20 or struct.unpack("!HHI", data[:8])[0] != 1 or struct.unpack("!I", data[4:8])[0] != STUN_COOKIE:
        return
    txid = data[8:20]
    ip = socket.inet_aton(peer[0])
    mask = struct.pack("!I", STUN_COOKIE)
    xip = bytes(a ^ b for a, b in zip(ip, mask))
    attr = struct.pack("!HHBBH", 0x0020, 8, 0, 1, peer[1] ^ (STUN_COOKIE >> 16)) + xip
    sock.sendto(struct.pack("!HHI", 0x0101, len(attr), STUN_COOKIE) + txid + attr, peer)


mode = sys.argv[4] if len(sys.argv) > 4 else ""
if mode == "--dns-only":
    cfg = dict(cfg, listen_tcp=[], listen_udp=[], listen_stun=[])
tcp, udp = [], []
for ip, port in cfg["listen_tcp"]:
    tcp.append((labhttp.listen_tcp(ip, port), web))
for ip, port in cfg["listen_udp"]:
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind((ip, port))
    udp.append((s, udp_echo))
for ip, port in cfg.get("listen_stun", []):
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind((ip, port))
    udp.append((s, stun_binding))
if mode != "--no-dns":
    a = cfg["auth_dns"]
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind((a, 53))
    udp.append((s, dns_udp))
    tcp.append((labhttp.listen_tcp(a, 53), dns_tcp))
labhttp.write_ready(ready)
labhttp.log(f"internet: {len(tcp)} TCP and {len(udp)} UDP listeners up")
labhttp.serve_forever(tcp, udp)
