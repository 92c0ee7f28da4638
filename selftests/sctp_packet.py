#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Send hand-built SCTP packets through a raw IP socket.

Used by the selftests to put real SCTP packets on the wire independently
of any SCTP stack: the kernel's raw sockets send them whatever module owns
IP protocol 132.

    sctp_packet.py send DST [--count N] [--sport P] [--dport P] [--chunk init|abort]
                        [--bad-crc]
    sctp_packet.py init-ack DST [--dport P]   (send an INIT, wait for the INIT ACK)
    sctp_packet.py cookie-echo DST [--dport P] [--wait S] [--forge]
                        [--expect "COOKIE ACK"|"ERROR stale cookie"|"no answer"]
        (a hand-made handshake: INIT, then the INIT ACK's cookie echoed back
        after S seconds, with one byte flipped if --forge; prints the answer)
    sctp_packet.py init DST [--sport P] [--dport P] [--list ADDR]...
                        [--src ADDR] [--expect "INIT ACK"|"ABORT cause 11 ADDR"|...]
        (one INIT listing the IPv4 ADDRs, with a fixed Initiate Tag, from
        the local address ADDR if given (of DST's family); prints
        the answer, which must carry that tag: "INIT ACK", or "ABORT" with
        its first cause and the address that cause names)
"""
import argparse
import select
import socket
import struct
import sys
import time

IPPROTO_SCTP = 132


def crc32c_table():
    poly = 0x82F63B78
    table = []
    for i in range(256):
        c = i
        for _ in range(8):
            c = (c >> 1) ^ poly if c & 1 else c >> 1
        table.append(c)
    return table


_TABLE = crc32c_table()


def crc32c(data):
    crc = 0xFFFFFFFF
    for b in data:
        crc = _TABLE[(crc ^ b) & 0xFF] ^ (crc >> 8)
    return crc ^ 0xFFFFFFFF


def chunk(ctype, flags, value):
    length = 4 + len(value)
    pad = (4 - length % 4) % 4
    return struct.pack("!BBH", ctype, flags, length) + value + b"\0" * pad


def init_chunk(tag, addrs=()):
    # Initiate tag, a_rwnd, outbound streams, inbound streams, initial TSN,
    # then an IPv4 Address parameter per address.
    params = b"".join(struct.pack("!HH", 5, 8) + socket.inet_aton(a) for a in addrs)
    return chunk(1, 0, struct.pack("!IIHHI", tag, 65536, 10, 65535, tag) + params)


def packet(sport, dport, vtag, chunks):
    """Common header with the CRC32c (RFC 9260 appendix B), little-endian."""
    body = struct.pack("!HHII", sport, dport, vtag, 0) + chunks
    crc = crc32c(body)
    return body[:8] + struct.pack("<I", crc) + body[12:]


def family_of(addr):
    return socket.AF_INET6 if ":" in addr else socket.AF_INET


def raw_socket(addr):
    return socket.socket(family_of(addr), socket.SOCK_RAW, IPPROTO_SCTP)


def cmd_send(args):
    s = raw_socket(args.dst)
    if args.chunk == "init":
        data = packet(args.sport, args.dport, 0, init_chunk(0x12345678))
    else:
        data = packet(args.sport, args.dport, 0x1, chunk(6, 0, b""))
    if args.bad_crc:
        data = data[:8] + bytes(b ^ 0xFF for b in data[8:12]) + data[12:]
    for _ in range(args.count):
        s.sendto(data, (args.dst, 0))
    return 0


def cmd_init_ack(args):
    """Send an INIT every second until the peer's INIT ACK (chunk type 2)
    arrives or the timeout passes."""
    s = raw_socket(args.dst)
    init = packet(args.sport, args.dport, 0, init_chunk(0xC0FFEE01))
    deadline = time.monotonic() + args.timeout
    next_send = 0
    while time.monotonic() < deadline:
        if time.monotonic() >= next_send:
            s.sendto(init, (args.dst, 0))
            next_send = time.monotonic() + 1
        if not select.select([s], [], [], 0.2)[0]:
            continue
        data, src = s.recvfrom(65535)
        # IPv4 raw sockets deliver the IP header, IPv6 ones do not.
        if s.family == socket.AF_INET:
            data = data[(data[0] & 0xF) * 4:]
        if len(data) >= 16 and data[12] == 2 and src[0] == args.dst:
            sport, dport, vtag = struct.unpack("!HHI", data[:8])
            ok = vtag == 0xC0FFEE01 and sport == args.dport
            print("INIT ACK from %s:%d vtag %#x" % (src[0], sport, vtag))
            return 0 if ok else 1
    print("no INIT ACK", file=sys.stderr)
    return 1


def receive(s, dst, want_types, timeout):
    """The next SCTP packet from DST whose first chunk is of want_types."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not select.select([s], [], [], 0.2)[0]:
            continue
        data, src = s.recvfrom(65535)
        if s.family == socket.AF_INET:
            data = data[(data[0] & 0xF) * 4:]
        if src[0] == dst and len(data) >= 16 and data[12] in want_types:
            return data
    return None


def state_cookie(init_ack):
    """The State Cookie parameter's value in an INIT ACK packet."""
    clen = struct.unpack("!H", init_ack[14:16])[0]
    pos, end = 12 + 4 + 16, 12 + clen
    while pos + 4 <= end:
        ptype, plen = struct.unpack("!HH", init_ack[pos:pos + 4])
        if ptype == 7:
            return init_ack[pos + 4:pos + plen]
        pos += (plen + 3) & ~3
    return None


def cmd_cookie_echo(args):
    s = raw_socket(args.dst)
    s.sendto(packet(args.sport, args.dport, 0, init_chunk(0xC0FFEE02)), (args.dst, 0))
    ack = receive(s, args.dst, (2,), 5)
    cookie = state_cookie(ack) if ack else None
    if not cookie:
        print("no INIT ACK with a cookie")
        return 1
    peer_tag = struct.unpack("!I", ack[16:20])[0]
    if args.forge:
        mid = len(cookie) // 2
        cookie = cookie[:mid] + bytes([cookie[mid] ^ 0x40]) + cookie[mid + 1:]
    time.sleep(args.wait)
    s.sendto(packet(args.sport, args.dport, peer_tag, chunk(10, 0, cookie)), (args.dst, 0))
    answer = receive(s, args.dst, (6, 9, 11), 3)
    names = {6: "ABORT", 9: "ERROR", 11: "COOKIE ACK"}
    got = "no answer" if answer is None else names[answer[12]]
    if answer is not None and answer[12] == 9 and struct.unpack("!H", answer[16:18])[0] == 3:
        got = "ERROR stale cookie"
    print(got)
    return 0 if got == args.expect else 1


def describe(answer, tag):
    """What an answer to our INIT (Initiate Tag TAG) was, in words."""
    if answer is None:
        return "no answer"
    if struct.unpack("!I", answer[4:8])[0] != tag:
        return "wrong verification tag"
    if answer[12] == 2:
        return "INIT ACK"
    got = "ABORT"
    clen = struct.unpack("!H", answer[14:16])[0]
    if clen >= 8:
        code, length = struct.unpack("!HH", answer[16:20])
        got += " cause %d" % code
        # Restart with New Addresses: an IPv4 or IPv6 Address parameter.
        if code == 11 and length >= 12 and answer[20:24] == struct.pack("!HH", 5, 8):
            got += " " + socket.inet_ntoa(answer[24:28])
        elif code == 11 and length >= 24 and answer[20:24] == struct.pack("!HH", 6, 20):
            got += " " + socket.inet_ntop(socket.AF_INET6, answer[24:40])
    return got


def cmd_init(args):
    s = raw_socket(args.dst)
    if args.src:
        s.bind((args.src, 0))
    tag = 0xC0FFEE03
    s.sendto(packet(args.sport, args.dport, 0, init_chunk(tag, args.list)), (args.dst, 0))
    got = describe(receive(s, args.dst, (2, 6), 3), tag)
    print(got)
    return 0 if got == args.expect else 1


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("send")
    s.add_argument("dst")
    s.add_argument("--count", type=int, default=1)
    s.add_argument("--sport", type=int, default=5000)
    s.add_argument("--dport", type=int, default=5001)
    s.add_argument("--chunk", choices=["init", "abort"], default="init")
    s.add_argument("--bad-crc", action="store_true")
    s.set_defaults(func=cmd_send)
    r = sub.add_parser("init-ack")
    r.add_argument("dst")
    r.add_argument("--sport", type=int, default=5000)
    r.add_argument("--dport", type=int, default=5001)
    r.add_argument("--timeout", type=float, default=5)
    r.set_defaults(func=cmd_init_ack)
    c = sub.add_parser("cookie-echo")
    c.add_argument("dst")
    c.add_argument("--sport", type=int, default=5000)
    c.add_argument("--dport", type=int, default=5001)
    c.add_argument("--wait", type=float, default=0)
    c.add_argument("--forge", action="store_true")
    c.add_argument("--expect", default="COOKIE ACK")
    c.set_defaults(func=cmd_cookie_echo)
    i = sub.add_parser("init")
    i.add_argument("dst")
    i.add_argument("--sport", type=int, default=5000)
    i.add_argument("--dport", type=int, default=5001)
    i.add_argument("--list", action="append", default=[])
    i.add_argument("--src")
    i.add_argument("--expect", default="INIT ACK")
    i.set_defaults(func=cmd_init)
    args = p.parse_args()
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
