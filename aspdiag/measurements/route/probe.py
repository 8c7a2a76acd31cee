"""Local route probe: route, source address, egress interface and MTU toward one address."""

from __future__ import annotations

from dataclasses import dataclass

from aspdiag.core.measurement import ProbeContext
from aspdiag.measurements.route.port import ROUTES
from aspdiag.measurements.route.result import RouteOutcome, RouteResult


@dataclass(frozen=True)
class RouteProbe:
    """Ask the kernel how it would reach one address."""

    address: str
    timeout_s: float = 10.0
    """Covers the adapter's two ``ip`` calls (4 s each at most)."""

    @property
    def key(self) -> str:
        """Probe id."""
        return f"route/{self.address}"

    @property
    def label(self) -> str:
        """Progress text."""
        return f"route to {self.address}"

    def run(self, ctx: ProbeContext) -> RouteResult:
        """Delegate to the RouteLookup adapter."""
        return ctx.need(ROUTES).route_to(self.address)

    def failed(self, reason: str) -> RouteResult:
        """A lookup that did not finish."""
        return RouteResult(self.address, RouteOutcome.ERROR, detail=reason)
