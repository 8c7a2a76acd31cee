"""The bandwidth measurement around the estimator: which SSH port it streams through, what it reports when
it cannot stream, the second stream when our own sender spoilt the first (on another port's connection,
never a second connection to one port), the report section, the JSON round trip, the rate the transfer
estimate plans with, and the one TCP-versus-UDP caveat. Fakes only, no sockets."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import replace

import pytest

from aspdiag.core.facts import AddressFacts, PortFact
from aspdiag.core.measurement import ProbeContext
from aspdiag.core.model import PortState, Protocol
from aspdiag.engine.estimate import planning_rate, udp_caveat
from aspdiag.measurements.bandwidth import MEASUREMENT, bandwidths_of
from aspdiag.measurements.bandwidth.estimate import BandwidthStatus, LimitedBy, not_measured
from aspdiag.measurements.bandwidth.params import Budget
from aspdiag.measurements.bandwidth.port import STREAMER
from aspdiag.measurements.bandwidth.probe import BandwidthProbe, ssh_ports
from aspdiag.measurements.bandwidth.result import BandwidthResult
from aspdiag.measurements.bandwidth.samples import StreamRecord, StreamStop, TcpInfoSample
from aspdiag.render import OutputFormat
from aspdiag.report.codec import render_json, report_from_dict
from tests.reports import revise
from tests.unit.test_bandwidth_estimate import series
from tests.unit.test_render import sample_report  # noqa: F401  (fixture)

V4 = "198.18.3.2"


class FakeStreamer:
    """Hands out one recorded stream per port, and remembers every call (address, port)."""

    def __init__(self, streams: dict[int, StreamRecord]) -> None:
        self.streams = streams
        self.calls: list[tuple[str, int]] = []

    def stream(
        self,
        address: str,
        port: int,
        wait_s: float,
        budget: Budget,
        stop_when: Callable[[Sequence[TcpInfoSample]], bool],
    ) -> StreamRecord:
        self.calls.append((address, port))
        return self.streams[port]


def facts(*ports: tuple[int, PortState, bool | None]) -> AddressFacts:
    return AddressFacts(V4, ports=tuple(PortFact(V4, Protocol.TCP, n, s, speaks_ssh=ssh) for n, s, ssh in ports))


def steady(rate_mbps: float) -> StreamRecord:
    samples = series(rate_mbps, 1.0)
    return StreamRecord(tuple(samples), samples[-1].bytes_written, StreamStop.TIME_BUDGET, "bbr", "OpenSSH_9.2p1")


def stalled(rate_mbps: float) -> StreamRecord:
    samples = series(rate_mbps, 1.0, stall=(0.3, 1.0, 0.3))
    return StreamRecord(tuple(samples), samples[-1].bytes_written, StreamStop.TIME_BUDGET, "bbr", "OpenSSH_9.2p1")


def run(probe: BandwidthProbe, streamer: FakeStreamer) -> BandwidthResult:
    return probe.run(ProbeContext.of((STREAMER, streamer)))


def test_aspera_port_first_then_other_ssh_ports_never_a_port_that_is_not_ssh():
    f = facts((22, PortState.OPEN, True), (33001, PortState.OPEN, True), (2222, PortState.OPEN, False))
    assert [p.port for p in ssh_ports(f)] == [33001, 22]
    f = facts((22, PortState.OPEN, None), (33001, PortState.DROPPED, None), (830, PortState.OPEN, True))
    assert [p.port for p in ssh_ports(f)] == [830, 22]
    assert ssh_ports(facts((22, PortState.INTERCEPTED, True))) == []


def test_one_stream_through_the_preferred_port():
    streamer = FakeStreamer({33001: steady(100), 22: steady(100)})
    f = facts((22, PortState.OPEN, True), (33001, PortState.OPEN, True))
    result = run(BandwidthProbe(f, Budget(), 3.0), streamer)
    assert streamer.calls == [(V4, 33001)]
    assert result.port == 33001 and result.attempts == 1
    assert result.status is BandwidthStatus.MEASURED, result.estimate.reason
    assert abs((result.rate_mbps or 0) - 100) < 10
    assert (result.estimate.method, result.estimate.protocol, result.estimate.direction) == (
        "ssh-ignore",
        "tcp",
        "client-to-server",
    )
    assert result.server_software == "OpenSSH_9.2p1"


def test_a_stream_our_sender_spoilt_is_repeated_on_the_other_ports_connection():
    streamer = FakeStreamer({33001: stalled(100), 22: steady(100)})
    f = facts((22, PortState.OPEN, True), (33001, PortState.OPEN, True))
    alone = facts((33001, PortState.OPEN, True))
    first = run(BandwidthProbe(alone, Budget(), 3.0), FakeStreamer({33001: stalled(100)}))
    assert first.limited_by is LimitedBy.SENDER, first.estimate.reason
    result = run(BandwidthProbe(f, Budget(), 3.0), streamer)
    assert streamer.calls == [(V4, 33001), (V4, 22)]  # one stream per port: never two on one connection
    assert result.port == 22 and result.attempts == 2
    assert result.status is BandwidthStatus.MEASURED


def test_no_ssh_port_and_a_refusing_server_give_no_figure_with_the_reason():
    result = run(BandwidthProbe(facts((22, PortState.DROPPED, None)), Budget(), 3.0), FakeStreamer({}))
    assert result.status is BandwidthStatus.NOT_MEASURED and result.rate_mbps is None
    assert "no TCP port" in result.estimate.reason and result.port is None
    refused = StreamRecord(error="the server refused this client right now ('Not allowed at this time')")
    result = run(BandwidthProbe(facts((22, PortState.OPEN, True)), Budget(), 3.0), FakeStreamer({22: refused}))
    assert result.status is BandwidthStatus.NOT_MEASURED and result.limited_by is LimitedBy.CONNECTION
    assert "Not allowed at this time" in result.estimate.reason
    assert result.attempts == 0


def measured(address: str, rate: float, port: int = 33001) -> BandwidthResult:
    e = replace(not_measured(""), status=BandwidthStatus.MEASURED, rate_mbps=rate, limited_by=LimitedBy.PATH)
    e = replace(e, reason="steady rate at the bottleneck", bytes_sent=4_100_000, seconds=0.62)
    return BandwidthResult(address, "ipv4", port, e, 8_000_000, 3.0, "OpenSSH_10.0", 1, 1.1)


def lower(address: str, rate: float) -> BandwidthResult:
    b = measured(address, rate)
    e = replace(b.estimate, status=BandwidthStatus.LOWER_BOUND, limited_by=LimitedBy.BUDGET, reason="budget ended")
    return replace(b, estimate=e)


def test_section_names_method_direction_protocol_and_cost(sample_report):  # noqa: F811
    v4, v6 = sample_report.addresses
    report = revise(sample_report, bandwidths=(measured(v4, 412.3), lower(v6, 95.0)))
    text = OutputFormat.MARKDOWN.to_renderer()(report)
    assert "client → server" in text and "TCP, SSH port 33001 (OpenSSH_10.0)" in text
    assert "412.3 Mbit/s" in text and "≥ 95.0 Mbit/s" in text and "4.1 MB in 0.62 s" in text
    terminal = OutputFormat.TERMINAL.to_renderer(color=False, width=80)(report)
    assert "412.3 Mbit/s" in terminal
    titles = [f.title for f in report.assessment.findings]
    assert any("at least 95.0 Mbit/s" in t for t in titles)
    assert any("measured with TCP" in t for t in titles)  # no UDP figure in this report


def test_json_round_trip_keeps_every_field(sample_report):  # noqa: F811
    v4, v6 = sample_report.addresses
    report = revise(sample_report, bandwidths=(measured(v4, 412.3), lower(v6, 95.0)))
    data = json.loads(render_json(report))
    first = data["bandwidth"][0]
    assert first["estimate"]["status"] == "measured" and first["estimate"]["direction"] == "client-to-server"
    assert first["port"] == 33001 and first["estimate"]["bytes_sent"] == 4_100_000
    back = report_from_dict(data)
    assert bandwidths_of(back) == bandwidths_of(report)


def test_the_slowest_measured_bottleneck_wins_else_the_highest_lower_bound():
    rate, source, _ = planning_rate((), (measured(V4, 400.0), measured(V4, 90.0)), None)
    assert rate == 90.0 and source is not None and "client → server" in source
    rate, source, _ = planning_rate((), (lower(V4, 50.0), lower(V4, 80.0)), None)
    assert rate == 80.0 and source is not None and "at most this long" in source
    assert planning_rate((), (), None) == (None, None, None)


def test_udp_caveat_only_without_a_udp_figure(sample_report):  # noqa: F811
    v4, _ = sample_report.addresses
    report = revise(sample_report, bandwidths=(measured(v4, 412.3),))
    caveat = udp_caveat(report)
    assert caveat is not None and not caveat.proven and "--transfer" in caveat.action
    # No rate figure at all: still said, a review found a UDP policer (5 datagrams a second) behind a READY.
    bare = udp_caveat(sample_report)
    assert bare is not None and bare.title == "FASP's UDP throughput was not measured" and not bare.proven


@pytest.mark.parametrize("budget", [1.0, 4.0])
def test_probes_follow_the_budget_option(budget):
    from aspdiag.core.config import CheckConfig, validate_host
    from aspdiag.core.facts import Facts

    config = CheckConfig(target=validate_host("aspera.lab.test"), bandwidth=True, bandwidth_budget=budget)
    probes = MEASUREMENT.probes(config, Facts(config.target, (V4,)))
    assert [p.budget for p in probes] == [Budget().scaled(budget)]  # type: ignore[attr-defined]
