"""The SSH adapter against small fake servers on loopback (127.0.0.1 only): binary packet framing, what it
notes when a server refuses, closes, resets, stays silent or is not SSH, the IGNORE stream as a server
parses it, the polite DISCONNECT, and the TCP_INFO parser."""

from __future__ import annotations

import socket
import struct
import sys
import threading
from collections.abc import Callable, Iterator

import pytest

from aspdiag.adapters.ssh import SshConnection
from aspdiag.adapters.ssh_wire import (
    CLIENT_IDENT,
    DEFAULT_CLOSE_REASON,
    MAX_PACKET,
    MAX_PAYLOAD,
    BannerOutcome,
    ConnectFailure,
    SshConnectError,
    check_client_ident,
    disconnect_packet,
    ignore_packet,
    parse_server_packets,
)
from aspdiag.adapters.tcp_info import TCP_INFO_BASE_BYTES, TCP_INFO_BYTES, parse_tcp_info
from aspdiag.measurements.bandwidth.samples import StreamStop

Handler = Callable[[socket.socket], None]


@pytest.fixture
def fake_server() -> Iterator[Callable[[Handler], int]]:
    """Start a one-connection TCP server on 127.0.0.1 running ``handler``; returns its port."""
    threads: list[threading.Thread] = []
    listeners: list[socket.socket] = []

    def start(handler: Handler) -> int:
        listener = socket.create_server(("127.0.0.1", 0))
        listeners.append(listener)

        def serve() -> None:
            conn, _ = listener.accept()
            with conn:
                handler(conn)

        thread = threading.Thread(target=serve, daemon=True)
        thread.start()
        threads.append(thread)
        return int(listener.getsockname()[1])

    yield start
    for thread in threads:
        thread.join(timeout=5)
    for listener in listeners:
        listener.close()


def read_line(conn: socket.socket) -> bytes:
    data = b""
    while not data.endswith(b"\n"):
        chunk = conn.recv(1)
        if not chunk:
            break
        data += chunk
    return data


def read_packets(conn: socket.socket, log: list[tuple[int, bytes]]) -> None:
    """Parse unencrypted binary packets as sshd does before key exchange, checking the framing rules."""
    buf = b""
    while True:
        chunk = conn.recv(65536)
        if not chunk:
            return
        buf += chunk
        while len(buf) >= 5:
            length, padding = struct.unpack(">IB", buf[:5])
            assert 5 <= length and 4 + length <= MAX_PACKET, length
            assert (4 + length) % 8 == 0 and padding >= 4, (length, padding)
            if len(buf) < 4 + length:
                break
            payload = buf[5 : 4 + length - padding]
            assert len(payload) <= MAX_PAYLOAD
            log.append((payload[0], payload))
            buf = buf[4 + length :]
            if payload[0] == 1:  # DISCONNECT: sshd logs it and closes
                return


# ---------------------------------------------------------------------------------------------- framing


def test_ignore_and_disconnect_framing():
    for size in (0, 1, 100, 32763):
        packet = ignore_packet(b"x" * size)
        length, padding = struct.unpack(">IB", packet[:5])
        assert len(packet) == 4 + length and len(packet) % 8 == 0
        assert 4 <= padding < 4 + 8 and len(packet) <= MAX_PACKET
        assert packet[5] == 2 and struct.unpack(">I", packet[6:10])[0] == size
    with pytest.raises(ValueError):
        ignore_packet(b"x" * 32764)  # the payload would exceed 32768 bytes
    (message,) = parse_server_packets(disconnect_packet("aspdiag test"))
    assert (message.name, message.disconnect_reason, message.description) == ("DISCONNECT", 11, "aspdiag test")


def test_client_identification():
    assert CLIENT_IDENT.startswith("SSH-2.0-aspdiag_") and check_client_ident(CLIENT_IDENT)
    for bad in ("SSH-2.0-Probe-aspdiag", "SSH-2.0-x_SSH_Version_Mapper", "SSH-1.5-aspdiag", "SSH-2.0-a b\r"):
        with pytest.raises(ValueError):
            check_client_ident(bad)


