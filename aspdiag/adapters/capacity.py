"""Packet trains for the capacity estimate: the I/O behind ``aspdiag.capacity`` (which reads them).

Two ways to get one small answer per probe packet, with the answer's *kernel* receive timestamp
(``SO_TIMESTAMPNS``; user-space clocks cannot resolve 12 us per packet at 1 Gbit/s):

- ``tcp-reset`` (root): bare TCP ACK segments with a payload to a TCP port. A listening or closed port
  answers each with a reset whose sequence number is our acknowledgement number, which carries the
  probe's index. The target keeps no state (unlike SYNs, which fill its SYN queue), and Linux does not
  rate-limit these resets. Sent and read on raw sockets; the source port is held by a bound socket so
  nothing else on this machine uses it.
- ``udp-icmp`` (anyone): Don't-Fragment UDP datagrams to a closed UDP port, answered by ICMP
  port-unreachable, read from the socket's error queue (``IP_RECVERR``) with the index from the quoted
  payload. Targets rate-limit ICMP; ``aspdiag.capacity`` tells that apart from a slow path.

Packets are paced on ``time.perf_counter_ns`` (sleep while far from the next slot, spin near it) and
never faster than the pace asked for. Answers are read between packets, so one thread does it all.
"""

from __future__ import annotations

import errno
import random
import socket
import struct
import time
from collections.abc import Callable

from aspdiag.adapters.path import set_dont_fragment
from aspdiag.adapters.sockets import (
    IP_RECVERR,
    IPV6_RECVERR,
    MSG_ERRQUEUE,
    PAYLOAD_PREFIX,
    SOL_IP,
    SOL_IPV6,
    cmsg_error,
    socket_family,
)
from aspdiag.measurements.capacity.trains import TrainMonitor, TrainPacket
from aspdiag.measurements.path.logic import IPV4_UDP_OVERHEAD, IPV6_UDP_OVERHEAD

SO_TIMESTAMPNS = 35
IPV6_CHECKSUM = 7
TCP_ACK = 0x10
TCP_RST = 0x04
MARKER = b"aspdiag capacity probe "
"""Start of every probe payload, so whoever captures one on the target can tell what it is."""
RCVBUF_BYTES = 8 * 1024 * 1024
SPIN_NS = 200_000
"""Spin (rather than sleep) for the last 0.2 ms before a packet's slot: sleep overshoots by more."""
TAIL_QUIET_NS = 150_000_000
"""After the last packet, stop waiting once no answer has come for this long (plus twice the RTT)."""


def raw_available() -> bool:
    """Whether raw sockets can be opened here (root or CAP_NET_RAW)."""
    try:
        socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_TCP).close()
    except OSError:
        return False
    return True


def _timestamp_ns(ancdata: list[tuple[int, int, bytes]]) -> int | None:
    for level, kind, data in ancdata:
        if level == socket.SOL_SOCKET and kind == SO_TIMESTAMPNS and len(data) >= 16:
            seconds, nanos = struct.unpack("@qq", data[:16])
            return int(seconds) * 1_000_000_000 + int(nanos)
    return None


def _source_for(address: str, family: int) -> str:
    """The local address the kernel would use toward ``address`` (a connected UDP socket sends nothing)."""
    with socket.socket(family, socket.SOCK_DGRAM) as sock:
        sock.connect((address, 9))
        return str(sock.getsockname()[0])


def _fold(total: int) -> int:
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return total


def _sum16(data: bytes) -> int:
    if len(data) % 2:
        data += b"\0"
    return sum(struct.unpack(f"!{len(data) // 2}H", data))


CATCH_UP_LIMIT_NS = 1_000_000
"""Behind the schedule by more than this (and two intervals), the pacer resumes from now."""


class _Pacer:
    """Slots packets ``interval_ns`` apart from the first one; ``wait`` runs ``idle`` while waiting."""

    def __init__(self, interval_ns: int) -> None:
        self.interval_ns = interval_ns
        self.next_ns = time.perf_counter_ns()

    def wait(self, idle: Callable[[], None]) -> None:
        while True:
            left = self.next_ns - time.perf_counter_ns()
            if left < -max(2 * self.interval_ns, CATCH_UP_LIMIT_NS):
                # We stalled (no CPU): the missed slots are skipped rather than sent back to back, which
                # would be a burst at line rate — impolite, and it would look like a shaper's burst.
                self.next_ns -= left
                break
            if left <= 0:
                break
            idle()
            if left > SPIN_NS + 100_000:
                time.sleep((left - SPIN_NS) / 1e9 / 2)
        self.next_ns += self.interval_ns


def _interval_ns(ip_bytes: int, pace_mbps: float) -> int:
    return max(1, round(ip_bytes * 8 / (pace_mbps * 1e6) * 1e9))


