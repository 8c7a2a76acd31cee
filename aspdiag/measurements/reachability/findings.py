"""The reachability findings: per address (blocked, refused, intercepted, silent ports, the server down, no
route), and IPv4 against IPv6, each with its audience and what would settle it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from aspdiag.core.facts import FASP_TCP_PORT
from aspdiag.core.model import (
    Audience,
    Family,
    Finding,
    PortState,
    Protocol,
    Report,
    Severity,
)
from aspdiag.core.units import port_ranges
from aspdiag.measurements.reachability.evidence import (
    at_target,
    blocked_by_client_network,
    control_ports_to_open,
    host_unreachable,
    last_router_note,
    open_controls,
    port_groups,
    port_phrase,
    relays_ssh,
    unconfirmed,
    where_it_stops,
)
from aspdiag.measurements.reachability.result import NOT_OPENED, AnswerKind, BannerKind, PortResult

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
    control = open_controls(tcp)
    for p in tcp:
        if p.state is PortState.OPEN and p.banner is not None and p.banner.kind is BannerKind.REFUSED:
            findings.append(_refusal_finding(address, p.port, p.banner.text))
        elif unconfirmed(p):
            assert p.banner is not None
            if p.banner.text.startswith(NOT_OPENED):
                continue  # deliberately not read (one SSH connection per scrape): nothing to warn about
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
            relayed = relays_ssh(p)
            findings.append(
                Finding(
                    Severity.WARNING,
                    f"TCP {p.port} toward {address} is answered by a device at hop "
                    f"{p.blocked_at.hop if p.blocked_at else '?'}, not by the server",
                    p.detail
                    + (f"; it said {p.banner.text!r}" if p.banner and p.banner.text else "")
                    + (
                        ": SSH answers through it (a SYN proxy passes the connection on to the server; a redirect to"
                        " the device's own sshd would not, and the greeting alone cannot tell them apart)"
                        if relayed
                        else ""
                    ),
                    "ask the network team which device answers this port (a transparent SSH proxy, a SYN proxy) "
                    "and whether it forwards SSH to the server; the FASP data (UDP) does not go through it",
                    audience=Audience.CLIENT_NETWORK,
                    proven=not relayed,
                    settle="a capped test transfer (--transfer): ascp logs in only if SSH reaches the server"
                    if relayed
                    else "",
                )
            )
        elif p.refused_here:
            # With another SSH control port working, ascp has a way: a warning, not a blocker (a review: BLOCKED
            # while the suggested 'ascp -P 22' worked).
            finding = _local_firewall_finding(address, p)
            if control:
                finding = replace(
                    finding,
                    severity=Severity.WARNING,
                    detail=finding.detail + f"; TCP {control[0].port} works, so ascp without -P {p.port} does",
                )
            findings.append(finding)
        elif p.state is PortState.ERROR:
            findings.append(Finding(Severity.WARNING, f"Could not test {p.label} on {address}", p.detail))
    if not control and not all(p.refused_here for p in tcp) and not any(relays_ssh(p) for p in tcp):
        findings += _no_control(address, tcp)
    elif any(p.port != 22 for p in control) and not any(p.port == 22 for p in control):
        port = control[0].port
        silent_22 = next((p for p in tcp if p.port == 22 and p.state is PortState.SERVER_SILENT), None)
        unsure_22 = next((p for p in tcp if p.port == 22 and unconfirmed(p)), None)
        why = " (the server does not answer TCP 22 at all)" if silent_22 else ""
        # Not 'TCP 22 is not' when 22 answered the handshake and only its greeting was not seen (a lossy path).
        said = (
            f"TCP {port} answers with SSH; TCP 22 answered the handshake but its service could not be told"
            if unsure_22
            else f"TCP {port} is open but TCP 22 is not{why}"
        )
        findings.append(
            Finding(
                Severity.INFO,
                f"Use -P {port} on {address}",
                f"{said}; ascp uses 22 unless told otherwise",
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
        quiet = next(
            (
                p
                for p in tcp
                if p.port == FASP_TCP_PORT and p.state in (PortState.CLOSED, PortState.SERVER_SILENT, PortState.SILENT)
            ),
            None,
        )
        if not blocked and quiet is not None:
            # No change request (nothing proves the client's network stops it): say it rather than leave a user
            # whose preset says -P 33001 without a word (a reset from the server itself, silence at the server,
            # or silence nobody can place, such as this machine's own firewall seen through a socket).
            if quiet.state is PortState.SILENT:
                said = f"no answer, and where it stops cannot be seen ({quiet.location or 'no evidence'})"
            elif quiet.state is PortState.SERVER_SILENT:
                said = "the routers up to the server answered, the server did not: its own filter, or nothing listens"
            elif "not confirmed" in quiet.detail:
                said = "a reset carrying the server's address came back (from the server, or a device before it)"
            else:
                said = "the server itself answered with a reset: nothing listens there"
            findings.append(
                Finding(
                    Severity.INFO,
                    f"TCP {FASP_TCP_PORT} on {address} "
                    + ("gets no answer" if quiet.state is PortState.SILENT else "does not offer SSH")
                    + "; TCP 22 works",
                    f"tcp/{FASP_TCP_PORT} {quiet.state.value}: {said}. ascp works over TCP 22 (its default); a "
                    f"command with -P {FASP_TCP_PORT} would fail from here",
                    f"use ascp without -P {FASP_TCP_PORT}; "
                    + (
                        f"to use {FASP_TCP_PORT}, find out where it stops (this machine's firewall, your network, "
                        "or the server's side)"
                        if quiet.state is PortState.SILENT
                        else f"if the provider documents {FASP_TCP_PORT}, tell them it does not answer"
                    ),
                    audience=Audience.USER,
                )
            )
    return findings


def _no_control(address: str, tcp: list[PortResult]) -> list[Finding]:
    """No SSH control port works: who must act depends on where the evidence puts the problem."""
    if not tcp or all(p.state is PortState.ERROR for p in tcp):
        return []
    phrase = _grouped_phrase(tcp)
    ports = port_ranges([p.port for p in tcp])
    wanted = control_ports_to_open(tcp)
    if wanted:
        # The same port(s) the change request asks for: one SSH control port is enough (33001 first).
        asked = port_ranges([p.port for p in wanted])
        return [
            Finding(
                Severity.BLOCKER,
                f"No SSH control port reachable on {address}",
                phrase,
                f"ask the network team to allow outbound TCP {asked} to {address}"
                + (" (one SSH control port is enough; ascp then needs -P " + asked + ")" if len(tcp) > 1 else "")
                + last_router_note(wanted),
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
                phrase
                + (
                    ". The client's network passes TCP up to the server; the server accepts the connection but no "
                    "port speaks SSH (a proxy, a tarpit or the wrong service holds it)"
                    if any(p.state is PortState.OPEN for p in tcp)
                    else ". The client's network passes TCP up to the server; the server (or a filter on its side) "
                    "does not accept the connection"
                ),
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
                    port_phrase(p, label) + (f". {evidence}" if p.control else ""),
                    f"ask the network team to allow outbound UDP {ports} to {address} (and the replies)"
                    + where_it_stops(p)
                    + last_router_note(run),
                    audience=Audience.CLIENT_NETWORK,
                )
            )
        elif p.state is PortState.REJECTED:
            findings.append(
                Finding(
                    Severity.BLOCKER,
                    f"UDP {ports} (FASP data) is rejected by the server at {address} itself",
                    port_phrase(p, label),
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
        elif p.refused_here:
            findings.append(_local_firewall_finding(address, p))
        elif p.state is PortState.ERROR:
            findings.append(Finding(Severity.WARNING, f"Could not test {label} on {address}", p.detail))
    return findings


def _grouped_phrase(ports: Sequence[PortResult]) -> str:
    """Each port's evidence in a few words, ports that read the same told once (``tcp/22, 33001-33003 on X:
    closed — ...``), in the order they were given."""
    groups: dict[tuple[str, str], list[PortResult]] = {}
    for p in ports:
        groups.setdefault((p.state.value, p.detail), []).append(p)
    return "; ".join(
        port_phrase(same[0], f"{same[0].protocol.value}/{port_ranges([p.port for p in same])}")
        for same in groups.values()
    )


def _local_firewall_finding(address: str, p: PortResult) -> Finding:
    """This machine's own firewall stopped the probe before it left: a blocker for the transfer from here, for
    this machine's administrator (a held-out review: as root it read 'dropped at the first hop' with a change
    request for the network team; as nobody 'could not test' with no action)."""
    return Finding(
        Severity.BLOCKER,
        f"This machine's own firewall blocks {p.label} toward {address}",
        f"{p.detail}. The probe never left this machine, so nothing beyond it was tested for this flow",
        f"allow outbound {p.protocol.value.upper()} {p.port} to {address} in this machine's firewall (nftables or "
        "iptables OUTPUT rules, ufw, firewalld, or a security agent), or ask whoever administers it; then check again",
        audience=Audience.USER,
    )


def address_findings(report: Report, address: str, ports: tuple[PortResult, ...]) -> list[Finding]:
    unrouted = [p for p in ports if p.no_route]
    down = [p for p in ports if host_unreachable(p) and p not in unrouted]
    tcp = [p for p in ports if p.protocol is Protocol.TCP and p not in down and p not in unrouted]
    udp = [p for p in ports if p.protocol is Protocol.UDP and p not in down and p not in unrouted]
    found = [
        *_no_route_findings(address, unrouted),
        *_host_unreachable_findings(address, down),
        *_tcp_findings(address, tcp),
        *_udp_findings(address, udp),
        *_load_balancing_findings(address, ports),
    ]
    return [replace(f, address=address) for f in found]


def _load_balancing_findings(address: str, ports: Sequence[PortResult]) -> list[Finding]:
    """Different routers answering the same hop for different flows: per-flow load balancing (ECMP, or a
    balancer before a server farm). Each port was probed on one flow (one 5-tuple, Paris-traceroute style), so
    its result holds for the path that flow took; another flow (ascp's) may take another (a review: one of
    two equal-cost paths dropping UDP 33001 read READY in 6 runs of 9)."""
    seen: dict[int, set[str]] = {}
    for p in ports:
        for answer in p.trace:
            if answer.kind is AnswerKind.TIME_EXCEEDED and answer.responder:
                seen.setdefault(answer.ttl, set()).add(answer.responder)
    split = sorted((hop, sorted(routers)) for hop, routers in seen.items() if len(routers) > 1)
    if not split:
        return []
    hop, routers = split[0]
    return [
        Finding(
            Severity.INFO,
            f"Flows toward {address} take different paths from hop {hop} on ({', '.join(routers)})",
            "per-flow load balancing (equal-cost paths, or a balancer): each port was probed on one flow, so its "
            "result holds for the path that flow took; ascp's flows may take another",
            "if a transfer fails where this check passed, run the capped test transfer a few times and tell the "
            f"network team that the paths from hop {hop} on may differ",
            audience=Audience.USER,
            proven=False,
            settle="capped test transfers (each one a new flow)",
        )
    ]


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


def family_differences(ports: Sequence[PortResult]) -> list[Finding]:
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
