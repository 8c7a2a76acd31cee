"""Sockets for ``aspdiag responder``: the server (UDP and TCP on one port) and the client, ``probe_responder``.

The protocol, its checks and the statistics are in :mod:`aspdiag.responder`; this module only moves
bytes. Python pays per system call, so high rates use Linux UDP segmentation offload both ways: a paced
batch of datagrams leaves in one ``sendmsg`` with ``UDP_SEGMENT`` (GSO), and a receiving socket with
``UDP_GRO`` gets back-to-back datagrams of one flow in one ``recvmsg``. Both fall back to one datagram
per call where the kernel refuses. Pacing sleeps until about a millisecond before a batch is due and
busy-waits on ``time.perf_counter`` for the rest (``time.sleep`` alone overshoots by tens of µs).
"""

from __future__ import annotations

import errno
import ipaddress
import selectors
import socket
import struct
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from aspdiag.errors import ConfigError
from aspdiag.model import Family, ResponderResult
from aspdiag.net.sockets import _family
from aspdiag.responder import (
    DATA_HEADER,
    FLAG_LAST,
    MAX_MESSAGE_BYTES,
    REQUEST_BYTES,
    Grant,
    Message,
    MessageType,
    Pacer,
    ReceiverStats,
    Rejected,
    Responder,
    Session,
    StreamStats,
    decode,
    encode,
    is_data,
    max_payload,
    new_nonce,
    pack_data,
    stats_from_body,
    unpack_data,
)

SOL_UDP = 17
UDP_SEGMENT = 103
UDP_GRO = 104
SO_RCVBUFFORCE = 33
SO_SNDBUFFORCE = 32
SOCKET_BUFFER_BYTES = 8 * 1024 * 1024
RECV_BYTES = 65535
_GRO_CMSG = struct.Struct("=i")
TCP_SESSION_S = 2.0
"""A TCP control connection must deliver its request within this time, or it is closed."""
MAX_TCP_CONNECTIONS = 64
_FRAME = struct.Struct("!H")
_BUSY_WAIT_S = 0.0012
"""Sleep until this long before a deadline, then busy-wait (accurate pacing without a spinning core)."""
_DRAIN_PER_WAKEUP = 512


def _big_buffers(sock: socket.socket) -> None:
    # Big buffers absorb the bursts of a fast stream while Python catches up; root may exceed rmem_max.
    for force, plain in ((SO_RCVBUFFORCE, socket.SO_RCVBUF), (SO_SNDBUFFORCE, socket.SO_SNDBUF)):
        try:
            sock.setsockopt(socket.SOL_SOCKET, force, SOCKET_BUFFER_BYTES)
        except OSError:
            try:
                sock.setsockopt(socket.SOL_SOCKET, plain, SOCKET_BUFFER_BYTES)
            except OSError:
                pass


def _enable_gro(sock: socket.socket) -> bool:
    try:
        sock.setsockopt(SOL_UDP, UDP_GRO, 1)
    except OSError:
        return False
    return True


def receive(sock: socket.socket) -> tuple[bytes, Any, int]:
    """One ``recvmsg``: (data, source, segment size). The segment size is that of UDP GRO (several
    datagrams in one buffer) or the data's own length."""
    data, ancillary, _flags, source = sock.recvmsg(RECV_BYTES, socket.CMSG_SPACE(_GRO_CMSG.size))
    segment = len(data)
    for level, kind, value in ancillary:
        if level == SOL_UDP and kind == UDP_GRO and len(value) >= _GRO_CMSG.size:
            segment = _GRO_CMSG.unpack_from(value)[0] or segment
    return data, source, segment


