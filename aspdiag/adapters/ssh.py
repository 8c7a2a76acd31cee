"""Socket I/O for aspdiag's credential-free measurements through a server's SSH port.

One :class:`SshConnection` is one TCP connection to one address and port, opened once with a timeout. It
measures the TCP handshake, reads the server's identification line (or records what the server did instead:
OpenSSH >= 9.8 answers a penalised source (PerSourcePenalties) or a MaxStartups drop with a line such as
``Not allowed at this time`` and then closes or resets), and sends aspdiag's own identification. It can then
stream SSH_MSG_IGNORE binary packets for a bounded budget while sampling the kernel's TCP_INFO — the raw
material of :mod:`aspdiag.measurements.bandwidth.estimate` — and ends with SSH_MSG_DISCONNECT (reason 11,
"by application", with a text naming aspdiag) after reading what the server sent, so sshd logs
``Received disconnect from ...: 11: aspdiag ... [preauth]`` instead of a reset.

It never sends KEXINIT, so no key exchange starts and OpenSSH's strict-KEX mode (which would make any
IGNORE before NEWKEYS fatal) never turns on; it never authenticates. Everything before key exchange is the
unencrypted binary packet protocol of RFC 4253 section 6 with block size 8.

The flow is plain kernel TCP with the system's congestion control: no pacing limit (SO_MAX_PACING_RATE
would make the kernel's delivery-rate samples meaningless), no TCP_NODELAY, no fixed SO_SNDBUF (which would
switch off send-buffer autotuning). Only TCP_NOTSENT_LOWAT is set, so that at most a few milliseconds of
data wait unsent in the socket when the budget ends; it does not change what TCP puts on the wire while
the socket has data.

This module also holds the parser of Linux's ``struct tcp_info`` (:func:`parse_tcp_info`).
"""

from __future__ import annotations

import errno
import os
import select
import socket
import time
from collections.abc import Callable, Sequence
from types import TracebackType

from aspdiag.adapters.ssh_wire import (
    CLIENT_IDENT,
    DEFAULT_CLOSE_REASON,
    DEFAULT_SAMPLE_INTERVAL_S,
    DEFAULT_STOP_CHECK_INTERVAL_S,
    DRAIN_DONE_BYTES,
    IGNORE_BLOCK_PACKETS,
    IGNORE_DATA_BYTES,
    LOWAT_MAX_BYTES,
    LOWAT_MIN_BYTES,
    LOWAT_SECONDS,
    MAX_LINE_BYTES,
    MAX_PRE_IDENT_LINES,
    REFUSAL_PHRASES,
    RX_KEEP_BYTES,
    SEND_CHUNK_BYTES,
    BannerOutcome,
    CloseOutcome,
    ConnectFailure,
    ServerBanner,
    ServerMessage,
    SshConnectError,
    check_client_ident,
    disconnect_packet,
    ignore_packet,
    parse_server_packets,
)
from aspdiag.adapters.tcp_info import _BBR_INFO, TCP_CC_INFO, TcpInfo, bbr_pacing_gain, parse_tcp_info, to_sample
from aspdiag.measurements.bandwidth.samples import StreamStop, TcpInfoSample


def _lowat_for(recent: Sequence[TcpInfoSample]) -> int:
    """TCP_NOTSENT_LOWAT for the rate of the last samples: about LOWAT_SECONDS of data may wait unsent.

    Enough that the kernel never finds the socket empty when an ACK opens the window (a stretch ACK can
    release 64 KB at once; an empty socket then marks the following rate samples application-limited) or
    when this process wakes late; little enough that the end of the budget is the end of the test. The rate
    is the lower of the last delivery-rate sample and what was delivered over the last samples, so a
    shaper's initial burst (delivery-rate samples at line rate) does not leave a large tail behind."""
    last = recent[-1]
    rate = float(last.delivery_rate_bytes_per_s)
    span = last.t_s - recent[0].t_s
    if span > 0:
        rate = min(rate, (last.bytes_acked - recent[0].bytes_acked) / span)
    return min(LOWAT_MAX_BYTES, max(LOWAT_MIN_BYTES, int(rate * LOWAT_SECONDS)))


def _printable(data: bytes, limit: int = 512) -> str:
    text = data.decode("utf-8", "replace")
    return "".join(ch if ch.isprintable() or ch in "\r\n\t" else "?" for ch in text)[:limit]


