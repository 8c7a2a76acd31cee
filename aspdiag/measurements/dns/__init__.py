"""DNS: the A and AAAA lookups of the target name (skipped for an IP literal). The addresses it finds are
what every later measurement probes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, cast

from aspdiag.core.config import CheckConfig
from aspdiag.core.facts import Facts
from aspdiag.core.measurement import FactList, Line, MeasurementBase, Probe, Section
from aspdiag.core.model import Assessment, Audience, Finding, Report, Severity, Verdict
from aspdiag.measurements.dns.probe import DnsProbe
from aspdiag.measurements.dns.result import DnsOutcome, DnsQuery, DnsResult

KEY = "dns"

OUTCOME_WORDS = {
    DnsOutcome.NXDOMAIN: "no such name (NXDOMAIN)",
    DnsOutcome.NO_ANSWER: "the name has no address record",
    DnsOutcome.SERVFAIL: "the DNS server failed (SERVFAIL/REFUSED)",
    DnsOutcome.TIMEOUT: "no DNS server answered in time",
    DnsOutcome.ERROR: "no lookup could be made",
}

ACTIONS = {
    DnsOutcome.NXDOMAIN: (
        "check the spelling of the host name with the data provider; on a VPN-only or internal name, connect the VPN"
        " or try --dns-server with your site's resolver"
    ),
    DnsOutcome.NO_ANSWER: "the name has no address records; ask the data provider for the right host name",
    DnsOutcome.SERVFAIL: "the DNS server failed; ask your IT helpdesk, or try --dns-server with another resolver",
    DnsOutcome.TIMEOUT: "no DNS server answered; check the network connection or try --dns-server",
    DnsOutcome.ERROR: "check /etc/resolv.conf or give a resolver with --dns-server",
}


def dns_of(report: Report) -> DnsResult | None:
    """The DNS section of a report (None: the check stopped before it)."""
    return cast(DnsResult | None, report.section(KEY))


def dns_lines(dns: DnsResult | None) -> list[tuple[str, str]]:
    """Label/value rows describing the DNS lookup."""
    if dns is None:
        return [("DNS", "not finished")]
    if dns.literal:
        return [("DNS", "skipped: the target is an IP address")]
    rows = [("DNS outcome", dns.outcome.value)]
    rows.append(
        ("IPv4 (A)", ", ".join(dns.ipv4) or next((q.outcome.value for q in dns.queries if q.rdtype == "A"), "-"))
    )
    rows.append(
        ("IPv6 (AAAA)", ", ".join(dns.ipv6) or next((q.outcome.value for q in dns.queries if q.rdtype == "AAAA"), "-"))
    )
    if dns.cname_chain:
        rows.append(("CNAME chain", " → ".join(dns.cname_chain)))
    rows.append(("Answered by", dns.nameserver or "no resolver answered"))
    if dns.configured_resolvers:
        rows.append(("Resolvers", ", ".join(dns.configured_resolvers)))
    rows.append(("Lookup time", f"{dns.lookup_ms:.1f} ms"))
    if dns.detail:
        rows.append(("Detail", dns.detail))
    return rows


def _hosts_findings(report: Report, dns: DnsResult) -> tuple[Finding, ...]:
    name = report.target.display
    if not dns.hosts_file:
        return ()
    if not dns.dns_addresses:
        return (
            Finding(
                Severity.WARNING,
                f"{name} resolves only through this machine's hosts file",
                f"DNS: {OUTCOME_WORDS.get(dns.dns_outcome, dns.dns_outcome.value)}; /etc/hosts gives"
                f" {', '.join(dns.hosts_file)}. ascp on this machine finds the server; another machine (a batch node,"
                " a colleague's laptop) will not",
                "keep the hosts entry on every machine that runs the transfer, or ask the data provider for the"
                " name DNS knows",
                audience=Audience.USER,
            ),
        )
    if set(dns.hosts_file) != set(dns.dns_addresses):
        return (
            Finding(
                Severity.INFO,
                f"This machine's hosts file overrides DNS for {name}",
                f"/etc/hosts gives {', '.join(dns.hosts_file)}; DNS gives {', '.join(dns.dns_addresses)}. ascp uses"
                " the hosts file's addresses (and so did this check)",
                "remove the hosts entry if it is stale",
                audience=Audience.USER,
            ),
        )
    return ()


def _query_findings(report: Report, dns: DnsResult) -> tuple[Finding, ...]:
    if dns.hosts_file and not dns.dns_addresses:
        return ()
    return tuple(
        Finding(
            Severity.WARNING,
            f"DNS {q.rdtype} lookup of {report.target.display} failed: {q.outcome.value}",
            q.detail,
            "other machines may resolve the name differently; check the resolver",
        )
        for q in dns.queries
        if q.outcome in (DnsOutcome.SERVFAIL, DnsOutcome.TIMEOUT, DnsOutcome.ERROR)
    )


@dataclass(frozen=True)
class DnsMeasurement(MeasurementBase):
    """The DNS stage."""

    key: str = KEY
    json_key: str = "dns"
    stage: str = "Resolving"
    section_type: Any = DnsResult | None
    empty: Any = None

    def wanted(self, config: CheckConfig) -> bool:
        """Always (a literal is noted without a lookup)."""
        return True

    def probes(self, config: CheckConfig, facts: Facts) -> Sequence[Probe[Any]]:
        """One probe: A and AAAA together."""
        return [DnsProbe(config.target, config.dns_timeout_s)]

    def collect(self, results: Sequence[Any]) -> DnsResult | None:
        """The one lookup's result (None when it never finished)."""
        return cast(DnsResult | None, results[0] if results else None)

    def learn(self, facts: Facts, section: Any) -> Facts:
        """The addresses every later measurement probes."""
        return replace(facts, addresses=section.addresses) if isinstance(section, DnsResult) else facts

    def progress(self, result: object) -> str | None:
        """``resolved: 198.18.3.2, 2001:db8:3::2``."""
        if not isinstance(result, DnsResult):
            return None
        if result.literal:
            return "IP literal, DNS skipped"
        return f"{result.outcome.value}: {', '.join(result.addresses) or result.detail}"

    def findings(self, report: Report) -> Sequence[Finding]:
        """A name only the hosts file knows, a hosts entry that differs from DNS, a record type that failed
        while the other resolved: worth knowing, not blocking."""
        dns = dns_of(report)
        if dns is None or dns.literal or not dns.addresses:
            return ()
        return (*_hosts_findings(report, dns), *_query_findings(report, dns))

    def decide(self, report: Report) -> Assessment | None:
        """No lookup, or no address: nothing else can be judged."""
        dns = dns_of(report)
        if dns is None:
            return Assessment(
                Verdict.CANNOT_TELL,
                "The check was stopped before the host was resolved.",
                "run the check again and let it finish",
            )
        if dns.addresses:
            return None
        outcome = dns.outcome
        asked = dns.nameserver or ", ".join(dns.configured_resolvers) or "no resolver configured"
        finding = Finding(
            Severity.BLOCKER,
            f"{report.target.display} did not resolve: {OUTCOME_WORDS.get(outcome, outcome.value)}",
            f"{dns.detail or outcome.value} (asked: {asked}; A and AAAA; the hosts file has no entry either)",
            ACTIONS.get(outcome, "check the host name"),
            audience=Audience.USER,
        )
        return Assessment(
            Verdict.NOT_RESOLVED,
            f"{report.target.display} gives no address ({OUTCOME_WORDS.get(outcome, outcome.value)}; asked {asked}):"
            " nothing could be probed, and nothing is known about the firewall.",
            ACTIONS.get(outcome, "check the host name"),
            (finding,),
            "a lookup that returns an address (then run the check again)",
        )

    def section(self, report: Report) -> Section | None:
        """The lookup in a fact list; one line on a terminal."""
        dns = dns_of(report)
        terminal: tuple[Line, ...] = ()
        if dns is not None and not dns.literal:
            line = f"DNS {dns.outcome.value}"
            if dns.cname_chain:
                line += f"; CNAME {' → '.join(dns.cname_chain)}"
            line += f"; answered by {dns.nameserver or 'nobody'} in {dns.lookup_ms:.1f} ms"
            if dns.detail:
                line += f"; {dns.detail}"
            terminal = (Line(line),)
        rows = (("Target", report.target.raw), *dns_lines(dns))
        return Section(KEY, "Target and DNS", (FactList(rows, "dns-table"),), terminal)

    def internal_addresses(self, section: Any) -> Sequence[str]:
        """The resolvers (ours, not the server's)."""
        if not isinstance(section, DnsResult):
            return ()
        found = [ns.split("@")[0] for ns in section.configured_resolvers]
        found += [q.nameserver.split("@")[0] for q in section.queries if q.nameserver]
        return found


MEASUREMENT = DnsMeasurement()

__all__ = ["KEY", "MEASUREMENT", "DnsOutcome", "DnsQuery", "DnsResult", "dns_lines", "dns_of"]
