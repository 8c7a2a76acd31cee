"""What a port result proves, and for whom: the predicates every part of the reachability measurement and
the engine read (a block on the client's side, a server that is down, the control port to ask for), and
the grades an address gets."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

from aspdiag.core.facts import FASP_TCP_PORT
from aspdiag.core.model import (
    Grade,
    PortState,
    Protocol,
    Report,
)
from aspdiag.core.units import port_ranges
from aspdiag.measurements.reachability.result import BannerKind, PortResult

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


def port_phrase(result: PortResult, label: str = "") -> str:
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


def where_it_stops(result: PortResult) -> str:
    if not result.location:
        return ""
    return f"; {result.location}" if result.state is PortState.REJECTED else f"; it stops {result.location}"


def open_controls(tcp: Sequence[PortResult]) -> list[PortResult]:
    # An open TCP port only serves as the SSH control port if it speaks SSH (or we could not tell), and the
    # server itself answered it (not a proxy before it).
    return [
        p
        for p in tcp
        if p.state is PortState.OPEN and (p.banner is None or p.banner.kind in (BannerKind.SSH, BannerKind.REFUSED))
    ]


def relays_ssh(result: PortResult) -> bool:
    """A port a device before the server answered itself, whose connection then spoke SSH (what a SYN proxy
    relays from the server, or a device's own sshd: the greeting alone cannot tell them apart)."""
    return result.state is PortState.INTERCEPTED and result.banner is not None and result.banner.kind is BannerKind.SSH


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


def last_router_note(results: Sequence[PortResult]) -> str:
    """A caveat for a reject by the last router before the server: who owns that device cannot be seen from
    here. It may be the client's perimeter (a short path) or the data provider's own edge, where silence is
    already called the server's side; the request still goes to the client's network team, who can tell."""
    for result in results:
        hop = result.blocked_at.hop if result.blocked_at else None
        if (
            result.state is PortState.REJECTED
            and hop is not None
            and result.hops_to_target is not None
            and hop == result.hops_to_target - 1
            and not at_target(result)
        ):
            return (
                f" (hop {hop} is the last router before the server: if that device is not in your network, the "
                "data provider's network team must change it instead)"
            )
    return ""


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
    if result.refused_here:
        return Grade.BLOCKED  # this machine's own firewall: the transfer fails from here
    return Grade.UNKNOWN


def control_grade(tcp: Sequence[PortResult]) -> Grade:
    """How well the SSH control connection is shown to work on one address."""
    control = open_controls(tcp)
    if any(p.banner is None or p.banner.kind is BannerKind.SSH for p in control):
        return Grade.PROVEN
    if control or any(relays_ssh(p) for p in tcp):
        # Reachable, but the server refused us right now; or a device before it answers the port with SSH
        # (a SYN proxy passes the connection on; a redirect to its own sshd would not): probably usable.
        return Grade.PROBABLE
    if tcp and all(p.refused_here for p in tcp):
        return Grade.BLOCKED  # this machine's own firewall refuses every control port
    if any(p.state in (PortState.SILENT, PortState.INTERCEPTED, PortState.ERROR) or unconfirmed(p) for p in tcp):
        return Grade.UNKNOWN
    if any(p.state is PortState.OPEN for p in tcp):
        return Grade.BLOCKED  # answers, but not SSH
    return Grade.BLOCKED if tcp else Grade.UNKNOWN
