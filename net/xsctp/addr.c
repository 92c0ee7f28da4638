// SPDX-License-Identifier: GPL-2.0
/*
 * Validation of user-supplied SCTP addresses, following the rules of Linux
 * SCTP's sctp_verify_addr() so that the same programs see the same errors.
 */
#include <kunit/visibility.h>
#include <linux/export.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <net/ipv6.h>

#include <net/xsctp/addr.h>
#include <net/xsctp/wire.h>

/* The sockaddr length a family needs, or 0 for a family SCTP does not use. */
int xsctp_addr_len(sa_family_t family)
{
	switch (family) {
	case AF_INET:
		return sizeof(struct sockaddr_in);
	case AF_INET6:
		return sizeof(struct sockaddr_in6);
	default:
		return 0;
	}
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_addr_len);

/*
 * A peer may not be "this network" (0/8), limited broadcast, multicast or
 * the deprecated 6to4 relay anycast prefix 192.88.99.0/24 (RFC 7526).
 */
bool xsctp_addr_v4_usable(__be32 addr)
{
	u32 a = ntohl(addr);

	if ((a >> 24) == 0 || a == 0xffffffff)
		return false;
	if (ipv4_is_multicast(addr))
		return false;
	return (a & 0xffffff00) != 0xc0586300;
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_addr_v4_usable);

/* Only unicast: not the unspecified address, not multicast. */
bool xsctp_addr_v6_usable(const struct in6_addr *addr)
{
	int type = ipv6_addr_type(addr);

	return type != IPV6_ADDR_ANY && !(type & IPV6_ADDR_MULTICAST) &&
	       (type & IPV6_ADDR_UNICAST);
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_addr_v6_usable);

static void unmap_v4(union xsctp_addr *addr)
{
	__be16 port = addr->v6.sin6_port;
	__be32 v4 = addr->v6.sin6_addr.s6_addr32[3];

	memset(addr, 0, sizeof(*addr));
	addr->v4.sin_family = AF_INET;
	addr->v4.sin_port = port;
	addr->v4.sin_addr.s_addr = v4;
}

static int check_v6(union xsctp_addr *addr,
		    const struct xsctp_addr_rules *rules)
{
	if (rules->family != AF_INET6)
		return -EINVAL;
	if (ipv6_addr_v4mapped(&addr->v6.sin6_addr)) {
		if (rules->v6only)
			return -EINVAL;
		unmap_v4(addr);
		return xsctp_addr_v4_usable(addr->v4.sin_addr.s_addr) ?
		       0 : -EINVAL;
	}
	if (!xsctp_addr_v6_usable(&addr->v6.sin6_addr))
		return -EINVAL;
	/* A link-local peer needs an interface; whether that interface
	 * exists is the caller's check, since it depends on the namespace.
	 */
	if ((ipv6_addr_type(&addr->v6.sin6_addr) & IPV6_ADDR_LINKLOCAL) &&
	    !addr->v6.sin6_scope_id)
		return -EINVAL;
	return 0;
}

/* Copy one address of a family the socket accepts; the length or -EINVAL. */
static int copy_addr(union xsctp_addr *out, const void *buf, int len,
		     const struct xsctp_addr_rules *rules)
{
	sa_family_t family;
	int need;

	if (len < (int)sizeof(family))
		return -EINVAL;
	memcpy(&family, buf, sizeof(family));
	need = xsctp_addr_len(family);
	if (!need || len < need)
		return -EINVAL;
	if (family == AF_INET6 && rules->family != AF_INET6)
		return -EINVAL;
	if (family == AF_INET && rules->family == AF_INET6 && rules->v6only)
		return -EINVAL;
	memset(out, 0, sizeof(*out));
	memcpy(out, buf, need);
	return need;
}

