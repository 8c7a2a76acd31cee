"""The I/O the path measurement needs: an RTT series and sized Don't-Fragment datagrams."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from aspdiag.core.measurement import AdapterKey
from aspdiag.measurements.path.logic import DatagramAnswer


class PathProber(Protocol):
    """RTT series and sized datagrams for path characterisation (SocketPathProber)."""

    def tcp_rtt(self, address: str, port: int, wait_s: float) -> float | None:
        """Milliseconds for one TCP handshake; None when nothing answered within ``wait_s``."""
        ...

    def datagrams(
        self, address: str, port: int, size_bytes: int, ttls: Sequence[int], wait_s: float
    ) -> tuple[DatagramAnswer, ...]:
        """One datagram of ``size_bytes`` per TTL; what came back for each, in ``ttls`` order."""
        ...


PATH: AdapterKey[PathProber] = AdapterKey("path")
