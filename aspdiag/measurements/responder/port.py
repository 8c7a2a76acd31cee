"""The I/O the responder measurement needs: the client of ``aspdiag responder``."""

from __future__ import annotations

from typing import Protocol

from aspdiag.core.measurement import AdapterKey
from aspdiag.measurements.responder.result import ResponderResult


class ResponderClient(Protocol):
    """Talks to an ``aspdiag responder``: two-way checks and capped UDP throughput both ways."""

    def probe(self, address: str, port: int, key: bytes, max_rate_mbps: float, duration_s: float) -> ResponderResult:
        """Everything ``check --responder`` measures against one address."""
        ...


RESPONDER: AdapterKey[ResponderClient] = AdapterKey("responder")
