"""Issue #13, SSH etiquette, against a current OpenSSH (>= 9.8) with its default PerSourcePenalties and
MaxStartups on the server's SSH ports: ten unprivileged ``check --path --capacity --bandwidth`` runs in a row
(issue #14: the bandwidth stream rides on the run's one connection) give the
same verdict, open exactly one connection per SSH port and address per run, end every one with an SSH
DISCONNECT naming aspdiag, and leave no penalty line in sshd's log; a server that is penalising this client
already is reported as a server-side refusal, never as a blocked port."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from tests.conftest import check_json
from tests.lab import ADDR, Lab
from tests.lab.sshd import PENALTY_TEXT, Sshd, poke
from tests.lab.sshd import unavailable_reason as sshd_unavailable_reason

pytestmark = pytest.mark.serial  # rates and timings: run alone, not beside other tests

RUNS = 10
DISCONNECT = re.compile(r"Received disconnect from (\S+) port \d+:11: aspdiag preflight check")


@pytest.fixture
def current_sshd(fw: Lab) -> Iterator[Sshd]:
    """The server's SSH ports 22 and 33001 served by the current OpenSSH with default settings (INFO log), and
    the lab's standard Debian sshd put back afterwards."""
    reason = sshd_unavailable_reason("current")
    if reason:
        pytest.fail(reason)
    standard = next(s for s in fw.sshds if s.spec.node == "server" and 22 in s.spec.ports)
    original = standard.spec
    current = fw.restart_sshd(standard, flavour="current", log_level="INFO", max_startups=None, extra_config=())
    try:
        yield current
    finally:
        fw.restart_sshd(
            current,
            flavour=original.flavour,
            log_level=original.log_level,
            max_startups=original.max_startups,
            extra_config=original.extra_config,
        )


def test_ten_runs_in_a_row_stay_polite(fw, current_sshd, workdir, nobody_python):
    start = current_sshd.log_offset()
    verdicts = []
    # A bottleneck the default budget can measure (the unshaped lab path runs at many Gbit/s).
    fw.shape("router", "eth1", 200, 64)
    try:
        for _ in range(RUNS):
            run = check_json(
                fw,
                workdir,
                "--path",
                "--capacity",
                "--bandwidth",
                user="nobody",
                python=nobody_python,
                host="v4only.lab.test",
            )
            verdicts.append(run.json["verdict"]["verdict"])
            (bandwidth,) = run.json["bandwidth"]
            assert bandwidth["estimate"]["status"] != "not_measured", bandwidth
            # Port 33001; 22 only when a busy machine starved our first stream and the probe streamed once more
            # on the run's port-22 connection (BandwidthProbe.run): still one connection per port.
            first = bandwidth["port"] == 33001
            assert first or (bandwidth["port"] == 22 and bandwidth["attempts"] == 2), bandwidth
            assert bandwidth["server_software"].startswith("OpenSSH_10"), bandwidth
            ports = {(r["protocol"], r["port"]): r for r in run.json["reachability"]}
            assert ports[("tcp", 22)]["state"] == ports[("tcp", 33001)]["state"] == "open"
            assert ports[("tcp", 22)]["banner"]["kind"] == "ssh"
    finally:
        fw.unshape("router", "eth1")
    assert verdicts == [verdicts[0]] * RUNS and verdicts[0] == "ready", verdicts
    log = current_sshd.log(start)
    assert "penalty" not in log.lower(), log[-2000:]
    assert PENALTY_TEXT not in log
    polite = [m.group(1) for m in DISCONNECT.finditer(log)]
    # One connection per SSH port (22, 33001) and address per run, each ended with our DISCONNECT.
    assert polite.count(ADDR.client4) == 2 * RUNS, log[-3000:]
    assert "Connection reset" not in log and "Connection closed by" not in log, log[-2000:]


def test_a_penalised_client_is_told_to_wait_not_to_open_the_firewall(fw, current_sshd, workdir, nobody_python):
    # Someone else's tool (or a script of the user's) has already earned this address a penalty.
    poke(fw, ADDR.server4, 22, "bare", count=20, gap=0.02)
    run = check_json(fw, workdir, "--bandwidth", user="nobody", python=nobody_python, host="v4only.lab.test")
    data = run.json
    for port in (22, 33001):
        result = next(r for r in data["reachability"] if r["protocol"] == "tcp" and r["port"] == port)
        assert result["state"] == "open"  # the network passes it: the server says no
        assert result["banner"]["kind"] == "refused" and PENALTY_TEXT in result["banner"]["text"]
    refusals = [f for f in data["verdict"]["findings"] if "refused this client" in f["title"]]
    assert refusals and all(f["audience"] == "you" and "wait" in f["action"] for f in refusals)
    assert data["verdict"]["verdict"] != "blocked"
    assert data["change_request"] == []
    (bandwidth,) = data["bandwidth"]  # no figure, and the reason is the server's refusal, not the path
    assert bandwidth["estimate"]["status"] == "not_measured" and "refused" in bandwidth["estimate"]["reason"]
