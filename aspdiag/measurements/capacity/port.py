"""The I/O the capacity measurement needs: paced packet trains with kernel receive timestamps."""

from __future__ import annotations

from typing import Protocol

from aspdiag.core.measurement import AdapterKey
from aspdiag.measurements.capacity.trains import TrainMonitor, TrainPacket


class CapacityProber(Protocol):
    """Paced packet trains whose answers carry kernel receive timestamps (TrainProber)."""

    def train(
        self, method: str, address: str, port: int, ip_bytes: int, monitor: TrainMonitor, max_time_s: float
    ) -> list[TrainPacket]:
        """Send ``ip_bytes`` packets by ``method`` (``tcp-reset`` / ``udp-icmp``) at ``monitor.pace_mbps``
        until the monitor says stop; every packet with its answer time, in sending order."""
        ...


CAPACITY: AdapterKey[CapacityProber] = AdapterKey("capacity")
