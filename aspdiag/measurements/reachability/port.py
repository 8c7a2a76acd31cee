"""The I/O the reachability measurement needs: probes on one 5-tuple, full-TTL or TTL-limited."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol as Interface

from aspdiag.core.measurement import AdapterKey
from aspdiag.core.model import Protocol
from aspdiag.measurements.reachability.result import Banner, ProbeAnswer


class PacketProber(Interface):
    """Sends reachability probes. Two implementations give the same answers: SocketProber (unprivileged)
    and ScapyProber (raw packets, root or CAP_NET_RAW)."""

    @property
    def method(self) -> str:
        """``socket`` or ``raw``; recorded in every result."""
        ...

    def sequential(self, protocol: Protocol) -> bool:
        """Whether TTL-limited probes of this protocol must go one at a time."""
        ...

    def probe(
        self,
        address: str,
        protocol: Protocol,
        port: int,
        ttls: Sequence[int],
        wait_s: float,
        source_port: int = 0,
    ) -> tuple[tuple[ProbeAnswer, ...], int]:
        """One probe per TTL from one source port (0: pick one); answers in ``ttls`` order, and the port."""
        ...


PROBER: AdapterKey[PacketProber] = AdapterKey("prober")


class SshGreeter(Interface):
    """The run's one connection to an open TCP port: what the service says first. OpenSSH >= 9.8 penalises
    every connection that never authenticates, so a run opens at most one per port and address, shared with
    everything else that needs the control port, and ends it politely (``SshSessionPool``)."""

    def greet(self, address: str, port: int, wait_s: float) -> Banner:
        """Connect (once per run), read the greeting, classify the service."""
        ...


GREETER: AdapterKey[SshGreeter] = AdapterKey("ssh-sessions")
