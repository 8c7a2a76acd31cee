"""Path characterisation logic from recorded answers: RTT statistics, the MTU search (ICMP, black holes,
rate limiting), black-hole localisation, the Mathis bound and the transfer estimate."""

from __future__ import annotations

import math

import pytest

from aspdiag.engine.estimate import estimate_transfer
from aspdiag.measurements.path.logic import (
    REACHED,
    SILENT,
    TIME_EXCEEDED,
    TOO_BIG,
    UNREACHABLE,
    DatagramAnswer,
    MtuSearch,
    locate_black_hole,
    loss_for_estimate,
    mathis_mbps,
    rtt_stats,
)
from tests.unit.test_render import sample_report  # noqa: F401  (fixture)


def search(local: int, pmtu: int, *, icmp: bool, floor: int = 576, drop_every: int = 0) -> tuple[MtuSearch, list[int]]:
    """Run the search against a simulated path; ``drop_every`` loses every n-th answer (rate limiting)."""
    s = MtuSearch(local, floor)
    sent: list[int] = []
    while (size := s.next_size()) is not None:
        sent.append(size)
        if drop_every and len(sent) % drop_every == 0:
            s.feed(DatagramAnswer(size, 64, SILENT))
        elif size <= pmtu:
            s.feed(DatagramAnswer(size, 64, REACHED, "target"))
        elif icmp:
            s.feed(DatagramAnswer(size, 64, TOO_BIG, "router", pmtu))
        else:
            s.feed(DatagramAnswer(size, 64, SILENT))
    return s, sent


@pytest.mark.parametrize("pmtu", [1500, 1492, 1400, 1280, 1006, 577])
def test_search_is_exact_with_icmp_in_few_probes(pmtu):
    s, sent = search(1500, pmtu, icmp=True)
    r = s.result()
    assert r.status == "ok" and r.path_mtu_bytes == pmtu and not r.black_hole
    assert len(sent) <= 3
    if pmtu < 1500:
        assert (r.icmp_mtu_bytes, r.icmp_from) == (pmtu, "router")


@pytest.mark.parametrize("pmtu", [1499, 1472, 1400, 1281, 1280, 600])
def test_search_is_exact_through_a_black_hole(pmtu):
    s, sent = search(1500, pmtu, icmp=False)
    r = s.result()
    assert r.status == "ok" and r.path_mtu_bytes == pmtu and r.black_hole
    assert r.smallest_lost_bytes == pmtu + 1 and r.icmp_mtu_bytes is None
    assert len(sent) <= 40


def test_a_lost_answer_is_not_mistaken_for_a_black_hole():
    # every 3rd answer vanishes (loss / ICMP rate limiting): still exact, and no black hole on a full path
    s, _ = search(1500, 1500, icmp=True, drop_every=3)
    r = s.result()
    assert r.path_mtu_bytes == 1500 and not r.black_hole


def test_nothing_reaches_the_target_is_cannot_tell():
    s = MtuSearch(1500, 576)
    while (size := s.next_size()) is not None:
        s.feed(DatagramAnswer(size, 64, SILENT))
    r = s.result()
    assert r.status == "cannot-tell" and r.path_mtu_bytes is None and "576" in r.detail
    # Kept as a number: beside the reachability check's answered small datagrams it means a filter on size.
    assert r.nothing_answered_bytes == 576


def test_other_icmp_error_stops_the_search():
    s = MtuSearch(1500, 576)
    size = s.next_size()
    assert size == 576
    s.feed(DatagramAnswer(576, 64, UNREACHABLE, "fw"))
    assert s.next_size() is None and s.result().status == "cannot-tell"


def test_locate_black_hole_between_hops():
    big = [
        DatagramAnswer(1401, 1, TIME_EXCEEDED, "r1"),
        DatagramAnswer(1401, 2, TIME_EXCEEDED, "fw"),
        DatagramAnswer(1401, 3, SILENT),
        DatagramAnswer(1401, 4, SILENT),
    ]
    small = [
        DatagramAnswer(1400, 1, TIME_EXCEEDED, "r1"),
        DatagramAnswer(1400, 2, TIME_EXCEEDED, "fw"),
        DatagramAnswer(1400, 3, TIME_EXCEEDED, "dmz"),
        DatagramAnswer(1400, 4, REACHED, "server"),
    ]
    where = locate_black_hole(big, small)
    assert where is not None
    assert (where.last_hop, where.last_hop_address, where.first_silent_hop, where.next_hop_address) == (
        2,
        "fw",
        3,
        "dmz",
    )
    # hops that never answer anything: no location claimed
    assert locate_black_hole([DatagramAnswer(1401, 1, SILENT)], [DatagramAnswer(1400, 1, SILENT)]) is None


