"""The ``aspdiag responder`` protocol: messages, authentication, replay protection, caps, sessions, stats.

A responder is the optional cooperating far end (like ``iperf3 -s``) that someone runs beside an Aspera
server, on the FASP port or another one. With it a client gets definitive two-way answers on UDP and
TCP, and a capped UDP throughput test in both directions with loss, jitter and reordering. This module
is the pure part: no sockets, no clocks of its own (every time is passed in), no UI. The socket server
and the client function live in :mod:`aspdiag.net.responder`.

Wire format
-----------
Control message (one UDP datagram, or on TCP one frame behind a 2-byte big-endian length)::

    magic "ASPR" | version 1 | type (1 byte) | flags (2 bytes, 0) | nonce (16 random bytes)
    | timestamp_ms (8 bytes, sender's UTC wall clock) | body_len (2 bytes) | body (UTF-8 JSON object)
    | padding (zeros) | tag (32 bytes: HMAC-SHA256 with the shared key over everything before it)

Types: HELLO → HELLO_REPLY (two-way check, RTT); START {dir up|down, rate_mbps, duration_s, size} →
START_ACK {session, granted rate_mbps, duration_s, size} or REFUSED {reason}; END {session, sent
(up), received (down, optional)} → END_STATS (the receiver's statistics for up, the count sent for down).
Every reply is signed the same way and names the nonce of its request (``re``), so a client accepts only
the answer to what it asked. The responder's rules:

- A message that is malformed, has a bad tag, a timestamp outside ±120 s of the responder's clock, or a
  nonce already seen gets **no answer at all** (not even an error): the port then looks exactly like a
  closed UDP port to anyone without the key. Such messages are counted; one summary line per source per
  minute goes to the log.
- A reply is never larger than the request that caused it (clients pad requests to
  ``REQUEST_BYTES``; a reply that would be larger is not sent), so the responder cannot amplify.
- Only inside an authenticated test does the responder send more than it received: a download stream
  goes only to the source address and port of the authenticated START, at the granted rate, and stops at
  the granted duration whether or not the client is still there.
- Per client address: rate and duration per test are clamped to the caps, at most
  ``max_sessions_per_client`` tests at once and ``max_tests_per_minute`` per minute; at most
  ``max_sessions_total`` tests at once overall.

Test data datagrams are not signed (an HMAC per packet would cost the rate we want to measure); they are
bound to a session by an 8-byte random session id that only the authenticated START_ACK carries, and up
data is accepted only from the address and port that started the session::

    magic "ASPD" | version 1 | type DATA | flags (bit 0: last of the stream) | session (8 bytes)
    | seq (8 bytes, from 0) | send_ns (8 bytes, sender's monotonic clock) | padding to the test's size

Rates are UDP payload bits per second (as ``iperf3 -u -b``). Receiver statistics: loss from sequence
numbers (expected = the sender's count when known, else highest sequence + 1; arrivals do not count
twice), jitter as in RFC 3550 (RFC 1889, iperf3): ``J += (|D| - J) / 16`` over consecutive arrivals where
D is the change in one-way transit time (so the clocks' offset cancels), reordering as arrivals below the
highest sequence seen, and the received rate over the receive interval.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import math
import os
import struct
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import IntEnum
from pathlib import Path
from typing import Any

from aspdiag.errors import ConfigError

MAGIC = b"ASPR"
DATA_MAGIC = b"ASPD"
VERSION = 1
HEADER = struct.Struct("!4sBBH16sQH")
"""magic, version, type, flags, nonce, timestamp_ms, body_len."""
TAG_BYTES = 32
NONCE_BYTES = 16
MIN_MESSAGE_BYTES = HEADER.size + TAG_BYTES
MAX_MESSAGE_BYTES = 1200
"""Largest control message accepted (fits one datagram even at the IPv6 minimum MTU)."""
REQUEST_BYTES = 512
"""Clients pad every request to this size, so that every reply fits under it."""
DATA_HEADER = struct.Struct("!4sBBH8sQQ")
"""magic, version, type, flags, session, seq, send_ns."""
SESSION_BYTES = 8
FLAG_LAST = 1

WINDOW_S = 120.0
"""Accepted difference between a message's timestamp and the responder's clock."""
NONCE_CACHE_MAX = 200_000
"""Nonces remembered (they expire after twice the window). Only authenticated messages enter the
cache, so nobody without the key can fill it; when it is full, new messages are refused (fail closed)."""
MIN_KEY_BYTES = 16
KEY_ENV = "ASPDIAG_RESPONDER_KEY"
DEFAULT_PORT = 33001
MAX_PAYLOAD_V4 = 1472
"""1500-byte MTU minus 20 (IPv4) and 8 (UDP)."""
MAX_PAYLOAD_V6 = 1452
"""1500-byte MTU minus 40 (IPv6) and 8 (UDP)."""
MIN_PAYLOAD = 64
END_GRACE_S = 5.0
"""How long after a test's granted duration a responder waits for END before it closes the session."""
DATA_GRACE_S = 1.0
"""Up data still counted this long after the granted duration (queues in the path drain)."""
KEEP_FINISHED_S = 60.0
"""How long the statistics of an ended session are kept for a repeated END (the first reply was lost)."""
BAD_LOG_INTERVAL_S = 60.0
BAD_SOURCES_MAX = 10_000
MAX_TRACKED_PACKETS = 1 << 28
"""Sequence numbers tracked per stream (a 32 MiB bitmap at most: 10 s at 300 Gbit/s of 1472-byte datagrams)."""


