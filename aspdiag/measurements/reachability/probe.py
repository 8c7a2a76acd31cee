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
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import partial
from typing import TypeVar

from aspdiag.core.measurement import ProbeContext
from aspdiag.core.model import PortState, Protocol, utc_now_iso
from aspdiag.measurements.reachability.flags import flag_host_down, flag_no_route, flag_rate_limited
from aspdiag.measurements.reachability.logic import (
    Classification,
    HopSearch,
    classify,
    hops_to_target,
    icmp_horizon,
    path_hops,
    probe_loss,
    target_distance,
    unreliable_hops,
)
from aspdiag.measurements.reachability.port import GREETER, PROBER, PacketProber
from aspdiag.measurements.reachability.result import (
    AnswerKind,
    Banner,
    BannerKind,
    ControlEvidence,
    PortResult,
    ProbeAnswer,
)

FULL_TTL = 64
ATTEMPTS = 3
"""Probes per port at full TTL, sent one after the other until one is answered."""
TRACE_BUDGET_S = 1.0
"""Time the TTL-limited traces may add after the full-TTL probes."""
TRACE_RETRIES = 2
"""Short rounds a parallel trace spends asking its boundary TTL again (see ``HopSearch``)."""
BANNER_WAIT_S = 2.0
"""Time a banner read may take (it runs beside the traces); an SSH server greets within milliseconds, but a
busy one may take a while to fork, and a silent service costs the whole wait."""
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
    prober: PacketProber,
    address: str,
    protocol: Protocol,
    port: int,
    max_ttl: int,
    budget_s: float,
    source_port: int = 0,
    retries: int = TRACE_RETRIES,
) -> tuple[ProbeAnswer, ...]:
    """TTL-limited probes on one 5-tuple, driven by the HopSearch state machine, within a deadline.

    Parallel traces get ``budget_s`` for their full round and the retries of their boundary TTL. Sequential
    ones give each TTL half of it and stop at 1.5 x ``budget_s`` whatever happens (silent hops between
    answering ones would otherwise keep them going), so a trace never pushes the check past ``--timeout``
    plus about half a second.
    """
    search = HopSearch(max_ttl=max_ttl, sequential=prober.sequential(protocol), retries=retries)
    deadline = time.monotonic() + (1.5 * budget_s if search.sequential else budget_s)
    while (ttls := search.next_ttls()) and (remaining := deadline - time.monotonic()) > 0.01:
        if search.sequential:
            step_s = budget_s / 2
        else:
            # Most of the budget for the full round (a far target answers last), the rest shared by the
            # retries of the boundary TTL.
            if not retries:
                step_s = budget_s
            else:
                step_s = budget_s * 0.6 if search.rounds == 0 else budget_s * 0.4 / retries
        answers, source_port = prober.probe(address, protocol, port, ttls, min(step_s, remaining), source_port)
        search.record(answers)
    return tuple(sorted(search.answers.values(), key=lambda a: a.ttl))


def connected(banner: Banner) -> bool:
    """Whether the run's connection to the port opened (whatever the service then said)."""
    return banner.kind is not BannerKind.NO_CONNECTION


def _signature(probes: Sequence[ProbeAnswer]) -> tuple[str, str | None, int | None]:
    answer = next((p for p in probes if p.answered), None)
    return (answer.kind.value, answer.responder, answer.reply_ttl) if answer else ("silent", None, None)


