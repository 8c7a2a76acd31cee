"""Client-to-server bottleneck rate from kernel TCP_INFO samples of one bulk TCP flow (pure: no I/O).

The flow is the SSH_MSG_IGNORE stream of :mod:`aspdiag.adapters.ssh`: plain kernel TCP through the server's
SSH port. This module turns the samples into a :class:`BandwidthEstimate` that says how fast the path
carries data from the client to the server, whether that figure is a measurement or only a lower bound, and
why — and decides when a running stream has seen enough (:class:`StopWhenStable`).

How (see ``estimate_bandwidth``):

* The figure is the rate delivered over the *settled tail* of the run: Δ(delivered segments) x MSS / Δt,
  summed over back-to-back windows of several RTTs (the longest of 4 base RTTs, one smoothed RTT, 10 ms,
  40 segments and 4 ACK arrivals), anchored at the end of the run, with every boundary on an ACK arrival
  (a receiver may acknowledge 64 KB at once). The settled tail is where the window rates stay within 20 % of
  their median, so the slow-start ramp and a shaper's initial burst are left out. ``tcpi_delivered`` counts
  SACKed segments too, so a loss does not show up as a stall followed by a jump, as ``bytes_acked`` would.
* The kernel's non-application-limited delivery-rate samples only cross-check it (their median and
  maximum over the same stretch are reported). Their maximum is not the figure: in the lab single samples
  read up to 3x the bottleneck, and 50x while a shaper's bucket drained at line rate.
* LOWER_BOUND, never an overestimate, with the reason, when the run could not show the path's rate: the
  budget ended before the pipe was full (BBR still in STARTUP / CUBIC's ssthresh still infinite, less than
  2 x rate x RTT delivered, the rate still rising, too few windows), the server's receive window held the
  sender back (``tcpi_rwnd_limited``, or the advertised window seen full: sshd read slower than the network
  delivered, or its window is small — a limit of the SSH server, not of the path), our send buffer did
  (``tcpi_sndbuf_limited``), our socket was found empty in most samples, or the rate swung between windows.
* NOT_MEASURED when our own sender stalled — windows where the socket was found empty with the congestion
  window open, or the kernel marked samples application-limited, and that ran slower than the clean ones —
  or the run was shorter than one window: retry rather than claim something.

Rates are TCP payload bytes (goodput), in Mbit/s (10^6 bit/s). On the wire each 1448-byte segment also
carries 52 bytes of TCP/IPv4 headers (72 with IPv6), so a link's nominal rate is about 4-5 % higher.
"""

from __future__ import annotations

import enum
import statistics
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from aspdiag.measurements.bandwidth.params import DEFAULT_PARAMS, EstimatorParams
from aspdiag.measurements.bandwidth.samples import StreamStop, TcpInfoSample
from aspdiag.measurements.bandwidth.windows import (
    delivered_bytes,
    index_at_or_before,
    mbps,
    pipe_filled_by_cc,
    sender_marked,
    settled_start,
    share,
    starved,
    tail_windows,
    window_full,
    window_length_s,
)


class BandwidthStatus(enum.Enum):
    """How far to trust ``rate_mbps``."""

    MEASURED = "measured"
    LOWER_BOUND = "lower_bound"
    NOT_MEASURED = "not_measured"


class LimitedBy(enum.Enum):
    """What set the rate that was seen."""

    PATH = "path"  # the network's bottleneck: what the estimate is for
    BUDGET = "budget"  # the byte/time budget ended before the pipe was full
    RECEIVER_WINDOW = "receiver-window"  # the server's sshd read slowly or advertised a small window
    SEND_BUFFER = "send-buffer"  # our socket's send buffer
    SENDER = "sender"  # our own process did not keep data queued (CPU, scheduling)
    CONNECTION = "connection"  # the server closed or reset the connection early
    VARIABLE = "variable"  # the rate varied too much between windows (competing traffic, a busy machine)
    NOTHING = "nothing"  # too little data to say anything


