"""The I/O seam: small interfaces the probes use, and the plain records the adapters return.

Only modules in this package import ``socket``, ``subprocess``, dnspython or scapy. Probes receive the
adapters through a ProbeContext, so tests can swap in fakes that send no packets.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from aspdiag.model import Banner, DnsQuery, Environment, ProbeAnswer, ResponderResult, RouteResult
from aspdiag.model import Protocol as ModelProtocol
from aspdiag.path import DatagramAnswer

if TYPE_CHECKING:
    from aspdiag.capacity import TrainMonitor, TrainPacket


class Resolver(Protocol):
    """DNS lookups (dnspython in production)."""

    def configured(self) -> tuple[str, ...]:
        """The resolvers that will be asked, as ``address`` or ``address@port``."""
        ...

    def query(self, name: str, rdtype: str, timeout_s: float) -> DnsQuery:
        """Look up one record type; never raises for DNS failures, returns them as an outcome."""
        ...


class RouteLookup(Protocol):
    """What the local kernel would do with a packet to an address."""

    def route_to(self, address: str) -> RouteResult:
        """Route, source address, egress interface and its MTU toward ``address``."""
        ...


class PacketProber(Protocol):
    """Sends reachability probes: full-TTL or TTL-limited, on one 5-tuple. Two implementations give the
    same answers: SocketProber (unprivileged) and ScapyProber (raw packets, root or CAP_NET_RAW)."""

    @property
    def method(self) -> str:
        """``socket`` or ``raw``; recorded in every result."""
        ...

    def sequential(self, protocol: ModelProtocol) -> bool:
        """Whether TTL-limited probes of this protocol must go one at a time."""
        ...

    def probe(
        self,
        address: str,
        protocol: ModelProtocol,
        port: int,
        ttls: Sequence[int],
        wait_s: float,
        source_port: int = 0,
    ) -> tuple[tuple[ProbeAnswer, ...], int]:
        """One probe per TTL from one source port (0: pick one); answers in ``ttls`` order, and the port."""
        ...

    def read_banner(self, address: str, port: int, wait_s: float) -> Banner:
        """Connect to a TCP port that is open and read what the service says first."""
        ...


class PathProber(Protocol):
    """RTT series and sized Don't-Fragment datagrams for path characterisation (SocketPathProber)."""

    def tcp_rtt(self, address: str, port: int, wait_s: float) -> float | None:
        """Milliseconds for one TCP handshake; None when nothing answered within ``wait_s``."""
        ...

    def datagrams(
        self, address: str, port: int, size_bytes: int, ttls: Sequence[int], wait_s: float
    ) -> tuple[DatagramAnswer, ...]:
        """One datagram of ``size_bytes`` per TTL; what came back for each, in ``ttls`` order."""
        ...


class CapacityProber(Protocol):
    """Paced packet trains whose answers carry kernel receive timestamps (TrainProber)."""

    def train(
        self, method: str, address: str, port: int, ip_bytes: int, monitor: TrainMonitor, max_time_s: float
    ) -> list[TrainPacket]:
        """Send ``ip_bytes`` packets by ``method`` (``tcp-reset`` / ``udp-icmp``) at ``monitor.pace_mbps``
        until the monitor says stop; every packet with its answer time, in sending order."""
        ...


class ResponderClient(Protocol):
    """Talks to an ``aspdiag responder``: two-way checks and capped UDP throughput both ways."""

    def probe(self, address: str, port: int, key: bytes, max_rate_mbps: float, duration_s: float) -> ResponderResult:
        """Everything ``check --responder`` measures against one address."""
        ...


@dataclass(frozen=True)
class CommandOutput:
    """Result of running an external program."""

    argv: tuple[str, ...]
    returncode: int
    stdout: str
    stderr: str


class CommandRunner(Protocol):
    """Runs external programs from an argv list (never through a shell)."""

    def run(self, argv: list[str], timeout_s: float) -> CommandOutput:
        """Run and wait; raises ToolNotFoundError / ToolFailedError (timeout)."""
        ...


class SystemInfo(Protocol):
    """Facts about the machine aspdiag runs on."""

    def environment(self) -> Environment:
        """Host name, OS, Python, uid and raw-socket privilege, discovered once."""
        ...
