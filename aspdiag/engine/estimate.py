"""The transfer-time estimate for ``--dataset-size`` (pure): at the politeness cap, at a measured FASP rate,
and for one TCP stream (the Mathis bound from RTT and loss), which is why FASP is used at all."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from aspdiag.core.config import CheckConfig
from aspdiag.core.facts import Facts
from aspdiag.core.measurement import Cell, MeasurementBase, Paragraph, Probe, Section, Table
from aspdiag.core.model import Audience, Finding, Report, Severity
from aspdiag.core.units import duration_text, ms_text, rate_text
from aspdiag.measurements.bandwidth import bandwidths_of
from aspdiag.measurements.bandwidth.estimate import BandwidthStatus
from aspdiag.measurements.bandwidth.result import BandwidthResult
from aspdiag.measurements.capacity import capacities_of
from aspdiag.measurements.capacity.result import CapacityResult, ShaperState
from aspdiag.measurements.path.logic import duration_s, loss_for_estimate, tcp_stream_mbps
from aspdiag.measurements.path.result import PathResult
from aspdiag.measurements.responder import responders_of
from aspdiag.measurements.transfer import transfer_of
from aspdiag.measurements.transfer.run import TransferOutcome, TransferResult


@dataclass(frozen=True)
class TransferEstimate:
    """How long ``--dataset-size`` takes: at the politeness cap, and for one TCP stream (Mathis bound)."""

    dataset_bytes: int
    cap_mbps: float
    at_cap_s: float | None
    measured_mbps: float | None
    """The rate to plan with (the slowest measured bottleneck, else the highest lower bound); None when none
    was measured (see ``planning_rate``)."""
    at_measured_s: float | None
    measured_from: str | None
    tcp_single_stream_mbps: float | None
    at_tcp_s: float | None
    rtt_ms: float | None
    loss_fraction_used: float | None
    loss_basis: str
    note: str


def planning_rate(
    capacities: Sequence[CapacityResult],
    bandwidths: Sequence[BandwidthResult],
    transfer: TransferResult | None,
) -> tuple[float | None, str | None, CapacityResult | None]:
    """The rate to plan with, where it came from, and the capacity result that saw a shaper (if any).

    Every figure that measured a bottleneck counts, and the slowest wins: a UDP policer that the TCP stream
    never meets must not be hidden by the faster TCP figure. Without any, the highest lower bound (each is
    honest, so the highest is too), marked as such: the estimate is then 'at most this long'."""
    measured: list[tuple[float, str]] = []
    lower: list[tuple[float, str]] = []
    for b in bandwidths:
        if b.rate_mbps is None:
            continue
        where = f"TCP through SSH port {b.port}, client → server"
        if b.status is BandwidthStatus.MEASURED:
            measured.append((b.rate_mbps, f"the bandwidth measurement ({where})"))
        elif b.status is BandwidthStatus.LOWER_BOUND:
            lower.append((b.rate_mbps, f"the bandwidth measurement: at least this ({where}; {b.limited_by.value})"))
    for c in capacities:
        # A train that passed unqueued bounds a burst of its size only (a deeper token bucket looks the same),
        # never a long transfer: it is no 'at most this long'.
        if not c.sustained_mbps or c.status != "ok" or c.sustained_is_lower_bound:
            continue
        measured.append(
            (
                c.sustained_mbps,
                f"the capacity estimate's sustained rate ({c.protocol.upper()}, {c.confidence} confidence)",
            )
        )
    if transfer is not None and transfer.outcome is TransferOutcome.SUCCESS and transfer.rate_mbps:
        lower.append(
            (
                float(transfer.rate_mbps),
                f"the capped test transfer (FASP, ascp -l {transfer.target_rate_mbps:g}m): a lower bound",
            )
        )
    shaper = next((c for c in capacities if c.shaper is ShaperState.SUSPECTED and c.sustained_mbps), None)
    if measured:
        rate, source = min(measured)
        return rate, source, shaper
    if lower:
        rate, source = max(lower)
        return rate, source + ", so at most this long", shaper
    return None, None, shaper


def estimate_transfer(
    dataset_bytes: int,
    cap_mbps: float,
    paths: Sequence[PathResult],
    transfer: TransferResult | None = None,
    capacities: Sequence[CapacityResult] = (),
    bandwidths: Sequence[BandwidthResult] = (),
) -> TransferEstimate:
    """Combine what was measured into the three durations (each None when its input is missing)."""
    with_rtt = [p for p in paths if p.rtt_median_ms is not None]
    best = min(with_rtt, key=lambda p: p.rtt_median_ms or 0.0) if with_rtt else None
    tcp_mbps = loss_used = None
    basis = "no RTT measured (no TCP port answered)"
    if best is not None and best.rtt_median_ms is not None:
        loss_used, basis = loss_for_estimate(best.loss_pct or 0.0, best.rtt_samples)
        tcp_mbps = tcp_stream_mbps(best.rtt_median_ms, loss_used)
    measured, measured_from, shaper = planning_rate(capacities, bandwidths, transfer)
    if measured is not None:
        note = (
            "The measured rate is the path's bottleneck when it carries nothing else; FASP gets it only if the "
            "path stays that idle, and never more than the cap you give ascp (-l). It was measured from this "
            "machine toward the server: a download may meet a different bottleneck on the way back."
        )
        if shaper is not None:
            note += (
                f" A shaper lets the first {shaper.burst_bytes or 0:,} bytes through faster; a long transfer gets"
                " the sustained rate."
            )
    else:
        note = (
            "No rate was measured (add --bandwidth): the cap is what aspdiag allows itself, not a promise that "
            "the path carries it."
        )
    return TransferEstimate(
        dataset_bytes=dataset_bytes,
        cap_mbps=cap_mbps,
        at_cap_s=duration_s(dataset_bytes, cap_mbps),
        measured_mbps=measured,
        at_measured_s=duration_s(dataset_bytes, measured),
        measured_from=measured_from,
        tcp_single_stream_mbps=round(tcp_mbps, 3) if tcp_mbps is not None else None,
        at_tcp_s=duration_s(dataset_bytes, tcp_mbps),
        rtt_ms=best.rtt_median_ms if best else None,
        loss_fraction_used=loss_used,
        loss_basis=basis,
        note=note,
    )


KEY = "estimate"


def udp_caveat(report: Report) -> Finding | None:
    """One finding when the report's rate figures were all measured with TCP: a perimeter may police UDP (the
    protocol of FASP's data) where TCP runs free, and only a UDP measurement shows that."""
    tcp = [b.address for b in bandwidths_of(report) if b.usable_mbps is not None]
    tcp += [c.address for c in capacities_of(report) if c.protocol == "tcp" and c.sustained_mbps]
    if not report.addresses:
        return None
    udp = any(c.protocol == "udp" and c.status == "ok" for c in capacities_of(report))
    udp = udp or any(r.up_rate_mbps or r.down_rate_mbps for r in responders_of(report))
    transfer = transfer_of(report)
    if udp or (transfer is not None and transfer.outcome is TransferOutcome.SUCCESS):
        return None
    # Also without any TCP figure (--quick, an unmeasured bandwidth): a READY that rests on single probes says
    # nothing about a UDP policer (a review: 5 datagrams a second let through read READY with no word on it).
    title = (
        "The bandwidth was measured with TCP; FASP sends its data over UDP"
        if tcp
        else "FASP's UDP throughput was not measured"
    )
    what = (
        "the figure says what the path carries for TCP from this machine to the server, not yet what a FASP "
        "transfer will get"
        if tcp
        else "single probes showed the path toward the server, not the rate UDP gets through it, nor the way back "
        "(FASP's data comes from the server's UDP port in a download)"
    )
    return Finding(
        Severity.INFO,
        title,
        f"a perimeter may police or shape UDP differently from TCP (UDP flood protection): {what}",
        "run the capped test transfer (--transfer) or the responder (--responder) to measure UDP",
        None,
        Audience.USER,
        proven=False,
        settle="a capped test transfer or the responder's UDP throughput test measures UDP",
    )


