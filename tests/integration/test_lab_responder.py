"""aspdiag responder in the lab: two-way checks and throughput through the firewall, abuse, caps, signals, logs."""

from __future__ import annotations

import json
import os
import secrets
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.lab import Lab
from tests.lab.responder import PORT, client_python, env, probe, responder

pytestmark = pytest.mark.serial  # rates and timings: run alone, not beside other tests

SHAPED_MBIT = 20.0
PAYLOAD_SHARE = 1472 / 1514
"""tbf counts Ethernet frames; the tools count UDP payload."""


@pytest.fixture
def key() -> str:
    return secrets.token_hex(16)


@pytest.fixture
def shaped(fw: Lab):
    """Both directions shaped to 20 Mbit/s: router eth1 (client to server) and fw eth0 (server to client)."""
    fw.shape("router", "eth1", SHAPED_MBIT)
    fw.shape("fw", "eth0", SHAPED_MBIT)
    try:
        yield fw
    finally:
        fw.unshape("router", "eth1")
        fw.unshape("fw", "eth0")


def test_both_directions_through_the_firewall_with_real_numbers(shaped, key):
    with responder(shaped, key, "--max-rate", "100", "--max-duration", "5") as running:
        r = probe(shaped, key, shaped.addr.server4, max_rate_mbps=SHAPED_MBIT, duration_s=2.0)
        assert r["status"] == "ok" and r["udp_two_way"] is True and r["tcp_two_way"] is True, r
        assert r["udp_rtt_ms"] > 0 and r["tcp_rtt_ms"] > 0 and r["rate_cap_mbps"] == SHAPED_MBIT
        for direction in ("up", "down"):
            rate = r[f"{direction}_rate_mbps"]
            assert rate == pytest.approx(SHAPED_MBIT, rel=0.10), (direction, r)
            assert r[f"{direction}_loss_pct"] < 5, r
            assert r[f"{direction}_sent_packets"] >= r[f"{direction}_received_packets"] > 3000, r
            assert r[f"{direction}_jitter_ms"] is not None
            # Linux really reorders a few datagrams between veth pairs when the sending thread moves to another
            # CPU (each CPU has its own backlog): seen once in CI on 2 busy cores (1 of 3,000+). The counting
            # itself is pinned down exactly in tests/unit/test_responder.py (ReceiverStats); here a handful is
            # tolerated.
            assert 0 <= r[f"{direction}_reordered_packets"] <= r[f"{direction}_received_packets"] // 200, r
        # Twice the shaped rate: about half is lost, and the loss is reported (by sequence numbers).
        over = probe(shaped, key, shaped.addr.server4, max_rate_mbps=2 * SHAPED_MBIT, duration_s=1.5)
        for direction in ("up", "down"):
            assert 35 < over[f"{direction}_loss_pct"] < 65, over
            # Never more than the shaper lets through; a little less when the machine is busy (seen once in CI
            # with 2 cores under load: 15.9 of 19.4), which the first, unsaturated test pins down to 10 %.
            shaped_rate = SHAPED_MBIT * PAYLOAD_SHARE
            assert 0.7 * shaped_rate <= over[f"{direction}_rate_mbps"] <= 1.1 * shaped_rate, over
        # IPv6 too (two-way only).
        v6 = probe(shaped, key, shaped.addr.server6, max_rate_mbps=1, duration_s=1, directions=[])
        assert v6["family"] == "ipv6" and v6["udp_two_way"] is True and v6["tcp_two_way"] is True, v6
        # Exactly one log line per test session.
        lines = running.wait_for_lines(4)
        assert len(lines) == 4, lines
        assert [("dir=up" in line, "dir=down" in line) for line in lines] == [(True, False), (False, True)] * 2
        assert all("client=198.18.1.2:" in line and "outcome=ok" in line for line in lines), lines


def test_udp_blocked_by_the_firewall_tcp_still_works(fw, key):
    fw.firewall([f"udp dport {PORT} drop"])
    with responder(fw, key):
        r = probe(fw, key, fw.addr.server4, max_rate_mbps=5, duration_s=1, timeout_s=0.5)
    assert r["status"] == "ok", r
    assert r["udp_two_way"] is False and r["tcp_two_way"] is True, r
    assert r["up_rate_mbps"] is None and r["down_rate_mbps"] is None
    assert "UDP is blocked" in r["detail"]


