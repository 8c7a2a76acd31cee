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

import enum
import errno
import os
import select
import socket
import struct
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from types import TracebackType

from aspdiag import __version__
from aspdiag.measurements.bandwidth.estimate import StreamStop, TcpInfoSample

# ---------------------------------------------------------------------------------------------------- SSH

CLIENT_IDENT = f"SSH-2.0-aspdiag_{__version__}"
DEFAULT_CLOSE_REASON = "aspdiag preflight check: bandwidth test, no login attempted"

SSH_MSG_DISCONNECT = 1
SSH_MSG_IGNORE = 2
SSH_DISCONNECT_BY_APPLICATION = 11
MESSAGE_NAMES = {
    1: "DISCONNECT",
    2: "IGNORE",
    3: "UNIMPLEMENTED",
    4: "DEBUG",
    5: "SERVICE_REQUEST",
    6: "SERVICE_ACCEPT",
    7: "EXT_INFO",
    20: "KEXINIT",
    21: "NEWKEYS",
}

BLOCK_SIZE = 8  # the cipher block size before key exchange ("none"): 4 + packet_length must be a multiple
MIN_PADDING = 4
MAX_PAYLOAD = 32768  # RFC 4253 6.1: every implementation must accept these sizes (OpenSSH takes 256 KiB)
MAX_PACKET = 35000
IGNORE_DATA_BYTES = MAX_PAYLOAD - 5  # byte type + uint32 string length + data = the largest legal payload

# OpenSSH stops reading identification lines after 1024 lines / 8 KiB per line; a server that has said
# more than this without an SSH- line is not an SSH server.
MAX_PRE_IDENT_LINES = 1024
MAX_LINE_BYTES = 8192
REFUSAL_PHRASES = ("not allowed at this time", "exceeded maxstartups", "too many", "refused")

RX_KEEP_BYTES = 1 << 20  # what we keep of the server's packets (its KEXINIT is ~1-2 KB)

# One send() call writes at most this much; the stream cycles through a block of pre-built packets.
SEND_CHUNK_BYTES = 256 * 1024
IGNORE_BLOCK_PACKETS = 32  # 32 packets of random data: 1 MiB before the stream repeats itself

# TCP_NOTSENT_LOWAT follows the delivery rate: about LOWAT_SECONDS of data may wait unsent in the socket.
LOWAT_SECONDS = 0.04
DRAIN_DONE_BYTES = 64 * 1024  # after the byte budget, sample until this little is left unsent
LOWAT_MIN_BYTES = 256 * 1024
LOWAT_MAX_BYTES = 4 * 1024 * 1024

DEFAULT_SAMPLE_INTERVAL_S = 0.0005
DEFAULT_STOP_CHECK_INTERVAL_S = 0.005


def ssh_string(data: bytes) -> bytes:
    """RFC 4251 ``string``: uint32 length and the bytes."""
    return struct.pack(">I", len(data)) + data


def binary_packet(payload: bytes, *, padding: bytes | None = None) -> bytes:
    """One unencrypted RFC 4253 binary packet (no MAC): uint32 packet_length, byte padding_length, payload,
    random padding of at least 4 bytes, with 4 + packet_length a multiple of the block size 8."""
    if len(payload) > MAX_PAYLOAD:
        raise ValueError(f"payload of {len(payload)} bytes exceeds {MAX_PAYLOAD}")
    padding_length = BLOCK_SIZE - (4 + 1 + len(payload)) % BLOCK_SIZE
    if padding_length < MIN_PADDING:
        padding_length += BLOCK_SIZE
    pad = os.urandom(padding_length) if padding is None else padding[:padding_length]
    if len(pad) != padding_length:
        raise ValueError("padding too short")
    packet_length = 1 + len(payload) + padding_length
    packet = struct.pack(">IB", packet_length, padding_length) + payload + pad
    if len(packet) > MAX_PACKET:
        raise ValueError(f"packet of {len(packet)} bytes exceeds {MAX_PACKET}")
    return packet