def test_rtt_stats():
    s = rtt_stats([10.0, 12.0, None, 11.0, 30.0])
    assert (s.samples, s.answered, s.loss_pct) == (5, 4, 20.0)
    assert (s.rtt_min_ms, s.rtt_median_ms, s.rtt_p95_ms) == (10.0, 11.5, 30.0)
    assert s.jitter_ms == pytest.approx((2 + 1 + 19) / 3, abs=1e-3)
    empty = rtt_stats([None, None])
    assert empty.loss_pct == 100.0 and empty.rtt_min_ms is None


def test_mathis_matches_the_reference_table():
    # network-facts.md §5.3: MSS 1460, C = 1.22: 100 ms and 1e-4 loss -> about 14 Mbit/s; 10 ms, 1e-6 -> 1430
    assert mathis_mbps(100, 1e-4) == pytest.approx(14.3, rel=0.01)
    assert mathis_mbps(10, 1e-6) == pytest.approx(1430, rel=0.01)
    assert mathis_mbps(0, 0.01) is None and mathis_mbps(10, 0) is None
    assert loss_for_estimate(0.5, 10)[0] == 0.005
    assert loss_for_estimate(0.0, 10)[0] == 1e-4


def test_estimate_durations():
    from aspdiag.measurements.path.result import PathResult

    path = PathResult(
        "198.18.3.2",
        "ipv4",
        22,
        10,
        10,
        90.0,
        100.0,
        120.0,
        1.0,
        0.0,
        33001,
        "ok",
        1500,
        1500,
        None,
        None,
        False,
        None,
        None,
        None,
        None,
        1472,
        False,
        3,
        "",
        1.0,
    )
    e = estimate_transfer(10**12, 100.0, [path])
    assert e.at_cap_s == pytest.approx(80_000)
    assert e.rtt_ms == 100.0 and e.tcp_single_stream_mbps == pytest.approx(14.3, rel=0.01)
    assert e.tcp_single_stream_mbps is not None and e.at_cap_s is not None
    assert e.at_tcp_s == pytest.approx(10**12 * 8 / (e.tcp_single_stream_mbps * 1e6), rel=1e-4)
    assert e.measured_mbps is None and math.isfinite(e.at_cap_s)


def test_path_and_estimate_round_trip_through_json_and_render(sample_report):  # noqa: F811

    from aspdiag.measurements.path.result import PathResult
    from aspdiag.render import OutputFormat
    from aspdiag.report.codec import report_from_dict, report_to_dict
    from tests.reports import revise

    hole = PathResult(
        "198.18.3.2",
        "ipv4",
        22,
        10,
        10,
        0.1,
        0.2,
        0.3,
        0.01,
        0.0,
        33001,
        "ok",
        1400,
        1500,
        None,
        None,
        True,
        1401,
        2,
        "198.18.2.2",
        "198.18.5.2",
        1372,
        True,
        22,
        "datagrams of 1401 bytes vanish",
        3.2,
    )
    report = revise(sample_report, paths=(hole,), estimate=estimate_transfer(10**12, 100.0, [hole]))
    data = report_to_dict(report)
    assert data["path"][0]["z_advice"].startswith("needed: ascp -Z 1372")
    assert report_to_dict(report_from_dict(data)) == data
    for fmt in (OutputFormat.MARKDOWN, OutputFormat.HTML, OutputFormat.TERMINAL):
        text = fmt.to_renderer()(report)
        assert "BLACK HOLE" in text and "-Z 1372" in text, fmt
    assert any("black hole" in f.title.lower() for f in report.assessment.findings)


def limited_search(pmtu: int, icmp: bool, *, tokens: float) -> tuple[MtuSearch, float]:
    """Run the search against a target that answers from a token bucket (at most 6 tokens, one more per
    second), as Linux does, starting with ``tokens``; each probe takes 0.05 s plus the pause the search asks
    for. Returns the search and the time it took."""
    s = MtuSearch(1500, 576)
    now, last = 0.0, 0.0
    while (size := s.next_size()) is not None:
        now += s.pause_s + 0.05
        tokens, last = min(6.0, tokens + (now - last)), now
        if size > pmtu:
            answer = DatagramAnswer(size, 64, TOO_BIG, "router", pmtu) if icmp else DatagramAnswer(size, 64, SILENT)
        elif tokens >= 1:
            tokens -= 1
            answer = DatagramAnswer(size, 64, REACHED, "target")
        else:
            answer = DatagramAnswer(size, 64, SILENT)
        s.feed(answer)
    return s, now


@pytest.mark.parametrize(("pmtu", "icmp"), [(1400, False), (1280, False), (1500, False), (1400, True)])
def test_search_stays_exact_under_a_linux_icmp_rate_limit(pmtu, icmp):
    """The target answers from a token bucket (6 tokens, one more per second), as Linux does; each probe
    takes 0.05 s plus the pause the search asks for. Silences from the limiter must not become a black hole."""
    s, now = limited_search(pmtu, icmp, tokens=6.0)
    r = s.result()
    assert r.status == "ok" and r.path_mtu_bytes == pmtu, (r, s.probes)
    assert r.black_hole is (not icmp and pmtu < 1500)
    assert now < 60, now


