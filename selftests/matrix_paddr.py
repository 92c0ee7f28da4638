# SPDX-License-Identifier: GPL-2.0
"""Errno-matrix cases for a path's own settings (imported by
sctp_matrix.py): SCTP_PEER_ADDR_PARAMS and SCTP_PEER_ADDR_THLDS(_V2).
Defaults, lengths, Linux's rules on flags and values, which settings an
address or an id names (the socket's, an association's and so its paths',
one path's), what a new association copies, a fixed path MTU seen by
SCTP_GET_PEER_ADDR_INFO and SCTP_MAXSEG, and DSCP and the IPv6 flow label
on the wire (counted by nft in namespace b). No line shows an id."""
import ctypes
import socket
import struct
import subprocess
import time

from matrix_data import ASSOC_VALUE, CURRENT, DELAYED_SACK, FUTURE, MAXSEG, \
    SACK_INFO, SCTP, UNKNOWN, connectx, errname, libc, no_id

NODELAY, PEER_ADDR_PARAMS, GET_PEER_ADDR_INFO = 3, 9, 15
THLDS, THLDS_V2 = 31, 37
HB_ENABLE, HB_DISABLE, HB_DEMAND = 1, 2, 4
PMTUD_ENABLE, PMTUD_DISABLE = 8, 0x10
SACKDELAY_ENABLE, SACKDELAY_DISABLE = 0x20, 0x40
HB_TIME_IS_ZERO, FLOWLABEL, DSCP = 0x80, 0x100, 0x200
PARAMS = "=i128sIHIIIIBx"      # id address hbinterval pathmaxrxt pathmtu
                                # sackdelay flags flowlabel dscp (156)
PARAMS_OLD_LEN = 152           # without flowlabel and dscp
THLDS_FMT = "=i4x128sHHH2x"     # id address pathmaxrxt pfthld cpthld (144)
PADDRINFO = "=i128siIIII"      # id address state cwnd srtt rto mtu (152)


def sockaddr(addr, port=0):
    """A sockaddr_in or sockaddr_in6 in a sockaddr_storage's 128 bytes."""
    if ":" in addr:
        sa = struct.pack("=H", socket.AF_INET6) + struct.pack("!HI", port, 0) + \
            socket.inet_pton(socket.AF_INET6, addr) + struct.pack("=I", 0)
    elif addr:
        sa = struct.pack("=H", socket.AF_INET) + struct.pack("!H", port) + \
            socket.inet_aton(addr)
    else:
        sa = b""
    return (sa + bytes(128))[:128]


def raw_get(s, opt, data, size):
    buf = ctypes.create_string_buffer(data, max(size, len(data)))
    n = ctypes.c_int(size)
    if libc.getsockopt(s.fileno(), SCTP, opt, buf, ctypes.byref(n)) < 0:
        return errname()
    return buf.raw[:n.value]


def params(s, aid=FUTURE, addr="", port=0, size=156):
    """SCTP_PEER_ADDR_PARAMS as (hbinterval, pathmaxrxt, pathmtu,
    sackdelay, flags, [flowlabel, dscp]), or the errno."""
    req = struct.pack(PARAMS, aid, sockaddr(addr, port), 0, 0, 0, 0, 0, 0, 0)
    r = raw_get(s, PEER_ADDR_PARAMS, req[:max(size, 0)], size)
    if isinstance(r, str):
        return r
    out = struct.unpack_from("=IHIII", r, 132)
    out = out[:4] + (hex(out[4]),)
    if len(r) == 156:
        out += (hex(struct.unpack_from("=I", r, 150)[0]), hex(r[154]))
    return out if len(r) in (156, PARAMS_OLD_LEN) else "optlen %d" % len(r)


