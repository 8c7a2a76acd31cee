"""The transfer-time estimate for ``--dataset-size`` (pure): at the politeness cap, at a measured FASP rate,
and for one TCP stream (the Mathis bound from RTT and loss), which is why FASP is used at all."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from aspdiag.core.config import CheckConfig
from aspdiag.core.facts import Facts
from aspdiag.core.measurement import Cell, MeasurementBase, Paragraph, Probe, Section, Table
from aspdiag.core.model import Report
from aspdiag.core.units import duration_text, ms_text, rate_text
from aspdiag.measurements.capacity.result import CapacityResult
from aspdiag.measurements.path.logic import duration_s, loss_for_estimate, tcp_stream_mbps
from aspdiag.measurements.path.result import PathResult
from aspdiag.measurements.transfer.run import TransferOutcome, TransferResult


@dataclass(frozen=True)
class TransferEstimate:
    """How long ``--dataset-size`` takes: at the politeness cap, and for one TCP stream (Mathis bound)."""

    dataset_bytes: int
    cap_mbps: float
    at_cap_s: float | None
    measured_mbps: float | None
    """A measured rate for this path (a capped test transfer); None when none was measured."""
    at_measured_s: float | None
    measured_from: str | None
    tcp_single_stream_mbps: float | None
    at_tcp_s: float | None
    rtt_ms: float | None
    loss_fraction_used: float | None
    loss_basis: str
    note: str


def estimate_transfer(
    dataset_bytes: int,
    cap_mbps: float,
    paths: Sequence[PathResult],
    transfer: TransferResult | None = None,
    capacities: Sequence[CapacityResult] = (),
) -> TransferEstimate:
    """Combine what was measured into the three durations (each None when its input is missing)."""
    with_rtt = [p for p in paths if p.rtt_median_ms is not None]
    best = min(with_rtt, key=lambda p: p.rtt_median_ms or 0.0) if with_rtt else None
    tcp_mbps = loss_used = None
    basis = "no RTT measured (no TCP port answered)"
    if best is not None and best.rtt_median_ms is not None:
        loss_used, basis = loss_for_estimate(best.loss_pct or 0.0, best.rtt_samples)
        tcp_mbps = tcp_stream_mbps(best.rtt_median_ms, loss_used)
    measured: float | None = None
    measured_from = None
    capacity = next((c for c in capacities if c.status in ("ok", "lower-bound") and c.sustained_mbps), None)
    if capacity is not None and capacity.sustained_mbps:
        measured = capacity.sustained_mbps
        if capacity.sustained_is_lower_bound:
            measured_from = (
                f"the capacity estimate: at least {measured:g} Mbit/s (the probe's own pace), so at most this long"
            )
        else:
            measured_from = f"the capacity estimate's sustained rate ({capacity.confidence} confidence)"
    elif transfer is not None and transfer.outcome is TransferOutcome.SUCCESS and transfer.rate_mbps:
        measured = float(transfer.rate_mbps)
        measured_from = f"the capped test transfer (ascp -l {transfer.target_rate_mbps:g}m): a lower bound"
    if capacity is not None:
        note = (
            "The measured rate is the path's bottleneck when it carries nothing else; FASP gets it only if the "
            "path stays that idle, and never more than the cap you give ascp (-l)."
        )
        if capacity.shaper_suspected:
            note += (
                f" A shaper lets the first {capacity.burst_bytes or 0:,} bytes through faster; a long transfer gets"
                " the sustained rate."
            )
    else:
        note = (
            "No capacity was measured (add --capacity): the cap is what aspdiag allows itself, not a promise that "
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
        )

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
