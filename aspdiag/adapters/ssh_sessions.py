"""The run's SSH connections (:class:`SshSessionPool`): at most one per address and port, shared by the
reachability banner read and the bandwidth stream, each ended politely; and what a port's greeting says
the service is (:func:`classify_greeting`)."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from aspdiag.adapters.ssh import SshConnection
from aspdiag.adapters.ssh_wire import BannerOutcome, ConnectFailure, SshConnectError
from aspdiag.measurements.bandwidth.params import Budget
from aspdiag.measurements.bandwidth.samples import StreamRecord, TcpInfoSample
from aspdiag.measurements.reachability.result import NOT_OPENED, Banner, BannerKind

SESSION_CLOSE_REASON = "aspdiag preflight check: reachability and bandwidth test, no login attempted"


def banner_of(conn: SshConnection, sniffed: bytes, wait_ms: float) -> Banner:
    """What the service on a port is, from the connection's greeting (and an HTTP sniff when it was silent)."""
    greeting = conn.banner
    if greeting.outcome is BannerOutcome.IDENTIFIED:
        return Banner(BannerKind.SSH, greeting.ident or "", wait_ms)
    if greeting.outcome is BannerOutcome.REFUSED:
        return Banner(BannerKind.REFUSED, greeting.text.strip()[:120], wait_ms)
    if greeting.outcome in (BannerOutcome.CLOSED, BannerOutcome.RESET):
        return Banner(BannerKind.CLOSED, greeting.outcome.value, wait_ms)
    return classify_greeting(sniffed or greeting.text.encode("utf-8", "replace"), wait_ms)


def classify_greeting(data: bytes, wait_ms: float) -> Banner:
    """What a service's first bytes say it is: SSH, HTTP (a status line), TLS (an alert record), silent, other."""
    text = data.split(b"\n", 1)[0].decode("ascii", "replace").strip()[:120]
    if data.startswith(b"SSH-"):
        return Banner(BannerKind.SSH, text, wait_ms)
    if data.startswith(b"HTTP/"):
        return Banner(BannerKind.HTTP, text, wait_ms)
    if data[:1] in (b"\x15", b"\x16") and data[1:2] == b"\x03":
        return Banner(BannerKind.TLS, "TLS record", wait_ms)
    if not data:
        return Banner(BannerKind.SILENT, "", wait_ms)
    return Banner(BannerKind.OTHER, "".join(c if c.isprintable() else "." for c in text), wait_ms)


@dataclass
class _Entry:
    lock: threading.Lock = field(default_factory=threading.Lock)
    connection: SshConnection | None = None
    error: SshConnectError | None = None
    banner: Banner | None = None


