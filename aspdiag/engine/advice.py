"""What to ask for and what to run: the firewall change request, the tuned ascp command line and the
pre-download checklist, all pure functions of a Report."""

from __future__ import annotations

import ipaddress
from dataclasses import replace
from datetime import datetime, timedelta

from aspdiag.core.facts import FASP_TCP_PORT, best_control_port
from aspdiag.core.model import Family, Grade, Protocol, Report, RuleRequest, Verdict
from aspdiag.measurements.path import paths_of
from aspdiag.measurements.reachability import MEASUREMENT as REACHABILITY
from aspdiag.measurements.reachability import (
    PortResult,
    blocked_by_client_network,
    control_ports_to_open,
    ports_for,
    ports_of,
)
from aspdiag.measurements.responder import responders_of
from aspdiag.measurements.route import route_for, routes_of

DEFAULT_RULE_DAYS = 30
POLITENESS_CAP_MBPS = 100
"""Target rate suggested while capacity is not measured: do not hog someone else's network."""


def _ranges(ports: list[int]) -> list[str]:
    """``[33001, 33002, 33003, 33005]`` -> ``["33001-33003", "33005"]``."""
    out: list[str] = []
    for port in sorted(set(ports)):
        if out and "-" not in out[-1] and int(out[-1]) == port - 1:
            out[-1] = f"{out[-1]}-{port}"
        elif out and "-" in out[-1] and int(out[-1].split("-")[1]) == port - 1:
            out[-1] = f"{out[-1].split('-')[0]}-{port}"
        else:
            out.append(str(port))
    return out


def _blocked(result: PortResult) -> bool:
    """Only what the client's network team can act on: a proven block by a device before the server. Silence
    at the server, a reject by the server's own firewall and silence that proves nothing are not theirs."""
    return blocked_by_client_network(result) and not result.rate_limit_suspected


_NAT_RANGES = tuple(
    ipaddress.ip_network(n) for n in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "fc00::/7")
)
"""Private (RFC 1918, RFC 6598 shared, IPv6 ULA) ranges: a client there reaches the Internet through NAT."""


def nat_note(source: str | None, seen_from: str | None = None) -> str:
    """A note when the client is behind NAT: measured (the responder saw another source address), or likely
    (the client's address is private): the perimeter sees the translated address."""
    if seen_from and source and seen_from != source:
        return (
            f"NAT: the server sees this client as {seen_from} (measured by the responder), not as {source}; the "
            f"rule's source is {seen_from} (or the NAT pool) where the perimeter sits beyond the translation"
        )
    if source is None:
        return "source address unknown"
    try:
        address = ipaddress.ip_address(source)
    except ValueError:  # redacted ("ip-1")
        return ""
    if any(address.version == net.version and address in net for net in _NAT_RANGES):
        return (
            "the client has a private address: the perimeter probably sees it through NAT; "
            "use the translated public address (or the NAT pool) as the source"
        )
    return ""


CHANGE_REQUEST_COLUMNS = (
    "#",
    "Source",
    "Destination",
    "Protocol / port",
    "Direction",
    "Action",
    "Justification",
    "Expires",
    "Evidence",
)
"""Column titles of the change-request table, the same in every report format."""


