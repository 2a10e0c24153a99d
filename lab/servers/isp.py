#!/usr/bin/python3
"""The ISP's servers, in namespace mp-isp.

usage: isp.py ISP_JSON CERT_DIR READY_FILE

- the resolver the probe uses (UDP+TCP 53): applies the scenario's DNS policy (NXDOMAIN,
  SERVFAIL, sinkhole/bogon answers), answers ISP-local names (warning.rt.ru -> block-page
  host), forwards everything else to the lab's authoritative DNS over UDP
- the block-page host (sinkhole address) on 80 (Rostelecom-like page) and 443 (ISP's own,
  untrusted certificate)
- a transparent HTTP proxy (DNAT target) answering 302 to a block page for listed Host
  headers and relaying everything else to the original destination
- a transparent TLS proxy (DNAT target) intercepting listed SNIs with a certificate from an
  untrusted CA and relaying everything else untouched
"""
import json
import os
import socket
import sys
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dnswire  # noqa: E402
import labhttp  # noqa: E402

cfg = json.load(open(sys.argv[1]))
certdir = sys.argv[2]
ready = sys.argv[3]
rcfg = cfg["resolver"]
policy = {k.lower(): v for k, v in rcfg["policy"].items()}
local = {k.lower(): v for k, v in rcfg["local"].items()}
upstream = rcfg["upstream"]

BLOCK_PAGE = ("<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
              "<title>Доступ ограничен</title></head><body>"
              "<h1>Доступ к запрашиваемому ресурсу закрыт.</h1>"
              "<p>Доступ к сайту ограничен в соответствии с Федеральными законами. "
              "Подробности: <a href=\"http://eais.rkn.gov.ru/\">http://eais.rkn.gov.ru/</a></p>"
              "<p>ПАО «Ростелеком» (msgprobe lab imitation)</p></body></html>\n").encode()


def resolve(query):
    try:
        qid, _, qname, _, _, _ = dnswire.parse_question(query)
    except (ValueError, IndexError):
        return None
    p = policy.get(qname)
    if p is not None:
        if "rcode" in p:
            return dnswire.response(query, p["rcode"], aa=False)
        return dnswire.response(query, "NOERROR", p["a"], aa=False)
    if qname in local:
        return dnswire.response(query, "NOERROR", local[qname], aa=False)
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.settimeout(2)
    try:
        s.sendto(dnswire.with_id(query, 0x4d50), (upstream, 53))
        ans, _ = s.recvfrom(65535)
        ans = dnswire.with_id(ans, qid)
        # a recursive resolver's answer is not authoritative
        return ans[:2] + bytes([ans[2] & ~0x04]) + ans[3:]
    except OSError:
        return dnswire.response(query, "SERVFAIL", aa=False)
    finally:
        s.close()


def dns_udp(sock, data, peer):
    # forwarding blocks; answer from a thread so one slow name does not stall others
    import threading
    def work():
        ans = resolve(data)
        if ans:
            sock.sendto(ans, peer)
    threading.Thread(target=work, daemon=True).start()


def dns_tcp(conn, localaddr, peer):
    dnswire.serve_tcp(conn, resolve)


class BlockHandler(labhttp.LabHandler):
    def do_GET(self):
        self.send_body(200, BLOCK_PAGE)

    def do_POST(self):
        self.read_body()
        self.send_body(200, BLOCK_PAGE)

    do_HEAD = do_GET
    do_PUT = do_POST


isp_ctx = labhttp.tls_context(os.path.join(certdir, "isp-leaf.pem"), os.path.join(certdir, "isp-leaf.key"))


def blockpage(conn, localaddr, peer):
    kind = labhttp.sniff(conn, timeout=30)
    if kind is None:
        return
    if kind == "tls":
        conn.settimeout(30)
        conn = isp_ctx.wrap_socket(conn, server_side=True)
    elif kind == "other":
        return
    labhttp.serve_http(conn, peer, BlockHandler)


redirect = {k.lower(): v for k, v in cfg["http_proxy"]["redirect"].items()}


def http_proxy(conn, localaddr, peer):
    dst = labhttp.original_dst(conn)
    conn.settimeout(30)
    head = b""
    while b"\r\n\r\n" not in head and len(head) < 65536:
        d = conn.recv(65536)
        if not d:
            break
        head += d
    host = ""
    target = ""
    lines = head.split(b"\r\n")
    if lines and lines[0]:
        parts = lines[0].decode("latin-1").split(" ")
        target = parts[1] if len(parts) > 1 else "/"
    for line in lines[1:]:
        if line.lower().startswith(b"host:"):
            host = line[5:].strip().decode("latin-1").split(":")[0].lower()
    if host in redirect:
        url = f"http://{host}{target}"
        loc = redirect[host] + urllib.parse.quote(url, safe="")
        body = b"<html><body>Moved</body></html>\n"
        conn.sendall(b"HTTP/1.1 302 Found\r\nLocation: " + loc.encode() +
                     b"\r\nContent-Type: text/html\r\nContent-Length: " +
                     str(len(body)).encode() + b"\r\nConnection: close\r\n\r\n" + body)
        return
    up = socket.create_connection(dst, timeout=10)
    up.settimeout(None)
    conn.settimeout(None)
    up.sendall(head)
    try:
        labhttp.splice(conn, up)
    finally:
        up.close()


intercept = set(h.lower() for h in cfg["tls_proxy"]["intercept"])
mitm_ctx = isp_ctx


def tls_proxy(conn, localaddr, peer):
    dst = labhttp.original_dst(conn)
    sni = labhttp.client_hello_sni(conn)
    if sni in intercept:
        conn.settimeout(30)
        t = mitm_ctx.wrap_socket(conn, server_side=True)
        labhttp.serve_http(t, peer, BlockHandler)
        return
    up = socket.create_connection(dst, timeout=10)
    up.settimeout(None)
    conn.settimeout(None)
    try:
        labhttp.splice(conn, up)
    finally:
        up.close()


tcp, udp = [], []
r = rcfg["listen"]
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.bind((r, 53))
udp.append((s, dns_udp))
tcp.append((labhttp.listen_tcp(r, 53), dns_tcp))
sk = cfg["sinkhole"]["ip"]
tcp.append((labhttp.listen_tcp(sk, 80), blockpage))
tcp.append((labhttp.listen_tcp(sk, 443), blockpage))
ip, port = cfg["http_proxy"]["listen"]
tcp.append((labhttp.listen_tcp(ip, port), http_proxy))
ip, port = cfg["tls_proxy"]["listen"]
tcp.append((labhttp.listen_tcp(ip, port), tls_proxy))
labhttp.write_ready(ready)
labhttp.log(f"isp: resolver {r}, {len(policy)} DNS policy names, "
            f"{len(redirect)} HTTP redirects, {len(intercept)} intercepted SNIs")
labhttp.serve_forever(tcp, udp)
