"""How much a bandwidth run may spend (:class:`Budget`) and the estimator's tuning (:class:`EstimatorParams`)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Budget:
    """How much a run may spend. The default fits a preflight check; ``scaled`` raises it within hard caps."""

    max_bytes: int = 8_000_000
    max_seconds: float = 3.0

    HARD_MAX_BYTES = 1_000_000_000
    HARD_MAX_SECONDS = 30.0

    def __post_init__(self) -> None:
        if not 0 < self.max_bytes <= self.HARD_MAX_BYTES:
            raise ValueError(f"max_bytes must be in 1..{self.HARD_MAX_BYTES}")
        if not 0 < self.max_seconds <= self.HARD_MAX_SECONDS:
            raise ValueError(f"max_seconds must be in (0, {self.HARD_MAX_SECONDS}]")

    def scaled(self, factor: float) -> Budget:
        """``factor`` x the bytes and the time, each capped (a stable estimate still ends the run early)."""
        if factor <= 0:
            raise ValueError("the scale factor must be positive")
        return Budget(
            max_bytes=min(self.HARD_MAX_BYTES, max(1, int(self.max_bytes * factor))),
            max_seconds=min(self.HARD_MAX_SECONDS, self.max_seconds * factor),
        )


@dataclass(frozen=True)
class EstimatorParams:
    """Tuning of the estimator and of the stop rule (defaults set on lab recordings, see the tests)."""

    window_base_rtts: float = 4.0
    window_min_s: float = 0.010
    window_min_segments: int = 40
    window_min_events: int = 4
    """A window spans at least this many ACK arrivals (the receiver may acknowledge 64 KB at a time)."""
    min_windows: int = 3
    settle_band: float = 0.20
    """Windows within this share of the tail's median count as settled..."""
    settle_share: float = 0.8
    """...and at least this share of the tail's windows must be."""
    rising_share: float = 0.10
    """The last third of the windows above the first third by more than this: still ramping up."""
    bdp_multiple: float = 2.0
    starved_max_share: float = 0.20
    """Samples that found our socket empty while the window had room (our sender stalled)."""
    app_limited_max_share: float = 0.25
    sender_max_share: float = 0.5
    """Socket found empty in more of the used samples than this: at best a lower bound."""
    limited_max_share: float = 0.30
    """rwnd-/sndbuf-limited for more than this share of the stretch: a lower bound."""
    limited_note_share: float = 0.05
    stable_windows: int = 4
    stable_tolerance: float = 0.05
    min_stream_s: float = 1.0
    """The stream never stops as 'stable' before this (the byte and time budgets still end it sooner): a
    shaper with a peak rate (a fast stage, then a token bucket of a few MB behind it: ISP 'PowerBoost', cloud
    burst credits) ran steady for 0.2 s at the peak, and that read as the bottleneck at 6 x the real rate."""
    cross_check_tolerance: float = 0.15


DEFAULT_PARAMS = EstimatorParams()
