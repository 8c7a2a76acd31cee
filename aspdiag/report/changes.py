"""What changed since the last check: two reports of the same target from the same vantage point compared,
as dated evidence for the network team ("UDP 33001 on 198.18.3.2 reached the server on 2026-11-20 08:00 UTC;
since 2026-11-28 09:10 UTC it stops after hop 2 (198.18.2.2)"); and a check summarised in a few values for
``aspdiag history`` and the charts. Pure: the history database lives in ``aspdiag.adapters.history``.

Beyond noise: a port's state, where it stops, the verdict, the path MTU and the hops are compared exactly
(they are discrete); an RTT only counts as changed when it moved by more than ``max(20 %, 5 ms)``, and a rate
(bandwidth) when it moved by more than 20 % and was measured the same way both times.
"""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence

from aspdiag.core.history import Change, ChangeKind, Changes, CheckSummary, PortMark, Vantage
from aspdiag.core.model import Family, PortState, Protocol, Report
from aspdiag.measurements.bandwidth import bandwidths_of
from aspdiag.measurements.bandwidth.estimate import BandwidthStatus
from aspdiag.measurements.capacity import capacities_of
from aspdiag.measurements.dns import dns_of
from aspdiag.measurements.path import paths_of
from aspdiag.measurements.reachability import ports_of
from aspdiag.measurements.reachability.logic import path_hops
from aspdiag.measurements.reachability.result import PortResult
from aspdiag.measurements.responder import responders_of
from aspdiag.measurements.transfer import transfer_of
from aspdiag.measurements.transfer.run import TransferOutcome

RTT_NOISE_FRACTION = 0.20
RTT_NOISE_MS = 5.0
RATE_NOISE_FRACTION = 0.20
TIMELINE_POINTS = 30
"""How many checks the timeline in a report holds (the chart in the HTML report)."""


def when(utc: str | None) -> str:
    """``2026-11-20 08:00 UTC`` from an ISO time (the minute is enough as evidence and keeps lines short)."""
    if not utc:
        return "an unknown time"
    return f"{utc[:10]} {utc[11:16]} UTC" if len(utc) >= 16 else utc


def vantage_of(report: Report) -> Vantage:
    """The vantage point of a check: its host name and first IPv4 source address (else the first source)."""
    sources = [s.address for s in report.environment.sources]
    v4 = [a for a in sources if Family.of(a) is Family.IPV4]
    return Vantage(report.environment.hostname, (v4 or sources or [""])[0])


# --------------------------------------------------------------------------- summary


def _open_tcp_rtt(ports: Iterable[PortResult]) -> float | None:
    rtts = [p.rtt_ms for p in ports if p.protocol is Protocol.TCP and p.state is PortState.OPEN and p.rtt_ms]
    return statistics.median(rtts) if rtts else None


def rtt_by_address(report: Report) -> dict[str, float]:
    """Median RTT per address: the path measurement's when it ran, else the TCP handshakes of open ports."""
    out: dict[str, float] = {}
    for p in paths_of(report):
        if p.rtt_median_ms is not None:
            out[p.address] = p.rtt_median_ms
    ports = ports_of(report)
    for address in dict.fromkeys(p.address for p in ports):
        if address not in out and (rtt := _open_tcp_rtt(p for p in ports if p.address == address)) is not None:
            out[address] = rtt
    return out


def rates(report: Report) -> dict[tuple[str, str], float]:
    """Every bandwidth measurement of a check in Mbit/s, by (how it was measured, address or '')."""
    out: dict[tuple[str, str], float] = {}
    transfer = transfer_of(report)
    if transfer is not None and transfer.outcome is TransferOutcome.SUCCESS and transfer.rate_mbps:
        out[("test transfer", "")] = transfer.rate_mbps
    for r in responders_of(report):
        if r.down_rate_mbps:
            out[("responder download", r.address)] = r.down_rate_mbps
        if r.up_rate_mbps:
            out[("responder upload", r.address)] = r.up_rate_mbps
    for c in capacities_of(report):
        if c.status in ("ok", "lower-bound") and c.sustained_mbps:
            out[("capacity estimate", c.address)] = c.sustained_mbps
    for b in bandwidths_of(report):
        if b.status is BandwidthStatus.MEASURED and b.rate_mbps:
            # Lower bounds are left out: two of them differ by the budget, not by the path.
            out[("bandwidth (TCP, client → server)", b.address)] = b.rate_mbps
    return out


def port_mark(p: PortResult) -> PortMark:
    """A port result in a summary."""
    return PortMark(p.address, p.protocol.value, p.port, p.state.value, p.path_open, "" if p.path_open else p.location)


