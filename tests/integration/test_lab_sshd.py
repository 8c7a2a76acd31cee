"""The lab's two SSH servers: a current OpenSSH (>= 9.8) penalises connections that never authenticate
(PerSourcePenalties, on by default), Debian 12's sshd (9.2) does not.

The current sshd runs on server:2222 beside the lab's standard Debian sshds (22, 33001), which these tests
only read from. Penalties live in the sshd process, so a restart starts every test from a clean table.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator

import pytest

from tests.lab import Lab
from tests.lab import sshd as lab_sshd
from tests.lab.sshd import PENALTY_TEXT, Sshd, poke

PORT = 2222
REFUSAL = f"{PENALTY_TEXT}\r\n"


@pytest.fixture(scope="module")
def current(lab: Lab) -> Iterator[Sshd]:
    """The current sshd on server:2222 with sshd's own defaults, VERBOSE log; stopped after the module."""
    reason = lab_sshd.unavailable_reason("current")
    if reason:
        if os.environ.get("ASPDIAG_REQUIRE_LAB") == "1":
            pytest.fail(f"ASPDIAG_REQUIRE_LAB=1 but {reason}")
        pytest.skip(reason)
    yield lab.start_sshd("server", [PORT], flavour="current", log_level="VERBOSE")
    for running in ours(lab):
        lab.stop_sshd(running)


def ours(lab: Lab) -> list[Sshd]:
    """The sshd(s) this module runs (a restart replaces the Sshd object)."""
    return [s for s in lab.sshds if s.spec.node == "server" and s.spec.ports == (PORT,)]


@pytest.fixture
def fresh(lab: Lab, current: Sshd) -> Sshd:
    """The current sshd restarted: no penalty from an earlier test."""
    (running,) = ours(lab)
    return lab.restart_sshd(running)


def banner_version(line: str) -> tuple[int, int]:
    match = re.match(r"SSH-2\.0-OpenSSH_(\d+)\.(\d+)", line)
    assert match, line
    return int(match[1]), int(match[2])


def wait_for_log(server: Sshd, pattern: str, since: int, timeout_s: float = 3.0) -> str:
    """The first log line (after offset ``since``) that matches ``pattern``; fails after ``timeout_s``."""
    deadline = time.monotonic() + timeout_s
    while True:
        for line in server.log(since).splitlines():
            if re.search(pattern, line):
                return line
        if time.monotonic() > deadline:
            raise AssertionError(f"no log line matches {pattern!r}:\n{server.log(since)}")
        time.sleep(0.05)


def test_current_sshd_is_at_least_9_8_with_default_penalties(lab: Lab, current: Sshd) -> None:
    (result,) = poke(lab, lab.addr.server4, PORT, "banner")
    assert banner_version(result["first_line"]) >= (9, 8), result
    effective = lab_sshd.effective_config("current", current.config_path, ["PerSourcePenalties", "MaxStartups"])
    assert "noauth:1 " in effective["persourcepenalties"] and " min:15 " in effective["persourcepenalties"]
    assert effective["maxstartups"] == "10:30:100"


def test_bare_connects_get_the_client_refused(lab: Lab, fresh: Sshd) -> None:
    since = fresh.log_offset()
    # 20 connections in about half a second, each worth 1 s of 'noauth' penalty: more than the 15 s that
    # activate it. (A small gap keeps MaxStartups, 10 unauthenticated at once, out of the way.)
    poke(lab, lab.addr.server4, PORT, "bare", count=20, gap=0.02)
    # sshd books a penalty when the connection's process has exited: wait for that before the next connect.
    wait_for_log(fresh, r"^srclimit_penalise: 198\.18\.1\.2/32: activating ipv4 penalty of 1\d seconds", since)
    (refused,) = poke(lab, lab.addr.server4, PORT, "banner")
    assert refused["connect"] == "ok"  # the TCP handshake completes: sshd refuses after accept()
    assert refused["received"] == REFUSAL
    assert refused["end"] in ("eof", "reset")
    port = refused["local_port"]
    wait_for_log(
        fresh,
        rf"^drop connection #0 from \[198\.18\.1\.2\]:{port} on \[198\.18\.3\.2\]:2222 "
        "penalty: connections without attempting authentication$",
        since,
    )
    assert fresh.penalty_drops(since)
    # Only the source address is penalised: the same client over IPv6 is still let in.
    (over_v6,) = poke(lab, lab.addr.server6, PORT, "banner")
    assert over_v6["first_line"].startswith("SSH-2.0-"), over_v6


def test_a_few_polite_connections_are_not_refused(lab: Lab, fresh: Sshd) -> None:
    since = fresh.log_offset()
    results = poke(lab, lab.addr.server4, PORT, "polite", count=3)
    for result in results:
        assert result["first_line"].startswith("SSH-2.0-OpenSSH_"), result
        assert result["kexinit"] is True and result["end"] == "eof", result
    for result in results:
        port = result["local_port"]
        wait_for_log(
            fresh, rf"^Received disconnect from 198\.18\.1\.2 port {port}:11: aspdiag_test: .* \[preauth\]$", since
        )
    # A disconnect is still a connection without authentication: it is booked (1 s, deferred) ...
    wait_for_log(fresh, r"srclimit_penalise: ipv4: new 198\.18\.1\.2/32 deferred penalty of 1 seconds", since)
    # ... but 3 of them stay far below the 15 s that would make it active.
    log = fresh.log(since)
    assert "activating" not in log and not fresh.penalty_drops(since), log


def test_maxstartups_refusal_reads_the_same(lab: Lab, fresh: Sshd) -> None:
    limited = lab.restart_sshd(fresh, extra_config=["MaxStartups 2"])
    since = limited.log_offset()
    (result,) = poke(lab, lab.addr.server4, PORT, "banner", hold=2)
    assert result["received"] == REFUSAL
    wait_for_log(
        limited, r"drop connection #2 from \[198\.18\.1\.2\]:\d+ on \[198\.18\.3\.2\]:2222 Maxstartups$", since
    )
    lab.restart_sshd(limited, extra_config=[])


def test_debian_sshd_never_penalises(lab: Lab) -> None:
    poke(lab, lab.addr.server4, 22, "bare", count=20, gap=0.02)
    results = poke(lab, lab.addr.server4, 22, "banner", count=5, gap=0.02)
    for result in results:
        assert banner_version(result["first_line"]) < (9, 8), result  # Debian 12's own sshd
        assert PENALTY_TEXT not in result["received"], result
