// SPDX-License-Identifier: GPL-2.0
/*
 * SCTP over UDP (RFC 6951), as Linux offers it: setting net.sctp.udp_port
 * opens kernel UDP sockets on that port (IPv4 and IPv6, any address)
 * whose packets are SCTP packets; they enter the receive path as if they
 * had come over IP protocol 132, remembering the UDP source port, which
 * answers and the association's paths then send to. Setting it to 0
 * closes them. Sending encapsulated is output.c's.
 */
#include <net/udp_tunnel.h>

#include <net/xsctp/input.h>
#include <net/xsctp/netns.h>
#include <net/xsctp/udp.h>

/* Serialises opening and closing a namespace's sockets (the sysctl). */
static DEFINE_MUTEX(udp_port_mutex);

/*
 * A datagram on the tunnel port: its payload is an SCTP packet. The UDP
 * checksum that may have been verified covers it, but RFC 6951 5 keeps
 * SCTP's own CRC32c authoritative, so it is checked again.
 */
static int encap_rcv(struct sock *sk, struct sk_buff *skb)
{
	__be16 port = udp_hdr(skb)->source;

	__skb_pull(skb, sizeof(struct udphdr));
	skb_reset_transport_header(skb);
	skb->ip_summed = CHECKSUM_NONE;
	xsctp_ip_rcv(skb, port);
	return 0;
}

static int open_sock(struct net *net, int family, int port,
		     struct sock **out)
{
	struct udp_tunnel_sock_cfg tun = {
		.encap_type = 1,
		.encap_rcv = encap_rcv,
	};
	struct udp_port_cfg cfg = {
		.family = family,
		.local_udp_port = htons(port),
		.ipv6_v6only = family == AF_INET6,
		.use_udp6_rx_checksums = true,
	};
	struct socket *sock;
	int err;

	err = udp_sock_create(net, &cfg, &sock);
	if (err)
		return err;
	setup_udp_tunnel_sock(net, sock, &tun);
	*out = sock->sk;
	return 0;
}

static void close_socks(struct xsctp_net *xn)
{
	struct sock *sk4 = xn->udp4, *sk6 = xn->udp6;

	WRITE_ONCE(xn->udp4, NULL);
	WRITE_ONCE(xn->udp6, NULL);
	if (sk4)
		udp_tunnel_sock_release(sk4->sk_socket);
	if (sk6)
		udp_tunnel_sock_release(sk6->sk_socket);
}

/**
 * xsctp_udp_set_port() - net.sctp.udp_port was written
 * @net: its namespace
 * @port: the new port; 0 closes the tunnel
 *
 * As Linux: the old sockets close first; if the new ones cannot open
 * (the port is taken), the setting falls back to 0.
 *
 * Return: 0 or why the sockets could not open.
 */
int xsctp_udp_set_port(struct net *net, int port)
{
	struct xsctp_net *xn = xsctp_net(net);
	struct sock *sk4 = NULL, *sk6 = NULL;
	int err = 0;

	mutex_lock(&udp_port_mutex);
	close_socks(xn);
	if (port) {
		err = open_sock(net, AF_INET, port, &sk4) ?:
		      open_sock(net, AF_INET6, port, &sk6);
		if (err && sk4)
			udp_tunnel_sock_release(sk4->sk_socket);
	}
	if (err)
		port = 0;
	WRITE_ONCE(xn->udp4, err ? NULL : sk4);
	WRITE_ONCE(xn->udp6, err ? NULL : sk6);
	WRITE_ONCE(xn->params.udp_port, port);
	mutex_unlock(&udp_port_mutex);
	return err;
}

void xsctp_udp_net_exit(struct net *net)
{
	mutex_lock(&udp_port_mutex);
	close_socks(xsctp_net(net));
	mutex_unlock(&udp_port_mutex);
}

/* The source port of encapsulated packets; 0 while the tunnel is closed. */
__be16 xsctp_udp_local_port(const struct net *net)
{
	const struct xsctp_net *xn = xsctp_net(net);

	return READ_ONCE(xn->udp4) ? htons(READ_ONCE(xn->params.udp_port)) : 0;
}