@dataclass(frozen=True)
class BandwidthEstimate:
    """The client-to-server rate through the SSH port, with how far to trust it and why."""

    status: BandwidthStatus
    rate_mbps: float | None
    """TCP payload rate, 10^6 bit/s; a lower bound when status is LOWER_BOUND; None when NOT_MEASURED."""
    reason: str
    limited_by: LimitedBy
    bytes_sent: int
    """Bytes of IGNORE stream the run handed to TCP (all of it reaches the server)."""
    bytes_delivered: int
    """Of those, acknowledged by the server while sampling."""
    seconds: float
    """Duration of the stream (first to last sample)."""
    min_rtt_ms: float | None
    smoothed_rtt_ms: float | None
    retransmits: int
    samples_total: int
    samples_used: int
    windows_used: int
    window_ms: float | None
    window_rate_min_mbps: float | None
    window_rate_max_mbps: float | None
    delivery_rate_median_mbps: float | None
    """Cross-check: the kernel's non-application-limited delivery-rate samples over the same stretch."""
    delivery_rate_max_mbps: float | None
    app_limited_share: float
    starved_share: float
    rwnd_limited_share: float
    """The larger of the kernel's rwnd-limited time share and the share of samples with the window full."""
    sndbuf_limited_share: float
    max_sample_gap_ms: float
    """The longest time this process took between two samples: long gaps mean it lacked CPU."""
    congestion_control: str | None = None
    stream_stop: StreamStop | None = None
    method: str = "ssh-ignore"
    protocol: str = "tcp"
    direction: str = "client-to-server"

    @property
    def rate_bytes_per_s(self) -> float | None:
        return None if self.rate_mbps is None else self.rate_mbps * 1e6 / 8

    def to_dict(self) -> dict[str, object]:
        """JSON-ready: enums as their values."""
        return {key: value.value if isinstance(value, enum.Enum) else value for key, value in asdict(self).items()}


# ------------------------------------------------------------------------------------------------ estimate


@dataclass
class _Run:
    """What every outcome reports about the run, filled in as the analysis goes."""

    samples: Sequence[TcpInfoSample]
    congestion_control: str | None
    stream_stop: StreamStop | None
    bytes_written: int | None
    samples_used: int = 0
    windows_used: int = 0
    window_ms: float | None = None
    window_rate_min_mbps: float | None = None
    window_rate_max_mbps: float | None = None
    delivery_rate_median_mbps: float | None = None
    delivery_rate_max_mbps: float | None = None
    app_limited_share: float = 0.0
    starved_share: float = 0.0
    rwnd_limited_share: float = 0.0
    sndbuf_limited_share: float = 0.0

    def result(
        self, status: BandwidthStatus, rate: float | None, reason: str, limited_by: LimitedBy
    ) -> BandwidthEstimate:
        samples = self.samples
        first, last = (samples[0], samples[-1]) if samples else (None, None)
        gaps = [b.t_s - a.t_s for a, b in zip(samples, samples[1:], strict=False)]
        written = self.bytes_written
        if written is None:
            written = last.bytes_written - first.bytes_written if first and last else 0
        return BandwidthEstimate(
            status=status,
            rate_mbps=None if rate is None else mbps(rate),
            reason=reason + _stop_note(self.stream_stop),
            limited_by=limited_by,
            bytes_sent=written,
            bytes_delivered=max(0, last.bytes_acked - first.bytes_acked) if first and last else 0,
            seconds=last.t_s - first.t_s if first and last else 0.0,
            min_rtt_ms=last.min_rtt_us / 1000 if last and last.min_rtt_us else None,
            smoothed_rtt_ms=last.rtt_us / 1000 if last and last.rtt_us else None,
            retransmits=last.total_retrans - first.total_retrans if first and last else 0,
            samples_total=len(samples),
            samples_used=self.samples_used,
            windows_used=self.windows_used,
            window_ms=self.window_ms,
            window_rate_min_mbps=self.window_rate_min_mbps,
            window_rate_max_mbps=self.window_rate_max_mbps,
            delivery_rate_median_mbps=self.delivery_rate_median_mbps,
            delivery_rate_max_mbps=self.delivery_rate_max_mbps,
            app_limited_share=self.app_limited_share,
            starved_share=self.starved_share,
            rwnd_limited_share=self.rwnd_limited_share,
            sndbuf_limited_share=self.sndbuf_limited_share,
            max_sample_gap_ms=max(gaps, default=0.0) * 1000,
            congestion_control=self.congestion_control,
            stream_stop=self.stream_stop,
        )


_QUEUE_US = 2_000
"""Queueing delay (µs) above the path's minimum RTT that counts as a standing queue at the bottleneck."""


def queued_at_bottleneck(samples: Sequence[TcpInfoSample]) -> bool:
    """Whether the round trips of a stretch carry a standing queue: the median RTT at least 1.5 times the path's
    minimum and 2 ms above it. A receive window that is full then holds bytes waiting at the bottleneck, not bytes
    the receiver has yet to read: the network set the pace (a lab run at 420 Mbit/s whose tbf queue stayed full
    96 % of the time was read as limited by the server's window). A receiver that reads slower than the path keeps
    the RTT near its minimum: nothing queues when less is in flight than the path carries."""
    if not samples:
        return False
    floor = min(s.min_rtt_us for s in samples)
    median = statistics.median(s.rtt_us for s in samples)
    return median >= max(1.5 * floor, floor + _QUEUE_US)