def set_params(s, flags, aid=FUTURE, addr="", port=0, hb=0, maxrxt=0, mtu=0,
               sack=0, label=0, dscp=0, size=156):
    data = struct.pack(PARAMS, aid, sockaddr(addr, port), hb, maxrxt, mtu, sack,
                       flags, label, dscp)
    data = (data + bytes(size))[:size]
    buf = ctypes.create_string_buffer(data, max(len(data), 1))
    if libc.setsockopt(s.fileno(), SCTP, PEER_ADDR_PARAMS, buf, len(data)) < 0:
        return errname()
    return "ok"


def thlds(s, opt=THLDS_V2, aid=FUTURE, addr="", port=0, size=144):
    """(pathmaxrxt, pfthld, cpthld), or the errno."""
    req = struct.pack(THLDS_FMT, aid, sockaddr(addr, port), 0, 0, 0)
    r = raw_get(s, opt, req[:size], size)
    return r if isinstance(r, str) else struct.unpack_from("=HHH", r, 136)


def set_thlds(s, maxrxt, pf, cp, opt=THLDS_V2, aid=FUTURE, addr="", port=0,
              size=144):
    data = struct.pack(THLDS_FMT, aid, sockaddr(addr, port), maxrxt, pf, cp)[:size]
    buf = ctypes.create_string_buffer(data, max(len(data), 1))
    if libc.setsockopt(s.fileno(), SCTP, opt, buf, len(data)) < 0:
        return errname()
    return "ok"


def path_mtu(s, aid, addr, port):
    req = struct.pack(PADDRINFO, aid, sockaddr(addr, port), 0, 0, 0, 0, 0)
    r = raw_get(s, GET_PEER_ADDR_INFO, req, len(req))
    return r if isinstance(r, str) else struct.unpack_from("=I", r, 148)[0]


def socket_cases(show, tcp):
    """An unconnected one-to-one socket: its settings for associations to
    come."""
    s = tcp()
    show("PEER_ADDR_PARAMS default", params(s))
    show("PEER_ADDR_PARAMS get 152 bytes", params(s, size=152))
    show("PEER_ADDR_PARAMS get 151 bytes", params(s, size=151))
    show("PEER_ADDR_PARAMS get 200 bytes", params(s, size=200))
    for size in (151, 153, 155, 157):
        show("PEER_ADDR_PARAMS set %d bytes" % size, set_params(s, 0, size=size))
    show("PEER_ADDR_PARAMS set 152 bytes", set_params(s, 0, maxrxt=6, size=152))
    show("PEER_ADDR_PARAMS set 152 bytes with DSCP", set_params(s, DSCP, size=152))
    for flags, label in ((HB_ENABLE | HB_DISABLE, "HB_ENABLE|HB_DISABLE"),
                         (PMTUD_ENABLE | PMTUD_DISABLE, "PMTUD_ENABLE|PMTUD_DISABLE"),
                         (SACKDELAY_ENABLE | SACKDELAY_DISABLE,
                          "SACKDELAY_ENABLE|SACKDELAY_DISABLE"),
                         (HB_DEMAND, "HB_DEMAND on the socket")):
        show("PEER_ADDR_PARAMS set %s" % label, set_params(s, flags))
    show("PEER_ADDR_PARAMS set sackdelay 501", set_params(s, 0, sack=501))
    show("PEER_ADDR_PARAMS set pathmtu 511", set_params(s, PMTUD_DISABLE, mtu=511))
    show("PEER_ADDR_PARAMS set an address no association has",
         set_params(s, 0, addr="198.51.100.99", port=9))
    show("PEER_ADDR_PARAMS get an address no association has",
         params(s, addr="198.51.100.99", port=9))
    steps = ((0, dict(hb=5000), "hbinterval 5000 without HB_ENABLE"),
             (HB_ENABLE, dict(hb=5000), "HB_ENABLE, hbinterval 5000"),
             (HB_ENABLE | HB_TIME_IS_ZERO, dict(hb=7), "HB_ENABLE|HB_TIME_IS_ZERO"),
             (HB_DISABLE, dict(hb=9000), "HB_DISABLE, hbinterval 9000"),
             (0, dict(maxrxt=7), "pathmaxrxt 7"),
             (0, dict(mtu=1280), "pathmtu 1280 without PMTUD_DISABLE"),
             (PMTUD_DISABLE, dict(mtu=1280), "PMTUD_DISABLE, pathmtu 1280"),
             (SACKDELAY_ENABLE, dict(sack=300), "SACKDELAY_ENABLE, sackdelay 300"),
             (SACKDELAY_DISABLE, {}, "SACKDELAY_DISABLE"),
             (DSCP, dict(dscp=0xbb), "DSCP 0xbb"),
             (FLOWLABEL, dict(label=0x123456), "FLOWLABEL on IPv4"),
             (HB_ENABLE | PMTUD_ENABLE | SACKDELAY_ENABLE, {}, "every ENABLE"))
    for flags, vals, label in steps:
        show("PEER_ADDR_PARAMS set %s" % label, set_params(s, flags, **vals))
        show("PEER_ADDR_PARAMS after %s" % label, params(s))
    show("DELAYED_SACK after SACKDELAY_ENABLE", get_sack(s))
    s.close()
    s = tcp(fam=socket.AF_INET6)
    show("PEER_ADDR_PARAMS IPv6, set FLOWLABEL 0x123456",
         set_params(s, FLOWLABEL, label=0x123456))
    show("PEER_ADDR_PARAMS IPv6, after", params(s))
    s.close()


