"""Result type of the single-ended capacity estimate (paced packet trains)."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from aspdiag.core.codec import Address


class ShaperState(enum.Enum):
    """What a train says about a token-bucket shaper on the path."""

    SUSPECTED = "suspected"
    """The first packets went through faster than the sustained rate, more than a link's own queue holds."""
    NOT_SEEN = "not seen"
    """The queue built up from the first packets on without a burst: no shaper below the probe's pace."""
    NOT_MEASURABLE = "not measurable"
    """The train could not show it: our own sender stalled before the queue built up (the bucket refilled
    meanwhile), the path kept up with the probe's pace, or the answers were missing."""


@dataclass(frozen=True)
class CapacityResult:
    """Single-ended capacity estimate toward one address (``aspdiag check --capacity``): paced packet
    trains whose answers (TCP resets or ICMP port-unreachable) come back spaced by the bottleneck. Flat."""

    address: Address
    family: str
    status: str
    """ok | lower-bound (no bottleneck below the probe rate) | rate-limited (the target's ICMP limit hid
    the answers) | no-answers | skipped"""
    method: str
    """tcp-reset (raw TCP, needs root) | udp-icmp (unprivileged UDP, ICMP port-unreachable) | none"""
    port: int | None
    packet_bytes: int | None
    """IP size of each probe packet."""
    probe_rate_cap_mbps: float
    """The pace of the trains: never above ``--max-rate``."""
    sent_packets: int
    answered_packets: int
    probe_bytes: int
    """IP bytes sent by the estimate (all trains)."""
    burst_mbps: float | None
    """Rate of the first packets of a train (what a token bucket lets through before it runs dry)."""
    sustained_mbps: float | None
    """Rate once any token bucket is dry: what a long FASP transfer gets."""
    sustained_is_lower_bound: bool
    """True when the path kept up with the probe's own pace: the capacity is at least this."""
    burst_bytes: int | None
    """Estimated token-bucket depth when a shaper is suspected."""
    shaper_suspected: bool
    """True exactly when ``shaper`` is SUSPECTED (kept for readers of older reports)."""
    confidence: str
    """high | medium | low | none"""
    icmp_rate_limited: bool
    detail: str
    duration_s: float
    shaper: ShaperState = ShaperState.NOT_MEASURABLE
    """Suspected, not seen, or not measurable (never 'not seen' when the train could not show it)."""
    longest_stall_ms: float = 0.0
    """The longest stall of aspdiag's own sender during the train used (0: none)."""
    attempts: int = 1
    burst_is_lower_bound: bool = False
    """The bucket depth is at least ``burst_bytes``: it was read from a second train, and the bucket had only
    that long to refill after the first (what the sustained rate adds in the gap)."""
    """Trains sent by the method used (a second one when our sender stalled in the first)."""

    @staticmethod
    def json_upgrade(data: dict[str, Any]) -> dict[str, Any]:
        """Reports before 'shaper' had only the flag: suspected, or (status ok) not seen."""
        if "shaper" not in data:
            if data.get("shaper_suspected"):
                shaper = ShaperState.SUSPECTED
            else:
                shaper = ShaperState.NOT_SEEN if data.get("status") == "ok" else ShaperState.NOT_MEASURABLE
            data = {**data, "shaper": shaper.value}
        return data

    JSON_DERIVED: ClassVar[Mapping[str, str]] = {"protocol": "protocol", "direction": "direction"}

    @property
    def protocol(self) -> str:
        """The protocol the probe packets used (``tcp`` for TCP resets, ``udp`` for ICMP-answered datagrams):
        FASP's data is UDP, so a TCP figure says nothing about a UDP policer."""
        return {"tcp-reset": "tcp", "udp-icmp": "udp"}.get(self.method, "none")

    @property
    def direction(self) -> str:
        """The direction measured: the probe packets go from the client to the server."""
        return "client-to-server"
