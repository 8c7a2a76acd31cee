"""IprouteRouteLookup: the kernel's route toward an address, from ``ip -j route get`` / ``ip -j addr``.

Asking iproute2 gives exactly what the kernel would do (policy routing, source selection) without
privileges. When ``ip`` is missing we fall back to a connected UDP socket, which still reveals the
source address the kernel picks.
"""

from __future__ import annotations

import json
import socket
from typing import Any

from aspdiag.core.errors import ToolFailedError, ToolNotFoundError
from aspdiag.core.ports import CommandRunner
from aspdiag.measurements.route.result import RouteOutcome, RouteResult

_NO_ROUTE_MARKERS = ("unreachable", "no route", "prohibit", "blackhole")


def parse_route_get(address: str, stdout: str) -> RouteResult:
    """Turn ``ip -j route get ADDRESS`` output into a RouteResult (without the interface MTU)."""
    try:
        data: Any = json.loads(stdout)
        entry = data[0]
    except (ValueError, IndexError, KeyError, TypeError):
        return RouteResult(address, RouteOutcome.ERROR, detail="could not read the output of 'ip route get'")
    if entry.get("type") in ("unreachable", "prohibit", "blackhole"):
        return RouteResult(
            address,
            RouteOutcome.NO_ROUTE,
            detail=f"the route to {address} is of type {entry['type']}",
        )
    route_mtu = None
    for metric in entry.get("metrics", []) or []:
        if isinstance(metric, dict) and "mtu" in metric:
            route_mtu = int(metric["mtu"])
    return RouteResult(
        address=address,
        outcome=RouteOutcome.OK,
        source_address=entry.get("prefsrc"),
        interface=entry.get("dev"),
        gateway=entry.get("gateway"),
        route_mtu_bytes=route_mtu,
    )


def parse_link_mtu(stdout: str) -> int | None:
    """The ``mtu`` of the first interface in ``ip -j link show`` / ``ip -j addr show`` output."""
    try:
        data: Any = json.loads(stdout)
        return int(data[0]["mtu"])
    except (ValueError, IndexError, KeyError, TypeError):
        return None


def parse_prefix_len(stdout: str, source: str | None) -> int | None:
    """The prefix length of ``source`` on the interface, from ``ip -j addr show`` output."""
    if source is None:
        return None
    try:
        data: Any = json.loads(stdout)
        for info in data[0].get("addr_info", []):
            if info.get("local") == source:
                return int(info["prefixlen"])
    except (ValueError, IndexError, KeyError, TypeError, AttributeError):
        return None
    return None


class IprouteRouteLookup:
    """The production RouteLookup."""

    def __init__(self, runner: CommandRunner, timeout_s: float = 4.0) -> None:
        self._runner = runner
        self._timeout_s = timeout_s

    def route_to(self, address: str) -> RouteResult:
        """Ask the kernel (through iproute2) how it would reach ``address``."""
        try:
            out = self._runner.run(["ip", "-j", "route", "get", address], self._timeout_s)
        except ToolNotFoundError:
            return self._socket_fallback(address)
        except ToolFailedError as exc:
            return RouteResult(address, RouteOutcome.ERROR, detail=str(exc))
        if out.returncode != 0:
            message = out.stderr.strip().splitlines()[-1] if out.stderr.strip() else "ip route get failed"
            outcome = (
                RouteOutcome.NO_ROUTE
                if any(marker in message.lower() for marker in _NO_ROUTE_MARKERS)
                else RouteOutcome.ERROR
            )
            return RouteResult(address, outcome, detail=message.removeprefix("RTNETLINK answers: "))
        route = parse_route_get(address, out.stdout)
        if route.outcome is not RouteOutcome.OK or not route.interface:
            return route
        try:
            link = self._runner.run(["ip", "-j", "addr", "show", "dev", route.interface], self._timeout_s)
        except (ToolNotFoundError, ToolFailedError):
            return route
        mtu = parse_link_mtu(link.stdout) if link.returncode == 0 else None
        prefix = parse_prefix_len(link.stdout, route.source_address) if link.returncode == 0 else None
        return RouteResult(
            address=route.address,
            outcome=route.outcome,
            source_address=route.source_address,
            interface=route.interface,
            gateway=route.gateway,
            interface_mtu_bytes=mtu,
            route_mtu_bytes=route.route_mtu_bytes,
            source_prefix_len=prefix,
        )

    @staticmethod
    def _socket_fallback(address: str) -> RouteResult:
        family = socket.AF_INET6 if ":" in address else socket.AF_INET
        try:
            with socket.socket(family, socket.SOCK_DGRAM) as sock:
                sock.connect((address, 9))  # connect() on UDP sends nothing; it only selects a route.
                source = sock.getsockname()[0]
        except OSError as exc:
            return RouteResult(address, RouteOutcome.NO_ROUTE, detail=exc.strerror or str(exc))
        return RouteResult(
            address,
            RouteOutcome.OK,
            source_address=source,
            detail="'ip' (iproute2) is not installed: interface and MTU unknown",
        )
