"""Result types of the path measurement: RTT, jitter and loss over the control port, and the path MTU
toward the FASP data port with black-hole localisation."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import ClassVar

from aspdiag.core.codec import Address


@dataclass(frozen=True)
class PathResult:
    """RTT, loss and path MTU toward one address (``aspdiag check --path``). Flat: every field is a number,
    a string or None, with its unit in its name."""

    JSON_DERIVED: ClassVar[Mapping[str, str]] = {"z_advice": "z_advice"}

    address: Address
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
    measured_to_hop: int | None = None
    """The search ran up to this hop only, the last router before a server silent on UDP (its time-exceeded
    shows a size got there); the link to the server is not measured. None: up to the server itself."""
    large_datagrams_lost_bytes: int | None = None
    """Datagrams of this size (IP bytes, the protocol's minimum MTU) and larger never got an answer from the
    server, while the reachability check's small datagrams to the same port did: a filter on datagram size,
    or a link with a tiny MTU and no ICMP (FASP's datagrams are near the path MTU). None: not seen."""

    @property
    def mtu_text(self) -> str:
        """The path MTU in a few words: ``1400``, ``1500 up to hop 3``, or the status."""
        if not self.path_mtu_bytes:
            return self.mtu_status
        return f"{self.path_mtu_bytes}" + (f" up to hop {self.measured_to_hop}" if self.measured_to_hop else "")

    @property
    def z_advice(self) -> str:
        """Whether ascp needs ``-Z`` (the FASP datagram size) on this path, and the value."""
        if self.path_mtu_bytes is None or self.max_fasp_datagram_bytes is None:
            return "unknown: the path MTU was not measured"
        if self.measured_to_hop and not self.needs_z:
            # Past the last router nothing answers: a smaller last link (or a black hole there) cannot be seen.
            return (
                f"unknown for the last link: {self.path_mtu_bytes}-byte datagrams reach hop {self.measured_to_hop},"
                " the last router before the server, which is silent on UDP (a capped test transfer shows the rest)"
            )
        if self.needs_z:
            return (
                f"needed: ascp -Z {self.max_fasp_datagram_bytes} (large datagrams vanish with no ICMP, "
                "so ascp cannot detect the path MTU itself)"
            )
        if self.icmp_mtu_bytes is not None and self.path_mtu_bytes < (self.local_mtu_bytes or 1500):
            return (
                f"optional: ascp -Z {self.max_fasp_datagram_bytes} (ICMP reports MTU {self.icmp_mtu_bytes}, "
                "so ascp can detect it itself)"
            )
        if self.path_mtu_bytes < (self.local_mtu_bytes or 1500):
            return f"optional: ascp -Z {self.max_fasp_datagram_bytes} (the largest datagram that reached the target)"
        return f"not needed: {self.path_mtu_bytes}-byte datagrams reach the target"