def ignore_packet(data: bytes) -> bytes:
    """SSH_MSG_IGNORE carrying ``data`` (RFC 4253 11.2: must be understood and ignored at any time)."""
    return binary_packet(bytes([SSH_MSG_IGNORE]) + ssh_string(data))


def disconnect_packet(description: str, reason_code: int = SSH_DISCONNECT_BY_APPLICATION) -> bytes:
    """SSH_MSG_DISCONNECT with a reason code, a UTF-8 description and an empty language tag."""
    payload = bytes([SSH_MSG_DISCONNECT]) + struct.pack(">I", reason_code)
    payload += ssh_string(description.encode("utf-8")) + ssh_string(b"")
    return binary_packet(payload)


def check_client_ident(ident: str) -> str:
    """Validate our identification line: SSH-2.0-, printable ASCII, no lines OpenSSH drops at once."""
    if not ident.startswith("SSH-2.0-") or len(ident) > 253 or not ident.isascii() or not ident.isprintable():
        raise ValueError(f"not a valid SSH-2.0 identification: {ident!r}")
    software = ident[len("SSH-2.0-") :].split(" ", 1)[0]
    # OpenSSH (compat.c) closes the connection at once for scanners' identifications.
    if software.startswith("Probe-") or "SSH_Version_Mapper" in software or "-" in software:
        raise ValueError(f"identification {ident!r} would be treated as a scanner or is malformed")
    return ident


@dataclass(frozen=True)
class ServerMessage:
    """One unencrypted binary packet the server sent before key exchange."""

    message_type: int
    payload_bytes: int
    disconnect_reason: int | None = None
    description: str | None = None

    @property
    def name(self) -> str:
        return MESSAGE_NAMES.get(self.message_type, str(self.message_type))


def parse_server_packets(data: bytes) -> list[ServerMessage]:
    """The complete unencrypted packets at the start of ``data`` (what followed the server's identification
    line); stops at the first incomplete or malformed one."""
    messages: list[ServerMessage] = []
    offset = 0
    while offset + 5 <= len(data):
        packet_length, padding_length = struct.unpack_from(">IB", data, offset)
        if packet_length < 5 or packet_length > 256 * 1024 or padding_length >= packet_length:
            break
        end = offset + 4 + packet_length
        if end > len(data):
            break
        payload = data[offset + 5 : end - padding_length]
        if not payload:
            break
        reason: int | None = None
        description: str | None = None
        if payload[0] == SSH_MSG_DISCONNECT and len(payload) >= 9:
            reason = struct.unpack_from(">I", payload, 1)[0]
            length = struct.unpack_from(">I", payload, 5)[0]
            description = payload[9 : 9 + length].decode("utf-8", "replace")
        messages.append(ServerMessage(payload[0], len(payload), reason, description))
        offset = end
    return messages


class BannerOutcome(enum.Enum):
    """What the server did after the TCP handshake."""

    IDENTIFIED = "identified"  # an SSH-2.0 (or 1.99) identification line
    SSH1_ONLY = "ssh1-only"  # SSH-1.x: no SSH-2 transport
    REFUSED = "refused"  # said why it refuses us (e.g. "Not allowed at this time") and closed or reset
    CLOSED = "closed"  # closed before any identification
    RESET = "reset"  # reset before any identification
    TIMEOUT = "timeout"  # said nothing (or no SSH- line) within the timeout
    NOT_SSH = "not-ssh"  # talked, but not SSH (e.g. an HTTP server)


