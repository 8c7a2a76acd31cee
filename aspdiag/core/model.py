"""The shared vocabulary of a check: the target, the run's settings and environment, findings and the
verdict, and the one Report that holds every measurement's section.

Nothing here does I/O or names a measurement. A measurement's own result types live in its package
(``aspdiag.measurements.<name>``); the Report keeps them in ``sections``, keyed by the measurement's key,
and the registry (``aspdiag.engine.registry``) says which type each key holds. Units are in field names.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import IntEnum, StrEnum
from typing import Any, ClassVar

from aspdiag.core.codec import SKIP, Address, Port, at
from aspdiag.core.history import Changes

SCHEMA_VERSION = "2"
"""Version of the JSON report layout. Readers accept this and every older version they know (2 added the verdict
"ready but unconfirmed", port states server_silent / silent / intercepted, and each finding's audience)."""


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


class PortState(StrEnum):
    """What the reachability check found for one port (shared: later measurements and the verdict read it)."""

    OPEN = "open"
    """TCP handshake completed (SYN-ACK), or a UDP reply came back from a service."""
    CLOSED = "closed"
    """A TCP reset or ICMP port-unreachable that really comes from the target. For UDP to an idle Aspera
    server this is the expected answer: the path is open."""
    REJECTED = "rejected"
    """ICMP prohibited/unreachable, or a reset / port-unreachable the evidence attributes to a device
    before the target (offender address, or a hop distance shorter than the target's)."""
    DROPPED = "dropped"
    """No answer, and the drop is proven: the flow's TTL-limited probes stop after hop k while traffic from
    beyond hop k demonstrably comes back (``blocked_at`` is the first silent hop)."""
    SERVER_SILENT = "server_silent"
    """No answer from the server, but the flow's TTL-limited probes are answered by every router up to the
    last one before the server: the client's network passes it. A busy Aspera server (a transfer holds UDP
    33001 and discards stray datagrams) and a filter on the server's side look exactly like this."""
    SILENT = "silent"
    """No answer, and nothing proves where it stops: ICMP from beyond the last answering hop does not come
    back on any flow (a perimeter that drops inbound ICMP), so the silence is no evidence of a drop."""
    INTERCEPTED = "intercepted"
    """A device before the server answered for it (a transparent proxy or SYN proxy): the handshake came
    from a nearer hop than the server's own answers."""
    ERROR = "error"
    """Could not test (local error); ``detail`` says why."""


@dataclass(frozen=True)
class Target:
    """What the user asked to check, normalised."""

    raw: str = field(metadata=at("input"))
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


# --------------------------------------------------------------------------- run metadata


@dataclass(frozen=True)
class SourceAddress:
    """A local address the probes left from, and its interface."""

    address: str
    interface: str


@dataclass(frozen=True)
class Environment:
    """Where and how the check ran."""

    hostname: str
    os: str
    python: str
    uid: int
    privileged: bool
    """True when raw sockets are possible (root or CAP_NET_RAW)."""
    sources: tuple[SourceAddress, ...] = ()
    """The local addresses the probes used (filled in from the routes when the check ends)."""
    resolver: str | None = None
    """The resolver that answered the DNS lookup, if any did."""
    ascp_installations: tuple[str, ...] | None = None
    """Paths of the ascp installations found (None: not looked for)."""


@dataclass(frozen=True)
class ProbeFailure:
    """A probe the engine had to give up on (exceeded its timeout, or crashed)."""

    key: str = field(metadata=at("probe"))
    reason: str


@dataclass(frozen=True)
class SkippedStage:
    """A stage of the preflight that did not run."""

    stage: str
    """``path``, ``bandwidth``, ``ascp`` or ``transfer``."""
    reason: str
    option: str = ""
    """What runs it (``run without --quick``, ``--remote-file PATH``, ``export ASPERA_SCP_PASS=...``)."""


@dataclass(frozen=True)
class CheckSettings:
    """The settings a check ran with (echoed in the report so a reader can reproduce it)."""

    tcp_ports: tuple[Port, ...]
    udp_ports: tuple[Port, ...]
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
    login: str = ""
    """How the transfer would log in: ``password`` (ASPERA_SCP_PASS), ``token`` (ASPERA_SCP_TOKEN), ``key``
    (--key, or a preset's key file next to ascp), or '' (none found). Never the secret itself."""
    skipped: tuple[SkippedStage, ...] = ()
    """Stages of the preflight that did not run, why, and the option that runs them."""
    ascp_searched: bool = False
    """Whether this check looked for ascp (an empty ascp section then means none was found)."""


SIGNAL_WORDS = {"SIGINT": "Ctrl-C (SIGINT)", "SIGTERM": "SIGTERM", "": "an interruption"}
"""How a report names the signal that ended its run."""


# --------------------------------------------------------------------------- verdict


class Verdict(StrEnum):
    """The answer at the top of every report. Proven states and probable ones are never confused: only READY,
    DEGRADED and BLOCKED rest on proof; the others say what would settle them (``Assessment.settle``)."""

    READY = "ready"
    """Proven end to end on every address: the SSH control port answers with SSH and every FASP data port's
    path is shown open (the server's port-unreachable, a reply, or a test transfer that moved data)."""
    UNCONFIRMED = "ready but unconfirmed"
    """Everything that could be seen works, but part of it is not proven: typically the data port reaches the
    last router before the server and the server is silent (a busy Aspera server looks like that)."""
    DEGRADED = "degraded"
    """Some addresses are proven to work and others proven blocked."""
    BLOCKED = "blocked"
    """Proven not to work: a device answered no, a drop is localised where traffic from beyond does come back,
    no SSH service answers, or a test transfer failed."""
    CANNOT_TELL = "cannot tell"
    """Not enough evidence either way (ICMP filtered on the way back, interrupted, local errors)."""
    NOT_RESOLVED = "name not resolved"
    """The host name gave no address (no such name, no address record, no resolver answered): nothing could
    be probed, and nothing about the firewall is known. Not a block: the name, the resolver or the network
    connection needs fixing first."""


class Grade(IntEnum):
    """How well one address is shown to work for a transfer (the verdict combines them)."""

    BLOCKED = 0
    UNKNOWN = 1
    PROBABLE = 2
    PROVEN = 3


class Audience(StrEnum):
    """Who must act on a finding."""

    CLIENT_NETWORK = "client network team"
    """The network team of the client's side: the change request is for them."""
    SERVER_OPERATORS = "server operators"
    """The operators of the Aspera server (the data provider): a separate note with the evidence."""
    USER = "you"
    """The person running the transfer: credentials, software, options, waiting."""
    NOBODY = "nobody"
    """Expected behaviour: for information."""


class Severity(StrEnum):
    """How much a finding matters for a transfer."""

    BLOCKER = "blocker"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class Finding:
    """One statement about the transfer: what was found, who must act, what to do — and whether it is proven,
    or what would settle it."""

    severity: Severity
    title: str
    detail: str = ""
    action: str = ""
    address: str | None = None
    """The address the finding is about, if it is about one."""
    audience: Audience = Audience.USER
    proven: bool = True
    """False for what the evidence suggests but cannot show (then ``settle`` says what would)."""
    settle: str = ""


@dataclass(frozen=True)
class Assessment:
    """The verdict with its one-sentence summary, the next step, and the findings behind it."""

    verdict: Verdict
    summary: str
    next_step: str
    findings: tuple[Finding, ...] = ()
    settle: str = ""
    """For a verdict that is not proven: what would settle it."""


@dataclass(frozen=True)
class RuleRequest:
    """One row of the firewall change request: exactly one rule the perimeter team must add."""

    source_address: str | None
    source_subnet: str | None
    nat_note: str
    destination_name: str | None
    destination_address: str
    protocol: Protocol
    ports: str
    """A port or a range, e.g. ``33001`` or ``33001-33010``."""
    direction: str
    action: str
    justification: str
    expires: str
    """Suggested expiry date of the temporary rule (YYYY-MM-DD)."""
    evidence: str
    """Where and how the traffic stops, with the method and the time of the probe."""
    needed: bool = True
    """False for a rule the transfer can do without (the verdict is ready: e.g. only IPv6 is blocked and
    ascp uses IPv4 unless -6); still listed, so that both families can be made to agree."""


class ItemStatus(StrEnum):
    """State of one checklist item."""

    DONE = "done"
    """The stage ran and shows this part works (or measured it)."""
    PROBLEM = "problem"
    """The stage ran and found something to fix before the transfer (the note says what, for whom)."""
    UNKNOWN = "unconfirmed"
    """The stage ran but could not show it either way (the note says what would)."""
    NOT_RUN = "not run"
    """The stage did not run: the note says why, ``option`` what runs it."""
    TODO = "to do"
    """A step for the user after the checks (screen/tmux, monitoring, a catalogue)."""


@dataclass(frozen=True)
class ChecklistItem:
    """One line of the pre-download checklist: a stage of the preflight, or a step to take."""

    item: str
    status: ItemStatus
    note: str
    option: str = ""
    """How to run a stage that did not run, or what to set (e.g. ``--transfer --remote-file PATH``)."""

    @staticmethod
    def json_upgrade(data: dict[str, Any]) -> dict[str, Any]:
        """Schema-1/2 reports said 'unknown' where this one says 'unconfirmed'."""
        if data.get("status") == "unknown":
            data = {**data, "status": ItemStatus.UNKNOWN.value}
        return data


@dataclass(frozen=True)
class Recommendations:
    """What to run: the tuned ascp command line and the pre-download checklist."""

    ascp_command: str = ""
    checklist: tuple[ChecklistItem, ...] = ()


# --------------------------------------------------------------------------- report

UNJUDGED = Assessment(Verdict.CANNOT_TELL, "The report has not been judged.", "run the check again")
"""The placeholder verdict of a report the engine has not judged yet (never rendered by the tool)."""


@dataclass(frozen=True)
class Report:
    """Everything one ``aspdiag check`` run measured, and the verdict the engine gave it.

    ``sections`` maps each measurement's key (``dns``, ``routes``, ``ports``, ``paths``, ...) to what it
    found; ``report.<key>`` reads one (untyped, for convenience), and each measurement package offers a
    typed accessor. The verdict, the change request and the recommendations are computed once, when the
    check ends, and saved with the report: rendering a saved report shows the verdict it had.
    """

    JSON_DERIVED: ClassVar[Mapping[str, str]] = {"tool.name": "tool_name"}

    tool_version: str = field(metadata=at("tool.version"))
    target: Target
    settings: CheckSettings = field(metadata=at("run.settings"))
    environment: Environment
    started_utc: str = field(metadata=at("run.started_utc"))
    finished_utc: str = field(metadata=at("run.finished_utc"))
    sections: Mapping[str, Any] = field(default_factory=dict, metadata=SKIP)
    """Measurement key -> its section (encoded by the report codec, one JSON key per measurement)."""
    failures: tuple[ProbeFailure, ...] = ()
    interrupted: bool = field(default=False, metadata=at("run.interrupted"))
    interrupted_by: str = field(default="", metadata=at("run.interrupted_by"))
    """The signal that ended the run early: ``SIGINT`` (Ctrl-C) or ``SIGTERM``; '' when it ran to the end."""
    command: str = field(default="", metadata=at("run.command"))
    """The aspdiag command line that reproduces this run."""
    assessment: Assessment = field(default=UNJUDGED, metadata=at("verdict"))
    change_request: tuple[RuleRequest, ...] = ()
    recommendations: Recommendations = Recommendations()
    schema_version: str = SCHEMA_VERSION
    changes: Changes | None = None
    """What changed since the last check of the same target from the same vantage point (None: no history
    was kept). Added by the CLI from the history database after the verdict; not part of the verdict."""

    @property
    def tool_name(self) -> str:
        """Always ``aspdiag`` (a reader checks it before anything else)."""
        return "aspdiag"

    def __getattr__(self, name: str) -> Any:
        # ``report.ports``, ``report.dns``...: a section by its key. Only called for names that are not
        # fields; typed code uses the measurement's accessor instead.
        sections = self.__dict__.get("sections")
        if sections is not None and name in sections:
            return sections[name]
        raise AttributeError(f"{type(self).__name__!r} has no attribute or section {name!r}")

    def section(self, key: str, default: Any = None) -> Any:
        """The section of one measurement (``default`` when it did not run)."""
        return self.sections.get(key, default)

    @property
    def addresses(self) -> tuple[str, ...]:
        """The addresses that were (or would have been) probed: those the DNS section found."""
        dns = self.sections.get("dns")
        addresses = getattr(dns, "addresses", ())
        return tuple(addresses)


__all__ = [
    "SCHEMA_VERSION",
    "Address",
    "Assessment",
    "Audience",
    "CheckSettings",
    "ChecklistItem",
    "SkippedStage",
    "Environment",
    "Family",
    "Finding",
    "Grade",
    "ItemStatus",
    "PortState",
    "ProbeFailure",
    "Protocol",
    "Recommendations",
    "Report",
    "RuleRequest",
    "Severity",
    "SourceAddress",
    "Target",
    "Verdict",
    "utc_now_iso",
]
