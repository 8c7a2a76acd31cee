"""The responder's session logic: authenticated requests in, replies and test streams out (pure; the
sockets are in :mod:`aspdiag.adapters.responder_server`)."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from aspdiag.tools.responder.limits import Caps, ClientLimiter, Grant, ReplayGuard, clamp_request
from aspdiag.tools.responder.protocol import (
    BAD_LOG_INTERVAL_S,
    BAD_SOURCES_MAX,
    DATA_GRACE_S,
    END_GRACE_S,
    KEEP_FINISHED_S,
    NONCE_BYTES,
    REQUEST_TYPES,
    SESSION_BYTES,
    MessageType,
    Rejected,
    decode,
    encode,
    unpack_data,
)
from aspdiag.tools.responder.stats import Pacer, ReceiverStats

# --------------------------------------------------------------------------- sessions


@dataclass
class Session:
    """One throughput test."""

    id: bytes
    client: tuple[str, int]
    direction: str
    grant: Grant
    started: float
    """Monotonic time the test was granted."""
    started_utc: str
    stats: ReceiverStats | None = None
    pacer: Pacer | None = None
    client_sent: int | None = None
    client_received: int | None = None
    outcome: str = ""
    reply_body: dict[str, Any] = field(default_factory=dict)
    finished_at: float | None = None
    channel: Any = None
    """Whatever the I/O layer needs to send the stream (the socket the START came in on)."""

    @property
    def ends(self) -> float:
        """When the granted duration is over (monotonic)."""
        return self.started + self.grant.duration_s

    @property
    def sent_packets(self) -> int:
        """Datagrams the responder sent (down)."""
        return self.pacer.sent if self.pacer else 0


@dataclass
class _BadSource:
    counts: dict[str, int] = field(default_factory=dict)
    logged_at: float | None = None


class Responder:
    """The responder's protocol state: one instance per server, fed every datagram and TCP message.

    ``wall`` is the UTC wall clock (seconds, for timestamps), ``mono`` a monotonic clock (seconds, for
    durations), ``log`` receives one line per event worth logging, ``utc`` formats the time for logs.
    """

    def __init__(
        self,
        key: bytes,
        caps: Caps,
        *,
        wall: Callable[[], float],
        mono: Callable[[], float],
        log: Callable[[str], None],
        utc: Callable[[], str],
        random: Callable[[int], bytes] = os.urandom,
    ) -> None:
        self.key = key
        self.caps = caps
        self.wall = wall
        self.mono = mono
        self.log = log
        self.utc = utc
        self.random = random
        self.replay = ReplayGuard()
        self.limiter = ClientLimiter(caps.max_tests_per_minute)
        self.sessions: dict[bytes, Session] = {}
        self.finished: dict[bytes, Session] = {}
        self.ignored: dict[str, int] = {}
        self._bad: dict[str, _BadSource] = {}
        self.sessions_done = 0

    # ------------------------------------------------------------------ control

    def handle_control(
        self, data: bytes, source: tuple[str, int], transport: str = "udp", channel: Any = None
    ) -> bytes | None:
        """The reply to one control message, or None (ignored: no answer at all). ``channel`` is kept
        with a session a START opens (the socket its stream goes out on)."""
        try:
            message = decode(self.key, data)
            self.replay.check(message, self.wall())
            if message.type not in REQUEST_TYPES:
                raise Rejected("malformed", "not a request")
        except Rejected as rejected:
            self._count_bad(source[0], rejected.kind)
            return None
        now = self.mono()
        if message.type is MessageType.HELLO:
            # The address the client is seen from: a client behind NAT learns the address the perimeter rule
            # must name (the reply goes only to that address, so this tells nobody else anything).
            kind, body = MessageType.HELLO_REPLY, {"transport": transport, "seen_from": source[0]}
        elif transport != "udp":
            kind, body = MessageType.REFUSED, {"reason": "tests run over UDP only"}
        elif message.type is MessageType.START:
            kind, body = self._start(message.body, source, now, channel)
        else:
            kind, body = self._end(message.body, source, now)
        body["re"] = message.nonce.hex()
        reply = encode(self.key, kind, body, nonce=self.random(NONCE_BYTES), timestamp_ms=int(self.wall() * 1000))
        if len(reply) > len(data):
            # Never answer with more than was asked (no amplification): a request that was not padded
            # to REQUEST_BYTES gets no answer.
            self._count_bad(source[0], "short-request")
            return None
        return reply

    def _start(
        self, body: Mapping[str, Any], source: tuple[str, int], now: float, channel: Any
    ) -> tuple[MessageType, dict[str, Any]]:
        direction = body.get("dir")
        if direction not in ("up", "down"):
            return MessageType.REFUSED, {"reason": "dir must be up or down"}
        # A START from the same address and port replaces its running test (the client retried because
        # the first ACK was lost, or gave up on the old test).
        for old in [s for s in self.sessions.values() if s.client == source]:
            self._finish(old, "superseded", now)
        client_sessions = sum(1 for s in self.sessions.values() if s.client[0] == source[0])
        if client_sessions >= self.caps.max_sessions_per_client:
            return MessageType.REFUSED, {"reason": "busy: this client already runs a test"}
        if len(self.sessions) >= self.caps.max_sessions_total:
            return MessageType.REFUSED, {"reason": "busy: too many tests running"}
        if not self.limiter.allow(source[0], now):
            return MessageType.REFUSED, {"reason": "too many tests per minute from this client"}
        family = 6 if ":" in source[0] else 4
        grant = clamp_request(self.caps, body.get("rate_mbps"), body.get("duration_s"), body.get("size"), family)
        session_id = self.random(SESSION_BYTES)
        session = Session(session_id, source, direction, grant, now, self.utc(), channel=channel)
        capacity = int(grant.rate_mbps * 1e6 * grant.duration_s / (grant.size * 8)) + 2
        if direction == "up":
            session.stats = ReceiverStats(capacity)
        else:
            session.pacer = Pacer(grant.rate_mbps, grant.size, now, grant.duration_s)
        self.sessions[session_id] = session
        return MessageType.START_ACK, {
            "session": session_id.hex(),
            "dir": direction,
            "rate_mbps": grant.rate_mbps,
            "duration_s": grant.duration_s,
            "size": grant.size,
        }

    def _end(self, body: Mapping[str, Any], source: tuple[str, int], now: float) -> tuple[MessageType, dict[str, Any]]:
        try:
            session_id = bytes.fromhex(str(body.get("session", "")))
        except ValueError:
            session_id = b""
        session = self.sessions.get(session_id) or self.finished.get(session_id)
        if session is None or session.client[0] != source[0]:
            return MessageType.REFUSED, {"reason": "no such session", "session": session_id.hex()}
        if session.finished_at is None:
            sent, received = body.get("sent"), body.get("received")
            if isinstance(sent, int) and not isinstance(sent, bool) and sent >= 0:
                session.client_sent = sent
            if isinstance(received, int) and not isinstance(received, bool) and received >= 0:
                session.client_received = received
            done = session.direction == "up" or (session.pacer is not None and session.pacer.done)
            self._finish(session, "ok" if done else "stopped by client", now)
        return MessageType.END_STATS, dict(session.reply_body)

    # ------------------------------------------------------------------ data

    def session_for_data(self, session_id: bytes, source: tuple[str, int]) -> Session | None:
        """The up session a data datagram belongs to, when it comes from the session's own client."""
        session = self.sessions.get(session_id)
        if session is None or session.stats is None or session.client != source:
            return None
        return session

    def handle_data(
        self, data: bytes | bytearray | memoryview, source: tuple[str, int], arrival_ns: int, segment: int = 0
    ) -> bool:
        """Count up datagrams (one, or several coalesced by UDP GRO into ``segment``-byte pieces); False
        (ignored) when they belong to no running up session from ``source``."""
        segment = segment or len(data)
        try:
            session_id, seq, send_ns, _flags = unpack_data(data)
        except Rejected:
            self._count_bad(source[0], "malformed")
            return False
        session = self.session_for_data(session_id, source)
        if session is None or session.stats is None or self.mono() > session.ends + DATA_GRACE_S:
            if session_id not in self.finished:  # stragglers of a test that just ended are no offence
                self._count_bad(source[0], "stray-data")
            return False
        stats = session.stats
        stats.add(seq, send_ns, arrival_ns, segment)
        # A GRO buffer holds several datagrams of ``segment`` bytes each (the last may be shorter).
        for offset in range(segment, len(data), segment):
            try:
                _sid, seq, send_ns, _flags = unpack_data(data, offset)
            except Rejected:
                break
            stats.add(seq, send_ns, arrival_ns, min(segment, len(data) - offset))
        return True

    def down_sessions(self) -> list[Session]:
        """Running download tests whose stream is not yet complete."""
        return [s for s in self.sessions.values() if s.pacer is not None and not s.pacer.done]

    # ------------------------------------------------------------------ time

    def tick(self) -> None:
        """Close sessions whose time is up, forget old finished ones, flush due summaries of bad messages."""
        now = self.mono()
        for session in list(self.sessions.values()):
            if now > session.ends + END_GRACE_S:
                done = session.pacer is None or session.pacer.done
                self._finish(session, "no END from client" if done else "cut off", now)
        for session_id, session in list(self.finished.items()):
            if session.finished_at is not None and now - session.finished_at > KEEP_FINISHED_S:
                del self.finished[session_id]
        for address, bad in list(self._bad.items()):
            if bad.counts and (bad.logged_at is None or now - bad.logged_at >= BAD_LOG_INTERVAL_S):
                self._log_bad(address, bad, now)
            elif not bad.counts and bad.logged_at is not None and now - bad.logged_at >= BAD_LOG_INTERVAL_S:
                del self._bad[address]

    def shutdown(self) -> None:
        """Stop every running test (the server is stopping). Ignored messages not yet logged appear only in
        the totals (``ignored``), keeping the promise of one line per source per minute."""
        now = self.mono()
        for session in list(self.sessions.values()):
            self._finish(session, "responder stopped", now)

    def _finish(self, session: Session, outcome: str, now: float) -> None:
        self.sessions.pop(session.id, None)
        session.outcome = outcome
        session.finished_at = now
        body: dict[str, Any] = {"session": session.id.hex(), "dir": session.direction}
        if session.stats is not None:
            stats = session.stats.summary(session.client_sent)
            body.update(stats.to_body())
            packets, size, loss = stats.packets, stats.bytes, stats.loss_pct
        else:
            body["sent"] = session.sent_packets
            packets, size = session.sent_packets, session.sent_packets * session.grant.size
            received = session.client_received
            loss = 100.0 * max(0, packets - received) / packets if received is not None and packets else None
        session.reply_body = body
        self.finished[session.id] = session
        self.sessions_done += 1
        duration = min(now, session.ends) - session.started
        self.log(
            f"{self.utc()} session client={_show(session.client)} dir={session.direction} "
            f"rate_mbps={session.grant.rate_mbps:g} duration_s={max(0.0, duration):.2f} "
            f"packets={packets} bytes={size} loss_pct={'-' if loss is None else f'{loss:.2f}'} "
            f"outcome={outcome.replace(' ', '-')}"
        )

    # ------------------------------------------------------------------ ignored messages

    def _count_bad(self, address: str, kind: str) -> None:
        self.ignored[kind] = self.ignored.get(kind, 0) + 1
        if address not in self._bad and len(self._bad) >= BAD_SOURCES_MAX:
            return  # counted above; no per-source summary once this many sources misbehave at once
        bad = self._bad.setdefault(address, _BadSource())
        bad.counts[kind] = bad.counts.get(kind, 0) + 1
        now = self.mono()
        if bad.logged_at is None or now - bad.logged_at >= BAD_LOG_INTERVAL_S:
            self._log_bad(address, bad, now)

    def _log_bad(self, address: str, bad: _BadSource, now: float) -> None:
        counts = ", ".join(f"{n} {kind}" for kind, n in sorted(bad.counts.items()))
        self.log(f"{self.utc()} ignored from {address}: {counts} (no answer sent; at most one such line a minute)")
        bad.counts = {}
        bad.logged_at = now

    @property
    def ignored_total(self) -> int:
        """Messages ignored since the start."""
        return sum(self.ignored.values())


def _show(address: tuple[str, int]) -> str:
    host, port = address
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
