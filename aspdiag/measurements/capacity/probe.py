"""Capacity probe: the single-ended estimate (burst and sustained rate, shaper flag, confidence) toward one
address, from paced packet trains. Runs after reachability (which says which port answers) and after the
path probe (whose MTU sizes the packets). Trains toward different addresses never run at the same time:
they would share the bottleneck and halve each other's answer."""

from __future__ import annotations

import time
from dataclasses import dataclass, replace

from aspdiag.core.facts import AddressFacts
from aspdiag.core.measurement import ProbeContext
from aspdiag.core.model import Family, PortState, Protocol
from aspdiag.measurements.capacity.port import CAPACITY
from aspdiag.measurements.capacity.result import CapacityResult, ShaperState
from aspdiag.measurements.capacity.trains import (
    DEFAULT_MAX_BYTES,
    DEFAULT_MAX_TIME_S,
    TrainAnalysis,
    TrainMonitor,
    analyse_train,
)

DEFAULT_PACKET_BYTES = 1500

QUIET_S = 0.1
"""Idle time before each train (see ``CapacityProbe.run``)."""


@dataclass(frozen=True)
class CapacityProbe:
    """Estimate the capacity toward one address within ``max_bytes`` and ``max_time_s``, at most ``pace_mbps``."""

    facts: AddressFacts
    """What reachability, the route and the path found for this address."""
    pace_mbps: float
    raw: bool
    """Raw sockets may be used (the TCP-reset method)."""
    max_bytes: int = DEFAULT_MAX_BYTES
    max_time_s: float = DEFAULT_MAX_TIME_S
    timeout_s: float = DEFAULT_MAX_TIME_S + 5.0

    @property
    def address(self) -> str:
        """The address measured."""
        return self.facts.address

    @property
    def key(self) -> str:
        """Probe id."""
        return f"capacity/{self.address}"

    @property
    def label(self) -> str:
        """Progress text."""
        return f"capacity estimate to {self.address}"

    def _packet_bytes(self) -> int:
        if self.facts.path_mtu_bytes:
            return min(self.facts.path_mtu_bytes, DEFAULT_PACKET_BYTES)
        local = self.facts.interface_mtu_bytes
        return min(local or DEFAULT_PACKET_BYTES, DEFAULT_PACKET_BYTES)

    def _plan(self) -> list[tuple[str, int]]:
        """(method, port) to try in order: TCP resets (root) from a port the target itself answered on,
        then ICMP port-unreachable from a UDP port the target reported closed."""
        plan: list[tuple[str, int]] = []
        tcp = self.facts.answering_tcp_port
        if self.raw and tcp is not None:
            plan.append(("tcp-reset", tcp.port))
        udp = next((p for p in self.facts.ports if p.protocol is Protocol.UDP and p.state is PortState.CLOSED), None)
        if udp is not None:
            plan.append(("udp-icmp", udp.port))
        return plan

    def run(self, ctx: ProbeContext) -> CapacityResult:
        """Send trains until one gives an answer (or the budget is spent)."""
        started = time.monotonic()
        prober = ctx.get(CAPACITY)
        if prober is None:
            return self.failed("no capacity prober available")
        plan = self._plan()
        if not plan:
            why = (
                "no TCP port answered from the target and no UDP port answered 'closed' (ICMP port-unreachable)"
                if self.raw
                else "no UDP port answered 'closed' (ICMP port-unreachable); as root, TCP resets would do"
            )
            return self._result(started, None, "none", None, 0, f"capacity not estimated: {why}")
        size = self._packet_bytes()
        spent = 0
        analysis: TrainAnalysis | None = None
        method, port = plan[0]
        tried: list[str] = []
        attempts = 0
        bucket_floor = False
        ended = started
        last_sent_ns = 0
        for method, port in plan:
            attempts = 0
            analysis = None
            bucket_floor = False
            # A second train of the same method only when our own sender stalled in the first (the shaper
            # verdict of a stalled train is 'not measurable') or its answers spread too widely for more than a
            # low confidence: a quiet moment may give a real one.
            spoilt_by = ""
            while attempts < 2 and (analysis is None or _stalled(analysis)):
                if analysis is not None:
                    spoilt_by = "a stall of our own sender" if analysis.longest_stall_ms > 0 else "too wide a spread"
                left_s = self.max_time_s - (time.monotonic() - started)
                if left_s < 0.5 or self.max_bytes - spent < 50 * size:
                    break
                # A quiet moment first: the train needs an empty queue and a few tokens in a shaper's bucket to
                # see its baseline before the queue grows. Right after another address's train on the same
                # bottleneck there was none ("queue grew after 0 packets": 11.1 Mbit/s read for 10).
                if method == "tcp-reset":
                    # (Not before ICMP-answered trains: a target's ICMP rate limit would then hand out a few
                    # more answers, enough to look like a rate instead of the rate limit it is.)
                    time.sleep(QUIET_S)
                monitor = TrainMonitor(self.pace_mbps, self.max_bytes - spent)
                begun = time.monotonic()
                try:
                    packets = prober.train(method, self.address, port, size, monitor, left_s)
                except OSError as exc:
                    tried.append(f"{method} on port {port}: {exc.strerror or exc}")
                    break
                attempts += 1
                spent += sum(p.ip_bytes for p in packets)
                found = analyse_train(packets, answers_are_icmp=method == "udp-icmp")
                floor = False
                if analysis is not None and found.burst_bytes and analysis.sustained_mbps:
                    # The first train emptied the bucket; between its last packet and this train's first it
                    # refilled by at most the rate times that gap. A depth no more than that is where the refill
                    # stopped, not the bucket's size (lab runs under load: a 1 MB bucket read 154 and 191 kB
                    # from the second train). The packets' own send times, not this loop's clock: the first
                    # train's analysis also took time in the gap.
                    gap_s = (packets[0].sent_ns - last_sent_ns) / 1e9 if packets and last_sent_ns else 0.0
                    gap_s = gap_s if gap_s > 0 else begun - ended
                    refilled = analysis.sustained_mbps * 1e6 / 8 * gap_s
                    floor = found.burst_bytes <= 1.5 * refilled
                if analysis is None or _preferred(found, analysis):
                    analysis = found
                    bucket_floor = floor
                ended = time.monotonic()
                last_sent_ns = packets[-1].sent_ns if packets else 0
            if analysis is not None and analysis.status != "no-answers":
                break
            if analysis is not None:
                tried.append(f"{method} on port {port}: no answers")
        if analysis is None:
            why = "; ".join(tried) or "no time left"
            return self._result(started, None, method, port, spent, f"capacity not estimated: {why}")
        detail = analysis.detail if not tried or analysis.status != "no-answers" else "; ".join(tried)
        if tried and analysis.status != "no-answers":
            detail = f"{'; '.join(tried)}; {detail}"
        if attempts > 1:
            detail += f" (train {attempts}: the first was spoilt by {spoilt_by or 'a stall of our own sender'})"
        if bucket_floor:
            detail += "; the bucket had not refilled since the first train, so its depth is at least the figure"
        result = self._result(started, analysis, method, port, spent, detail, attempts)
        return replace(result, burst_is_lower_bound=bucket_floor and result.burst_bytes is not None)

    def _result(
        self,
        started: float,
        analysis: TrainAnalysis | None,
        method: str,
        port: int | None,
        probe_bytes: int,
        detail: str,
        attempts: int = 1,
    ) -> CapacityResult:
        a = analysis
        return CapacityResult(
            address=self.address,
            family=Family.of(self.address).value,
            status=a.status if a is not None else "skipped",
            method=method,
            port=port,
            packet_bytes=self._packet_bytes() if a is not None else None,
            probe_rate_cap_mbps=self.pace_mbps,
            sent_packets=a.sent_packets if a is not None else 0,
            answered_packets=a.answered_packets if a is not None else 0,
            probe_bytes=probe_bytes,
            burst_mbps=a.burst_mbps if a is not None else None,
            sustained_mbps=a.sustained_mbps if a is not None else None,
            sustained_is_lower_bound=a.sustained_is_lower_bound if a is not None else False,
            burst_bytes=a.burst_bytes if a is not None else None,
            shaper_suspected=a.shaper is ShaperState.SUSPECTED if a is not None else False,
            shaper=a.shaper if a is not None else ShaperState.NOT_MEASURABLE,
            longest_stall_ms=a.longest_stall_ms if a is not None else 0.0,
            attempts=attempts,
            confidence=a.confidence if a is not None else "none",
            icmp_rate_limited=a.rate_limited if a is not None else False,
            detail=detail,
            duration_s=round(time.monotonic() - started, 3),
        )

    def failed(self, reason: str) -> CapacityResult:
        """A capacity probe that could not finish."""
        return self._result(time.monotonic(), None, "none", None, 0, reason)


def _stalled(analysis: TrainAnalysis) -> bool:
    """The train measured a rate, but a stall of our own sender left the shaper unjudged or the rate in doubt,
    or the answers spread too widely for more than a low confidence (a busy machine, competing traffic): a
    second train in a quieter moment may do better."""
    stall_spoilt = analysis.longest_stall_ms > 0 and analysis.shaper is ShaperState.NOT_MEASURABLE
    return analysis.status == "ok" and (analysis.confidence == "low" or stall_spoilt)


_CONFIDENCE_RANK = {"low": 0, "medium": 1, "high": 2}


def _preferred(new: TrainAnalysis, old: TrainAnalysis) -> bool:
    """An answer beats none, a train without a stall beats one with, a surer one beats a less sure one."""
    if (new.status == "no-answers") != (old.status == "no-answers"):
        return old.status == "no-answers"
    if _stalled(old) and not _stalled(new):
        return True
    return _CONFIDENCE_RANK.get(new.confidence, 0) > _CONFIDENCE_RANK.get(old.confidence, 0)
