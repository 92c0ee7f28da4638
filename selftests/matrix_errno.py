# SPDX-License-Identifier: GPL-2.0
"""Errno-matrix cases for the errors of connect(2) and sctp_connectx(3)
that need more than a bad argument (imported by sctp_matrix.py): a bad
pointer (EFAULT), a privileged port without the capability (EACCES), no
free ephemeral port (EAGAIN), a family that is not IP, and a firewall
that drops the INIT (connect(2)'s EPERM: SCTP retries, so ETIMEDOUT)."""
import ctypes
import socket
import struct
import subprocess

SCTP = 132
libc = ctypes.CDLL(None, use_errno=True)
CAP_NET_BIND_SERVICE = 10


def errname(r):
    import errno
    return errno.errorcode.get(ctypes.get_errno(), "?") if r < 0 else r


def fault_cases(show, tcp):
    s = tcp()
    bad = ctypes.c_void_p(8)
    show("connectx 110 from a bad pointer", errname(
        libc.setsockopt(s.fileno(), SCTP, 110, bad, 16)))
    show("bindx add from a bad pointer", errname(
        libc.setsockopt(s.fileno(), SCTP, 100, bad, 16)))
    # struct sctp_getaddrs_old whose list pointer is bad.
    arg = ctypes.create_string_buffer(struct.pack("@iiP", 0, 16, 8), 16)
    n = ctypes.c_int(16)
    show("connectx3 111 with a bad list pointer", errname(
        libc.getsockopt(s.fileno(), SCTP, 111, arg, ctypes.byref(n))))
    show("connectx3 111 with a bad optlen pointer", errname(
        libc.getsockopt(s.fileno(), SCTP, 111, arg, bad)))
    s.close()


def set_bind_service(on):
    """Raise or drop CAP_NET_BIND_SERVICE in the effective set only."""
    hdr = ctypes.create_string_buffer(struct.pack("=Ii", 0x20080522, 0), 8)
    data = (ctypes.c_uint32 * 6)()
    libc.capget(hdr, data)
    if on:
        data[0] |= 1 << CAP_NET_BIND_SERVICE
    else:
        data[0] &= ~(1 << CAP_NET_BIND_SERVICE)
    return libc.capset(hdr, data)


def privilege_cases(show, attempt, tcp, local, peer, port):
    held = tcp()
    held.bind((local, 999))
    set_bind_service(False)
    try:
        s = tcp()
        show("bind a privileged port without CAP_NET_BIND_SERVICE",
             attempt(lambda: s.bind((local, 998))))
        show("connect from a privileged port, the capability dropped",
             attempt(lambda: held.connect((peer, port))))
    finally:
        set_bind_service(True)
    held.close()
    s.close()


def port_range(value=None):
    path = "/proc/sys/net/ipv4/ip_local_port_range"
    if value is None:
        return open(path).read().split()
    with open(path, "w") as f:
        f.write(value)
    return None


def ephemeral_cases(show, attempt, tcp, peer, port):
    """One ephemeral port, taken: autobind has nothing left."""
    old = port_range()
    port_range("40000 40000")
    try:
        first = tcp()
        first.bind(("0.0.0.0", 0))
        s = tcp()
        show("connect with no ephemeral port free", attempt(lambda: s.connect((peer, port))))
        show("bind port 0 with no ephemeral port free", attempt(lambda: tcp().bind(("0.0.0.0", 0))))
    finally:
        port_range(" ".join(old))
    first.close()
    s.close()


def family_cases(show, tcp, port):
    s = tcp()
    unix = struct.pack("=H", socket.AF_UNIX) + b"/tmp/x\0" + bytes(7)
    show("connect to an AF_UNIX address", errname(libc.connect(s.fileno(), unix, len(unix))))
    show("bind an AF_UNIX address", errname(libc.bind(s.fileno(), unix, len(unix))))
    s.close()


def firewall_cases(show, attempt, tcp, peer, port):
    """nft drops our INITs: SCTP retransmits, and the attempt times out."""
    nft = ["nft", "-f", "-"]
    rules = "table inet xsctp_matrix {\n chain out {\n" \
            "  type filter hook output priority 0;\n" \
            "  ip daddr %s sctp dport %d drop\n }\n}\n" % (peer, port)
    subprocess.run(nft, input=rules.encode(), check=True)
    try:
        s = tcp()
        s.setsockopt(SCTP, 2, struct.pack("=4H", 0, 0, 1, 200))  # INITMSG
        s.setsockopt(SCTP, 0, struct.pack("=iIII", 0, 100, 200, 100))  # RTOINFO
        show("connect with a firewall dropping the INIT", attempt(lambda: s.connect((peer, port))))
        s.close()
    finally:
        subprocess.run(["nft", "delete", "table", "inet", "xsctp_matrix"], check=True)


def errno_cases(show, attempt, tcp, local, peer, port):
    fault_cases(show, tcp)
    privilege_cases(show, attempt, tcp, local, peer, port)
    ephemeral_cases(show, attempt, tcp, peer, port)
    family_cases(show, tcp, port)
    firewall_cases(show, attempt, tcp, peer, port)