class MessageType(IntEnum):
    """Control message types."""

    HELLO = 1
    HELLO_REPLY = 2
    START = 3
    START_ACK = 4
    REFUSED = 5
    END = 6
    END_STATS = 7
    DATA = 16


REQUEST_TYPES = frozenset({MessageType.HELLO, MessageType.START, MessageType.END})


class Rejected(Exception):
    """A message the responder ignores; ``kind`` is malformed | bad-tag | expired | replayed."""

    def __init__(self, kind: str, detail: str = "") -> None:
        super().__init__(f"{kind}: {detail}" if detail else kind)
        self.kind = kind


@dataclass(frozen=True)
class Message:
    """A decoded, authenticated control message."""

    type: MessageType
    nonce: bytes
    timestamp_ms: int
    body: dict[str, Any]


# --------------------------------------------------------------------------- keys


def load_responder_key(path: Path | None, environ: Mapping[str, str], *, option: str = "--key-file") -> bytes:
    """The shared key: from ``path`` (its content without the trailing newline) or ``ASPDIAG_RESPONDER_KEY``.

    Never from the command line, where any user could read it. Raises ConfigError with a hint when there
    is none or it is shorter than 16 bytes.
    """
    hint = (
        f"put at least {MIN_KEY_BYTES} random bytes in a file readable only by you (e.g. "
        f"'openssl rand -hex 32 > key; chmod 600 key') and give {option}, or set "
        f"{KEY_ENV}; use the same key on both ends"
    )
    if path is not None:
        try:
            key = path.read_bytes()
        except FileNotFoundError:
            raise ConfigError(f"key file {str(path)!r} does not exist", hint) from None
        except IsADirectoryError:
            raise ConfigError(f"key file {str(path)!r} is a directory", hint) from None
        except OSError as exc:
            raise ConfigError(f"cannot read key file {str(path)!r}: {exc.strerror or exc}", hint) from None
        key = key.rstrip(b"\r\n")
        source = f"key file {str(path)!r}"
    else:
        text = environ.get(KEY_ENV, "")
        if not text:
            raise ConfigError(f"no responder key: neither {option} nor {KEY_ENV} is given", hint)
        key = text.rstrip("\r\n").encode("utf-8")
        source = KEY_ENV
    if len(key) < MIN_KEY_BYTES:
        raise ConfigError(f"the key in {source} is {len(key)} bytes long; at least {MIN_KEY_BYTES} are needed", hint)
    return key


