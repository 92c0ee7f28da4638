#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Boot a kernel in QEMU (TCG) with the host's root read-only over 9p, run one
# command as root inside, and return its exit status.
#
# Usage: run.sh [options] [--] COMMAND...
#   -k KERNEL   6.12 (default), 6.1, or debug (built by debug-kernel.sh)
#   -o DIR      results share (default: a new temporary directory); the
#               guest sees it as /run/xsctp and leaves out.log, dmesg.log,
#               console.log and rc there
#   -t SECONDS  timeout for the whole run (default 900)
#   -n L:P      two-guest mode: a virtio NIC on a QEMU UDP socket network,
#               this guest on 127.0.0.1:L, its peer on 127.0.0.1:P
#   -H NAME     guest host name
#   -s N        virtual CPUs (default 2; 1 for the debug kernel)
#   -i          interactive: a shell on the console instead of COMMAND
#   -q          quiet: do not stream the command's output
#
# The run fails (exit 1 unless the command failed otherwise) when the
# kernel log shows a bug, warning, sanitizer or leak report, whatever the
# command returned. A timeout gives 124.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
kernel=6.12 share='' timeout=900 net='' host='' cpus='' interactive=0 quiet=0
while getopts k:o:t:n:H:s:iq opt; do
	case $opt in
	k) kernel=$OPTARG ;;
	o) share=$OPTARG ;;
	t) timeout=$OPTARG ;;
	n) net=$OPTARG ;;
	H) host=$OPTARG ;;
	s) cpus=$OPTARG ;;
	i) interactive=1 ;;
	q) quiet=1 ;;
	*) sed -n '5,22s/^# \{0,1\}//p' "$0" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))

# Kernel image and matching initramfs.
case $kernel in
debug)
	# One vCPU: under single-threaded TCG, a second one makes every
	# stop_machine() spin for tens of seconds (RCU stall reports at boot).
	cpus=${cpus:-1}
	# Its ACPI interpreter, instrumented by KASAN, is slow enough under TCG
	# to hit AML loop timeouts while routing PCI interrupts: use the BIOS
	# routing table instead (ACPI stays on for power-off).
	extra_append="pci=noacpi"
	build=$("$here/debug-kernel.sh")
	image=$build/arch/x86/boot/bzImage
	initrd=$("$here/initramfs.sh" none)
	;;
6.12 | 6.1)
	release=$("$here/../kernels.sh" "$kernel")
	image=/boot/vmlinuz-$release
	initrd=$("$here/initramfs.sh" "$release")
	;;
*) echo "run.sh: unknown kernel '$kernel'" >&2; exit 2 ;;
esac

if [ -z "$share" ]; then
	share=$(mktemp -d /tmp/xsctp-vm.XXXXXX)
fi
mkdir -p "$share"
rm -f "$share"/{rc,out.log,dmesg.log,console.log}
printf 'cd %q || exit 1\n%s\n' "$PWD" "$*" >"$share/cmd"
: >"$share/out.log"

cpus=${cpus:-2}
# TCG runs a guest 10-50 times slower than hardware: give the RCU stall
# detector room (a real stall, such as a loop in softirq, still shows).
append="console=ttyS0 loglevel=5 panic=-1 panic_on_warn=1 oops=panic"
append+=" rcupdate.rcu_cpu_stall_timeout=120 ${extra_append:-}"
repo=$(cd "$here/../.." && pwd)
case $repo in
*[[:space:]]*) echo "run.sh: the repository path must not contain spaces" >&2; exit 2 ;;
esac
append+=" xsctp_repo=$repo xsctp_stage2=$repo/tools/vm/guest-init.sh"
append+=" xsctp_interactive=$interactive"
[ -n "$host" ] && append+=" xsctp_hostname=$host"
# Single-threaded TCG: multi-threaded TCG races with the kernel patching its
# own text (int3 oopses in text_poke_bp at boot, seen with -smp 2).
# shellcheck disable=SC2054 # commas belong to QEMU option values
args=(-accel tcg,thread=single -m 2048 -smp "$cpus" -no-reboot -nodefaults
      -kernel "$image" -initrd "$initrd" -append "$append"
      -device virtio-rng-pci
      -virtfs "local,path=/,mount_tag=root,security_model=none,readonly=on,multidevs=remap"
      -virtfs "local,path=$share,mount_tag=share,security_model=none,multidevs=remap"
      -virtfs "local,path=$repo,mount_tag=repo,security_model=none,readonly=on,multidevs=remap")
if [ -n "$net" ]; then
	mac=52:54:00:12:34:$(printf %02x $((${net%%:*} % 256)))
	args+=(-netdev "socket,id=n0,udp=127.0.0.1:${net#*:},localaddr=127.0.0.1:${net%%:*}"
	       -device "virtio-net-pci,netdev=n0,mac=$mac")
fi

if [ $interactive = 1 ]; then
	exec qemu-system-x86_64 "${args[@]}" -display none -serial mon:stdio
fi

qemu_pid=
cleanup() {
	if [ -n "$qemu_pid" ]; then kill -9 "$qemu_pid" 2>/dev/null || true; fi
	if [ -n "${tail_pid:-}" ]; then kill "$tail_pid" 2>/dev/null || true; fi
}
trap cleanup EXIT INT TERM

qemu-system-x86_64 "${args[@]}" -display none -monitor none \
	-serial "file:$share/console.log" </dev/null &
qemu_pid=$!
if [ $quiet = 0 ]; then
	tail -n +1 -f --pid=$qemu_pid "$share/out.log" &
	tail_pid=$!
fi

status=0
for ((waited = 0; ; waited++)); do
	kill -0 $qemu_pid 2>/dev/null || break
	if [ $waited -ge "$timeout" ]; then
		echo "run.sh: timeout after ${timeout}s, killing the guest" >&2
		status=124
		break
	fi
	sleep 1
done
cleanup
wait $qemu_pid 2>/dev/null || true
qemu_pid=
tail_pid=

"$here/splats.sh" "$share/console.log" "$share/dmesg.log" >&2 || status=${status/#0/1}
if [ $status = 0 ]; then
	if [ -f "$share/rc" ]; then
		status=$(cat "$share/rc")
	else
		echo "run.sh: the guest stopped without a result; console:" >&2
		tail -n 30 "$share/console.log" >&2
		status=1
	fi
fi
exit "$status"
