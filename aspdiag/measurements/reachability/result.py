"""Result types of the reachability measurement: one PortResult per address and port, with the full-TTL
probes, the TTL-limited trace, the banner and the state the evidence supports."""

from __future__ import annotations

import statistics
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, ClassVar

from aspdiag.core.codec import Address, Port, Ttl, at
from aspdiag.core.icmp import icmp_name
from aspdiag.core.model import Family, PortState, Protocol


@dataclass(frozen=True)
class IcmpError:
    """An ICMP error received for a probe."""

    family: Family
    type: int
    code: int
    offender: str | None
    """The address of the device that sent the ICMP message."""
    info: int = 0
    """Type-specific extra, e.g. the next-hop MTU of a fragmentation-needed message."""

    JSON_DERIVED: ClassVar[Mapping[str, str]] = {"name": "name"}

    @property
    def name(self) -> str:
        """Human name, e.g. ``communication-administratively-prohibited``."""
        return icmp_name(self.family, self.type, self.code)

    @staticmethod
    def json_upgrade(data: dict[str, Any]) -> dict[str, Any]:
        """Reports of schema 1 have no family here: the offender's address tells it."""
        if "family" not in data:
            offender = data.get("offender")
            data["family"] = Family.of(offender).value if isinstance(offender, str) and ":" in offender else "ipv4"
        return data


class AnswerKind(StrEnum):
    """What came back for one probe packet."""

    SYN_ACK = "syn_ack"
    UDP_REPLY = "udp_reply"
    RESET = "reset"
    TIME_EXCEEDED = "time_exceeded"
    PORT_UNREACHABLE = "port_unreachable"
    UNREACHABLE = "unreachable"
    """Any other ICMP destination-unreachable: prohibited, net/host unreachable, ..."""
    SILENT = "silent"
    LOCAL_ERROR = "local_error"
    """The probe could not be sent (no local route, permission...)."""


LOCAL_FIREWALL = "this machine's own firewall refuses it"
"""Ends the detail of a probe that this machine's own firewall stopped (the kernel refused to send it with
EPERM/EACCES, or rejected it with an ICMP error from one of this machine's own addresses): nothing beyond the
machine was tested for that flow, and no network team can change it."""


def refused_locally(detail: str) -> bool:
    """Whether a probe's (or a port's) detail says this machine's own firewall stopped it."""
    return LOCAL_FIREWALL in detail


def inferred_hops(reply_ttl: int) -> int:
    """Hop distance of a sender from the TTL of its reply, assuming it started at 64, 128 or 255."""
    initial = next(start for start in (64, 128, 255) if reply_ttl <= start)
    return initial - reply_ttl + 1


@dataclass(frozen=True)
class ProbeAnswer:
    """One probe packet (with the TTL / hop limit it was sent with) and what came back."""

    JSON_DERIVED: ClassVar[Mapping[str, str]] = {"reply_hops": "reply_hops"}

    ttl: Ttl
    kind: AnswerKind = field(metadata=at("answer"))
    responder: str | None = None
    """Source address of the answer: the ICMP offender, or the target for SYN-ACK / reset / UDP reply."""
    icmp: IcmpError | None = None
    reply_ttl: Ttl | None = None
    """TTL (hop limit) of the answer as it arrived; None when the method cannot see it."""
    rtt_ms: float | None = None
    sent_utc: str = ""
    detail: str = ""

    @property
    def answered(self) -> bool:
        """Whether anything came back."""
        return self.kind not in (AnswerKind.SILENT, AnswerKind.LOCAL_ERROR)

    @property
    def reply_hops(self) -> int | None:
        """Hop distance of the answering device, inferred from the reply TTL."""
        return inferred_hops(self.reply_ttl) if self.reply_ttl else None


@dataclass(frozen=True)
class HopRef:
    """A hop on the path: its index (1 = first router) and address when known."""

    hop: Ttl
    address: str | None


class BannerKind(StrEnum):
    """What a TCP port that accepted a connection said first."""

    SSH = "ssh"
    HTTP = "http"
    TLS = "tls"
    SILENT = "silent"
    OTHER = "other"
    REFUSED = "refused"
    """An SSH server that refused this connection with a message (OpenSSH's ``Not allowed at this time``:
    a per-source penalty or MaxStartups): reachable, but the server says no to this client right now."""
    CLOSED = "closed"
    """The connection was closed or reset before the service said anything."""
    NO_CONNECTION = "no_connection"
    """The half-open probe was answered, but the run's connection did not open within the wait (a lossy or
    slow path, an overloaded server): nothing is known about the service."""


NOT_OPENED = "not opened"
"""How a ``NO_CONNECTION`` banner's text begins when the run chose not to connect (the exporter's one SSH
connection per scrape went to another port): no evidence about the service, and no warning either."""


@dataclass(frozen=True)
class Banner:
    """The first words of the service behind an open TCP port."""

    kind: BannerKind
    text: str = ""
    wait_ms: float = 0.0


@dataclass(frozen=True)
class ControlEvidence:
    """Why a silence is (or is not) evidence of a drop: how far ICMP demonstrably comes back on this address's
    other flows, and what a neighbouring unused UDP port answered."""

    icmp_horizon_hop: int
    """The farthest hop an ICMP message came back from, on any flow to this address (0: none)."""
    horizon_flow: str
    """The flow that showed it, e.g. ``tcp/33001 trace`` or ``udp/33002``."""
    neighbour_port: Port | None = None
    """The neighbouring UDP port probed as a control (it holds no service on an Aspera server)."""
    neighbour_answer: str = ""
    """What it got, e.g. ``port-unreachable from the server (hop 4)`` or ``no answer``."""
    meaning: str = ""
    """What the evidence shows, in one sentence."""
    settle: str = ""
    """What would settle it when it is not proven."""