class StreamSender:
    """Builds and sends one paced test stream, a batch per ``sendmsg`` with UDP GSO when the kernel allows."""

    def __init__(self, sock: socket.socket, session: bytes, size: int, destination: Any = None) -> None:
        self.sock = sock
        self.session = session
        self.size = size
        self.destination = destination
        self.gso = True
        self._buffer = bytearray(size * Pacer.MAX_BATCH)

    def send(self, first_seq: int, count: int, *, last: bool) -> int:
        """Send datagrams ``first_seq`` .. ``first_seq + count - 1`` (the very last flagged when ``last``);
        returns how many left (fewer when the socket buffer is full)."""
        size, buffer = self.size, self._buffer
        now_ns = time.monotonic_ns()
        for i in range(count):
            flags = FLAG_LAST if last and i == count - 1 else 0
            pack_data(buffer, i * size, self.session, first_seq + i, now_ns, flags)
        if self.gso and count > 1:
            try:
                self._sendmsg(memoryview(buffer)[: count * size], [(SOL_UDP, UDP_SEGMENT, struct.pack("=H", size))])
                return count
            except BlockingIOError:
                return 0
            except OSError as exc:
                if exc.errno in (errno.ENOBUFS, errno.EAGAIN):
                    return 0
                self.gso = False  # this kernel or device cannot segment UDP: one datagram per call
        sent = 0
        view = memoryview(buffer)
        for i in range(count):
            try:
                self._sendmsg(view[i * size : (i + 1) * size], [])
            except (BlockingIOError, InterruptedError):
                break
            except OSError as exc:
                if exc.errno in (errno.ENOBUFS, errno.EAGAIN):
                    break
                raise
            sent += 1
        return sent

    def _sendmsg(self, data: memoryview, ancillary: list[tuple[int, int, bytes]]) -> None:
        if self.destination is None:
            self.sock.sendmsg([data], ancillary)
        else:
            self.sock.sendmsg([data], ancillary, 0, self.destination)


def pace_until(deadline: float, clock: Callable[[], float] = time.perf_counter) -> None:
    """Wait until ``deadline`` (on ``clock``): sleep most of the way, busy-wait the last stretch."""
    while True:
        left = deadline - clock()
        if left <= 0:
            return
        if left > _BUSY_WAIT_S:
            time.sleep(left - _BUSY_WAIT_S)


# --------------------------------------------------------------------------- server


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
                family = _family(address)
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
                _big_buffers(udp)
                _enable_gro(udp)
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
            timeout = wait - _BUSY_WAIT_S if wait > _BUSY_WAIT_S else 0.0
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
        for _ in range(_DRAIN_PER_WAKEUP):
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
        want = _FRAME.size + MAX_MESSAGE_BYTES - len(conn.buffer)
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
        if len(conn.buffer) < _FRAME.size:
            return
        (length,) = _FRAME.unpack_from(conn.buffer)
        if length > MAX_MESSAGE_BYTES:
            self.core.handle_control(b"", conn.peer, "tcp")  # counted as malformed; no answer
            self._drop(sock)
            return
        if len(conn.buffer) < _FRAME.size + length:
            return
        reply = self.core.handle_control(bytes(conn.buffer[_FRAME.size : _FRAME.size + length]), conn.peer, "tcp")
        if reply is not None:
            try:
                sock.send(_FRAME.pack(len(reply)) + reply)
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


# --------------------------------------------------------------------------- client


def _timestamp_ms() -> int:
    return int(time.time() * 1000)


def _request(key: bytes, kind: MessageType, body: dict[str, Any]) -> tuple[bytes, bytes]:
    nonce = new_nonce()
    return nonce, encode(key, kind, body, nonce=nonce, timestamp_ms=_timestamp_ms(), pad_to=REQUEST_BYTES)


def _reply_for(key: bytes, data: bytes, nonce: bytes) -> Message | None:
    """The authenticated reply to the request with ``nonce`` (None for anything else)."""
    if is_data(data):
        return None
    try:
        message = decode(key, data)
    except Rejected:
        return None
    if message.body.get("re") != nonce.hex() or message.type in (MessageType.HELLO, MessageType.START, MessageType.END):
        return None
    return message