def get_sack(s, aid=FUTURE):
    r = raw_get(s, DELAYED_SACK, struct.pack(SACK_INFO, aid, 0, 0), 12)
    return r if isinstance(r, str) else no_id(struct.unpack(SACK_INFO, r))


def thlds_cases(show, tcp):
    s = tcp()
    show("PEER_ADDR_THLDS_V2 default", thlds(s))
    show("PEER_ADDR_THLDS default", thlds(s, THLDS))
    show("PEER_ADDR_THLDS_V2 get 143 bytes", thlds(s, size=143))
    show("PEER_ADDR_THLDS_V2 set 143 bytes", set_thlds(s, 1, 0, 1, size=143))
    show("PEER_ADDR_THLDS_V2 set pf 3 > cp 2", set_thlds(s, 4, 3, 2))
    show("PEER_ADDR_THLDS_V2 set 4, 1, 2", set_thlds(s, 4, 1, 2))
    show("PEER_ADDR_THLDS_V2 after 4, 1, 2", thlds(s))
    show("PEER_ADDR_THLDS set 0, 2 (cp ignored)", set_thlds(s, 0, 2, 0, THLDS))
    show("PEER_ADDR_THLDS_V2 after THLDS 0, 2", thlds(s))
    show("PEER_ADDR_PARAMS pathmaxrxt after THLDS", params(s)[1])
    show("PEER_ADDR_THLDS_V2 set an address no association has",
         set_thlds(s, 4, 1, 2, addr="198.51.100.99", port=9))
    show("PEER_ADDR_THLDS_V2 get an address no association has",
         thlds(s, addr="198.51.100.99", port=9))
    s.close()


