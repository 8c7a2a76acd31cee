"""What a shaped lab link actually forwarded while a test measured it, read from the kernel beside the test.

tc tbf at its nominal rate is the expected figure of the bandwidth tests, but on a busy machine the link
itself can forward less: a 16 KB bucket at 37 Mbit/s holds 3.5 ms of tokens, and when softirq work is
delayed longer than that (CPU-bound neighbours) the tokens beyond the bucket are lost, so the path really
delivers 10-15 % less for that run. A measurement that reports what the path delivered is then right, and a
test comparing it with the nominal rate fails under load. This meter gives the test the second reference:
the bytes tbf sent over time and whether it held a backlog meanwhile, every ~2 ms -- while it holds one, the
link, not the sender, sets the pace. tbf's own byte counter is used, not the interface's tx_bytes: tbf
charges every GSO segment its headers (qdisc_pkt_len), the veth counts a GSO packet's headers once, so only
tbf's counter is in the units of the nominal rate.

It runs a small poller inside the node's namespace, at low real-time priority so that its clock readings stay
true under load. The poller asks rtnetlink for the root qdisc's statistics directly (RTM_GETQDISC, TCA_STATS2):
forking ``tc -s qdisc`` every 2 ms would cost more CPU than the link it watches, and pyroute2, which would do
the parsing, is not a dependency; the two attributes read here are a few lines of ``struct``. Its samples are
read when the block ends."""

from __future__ import annotations

import ast
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from tests.lab.delay import realtime_prefix

_POLLER = r"""
import signal, socket, struct, sys, time
ifindex = socket.if_nametoindex(sys.argv[1])
stop = False
def _stop(*_):
    global stop
    stop = True
signal.signal(signal.SIGTERM, _stop)
RTM_NEWQDISC, RTM_GETQDISC, NLMSG_DONE, NLMSG_ERROR = 36, 38, 3, 2
TCA_STATS2, TCA_STATS_BASIC, TCA_STATS_QUEUE, TC_H_ROOT = 7, 1, 3, 0xFFFFFFFF
nl = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 0)
nl.bind((0, 0))
def attrs(data):
    while len(data) >= 4:
        length, kind = struct.unpack_from("=HH", data)
        if length < 4:
            return
        yield kind & 0x7FFF, data[4:length]
        data = data[(length + 3) & ~3:]
def root_qdisc(seq):
    tcm = struct.pack("=BxxxiIII", 0, ifindex, 0, 0, 0)
    nl.send(struct.pack("=IHHII", 16 + len(tcm), RTM_GETQDISC, 0x301, seq, 0) + tcm)
    found = None
    while True:
        buf = nl.recv(1 << 16)
        while len(buf) >= 16:
            length, kind, _, _, _ = struct.unpack_from("=IHHII", buf)
            body = buf[16:length]
            if kind in (NLMSG_DONE, NLMSG_ERROR):
                return found
            if kind == RTM_NEWQDISC:
                _, index, _, parent, _ = struct.unpack_from("=BxxxiIII", body)
                if index == ifindex and parent == TC_H_ROOT:
                    sent = qlen = 0
                    for a, value in attrs(body[20:]):
                        if a == TCA_STATS2:
                            for b, stat in attrs(value):
                                if b == TCA_STATS_BASIC:
                                    sent = struct.unpack_from("=Q", stat)[0]
                                elif b == TCA_STATS_QUEUE:
                                    qlen = struct.unpack_from("=I", stat)[0]
                    found = (sent, qlen)
            buf = buf[(length + 3) & ~3:]
samples = []
seq = 0
print("ready", flush=True)
while not stop:
    seq += 1
    q = root_qdisc(seq)
    if q is not None:
        samples.append((time.monotonic(), q[0], q[1]))
    time.sleep(0.002)
sys.stdout.write(repr(samples) + "\n")
sys.stdout.flush()
"""


@dataclass(frozen=True)
class LinkJudgement:
    """What the link did in its active stretch (the first to the last sample in which tbf held packets):
    its rate over the stretch and while it held a backlog (Mbit/s, frames as tbf counts them; None without a
    stretch), and the share of the stretch's samples with a backlog."""

    active_rate_mbps: float | None
    backlogged_rate_mbps: float | None
    backlog_share: float

    def disturbed(self, nominal_mbit: float) -> bool:
        """The link forwarded less than 95 % of its rate in this run: it lost tokens while it had packets (a
        busy machine delayed tbf), or was not kept full from upstream."""
        return self.active_rate_mbps is not None and self.active_rate_mbps < 0.95 * nominal_mbit


@dataclass
class LinkReading:
    """The samples of one metered block: (monotonic s, bytes tbf sent, packets tbf held), every ~2 ms."""

    samples: list[tuple[float, int, int]] = field(default_factory=list)
    cpu_pressure: float | None = None
    """Share of the block's wall time in which some runnable task on this machine waited for a CPU
    (/proc/pressure/cpu, "some"); None where the kernel has no PSI."""

    def judge(self) -> LinkJudgement:
        """The backlogged rate sums the intervals that start and end with a backlog (tbf sent as fast as its
        tokens let it throughout, bar a moment it emptied unseen)."""
        held = [i for i, (_, _, qlen) in enumerate(self.samples) if qlen > 0]
        if len(held) < 2:
            return LinkJudgement(None, None, 0.0)
        stretch = self.samples[held[0] : held[-1] + 1]
        sent = seconds = 0.0
        for (t0, b0, q0), (t1, b1, q1) in zip(stretch, stretch[1:], strict=False):
            if q0 > 0 and q1 > 0:
                sent += b1 - b0
                seconds += t1 - t0
        (first_t, first_b, _), (last_t, last_b, _) = stretch[0], stretch[-1]
        span = last_t - first_t
        active = (last_b - first_b) * 8 / span / 1e6 if span >= 0.02 else None
        backlogged = sent * 8 / seconds / 1e6 if seconds >= 0.02 else None
        return LinkJudgement(active, backlogged, len(held) / len(stretch))


@contextmanager
def meter(namespace: str, ifname: str) -> Iterator[LinkReading]:
    """Sample ``ifname`` in ``namespace`` for the duration of the block; the reading is filled when it ends."""
    reading = LinkReading()
    pressure_from = _cpu_stall_us(), time.monotonic()
    proc = subprocess.Popen(
        ["ip", "netns", "exec", namespace, *realtime_prefix(), sys.executable, "-c", _POLLER, ifname],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        proc.stdout.readline()  # "ready": the first sample is taken before the block starts
        yield reading
        time.sleep(0.05)
    finally:
        proc.send_signal(signal.SIGTERM)
        out, _ = proc.communicate(timeout=10)
    stalled_us = _cpu_stall_us()
    if stalled_us is not None and pressure_from[0] is not None:
        reading.cpu_pressure = (stalled_us - pressure_from[0]) / 1e6 / (time.monotonic() - pressure_from[1])
    data = ast.literal_eval(out.strip().splitlines()[-1])
    reading.samples = [(float(t), int(b), int(q)) for t, b, q in data]


def _cpu_stall_us() -> int | None:
    """The "some" total of /proc/pressure/cpu: microseconds in which some task waited for a CPU."""
    try:
        with open("/proc/pressure/cpu") as f:
            first = f.readline().split()
    except OSError:
        return None
    totals = [word for word in first if word.startswith("total=")]
    return int(totals[0].removeprefix("total=")) if totals else None
