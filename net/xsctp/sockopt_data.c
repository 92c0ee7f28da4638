// SPDX-License-Identifier: GPL-2.0
/*
 * The socket options of data transfer that carry an association id, with
 * Linux's lengths, limits and errors: SCTP_DEFAULT_SEND_PARAM,
 * SCTP_DEFAULT_SNDINFO, SCTP_MAXSEG, SCTP_DELAYED_SACK, SCTP_CONTEXT and
 * SCTP_MAX_BURST. Three of them still take the int or sctp_assoc_value
 * form Linux calls deprecated. The int ones (SCTP_DISABLE_FRAGMENTS,
 * SCTP_FRAGMENT_INTERLEAVE...) are in sockopt.c. All run with the socket
 * locked.
 */
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/uaccess.h>
#include <net/sock.h>

#include <net/xsctp/chunk.h>
#include <net/xsctp/crc.h>
#include <net/xsctp/outq.h>
#include <net/xsctp/sockopt.h>
#include <net/xsctp/socket.h>

/* Linux's bound on SCTP_DELAYED_SACK: RFC 9260 6.2's 500 ms. */
#define SACK_DELAY_MAX_MS	500U

/* The flags a default may hold; Linux refuses the others. */
#define DEFAULT_SEND_FLAGS	(SCTP_UNORDERED | SCTP_ADDR_OVER | SCTP_ABORT | \
				 SCTP_EOF)

/* Linux's SCTP_MAXSEG bounds: a 512-byte packet's DATA payload ... */
#define MAXSEG_MIN_PACKET	512U
/* ... and the largest DATA chunk's whose length is a multiple of 4. */
#define MAXSEG_MAX		(ALIGN_DOWN(U16_MAX, 4) - XSCTP_CHUNK_HDR_LEN - \
				 XSCTP_DATA_FIXED_LEN)

static void set_send(struct xsctp_assoc_cfg *cfg,
		     const struct xsctp_assoc_cfg *val)
{
	cfg->send = val->send;
}

/* SCTP_DEFAULT_SNDINFO has no time to live: it keeps the old one. */
static void set_sndinfo(struct xsctp_assoc_cfg *cfg,
			const struct xsctp_assoc_cfg *val)
{
	u32 ttl = cfg->send.timetolive;

	cfg->send = val->send;
	cfg->send.timetolive = ttl;
}

static int set_send_defaults(struct sock *sk, sctp_assoc_t id,
			     const struct xsctp_send_defaults *d,
			     xsctp_cfg_setter set)
{
	struct xsctp_assoc_cfg val = { .send = *d };

	if (d->flags & ~DEFAULT_SEND_FLAGS)
		return -EINVAL;
	return xsctp_opt_set(sk, id, set, &val);
}

int xsctp_set_default_send(struct sock *sk, sockptr_t optval,
			   unsigned int optlen)
{
	struct sctp_sndrcvinfo si;

	if (optlen != sizeof(si))
		return -EINVAL;
	if (copy_from_sockptr(&si, optval, sizeof(si)))
		return -EFAULT;
	return set_send_defaults(sk, si.sinfo_assoc_id,
				 &(struct xsctp_send_defaults){
					.sid = si.sinfo_stream,
					.flags = si.sinfo_flags,
					.ppid = si.sinfo_ppid,
					.context = si.sinfo_context,
					.timetolive = si.sinfo_timetolive,
				 }, set_send);
}

int xsctp_set_default_sndinfo(struct sock *sk, sockptr_t optval,
			      unsigned int optlen)
{
	struct sctp_sndinfo si;

	if (optlen != sizeof(si))
		return -EINVAL;
	if (copy_from_sockptr(&si, optval, sizeof(si)))
		return -EFAULT;
	return set_send_defaults(sk, si.snd_assoc_id,
				 &(struct xsctp_send_defaults){
					.sid = si.snd_sid,
					.flags = si.snd_flags,
					.ppid = si.snd_ppid,
					.context = si.snd_context,
				 }, set_sndinfo);
}

/* Linux gives the caller's own structure back, the defaults filled in. */
int xsctp_get_default_send(struct sock *sk, char __user *optval, int len,
			   int __user *optlen)
{
	struct xsctp_assoc_cfg *cfg;
	struct sctp_sndrcvinfo si;
	int err;

	err = xsctp_get_opt(optval, len, &si, sizeof(si)) ?:
	      xsctp_opt_cfg(sk, si.sinfo_assoc_id, &cfg);
	if (err)
		return err;
	si.sinfo_stream = cfg->send.sid;
	si.sinfo_flags = cfg->send.flags;
	si.sinfo_ppid = cfg->send.ppid;
	si.sinfo_context = cfg->send.context;
	si.sinfo_timetolive = cfg->send.timetolive;
	return xsctp_put_opt(optval, optlen, &si, sizeof(si));
}

