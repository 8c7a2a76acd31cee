"""The I/O the DNS measurement needs: a resolver (dnspython in production)."""

from __future__ import annotations

from typing import Protocol

from aspdiag.core.measurement import AdapterKey
from aspdiag.measurements.dns.result import DnsQuery


class Resolver(Protocol):
    """DNS lookups."""

    def configured(self) -> tuple[str, ...]:
        """The resolvers that will be asked, as ``address`` or ``address@port``."""
        ...

    def query(self, name: str, rdtype: str, timeout_s: float) -> DnsQuery:
        """Look up one record type; never raises for DNS failures, returns them as an outcome."""
        ...


RESOLVER: AdapterKey[Resolver] = AdapterKey("resolver")


class HostsFile(Protocol):
    """This machine's hosts database (``/etc/hosts``): what getaddrinfo answers before asking DNS."""

    def lookup(self, name: str) -> tuple[str, ...]:
        """The addresses the hosts file gives ``name`` (case-insensitive), in file order; empty if none."""
        ...


HOSTS: AdapterKey[HostsFile] = AdapterKey("hosts-file")
