// SPDX-License-Identifier: GPL-2.0
/*
 * xsctp: an alternative SCTP for Linux. Brings the layers up in dependency
 * order and takes them down in exactly the reverse order.
 */
#include <linux/module.h>
#include <linux/net.h>

#include <net/xsctp/assoc.h>
#include <net/xsctp/input.h>
#include <net/xsctp/output.h>
#include <net/xsctp/netns.h>
#include <net/xsctp/socket.h>

static int __init xsctp_init(void)
{
	int err;

	err = xsctp_netns_init();
	if (err)
		return err;
	err = xsctp_output_init();
	if (err)
		goto err_netns;
	/* Claim IP protocol 132 before offering sockets: this is the step
	 * that fails while sctp.ko is loaded, and it must fail before any
	 * socket() call can land here.
	 */
	err = xsctp_input_init();
	if (err)
		goto err_output;
	err = xsctp_sysctl_init();
	if (err)
		goto err_input;
	err = xsctp_socket_init();
	if (err)
		goto err_sysctl;

	pr_info("SCTP sockets served by xsctp\n");
	return 0;

err_sysctl:
	xsctp_sysctl_exit();
err_input:
	xsctp_input_exit();
err_output:
	xsctp_output_exit();
err_netns:
	xsctp_netns_exit();
	return err;
}

static void __exit xsctp_exit(void)
{
	xsctp_socket_exit();
	xsctp_sysctl_exit();
	xsctp_input_exit();
	xsctp_output_exit();
	xsctp_netns_exit();
	xsctp_assoc_ids_exit();
}

module_init(xsctp_init);
module_exit(xsctp_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("xsctp: an alternative SCTP protocol family");
/*
 * socket() asks for "net-pf-F-proto-132-type-T" before sctp.ko's plain
 * "net-pf-F-proto-132", so these make xsctp the one autoloaded. The numbers
 * are literal because SOCK_* and IPPROTO_SCTP are enumerators, which
 * __stringify() cannot expand.
 */
static_assert(SOCK_STREAM == 1 && SOCK_SEQPACKET == 5 && IPPROTO_SCTP == 132);
MODULE_ALIAS_NET_PF_PROTO_TYPE(PF_INET, 132, 1);
MODULE_ALIAS_NET_PF_PROTO_TYPE(PF_INET, 132, 5);
MODULE_ALIAS_NET_PF_PROTO_TYPE(PF_INET6, 132, 1);
MODULE_ALIAS_NET_PF_PROTO_TYPE(PF_INET6, 132, 5);