ABUSE = r"""
import json, os, socket, sys, time
from aspdiag.tools.responder.protocol import MessageType, encode, new_nonce, REQUEST_BYTES
host, port = sys.argv[1], int(sys.argv[2])
key = os.environ["ASPDIAG_RESPONDER_KEY"].encode()

def count(sock, seconds):
    n, end = 0, time.monotonic() + seconds
    while (left := end - time.monotonic()) > 0:
        sock.settimeout(left)
        try:
            sock.recv(65535)
            n += 1
        except TimeoutError:
            break
        except OSError:
            pass
    return n

def send(data, sock=None):
    sock = sock or socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.sendto(data, (host, port))
    return sock

def start(k, ts=None):
    body = {"dir": "down", "rate_mbps": 5, "duration_s": 1}
    t = int(time.time() * 1000) if ts is None else ts
    return encode(k, MessageType.START, body, nonce=new_nonce(), timestamp_ms=t, pad_to=REQUEST_BYTES)

out = {}
out["garbage"] = count(send(b"\x00" * 600), 1.0)
out["unsigned_hello"] = count(send(b"ASPR" + os.urandom(600)), 1.0)
out["wrong_key"] = count(send(start(b"not-the-key-at-all-0123")), 1.5)
out["expired"] = count(send(start(key, int((time.time() - 300) * 1000))), 1.5)
captured = start(key)
legit = send(captured)
out["legit"] = count(legit, 2.0)
out["replay_same_socket"] = count(send(captured, legit), 2.0)
out["replay_other_socket"] = count(send(captured), 2.0)
tcp = socket.create_connection((host, port), timeout=2)
tcp.sendall(len(captured).to_bytes(2, "big") + captured)
try:
    out["replay_tcp"] = len(tcp.recv(4096))
except TimeoutError:
    out["replay_tcp"] = -1
print(json.dumps(out))
"""


def test_abuse_gets_no_reply_and_no_stream(fw, key):
    with responder(fw, key) as running:
        result = client_python(fw, ABUSE, key, fw.addr.server4, str(PORT))
        assert result.returncode == 0, result.stderr
        counts = json.loads(result.stdout)
        # The legitimate START got its ACK and a 1 s stream at 5 Mbit/s (about 424 datagrams).
        assert counts["legit"] > 300, counts
        for case in ("garbage", "unsigned_hello", "wrong_key", "expired", "replay_same_socket", "replay_other_socket"):
            assert counts[case] == 0, (case, counts)
        assert counts["replay_tcp"] == 0, counts  # the connection is closed without a byte
        running.wait_for_lines(1)
        time.sleep(0.3)
        ignored = [line for line in running.log_lines() if "ignored from 198.18.1.2" in line]
        # At most one summary line per source per minute.
        assert len(ignored) == 1, running.log_lines()
        assert running.terminate() == 0
        final = running.log_lines()[-1]
        assert "stopped (SIGTERM)" in final and "replayed" in final and "bad-tag" in final and "expired" in final
        assert len(running.session_lines()) == 1


def test_request_beyond_the_caps_is_clamped(fw, key):
    with responder(fw, key, "--max-rate", "5", "--max-duration", "1"):
        r = probe(fw, key, fw.addr.server4, max_rate_mbps=80, duration_s=4)
    assert r["rate_cap_mbps"] == 5, r
    expected = 5e6 * 1.0 / (1472 * 8)  # what 5 Mbit/s for 1 s holds
    for direction in ("up", "down"):
        assert r[f"{direction}_rate_mbps"] == pytest.approx(5, rel=0.10), r
        assert r[f"{direction}_received_packets"] <= expected + 2, r
        assert r[f"{direction}_loss_pct"] < 2, r
    assert r["up_duration_s"] == pytest.approx(1.0, abs=0.1)
    assert r["down_sent_packets"] <= expected + 2


def test_sigterm_key_file_logs_and_no_leak(fw, key, tmp_path: Path):
    key_file = fw.workdir / "responder.key"
    key_file.write_text(key + "\n")
    key_file.chmod(0o600)
    log = fw.workdir / "sigterm.log"
    argv = [sys.executable, "-m", "aspdiag", "responder", "--bind", fw.addr.server4, "--port", str(PORT)]
    argv += ["--key-file", str(key_file), "--max-duration", "1", "--log", str(log)]
    environment = env(key)
    del environment["ASPDIAG_RESPONDER_KEY"]
    proc = subprocess.Popen(fw.exec_argv("server", argv), env=environment, stderr=subprocess.PIPE, text=True)
    try:
        fw.wait_listening("server", "udp", PORT)
        cmdline = Path(f"/proc/{proc.pid}/cmdline").read_bytes()
        assert b"responder" in cmdline and key.encode() not in cmdline
        assert key.encode() not in Path(f"/proc/{proc.pid}/environ").read_bytes()
        r = probe(fw, key, fw.addr.server4, max_rate_mbps=2, duration_s=0.5)
        assert r["status"] == "ok" and r["up_received_packets"] and r["down_received_packets"], r
        assert key not in json.dumps(r)
        time.sleep(0.2)
        started = time.monotonic()
        proc.send_signal(signal.SIGTERM)
        code = proc.wait(timeout=5)
        assert code == 0 and time.monotonic() - started < 2.0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    stderr = proc.stderr.read() if proc.stderr else ""
    lines = log.read_text().splitlines()
    assert len([line for line in lines if " session client=" in line]) == 2, lines
    assert "listening on udp+tcp 198.18.3.2:33002" in lines[0]
    assert "stopped (SIGTERM)" in lines[-1] and len([line for line in lines if "stopped" in line]) == 1
    assert key not in log.read_text() and key not in stderr
    assert "warning" not in stderr  # the key file is private