def change_request(report: Report, rule_days: int = DEFAULT_RULE_DAYS) -> tuple[RuleRequest, ...]:
    """One row per rule really needed: UDP data ports blocked toward an address, and the SSH control port
    when no control port reaches that address (TCP 33001, as IBM recommends, when it was tested)."""
    started = datetime.fromisoformat(report.started_utc.replace("Z", "+00:00")) if report.started_utc else None
    expires = (started + timedelta(days=rule_days)).date().isoformat() if started else ""
    name = None if report.target.is_literal else report.target.host
    rows: list[RuleRequest] = []
    seen = {r.address: r.seen_source_address for r in responders_of(report) if r.seen_source_address}
    for address in report.addresses:
        ports = ports_for(report, address)
        route = route_for(report, address)
        source = route.source_address if route else None
        subnet = route.source_subnet if route else None
        tcp = [p for p in ports if p.protocol is Protocol.TCP]
        needed: list[PortResult] = list(control_ports_to_open(tcp))
        needed += [p for p in ports if p.protocol is Protocol.UDP and _blocked(p)]
        for protocol in (Protocol.TCP, Protocol.UDP):
            group = [p for p in needed if p.protocol is protocol]
            for port_range in _ranges([p.port for p in group]):
                low = int(port_range.split("-")[0])
                example = next(p for p in group if p.port == low)
                role = "SSH control for IBM Aspera" if protocol is Protocol.TCP else "IBM Aspera FASP data"
                rows.append(
                    RuleRequest(
                        source_address=source,
                        source_subnet=subnet,
                        nat_note=nat_note(source, seen.get(address)),
                        destination_name=name,
                        destination_address=address,
                        protocol=protocol,
                        ports=port_range,
                        direction="outbound, client to server; replies allowed back",
                        action="allow",
                        justification=(
                            f"{role} ({protocol.value.upper()} {port_range}) from this data-transfer host to "
                            f"{report.target.display} ({address}): needed to download/upload research data "
                            "with ascp; temporary, for the duration of the transfer"
                        ),
                        expires=expires,
                        evidence=_evidence(example),
                    )
                )
    # READY, or ready-but-unconfirmed, with rows: they are for an address the transfer does not need (IPv6
    # while IPv4 works: ascp uses IPv4 unless given -6), so they are optional.
    if rows and report.assessment.verdict in (Verdict.READY, Verdict.UNCONFIRMED):
        rows = [replace(r, needed=False) for r in rows]
    return tuple(rows)


def _evidence(result: PortResult) -> str:
    where = result.location or result.detail
    when = result.started_utc or "?"
    return f"{result.label} {result.state.value}: {where} (method {result.method}, {when})"


def _control_port(report: Report) -> int | None:
    return best_control_port(ports_of(report))


def _path_mtu(report: Report) -> int | None:
    mtus = [m for r in routes_of(report) for m in (r.route_mtu_bytes or r.interface_mtu_bytes,) if m]
    mtus += [p.path_mtu_bytes for p in paths_of(report) if p.path_mtu_bytes]
    return min(mtus) if mtus else None


_USABLE = (Grade.PROVEN, Grade.PROBABLE)


def _family_grades(report: Report) -> tuple[list[Grade | None], list[Grade | None]]:
    """The grades of the IPv4 addresses and of the IPv6 ones."""
    grades = REACHABILITY.grades(report)
    v4 = [grades.get(a) for a in report.addresses if Family.of(a) is Family.IPV4]
    v6 = [grades.get(a) for a in report.addresses if Family.of(a) is Family.IPV6]
    return v4, v6


def only_ipv6_works(report: Report) -> bool:
    """Every IPv4 address is shown blocked and an IPv6 one usable: ascp (IPv4 unless given -6) needs -6."""
    v4, v6 = _family_grades(report)
    return bool(v4) and all(g is Grade.BLOCKED for g in v4) and any(g in _USABLE for g in v6)


def _ipv6_alone_usable(report: Report) -> bool:
    """No IPv4 address is shown usable and an IPv6 one is: ascp (IPv4 unless given -6) needs -6 to use it."""
    v4, v6 = _family_grades(report)
    return bool(v4) and not any(g in _USABLE for g in v4) and any(g in _USABLE for g in v6)


def ascp_command(report: Report, user: str | None = None) -> str:
    """The ascp command line tuned from what was measured (placeholders in angle brackets)."""
    control = _control_port(report) or FASP_TCP_PORT
    udp = report.settings.udp_ports[0] if report.settings.udp_ports else 33001
    args = ["ascp", "-P", str(control), "-O", str(udp), "-l", f"{POLITENESS_CAP_MBPS}m", "-k", "1"]
    mtu = _path_mtu(report)
    v6_only = bool(report.addresses) and all(Family.of(a) is Family.IPV6 for a in report.addresses)
    v6_only = v6_only or _ipv6_alone_usable(report)  # includes only_ipv6_works: BLOCKED is not usable
    if mtu is not None and mtu < 1500:
        args += ["-Z", str(mtu - (48 if v6_only else 28))]
    if v6_only:
        args.append("-6")
    host = report.target.host if not report.target.is_literal else report.target.host
    args += [f"{user or '<user>'}@{host}:<remote path>", "<local directory>"]
    return " ".join(args)
