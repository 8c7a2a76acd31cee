"""Pacing of test streams and the receiver's statistics (loss, RFC 3550 jitter, reordering) (pure)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from aspdiag.tools.responder.protocol import MAX_TRACKED_PACKETS

# --------------------------------------------------------------------------- pacing and statistics


class Pacer:
    """When the datagrams of a paced stream are due: ``ready(now)`` says how many to send now.

    Datagram i is due at ``start + i * interval``. They go out in batches of ``batch`` (one UDP GSO
    send; a batch spans at most about ``BATCH_SPAN_S``, so the stream stays smooth at the rate of a
    shaper's token bucket). A sender that fell behind catches up (the average rate is what counts), but
    never sends more than the duration allows.
    """

    BATCH_SPAN_S = 250e-6
    MAX_BATCH = 44
    """44 datagrams of 1472 bytes fill one 64 KiB GSO send."""

    def __init__(self, rate_mbps: float, size: int, start: float, duration_s: float, *, max_batch: int = 0) -> None:
        self.interval_s = size * 8 / (rate_mbps * 1e6)
        self.start = start
        self.end = start + duration_s
        self.total = max(1, int(duration_s / self.interval_s))
        top = max_batch or min(self.MAX_BATCH, 65000 // size)
        self.batch = max(1, min(top, math.ceil(self.BATCH_SPAN_S / self.interval_s)))
        self.sent = 0

    def due(self, now: float) -> int:
        """How many datagrams are due at ``now`` and not yet sent."""
        if now < self.start:
            return 0
        # The epsilon keeps a datagram due exactly at ``now`` from slipping to the next call by rounding.
        allowed = min(self.total, int((now - self.start) / self.interval_s + 1e-9) + 1)
        return max(0, allowed - self.sent)

    def ready(self, now: float) -> int:
        """How many to send in one go now: 0 until a whole batch (or the rest of the stream) is due."""
        due = self.due(now)
        if due < min(self.batch, self.total - self.sent):
            return 0
        return min(due, self.batch)

    def next_at(self) -> float:
        """When the next batch is due."""
        return self.start + (self.sent + min(self.batch, max(1, self.total - self.sent)) - 1) * self.interval_s

    @property
    def done(self) -> bool:
        """Whether every datagram of the stream has been sent."""
        return self.sent >= self.total


@dataclass(frozen=True)
class StreamStats:
    """What the receiver of a test stream saw."""

    packets: int
    bytes: int
    expected: int
    lost: int
    loss_pct: float | None
    jitter_ms: float | None
    reordered: int
    duplicates: int
    interval_s: float
    rate_mbps: float | None

    def to_body(self) -> dict[str, Any]:
        """The fields an END_STATS reply carries."""
        return {
            "packets": self.packets,
            "bytes": self.bytes,
            "expected": self.expected,
            "lost": self.lost,
            "loss_pct": None if self.loss_pct is None else round(self.loss_pct, 4),
            "jitter_ms": None if self.jitter_ms is None else round(self.jitter_ms, 4),
            "reordered": self.reordered,
            "duplicates": self.duplicates,
            "interval_s": round(self.interval_s, 6),
            "rate_mbps": None if self.rate_mbps is None else round(self.rate_mbps, 4),
        }


class ReceiverStats:
    """Loss by sequence number, RFC 3550 jitter, reordering and rate for one received stream.

    Sequence numbers index a bitmap (so a duplicate is not counted as a second arrival); sequence numbers
    at or above ``max_packets`` (more than the granted test can hold) are ignored.
    """

    def __init__(self, max_packets: int) -> None:
        self.max_packets = min(max_packets, MAX_TRACKED_PACKETS)
        self._seen = bytearray(min(64 * 1024, (self.max_packets + 7) // 8))
        self.packets = 0
        self.bytes = 0
        self.highest = -1
        self.reordered = 0
        self.duplicates = 0
        self.jitter_ns = 0.0
        self._last_transit: int | None = None
        self.first_ns: int | None = None
        self.last_ns: int | None = None
        self.last_flag = False

    def add(self, seq: int, send_ns: int, arrival_ns: int, nbytes: int) -> None:
        """Record one arrival (in arrival order)."""
        if not 0 <= seq < self.max_packets:
            return
        index, bit = seq >> 3, 1 << (seq & 7)
        if index >= len(self._seen):  # grown on demand: a granted test need not cost its whole bitmap at once
            self._seen.extend(bytes(max(index + 1 - len(self._seen), len(self._seen))))
        if self._seen[index] & bit:
            self.duplicates += 1
            return
        self._seen[index] |= bit
        self.packets += 1
        self.bytes += nbytes
        if seq < self.highest:
            self.reordered += 1
        else:
            self.highest = seq
        transit = arrival_ns - send_ns
        if self._last_transit is not None:
            # RFC 3550 A.8 / RFC 1889: J += (|D| - J) / 16; the clocks' offset cancels in D.
            self.jitter_ns += (abs(transit - self._last_transit) - self.jitter_ns) / 16.0
        self._last_transit = transit
        if self.first_ns is None:
            self.first_ns = arrival_ns
        self.last_ns = arrival_ns

    def summary(self, sent: int | None = None) -> StreamStats:
        """Statistics so far; ``sent`` (the sender's count, when known) sets how many were expected."""
        expected = max(self.highest + 1, min(sent, self.max_packets) if sent is not None else 0)
        lost = max(0, expected - self.packets)
        interval_ns = (self.last_ns - self.first_ns) if self.first_ns is not None and self.last_ns else 0
        rate = None
        if self.packets >= 2 and interval_ns > 0:
            # n arrivals span n-1 gaps: count the bytes after the first arrival over the interval.
            rate = self.bytes * (self.packets - 1) / self.packets * 8 / (interval_ns / 1e9) / 1e6
        return StreamStats(
            packets=self.packets,
            bytes=self.bytes,
            expected=expected,
            lost=lost,
            loss_pct=100.0 * lost / expected if expected else None,
            jitter_ms=self.jitter_ns / 1e6 if self.packets >= 2 else None,
            reordered=self.reordered,
            duplicates=self.duplicates,
            interval_s=interval_ns / 1e9,
            rate_mbps=rate,
        )


def stats_from_body(body: Mapping[str, Any]) -> StreamStats | None:
    """The StreamStats an END_STATS reply carries (None when it carries none, e.g. for a down test)."""
    if not isinstance(body.get("packets"), int):
        return None

    def num(name: str) -> float | None:
        value = body.get(name)
        return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None

    def count(name: str) -> int:
        value = body.get(name)
        return value if isinstance(value, int) and not isinstance(value, bool) else 0

    return StreamStats(
        packets=count("packets"),
        bytes=count("bytes"),
        expected=count("expected"),
        lost=count("lost"),
        loss_pct=num("loss_pct"),
        jitter_ms=num("jitter_ms"),
        reordered=count("reordered"),
        duplicates=count("duplicates"),
        interval_s=num("interval_s") or 0.0,
        rate_mbps=num("rate_mbps"),
    )