@dataclass(frozen=True)
class ServerBanner:
    """The server's identification, or what it sent instead."""

    outcome: BannerOutcome
    seconds: float
    ident: str | None = None
    pre_ident_lines: tuple[str, ...] = ()
    text: str = ""
    """What the server sent when it did not identify (printable, at most 512 characters)."""

    @property
    def ok(self) -> bool:
        return self.outcome is BannerOutcome.IDENTIFIED

    @property
    def protocol_version(self) -> str | None:
        if self.ident is None:
            return None
        return self.ident.split("-", 2)[1]

    @property
    def software(self) -> str | None:
        """The software version, e.g. ``OpenSSH_9.2p1`` (without the comments)."""
        if self.ident is None or self.ident.count("-") < 2:
            return None
        return self.ident.split("-", 2)[2].split(" ", 1)[0]

    @property
    def comments(self) -> str | None:
        if self.ident is None or " " not in self.ident:
            return None
        return self.ident.split(" ", 1)[1]

    @property
    def explanation(self) -> str:
        """What the outcome means, in plain words."""
        return _BANNER_EXPLANATIONS[self.outcome]


_BANNER_EXPLANATIONS = {
    BannerOutcome.IDENTIFIED: "the server identified itself as SSH-2",
    BannerOutcome.SSH1_ONLY: "the server speaks only the obsolete SSH-1 protocol",
    BannerOutcome.REFUSED: (
        "the server refused this connection with a message: OpenSSH >= 9.8 says 'Not allowed at this time' when"
        " PerSourcePenalties has penalised this source address (connections that never authenticated) or"
        " MaxStartups is full; a real transfer from this address is refused as well until the penalty expires"
    ),
    BannerOutcome.CLOSED: (
        "the server closed the connection without identifying: sshd's MaxStartups or PerSourcePenalties (or a"
        " TCP wrapper / firewall proxy) dropping this source, or not an SSH service"
    ),
    BannerOutcome.RESET: (
        "the server reset the connection without identifying: sshd refusing this source (MaxStartups,"
        " PerSourcePenalties) or a middlebox"
    ),
    BannerOutcome.TIMEOUT: "nothing arrived in time: a service that waits for the client first, or a stalled proxy",
    BannerOutcome.NOT_SSH: "the service on this port answered, but not with an SSH identification",
}


class ConnectFailure(enum.Enum):
    """Why the TCP connection could not be made."""

    REFUSED = "refused"
    TIMEOUT = "timeout"
    UNREACHABLE = "unreachable"
    OTHER = "other"


class SshConnectError(Exception):
    """The TCP handshake failed."""

    def __init__(self, failure: ConnectFailure, detail: str, errno_value: int | None = None) -> None:
        super().__init__(f"{failure.value}: {detail}")
        self.failure = failure
        self.detail = detail
        self.errno = errno_value


@dataclass(frozen=True)
class CloseOutcome:
    """How the connection ended."""

    disconnect_sent: bool
    server_closed: bool
    """The server closed its side (EOF) before we closed ours: our DISCONNECT (or FIN) was read."""
    reset: bool
    seconds: float
    bytes_received: int
    server_messages: tuple[ServerMessage, ...] = ()


# ---------------------------------------------------------------------------------------------- TCP_INFO