@dataclass(frozen=True)
class ReachabilityProbe:
    """TCP and UDP reachability of one address, with traces, banners and evidence."""

    address: str
    tcp_ports: tuple[int, ...]
    udp_ports: tuple[int, ...]
    answer_timeout_s: float = 3.0
    max_hops: int = 16
    banners: bool = True
    control: bool = True
    """Also probe a neighbouring unused UDP port as evidence for a silent UDP port."""
    seen: dict[tuple[Protocol, int], tuple[ProbeAnswer, ...]] = field(default_factory=dict, compare=False, repr=False)
    """Full-TTL answers as each flow's probe finishes: what ``partial`` keeps when the run is interrupted."""
    methods: list[str] = field(default_factory=list, compare=False, repr=False)
    """The probe method in use (``socket`` or ``raw``), for ``partial``."""

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
        return self.answer_timeout_s + self._banner_wait_s

    @property
    def _banner_wait_s(self) -> float:
        # An SSH server greets at once; a lossy or long path needs longer, and --timeout is how the user says so.
        return max(BANNER_WAIT_S, self.answer_timeout_s)

    @property
    def _full_wait_s(self) -> float:
        return max(0.5, self.answer_timeout_s - TRACE_BUDGET_S)

    def _full_probe(self, prober: PacketProber, proto: Protocol, port: int) -> tuple[tuple[ProbeAnswer, ...], int]:
        """Up to three probes (a SYN, or a datagram), one after the other from one source port, stopping at
        the first answer: one lost packet on a lossy path must not read as a silent port (with one SYN, 30 %
        random loss made most lab runs BLOCKED), and a target that rate-limits ICMP still answers the first
        datagram. The first probe gets half the wait (a long path's answer takes longest), each retry a
        quarter. Returns the answers and the source port, which the trace reuses."""
        self.methods.append(prober.method)
        answers: list[ProbeAnswer] = []
        source_port = 0
        for attempt in range(ATTEMPTS):
            wait_s = self._full_wait_s / (2 if attempt == 0 else 2 * (ATTEMPTS - 1))
            got, source_port = prober.probe(self.address, proto, port, [FULL_TTL], wait_s, source_port)
            answers.extend(got)
            if any(a.answered or a.kind is AnswerKind.LOCAL_ERROR for a in got):
                break
        self.seen[(proto, port)] = tuple(answers)
        return tuple(answers), source_port

    def _max_ttl(self, prober: PacketProber, proto: Protocol, probes: Sequence[ProbeAnswer], hint: int | None) -> int:
        """How far a trace goes. Sequential traces stop by themselves at the first decisive answer, so they
        may go to --max-hops. Parallel ones go two hops past the distance the flow's own answer claims (so a
        forged 'target' answer from nearer cannot hide the real target), else past the address's hint."""
        if prober.sequential(proto):
            return self.max_hops
        own = next((p.reply_hops for p in probes if p.answered and p.reply_hops), None)
        claimed = own or hint
        return min(self.max_hops, claimed + 2) if claimed else self.max_hops

    @property
    def control_port(self) -> int | None:
        """A neighbouring UDP port nothing asked about, probed as evidence for a silent FASP port (None when
        no UDP port is tested)."""
        return control_udp_port(self.tcp_ports, self.udp_ports) if self.udp_ports and self.control else None

    def _flows(self) -> list[tuple[Protocol, int]]:
        flows = [(Protocol.TCP, p) for p in self.tcp_ports] + [(Protocol.UDP, p) for p in self.udp_ports]
        if self.control_port is not None:
            flows.append((Protocol.UDP, self.control_port))
        return flows

    def run(self, ctx: ProbeContext) -> tuple[PortResult, ...]:
        """Probe, trace, read banners, classify."""
        prober = ctx.need(PROBER)
        greeter = ctx.get(GREETER)
        flows = self._flows()
        started = {flow: utc_now_iso() for flow in flows}
        first = _parallel({f"{proto}/{port}": partial(self._full_probe, prober, proto, port) for proto, port in flows})
        full = {key: answers for key, (answers, _port) in first.items()}
        hint = hops_to_target(self.address, (a for answers in full.values() for a in answers))
        # UDP ports that got the same answer (a range on a Windows/Isilon server) share one trace: fewer packets
        # toward routers and a target that rate-limit ICMP; the answer itself says who stopped them. A silent
        # port gets its own: silence looks the same whether a firewall drops the port or a busy server swallows
        # it, and only its own trace tells which (a review: 33004-33005 held by the server inherited 33002's
        # firewall drop, a change request for a rule that exists). TCP ports (few) get a trace each: a reset on
        # one and a reset on another can have different authors.
        groups: dict[tuple[Protocol, object], list[int]] = {}
        for proto, port in flows:
            signature = _signature(full[f"{proto}/{port}"])
            shared = proto is Protocol.UDP and signature[0] != "silent"
            key: object = signature if shared else port
            if proto is Protocol.UDP and port == self.control_port:
                # The control port's own trace: where ICMP about UDP comes back from is the evidence a silent
                # data port's silence is read against (ICMP about UDP and about TCP can be filtered apart).
                key = ("control", key)
            groups.setdefault((proto, key), []).append(port)
        # A long path's answers come late: a trace that stopped listening before them would place a drop at a
        # hop that merely answered slowly. Its budget follows the slowest answer seen (up to the banner wait,
        # which runs beside it, so the probe's own deadline holds).
        slowest_s = max((a.rtt_ms for got in full.values() for a in got if a.answered and a.rtt_ms), default=0.0)
        trace_budget_s = min(max(TRACE_BUDGET_S, 2.5 * slowest_s / 1000.0), max(TRACE_BUDGET_S, self._banner_wait_s))
        jobs: dict[str, Callable[[], object]] = {}
        for (proto, _key), ports in groups.items():
            answers, used_port = first[f"{proto}/{ports[0]}"]
            # Same 5-tuple as the full-TTL probe, except after a completed handshake (TIME_WAIT holds it).
            reuse = used_port if not any(a.kind is AnswerKind.SYN_ACK for a in answers) else 0
            jobs[f"trace {proto}/{ports[0]}"] = partial(
                trace_flow,
                prober,
                self.address,
                proto,
                ports[0],
                self._max_ttl(prober, proto, answers, hint),
                trace_budget_s,
                reuse,
                # Only a silent port's trace says where its traffic stops, so only its boundary is worth asking
                # again; other flows keep routers' ICMP rate limits for the path MTU search that follows.
                TRACE_RETRIES if not any(a.answered for a in answers) else 0,
            )
        if self.banners and greeter is not None:
            for proto, port in flows:
                kind = _signature(full[f"tcp/{port}"])[0] if proto is Protocol.TCP else ""
                # The run's one connection to this port (shared with the bandwidth measurement); after raw SYNs
                # that got no answer, also the proof that matters: whether the kernel's own connection opens (a
                # firewall dropping crafted SYNs, or SYN-proxying only real ones, passes ascp's).
                if kind == AnswerKind.SYN_ACK.value or (kind == "silent" and prober.method == "raw"):
                    jobs[f"banner {port}"] = partial(greeter.greet, self.address, port, self._banner_wait_s)
        extra = _parallel(jobs)
        traces: dict[tuple[Protocol, int], tuple[ProbeAnswer, ...]] = {}
        for (proto, _key), ports in groups.items():
            trace = extra[f"trace {proto}/{ports[0]}"]
            assert isinstance(trace, tuple)
            for port in ports:
                traces[(proto, port)] = trace
        every_full = [a for answers in full.values() for a in answers]
        distance = target_distance(self.address, traces.values(), every_full)
        # ICMP about UDP and about TCP can be filtered apart (a stateful firewall dropping the errors 'related'
        # to UDP flows while TCP's pass). A UDP port's only sign of a path is ICMP (a busy server answers
        # nothing), so its silence is evidence only where ICMP about UDP comes back (a held-out review: TCP's
        # time-exceeded from beyond the firewall proved a UDP drop that was not). A TCP flow that passes gets
        # the server's own SYN-ACK or reset whatever happens to ICMP, so any flow's ICMP serves TCP.
        horizons = {
            Protocol.TCP: icmp_horizon(self.address, traces.values(), every_full, distance),
            Protocol.UDP: icmp_horizon(
                self.address,
                [t for (p, _port), t in traces.items() if p is Protocol.UDP],
                [a for key, answers in full.items() if key.startswith(f"{Protocol.UDP}/") for a in answers],
                distance,
            ),
        }
        routers = path_hops(traces.values())
        echoes = [a for t in traces.values() for a in t if a.kind is AnswerKind.TIME_EXCEEDED]
        unreliable = unreliable_hops(traces.values())
        loss = probe_loss(traces.values(), full.values())
        results = []
        for proto, port in flows:
            probes = full[f"{proto}/{port}"]
            trace = traces[(proto, port)]
            horizon = horizons[proto]
            verdict = classify(proto, self.address, probes, trace, distance, routers, horizon, echoes, unreliable, loss)
            banner = extra.get(f"banner {port}") if proto is Protocol.TCP else None
            if (
                isinstance(banner, Banner)
                and verdict.state in (PortState.DROPPED, PortState.SILENT, PortState.SERVER_SILENT)
                and connected(banner)
            ):
                # A held-out review: a firewall dropping SYNs without TCP options (an anti-scan rule) read
                # 'dropped', with a change request, although ssh and ascp connect. The connection is the proof.
                verdict = Classification(
                    PortState.OPEN,
                    "the raw SYN probes got no answer, but an ordinary connection opened: ascp's connection passes"
                    " (the probes were lost, or a device on the way treats crafted packets unlike real ones)",
                    verdict.last_responding_hop,
                    None,
                    "",
                )
            results.append(
                PortResult(
                    address=self.address,
                    protocol=proto,
                    port=port,
                    state=verdict.state,
                    method=prober.method,
                    probes=probes,
                    trace=trace,
                    hops_to_target=distance.hops,
                    last_responding_hop=verdict.last_responding_hop,
                    blocked_at=verdict.blocked_at,
                    location=verdict.location,
                    detail=verdict.detail,
                    banner=banner if isinstance(banner, Banner) else None,
                    started_utc=started[(proto, port)],
                )
            )
        results = flag_host_down(flag_no_route(results))
        control = next((r for r in results if (r.protocol, r.port) == (Protocol.UDP, self.control_port)), None)
        asked = [r for r in results if r is not control]
        flow_horizons: dict[Protocol, dict[str, int]] = {Protocol.TCP: {}, Protocol.UDP: {}}
        for r in results:
            reached = max((a.ttl for a in r.trace if a.kind is AnswerKind.TIME_EXCEEDED), default=0)
            flow_horizons[Protocol.TCP][f"{r.label} trace"] = reached
            if r.protocol is Protocol.UDP:
                flow_horizons[Protocol.UDP][f"{r.label} trace"] = reached
        if control is not None and control.path_open and distance.hops:
            for named in flow_horizons.values():
                named[f"{control.label} (port-unreachable from the server)"] = distance.hops
        return tuple(
            flag_rate_limited(
                [attach_control(r, control, horizons[r.protocol], flow_horizons[r.protocol]) for r in asked]
            )
        )

    def partial(self) -> tuple[PortResult, ...] | None:
        """What the run established before it was interrupted: a port the target itself answered (a SYN-ACK,
        a UDP reply, a reset, its port-unreachable) keeps its state; every other port is 'not finished' (never
        'not tested' for a port that answered). None when nothing had answered yet."""
        done = dict(self.seen)
        decisive: dict[tuple[Protocol, int], PortResult] = {}
        for (proto, port), answers in done.items():
            answer = next((a for a in answers if a.answered), None)
            if answer is None or answer.responder != self.address:
                continue
            if answer.kind is AnswerKind.SYN_ACK:
                state, detail = PortState.OPEN, "TCP handshake completed (SYN-ACK)"
            elif answer.kind is AnswerKind.UDP_REPLY:
                state, detail = PortState.OPEN, "a UDP reply came back: a service answers on this port"
            elif answer.kind is AnswerKind.RESET:
                # Whether the server or a device before it sent the reset is what the trace would have shown.
                state, detail = PortState.CLOSED, "a TCP reset carrying the server's address: nothing listening"
            elif proto is Protocol.UDP and answer.kind is AnswerKind.PORT_UNREACHABLE:
                state, detail = PortState.CLOSED, "path open: the server answered port-unreachable"
            else:
                continue
            decisive[(proto, port)] = PortResult(
                self.address,
                proto,
                port,
                state,
                method=self.methods[0] if self.methods else "socket",
                probes=answers,
                detail=detail + "; the run was interrupted before the hop-by-hop evidence",
                started_utc=utc_now_iso(),
            )
        if not decisive:
            return None
        rest = self.failed("not finished: the run was interrupted before this port's answer was complete")
        return tuple(decisive.get((r.protocol, r.port), r) for r in rest)

    def failed(self, reason: str) -> tuple[PortResult, ...]:
        """Every asked port as an error when the probe could not finish."""
        flows = [(Protocol.TCP, p) for p in self.tcp_ports] + [(Protocol.UDP, p) for p in self.udp_ports]
        return tuple(
            PortResult(self.address, proto, port, PortState.ERROR, detail=reason, started_utc=utc_now_iso())
            for proto, port in flows
        )


