"""The I/O the bandwidth measurement needs: one bounded SSH_MSG_IGNORE stream through the run's SSH connection."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from aspdiag.core.measurement import AdapterKey
from aspdiag.measurements.bandwidth.params import Budget
from aspdiag.measurements.bandwidth.samples import StreamRecord, TcpInfoSample

StopRule = Callable[[Sequence[TcpInfoSample]], bool]


class SshStreamer(Protocol):
    """Streams SSH_MSG_IGNORE packets through the run's one connection to an SSH port (``SshSessionPool``):
    the same connection the reachability banner read opened, never a second one; ended politely afterwards."""

    def stream(self, address: str, port: int, wait_s: float, budget: Budget, stop_when: StopRule) -> StreamRecord:
        """Stream within ``budget`` (or until ``stop_when(samples)``), sampling TCP_INFO; the record says why
        no stream ran when the port does not speak SSH or the server refused this client."""
        ...


STREAMER: AdapterKey[SshStreamer] = AdapterKey("ssh-sessions")
"""The same adapter as reachability's greeter: the run's SSH session pool."""