def _cli(*args: str, environ: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "ASPDIAG_RESPONDER_KEY"}
    environment.update(environ or {})
    environment["PYTHONPATH"] = str(Path(__file__).resolve().parents[2])
    return subprocess.run(
        [sys.executable, "-m", "aspdiag", "responder", *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=30,
    )


@pytest.mark.parametrize(
    ("args", "environ", "needle"),
    [
        ((), {"ASPDIAG_RESPONDER_KEY": "k" * 20}, "--bind is required"),
        (("--bind", "0.0.0.0"), {"ASPDIAG_RESPONDER_KEY": "k" * 20}, "every address"),
        (("--bind", "not-an-address"), {"ASPDIAG_RESPONDER_KEY": "k" * 20}, "not an IP address"),
        (("--bind", "127.0.0.1"), {}, "no responder key"),
        (("--bind", "127.0.0.1"), {"ASPDIAG_RESPONDER_KEY": "short"}, "at least 16"),
        (("--bind", "127.0.0.1", "--key-file", "/nonexistent"), {}, "does not exist"),
        (("--bind", "127.0.0.1", "--port", "0"), {"ASPDIAG_RESPONDER_KEY": "k" * 20}, "port"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(args, environ, needle):
    result = _cli(*args, environ=environ)
    assert result.returncode == 2, result
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("aspdiag: error: ") and "(hint: " in lines[0], result.stderr
    assert needle in lines[0]


def test_readable_key_file_is_warned_about(tmp_path: Path):
    key_file = tmp_path / "key"
    key_file.write_text("k" * 20)
    key_file.chmod(0o644)
    # A port that cannot be bound (an address not on this host) ends the run right after the warning.
    result = _cli("--bind", "192.0.2.1", "--key-file", str(key_file))
    assert "warning: key file" in result.stderr and "chmod 600" in result.stderr
    assert result.returncode == 2 and "cannot bind" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 2, result.stderr  # the warning and the error, nothing else


def _check(lab: Lab, key: str, *args: str, env_key: bool = True) -> subprocess.CompletedProcess[str]:
    environ = env(key) if env_key else {k: v for k, v in env(key).items() if k != "ASPDIAG_RESPONDER_KEY"}
    argv = [sys.executable, "-m", "aspdiag", "check", "aspera.lab.test", "--responder", "--responder-port"]
    argv += [str(PORT), "--format", "json", "--no-reports", *args]
    return lab.exec("client", argv, env=environ, cwd=lab.workdir, timeout=120)


def test_check_responder_end_to_end(shaped, key):
    """aspdiag check --responder: both addresses, the report's 'responder' section, nothing secret in it."""
    with responder(shaped, key, "--max-rate", "100"):
        run = _check(shaped, key, "--max-rate", str(SHAPED_MBIT), "--responder-seconds", "1.5")
    assert run.returncode in (0, 1), run.stderr
    data = json.loads(run.stdout)
    results = {r["address"]: r for r in data["responder"]}
    assert set(results) == {shaped.addr.server4, shaped.addr.server6}
    for r in results.values():
        assert r["status"] == "ok" and r["udp_two_way"] and r["tcp_two_way"], r
        assert r["rate_cap_mbps"] == SHAPED_MBIT
        for direction in ("up", "down"):
            assert r[f"{direction}_rate_mbps"] == pytest.approx(SHAPED_MBIT, rel=0.10), (direction, r)
    assert key not in run.stdout + run.stderr
    assert "--responder" in data["run"]["command"] and key not in data["run"]["command"]


def test_check_responder_udp_blocked_is_a_blocker_finding(fw, key):
    fw.firewall([f"udp dport {PORT} drop"])
    with responder(fw, key):
        run = _check(fw, key, "--responder-seconds", "1")
    assert run.returncode in (0, 1), run.stderr
    data = json.loads(run.stdout)
    assert all(r["udp_two_way"] is False and r["tcp_two_way"] is True for r in data["responder"]), data["responder"]
    titles = [f["title"] for f in data["verdict"]["findings"] if f["severity"] == "blocker"]
    assert any(f"UDP {PORT} is blocked" in t for t in titles), titles


def test_check_responder_without_a_key_is_one_line_and_exit_2(fw, key):
    run = _check(fw, key, env_key=False)
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and "ASPDIAG_RESPONDER_KEY" in run.stderr, run.stderr
