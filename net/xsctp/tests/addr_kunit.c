// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: address validation must accept and reject exactly what Linux
 * SCTP's sctp_verify_addr() does, since applications rely on those errors.
 */
#include <kunit/test.h>
#include <linux/inet.h>

#include <net/xsctp/addr.h>

static const struct xsctp_addr_rules v4_sock = { .family = AF_INET };
static const struct xsctp_addr_rules dual_sock = { .family = AF_INET6 };
static const struct xsctp_addr_rules v6only_sock = {
	.family = AF_INET6, .v6only = true,
};

static struct sockaddr_in v4addr(const char *ip, u16 port)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons(port) };

	in4_pton(ip, -1, (u8 *)&a.sin_addr, -1, NULL);
	return a;
}

static struct sockaddr_in6 v6addr(const char *ip, u16 port, u32 scope)
{
	struct sockaddr_in6 a = {
		.sin6_family = AF_INET6,
		.sin6_port = htons(port),
		.sin6_scope_id = scope,
	};

	in6_pton(ip, -1, (u8 *)&a.sin6_addr, -1, NULL);
	return a;
}

struct v4_case {
	const char *ip;
	bool usable;
};

static const struct v4_case v4_cases[] = {
	{ "192.0.2.1", true },
	{ "127.0.0.1", true },
	{ "10.0.0.1", true },
	{ "192.88.98.255", true },
	{ "192.88.100.0", true },
	{ "223.255.255.255", true },
	{ "0.0.0.0", false },		/* INADDR_ANY: rejected, as Linux does */
	{ "0.1.2.3", false },		/* "this network" 0/8 */
	{ "255.255.255.255", false },	/* limited broadcast */
	{ "224.0.0.1", false },		/* multicast */
	{ "239.255.255.255", false },
	{ "192.88.99.0", false },	/* 6to4 relay anycast */
	{ "192.88.99.255", false },
};

static void v4_usable(struct kunit *test)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(v4_cases); i++) {
		struct sockaddr_in a = v4addr(v4_cases[i].ip, 1);

		KUNIT_EXPECT_EQ_MSG(test, xsctp_addr_v4_usable(a.sin_addr.s_addr),
				    v4_cases[i].usable, "%s", v4_cases[i].ip);
	}
}

static void v6_usable(struct kunit *test)
{
	struct sockaddr_in6 a;

	a = v6addr("2001:db8::1", 1, 0);
	KUNIT_EXPECT_TRUE(test, xsctp_addr_v6_usable(&a.sin6_addr));
	a = v6addr("::1", 1, 0);
	KUNIT_EXPECT_TRUE(test, xsctp_addr_v6_usable(&a.sin6_addr));
	a = v6addr("fe80::1", 1, 0);
	KUNIT_EXPECT_TRUE(test, xsctp_addr_v6_usable(&a.sin6_addr));
	a = v6addr("::", 1, 0);
	KUNIT_EXPECT_FALSE(test, xsctp_addr_v6_usable(&a.sin6_addr));
	a = v6addr("ff02::1", 1, 0);
	KUNIT_EXPECT_FALSE(test, xsctp_addr_v6_usable(&a.sin6_addr));
}

static void parse_lengths(struct kunit *test)
{
	struct sockaddr_in a = v4addr("192.0.2.1", 9);
	struct sockaddr_in6 b = v6addr("2001:db8::1", 9, 0);
	union xsctp_addr out;

	KUNIT_EXPECT_EQ(test, xsctp_addr_parse(&out, &a, sizeof(a), &v4_sock), 16);
	KUNIT_EXPECT_EQ(test, xsctp_addr_parse(&out, &a, 15, &v4_sock), -EINVAL);
	KUNIT_EXPECT_EQ(test, xsctp_addr_parse(&out, &a, 1, &v4_sock), -EINVAL);
	KUNIT_EXPECT_EQ(test, xsctp_addr_parse(&out, &a, 0, &v4_sock), -EINVAL);
	KUNIT_EXPECT_EQ(test, xsctp_addr_parse(&out, &b, sizeof(b), &dual_sock), 28);
	/* The RFC 2133 sockaddr_in6 without sin6_scope_id is too short. */
	KUNIT_EXPECT_EQ(test, xsctp_addr_parse(&out, &b, 24, &dual_sock), -EINVAL);
	/* Extra bytes belong to the next address in a packed list. */
	KUNIT_EXPECT_EQ(test, xsctp_addr_parse(&out, &a, 100, &v4_sock), 16);
}

