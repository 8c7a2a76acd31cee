"""Bandwidth probe: one address's client-to-server rate through the run's SSH connection. Runs after
reachability (which says which TCP ports speak SSH) and after the path probe (so its half-open RTT probes
see an idle path); addresses one at a time, as two streams would share the bottleneck."""

from __future__ import annotations

import time
from dataclasses import dataclass

from aspdiag.core.facts import AddressFacts, PortFact
from aspdiag.core.measurement import ProbeContext
from aspdiag.core.model import Family, PortState, Protocol
from aspdiag.measurements.bandwidth.estimate import (
    BandwidthEstimate,
    BandwidthStatus,
    LimitedBy,
    estimate_bandwidth,
    not_measured,
)
from aspdiag.measurements.bandwidth.params import Budget
from aspdiag.measurements.bandwidth.port import STREAMER
from aspdiag.measurements.bandwidth.result import BandwidthResult
from aspdiag.measurements.bandwidth.stop import StopWhenStable

PREFERRED_PORT = 33001
"""Aspera's own SSH port: the one ascp's control connection uses when the server offers it."""
CLOSE_MARGIN_S = 8.0
"""Beyond the budget: connecting, completing the packet the budget cut, the polite close."""


def ssh_ports(facts: AddressFacts) -> list[PortFact]:
    """The TCP ports the target itself answered as SSH, Aspera's 33001 first. A port whose banner was not
    read (``speaks_ssh`` None) is tried after those that said SSH; one that said something else never."""
    open_tcp = [p for p in facts.ports if p.protocol is Protocol.TCP and p.state is PortState.OPEN]
    usable = [p for p in open_tcp if p.speaks_ssh is not False]
    return sorted(usable, key=lambda p: (p.speaks_ssh is not True, p.port != PREFERRED_PORT))


def _spoilt(estimate: BandwidthEstimate) -> bool:
    """Our own process (or competing traffic), not the path, spoilt the stream: worth a second stream if
    another port allows. A budget too small for the path is not: a second stream would end the same way."""
    return estimate.limited_by in (LimitedBy.SENDER, LimitedBy.VARIABLE)


@dataclass(frozen=True)
class BandwidthProbe:
    """Measure the client-to-server rate toward one address within ``budget``."""

    facts: AddressFacts
    budget: Budget
    wait_s: float
    """How long connecting and the server's greeting may take."""

    @property
    def address(self) -> str:
        """The address measured."""
        return self.facts.address

    @property
    def key(self) -> str:
        """Probe id."""
        return f"bandwidth/{self.address}"

    @property
    def label(self) -> str:
        """Progress text."""
        return f"bandwidth to {self.address} through its SSH port"

    @property
    def timeout_s(self) -> float:
        """Two streams at most, each within the budget, plus connecting and closing."""
        return 2 * (self.budget.max_seconds + self.wait_s) + CLOSE_MARGIN_S

    def run(self, ctx: ProbeContext) -> BandwidthResult:
        """Stream through the first SSH port; once more through the next one if our own sender spoilt it."""
        started = time.monotonic()
        streamer = ctx.get(STREAMER)
        ports = ssh_ports(self.facts)
        if streamer is None:
            return self._result(started, None, not_measured("no SSH session pool in this run"), None, 0)
        if not ports:
            refused = [p.port for p in self.facts.ports if p.refused]
            if refused:
                why = (
                    f"the server refused this client on its SSH port(s) {', '.join(map(str, refused))} right now"
                    " (a per-source penalty or MaxStartups): wait a minute and retry"
                )
                return self._result(started, None, not_measured(why, LimitedBy.CONNECTION), None, 0)
            why = (
                "no TCP port of this address answered as SSH (the stream needs the server's SSH port: TCP 22 or 33001)"
            )
            return self._result(started, None, not_measured(why), None, 0)
        best: tuple[int, BandwidthEstimate, str | None] | None = None
        attempts = 0
        for fact in ports[:2]:
            if best is not None and not _spoilt(best[1]):
                break
            if time.monotonic() - started + self.budget.max_seconds + self.wait_s > self.timeout_s - CLOSE_MARGIN_S:
                break
            record = streamer.stream(self.address, fact.port, self.wait_s, self.budget, StopWhenStable())
            if record.error is not None:
                estimate = not_measured(record.error, LimitedBy.CONNECTION)
            else:
                attempts += 1
                estimate = estimate_bandwidth(
                    record.samples,
                    congestion_control=record.congestion_control,
                    stream_stop=record.stop,
                    bytes_written=record.bytes_written,
                )
            if best is None or _better(estimate, best[1]):
                best = (fact.port, estimate, record.server_software)
        assert best is not None
        port, estimate, software = best
        return self._result(started, port, estimate, software, attempts)

    def _result(
        self, started: float, port: int | None, estimate: BandwidthEstimate, software: str | None, attempts: int
    ) -> BandwidthResult:
        return BandwidthResult(
            address=self.address,
            family=Family.of(self.address).value,
            port=port,
            estimate=estimate,
            budget_bytes=self.budget.max_bytes,
            budget_seconds=self.budget.max_seconds,
            server_software=software,
            attempts=attempts,
            duration_s=round(time.monotonic() - started, 3),
        )

    def failed(self, reason: str) -> BandwidthResult:
        """A bandwidth probe that could not finish."""
        return self._result(time.monotonic(), None, not_measured(reason), None, 0)


RANK = {BandwidthStatus.MEASURED: 2, BandwidthStatus.LOWER_BOUND: 1, BandwidthStatus.NOT_MEASURED: 0}


def _better(new: BandwidthEstimate, old: BandwidthEstimate) -> bool:
    """A measurement beats a lower bound beats nothing; between two of a kind, the unspoilt one, then the
    higher figure (both are honest: a stall only ever lowers what is seen)."""
    if RANK[new.status] != RANK[old.status]:
        return RANK[new.status] > RANK[old.status]
    if _spoilt(new) != _spoilt(old):
        return not _spoilt(new)
    return (new.rate_mbps or 0.0) > (old.rate_mbps or 0.0)