# ------------------------------------------------------------------------------------------- the banner


def test_stream_and_polite_disconnect(fake_server):
    """A server that identifies, reads our identification and parses every packet until our DISCONNECT."""
    got: dict[str, object] = {}
    packets: list[tuple[int, bytes]] = []

    def handler(conn: socket.socket) -> None:
        conn.sendall(b"SSH-2.0-FakeSSH_1.0 test\r\n")
        got["ident"] = read_line(conn)
        read_packets(conn, packets)

    port = fake_server(handler)
    with SshConnection.open("127.0.0.1", port) as conn:
        assert conn.banner.ok and conn.banner.software == "FakeSSH_1.0" and conn.banner.comments == "test"
        assert conn.handshake_ms >= 0
        samples = conn.stream_ignore(300_000, 2.0)
        close = conn.close()
    assert got["ident"] == (CLIENT_IDENT + "\r\n").encode()
    assert conn.stream_stop is StreamStop.BYTE_BUDGET
    assert len(samples) >= 2 and samples[0].t_s == 0.0 and samples[0].bytes_written == 0
    kinds = [kind for kind, _ in packets]
    assert kinds[-1] == 1 and set(kinds[:-1]) == {2} and 20 not in kinds  # IGNOREs, then DISCONNECT, no KEXINIT
    assert sum(len(payload) + 16 for _, payload in packets[:-1]) == conn.bytes_written  # whole packets only
    payload = packets[-1][1]
    reason, length = struct.unpack(">II", payload[1:9])
    assert reason == 11 and payload[9 : 9 + length].decode() == DEFAULT_CLOSE_REASON
    assert close.disconnect_sent and close.server_closed and not close.reset


def test_refusal_text_is_noted(fake_server):
    port = fake_server(lambda conn: conn.sendall(b"Not allowed at this time\r\n"))
    with SshConnection.open("127.0.0.1", port) as conn:
        assert conn.banner.outcome is BannerOutcome.REFUSED
        assert "Not allowed at this time" in conn.banner.text
        assert "PerSourcePenalties" in conn.banner.explanation
        assert not conn.ident_sent
        with pytest.raises(RuntimeError):
            conn.stream_ignore(1000, 1.0)
    assert not conn.close().disconnect_sent


def test_close_reset_silence_and_other_services(fake_server):
    port = fake_server(lambda conn: None)
    assert SshConnection.open("127.0.0.1", port).banner.outcome is BannerOutcome.CLOSED

    def reset(conn: socket.socket) -> None:
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))

    port = fake_server(reset)
    assert SshConnection.open("127.0.0.1", port).banner.outcome in (BannerOutcome.RESET, BannerOutcome.CLOSED)

    stop = threading.Event()
    port = fake_server(lambda conn: stop.wait(5))
    silent = SshConnection.open("127.0.0.1", port, banner_timeout_s=0.3)
    assert silent.banner.outcome is BannerOutcome.TIMEOUT
    silent.close(timeout_s=0.2)
    stop.set()

    port = fake_server(lambda conn: conn.sendall(b"HTTP/1.1 400 Bad Request\r\n\r\n"))
    http = SshConnection.open("127.0.0.1", port)
    assert http.banner.outcome is BannerOutcome.NOT_SSH and "400" in http.banner.text

    def old(conn: socket.socket) -> None:
        conn.sendall(b"Welcome\r\nSSH-1.5-OldSSH\r\n")
        stop.wait(1)

    stop.clear()
    port = fake_server(old)
    ssh1 = SshConnection.open("127.0.0.1", port)
    assert ssh1.banner.outcome is BannerOutcome.SSH1_ONLY and ssh1.banner.pre_ident_lines == ("Welcome",)
    ssh1.close(timeout_s=0.2)
    stop.set()