@dataclass(frozen=True)
class PortResult:
    """Reachability of one protocol/port on one address, with the evidence behind the state."""

    JSON_DERIVED: ClassVar[Mapping[str, str]] = {
        "family": "family",
        "path_open": "path_open",
        "icmp": "icmp",
        "evidence.probes_sent": "probes_sent",
        "evidence.probes_answered": "probes_answered",
        "evidence.rtt_ms": "rtt_ms",
        "evidence.rtts_ms": "rtts_ms",
        "evidence.offender": "offender",
        "evidence.reply_ttl": "reply_ttl",
        "evidence.reply_hops": "reply_hops",
    }

    address: Address
    protocol: Protocol
    port: Port
    state: PortState
    method: str = "socket"
    """``socket`` (unprivileged sockets with IP_RECVERR) or ``raw`` (scapy packets)."""
    probes: tuple[ProbeAnswer, ...] = field(default=(), metadata=at("evidence.probes"))
    """The probes sent with a full TTL, in order."""
    trace: tuple[ProbeAnswer, ...] = field(default=(), metadata=at("evidence.trace"))
    """TTL-limited probes on the same 5-tuple, by TTL (the hop list)."""
    hops_to_target: Ttl | None = None
    last_responding_hop: HopRef | None = None
    blocked_at: HopRef | None = None
    location: str = ""
    """Where traffic stops, in words ("between hop 2 (...) and hop 3")."""
    detail: str = ""
    banner: Banner | None = None
    rate_limit_suspected: bool = field(default=False, metadata=at("evidence.rate_limit_suspected"))
    """A UDP port silent only at the target while the target answered other UDP ports: its ICMP replies
    may just be rate-limited, so the silence is not proof of a block."""
    no_route: bool = field(default=False, metadata=at("evidence.no_route"))
    """A router answered 'no route' (ICMP net-unreachable, ICMPv6 no-route) for every port of this address,
    the unused control port too: its routing, not a port rule, stops the traffic."""
    host_down: bool = field(default=False, metadata=at("evidence.host_down"))
    """A router answered host-unreachable and nothing on any port of this address came from the server itself:
    the server is off or its address gone (with a server that answers other ports it is a filter instead)."""
    started_utc: str = field(default="", metadata=at("evidence.started_utc"))
    control: ControlEvidence | None = field(default=None, metadata=at("evidence.control"))
    """For a port that got no answer: the control probes that say whether the silence is evidence."""

    @property
    def answer(self) -> ProbeAnswer | None:
        """The full-TTL probe answer that decided the state (None: no answer)."""
        return next((p for p in self.probes if p.answered), None)

    @property
    def icmp(self) -> IcmpError | None:
        """The ICMP message that decided the state, if any."""
        return self.answer.icmp if self.answer else None

    @property
    def rtts_ms(self) -> tuple[float, ...]:
        """Round-trip times of the answered full-TTL probes."""
        return tuple(p.rtt_ms for p in self.probes if p.answered and p.rtt_ms is not None)

    @property
    def rtt_ms(self) -> float | None:
        """Median round-trip time of the answered full-TTL probes."""
        return statistics.median(self.rtts_ms) if self.rtts_ms else None

    @property
    def probes_sent(self) -> int:
        """Full-TTL and TTL-limited probes sent."""
        return sum(1 for p in (*self.probes, *self.trace) if p.kind is not AnswerKind.LOCAL_ERROR)

    @property
    def probes_answered(self) -> int:
        """Probes that got any answer."""
        return sum(1 for p in (*self.probes, *self.trace) if p.answered)

    @property
    def passes_client_network(self) -> bool:
        """Whether the client's side of the path demonstrably carries this port: the path is open, or the flow
        reaches the last router before the server (the silence begins at the server)."""
        return self.path_open or self.state is PortState.SERVER_SILENT

    @property
    def refused_here(self) -> bool:
        """Whether this machine's own firewall stopped the probes (see ``LOCAL_FIREWALL``)."""
        return self.state is PortState.ERROR and refused_locally(self.detail)

    @property
    def path_open(self) -> bool:
        """Whether traffic to this port crosses the whole path.

        For TCP that is an open port (a closed one cannot carry SSH). For UDP to an idle Aspera server,
        ICMP port-unreachable from the target itself is the expected, positive answer.
        """
        if self.state is PortState.OPEN:
            return True
        return self.protocol is Protocol.UDP and self.state is PortState.CLOSED

    @property
    def label(self) -> str:
        """``tcp/22`` style label."""
        return f"{self.protocol}/{self.port}"

    @property
    def family(self) -> Family:
        """IPv4 or IPv6."""
        return Family.of(self.address)

    @property
    def offender(self) -> str | None:
        """Who sent the deciding answer."""
        return self.answer.responder if self.answer else None

    @property
    def reply_ttl(self) -> int | None:
        """Reply TTL of the deciding answer."""
        return self.answer.reply_ttl if self.answer else None

    @property
    def reply_hops(self) -> int | None:
        """Hop distance of the deciding answer's sender, from its reply TTL."""
        return self.answer.reply_hops if self.answer else None
