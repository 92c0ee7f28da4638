// SPDX-License-Identifier: GPL-2.0
/*
 * /proc/net/xsctp/: per-namespace views for people and tests.
 *
 * The directory is not /proc/net/sctp on purpose: sctp.ko creates that one
 * before it discovers that xsctp owns IP protocol 132, and a second
 * registration of the same proc entry is a kernel warning.
 */
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <net/ip.h>

#include <net/xsctp/netns.h>

static const char *const xsctp_mib_names[__XSCTP_MIB_MAX] = {
	[XSCTP_MIB_IN_PACKETS] = "XsctpInPackets",
	[XSCTP_MIB_IN_DISCARDS] = "XsctpInDiscards",
	[XSCTP_MIB_IN_ICMP_ERRORS] = "XsctpInIcmpErrors",
	[XSCTP_MIB_IN_CSUM_ERRORS] = "XsctpInCsumErrors",
	[XSCTP_MIB_IN_MALFORMED] = "XsctpInMalformed",
	[XSCTP_MIB_IN_BAD_VTAG] = "XsctpInBadVtag",
	[XSCTP_MIB_IN_OOTB] = "XsctpInOutOfBlue",
	[XSCTP_MIB_OUT_OOTB_REPLIES] = "XsctpOutOfBlueReplies",
	[XSCTP_MIB_OOTB_RATE_LIMITED] = "XsctpOutOfBlueRateLimited",
	[XSCTP_MIB_INIT_ACKS_SENT] = "XsctpInitAcksSent",
	[XSCTP_MIB_COOKIE_MALFORMED] = "XsctpCookieMalformed",
	[XSCTP_MIB_COOKIE_BAD_MAC] = "XsctpCookieBadMac",
	[XSCTP_MIB_COOKIE_KEY_RETIRED] = "XsctpCookieKeyRetired",
	[XSCTP_MIB_COOKIE_BAD_TAG] = "XsctpCookieBadTag",
	[XSCTP_MIB_COOKIE_STALE] = "XsctpCookieStale",
	[XSCTP_MIB_COOKIE_BACKLOG_FULL] = "XsctpCookieBacklogFull",
	[XSCTP_MIB_PASSIVE_ESTABS] = "XsctpPassiveEstabs",
	[XSCTP_MIB_ACTIVE_ESTABS] = "XsctpActiveEstabs",
	[XSCTP_MIB_NOTIFY_DROPPED] = "XsctpNotificationsDropped",
	[XSCTP_MIB_COOKIE_RESTARTS] = "XsctpRestarts",
	[XSCTP_MIB_COOKIE_COLLISIONS] = "XsctpCollisions",
	[XSCTP_MIB_COOKIE_DISCARDED] = "XsctpCookieDiscarded",
	[XSCTP_MIB_IN_DATA_CHUNKS] = "XsctpInDataChunks",
	[XSCTP_MIB_IN_DATA_DUPLICATE] = "XsctpInDataDuplicates",
	[XSCTP_MIB_IN_DATA_BEYOND_WINDOW] = "XsctpInDataBeyondWindow",
	[XSCTP_MIB_IN_DATA_NO_ROOM] = "XsctpInDataNoRoom",
	[XSCTP_MIB_IN_DATA_BAD_STREAM] = "XsctpInDataBadStream",
	[XSCTP_MIB_OUT_DATA_CHUNKS] = "XsctpOutDataChunks",
	[XSCTP_MIB_OUT_RETRANSMITS] = "XsctpOutRetransmits",
	[XSCTP_MIB_T3_EXPIRED] = "XsctpT3Expired",
	[XSCTP_MIB_FAST_RETRANSMITS] = "XsctpFastRetransmits",
	[XSCTP_MIB_IN_ICMP_TOO_BIG] = "XsctpInIcmpTooBig",
	[XSCTP_MIB_HB_ACKS_LIMITED] = "XsctpHeartbeatAcksLimited",
};

static int snmp_show(struct seq_file *seq, void *v)
{
	struct xsctp_net *xn = xsctp_net(seq_file_single_net(seq));
	int i;

	for (i = 0; i < __XSCTP_MIB_MAX; i++)
		seq_printf(seq, "%-32s\t%lu\n", xsctp_mib_names[i],
			   snmp_fold_field(xn->mib, i));
	return 0;
}

int xsctp_proc_net_init(struct net *net, struct xsctp_net *xn)
{
	xn->proc_dir = proc_net_mkdir(net, "xsctp", net->proc_net);
	if (!xn->proc_dir)
		return -ENOMEM;

	if (!proc_create_net_single("snmp", 0444, xn->proc_dir, snmp_show,
				    NULL)) {
		remove_proc_subtree("xsctp", net->proc_net);
		return -ENOMEM;
	}
	return 0;
}

void xsctp_proc_net_exit(struct net *net, struct xsctp_net *xn)
{
	remove_proc_subtree("xsctp", net->proc_net);
	xn->proc_dir = NULL;
}
