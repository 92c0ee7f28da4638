#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""A hostile SCTP peer: hand-made handshake, then DATA no sane sender sends.

    sctp_hostile.py serve ADDR PORT --rcvbuf N --rmem FILE --ready FILE --hold S
        (a one-to-many listener with SO_RCVBUF N that never reads; every
        50 ms it looks at its receive memory (SO_MEMINFO) and writes
        "MOST RCVBUF LOOKS" to FILE: the most it saw, SO_RCVBUF, and how
        many looks it has taken)
    sctp_hostile.py SCENARIO DST --dport P --sport P [--count N] [--wrap K]
        [--out FILE]
        (one association per run from a raw socket, whose initial TSN is
        K (default 4096) below 2^32, so that a flood of more than K TSNs
        wraps the 32-bit space; the facts seen in the answers, "name
        value" a line, go to FILE or stdout)

Scenarios:
    ooo-flood   thousands of 1-byte DATA above a hole at the initial TSN,
                many per packet, then the hole filled
    inorder     in-order DATA of 1000 bytes, far past the advertised window
    outside     TSNs outside the window (2^31 - 1, 2^31 and 100000 ahead;
                at and before the cumulative TSN) and one TSN 40 times
    bad-stream  DATA for streams 10 and 65535 of 10 inbound streams
    empty       a DATA chunk without user data
    frags       thousands of B-without-E fragments and middle fragments
    hb-flood    --count HEARTBEATs, 10 a packet, as fast as they go

Facts: sacks, cum (of the last SACK, as an offset from the initial TSN
minus one), rwnd (last a_rwnd), max_gaps, max_dups (per SACK), dups (all
duplicate TSNs reported, as offsets), error (first ERROR cause "code
value"), abort (ABORT cause "code value"), hb_acks (HEARTBEAT ACKs that
echo our info), hb_secs (how long the flood and its answers took), sane (1 when every SACK was
well formed and its cumulative TSN never went back).
"""
import argparse
import os
import select
import socket
import struct
import sys
import time

from sctp_packet import chunk, packet, raw_socket

IPPROTO_SCTP = 132
SO_MEMINFO = 55
TAG = 0x5EED0001
ITSN = 0xFFFFF000	# our initial TSN (--wrap): the flood wraps the 32-bit space
HB_INFO = b"hostile heartbeat info, 32 bytes"	# echoed as sent


def init_chunk(tag, tsn):
    # Initiate tag, a_rwnd, 10 outbound streams, 65535 inbound, initial TSN.
    return chunk(1, 0, struct.pack("!IIHHI", tag, 1 << 20, 10, 65535, tsn))


def data_chunk(tsn, payload, sid=0, ssn=0, flags=3):
    return chunk(0, flags, struct.pack("!IHHI", tsn & 0xFFFFFFFF, sid, ssn, 0) + payload)


def chunks_of(pkt):
    pos = 12
    while pos + 4 <= len(pkt):
        ctype, flags, clen = struct.unpack("!BBH", pkt[pos:pos + 4])
        if clen < 4:
            return
        yield ctype, flags, pkt[pos + 4:pos + clen]
        pos += (clen + 3) & ~3


class Peer:
    def __init__(self, dst, sport, dport):
        self.dst, self.sport, self.dport = dst, sport, dport
        self.s = raw_socket(dst)
        self.s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1 << 22)
        self.facts = {"sacks": 0, "max_gaps": 0, "max_dups": 0, "sane": 1,
                      "hb_acks": 0}
        self.dups = []
        self.cum = None

    def recv(self, timeout):
        """The next packet for our port and tag, or None."""
        deadline = time.monotonic() + timeout
        while True:
            left = max(0, deadline - time.monotonic())
            if not select.select([self.s], [], [], left)[0]:
                return None
            data, src = self.s.recvfrom(65535)
            if self.s.family == socket.AF_INET:
                data = data[(data[0] & 0xF) * 4:]
            if src[0] != self.dst or len(data) < 16:
                continue
            dport, vtag = struct.unpack("!HI", data[2:8])
            if dport == self.sport and vtag == TAG:
                return data

    def send(self, chunks):
        self.s.sendto(packet(self.sport, self.dport, self.peer_tag, chunks),
                      (self.dst, 0))

    def handshake(self):
        self.peer_tag = 0
        self.send(init_chunk(TAG, ITSN))
        ack = None
        while ack is None:
            ack = self.recv(5)
            if ack is None:
                raise SystemExit("no INIT ACK")
            if ack[12] != 2:
                ack = None
        self.peer_tag = struct.unpack("!I", ack[16:20])[0]
        pos = 32
        cookie = None
        while pos + 4 <= len(ack):
            ptype, plen = struct.unpack("!HH", ack[pos:pos + 4])
            if plen < 4:
                break
            if ptype == 7:
                cookie = ack[pos + 4:pos + plen]
            pos += (plen + 3) & ~3
        self.send(chunk(10, 0, cookie))
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            p = self.recv(1)
            if p is not None and any(c[0] == 11 for c in chunks_of(p)):
                return
        raise SystemExit("no COOKIE ACK")

    def send_all(self, chunks, per_packet=1200):
        buf = b""
        for c in chunks:
            if len(buf) + len(c) > per_packet:
                self.send(buf)
                buf = b""
                self.drain(0)
            buf += c
        if buf:
            self.send(buf)

    def sack(self, v):
        if len(v) < 12:
            self.facts["sane"] = 0
            return
        cum, rwnd, ngaps, ndups = struct.unpack("!IIHH", v[:12])
        if len(v) != 12 + 4 * ngaps + 4 * ndups:
            self.facts["sane"] = 0
        off = (cum - (ITSN - 1)) & 0xFFFFFFFF
        if self.cum is not None and off < self.cum:
            self.facts["sane"] = 0	# the cumulative TSN went back
        self.cum = off
        end = 0
        for i in range(ngaps):
            start, stop = struct.unpack("!HH", v[12 + 4 * i:16 + 4 * i])
            if start <= end or stop < start:
                self.facts["sane"] = 0	# blocks overlap or go back
            end = stop
        for i in range(ndups):
            tsn = struct.unpack("!I", v[12 + 4 * ngaps + 4 * i:16 + 4 * ngaps + 4 * i])[0]
            self.dups.append((tsn - (ITSN - 1)) & 0xFFFFFFFF)
        f = self.facts
        f["sacks"] += 1
        f["cum"], f["rwnd"] = off, rwnd
        f["max_gaps"] = max(f["max_gaps"], ngaps)
        f["max_dups"] = max(f["max_dups"], ndups)

    def drain(self, timeout):
        """Take in what the association says, for up to @timeout seconds."""
        while True:
            p = self.recv(timeout)
            if p is None:
                return
            for ctype, _, v in chunks_of(p):
                if ctype == 3:
                    self.sack(v)
                elif ctype == 5 and v[4:] == HB_INFO:
                    self.facts["hb_acks"] += 1
                elif ctype in (6, 9) and len(v) >= 4:
                    code, clen = struct.unpack("!HH", v[:4])
                    value = int.from_bytes(v[4:clen], "big") if clen > 4 else 0
                    key = "abort" if ctype == 6 else "error"
                    self.facts.setdefault(key, "%d %d" % (code, value))

    def report(self, out):
        self.facts["dups"] = ",".join(str(d) for d in sorted(set(self.dups))) or "none"
        text = "".join("%s %s\n" % kv for kv in self.facts.items())
        if out:
            with open(out, "w") as f:
                f.write(text)
        else:
            sys.stdout.write(text)


def tsn(off):
    """The TSN @off after our initial TSN minus one (offset 1 is the first)."""
    return (ITSN - 1 + off) & 0xFFFFFFFF


def ooo_flood(p, args):
    p.send_all(data_chunk(tsn(k), b"x", ssn=k - 1) for k in range(2, args.count + 2))
    p.drain(1)
    p.send(data_chunk(tsn(1), b"x", ssn=0))	# the hole
    p.drain(1)


def inorder(p, args):
    p.send_all((data_chunk(tsn(k), b"y" * 1000, ssn=k - 1)
                for k in range(1, args.count + 1)), per_packet=1400)
    p.drain(1)


def outside(p, args):
    p.send(data_chunk(tsn(1), b"a"))		# cum is now 1
    p.drain(0.5)
    for off in (1 + (1 << 31) - 1, 1 + (1 << 31), 1 + 100000, 1, 0):
        p.send(data_chunk(tsn(off), b"o", ssn=1))
        p.drain(0.1)
    p.send_all([data_chunk(tsn(5), b"d", ssn=4)] * 40)
    p.drain(1)


def bad_stream(p, args):
    p.send(data_chunk(tsn(1), b"s", sid=10))
    p.drain(1)
    p.send(data_chunk(tsn(2), b"s", sid=65535))
    p.drain(1)


def empty(p, args):
    p.send(data_chunk(tsn(1), b""))
    p.drain(1)


def hb_flood(p, args):
    start = time.monotonic()
    p.send_all([chunk(4, 0, struct.pack("!HH", 1, 4 + len(HB_INFO)) + HB_INFO)]
               * args.count, per_packet=10 * (8 + len(HB_INFO)))
    p.drain(1)
    p.facts["hb_secs"] = "%.1f" % (time.monotonic() - start)


def frags(p, args):
    # In order, each a BEGIN that never ends; then middles above a hole.
    p.send_all(data_chunk(tsn(k), b"f" * 100, ssn=k - 1, flags=2)
               for k in range(1, args.count + 1))
    p.drain(1)
    base = (p.cum or 0) + 2
    p.send_all(data_chunk(tsn(base + k), b"m" * 100, ssn=0, flags=0)
               for k in range(args.count))
    p.drain(1)


SCENARIOS = {"ooo-flood": ooo_flood, "inorder": inorder, "outside": outside,
             "bad-stream": bad_stream, "empty": empty, "frags": frags,
             "hb-flood": hb_flood}


def cmd_serve(args):
    s = socket.socket(socket.AF_INET, socket.SOCK_SEQPACKET, IPPROTO_SCTP)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, args.rcvbuf)
    s.bind((args.addr, args.port))
    s.listen(16)
    open(args.ready, "w").close()
    most, looks = -1, 0
    end = time.monotonic() + args.hold
    while time.monotonic() < end:
        info = s.getsockopt(socket.SOL_SOCKET, SO_MEMINFO, 9 * 4)
        rmem, rcvbuf = struct.unpack("=9I", info)[:2]
        most, looks = max(most, rmem), looks + 1
        with open(args.rmem + ".new", "w") as f:
            f.write("%d %d %d\n" % (most, rcvbuf, looks))
        os.replace(args.rmem + ".new", args.rmem)
        time.sleep(0.05)
    s.close()
    return 0


def main():
    global ITSN     # pylint: disable=global-statement
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    sv = sub.add_parser("serve")
    sv.add_argument("addr")
    sv.add_argument("port", type=int)
    sv.add_argument("--rcvbuf", type=int, default=16384)
    sv.add_argument("--rmem", required=True)
    sv.add_argument("--ready", required=True)
    sv.add_argument("--hold", type=float, default=60)
    sv.set_defaults(func=cmd_serve)
    for name in SCENARIOS:
        sc = sub.add_parser(name)
        sc.add_argument("dst")
        sc.add_argument("--sport", type=int, required=True)
        sc.add_argument("--dport", type=int, required=True)
        sc.add_argument("--count", type=int, default=100)
        sc.add_argument("--out")
        sc.add_argument("--wrap", type=int, default=(1 << 32) - ITSN)
        sc.set_defaults(func=None, scenario=name)
    args = p.parse_args()
    if args.func:
        return args.func(args)
    ITSN = (1 << 32) - args.wrap
    peer = Peer(args.dst, args.sport, args.dport)
    peer.handshake()
    SCENARIOS[args.scenario](peer, args)
    peer.report(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
