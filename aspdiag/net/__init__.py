"""The I/O seam: small interfaces the probes use, and the plain records the adapters return.

Only modules in this package import ``socket``, ``subprocess``, dnspython or scapy. Probes receive the
adapters through a ProbeContext, so tests can swap in fakes that send no packets.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from aspdiag.model import DnsQuery, Environment, IcmpError, RouteResult


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


class ConnectKind(StrEnum):
    """Low-level outcome of one socket probe, before classification into a PortState."""

    CONNECTED = "connected"
    """TCP handshake completed."""
    REPLIED = "replied"
    """A UDP datagram came back."""
    REFUSED = "refused"
    """TCP RST (ECONNREFUSED) with no ICMP behind it."""
    ICMP = "icmp"
    """An ICMP error arrived (details in ``icmp``; ``errno_name`` says what the kernel made of it)."""
    TIMEOUT = "timeout"
    """Nothing came back within the timeout."""
    LOCAL_ERROR = "local_error"
    """The probe could not be sent (no route, permission, address family unsupported...)."""


@dataclass(frozen=True)
class ConnectOutcome:
    """What the socket layer saw for one probe series."""

    kind: ConnectKind
    probes_sent: int
    rtts_ms: tuple[float, ...] = ()
    icmp: IcmpError | None = None
    errno_name: str = ""
    detail: str = ""


class Connector(Protocol):
    """Unprivileged socket probes."""

    def tcp_connect(self, address: str, port: int, timeout_s: float) -> ConnectOutcome:
        """Try one TCP connect and close it at once (no data is sent)."""
        ...

    def udp_probe(self, address: str, port: int, timeout_s: float, attempts: int) -> ConnectOutcome:
        """Send up to ``attempts`` small datagrams and report the first answer (reply or ICMP error)."""
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
