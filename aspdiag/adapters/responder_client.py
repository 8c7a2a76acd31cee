"""The client of ``aspdiag responder``: two-way checks on UDP and TCP and capped UDP throughput tests up and
down (``probe_responder``, and ``SocketResponderClient`` for ``check --responder``)."""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from aspdiag.adapters.sockets import socket_family
from aspdiag.adapters.udp_streams import FRAME, RECV_BYTES, StreamSender, big_buffers, enable_gro, pace_until, receive
from aspdiag.core.model import Family
from aspdiag.measurements.responder.result import ResponderResult
from aspdiag.tools.responder.limits import Grant, max_payload
from aspdiag.tools.responder.protocol import (
    DATA_HEADER,
    FLAG_LAST,
    MAX_MESSAGE_BYTES,
    REQUEST_BYTES,
    Message,
    MessageType,
    Rejected,
    decode,
    encode,
    is_data,
    new_nonce,
    unpack_data,
)
from aspdiag.tools.responder.stats import Pacer, ReceiverStats, StreamStats, stats_from_body


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
    family = socket_family(address)
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
            sock.sendall(FRAME.pack(len(request)) + request)
            buffer = b""
            while True:
                chunk = sock.recv(FRAME.size + MAX_MESSAGE_BYTES - len(buffer))
                if not chunk:
                    break
                buffer += chunk
                if len(buffer) >= FRAME.size and len(buffer) >= FRAME.size + FRAME.unpack_from(buffer)[0]:
                    break
        except TimeoutError:
            return False, None, "TCP connected, but no authenticated answer came (wrong key or clock skew?)"
        except OSError as exc:
            return False, None, f"TCP connected, then {exc.strerror or exc}"
        rtt = time.perf_counter() - start
        if len(buffer) >= FRAME.size:
            reply = _reply_for(key, buffer[FRAME.size : FRAME.size + FRAME.unpack_from(buffer)[0]], nonce)
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
    sock = socket.socket(socket_family(address), socket.SOCK_DGRAM)
    try:
        try:
            sock.connect((address, port))
        except OSError as exc:
            details.append(f"cannot send to {address} port {port}: {exc.strerror or exc}")
            return result("error")
        big_buffers(sock)
        enable_gro(sock)
        udp = udp_exchange(sock, key, MessageType.HELLO, {}, tries=tries, timeout_s=timeout_s)
        tcp_ok, tcp_rtt, tcp_detail = tcp_exchange(address, port, key, timeout_s=timeout_s * tries)
        fields["tcp_two_way"] = tcp_ok
        fields["tcp_rtt_ms"] = None if tcp_rtt is None else round(tcp_rtt * 1000, 3)
        if udp is not None:
            fields["udp_two_way"] = True
            fields["udp_rtt_ms"] = round(udp[1] * 1000, 3)
            seen = udp[0].body.get("seen_from")
            fields["seen_source_address"] = seen if isinstance(seen, str) else None
            with contextlib.suppress(OSError):
                fields["local_source_address"] = sock.getsockname()[0]
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
