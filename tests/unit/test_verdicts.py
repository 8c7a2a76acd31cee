"""Issue #13 on simulated paths: busy servers, perimeters that drop inbound ICMP, interception, who must act,
what settles an unproven verdict, and the exit codes that match."""

from __future__ import annotations

import pytest

from aspdiag.core.config import CheckConfig, validate_host
from aspdiag.core.exit_codes import ExitCode, exit_code_for
from aspdiag.core.model import Audience, PortState, Verdict
from aspdiag.engine.advice import nat_note
from aspdiag.engine.run import check
from aspdiag.measurements.reachability.probe import ReachabilityProbe, control_udp_port
from aspdiag.measurements.reachability.result import AnswerKind
from tests.fakes import FAKE_ENVIRONMENT, FakeNetwork, FakeResolver, Rule, fake_context, resolved

NAME = "aspera.lab.test"
V4 = "198.18.3.2"


def run(network: FakeNetwork):
    config = CheckConfig(target=validate_host(NAME), timeout_s=0.5)
    return check(config, fake_context(FakeResolver(resolved(NAME, (V4,))), network=network), FAKE_ENVIRONMENT)


def udp(report):
    return next(p for p in report.ports if p.protocol.value == "udp")


@pytest.fixture(params=[False, True], ids=["socket-like", "raw-like"])
def raw_like(request):
    return request.param


def test_busy_server_is_not_a_blocker(raw_like):
    report = run(FakeNetwork(raw_like=raw_like, udp_busy={33001}))
    result = udp(report)
    assert result.state is PortState.SERVER_SILENT
    assert result.control is not None and "busy" in result.control.meaning
    assert "33002" in result.control.meaning and result.control.settle
    assert report.assessment.verdict is Verdict.UNCONFIRMED and report.assessment.settle
    assert report.change_request == ()
    finding = next(f for f in report.assessment.findings if "UDP 33001" in f.title)
    assert finding.audience is Audience.SERVER_OPERATORS and not finding.proven
    assert exit_code_for(report.assessment.verdict) is ExitCode.UNCONFIRMED


def test_icmp_blackout_with_udp_open_proves_nothing(raw_like):
    report = run(FakeNetwork(raw_like=raw_like, icmp_blackout_after=1))
    result = udp(report)
    assert result.state is PortState.SILENT and "cannot see past hop 1" in result.location
    assert report.assessment.verdict is Verdict.CANNOT_TELL
    assert report.change_request == ()
    assert exit_code_for(report.assessment.verdict) is ExitCode.CANNOT_TELL


def test_drop_before_the_icmp_filter_is_proven(raw_like):
    # UDP dies at the router (hop 1); ICMP from hops 2 comes back on the other flows: a proven drop.
    network = FakeNetwork(raw_like=raw_like, icmp_blackout_after=2, rules={(None, "udp", 33001): Rule("drop", 1)})
    report = run(network)
    result = udp(report)
    assert result.state is PortState.DROPPED
    assert (result.last_responding_hop.hop, result.blocked_at.hop) == (1, 2)
    assert report.assessment.verdict is Verdict.BLOCKED
    (row,) = report.change_request
    assert (row.protocol.value, row.ports) == ("udp", "33001")
    finding = next(f for f in report.assessment.findings if "UDP 33001" in f.title)
    assert finding.audience is Audience.CLIENT_NETWORK and finding.proven


def test_drop_behind_the_icmp_filter_is_not_called_blocked(raw_like):
    network = FakeNetwork(raw_like=raw_like, icmp_blackout_after=1, rules={(None, "udp", 33001): Rule("drop", 2)})
    report = run(network)
    assert udp(report).state is PortState.SILENT
    assert report.assessment.verdict is Verdict.CANNOT_TELL


def test_interceptor_is_named_and_the_server_keeps_its_distance(raw_like):
    report = run(FakeNetwork(raw_like=raw_like, intercept={33001: 3}))
    tcp = {p.port: p for p in report.ports if p.protocol.value == "tcp"}
    assert tcp[33001].state is PortState.INTERCEPTED and tcp[33001].blocked_at.hop == 3
    assert tcp[22].state is PortState.OPEN and tcp[22].hops_to_target == 4
    finding = next(f for f in report.assessment.findings if "answered by a device at hop 3" in f.title)
    assert finding.audience is Audience.CLIENT_NETWORK
    assert report.assessment.verdict is Verdict.READY  # TCP 22 reaches the server itself


def test_one_greeting_per_open_port():
    network = FakeNetwork()
    ReachabilityProbe(V4, (22, 33001), (33001,), answer_timeout_s=1.0).run(fake_context(network=network))
    assert sorted(network.greetings) == [(V4, 22), (V4, 33001)]


