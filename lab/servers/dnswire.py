"""Minimal DNS wire-format helpers for the lab servers (standard library only)."""
import socket
import struct

QTYPE_A, QTYPE_AAAA = 1, 28
RCODES = {"NOERROR": 0, "SERVFAIL": 2, "NXDOMAIN": 3, "REFUSED": 5}


def parse_question(msg):
    """Return (id, flags, qname, qtype, qclass, end_offset) of the first question."""
    if len(msg) < 12:
        raise ValueError("short message")
    qid, flags, qd = struct.unpack("!HHH", msg[:6])
    if qd < 1:
        raise ValueError("no question")
    labels, i = [], 12
    while True:
        n = msg[i]
        if n == 0:
            i += 1
            break
        if n & 0xC0:
            raise ValueError("compressed qname")
        labels.append(msg[i + 1:i + 1 + n].decode("ascii", "replace"))
        i += 1 + n
    qtype, qclass = struct.unpack("!HH", msg[i:i + 4])
    return qid, flags, ".".join(labels).lower(), qtype, qclass, i + 4


def response(query, rcode="NOERROR", a=(), aa=True, ttl=60):
    """Build a response to `query` with A records `a` (for qtype A only)."""
    qid, flags, qname, qtype, qclass, end = parse_question(query)
    rd = flags & 0x0100
    out_flags = 0x8000 | (0x0400 if aa else 0) | rd | 0x0080 | RCODES[rcode]
    answers = b""
    n = 0
    if rcode == "NOERROR" and qtype == QTYPE_A:
        for ip in a:
            answers += struct.pack("!HHHIH", 0xC00C, QTYPE_A, 1, ttl, 4) + socket.inet_aton(ip)
            n += 1
    header = struct.pack("!HHHHHH", qid, out_flags, 1, n, 0, 0)
    return header + query[12:end] + answers


def with_id(msg, qid):
    return struct.pack("!H", qid) + msg[2:]


def read_tcp_message(sock):
    hdr = _recv_exact(sock, 2)
    if not hdr:
        return None
    (ln,) = struct.unpack("!H", hdr)
    return _recv_exact(sock, ln)


def _recv_exact(sock, n):
    buf = b""
    while len(buf) < n:
        chunk = sock.recv(n - len(buf))
        if not chunk:
            return None
        buf += chunk
    return buf


def write_tcp_message(sock, msg):
    sock.sendall(struct.pack("!H", len(msg)) + msg)


def serve_tcp(conn, answer):
    """Answers DNS-over-TCP messages on conn with answer(query) until the peer closes."""
    conn.settimeout(10)
    while True:
        q = read_tcp_message(conn)
        if not q:
            return
        ans = answer(q)
        if ans:
            write_tcp_message(conn, ans)