def summarize(report: Report) -> CheckSummary:
    """One check in a few values (what the history lists and charts)."""
    rtts = rtt_by_address(report)
    mtus = [p.path_mtu_bytes for p in paths_of(report) if p.path_mtu_bytes]
    measured = rates(report)
    source, rate = next(((k[0], v) for k, v in measured.items()), ("", None))
    return CheckSummary(
        target=report.target.host,
        started_utc=report.started_utc,
        verdict=report.assessment.verdict.value,
        vantage=vantage_of(report),
        ports=tuple(port_mark(p) for p in ports_of(report)),
        rtt_ms=statistics.median(rtts.values()) if rtts else None,
        path_mtu_bytes=min(mtus) if mtus else None,
        rate_bytes_per_s=rate * 1e6 / 8 if rate is not None else None,
        rate_source=source,
    )


# --------------------------------------------------------------------------- comparison


def _past(p: PortResult) -> str:
    if p.path_open:
        return "was open" if p.protocol is Protocol.TCP else "reached the server"
    if p.state is PortState.DROPPED:
        hop = p.last_responding_hop
        if hop is not None:
            return f"stopped after hop {hop.hop}" + (f" ({hop.address})" if hop.address else "")
        return f"was dropped ({p.location})" if p.location else "was dropped"
    if p.state is PortState.REJECTED:
        return f"was {p.location}" if p.location else "was rejected"
    if p.state is PortState.CLOSED:
        return "was closed (the server answered: nothing listens)"
    return "could not be tested"


def _present(p: PortResult) -> str:
    if p.path_open:
        return "is open" if p.protocol is Protocol.TCP else "reaches the server"
    if p.state is PortState.DROPPED:
        hop = p.last_responding_hop
        if hop is not None:
            return f"stops after hop {hop.hop}" + (f" ({hop.address})" if hop.address else "")
        return f"is dropped ({p.location})" if p.location else "is dropped"
    if p.state is PortState.REJECTED:
        return f"is {p.location}" if p.location else "is rejected"
    if p.state is PortState.CLOSED:
        return "is closed (the server answers: nothing listens)"
    return "cannot be tested"


def _fingerprint(p: PortResult) -> tuple[object, ...]:
    stop = p.blocked_at.hop if p.blocked_at else None
    last = p.last_responding_hop.hop if p.last_responding_hop and not p.path_open else None
    return (p.state, p.path_open, stop, last)


def _port_changes(before: Report, after: Report, d1: str, d2: str) -> list[Change]:
    old = {(p.address, p.protocol, p.port): p for p in ports_of(before)}
    out = []
    for p in ports_of(after):
        q = old.get((p.address, p.protocol, p.port))
        if q is None or _fingerprint(q) == _fingerprint(p) or p.state is PortState.ERROR:
            continue
        name = f"{p.protocol.value.upper()} {p.port} on {p.address}"
        worse = None if q.path_open == p.path_open else q.path_open
        out.append(
            Change(
                ChangeKind.PORT,
                f"{p.label} {p.address}",
                f"{q.state.value}" + (f" ({q.location})" if q.location else ""),
                f"{p.state.value}" + (f" ({p.location})" if p.location else ""),
                f"{name} {_past(q)} on {d1}; since {d2} it {_present(p)}",
                worse,
            )
        )
    return out


def _address_changes(before: Report, after: Report, d1: str, d2: str) -> list[Change]:
    if dns_of(before) is None or dns_of(after) is None or after.target.is_literal:
        return []
    old, new = set(before.addresses), set(after.addresses)
    out = []
    for address in sorted(old - new):
        out.append(
            Change(
                ChangeKind.ADDRESS,
                address,
                "resolved",
                "not resolved",
                f"{before.target.host} resolved to {address} on {d1}; since {d2} it no longer does",
                None,
            )
        )
    for address in sorted(new - old):
        out.append(
            Change(
                ChangeKind.ADDRESS,
                address,
                "not resolved",
                "resolved",
                f"{after.target.host} resolves to {address} since {d2} (not on {d1})",
                None,
            )
        )
    return out


def _hops(report: Report, address: str) -> dict[int, str]:
    return path_hops(p.trace for p in ports_of(report) if p.address == address)


def _hop_changes(before: Report, after: Report, d1: str, d2: str) -> list[Change]:
    out = []
    for address in [a for a in after.addresses if a in before.addresses]:
        old, new = _hops(before, address), _hops(after, address)
        if not old or not new:
            continue
        for ttl in sorted(set(old) | set(new)):
            a, b = old.get(ttl), new.get(ttl)
            if a == b:
                continue
            subject = f"hop {ttl} toward {address}"
            if a and b:
                text = f"Hop {ttl} toward {address} was {a} on {d1}; since {d2} it is {b} (the route changed)"
            elif b and max(old) >= ttl and b not in old.values():
                text = f"Hop {ttl} toward {address} is {b} since {d2}; on {d1} no router answered there"
            elif a and max(new) >= ttl and a not in new.values():
                text = f"Hop {ttl} toward {address} was {a} on {d1}; since {d2} it no longer answers"
            else:
                continue  # a trace that stops earlier (a blocked port) is not a route change
            out.append(Change(ChangeKind.HOP, subject, a or "-", b or "-", text, None))
    return out