def test_control_port_is_a_neighbour_nothing_asked_about():
    assert control_udp_port((22, 33001), (33001,)) == 33002
    assert control_udp_port((22, 33011), (*range(33001, 33011),)) == 33012
    assert control_udp_port((22,), (65535,)) == 65534


def test_nat_note_names_both_addresses():
    note = nat_note("198.18.1.2", "198.18.2.1")
    assert "198.18.2.1" in note and "198.18.1.2" in note and "NAT" in note
    assert nat_note("198.18.1.2", "198.18.1.2") == ""


@pytest.mark.parametrize("busy", [False, True])
def test_icmp_about_udp_filtered_apart_from_tcp_is_no_proof(raw_like, busy):
    """A held-out review: a firewall at hop 2 dropping the ICMP errors related to UDP (TCP's pass) while UDP
    itself passes read BLOCKED, proven, with a change request: TCP's time-exceeded from beyond it stood in as
    the proof. A UDP silence is evidence only where ICMP about UDP comes back."""
    network = FakeNetwork(raw_like=raw_like, udp_icmp_blackout_after=2, udp_busy={33001} if busy else set())
    report = run(network)
    assert udp(report).state is PortState.SILENT, udp(report)
    assert report.assessment.verdict is not Verdict.BLOCKED
    assert report.change_request == ()


def test_nothing_answering_a_flow_not_even_hop_1_is_no_proof(raw_like):
    """A held-out review: routers limiting time-exceeded to one a second; one UDP flow got no answer at all,
    not even from hop 1 (which answers other flows), and read 'dropped at the first hop' with a change
    request, for a drop three hops further. A router answers TTL 1 before any filter: no proof."""
    network = FakeNetwork(raw_like=raw_like, rules={(None, "udp", 33001): Rule("predrop", 1)})
    report = run(network)
    assert udp(report).state is PortState.SILENT, udp(report)
    assert report.change_request == ()
    assert report.assessment.verdict is not Verdict.BLOCKED


def test_reject_by_the_last_router_says_who_may_own_it(raw_like):
    # The router just before the server (hop 3 of a target at hop 4) rejects UDP 33001: proven, and the
    # request goes to the client's network team, with the caveat that the device may be the provider's edge.
    network = FakeNetwork(raw_like=raw_like, rules={(None, "udp", 33001): Rule("reject", 3)})
    report = run(network)
    result = udp(report)
    assert result.state is PortState.REJECTED and result.blocked_at.hop == 3 and result.hops_to_target == 4
    finding = next(f for f in report.assessment.findings if "UDP 33001" in f.title)
    assert finding.audience is Audience.CLIENT_NETWORK and finding.proven
    assert "last router before the server" in finding.action and "data provider" in finding.action
    # A reject in the middle of the path carries no such caveat.
    middle = run(FakeNetwork(raw_like=raw_like, rules={(None, "udp", 33001): Rule("reject", 2)}))
    assert "last router" not in next(f for f in middle.assessment.findings if "UDP 33001" in f.title).action


def test_a_port_deliberately_not_greeted_gets_no_warning():
    """The exporter opens one SSH connection per scrape: the other open ports are not read, which is no
    evidence about them (no 'service could not be told' warning)."""
    from aspdiag.measurements.reachability.result import NOT_OPENED, Banner, BannerKind

    skipped = Banner(BannerKind.NO_CONNECTION, f"{NOT_OPENED}: this run's one SSH connection went to {V4} port 22")
    report = run(FakeNetwork(banners={33001: skipped}))
    assert report.assessment.verdict is Verdict.READY
    assert not [f for f in report.assessment.findings if "could not be told" in f.title]


def test_silent_ports_of_a_range_are_each_traced(raw_like):
    """A review: with --udp-port 33001-33005, the server holding 33004-33005 (busy) and the firewall dropping
    33002, all three silent ports shared 33002's trace: 33004-33005 joined the change request."""
    network = FakeNetwork(raw_like=raw_like, udp_busy={33004, 33005}, rules={(None, "udp", 33002): Rule("drop", 2)})
    config = CheckConfig(target=validate_host(NAME), timeout_s=0.5, udp_ports=tuple(range(33001, 33006)))
    report = check(config, fake_context(FakeResolver(resolved(NAME, (V4,))), network=network), FAKE_ENVIRONMENT)
    states = {p.port: p.state for p in report.ports if p.protocol.value == "udp" and p.port <= 33005}
    assert states[33002] is PortState.DROPPED
    assert states[33004] is states[33005] is PortState.SERVER_SILENT
    (row,) = report.change_request
    assert row.ports == "33002"