def estimate_of(report: Report) -> TransferEstimate | None:
    """The transfer-time estimate of a report, if ``--dataset-size`` asked for one."""
    return cast(TransferEstimate | None, report.section(KEY))


def estimate_rows(e: TransferEstimate) -> list[tuple[str, str, str]]:
    """(what, rate, duration) rows."""
    rows = [("at the politeness cap", f"{e.cap_mbps:g} Mbit/s", duration_text(e.at_cap_s))]
    if e.measured_mbps is not None:
        rows.append(
            (f"at the measured rate ({e.measured_from})", rate_text(e.measured_mbps), duration_text(e.at_measured_s))
        )
    rows.append(
        (
            f"one TCP stream: Mathis bound and 6 MiB window (RTT {ms_text(e.rtt_ms)}; {e.loss_basis})",
            rate_text(e.tcp_single_stream_mbps),
            duration_text(e.at_tcp_s),
        )
    )
    return rows


@dataclass(frozen=True)
class EstimateMeasurement(MeasurementBase):
    """The estimate ``--dataset-size`` asks for: computed from the other sections, no probe of its own."""

    key: str = KEY
    json_key: str = "estimate"
    stage: str = "Estimate"
    section_type: Any = TransferEstimate | None
    empty: Any = None

    def wanted(self, config: CheckConfig) -> bool:
        """``--dataset-size``."""
        return config.dataset_bytes is not None

    def probes(self, config: CheckConfig, facts: Facts) -> Sequence[Probe[Any]]:
        """None."""
        return ()

    def collect(self, results: Sequence[Any]) -> Any:
        """Nothing to collect."""
        return None

    def derive(self, config: CheckConfig, sections: Mapping[str, Any]) -> TransferEstimate | None:
        """The three durations from the path, capacity and transfer sections."""
        if config.dataset_bytes is None:
            return None
        return estimate_transfer(
            config.dataset_bytes,
            config.max_rate_mbps,
            tuple(sections.get("paths", ())),
            sections.get("transfer"),
            tuple(sections.get("capacities", ())),
            tuple(sections.get("bandwidths", ())),
        )

    def findings(self, report: Report) -> Sequence[Finding]:
        """Whatever the options: rate figures measured with TCP only say nothing about UDP (FASP's data)."""
        caveat = udp_caveat(report)
        return (caveat,) if caveat is not None else ()

    def section(self, report: Report) -> Section | None:
        """The durations table and its caveat."""
        e = estimate_of(report)
        if e is None:
            return None
        rows = tuple(tuple(Cell(c) for c in row) for row in estimate_rows(e))
        table = Table(("Assuming", "Rate", "Duration"), rows, "estimate-table")
        title = f"Transfer estimate for {e.dataset_bytes:,} bytes"
        return Section("estimate", title, (table, Paragraph(e.note)), (table,))


MEASUREMENT = EstimateMeasurement()