# struct tcp_info of include/uapi/linux/tcp.h, up to tcpi_total_rto_time (Linux 6.7+; 248 bytes). Every
# field is naturally aligned, so the standard-size native-order struct format below is the C layout.
# Older kernels return a shorter prefix: fields past the returned length are None. Linux 6.18 appends
# AccECN counters after byte 248, which aspdiag does not read.
_TCP_INFO_FIELDS: tuple[tuple[str, str], ...] = (
    ("state", "B"),
    ("ca_state", "B"),
    ("retransmits", "B"),
    ("probes", "B"),
    ("backoff", "B"),
    ("options", "B"),
    ("wscale", "B"),
    ("flags", "B"),
    ("rto_us", "I"),
    ("ato_us", "I"),
    ("snd_mss_bytes", "I"),
    ("rcv_mss_bytes", "I"),
    ("unacked_segments", "I"),
    ("sacked_segments", "I"),
    ("lost_segments", "I"),
    ("retrans_segments", "I"),
    ("fackets", "I"),
    ("last_data_sent_ms", "I"),
    ("last_ack_sent_ms", "I"),
    ("last_data_recv_ms", "I"),
    ("last_ack_recv_ms", "I"),
    ("pmtu_bytes", "I"),
    ("rcv_ssthresh_bytes", "I"),
    ("rtt_us", "I"),
    ("rttvar_us", "I"),
    ("snd_ssthresh_segments", "I"),
    ("snd_cwnd_segments", "I"),
    ("advmss_bytes", "I"),
    ("reordering", "I"),
    ("rcv_rtt_us", "I"),
    ("rcv_space_bytes", "I"),
    ("total_retrans", "I"),
    ("pacing_rate_bytes_per_s", "Q"),
    ("max_pacing_rate_bytes_per_s", "Q"),
    ("bytes_acked", "Q"),
    ("bytes_received", "Q"),
    ("segs_out", "I"),
    ("segs_in", "I"),
    ("notsent_bytes", "I"),
    ("min_rtt_us", "I"),
    ("data_segs_in", "I"),
    ("data_segs_out", "I"),
    ("delivery_rate_bytes_per_s", "Q"),
    ("busy_time_us", "Q"),
    ("rwnd_limited_us", "Q"),
    ("sndbuf_limited_us", "Q"),
    ("delivered_segments", "I"),
    ("delivered_ce_segments", "I"),
    ("bytes_sent", "Q"),
    ("bytes_retrans", "Q"),
    ("dsack_dups", "I"),
    ("reord_seen", "I"),
    ("rcv_ooopack", "I"),
    ("snd_wnd_bytes", "I"),
    ("rcv_wnd_bytes", "I"),
    ("rehash", "I"),
    ("total_rto", "H"),
    ("total_rto_recoveries", "H"),
    ("total_rto_time_ms", "I"),
)
_TCP_INFO_STRUCT = struct.Struct("=" + "".join(fmt for _name, fmt in _TCP_INFO_FIELDS))
TCP_INFO_BYTES = _TCP_INFO_STRUCT.size
_TCP_INFO_ENDS: dict[str, int] = {}
_offset = 0
for _name, _fmt in _TCP_INFO_FIELDS:
    _offset += struct.calcsize("=" + _fmt)
    _TCP_INFO_ENDS[_name] = _offset
TCP_INFO_BASE_BYTES = _TCP_INFO_ENDS["total_retrans"]  # what every Linux since 2.6 returns
TCP_INFO_INFINITE_SSTHRESH = 0x7FFFFFFF  # TCP_INFINITE_SSTHRESH: no loss yet, initial slow start

TCP_CC_INFO = 26  # not in Python's socket module
_BBR_INFO = struct.Struct("=5I")  # struct tcp_bbr_info: bw_lo, bw_hi, min_rtt, pacing_gain, cwnd_gain
BBR_UNIT = 256


@dataclass(frozen=True, slots=True)
class TcpInfo:
    """Linux ``struct tcp_info``: the kernel's names without ``tcpi_``, with the unit appended where the name
    does not say it. Fields newer than the running kernel are None."""

    length_bytes: int
    state: int
    ca_state: int
    retransmits: int
    probes: int
    backoff: int
    options: int
    snd_wscale: int
    rcv_wscale: int
    delivery_rate_app_limited: bool
    fastopen_client_fail: int
    rto_us: int
    ato_us: int
    snd_mss_bytes: int
    rcv_mss_bytes: int
    unacked_segments: int
    sacked_segments: int
    lost_segments: int
    retrans_segments: int
    fackets: int
    last_data_sent_ms: int
    last_ack_sent_ms: int
    last_data_recv_ms: int
    last_ack_recv_ms: int
    pmtu_bytes: int
    rcv_ssthresh_bytes: int
    rtt_us: int
    rttvar_us: int
    snd_ssthresh_segments: int
    snd_cwnd_segments: int
    advmss_bytes: int
    reordering: int
    rcv_rtt_us: int
    rcv_space_bytes: int
    total_retrans: int
    pacing_rate_bytes_per_s: int | None
    max_pacing_rate_bytes_per_s: int | None
    bytes_acked: int | None
    bytes_received: int | None
    segs_out: int | None
    segs_in: int | None
    notsent_bytes: int | None
    min_rtt_us: int | None
    data_segs_in: int | None
    data_segs_out: int | None
    delivery_rate_bytes_per_s: int | None
    busy_time_us: int | None
    rwnd_limited_us: int | None
    sndbuf_limited_us: int | None
    delivered_segments: int | None
    delivered_ce_segments: int | None
    bytes_sent: int | None
    bytes_retrans: int | None
    dsack_dups: int | None
    reord_seen: int | None
    rcv_ooopack: int | None
    snd_wnd_bytes: int | None
    rcv_wnd_bytes: int | None
    rehash: int | None
    total_rto: int | None
    total_rto_recoveries: int | None
    total_rto_time_ms: int | None