static void parse_families(struct kunit *test)
{
	struct sockaddr_in a = v4addr("192.0.2.1", 9);
	struct sockaddr_in6 b = v6addr("2001:db8::1", 9, 0);
	struct sockaddr_in6 unspec = { .sin6_family = AF_UNSPEC };
	union xsctp_addr out;

	KUNIT_EXPECT_EQ(test, xsctp_addr_parse(&out, &b, sizeof(b), &v4_sock), -EINVAL);
	KUNIT_EXPECT_EQ(test, xsctp_addr_parse(&out, &a, sizeof(a), &dual_sock), 16);
	KUNIT_EXPECT_EQ(test, xsctp_addr_parse(&out, &a, sizeof(a), &v6only_sock), -EINVAL);
	KUNIT_EXPECT_EQ(test, xsctp_addr_parse(&out, &unspec, sizeof(unspec), &dual_sock), -EINVAL);
}

static void parse_v4_mapped(struct kunit *test)
{
	struct sockaddr_in6 m = v6addr("::ffff:192.0.2.7", 4242, 0);
	struct sockaddr_in6 bad = v6addr("::ffff:224.0.0.1", 4242, 0);
	union xsctp_addr out;

	KUNIT_ASSERT_EQ(test, xsctp_addr_parse(&out, &m, sizeof(m), &dual_sock), 28);
	KUNIT_EXPECT_EQ(test, out.sa.sa_family, AF_INET);
	KUNIT_EXPECT_EQ(test, ntohs(out.v4.sin_port), 4242);
	KUNIT_EXPECT_EQ(test, ntohl(out.v4.sin_addr.s_addr), 0xc0000207U);
	KUNIT_EXPECT_EQ(test, xsctp_addr_parse(&out, &m, sizeof(m), &v6only_sock), -EINVAL);
	KUNIT_EXPECT_EQ(test, xsctp_addr_parse(&out, &bad, sizeof(bad), &dual_sock), -EINVAL);
}

static void parse_link_local_scope(struct kunit *test)
{
	struct sockaddr_in6 no_scope = v6addr("fe80::1", 9, 0);
	struct sockaddr_in6 scoped = v6addr("fe80::1", 9, 2);
	union xsctp_addr out;

	KUNIT_EXPECT_EQ(test, xsctp_addr_parse(&out, &no_scope, sizeof(no_scope),
					       &dual_sock), -EINVAL);
	KUNIT_EXPECT_EQ(test, xsctp_addr_parse(&out, &scoped, sizeof(scoped), &dual_sock), 28);
	KUNIT_EXPECT_EQ(test, out.v6.sin6_scope_id, 2u);
}

static void parse_port_zero_accepted(struct kunit *test)
{
	struct sockaddr_in a = v4addr("192.0.2.1", 0);
	union xsctp_addr out;

	KUNIT_EXPECT_EQ(test, xsctp_addr_parse(&out, &a, sizeof(a), &v4_sock), 16);
}

static void equal(struct kunit *test)
{
	union xsctp_addr a = { .v4 = v4addr("192.0.2.1", 9) };
	union xsctp_addr b = { .v4 = v4addr("192.0.2.1", 9) };
	union xsctp_addr c = { .v4 = v4addr("192.0.2.1", 10) };
	union xsctp_addr d = { .v6 = v6addr("2001:db8::1", 9, 0) };
	union xsctp_addr e = { .v6 = v6addr("2001:db8::1", 9, 0) };

	KUNIT_EXPECT_TRUE(test, xsctp_addr_equal(&a, &b));
	KUNIT_EXPECT_FALSE(test, xsctp_addr_equal(&a, &c));
	KUNIT_EXPECT_FALSE(test, xsctp_addr_equal(&a, &d));
	KUNIT_EXPECT_TRUE(test, xsctp_addr_equal(&d, &e));
}

static struct kunit_case xsctp_addr_cases[] = {
	KUNIT_CASE(v4_usable),
	KUNIT_CASE(v6_usable),
	KUNIT_CASE(parse_lengths),
	KUNIT_CASE(parse_families),
	KUNIT_CASE(parse_v4_mapped),
	KUNIT_CASE(parse_link_local_scope),
	KUNIT_CASE(parse_port_zero_accepted),
	KUNIT_CASE(equal),
	{}
};

static struct kunit_suite xsctp_addr_suite = {
	.name = "xsctp_addr",
	.test_cases = xsctp_addr_cases,
};

kunit_test_suite(xsctp_addr_suite);