def test_crafted_syns_dropped_while_connections_pass_is_open():
    """A held-out review: a firewall dropping SYNs without TCP options read 'dropped', with a change request,
    while ssh connected. A silent raw SYN is followed by an ordinary connection, and that decides."""
    report = run(FakeNetwork(raw_like=True, crafted_syn_dropped={22, 33001}))
    tcp = {p.port: p for p in report.ports if p.protocol.value == "tcp"}
    assert tcp[22].state is tcp[33001].state is PortState.OPEN
    assert "an ordinary connection opened" in tcp[22].detail
    assert report.change_request == () and report.assessment.verdict is Verdict.READY


def test_raw_syns_carry_the_options_real_stacks_send():
    from aspdiag.adapters.raw import _scapy, syn

    packet = syn(_scapy(), 40000, 22, 1, v6=False)
    names = [name for name, _value in packet.options]
    assert names == ["MSS", "SAckOK", "Timestamp", "NOP", "WScale"] and packet.window == 64240
    assert dict(packet.options)["MSS"] == 1460 and dict(syn(_scapy(), 40000, 22, 1, v6=True).options)["MSS"] == 1440


def test_a_device_answering_ssh_for_the_server_is_probable_not_unknown(raw_like):
    """A held-out review: an nft synproxy before the server answered TCP 22 and 33001 and passed the real
    server's greeting on; the check said 'No SSH control port could be shown to work', cannot tell."""
    report = run(FakeNetwork(raw_like=raw_like, intercept={22: 3, 33001: 3}))
    assert report.assessment.verdict is Verdict.UNCONFIRMED
    titles = [f.title for f in report.assessment.findings]
    assert not [t for t in titles if "No SSH control port" in t], titles
    intercepted = [f for f in report.assessment.findings if "answered by a device" in f.title]
    assert intercepted and all(not f.proven and "SSH answers through it" in f.detail for f in intercepted)


def test_a_device_hop_follows_its_reply_ttl():
    """A forward-chain device first answers TTL t at hop t-1; a device answering for its own address (a port
    forward) at hop t. The reply TTL, when known, tells which (a review: 'forged at hop 1' for hop 2)."""
    from aspdiag.measurements.reachability.logic import TargetDistance, forged_at
    from aspdiag.measurements.reachability.result import ProbeAnswer

    hops = {1: "198.18.1.1", 2: "198.18.2.2", 3: "198.18.5.2"}
    distance = TargetDistance(hops=4, confirmed=True)
    own = ProbeAnswer(2, AnswerKind.PORT_UNREACHABLE, responder=V4, reply_ttl=63)  # 2 hops back
    forward = ProbeAnswer(3, AnswerKind.PORT_UNREACHABLE, responder=V4, reply_ttl=63)  # 2 hops back, TTL 3
    unknown = ProbeAnswer(3, AnswerKind.PORT_UNREACHABLE, responder=V4)
    for answer in (own, forward, unknown):
        device = forged_at(V4, answer, [answer], distance, hops)
        assert device is not None and device.hop == 2, answer


def test_ready_over_a_proven_mtu_black_hole_says_minus_z_in_its_headline():
    """A held-out review: READY, 'start the transfer', above a proven warning that the transfer stalls."""
    from aspdiag.measurements.path.result import PathResult
    from tests.reports import revise

    report = run(FakeNetwork())
    assert report.assessment.verdict is Verdict.READY
    hole = PathResult(
        address=V4, family="ipv4", rtt_port=22, rtt_samples=5, rtt_answered=5, rtt_min_ms=1.0, rtt_median_ms=1.0,
        rtt_p95_ms=1.0, jitter_ms=0.1, loss_pct=0.0, udp_port=33001, mtu_status="black-hole", path_mtu_bytes=1280,
        local_mtu_bytes=1500, icmp_mtu_bytes=None, icmp_mtu_from=None, black_hole=True,
        black_hole_smallest_lost_bytes=1300, black_hole_after_hop=3, black_hole_after_address="198.18.5.2",
        black_hole_next_address=None, max_fasp_datagram_bytes=1252, needs_z=True, mtu_probes=12, detail="",
        duration_s=1.0,
    )  # fmt: skip
    judged = revise(report, paths=(hole,))
    assert judged.assessment.verdict is Verdict.READY
    assert "-Z 1252" in judged.assessment.summary and "-Z 1252" in judged.assessment.next_step


def test_hops_that_answer_with_the_targets_address_are_named_as_a_port_forward():
    """A review: behind a port forward every router's ICMP carries the public address, and the drop read
    'between hop 2 (X) and hop 3 (X)' with X the target."""
    from aspdiag.measurements.reachability.logic import _silent
    from aspdiag.measurements.reachability.result import ProbeAnswer

    vip = "198.18.7.10"
    trace = [
        ProbeAnswer(1, AnswerKind.TIME_EXCEEDED, responder="198.18.1.1"),
        ProbeAnswer(2, AnswerKind.TIME_EXCEEDED, responder=vip),
        ProbeAnswer(3, AnswerKind.SILENT),
        ProbeAnswer(4, AnswerKind.SILENT),
    ]
    probes = [ProbeAnswer(64, AnswerKind.SILENT)] * 3
    hops = {1: "198.18.1.1", 2: vip, 3: vip}
    found = _silent(vip, probes, trace, 5, hops, 4)
    assert found.state is PortState.DROPPED and "a port forward" in found.detail


