"""Local route probe: route, source address, egress interface and MTU toward one address."""

from __future__ import annotations

from dataclasses import dataclass

from aspdiag.model import RouteOutcome, RouteResult
from aspdiag.probes.base import ProbeContext


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
        return ctx.routes.route_to(self.address)

    def failed(self, reason: str) -> RouteResult:
        """A lookup that did not finish."""
        return RouteResult(self.address, RouteOutcome.ERROR, detail=reason)
