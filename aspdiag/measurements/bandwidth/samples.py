"""The raw material of the bandwidth measurement: kernel TCP_INFO samples of the SSH-port stream, why the
stream ended, and a compact JSON form for recordings (pure: no I/O)."""

from __future__ import annotations

import enum
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any

INFINITE_SSTHRESH = 0x7FFFFFFF  # the kernel's TCP_INFINITE_SSTHRESH: still in the initial slow start
BBR_STARTUP_GAIN_MIN = 2.0  # BBR paces at 2.89x in STARTUP, at most 1.25x once it has filled the pipe


class StreamStop(enum.Enum):
    """Why the IGNORE stream ended."""

    STABLE = "stable"
    BYTE_BUDGET = "byte-budget"
    TIME_BUDGET = "time-budget"
    PEER_CLOSED = "peer-closed"
    PEER_RESET = "peer-reset"
    SEND_ERROR = "send-error"


@dataclass(frozen=True, slots=True)
class TcpInfoSample:
    """One reading of the sending socket's kernel TCP_INFO during the stream (counters are cumulative for
    the connection; ``t_s`` and ``bytes_written`` count from the start of the stream)."""

    t_s: float
    bytes_written: int
    """Stream bytes handed to the kernel so far."""
    bytes_sent: int
    """tcpi_bytes_sent: payload bytes put on the wire, retransmissions included."""
    bytes_acked: int
    delivered_segments: int
    """tcpi_delivered: segments delivered (cumulatively or selectively acknowledged)."""
    delivery_rate_bytes_per_s: int
    delivery_rate_app_limited: bool
    rtt_us: int
    min_rtt_us: int
    snd_cwnd_segments: int
    snd_ssthresh_segments: int
    snd_mss_bytes: int
    total_retrans: int
    busy_time_us: int
    rwnd_limited_us: int
    sndbuf_limited_us: int
    notsent_bytes: int
    unacked_segments: int
    snd_wnd_bytes: int | None = None
    pacing_gain: float | None = None
    """BBR's pacing gain (TCP_CC_INFO); None for other congestion controls."""


@dataclass(frozen=True)
class StreamRecord:
    """What one IGNORE stream through the run's SSH connection gave: the samples and its cost, or why no
    stream ran (``error``: the port did not speak SSH, the server refused this client, the connection failed)."""

    samples: tuple[TcpInfoSample, ...] = ()
    bytes_written: int = 0
    """Stream bytes handed to TCP, the packet the budget cut completed."""
    stop: StreamStop | None = None
    congestion_control: str | None = None
    server_software: str | None = None
    error: str | None = None


# ----------------------------------------------------------------------------------------- serialisation


SAMPLE_FIELDS = tuple(f.name for f in fields(TcpInfoSample))


def samples_to_columns(samples: Sequence[TcpInfoSample]) -> dict[str, object]:
    """Samples as ``{"fields": [...], "rows": [[...], ...]}`` (compact JSON for recordings)."""
    return {"fields": list(SAMPLE_FIELDS), "rows": [[getattr(s, f) for f in SAMPLE_FIELDS] for s in samples]}


def samples_from_columns(data: Mapping[str, object]) -> list[TcpInfoSample]:
    """The inverse of :func:`samples_to_columns` (unknown fields are ignored, missing optional ones None)."""
    names = data["fields"]
    rows = data["rows"]
    if not isinstance(names, list) or not isinstance(rows, list):
        raise ValueError("expected 'fields' and 'rows' lists")
    known = set(SAMPLE_FIELDS)
    out = []
    for row in rows:
        values: dict[str, Any] = {name: value for name, value in zip(names, row, strict=True) if name in known}
        out.append(TcpInfoSample(**values))
    return out
