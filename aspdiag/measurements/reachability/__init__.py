"""Reachability: TCP (SSH control) and UDP (FASP data) ports on every address, each with the state its
evidence supports — full-TTL probes, a TTL-limited trace on the same 5-tuple, the service's banner."""

from __future__ import annotations

import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, cast

from aspdiag.core.config import CheckConfig
from aspdiag.core.facts import FASP_TCP_PORT, Facts, PortFact
from aspdiag.core.measurement import Cell, MeasurementBase, OverviewColumn, Probe, Section
from aspdiag.core.model import (
    Assessment,
    Finding,
    Grade,
    PortState,
    Protocol,
    Report,
    Verdict,
)
from aspdiag.core.units import port_ranges
from aspdiag.measurements.reachability.evidence import (
    KEY,
    at_target,
    blocked_by_client_network,
    control_grade,
    control_ports_to_open,
    find_port,
    host_unreachable,
    port_grade,
    port_groups,
    ports_for,
    ports_of,
    unconfirmed,
)
from aspdiag.measurements.reachability.findings import (
    REFUSAL_SETTLE,
    address_findings,
    family_differences,
)
from aspdiag.measurements.reachability.probe import ReachabilityProbe
from aspdiag.measurements.reachability.result import BannerKind, PortResult
from aspdiag.measurements.reachability.section import port_cell, port_tone, reachability_section


@dataclass(frozen=True)
class ReachabilityMeasurement(MeasurementBase):
    """The port stage: every TCP and UDP port on every address."""

    key: str = KEY
    json_key: str = "reachability"
    stage: str = "Probing"
    section_type: Any = tuple[PortResult, ...]

    def wanted(self, config: CheckConfig) -> bool:
        """Always."""
        return True

    def probes(self, config: CheckConfig, facts: Facts) -> Sequence[Probe[Any]]:
        """One probe per address: its ports share traces and hop distances."""
        return [
            ReachabilityProbe(address, config.tcp_ports, config.udp_ports, config.timeout_s, config.max_hops)
            for address in facts.addresses
        ]

    def collect(self, results: Sequence[Any]) -> tuple[PortResult, ...]:
        """Every port of every address that finished."""
        return tuple(p for result in results if isinstance(result, tuple) for p in result if isinstance(p, PortResult))

    def learn(self, facts: Facts, section: Any) -> Facts:
        """Port states, hop distances and which ports speak SSH, for later measurements."""
        for address in facts.addresses:
            mine = [p for p in cast(tuple[PortResult, ...], section) if p.address == address]
            port_facts = tuple(
                PortFact(
                    p.address,
                    p.protocol,
                    p.port,
                    p.state,
                    p.location,
                    p.hops_to_target,
                    None if p.banner is None else p.banner.kind is BannerKind.SSH,
                    p.banner is not None and p.banner.kind is BannerKind.REFUSED,
                )
                for p in mine
            )
            rtts = [p.rtt_ms for p in mine if p.protocol is Protocol.TCP and p.rtt_ms is not None]
            # The handshakes' median RTT: later stages size their waits by it (a 1 s path read '60 % of TCP
            # handshakes got no answer' from the path stage's fixed 1 s wait).
            facts = facts.update(address, ports=port_facts, rtt_ms=statistics.median(rtts) if rtts else None)
        return facts

    def progress(self, result: object) -> str | None:
        """``tcp/22 open 0.25 ms; udp/33001 DROPPED after hop 2 (198.18.2.2)``."""
        if isinstance(result, PortResult):
            return port_cell(result)
        if isinstance(result, tuple) and result and all(isinstance(r, PortResult) for r in result):
            return "; ".join(f"{r.label} {port_cell(r)}" for r in result)
        return None

    def findings(self, report: Report) -> Sequence[Finding]:
        """Per address (blocked ports, wrong services, untested ports), then families that disagree."""
        findings: list[Finding] = []
        for address in report.addresses:
            findings += address_findings(report, address, ports_for(report, address))
        return (*findings, *family_differences(ports_of(report)))

    def amend(self, report: Report, assessment: Assessment) -> Assessment:
        """A server that refuses this client right now (penalty, MaxStartups) with nothing worse found: the
        next step is to wait and check again, not a test transfer that would be refused too."""
        ports = ports_of(report)
        tcp = [p for p in ports if p.protocol is Protocol.TCP and p.state is PortState.OPEN]
        refused = bool(tcp) and all(p.banner is not None and p.banner.kind is BannerKind.REFUSED for p in tcp)
        # Only when the refusal is all that is unsure: UDP crosses the client's network on every port.
        udp_fine = all(p.passes_client_network for p in ports if p.protocol is Protocol.UDP)
        if not (refused and udp_fine) or assessment.verdict not in (Verdict.UNCONFIRMED, Verdict.CANNOT_TELL):
            return assessment
        return replace(
            assessment,
            summary=f"The network path to {report.target.display} answers, but its SSH server refuses this client "
            "right now (a connection limit or a per-source penalty on the server): the network is not the problem.",
            next_step="wait a minute and run the check again: a test transfer started now would be refused too",
            settle=REFUSAL_SETTLE,
        )

    def grades(self, report: Report) -> Mapping[str, Grade]:
        """Per address: the SSH control connection's grade and every UDP data port's (a Windows/Isilon server
        may use any port of a range, so every one counts); the weakest decides."""
        grades = {}
        for address in report.addresses:
            ports = ports_for(report, address)
            if not ports:
                continue
            tcp = [p for p in ports if p.protocol is Protocol.TCP]
            udp = [p for p in ports if p.protocol is Protocol.UDP]
            parts = [control_grade(tcp)] if tcp else []
            parts += [port_grade(p) for p in udp]
            if len(udp) < len(report.settings.udp_ports):
                parts.append(Grade.UNKNOWN)  # a port that was never tested proves nothing
            grades[address] = min(parts, default=Grade.UNKNOWN)
        return grades

    def overview(self, report: Report) -> Sequence[OverviewColumn]:
        """One column per port (neighbouring ports that read the same on every address share one column,
        ``UDP 33001-33010``): its state in a few words."""
        columns = [(Protocol.TCP, p) for p in report.settings.tcp_ports] + [
            (Protocol.UDP, p) for p in report.settings.udp_ports
        ]
        # Ports read the same when they do apart from their round-trip times (a review saw UDP 33001-33010 split
        # in four where only the RTT differed); a range shows the RTTs' span.
        runs: list[tuple[Protocol, list[int], dict[str, Cell], dict[str, list[PortResult]]]] = []
        for protocol, number in columns:
            cells = {}
            results: dict[str, list[PortResult]] = {}
            for address in report.addresses:
                result = find_port(report, address, protocol, number)
                cells[address] = Cell(port_cell(result, with_rtt=False), port_tone(result))
                results[address] = [result] if result is not None else []
            last = runs[-1] if runs else None
            if last is not None and last[0] is protocol and last[1][-1] == number - 1 and last[2] == cells:
                last[1].append(number)
                for address, found in results.items():
                    last[3][address] += found
            else:
                runs.append((protocol, [number], cells, results))
        return [
            OverviewColumn(
                f"{protocol.value.upper()} {port_ranges(numbers)}",
                {address: _with_rtts(cell, results[address]) for address, cell in cells.items()},
            )
            for protocol, numbers, cells, results in runs
        ]

    def section(self, report: Report) -> Section | None:
        """Evidence per port, hop lists and charts."""
        return reachability_section(report, {a: ports_for(report, a) for a in report.addresses})

    def internal_addresses(self, section: Any) -> Sequence[str]:
        """Every router that answered (the path on our side of the server)."""
        found: list[str] = []
        for port in cast(tuple[PortResult, ...], section):
            for answer in (*port.probes, *port.trace):
                found += [v for v in (answer.responder, answer.icmp.offender if answer.icmp else None) if v]
            found += [hop.address for hop in (port.last_responding_hop, port.blocked_at) if hop and hop.address]
        return found