class SshSessionPool:
    """The run's SSH connections: at most one per address and port, opened on first use (by the reachability
    banner read or the bandwidth stream, whichever comes first), shared by everything that needs the control
    port, and closed politely at the end of the run (SSH_MSG_DISCONNECT naming aspdiag). OpenSSH >= 9.8 counts
    every unauthenticated connection against the client's address (PerSourcePenalties): one per port and
    address per run keeps ten runs in a row far from its threshold."""

    def __init__(self, close_reason: str = SESSION_CLOSE_REASON, max_connections: int | None = None) -> None:
        self._lock = threading.Lock()
        self._entries: dict[tuple[str, int], _Entry] = {}
        self.close_reason = close_reason
        self.max_connections = max_connections
        """At most this many connections in the whole run (None: one per address and port). The exporter
        gives 1: a scrape opens one SSH connection at most, whatever the ports and addresses."""
        self._opened: list[tuple[str, int]] = []

    def _entry(self, address: str, port: int) -> _Entry:
        with self._lock:
            return self._entries.setdefault((address, port), _Entry())

    def session(self, address: str, port: int, wait_s: float) -> SshConnection | SshConnectError:
        """The one connection to ``address``/``port`` (opened now if this is the first use); the connect error
        when the one attempt failed — never a second attempt."""
        entry = self._entry(address, port)
        with entry.lock:
            if entry.connection is None and entry.error is None and not self._may_open(address, port):
                first = self._opened[0]
                entry.error = SshConnectError(
                    ConnectFailure.OTHER,
                    f"{NOT_OPENED}: this run's one SSH connection went to {first[0]} port {first[1]}",
                )
            if entry.connection is None and entry.error is None:
                try:
                    entry.connection = SshConnection.open(
                        address, port, connect_timeout_s=wait_s, banner_timeout_s=max(0.1, 0.75 * wait_s)
                    )
                except SshConnectError as exc:
                    entry.error = exc
            if entry.connection is not None:
                return entry.connection
            assert entry.error is not None
            return entry.error

    def _may_open(self, address: str, port: int) -> bool:
        with self._lock:
            if self.max_connections is not None and len(self._opened) >= self.max_connections:
                return False
            self._opened.append((address, port))
            return True

    def greet(self, address: str, port: int, wait_s: float) -> Banner:
        """What the service on an open TCP port says first (see ``banner_of``), from the run's one connection."""
        started = time.monotonic()
        found = self.session(address, port, wait_s)
        entry = self._entry(address, port)
        with entry.lock:
            if entry.banner is not None:
                return entry.banner
            wait_ms = (time.monotonic() - started) * 1000.0
            if isinstance(found, SshConnectError):
                said = found.detail if found.detail.startswith(NOT_OPENED) else f"could not connect: {found.detail}"
                entry.banner = Banner(BannerKind.NO_CONNECTION, said, wait_ms)
            else:
                sniffed = b""
                if found.banner.outcome is BannerOutcome.TIMEOUT:
                    sniffed = found.sniff_http(max(0.05, wait_s - (time.monotonic() - started)))
                entry.banner = banner_of(found, sniffed, found.banner.seconds * 1000.0)
            return entry.banner

    def stream(
        self,
        address: str,
        port: int,
        wait_s: float,
        budget: Budget,
        stop_when: Callable[[Sequence[TcpInfoSample]], bool],
    ) -> StreamRecord:
        """The bandwidth stream through the run's one connection to ``address``/``port`` (opened now if the
        banner read did not already), then the polite DISCONNECT at once: the server should not hold an idle
        pre-authentication connection for the rest of the run."""
        found = self.session(address, port, wait_s)
        entry = self._entry(address, port)
        with entry.lock:
            if isinstance(found, SshConnectError):
                return StreamRecord(error=f"could not connect to port {port}: {found.detail}")
            greeting = found.banner
            if not (greeting.ok and found.ident_sent):
                said = banner_of(found, b"", greeting.seconds * 1000.0)
                if said.kind is BannerKind.REFUSED:
                    why = f"the server refused this client right now ({said.text!r}): wait a minute and retry"
                else:
                    shown = f"{said.kind.value}: {said.text}" if said.text else said.kind.value
                    why = f"port {port} did not identify as SSH-2 ({shown})"
                return StreamRecord(error=why, server_software=greeting.software)
            if found.streamed:
                return StreamRecord(error="this run already streamed through this connection")
            try:
                samples = found.stream_ignore(budget.max_bytes, budget.max_seconds, stop_when=stop_when)
            except (OSError, ValueError) as exc:
                found.close(self.close_reason, timeout_s=2.0)
                return StreamRecord(error=f"the stream failed: {exc}", server_software=greeting.software)
            record = StreamRecord(
                samples=tuple(samples),
                bytes_written=found.bytes_written,
                stop=found.stream_stop,
                congestion_control=found.congestion_control,
                server_software=greeting.software,
            )
            found.close(self.close_reason, timeout_s=2.0)
            return record

    def close_all(self) -> None:
        """Close every connection of the run politely (idempotent)."""
        with self._lock:
            entries = list(self._entries.values())
        for entry in entries:
            with entry.lock:
                if entry.connection is not None:
                    entry.connection.close(self.close_reason, timeout_s=2.0)
