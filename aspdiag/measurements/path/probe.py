"""Path probe: an RTT/jitter/loss series over the TCP control port and a path-MTU search toward UDP 33001
(with black-hole localisation), for one address. Runs after reachability, which says what can be used."""

from __future__ import annotations

import time
from dataclasses import dataclass, replace

from aspdiag.core.facts import AddressFacts
from aspdiag.core.measurement import ProbeContext
from aspdiag.core.model import Family, PortState, Protocol
from aspdiag.measurements.path.logic import (
    MIN_MTU_V4,
    MIN_MTU_V6,
    REACHED,
    TIME_EXCEEDED,
    HoleLocation,
    MtuSearch,
    fasp_payload_bytes,
    locate_black_hole,
    rtt_stats,
)
from aspdiag.measurements.path.port import PATH, PathProber
from aspdiag.measurements.path.result import PathResult

RTT_SAMPLES = 10
SMALL_DATAGRAM_BYTES = 64
"""A datagram as small as the reachability check's, to compare with a large one hop by hop."""
RTT_INTERVAL_S = 0.1
"""Between two RTT handshakes: ten in about a second, not a burst a firewall's SYN limit would cut short."""


@dataclass(frozen=True)
class PathProbe:
    """Characterise the path to one address; bounded by ``timeout_s``."""

    facts: AddressFacts
    """What reachability and the route found for this address."""
    udp_port: int | None
    wait_s: float = 1.0
    timeout_s: float = 40.0
    max_hops: int = 16

    @property
    def address(self) -> str:
        """The address measured."""
        return self.facts.address

    @property
    def key(self) -> str:
        """Probe id."""
        return f"path/{self.address}"

    @property
    def label(self) -> str:
        """Progress text."""
        return f"RTT, loss and path MTU to {self.address}"

    def _result(self, started: float, **values: object) -> PathResult:
        base: dict[str, object] = {
            "address": self.address,
            "family": Family.of(self.address).value,
            "rtt_port": None,
            "rtt_samples": 0,
            "rtt_answered": 0,
            "rtt_min_ms": None,
            "rtt_median_ms": None,
            "rtt_p95_ms": None,
            "jitter_ms": None,
            "loss_pct": None,
            "udp_port": self.udp_port,
            "mtu_status": "skipped",
            "path_mtu_bytes": None,
            "local_mtu_bytes": None,
            "icmp_mtu_bytes": None,
            "icmp_mtu_from": None,
            "black_hole": False,
            "black_hole_smallest_lost_bytes": None,
            "black_hole_after_hop": None,
            "black_hole_after_address": None,
            "black_hole_next_address": None,
            "max_fasp_datagram_bytes": None,
            "needs_z": False,
            "mtu_probes": 0,
            "detail": "",
            "duration_s": round(time.monotonic() - started, 3),
        }
        base.update(values)
        return PathResult(**base)  # type: ignore[arg-type]

    def run(self, ctx: ProbeContext) -> PathResult:
        """RTT series, then the MTU search (and the hop scan when a black hole is found)."""
        started = time.monotonic()
        deadline = started + self.timeout_s - 1.0
        prober = ctx.get(PATH)
        if prober is None:
            return self.failed("no path prober available")
        values: dict[str, object] = {}
        tcp = self.facts.answering_tcp_port
        median_ms = None
        if tcp is not None:
            samples = []
            for _ in range(RTT_SAMPLES):
                samples.append(prober.tcp_rtt(self.address, tcp.port, self.wait_s))
                time.sleep(RTT_INTERVAL_S)
            stats = rtt_stats(samples)
            median_ms = stats.rtt_median_ms
            values.update(
                rtt_port=tcp.port,
                rtt_samples=stats.samples,
                rtt_answered=stats.answered,
                rtt_min_ms=stats.rtt_min_ms,
                rtt_median_ms=stats.rtt_median_ms,
                rtt_p95_ms=stats.rtt_p95_ms,
                jitter_ms=stats.jitter_ms,
                loss_pct=stats.loss_pct,
            )
        udp = self.facts.port(Protocol.UDP, self.udp_port) if self.udp_port is not None else None
        # A server that is silent on UDP (a busy Aspera server, a server-side filter) still lets the search run
        # up to the last router before it: TTL-limited datagrams that router answers with time-exceeded got
        # there, so a black hole on the way (an MTU clamp that drops frag-needed) is still found.
        reach_ttl = 64
        if (
            udp is not None
            and udp.state is PortState.SERVER_SILENT
            and udp.hops_to_target is not None
            and udp.hops_to_target >= 2
        ):
            reach_ttl = udp.hops_to_target - 1
        elif self.udp_port is None or udp is None or udp.state not in (PortState.OPEN, PortState.CLOSED):
            why = "no UDP port to search on" if udp is None else f"UDP {self.udp_port} does not reach the target"
            return self._result(started, **values, mtu_status="skipped", detail=f"path MTU not searched: {why}")
        assert udp is not None and self.udp_port is not None
        v6 = Family.of(self.address) is Family.IPV6
        # The interface MTU, not the route's: the kernel's route cache may hold an MTU learned from an
        # earlier ICMP too-big, and the search must find (and report) that limit itself.
        local = self.facts.interface_mtu_bytes
        local = min(local or 1500, 65535)  # an IP packet is at most 65535 bytes (loopback's MTU is 65536)
        wait = min(self.wait_s, max(0.25, 4 * (median_ms or 50.0) / 1000.0))
        search = MtuSearch(local, MIN_MTU_V6 if v6 else MIN_MTU_V4)
        while (size := search.next_size()) is not None:
            if time.monotonic() + search.pause_s + wait > deadline:
                break
            time.sleep(search.pause_s)
            answer = prober.datagrams(self.address, self.udp_port, size, [reach_ttl], wait)[0]
            if reach_ttl < 64 and answer.kind == TIME_EXCEEDED and answer.ttl == reach_ttl:
                answer = replace(answer, kind=REACHED)  # the last router got it: as far as can be seen
            search.feed(answer)
        found = search.result()
        if reach_ttl < 64:
            found = replace(
                found,
                detail=f"{found.detail} (measured up to hop {reach_ttl}, the last router before the server: the "
                f"server is silent on UDP {self.udp_port})",
            )
        values.update(
            mtu_status=found.status,
            path_mtu_bytes=found.path_mtu_bytes,
            local_mtu_bytes=found.local_mtu_bytes,
            icmp_mtu_bytes=found.icmp_mtu_bytes,
            icmp_mtu_from=found.icmp_from,
            black_hole=found.black_hole,
            black_hole_smallest_lost_bytes=found.smallest_lost_bytes if found.black_hole else None,
            mtu_probes=found.probes,
            detail=found.detail,
            measured_to_hop=reach_ttl if reach_ttl < 64 else None,
            max_fasp_datagram_bytes=fasp_payload_bytes(found.path_mtu_bytes, v6) if found.path_mtu_bytes else None,
            needs_z=found.black_hole,
        )
        hops = min(self.max_hops, reach_ttl, (udp.hops_to_target or self.max_hops))
        if found.nothing_answered_bytes and reach_ttl == 64 and not self._small_passes(prober, wait):
            # Not even a small datagram on the search's own flow got an answer, while the reachability check's
            # flow did: not a size, but this flow (a review: a firewall limiting new UDP flows to 33001 read as a
            # '576-byte size filter'; so would a per-flow load balancer with one bad member).
            values.update(
                mtu_status="cannot-tell",
                detail=f"{found.detail}; a small datagram on the same flow got no answer either, while the "
                "reachability check's flow did: not a size filter, but this flow (a firewall limiting new UDP "
                "flows, a per-flow load balancer, or the server's ICMP rate limit)",
            )
        elif found.nothing_answered_bytes and reach_ttl == 64:
            # The server answered the reachability check's small datagrams on this port, but no datagram of the
            # protocol's minimum MTU or more, even after pauses: a filter on size (or a tiny MTU without ICMP).
            # FASP's datagrams are near the path MTU: it would not move data (a held-out review: READY).
            values["large_datagrams_lost_bytes"] = found.nothing_answered_bytes
            lost = found.nothing_answered_bytes
            where = self._locate(prober, self.udp_port, lost, SMALL_DATAGRAM_BYTES, hops, wait, deadline)
            if where is not None:
                values.update(_hole_fields(where))
                values["detail"] = (
                    f"{found.detail}; {lost}-byte datagrams get {_hole_text(where)}; small ones get through"
                )
        if found.black_hole and found.path_mtu_bytes and found.smallest_lost_bytes:
            lost, passing = found.smallest_lost_bytes, found.path_mtu_bytes
            where = self._locate(prober, self.udp_port, lost, passing, hops, wait, deadline)
            if where is not None:
                values.update(_hole_fields(where))
                values["detail"] = f"{found.detail}; they get {_hole_text(where)}"
        return self._result(started, **values)

    def _small_passes(self, prober: PathProber, wait: float) -> bool:
        """Whether a small datagram on the search's flow gets the server's answer (after a pause for its ICMP
        rate limit)."""
        assert self.udp_port is not None
        time.sleep(min(1.0, max(wait, 0.25)))
        answer = prober.datagrams(self.address, self.udp_port, SMALL_DATAGRAM_BYTES, [64], max(wait, 0.5))[0]
        return answer.kind == REACHED

    def _locate(
        self,
        prober: PathProber,
        port: int,
        lost_bytes: int,
        passing_bytes: int,
        hops: int,
        wait: float,
        deadline: float,
    ) -> HoleLocation | None:
        """Where datagrams of ``lost_bytes`` vanish while ones of ``passing_bytes`` still get answers, hop by hop
        (None when the hops do not tell, or no time is left)."""
        scan_wait = max(wait, 0.5)
        if time.monotonic() + 2 * scan_wait > deadline + 1.0:
            return None
        ttls = list(range(1, hops + 1))
        big = prober.datagrams(self.address, port, lost_bytes, ttls, scan_wait)
        small = prober.datagrams(self.address, port, passing_bytes, ttls, scan_wait)
        return locate_black_hole(big, small)

    def failed(self, reason: str) -> PathResult:
        """A path probe that could not finish."""
        return self._result(time.monotonic(), mtu_status="cannot-tell", detail=reason)


def _hole_text(where: HoleLocation) -> str:
    """``past hop 2 (198.18.2.2) and vanish before hop 3 (198.18.5.2) answers``."""
    return (
        f"past hop {where.last_hop} ({where.last_hop_address or '?'}) and vanish before hop "
        f"{where.first_silent_hop} ({where.next_hop_address or '?'}) answers"
    )


def _hole_fields(where: HoleLocation) -> dict[str, object]:
    """The result's fields that place where large datagrams vanish."""
    return {
        "black_hole_after_hop": where.last_hop,
        "black_hole_after_address": where.last_hop_address,
        "black_hole_next_address": where.next_hop_address,
    }