/**
 * xsctp_addr_parse() - copy and validate one address from a packed buffer
 * @out: the address, with v4-mapped IPv6 addresses rewritten to AF_INET
 * @buf: the packed address list (kernel memory), at this address
 * @len: bytes left in the list
 * @rules: what the socket accepts
 *
 * Return: the bytes this address takes in the list (16 or 28), or -EINVAL
 * when it is truncated, of an unknown family, not allowed on this socket or
 * not a usable unicast address.
 */
int xsctp_addr_parse(union xsctp_addr *out, const void *buf, int len,
		     const struct xsctp_addr_rules *rules)
{
	int need = copy_addr(out, buf, len, rules);

	if (need < 0)
		return need;
	if (out->sa.sa_family == AF_INET6)
		return check_v6(out, rules) ?: need;
	return xsctp_addr_v4_usable(out->v4.sin_addr.s_addr) ? need : -EINVAL;
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_addr_parse);

/**
 * xsctp_addr_parse_local() - an address to bind to
 * @out: the address, v4-mapped rewritten to AF_INET
 * @buf: the packed list, at this address
 * @len: bytes left in it
 * @rules: what the socket accepts
 *
 * Only the format is checked: wildcards are allowed, and whether the
 * address is local is the caller's check, in the socket's namespace.
 *
 * Return: the bytes this address takes, or -EINVAL.
 */
int xsctp_addr_parse_local(union xsctp_addr *out, const void *buf, int len,
			   const struct xsctp_addr_rules *rules)
{
	int need = copy_addr(out, buf, len, rules);

	if (need < 0)
		return need;
	if (out->sa.sa_family == AF_INET6 &&
	    ipv6_addr_v4mapped(&out->v6.sin6_addr)) {
		if (rules->v6only)
			return -EINVAL;
		unmap_v4(out);
	}
	return need;
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_addr_parse_local);

/**
 * xsctp_addr_from_param() - a peer address from an INIT's address parameter
 * @a: the address, with @port
 * @p: an IPv4 or IPv6 Address parameter whose length the codec checked
 * @port: the peer's port, network order
 *
 * Return: false for an address a peer cannot use (see xsctp_addr_parse),
 * and for IPv6 link-local ones, which mean nothing without an interface.
 */
bool xsctp_addr_from_param(union xsctp_addr *a, const struct xsctp_param *p,
			   __be16 port)
{
	memset(a, 0, sizeof(*a));
	if (p->type == XSCTP_PARAM_IPV4) {
		a->v4.sin_family = AF_INET;
		a->v4.sin_port = port;
		memcpy(&a->v4.sin_addr, p->value, 4);
		return xsctp_addr_v4_usable(a->v4.sin_addr.s_addr);
	}
	a->v6.sin6_family = AF_INET6;
	a->v6.sin6_port = port;
	memcpy(&a->v6.sin6_addr, p->value, 16);
	return xsctp_addr_v6_usable(&a->v6.sin6_addr) &&
	       !(ipv6_addr_type(&a->v6.sin6_addr) & IPV6_ADDR_LINKLOCAL);
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_addr_from_param);

bool xsctp_addr_is_any(const union xsctp_addr *a)
{
	if (a->sa.sa_family == AF_INET6)
		return ipv6_addr_any(&a->v6.sin6_addr);
	return a->v4.sin_addr.s_addr == htonl(INADDR_ANY);
}

/* Same family, address, port (and scope for IPv6): the same transport. */
bool xsctp_addr_equal(const union xsctp_addr *a, const union xsctp_addr *b)
{
	if (a->sa.sa_family != b->sa.sa_family)
		return false;
	if (a->sa.sa_family == AF_INET)
		return a->v4.sin_port == b->v4.sin_port &&
		       a->v4.sin_addr.s_addr == b->v4.sin_addr.s_addr;
	return a->v6.sin6_port == b->v6.sin6_port &&
	       ipv6_addr_equal(&a->v6.sin6_addr, &b->v6.sin6_addr) &&
	       a->v6.sin6_scope_id == b->v6.sin6_scope_id;
}
EXPORT_SYMBOL_IF_KUNIT(xsctp_addr_equal);
