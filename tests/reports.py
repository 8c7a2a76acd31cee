"""Building Report objects in tests: sections by keyword (``dns=``, ``ports=``...), judged like the engine
judges a finished check, so that ``report.assessment`` holds the verdict."""

from __future__ import annotations

from dataclasses import fields, replace
from typing import Any

from aspdiag.core.model import Report
from aspdiag.engine.registry import MEASUREMENTS
from aspdiag.engine.verdict import judge

SECTION_KEYS = {m.key for m in MEASUREMENTS}
FIELDS = {f.name for f in fields(Report)}


def _split(changes: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    sections = {k: v for k, v in changes.items() if k in SECTION_KEYS}
    rest = {k: v for k, v in changes.items() if k not in SECTION_KEYS}
    unknown = set(rest) - FIELDS
    if unknown:
        raise TypeError(f"Report has no field or section {sorted(unknown)}")
    return sections, rest


def make_report(*args: Any, **kwargs: Any) -> Report:
    """``Report(...)`` with sections given by their keys, judged."""
    sections, rest = _split(kwargs)
    empty = {m.key: m.empty for m in MEASUREMENTS}
    rest["sections"] = {**empty, **sections}
    return judge(Report(*args, **rest))


def revise(report: Report, **changes: Any) -> Report:
    """``dataclasses.replace`` for reports: fields and sections by keyword, judged again."""
    sections, rest = _split(changes)
    return judge(replace(report, sections={**report.sections, **sections}, **rest))


def wide_report(*, mixed: bool = False) -> Report:
    """A check of ten UDP ports (``--udp-port 33001-33010``) on an IPv4 and a long IPv6 address, all dropped
    after a firewall with a long IPv6 address: the widest evidence a terminal or a page has to hold whole.
    ``mixed``: every other port is open instead, so no two neighbours read the same (no range to merge)."""
    from aspdiag.core.config import validate_host
    from aspdiag.core.model import CheckSettings, Environment, Family, PortState, Protocol
    from aspdiag.measurements.dns.result import DnsOutcome, DnsQuery, DnsResult
    from aspdiag.measurements.reachability.result import (
        AnswerKind,
        Banner,
        BannerKind,
        HopRef,
        IcmpError,
        PortResult,
        ProbeAnswer,
    )
    from aspdiag.measurements.route.result import RouteOutcome, RouteResult

    dns = DnsResult(
        name="fasp.lab.test",
        queries=(
            DnsQuery("A", DnsOutcome.RESOLVED, (WIDE_V4,), ("fasp.lab.test",), "198.18.1.1", 2.5),
            DnsQuery("AAAA", DnsOutcome.RESOLVED, (WIDE_V6,), ("fasp.lab.test",), "198.18.1.1", 2.7),
        ),
        configured_resolvers=("198.18.1.1",),
        lookup_ms=3.1,
        started_utc="2026-11-21T10:00:00.000Z",
    )
    ports = []
    for address, firewall in ((WIDE_V4, "198.18.2.2"), (WIDE_V6, WIDE_FW6)):
        family = Family.of(address)
        for port in (22, 33001):
            ports.append(
                PortResult(
                    address,
                    Protocol.TCP,
                    port,
                    PortState.OPEN,
                    probes=(ProbeAnswer(64, AnswerKind.SYN_ACK, address, rtt_ms=0.4),),
                    hops_to_target=4,
                    last_responding_hop=HopRef(4, address),
                    detail="TCP handshake completed (SYN-ACK)",
                    banner=Banner(BannerKind.SSH, "SSH-2.0-OpenSSH_9.2p1"),
                )
            )
        exceeded = IcmpError(family, 11 if family is Family.IPV4 else 3, 0, firewall)
        for port in range(33001, 33011):
            if mixed and port % 2 == 0:
                unreachable = IcmpError(
                    family, 3 if family is Family.IPV4 else 1, 3 if family is Family.IPV4 else 4, address
                )
                ports.append(
                    PortResult(
                        address,
                        Protocol.UDP,
                        port,
                        PortState.CLOSED,
                        probes=(ProbeAnswer(64, AnswerKind.PORT_UNREACHABLE, address, unreachable, 61, 0.3),),
                        hops_to_target=4,
                        detail="path open",
                    )
                )
                continue
            ports.append(
                PortResult(
                    address,
                    Protocol.UDP,
                    port,
                    PortState.DROPPED,
                    trace=(ProbeAnswer(2, AnswerKind.TIME_EXCEEDED, firewall, exceeded, 63),),
                    hops_to_target=4,
                    last_responding_hop=HopRef(2, firewall),
                    blocked_at=HopRef(2, firewall),
                    location=f"between hop 2 ({firewall}) and hop 3",
                    detail="no answer; TTL-limited probes stop after hop 2",
                )
            )
    return make_report(
        tool_version="0.1.0",
        target=validate_host("fasp.lab.test"),
        settings=CheckSettings((22, 33001), tuple(range(33001, 33011)), 3.0, 5.0),
        command="aspdiag check fasp.lab.test --udp-port 33001-33010",
        environment=Environment("client", "Linux", "3.11", 0, True),
        started_utc="2026-11-21T10:00:00.000Z",
        finished_utc="2026-11-21T10:00:01.000Z",
        dns=dns,
        routes=(
            RouteResult(WIDE_V4, RouteOutcome.OK, "198.18.1.2", "eth0", "198.18.1.1", 1500),
            RouteResult(WIDE_V6, RouteOutcome.OK, WIDE_SOURCE6, "eth0", "fe80::1", 1500),
        ),
        ports=tuple(ports),
    )


WIDE_V4 = "198.18.3.2"
WIDE_V6 = "2001:db8:1234:5678:9abc:def0:1234:5678"
WIDE_FW6 = "2001:db8:ffff:eeee:dddd:cccc:bbbb:aaaa"
WIDE_SOURCE6 = "2001:db8:1:2:3:4:5:6"