def scope_cases(show, tcp, peer, port):
    """One-to-many: a path is named by its address (and port), with the
    id 0, its own or none other; the id alone names the association."""
    m = tcp(socket.SOCK_SEQPACKET)
    set_params(m, HB_ENABLE, hb=4000, maxrxt=3)
    set_thlds(m, 0, 1, 6)
    aid = connectx(m, peer, port)
    show("PEER_ADDR_PARAMS a new association copies", params(m, aid))
    show("PEER_ADDR_PARAMS its path copies", params(m, aid, peer, port)[:2])
    show("PEER_ADDR_THLDS_V2 its path copies", thlds(m, aid=aid, addr=peer, port=port))
    show("PEER_ADDR_PARAMS path by address, id 0", params(m, FUTURE, peer, port)[:2])
    show("PEER_ADDR_PARAMS path by address, id 12345", params(m, UNKNOWN, peer, port))
    show("PEER_ADDR_THLDS_V2 path by address, id 12345",
         thlds(m, aid=UNKNOWN, addr=peer, port=port))
    show("PEER_ADDR_PARAMS path, another port", params(m, aid, peer, port + 1))
    show("PEER_ADDR_THLDS_V2 path, another port", thlds(m, aid=aid, addr=peer, port=port + 1))
    show("PEER_ADDR_PARAMS id 12345", params(m, UNKNOWN))
    show("PEER_ADDR_PARAMS SCTP_CURRENT_ASSOC", params(m, CURRENT))
    show("PEER_ADDR_THLDS_V2 SCTP_CURRENT_ASSOC", thlds(m, aid=CURRENT))
    show("PEER_ADDR_PARAMS set the path hbinterval 2000",
         set_params(m, HB_ENABLE, aid, peer, port, hb=2000))
    show("PEER_ADDR_PARAMS the path after hbinterval 2000", params(m, aid, peer, port)[:2])
    show("PEER_ADDR_PARAMS the association after the path's", params(m, aid)[:2])
    show("PEER_ADDR_PARAMS set the association hbinterval 3000, pathmaxrxt 8",
         set_params(m, HB_ENABLE, aid, hb=3000, maxrxt=8))
    show("PEER_ADDR_PARAMS its path after", params(m, aid, peer, port)[:2])
    show("PEER_ADDR_PARAMS the socket after", params(m)[:2])
    show("PEER_ADDR_PARAMS HB_DEMAND on the path",
         set_params(m, HB_DEMAND, aid, peer, port))
    show("PEER_ADDR_PARAMS HB_DEMAND on the association", set_params(m, HB_DEMAND, aid))
    show("PEER_ADDR_THLDS_V2 set the path 2, 0, 1",
         set_thlds(m, 2, 0, 1, aid=aid, addr=peer, port=port))
    show("PEER_ADDR_THLDS_V2 the path after", thlds(m, aid=aid, addr=peer, port=port))
    show("PEER_ADDR_THLDS_V2 the association after the path's", thlds(m, aid=aid))
    show("PEER_ADDR_THLDS_V2 set the association 9, 2, 3", set_thlds(m, 9, 2, 3, aid=aid))
    show("PEER_ADDR_THLDS_V2 its path after", thlds(m, aid=aid, addr=peer, port=port))
    m.close()


def mtu_cases(show, tcp, peer, port):
    """A fixed MTU is the path's, and the association's smallest; turning
    discovery back on, the path's next packet learns its route's again."""
    m = tcp(socket.SOCK_SEQPACKET)
    aid = connectx(m, peer, port)
    show("PEER_ADDR_PARAMS path MTU at first", params(m, aid, peer, port)[2])
    show("PEER_ADDR_PARAMS set the path PMTUD_DISABLE 1200",
         set_params(m, PMTUD_DISABLE, aid, peer, port, mtu=1200))
    show("PEER_ADDR_PARAMS the path after PMTUD_DISABLE", params(m, aid, peer, port)[2:5])
    show("PEER_ADDR_PARAMS the association after PMTUD_DISABLE", params(m, aid)[2:5])
    show("GET_PEER_ADDR_INFO MTU after", path_mtu(m, aid, peer, port))
    show("MAXSEG after", no_id(get_value(m, MAXSEG, aid)))
    m.sendto(b"x" * 3000, (peer, port))
    # Linux checks the association's PMTUD flag, not the path's, before
    # it takes the route's MTU: the fixed one is lost (matrix.differences).
    show("PEER_ADDR_PARAMS a fixed path MTU after a message", params(m, aid, peer, port)[2])
    show("PEER_ADDR_PARAMS set the path PMTUD_ENABLE",
         set_params(m, PMTUD_ENABLE, aid, peer, port))
    # xsctp learns the route's MTU with the path's next packet, Linux at
    # once: a message goes now (no Nagle wait behind the one in flight),
    # and the answer may take a moment.
    m.setsockopt(SCTP, NODELAY, 1)
    m.sendto(b"y", (peer, port))
    for _ in range(40):
        after = params(m, aid, peer, port)[2:5]
        if after[0] != 1200:
            break
        time.sleep(0.05)
    show("PEER_ADDR_PARAMS the path after PMTUD_ENABLE and a message", after)
    m.close()


