"""Shared pieces of the lab servers: listeners, protocol sniffing, HTTP(S), WebSocket, splice.

Standard library only. Every listener accepts in one selector thread and hands each
connection to its own daemon thread.
"""
import base64
import hashlib
import os
import selectors
import socket
import ssl
import struct
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler

HOLD_SECONDS = 300          # accept-and-hold: how long a silent connection is kept
IO_TIMEOUT = 90             # per read/write inside HTTP
MAX_BULK = 64 * 1024 * 1024
WS_GUID = b"258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


def log(*a):
    print(time.strftime("%H:%M:%S"), *a, file=sys.stderr, flush=True)


def tls_context(cert, key):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    ctx.load_cert_chain(cert, key)
    ctx.set_alpn_protocols(["http/1.1"])
    return ctx


def listen_tcp(ip, port, backlog=256):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind((ip, port))
    s.listen(backlog)
    s.setblocking(False)
    return s


def serve_forever(tcp, udp=(), on_conn=None, on_dgram=None):
    """tcp: list of (socket, handler(conn, local_addr, peer)); udp: list of (socket, handler)."""
    sel = selectors.DefaultSelector()
    for s, h in tcp:
        sel.register(s, selectors.EVENT_READ, ("tcp", h))
    for s, h in udp:
        s.setblocking(False)
        sel.register(s, selectors.EVENT_READ, ("udp", h))
    while True:
        for key, _ in sel.select():
            kind, h = key.data
            if kind == "tcp":
                try:
                    conn, peer = key.fileobj.accept()
                except (BlockingIOError, InterruptedError):
                    continue
                conn.setblocking(True)
                threading.Thread(target=_guard, args=(h, conn, conn.getsockname(), peer),
                                 daemon=True).start()
            else:
                try:
                    data, peer = key.fileobj.recvfrom(65535)
                except (BlockingIOError, InterruptedError):
                    continue
                try:
                    h(key.fileobj, data, peer)
                except Exception as e:  # noqa: BLE001 - a lab server must not die
                    log("udp handler error", e)


def _guard(h, conn, local, peer):
    try:
        h(conn, local, peer)
    except (OSError, ssl.SSLError, ValueError):
        pass
    except Exception as e:  # noqa: BLE001
        log("handler error", type(e).__name__, e)
    finally:
        try:
            conn.close()
        except OSError:
            pass


def sniff(conn, timeout=HOLD_SECONDS):
    """Peek the first byte: 'tls', 'http', 'other' or None (closed / silent)."""
    conn.settimeout(timeout)
    try:
        b = conn.recv(1, socket.MSG_PEEK)
    except (socket.timeout, OSError):
        return None
    if not b:
        return None
    if b[0] == 0x16:
        return "tls"
    if 65 <= b[0] <= 90:
        return "http"
    return "other"


def hold(conn, timeout=HOLD_SECONDS):
    """Accept-and-hold: read and discard until the peer closes or the hold time ends."""
    conn.settimeout(timeout)
    end = time.time() + timeout
    while time.time() < end:
        try:
            if not conn.recv(65536):
                return
        except (socket.timeout, OSError):
            return


def splice(a, b):
    """Copy bytes both ways until both directions are closed."""
    def pump(src, dst):
        try:
            while True:
                d = src.recv(65536)
                if not d:
                    break
                dst.sendall(d)
        except OSError:
            pass
        try:
            dst.shutdown(socket.SHUT_WR)
        except OSError:
            pass
    t = threading.Thread(target=pump, args=(b, a), daemon=True)
    t.start()
    pump(a, b)
    t.join(HOLD_SECONDS)


def original_dst(conn):
    od = conn.getsockopt(socket.SOL_IP, 80, 16)     # SO_ORIGINAL_DST
    port, ip = struct.unpack("!2xH4s8x", od)
    return socket.inet_ntoa(ip), port


class _Server:
    """What BaseHTTPRequestHandler expects of a server object."""
    def __init__(self, **kw):
        self.__dict__.update(kw)


def serve_http(conn, peer, handler_cls, **server_attrs):
    handler_cls(conn, peer, _Server(**server_attrs))


