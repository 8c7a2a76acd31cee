"""What a probe is, and the context (adapters) every probe receives."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, TypeVar

if TYPE_CHECKING:
    from aspdiag.ascp.transfer import Runner

from aspdiag.model import PortResult, PortState
from aspdiag.model import Protocol as Transport
from aspdiag.net import CapacityProber, PacketProber, PathProber, Resolver, ResponderClient, RouteLookup

R_co = TypeVar("R_co", covariant=True)


@dataclass(frozen=True)
class ProbeContext:
    """The I/O adapters a probe may use. Tests pass fakes."""

    resolver: Resolver
    routes: RouteLookup
    prober: PacketProber
    processes: Runner | None = None
    """Runs ascp for the test transfer (CappedRunner); None when no transfer is planned."""
    path: PathProber | None = None
    """RTT series and sized datagrams (``--path``); None when path characterisation is not asked for."""
    capacity: CapacityProber | None = None
    """Paced packet trains (``--capacity``); None when no capacity estimate is asked for."""
    responder: ResponderClient | None = None
    """The client of ``aspdiag responder`` (``--responder``); None when not asked for."""


class Probe(Protocol[R_co]):
    """One measurement. ``run`` must honour ``timeout_s``; the engine enforces it with a margin."""

    @property
    def key(self) -> str:
        """Unique id within a run, e.g. ``tcp/198.18.3.2/22``."""
        ...

    @property
    def label(self) -> str:
        """Short text for progress displays."""
        ...

    @property
    def timeout_s(self) -> float:
        """How long the probe may take at most."""
        ...

    def run(self, ctx: ProbeContext) -> R_co:
        """Measure and return the result; never raise for network outcomes."""
        ...

    def failed(self, reason: str) -> R_co:
        """The result to record when the probe could not finish (timeout, crash, interruption)."""
        ...


def answering_tcp_port(ports: Sequence[PortResult]) -> PortResult | None:
    """The first TCP port the target itself answered on (handshake or reset): what the path probes send to."""
    return next(
        (p for p in ports if p.protocol is Transport.TCP and p.state in (PortState.OPEN, PortState.CLOSED)), None
    )
