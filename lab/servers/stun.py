#!/usr/bin/env python3
"""Minimal STUN Binding responder for the lab (RFC 8489 subset, standard library only).

Answers every Binding Request with a success response carrying XOR-MAPPED-ADDRESS: the address
and port the request came from. In the lab that is the vantage's public address after the ISP's
NAT, which the probe learns this way and must never write into a report.

    stun.py LISTEN_IP PORT READY_FILE
"""
import os
import socket
import struct
import sys

MAGIC = 0x2112A442


def response(request, addr):
    if len(request) < 20:
        return None
    msg_type, _length, cookie = struct.unpack("!HHI", request[:8])
    if msg_type != 0x0001 or cookie != MAGIC:
        return None
    txid = request[8:20]
    ip = socket.inet_aton(addr[0])
    xport = addr[1] ^ (MAGIC >> 16)
    xip = bytes(b ^ m for b, m in zip(ip, struct.pack("!I", MAGIC)))
    attr = struct.pack("!HHBBH", 0x0020, 8, 0, 1, xport) + xip
    return struct.pack("!HHI", 0x0101, len(attr), MAGIC) + txid + attr


def main():
    listen, port, ready = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    s.bind((listen, port))
    with open(ready + ".tmp", "w") as f:
        f.write(str(os.getpid()) + "\n")
    os.replace(ready + ".tmp", ready)
    while True:
        data, addr = s.recvfrom(2048)
        reply = response(data, addr)
        if reply is not None:
            s.sendto(reply, addr)


if __name__ == "__main__":
    main()