def get_value(s, opt, aid):
    r = raw_get(s, opt, struct.pack(ASSOC_VALUE, aid, 0), 8)
    return r if isinstance(r, str) else struct.unpack(ASSOC_VALUE, r)


def nft_b(*args):
    return subprocess.run(("ip", "netns", "exec", "xsctp-b", "nft") + args,
                          capture_output=True, text=True, check=False)


def counted(rule):
    """Packets the nft counter @rule counted in namespace b."""
    out = nft_b("list", "chain", "inet", "xsctp_paddr", rule).stdout
    return int(out.split("packets ")[1].split()[0]) if "packets " in out else -1


def wire_setup():
    nft_b("delete", "table", "inet", "xsctp_paddr")
    nft_b("add", "table", "inet", "xsctp_paddr")
    for chain, match in (("dscp", "ip dscp ef"),
                         ("label", "ip6 flowlabel 0x23456")):
        nft_b("add", "chain", "inet", "xsctp_paddr", chain,
              "{ type filter hook input priority 0 ; }")
        nft_b("add", "rule", "inet", "xsctp_paddr", chain, "meta", "l4proto",
              "sctp", *match.split(), "counter")


def serve_v6(port):
    """A one-to-one listener on 2001:db8::2 in namespace b (sctp_conn.py)."""
    ready = "/tmp/matrix-paddr.ready"
    subprocess.run(("rm", "-f", ready), check=False)
    here = __file__.rsplit("/", 1)[0]
    proc = subprocess.Popen(("ip", "netns", "exec", "xsctp-b", "python3",
                             here + "/sctp_conn.py", "serve", "2001:db8::2", str(port),
                             "--accept", "1", "--hold", "20", "--linger", "10",
                             "--ready", ready),
                            stdout=subprocess.DEVNULL)
    for _ in range(50):
        if subprocess.run(("test", "-e", ready), check=False).returncode == 0:
            break
        time.sleep(0.1)
    return proc


def wire_cases(show, tcp, peer, port):
    """SPP_DSCP marks a path's packets (IPv4 TOS byte), SPP_IPV6_FLOWLABEL
    labels an IPv6 association's."""
    wire_setup()
    s = tcp()
    s.connect((peer, port))
    show("PEER_ADDR_PARAMS set the path DSCP 0xb8 (EF)",
         set_params(s, DSCP, 0, peer, port, dscp=0xb8))
    for _ in range(3):
        s.send(b"z")
    time.sleep(0.3)
    show("DSCP EF packets seen by the peer", "some" if counted("dscp") >= 1 else
         "%d" % counted("dscp"))
    s.close()
    # Linux puts a path's flow label in its route, looked up at connect:
    # the socket's, set before, reaches the wire in both stacks.
    proc = serve_v6(port + 77)
    s = tcp(fam=socket.AF_INET6)
    show("PEER_ADDR_PARAMS set the IPv6 socket FLOWLABEL 0x123456",
         set_params(s, FLOWLABEL, label=0x123456))
    s.connect(("2001:db8::2", port + 77))
    show("PEER_ADDR_PARAMS its IPv6 path copies",
         params(s, 0, "2001:db8::2", port + 77)[4:])
    for _ in range(3):
        s.send(b"z")
    time.sleep(0.3)
    show("flow label 0x23456 packets seen by the peer",
         "some" if counted("label") >= 1 else "%d" % counted("label"))
    s.close()
    proc.terminate()
    proc.wait()
    nft_b("delete", "table", "inet", "xsctp_paddr")


def paddr_cases(show, tcp, peer, port):
    socket_cases(show, tcp)
    thlds_cases(show, tcp)
    scope_cases(show, tcp, peer, port)
    mtu_cases(show, tcp, peer, port)
    wire_cases(show, tcp, peer, port)
