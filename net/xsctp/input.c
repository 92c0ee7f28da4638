// SPDX-License-Identifier: GPL-2.0
/*
 * The receive side of IP protocol 132 for IPv4 and IPv6.
 *
 * Claiming the protocol is also how xsctp and sctp.ko keep out of each
 * other's way: the kernel lets exactly one handler own a protocol number,
 * so whichever module loads second fails to claim it and unloads. Until
 * the association layer exists, every packet is counted and dropped.
 */
#include <linux/module.h>
#include <linux/skbuff.h>
#include <net/ipv6.h>
#include <net/protocol.h>

#include <net/xsctp/input.h>
#include <net/xsctp/netns.h>

static int xsctp_rcv(struct sk_buff *skb)
{
	struct net *net = dev_net(skb->dev);

	XSCTP_INC_STATS(net, XSCTP_MIB_IN_PACKETS);
	XSCTP_INC_STATS(net, XSCTP_MIB_IN_DISCARDS);
	kfree_skb(skb);
	return 0;
}

static int xsctp_v4_err(struct sk_buff *skb, u32 info)
{
	XSCTP_INC_STATS(dev_net(skb->dev), XSCTP_MIB_IN_ICMP_ERRORS);
	return 0;
}

static int xsctp_v6_err(struct sk_buff *skb, struct inet6_skb_parm *opt,
			u8 type, u8 code, int offset, __be32 info)
{
	XSCTP_INC_STATS(dev_net(skb->dev), XSCTP_MIB_IN_ICMP_ERRORS);
	return 0;
}

static const struct net_protocol xsctp_v4_protocol = {
	.handler = xsctp_rcv,
	.err_handler = xsctp_v4_err,
	.no_policy = 1,
	.icmp_strict_tag_validation = 1,
};

static const struct inet6_protocol xsctp_v6_protocol = {
	.handler = xsctp_rcv,
	.err_handler = xsctp_v6_err,
	.flags = INET6_PROTO_NOPOLICY | INET6_PROTO_FINAL,
};

int xsctp_input_init(void)
{
	if (inet_add_protocol(&xsctp_v4_protocol, IPPROTO_SCTP) < 0)
		goto err_taken;
	if (inet6_add_protocol(&xsctp_v6_protocol, IPPROTO_SCTP) < 0)
		goto err_del_v4;
	return 0;

err_del_v4:
	inet_del_protocol(&xsctp_v4_protocol, IPPROTO_SCTP);
err_taken:
	pr_err("IP protocol 132 already has a handler (is sctp.ko loaded?); not loading\n");
	return -EBUSY;
}

void xsctp_input_exit(void)
{
	/* Both wait for receivers in flight (synchronize_net). */
	inet6_del_protocol(&xsctp_v6_protocol, IPPROTO_SCTP);
	inet_del_protocol(&xsctp_v4_protocol, IPPROTO_SCTP);
}