def _mtu_changes(before: Report, after: Report, d1: str, d2: str) -> list[Change]:
    old = {p.address: p for p in paths_of(before)}
    out = []
    for p in paths_of(after):
        q = old.get(p.address)
        if q is None or q.path_mtu_bytes is None or p.path_mtu_bytes is None:
            continue
        if q.path_mtu_bytes == p.path_mtu_bytes and q.black_hole == p.black_hole:
            continue
        hole = {True: " (a black hole: large datagrams vanish without ICMP)", False: ""}
        out.append(
            Change(
                ChangeKind.MTU,
                f"path MTU {p.address}",
                f"{q.path_mtu_bytes} bytes",
                f"{p.path_mtu_bytes} bytes",
                f"The path MTU toward {p.address} was {q.path_mtu_bytes} bytes{hole[q.black_hole]} on {d1}; "
                f"since {d2} it is {p.path_mtu_bytes} bytes{hole[p.black_hole]}",
                p.path_mtu_bytes < q.path_mtu_bytes or (p.black_hole and not q.black_hole),
            )
        )
    return out


def rtt_beyond_noise(before_ms: float, after_ms: float) -> bool:
    """Whether an RTT moved by more than max(20 %, 5 ms)."""
    return abs(after_ms - before_ms) > max(RTT_NOISE_FRACTION * before_ms, RTT_NOISE_MS)


def rate_beyond_noise(before: float, after: float) -> bool:
    """Whether a rate moved by more than 20 %."""
    return abs(after - before) > RATE_NOISE_FRACTION * before


def _rtt_changes(before: Report, after: Report, d1: str, d2: str) -> list[Change]:
    old, new = rtt_by_address(before), rtt_by_address(after)
    out = []
    for address, ms in new.items():
        if address in old and rtt_beyond_noise(old[address], ms):
            out.append(
                Change(
                    ChangeKind.RTT,
                    f"RTT {address}",
                    f"{old[address]:.1f} ms",
                    f"{ms:.1f} ms",
                    f"The round-trip time to {address} was {old[address]:.1f} ms on {d1}; since {d2} it is {ms:.1f} ms",
                    ms > old[address],
                )
            )
    return out


def _rate_changes(before: Report, after: Report, d1: str, d2: str) -> list[Change]:
    old, new = rates(before), rates(after)
    out = []
    for (how, address), mbps in new.items():
        was = old.get((how, address))
        if was is None or not rate_beyond_noise(was, mbps):
            continue
        toward = f" toward {address}" if address else ""
        out.append(
            Change(
                ChangeKind.BANDWIDTH,
                f"{how}{toward}",
                f"{was:.1f} Mbit/s",
                f"{mbps:.1f} Mbit/s",
                f"The {how}{toward} measured {was:.1f} Mbit/s on {d1}; since {d2} it measures {mbps:.1f} Mbit/s",
                mbps < was,
            )
        )
    return out


def _rank(order: Sequence[str], value: str) -> int:
    return order.index(value) if value in order else len(order)


def compare(before: Report, after: Report) -> tuple[Change, ...]:
    """Every change beyond noise from ``before`` to ``after`` (the same target), verdict first."""
    d1, d2 = when(before.started_utc), when(after.started_utc)
    out: list[Change] = []
    v1, v2 = before.assessment.verdict, after.assessment.verdict
    if v1 is not v2:
        # Worse to the right (every verdict ranked: a missing one would raise on a report from a newer tool).
        order = ["ready", "ready but unconfirmed", "degraded", "cannot tell", "name not resolved", "blocked"]
        out.append(
            Change(
                ChangeKind.VERDICT,
                "verdict",
                v1.value,
                v2.value,
                f"The verdict was {v1.value.upper()} on {d1}; since {d2} it is {v2.value.upper()}",
                _rank(order, v2.value) > _rank(order, v1.value),
            )
        )
    for part in (_address_changes, _port_changes, _hop_changes, _mtu_changes, _rtt_changes, _rate_changes):
        out += part(before, after, d1, d2)
    return tuple(out)


def changes_since(
    report: Report, previous: Report | None, earlier: Sequence[CheckSummary] = (), vantage: Vantage | None = None
) -> Changes:
    """The ``changes`` of ``report``: against ``previous`` (None: the first check from this vantage), with a
    timeline of the ``earlier`` summaries (oldest first) and this check."""
    timeline = (*earlier[-(TIMELINE_POINTS - 1) :], summarize(report))
    return Changes(
        vantage=vantage or vantage_of(report),
        previous_utc=previous.started_utc if previous else None,
        previous_verdict=previous.assessment.verdict.value if previous else None,
        items=compare(previous, report) if previous else (),
        timeline=timeline,
    )