@pytest.mark.parametrize(("pmtu", "icmp"), [(1500, False), (1400, True)])
def test_a_target_whose_icmp_tokens_the_port_probes_spent_is_searched_quickly(pmtu, icmp):
    """A held-out review: a real server's per-peer ICMP limit with one token left after the port probes made
    the search for a full-size path a paced binary search of 14 probes, about 12 s (the whole preflight then
    took 13-18 s). The silent size is asked again after the pause instead: a few probes, under 3 s."""
    s, now = limited_search(pmtu, icmp, tokens=1.0)
    r = s.result()
    assert r.status == "ok" and r.path_mtu_bytes == pmtu and not r.black_hole, r
    assert s.probes <= 6 and now < 3.0, (s.probes, now)


def test_handshake_loss_and_large_datagrams_lost_are_unproven_findings(sample_report):  # noqa: F811
    """Handshakes cannot tell path loss from a SYN rate limit (a 2/s limit read '50 % loss', proven); large
    datagrams lost where small ones pass (a size filter read READY) is unproven too, and the address is no
    longer called usable."""
    from dataclasses import replace as _replace

    from aspdiag.core.model import Verdict
    from aspdiag.measurements.path.result import PathResult
    from tests.reports import revise

    base = PathResult(
        "198.18.3.2", "ipv4", 22, 10, 5, 0.1, 0.2, 0.3, 0.01, 50.0, 33001, "cannot-tell", None, 1500, None, None,
        False, None, None, None, None, None, False, 12, "not even a 576-byte datagram got an answer", 3.2,
    )  # fmt: skip
    report = revise(sample_report, paths=(base,))
    loss = next(f for f in report.assessment.findings if "handshakes" in f.title)
    assert not loss.proven and loss.settle and "limit on new connections" in loss.detail
    assert report.assessment.verdict is not Verdict.BLOCKED
    sized = revise(sample_report, paths=(_replace(base, loss_pct=0.0, large_datagrams_lost_bytes=576),))
    found = next(f for f in sized.assessment.findings if "small ones do" in f.title)
    assert not found.proven and found.settle
    assert sized.assessment.verdict not in (Verdict.READY, Verdict.BLOCKED), sized.assessment


@pytest.mark.parametrize("filtered", ["size", "flow"])
def test_a_flow_that_gets_nothing_is_not_called_a_size_filter(filtered, monkeypatch):
    """A review: a firewall limiting new UDP flows to 33001 dropped the MTU search's flow, and the path read
    'datagrams of 576 bytes and more get no answer, small ones do' (the small ones were another flow's).
    A small datagram on the search's own flow now tells a size filter from a flow that gets nothing."""
    from aspdiag.core.facts import AddressFacts, PortFact
    from aspdiag.core.measurement import ProbeContext
    from aspdiag.core.model import PortState, Protocol
    from aspdiag.measurements.path.logic import REACHED, SILENT, DatagramAnswer
    from aspdiag.measurements.path.port import PATH
    from aspdiag.measurements.path.probe import PathProbe

    class Prober:
        def tcp_rtt(self, address, port, wait_s):
            return 1.0

        def datagrams(self, address, port, size_bytes, ttls, wait_s):
            passes = filtered == "size" and size_bytes <= 100
            return tuple(DatagramAnswer(size_bytes, t, REACHED if passes else SILENT, address) for t in ttls)

    monkeypatch.setattr("aspdiag.measurements.path.probe.time.sleep", lambda s: None)
    v4 = "198.18.3.2"
    facts = AddressFacts(
        v4,
        interface_mtu_bytes=1500,
        ports=(
            PortFact(v4, Protocol.TCP, 22, PortState.OPEN, hops_to_target=4),
            PortFact(v4, Protocol.UDP, 33001, PortState.CLOSED, hops_to_target=4),
        ),
    )
    result = PathProbe(facts, 33001, wait_s=0.01, timeout_s=30).run(ProbeContext.of((PATH, Prober())))
    if filtered == "size":
        assert result.large_datagrams_lost_bytes == 576, result
    else:
        assert result.large_datagrams_lost_bytes is None and "not a size filter" in result.detail, result


def test_path_probes_wait_three_round_trips_on_a_long_path():
    """A review: on a 1 s RTT path the path stage's fixed 1 s wait read '60 % of TCP handshakes got no answer'."""
    from aspdiag.measurements.path import _wait_s
    from tests.unit.test_engine import run_check

    assert _wait_s(3.0, None) == 1.0 and _wait_s(3.0, 20.0) == 1.0
    assert _wait_s(3.0, 900.0) == pytest.approx(2.7) and _wait_s(3.0, 1500.0) == 3.0 and _wait_s(0.5, 900.0) == 0.5
    from aspdiag.core.facts import Facts
    from aspdiag.measurements.reachability import MEASUREMENT

    report = run_check()
    facts = MEASUREMENT.learn(Facts(report.target, addresses=report.addresses), report.ports)
    assert facts.of(report.addresses[0]).rtt_ms is not None