class TrainProber:
    """The CapacityProber: sends one paced train and returns every packet with its answer time."""

    def method(self, privileged: bool) -> str:
        """``tcp-reset`` when raw sockets may be used, else ``udp-icmp``."""
        return "tcp-reset" if privileged and raw_available() else "udp-icmp"

    def train(
        self,
        method: str,
        address: str,
        port: int,
        ip_bytes: int,
        monitor: TrainMonitor,
        max_time_s: float,
    ) -> list[TrainPacket]:
        """Send at ``monitor.pace_mbps`` until ``monitor`` says stop or ``max_time_s`` (the wait for the last
        answers included) runs out."""
        if method == "tcp-reset":
            return _TcpResetTrain(address, port, ip_bytes).run(monitor, max_time_s)
        return _UdpIcmpTrain(address, port, ip_bytes).run(monitor, max_time_s)


class _Train:
    """What both kinds share: the send loop, the pacing, the bookkeeping and the wait for the last answers."""

    ip_bytes: int

    def __init__(self) -> None:
        self.answered: dict[int, int] = {}
        self.monitor = TrainMonitor(0.0)

    def send(self, index: int) -> None:
        raise NotImplementedError

    def read_answers(self) -> None:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def _answer(self, index: int, stamp_ns: int | None) -> None:
        if 0 <= index < self.monitor.sent_packets and index not in self.answered:
            at = stamp_ns if stamp_ns is not None else time.time_ns()
            self.answered[index] = at
            self.monitor.answered(index, at)

    def run(self, monitor: TrainMonitor, max_time_s: float) -> list[TrainPacket]:
        self.monitor = monitor
        deadline = time.perf_counter_ns() + int(max_time_s * 1e9)
        pacer = _Pacer(_interval_ns(self.ip_bytes, monitor.pace_mbps))
        try:
            index = 0
            while monitor.may_send(self.ip_bytes) and time.perf_counter_ns() < deadline - TAIL_QUIET_NS:
                pacer.interval_ns = _interval_ns(self.ip_bytes, monitor.pace_mbps)
                pacer.wait(self.read_answers)
                # Kernel timestamps are CLOCK_REALTIME: the send time is taken on the same clock.
                sent_ns = time.time_ns()
                try:
                    self.send(index)
                except OSError as exc:
                    if exc.errno in (errno.ENOBUFS, errno.EAGAIN):
                        continue  # the local queue is full: this slot is skipped, the pace holds
                    raise
                monitor.sent(index, sent_ns, self.ip_bytes)
                index += 1
                if index % 64 == 0:
                    self.read_answers()
            self._wait_tail(deadline)
        finally:
            self.close()
        return [
            TrainPacket(seq=i, sent_ns=t, ip_bytes=self.ip_bytes, answered_ns=self.answered.get(i))
            for i, t in enumerate(monitor.sent_ns)
        ]

    def _wait_tail(self, deadline: int) -> None:
        rtt = self.monitor.min_rtt_ns or 0
        quiet = TAIL_QUIET_NS + 2 * rtt
        last_change = time.perf_counter_ns()
        seen = len(self.answered)
        while time.perf_counter_ns() < deadline and len(self.answered) < self.monitor.sent_packets:
            self.read_answers()
            if len(self.answered) != seen:
                seen, last_change = len(self.answered), time.perf_counter_ns()
            elif time.perf_counter_ns() - last_change > quiet:
                break
            time.sleep(0.002 if rtt < 5_000_000 else 0.005)


