"""Reachability: TCP (SSH control) and UDP (FASP data) ports on every address, each with the state its
evidence supports — full-TTL probes, a TTL-limited trace on the same 5-tuple, the service's banner."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, cast

from aspdiag.core.config import CheckConfig
from aspdiag.core.facts import Facts, PortFact
from aspdiag.core.measurement import Cell, MeasurementBase, OverviewColumn, Probe, Section
from aspdiag.core.model import Family, Finding, PortState, Protocol, Report, Severity
from aspdiag.measurements.reachability.probe import ReachabilityProbe
from aspdiag.measurements.reachability.result import BannerKind, PortResult
from aspdiag.measurements.reachability.section import port_cell, port_tone, reachability_section

KEY = "ports"


def ports_of(report: Report) -> tuple[PortResult, ...]:
    """Every port result of a report."""
    return cast(tuple[PortResult, ...], report.section(KEY, ()))


def ports_for(report: Report, address: str) -> tuple[PortResult, ...]:
    """Port results for one address, TCP first, in port order."""
    return tuple(
        sorted(
            (p for p in ports_of(report) if p.address == address),
            key=lambda p: (p.protocol is Protocol.UDP, p.port),
        )
    )


def find_port(report: Report, address: str, protocol: Protocol, port: int) -> PortResult | None:
    """The result for one address/protocol/port."""
    return next(
        (p for p in ports_of(report) if p.address == address and p.protocol is protocol and p.port == port), None
    )


def _port_phrase(result: PortResult) -> str:
    return f"{result.label} on {result.address}: {result.state.value} — {result.detail}"


def _where(result: PortResult) -> str:
    if not result.location:
        return ""
    return f"; {result.location}" if result.state is PortState.REJECTED else f"; it stops {result.location}"


def _control_open(tcp: Sequence[PortResult]) -> list[PortResult]:
    # An open TCP port only serves as the SSH control port if it speaks SSH (or we could not tell).
    return [p for p in tcp if p.state is PortState.OPEN and (p.banner is None or p.banner.kind is BannerKind.SSH)]


def _address_findings(report: Report, address: str, ports: tuple[PortResult, ...]) -> list[Finding]:
    findings: list[Finding] = []
    tcp = [p for p in ports if p.protocol is Protocol.TCP]
    udp = [p for p in ports if p.protocol is Protocol.UDP]
    control_open = _control_open(tcp)
    for p in tcp:
        if p.state is PortState.OPEN and p.banner is not None and p.banner.kind is not BannerKind.SSH:
            said = f": {p.banner.text!r}" if p.banner.text else ""
            findings.append(
                Finding(
                    Severity.WARNING,
                    f"TCP {p.port} on {address} answers but is not SSH ({p.banner.kind.value})",
                    f"an SSH server greets first with 'SSH-2.0-...'; this port said{said or ' nothing'}. "
                    "A proxy, a load balancer or the wrong service holds it",
                    f"ask the data provider which port their Aspera SSH service uses; do not use -P {p.port}",
                )
            )
    for p in ports:
        if p.state is PortState.ERROR:
            findings.append(Finding(Severity.WARNING, f"Could not test {p.label} on {address}", p.detail))
    if tcp and not control_open:
        if any(p.state is not PortState.ERROR for p in tcp):
            findings.append(
                Finding(
                    Severity.BLOCKER,
                    f"No SSH control port reachable on {address}",
                    "; ".join(_port_phrase(p) for p in tcp),
                    "ask the network team to allow outbound TCP "
                    + " and ".join(str(p.port) for p in tcp)
                    + f" to {address}",
                )
            )
    elif control_open and any(p.port != 22 for p in control_open) and not any(p.port == 22 for p in control_open):
        port = control_open[0].port
        findings.append(
            Finding(
                Severity.INFO,
                f"Use -P {port} on {address}",
                f"TCP {port} is open but TCP 22 is not; ascp uses 22 unless told otherwise",
                f"add -P {port} to the ascp command",
            )
        )
    for p in udp:
        if p.rate_limit_suspected:
            findings.append(
                Finding(
                    Severity.WARNING,
                    f"UDP {p.port} toward {address}: no answer, but the target may be rate-limiting ICMP",
                    _port_phrase(p),
                    f"run 'aspdiag check {address} --udp-port {p.port}' to test this port on its own",
                )
            )
    for p in udp:
        if not p.path_open and p.state is not PortState.ERROR and not p.rate_limit_suspected:
            findings.append(
                Finding(
                    Severity.BLOCKER,
                    f"UDP {p.port} (FASP data) blocked toward {address}",
                    _port_phrase(p),
                    f"ask the network team to allow outbound UDP {p.port} to {address} (and the replies){_where(p)}",
                )
            )
    return [replace(f, address=address) for f in findings]


def _family_differences(ports: Sequence[PortResult]) -> list[Finding]:
    """IPv4 and IPv6 disagreeing on a port is a classic cause of 'works from one machine only'."""
    findings = []
    by_port: dict[tuple[Protocol, int], dict[Family, list[PortResult]]] = {}
    for result in ports:
        by_port.setdefault((result.protocol, result.port), {}).setdefault(Family.of(result.address), []).append(result)
    for (protocol, port), families in sorted(by_port.items()):
        if len(families) < 2:
            continue
        v4 = {r.path_open for r in families[Family.IPV4]}
        v6 = {r.path_open for r in families[Family.IPV6]}
        if v4 != v6:
            states = "; ".join(
                f"{family.value} {', '.join(sorted({r.state.value for r in results}))}"
                for family, results in sorted(families.items())
            )
            findings.append(
                Finding(
                    Severity.WARNING,
                    f"IPv4 and IPv6 differ on {protocol.value}/{port}",
                    f"{states}: machines that prefer the other address family will see a different result",
                    "ask the network team to apply the same rule to both families",
                )
            )
    return findings


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
                )
                for p in mine
            )
            facts = facts.update(address, ports=port_facts)
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
            findings += _address_findings(report, address, ports_for(report, address))
        return (*findings, *_family_differences(ports_of(report)))

    def usable(self, report: Report) -> Mapping[str, bool]:
        """Usable: an SSH control port is open and every UDP port tested gets through."""
        verdicts = {}
        for address in report.addresses:
            ports = ports_for(report, address)
            if not ports:
                continue
            control = _control_open([p for p in ports if p.protocol is Protocol.TCP])
            udp_open = [p for p in ports if p.protocol is Protocol.UDP and p.path_open]
            # Every configured UDP port must be open: a Windows/Isilon server may use any port of a range.
            verdicts[address] = bool(control) and len(udp_open) == len(report.settings.udp_ports)
        return verdicts

    def overview(self, report: Report) -> Sequence[OverviewColumn]:
        """One column per port: its state in a few words."""
        columns = [(Protocol.TCP, p) for p in report.settings.tcp_ports] + [
            (Protocol.UDP, p) for p in report.settings.udp_ports
        ]
        out = []
        for protocol, number in columns:
            cells = {}
            for address in report.addresses:
                result = find_port(report, address, protocol, number)
                cells[address] = Cell(port_cell(result), port_tone(result))
            out.append(OverviewColumn(f"{protocol.value.upper()} {number}", cells))
        return out

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


MEASUREMENT = ReachabilityMeasurement()

__all__ = ["KEY", "MEASUREMENT", "PortResult", "find_port", "ports_for", "ports_of"]
