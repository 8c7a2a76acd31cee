"""Marks on a whole address's port results that no single port shows alone: a UDP port only the target
left unanswered (rate limiting or a busy server), a router without a route for every flow, a server that
is down (host-unreachable, nothing from the server on any port). Pure functions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from aspdiag.core.model import PortState, Protocol
from aspdiag.measurements.reachability.result import PortResult, ProbeAnswer

RATE_LIMIT_NOTE = (
    " (the server answered other UDP ports: it holds this one — a running transfer on a busy Aspera server —"
    " or it is only rate-limiting its ICMP replies: Linux sends about one per second after a burst of six)"
)


def flag_rate_limited(results: Sequence[PortResult]) -> list[PortResult]:
    """Mark UDP ports that only the target left unanswered while it answered other UDP ports (pure)."""
    answered = any(r.protocol is Protocol.UDP and r.state is PortState.CLOSED for r in results)
    flagged = []
    for result in results:
        if answered and result.protocol is Protocol.UDP and result.state is PortState.SERVER_SILENT:
            result = replace(
                result,
                rate_limit_suspected=True,
                location=result.location + RATE_LIMIT_NOTE,
                detail=result.detail + RATE_LIMIT_NOTE,
            )
        flagged.append(result)
    return flagged


def _unreachable(answer: ProbeAnswer | None, v4_codes: tuple[int, ...], v6_codes: tuple[int, ...]) -> bool:
    """Whether ``answer`` is an ICMP destination-unreachable (IPv4 type 3, ICMPv6 type 1) with one of the codes."""
    icmp = answer.icmp if answer is not None else None
    if icmp is None:
        return False
    if icmp.family == "ipv4":
        return icmp.type == 3 and icmp.code in v4_codes
    return icmp.type == 1 and icmp.code in v6_codes


def routing_code(answer: ProbeAnswer | None) -> bool:
    """An ICMP 'no route' from a router: IPv4 net-unreachable (3/0), network-unknown (3/6), net-unreachable
    for the type of service (3/11); ICMPv6 no-route-to-destination (1/0)."""
    return _unreachable(answer, (0, 6, 11), (0,))


def flag_no_route(results: Sequence[PortResult]) -> list[PortResult]:
    """Mark every flow of one address as 'no route' when all of them, the unused control port included, were
    rejected with a routing code by the same router (pure).

    A router without a route to the server's network (a site without an IPv6 upstream, a withdrawn prefix)
    answers every port alike; a filter that uses the same code for the ports it rejects leaves the others
    (and an unused neighbouring port) alone. Only the first is routing: no port rule would help, so it must
    never become a change request."""
    senders = {
        (r.answer.responder, r.blocked_at.hop if r.blocked_at else None)
        for r in results
        if r.answer is not None and r.answer.responder != r.address
    }
    if len(results) < 2 or len(senders) != 1:
        return list(results)
    if not all(r.state is PortState.REJECTED and routing_code(r.answer) for r in results):
        return list(results)
    sender, hop = next(iter(senders))
    where = f"hop {hop} ({sender})" if hop else str(sender)
    note = (
        f": the router at {where} has no route to the server's network — every port to this address, an unused"
        " one too, gets this answer, so routing stops it, not a port rule"
    )
    return [replace(r, no_route=True, location=f"no route at {where}", detail=r.detail + note) for r in results]


def host_unreachable_code(answer: ProbeAnswer | None) -> bool:
    """ICMP host-unreachable (3/1) or host-unknown (3/7); ICMPv6 address-unreachable (1/3)."""
    return _unreachable(answer, (1, 7), (3,))


def flag_host_down(results: Sequence[PortResult]) -> list[PortResult]:
    """Mark a router's host-unreachable as 'server down' only when nothing on any flow of this address (the
    unused control port included) came from the server itself (pure). The last router says it when its
    neighbour lookup for the server fails; a firewall that rejects one port with the same code while the
    server answers the others is a port rule (a held-out review found it handed to the server's operators)."""
    if any(r.answer is not None and r.answer.responder == r.address for r in results):
        return list(results)
    return [
        replace(r, host_down=True)
        if r.state is PortState.REJECTED and host_unreachable_code(r.answer) and r.offender != r.address
        else r
        for r in results
    ]
