"""The transfer-time estimate for ``--dataset-size`` (pure): at the politeness cap, at a measured FASP rate,
and for one TCP stream (the Mathis bound from RTT and loss), which is why FASP is used at all."""

from __future__ import annotations

from collections.abc import Sequence

from aspdiag.ascp.transfer import TransferOutcome, TransferResult
from aspdiag.model import CapacityResult, PathResult, TransferEstimate
from aspdiag.path import duration_s, loss_for_estimate, tcp_stream_mbps


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
