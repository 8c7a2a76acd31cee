"""The SSH-port bandwidth measurement in the lab: SSH_MSG_IGNORE through the server's sshd (Debian's 9.2),
from the client namespace as ``nobody``, against tc tbf on the dmz -> server link (the client -> server
direction), and the polite end as the server logs it.

tbf counts Ethernet frames; the measurement reports TCP payload. A full-size IPv4 segment carries 1448
payload bytes (timestamps on) in a 1514-byte frame, so the expected figure is rate x 1448/1514 (IPv6:
1428/1514). The tbf queue is sized to 20 ms at the shaped rate (at least 64 KB) plus the bucket, so it stays
sane at high rates (tbf's usual ``latency 100ms`` would be a 12.5 MB queue at 1 Gbit/s), and buckets follow
the rate/HZ rule: 16 KB where that is enough, 1 MB at 1 Gbit/s."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import SAFE_PATH
from tests.lab import ADDR, Lab, run, which

pytestmark = pytest.mark.serial  # rates and timings: run alone, not beside other tests

REPO = Path(__file__).resolve().parents[2]
V4_SHARE = 1448 / 1514
V6_SHARE = 1428 / 1514
SPARE_SSHD_PORT = 2222


def shape(lab: Lab, rate_mbit: float, burst_kbyte: int) -> None:
    """tbf on the dmz's egress toward the server, with a queue of 20 ms (at least 64 KB) behind the bucket."""
    limit = burst_kbyte * 1024 + max(64 * 1024, int(rate_mbit * 1e6 / 8 * 0.020))
    tc = ["ip", "netns", "exec", lab.ns("dmz"), "tc", "qdisc", "replace", "dev", "eth1", "root", "tbf"]
    run([*tc, "rate", f"{rate_mbit}mbit", "burst", f"{burst_kbyte}kb", "limit", str(limit)])


@pytest.fixture
def shaped(fw: Lab) -> Iterator[Lab]:
    """The lab, with the dmz -> server link unshaped again afterwards (other tests share the lab)."""
    try:
        yield fw
    finally:
        fw.unshape("dmz", "eth1")


@pytest.fixture(scope="module")
def nobody_env(nobody_python: tuple[str, str]) -> Iterator[tuple[str, str]]:
    """(interpreter, PYTHONPATH) with which ``nobody`` can run ``python -m tests.ssh_bw_probe``: the staged copy
    of aspdiag and its dependencies (conftest's ``nobody_python``) plus the runner module."""
    interpreter, pythonpath = nobody_python
    if pythonpath == str(REPO):
        yield interpreter, pythonpath
        return
    extra = Path(tempfile.mkdtemp(prefix="aspdiag-sshbw-"))
    try:
        (extra / "tests").mkdir()
        for name in ("__init__.py", "ssh_bw_probe.py"):
            shutil.copy2(REPO / "tests" / name, extra / "tests" / name)
        for directory, _dirs, files in os.walk(extra):
            os.chmod(directory, 0o755)
            for name in files:
                os.chmod(os.path.join(directory, name), 0o644)
        yield interpreter, f"{extra}:{pythonpath}"
    finally:
        shutil.rmtree(extra, ignore_errors=True)


