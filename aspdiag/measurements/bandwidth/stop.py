"""The stream's early end (:class:`StopWhenStable`): cheap enough to ask every few milliseconds (pure)."""

from __future__ import annotations

import statistics
from collections.abc import Sequence

from aspdiag.measurements.bandwidth.estimate import BandwidthStatus, estimate_bandwidth
from aspdiag.measurements.bandwidth.params import DEFAULT_PARAMS, EstimatorParams
from aspdiag.measurements.bandwidth.samples import TcpInfoSample
from aspdiag.measurements.bandwidth.windows import (
    delivered_bytes,
    pipe_filled_by_cc,
    share,
    tail_windows,
    window_full,
    window_length_s,
)


class StopWhenStable:
    """The stream's early end: true once the congestion control has filled the pipe, at least
    2 x rate x RTT has been delivered, and the last ``stable_windows`` windows agree within
    ``stable_tolerance`` with no sign of our own sender stalling in them — and the estimate of everything
    seen so far says MEASURED, at a rate within ``rising_share`` of those last windows'. The cheap checks look
    only at the tail of the samples, so the rule can be asked every few milliseconds; the estimate (a few ms
    per second of samples) runs only when they pass, and after it disagrees not again for
    ``FULL_CHECK_EVERY_S`` of samples.

    Why the estimate too: the tail can be steady while the whole run is not yet a measurement. In CI, under
    load, a 10 Mbit/s run stopped at 1 s on a steady tail and its estimate said 'lower bound' with two
    seconds of budget left; and a rate that fell 15 % a moment before (inside the estimate's settle band)
    read as the mean of before and after. One rule per stream: it remembers when it last ran the estimate."""

    RECENT_SAMPLES = 256
    FULL_CHECK_EVERY_S = 0.2

    def __init__(self, params: EstimatorParams = DEFAULT_PARAMS) -> None:
        self.params = params
        self._next_full_check_s = float("-inf")

    def __call__(self, samples: Sequence[TcpInfoSample]) -> bool:
        tail = self.tail_rate(samples)
        if tail is None:
            return False
        now_s = samples[-1].t_s
        if now_s < self._next_full_check_s:
            return False
        e = estimate_bandwidth(samples, params=self.params)
        rate = e.rate_bytes_per_s
        if e.status is BandwidthStatus.MEASURED and rate is not None:
            if abs(rate - tail) <= self.params.rising_share * tail:
                return True
        self._next_full_check_s = now_s + self.FULL_CHECK_EVERY_S
        return False

    def tail_rate(self, samples: Sequence[TcpInfoSample]) -> float | None:
        """The cheap checks alone: the median rate of the last windows (bytes/s) when the pipe is full and
        they agree, unhindered; else None."""
        p = self.params
        if len(samples) < 8 or not pipe_filled_by_cc(samples[-1]):
            return None
        if samples[-1].t_s - samples[0].t_s < p.min_stream_s:
            return None
        window_s = window_length_s(samples, p, max(0, len(samples) - self.RECENT_SAMPLES))
        windows = tail_windows(samples, window_s, limit=p.stable_windows)
        if len(windows) < p.stable_windows:
            return None
        rates = [w.rate_bytes_per_s for w in windows]
        median = statistics.median(rates)
        if median <= 0 or any(abs(r - median) > p.stable_tolerance * median for r in rates):
            return None
        if any(w.app_limited_share > 0 or w.starved_share > 0 for w in windows):
            return None
        # Not while the server's window or our send buffer holds the flow back: that may still change (the
        # receive buffer autotunes), and a figure taken then is only a lower bound.
        start, end = samples[windows[0].first], samples[windows[-1].last]
        if max(share(end, start, "rwnd_limited_us"), share(end, start, "sndbuf_limited_us")) > p.limited_note_share:
            return None
        inside = samples[windows[0].first + 1 : windows[-1].last + 1]
        if sum(1 for s in inside if window_full(s)) > p.limited_note_share * len(inside):
            return None
        delivered = delivered_bytes(samples[-1]) - delivered_bytes(samples[0])
        return median if delivered >= p.bdp_multiple * median * samples[-1].min_rtt_us / 1e6 else None
