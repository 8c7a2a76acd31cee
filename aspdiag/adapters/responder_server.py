"""The socket server of ``aspdiag responder``: UDP and TCP on one port, authenticated requests handed to
the pure session logic (:mod:`aspdiag.tools.responder.server`), test streams sent and received here."""

from __future__ import annotations

import errno
import selectors
import socket
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from aspdiag.adapters.sockets import socket_family
from aspdiag.adapters.udp_streams import (
    BUSY_WAIT_S,
    DRAIN_PER_WAKEUP,
    FRAME,
    MAX_TCP_CONNECTIONS,
    TCP_SESSION_S,
    StreamSender,
    big_buffers,
    enable_gro,
    receive,
)
from aspdiag.core.errors import ConfigError
from aspdiag.tools.responder.protocol import (
    MAX_MESSAGE_BYTES,
    is_data,
)
from aspdiag.tools.responder.server import Responder, Session


@dataclass
class _TcpConnection:
    sock: socket.socket
    peer: tuple[str, int]
    deadline: float
    buffer: bytearray


class ResponderServer:
    """UDP and TCP on one port, bound only to the given addresses; one thread, one selector.

    Every datagram and TCP request goes to the :class:`Responder` core; download streams are paced from
    the same loop (it polls instead of sleeping while a stream is running).
    """

    def __init__(self, binds: Sequence[str], port: int, core: Responder) -> None:
        self.binds = list(binds)
        self.port = port
        self.core = core
        self.selector = selectors.DefaultSelector()
        self.udp: list[socket.socket] = []
        self.listeners: list[socket.socket] = []
        self.connections: dict[socket.socket, _TcpConnection] = {}
        self.senders: dict[bytes, StreamSender] = {}

    def open(self) -> None:
        """Bind UDP and TCP on every address; ConfigError (with a hint) when one cannot be bound."""
        try:
            for address in self.binds:
                family = socket_family(address)
                udp = socket.socket(family, socket.SOCK_DGRAM)
                self.udp.append(udp)
                tcp = socket.socket(family, socket.SOCK_STREAM)
                self.listeners.append(tcp)
                tcp.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                if family == socket.AF_INET6:
                    for sock in (udp, tcp):
                        sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
                for sock, proto in ((udp, "udp"), (tcp, "tcp")):
                    try:
                        sock.bind((address, self.port))
                    except OSError as exc:
                        hint = (
                            "another program (Aspera itself?) holds this port: choose another with --port"
                            if exc.errno == errno.EADDRINUSE
                            else "give an address of this host (ip -br addr)"
                        )
                        raise ConfigError(
                            f"cannot bind {proto} {address} port {self.port}: {exc.strerror}", hint
                        ) from None
                big_buffers(udp)
                enable_gro(udp)
                udp.setblocking(False)
                tcp.listen(64)
                tcp.setblocking(False)
                self.selector.register(udp, selectors.EVENT_READ, "udp")
                self.selector.register(tcp, selectors.EVENT_READ, "listen")
        except BaseException:
            self.close()
            raise

    def close(self) -> None:
        """Close every socket (listeners, connections, UDP)."""
        for sock in [*self.connections, *self.listeners, *self.udp]:
            try:
                self.selector.unregister(sock)
            except (KeyError, ValueError):
                pass
            sock.close()
        self.connections.clear()
        self.listeners.clear()
        self.udp.clear()
        self.selector.close()

    def serve(self, should_stop: Callable[[], bool], *, max_wait_s: float = 0.2) -> None:
        """Run until ``should_stop()`` is true (checked at least every ``max_wait_s``)."""
        core = self.core
        last_tick = 0.0
        while not should_stop():
            now = time.monotonic()
            streams = core.down_sessions()
            wait = max_wait_s
            for session in streams:
                assert session.pacer is not None
                wait = min(wait, session.pacer.next_at() - now)
            for conn in self.connections.values():
                wait = min(wait, conn.deadline - now)
            # Sleep in select until shortly before the next batch is due, then poll (busy-wait).
            timeout = wait - BUSY_WAIT_S if wait > BUSY_WAIT_S else 0.0
            for key, _events in self.selector.select(timeout):
                sock = key.fileobj
                assert isinstance(sock, socket.socket)
                if key.data == "udp":
                    self._drain_udp(sock)
                elif key.data == "listen":
                    self._accept(sock)
                else:
                    self._read_tcp(sock)
            if streams:
                self._send_streams()
            now = time.monotonic()
            if now - last_tick >= 0.1:
                last_tick = now
                self._expire_connections(now)
                core.tick()
                for session_id in [s for s in self.senders if s not in core.sessions]:
                    del self.senders[session_id]

    def stop(self) -> None:
        """End every running test (logged) and close the sockets."""
        self.core.shutdown()
        self.close()

    # ------------------------------------------------------------------ UDP

    def _drain_udp(self, sock: socket.socket) -> None:
        core = self.core
        for _ in range(DRAIN_PER_WAKEUP):
            try:
                data, source, segment = receive(sock)
            except (BlockingIOError, InterruptedError):
                return
            except OSError:
                return  # e.g. an ICMP error queued for an earlier send; nothing to read now
            peer = (source[0], source[1])
            if is_data(data):
                core.handle_data(data, peer, time.monotonic_ns(), segment)
                continue
            reply = core.handle_control(data, peer, "udp", channel=sock)
            if reply is not None:
                try:
                    sock.sendto(reply, source)
                except OSError:
                    pass

    def _send_streams(self) -> None:
        now = time.monotonic()
        for session in self.core.down_sessions():
            pacer = session.pacer
            assert pacer is not None
            count = pacer.ready(now)
            if count <= 0:
                continue
            sender = self.senders.get(session.id)
            if sender is None:
                sender = StreamSender(session.channel, session.id, session.grant.size, _sockaddr(session))
                self.senders[session.id] = sender
            try:
                sent = sender.send(pacer.sent, count, last=pacer.sent + count >= pacer.total)
            except OSError:
                sent = count  # the client is unreachable now (ICMP error): the stream still keeps its time
            pacer.sent += sent

    # ------------------------------------------------------------------ TCP

    def _accept(self, listener: socket.socket) -> None:
        try:
            conn, peer = listener.accept()
        except (BlockingIOError, InterruptedError, ConnectionAbortedError):
            return
        if len(self.connections) >= MAX_TCP_CONNECTIONS:
            conn.close()
            return
        conn.setblocking(False)
        self.connections[conn] = _TcpConnection(conn, (peer[0], peer[1]), time.monotonic() + TCP_SESSION_S, bytearray())
        self.selector.register(conn, selectors.EVENT_READ, "tcp")

    def _read_tcp(self, sock: socket.socket) -> None:
        conn = self.connections.get(sock)
        if conn is None:
            return
        want = FRAME.size + MAX_MESSAGE_BYTES - len(conn.buffer)
        try:
            chunk = sock.recv(max(1, want))
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            chunk = b""
        if not chunk:
            self._drop(sock)
            return
        conn.buffer += chunk
        if len(conn.buffer) < FRAME.size:
            return
        (length,) = FRAME.unpack_from(conn.buffer)
        if length > MAX_MESSAGE_BYTES:
            self.core.handle_control(b"", conn.peer, "tcp")  # counted as malformed; no answer
            self._drop(sock)
            return
        if len(conn.buffer) < FRAME.size + length:
            return
        reply = self.core.handle_control(bytes(conn.buffer[FRAME.size : FRAME.size + length]), conn.peer, "tcp")
        if reply is not None:
            try:
                sock.send(FRAME.pack(len(reply)) + reply)
            except OSError:
                pass
        self._drop(sock)

    def _expire_connections(self, now: float) -> None:
        for sock, conn in list(self.connections.items()):
            if now >= conn.deadline:
                self._drop(sock)

    def _drop(self, sock: socket.socket) -> None:
        self.connections.pop(sock, None)
        try:
            self.selector.unregister(sock)
        except (KeyError, ValueError):
            pass
        sock.close()


def _sockaddr(session: Session) -> tuple[Any, ...]:
    host, port = session.client
    return (host, port, 0, 0) if ":" in host else (host, port)
