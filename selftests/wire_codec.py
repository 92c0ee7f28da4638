# SPDX-License-Identifier: GPL-2.0
"""SCTP packets as RFC 9260 section 3 lays them out, built and parsed
independently of any SCTP stack: the conformance scripts' peer (wire_peer.py)
writes what it builds into a tun device and parses what the stack under
test sends.

Building: chunk builders (data(), init(), sack(), ...) return bytes;
packet() adds the common header and its CRC32c, ip4()/ip6() the IP header.
Parsing: parse_ip() gives an Ip with .sctp, a Packet, whose .chunks are
Chunk objects with the fields of their type as attributes (tsn, cum_tsn,
causes, params, ...); unknown types keep their raw value.
"""
import ipaddress
import socket
import struct

IPPROTO_SCTP = 132

# Chunk types (RFC 9260 3.2, RFC 3758, RFC 8260).
DATA, INIT, INIT_ACK, SACK, HEARTBEAT, HEARTBEAT_ACK, ABORT, SHUTDOWN = range(8)
SHUTDOWN_ACK, ERROR, COOKIE_ECHO, COOKIE_ACK, ECNE, CWR, SHUTDOWN_COMPLETE = range(8, 15)
PAD, I_DATA, FORWARD_TSN = 0x84, 0x40, 0xC0
NAMES = {
    DATA: "DATA", INIT: "INIT", INIT_ACK: "INIT ACK", SACK: "SACK",
    HEARTBEAT: "HEARTBEAT", HEARTBEAT_ACK: "HEARTBEAT ACK", ABORT: "ABORT",
    SHUTDOWN: "SHUTDOWN", SHUTDOWN_ACK: "SHUTDOWN ACK", ERROR: "ERROR",
    COOKIE_ECHO: "COOKIE ECHO", COOKIE_ACK: "COOKIE ACK", ECNE: "ECNE",
    CWR: "CWR", SHUTDOWN_COMPLETE: "SHUTDOWN COMPLETE", PAD: "PAD",
    I_DATA: "I-DATA", FORWARD_TSN: "FORWARD TSN",
}

# DATA flags; the T bit of ABORT and SHUTDOWN COMPLETE.
FLAG_E, FLAG_B, FLAG_U, FLAG_I = 1, 2, 4, 8
FLAG_T = 1

# Parameters (3.3.2, 3.3.3; 3.2.1 for the upper two bits of unknown ones).
P_HEARTBEAT_INFO, P_IPV4, P_IPV6, P_COOKIE = 1, 5, 6, 7
P_UNRECOGNIZED, P_COOKIE_PRESERVATIVE, P_HOSTNAME, P_ADDR_TYPES = 8, 9, 11, 12
P_ECN, P_FORWARD_TSN, P_SUPPORTED_EXT = 0x8000, 0xC000, 0x8008

# Error causes (3.3.10).
C_INVALID_STREAM, C_MISSING_PARAM, C_STALE_COOKIE, C_NO_RESOURCES = 1, 2, 3, 4
C_UNRESOLVABLE_ADDR, C_UNRECOGNIZED_CHUNK, C_INVALID_PARAM = 5, 6, 7
C_UNRECOGNIZED_PARAMS, C_NO_USER_DATA, C_COOKIE_IN_SHUTDOWN = 8, 9, 10
C_RESTART_NEW_ADDRS, C_USER_ABORT, C_PROTOCOL_VIOLATION = 11, 12, 13


def _crc32c_table():
    table = []
    for i in range(256):
        c = i
        for _ in range(8):
            c = (c >> 1) ^ 0x82F63B78 if c & 1 else c >> 1
        table.append(c)
    return table


_CRC_TABLE = _crc32c_table()


def crc32c(data):
    crc = 0xFFFFFFFF
    table = _CRC_TABLE
    for b in data:
        crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8)
    return crc ^ 0xFFFFFFFF


def pad4(b):
    return b + b"\0" * (-len(b) % 4)


# ---- building ------------------------------------------------------------

def tlv(kind, value, pad=True):
    """A chunk-, parameter- or cause-shaped TLV: type, length, value."""
    body = struct.pack("!HH", kind, 4 + len(value)) + value
    return pad4(body) if pad else body


def chunk(ctype, flags=0, value=b""):
    return pad4(struct.pack("!BBH", ctype, flags, 4 + len(value)) + value)


def param(ptype, value=b""):
    return tlv(ptype, value)


def cause(code, info=b""):
    return tlv(code, info)


def addr_param(addr):
    ip = ipaddress.ip_address(addr)
    return param(P_IPV4 if ip.version == 4 else P_IPV6, ip.packed)


def data(tsn, payload, sid=0, ssn=0, ppid=0, flags=FLAG_B | FLAG_E):
    return chunk(DATA, flags, struct.pack("!IHHI", tsn, sid, ssn, ppid) + payload)