def key_file_warning(path: Path) -> str | None:
    """A warning when a key file can be read by group or others (None when it is private)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return None
    if mode & 0o077:
        return f"key file {str(path)!r} is readable by other users (mode {mode & 0o777:o}); run chmod 600 on it"
    return None


# --------------------------------------------------------------------------- encoding


def _tag(key: bytes, data: bytes | bytearray | memoryview) -> bytes:
    return hmac.new(key, data, hashlib.sha256).digest()


def new_nonce() -> bytes:
    """A fresh random nonce."""
    return os.urandom(NONCE_BYTES)


def encode(
    key: bytes,
    kind: MessageType,
    body: Mapping[str, Any],
    *,
    nonce: bytes,
    timestamp_ms: int,
    pad_to: int = 0,
) -> bytes:
    """One signed control message, padded with zeros to ``pad_to`` bytes when shorter."""
    payload = json.dumps(body, separators=(",", ":"), sort_keys=True).encode("utf-8")
    if len(nonce) != NONCE_BYTES:
        raise ValueError("nonce must be 16 bytes")
    head = HEADER.pack(MAGIC, VERSION, int(kind), 0, nonce, timestamp_ms, len(payload))
    unsigned = head + payload
    padding = max(0, pad_to - len(unsigned) - TAG_BYTES)
    unsigned += b"\0" * padding
    message = unsigned + _tag(key, unsigned)
    if len(message) > MAX_MESSAGE_BYTES:
        raise ValueError(f"message of {len(message)} bytes is too large")
    return message


def decode(key: bytes, data: bytes) -> Message:
    """Check and decode a control message; raise Rejected (malformed, bad-tag) when it is not one.

    The tag is checked before the body is parsed, so unauthenticated input never reaches the JSON parser.
    """
    if not MIN_MESSAGE_BYTES <= len(data) <= MAX_MESSAGE_BYTES:
        raise Rejected("malformed", f"{len(data)} bytes")
    magic, version, kind, _flags, nonce, timestamp_ms, body_len = HEADER.unpack_from(data)
    if magic != MAGIC or version != VERSION:
        raise Rejected("malformed", "magic or version")
    if HEADER.size + body_len > len(data) - TAG_BYTES:
        raise Rejected("malformed", "body length")
    if not hmac.compare_digest(_tag(key, data[:-TAG_BYTES]), data[-TAG_BYTES:]):
        raise Rejected("bad-tag")
    try:
        message_type = MessageType(kind)
        body = json.loads(data[HEADER.size : HEADER.size + body_len].decode("utf-8"))
    except (ValueError, UnicodeDecodeError):
        raise Rejected("malformed", "type or body") from None
    if not isinstance(body, dict):
        raise Rejected("malformed", "body is not an object")
    return Message(message_type, nonce, timestamp_ms, body)


def is_data(data: bytes | bytearray | memoryview) -> bool:
    """Whether a datagram looks like test data (cheap check before the control path)."""
    return len(data) >= DATA_HEADER.size and bytes(data[:4]) == DATA_MAGIC


def pack_data(buffer: bytearray, offset: int, session: bytes, seq: int, send_ns: int, flags: int = 0) -> None:
    """Write a data header into ``buffer`` at ``offset`` (the rest of the datagram is padding)."""
    DATA_HEADER.pack_into(buffer, offset, DATA_MAGIC, VERSION, int(MessageType.DATA), flags, session, seq, send_ns)


def unpack_data(data: bytes | bytearray | memoryview, offset: int = 0) -> tuple[bytes, int, int, int]:
    """(session, seq, send_ns, flags) of a data datagram; raises Rejected when it is not one."""
    try:
        magic, version, kind, flags, session, seq, send_ns = DATA_HEADER.unpack_from(data, offset)
    except struct.error:
        raise Rejected("malformed", "short data") from None
    if magic != DATA_MAGIC or version != VERSION or kind != MessageType.DATA:
        raise Rejected("malformed", "data header")
    return session, seq, send_ns, flags


# --------------------------------------------------------------------------- replay protection


class ReplayGuard:
    """Timestamp window plus a cache of seen nonces. ``check`` raises Rejected (expired, replayed)."""

    def __init__(self, window_s: float = WINDOW_S, max_entries: int = NONCE_CACHE_MAX) -> None:
        self.window_s = window_s
        self.max_entries = max_entries
        self._seen: dict[bytes, float] = {}
        self._order: deque[tuple[float, bytes]] = deque()

    def check(self, message: Message, now_s: float) -> None:
        """Accept a message once, when its timestamp is within the window of ``now_s`` (wall clock)."""
        self._expire(now_s)
        if abs(message.timestamp_ms / 1000.0 - now_s) > self.window_s:
            raise Rejected("expired", f"timestamp {message.timestamp_ms / 1000.0 - now_s:+.0f} s off")
        if message.nonce in self._seen:
            raise Rejected("replayed")
        if len(self._seen) >= self.max_entries:
            raise Rejected("replayed", "nonce cache full")
        # A nonce must be remembered as long as its timestamp can still pass the window check.
        until = message.timestamp_ms / 1000.0 + self.window_s
        self._seen[message.nonce] = until
        self._order.append((until, message.nonce))

    def _expire(self, now_s: float) -> None:
        # Entries leave in insertion order; one with an earlier expiry behind a later one waits a little,
        # which only keeps it longer (safe).
        while self._order and self._order[0][0] < now_s:
            _, nonce = self._order.popleft()
            self._seen.pop(nonce, None)

    def __len__(self) -> int:
        return len(self._seen)


# --------------------------------------------------------------------------- caps


@dataclass(frozen=True)
class Caps:
    """What one client may ask for."""

    max_rate_mbps: float = 100.0
    max_duration_s: float = 10.0
    max_sessions_per_client: int = 1
    max_tests_per_minute: int = 20
    max_sessions_total: int = 8


@dataclass(frozen=True)
class Grant:
    """What a START is granted after clamping."""

    rate_mbps: float
    duration_s: float
    size: int


def max_payload(family: int) -> int:
    """Largest test datagram payload that fits a 1500-byte MTU for an address family (4 or 6)."""
    return MAX_PAYLOAD_V6 if family == 6 else MAX_PAYLOAD_V4


def clamp_request(caps: Caps, rate_mbps: Any, duration_s: Any, size: Any, family: int) -> Grant:
    """Clamp a START's rate, duration and datagram size to the caps (garbage becomes the smallest value)."""

    def number(value: Any, default: float) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
            return default
        return float(value)

    rate = min(max(number(rate_mbps, 0.0), 0.01), caps.max_rate_mbps)
    duration = min(max(number(duration_s, 0.0), 0.1), caps.max_duration_s)
    top = max_payload(family)
    datagram = int(min(max(number(size, top), MIN_PAYLOAD), top))
    return Grant(round(rate, 6), round(duration, 6), datagram)