def udp_exchange(
    sock: socket.socket, key: bytes, kind: MessageType, body: dict[str, Any], *, tries: int, timeout_s: float
) -> tuple[Message, float] | None:
    """Send a request over a connected UDP socket (a fresh nonce per try); (reply, RTT in s) or None."""
    for _ in range(tries):
        nonce, request = _request(key, kind, body)
        sent = time.perf_counter()
        try:
            sock.send(request)
        except OSError:
            time.sleep(min(timeout_s, 0.2))
            continue
        deadline = sent + timeout_s
        while (left := deadline - time.perf_counter()) > 0:
            sock.settimeout(left)
            try:
                data = sock.recv(RECV_BYTES)
            except TimeoutError:
                break
            except OSError:
                continue  # an ICMP error for an earlier datagram (port unreachable): keep waiting
            reply = _reply_for(key, data, nonce)
            if reply is not None:
                return reply, time.perf_counter() - sent
    return None


def tcp_exchange(address: str, port: int, key: bytes, *, timeout_s: float) -> tuple[bool, float | None, str]:
    """A HELLO over TCP: (authenticated reply?, RTT in s, what happened in words)."""
    family = _family(address)
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.settimeout(timeout_s)
    try:
        start = time.perf_counter()
        try:
            sock.connect((address, port))
        except TimeoutError:
            return False, None, "TCP connect timed out"
        except OSError as exc:
            return False, None, f"TCP connect failed: {exc.strerror or exc}"
        nonce, request = _request(key, MessageType.HELLO, {})
        start = time.perf_counter()
        try:
            sock.sendall(_FRAME.pack(len(request)) + request)
            buffer = b""
            while True:
                chunk = sock.recv(_FRAME.size + MAX_MESSAGE_BYTES - len(buffer))
                if not chunk:
                    break
                buffer += chunk
                if len(buffer) >= _FRAME.size and len(buffer) >= _FRAME.size + _FRAME.unpack_from(buffer)[0]:
                    break
        except TimeoutError:
            return False, None, "TCP connected, but no authenticated answer came (wrong key or clock skew?)"
        except OSError as exc:
            return False, None, f"TCP connected, then {exc.strerror or exc}"
        rtt = time.perf_counter() - start
        if len(buffer) >= _FRAME.size:
            reply = _reply_for(key, buffer[_FRAME.size : _FRAME.size + _FRAME.unpack_from(buffer)[0]], nonce)
            if reply is not None and reply.type is MessageType.HELLO_REPLY:
                return True, rtt, "TCP two-way"
        return False, None, "TCP connected, but the responder closed without an answer (wrong key or clock skew?)"
    finally:
        sock.close()


@dataclass(frozen=True)
class DirectionResult:
    """One direction of the throughput test, as the client reports it."""

    grant: Grant | None
    duration_s: float | None
    sent: int | None
    stats: StreamStats | None
    detail: str


def _start_test(
    sock: socket.socket, key: bytes, direction: str, rate_mbps: float, duration_s: float, size: int, timeout_s: float
) -> tuple[bytes, Grant] | str:
    answer = udp_exchange(
        sock,
        key,
        MessageType.START,
        {"dir": direction, "rate_mbps": rate_mbps, "duration_s": duration_s, "size": size},
        tries=3,
        timeout_s=timeout_s,
    )
    if answer is None:
        return f"{direction} test: START not answered"
    reply, _ = answer
    body = reply.body
    if reply.type is not MessageType.START_ACK:
        return f"{direction} test refused: {body.get('reason', 'no reason given')}"
    try:
        session = bytes.fromhex(str(body["session"]))
        grant = Grant(float(body["rate_mbps"]), float(body["duration_s"]), int(body["size"]))
    except (KeyError, ValueError, TypeError):
        return f"{direction} test: malformed START_ACK"
    if grant.rate_mbps <= 0 or grant.duration_s <= 0 or grant.size < DATA_HEADER.size:
        return f"{direction} test: unusable grant"
    return session, grant