def estimate_bandwidth(
    samples: Sequence[TcpInfoSample],
    *,
    params: EstimatorParams = DEFAULT_PARAMS,
    congestion_control: str | None = None,
    stream_stop: StreamStop | None = None,
    bytes_written: int | None = None,
) -> BandwidthEstimate:
    """The bottleneck rate from one stream's samples (the first taken before the stream began).
    ``bytes_written`` is the stream's whole cost when it exceeds the last sample's (see the adapter)."""
    run = _Run(samples, congestion_control, stream_stop, bytes_written)
    if len(samples) < 3 or samples[-1].t_s <= samples[0].t_s:
        return run.result(BandwidthStatus.NOT_MEASURED, None, "too few TCP_INFO samples", LimitedBy.NOTHING)
    first, last = samples[0], samples[-1]
    delivered = delivered_bytes(last) - delivered_bytes(first)
    if delivered <= 0:
        return run.result(BandwidthStatus.NOT_MEASURED, None, "nothing was delivered", _nothing(stream_stop))
    average = delivered / (last.t_s - first.t_s)

    pipe_index = next((i for i, s in enumerate(samples) if pipe_filled_by_cc(s)), None)
    window_s = window_length_s(samples, params, pipe_index or 0)
    windows = tail_windows(samples, window_s)
    rates = [w.rate_bytes_per_s for w in windows]
    # Where the run settled: the ramp and any burst before it (a shaper's full bucket) are left out.
    settle = settled_start(rates, params)
    stretch = windows[settle:] if settle is not None else windows[len(windows) // 2 :]
    # Windows where our own process may have held the flow back: the socket found empty while the window
    # had room, or the kernel's application-limited mark. They are stalls — left out — when they ran slower
    # than the windows without that sign; when they ran as fast, the path set the pace all the same (in the
    # lab the sender's own system call forwards the packets through every namespace, so its socket is often
    # empty at full rate).
    marked = [sender_marked(w, params) for w in stretch]
    clean = [w.rate_bytes_per_s for w, m in zip(stretch, marked, strict=True) if not m]
    reference = statistics.median(clean) if clean else None
    good = [
        w
        for w, m in zip(stretch, marked, strict=True)
        if not m or (reference is not None and w.rate_bytes_per_s >= (1 - params.settle_band) * reference)
    ]
    # Every window marked, but at a steady rate: this process may have set the pace all along. What was
    # delivered is still a lower bound of the path; unsteady marked windows say nothing (below).
    # (Not when clean windows before the stretch ran faster: then the marked stretch is a stall.)
    stretch_rate = statistics.median(w.rate_bytes_per_s for w in stretch) if stretch else 0.0
    faster_before = [
        w
        for w in windows[: settle or 0]
        if not sender_marked(w, params) and w.rate_bytes_per_s > (1 + params.settle_band) * stretch_rate
    ]
    sender_paced = bool(stretch) and reference is None and settle is not None and len(faster_before) < 2
    if sender_paced:
        good = list(stretch)
    a, b = (stretch[0].first, stretch[-1].last) if stretch else (0, len(samples) - 1)
    used = samples[a + 1 : b + 1]
    not_app = [s.delivery_rate_bytes_per_s for s in used if not s.delivery_rate_app_limited]
    run.samples_used = len(used)
    run.windows_used = len(good)
    run.window_ms = window_s * 1000
    run.window_rate_min_mbps = mbps(min(w.rate_bytes_per_s for w in good)) if good else None
    run.window_rate_max_mbps = mbps(max(w.rate_bytes_per_s for w in good)) if good else None
    run.delivery_rate_median_mbps = mbps(statistics.median(not_app)) if not_app else None
    run.delivery_rate_max_mbps = mbps(max(not_app)) if not_app else None
    run.app_limited_share = sum(1 for s in used if s.delivery_rate_app_limited) / len(used) if used else 0.0
    run.starved_share = sum(1 for s in used if starved(s)) / len(used) if used else 0.0
    # The kernel's limits over the recent half of the stretch: the receive window also holds the sender back
    # while the server's receive buffer autotunes up in the first RTTs, which says nothing about later.
    recent = good[len(good) // 2 :] if len(good) >= 2 * params.min_windows else good[-params.min_windows :]
    ra, rb = (recent[0].first, recent[-1].last) if recent else (a, b)
    recent_samples = samples[ra + 1 : rb + 1]
    full_share = sum(1 for s in recent_samples if window_full(s)) / len(recent_samples) if recent_samples else 0.0
    run.rwnd_limited_share = max(share(samples[rb], samples[ra], "rwnd_limited_us"), full_share)
    run.sndbuf_limited_share = share(samples[rb], samples[ra], "sndbuf_limited_us")

    if not windows:
        return run.result(
            BandwidthStatus.NOT_MEASURED,
            None,
            f"the budget ended after {delivered / 1e6:.1f} MB in {(last.t_s - first.t_s) * 1000:.1f} ms"
            f" ({mbps(average):,.0f} Mbit/s on average, which a shaper's burst could also explain), less than one"
            f" window of {window_s * 1000:.0f} ms: too fast a path for this budget to show its sustained rate"
            " (raise the budget)",
            LimitedBy.BUDGET,
        )
    stalled = len(stretch) - len(good)
    # Only a run long enough to compare windows can show a stall; a shorter one is a lower bound below.
    enough = len(stretch) >= params.min_windows
    if enough and (len(good) < params.min_windows or stalled > len(stretch) / 3):
        return run.result(
            BandwidthStatus.NOT_MEASURED,
            None,
            f"our sender stalled: {stalled} of {len(stretch)} windows were held back by this"
            f" process (socket found empty in {run.starved_share:.0%} of the samples, kernel marked"
            f" {run.app_limited_share:.0%} application-limited; longest pause between samples"
            f" {max(b.t_s - a.t_s for a, b in zip(samples, samples[1:], strict=False)) * 1000:.0f} ms):"
            " the rate seen says nothing about the path — retry, on a less busy machine",
            LimitedBy.SENDER,
        )

    # Lower bounds: each thing that kept the run from showing the path's rate, the first one named as the
    # limit. A lower bound never exceeds what was seen at the end of the run (a shaper's burst at the start
    # must not inflate it) when the run was too short to settle.
    limits: list[tuple[LimitedBy, str]] = []
    if run.rwnd_limited_share > params.limited_max_share and not queued_at_bottleneck(recent_samples):
        limits.append(
            (
                LimitedBy.RECEIVER_WINDOW,
                f"the server's receive window held the sender back {run.rwnd_limited_share:.0%} of the time: its"
                " sshd read slower than the network delivered, or its window is small",
            )
        )
    if run.sndbuf_limited_share > params.limited_max_share:
        limits.append(
            (
                LimitedBy.SEND_BUFFER,
                f"our send buffer held the sender back {run.sndbuf_limited_share:.0%} of the time"
                " (net.ipv4.tcp_wmem too small for this rate x RTT)",
            )
        )
    good_samples = [s for w in good for s in samples[w.first + 1 : w.last + 1]] or list(used)
    good_starved = sum(1 for s in good_samples if starved(s)) / len(good_samples) if good_samples else 0.0
    if good_starved > params.sender_max_share or sender_paced:
        limits.append(
            (
                LimitedBy.SENDER,
                f"this process may have set the pace: our socket was found empty in {good_starved:.0%} of the"
                f" samples and the kernel marked {run.app_limited_share:.0%} application-limited (CPU; retry on a"
                " less busy machine)",
            )
        )
    mid = index_at_or_before(samples, (first.t_s + last.t_s) / 2, 0, len(samples) - 1)
    second_half = (delivered_bytes(last) - delivered_bytes(samples[mid])) / max(1e-9, last.t_s - samples[mid].t_s)
    conservative = min(average, second_half, *rates[-1:])
    fell_from: float | None = None
    if len(good) < params.min_windows:
        limits.append(
            (
                LimitedBy.BUDGET,
                f"the budget ended after {len(windows)} window(s) of {window_s * 1000:.0f} ms, too few to see a"
                " steady rate (raise the budget to measure it)",
            )
        )
        rate = conservative
        cc_filled = pipe_index is not None
    else:
        rate = sum(w.delivered_bytes for w in good) / sum(w.seconds for w in good)
        good_rates = [w.rate_bytes_per_s for w in good]
        third = max(1, len(good_rates) // 3)
        first_mean, last_mean = statistics.mean(good_rates[:third]), statistics.mean(good_rates[-third:])
        rising = last_mean > (1 + params.rising_share) * first_mean
        # A rate that fell within the band (competing traffic began, a slow shaper's bucket ran dry) is the
        # recent one: the whole stretch's figure would overstate what the path carries now.
        if last_mean < (1 - params.rising_share) * first_mean:
            fell_from = first_mean
            recent_good = good[-third:]
            rate = sum(w.delivered_bytes for w in recent_good) / sum(w.seconds for w in recent_good)
        cc_filled = pipe_index is not None
        bdp_bytes = rate * last.min_rtt_us / 1e6
        enough_bytes = delivered >= params.bdp_multiple * bdp_bytes
        if not enough_bytes or rising or (not cc_filled and settle is None):
            why = []
            if not cc_filled:
                why.append("congestion control still in slow start")
            if not enough_bytes:
                why.append(
                    f"{delivered / 1e6:.2f} MB delivered, less than {params.bdp_multiple:g} x rate x RTT"
                    f" = {params.bdp_multiple * bdp_bytes / 1e6:.2f} MB"
                )
            if rising:
                why.append("the rate was still rising")
            if settle is None:
                why.append("no steady stretch")
            limits.append(
                (
                    LimitedBy.BUDGET,
                    "the budget ended before the pipe was full (" + "; ".join(why) + "; raise the budget or retry)",
                )
            )
            rate = min(conservative, rate)
        inside = sum(1 for r in good_rates if abs(r - rate) <= params.settle_band * rate)
        if inside < params.settle_share * len(good_rates):
            median = statistics.median(good_rates)
            limits.append(
                (
                    LimitedBy.VARIABLE,
                    f"the rate varied too much between windows ({mbps(min(good_rates)):.0f} to"
                    f" {mbps(max(good_rates)):.0f} Mbit/s; only {inside} of {len(good_rates)} within"
                    f" {params.settle_band:.0%} of the mean): competing traffic or a busy machine",
                )
            )
            rate = min(rate, median)
    if limits:
        return run.result(
            BandwidthStatus.LOWER_BOUND,
            rate,
            "; ".join(text for _limit, text in limits) + ": the path carries at least this much, maybe more",
            limits[0][0],
        )

    good_rates = [w.rate_bytes_per_s for w in good]
    spread = (max(good_rates) - min(good_rates)) / rate
    notes = [
        f"{len(good)} windows of >= {window_s * 1000:.0f} ms, spread {spread:.0%}; it held to the end of"
        f" {delivered / 1e6:.1f} MB in {last.t_s - first.t_s:.1f} s (a shaper's bucket deeper than that would not"
        " show)"
    ]
    cross = run.delivery_rate_median_mbps
    if cross is not None and abs(cross - mbps(rate)) > params.cross_check_tolerance * mbps(rate):
        notes.append(f"the kernel's delivery-rate samples disagree: median {cross:.1f} Mbit/s")
    if run.rwnd_limited_share > params.limited_note_share:
        notes.append(f"receive-window-limited {run.rwnd_limited_share:.0%} of the time")
    if run.sndbuf_limited_share > params.limited_note_share:
        notes.append(f"send-buffer-limited {run.sndbuf_limited_share:.0%} of the time")
    if len(good) < len(stretch):
        notes.append(f"{len(stretch) - len(good)} window(s) left out where this process held the flow back")
    if fell_from is not None:
        notes.append(
            f"the rate fell during the run (from {mbps(fell_from):.1f} Mbit/s): the figure is the last third's"
        )
    if not cc_filled:
        notes.append("congestion control had not left slow start, but the rate had levelled off")
    return run.result(
        BandwidthStatus.MEASURED,
        rate,
        "steady rate at the bottleneck (" + "; ".join(notes) + ")",
        LimitedBy.PATH,
    )


def _nothing(stop: StreamStop | None) -> LimitedBy:
    return LimitedBy.CONNECTION if stop in (StreamStop.PEER_CLOSED, StreamStop.PEER_RESET) else LimitedBy.NOTHING


def _stop_note(stop: StreamStop | None) -> str:
    if stop is StreamStop.PEER_CLOSED:
        return "; the server closed the connection before the budget ended"
    if stop is StreamStop.PEER_RESET:
        return "; the server reset the connection before the budget ended"
    if stop is StreamStop.SEND_ERROR:
        return "; sending failed before the budget ended"
    return ""


def not_measured(reason: str, limited_by: LimitedBy = LimitedBy.NOTHING) -> BandwidthEstimate:
    """The estimate of a run that never streamed (no SSH port, the server refused this client)."""
    return _Run((), None, None, 0).result(BandwidthStatus.NOT_MEASURED, None, reason, limited_by)
