"""Replay protection and per-client caps of the responder (pure; every time is passed in)."""

from __future__ import annotations

import math
from collections import deque
from dataclasses import dataclass
from typing import Any

from aspdiag.tools.responder.protocol import (
    BAD_SOURCES_MAX,
    MAX_PAYLOAD_V4,
    MAX_PAYLOAD_V6,
    MIN_PAYLOAD,
    NONCE_CACHE_MAX,
    WINDOW_S,
    Message,
    Rejected,
)

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
