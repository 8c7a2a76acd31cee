"""Result type of the tests against an ``aspdiag responder`` beside the server."""

from __future__ import annotations

from dataclasses import dataclass, fields

from aspdiag.core.codec import Address
from aspdiag.core.model import Family


@dataclass(frozen=True)
class ResponderResult:
    """Two-way answers and capped UDP throughput against an ``aspdiag responder`` (``check --responder``).
    Flat; the up direction is client to responder, down is responder to client."""

    address: Address
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
    seen_source_address: str | None = None
    """The client's address as the responder saw it (the far end of any NAT)."""
    local_source_address: str | None = None
    """The client's own source address for the test (this side of any NAT)."""

    @property
    def behind_nat(self) -> bool:
        """The responder saw another source address than this machine used: NAT on the way."""
        return bool(self.seen_source_address and self.local_source_address) and (
            self.seen_source_address != self.local_source_address
        )

    @classmethod
    def unmeasured(
        cls, address: str, port: int, status: str, rate_cap_mbps: float, detail: str = "", duration_s: float = 0.0
    ) -> ResponderResult:
        """A result in which nothing was measured yet: every measurement is None."""
        given = {"address", "family", "port", "status", "rate_cap_mbps", "detail", "duration_s"}
        given |= {"seen_source_address", "local_source_address"}
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
