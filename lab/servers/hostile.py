"""Hostile servers for the lab's `hostile-servers` scenario (standard library only).

A host named NAME.hostile.test misbehaves as NAME says, on every port of its address, over TLS (lab
certificate, then the behaviour) or plain HTTP; internet.py hands such connections and DNS questions
here. None of this is censorship: the probe must end its run normally, write one line per endpoint
and call none of them blocked.

  endless-body    200, no length, 64 KiB chunks until the client hangs up
  huge-body       200 declaring a 9 GB Content-Length, then 64 KiB chunks until the client hangs up
  gzip-bomb       200, Content-Encoding gzip: 64 KiB on the wire that inflate to 64 MiB of zeros
  header-flood    a status line and 40,000 header lines (about 2.3 MB of head)
  slow-drip       200 with a 1 MB Content-Length, then one byte every 20 ms
  garbage         bytes that are not HTTP instead of a response
  tls-garbage     a completed TLS handshake, then raw bytes that are not a TLS record
  redirect-loop   302 to itself, forever
  odd-scheme      302 to javascript:alert(1)
  ftp-redirect    301 to ftp://
DNS (authoritative, so the resolver under test and DoH both pass it on):
  garbage-dns     the query's id followed by bytes that are not a DNS message
  huge-dns        NOERROR with 400 A records (about 6.4 KB over UDP)
"""
import gzip
import os
import socket
import struct
import threading
import time

DOMAIN = "hostile.test"
CHUNK = b"\0" * 65536
_bomb = None
_bomb_lock = threading.Lock()


def behaviour(host):
    """NAME for NAME.hostile.test, else None."""
    if host and host.endswith("." + DOMAIN):
        return host[: -len(DOMAIN) - 1]
    return None


def gzip_bomb():
    global _bomb
    with _bomb_lock:
        if _bomb is None:
            _bomb = gzip.compress(b"\0" * (64 << 20), compresslevel=9)
        return _bomb


def read_head(conn):
    """Reads the request head (up to 64 KiB); False when the client sent none."""
    buf = b""
    while b"\r\n\r\n" not in buf and len(buf) < 65536:
        data = conn.recv(4096)
        if not data:
            return False
        buf += data
    return True


def endless(conn, head):
    conn.sendall(head)
    while True:
        conn.sendall(CHUNK)


def serve(conn, name, tls_ctx):
    """Misbehaves as `name` on `conn` (TLS first when the client starts a handshake)."""
    conn.settimeout(30)
    first = conn.recv(1, socket.MSG_PEEK)
    if not first:
        return
    if first[0] == 0x16:
        conn = tls_ctx.wrap_socket(conn, server_side=True)
        if name == "tls-garbage":
            os.write(conn.fileno(), b"\x00\x01garbage after the handshake\r\n" * 64)
            time.sleep(1)
            return
    if not read_head(conn):
        return
    if name == "endless-body":
        endless(conn, b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n")
    elif name == "huge-body":
        endless(conn, b"HTTP/1.1 200 OK\r\nContent-Length: 9000000000\r\n\r\n")
    elif name == "gzip-bomb":
        bomb = gzip_bomb()
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: %d\r\n\r\n" % len(bomb) + bomb)
    elif name == "header-flood":
        line = b"X-Flood: " + b"a" * 48 + b"\r\n"
        conn.sendall(b"HTTP/1.1 200 OK\r\n" + line * 40000)
    elif name == "slow-drip":
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 1000000\r\n\r\n")
        while True:
            conn.sendall(b"x")
            time.sleep(0.02)
    elif name == "garbage":
        conn.sendall(b"\x00\x01garbage, not HTTP at all\r\n\r\n")
    elif name == "redirect-loop":
        conn.sendall(b"HTTP/1.1 302 Found\r\nLocation: /again\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
    elif name == "odd-scheme":
        conn.sendall(b"HTTP/1.1 302 Found\r\nLocation: javascript:alert(1)\r\nContent-Length: 0\r\n"
                     b"Connection: close\r\n\r\n")
    elif name == "ftp-redirect":
        conn.sendall(b"HTTP/1.1 301 Moved Permanently\r\nLocation: ftp://ftp.hostile.test/file\r\n"
                     b"Content-Length: 0\r\nConnection: close\r\n\r\n")
    else:
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")


def dns_answer(qname, query, response):
    """The hostile answer for `qname` (bytes), or None when the name is not a hostile DNS name.
    `response(query, rcode, addresses)` builds a well-formed reply."""
    name = behaviour(qname)
    if name == "garbage-dns":
        return query[:2] + b"\x81\x80garbage that is not a DNS message" + os.urandom(32)
    if name == "huge-dns":
        return response(query, "NOERROR", ["31.13.%d.%d" % (i // 250, i % 250 + 1) for i in range(400)])
    return None