def run_up(
    sock: socket.socket, key: bytes, rate_mbps: float, duration_s: float, size: int, timeout_s: float, rtt_s: float
) -> DirectionResult:
    """Client to responder: paced datagrams at the granted rate, then END for the responder's statistics."""
    started = _start_test(sock, key, "up", rate_mbps, duration_s, size, timeout_s)
    if isinstance(started, str):
        return DirectionResult(None, None, None, None, started)
    session, grant = started
    sender = StreamSender(sock, session, grant.size)
    sock.settimeout(None)
    begin = time.perf_counter()
    pacer = Pacer(grant.rate_mbps, grant.size, begin, grant.duration_s)
    while not pacer.done:
        count = pacer.ready(time.perf_counter())
        if count == 0:
            pace_until(pacer.next_at())
            continue
        try:
            sent = sender.send(pacer.sent, count, last=pacer.sent + count >= pacer.total)
        except OSError:
            sent = count  # an ICMP error from a lost earlier datagram; the stream goes on
        pacer.sent += sent
    sending_s = time.perf_counter() - begin
    # Let the path's queues drain before asking (a shaper may hold up to ~100 ms).
    time.sleep(max(0.3, 3 * rtt_s))
    answer = udp_exchange(
        sock, key, MessageType.END, {"session": session.hex(), "sent": pacer.sent}, tries=3, timeout_s=timeout_s
    )
    if answer is None or answer[0].type is not MessageType.END_STATS:
        return DirectionResult(grant, sending_s, pacer.sent, None, "up test: END not answered")
    stats = stats_from_body(answer[0].body)
    return DirectionResult(grant, sending_s, pacer.sent, stats, "" if stats else "up test: no statistics in the answer")


def run_down(
    sock: socket.socket, key: bytes, rate_mbps: float, duration_s: float, size: int, timeout_s: float, rtt_s: float
) -> DirectionResult:
    """Responder to client: receive the paced stream, compute the statistics, then END for the sent count."""
    _drain(sock)
    started = _start_test(sock, key, "down", rate_mbps, duration_s, size, timeout_s)
    if isinstance(started, str):
        return DirectionResult(None, None, None, None, started)
    session, grant = started
    capacity = int(grant.rate_mbps * 1e6 * grant.duration_s / (grant.size * 8)) + 2
    stats = ReceiverStats(capacity)
    begin = time.monotonic()
    deadline = begin + grant.duration_s + max(1.0, 3 * rtt_s)
    last_seen: float | None = None
    while True:
        now = time.monotonic()
        stop = deadline if last_seen is None else min(deadline, last_seen + 0.2)
        if now >= stop:
            break
        sock.settimeout(stop - now)
        try:
            data, _source, segment = receive(sock)
        except TimeoutError:
            break
        except OSError:
            continue
        arrival = time.monotonic_ns()
        if not is_data(data):
            continue
        for offset in range(0, len(data), segment):
            try:
                sid, seq, send_ns, flags = unpack_data(data, offset)
            except Rejected:
                break
            if sid != session:
                break
            stats.add(seq, send_ns, arrival, min(segment, len(data) - offset))
            if flags & FLAG_LAST:
                last_seen = time.monotonic()
    # The receive interval: from the START to the last arrival (not the wait for stragglers after it).
    receiving_s = (stats.last_ns / 1e9 - begin) if stats.last_ns is not None else time.monotonic() - begin
    answer = udp_exchange(
        sock, key, MessageType.END, {"session": session.hex(), "received": stats.packets}, tries=3, timeout_s=timeout_s
    )
    sent = None
    detail = ""
    if answer is not None and answer[0].type is MessageType.END_STATS and isinstance(answer[0].body.get("sent"), int):
        sent = int(answer[0].body["sent"])
    else:
        detail = "down test: END not answered; loss counted up to the highest sequence received"
    return DirectionResult(grant, receiving_s, sent, stats.summary(sent), detail)


def _drain(sock: socket.socket) -> None:
    sock.setblocking(False)
    try:
        while True:
            sock.recv(RECV_BYTES)
    except (BlockingIOError, InterruptedError):
        pass
    except OSError:
        pass
    finally:
        sock.setblocking(True)


