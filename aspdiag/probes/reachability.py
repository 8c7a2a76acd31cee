"""Reachability of every Aspera port on one address, with firewall evidence.

Per address, in three concurrent steps bounded by ``timeout_s``:

1. full-TTL probes for every port at once (TCP: SYN / connect; UDP: three small datagrams);
2. TTL-limited traces on the same 5-tuple, one per group of ports that answered alike (ports that share
   a fate share a trace: fewer packets, and routers' ICMP rate limits are respected), and at the same
   time the banner of every open TCP port;
3. the pure classification (``aspdiag.reach``), which needs every trace of the address: the target's
   hop distance and the routers' addresses come from all of them.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TypeVar

from aspdiag.model import AnswerKind, Banner, PortResult, PortState, ProbeAnswer, Protocol, utc_now_iso
from aspdiag.net import PacketProber
from aspdiag.probes.base import ProbeContext
from aspdiag.reach import HopSearch, classify, flag_rate_limited, hops_to_target, path_hops

FULL_TTL = 64
UDP_ATTEMPTS = 3
TRACE_BUDGET_S = 1.0
"""Time the TTL-limited traces and banners may add after the full-TTL probes."""
T = TypeVar("T")


def _parallel(jobs: dict[str, Callable[[], T]]) -> dict[str, T]:
    """Run jobs in daemon threads and wait for all (each job bounds its own time)."""
    results: dict[str, T] = {}

    def run(key: str, job: Callable[[], T]) -> None:
        results[key] = job()

    threads = [threading.Thread(target=run, args=item, daemon=True) for item in jobs.items()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def trace_flow(
    prober: PacketProber, address: str, protocol: Protocol, port: int, max_ttl: int, budget_s: float
) -> tuple[ProbeAnswer, ...]:
    """TTL-limited probes on one 5-tuple, driven by the HopSearch state machine."""
    search = HopSearch(max_ttl=max_ttl, sequential=prober.sequential(protocol))
    wait_s = budget_s / 2 if search.sequential else budget_s
    source_port = 0
    while ttls := search.next_ttls():
        answers, source_port = prober.probe(address, protocol, port, ttls, wait_s, source_port)
        search.record(answers)
    return tuple(sorted(search.answers.values(), key=lambda a: a.ttl))


def _signature(probes: Sequence[ProbeAnswer]) -> tuple[str, str | None]:
    answer = next((p for p in probes if p.answered), None)
    return (answer.kind.value, answer.responder) if answer else ("silent", None)


@dataclass(frozen=True)
class ReachabilityProbe:
    """TCP and UDP reachability of one address, with traces, banners and evidence."""

    address: str
    tcp_ports: tuple[int, ...]
    udp_ports: tuple[int, ...]
    answer_timeout_s: float = 3.0
    max_hops: int = 16
    banners: bool = True

    @property
    def key(self) -> str:
        """Probe id."""
        return f"reach/{self.address}"

    @property
    def label(self) -> str:
        """Progress text."""
        return f"ports on {self.address}"

    @property
    def timeout_s(self) -> float:
        """Full-TTL probes and traces together stay within the answer timeout (plus the banner read)."""
        return self.answer_timeout_s + 2 * TRACE_BUDGET_S

    @property
    def _full_wait_s(self) -> float:
        return max(0.5, self.answer_timeout_s - TRACE_BUDGET_S)

    def _full_probe(self, prober: PacketProber, proto: Protocol, port: int) -> tuple[ProbeAnswer, ...]:
        """TCP: one SYN (the kernel or the probe retransmits). UDP: up to three datagrams, one after the
        other, stopping at the first answer: a target that rate-limits ICMP still answers the first one."""
        if proto is Protocol.TCP:
            return prober.probe(self.address, proto, port, [FULL_TTL], self._full_wait_s)[0]
        answers: list[ProbeAnswer] = []
        for _ in range(UDP_ATTEMPTS):
            got, _port = prober.probe(self.address, proto, port, [FULL_TTL], self._full_wait_s / UDP_ATTEMPTS)
            answers.extend(got)
            if any(a.answered or a.kind is AnswerKind.LOCAL_ERROR for a in got):
                break
        return tuple(answers)

    def _max_ttl(self, prober: PacketProber, proto: Protocol, probes: Sequence[ProbeAnswer], hint: int | None) -> int:
        """How far a trace goes. Sequential traces stop by themselves at the first decisive answer, so they
        may go to --max-hops. Parallel ones go two hops past the distance the flow's own answer claims (so a
        forged 'target' answer from nearer cannot hide the real target), else past the address's hint."""
        if prober.sequential(proto):
            return self.max_hops
        own = next((p.reply_hops for p in probes if p.answered and p.reply_hops), None)
        claimed = own or hint
        return min(self.max_hops, claimed + 2) if claimed else self.max_hops

    def run(self, ctx: ProbeContext) -> tuple[PortResult, ...]:
        """Probe, trace, read banners, classify."""
        prober = ctx.prober
        flows = [(Protocol.TCP, p) for p in self.tcp_ports] + [(Protocol.UDP, p) for p in self.udp_ports]
        started = {flow: utc_now_iso() for flow in flows}
        full = _parallel({f"{proto}/{port}": partial(self._full_probe, prober, proto, port) for proto, port in flows})
        hint = hops_to_target(self.address, (a for answers in full.values() for a in answers))
        groups: dict[tuple[Protocol, tuple[str, str | None]], list[int]] = {}
        for proto, port in flows:
            groups.setdefault((proto, _signature(full[f"{proto}/{port}"])), []).append(port)
        jobs: dict[str, Callable[[], object]] = {}
        for (proto, _sig), ports in groups.items():
            jobs[f"trace {proto}/{ports[0]}"] = partial(
                trace_flow,
                prober,
                self.address,
                proto,
                ports[0],
                self._max_ttl(prober, proto, full[f"{proto}/{ports[0]}"], hint),
                TRACE_BUDGET_S,
            )
        if self.banners:
            for proto, port in flows:
                if proto is Protocol.TCP and _signature(full[f"tcp/{port}"])[0] == AnswerKind.SYN_ACK.value:
                    jobs[f"banner {port}"] = partial(prober.read_banner, self.address, port, 2 * TRACE_BUDGET_S)
        extra = _parallel(jobs)
        traces: dict[tuple[Protocol, int], tuple[ProbeAnswer, ...]] = {}
        for (proto, _sig), ports in groups.items():
            trace = extra[f"trace {proto}/{ports[0]}"]
            assert isinstance(trace, tuple)
            for port in ports:
                traces[(proto, port)] = trace
        every_answer = [a for answers in full.values() for a in answers] + [
            a for trace in traces.values() for a in trace
        ]
        target_hops = hops_to_target(self.address, every_answer)
        routers = path_hops(traces.values())
        results = []
        for proto, port in flows:
            probes = full[f"{proto}/{port}"]
            trace = traces[(proto, port)]
            verdict = classify(proto, self.address, probes, trace, target_hops, routers)
            banner = extra.get(f"banner {port}") if proto is Protocol.TCP else None
            results.append(
                PortResult(
                    address=self.address,
                    protocol=proto,
                    port=port,
                    state=verdict.state,
                    method=prober.method,
                    probes=probes,
                    trace=trace,
                    hops_to_target=target_hops,
                    last_responding_hop=verdict.last_responding_hop,
                    blocked_at=verdict.blocked_at,
                    location=verdict.location,
                    detail=verdict.detail,
                    banner=banner if isinstance(banner, Banner) else None,
                    started_utc=started[(proto, port)],
                )
            )
        return tuple(flag_rate_limited(results))

    def failed(self, reason: str) -> tuple[PortResult, ...]:
        """Every port as an error when the probe could not finish."""
        flows = [(Protocol.TCP, p) for p in self.tcp_ports] + [(Protocol.UDP, p) for p in self.udp_ports]
        return tuple(
            PortResult(self.address, proto, port, PortState.ERROR, detail=reason, started_utc=utc_now_iso())
            for proto, port in flows
        )
