"""Single-ended capacity estimation: the pure part (no sockets), from recorded packet trains.

A train is a run of equal-sized packets sent at a fixed pace toward a target that answers each one with
a small packet (a TCP reset, or an ICMP port-unreachable). Answers carry kernel receive timestamps. For
each answered packet the *queueing delay* is its round-trip time minus the smallest round-trip time of
the train. While the path keeps up with the pace the delay stays flat; once a bottleneck slower than the
pace is busy (a link, or a token bucket that has run dry) its queue grows and so does the delay.

- **Sustained rate**: while the bottleneck's queue is busy and still growing (nothing tail-dropped yet), it
  sends exactly its rate. Between two answered packets i < j of that stretch, every packet *sent* with a
  sequence number in (i, j] went through it, answered or not: rate = bytes sent in (i, j] / (a_j - a_i).
  Counting by sequence number makes the estimate immune to lost or rate-limited answers.
- **Burst rate** and **token-bucket depth**: what went through before the queue started to grow. The knee
  is found by fitting the growing delays (slope = pace/rate - 1) back to zero; the burst rate is the pace
  before it. The bucket comes from the token account of the first queued packets: each left when the
  bucket plus what the rate added since the train began covered every byte sent up to it. A bucket of more than a few
  packets means a shaper: a long transfer gets the sustained rate, not the first seconds' rate.
- **No queue**: the path kept up with the pace; it carries at least the rate that got through for a burst of
  the train's size (``lower-bound``). A token bucket deeper than the train looks the same, so this bounds a
  burst only: it never serves as a lower bound for a long transfer.
- **Answers missing without any queueing**: the answers were withheld, not delayed. With ICMP that is the
  target's ICMP rate limit (Linux: about 1000 per second, and per peer one per second after a burst of 6),
  so nothing can be said about capacity; with TCP resets (never rate-limited by Linux) it is a policer
  that drops instead of queueing: its rate is what got through.

Published single-ended estimators (CapProbe-class) reach about ±10 % (network-facts §4.3); the accuracy
of this one against tc tbf is in the README's benchmark table.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass, replace

from aspdiag.core.units import size_text
from aspdiag.measurements.capacity.result import ShaperState

DEFAULT_MAX_BYTES = 4_000_000
"""Probe traffic per address (IP bytes), all trains together."""
DEFAULT_MAX_TIME_S = 3.0
"""Wall-clock budget per address, waiting for the last answers included."""
NO_ANSWER_GIVE_UP_PACKETS = 300
"""Stop early when this many packets have gone out and none has been answered."""
MIN_FLOOR_NS = 300_000
"""Smallest queueing delay that counts as queueing (0.3 ms): timestamp noise and scheduling stay below."""
SHAPER_MIN_PACKETS = 3.0
"""A bucket deeper than this many packets is a shaper, not just a link's own queue."""
SHAPER_RATIO = 1.25
"""... and only when the first packets went through this much faster than the sustained rate."""
RATE_LIMIT_ANSWERED = 0.8
"""Fewer answers than this fraction, with no queueing at all: the answers were withheld."""
STALL_MIN_NS = 2_000_000
"""A gap between two sends longer than this (and than ``STALL_INTERVALS`` pacing intervals) is a stall of our
own sender (no CPU, a page fault): a token bucket refills and a queue drains meanwhile, so the shaper
cannot be judged from that train."""
STALL_INTERVALS = 8
STRETCH_SETTLE = 3
"""The queued stretch starts at a delay above the noise floor only when this many following ones are too."""


@dataclass(frozen=True)
class TrainPacket:
    """One probe packet: when it was sent and when (if ever) its answer arrived (ns, same clock)."""

    seq: int
    sent_ns: int
    ip_bytes: int
    answered_ns: int | None = None


@dataclass(frozen=True)
class TrainAnalysis:
    """What one train says; rates in Mbit/s of IP bytes."""

    status: str
    """ok | lower-bound | rate-limited | no-answers"""
    sent_packets: int
    answered_packets: int
    probe_bytes: int
    pace_mbps: float
    """The rate the packets actually left at (bytes sent / sending time)."""
    base_rtt_ms: float | None = None
    burst_mbps: float | None = None
    sustained_mbps: float | None = None
    sustained_is_lower_bound: bool = False
    burst_bytes: int | None = None
    shaper_suspected: bool = False
    rate_limited: bool = False
    policer: bool = False
    queued_samples: int = 0
    """Answered packets the sustained rate rests on."""
    spread: float | None = None
    """Relative spread of the sustained rate over the quarters of its stretch (0.02 = 2 %)."""
    confidence: str = "none"
    detail: str = ""
    shaper: ShaperState = ShaperState.NOT_MEASURABLE
    """What the train says about a shaper; ``shaper_suspected`` is true exactly when it is SUSPECTED."""
    longest_stall_ms: float = 0.0
    """The longest stall of our own sender (0: none), see ``sender_stalls``."""


