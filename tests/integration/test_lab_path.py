"""aspdiag check --path in the lab: RTT/loss, path MTU through a reduced-MTU link with and without ICMP
fragmentation-needed (black hole, localised by hop), random loss, the transfer estimate."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.conftest import check_json
from tests.lab import ADDR, Lab
from tests.lab import scenarios as sc
from tests.lab.field import busy_udp

pytestmark = pytest.mark.serial  # rates and timings: run alone, not beside other tests

V4, V6 = ADDR.server4, ADDR.server6
BLACK_HOLE_RULES = [
    "meta nfproto ipv4 icmp type destination-unreachable icmp code frag-needed drop",
    "meta nfproto ipv6 icmpv6 type packet-too-big drop",
]


def path_json(
    lab: Lab, workdir, *args: str, user: str | None = None, python: tuple[str, str] | None = None
) -> tuple[int, Any]:
    run = check_json(lab, workdir, "--path", *args, user=user, python=python)
    return run.code, run.json


def by_address(data: Any) -> dict[str, Any]:
    return {p["address"]: p for p in data["path"]}


@pytest.fixture
def narrow(fw: Lab) -> Iterator[Lab]:
    """The link behind the firewall (fw eth1 - dmz eth0) carries at most 1400 bytes."""
    fw.set_mtu("fw", "eth1", 1400)
    fw.set_mtu("dmz", "eth0", 1400)
    try:
        yield fw
    finally:
        fw.set_mtu("fw", "eth1", 1500)
        fw.set_mtu("dmz", "eth0", 1500)
        fw.firewall([])


def test_open_path_full_mtu_and_rtt(fw, workdir):
    code, data = path_json(fw, workdir)
    assert code == 0
    paths = by_address(data)
    assert set(paths) == {V4, V6}
    for p in paths.values():
        assert p["path_mtu_bytes"] == 1500 and not p["black_hole"] and not p["needs_z"]
        assert p["max_fasp_datagram_bytes"] == (1452 if p["family"] == "ipv6" else 1472)
        assert p["rtt_samples"] == 10 and p["rtt_answered"] == 10 and p["loss_pct"] == 0
        assert 0 < p["rtt_min_ms"] <= p["rtt_median_ms"] <= p["rtt_p95_ms"] < 50
        assert p["z_advice"].startswith("not needed")


@pytest.mark.parametrize("user", [None, "nobody"])
def test_reduced_mtu_learned_from_icmp(narrow, workdir, user, request):
    python = request.getfixturevalue("nobody_python") if user else None
    _, data = path_json(narrow, workdir, user=user, python=python)
    assert data["environment"]["privileged"] is (user is None)
    paths = by_address(data)
    for address, sender in ((V4, ADDR.fw_router4), (V6, ADDR.fw_router6)):
        p = paths[address]
        assert p["path_mtu_bytes"] == 1400, p
        assert p["icmp_mtu_bytes"] == 1400 and p["icmp_mtu_from"] == sender
        assert not p["black_hole"] and not p["needs_z"] and p["z_advice"].startswith("optional")
        assert p["mtu_probes"] <= 5


def test_black_hole_found_and_localised(narrow, workdir):
    narrow.firewall([], BLACK_HOLE_RULES)
    code, data = path_json(narrow, workdir)
    paths = by_address(data)
    for address, before, after in ((V4, ADDR.fw_router4, ADDR.dmz_fw4), (V6, ADDR.fw_router6, ADDR.dmz_fw6)):
        p = paths[address]
        assert p["path_mtu_bytes"] == 1400 and p["black_hole"] and p["needs_z"], p
        assert p["icmp_mtu_bytes"] is None and p["black_hole_smallest_lost_bytes"] == 1401
        assert p["black_hole_after_hop"] == 2 and p["black_hole_after_address"] == before
        assert p["black_hole_next_address"] == after
        assert p["z_advice"].startswith(f"needed: ascp -Z {p['max_fasp_datagram_bytes']}")
    titles = [f["title"] for f in data["verdict"]["findings"]]
    assert any("black hole" in t.lower() for t in titles), titles
    assert "-Z 1372" in data["recommendations"]["ascp_command"]


def test_random_loss_is_measured(fw, workdir):
    fw.firewall([sc.random_loss(30, "tcp")])
    _, data = path_json(fw, workdir, "--timeout", "1")
    losses = [p["loss_pct"] for p in data["path"] if p["rtt_port"] is not None]
    assert losses and any(loss > 0 for loss in losses), data["path"]


def test_a_lossy_path_is_never_blocked(fw, workdir):
    """15 % random loss of TCP and UDP in each direction (a congested link): every probe may be lost, yet no
    port may read as dropped, intercepted or rejected, and the verdict never BLOCKED (with one SYN per port
    and a target distance moved by one lost probe, 30 % loss gave BLOCKED in 9 runs of 12)."""
    fw.firewall([sc.random_loss(15, "tcp"), sc.random_loss(15, "udp")])
    for _ in range(2):
        _, data = path_json(fw, workdir, "--timeout", "2")
        assert data["verdict"]["verdict"] != "blocked", data["verdict"]
        states = {(p["address"], p["protocol"], p["port"]): p["state"] for p in data["reachability"]}
        assert not set(states.values()) & {"dropped", "intercepted", "rejected"}, states


def test_transfer_estimate(fw, workdir):
    _, data = path_json(fw, workdir, "--dataset-size", "1TB", "--max-rate", "200")
    e = data["estimate"]
    assert e["dataset_bytes"] == 10**12 and e["cap_mbps"] == 200  # 1TB is decimal, as aspdiag writes sizes
    assert abs(e["at_cap_s"] - 10**12 * 8 / 200e6) < 1
    assert e["rtt_ms"] is not None and e["tcp_single_stream_mbps"] > 0 and e["at_tcp_s"] > 0


def test_icmp_rate_limited_target_is_not_a_black_hole(fw, workdir):
    """Linux's default ICMP rate limit at the target (about 1 per second after a burst of 6): the search
    may be slower, but it must not report a black hole that is not there."""
    fw.rate_limit_icmp("server", 1000)
    try:
        _, data = path_json(fw, workdir)
    finally:
        fw.rate_limit_icmp("server", 0)
    for p in data["path"]:
        assert not p["black_hole"], p
        assert p["path_mtu_bytes"] in (1500, None), p


def test_black_hole_found_exactly_with_icmp_rate_limits_everywhere(narrow, workdir):
    """Linux's default ICMP rate limit on the target and every router: silences from rate limiting are
    told apart from the black hole (the known-good size is asked again, after a pause)."""
    narrow.firewall([], BLACK_HOLE_RULES)
    nodes = ("server", "dmz", "fw", "router")
    for node in nodes:
        narrow.rate_limit_icmp(node, 1000)
    try:
        _, data = path_json(narrow, workdir)
    finally:
        for node in nodes:
            narrow.rate_limit_icmp(node, 0)
    for p in data["path"]:
        assert p["mtu_status"] == "ok" and p["path_mtu_bytes"] == 1400 and p["black_hole"], p
        assert p["black_hole_after_hop"] == 2, p


def test_black_hole_found_behind_a_busy_server(narrow, workdir):
    """A busy Aspera server is silent on UDP 33001, so no datagram ever comes back from it; the search runs up
    to the last router instead (its time-exceeded says the size got there) and still finds the black hole
    after the firewall (was: 'path MTU not searched', and a READY-but-unconfirmed saying no change is needed)."""
    narrow.firewall([], BLACK_HOLE_RULES)
    with busy_udp(narrow, "server", (33001,)):
        _, data = path_json(narrow, workdir, "--no-bandwidth")
    for p in data["path"]:
        assert p["black_hole"] and p["path_mtu_bytes"] == 1400 and p["black_hole_after_hop"] == 2, p
        assert "last router" in p["detail"], p["detail"]
    assert "no firewall change is needed" not in data["verdict"]["next_step"]


def test_a_narrow_last_link_behind_a_busy_server_is_not_called_fine(fw, workdir):
    """A held-out review: the link from the last router to the server carries 1400 bytes and the server is
    busy (silent on UDP 33001), so the search can only run to the last router. It said 'ok, 1500' and 'not
    needed'; the last link cannot be seen from here, and the report must say so."""
    fw.set_mtu("dmz", "eth1", 1400)
    fw.set_mtu("server", "eth0", 1400)
    try:
        with busy_udp(fw, "server", (33001,)):
            _, data = path_json(fw, workdir, "--no-bandwidth")
    finally:
        fw.set_mtu("server", "eth0", 1500)
        fw.set_mtu("dmz", "eth1", 1500)
    for p in data["path"]:
        assert p["measured_to_hop"] == 3, p
        assert not p["z_advice"].startswith("not needed"), p["z_advice"]
        assert p["z_advice"].startswith("unknown for the last link"), p["z_advice"]
