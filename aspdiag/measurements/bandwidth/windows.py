"""Windows over the TCP_INFO samples of one stream: the delivered rate over back-to-back stretches of several
RTTs with every boundary on an ACK arrival, and the signs that our own sender or the receiver set the pace
(pure: no I/O)."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

from aspdiag.measurements.bandwidth.params import EstimatorParams
from aspdiag.measurements.bandwidth.samples import BBR_STARTUP_GAIN_MIN, INFINITE_SSTHRESH, TcpInfoSample


@dataclass(frozen=True)
class Window:
    """Samples ``first``..``last`` of the run (both at ACK arrivals), and what was delivered between them."""

    first: int
    last: int
    start_s: float
    end_s: float
    rate_bytes_per_s: float
    delivered_bytes: int
    app_limited_share: float
    starved_share: float

    @property
    def seconds(self) -> float:
        return self.end_s - self.start_s


def mbps(bytes_per_s: float) -> float:
    return bytes_per_s * 8 / 1e6


def delivered_bytes(sample: TcpInfoSample) -> int:
    """Bytes delivered so far, selectively acknowledged ones included."""
    return sample.delivered_segments * sample.snd_mss_bytes


def starved(sample: TcpInfoSample) -> bool:
    """Our socket had nothing left to send while the congestion window had room: this process, not the
    network, held the flow back at that moment."""
    return sample.notsent_bytes == 0 and sample.unacked_segments < sample.snd_cwnd_segments


def window_full(sample: TcpInfoSample) -> bool:
    """The server's advertised window was full while we had data waiting: the receiver, not the network,
    set the pace at that moment (seen directly, whatever the kernel's jiffy-grained chrono counted)."""
    if sample.snd_wnd_bytes is None:
        return False
    in_flight = (sample.unacked_segments + 1) * sample.snd_mss_bytes
    return sample.notsent_bytes > 0 and in_flight > sample.snd_wnd_bytes


def pipe_filled_by_cc(sample: TcpInfoSample) -> bool:
    """The congestion control itself says it has left its start-up phase: BBR's pacing gain dropped from
    2.89, or (Reno/CUBIC) ssthresh became finite after a loss or a HyStart exit."""
    if sample.pacing_gain is not None:
        return sample.pacing_gain < BBR_STARTUP_GAIN_MIN
    return sample.snd_ssthresh_segments < INFINITE_SSTHRESH


def index_at_or_before(samples: Sequence[TcpInfoSample], t_s: float, lo: int, hi: int) -> int:
    """Largest index in [lo, hi] whose sample is not later than ``t_s`` (``lo`` if none)."""
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if samples[mid].t_s <= t_s:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _arrival(samples: Sequence[TcpInfoSample], index: int, lo: int) -> int:
    """The first sample (not before ``lo``) that already saw the delivered count of sample ``index``: the
    sample just after the ACK arrival that brought it."""
    count = samples[index].delivered_segments
    while index > lo and samples[index - 1].delivered_segments == count:
        index -= 1
    return index


def window_length_s(samples: Sequence[TcpInfoSample], params: EstimatorParams, first: int = 0) -> float:
    """Several RTTs: the longest of 4 base RTTs, one smoothed RTT (queueing included), 10 ms, 40 segments
    at the rate the delivery-rate samples suggest, and 4 ACK arrivals as seen in the samples."""
    tail = samples[first:] if len(samples) - first >= 2 else samples
    last = tail[-1]
    srtt_s = statistics.median(s.rtt_us for s in tail[len(tail) // 2 :]) / 1e6
    rates = [s.delivery_rate_bytes_per_s for s in tail if not s.delivery_rate_app_limited]
    rate = statistics.median(rates) if rates else 0.0
    segments_s = params.window_min_segments * last.snd_mss_bytes / rate if rate > 0 else 0.0
    events = sum(1 for a, b in zip(tail, tail[1:], strict=False) if b.delivered_segments != a.delivered_segments)
    span = tail[-1].t_s - tail[0].t_s
    events_s = params.window_min_events * span / events if events else span
    return max(params.window_min_s, params.window_base_rtts * last.min_rtt_us / 1e6, srtt_s, segments_s, events_s)


def tail_windows(
    samples: Sequence[TcpInfoSample], window_s: float, *, first: int = 0, limit: int | None = None
) -> list[Window]:
    """Back-to-back windows of at least ``window_s`` anchored at the end of the run, none starting before
    sample ``first``, oldest first (at most ``limit`` of them). Every boundary is moved to an ACK arrival, so a
    window holds whole ACKs: with ACKs 64 KB apart, a boundary between two of them would otherwise count one
    more or one less and make the window read up to 1/n too fast or slow."""
    windows: list[Window] = []
    if len(samples) - 1 <= first:
        return windows
    end_index = _arrival(samples, len(samples) - 1, first)
    while limit is None or len(windows) < limit:
        end = samples[end_index]
        start_index = index_at_or_before(samples, end.t_s - window_s, first, end_index)
        start_index = _arrival(samples, start_index, first)
        start = samples[start_index]
        if start_index >= end_index or end.t_s - start.t_s < window_s - 1e-9:  # (float rounding of t_s)
            break
        inside = samples[start_index + 1 : end_index + 1]
        delivered = delivered_bytes(end) - delivered_bytes(start)
        windows.append(
            Window(
                first=start_index,
                last=end_index,
                start_s=start.t_s,
                end_s=end.t_s,
                rate_bytes_per_s=delivered / (end.t_s - start.t_s),
                delivered_bytes=delivered,
                app_limited_share=sum(1 for s in inside if s.delivery_rate_app_limited) / len(inside),
                starved_share=sum(1 for s in inside if starved(s)) / len(inside),
            )
        )
        end_index = start_index
    windows.reverse()
    return windows


def sender_marked(window: Window, params: EstimatorParams) -> bool:
    """Our own process may have held this window back: socket found empty, or application-limited."""
    return window.starved_share > params.starved_max_share or window.app_limited_share > params.app_limited_max_share


def settled_start(rates: Sequence[float], params: EstimatorParams) -> int | None:
    """Index of the first window of the settled tail: from there on, at least ``settle_share`` of the
    windows are within ``settle_band`` of their median, the first of them too (so a ramp or a burst at the
    start of the tail is cut off). None when no tail of ``min_windows`` settles."""
    for start in range(0, len(rates) - params.min_windows + 1):
        tail = rates[start:]
        median = statistics.median(tail)
        if median <= 0:
            continue
        inside = [abs(r - median) <= params.settle_band * median for r in tail]
        if inside[0] and sum(inside) >= params.settle_share * len(tail):
            return start
    return None


def share(later: TcpInfoSample, earlier: TcpInfoSample, attribute: str) -> float:
    """Share of the time between two samples that a kernel chrono counter (µs) advanced."""
    seconds = later.t_s - earlier.t_s
    if seconds <= 0:
        return 0.0
    delta_us = float(getattr(later, attribute)) - float(getattr(earlier, attribute))
    return min(1.0, max(0.0, delta_us / 1e6 / seconds))