class SshConnection:
    """One TCP connection to an SSH port, used without ever authenticating (see the module docstring).

    Use :meth:`open`, then (when ``banner.ok``) :meth:`stream_ignore` at most once, then :meth:`close`
    (also called on leaving a ``with`` block)."""

    def __init__(self, sock: socket.socket, address: str, port: int, handshake_ms: float, client_ident: str) -> None:
        self._sock = sock
        self.address = address
        self.port = port
        self.family = sock.family
        self.handshake_ms = handshake_ms
        self.client_ident = client_ident
        local = sock.getsockname()
        self.local_address: str = local[0]
        self.local_port: int = local[1]
        self.banner = ServerBanner(BannerOutcome.TIMEOUT, 0.0)
        self.ident_sent = False
        self.congestion_control: str | None = None
        self.bytes_written = 0
        self.stream_stop: StreamStop | None = None
        self.stream_error: str | None = None
        self._rx = bytearray()
        self._rx_total = 0
        self._peer_eof = False
        self._peer_reset = False
        self._streamed = False
        self._closed: CloseOutcome | None = None

    # ------------------------------------------------------------------------------------------ opening

    @classmethod
    def open(
        cls,
        address: str,
        port: int,
        *,
        connect_timeout_s: float = 5.0,
        banner_timeout_s: float = 10.0,
        client_ident: str = CLIENT_IDENT,
    ) -> SshConnection:
        """Connect once to a numeric ``address`` (no name resolution, no second attempt), read the server's
        identification and, if it is SSH-2, send ours. Raises :class:`SshConnectError` when the TCP
        handshake fails; anything after the handshake is reported in ``banner``."""
        check_client_ident(client_ident)
        try:
            infos = socket.getaddrinfo(
                address, port, 0, socket.SOCK_STREAM, 0, socket.AI_NUMERICHOST | socket.AI_NUMERICSERV
            )
        except socket.gaierror as exc:
            raise ValueError(f"not a numeric IP address: {address!r}") from exc
        family, kind, proto, _canon, sockaddr = infos[0]
        sock = socket.socket(family, kind, proto)
        try:
            sock.settimeout(connect_timeout_s)
            started = time.monotonic()
            reset_at_once = False
            try:
                sock.connect(sockaddr)
            except ConnectionResetError:
                # The handshake completed and the server reset the connection before connect() returned (a
                # busy client machine, a server that refuses at once): a reset after the handshake, not a
                # failed handshake.
                reset_at_once = True
            except TimeoutError as exc:
                raise SshConnectError(ConnectFailure.TIMEOUT, f"no answer within {connect_timeout_s:g} s") from exc
            except ConnectionRefusedError as exc:
                raise SshConnectError(ConnectFailure.REFUSED, "connection refused", exc.errno) from exc
            except OSError as exc:
                failure = (
                    ConnectFailure.UNREACHABLE
                    if exc.errno in (errno.EHOSTUNREACH, errno.ENETUNREACH, errno.EACCES, errno.EPERM)
                    else ConnectFailure.OTHER
                )
                raise SshConnectError(failure, exc.strerror or str(exc), exc.errno) from exc
            handshake_ms = (time.monotonic() - started) * 1000.0
        except BaseException:
            sock.close()
            raise
        conn = cls(sock, address, port, handshake_ms, client_ident)
        if reset_at_once:
            conn._peer_reset = True
            conn.banner = ServerBanner(BannerOutcome.RESET, 0.0)
            return conn
        try:
            conn.congestion_control = (
                sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_CONGESTION, 16).split(b"\0", 1)[0].decode()
            )
        except OSError:
            conn.congestion_control = None
        conn.banner = conn._read_banner(banner_timeout_s)
        if conn.banner.ok:
            try:
                sock.settimeout(connect_timeout_s)
                sock.sendall(client_ident.encode("ascii") + b"\r\n")
                conn.ident_sent = True
            except OSError as exc:
                conn.stream_error = f"sending our identification failed: {exc}"
        return conn

    def _read_banner(self, timeout_s: float) -> ServerBanner:
        sock = self._sock
        started = time.monotonic()
        deadline = started + timeout_s
        buf = bytearray()
        received = bytearray()
        lines: list[str] = []

        def done(outcome: BannerOutcome, ident: str | None = None) -> ServerBanner:
            text = "" if ident is not None else _printable(bytes(received))
            if outcome in (BannerOutcome.CLOSED, BannerOutcome.RESET) and text.strip():
                # It said something and hung up: why it refuses us (OpenSSH's penalty or MaxStartups text),
                # or a service that is not SSH at all.
                refused = any(phrase in text.lower() for phrase in REFUSAL_PHRASES)
                outcome = BannerOutcome.REFUSED if refused else BannerOutcome.NOT_SSH
            return ServerBanner(outcome, time.monotonic() - started, ident, tuple(lines), text)

        while True:
            while b"\n" in buf:
                raw, _, rest = bytes(buf).partition(b"\n")
                buf = bytearray(rest)
                line = raw.rstrip(b"\r").decode("utf-8", "replace")
                if line.startswith("SSH-"):
                    # Whatever followed the line (a server may send its KEXINIT at once) is packets.
                    self._keep(bytes(buf))
                    if line.startswith(("SSH-2.0-", "SSH-1.99-")):
                        return done(BannerOutcome.IDENTIFIED, line)
                    return done(BannerOutcome.SSH1_ONLY, line)
                lines.append(line)
                if len(lines) > MAX_PRE_IDENT_LINES:
                    return done(BannerOutcome.NOT_SSH)
            if len(buf) > MAX_LINE_BYTES:
                return done(BannerOutcome.NOT_SSH)
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return done(BannerOutcome.NOT_SSH if received else BannerOutcome.TIMEOUT)
            sock.settimeout(remaining)
            try:
                data = sock.recv(4096)
            except TimeoutError:
                return done(BannerOutcome.NOT_SSH if received else BannerOutcome.TIMEOUT)
            except ConnectionResetError:
                self._peer_reset = True
                if buf:
                    lines.append(bytes(buf).decode("utf-8", "replace"))
                return done(BannerOutcome.RESET)
            except OSError as exc:
                self.stream_error = f"reading the identification failed: {exc}"
                return done(BannerOutcome.RESET)
            if not data:
                self._peer_eof = True
                if buf:
                    lines.append(bytes(buf).decode("utf-8", "replace"))
                return done(BannerOutcome.CLOSED)
            received += data
            buf += data

    def _keep(self, data: bytes) -> None:
        self._rx_total += len(data)
        room = RX_KEEP_BYTES - len(self._rx)
        if room > 0:
            self._rx += data[:room]

    # ----------------------------------------------------------------------------------------- sampling

    @property
    def streamed(self) -> bool:
        """Whether ``stream_ignore`` ran (it runs once per connection)."""
        return self._streamed

    def tcp_info(self) -> TcpInfo:
        """The kernel's TCP_INFO of this connection now."""
        return parse_tcp_info(self._sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_INFO, 512))

    def _pacing_gain(self) -> float | None:
        if self.congestion_control != "bbr":
            return None
        try:
            return bbr_pacing_gain(self._sock.getsockopt(socket.IPPROTO_TCP, TCP_CC_INFO, _BBR_INFO.size))
        except OSError:
            return None

    def _sample(self, now: float, origin: float, written: int) -> TcpInfoSample:
        return to_sample(self.tcp_info(), t_s=now - origin, bytes_written=written, pacing_gain=self._pacing_gain())

    # ---------------------------------------------------------------------------------------- streaming

    def stream_ignore(
        self,
        max_bytes: int,
        max_seconds: float,
        *,
        sample_interval_s: float = DEFAULT_SAMPLE_INTERVAL_S,
        stop_when: Callable[[Sequence[TcpInfoSample]], bool] | None = None,
        stop_check_interval_s: float = DEFAULT_STOP_CHECK_INTERVAL_S,
    ) -> list[TcpInfoSample]:
        """Send SSH_MSG_IGNORE packets (random data, 32768-byte payloads) as fast as TCP takes them, for at
        most ``max_bytes`` (rounded up to whole packets) and ``max_seconds``, or until ``stop_when(samples)``
        says the estimate is stable (asked every ``stop_check_interval_s``). Returns the TCP_INFO samples:
        the first one before any IGNORE byte (t_s = 0), then one every ``sample_interval_s``, the last when
        the stream stopped. The stream then completes the packet the budget cut, so ``bytes_written`` (the
        whole cost) may exceed the last sample's by up to one packet. ``stream_stop`` says why it ended.
        Raises ValueError on kernels whose TCP_INFO has no delivery rate (Linux < 4.9)."""
        if not (self.banner.ok and self.ident_sent):
            raise RuntimeError("the server did not identify as SSH-2 (see banner): nothing to stream to")
        if self._streamed or self._closed is not None:
            raise RuntimeError("stream_ignore runs once per connection, before close()")
        if max_bytes <= 0 or max_seconds <= 0:
            raise ValueError("the budget must be positive")
        self._streamed = True
        sock = self._sock
        block = self._ignore_block()
        packet = len(block) // IGNORE_BLOCK_PACKETS
        limit = -(-max_bytes // packet) * packet
        view = memoryview(block)
        sock.setblocking(False)
        lowat = LOWAT_MIN_BYTES
        self._set_lowat(lowat)
        poller = select.poll()
        poller.register(sock.fileno(), select.POLLIN | select.POLLOUT)
        written = 0
        pos = 0
        stop: StreamStop | None = None
        origin = time.monotonic()
        samples = [self._sample(origin, origin, 0)]
        next_sample = origin + sample_interval_s
        next_check = origin + stop_check_interval_s
        end = origin + max_seconds
        recent = [samples[0]]  # the last few samples: the rate that sizes TCP_NOTSENT_LOWAT
        draining = False
        while stop is None:
            now = time.monotonic()
            if now >= next_sample:
                sample = self._sample(now, origin, written)
                samples.append(sample)
                next_sample = now + sample_interval_s
                recent = [*recent[-15:], sample]
                wanted = _lowat_for(recent)
                if not draining and abs(wanted - lowat) > lowat // 4:
                    lowat = wanted
                    self._set_lowat(lowat)
                if stop_when is not None and now >= next_check:
                    next_check = now + stop_check_interval_s
                    if stop_when(samples):
                        stop = StreamStop.STABLE
                        break
                if draining and sample.notsent_bytes < DRAIN_DONE_BYTES:
                    stop = StreamStop.BYTE_BUDGET
                    break
            if not draining and written >= limit:
                # The byte budget is spent, but the socket still holds up to LOWAT_SECONDS of it: keep
                # sampling while TCP sends that (the flow is as busy as before) instead of wasting it.
                draining = True
                poller.modify(sock.fileno(), select.POLLIN)
            if now >= end:
                stop = StreamStop.BYTE_BUDGET if draining else StreamStop.TIME_BUDGET
                break
            timeout_ms = max(0.0, (min(next_sample, end) - now) * 1000.0)
            for _fd, events in poller.poll(timeout_ms):
                if events & (select.POLLIN | select.POLLHUP | select.POLLERR):
                    stop = self._receive_nowait()
                if stop is None and not draining and events & select.POLLOUT:
                    while written < limit:
                        size = min(SEND_CHUNK_BYTES, limit - written, len(block) - pos)
                        try:
                            sent = sock.send(view[pos : pos + size])
                        except BlockingIOError:
                            break
                        except ConnectionResetError as exc:
                            self._peer_reset = True
                            self.stream_error = str(exc)
                            stop = StreamStop.PEER_RESET
                            break
                        except OSError as exc:
                            self.stream_error = str(exc)
                            stop = StreamStop.SEND_ERROR
                            break
                        written += sent
                        pos = (pos + sent) % len(block)
                        if sent < size or time.monotonic() >= next_sample:
                            break
        # The last sample is the moment the stream stopped; what follows (completing the packet the budget
        # cut, draining the unsent tail) is cost, not measurement.
        samples.append(self._sample(time.monotonic(), origin, written))
        if stop in (StreamStop.STABLE, StreamStop.BYTE_BUDGET, StreamStop.TIME_BUDGET):
            # Queue the rest of the packet at once instead of waiting for the unsent tail to drain below
            # the low-water mark.
            self._set_lowat(LOWAT_MAX_BYTES)
            written += self._finish_packet(view, pos, (-written) % packet, timeout_s=5.0)
        self.bytes_written = written
        self.stream_stop = stop
        return samples

    def _ignore_block(self) -> bytes:
        # Random data, not zeros: a WAN optimiser or compressing middlebox on the path must not be able to
        # shrink the test stream and make the path look faster than it is.
        return b"".join(ignore_packet(os.urandom(IGNORE_DATA_BYTES)) for _ in range(IGNORE_BLOCK_PACKETS))

    def _set_lowat(self, lowat: int) -> None:
        try:
            self._sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NOTSENT_LOWAT, lowat)
        except OSError:
            pass  # not on this kernel: the stream works the same, only the unsent tail may be longer

    def _receive_nowait(self) -> StreamStop | None:
        """Read what the server sent (its KEXINIT, perhaps a DISCONNECT) without blocking."""
        while True:
            try:
                data = self._sock.recv(65536)
            except BlockingIOError:
                return None
            except ConnectionResetError as exc:
                self._peer_reset = True
                self.stream_error = str(exc)
                return StreamStop.PEER_RESET
            except OSError as exc:
                self.stream_error = str(exc)
                return StreamStop.SEND_ERROR
            if not data:
                self._peer_eof = True
                return StreamStop.PEER_CLOSED
            self._keep(data)

    def _finish_packet(self, view: memoryview, pos: int, remaining: int, *, timeout_s: float) -> int:
        """Complete a packet cut by the end of the budget, so that the DISCONNECT starts on a boundary."""
        sent_total = 0
        deadline = time.monotonic() + timeout_s
        while sent_total < remaining:
            if not self._wait(select.POLLOUT, deadline):
                break
            try:
                sent = self._sock.send(view[pos + sent_total : pos + remaining])
            except BlockingIOError:
                continue
            except OSError as exc:
                self.stream_error = str(exc)
                break
            sent_total += sent
        return sent_total

    def _wait(self, event: int, deadline: float) -> bool:
        poller = select.poll()
        poller.register(self._sock.fileno(), event)
        remaining = deadline - time.monotonic()
        return remaining > 0 and bool(poller.poll(remaining * 1000.0))

    # ------------------------------------------------------------------------------------------ closing

    def close(self, reason: str = DEFAULT_CLOSE_REASON, *, timeout_s: float = 5.0) -> CloseOutcome:
        """End politely: SSH_MSG_DISCONNECT (reason 11, ``reason`` as its text) if we are talking SSH, then
        read until the server closes (so nothing unread makes our close a reset), then close. Idempotent."""
        if self._closed is not None:
            return self._closed
        sock = self._sock
        started = time.monotonic()
        deadline = started + timeout_s
        sent = False
        try:
            sock.setblocking(False)
            if self.ident_sent and not (self._peer_eof or self._peer_reset):
                sent = self._send_all(disconnect_packet(reason), deadline)
            elif not self.banner.ok:
                # We never spoke SSH: read what is already there, no reason to wait for the server.
                deadline = min(deadline, started + 0.2)
            # Read until the server's EOF: sshd reads every IGNORE queued before our DISCONNECT, logs it and
            # closes. Closing with unread data in our receive queue would make the kernel send a reset.
            self._drain(deadline)
            if not (self._peer_eof or self._peer_reset):
                # No close from the server in time: send our FIN and give it a moment to answer with its own.
                try:
                    sock.shutdown(socket.SHUT_WR)
                except OSError:
                    pass
                self._drain(time.monotonic() + 0.5)
        finally:
            sock.close()
        self._closed = CloseOutcome(
            disconnect_sent=sent,
            server_closed=self._peer_eof,
            reset=self._peer_reset,
            seconds=time.monotonic() - started,
            bytes_received=self._rx_total,
            server_messages=tuple(parse_server_packets(bytes(self._rx))),
        )
        return self._closed

    def _send_all(self, data: bytes, deadline: float) -> bool:
        view = memoryview(data)
        while view:
            if not self._wait(select.POLLOUT, deadline):
                return False
            try:
                sent = self._sock.send(view)
            except BlockingIOError:
                continue
            except ConnectionResetError:
                self._peer_reset = True
                return False
            except OSError:
                return False
            view = view[sent:]
        return True

    def _drain(self, deadline: float) -> None:
        while not (self._peer_eof or self._peer_reset):
            if not self._wait(select.POLLIN, deadline):
                return
            if self._receive_nowait() is not None and not (self._peer_eof or self._peer_reset):
                return  # another error: nothing more to read

    def sniff_http(self, timeout_s: float) -> bytes:
        """For a service that stayed silent: send one HTTP request line and return what comes back (an HTTP
        status line, a TLS alert, or nothing). Only on a connection that never identified as SSH."""
        if self.banner.ok or self._peer_eof or self._peer_reset:
            return b""
        sock = self._sock
        try:
            sock.settimeout(timeout_s)
            sock.sendall(b"HEAD / HTTP/1.0\r\n\r\n")
            return sock.recv(256)
        except OSError:
            return b""

    @property
    def server_messages(self) -> list[ServerMessage]:
        """The unencrypted packets the server has sent so far (its KEXINIT, maybe a DISCONNECT)."""
        return parse_server_packets(bytes(self._rx))

    def __enter__(self) -> SshConnection:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
