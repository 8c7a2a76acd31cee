"""Result types of the DNS measurement: the A and AAAA lookups of the target name."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Any, ClassVar

from aspdiag.core.codec import at


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
    HOSTS_FILE = "hosts_file"
    """DNS gave no address, but this machine's hosts file has the name (ascp, through getaddrinfo, finds it
    here; another machine may not)."""


@dataclass(frozen=True)
class DnsQuery:
    """One query (A or AAAA) and what came back."""

    rdtype: str
    outcome: DnsOutcome
    addresses: tuple[str, ...] = ()
    cname_chain: tuple[str, ...] = ()
    """Names followed from the query name to the canonical name, in order (empty: no CNAME)."""
    nameserver: str | None = field(default=None, metadata=at("answered_by"))
    """The resolver that answered (address, with ``@port`` when not 53)."""
    lookup_ms: float = 0.0
    detail: str = ""


@dataclass(frozen=True)
class DnsResult:
    """Resolution of the target name (or the note that it is a literal)."""

    JSON_DERIVED: ClassVar[Mapping[str, str]] = {
        "outcome": "outcome",
        "addresses": "addresses",
        "ipv4": "ipv4",
        "ipv6": "ipv6",
        "cname_chain": "cname_chain",
        "answered_by": "nameserver",
        "detail": "detail",
    }

    name: str
    queries: tuple[DnsQuery, ...]
    configured_resolvers: tuple[str, ...] = ()
    lookup_ms: float = 0.0
    """Wall time of the whole lookup (A and AAAA run concurrently)."""
    started_utc: str = ""
    literal: bool = False
    hosts_file: tuple[str, ...] = ()
    """Addresses this machine's hosts file gives the name. getaddrinfo (and so ascp) reads the hosts file
    before DNS on a default Linux (nsswitch ``files dns``), so these are the addresses a transfer uses."""

    @property
    def addresses(self) -> tuple[str, ...]:
        """The addresses a transfer from this machine uses, IPv4 first, without duplicates: the hosts file's
        when it has the name, else every address DNS gave, in answer order."""
        if self.hosts_file:
            return tuple(dict.fromkeys(sorted(self.hosts_file, key=lambda a: ":" in a)))
        return self.dns_addresses

    @property
    def dns_addresses(self) -> tuple[str, ...]:
        """What DNS alone gave, IPv4 first, without duplicates, in answer order."""
        seen: dict[str, None] = {}
        for query in sorted(self.queries, key=lambda q: q.rdtype != "A"):
            for address in query.addresses:
                seen.setdefault(address, None)
        return tuple(seen)

    @property
    def ipv4(self) -> tuple[str, ...]:
        """The IPv4 addresses used, in answer order."""
        return tuple(a for a in self.addresses if ":" not in a)

    @property
    def ipv6(self) -> tuple[str, ...]:
        """The IPv6 addresses used, in answer order."""
        return tuple(a for a in self.addresses if ":" in a)

    @staticmethod
    def json_upgrade(data: dict[str, Any]) -> dict[str, Any]:
        """Reports of schema 1 mark an IP literal only by its outcome."""
        data.setdefault("literal", data.get("outcome") == "literal")
        return data

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
        if self.hosts_file and DnsOutcome.RESOLVED not in outcomes:
            return DnsOutcome.HOSTS_FILE
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
        outcome = self.outcome
        if outcome in (DnsOutcome.RESOLVED, DnsOutcome.LITERAL):
            return ""
        if outcome is DnsOutcome.HOSTS_FILE:
            failed = self.dns_outcome
            return f"DNS: {failed.value}; the address comes from this machine's hosts file"
        details = [q.detail for q in self.queries if q.detail and q.outcome is outcome]
        return details[0] if details else ""

    @property
    def dns_outcome(self) -> DnsOutcome:
        """The outcome of the DNS queries alone (the hosts file left aside)."""
        return replace(self, hosts_file=()).outcome