def probe(
    lab: Lab, address: str, port: int, *args: str, env: tuple[str, str] | None = None, user: str | None = None
) -> dict[str, Any]:
    """``python -m tests.ssh_bw_probe ADDRESS PORT ARGS`` in the client namespace; its JSON."""
    interpreter, pythonpath = env or (sys.executable, str(REPO))
    result = lab.exec(
        "client",
        [interpreter, "-m", "tests.ssh_bw_probe", address, str(port), *args],
        user=user,
        env={"PATH": SAFE_PATH, "PYTHONPATH": pythonpath, "LANG": "C.UTF-8"},
        cwd="/",
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def assert_polite(data: dict[str, Any]) -> None:
    """One connection that identified, never authenticated, and ended with our DISCONNECT read by sshd."""
    assert data["banner"]["outcome"] == "identified", data["banner"]
    assert data["banner"]["software"].startswith("OpenSSH_"), data["banner"]
    assert data["client_ident"].startswith("SSH-2.0-aspdiag_")
    close = data["close"]
    assert close["disconnect_sent"] and close["server_closed"] and not close["reset"], close
    assert close["server_messages"] == ["KEXINIT"], close  # no DISCONNECT from the server: it took our stream


@pytest.mark.parametrize(
    ("rate", "burst_kb", "scale"),
    [(10, 16, 1), (10, 1024, 1), (50, 16, 1), (200, 16, 1), (1000, 1024, 4)],
    ids=["10M-16k", "10M-1M", "50M-16k", "200M-16k", "1000M-1M"],
)
def test_rate_matches_tbf_as_nobody(shaped, nobody_env, rate, burst_kb, scale):
    """Within 10 % of the shaped rate, unprivileged. 1 Gbit/s gets a 4x budget (32 MB): the default 8 MB is
    64 ms at that rate, a third of it spent in the ramp and the 1 MB bucket, often too little to see a steady
    rate — the default run then says 'lower bound' (test_default_budget_at_1g_never_overestimates)."""
    shape(shaped, rate, burst_kb)
    data = probe(shaped, ADDR.server4, 22, "--budget-scale", str(scale), env=nobody_env, user="nobody")
    assert_polite(data)
    e = data["estimate"]
    expected = rate * V4_SHARE
    # The reason first: pytest shortens a long message, and the reason says which check decided.
    assert (e["status"], e["limited_by"]) == ("measured", "path"), (e["reason"], e)
    assert abs(e["rate_mbps"] - expected) <= 0.10 * expected, (expected, e["reason"], e)
    assert (e["method"], e["protocol"], e["direction"]) == ("ssh-ignore", "tcp", "client-to-server")
    budget = data["budget"]
    assert data["bytes_written"] <= budget["max_bytes"] + 32784, data
    assert e["seconds"] <= budget["max_seconds"] + 0.5, e
    # Stream, drain and close: the whole run stays near the budget (the close waits for the tbf queue).
    assert data["wall_s"] <= budget["max_seconds"] + 2.0, data


def test_ipv6_as_root(shaped):
    shape(shaped, 50, 16)
    data = probe(shaped, ADDR.server6, 33001)
    assert_polite(data)
    e = data["estimate"]
    assert e["status"] == "measured", e
    assert abs(e["rate_mbps"] - 50 * V6_SHARE) <= 0.10 * 50 * V6_SHARE, e


def test_default_budget_at_1g_never_overestimates(shaped):
    shape(shaped, 1000, 1024)
    data = probe(shaped, ADDR.server4, 22)
    e = data["estimate"]
    assert data["bytes_written"] <= 8_000_000 + 32784
    assert e["status"] in ("measured", "lower_bound"), e
    assert e["rate_mbps"] <= 1.10 * 1000 * V4_SHARE, e
    if e["status"] == "measured":
        assert e["rate_mbps"] >= 0.90 * 1000 * V4_SHARE, e


def test_tiny_budget_is_a_lower_bound(shaped):
    """100 KB cannot show a steady rate: the answer is a lower bound (or nothing), never more than the path."""
    shape(shaped, 200, 16)
    data = probe(shaped, ADDR.server4, 22, "--max-bytes", "100000")
    assert_polite(data)
    e = data["estimate"]
    assert e["status"] in ("lower_bound", "not_measured"), e
    assert e["rate_mbps"] is None or e["rate_mbps"] <= 1.10 * 200 * V4_SHARE, e
    assert e["limited_by"] in ("budget", "sender", "receiver-window"), e


@pytest.fixture
def verbose_sshd(lab: Lab) -> Iterator[Path]:
    """A second sshd in the server namespace on a spare port, logging at INFO to a file of its own (the lab's
    shared sshd logs only errors, and other tests rely on it as it is)."""
    config = lab.workdir / "sshbw_sshd_config"
    log = lab.workdir / "sshbw_sshd.log"
    config.write_text(
        "\n".join(
            [
                f"Port {SPARE_SSHD_PORT}",
                "ListenAddress 0.0.0.0",
                f"HostKey {lab.workdir / 'server_host_ed25519_key'}",
                f"PidFile {lab.workdir / 'sshbw_sshd.pid'}",
                "UsePAM no",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "UseDNS no",
                "LogLevel VERBOSE",
            ]
        )
        + "\n"
    )
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            lab.exec_argv("server", [which("sshd") or "/usr/sbin/sshd", "-D", "-e", "-f", str(config)]),
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    try:
        lab.wait_listening("server", "tcp", SPARE_SSHD_PORT)
        yield log
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def test_server_logs_the_polite_disconnect(shaped, verbose_sshd):
    shape(shaped, 50, 16)
    data = probe(shaped, ADDR.server4, SPARE_SSHD_PORT)
    assert_polite(data)
    deadline = time.monotonic() + 5
    wanted = (
        f"Received disconnect from {ADDR.client4} port {data['local_port']}:11: aspdiag preflight check:"
        " bandwidth test, no login attempted [preauth]"
    )
    text = ""
    while time.monotonic() < deadline:
        text = verbose_sshd.read_text(errors="replace")
        if wanted in text:
            break
        time.sleep(0.1)
    assert wanted in text, text
    assert "Connection reset" not in text and "Bad packet length" not in text, text
    assert f"Disconnected from {ADDR.client4} port {data['local_port']} [preauth]" in text, text
