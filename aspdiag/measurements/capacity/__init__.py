"""Capacity: a single-ended estimate of the path's bottleneck (burst and sustained rate, shaper, confidence)
from paced packet trains whose answers come back spaced by the bottleneck."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from aspdiag.core.config import CheckConfig
from aspdiag.core.facts import Facts
from aspdiag.core.measurement import Cell, Line, MeasurementBase, Probe, Section, Table
from aspdiag.core.model import Audience, Finding, Report, Severity
from aspdiag.core.units import rate_text, size_text
from aspdiag.measurements.capacity.probe import CapacityProbe
from aspdiag.measurements.capacity.result import CapacityResult, ShaperState

KEY = "capacities"

HEADER = ("Address", "Sustained", "Burst", "Shaper", "Confidence", "Probe traffic", "How it was found")


def capacities_of(report: Report) -> tuple[CapacityResult, ...]:
    """The capacity section of a report."""
    return cast(tuple[CapacityResult, ...], report.section(KEY, ()))


def capacity_row(c: CapacityResult) -> tuple[str, ...]:
    """One row of the capacity table."""
    if c.status == "ok":
        sustained = rate_text(c.sustained_mbps)
    elif c.status == "lower-bound":
        sustained = (
            f"≥ {rate_text(c.sustained_mbps)} for a {size_text(c.probe_bytes)} burst (a deeper bucket hides less)"
        )
    else:
        sustained = {
            "rate-limited": "cannot tell (ICMP rate-limited)",
            "no-answers": "cannot tell (no answers)",
        }.get(c.status, c.status)
    burst = rate_text(c.burst_mbps) if c.burst_mbps is not None else "-"
    if c.shaper is ShaperState.SUSPECTED:
        mark = "≥" if c.burst_is_lower_bound else "≈"
        shaper = f"suspected (bucket {mark} {c.burst_bytes:,} bytes)" if c.burst_bytes else "suspected"
    elif c.shaper is ShaperState.NOT_SEEN:
        shaper = "none seen"
    elif c.status == "lower-bound":
        shaper = f"not measurable (none below {c.probe_rate_cap_mbps:g} Mbit/s)"
    elif c.longest_stall_ms:
        shaper = f"not measurable (our sender stalled {c.longest_stall_ms:.0f} ms)"
    else:
        shaper = "not measurable"
    traffic = (
        f"{c.protocol.upper()}: {c.probe_bytes:,} bytes, {c.sent_packets} packets of {c.packet_bytes or '-'} "
        f"({c.answered_packets} answered) in {c.duration_s:g} s, {c.method}"
        f"{'' if c.port is None else f' port {c.port}'}, pace ≤ {c.probe_rate_cap_mbps:g} Mbit/s"
    )
    return (c.address, sustained, burst, shaper, c.confidence, traffic, c.detail)


@dataclass(frozen=True)
class CapacityMeasurement(MeasurementBase):
    """The capacity stage (``--capacity``)."""

    key: str = KEY
    json_key: str = "capacity"
    stage: str = "Capacity"
    section_type: Any = tuple[CapacityResult, ...]
    max_parallel: int = 1
    """One address at a time: trains to two addresses of one host share the bottleneck."""

    def wanted(self, config: CheckConfig) -> bool:
        """``--capacity`` (or ``--dataset-size``)."""
        return config.capacity

    def probes(self, config: CheckConfig, facts: Facts) -> Sequence[Probe[Any]]:
        """One probe per address; raw TCP trains only where raw sockets are used."""
        return [
            CapacityProbe(facts.of(address), pace_mbps=config.max_rate_mbps, raw=config.method == "raw")
            for address in facts.addresses
        ]

    def collect(self, results: Sequence[Any]) -> tuple[CapacityResult, ...]:
        """The addresses that finished."""
        return tuple(r for r in results if isinstance(r, CapacityResult))

    def progress(self, result: object) -> str | None:
        """The sustained rate, or why there is none."""
        if not isinstance(result, CapacityResult):
            return None
        return f"{capacity_row(result)[1]}, {result.confidence} confidence"

    def findings(self, report: Report) -> Sequence[Finding]:
        """Shapers, and answers the target rate-limits (the TCP-versus-UDP caveat of every rate figure is the
        engine's, see ``aspdiag.engine.estimate``)."""
        findings = []
        for c in capacities_of(report):
            if c.shaper_suspected and c.sustained_mbps:
                findings.append(
                    Finding(
                        Severity.INFO,
                        f"Traffic shaper suspected toward {c.address}: "
                        f"{'at least' if c.burst_is_lower_bound else 'about'} {c.burst_bytes or 0:,} bytes go "
                        f"through fast, then {c.sustained_mbps:.1f} Mbit/s",
                        "a token bucket on the path: short tests and the first seconds of a transfer look faster "
                        "than a multi-terabyte transfer will run",
                        f"plan with {c.sustained_mbps:.1f} Mbit/s (ascp -l {max(1, int(c.sustained_mbps))}m); ask "
                        "the network team whether the shaping can be raised for this transfer",
                        c.address,
                        Audience.CLIENT_NETWORK,
                    )
                )
            if c.status == "rate-limited":
                findings.append(
                    Finding(
                        Severity.INFO,
                        f"Capacity toward {c.address} cannot be told: the target rate-limits its ICMP answers",
                        c.detail,
                        "run as root (TCP resets are not rate-limited), or run 'aspdiag responder' beside the "
                        "server and use --responder",
                        c.address,
                    )
                )
        return findings

    def section(self, report: Report) -> Section | None:
        """The capacity table; the terminal shows five columns and a line per address."""
        found = capacities_of(report)
        if not found:
            return None
        rows = [capacity_row(c) for c in found]
        table = Table(HEADER, tuple(tuple(Cell(c) for c in row) for row in rows), "capacity-table", 5, "Capacity")
        notes = tuple(Line(f"  {row[0]}: {row[6]}; {row[5]}", dim=True) for row in rows)
        return Section("capacity", "Capacity estimate (single-ended)", (table,), (table, *notes))


MEASUREMENT = CapacityMeasurement()

__all__ = ["KEY", "MEASUREMENT", "CapacityResult", "capacities_of"]