int xsctp_get_default_sndinfo(struct sock *sk, char __user *optval, int len,
			      int __user *optlen)
{
	struct xsctp_assoc_cfg *cfg;
	struct sctp_sndinfo si;
	int err;

	err = xsctp_get_opt(optval, len, &si, sizeof(si)) ?:
	      xsctp_opt_cfg(sk, si.snd_assoc_id, &cfg);
	if (err)
		return err;
	si.snd_sid = cfg->send.sid;
	si.snd_flags = cfg->send.flags;
	si.snd_ppid = cfg->send.ppid;
	si.snd_context = cfg->send.context;
	return xsctp_put_opt(optval, optlen, &si, sizeof(si));
}

/*
 * The deprecated int form of SCTP_MAXSEG and SCTP_MAX_BURST means
 * SCTP_FUTURE_ASSOC; any other length but sctp_assoc_value's is refused.
 */
static int get_assoc_value(sockptr_t optval, unsigned int optlen,
			   struct sctp_assoc_value *v)
{
	if (optlen == sizeof(int)) {
		v->assoc_id = SCTP_FUTURE_ASSOC;
		return copy_from_sockptr(&v->assoc_value, optval, sizeof(int)) ?
		       -EFAULT : 0;
	}
	if (optlen != sizeof(*v))
		return -EINVAL;
	return copy_from_sockptr(v, optval, sizeof(*v)) ? -EFAULT : 0;
}

/* As Linux measures it: the IP header is the socket's family's. */
static bool maxseg_valid(const struct sock *sk, int val)
{
	int ip = sk->sk_family == AF_INET6 ? sizeof(struct ipv6hdr) :
		 sizeof(struct iphdr);
	int min = MAXSEG_MIN_PACKET - ip - XSCTP_COMMON_HDR_LEN -
		  XSCTP_CHUNK_HDR_LEN - XSCTP_DATA_FIXED_LEN;

	return val >= min && val <= (int)MAXSEG_MAX;
}

/* An association's SCTP_MAXSEG is its own; the socket's, the next one's. */
int xsctp_set_maxseg(struct sock *sk, sockptr_t optval, unsigned int optlen)
{
	struct xsctp_assoc_cfg *cfg;
	struct sctp_assoc_value v;
	int err;

	err = get_assoc_value(optval, optlen, &v) ?:
	      xsctp_opt_cfg(sk, v.assoc_id, &cfg);
	if (err)
		return err;
	if (v.assoc_value && !maxseg_valid(sk, v.assoc_value))
		return -EINVAL;
	cfg->user_frag = v.assoc_value;
	return 0;
}

/*
 * Getting SCTP_MAXSEG or SCTP_MAX_BURST: the int form, or at least an
 * sctp_assoc_value, which is read for its id. Return: the length to
 * give back, or an error.
 */
static int get_assoc_value_user(char __user *optval, int len,
				struct sctp_assoc_value *v)
{
	if (len == sizeof(int)) {
		v->assoc_id = SCTP_FUTURE_ASSOC;
		return len;
	}
	return xsctp_get_opt(optval, len, v, sizeof(*v)) ?: sizeof(*v);
}

/* The int form gives the value alone. */
static int put_assoc_value(char __user *optval, const struct sctp_assoc_value *v,
			   int len)
{
	const void *from = len == sizeof(int) ? (const void *)&v->assoc_value : v;

	return copy_to_user(optval, from, len) ? -EFAULT : 0;
}

/* An association answers with the fragmentation point it uses. */
int xsctp_get_maxseg(struct sock *sk, char __user *optval, int len,
		     int __user *optlen)
{
	struct sctp_assoc_value v;
	struct xsctp_assoc *asoc;
	int err;

	len = get_assoc_value_user(optval, len, &v);
	if (len < 0)
		return len;
	err = xsctp_opt_assoc(sk, v.assoc_id, &asoc);
	if (err)
		return err;
	v.assoc_value = asoc ? xsctp_frag_point(asoc) : xsctp_sk(sk)->cfg.user_frag;
	if (put_user(len, optlen))
		return -EFAULT;
	return put_assoc_value(optval, &v, len);
}

/*
 * Linux's rules: a delay given turns delayed SACK on; a frequency of 1
 * turns it off, a larger one on; 0 leaves either as it was. The delay
 * is kept while it is off, so turning it on again restores it.
 */
static void set_sack(struct xsctp_assoc_cfg *cfg,
		     const struct xsctp_assoc_cfg *val)
{
	if (val->sack_timeout_ms) {
		cfg->sack_timeout_ms = val->sack_timeout_ms;
		cfg->sack_delay_ms = cfg->sack_timeout_ms;
	}
	if (val->sack_freq == 1) {
		cfg->sack_delay_ms = 0;
	} else if (val->sack_freq > 1) {
		cfg->sack_freq = val->sack_freq;
		cfg->sack_delay_ms = cfg->sack_timeout_ms;
	}
}

