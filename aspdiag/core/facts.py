"""What earlier measurements found, in the shape later ones need: measurement packages never import each
other, so each publishes the facts others may use (``Measurement.learn``) and reads them from here."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Protocol as Interface

from aspdiag.core.model import Family, PortState, Protocol, Target


class PortView(Interface):
    """What a consumer may read about one port (PortFact here; the reachability result has the same)."""

    @property
    def address(self) -> str: ...

    @property
    def protocol(self) -> Protocol: ...

    @property
    def port(self) -> int: ...

    @property
    def state(self) -> PortState: ...

    @property
    def location(self) -> str: ...

    @property
    def path_open(self) -> bool: ...


@dataclass(frozen=True)
class PortFact:
    """One port's outcome as later measurements see it."""

    address: str
    protocol: Protocol
    port: int
    state: PortState
    location: str = ""
    hops_to_target: int | None = None
    speaks_ssh: bool | None = None
    """The port greeted with an SSH banner (None: not known)."""
    refused: bool = False
    """The service refused this client right now (``Not allowed at this time``: a per-source penalty or
    MaxStartups), so it says nothing about the port."""

    @property
    def path_open(self) -> bool:
        """Traffic to this port crosses the whole path (see the reachability result's rule)."""
        if self.state is PortState.OPEN:
            return True
        return self.protocol is Protocol.UDP and self.state is PortState.CLOSED


@dataclass(frozen=True)
class AddressFacts:
    """What is known about one address so far."""

    address: str
    source_address: str | None = None
    interface_mtu_bytes: int | None = None
    route_mtu_bytes: int | None = None
    ports: tuple[PortFact, ...] = ()
    path_mtu_bytes: int | None = None
    rtt_ms: float | None = None

    @property
    def family(self) -> Family:
        """IPv4 or IPv6."""
        return Family.of(self.address)

    def port(self, protocol: Protocol, number: int) -> PortFact | None:
        """The fact about one port, if it was probed."""
        return next((p for p in self.ports if p.protocol is protocol and p.port == number), None)

    @property
    def answering_tcp_port(self) -> PortFact | None:
        """The first TCP port the target itself answered on (handshake or reset): what path probes use."""
        return next(
            (p for p in self.ports if p.protocol is Protocol.TCP and p.state in (PortState.OPEN, PortState.CLOSED)),
            None,
        )


@dataclass(frozen=True)
class Facts:
    """Everything later measurements may know: the target, its addresses, and per-address facts."""

    target: Target
    addresses: tuple[str, ...] = ()
    by_address: Mapping[str, AddressFacts] = field(default_factory=dict)

    def of(self, address: str) -> AddressFacts:
        """The facts about one address (empty when nothing is known yet)."""
        return self.by_address.get(address) or AddressFacts(address)

    def update(self, address: str, **changes: object) -> Facts:
        """These facts with some fields of one address's facts replaced."""
        merged = dict(self.by_address)
        merged[address] = replace(self.of(address), **changes)  # type: ignore[arg-type]
        return replace(self, by_address=merged)

    @property
    def ports(self) -> tuple[PortFact, ...]:
        """Every port fact of every address."""
        return tuple(p for address in self.addresses for p in self.of(address).ports)


def ports_of(ports: Sequence[PortView], protocol: Protocol) -> list[PortView]:
    """The ports of one protocol."""
    return [p for p in ports if p.protocol is protocol]


FASP_TCP_PORT = 33001
"""The SSH control port IBM recommends for Aspera (``ascp -P 33001``); the one definition every consumer uses."""


def best_control_port(ports: Sequence[PortView], tested: Sequence[int] = ()) -> int | None:
    """The SSH control port for ascp's ``-P``: the open one that works on the most addresses (DNS may hand out
    any of them: a review saw ``-P 33001`` chosen while 33001 was open on one address of two and 22 on both),
    then IBM's 33001, then the lowest. None when no tested TCP port is open."""
    covered: dict[int, set[str]] = {}
    for p in ports:
        if p.protocol is Protocol.TCP and p.state is PortState.OPEN and (not tested or p.port in tested):
            covered.setdefault(p.port, set()).add(p.address)
    if not covered:
        return None
    return min(covered, key=lambda port: (-len(covered[port]), port != FASP_TCP_PORT, port))
