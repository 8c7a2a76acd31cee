"""The ``aspdiag responder`` protocol: messages, authentication, replay protection, caps, sessions, stats.

A responder is the optional cooperating far end (like ``iperf3 -s``) that someone runs beside an Aspera
server, on the FASP port or another one. With it a client gets definitive two-way answers on UDP and
TCP, and a capped UDP throughput test in both directions with loss, jitter and reordering. This module
is the pure part: no sockets, no clocks of its own (every time is passed in), no UI. The socket server
and the client live in :mod:`aspdiag.adapters.responder_server` and ``responder_client``; replay
protection and caps in ``limits``, pacing and statistics in ``stats``, the session logic in ``server``.

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
import os
import struct
from collections.abc import Mapping
from dataclasses import dataclass
from enum import IntEnum
from pathlib import Path
from typing import Any

from aspdiag.core.errors import ConfigError

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