/* The deprecated sctp_assoc_value form: a delay, or 0 to turn it off. */
static int get_sack_info(sockptr_t optval, unsigned int optlen,
			 struct sctp_sack_info *si)
{
	struct sctp_assoc_value v;

	if (optlen == sizeof(v)) {
		if (copy_from_sockptr(&v, optval, sizeof(v)))
			return -EFAULT;
		si->sack_assoc_id = v.assoc_id;
		si->sack_delay = v.assoc_value;
		si->sack_freq = v.assoc_value ? 0 : 1;
		return 0;
	}
	if (optlen != sizeof(*si))
		return -EINVAL;
	return copy_from_sockptr(si, optval, sizeof(*si)) ? -EFAULT : 0;
}

int xsctp_set_delayed_sack(struct sock *sk, sockptr_t optval,
			   unsigned int optlen)
{
	struct xsctp_assoc_cfg val = {};
	struct sctp_sack_info si;
	int err;

	err = get_sack_info(optval, optlen, &si);
	if (err)
		return err;
	/* Linux: all zero is a no-op, even for an id that names nothing. */
	if (!si.sack_delay && !si.sack_freq)
		return 0;
	if (si.sack_delay > SACK_DELAY_MAX_MS)
		return -EINVAL;
	val.sack_timeout_ms = si.sack_delay;
	val.sack_freq = si.sack_freq;
	return xsctp_opt_set(sk, si.sack_assoc_id, set_sack, &val);
}

/* Off reads as delay 0, frequency 1; the deprecated form gets the delay. */
int xsctp_get_delayed_sack(struct sock *sk, char __user *optval, int len,
			   int __user *optlen)
{
	struct xsctp_assoc_cfg *cfg;
	struct sctp_sack_info si;
	int err;

	if (len >= (int)sizeof(si))
		len = sizeof(si);
	else if (len != sizeof(struct sctp_assoc_value))
		return -EINVAL;
	if (copy_from_user(&si, optval, len))
		return -EFAULT;
	err = xsctp_opt_cfg(sk, si.sack_assoc_id, &cfg);
	if (err)
		return err;
	si.sack_delay = cfg->sack_delay_ms;
	si.sack_freq = cfg->sack_delay_ms ? cfg->sack_freq : 1;
	return xsctp_put_opt(optval, optlen, &si, len);
}

/* Linux: the context given to received messages, not to those sent. */
static void set_rcv_context(struct xsctp_assoc_cfg *cfg,
			    const struct xsctp_assoc_cfg *val)
{
	cfg->rcv_context = val->rcv_context;
}

int xsctp_set_context(struct sock *sk, sockptr_t optval, unsigned int optlen)
{
	struct xsctp_assoc_cfg val = {};
	struct sctp_assoc_value v;

	if (optlen != sizeof(v))
		return -EINVAL;
	if (copy_from_sockptr(&v, optval, sizeof(v)))
		return -EFAULT;
	val.rcv_context = v.assoc_value;
	return xsctp_opt_set(sk, v.assoc_id, set_rcv_context, &val);
}

int xsctp_get_context(struct sock *sk, char __user *optval, int len,
		      int __user *optlen)
{
	struct xsctp_assoc_cfg *cfg;
	struct sctp_assoc_value v;
	int err;

	err = xsctp_get_opt(optval, len, &v, sizeof(v)) ?:
	      xsctp_opt_cfg(sk, v.assoc_id, &cfg);
	if (err)
		return err;
	v.assoc_value = cfg->rcv_context;
	return xsctp_put_opt(optval, optlen, &v, sizeof(v));
}

static void set_max_burst(struct xsctp_assoc_cfg *cfg,
			  const struct xsctp_assoc_cfg *val)
{
	cfg->max_burst = val->max_burst;
}

int xsctp_set_max_burst(struct sock *sk, sockptr_t optval, unsigned int optlen)
{
	struct xsctp_assoc_cfg val = {};
	struct sctp_assoc_value v;
	int err;

	err = get_assoc_value(optval, optlen, &v);
	if (err)
		return err;
	val.max_burst = v.assoc_value;
	return xsctp_opt_set(sk, v.assoc_id, set_max_burst, &val);
}

/* Linux leaves *optlen as the caller gave it here, whatever it wrote. */
int xsctp_get_max_burst(struct sock *sk, char __user *optval, int len,
			int __user *optlen)
{
	struct xsctp_assoc_cfg *cfg;
	struct sctp_assoc_value v;
	int err;

	len = get_assoc_value_user(optval, len, &v);
	if (len < 0)
		return len;
	err = xsctp_opt_cfg(sk, v.assoc_id, &cfg);
	if (err)
		return err;
	v.assoc_value = cfg->max_burst;
	return put_assoc_value(optval, &v, len);
}
