"""The lab's delay line (tests.lab.delay): a long path for bandwidth tests on a kernel without netem."""

from __future__ import annotations

import json
import os
import re
import statistics
import subprocess
from collections.abc import Iterator

import pytest

from tests.lab import Lab
from tests.lab.delay import unavailable_reason
from tests.lab.linkmeter import meter

pytestmark = pytest.mark.serial  # rates and timings: run alone, not beside other tests

IPERF_PORT = 5299


@pytest.fixture
def delay_lab(lab: Lab) -> Iterator[Lab]:
    """The session lab; afterwards without delay or shaping again (other tests share it)."""
    reason = unavailable_reason()
    if reason:
        if os.environ.get("ASPDIAG_REQUIRE_LAB") == "1":
            pytest.fail(f"ASPDIAG_REQUIRE_LAB=1 but {reason}")
        pytest.skip(reason)
    try:
        yield lab
    finally:
        lab.undelay("router")
        lab.unshape("dmz", "eth1")


def rtts_ms(lab: Lab, target: str, count: int = 10) -> list[float]:
    """Round-trip times of ``count`` pings from the client (20 per second)."""
    result = lab.exec("client", ["ping", "-n", "-c", str(count), "-i", "0.05", "-W", "2", target], timeout=30)
    return [float(value) for value in re.findall(r"time=([\d.]+) ms", result.stdout)]


def test_delay_sets_the_round_trip_and_undelay_restores_it(delay_lab: Lab) -> None:
    lab = delay_lab
    lab.delay("router", 25)
    for target in (lab.addr.server4, lab.addr.server6):
        rtts = rtts_ms(lab, target)
        assert len(rtts) == 10, f"lost pings to {target}: {rtts}"
        # Each packet is held at least 25 ms each way; on a busy machine it may leave a little late.
        assert min(rtts) >= 50.0, rtts
        assert statistics.median(rtts) < 60.0, rtts
    # Only what the router forwards is delayed: hop 1 itself answers at once.
    assert statistics.median(rtts_ms(lab, lab.addr.router_client4, 5)) < 5.0
    with pytest.raises(RuntimeError, match="already delays"):
        lab.delay("router", 10)

    lab.undelay("router")
    assert statistics.median(rtts_ms(lab, lab.addr.server4)) < 1.0

    # All of the delay in one direction (client to server); the other is left alone.
    lab.delay("router", 30, reverse_ms=0)
    rtts = rtts_ms(lab, lab.addr.server6, 5)
    assert min(rtts) >= 30.0 and statistics.median(rtts) < 40.0, rtts


def test_long_path_carries_a_100_mbit_bottleneck(delay_lab: Lab) -> None:
    """One TCP stream fills a 100 Mbit/s tbf bottleneck over a 50 ms round trip, and the delay line drops
    nothing. (The default TCP buffer limits, 4 MB to send, cover this 625 kB bandwidth-delay product;
    1 Gbit/s would need tests.lab.delay.set_tcp_buffers.)"""
    lab = delay_lab
    delay = lab.delay("router", 25)
    lab.shape("dmz", "eth1", 100, burst_kbyte=64)
    server = subprocess.Popen(
        lab.exec_argv("server", ["iperf3", "-s", "-1", "-p", str(IPERF_PORT), "-B", lab.addr.server4]),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        lab.wait_listening("server", "tcp", IPERF_PORT)
        # 2 s for slow start to find the bottleneck (not counted), then 3 s measured.
        argv = ["iperf3", "-c", lab.addr.server4, "-p", str(IPERF_PORT), "-t", "3", "-O", "2", "-J"]
        with meter(lab.ns("dmz"), "eth1") as link:
            result = lab.exec("client", argv, timeout=30)
        assert result.returncode == 0, result.stdout[-2000:] + result.stderr
    finally:
        server.kill()
        server.wait()
    received_mbit = json.loads(result.stdout)["end"]["sum_received"]["bits_per_second"] / 1e6
    # TCP payload over a 100 Mbit/s Ethernet bottleneck tops out near 94 Mbit/s. Below 88 only where the
    # delay line still kept tbf fed (a backlog in 80 % of the samples) and tbf itself sent less than its rate: a
    # busy machine delayed its dequeue beyond its 64 KB bucket (tests.lab.linkmeter).
    link_was = link.judge()
    assert received_mbit <= 100.0, f"{received_mbit:.1f} Mbit/s"
    if received_mbit < 88.0:
        why = f"{received_mbit:.1f} Mbit/s, {link_was}"
        assert link_was.backlog_share >= 0.8 and link_was.disturbed(100), why
        assert link_was.active_rate_mbps is not None and received_mbit >= 0.9 * link_was.active_rate_mbps, why
    for queue in delay.stats():
        assert (queue.dropped, queue.user_dropped) == (0, 0), queue
