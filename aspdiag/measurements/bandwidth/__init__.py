"""Bandwidth: how fast the path carries data from the client to the server, for every user — unprivileged
and credential-free, through the run's one connection to the server's SSH port (a bounded stream of
SSH_MSG_IGNORE packets before any key exchange, read through the kernel's TCP_INFO). A figure is a
measurement of the bottleneck, a lower bound with its reason, or no figure with its reason; never more than
was seen."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from aspdiag.core.config import CheckConfig
from aspdiag.core.facts import Facts
from aspdiag.core.measurement import Cell, Line, MeasurementBase, OverviewColumn, Probe, Section, Table
from aspdiag.core.model import Audience, Finding, Report, Severity
from aspdiag.core.units import rate_text
from aspdiag.measurements.bandwidth.estimate import BandwidthStatus, LimitedBy
from aspdiag.measurements.bandwidth.params import Budget
from aspdiag.measurements.bandwidth.probe import BandwidthProbe
from aspdiag.measurements.bandwidth.result import BandwidthResult

KEY = "bandwidths"

HEADER = ("Address", "Client → server", "How sure", "Through", "Cost", "Why")


def bandwidths_of(report: Report) -> tuple[BandwidthResult, ...]:
    """The bandwidth section of a report."""
    return cast(tuple[BandwidthResult, ...], report.section(KEY, ()))


def rate_cell(b: BandwidthResult) -> str:
    """``412.3 Mbit/s``, ``≥ 95.0 Mbit/s`` or ``not measured``."""
    if b.status is BandwidthStatus.MEASURED:
        return rate_text(b.rate_mbps)
    if b.status is BandwidthStatus.LOWER_BOUND:
        return f"≥ {rate_text(b.rate_mbps)}"
    return "not measured"


def sureness(b: BandwidthResult) -> str:
    """What kind of figure it is, in words."""
    return {
        BandwidthStatus.MEASURED: "measured (bottleneck)",
        BandwidthStatus.LOWER_BOUND: f"lower bound ({b.limited_by.value})",
        BandwidthStatus.NOT_MEASURED: "-",
    }[b.status]


def through(b: BandwidthResult) -> str:
    """Method, protocol and port: ``TCP, SSH port 22 (OpenSSH_9.2p1)``."""
    if b.port is None:
        return "-"
    software = f" ({b.server_software})" if b.server_software else ""
    return f"{b.estimate.protocol.upper()}, SSH port {b.port}{software}"


def cost(b: BandwidthResult) -> str:
    """Bytes and seconds spent: ``4.1 MB in 0.62 s``."""
    e = b.estimate
    if not e.bytes_sent:
        return "-"
    # A fast path spends a small budget in milliseconds: '0.00 s' said nothing.
    spent = f"{e.seconds * 1000:.1f} ms" if e.seconds < 0.1 else f"{e.seconds:.2f} s"
    return f"{e.bytes_sent / 1e6:.1f} MB in {spent}"


def bandwidth_row(b: BandwidthResult) -> tuple[str, ...]:
    """One row of the bandwidth table."""
    return (b.address, rate_cell(b), sureness(b), through(b), cost(b), b.estimate.reason)


HINTS = {
    LimitedBy.BUDGET: "raise the budget (--bandwidth-budget 4) to see the bottleneck itself",
    LimitedBy.RECEIVER_WINDOW: (
        "the server's sshd, not the path, set this pace: the path may carry more; a capped test transfer"
        " (--transfer) measures FASP itself"
    ),
    LimitedBy.SEND_BUFFER: "raise net.ipv4.tcp_wmem's maximum on this machine, or accept the lower bound",
    LimitedBy.SENDER: "retry on a less busy machine (this process did not keep the stream going)",
    LimitedBy.VARIABLE: "retry: competing traffic or a busy machine made the rate swing",
    LimitedBy.CONNECTION: "see the reachability table for what the SSH port did",
    LimitedBy.NOTHING: (
        "the SSH connection opened, yet nothing of the stream was acknowledged: full-size packets may vanish on the"
        " way (a path MTU black hole: see the path section), or a middlebox holds the stream"
    ),
}


@dataclass(frozen=True)
class BandwidthMeasurement(MeasurementBase):
    """The bandwidth stage (``--bandwidth``, implied by ``--dataset-size``)."""

    key: str = KEY
    json_key: str = "bandwidth"
    stage: str = "Bandwidth"
    section_type: Any = tuple[BandwidthResult, ...]
    max_parallel: int = 1
    """One address at a time: two streams to one host would share the bottleneck."""

    def wanted(self, config: CheckConfig) -> bool:
        """``--bandwidth`` (or ``--dataset-size``)."""
        return config.bandwidth

    def probes(self, config: CheckConfig, facts: Facts) -> Sequence[Probe[Any]]:
        """One probe per address, within ``--bandwidth-budget`` x the default budget."""
        budget = Budget().scaled(config.bandwidth_budget)
        return [BandwidthProbe(facts.of(address), budget, config.timeout_s) for address in facts.addresses]

    def collect(self, results: Sequence[Any]) -> tuple[BandwidthResult, ...]:
        """The addresses that finished."""
        return tuple(r for r in results if isinstance(r, BandwidthResult))

    def progress(self, result: object) -> str | None:
        """The rate, or why there is none."""
        if not isinstance(result, BandwidthResult):
            return None
        if result.status is BandwidthStatus.NOT_MEASURED:
            return f"not measured: {result.estimate.reason}"
        return f"{rate_cell(result)} client → server ({through(result)}; {cost(result)})"

    def findings(self, report: Report) -> Sequence[Finding]:
        """Lower bounds and missing figures, each with its reason and what would give the figure."""
        findings = []
        for b in bandwidths_of(report):
            e = b.estimate
            if b.status is BandwidthStatus.LOWER_BOUND:
                findings.append(
                    Finding(
                        Severity.INFO,
                        f"Bandwidth toward {b.address} is at least {rate_text(b.rate_mbps)} (client → server):"
                        " the test did not show the bottleneck itself",
                        e.reason,
                        HINTS[b.limited_by],
                        b.address,
                        Audience.USER,
                        proven=False,
                        settle="a larger budget (--bandwidth-budget) or a capped test transfer shows the real rate",
                    )
                )
            elif b.status is BandwidthStatus.NOT_MEASURED and b.port is not None:
                findings.append(
                    Finding(
                        Severity.INFO,
                        f"Bandwidth toward {b.address} was not measured",
                        e.reason,
                        HINTS[b.limited_by],
                        b.address,
                        Audience.USER,
                    )
                )
        return findings

    def overview(self, report: Report) -> Sequence[OverviewColumn]:
        """The rate per address."""
        found = bandwidths_of(report)
        if not found:
            return ()
        return (OverviewColumn("Bandwidth", {b.address: Cell(rate_cell(b)) for b in found}),)

    def section(self, report: Report) -> Section | None:
        """The bandwidth table; the terminal shows three columns and a line per address."""
        found = bandwidths_of(report)
        if not found:
            return None
        rows = [bandwidth_row(b) for b in found]
        table = Table(HEADER, tuple(tuple(Cell(c) for c in row) for row in rows), "bandwidth-table", 3, "Bandwidth")
        notes = tuple(Line(f"  {row[0]}: {row[3]}; {row[4]}; {row[5]}", dim=True) for row in rows)
        return Section(
            "bandwidth",
            "Bandwidth (client → server, TCP through the SSH port, before login)",
            (table,),
            (table, *notes),
        )


MEASUREMENT = BandwidthMeasurement()

__all__ = ["KEY", "MEASUREMENT", "BandwidthResult", "bandwidths_of"]
