"""DNS probe: A and AAAA concurrently, CNAME chain, which resolver answered, lookup time."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass

from aspdiag.core.measurement import ProbeContext
from aspdiag.core.model import Target, utc_now_iso
from aspdiag.measurements.dns.port import HOSTS, RESOLVER
from aspdiag.measurements.dns.result import DnsOutcome, DnsQuery, DnsResult

RECORD_TYPES = ("A", "AAAA")


@dataclass(frozen=True)
class DnsProbe:
    """Resolve the target's addresses (or note that it is a literal)."""

    target: Target
    lookup_timeout_s: float = 5.0

    @property
    def key(self) -> str:
        """Probe id."""
        return f"dns/{self.target.host}"

    @property
    def label(self) -> str:
        """Progress text."""
        return f"DNS {self.target.display}"

    @property
    def timeout_s(self) -> float:
        """A and AAAA run concurrently, so one lookup lifetime bounds the probe."""
        return self.lookup_timeout_s

    def run(self, ctx: ProbeContext) -> DnsResult:
        """Query A and AAAA in parallel."""
        started = utc_now_iso()
        if self.target.is_literal:
            rdtype = "AAAA" if ":" in self.target.host else "A"
            return DnsResult(
                name=self.target.host,
                queries=(DnsQuery(rdtype, DnsOutcome.LITERAL, addresses=(self.target.host,)),),
                started_utc=started,
                literal=True,
            )
        t0 = time.perf_counter()
        # Daemon threads, not a ThreadPoolExecutor: a lookup stuck in I/O must not keep the process alive
        # after Ctrl-C (executor workers are joined at interpreter exit).
        answers: dict[str, DnsQuery] = {}
        threads = [
            threading.Thread(target=self._query, args=(ctx, rdtype, answers), daemon=True, name=f"dns {rdtype}")
            for rdtype in RECORD_TYPES
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        queries = tuple(answers.get(t, DnsQuery(t, DnsOutcome.ERROR, detail="lookup failed")) for t in RECORD_TYPES)
        hosts = ctx.get(HOSTS)
        return DnsResult(
            name=self.target.host,
            queries=queries,
            configured_resolvers=ctx.need(RESOLVER).configured(),
            lookup_ms=round((time.perf_counter() - t0) * 1000.0, 3),
            started_utc=started,
            hosts_file=hosts.lookup(self.target.host) if hosts is not None else (),
        )

    def _query(self, ctx: ProbeContext, rdtype: str, answers: dict[str, DnsQuery]) -> None:
        answers[rdtype] = ctx.need(RESOLVER).query(self.target.host, rdtype, self.lookup_timeout_s)

    def failed(self, reason: str) -> DnsResult:
        """A lookup that did not finish."""
        return DnsResult(
            name=self.target.host,
            queries=tuple(DnsQuery(t, DnsOutcome.TIMEOUT, detail=reason) for t in RECORD_TYPES),
            started_utc=utc_now_iso(),
        )
