"""First reachability check: TCP connect and UDP send with IP_RECVERR, classified into a PortState.

This is the unprivileged socket method. The firewall-evidence version (TTL-limited localisation, raw
probes) will replace these probes behind the same Probe interface and PortResult model.
"""

from __future__ import annotations

from dataclasses import dataclass

from aspdiag.icmp import is_port_unreachable, is_prohibited
from aspdiag.model import PortResult, PortState, Protocol, utc_now_iso
from aspdiag.net import ConnectKind, ConnectOutcome
from aspdiag.probes.base import ProbeContext

UDP_ATTEMPTS = 3


def classify(protocol: Protocol, address: str, outcome: ConnectOutcome) -> tuple[PortState, str]:
    """Turn what the socket saw into a PortState and a sentence of explanation (pure)."""
    icmp = outcome.icmp
    if outcome.kind is ConnectKind.CONNECTED:
        return PortState.OPEN, "TCP handshake completed (SYN-ACK)"
    if outcome.kind is ConnectKind.REPLIED:
        return PortState.OPEN, "a UDP reply came back: a service answers on this port"
    if outcome.kind is ConnectKind.REFUSED:
        return PortState.CLOSED, "TCP reset (connection refused): reachable, nothing listening"
    if outcome.kind is ConnectKind.TIMEOUT:
        return PortState.TIMED_OUT, (
            f"no answer to {outcome.probes_sent} probe(s): dropped on the path or at the server"
        )
    if outcome.kind is ConnectKind.LOCAL_ERROR:
        return PortState.ERROR, outcome.detail or f"could not send: {outcome.errno_name}"
    # ConnectKind.ICMP
    if icmp is None:
        return PortState.REJECTED, outcome.detail or f"unreachable ({outcome.errno_name})"
    sender = icmp.offender or "an unknown address"
    from_target = icmp.offender == address
    if is_port_unreachable(icmp.family, icmp.type, icmp.code):
        if from_target:
            if protocol is Protocol.UDP:
                return PortState.CLOSED, (
                    "ICMP port-unreachable from the target itself: UDP crosses every firewall on the path "
                    "(an idle Aspera server answers exactly this)"
                )
            return PortState.CLOSED, "ICMP port-unreachable from the target"
        return PortState.REJECTED, (
            f"ICMP port-unreachable sent by {sender}, not by the target: a firewall reject disguised as 'closed'"
        )
    if is_prohibited(icmp.family, icmp.type, icmp.code):
        return (
            PortState.REJECTED,
            f"ICMP {icmp.name} ({icmp.type}/{icmp.code}) from {sender}: a firewall rejects it",
        )
    return PortState.REJECTED, f"ICMP {icmp.name} ({icmp.type}/{icmp.code}) from {sender}"


def _result(protocol: Protocol, address: str, port: int, outcome: ConnectOutcome, started: str) -> PortResult:
    state, detail = classify(protocol, address, outcome)
    answered = (
        1 if outcome.kind in (ConnectKind.CONNECTED, ConnectKind.REPLIED, ConnectKind.REFUSED, ConnectKind.ICMP) else 0
    )
    return PortResult(
        address=address,
        protocol=protocol,
        port=port,
        state=state,
        method="socket",
        rtts_ms=outcome.rtts_ms,
        probes_sent=outcome.probes_sent,
        probes_answered=answered,
        icmp=outcome.icmp,
        detail=detail,
        started_utc=started,
    )


@dataclass(frozen=True)
class TcpConnectProbe:
    """Can a TCP connection to address:port be opened?"""

    address: str
    port: int
    connect_timeout_s: float = 3.0

    @property
    def key(self) -> str:
        """Probe id."""
        return f"tcp/{self.address}/{self.port}"

    @property
    def label(self) -> str:
        """Progress text."""
        return f"TCP {self.port} on {self.address}"

    @property
    def timeout_s(self) -> float:
        """The connect timeout bounds the probe."""
        return self.connect_timeout_s

    def run(self, ctx: ProbeContext) -> PortResult:
        """Connect once."""
        started = utc_now_iso()
        outcome = ctx.connector.tcp_connect(self.address, self.port, self.connect_timeout_s)
        return _result(Protocol.TCP, self.address, self.port, outcome, started)

    def failed(self, reason: str) -> PortResult:
        """A probe that did not finish."""
        return PortResult(
            self.address,
            Protocol.TCP,
            self.port,
            PortState.ERROR,
            detail=reason,
            started_utc=utc_now_iso(),
        )


@dataclass(frozen=True)
class UdpSocketProbe:
    """Does a UDP datagram to address:port get through (judged by the ICMP that comes back)?"""

    address: str
    port: int
    answer_timeout_s: float = 3.0
    attempts: int = UDP_ATTEMPTS

    @property
    def key(self) -> str:
        """Probe id."""
        return f"udp/{self.address}/{self.port}"

    @property
    def label(self) -> str:
        """Progress text."""
        return f"UDP {self.port} on {self.address}"

    @property
    def timeout_s(self) -> float:
        """The answer timeout covers all attempts."""
        return self.answer_timeout_s

    def run(self, ctx: ProbeContext) -> PortResult:
        """Send a few datagrams and wait for a reply or an ICMP error."""
        started = utc_now_iso()
        outcome = ctx.connector.udp_probe(self.address, self.port, self.answer_timeout_s, self.attempts)
        return _result(Protocol.UDP, self.address, self.port, outcome, started)

    def failed(self, reason: str) -> PortResult:
        """A probe that did not finish."""
        return PortResult(
            self.address,
            Protocol.UDP,
            self.port,
            PortState.ERROR,
            detail=reason,
            started_utc=utc_now_iso(),
        )
