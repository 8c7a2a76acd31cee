"""Path characterisation logic (pure): RTT/jitter/loss statistics, the path-MTU search state machine,
black-hole localisation, and the transfer-time estimate with the Mathis bound for one TCP stream.

No I/O here: the probe (``aspdiag.probes.path``) sends what :class:`MtuSearch` asks for and feeds back the
answers, so the search is tested from recorded replies.

Sizes are IP packet sizes in bytes (headers included), as "MTU" means on a link; the UDP payload that fits
is the size minus 28 bytes (IPv4 + UDP headers) or 48 bytes (IPv6 + UDP).
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field

IPV4_UDP_OVERHEAD = 28
IPV6_UDP_OVERHEAD = 48
MIN_MTU_V4 = 576  # every IPv4 host must accept datagrams this large (RFC 791)
MIN_MTU_V6 = 1280  # IPv6 minimum link MTU (RFC 8200)

# Kinds of answer to one sized datagram.
REACHED = "reached"  # the target answered (ICMP port unreachable, or the service replied)
TOO_BIG = "too-big"  # ICMP fragmentation needed / ICMPv6 packet too big, with the next-hop MTU
TIME_EXCEEDED = "time-exceeded"  # a router on the way (TTL-limited probes only)
UNREACHABLE = "unreachable"  # another ICMP error (administratively prohibited, ...)
SILENT = "silent"  # nothing came back within the wait
LOCAL_TOO_BIG = "local-too-big"  # our own interface cannot send it (EMSGSIZE)


@dataclass(frozen=True)
class DatagramAnswer:
    """What came back for one datagram of ``size_bytes`` sent with ``ttl``."""

    size_bytes: int
    ttl: int
    kind: str
    responder: str | None = None
    mtu_bytes: int | None = None
    """The next-hop MTU an ICMP too-big message reported."""
    rtt_ms: float | None = None


@dataclass(frozen=True)
class RttStats:
    """RTT statistics of one series; loss counts probes that got no answer at all."""

    samples: int
    answered: int
    rtt_min_ms: float | None
    rtt_median_ms: float | None
    rtt_p95_ms: float | None
    jitter_ms: float | None
    """Mean absolute difference between consecutive RTTs (RFC 3550's idea, without its smoothing)."""
    loss_pct: float


def rtt_stats(samples_ms: Sequence[float | None]) -> RttStats:
    """Statistics of a series where None is a probe that got no answer."""
    got = [s for s in samples_ms if s is not None]
    loss = round(100.0 * (len(samples_ms) - len(got)) / len(samples_ms), 2) if samples_ms else 0.0
    if not got:
        return RttStats(len(samples_ms), 0, None, None, None, None, loss)
    ordered = sorted(got)
    p95 = ordered[min(len(ordered) - 1, math.ceil(0.95 * len(ordered)) - 1)]
    jitter = statistics.fmean(abs(b - a) for a, b in zip(got, got[1:], strict=False)) if len(got) > 1 else 0.0
    return RttStats(
        samples=len(samples_ms),
        answered=len(got),
        rtt_min_ms=round(ordered[0], 3),
        rtt_median_ms=round(statistics.median(ordered), 3),
        rtt_p95_ms=round(p95, 3),
        jitter_ms=round(jitter, 3),
        loss_pct=loss,
    )


@dataclass(frozen=True)
class MtuFinding:
    """The outcome of a path-MTU search toward one UDP port."""

    status: str
    """ok | cannot-tell"""
    path_mtu_bytes: int | None
    local_mtu_bytes: int
    icmp_mtu_bytes: int | None
    """The smallest next-hop MTU an ICMP too-big message reported, if any."""
    icmp_from: str | None
    black_hole: bool
    """Datagrams larger than the path MTU vanished with no ICMP too-big: ascp cannot learn the MTU itself."""
    smallest_lost_bytes: int | None
    probes: int
    detail: str
    nothing_answered_bytes: int | None = None
    """The search's smallest size (the protocol's minimum MTU) never got an answer, even after pauses."""


RATE_LIMIT_PAUSE_S = 1.1
"""Linux targets answer about one ICMP error per second per peer after a burst of six: wait that long."""
VERIFY_PROBES = 2


@dataclass
class MtuSearch:
    """Binary search for the largest datagram that reaches the target, learning from ICMP too-big.

    Start by confirming that a minimum-size datagram reaches the target (else: cannot tell). Then try the
    local MTU; a too-big answer sets the upper bound to the reported MTU (tried next); a size that stays
    silent ``retries`` times is lost. A loss is trusted only when the known-good size, asked again right
    after, still gets through: otherwise the silence was loss or ICMP rate limiting, and the size is
    asked again (at most ``max_confirm_failures`` times).
    """

    local_mtu: int
    floor: int
    retries: int = 2
    max_probes: int = 60
    max_confirm_failures: int = 6
    lo: int = 0
    hi: int = 0
    probes: int = 0
    icmp_mtu: int | None = None
    icmp_from: str | None = None
    lost: set[int] = field(default_factory=set)
    _pending: int | None = None
    _silent_count: int = 0
    _confirming: int | None = None  # the size whose loss is being confirmed
    _confirm_failures: int = 0
    _failed: str | None = None
    nothing_answered: int | None = None
    """Set when not even the smallest size got an answer (see ``MtuFinding.nothing_answered_bytes``)."""
    _tried_top: bool = False
    rate_limited: bool = False
    """Evidence of ICMP rate limiting was seen (a size taken for lost got through when asked again)."""
    _verifying: bool = False
    _verified: int = 0
    _paced: bool = False
    pause_s: float = 0.0
    """How long to wait before sending the next size: after even the known-good size went unanswered
    (ICMP rate limiting: Linux refills about one answer per second), give the target time to recover."""

    def __post_init__(self) -> None:
        self.floor = min(self.floor, self.local_mtu)
        self.hi = self.local_mtu

    def next_size(self) -> int | None:
        """The next size to send, or None when the search is over. Wait ``pause_s`` before sending it."""
        if self._failed is not None or self.probes >= self.max_probes:
            return None
        self.pause_s = RATE_LIMIT_PAUSE_S if self._paced else 0.0
        if self._pending is not None:
            return self._pending
        if self._confirming is not None:
            size = self.lo
        elif self.lo == 0:
            size = self.floor
        elif self.lo >= self.hi and self.lo + 1 in self.lost and self._verified < VERIFY_PROBES:
            # The boundary rests on a "lost" size. Ask it again after a pause: if silence had been ICMP rate
            # limiting (the target answers about once a second after a burst), the answer comes now.
            size = self.lo + 1
            self._verifying = True
            self.pause_s = RATE_LIMIT_PAUSE_S
        elif self.lo >= self.hi:
            return None
        elif not self._tried_top:
            size = self.hi  # first the local MTU, or the MTU an ICMP too-big just reported
            self._tried_top = True
        else:
            size = (self.lo + self.hi + 1) // 2
        self._pending = size
        return size

    def feed(self, answer: DatagramAnswer) -> None:
        """The answer to the size last returned by :meth:`next_size`."""
        size = answer.size_bytes
        self.probes += 1
        self._pending = None
        self.pause_s = 0.0
        if self._verifying:
            self._verifying = False
            self._pending = None
            if answer.kind == REACHED:
                # A size taken for lost got through: earlier silences were rate limiting, not a black hole.
                # Forget every loss, keep what passed, and search on with a pause before each probe.
                self.lo = size
                self.hi = min(self.local_mtu, self.icmp_mtu or self.local_mtu)
                self.lost.clear()
                self._paced, self._tried_top, self._verified = True, False, 0
                self.rate_limited = True
                if self.lo >= self.hi:
                    self.hi = self.lo
            else:
                self._verified += 1
            return
        if self._confirming is not None:
            if answer.kind == REACHED:
                self.lost.add(self._confirming)  # the small one passes, the big one does not: really lost
                self.hi = min(self.hi, self._confirming - 1)
                self._confirm_failures = 0
            else:
                self._confirm_failures += 1  # even the known-good size vanished: loss or rate limiting
                self.rate_limited = self._paced = True
                if self._confirm_failures >= self.max_confirm_failures:
                    self._failed = "answers stopped coming even for the size that had passed (loss or ICMP rate limit)"
                else:
                    # Its silence proves nothing either: ask that size again, after the pause. Searching on
                    # below it instead cost a target whose ICMP tokens the port probes had spent a paced
                    # binary search, about 12 s for a path that carries full-size datagrams.
                    self._pending = self._confirming
            self._confirming = None
            self._silent_count = 0
            return
        if answer.kind == REACHED:
            self.lo = max(self.lo, size)
            self._silent_count = 0
            if self.lo > self.hi:
                self.hi = self.lo
            return
        if answer.kind == TOO_BIG:
            self._silent_count = 0
            reported = answer.mtu_bytes if answer.mtu_bytes and answer.mtu_bytes < size else None
            if reported is not None and (self.icmp_mtu is None or reported < self.icmp_mtu):
                self.icmp_mtu, self.icmp_from = reported, answer.responder
            self.hi = min(self.hi, reported if reported is not None else size - 1)
            self._tried_top = reported is None  # try the reported MTU itself next
            if self.lo == 0:
                self.floor = min(self.floor, self.hi)
            return
        if answer.kind == LOCAL_TOO_BIG:
            self.hi = min(self.hi, size - 1)
            self._silent_count = 0
            return
        if answer.kind == UNREACHABLE:
            self._failed = f"an ICMP error other than too-big came back for {size} bytes (from {answer.responder})"
            return
        # silent
        self._silent_count += 1
        # Paced, every probe follows a pause long enough for the target's ICMP token to come back, so one
        # silence is as telling as two unpaced ones (the loss is still confirmed with the known-good size).
        if self._silent_count < (1 if self._paced else self.retries):
            self._pending = size  # ask the same size again
            return
        if self.lo == 0:
            self._failed = f"not even a {size}-byte datagram got an answer from the target"
            self.nothing_answered = size
            return
        self._confirming = size

    def _cannot_tell(self, detail: str) -> MtuFinding:
        return MtuFinding(
            "cannot-tell",
            None,
            self.local_mtu,
            self.icmp_mtu,
            self.icmp_from,
            False,
            None,
            self.probes,
            detail,
            self.nothing_answered,
        )

    def result(self) -> MtuFinding:
        """What the search found (call when :meth:`next_size` returns None)."""
        if self._failed is not None or self.lo == 0:
            return self._cannot_tell(self._failed or "the search stopped before any datagram got through")
        if self.lo < self.hi:
            return self._cannot_tell(f"probe budget used up between {self.lo} and {self.hi} bytes")
        lost_above = sorted(s for s in self.lost if s > self.lo)
        # A black hole: something larger than the path MTU vanished, and no ICMP told us the limit.
        black_hole = bool(lost_above) and (self.icmp_mtu is None or self.icmp_mtu > self.lo)
        if black_hole:
            detail = f"datagrams of {lost_above[0]} bytes and more vanish with no ICMP too-big; {self.lo} pass"
        elif self.icmp_mtu is not None:
            detail = f"ICMP too-big from {self.icmp_from} reported MTU {self.icmp_mtu}"
        elif self.lo >= self.local_mtu:
            detail = f"full-size datagrams ({self.local_mtu} bytes, the local interface MTU) reach the target"
        else:
            detail = f"largest datagram that reaches the target: {self.lo} bytes"
        return MtuFinding(
            "ok",
            self.lo,
            self.local_mtu,
            self.icmp_mtu,
            self.icmp_from,
            black_hole,
            lost_above[0] if lost_above else None,
            self.probes,
            detail,
        )


@dataclass(frozen=True)
class HoleLocation:
    """Where large datagrams stop: after hop ``last_hop`` and at or before hop ``first_silent_hop``."""

    last_hop: int
    last_hop_address: str | None
    first_silent_hop: int
    next_hop_address: str | None
    """Who answers a small datagram at that hop (the router that drops the large ones, or the one before it)."""


def locate_black_hole(big: Sequence[DatagramAnswer], small: Sequence[DatagramAnswer]) -> HoleLocation | None:
    """From TTL-limited large and small datagrams (same TTLs, ascending): the first hop where a small one
    still gets an answer and a large one does not. None when no such hop (e.g. the hops do not answer)."""
    small_by_ttl = {a.ttl: a for a in small}
    last_hop, last_address = 0, None
    for answer in sorted(big, key=lambda a: a.ttl):
        twin = small_by_ttl.get(answer.ttl)
        if answer.kind in (TIME_EXCEEDED, REACHED):
            last_hop, last_address = answer.ttl, answer.responder
            continue
        if answer.kind == SILENT and twin is not None and twin.kind in (TIME_EXCEEDED, REACHED):
            return HoleLocation(last_hop, last_address, answer.ttl, twin.responder)
        if answer.kind == SILENT:
            continue
        break
    return None


def fasp_payload_bytes(path_mtu_bytes: int, ipv6: bool) -> int:
    """The largest UDP payload (a FASP datagram) that fits in one packet on this path."""
    return path_mtu_bytes - (IPV6_UDP_OVERHEAD if ipv6 else IPV4_UDP_OVERHEAD)


MATHIS_C = math.sqrt(1.5)  # the constant of Mathis et al. (1997) for periodic loss with delayed ACKs off
TCP_MSS_BYTES = 1460


def mathis_mbps(rtt_ms: float, loss_fraction: float, mss_bytes: int = TCP_MSS_BYTES) -> float | None:
    """Upper bound for one TCP stream, Mbit/s: MSS/RTT * C/sqrt(p). None when RTT or loss is zero/unknown."""
    if rtt_ms <= 0 or loss_fraction <= 0:
        return None
    return mss_bytes * 8 / (rtt_ms / 1000.0) * MATHIS_C / math.sqrt(loss_fraction) / 1e6


ASSUMED_LOSS = 1e-4
"""The loss put into the Mathis bound when none was seen: 0.01 %, a common figure for a long shared path.
(With n lossless probes the rule of three only says p < 3/n, far too loose to be useful for small n.)"""
DEFAULT_TCP_WINDOW_BYTES = 6 * 1024 * 1024
"""Linux's default largest TCP receive buffer (net.ipv4.tcp_rmem max): one stream never exceeds window/RTT."""


def loss_for_estimate(loss_pct: float, samples: int) -> tuple[float, str]:
    """The loss fraction to put into the Mathis bound, and how it was chosen."""
    if loss_pct > 0:
        return loss_pct / 100.0, f"measured loss {loss_pct:g}% ({samples} probes)"
    n = max(samples, 1)
    return ASSUMED_LOSS, f"no loss seen in {n} probes (only p < {3 / n:.2g} is known); 0.01% assumed"


def tcp_stream_mbps(rtt_ms: float, loss_fraction: float, window_bytes: int = DEFAULT_TCP_WINDOW_BYTES) -> float | None:
    """One TCP stream: the smaller of the Mathis bound and the window limit (window / RTT)."""
    mathis = mathis_mbps(rtt_ms, loss_fraction)
    if mathis is None:
        return None
    return min(mathis, window_bytes * 8 / (rtt_ms / 1000.0) / 1e6)


def duration_s(size_bytes: int, rate_mbps: float | None) -> float | None:
    """Seconds to move ``size_bytes`` at ``rate_mbps`` (None when the rate is unknown or zero)."""
    if not rate_mbps or rate_mbps <= 0:
        return None
    return size_bytes * 8 / (rate_mbps * 1e6)