class _TcpResetTrain(_Train):
    """ACK segments with a payload on a raw socket; resets read from a second raw socket."""

    def __init__(self, address: str, port: int, ip_bytes: int) -> None:
        super().__init__()
        self.address = address
        self.port = port
        self.family = socket_family(address)
        v6 = self.family == socket.AF_INET6
        header = 40 if v6 else 20
        self.ip_bytes = max(ip_bytes, header + 20 + len(MARKER))
        source = _source_for(address, self.family)
        # Hold the source port: nothing else here may use it while the resets come back to it.
        self.holder = socket.socket(self.family, socket.SOCK_STREAM)
        self.holder.bind((source, 0))
        self.sport = self.holder.getsockname()[1]
        self.seq = random.getrandbits(32)
        self.ack_base = random.getrandbits(31)
        self.tx = socket.socket(self.family, socket.SOCK_RAW, socket.IPPROTO_TCP)
        self.rx = socket.socket(self.family, socket.SOCK_RAW, socket.IPPROTO_TCP)
        self.rx.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, RCVBUF_BYTES)
        self.rx.setsockopt(socket.SOL_SOCKET, SO_TIMESTAMPNS, 1)
        self.rx.setblocking(False)
        set_dont_fragment(self.tx)
        if v6:
            self.tx.setsockopt(SOL_IPV6, IPV6_CHECKSUM, 16)  # the kernel fills in the TCP checksum
        self.tx.connect((address, 0))
        payload = MARKER + b"\0" * (self.ip_bytes - header - 20 - len(MARKER))
        self.segment = bytearray(struct.pack("!HHIIBBHHH", self.sport, port, self.seq, 0, 5 << 4, TCP_ACK, 65535, 0, 0))
        self.segment += payload
        self.v6 = v6
        if not v6:
            src = socket.inet_aton(source)
            dst = socket.inet_aton(address)
            pseudo = src + dst + struct.pack("!BBH", 0, socket.IPPROTO_TCP, len(self.segment))
            self.partial = _sum16(pseudo) + _sum16(bytes(self.segment))  # with ack 0 and checksum 0

    def send(self, index: int) -> None:
        ack = (self.ack_base + index) & 0xFFFFFFFF
        struct.pack_into("!I", self.segment, 8, ack)
        if not self.v6:
            checksum = ~_fold(self.partial + (ack >> 16) + (ack & 0xFFFF)) & 0xFFFF
            struct.pack_into("!H", self.segment, 16, checksum)
        self.tx.send(self.segment)

    def read_answers(self) -> None:
        while True:
            try:
                data, ancdata, _flags, peer = self.rx.recvmsg(128, 64)
            except (BlockingIOError, InterruptedError):
                return
            if peer[0] != self.address and not (self.v6 and _same_v6(peer[0], self.address)):
                continue
            offset = 0 if self.v6 else (data[0] & 0x0F) * 4
            if len(data) < offset + 20:
                continue
            sport, dport, seq = struct.unpack_from("!HHI", data, offset)
            flags = data[offset + 13]
            if sport != self.port or dport != self.sport or not flags & TCP_RST:
                continue
            self._answer((seq - self.ack_base) & 0xFFFFFFFF, _timestamp_ns(ancdata))

    def close(self) -> None:
        for sock in (self.tx, self.rx, self.holder):
            sock.close()


def _same_v6(a: str, b: str) -> bool:
    try:
        return socket.inet_pton(socket.AF_INET6, a.split("%")[0]) == socket.inet_pton(socket.AF_INET6, b)
    except OSError:
        return False


_REFUSALS_CLEARED = 4
"""Pending port-unreachables a send clears before it gives up (one is pending at a time; more arrive only as fast
as the answers to our own packets)."""


class _UdpIcmpTrain(_Train):
    """DF datagrams on an ordinary UDP socket; ICMP port-unreachable read from its error queue."""

    def __init__(self, address: str, port: int, ip_bytes: int) -> None:
        super().__init__()
        self.family = socket_family(address)
        v6 = self.family == socket.AF_INET6
        overhead = IPV6_UDP_OVERHEAD if v6 else IPV4_UDP_OVERHEAD
        self.ip_bytes = max(ip_bytes, overhead + len(PAYLOAD_PREFIX) + 4 + len(MARKER))
        self.sock = socket.socket(self.family, socket.SOCK_DGRAM)
        if v6:
            self.sock.setsockopt(SOL_IPV6, IPV6_RECVERR, 1)
        else:
            self.sock.setsockopt(SOL_IP, IP_RECVERR, 1)
        set_dont_fragment(self.sock)
        self.sock.setsockopt(socket.SOL_SOCKET, SO_TIMESTAMPNS, 1)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, RCVBUF_BYTES)
        self.sock.connect((address, port))
        self.sock.setblocking(False)
        self.payload = bytearray(PAYLOAD_PREFIX + b"\0\0\0\0" + MARKER)
        self.payload += b"\0" * (self.ip_bytes - overhead - len(self.payload))
        self.at = len(PAYLOAD_PREFIX)

    def send(self, index: int) -> None:
        struct.pack_into("!I", self.payload, self.at, index)
        for _ in range(_REFUSALS_CLEARED):
            try:
                self.sock.send(self.payload)
                return
            except ConnectionRefusedError:
                # An earlier port-unreachable (an answer) is reported once on the next send, which did not go out.
                # Another answer can arrive before the retry (a lab run under CI read "Connection refused" there
                # and lost the whole train), so the send is tried again while answers keep being reported.
                continue
        self.sock.send(self.payload)

    def read_answers(self) -> None:
        while True:
            try:
                data, ancdata, _flags, _addr = self.sock.recvmsg(64, 512, MSG_ERRQUEUE | socket.MSG_DONTWAIT)
            except (BlockingIOError, InterruptedError):
                break
            except OSError:
                break
            icmp, _local = cmsg_error(ancdata)
            if icmp is None or not data.startswith(PAYLOAD_PREFIX) or len(data) < self.at + 4:
                continue
            (index,) = struct.unpack_from("!I", data, self.at)
            self._answer(index, _timestamp_ns(ancdata))
        # Clear a pending socket error (ECONNREFUSED) so the next send does not fail with it.
        try:
            self.sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
        except OSError:
            pass

    def close(self) -> None:
        self.sock.close()
