"""Fakes for the I/O interfaces: scripted answers, no packets."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

from aspdiag.model import DnsOutcome, DnsQuery, Environment, RouteOutcome, RouteResult
from aspdiag.net import ConnectKind, ConnectOutcome
from aspdiag.probes.base import ProbeContext


@dataclass
class FakeResolver:
    """Answers from a dict: name -> {rdtype: DnsQuery}."""

    answers: dict[str, dict[str, DnsQuery]] = field(default_factory=dict)
    delay_s: float = 0.0

    def configured(self) -> tuple[str, ...]:
        return ("198.18.0.53",)

    def query(self, name: str, rdtype: str, timeout_s: float) -> DnsQuery:
        time.sleep(self.delay_s)
        by_type = self.answers.get(name)
        if by_type is None:
            return DnsQuery(rdtype, DnsOutcome.NXDOMAIN, detail=f"{name} does not exist (NXDOMAIN)")
        return by_type.get(rdtype, DnsQuery(rdtype, DnsOutcome.NO_ANSWER, detail="no record"))


@dataclass
class FakeRoutes:
    """Every address routes via eth0 from a fixed source, unless listed in ``unroutable``."""

    unroutable: set[str] = field(default_factory=set)

    def route_to(self, address: str) -> RouteResult:
        if address in self.unroutable:
            return RouteResult(address, RouteOutcome.NO_ROUTE, detail="Network is unreachable")
        source = "2001:db8:1::2" if ":" in address else "198.18.1.2"
        gateway = "2001:db8:1::1" if ":" in address else "198.18.1.1"
        return RouteResult(address, RouteOutcome.OK, source, "eth0", gateway, 1500)


@dataclass
class FakeConnector:
    """Outcomes scripted per (protocol, address, port); default: TCP connects, UDP gets port-unreachable."""

    tcp: dict[tuple[str, int], ConnectOutcome] = field(default_factory=dict)
    udp: dict[tuple[str, int], ConnectOutcome] = field(default_factory=dict)
    delay_s: dict[tuple[str, str, int], float] = field(default_factory=dict)
    calls: list[tuple[str, str, int]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def _record(self, proto: str, address: str, port: int) -> None:
        with self.lock:
            self.calls.append((proto, address, port))
        time.sleep(self.delay_s.get((proto, address, port), 0.0))

    def tcp_connect(self, address: str, port: int, timeout_s: float) -> ConnectOutcome:
        self._record("tcp", address, port)
        return self.tcp.get((address, port), ConnectOutcome(ConnectKind.CONNECTED, 1, rtts_ms=(1.0,)))

    def udp_probe(self, address: str, port: int, timeout_s: float, attempts: int) -> ConnectOutcome:
        self._record("udp", address, port)
        if (address, port) in self.udp:
            return self.udp[(address, port)]
        from aspdiag.model import Family, IcmpError

        family = Family.of(address)
        icmp = IcmpError(family, 3 if family is Family.IPV4 else 1, 3 if family is Family.IPV4 else 4, address)
        return ConnectOutcome(ConnectKind.ICMP, 1, rtts_ms=(1.5,), icmp=icmp, errno_name="ECONNREFUSED")


class FakeSystem:
    """A fixed environment."""

    def environment(self) -> Environment:
        return Environment(hostname="client", os="Linux test", python="3.11", uid=1000, privileged=False)


def fake_context(
    resolver: FakeResolver | None = None,
    routes: FakeRoutes | None = None,
    connector: FakeConnector | None = None,
) -> ProbeContext:
    """A ProbeContext made of fakes."""
    return ProbeContext(resolver or FakeResolver(), routes or FakeRoutes(), connector or FakeConnector())


def resolved(name: str, v4: tuple[str, ...] = (), v6: tuple[str, ...] = (), chain: tuple[str, ...] = ()):
    """FakeResolver answers for one name."""
    answers = {}
    for rdtype, addrs in (("A", v4), ("AAAA", v6)):
        if addrs:
            answers[rdtype] = DnsQuery(rdtype, DnsOutcome.RESOLVED, addrs, chain, "198.18.0.53", 2.0)
        else:
            answers[rdtype] = DnsQuery(rdtype, DnsOutcome.NO_ANSWER, detail=f"{name} has no {rdtype} record")
    return {name: answers}
