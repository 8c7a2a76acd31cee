"""Responder probe: what ``check --responder`` measures against an ``aspdiag responder`` beside the server
(two-way UDP and TCP answers on its port, capped UDP throughput up and down), for one address."""

from __future__ import annotations

from dataclasses import dataclass, field

from aspdiag.core.measurement import ProbeContext
from aspdiag.measurements.responder.port import RESPONDER
from aspdiag.measurements.responder.result import ResponderResult


@dataclass(frozen=True)
class ResponderProbe:
    """Run the responder tests against one address; at most ``max_rate_mbps``, ``duration_s`` each way."""

    address: str
    port: int
    max_rate_mbps: float
    duration_s: float
    secret: bytes = field(default=b"", repr=False)
    """The shared key (never shown: not in repr, reports or logs)."""

    @property
    def timeout_s(self) -> float:
        """Two tests plus the two-way checks and their retries."""
        return 2 * self.duration_s + 20.0

    @property
    def key(self) -> str:
        """Probe id."""
        return f"responder/{self.address}"

    @property
    def label(self) -> str:
        """Progress text."""
        return f"responder tests with {self.address} port {self.port}"

    def run(self, ctx: ProbeContext) -> ResponderResult:
        """Ask the responder client; it never raises for network outcomes."""
        client = ctx.get(RESPONDER)
        if client is None:
            return self.failed("no responder client available")
        return client.probe(self.address, self.port, self.secret, self.max_rate_mbps, self.duration_s)

    def failed(self, reason: str) -> ResponderResult:
        """A responder probe that could not finish."""
        return ResponderResult.unmeasured(self.address, self.port, "error", self.max_rate_mbps, reason)