class LabHandler(BaseHTTPRequestHandler):
    """The lab's web server: pages, bulk download, uploads, WebSocket, DoH."""
    protocol_version = "HTTP/1.1"
    server_version = "msgprobe-lab/1"
    sys_version = ""
    timeout = IO_TIMEOUT

    def log_message(self, fmt, *args):  # keep the lab quiet; one line per request
        if getattr(self.server, "verbose", False):
            log(self.client_address[0], self.requestline)

    # -- helpers
    def host(self):
        return (self.headers.get("Host") or getattr(self.server, "default_host", "")) \
            .split(":")[0].lower()

    def send_body(self, code, body, ctype="text/html; charset=utf-8", extra=()):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in extra:
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def read_body(self):
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            data = b""
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    self.rfile.readline()
                    return data
                data += self.rfile.read(size)
                self.rfile.readline()
        n = int(self.headers.get("Content-Length") or 0)
        got = 0
        data = bytearray()
        while got < n:
            chunk = self.rfile.read(min(65536, n - got))
            if not chunk:
                break
            got += len(chunk)
            if len(data) < 65536:
                data += chunk[:65536 - len(data)]
        self.body_length = got
        return bytes(data)

    # -- routes
    def do_GET(self):
        path = urllib.parse.urlsplit(self.path)
        if self.headers.get("Upgrade", "").lower() == "websocket":
            return self.websocket()
        if path.path.startswith("/dns-query"):
            q = urllib.parse.parse_qs(path.query).get("dns", [""])[0]
            try:
                msg = base64.urlsafe_b64decode(q + "=" * (-len(q) % 4))
            except ValueError:
                msg = b""
            return self.doh(msg)
        if path.path.startswith("/msgprobe/bulk"):
            return self.bulk(path)
        return self.page()

    def do_HEAD(self):
        self.page()

    def do_POST(self):
        path = urllib.parse.urlsplit(self.path)
        body = self.read_body()
        if path.path.startswith("/dns-query"):
            return self.doh(body)
        n = getattr(self, "body_length", len(body))
        self.send_body(200, f"msgprobe lab: {self.host()} received {n} bytes\n".encode(),
                       "text/plain; charset=utf-8")

    do_PUT = do_POST

    def do_OPTIONS(self):
        self.send_body(204, b"", extra=[("Allow", "GET, HEAD, POST, PUT, OPTIONS")])

    def page(self):
        h = self.host()
        body = (f"<!doctype html><html><head><title>{h} - msgprobe lab</title></head>"
                f"<body><h1>{h}</h1><p>Served in the msgprobe censorship lab, "
                f"not the real site.</p></body></html>\n").encode()
        self.send_body(200, body)

    def bulk(self, path):
        q = urllib.parse.parse_qs(path.query)
        n = q.get("bytes", [None])[0]
        if n is None:
            tail = path.path[len("/msgprobe/bulk"):].strip("/")
            n = tail if tail.isdigit() else 262144
        n = max(0, min(int(n), MAX_BULK))
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Length", str(n))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        # small writes -> small TLS records (like CDNs' dynamic record sizing), so a client
        # sees bytes as they arrive and a freeze shows as a partial body, not as nothing
        block = (b"msgprobe-lab-bulk-" * 256)[:2048]
        left = n
        while left > 0:
            k = min(left, len(block))
            self.wfile.write(block[:k])
            left -= k
        self.wfile.flush()

    def doh(self, msg):
        answer = self.server.dns_answer(msg) if msg else None
        if not answer:
            return self.send_body(400, b"bad DNS message\n", "text/plain")
        self.send_body(200, answer, "application/dns-message",
                       extra=[("Cache-Control", "max-age=0")])

    def websocket(self):
        key = self.headers.get("Sec-WebSocket-Key", "")
        if not key:
            return self.send_body(400, b"missing Sec-WebSocket-Key\n", "text/plain")
        accept = base64.b64encode(hashlib.sha1(key.encode() + WS_GUID).digest()).decode()
        self.send_response(101, "Switching Protocols")
        self.send_header("Upgrade", "websocket")
        self.send_header("Connection", "Upgrade")
        self.send_header("Sec-WebSocket-Accept", accept)
        proto = self.headers.get("Sec-WebSocket-Protocol")
        if proto:
            self.send_header("Sec-WebSocket-Protocol", proto.split(",")[0].strip())
        self.end_headers()
        self.wfile.flush()
        self.close_connection = True
        self.ws_loop()

    def ws_loop(self):
        r, w = self.rfile, self.wfile
        while True:
            hdr = r.read(2)
            if len(hdr) < 2:
                return
            op, ln = hdr[0] & 0x0F, hdr[1] & 0x7F
            masked = hdr[1] & 0x80
            if ln == 126:
                ln = struct.unpack("!H", r.read(2))[0]
            elif ln == 127:
                ln = struct.unpack("!Q", r.read(8))[0]
            mask = r.read(4) if masked else b"\0\0\0\0"
            payload = bytearray(r.read(ln))
            for i in range(len(payload)):
                payload[i] ^= mask[i % 4]
            if op == 8:
                w.write(ws_frame(8, bytes(payload[:2])))
                w.flush()
                return
            if op == 9:
                w.write(ws_frame(10, bytes(payload)))
            elif op in (1, 2):
                w.write(ws_frame(op, bytes(payload)))
            w.flush()


def ws_frame(op, payload):
    n = len(payload)
    if n < 126:
        hdr = struct.pack("!BB", 0x80 | op, n)
    elif n < 65536:
        hdr = struct.pack("!BBH", 0x80 | op, 126, n)
    else:
        hdr = struct.pack("!BBQ", 0x80 | op, 127, n)
    return hdr + payload


def client_hello_sni(conn, timeout=10):
    """Peek (without consuming) the TLS ClientHello and return its SNI or None."""
    conn.settimeout(timeout)
    data = b""
    end = time.time() + timeout
    while time.time() < end:
        data = conn.recv(16384, socket.MSG_PEEK)
        if not data:
            return None
        if len(data) >= 5:
            need = 5 + struct.unpack("!H", data[3:5])[0]
            if len(data) >= need:
                break
        time.sleep(0.01)
    try:
        return parse_sni(data)
    except (IndexError, struct.error):
        return None


def parse_sni(rec):
    if rec[0] != 0x16 or rec[5] != 0x01:
        return None
    i = 5 + 4 + 2 + 32                      # record hdr, handshake hdr, version, random
    i += 1 + rec[i]                         # session id
    i += 2 + struct.unpack("!H", rec[i:i + 2])[0]   # cipher suites
    i += 1 + rec[i]                         # compression
    end = i + 2 + struct.unpack("!H", rec[i:i + 2])[0]
    i += 2
    while i + 4 <= end:
        typ, ln = struct.unpack("!HH", rec[i:i + 4])
        if typ == 0:
            j = i + 4 + 2
            if rec[j] == 0:
                n = struct.unpack("!H", rec[j + 1:j + 3])[0]
                return rec[j + 3:j + 3 + n].decode("ascii", "replace").lower()
        i += 4 + ln
    return None


def write_ready(path):
    with open(path + ".tmp", "w") as f:
        f.write(str(os.getpid()) + "\n")
    os.replace(path + ".tmp", path)