def init(tag, tsn, a_rwnd=65535, os=10, mis=10, params=b"", ctype=INIT):
    return chunk(ctype, 0, struct.pack("!IIHHI", tag, a_rwnd, os, mis, tsn) + params)


def init_ack(tag, tsn, cookie=b"wire-peer-cookie", a_rwnd=65535, os=10, mis=10,
             params=b""):
    """An INIT ACK; cookie=None leaves the State Cookie out."""
    if cookie is not None:
        params = param(P_COOKIE, cookie) + params
    return init(tag, tsn, a_rwnd, os, mis, params, INIT_ACK)


def sack(cum_tsn, a_rwnd=65535, gaps=(), dups=()):
    value = struct.pack("!IIHH", cum_tsn, a_rwnd, len(gaps), len(dups))
    value += b"".join(struct.pack("!HH", s, e) for s, e in gaps)
    value += b"".join(struct.pack("!I", d) for d in dups)
    return chunk(SACK, 0, value)


def cookie_echo(cookie):
    return chunk(COOKIE_ECHO, 0, cookie)


def cookie_ack():
    return chunk(COOKIE_ACK)


def heartbeat(info=b"wire-peer"):
    return chunk(HEARTBEAT, 0, param(P_HEARTBEAT_INFO, info))


def heartbeat_ack(info):
    return chunk(HEARTBEAT_ACK, 0, param(P_HEARTBEAT_INFO, info))


def abort(causes=b"", t=False):
    return chunk(ABORT, FLAG_T if t else 0, causes)


def error(causes):
    return chunk(ERROR, 0, causes)


def shutdown(cum_tsn):
    return chunk(SHUTDOWN, 0, struct.pack("!I", cum_tsn))


def shutdown_ack():
    return chunk(SHUTDOWN_ACK)


def shutdown_complete(t=False):
    return chunk(SHUTDOWN_COMPLETE, FLAG_T if t else 0)


def packet(sport, dport, vtag, *chunks, crc=True):
    """Common header (3.1) and the chunks; the CRC32c stored little-endian
    as Appendix A computes it; crc=False leaves it wrong (zero)."""
    body = struct.pack("!HHII", sport, dport, vtag, 0) + b"".join(chunks)
    if not crc:
        return body
    return body[:8] + struct.pack("<I", crc32c(body)) + body[12:]


def _ip4_checksum(header):
    s = sum(struct.unpack("!10H", header))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def ip4(src, dst, payload, proto=IPPROTO_SCTP, ttl=64, ident=0, frag=0x4000):
    """An IPv4 datagram; FRAG is the flags and offset field (DF by default)."""
    header = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), ident, frag,
                         ttl, proto, 0, socket.inet_aton(src), socket.inet_aton(dst))
    return header[:10] + struct.pack("!H", _ip4_checksum(header)) + header[12:] + payload


