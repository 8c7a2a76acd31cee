"""Reachability: TCP (SSH control) and UDP (FASP data) ports on every address, each with the state its
evidence supports — full-TTL probes, a TTL-limited trace on the same 5-tuple, the service's banner."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, cast

from aspdiag.core.config import CheckConfig
from aspdiag.core.facts import Facts, PortFact
from aspdiag.core.measurement import Cell, MeasurementBase, OverviewColumn, Probe, Section
from aspdiag.core.model import (
    Assessment,
    Audience,
    Family,
    Finding,
    Grade,
    PortState,
    Protocol,
    Report,
    Severity,
    Verdict,
)
from aspdiag.core.units import port_ranges
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


def _port_phrase(result: PortResult, label: str = "") -> str:
    return f"{label or result.label} on {result.address}: {result.state.value} — {result.detail}"


def _same_evidence(result: PortResult) -> tuple[Any, ...]:
    """What must agree for neighbouring ports to be told as one range (``UDP 33001-33010``): everything a
    finding about them says, apart from the port number."""
    control = result.control
    return (
        result.state,
        result.blocked_at,
        result.last_responding_hop,
        result.location,
        result.detail,
        result.rate_limit_suspected,
        None if control is None else (control.meaning, control.settle),
    )


def port_groups(results: Sequence[PortResult]) -> list[tuple[str, list[PortResult]]]:
    """Ports of one protocol with the same evidence, as ``(numbers, results)``: ``("33001-33010", [...])`` or
    ``("33001, 33003", [...])``. With ``--udp-port 33001-33010`` ten identical findings become one, and
    nothing is lost: the evidence table still lists every port."""
    groups: dict[tuple[Any, ...], list[PortResult]] = {}
    for result in sorted(results, key=lambda r: (r.protocol is Protocol.UDP, r.port)):
        groups.setdefault((result.protocol, _same_evidence(result)), []).append(result)
    return [(port_ranges(r.port for r in group), group) for group in groups.values()]


def _where(result: PortResult) -> str:
    if not result.location:
        return ""
    return f"; {result.location}" if result.state is PortState.REJECTED else f"; it stops {result.location}"


def _control_open(tcp: Sequence[PortResult]) -> list[PortResult]:
    # An open TCP port only serves as the SSH control port if it speaks SSH (or we could not tell), and the
    # server itself answered it (not a proxy before it).
    return [
        p
        for p in tcp
        if p.state is PortState.OPEN and (p.banner is None or p.banner.kind in (BannerKind.SSH, BannerKind.REFUSED))
    ]


def unconfirmed(result: PortResult) -> bool:
    """An open port whose service could not be told: the run's connection did not open in time, or the
    service said nothing at all (not even to an HTTP request). Neither is evidence that it is not SSH."""
    return (
        result.state is PortState.OPEN
        and result.banner is not None
        and result.banner.kind in (BannerKind.SILENT, BannerKind.NO_CONNECTION)
    )


def at_target(result: PortResult) -> bool:
    """Whether the server itself (or its own host firewall) gave the deciding answer or silence."""
    return result.blocked_at is not None and result.blocked_at.address == result.address


def host_unreachable(result: PortResult) -> bool:
    """A router before the server answered that it cannot deliver to the host (ICMP host-unreachable 3/1 or
    host-unknown 3/7, ICMPv6 address-unreachable 1/3) and nothing came from the server on any port: what the
    last router says when the server is down or its address is gone (its neighbour lookup failed). It never
    becomes a change request (see ``logic.flag_host_down``)."""
    return result.state is PortState.REJECTED and result.host_down


def blocked_by_client_network(result: PortResult) -> bool:
    """A proven block on the client's side of the server: a device before the server rejected the port, or
    it was dropped where traffic from beyond demonstrably comes back."""
    if result.state is PortState.DROPPED:
        return True
    if result.state is not PortState.REJECTED or result.no_route:
        return False
    return not at_target(result) and not host_unreachable(result)


FASP_TCP_PORT = 33001
"""The SSH control port IBM recommends for Aspera (ascp -P 33001)."""


def control_ports_to_open(tcp: Sequence[PortResult]) -> list[PortResult]:
    """The SSH control port(s) to ask the client's network team for when none reaches the server: the ones
    they can open (proven blocked on their side), 33001 alone when it is among them — one is enough, and IBM
    recommends it. The finding and the change request both use this, so they never disagree."""
    if any(p.state is PortState.OPEN for p in tcp):
        return []
    blocked = [p for p in tcp if blocked_by_client_network(p)]
    return [p for p in blocked if p.port == FASP_TCP_PORT] or blocked


def port_grade(result: PortResult) -> Grade:
    """How well one data port is shown to carry FASP."""
    if result.path_open:
        return Grade.PROVEN
    if result.state is PortState.SERVER_SILENT:
        return Grade.PROBABLE
    if result.state in (PortState.DROPPED, PortState.REJECTED, PortState.CLOSED):
        return Grade.BLOCKED
    return Grade.UNKNOWN


def control_grade(tcp: Sequence[PortResult]) -> Grade:
    """How well the SSH control connection is shown to work on one address."""
    control = _control_open(tcp)
    if any(p.banner is None or p.banner.kind is BannerKind.SSH for p in control):
        return Grade.PROVEN
    if control:
        return Grade.PROBABLE  # reachable, but the server refused us right now
    if any(p.state in (PortState.SILENT, PortState.INTERCEPTED, PortState.ERROR) or unconfirmed(p) for p in tcp):
        return Grade.UNKNOWN
    if any(p.state is PortState.OPEN for p in tcp):
        return Grade.BLOCKED  # answers, but not SSH
    return Grade.BLOCKED if tcp else Grade.UNKNOWN


REFUSAL_SETTLE = "the same check a minute later (the server's refusal is for now, not for good)"


def _refusal_finding(address: str, port: int, text: str) -> Finding:
    """An SSH server that said why it refuses this client: its words decide which limit it is."""
    if "maxstartups" in text.lower():
        # OpenSSH before 9.8 (Debian 12's 9.2) names the limit: too many unauthenticated connections at once,
        # from anyone, not a penalty on this address.
        why = (
            "the server's limit on connections that have not logged in yet (MaxStartups) is full: too many at "
            "once, from any client"
        )
        wait = "wait a minute and run the check again; if it persists, ask the server's operators to raise MaxStartups"
    else:
        why = (
            "OpenSSH >= 9.8 says this while this client's address is penalised (too many connections that never "
            "logged in, PerSourcePenalties) or while MaxStartups is full"
        )
        wait = (
            "wait a minute (a penalty lasts 15 s to 10 min) and run the check again; if it persists, ask the "
            "server's operators whether your address is penalised or MaxStartups is too low"
        )
    return Finding(
        Severity.WARNING,
        f"The SSH server at {address} refused this client on TCP {port} right now",
        f"it said {text!r}: {why}. The port is reachable: this is the server refusing, not the network; a "
        "transfer started now would be refused as well",
        wait,
        audience=Audience.USER,
        settle=REFUSAL_SETTLE,
    )


def _tcp_findings(address: str, tcp: list[PortResult]) -> list[Finding]:
    findings: list[Finding] = []
    control = _control_open(tcp)
    for p in tcp:
        if p.state is PortState.OPEN and p.banner is not None and p.banner.kind is BannerKind.REFUSED:
            findings.append(_refusal_finding(address, p.port, p.banner.text))
        elif unconfirmed(p):
            assert p.banner is not None
            said = (
                "its connection did not open in time"
                if p.banner.kind is BannerKind.NO_CONNECTION
                else "it said nothing"
            )
            findings.append(
                Finding(
                    Severity.WARNING,
                    f"TCP {p.port} on {address} answered the handshake probe, but the service could not be told",
                    f"{said} within {p.banner.wait_ms / 1000.0:.1f} s; an SSH server greets at once, so a lossy or "
                    "slow path, an overloaded server or a service that is not SSH remain possible",
                    "run the check again with a longer --timeout, or run a capped test transfer (--transfer)",
                    audience=Audience.USER,
                )
            )
        elif p.state is PortState.OPEN and p.banner is not None and p.banner.kind is not BannerKind.SSH:
            said = f": {p.banner.text!r}" if p.banner.text else ""
            findings.append(
                Finding(
                    Severity.WARNING,
                    f"TCP {p.port} on {address} answers but is not SSH ({p.banner.kind.value})",
                    f"an SSH server greets first with 'SSH-2.0-...'; this port said{said or ' nothing'}. "
                    "A proxy, a load balancer or the wrong service holds it",
                    f"ask the data provider which port their Aspera SSH service uses; do not use -P {p.port}",
                    audience=Audience.SERVER_OPERATORS,
                )
            )
        elif p.state is PortState.INTERCEPTED:
            findings.append(
                Finding(
                    Severity.WARNING,
                    f"TCP {p.port} toward {address} is answered by a device at hop "
                    f"{p.blocked_at.hop if p.blocked_at else '?'}, not by the server",
                    p.detail + (f"; it said {p.banner.text!r}" if p.banner and p.banner.text else ""),
                    "ask the network team which device answers this port (a transparent SSH proxy, a SYN proxy) "
                    "and whether it forwards SSH to the server; the FASP data (UDP) does not go through it",
                    audience=Audience.CLIENT_NETWORK,
                )
            )
        elif p.state is PortState.ERROR:
            findings.append(Finding(Severity.WARNING, f"Could not test {p.label} on {address}", p.detail))
    if not control:
        findings += _no_control(address, tcp)
    elif any(p.port != 22 for p in control) and not any(p.port == 22 for p in control):
        port = control[0].port
        silent_22 = next((p for p in tcp if p.port == 22 and p.state is PortState.SERVER_SILENT), None)
        why = " (the server does not answer TCP 22 at all)" if silent_22 else ""
        findings.append(
            Finding(
                Severity.INFO,
                f"Use -P {port} on {address}",
                f"TCP {port} is open but TCP 22 is not{why}; ascp uses 22 unless told otherwise",
                f"add -P {port} to the ascp command",
                audience=Audience.USER,
            )
        )
    else:
        # TCP 22 carries SSH: a blocked 33001 (IBM's recommended port) costs nothing today, but the user's own
        # ascp command, a preset or a colleague may use -P 33001; say so instead of nothing at all.
        blocked = [p for p in tcp if p.port == FASP_TCP_PORT and blocked_by_client_network(p)]
        if blocked:
            findings.append(
                Finding(
                    Severity.INFO,
                    f"TCP {FASP_TCP_PORT} is blocked toward {address}; TCP 22 works",
                    f"tcp/{FASP_TCP_PORT} {blocked[0].state.value} {blocked[0].location or blocked[0].detail}: ascp "
                    f"works over TCP 22 (its default), but a command with -P {FASP_TCP_PORT} (IBM's recommended "
                    "port, used by some presets and scripts) would fail here",
                    f"use ascp without -P {FASP_TCP_PORT} (or -P 22); to use {FASP_TCP_PORT}, the change would be "
                    "for your network team",
                    audience=Audience.USER,
                )
            )
    return findings


def _no_control(address: str, tcp: list[PortResult]) -> list[Finding]:
    """No SSH control port works: who must act depends on where the evidence puts the problem."""
    if not tcp or all(p.state is PortState.ERROR for p in tcp):
        return []
    phrase = "; ".join(_port_phrase(p) for p in tcp)
    ports = " and ".join(str(p.port) for p in tcp)
    wanted = control_ports_to_open(tcp)
    if wanted:
        # The same port(s) the change request asks for: one SSH control port is enough (33001 first).
        asked = " and ".join(str(p.port) for p in wanted)
        return [
            Finding(
                Severity.BLOCKER,
                f"No SSH control port reachable on {address}",
                phrase,
                f"ask the network team to allow outbound TCP {asked} to {address}"
                + (" (one SSH control port is enough; ascp then needs -P " + asked + ")" if len(tcp) > 1 else ""),
                audience=Audience.CLIENT_NETWORK,
            )
        ]
    if not any(unconfirmed(p) for p in tcp) and all(
        p.state in (PortState.SERVER_SILENT, PortState.CLOSED, PortState.REJECTED, PortState.OPEN) for p in tcp
    ):
        return [
            Finding(
                Severity.BLOCKER,
                f"No SSH service answers at {address} (TCP {ports})",
                phrase + ". The client's network passes TCP up to the server; the server (or a filter on its side) "
                "does not accept the connection",
                "ask the data provider which port their Aspera SSH service uses, and whether their firewall admits "
                "only listed client addresses (then give them your address)",
                audience=Audience.SERVER_OPERATORS,
            )
        ]
    if all(p.state is PortState.SILENT for p in tcp):
        return [
            Finding(
                Severity.WARNING,
                f"No TCP handshake completed on {address} (TCP {ports})",
                phrase + ". ascp cannot open its SSH connection this way; where the traffic stops cannot be seen",
                f"ask the data provider whether the server at {address} is up and admits your address, and your "
                f"network team whether outbound TCP {ports} to it is allowed",
                audience=Audience.USER,
                proven=False,
                settle="the data provider's word that the server is up, or a traceroute from a network that "
                "lets ICMP back in",
            )
        ]
    return [
        Finding(
            Severity.WARNING,
            f"No SSH control port could be shown to work on {address}",
            phrase,
            "run a capped test transfer (--transfer), or ask the network team whether TCP "
            f"{ports} to {address} is allowed",
            audience=Audience.USER,
            proven=False,
            settle="a capped test transfer (--transfer) shows whether ascp can open its SSH connection",
        )
    ]


def _udp_findings(address: str, udp: list[PortResult]) -> list[Finding]:
    findings: list[Finding] = []
    for ports, run in port_groups(udp):
        p = run[0]
        label = f"{p.protocol}/{ports}"
        evidence = p.control.meaning if p.control else p.detail
        if blocked_by_client_network(p):
            findings.append(
                Finding(
                    Severity.BLOCKER,
                    f"UDP {ports} (FASP data) blocked toward {address}",
                    _port_phrase(p, label) + (f". {evidence}" if p.control else ""),
                    f"ask the network team to allow outbound UDP {ports} to {address} (and the replies){_where(p)}",
                    audience=Audience.CLIENT_NETWORK,
                )
            )
        elif p.state is PortState.REJECTED:
            findings.append(
                Finding(
                    Severity.BLOCKER,
                    f"UDP {ports} (FASP data) is rejected by the server at {address} itself",
                    _port_phrase(p, label),
                    "ask the data provider to open UDP " + ports + " in the server's own firewall",
                    audience=Audience.SERVER_OPERATORS,
                )
            )
        elif p.state is PortState.SERVER_SILENT:
            findings.append(
                Finding(
                    Severity.WARNING,
                    f"UDP {ports} reaches the last router before {address}; the server is silent on it",
                    evidence,
                    "nothing for your network team: their part passes UDP "
                    f"{ports}; run the capped test transfer to be sure",
                    audience=Audience.SERVER_OPERATORS,
                    proven=False,
                    settle=p.control.settle if p.control else "",
                )
            )
        elif p.state is PortState.SILENT:
            findings.append(
                Finding(
                    Severity.WARNING,
                    f"UDP {ports} toward {address}: no answer, and no evidence where it stops",
                    evidence,
                    "run the capped test transfer (--transfer) or the responder (--responder) before asking anyone "
                    "to change a firewall",
                    audience=Audience.USER,
                    proven=False,
                    settle=p.control.settle if p.control else "",
                )
            )
        elif p.state is PortState.ERROR:
            findings.append(Finding(Severity.WARNING, f"Could not test {label} on {address}", p.detail))
    return findings


def _address_findings(report: Report, address: str, ports: tuple[PortResult, ...]) -> list[Finding]:
    unrouted = [p for p in ports if p.no_route]
    down = [p for p in ports if host_unreachable(p) and p not in unrouted]
    tcp = [p for p in ports if p.protocol is Protocol.TCP and p not in down and p not in unrouted]
    udp = [p for p in ports if p.protocol is Protocol.UDP and p not in down and p not in unrouted]
    found = [
        *_no_route_findings(address, unrouted),
        *_host_unreachable_findings(address, down),
        *_tcp_findings(address, tcp),
        *_udp_findings(address, udp),
    ]
    return [replace(f, address=address) for f in found]


def _no_route_findings(address: str, unrouted: list[PortResult]) -> list[Finding]:
    if not unrouted:
        return []
    p = unrouted[0]
    name = p.answer.icmp.name if p.answer and p.answer.icmp else "no-route"
    where = p.location.removeprefix("no route at ") or "a router"
    ipv6 = Family.of(address) is Family.IPV6
    return [
        Finding(
            Severity.BLOCKER,
            f"No route to {address} from {where}",
            f"{p.offender or 'a router'} answered ICMP {name} for every port ({', '.join(r.label for r in unrouted)}"
            " and an unused one): it has no route to the server's network. This is routing, not a firewall rule,"
            " so no port needs opening"
            + ("; a site without IPv6 connectivity beyond its own network answers exactly this" if ipv6 else ""),
            "ask your network team why that router has no route to "
            + address
            + (" (or transfer over IPv4: ascp without -6)" if ipv6 else ""),
            audience=Audience.CLIENT_NETWORK,
        )
    ]


def _host_unreachable_findings(address: str, down: list[PortResult]) -> list[Finding]:
    if not down:
        return []
    p = down[0]
    labels = ", ".join(r.label for r in down)
    sender = p.offender or "a router"
    where = f" at hop {p.blocked_at.hop}" if p.blocked_at and p.blocked_at.hop else ""
    name = p.answer.icmp.name if p.answer and p.answer.icmp else "host-unreachable"
    return [
        Finding(
            Severity.BLOCKER,
            f"The router{where} before {address} cannot deliver to it ({labels})",
            f"{sender} answered ICMP {name}: the server is down, or this address is no longer in use, or a filter "
            "rejects all traffic to it with that code",
            f"ask the data provider whether {address} is up; if they say it is, show this evidence to your "
            "network team",
            audience=Audience.SERVER_OPERATORS,
            proven=False,
            settle="the data provider's word that the server is up and reachable at this address",
        )
    ]


def _family_differences(ports: Sequence[PortResult]) -> list[Finding]:
    """IPv4 and IPv6 disagreeing on a port is a classic cause of 'works from one machine only'."""
    differing: list[tuple[Protocol, int, str]] = []
    failing: dict[tuple[Protocol, int], list[PortResult]] = {}
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
            differing.append((protocol, port, states))
            failing[(protocol, port)] = [r for results in families.values() for r in results if not r.path_open]
    # Neighbouring ports that differ in the same way are one finding (a range such as 33001-33010).
    runs: list[list[tuple[Protocol, int, str]]] = []
    for item in differing:
        last = runs[-1][-1] if runs else None
        if last is not None and (last[0], last[1] + 1, last[2]) == item:
            runs[-1].append(item)
        else:
            runs.append([item])
    return [_family_finding(run, failing[(run[0][0], run[0][1])]) for run in runs]


def _family_finding(run: list[tuple[Protocol, int, str]], failing: list[PortResult]) -> Finding:
    """Who the difference is for follows where the failing family's traffic stops: a rule on the client's
    side proven by a drop or a reject there is the network team's; silence or a refusal at the server (a dead
    address, a server that does not listen on that family) is the data provider's; anything else is unproven."""
    title = f"IPv4 and IPv6 differ on {run[0][0].value}/{port_ranges(p for _, p, _ in run)}"
    detail = f"{run[0][2]}: machines that prefer the other address family will see a different result"
    if failing and all(blocked_by_client_network(r) for r in failing):
        return Finding(
            Severity.WARNING,
            title,
            detail,
            "ask the network team to apply the same rule to both families",
            audience=Audience.CLIENT_NETWORK,
        )
    addresses = ", ".join(sorted({r.address for r in failing}))
    if failing and all(
        at_target(r) or host_unreachable(r) or r.state in (PortState.SERVER_SILENT, PortState.CLOSED) for r in failing
    ):
        return Finding(
            Severity.WARNING,
            title,
            detail + f"; the traffic to {addresses} stops at the server's side, not in the client's network",
            f"ask the data provider whether their server answers at {addresses} (or stop publishing it)",
            audience=Audience.SERVER_OPERATORS,
            proven=False,
            settle=f"the data provider's word on {addresses}, or a capped test transfer over that family",
        )
    return Finding(
        Severity.WARNING,
        title,
        detail + "; where the failing family's traffic stops is not proven",
        "run the check again; if the difference stays, run a capped test transfer to each address (ascp -6 for IPv6)",
        audience=Audience.USER,
        proven=False,
        settle="a capped test transfer over each family",
    )


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
        runs: list[tuple[Protocol, list[int], dict[str, Cell]]] = []
        for protocol, number in columns:
            cells = {}
            for address in report.addresses:
                result = find_port(report, address, protocol, number)
                cells[address] = Cell(port_cell(result), port_tone(result))
            last = runs[-1] if runs else None
            if last is not None and last[0] is protocol and last[1][-1] == number - 1 and last[2] == cells:
                last[1].append(number)
            else:
                runs.append((protocol, [number], cells))
        return [
            OverviewColumn(f"{protocol.value.upper()} {port_ranges(numbers)}", cells)
            for protocol, numbers, cells in runs
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
