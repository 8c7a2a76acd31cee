"""Fakes for the I/O interfaces: scripted answers, no packets."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field

from aspdiag.core.measurement import ProbeContext
from aspdiag.core.model import Environment, Family, Protocol
from aspdiag.measurements.dns.port import RESOLVER
from aspdiag.measurements.dns.result import DnsOutcome, DnsQuery
from aspdiag.measurements.reachability.port import GREETER, PROBER
from aspdiag.measurements.reachability.result import (
    LOCAL_FIREWALL,
    AnswerKind,
    Banner,
    BannerKind,
    IcmpError,
    ProbeAnswer,
)
from aspdiag.measurements.route.port import ROUTES
from aspdiag.measurements.route.result import RouteOutcome, RouteResult


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


V4_PATH = ("198.18.1.1", "198.18.2.2", "198.18.5.2")
V6_PATH = ("2001:db8:1::1", "2001:db8:2::2", "2001:db8:5::2")


@dataclass(frozen=True)
class Rule:
    """What a device does to one flow: ``action`` at hop ``hop`` (0 = the target's own host firewall)."""

    action: str  # drop | reject | reset | unreach | spoof | hostdown (host-unreachable) | noroute (net-unreachable)
    # | local (this machine's own firewall: EPERM on sending) | predrop (dropped before hop's TTL handling)
    hop: int = 2


@dataclass
class FakeNetwork:
    """A simulated path for PacketProber tests: routers at hops 1..n, the target at hop n+1.

    Like a Linux router, a device answers TTL expiry before it filters, so a firewall at hop k still
    answers TTL=k and acts on TTL > k. ``raw_like`` decides whether resets carry a reply TTL (raw packets)
    or not (sockets), and whether TCP probes may go in parallel.
    """

    tcp_listening: set[int] = field(default_factory=lambda: {22, 33001})
    udp_listening: set[int] = field(default_factory=set)
    rules: dict[tuple[str | None, str, int], Rule] = field(default_factory=dict)
    raw_like: bool = False
    silent_routers: set[str] = field(default_factory=set)
    delay_s: dict[tuple[str, str, int], float] = field(default_factory=dict)
    banners: dict[int, Banner] = field(default_factory=dict)
    udp_icmp_blackout_after: int | None = None
    """ICMP about UDP flows from beyond this hop never comes back (a stateful firewall dropping the ICMP errors
    'related' to UDP while TCP's pass)."""
    target_return_hops: int | None = None
    """Hops the target's replies travel back (None: the same as forward); less = an asymmetric path."""
    silent_costs_wait: bool = False
    """Make a probe call that gets a silent answer take its whole wait, like a real one."""
    udp_busy: set[int] = field(default_factory=set)
    """UDP ports a process on the target holds (a running transfer): datagrams vanish, no ICMP."""
    icmp_blackout_after: int | None = None
    """A perimeter at this hop drops every ICMP message from beyond it on its way back to the client."""
    intercept: dict[int, int] = field(default_factory=dict)
    """TCP port -> hop of a device that answers it itself (a transparent proxy)."""
    crafted_syn_dropped: set[int] = field(default_factory=set)
    """TCP ports where a firewall drops raw (crafted) SYNs but passes real connections (an anti-scan rule on
    SYNs without TCP options): silent to raw probes, open to a connection."""
    calls: list[tuple[str, str, int, tuple[int, ...]]] = field(default_factory=list)
    greetings: list[tuple[str, int]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def method(self) -> str:
        return "raw" if self.raw_like else "socket"

    def sequential(self, protocol: Protocol) -> bool:
        return protocol is Protocol.TCP and not self.raw_like

    def _path(self, address: str) -> tuple[str, ...]:
        return V6_PATH if ":" in address else V4_PATH

    def _answer(self, address: str, protocol: Protocol, port: int, ttl: int) -> ProbeAnswer:
        answer = self._forward(address, protocol, port, ttl)
        blackout = self.icmp_blackout_after
        if protocol is Protocol.UDP and self.udp_icmp_blackout_after is not None:
            blackout = (
                min(blackout, self.udp_icmp_blackout_after) if blackout is not None else self.udp_icmp_blackout_after
            )
        if blackout is not None and answer.icmp is not None and ttl > blackout:
            origin = next((i for i, r in enumerate(self._path(address), 1) if r == answer.responder), None)
            if origin is None or origin > blackout:
                return ProbeAnswer(ttl, AnswerKind.SILENT)
        return answer

    def _forward(self, address: str, protocol: Protocol, port: int, ttl: int) -> ProbeAnswer:
        family = Family.of(address)
        v4 = family is Family.IPV4
        path = self._path(address)
        rule = self.rules.get((address, protocol.value, port)) or self.rules.get((None, protocol.value, port))
        if rule is not None and rule.action == "local":
            # This machine's own firewall (its OUTPUT chain): the kernel refuses to send (EPERM).
            detail = f"send failed: Operation not permitted (EPERM): {LOCAL_FIREWALL}"
            return ProbeAnswer(ttl, AnswerKind.LOCAL_ERROR, detail=detail)
        proxy = self.intercept.get(port) if protocol is Protocol.TCP else None
        for hop, router in enumerate(path, start=1):
            if proxy == hop and ttl >= hop:
                return ProbeAnswer(ttl, AnswerKind.SYN_ACK, address, None, 65 - hop if self.raw_like else None, 0.5)
            if rule is not None and rule.hop == hop and rule.action == "predrop":
                # Dropped before the device's TTL handling (its ICMP rate limit for this flow, or a filter in
                # front of it): not even TTL=hop is answered on this flow.
                return ProbeAnswer(ttl, AnswerKind.SILENT)
            if ttl == hop:
                if router in self.silent_routers:
                    return ProbeAnswer(ttl, AnswerKind.SILENT)
                icmp = IcmpError(family, 11 if v4 else 3, 0, router)
                return ProbeAnswer(ttl, AnswerKind.TIME_EXCEEDED, router, icmp, 65 - hop, 1.0)
            if rule is not None and rule.hop == hop:
                reply = 65 - hop
                if rule.action == "drop":
                    return ProbeAnswer(ttl, AnswerKind.SILENT)
                if rule.action == "reject":
                    icmp = IcmpError(family, 3 if v4 else 1, 13 if v4 else 1, router)
                    return ProbeAnswer(ttl, AnswerKind.UNREACHABLE, router, icmp, reply, 1.0)
                if rule.action == "hostdown":
                    icmp = IcmpError(family, 3 if v4 else 1, 1 if v4 else 3, router)
                    return ProbeAnswer(ttl, AnswerKind.UNREACHABLE, router, icmp, reply, 1.0)
                if rule.action == "noroute":
                    icmp = IcmpError(family, 3 if v4 else 1, 0, router)
                    return ProbeAnswer(ttl, AnswerKind.UNREACHABLE, router, icmp, reply, 1.0)
                if rule.action == "unreach":
                    icmp = IcmpError(family, 3 if v4 else 1, 3 if v4 else 4, router)
                    return ProbeAnswer(ttl, AnswerKind.PORT_UNREACHABLE, router, icmp, reply, 1.0)
                if rule.action == "spoof":
                    icmp = IcmpError(family, 3 if v4 else 1, 3 if v4 else 4, address)
                    return ProbeAnswer(ttl, AnswerKind.PORT_UNREACHABLE, address, icmp, reply, 1.0)
                if rule.action == "reset":
                    return ProbeAnswer(ttl, AnswerKind.RESET, address, None, reply if self.raw_like else None, 1.0)
        target_hop = len(path) + 1
        reply = 65 - (self.target_return_hops or target_hop)
        if rule is not None and rule.hop == 0 and rule.action == "drop":
            return ProbeAnswer(ttl, AnswerKind.SILENT)
        if rule is not None and rule.hop == 0 and rule.action == "reject":
            icmp = IcmpError(family, 3 if v4 else 1, 13 if v4 else 1, address)
            return ProbeAnswer(ttl, AnswerKind.UNREACHABLE, address, icmp, reply, 1.0)
        if protocol is Protocol.TCP:
            kind = AnswerKind.SYN_ACK if port in self.tcp_listening else AnswerKind.RESET
            return ProbeAnswer(ttl, kind, address, None, reply if self.raw_like else None, 2.0)
        if port in self.udp_busy:
            return ProbeAnswer(ttl, AnswerKind.SILENT)
        if port in self.udp_listening:
            return ProbeAnswer(ttl, AnswerKind.UDP_REPLY, address, None, reply, 2.0)
        icmp = IcmpError(family, 3 if v4 else 1, 3 if v4 else 4, address)
        return ProbeAnswer(ttl, AnswerKind.PORT_UNREACHABLE, address, icmp, reply, 2.0)

    def probe(self, address, protocol, port, ttls, wait_s, source_port=0):
        with self.lock:
            self.calls.append((protocol.value, address, port, tuple(ttls)))
        time.sleep(self.delay_s.get((protocol.value, address, port), 0.0))
        if protocol is Protocol.TCP and port in self.crafted_syn_dropped and self.raw_like:
            answers = tuple(
                self._answer(address, protocol, port, ttl) if ttl <= 2 else ProbeAnswer(ttl, AnswerKind.SILENT)
                for ttl in ttls
            )
        else:
            answers = tuple(self._answer(address, protocol, port, ttl) for ttl in ttls)
        if self.silent_costs_wait and any(not a.answered for a in answers):
            time.sleep(wait_s)
        return answers, source_port or 40000

    def greet(self, address: str, port: int, wait_s: float) -> Banner:
        self.greetings.append((address, port))
        if port in self.banners:
            return self.banners[port]
        # A real connection opens only where the path carries TCP to a listening port (or a device answers it).
        answer = self._answer(address, Protocol.TCP, port, 64) if port not in self.crafted_syn_dropped else None
        if answer is not None and answer.kind is not AnswerKind.SYN_ACK:
            return Banner(BannerKind.NO_CONNECTION, "could not connect: timeout", wait_s * 1000.0)
        return Banner(BannerKind.SSH, "SSH-2.0-OpenSSH_9.2p1")


FAKE_ENVIRONMENT = Environment(hostname="client", os="Linux test", python="3.11", uid=1000, privileged=False)


def fake_context(
    resolver: FakeResolver | None = None,
    routes: FakeRoutes | None = None,
    network: FakeNetwork | None = None,
) -> ProbeContext:
    """A ProbeContext made of fakes."""
    network = network or FakeNetwork()
    return ProbeContext.of(
        (RESOLVER, resolver or FakeResolver()),
        (ROUTES, routes or FakeRoutes()),
        (PROBER, network),
        (GREETER, network),
    )


def resolved(name: str, v4: tuple[str, ...] = (), v6: tuple[str, ...] = (), chain: tuple[str, ...] = ()):
    """FakeResolver answers for one name."""
    answers = {}
    for rdtype, addrs in (("A", v4), ("AAAA", v6)):
        if addrs:
            answers[rdtype] = DnsQuery(rdtype, DnsOutcome.RESOLVED, addrs, chain, "198.18.0.53", 2.0)
        else:
            answers[rdtype] = DnsQuery(rdtype, DnsOutcome.NO_ANSWER, detail=f"{name} has no {rdtype} record")
    return {name: answers}