def sender_stalls(packets: Sequence[TrainPacket]) -> list[tuple[int, int]]:
    """(index of the packet sent after the gap, gap ns) for every stall of our own sender: a gap between two
    sends of more than ``STALL_MIN_NS`` and ``STALL_INTERVALS`` times the train's usual interval (the median
    gap, which follows the pace)."""
    gaps = [(i, b.sent_ns - a.sent_ns) for i, (a, b) in enumerate(zip(packets, packets[1:], strict=False), 1)]
    if len(gaps) < 3:
        return []
    usual = statistics.median(g for _, g in gaps)
    return [(i, g) for i, g in gaps if g > max(STALL_MIN_NS, STALL_INTERVALS * usual)]


def _judge_stalls(
    packets: Sequence[TrainPacket], analysis: TrainAnalysis, judged_until: int, measured_until: int
) -> TrainAnalysis:
    """A shaper verdict the train could not see is NOT_MEASURABLE, never 'not seen': our sender stalled before
    packet ``judged_until`` (the bucket refilled and the queue drained while the burst and the knee were
    being read), or the answers say nothing about a burst. A stall later, up to ``measured_until`` (the end
    of the stretch the sustained rate comes from), lowers the confidence: the queue may have run empty."""
    stalls = sender_stalls(packets)
    longest = max((g for _, g in stalls), default=0)
    analysis = replace(analysis, longest_stall_ms=round(longest / 1e6, 3))
    if analysis.status != "ok":
        return replace(analysis, shaper=ShaperState.NOT_MEASURABLE, shaper_suspected=False)
    early = [g for i, g in stalls if i <= judged_until]
    later = [g for i, g in stalls if judged_until < i <= measured_until]
    if later or early:
        analysis = replace(analysis, confidence="low")
    if early:
        return replace(
            analysis,
            shaper=ShaperState.NOT_MEASURABLE,
            shaper_suspected=False,
            burst_mbps=None,
            burst_bytes=None,
            detail=analysis.detail + f"; our sender stalled for {max(early) / 1e6:.1f} ms before the queue built up,"
            " so whether a shaper is there cannot be told from this train",
        )
    if later:
        analysis = replace(
            analysis, detail=analysis.detail + f"; our sender stalled for {max(later) / 1e6:.1f} ms meanwhile"
        )
    return replace(analysis, shaper=ShaperState.SUSPECTED if analysis.shaper_suspected else ShaperState.NOT_SEEN)


def mbps(ip_bytes: float, seconds: float) -> float:
    """Mbit/s of ``ip_bytes`` over ``seconds``."""
    return ip_bytes * 8 / seconds / 1e6


def pace_mbps(packets: Sequence[TrainPacket]) -> float:
    """The rate the train actually left at: bytes after the first packet over the sending time."""
    if len(packets) < 2:
        return 0.0
    span_ns = packets[-1].sent_ns - packets[0].sent_ns
    if span_ns <= 0:
        return 0.0
    return mbps(sum(p.ip_bytes for p in packets[1:]), span_ns / 1e9)


def _answered(packets: Sequence[TrainPacket]) -> list[TrainPacket]:
    return [p for p in packets if p.answered_ns is not None]


def queue_delays(packets: Sequence[TrainPacket]) -> list[tuple[int, int]]:
    """(index into ``packets``, queueing delay ns) for every answered packet."""
    rtts = [(i, p.answered_ns - p.sent_ns) for i, p in enumerate(packets) if p.answered_ns is not None]
    if not rtts:
        return []
    base = min(r for _, r in rtts)
    return [(i, r - base) for i, r in rtts]


def noise_floor_ns(delays: Sequence[tuple[int, int]]) -> int:
    """Delay below which nothing is called queueing: 3x the spread of the five lowest delays, at least 0.3 ms,
    at most a quarter of the largest delay (on a path queued from the first packet, the lowest delays are
    already the queue growing, not noise)."""
    ordered = sorted(d for _, d in delays)
    lowest = ordered[:5]
    spread = lowest[-1] - lowest[0] if lowest else 0
    cap = ordered[-1] // 4 if ordered else 0
    return max(MIN_FLOOR_NS, min(3 * spread, cap))