def _with_rtts(cell: Cell, results: Sequence[PortResult]) -> Cell:
    """A cell with the round-trip time of its port, or the span of its ports' (``0.03-0.05 ms``)."""
    rtts = sorted(r.rtt_ms for r in results if r.rtt_ms is not None and r.state in (PortState.OPEN, PortState.CLOSED))
    if not rtts:
        return cell
    span = f"{rtts[0]:.2f} ms" if rtts[0] == rtts[-1] else f"{rtts[0]:.2f}-{rtts[-1]:.2f} ms"
    text = cell.text
    banner = text.find("; not SSH")
    if banner >= 0:
        return replace(cell, text=f"{text[:banner]} {span}{text[banner:]}")
    return replace(cell, text=f"{text} {span}")


MEASUREMENT = ReachabilityMeasurement()

__all__ = [
    "KEY",
    "MEASUREMENT",
    "PortResult",
    "at_target",
    "blocked_by_client_network",
    "find_port",
    "port_grade",
    "ports_for",
    "port_groups",
    "ports_of",
]

__all__ = [
    "FASP_TCP_PORT",
    "KEY",
    "MEASUREMENT",
    "PortResult",
    "ReachabilityMeasurement",
    "at_target",
    "blocked_by_client_network",
    "control_grade",
    "control_ports_to_open",
    "find_port",
    "host_unreachable",
    "port_grade",
    "port_groups",
    "ports_for",
    "ports_of",
    "unconfirmed",
]