def ip4_fragments(src, dst, payload, size=1480, ident=0x5EED):
    """PAYLOAD in IPv4 fragments of at most SIZE bytes (a multiple of 8)."""
    pieces = [payload[i:i + size] for i in range(0, len(payload), size)]
    return [ip4(src, dst, piece, ident=ident,
                frag=(0x2000 if n < len(pieces) - 1 else 0) | (n * size // 8))
            for n, piece in enumerate(pieces)]


def _inet_checksum(data):
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def icmp4(src, dst, icmp_type, code, quoted, info=0):
    """An ICMP error from SRC to DST quoting QUOTED (an IP header and the
    start of its payload); INFO is the 32-bit field after the checksum."""
    body = struct.pack("!BBHI", icmp_type, code, 0, info) + quoted
    body = body[:2] + struct.pack("!H", _inet_checksum(body)) + body[4:]
    return ip4(src, dst, body, proto=1)


def ip6(src, dst, payload, proto=IPPROTO_SCTP, hops=64):
    return struct.pack("!IHBB16s16s", 6 << 28, len(payload), proto, hops,
                       socket.inet_pton(socket.AF_INET6, src),
                       socket.inet_pton(socket.AF_INET6, dst)) + payload


def ip(src, dst, payload):
    return (ip6 if ":" in src else ip4)(src, dst, payload)


# ---- parsing -------------------------------------------------------------

class Malformed(ValueError):
    pass


def tlvs(buf):
    """(type, value) of each TLV in BUF, padding skipped."""
    out, pos = [], 0
    while pos + 4 <= len(buf):
        kind, length = struct.unpack_from("!HH", buf, pos)
        if length < 4 or pos + length > len(buf):
            raise Malformed("TLV %d: length %d at offset %d of %d" %
                            (kind, length, pos, len(buf)))
        out.append((kind, buf[pos + 4:pos + length]))
        pos += (length + 3) & ~3
    return out


class Chunk:
    """One chunk: .type, .name, .flags, .value, and its type's fields."""

    def __init__(self, ctype, flags, value):
        self.type, self.flags, self.value = ctype, flags, value
        self.name = NAMES.get(ctype, "chunk %d" % ctype)
        parse = _PARSERS.get(ctype)
        if parse:
            parse(self, value)

    def __repr__(self):
        fields = {k: v for k, v in vars(self).items()
                  if k not in ("type", "name", "value", "flags")}
        return "%s(flags=%#x%s)" % (self.name, self.flags, "".join(
            ", %s=%r" % kv for kv in fields.items()))

    def param(self, ptype):
        """The value of the first parameter of type PTYPE, or None."""
        return next((v for t, v in self.params if t == ptype), None)

    def cause_codes(self):
        return [code for code, _ in self.causes]


def _init_fields(c, v):
    if len(v) < 16:
        raise Malformed("%s of %d bytes" % (c.name, len(v)))
    c.tag, c.a_rwnd, c.os, c.mis, c.tsn = struct.unpack_from("!IIHHI", v)
    c.params = tlvs(v[16:])
    c.addrs = [str(ipaddress.ip_address(p)) for t, p in c.params if t in (P_IPV4, P_IPV6)]
    c.cookie = c.param(P_COOKIE)


def _data_fields(c, v):
    c.tsn, c.sid, c.ssn, c.ppid = struct.unpack_from("!IHHI", v)
    c.payload = v[12:]


def _sack_fields(c, v):
    c.cum_tsn, c.a_rwnd, ngaps, ndups = struct.unpack_from("!IIHH", v)
    c.gaps = [struct.unpack_from("!HH", v, 12 + 4 * i) for i in range(ngaps)]
    c.dups = [struct.unpack_from("!I", v, 12 + 4 * (ngaps + i))[0] for i in range(ndups)]


def _causes(c, v):
    c.causes = tlvs(v)


def _hb_fields(c, v):
    c.params = tlvs(v)
    c.info = c.param(P_HEARTBEAT_INFO)


def _tsn_field(c, v):
    c.cum_tsn, = struct.unpack_from("!I", v)


def _cookie_field(c, v):
    c.cookie = v


_PARSERS = {
    INIT: _init_fields, INIT_ACK: _init_fields, DATA: _data_fields,
    SACK: _sack_fields, ABORT: _causes, ERROR: _causes,
    HEARTBEAT: _hb_fields, HEARTBEAT_ACK: _hb_fields, SHUTDOWN: _tsn_field,
    COOKIE_ECHO: _cookie_field,
}


class Packet:
    """An SCTP packet: ports, vtag, whether its CRC32c is right, chunks."""

    def __init__(self, buf):
        if len(buf) < 12:
            raise Malformed("SCTP packet of %d bytes" % len(buf))
        self.sport, self.dport, self.vtag, crc = struct.unpack_from("!HHII", buf)
        zeroed = buf[:8] + b"\0\0\0\0" + buf[12:]
        self.crc_ok = struct.unpack("<I", struct.pack("!I", crc))[0] == crc32c(zeroed)
        self.chunks, pos = [], 12
        while pos + 4 <= len(buf):
            ctype, flags, length = struct.unpack_from("!BBH", buf, pos)
            if length < 4 or pos + length > len(buf):
                raise Malformed("chunk %d: length %d at offset %d" % (ctype, length, pos))
            self.chunks.append(Chunk(ctype, flags, buf[pos + 4:pos + length]))
            pos += (length + 3) & ~3

    def names(self):
        return [c.name for c in self.chunks]

    def first(self, ctype):
        return next((c for c in self.chunks if c.type == ctype), None)

    def __repr__(self):
        return "Packet(%d->%d vtag %#x: %s)" % (self.sport, self.dport, self.vtag,
                                               ", ".join(map(repr, self.chunks)))


class Ip:
    """An IP datagram the stack sent: .src, .dst, .proto, .length and,
    for SCTP, .sctp (a Packet)."""

    def __init__(self, buf):
        self.length = len(buf)
        version = buf[0] >> 4
        if version == 4:
            hl = (buf[0] & 0xF) * 4
            self.proto = buf[9]
            self.src = socket.inet_ntoa(buf[12:16])
            self.dst = socket.inet_ntoa(buf[16:20])
            self.df = bool(struct.unpack_from("!H", buf, 6)[0] & 0x4000)
            payload = buf[hl:struct.unpack_from("!H", buf, 2)[0]]
        elif version == 6:
            self.proto = buf[6]
            self.src = socket.inet_ntop(socket.AF_INET6, buf[8:24])
            self.dst = socket.inet_ntop(socket.AF_INET6, buf[24:40])
            self.df = True
            payload = buf[40:40 + struct.unpack_from("!H", buf, 4)[0]]
        else:
            raise Malformed("IP version %d" % version)
        self.payload = payload
        self.sctp = Packet(payload) if self.proto == IPPROTO_SCTP else None

    def __repr__(self):
        return "%s > %s %s" % (self.src, self.dst, self.sctp or "proto %d" % self.proto)


def parse_ip(buf):
    return Ip(buf)