def queued_stretch(delays: Sequence[tuple[int, int]], floor_ns: int) -> tuple[int, int] | None:
    """Positions (into ``delays``) of the first and last sample of the stretch where the bottleneck's queue is
    busy and still growing: from the first delay above the floor that stays above it, up to just before the
    delay stops growing (a full queue tail-drops, and then sequence numbers over-count).

    "Stays above" means the next ``STRETCH_SETTLE`` delays too: a lone slow answer followed by quick ones is
    not a queue. The first packet of a train is often one (a neighbour lookup, a cold cache on the way):
    read as the queue's start, it put a dozen unqueued packets into the stretch (spread 18 %, no shaper seen,
    in about one lab run in four)."""
    n = len(delays)
    start = None
    for k in range(n):
        rest = delays[k:]
        above = sum(1 for _, d in rest if d > floor_ns)
        settled = all(d > floor_ns for _, d in delays[k + 1 : k + 1 + STRETCH_SETTLE])
        if delays[k][1] > floor_ns and settled and above >= 0.8 * len(rest):
            start = k
            break
    if start is None or n - start < 2:
        return None
    peak = max(d for _, d in delays[start:])
    # Where the delay first comes within 2 % of its peak, the queue is full (or the train ended); the
    # stretch ends just before, as packets just before that one may already have been tail-dropped.
    plateau = next((k for k in range(start, n) if delays[k][1] >= peak - max(MIN_FLOOR_NS, peak // 50)), n - 1)
    end = max(plateau - 1, start + 1) if plateau < n - 1 else plateau
    if end >= n:
        return None
    return start, end


def sequence_rate_mbps(packets: Sequence[TrainPacket], first: int, last: int) -> float | None:
    """Rate through a busy bottleneck between answered packets ``first`` < ``last`` (indices into
    ``packets``): every packet sent in between counts, answered or not."""
    a_first = packets[first].answered_ns
    a_last = packets[last].answered_ns
    if a_first is None or a_last is None or a_last <= a_first:
        return None
    return mbps(sum(p.ip_bytes for p in packets[first + 1 : last + 1]), (a_last - a_first) / 1e9)


def _quarter_spread(packets: Sequence[TrainPacket], positions: Sequence[int]) -> float | None:
    """Relative spread (max-min over median) of the rate measured over each quarter of the stretch."""
    if len(positions) < 9:
        return None
    rates = []
    step = (len(positions) - 1) / 4
    for q in range(4):
        a, b = positions[round(q * step)], positions[round((q + 1) * step)]
        rate = sequence_rate_mbps(packets, a, b)
        if rate is None:
            return None
        rates.append(rate)
    middle = statistics.median(rates)
    return (max(rates) - min(rates)) / middle if middle > 0 else None


def _knee_ns(packets: Sequence[TrainPacket], delays: Sequence[tuple[int, int]], start: int, end: int) -> int:
    """Send time at which the queue started to grow: the first growing delays fitted back to zero (only the
    first: the monitor slows the pace later on, which changes the slope)."""
    xs = [packets[i].sent_ns for i, _ in delays[start : min(end, start + 15) + 1]]
    ys = [d for _, d in delays[start : min(end, start + 15) + 1]]
    if len(xs) >= 3 and xs[-1] > xs[0]:
        slope, intercept = statistics.linear_regression(xs, ys)
        if slope > 0:
            return min(xs[0], max(packets[0].sent_ns, round(-intercept / slope)))
    return packets[delays[start][0]].sent_ns


def _bucket_bytes(
    packets: Sequence[TrainPacket], delays: Sequence[tuple[int, int]], start: int, end: int, rate_mbps: float
) -> float:
    """Token-bucket depth from the token account of each of the first growing delays: a packet waiting on
    tokens leaves when the bucket (full when the train began) plus what the rate added since then just
    covers every byte up to it, so depth = bytes sent up to packet k - rate x (its send time + its queueing
    delay - the first send). The median over those packets.

    (Not from the knee's send time alone: when our pacer sent a few packets back to back right at the knee,
    the fitted knee fell before them and the depth read half of a 16 KB bucket.)"""
    bytes_per_ns = rate_mbps * 1e6 / 8 / 1e9
    first_ns = packets[0].sent_ns
    cumulative = [0]
    for p in packets:
        cumulative.append(cumulative[-1] + p.ip_bytes)
    depths = [
        cumulative[i + 1] - bytes_per_ns * (packets[i].sent_ns + d - first_ns)
        for i, d in delays[start : min(end, start + 15) + 1]
    ]
    return max(0.0, statistics.median(depths))


def _tokens_ran_out(packets: Sequence[TrainPacket], rate_mbps: float, bucket_bytes: float) -> int:
    """The index of the first packet the bucket could not cover: the bytes sent up to it exceed the bucket plus
    what the rate added since the train began. Consistent with the depth by construction; the knee fitted to
    the growing delays is not at high rates, where the queue grows by tens of microseconds a packet and its
    fit can fall before the first packet (a 16 KB bucket at 200 Mbit/s read 'queue grew after 0 packets',
    no shaper, in 2 of 4 lab runs)."""
    if bucket_bytes <= 0:
        return 0
    bytes_per_ns = rate_mbps * 1e6 / 8 / 1e9
    first_ns = packets[0].sent_ns
    sent = 0
    for index, p in enumerate(packets):
        sent += p.ip_bytes
        if sent - bytes_per_ns * (p.sent_ns - first_ns) > bucket_bytes:
            return index
    return len(packets)


def _knee_index(
    packets: Sequence[TrainPacket],
    delays: Sequence[tuple[int, int]],
    stretch: tuple[int, int],
    rate_mbps: float,
    bucket_bytes: float,
) -> int:
    """Packets sent before the queue began to grow: where the bucket's tokens ran out (see ``_tokens_ran_out``),
    or, with no bucket worth the name (under two packets), the knee fitted to the first growing delays. One
    answer for the burst rate and for the stall window, so that they never disagree."""
    covered = _tokens_ran_out(packets, rate_mbps, bucket_bytes)
    if covered >= 2:
        return covered
    knee = _knee_ns(packets, delays, *stretch)
    return sum(1 for p in packets if p.sent_ns < knee)


def confidence(samples: int, spread: float | None) -> str:
    """high: 50+ samples within 5 %; medium: 20+ within 15 %; low otherwise."""
    if spread is not None and samples >= 50 and spread <= 0.05:
        return "high"
    if spread is not None and samples >= 20 and spread <= 0.15:
        return "medium"
    return "low"


def analyse_train(packets: Sequence[TrainPacket], *, answers_are_icmp: bool) -> TrainAnalysis:
    """Read a recorded train (in sending order). ``answers_are_icmp``: answers that go missing without any
    queueing are then the target's ICMP rate limit, not a policer."""
    answered = _answered(packets)
    counts = TrainAnalysis(
        status="no-answers",
        sent_packets=len(packets),
        answered_packets=len(answered),
        probe_bytes=sum(p.ip_bytes for p in packets),
        pace_mbps=round(pace_mbps(packets), 3),
        detail=f"{len(answered)} of {len(packets)} probe packets answered",
    )
    if len(answered) < 2:
        # ICMP answers are only used toward a port the target answered 'closed' moments before: when nothing
        # comes back now, its ICMP rate limit is spent (the earlier stages' probes use the same budget).
        limited = answers_are_icmp
        note = "; the target answered ICMP moments before, so its ICMP rate limit is spent" if limited else ""
        return replace(
            counts,
            status="rate-limited" if limited else "no-answers",
            rate_limited=limited,
            detail=counts.detail + note,
        )
    delays = queue_delays(packets)
    base_rtt_ms = round(min(d for d in _rtts_ns(answered)) / 1e6, 3)
    counts = replace(counts, base_rtt_ms=base_rtt_ms)
    floor = noise_floor_ns(delays)
    stretch = queued_stretch(delays, floor)
    if stretch is not None:
        found = _queued(packets, delays, stretch, counts, answers_are_icmp)
        if found is not None:
            queued, knee_index = found
            # The knee is fitted to the first growing delays: a stall up to there changes what they look like.
            fitted = delays[min(stretch[1], stretch[0] + 15)][0]
            return _judge_stalls(packets, queued, max(knee_index + 20, fitted), delays[stretch[1]][0])
    if len(answered) / len(packets) < RATE_LIMIT_ANSWERED:
        if answers_are_icmp:
            return replace(
                counts,
                status="rate-limited",
                rate_limited=True,
                detail=(
                    f"only {len(answered)} of {len(packets)} probes answered, with no queueing delay up to "
                    f"{counts.pace_mbps:.0f} Mbit/s: the target rate-limits its ICMP answers, so they say "
                    "nothing about capacity"
                ),
            )
        first_loss = next((i for i, p in enumerate(packets) if p.answered_ns is None), len(packets))
        return _judge_stalls(packets, _policer(packets, answered, counts), first_loss + 20, len(packets))
    # The path kept up with the pace: it carries at least what got through — for a burst of this size. A token
    # bucket deeper than the train lets all of it through unqueued, so this bounds a burst, not a long
    # transfer (a held-out review: 40 Mbit/s with a 4 MB bucket read 'at least 100 Mbit/s', confidence high).
    first, last = answered[0], answered[-1]
    span_ns = _at(last) - _at(first)
    through = mbps(sum(p.ip_bytes for p in answered[1:]), span_ns / 1e9) if span_ns > 0 else counts.pace_mbps
    return replace(
        counts,
        status="lower-bound",
        sustained_mbps=round(min(through, counts.pace_mbps) if counts.pace_mbps > 0 else through, 3),
        sustained_is_lower_bound=True,
        queued_samples=len(answered),
        confidence="medium" if len(answered) / len(packets) >= 0.95 and len(answered) >= 100 else "low",
        detail=(
            f"no queue built up while {size_text(counts.probe_bytes)} went at {counts.pace_mbps:.0f} Mbit/s: the path"
            " carries at least that for a burst of that size; a token bucket deeper than that would also let it"
            " through, so a long transfer may get less (the bandwidth stream measures the sustained rate)"
        ),
    )


def _at(packet: TrainPacket) -> int:
    assert packet.answered_ns is not None
    return packet.answered_ns


def _rtts_ns(answered: Sequence[TrainPacket]) -> list[int]:
    return [_at(p) - p.sent_ns for p in answered]


def _queued(
    packets: Sequence[TrainPacket],
    delays: Sequence[tuple[int, int]],
    stretch: tuple[int, int],
    counts: TrainAnalysis,
    answers_are_icmp: bool,
) -> tuple[TrainAnalysis, int] | None:
    """The sustained rate from the stretch where the queue was busy, what went before it, and the index of the
    first packet that queued."""
    start, end = stretch
    positions = [i for i, _ in delays[start : end + 1]]
    sustained = sequence_rate_mbps(packets, positions[0], positions[-1])
    if sustained is None or sustained <= 0:
        return None
    spread = _quarter_spread(packets, positions)
    bucket = _bucket_bytes(packets, delays, start, end, sustained)
    knee_index = _knee_index(packets, delays, stretch, sustained, bucket)
    before = packets[:knee_index]
    burst = pace_mbps(before) if len(before) >= 2 else None
    shaper = (
        bucket >= SHAPER_MIN_PACKETS * packets[0].ip_bytes and burst is not None and burst >= SHAPER_RATIO * sustained
    )
    early_share = len(_answered(before)) / len(before) if before else 1.0
    detail = f"queue grew after {len(before)} packets; sustained rate from {len(positions)} answers"
    if spread is not None:
        detail += f" (spread {spread * 100:.1f} %)"
    limited = answers_are_icmp and early_share < RATE_LIMIT_ANSWERED
    if limited:
        detail += "; the target rate-limits ICMP (counting by sequence number keeps the rate right)"
    analysis = replace(
        counts,
        status="ok",
        burst_mbps=round(burst, 3) if burst is not None and shaper else None,
        sustained_mbps=round(sustained, 3),
        burst_bytes=round(bucket) if shaper else None,
        shaper_suspected=shaper,
        rate_limited=limited,
        queued_samples=len(positions),
        spread=None if spread is None else round(spread, 4),
        confidence=confidence(len(positions), spread),
        detail=detail,
    )
    return analysis, knee_index


def _policer(packets: Sequence[TrainPacket], answered: Sequence[TrainPacket], counts: TrainAnalysis) -> TrainAnalysis:
    """TCP answers missing with no queueing: something drops above a rate instead of queueing (a policer).
    What gets through after its first drop is its rate; what got through before, less that, its bucket."""
    first_loss = next((i for i, p in enumerate(packets) if p.answered_ns is None), len(packets))
    after = [p for p in packets[first_loss:] if p.answered_ns is not None]
    rate = None
    if len(after) >= 2 and _at(after[-1]) > _at(after[0]):
        rate = mbps(sum(p.ip_bytes for p in after[1:]), (_at(after[-1]) - _at(after[0])) / 1e9)
    before = packets[:first_loss]
    burst = pace_mbps(before) if len(before) >= 2 else None
    bucket = None
    if rate is not None and before:
        drained = rate * 1e6 / 8 * (before[-1].sent_ns - before[0].sent_ns) / 1e9
        bucket = max(0.0, sum(p.ip_bytes for p in before) - drained)
    shaper = bucket is not None and bucket >= SHAPER_MIN_PACKETS * packets[0].ip_bytes
    return replace(
        counts,
        status="ok" if rate is not None else "no-answers",
        burst_mbps=round(burst, 3) if burst is not None and shaper else None,
        sustained_mbps=None if rate is None else round(rate, 3),
        burst_bytes=None if bucket is None or not shaper else round(bucket),
        shaper_suspected=shaper,
        policer=True,
        queued_samples=len(after),
        confidence="low" if rate is None or len(after) < 100 else "medium",
        detail=(
            f"{len(packets) - len(answered)} of {len(packets)} probes dropped with no queueing delay: "
            "a policer (it drops instead of queueing); its rate is what got through"
        ),
    )


class TrainMonitor:
    """Steers a train while it is being sent (pure: fed with sends and answers as they happen).

    Once the queue is seen growing (``KNEE_IN_ROW`` answers in a row delayed by more than 3x the noise
    floor) and ``RETUNE_AFTER`` such answers give a first sustained rate, the pace drops to 1.5x that
    rate: the bottleneck's queue keeps growing (so the rate stays measurable) without flooding it. The
    train stops when ``ENOUGH_QUEUED`` queued answers are in, ``MAX_AFTER_KNEE`` packets after the knee,
    when nothing has been answered after ``NO_ANSWER_GIVE_UP_PACKETS``, or at the byte budget."""

    KNEE_IN_ROW = 8
    RETUNE_AFTER = 20
    ENOUGH_QUEUED = 120
    MAX_AFTER_KNEE = 800

    def __init__(self, pace_mbps: float, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.pace_mbps = pace_mbps
        self.max_bytes = max_bytes
        self.sent_bytes = 0
        self.sent_ns: list[int] = []
        """Send time of every packet, by index (the train's record of what went out)."""
        self.sizes: list[int] = []
        self.answers = 0
        self.min_rtt_ns: int | None = None
        self.in_row: list[tuple[int, int]] = []
        self.queued: list[tuple[int, int]] = []
        """(index, answer time) of answers since the knee."""
        self.knee_at_packet: int | None = None
        self.retuned = False

    def sent(self, index: int, sent_ns: int, ip_bytes: int) -> None:
        """Packet ``index`` went out at ``sent_ns``."""
        self.sent_bytes += ip_bytes
        self.sent_ns.append(sent_ns)
        self.sizes.append(ip_bytes)

    @property
    def sent_packets(self) -> int:
        """Packets sent so far."""
        return len(self.sent_ns)

    def answered(self, index: int, at_ns: int) -> None:
        """The answer to packet ``index`` arrived at ``at_ns``."""
        self.answers += 1
        rtt = at_ns - self.sent_ns[index]
        if self.min_rtt_ns is None or rtt < self.min_rtt_ns:
            self.min_rtt_ns = rtt
        if self.knee_at_packet is not None:
            self.queued.append((index, at_ns))
        elif rtt - self.min_rtt_ns > 3 * MIN_FLOOR_NS:
            self.in_row.append((index, at_ns))
            if len(self.in_row) >= self.KNEE_IN_ROW:
                self.knee_at_packet = self.sent_packets
                self.queued = list(self.in_row)
        else:
            self.in_row = []
        if not self.retuned and len(self.queued) >= self.RETUNE_AFTER:
            first, last = min(self.queued), max(self.queued)
            if last[1] > first[1]:
                rate = mbps(sum(self.sizes[first[0] + 1 : last[0] + 1]), (last[1] - first[1]) / 1e9)
                self.pace_mbps = min(self.pace_mbps, 1.5 * rate)
                self.retuned = True

    def may_send(self, ip_bytes: int) -> bool:
        """Whether the next packet of ``ip_bytes`` may go out."""
        if self.sent_bytes + ip_bytes > self.max_bytes:
            return False
        if self.answers == 0 and self.sent_packets >= NO_ANSWER_GIVE_UP_PACKETS:
            return False
        if self.knee_at_packet is None:
            return True
        return len(self.queued) < self.ENOUGH_QUEUED and self.sent_packets - self.knee_at_packet < self.MAX_AFTER_KNEE
