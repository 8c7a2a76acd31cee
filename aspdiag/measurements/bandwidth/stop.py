"""The stream's early end (:class:`StopWhenStable`): cheap enough to ask every few milliseconds (pure)."""

from __future__ import annotations

import statistics
from collections.abc import Sequence

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
    ``stable_tolerance`` with no sign of our own sender stalling in them. Looks only at the tail of the
    samples, so it is cheap enough to ask every few milliseconds."""

    RECENT_SAMPLES = 256

    def __init__(self, params: EstimatorParams = DEFAULT_PARAMS) -> None:
        self.params = params

    def __call__(self, samples: Sequence[TcpInfoSample]) -> bool:
        p = self.params
        if len(samples) < 8 or not pipe_filled_by_cc(samples[-1]):
            return False
        if samples[-1].t_s - samples[0].t_s < p.min_stream_s:
            return False
        window_s = window_length_s(samples, p, max(0, len(samples) - self.RECENT_SAMPLES))
        windows = tail_windows(samples, window_s, limit=p.stable_windows)
        if len(windows) < p.stable_windows:
            return False
        rates = [w.rate_bytes_per_s for w in windows]
        median = statistics.median(rates)
        if median <= 0 or any(abs(r - median) > p.stable_tolerance * median for r in rates):
            return False
        if any(w.app_limited_share > 0 or w.starved_share > 0 for w in windows):
            return False
        # Not while the server's window or our send buffer holds the flow back: that may still change (the
        # receive buffer autotunes), and a figure taken then is only a lower bound.
        start, end = samples[windows[0].first], samples[windows[-1].last]
        if max(share(end, start, "rwnd_limited_us"), share(end, start, "sndbuf_limited_us")) > p.limited_note_share:
            return False
        inside = samples[windows[0].first + 1 : windows[-1].last + 1]
        if sum(1 for s in inside if window_full(s)) > p.limited_note_share * len(inside):
            return False
        delivered = delivered_bytes(samples[-1]) - delivered_bytes(samples[0])
        return delivered >= p.bdp_multiple * median * samples[-1].min_rtt_us / 1e6
