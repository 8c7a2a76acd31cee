"""The result model: frozen dataclasses and enums for every probe outcome and the one Report.

Nothing here does I/O or imports a UI library. Units are in field names (``rtt_ms``, ``mtu_bytes``).
Derived values are properties, not stored fields.
"""

from __future__ import annotations

import ipaddress
import statistics
from dataclasses import dataclass, field, fields
from datetime import UTC, datetime
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from aspdiag.ascp.find import AscpInstallation
    from aspdiag.ascp.transfer import TransferResult

SCHEMA_VERSION = "1"


def utc_now_iso() -> str:
    """The current UTC time as an ISO 8601 string with millisecond precision and a ``Z``."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class Family(StrEnum):
    """IP address family."""

    IPV4 = "ipv4"
    IPV6 = "ipv6"

    @staticmethod
    def of(address: str) -> Family:
        """The family of an address literal."""
        return Family.IPV6 if ipaddress.ip_address(address).version == 6 else Family.IPV4


class Protocol(StrEnum):
    """Transport protocol of a port probe."""

    TCP = "tcp"
    UDP = "udp"


@dataclass(frozen=True)
class Target:
    """What the user asked to check, normalised."""

    raw: str
    """Exactly what was typed."""
    host: str
    """The host to query: an ASCII (IDNA) name without trailing dot, or an address literal."""
    is_literal: bool
    """True when ``host`` is an IP address literal; DNS is then skipped."""

    @property
    def display(self) -> str:
        """How to show the target to a person (the Unicode form for IDN names)."""
        if self.is_literal:
            return self.host
        try:
            unicode = self.host.encode("ascii").decode("idna")
        except UnicodeError:
            return self.host
        return unicode if unicode == self.raw.rstrip(".") else self.host


# --------------------------------------------------------------------------- DNS


class DnsOutcome(StrEnum):
    """How a DNS lookup ended."""

    RESOLVED = "resolved"
    """At least one address came back."""
    LITERAL = "literal"
    """The target is an IP literal; no lookup was made."""
    NXDOMAIN = "nxdomain"
    """The name does not exist."""
    NO_ANSWER = "no_answer"
    """The name exists but has no A/AAAA record."""
    SERVFAIL = "servfail"
    """The resolver failed (SERVFAIL / REFUSED): a DNS server problem, not a firewall."""
    TIMEOUT = "timeout"
    """No resolver answered in time."""
    ERROR = "error"
    """The lookup could not be made (no resolver configured, bad configuration)."""


@dataclass(frozen=True)
class DnsQuery:
    """One query (A or AAAA) and what came back."""

    rdtype: str
    outcome: DnsOutcome
    addresses: tuple[str, ...] = ()
    cname_chain: tuple[str, ...] = ()
    """Names followed from the query name to the canonical name, in order (empty: no CNAME)."""
    nameserver: str | None = None
    """The resolver that answered (address, with ``@port`` when not 53)."""
    lookup_ms: float = 0.0
    detail: str = ""


@dataclass(frozen=True)
class DnsResult:
    """Resolution of the target name (or the note that it is a literal)."""

    name: str
    queries: tuple[DnsQuery, ...]
    configured_resolvers: tuple[str, ...] = ()
    lookup_ms: float = 0.0
    """Wall time of the whole lookup (A and AAAA run concurrently)."""
    started_utc: str = ""
    literal: bool = False

    @property
    def addresses(self) -> tuple[str, ...]:
        """Every address found, IPv4 first, without duplicates, in answer order."""
        seen: dict[str, None] = {}
        for query in sorted(self.queries, key=lambda q: q.rdtype != "A"):
            for address in query.addresses:
                seen.setdefault(address, None)
        return tuple(seen)

    @property
    def cname_chain(self) -> tuple[str, ...]:
        """The longest CNAME chain seen by any query."""
        return max((q.cname_chain for q in self.queries), key=len, default=())

    @property
    def nameserver(self) -> str | None:
        """The resolver that answered, if any did."""
        return next((q.nameserver for q in self.queries if q.nameserver), None)

    @property
    def outcome(self) -> DnsOutcome:
        """One outcome for the whole lookup: resolved if anything resolved, else the worst failure."""
        if self.literal:
            return DnsOutcome.LITERAL
        outcomes = {q.outcome for q in self.queries}
        for candidate in (
            DnsOutcome.RESOLVED,
            DnsOutcome.NXDOMAIN,
            DnsOutcome.TIMEOUT,
            DnsOutcome.SERVFAIL,
            DnsOutcome.ERROR,
        ):
            if candidate in outcomes:
                return candidate
        return DnsOutcome.NO_ANSWER

    @property
    def detail(self) -> str:
        """A sentence explaining a failed lookup (empty when it resolved)."""
        if self.outcome in (DnsOutcome.RESOLVED, DnsOutcome.LITERAL):
            return ""
        details = [q.detail for q in self.queries if q.detail and q.outcome is self.outcome]
        return details[0] if details else ""


# --------------------------------------------------------------------------- routes


class RouteOutcome(StrEnum):
    """Whether the kernel has a route to an address."""

    OK = "ok"
    NO_ROUTE = "no_route"
    ERROR = "error"


@dataclass(frozen=True)
class RouteResult:
    """The local route the kernel would use toward one address."""

    address: str
    outcome: RouteOutcome
    source_address: str | None = None
    interface: str | None = None
    gateway: str | None = None
    """Next hop; ``None`` when the address is on a directly connected network."""
    interface_mtu_bytes: int | None = None
    route_mtu_bytes: int | None = None
    """An MTU set on the route itself (``ip route ... mtu N``), if any."""
    source_prefix_len: int | None = None
    """Prefix length of the source address on its interface (the client's subnet)."""
    detail: str = ""

    @property
    def source_subnet(self) -> str | None:
        """The client's subnet as seen here, e.g. ``198.18.1.0/24``."""
        if self.source_address is None or self.source_prefix_len is None:
            return None
        import ipaddress

        try:
            return str(ipaddress.ip_interface(f"{self.source_address}/{self.source_prefix_len}").network)
        except ValueError:  # a redacted address ("ip-1")
            return f"{self.source_address}-net/{self.source_prefix_len}"


# --------------------------------------------------------------------------- ports


class PortState(StrEnum):
    """What the reachability check found for one port."""

    OPEN = "open"
    """TCP handshake completed (SYN-ACK), or a UDP reply came back from a service."""
    CLOSED = "closed"
    """A TCP reset or ICMP port-unreachable that really comes from the target. For UDP to an idle Aspera
    server this is the expected answer: the path is open."""
    REJECTED = "rejected"
    """ICMP prohibited/unreachable, or a reset / port-unreachable the evidence attributes to a device
    before the target (offender address, or a hop distance shorter than the target's)."""
    DROPPED = "dropped"
    """No answer at all; ``blocked_at`` says where the TTL-limited probes went silent."""
    ERROR = "error"
    """Could not test (local error); ``detail`` says why."""


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

    @property
    def name(self) -> str:
        """Human name, e.g. ``communication-administratively-prohibited``."""
        from aspdiag.icmp import icmp_name

        return icmp_name(self.family, self.type, self.code)


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


def inferred_hops(reply_ttl: int) -> int:
    """Hop distance of a sender from the TTL of its reply, assuming it started at 64, 128 or 255."""
    initial = next(start for start in (64, 128, 255) if reply_ttl <= start)
    return initial - reply_ttl + 1


@dataclass(frozen=True)
class ProbeAnswer:
    """One probe packet (with the TTL / hop limit it was sent with) and what came back."""

    ttl: int
    kind: AnswerKind
    responder: str | None = None
    """Source address of the answer: the ICMP offender, or the target for SYN-ACK / reset / UDP reply."""
    icmp: IcmpError | None = None
    reply_ttl: int | None = None
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

    hop: int
    address: str | None


class BannerKind(StrEnum):
    """What a TCP port that accepted a connection said first."""

    SSH = "ssh"
    HTTP = "http"
    TLS = "tls"
    SILENT = "silent"
    OTHER = "other"


@dataclass(frozen=True)
class Banner:
    """The first words of the service behind an open TCP port."""

    kind: BannerKind
    text: str = ""
    wait_ms: float = 0.0


@dataclass(frozen=True)
class PortResult:
    """Reachability of one protocol/port on one address, with the evidence behind the state."""

    address: str
    protocol: Protocol
    port: int
    state: PortState
    method: str = "socket"
    """``socket`` (unprivileged sockets with IP_RECVERR) or ``raw`` (scapy packets)."""
    probes: tuple[ProbeAnswer, ...] = ()
    """The probes sent with a full TTL, in order."""
    trace: tuple[ProbeAnswer, ...] = ()
    """TTL-limited probes on the same 5-tuple, by TTL (the hop list)."""
    hops_to_target: int | None = None
    last_responding_hop: HopRef | None = None
    blocked_at: HopRef | None = None
    location: str = ""
    """Where traffic stops, in words ("between hop 2 (...) and hop 3")."""
    detail: str = ""
    banner: Banner | None = None
    rate_limit_suspected: bool = False
    """A UDP port silent only at the target while the target answered other UDP ports: its ICMP replies
    may just be rate-limited, so the silence is not proof of a block."""
    started_utc: str = ""

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


# --------------------------------------------------------------------------- run metadata


@dataclass(frozen=True)
class Environment:
    """Where and how the check ran."""

    hostname: str
    os: str
    python: str
    uid: int
    privileged: bool
    """True when raw sockets are possible (root or CAP_NET_RAW)."""


@dataclass(frozen=True)
class ProbeFailure:
    """A probe the engine had to give up on (exceeded its timeout, or crashed)."""

    key: str
    reason: str


@dataclass(frozen=True)
class CheckSettings:
    """The settings a check ran with (echoed in the report so a reader can reproduce it)."""

    tcp_ports: tuple[int, ...]
    udp_ports: tuple[int, ...]
    timeout_s: float
    dns_timeout_s: float
    dns_servers: tuple[str, ...] = ()
    method: str = "socket"
    """The probe method used for reachability: ``raw`` or ``socket``."""
    max_hops: int = 16
    rule_days: int = 30
    """Suggested lifetime of the temporary firewall rules in the change request."""
    ascp_user: str | None = None
    """Transfer user name, when a preset knows it (for the recommended ascp command)."""
    preset: str | None = None
    preset_key_files: tuple[str, ...] = ()
    """Key files the preset's service needs for public downloads (any one of them)."""
    command: str = ""
    """The aspdiag command line that reproduces this run."""


# --------------------------------------------------------------------------- verdict


class Verdict(StrEnum):
    """The one-word answer at the top of every report."""

    READY = "ready"
    DEGRADED = "degraded"
    BLOCKED = "blocked"
    CANNOT_TELL = "cannot tell"


class Severity(StrEnum):
    """How much a finding matters for a transfer."""

    BLOCKER = "blocker"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Finding:
    """One statement about the transfer, with what to do about it."""

    severity: Severity
    title: str
    detail: str = ""
    action: str = ""
    address: str | None = None
    """The address the finding is about, if it is about one."""


@dataclass(frozen=True)
class Assessment:
    """The verdict with its one-sentence summary, the next step, and the findings behind it."""

    verdict: Verdict
    summary: str
    next_step: str
    findings: tuple[Finding, ...] = ()


# --------------------------------------------------------------------------- path


@dataclass(frozen=True)
class PathResult:
    """RTT, loss and path MTU toward one address (``aspdiag check --path``). Flat: every field is a number,
    a string or None, with its unit in its name."""

    address: str
    family: str
    rtt_port: int | None
    """The TCP port whose handshakes gave the RTT series (None: no TCP port answered)."""
    rtt_samples: int
    rtt_answered: int
    rtt_min_ms: float | None
    rtt_median_ms: float | None
    rtt_p95_ms: float | None
    jitter_ms: float | None
    loss_pct: float | None
    udp_port: int | None
    mtu_status: str
    """ok | cannot-tell | skipped"""
    path_mtu_bytes: int | None
    local_mtu_bytes: int | None
    icmp_mtu_bytes: int | None
    icmp_mtu_from: str | None
    black_hole: bool
    black_hole_smallest_lost_bytes: int | None
    black_hole_after_hop: int | None
    black_hole_after_address: str | None
    black_hole_next_address: str | None
    max_fasp_datagram_bytes: int | None
    needs_z: bool
    """ascp cannot learn this path's MTU by itself (black hole): give it ``-Z``."""
    mtu_probes: int
    detail: str
    duration_s: float


@dataclass(frozen=True)
class CapacityResult:
    """Single-ended capacity estimate toward one address (``aspdiag check --capacity``): paced packet
    trains whose answers (TCP resets or ICMP port-unreachable) come back spaced by the bottleneck. Flat."""

    address: str
    family: str
    status: str
    """ok | lower-bound (no bottleneck below the probe rate) | rate-limited (the target's ICMP limit hid
    the answers) | no-answers | skipped"""
    method: str
    """tcp-reset (raw TCP, needs root) | udp-icmp (unprivileged UDP, ICMP port-unreachable) | none"""
    port: int | None
    packet_bytes: int | None
    """IP size of each probe packet."""
    probe_rate_cap_mbps: float
    """The pace of the trains: never above ``--max-rate``."""
    sent_packets: int
    answered_packets: int
    probe_bytes: int
    """IP bytes sent by the estimate (all trains)."""
    burst_mbps: float | None
    """Rate of the first packets of a train (what a token bucket lets through before it runs dry)."""
    sustained_mbps: float | None
    """Rate once any token bucket is dry: what a long FASP transfer gets."""
    sustained_is_lower_bound: bool
    """True when the path kept up with the probe's own pace: the capacity is at least this."""
    burst_bytes: int | None
    """Estimated token-bucket depth when a shaper is suspected."""
    shaper_suspected: bool
    confidence: str
    """high | medium | low | none"""
    icmp_rate_limited: bool
    detail: str
    duration_s: float


@dataclass(frozen=True)
class ResponderResult:
    """Two-way answers and capped UDP throughput against an ``aspdiag responder`` (``check --responder``).
    Flat; the up direction is client to responder, down is responder to client."""

    address: str
    family: str
    port: int
    status: str
    """ok | no-answer (wrong key, clock skew over the window, or blocked) | error"""
    udp_two_way: bool | None
    udp_rtt_ms: float | None
    tcp_two_way: bool | None
    tcp_rtt_ms: float | None
    rate_cap_mbps: float
    """Rate granted by the responder (the smaller of ``--max-rate`` and its own per-client cap)."""
    up_duration_s: float | None
    up_sent_packets: int | None
    up_received_packets: int | None
    up_rate_mbps: float | None
    up_loss_pct: float | None
    up_jitter_ms: float | None
    up_reordered_packets: int | None
    down_duration_s: float | None
    down_sent_packets: int | None
    down_received_packets: int | None
    down_rate_mbps: float | None
    down_loss_pct: float | None
    down_jitter_ms: float | None
    down_reordered_packets: int | None
    detail: str
    duration_s: float

    @classmethod
    def unmeasured(
        cls, address: str, port: int, status: str, rate_cap_mbps: float, detail: str = "", duration_s: float = 0.0
    ) -> ResponderResult:
        """A result in which nothing was measured yet: every measurement is None."""
        given = {"address", "family", "port", "status", "rate_cap_mbps", "detail", "duration_s"}
        empty = {f.name: None for f in fields(cls) if f.name not in given}
        return cls(
            address=address,
            family=Family.of(address).value,
            port=port,
            status=status,
            rate_cap_mbps=rate_cap_mbps,
            detail=detail,
            duration_s=duration_s,
            **empty,
        )


@dataclass(frozen=True)
class TransferEstimate:
    """How long ``--dataset-size`` takes: at the politeness cap, and for one TCP stream (Mathis bound)."""

    dataset_bytes: int
    cap_mbps: float
    at_cap_s: float | None
    measured_mbps: float | None
    """A measured rate for this path (a capped test transfer); None when none was measured."""
    at_measured_s: float | None
    measured_from: str | None
    tcp_single_stream_mbps: float | None
    at_tcp_s: float | None
    rtt_ms: float | None
    loss_fraction_used: float | None
    loss_basis: str
    note: str


# --------------------------------------------------------------------------- report


@dataclass(frozen=True)
class Report:
    """Everything one ``aspdiag check`` run measured. Renderers are pure functions of this."""

    tool_version: str
    target: Target
    settings: CheckSettings
    environment: Environment
    started_utc: str
    finished_utc: str
    dns: DnsResult | None = None
    routes: tuple[RouteResult, ...] = ()
    ports: tuple[PortResult, ...] = ()
    failures: tuple[ProbeFailure, ...] = ()
    interrupted: bool = False
    ascp: tuple[AscpInstallation, ...] = ()
    """ascp installations found (the first is the one used); empty when not looked for."""
    transfer: TransferResult | None = None
    """The capped test transfer, when one was asked for."""
    paths: tuple[PathResult, ...] = ()
    """RTT/loss/path MTU per address, when ``--path`` asked for them."""
    estimate: TransferEstimate | None = None
    """Transfer-time estimate, when ``--dataset-size`` was given."""
    capacities: tuple[CapacityResult, ...] = ()
    """Single-ended capacity estimate per address, when ``--capacity`` asked for it."""
    responders: tuple[ResponderResult, ...] = ()
    """Results against an ``aspdiag responder``, when ``--responder`` asked for them."""
    schema_version: str = field(default=SCHEMA_VERSION)

    @property
    def addresses(self) -> tuple[str, ...]:
        """The addresses that were (or would have been) probed."""
        if self.dns is None:
            return ()
        return self.dns.addresses

    def route_for(self, address: str) -> RouteResult | None:
        """The route result for one address, if measured."""
        return next((r for r in self.routes if r.address == address), None)

    def ports_for(self, address: str) -> tuple[PortResult, ...]:
        """Port results for one address, TCP first, in port order."""
        return tuple(
            sorted(
                (p for p in self.ports if p.address == address),
                key=lambda p: (p.protocol is Protocol.UDP, p.port),
            )
        )

    @property
    def assessment(self) -> Assessment:
        """The verdict and findings, derived from the measurements."""
        from aspdiag.assess import assess

        return assess(self)
