"""Local route: per address, the source address, egress interface, gateway and MTU the kernel would use.
A missing route makes every other probe to that address pointless, so it settles that address alone."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from aspdiag.core.config import CheckConfig
from aspdiag.core.facts import Facts
from aspdiag.core.measurement import Cell, MeasurementBase, OverviewColumn, Probe
from aspdiag.core.model import Audience, Finding, Grade, Report, Severity
from aspdiag.measurements.route.probe import RouteProbe
from aspdiag.measurements.route.result import RouteOutcome, RouteResult

KEY = "routes"


def routes_of(report: Report) -> tuple[RouteResult, ...]:
    """The route section of a report."""
    return cast(tuple[RouteResult, ...], report.section(KEY, ()))


def route_for(report: Report, address: str) -> RouteResult | None:
    """The route toward one address, if it was looked up."""
    return next((r for r in routes_of(report) if r.address == address), None)


def route_cell(route: RouteResult | None) -> str:
    """``198.18.1.2 on eth0 (MTU 1500)`` style text."""
    if route is None:
        return "not measured"
    if route.outcome is not RouteOutcome.OK:
        return f"{route.outcome.value}: {route.detail}"
    parts = [route.source_address or "?"]
    if route.interface:
        parts.append(f"on {route.interface}")
    mtu = route.route_mtu_bytes or route.interface_mtu_bytes
    if mtu:
        parts.append(f"(MTU {mtu})")
    return " ".join(parts)


def gateway_cell(route: RouteResult | None) -> str:
    """Next hop or 'direct'."""
    if route is None or route.outcome is not RouteOutcome.OK:
        return "-"
    return route.gateway or "direct"


@dataclass(frozen=True)
class RouteMeasurement(MeasurementBase):
    """The route stage: one kernel lookup per address."""

    key: str = KEY
    json_key: str = "addresses"
    stage: str = "Probing"
    section_type: Any = tuple[RouteResult, ...]
    stops_address: bool = True

    def wanted(self, config: CheckConfig) -> bool:
        """Always."""
        return True

    def probes(self, config: CheckConfig, facts: Facts) -> Sequence[Probe[Any]]:
        """One lookup per address."""
        return [RouteProbe(address) for address in facts.addresses]

    def collect(self, results: Sequence[Any]) -> tuple[RouteResult, ...]:
        """The lookups that finished."""
        return tuple(r for r in results if isinstance(r, RouteResult))

    def learn(self, facts: Facts, section: Any) -> Facts:
        """Source address and MTUs, for the path and capacity measurements."""
        for route in cast(tuple[RouteResult, ...], section):
            facts = facts.update(
                route.address,
                source_address=route.source_address,
                interface_mtu_bytes=route.interface_mtu_bytes,
                route_mtu_bytes=route.route_mtu_bytes,
            )
        return facts

    def progress(self, result: object) -> str | None:
        """``198.18.1.2 on eth0 (MTU 1500)``."""
        return route_cell(result) if isinstance(result, RouteResult) else None

    def findings(self, report: Report) -> Sequence[Finding]:
        """No local route: nothing can reach that address from here."""
        return tuple(
            Finding(
                Severity.BLOCKER,
                f"No local route to {r.address}",
                r.detail,
                "check this machine's network configuration (default route, VPN)",
                r.address,
                Audience.USER,
            )
            for r in routes_of(report)
            if r.outcome is RouteOutcome.NO_ROUTE
        )

    def grades(self, report: Report) -> Mapping[str, Grade]:
        """An address without a route is unusable; a route alone proves nothing more."""
        return {r.address: Grade.BLOCKED for r in routes_of(report) if r.outcome is RouteOutcome.NO_ROUTE}

    def overview(self, report: Report) -> Sequence[OverviewColumn]:
        """Source / interface and gateway per address."""
        return (
            OverviewColumn("Source / interface", {a: Cell(route_cell(route_for(report, a))) for a in report.addresses}),
            OverviewColumn("Gateway", {a: Cell(gateway_cell(route_for(report, a))) for a in report.addresses}),
        )

    def internal_addresses(self, section: Any) -> Sequence[str]:
        """Our source addresses and gateways."""
        return [a for r in cast(tuple[RouteResult, ...], section) for a in (r.source_address, r.gateway) if a]


MEASUREMENT = RouteMeasurement()

__all__ = ["KEY", "MEASUREMENT", "RouteOutcome", "RouteResult", "gateway_cell", "route_cell", "route_for", "routes_of"]
