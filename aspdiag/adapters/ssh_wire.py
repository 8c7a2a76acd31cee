"""The SSH transport before key exchange, as aspdiag uses it without credentials: RFC 4253 binary packets
(block size 8, unencrypted), SSH_MSG_IGNORE and SSH_MSG_DISCONNECT, our identification line, the server's
packets, and what the server did after the TCP handshake (identified, refused with a text such as OpenSSH's
``Not allowed at this time``, closed, reset, silent, not SSH)."""

from __future__ import annotations

import enum
import os
import struct
from dataclasses import dataclass

from aspdiag import __version__

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
