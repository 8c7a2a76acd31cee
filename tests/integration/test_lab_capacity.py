"""aspdiag check --capacity in the lab: the single-ended estimate against tc tbf shaping (several rates and
bucket sizes), as root (TCP resets) and as nobody (ICMP port-unreachable), a target with Linux's default
ICMP rate limit, the --max-rate cap and budget, and the transfer estimate that uses the measured rate.

tbf counts Ethernet frames (IP + 14 bytes); aspdiag reports IP bytes, so the expected rate is
rate x 1500/1514 for full-size packets."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.conftest import check_json, run_aspdiag
from tests.lab import ADDR, Lab

pytestmark = pytest.mark.serial  # rates and timings: run alone, not beside other tests

V4, V6 = ADDR.server4, ADDR.server6
IP_SHARE = 1500 / 1514


def capacity_json(
    lab: Lab, workdir, *args: str, user: str | None = None, python: tuple[str, str] | None = None
) -> dict[str, Any]:
    run = check_json(lab, workdir, "--capacity", *args, user=user, python=python)
    return {c["address"]: c for c in run.json["capacity"]}


@pytest.fixture
def shaped(fw: Lab) -> Iterator[Lab]:
    """The lab with router eth1 (toward the firewall) shaped by the test; unshaped afterwards."""
    try:
        yield fw
    finally:
        fw.unshape("router", "eth1")


def _within(value: float, expected: float, share: float) -> bool:
    return abs(value - expected) <= share * expected


@pytest.mark.parametrize(("rate", "burst_kb"), [(20, 16), (10, 1024)])
def test_root_estimate_matches_tbf(shaped, workdir, rate, burst_kb):
    shaped.shape("router", "eth1", rate, burst_kb)
    results = capacity_json(shaped, workdir)
    assert set(results) == {V4, V6}
    for c in results.values():
        assert c["method"] == "tcp-reset", c
        assert c["status"] == "ok", c
        assert _within(c["sustained_mbps"], rate * IP_SHARE, 0.10), c
        assert c["confidence"] in ("high", "medium") or c["longest_stall_ms"] > 0, c
        assert c["probe_bytes"] <= 4_000_000 and c["duration_s"] <= 3.5, c
    # The IPv4 train runs first, into a full bucket; the IPv6 one follows into what has refilled since.
    c = results[V4]
    # Never 'not seen' (issue #14): when our own sender stalled in both trains (a busy machine), the shaper
    # is 'not measurable' and the stall is named; otherwise it is seen with its bucket.
    assert c["shaper"] in ("suspected", "not measurable"), c
    if c["shaper"] == "not measurable":
        assert c["longest_stall_ms"] > 0 and c["attempts"] == 2 and "stalled" in c["detail"], c
        return
    assert c["shaper_suspected"], c
    if c["burst_is_lower_bound"]:
        # Read from a second train (the first stalled) into a bucket that had only the gap to refill: a floor,
        # said as 'at least' (never more than the bucket).
        assert c["attempts"] == 2 and c["burst_bytes"] <= 1.35 * burst_kb * 1024, c
        return
    assert c["burst_bytes"] == pytest.approx(burst_kb * 1024, rel=0.35), c
    assert c["burst_mbps"] > 1.25 * c["sustained_mbps"], c


def test_unprivileged_estimate_uses_icmp(shaped, workdir, nobody_python):
    shaped.shape("router", "eth1", 20, 16)
    results = capacity_json(shaped, workdir, user="nobody", python=nobody_python)
    if any(c["status"] == "lower-bound" for c in results.values()):
        # Our unprivileged sender, starved on a loaded machine (a CI run beside two busy processes), can pace below
        # the shaper: no queue builds up and the answer is an honest floor. Measured once more, the shaper is found.
        assert all(c["sustained_mbps"] <= 20 * IP_SHARE * 1.10 for c in results.values()), results
        results = capacity_json(shaped, workdir, user="nobody", python=nobody_python)
    for c in results.values():
        assert c["method"] == "udp-icmp", c
        assert c["status"] == "ok", c
        assert _within(c["sustained_mbps"], 20 * IP_SHARE, 0.10), c


def test_unshaped_path_is_a_lower_bound_at_the_cap(fw, workdir):
    results = capacity_json(fw, workdir, "--max-rate", "30")
    for c in results.values():
        assert c["status"] == "lower-bound", c
        assert c["sustained_is_lower_bound"] and not c["shaper_suspected"], c
        assert c["probe_rate_cap_mbps"] == 30
        # Never faster than --max-rate: what got through is at most the cap (2 % for the clock). A lower bound is
        # what this machine's sender managed: under a CPU-bound load it read 22 of 30 (honest, so the floor is
        # loose; a run of make test under load failed on 0.8).
        assert 0.5 * 30 <= c["sustained_mbps"] <= 30 * 1.02, c


def test_icmp_rate_limited_target_is_not_mistaken_for_a_slow_path(fw, workdir, nobody_python):
    """Linux's default ICMP limits on the server (1/s per peer after a burst of 6, 1000/s overall): the
    answers thin out with no queueing, and that is reported, not read as a slow path."""
    fw.rate_limit_icmp("server", 1000)
    try:
        results = capacity_json(fw, workdir, user="nobody", python=nobody_python)
    finally:
        fw.rate_limit_icmp("server", 0)
    for c in results.values():
        assert c["status"] == "rate-limited", c
        assert c["icmp_rate_limited"] and c["sustained_mbps"] is None, c
        assert c["answered_packets"] < c["sent_packets"] // 2, c


def test_dataset_size_uses_the_measured_rate(shaped, workdir):
    """--dataset-size measures the bandwidth through the SSH port (issue #14); with --capacity as well, the
    slower of the two measured bottlenecks is the one to plan with, and the trains still report the shaper."""
    shaped.shape("router", "eth1", 20, 16)
    run = run_aspdiag(
        shaped,
        ["check", "aspera.lab.test", "--dataset-size", "1GB", "--capacity", "--format", "json", "--no-reports"],
        workdir,
        timeout=120,
    )
    assert run.code in (0, 1, 4), run.stderr
    estimate = run.json["estimate"]
    assert "bandwidth measurement" in estimate["measured_from"] or "capacity" in estimate["measured_from"], estimate
    assert _within(estimate["measured_mbps"], 20 * 1448 / 1514, 0.10), estimate
    assert estimate["at_measured_s"] == pytest.approx(
        estimate["dataset_bytes"] * 8 / (estimate["measured_mbps"] * 1e6), rel=0.01
    )
    assert {b["estimate"]["status"] for b in run.json["bandwidth"]} == {"measured"}, run.json["bandwidth"]
    titles = [f["title"] for f in run.json["verdict"]["findings"]]
    first = run.json["capacity"][0]
    assert any("shaper suspected" in t for t in titles) or first["shaper"] == "not measurable", (titles, first)