def test_ipv4_unknown_and_ipv6_working_says_minus_6():
    """A review: IPv4 black-holed (silence, no ICMP), IPv6 working: 'some addresses look usable', while the
    same outage with net-unreachable read DEGRADED with -6. ascp uses IPv4 unless given -6."""
    from tests.unit.test_engine import V6, run_check

    rules: dict[tuple[str | None, str, int], Rule] = {
        (V4, proto, port): Rule("drop", 1) for proto, port in (("tcp", 22), ("tcp", 33001), ("udp", 33001))
    }
    rules[(V4, "udp", 33002)] = Rule("drop", 1)
    report = run_check(network=FakeNetwork(rules=rules))
    states = {(p.address, p.label): p.state for p in report.ports}
    assert states[(V4, "udp/33001")] is PortState.SILENT and states[(V6, "udp/33001")] is PortState.CLOSED, states
    assert report.assessment.verdict is Verdict.UNCONFIRMED, report.assessment
    assert "-6" in report.assessment.next_step and " -6 " in report.recommendations.ascp_command


def test_a_device_resetting_the_ttl_makes_hop_numbers_say_nothing():
    """A review: a router that sets TTL 64 on the way out let every probe from TTL 2 on reach the server, so
    the client's own perimeter drop read 'past hop 1, on the server's side: nothing for your network team'.
    The server answering a TTL-2 probe from 4 hops away (its reply TTL) shows the reset; a return path two hops
    longer than a long way there does not."""
    from aspdiag.core.model import Protocol
    from aspdiag.measurements.reachability.logic import classify, target_distance
    from aspdiag.measurements.reachability.result import ProbeAnswer

    reset_trace = [
        ProbeAnswer(1, AnswerKind.TIME_EXCEEDED, responder="198.18.1.1", reply_ttl=64),
        ProbeAnswer(2, AnswerKind.SYN_ACK, responder=V4, reply_ttl=61),  # 4 hops back
    ]
    distance = target_distance(V4, [reset_trace])
    assert distance.hops == 2 and distance.ttl_reset
    udp_trace = [ProbeAnswer(1, AnswerKind.TIME_EXCEEDED, responder="198.18.1.1"), ProbeAnswer(2, AnswerKind.SILENT)]
    silent = [ProbeAnswer(64, AnswerKind.SILENT)] * 3
    found = classify(Protocol.UDP, V4, silent, udp_trace, distance, {1: "198.18.1.1"}, horizon=2)
    assert found.state is PortState.SILENT and "resets the TTL" in found.detail
    long_path = [ProbeAnswer(t, AnswerKind.TIME_EXCEEDED, responder=f"198.18.9.{t}") for t in range(1, 14)]
    long_path.append(ProbeAnswer(14, AnswerKind.SYN_ACK, responder=V4, reply_ttl=48))  # 16 hops back
    assert not target_distance(V4, [long_path]).ttl_reset


def test_different_routers_at_one_hop_are_named_as_load_balancing():
    """A review: one of two equal-cost paths dropped UDP 33001; the flow probed took the other, READY. Routers
    that differ per flow at one hop are said, as a caveat (each port's result holds for its flow's path)."""
    from aspdiag.core.model import Protocol
    from aspdiag.measurements.reachability.findings import address_findings
    from aspdiag.measurements.reachability.result import PortResult, ProbeAnswer

    def port(number: int, third: str) -> PortResult:
        trace = (
            ProbeAnswer(1, AnswerKind.TIME_EXCEEDED, responder="198.18.1.1"),
            ProbeAnswer(2, AnswerKind.TIME_EXCEEDED, responder="198.18.2.2"),
            ProbeAnswer(3, AnswerKind.TIME_EXCEEDED, responder=third),
            ProbeAnswer(4, AnswerKind.SYN_ACK, responder=V4),
        )
        return PortResult(V4, Protocol.TCP, number, PortState.OPEN, trace=trace, hops_to_target=4)

    report = run(FakeNetwork())
    found = address_findings(report, V4, (port(22, "198.18.7.2"), port(33001, "198.18.9.2")))
    (ecmp,) = [f for f in found if "different paths" in f.title]
    assert "hop 3" in ecmp.title and not ecmp.proven
    assert not [f for f in address_findings(report, V4, (port(22, "198.18.7.2"),)) if "different paths" in f.title]
