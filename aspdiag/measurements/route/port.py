"""The I/O the route measurement needs: what the local kernel would do with a packet to an address."""

from __future__ import annotations

from typing import Protocol

from aspdiag.core.measurement import AdapterKey
from aspdiag.measurements.route.result import RouteResult


class RouteLookup(Protocol):
    """Route lookups (``ip -j route get`` in production)."""

    def route_to(self, address: str) -> RouteResult:
        """Route, source address, egress interface and its MTU toward ``address``."""
        ...


ROUTES: AdapterKey[RouteLookup] = AdapterKey("routes")