def parse_tcp_info(raw: bytes) -> TcpInfo:
    """Parse what ``getsockopt(IPPROTO_TCP, TCP_INFO)`` returned (any kernel since 2.6)."""
    if len(raw) < TCP_INFO_BASE_BYTES:
        raise ValueError(f"TCP_INFO of {len(raw)} bytes is shorter than the {TCP_INFO_BASE_BYTES}-byte base")
    padded = raw[:TCP_INFO_BYTES].ljust(TCP_INFO_BYTES, b"\0")
    v: dict[str, int] = dict(zip((name for name, _ in _TCP_INFO_FIELDS), _TCP_INFO_STRUCT.unpack(padded), strict=True))
    have = len(raw)

    def o(name: str) -> int | None:
        return v[name] if _TCP_INFO_ENDS[name] <= have else None

    # The two bytes of bitfields: C allocates them from the least significant bit on little-endian ABIs.
    wscale, flags = v["wscale"], v["flags"]
    if sys.byteorder == "little":
        snd_wscale, rcv_wscale = wscale & 0x0F, wscale >> 4
        app_limited, fastopen_fail = bool(flags & 0x01), (flags >> 1) & 0x03
    else:
        snd_wscale, rcv_wscale = wscale >> 4, wscale & 0x0F
        app_limited, fastopen_fail = bool(flags & 0x80), (flags >> 5) & 0x03
    return TcpInfo(
        length_bytes=len(raw),
        state=v["state"],
        ca_state=v["ca_state"],
        retransmits=v["retransmits"],
        probes=v["probes"],
        backoff=v["backoff"],
        options=v["options"],
        snd_wscale=snd_wscale,
        rcv_wscale=rcv_wscale,
        delivery_rate_app_limited=app_limited,
        fastopen_client_fail=fastopen_fail,
        rto_us=v["rto_us"],
        ato_us=v["ato_us"],
        snd_mss_bytes=v["snd_mss_bytes"],
        rcv_mss_bytes=v["rcv_mss_bytes"],
        unacked_segments=v["unacked_segments"],
        sacked_segments=v["sacked_segments"],
        lost_segments=v["lost_segments"],
        retrans_segments=v["retrans_segments"],
        fackets=v["fackets"],
        last_data_sent_ms=v["last_data_sent_ms"],
        last_ack_sent_ms=v["last_ack_sent_ms"],
        last_data_recv_ms=v["last_data_recv_ms"],
        last_ack_recv_ms=v["last_ack_recv_ms"],
        pmtu_bytes=v["pmtu_bytes"],
        rcv_ssthresh_bytes=v["rcv_ssthresh_bytes"],
        rtt_us=v["rtt_us"],
        rttvar_us=v["rttvar_us"],
        snd_ssthresh_segments=v["snd_ssthresh_segments"],
        snd_cwnd_segments=v["snd_cwnd_segments"],
        advmss_bytes=v["advmss_bytes"],
        reordering=v["reordering"],
        rcv_rtt_us=v["rcv_rtt_us"],
        rcv_space_bytes=v["rcv_space_bytes"],
        total_retrans=v["total_retrans"],
        pacing_rate_bytes_per_s=o("pacing_rate_bytes_per_s"),
        max_pacing_rate_bytes_per_s=o("max_pacing_rate_bytes_per_s"),
        bytes_acked=o("bytes_acked"),
        bytes_received=o("bytes_received"),
        segs_out=o("segs_out"),
        segs_in=o("segs_in"),
        notsent_bytes=o("notsent_bytes"),
        min_rtt_us=o("min_rtt_us"),
        data_segs_in=o("data_segs_in"),
        data_segs_out=o("data_segs_out"),
        delivery_rate_bytes_per_s=o("delivery_rate_bytes_per_s"),
        busy_time_us=o("busy_time_us"),
        rwnd_limited_us=o("rwnd_limited_us"),
        sndbuf_limited_us=o("sndbuf_limited_us"),
        delivered_segments=o("delivered_segments"),
        delivered_ce_segments=o("delivered_ce_segments"),
        bytes_sent=o("bytes_sent"),
        bytes_retrans=o("bytes_retrans"),
        dsack_dups=o("dsack_dups"),
        reord_seen=o("reord_seen"),
        rcv_ooopack=o("rcv_ooopack"),
        snd_wnd_bytes=o("snd_wnd_bytes"),
        rcv_wnd_bytes=o("rcv_wnd_bytes"),
        rehash=o("rehash"),
        total_rto=o("total_rto"),
        total_rto_recoveries=o("total_rto_recoveries"),
        total_rto_time_ms=o("total_rto_time_ms"),
    )


