"""The vocabulary of a target's history: a check summarised in a few numbers (for lists and charts), the
vantage point a check ran from, and what changed since the last check of the same target from there.

Types only, no I/O: ``aspdiag.report.changes`` computes them, ``aspdiag.adapters.history`` stores them, the
renderers show them. The Report holds one ``Changes`` (JSON key ``changes``) when a history was kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


@dataclass(frozen=True)
class Vantage:
    """Where a check ran from: the host's name and the source address its probes left from (the first IPv4
    source when there is one: IPv6 privacy addresses change daily and would split one vantage into many)."""

    host: str
    source_address: str

    @property
    def text(self) -> str:
        """``dtn1 (198.18.1.2)``."""
        return f"{self.host} ({self.source_address})" if self.source_address else self.host


@dataclass(frozen=True)
class PortMark:
    """One port of one address in a summary: its state and whether traffic crosses the whole path."""

    address: str
    protocol: str
    port: int
    state: str
    path_open: bool
    where: str = ""
    """Where traffic stops, in words (empty when it gets through)."""

    @property
    def key(self) -> str:
        """``udp/33001 198.18.3.2``: the same port of the same address across checks."""
        return f"{self.protocol}/{self.port} {self.address}"


@dataclass(frozen=True)
class CheckSummary:
    """One check in a few values: what ``aspdiag history`` lists and charts, and the timeline points."""

    target: str
    started_utc: str
    verdict: str
    vantage: Vantage
    ports: tuple[PortMark, ...] = ()
    rtt_ms: float | None = None
    """Median RTT: from the path measurement when it ran, else the median TCP handshake of an open port."""
    path_mtu_bytes: int | None = None
    rate_bytes_per_s: float | None = None
    """The best bandwidth measurement of the check (test transfer, responder, capacity estimate; None: none)."""
    rate_source: str = ""


class ChangeKind(StrEnum):
    """What a change is about."""

    VERDICT = "verdict"
    PORT = "port"
    ADDRESS = "address"
    HOP = "hop"
    MTU = "mtu"
    RTT = "rtt"
    BANDWIDTH = "bandwidth"


@dataclass(frozen=True)
class Change:
    """One difference between the previous check and this one, as evidence: before and after, in words."""

    kind: ChangeKind
    subject: str
    """What changed: ``udp/33001 198.18.3.2``, ``verdict``, ``hop 3 toward 198.18.3.2``, ..."""
    before: str
    after: str
    text: str
    """One sentence with both dates, e.g. ``UDP 33001 on 198.18.3.2 reached the server on 2026-11-20 08:00
    UTC; since 2026-11-28 09:10 UTC it stops between hop 2 (198.18.2.2) and hop 3``."""
    worse: bool | None = None
    """True when the change makes a transfer less likely to work or slower, False when better, None: neither."""


@dataclass(frozen=True)
class Changes:
    """This check against the last check of the same target from the same vantage point."""

    vantage: Vantage
    previous_utc: str | None = None
    """When the previous check started (None: this is the first check recorded from here)."""
    previous_verdict: str | None = None
    items: tuple[Change, ...] = ()
    timeline: tuple[CheckSummary, ...] = ()
    """The last checks from this vantage, oldest first, this one last (for the chart in the HTML report)."""
