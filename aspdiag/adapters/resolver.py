"""DnspythonResolver: A/AAAA lookups with dnspython, library exceptions mapped to DnsOutcome values."""

from __future__ import annotations

import time

import dns.exception
import dns.name
import dns.nameserver
import dns.rdatatype
import dns.resolver

from aspdiag.core.config import split_nameserver
from aspdiag.measurements.dns.result import DnsOutcome, DnsQuery


def _server_label(address: str | None, port: int | None) -> str | None:
    if address is None:
        return None
    return address if port in (None, 53) else f"{address}@{port}"


class DnspythonResolver:
    """The production Resolver.

    Uses the system configuration (/etc/resolv.conf, which ``ip netns exec`` replaces with
    /etc/netns/<ns>/resolv.conf) unless explicit servers are given.
    """

    def __init__(self, servers: tuple[str, ...] = ()) -> None:
        self._error = ""
        try:
            self._resolver = dns.resolver.Resolver(configure=not servers)
        except dns.resolver.NoResolverConfiguration as exc:
            self._resolver = dns.resolver.Resolver(configure=False)
            self._error = f"no DNS resolver is configured ({exc})"
        if servers:
            nameservers: list[str | dns.nameserver.Nameserver] = []
            for server in servers:
                address, port = split_nameserver(server)
                nameservers.append(dns.nameserver.Do53Nameserver(address, port or 53))
            self._resolver.nameservers = nameservers
        if not self._resolver.nameservers and not self._error:
            self._error = "no DNS resolver is configured (empty nameserver list)"

    def configured(self) -> tuple[str, ...]:
        """The resolvers that will be asked."""
        labels = []
        for server in self._resolver.nameservers:
            if isinstance(server, dns.nameserver.Nameserver):
                labels.append(_server_label(server.answer_nameserver(), server.answer_port()) or "")
            else:
                labels.append(str(server))
        return tuple(labels)

    def query(self, name: str, rdtype: str, timeout_s: float) -> DnsQuery:
        """Resolve one record type and translate every dnspython failure into an outcome."""
        started = time.perf_counter()

        def elapsed() -> float:
            return round((time.perf_counter() - started) * 1000.0, 3)

        if self._error:
            return DnsQuery(rdtype, DnsOutcome.ERROR, detail=self._error)
        try:
            answer = self._resolver.resolve(name, dns.rdatatype.from_text(rdtype), lifetime=timeout_s, search=False)
        except dns.resolver.NXDOMAIN:
            return DnsQuery(
                rdtype,
                DnsOutcome.NXDOMAIN,
                lookup_ms=elapsed(),
                detail=f"{name} does not exist (NXDOMAIN)",
            )
        except dns.resolver.NoAnswer:
            return DnsQuery(
                rdtype,
                DnsOutcome.NO_ANSWER,
                lookup_ms=elapsed(),
                detail=f"{name} exists but has no {rdtype} record",
            )
        except dns.resolver.LifetimeTimeout:
            return DnsQuery(
                rdtype,
                DnsOutcome.TIMEOUT,
                lookup_ms=elapsed(),
                detail=f"no DNS server answered within {timeout_s:g} s (asked {', '.join(self.configured())})",
            )
        except dns.resolver.NoNameservers as exc:
            text = str(exc)
            outcome = DnsOutcome.SERVFAIL if ("SERVFAIL" in text or "REFUSED" in text) else DnsOutcome.ERROR
            return DnsQuery(rdtype, outcome, lookup_ms=elapsed(), detail=text)
        except dns.exception.DNSException as exc:
            return DnsQuery(rdtype, DnsOutcome.ERROR, lookup_ms=elapsed(), detail=str(exc))
        chain: tuple[str, ...] = ()
        cnames = answer.chaining_result.cnames
        if cnames:
            chain = tuple(rrset.name.to_text(omit_final_dot=True) for rrset in cnames) + (
                answer.canonical_name.to_text(omit_final_dot=True),
            )
        addresses = tuple(rdata.to_text() for rdata in answer.rrset or ())
        return DnsQuery(
            rdtype,
            DnsOutcome.RESOLVED,
            addresses=addresses,
            cname_chain=chain,
            nameserver=_server_label(answer.nameserver, answer.port),
            lookup_ms=elapsed(),
        )