def control_udp_port(tcp_ports: Sequence[int], udp_ports: Sequence[int]) -> int:
    """The neighbouring UDP port used as a control: the first port above the tested ones that nothing asked
    about (33002 for the default 33001; past the end of a range such as 33001-33010), below them at the top
    of the port space."""
    taken = {*tcp_ports, *udp_ports}
    candidate = max(udp_ports) + 1
    while candidate in taken or candidate > 65535:
        candidate = candidate + 1 if candidate <= 65535 else min(udp_ports) - 1
        if candidate < 1:
            break
    return max(1, min(candidate, 65535))


SETTLE_SERVER = (
    "a capped test transfer (--transfer) shows whether FASP data really flows; 'aspdiag responder' beside the"
    " server (--responder) tests the port with both ends under control; the server's operators can say whether"
    " a transfer was running or a filter on their side drops it"
)
SETTLE_UNSEEN = (
    "a capped test transfer (--transfer) or the responder (--responder) shows whether UDP really passes; or ask"
    " the network team whether the perimeter drops inbound ICMP (then only such a test can tell)"
)


def attach_control(
    result: PortResult, control: PortResult | None, horizon: int, flow_horizons: dict[str, int]
) -> PortResult:
    """A silent port with the evidence that says whether its silence means anything (pure)."""
    if result.state not in (PortState.DROPPED, PortState.SILENT, PortState.SERVER_SILENT):
        return result
    best_flow = max(flow_horizons, key=lambda f: flow_horizons[f], default="")
    if control is None:
        neighbour = ""
    elif control.path_open:
        neighbour = f"port-unreachable from the server (hop {control.hops_to_target or '?'})"
    elif control.state is PortState.REJECTED:
        neighbour = f"rejected: {control.location}"
    else:
        neighbour = f"no answer ({control.location or control.state.value})"
    if result.state is PortState.DROPPED:
        meaning = f"dropped {result.location}: traffic from beyond that hop does come back ({best_flow})"
        settle = ""
    elif result.state is PortState.SERVER_SILENT:
        meaning = (
            "the client's network passes this port up to the last router before the server; the server is"
            " silent on it — a busy Aspera server (a transfer holds the port) and a filter on the server's side"
            " look exactly alike"
        )
        if control is not None and control.path_open:
            meaning += f"; the server does answer UDP {control.port}, so it is up and its ICMP reaches us"
        settle = SETTLE_SERVER
    else:
        meaning = (
            f"{result.location}: no ICMP about {result.protocol.value.upper()} from beyond hop {horizon} comes back on"
            " any flow, so this silence is no evidence of a drop"
        )
        settle = SETTLE_UNSEEN
    evidence = ControlEvidence(
        icmp_horizon_hop=horizon,
        horizon_flow=best_flow if horizon else "",
        neighbour_port=control.port if control is not None else None,
        neighbour_answer=neighbour,
        meaning=meaning,
        settle=settle,
    )
    return replace(result, control=evidence)
