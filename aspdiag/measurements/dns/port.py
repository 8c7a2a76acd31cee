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
