"""Result type of the bandwidth measurement: the client-to-server rate through the server's SSH port."""

from __future__ import annotations

from dataclasses import dataclass

from aspdiag.core.codec import Address
from aspdiag.measurements.bandwidth.estimate import BandwidthEstimate, BandwidthStatus, LimitedBy


@dataclass(frozen=True)
class BandwidthResult:
    """One address's bandwidth (``aspdiag check --bandwidth``): a bounded stream of SSH_MSG_IGNORE packets
    through the run's one SSH connection, before any key exchange or login, read through the kernel's
    TCP_INFO. ``estimate`` says what was seen and how far to trust it (its ``method``, ``protocol`` and
    ``direction`` name what the figure is)."""

    address: Address
    family: str
    port: int | None
    """The SSH port the stream went through (None: no port was usable)."""
    estimate: BandwidthEstimate
    budget_bytes: int
    budget_seconds: float
    server_software: str | None
    """What the server's identification line says it runs, e.g. ``OpenSSH_10.0``."""
    attempts: int
    """Streams run (a second SSH port's connection is used when the first stream was spoilt by our own
    sender stalling: still one connection per port and address)."""
    duration_s: float

    @property
    def status(self) -> BandwidthStatus:
        """measured, lower_bound or not_measured."""
        return self.estimate.status

    @property
    def rate_mbps(self) -> float | None:
        """TCP payload rate in 10^6 bit/s (a lower bound when ``status`` says so)."""
        return self.estimate.rate_mbps

    @property
    def limited_by(self) -> LimitedBy:
        """What set the rate that was seen (``path`` for a measurement of the bottleneck)."""
        return self.estimate.limited_by

    @property
    def usable_mbps(self) -> float | None:
        """The figure to plan with: the rate when measured or a lower bound, None otherwise."""
        return self.estimate.rate_mbps if self.estimate.status is not BandwidthStatus.NOT_MEASURED else None
