# SPDX-License-Identifier: GPL-2.0
"""What the stack answers to the peer's HEARTBEATs (RFC 9260 8.3): a
HEARTBEAT ACK that carries the HEARTBEAT's parameters back unchanged,
the Heartbeat Info and any parameter after it (SHOULD), as Linux's
sctp.ko does; and the peer's HEARTBEAT ACKs to the stack's. One
confirms an address only with the random nonce of the
HEARTBEAT that went there (3.3.5: MUST). Unanswered HEARTBEATs count
against the association only on the path DATA takes (8.1: SHOULD NOT).
"""
import socket
import struct
import time

import wire_codec as w
from wire_peer import (PEER4, SOL_SCTP, Fail, accept, case, confirm_path, established,
                       peer_addr_info, set_rto)

SCTP_UNCONFIRMED, SCTP_ACTIVE = 3, 2
SCTP_ASSOCINFO, SCTP_PEER_ADDR_PARAMS, SPP_HB_ENABLE = 1, 9, 1
PADDRPARAMS = "=i128sIHIIIIBx"  # struct sctp_paddrparams, packed (156 bytes)
ADDR_A, ADDR_B = "192.0.2.3", "192.0.2.4"


@case("8.3", "a HEARTBEAT ACK echoes every parameter of the HEARTBEAT, unchanged (SHOULD)")
def echoes_all_tlvs(net, peer):
    a, _ = established(net, peer)
    value = w.param(w.P_HEARTBEAT_INFO, b"wire-peer info") + w.param(0x8123, b"more")
    a.send(w.chunk(w.HEARTBEAT, 0, value))
    ack = peer.expect(w.HEARTBEAT_ACK, vtag=a.my_tag).chunks[0]
    if ack.value != value:
        raise Fail("HEARTBEAT ACK value %r, expected the HEARTBEAT's %r" % (ack.value, value))



def heartbeats_to(peer, addrs, within=5.0):
    """{address: Heartbeat Info} of the stack's first HEARTBEAT to each of
    ADDRS."""
    got, deadline = {}, time.monotonic() + within
    while set(got) != set(addrs):
        d = peer.receive(deadline - time.monotonic())
        if d is None:
            raise Fail("HEARTBEATs only to %s of %s within %.1f s" % (sorted(got), addrs, within))
        hb = d.sctp.first(w.HEARTBEAT)
        if hb is not None and d.dst in addrs:
            got.setdefault(d.dst, hb.info)
    return got


@case("3.3.5", "a HEARTBEAT ACK confirms an address only with the nonce its HEARTBEAT carried: "
      "another address's info, its address rewritten, does not (MUST)")
def forged_nonce_refused(net, peer):
    srv = net.listen(8000)
    set_rto(srv, 500, 1000, 500)  # unconfirmed addresses are probed each RTO
    a = peer.init_exchange(params=w.addr_param(ADDR_A) + w.addr_param(ADDR_B))
    a.send(w.cookie_echo(a.init_ack.cookie))
    peer.expect(w.COOKIE_ACK, vtag=a.my_tag)
    conn = accept(net, srv)
    info = heartbeats_to(peer, [ADDR_A, ADDR_B])
    forged = info[ADDR_A].replace(socket.inet_aton(ADDR_A), socket.inet_aton(ADDR_B))
    if forged == info[ADDR_A]:
        raise Fail("the Heartbeat Info does not hold the address it went to")
    peer.send(w.heartbeat_ack(forged), vtag=a.their_tag, src=ADDR_B)
    time.sleep(0.2)
    if peer_addr_info(conn, ADDR_B, peer.port).state != SCTP_UNCONFIRMED:
        raise Fail("%s confirmed by the info of %s's HEARTBEAT" % (ADDR_B, ADDR_A))
    peer.send(w.heartbeat_ack(info[ADDR_B]), vtag=a.their_tag, src=ADDR_B)
    time.sleep(0.2)
    if peer_addr_info(conn, ADDR_B, peer.port).state != SCTP_ACTIVE:
        raise Fail("%s not confirmed by its own HEARTBEAT's info" % ADDR_B)


def answer_only(peer, a, addr, seconds):
    """For SECONDS, answers the stack's HEARTBEATs to ADDR and no others;
    fails on an ABORT."""
    for d in peer.packets(seconds):
        if d.sctp.first(w.ABORT) is not None:
            raise Fail("ABORT %s: the association was given up" % d.sctp)
        hb = d.sctp.first(w.HEARTBEAT)
        if hb is not None and d.dst == addr:
            peer.send(w.heartbeat_ack(hb.info), vtag=a.their_tag)


@case("8.1", "HEARTBEATs unanswered on a path DATA does not take do not count against the "
      "association: with Association.Max.Retrans 1 it outlives a dozen of them (SHOULD NOT)",
      linux="counts them: the association is aborted")
def idle_path_misses_not_counted(net, peer):
    srv = net.listen(8000)
    set_rto(srv, 200, 400, 200)  # a HEARTBEAT per path every RTO + 100 ms
    srv.setsockopt(SOL_SCTP, SCTP_ASSOCINFO, struct.pack("=iHHIII", 0, 1, 0, 0, 0, 0))
    srv.setsockopt(SOL_SCTP, SCTP_PEER_ADDR_PARAMS,
                   struct.pack(PADDRPARAMS, 0, b"", 100, 0, 0, 0, SPP_HB_ENABLE, 0, 0))
    a, _ = peer.associate(srv, params=w.addr_param(ADDR_A))
    confirm_path(peer, a, ADDR_A)
    answer_only(peer, a, PEER4, 4.0)
    a.send(a.data(b"still up"))
    deadline = time.monotonic() + 1.0
    while True:
        d = peer.receive(deadline - time.monotonic())
        if d is None:
            raise Fail("no SACK for DATA after 4 s of unanswered HEARTBEATs to %s" % ADDR_A)
        if d.sctp.first(w.SACK) is not None:
            return