def test_connect_failures():
    closed = socket.create_server(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()
    with pytest.raises(SshConnectError) as err:
        SshConnection.open("127.0.0.1", port)
    assert err.value.failure is ConnectFailure.REFUSED
    with pytest.raises(ValueError):
        SshConnection.open("localhost", 22)  # names are resolved elsewhere: one numeric address, one connection


# --------------------------------------------------------------------------------------------- TCP_INFO

FIELDS = "=8B24I4Q6IQ3Q2I2Q6I2HI"


def test_tcp_info_layout_and_short_structs():
    values = list(range(1, 8)) + [0x01] + list(range(100, 124)) + [1000, 1001, 1002, 1003]
    values += [200, 201, 202, 203, 204, 205, 5000, 6000, 7000, 8000, 300, 301, 9000, 9001, 400, 401, 402]
    values += [403, 404, 405, 6, 7, 408]
    raw = struct.pack(FIELDS, *values)
    assert len(raw) == TCP_INFO_BYTES == 248
    info = parse_tcp_info(raw + b"\0" * 32)  # Linux 6.18 appends AccECN counters
    if sys.byteorder == "little":
        assert info.delivery_rate_app_limited and (info.snd_wscale, info.rcv_wscale) == (7, 0)
    assert (info.rto_us, info.total_retrans) == (100, 123)
    assert (info.pacing_rate_bytes_per_s, info.bytes_acked) == (1000, 1002)
    assert (info.notsent_bytes, info.min_rtt_us) == (202, 203)
    assert (info.delivery_rate_bytes_per_s, info.busy_time_us, info.rwnd_limited_us) == (5000, 6000, 7000)
    assert (info.sndbuf_limited_us, info.delivered_segments, info.bytes_sent) == (8000, 300, 9000)
    assert (info.snd_wnd_bytes, info.total_rto, info.total_rto_time_ms) == (403, 6, 408)
    old = parse_tcp_info(raw[:TCP_INFO_BASE_BYTES])  # a 2.6-era kernel
    assert old.total_retrans == 123 and old.bytes_acked is None and old.delivery_rate_bytes_per_s is None
    with pytest.raises(ValueError):
        parse_tcp_info(raw[:50])


def test_tcp_info_of_a_real_socket(fake_server):
    port = fake_server(lambda conn: conn.sendall(b"SSH-2.0-FakeSSH_1.0\r\n") or read_line(conn))
    with SshConnection.open("127.0.0.1", port) as conn:
        info = conn.tcp_info()
        assert info.state in (1, 8) and info.delivery_rate_bytes_per_s is not None and info.min_rtt_us is not None
        assert info.bytes_sent is not None and info.bytes_sent >= len(CLIENT_IDENT) + 2


def test_a_pool_limited_to_one_connection_opens_one_in_the_whole_run(monkeypatch):
    """The exporter's scrapes: one SSH connection at most, whatever the ports and addresses (issue #18); a run
    of 'check' keeps one per address and port."""
    from aspdiag.adapters import ssh_sessions
    from aspdiag.adapters.ssh import SshConnection
    from aspdiag.adapters.ssh_wire import SshConnectError

    opened: list[tuple[str, int]] = []

    def fake_open(address: str, port: int, **_: object) -> object:
        opened.append((address, port))
        return object()

    monkeypatch.setattr(SshConnection, "open", staticmethod(fake_open))
    pool = ssh_sessions.SshSessionPool(max_connections=1)
    first = pool.session("198.18.3.2", 22, 1.0)
    assert not isinstance(first, SshConnectError)
    assert pool.session("198.18.3.2", 22, 1.0) is first  # the same connection again
    for address, port in (("198.18.3.2", 33001), ("2001:db8:3::2", 22)):
        refused = pool.session(address, port, 1.0)
        assert isinstance(refused, SshConnectError) and "not opened" in refused.detail
    assert opened == [("198.18.3.2", 22)]
    unlimited = ssh_sessions.SshSessionPool()
    unlimited.session("198.18.3.2", 22, 1.0)
    unlimited.session("198.18.3.2", 33001, 1.0)
    assert opened[1:] == [("198.18.3.2", 22), ("198.18.3.2", 33001)]
