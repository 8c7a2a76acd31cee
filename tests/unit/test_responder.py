"""The responder protocol core: encoding, authentication, replay protection, caps, sessions and stats."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from aspdiag.core.errors import ConfigError
from aspdiag.tools.responder.limits import Caps, ReplayGuard, clamp_request
from aspdiag.tools.responder.protocol import (
    DATA_HEADER,
    FLAG_LAST,
    MAX_MESSAGE_BYTES,
    REQUEST_BYTES,
    TAG_BYTES,
    WINDOW_S,
    MessageType,
    Rejected,
    decode,
    encode,
    key_file_warning,
    load_responder_key,
    pack_data,
    unpack_data,
)
from aspdiag.tools.responder.server import Responder
from aspdiag.tools.responder.stats import Pacer, ReceiverStats, stats_from_body

KEY = b"k" * 32
NOW = 1_800_000_000.0


class Clock:
    """An injected clock: wall and monotonic time move together when advanced."""

    def __init__(self) -> None:
        self.wall_s = NOW
        self.mono_s = 1000.0

    def wall(self) -> float:
        return self.wall_s

    def mono(self) -> float:
        return self.mono_s

    def advance(self, seconds: float) -> None:
        self.wall_s += seconds
        self.mono_s += seconds


def _nonces():
    counter = itertools.count(1)
    return lambda n: next(counter).to_bytes(n, "big")


def make(caps: Caps | None = None) -> tuple[Responder, Clock, list[str]]:
    clock = Clock()
    lines: list[str] = []
    core = Responder(
        KEY,
        caps or Caps(),
        wall=clock.wall,
        mono=clock.mono,
        log=lines.append,
        utc=lambda: "2027-01-01T00:00:00.000Z",
        random=_nonces(),
    )
    return core, clock, lines


_counter = itertools.count(1)


def request(
    kind: MessageType, body: dict[str, object], *, key: bytes = KEY, at: float = NOW, pad: int = REQUEST_BYTES
) -> bytes:
    nonce = next(_counter).to_bytes(16, "big")
    return encode(key, kind, body, nonce=nonce, timestamp_ms=int(at * 1000), pad_to=pad)


CLIENT = ("198.18.1.2", 40000)


# --------------------------------------------------------------------------- encoding


def test_encode_decode_round_trip():
    nonce = bytes(range(16))
    data = encode(KEY, MessageType.START, {"dir": "up", "rate_mbps": 12.5}, nonce=nonce, timestamp_ms=123, pad_to=512)
    assert len(data) == 512
    message = decode(KEY, data)
    assert (message.type, message.nonce, message.timestamp_ms) == (MessageType.START, nonce, 123)
    assert message.body == {"dir": "up", "rate_mbps": 12.5}


def test_bad_tag_and_wrong_key_are_rejected():
    data = bytearray(request(MessageType.HELLO, {}))
    with pytest.raises(Rejected) as wrong_key:
        decode(b"x" * 32, bytes(data))
    assert wrong_key.value.kind == "bad-tag"
    data[40] ^= 1  # one flipped bit in the signed part
    with pytest.raises(Rejected) as flipped:
        decode(KEY, bytes(data))
    assert flipped.value.kind == "bad-tag"


@pytest.mark.parametrize("cut", [0, 1, 10, 33, 34, 60, 65, 300, 511])
def test_truncated_message_is_rejected(cut):
    data = request(MessageType.HELLO, {"x": 1})
    with pytest.raises(Rejected) as rejected:
        decode(KEY, data[:cut])
    assert rejected.value.kind in ("malformed", "bad-tag")


def test_garbage_and_oversize_are_malformed():
    for data in (b"", b"hello", b"ASPR" + b"\0" * 100, b"\xff" * (MAX_MESSAGE_BYTES + 1)):
        with pytest.raises(Rejected) as rejected:
            decode(KEY, data)
        assert rejected.value.kind in ("malformed", "bad-tag")


def test_data_header_round_trip():
    buffer = bytearray(100)
    pack_data(buffer, 0, b"S" * 8, 42, 99, FLAG_LAST)
    assert unpack_data(buffer) == (b"S" * 8, 42, 99, FLAG_LAST)
    with pytest.raises(Rejected):
        unpack_data(b"ASPD")


# --------------------------------------------------------------------------- replay protection


def test_replay_guard_window_and_nonce():
    guard = ReplayGuard()
    fresh = decode(KEY, request(MessageType.HELLO, {}))
    guard.check(fresh, NOW)
    with pytest.raises(Rejected) as replayed:
        guard.check(fresh, NOW + 1)
    assert replayed.value.kind == "replayed"
    for skew in (WINDOW_S + 1, -(WINDOW_S + 1)):
        old = decode(KEY, request(MessageType.HELLO, {}, at=NOW + skew))
        with pytest.raises(Rejected) as expired:
            guard.check(old, NOW)
        assert expired.value.kind == "expired"


def test_replay_guard_forgets_only_after_the_window():
    guard = ReplayGuard()
    message = decode(KEY, request(MessageType.HELLO, {}))
    guard.check(message, NOW)
    assert len(guard) == 1
    guard.check(decode(KEY, request(MessageType.HELLO, {}, at=NOW + 200)), NOW + 200)
    assert len(guard) == 1  # the first nonce expired; its timestamp cannot pass the window any more
    with pytest.raises(Rejected) as rejected:
        guard.check(message, NOW + 200)
    assert rejected.value.kind == "expired"


def test_replay_guard_fails_closed_when_full():
    guard = ReplayGuard(max_entries=2)
    for _ in range(2):
        guard.check(decode(KEY, request(MessageType.HELLO, {})), NOW)
    with pytest.raises(Rejected):
        guard.check(decode(KEY, request(MessageType.HELLO, {})), NOW)


def test_responder_ignores_replayed_expired_and_unauthenticated():
    core, clock, lines = make()
    hello = request(MessageType.HELLO, {})
    assert core.handle_control(hello, CLIENT) is not None
    assert core.handle_control(hello, CLIENT) is None  # byte-identical replay
    assert core.handle_control(request(MessageType.HELLO, {}, at=NOW - 121), CLIENT) is None
    assert core.handle_control(request(MessageType.HELLO, {}, key=b"w" * 32), CLIENT) is None
    assert core.handle_control(b"\0" * 600, CLIENT) is None
    assert core.ignored == {"replayed": 1, "expired": 1, "bad-tag": 1, "malformed": 1}
    # One summary line per source per minute, never the key.
    bad = [line for line in lines if "ignored from" in line]
    assert len(bad) == 1
    clock.advance(61)
    core.tick()
    assert len([line for line in lines if "ignored from" in line]) == 2
    assert all(KEY.decode() not in line for line in lines)


def test_replies_are_signed_and_name_the_request():
    core, _clock, _lines = make()
    hello = request(MessageType.HELLO, {})
    reply = decode(KEY, core.handle_control(hello, CLIENT) or b"")
    assert reply.type is MessageType.HELLO_REPLY
    assert reply.body["re"] == decode(KEY, hello).nonce.hex()


# --------------------------------------------------------------------------- reply sizes


def _every_reply(core: Responder, clock: Clock, pad: int) -> list[tuple[str, bytes, bytes | None]]:
    out = []
    hello = request(MessageType.HELLO, {}, pad=pad)
    out.append(("hello", hello, core.handle_control(hello, CLIENT)))
    tcp_start = request(MessageType.START, {"dir": "up"}, pad=pad)
    out.append(("refused over tcp", tcp_start, core.handle_control(tcp_start, CLIENT, "tcp")))
    start = request(MessageType.START, {"dir": "up", "rate_mbps": 1e9, "duration_s": 1e9, "size": 1e9}, pad=pad)
    ack = core.handle_control(start, CLIENT)
    out.append(("start ack", start, ack))
    session = decode(KEY, ack).body["session"] if ack else "00"
    busy = request(MessageType.START, {"dir": "down"}, pad=pad)
    out.append(("refused busy", busy, core.handle_control(busy, ("198.18.1.2", 40001))))
    buffer = bytearray(1472)
    for seq in range(0, 5000, 3):
        pack_data(buffer, 0, bytes.fromhex(session), seq, seq * 1000, 0)
        core.handle_data(bytes(buffer), CLIENT, 10**18 + seq * 1000 + (seq % 7) * 999_999_999)
    end = request(MessageType.END, {"session": session, "sent": 10**15}, pad=pad)
    out.append(("end stats (up)", end, core.handle_control(end, CLIENT)))
    clock.advance(1)
    down = request(MessageType.START, {"dir": "down", "rate_mbps": 100, "duration_s": 5}, pad=pad)
    down_ack = core.handle_control(down, CLIENT)
    out.append(("start ack (down)", down, down_ack))
    down_session = decode(KEY, down_ack).body["session"] if down_ack else "00"
    end_down = request(MessageType.END, {"session": down_session, "received": 10**15}, pad=pad)
    out.append(("end stats (down)", end_down, core.handle_control(end_down, CLIENT)))
    unknown = request(MessageType.END, {"session": "ff" * 8}, pad=pad)
    out.append(("refused unknown", unknown, core.handle_control(unknown, CLIENT)))
    return out


def test_every_reply_is_no_larger_than_its_request():
    core, clock, _lines = make(Caps(max_rate_mbps=1e6, max_duration_s=3600))
    replies = _every_reply(core, clock, REQUEST_BYTES)
    assert all(reply is not None for _name, _req, reply in replies), [n for n, _r, reply in replies if reply is None]
    for name, req, reply in replies:
        assert reply is not None and len(reply) <= len(req), name
        assert decode(KEY, reply).type in (
            MessageType.HELLO_REPLY,
            MessageType.START_ACK,
            MessageType.REFUSED,
            MessageType.END_STATS,
        ), name


def test_unpadded_requests_get_no_oversized_reply():
    core, clock, _lines = make()
    for name, req, reply in _every_reply(core, clock, 0):
        assert reply is None or len(reply) <= len(req), name
    assert core.ignored.get("short-request", 0) >= 1


# --------------------------------------------------------------------------- caps and sessions


def test_clamp_to_caps():
    caps = Caps(max_rate_mbps=100, max_duration_s=10)
    assert clamp_request(caps, 1000, 60, 9000, 4) == clamp_request(caps, 100, 10, 1472, 4)
    grant = clamp_request(caps, 20, 2, 1452, 6)
    assert (grant.rate_mbps, grant.duration_s, grant.size) == (20, 2, 1452)
    assert clamp_request(caps, 50, 5, 1472, 6).size == 1452  # IPv6 datagrams fit 1500 bytes too
    odd = clamp_request(caps, "fast", float("nan"), True, 4)
    assert odd.rate_mbps > 0 and odd.duration_s > 0 and odd.size == 1472
    assert clamp_request(caps, -5, -1, 1, 4).size == 64


def test_start_is_clamped_and_limited_per_client():
    core, clock, lines = make(Caps(max_rate_mbps=50, max_duration_s=2, max_tests_per_minute=3))
    ack = decode(
        KEY,
        core.handle_control(request(MessageType.START, {"dir": "down", "rate_mbps": 900, "duration_s": 99}), CLIENT)
        or b"",
    )
    assert ack.type is MessageType.START_ACK
    assert (ack.body["rate_mbps"], ack.body["duration_s"]) == (50, 2)
    # Another port of the same client while a test runs: refused (one at a time).
    busy = core.handle_control(request(MessageType.START, {"dir": "up"}), ("198.18.1.2", 1))
    assert decode(KEY, busy or b"").type is MessageType.REFUSED
    # The same address and port again: the old test is replaced (a lost ACK), and logged as superseded.
    again = core.handle_control(request(MessageType.START, {"dir": "up"}), CLIENT)
    assert decode(KEY, again or b"").type is MessageType.START_ACK
    assert "outcome=superseded" in lines[-1]
    # Tests per minute: the third start (counting the refused one as not started) is the last allowed.
    third = core.handle_control(request(MessageType.START, {"dir": "up"}), CLIENT)
    assert decode(KEY, third or b"").type is MessageType.START_ACK
    fourth = core.handle_control(request(MessageType.START, {"dir": "up"}), CLIENT)
    assert "per minute" in decode(KEY, fourth or b"").body["reason"]
    clock.advance(61)
    fifth = core.handle_control(request(MessageType.START, {"dir": "up"}, at=clock.wall_s), CLIENT)
    assert decode(KEY, fifth or b"").type is MessageType.START_ACK


def test_down_stream_is_cut_off_when_the_client_vanishes():
    core, clock, lines = make(Caps(max_rate_mbps=10, max_duration_s=1))
    core.handle_control(request(MessageType.START, {"dir": "down", "rate_mbps": 10, "duration_s": 1}), CLIENT)
    (session,) = core.down_sessions()
    assert session.pacer is not None and session.client == CLIENT
    clock.advance(0.5)
    session.pacer.sent = session.pacer.due(clock.mono_s)
    clock.advance(10)
    core.tick()
    assert core.down_sessions() == [] and core.sessions == {}
    (line,) = [line for line in lines if " session " in line]
    assert "dir=down" in line and "outcome=cut-off" in line and "duration_s=1.00" in line


def test_one_log_line_per_session_and_end_is_idempotent():
    core, clock, lines = make()
    ack = decode(
        KEY,
        core.handle_control(request(MessageType.START, {"dir": "up", "rate_mbps": 10, "duration_s": 1}), CLIENT) or b"",
    )
    session = ack.body["session"]
    buffer = bytearray(1472)
    for seq in (0, 1, 3, 2, 5):
        pack_data(buffer, 0, bytes.fromhex(session), seq, seq * 1_000_000, 0)
        assert core.handle_data(bytes(buffer), CLIENT, 5_000_000 + seq * 1_000_000)
    # Data from another port of the client, or for an unknown session, is not counted.
    assert not core.handle_data(bytes(buffer), ("198.18.1.2", 1), 0)
    first = decode(KEY, core.handle_control(request(MessageType.END, {"session": session, "sent": 7}), CLIENT) or b"")
    second = decode(KEY, core.handle_control(request(MessageType.END, {"session": session, "sent": 7}), CLIENT) or b"")
    assert first.body | {"re": ""} == second.body | {"re": ""}
    stats = stats_from_body(first.body)
    assert stats is not None
    assert (stats.packets, stats.expected, stats.lost, stats.reordered) == (5, 7, 2, 1)
    sessions = [line for line in lines if " session " in line]
    assert len(sessions) == 1
    assert "client=198.18.1.2:40000 dir=up rate_mbps=10" in sessions[0] and "loss_pct=28.57" in sessions[0]
    assert "outcome=ok" in sessions[0]


def test_end_from_another_address_is_refused():
    core, _clock, _lines = make()
    ack = decode(KEY, core.handle_control(request(MessageType.START, {"dir": "up"}), CLIENT) or b"")
    other = core.handle_control(request(MessageType.END, {"session": ack.body["session"]}), ("198.18.9.9", 1))
    assert decode(KEY, other or b"").type is MessageType.REFUSED
    assert core.sessions


# --------------------------------------------------------------------------- pacing and statistics


def test_pacer_spreads_the_stream_evenly():
    pacer = Pacer(rate_mbps=11.776, size=1472, start=0.0, duration_s=1.0)  # one datagram per ms
    assert pacer.interval_s == pytest.approx(0.001)
    assert pacer.total == 1000 and pacer.batch == 1
    assert pacer.due(-0.1) == 0 and pacer.ready(0.0) == 1
    pacer.sent = 1
    assert pacer.ready(0.0005) == 0 and pacer.next_at() == pytest.approx(0.001)
    assert pacer.due(5.0) == 999  # never more than the duration allows
    fast = Pacer(rate_mbps=1000, size=1472, start=0.0, duration_s=1.0)
    assert 10 <= fast.batch <= 44
    assert fast.ready(fast.interval_s * (fast.batch - 2)) == 0
    assert fast.ready(fast.interval_s * (fast.batch - 1)) == fast.batch


def test_stats_loss_by_sequence_not_by_arrivals():
    stats = ReceiverStats(100)
    for seq in (0, 1, 2, 2, 2, 4):  # duplicates must not hide the loss of 3
        stats.add(seq, 0, seq * 1000, 100)
    summary = stats.summary(sent=8)
    assert (summary.packets, summary.duplicates, summary.expected, summary.lost) == (4, 2, 8, 4)
    assert summary.loss_pct == pytest.approx(50.0)
    assert stats.summary().expected == 5  # without the sender's count: up to the highest sequence


def test_stats_reordering_and_rate():
    stats = ReceiverStats(100)
    for i, seq in enumerate((0, 2, 1, 3, 5, 4)):
        stats.add(seq, 0, i * 1_000_000, 1250)
    summary = stats.summary(sent=6)
    assert summary.reordered == 2 and summary.lost == 0
    # 6 datagrams of 1250 bytes, one per ms: 5 gaps of 1 ms carry 5 * 10 kbit = 10 Mbit/s.
    assert summary.rate_mbps == pytest.approx(10.0)
    assert summary.interval_s == pytest.approx(0.005)


def test_stats_jitter_rfc3550():
    stats = ReceiverStats(100)
    transits = [10, 12, 11, 15, 15]  # ms; D = 2, 1, 4, 0
    for seq, transit in enumerate(transits):
        stats.add(seq, seq * 20_000_000, seq * 20_000_000 + transit * 1_000_000 + 7 * 10**15, 100)
    expected = 0.0
    for previous, current in itertools.pairwise(transits):
        expected += (abs(current - previous) - expected) / 16
    summary = stats.summary()
    assert summary.jitter_ms == pytest.approx(expected)


def test_stats_ignore_sequence_numbers_beyond_the_grant():
    stats = ReceiverStats(10)
    stats.add(10**12, 0, 0, 100)
    stats.add(-1, 0, 0, 100)
    assert stats.summary().packets == 0 and stats.summary().loss_pct is None


def test_gro_buffer_counts_every_datagram():
    core, _clock, _lines = make()
    ack = decode(
        KEY,
        core.handle_control(
            request(MessageType.START, {"dir": "up", "size": 200, "rate_mbps": 10, "duration_s": 1}), CLIENT
        )
        or b"",
    )
    session = bytes.fromhex(ack.body["session"])
    buffer = bytearray(200 * 3 + 100)
    for i in range(4):
        pack_data(buffer, i * 200, session, i, 0, 0)
    assert core.handle_data(bytes(buffer), CLIENT, 1, segment=200)
    stats = core.sessions[session].stats
    assert stats is not None and stats.packets == 4 and stats.bytes == 700
    assert DATA_HEADER.size == 32 and TAG_BYTES == 32


# --------------------------------------------------------------------------- keys


def test_load_key_from_file_and_environment(tmp_path: Path):
    key_file = tmp_path / "key"
    key_file.write_bytes(b"0123456789abcdef0123\n")
    key_file.chmod(0o600)
    assert load_responder_key(key_file, {}) == b"0123456789abcdef0123"
    assert key_file_warning(key_file) is None
    key_file.chmod(0o644)
    assert "chmod 600" in (key_file_warning(key_file) or "")
    assert load_responder_key(None, {"ASPDIAG_RESPONDER_KEY": "x" * 16}) == b"x" * 16


@pytest.mark.parametrize(
    ("path", "environ", "needle"),
    [
        (None, {}, "neither --key-file nor ASPDIAG_RESPONDER_KEY"),
        (None, {"ASPDIAG_RESPONDER_KEY": "short"}, "at least 16"),
        (Path("/nonexistent/key"), {}, "does not exist"),
    ],
)
def test_load_key_refuses(path, environ, needle):
    with pytest.raises(ConfigError) as error:
        load_responder_key(path, environ)
    assert needle in str(error.value) and error.value.hint