def bbr_pacing_gain(raw: bytes) -> float | None:
    """BBR's current pacing gain from ``TCP_CC_INFO`` (2.89 in STARTUP, ~1 once the pipe is full)."""
    if len(raw) < _BBR_INFO.size:
        return None
    _lo, _hi, _min_rtt, pacing_gain, _cwnd_gain = _BBR_INFO.unpack_from(raw)
    return float(pacing_gain) / BBR_UNIT


def to_sample(info: TcpInfo, *, t_s: float, bytes_written: int, pacing_gain: float | None = None) -> TcpInfoSample:
    """The fields of one TCP_INFO reading that the bandwidth estimate uses."""
    if info.delivery_rate_bytes_per_s is None or info.bytes_acked is None or info.min_rtt_us is None:
        raise ValueError("this kernel's TCP_INFO has no delivery rate (Linux >= 4.9 needed)")
    delivered = info.delivered_segments
    if delivered is None:  # before Linux 4.18: cumulative ACKs only
        delivered = info.bytes_acked // max(1, info.snd_mss_bytes)
    return TcpInfoSample(
        t_s=t_s,
        bytes_written=bytes_written,
        # tcpi_bytes_sent (4.19) counts retransmissions too; older kernels: what left our hands.
        bytes_sent=info.bytes_sent if info.bytes_sent is not None else bytes_written,
        bytes_acked=info.bytes_acked,
        delivered_segments=delivered,
        delivery_rate_bytes_per_s=info.delivery_rate_bytes_per_s,
        delivery_rate_app_limited=info.delivery_rate_app_limited,
        rtt_us=info.rtt_us,
        min_rtt_us=info.min_rtt_us,
        snd_cwnd_segments=info.snd_cwnd_segments,
        snd_ssthresh_segments=info.snd_ssthresh_segments,
        snd_mss_bytes=info.snd_mss_bytes,
        total_retrans=info.total_retrans,
        busy_time_us=info.busy_time_us or 0,
        rwnd_limited_us=info.rwnd_limited_us or 0,
        sndbuf_limited_us=info.sndbuf_limited_us or 0,
        notsent_bytes=info.notsent_bytes or 0,
        unacked_segments=info.unacked_segments,
        snd_wnd_bytes=info.snd_wnd_bytes,
        pacing_gain=pacing_gain,
    )


# -------------------------------------------------------------------------------------------- connection


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
            try:
                sock.connect(sockaddr)
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
