"""Result types of the local-route measurement: what the kernel would do with a packet to an address."""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import ClassVar

from aspdiag.core.codec import Address, at
from aspdiag.core.model import Family


class RouteOutcome(StrEnum):
    """Whether the kernel has a route to an address."""

    OK = "ok"
    NO_ROUTE = "no_route"
    ERROR = "error"


@dataclass(frozen=True)
class RouteResult:
    """The local route the kernel would use toward one address."""

    JSON_DERIVED: ClassVar[Mapping[str, str]] = {"family": "family", "route.source_subnet": "source_subnet"}

    address: Address
    outcome: RouteOutcome = field(metadata=at("route.outcome"))
    source_address: str | None = field(default=None, metadata=at("route.source_address"))
    interface: str | None = field(default=None, metadata=at("route.interface"))
    gateway: str | None = field(default=None, metadata=at("route.gateway"))
    """Next hop; ``None`` when the address is on a directly connected network."""
    interface_mtu_bytes: int | None = field(default=None, metadata=at("route.interface_mtu_bytes"))
    route_mtu_bytes: int | None = field(default=None, metadata=at("route.route_mtu_bytes"))
    """An MTU set on the route itself (``ip route ... mtu N``), if any."""
    source_prefix_len: int | None = field(default=None, metadata=at("route.source_prefix_len"))
    """Prefix length of the source address on its interface (the client's subnet)."""
    detail: str = field(default="", metadata=at("route.detail"))

    @property
    def family(self) -> Family:
        """IPv4 or IPv6."""
        return Family.of(self.address)

    @property
    def source_subnet(self) -> str | None:
        """The client's subnet as seen here, e.g. ``198.18.1.0/24``."""
        if self.source_address is None or self.source_prefix_len is None:
            return None
        try:
            return str(ipaddress.ip_interface(f"{self.source_address}/{self.source_prefix_len}").network)
        except ValueError:  # a redacted address ("ip-1")
            return f"{self.source_address}-net/{self.source_prefix_len}"