def probe_responder(
    address: str,
    port: int,
    key: bytes,
    max_rate_mbps: float,
    duration_s: float,
    *,
    timeout_s: float = 1.0,
    tries: int = 3,
    payload_bytes: int | None = None,
    directions: Sequence[str] = ("up", "down"),
) -> ResponderResult:
    """Two-way checks (UDP and TCP) and capped UDP throughput tests against an ``aspdiag responder``.

    ``max_rate_mbps`` and ``duration_s`` are what the client asks for; the responder may grant less (the
    granted rate is ``rate_cap_mbps``). ``timeout_s`` is the wait for each control answer (``tries`` tries
    each). ``payload_bytes`` defaults to the largest datagram that fits a 1500-byte MTU. The throughput
    tests run only when the UDP two-way check succeeded.
    """
    begin = time.monotonic()
    family = Family.of(address)
    size = payload_bytes or max_payload(6 if family is Family.IPV6 else 4)
    details: list[str] = []
    fields: dict[str, Any] = {"rate_cap_mbps": max_rate_mbps}

    def result(status: str) -> ResponderResult:
        detail = "; ".join(d for d in details if d)
        unmeasured = ResponderResult.unmeasured(
            address, port, status, max_rate_mbps, detail, round(time.monotonic() - begin, 3)
        )
        return replace(unmeasured, **fields)

    try:
        ipaddress.ip_address(address)
    except ValueError:
        details.append(f"{address!r} is not an IP address")
        return result("error")
    sock = socket.socket(_family(address), socket.SOCK_DGRAM)
    try:
        try:
            sock.connect((address, port))
        except OSError as exc:
            details.append(f"cannot send to {address} port {port}: {exc.strerror or exc}")
            return result("error")
        _big_buffers(sock)
        _enable_gro(sock)
        udp = udp_exchange(sock, key, MessageType.HELLO, {}, tries=tries, timeout_s=timeout_s)
        tcp_ok, tcp_rtt, tcp_detail = tcp_exchange(address, port, key, timeout_s=timeout_s * tries)
        fields["tcp_two_way"] = tcp_ok
        fields["tcp_rtt_ms"] = None if tcp_rtt is None else round(tcp_rtt * 1000, 3)
        if udp is not None:
            fields["udp_two_way"] = True
            fields["udp_rtt_ms"] = round(udp[1] * 1000, 3)
        elif tcp_ok:
            # The key and the clocks are fine (TCP got an authenticated answer), so UDP itself is blocked.
            fields["udp_two_way"] = False
            details.append(f"UDP {port}: no answer while TCP {port} answered: UDP is blocked on the path")
        else:
            details.append(f"UDP {port}: no authenticated answer")
        if not tcp_ok:
            details.append(tcp_detail)
        if udp is None:
            return result("ok" if tcp_ok else "no-answer")
        rtt_s = udp[1]
        for direction in directions:
            run = run_up if direction == "up" else run_down
            outcome = run(sock, key, max_rate_mbps, duration_s, size, timeout_s, rtt_s)
            details.append(outcome.detail)
            _fill(fields, direction, outcome)
        return result("ok")
    except OSError as exc:
        details.append(f"socket error: {exc.strerror or exc}")
        return result("error")
    finally:
        sock.close()


def _fill(fields: dict[str, Any], direction: str, outcome: DirectionResult) -> None:
    if outcome.grant is not None:
        fields["rate_cap_mbps"] = outcome.grant.rate_mbps
    fields[f"{direction}_duration_s"] = None if outcome.duration_s is None else round(outcome.duration_s, 3)
    stats = outcome.stats
    if direction == "up":
        fields["up_sent_packets"] = outcome.sent
    else:
        fields["down_sent_packets"] = outcome.sent
    if stats is None:
        return
    fields[f"{direction}_received_packets"] = stats.packets
    fields[f"{direction}_rate_mbps"] = None if stats.rate_mbps is None else round(stats.rate_mbps, 3)
    fields[f"{direction}_loss_pct"] = None if stats.loss_pct is None else round(stats.loss_pct, 3)
    fields[f"{direction}_jitter_ms"] = None if stats.jitter_ms is None else round(stats.jitter_ms, 4)
    fields[f"{direction}_reordered_packets"] = stats.reordered


class SocketResponderClient:
    """The production ResponderClient: ``probe_responder`` with its defaults."""

    def probe(self, address: str, port: int, key: bytes, max_rate_mbps: float, duration_s: float) -> ResponderResult:
        """Two-way checks, then the capped UDP tests up and down."""
        return probe_responder(address, port, key, max_rate_mbps, duration_s)