class ClientLimiter:
    """Tests per client address per minute (a sliding window)."""

    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self._starts: dict[str, deque[float]] = {}

    def allow(self, client: str, now: float) -> bool:
        """Record a test start for ``client`` at ``now`` (monotonic) if the limit allows it."""
        starts = self._starts.setdefault(client, deque())
        while starts and starts[0] <= now - 60.0:
            starts.popleft()
        if len(starts) >= self.per_minute:
            return False
        starts.append(now)
        if len(self._starts) > BAD_SOURCES_MAX:
            self._starts = {c: d for c, d in self._starts.items() if d and d[-1] > now - 60.0}
        return True


# --------------------------------------------------------------------------- pacing and statistics


class Pacer:
    """When the datagrams of a paced stream are due: ``ready(now)`` says how many to send now.

    Datagram i is due at ``start + i * interval``. They go out in batches of ``batch`` (one UDP GSO
    send; a batch spans at most about ``BATCH_SPAN_S``, so the stream stays smooth at the rate of a
    shaper's token bucket). A sender that fell behind catches up (the average rate is what counts), but
    never sends more than the duration allows.
    """

    BATCH_SPAN_S = 250e-6
    MAX_BATCH = 44
    """44 datagrams of 1472 bytes fill one 64 KiB GSO send."""

    def __init__(self, rate_mbps: float, size: int, start: float, duration_s: float, *, max_batch: int = 0) -> None:
        self.interval_s = size * 8 / (rate_mbps * 1e6)
        self.start = start
        self.end = start + duration_s
        self.total = max(1, int(duration_s / self.interval_s))
        top = max_batch or min(self.MAX_BATCH, 65000 // size)
        self.batch = max(1, min(top, math.ceil(self.BATCH_SPAN_S / self.interval_s)))
        self.sent = 0

    def due(self, now: float) -> int:
        """How many datagrams are due at ``now`` and not yet sent."""
        if now < self.start:
            return 0
        # The epsilon keeps a datagram due exactly at ``now`` from slipping to the next call by rounding.
        allowed = min(self.total, int((now - self.start) / self.interval_s + 1e-9) + 1)
        return max(0, allowed - self.sent)

    def ready(self, now: float) -> int:
        """How many to send in one go now: 0 until a whole batch (or the rest of the stream) is due."""
        due = self.due(now)
        if due < min(self.batch, self.total - self.sent):
            return 0
        return min(due, self.batch)

    def next_at(self) -> float:
        """When the next batch is due."""
        return self.start + (self.sent + min(self.batch, max(1, self.total - self.sent)) - 1) * self.interval_s

    @property
    def done(self) -> bool:
        """Whether every datagram of the stream has been sent."""
        return self.sent >= self.total


@dataclass(frozen=True)
class StreamStats:
    """What the receiver of a test stream saw."""

    packets: int
    bytes: int
    expected: int
    lost: int
    loss_pct: float | None
    jitter_ms: float | None
    reordered: int
    duplicates: int
    interval_s: float
    rate_mbps: float | None

    def to_body(self) -> dict[str, Any]:
        """The fields an END_STATS reply carries."""
        return {
            "packets": self.packets,
            "bytes": self.bytes,
            "expected": self.expected,
            "lost": self.lost,
            "loss_pct": None if self.loss_pct is None else round(self.loss_pct, 4),
            "jitter_ms": None if self.jitter_ms is None else round(self.jitter_ms, 4),
            "reordered": self.reordered,
            "duplicates": self.duplicates,
            "interval_s": round(self.interval_s, 6),
            "rate_mbps": None if self.rate_mbps is None else round(self.rate_mbps, 4),
        }


class ReceiverStats:
    """Loss by sequence number, RFC 3550 jitter, reordering and rate for one received stream.

    Sequence numbers index a bitmap (so a duplicate is not counted as a second arrival); sequence numbers
    at or above ``max_packets`` (more than the granted test can hold) are ignored.
    """

    def __init__(self, max_packets: int) -> None:
        self.max_packets = min(max_packets, MAX_TRACKED_PACKETS)
        self._seen = bytearray(min(64 * 1024, (self.max_packets + 7) // 8))
        self.packets = 0
        self.bytes = 0
        self.highest = -1
        self.reordered = 0
        self.duplicates = 0
        self.jitter_ns = 0.0
        self._last_transit: int | None = None
        self.first_ns: int | None = None
        self.last_ns: int | None = None
        self.last_flag = False

    def add(self, seq: int, send_ns: int, arrival_ns: int, nbytes: int) -> None:
        """Record one arrival (in arrival order)."""
        if not 0 <= seq < self.max_packets:
            return
        index, bit = seq >> 3, 1 << (seq & 7)
        if index >= len(self._seen):  # grown on demand: a granted test need not cost its whole bitmap at once
            self._seen.extend(bytes(max(index + 1 - len(self._seen), len(self._seen))))
        if self._seen[index] & bit:
            self.duplicates += 1
            return
        self._seen[index] |= bit
        self.packets += 1
        self.bytes += nbytes
        if seq < self.highest:
            self.reordered += 1
        else:
            self.highest = seq
        transit = arrival_ns - send_ns
        if self._last_transit is not None:
            # RFC 3550 A.8 / RFC 1889: J += (|D| - J) / 16; the clocks' offset cancels in D.
            self.jitter_ns += (abs(transit - self._last_transit) - self.jitter_ns) / 16.0
        self._last_transit = transit
        if self.first_ns is None:
            self.first_ns = arrival_ns
        self.last_ns = arrival_ns

    def summary(self, sent: int | None = None) -> StreamStats:
        """Statistics so far; ``sent`` (the sender's count, when known) sets how many were expected."""
        expected = max(self.highest + 1, min(sent, self.max_packets) if sent is not None else 0)
        lost = max(0, expected - self.packets)
        interval_ns = (self.last_ns - self.first_ns) if self.first_ns is not None and self.last_ns else 0
        rate = None
        if self.packets >= 2 and interval_ns > 0:
            # n arrivals span n-1 gaps: count the bytes after the first arrival over the interval.
            rate = self.bytes * (self.packets - 1) / self.packets * 8 / (interval_ns / 1e9) / 1e6
        return StreamStats(
            packets=self.packets,
            bytes=self.bytes,
            expected=expected,
            lost=lost,
            loss_pct=100.0 * lost / expected if expected else None,
            jitter_ms=self.jitter_ns / 1e6 if self.packets >= 2 else None,
            reordered=self.reordered,
            duplicates=self.duplicates,
            interval_s=interval_ns / 1e9,
            rate_mbps=rate,
        )


def stats_from_body(body: Mapping[str, Any]) -> StreamStats | None:
    """The StreamStats an END_STATS reply carries (None when it carries none, e.g. for a down test)."""
    if not isinstance(body.get("packets"), int):
        return None

    def num(name: str) -> float | None:
        value = body.get(name)
        return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None

    def count(name: str) -> int:
        value = body.get(name)
        return value if isinstance(value, int) and not isinstance(value, bool) else 0

    return StreamStats(
        packets=count("packets"),
        bytes=count("bytes"),
        expected=count("expected"),
        lost=count("lost"),
        loss_pct=num("loss_pct"),
        jitter_ms=num("jitter_ms"),
        reordered=count("reordered"),
        duplicates=count("duplicates"),
        interval_s=num("interval_s") or 0.0,
        rate_mbps=num("rate_mbps"),
    )


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
            kind, body = MessageType.HELLO_REPLY, {"transport": transport}
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
