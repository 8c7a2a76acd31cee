"""Reachability from simulated paths (no packets): state, hop and address for every firewall scenario,
for a raw-like back-end (reply TTLs everywhere, parallel TCP) and a socket-like one (sequential TCP,
resets without reply TTL)."""

import pytest

from aspdiag.core.model import PortState, Protocol
from aspdiag.measurements.reachability.logic import (
    HopSearch,
    TargetDistance,
    forged_at,
    target_distance,
    unreliable_hops,
)
from aspdiag.measurements.reachability.probe import ReachabilityProbe
from aspdiag.measurements.reachability.result import AnswerKind, HopRef, ProbeAnswer
from tests.fakes import V4_PATH, V6_PATH, FakeNetwork, Rule, fake_context

V4, V6 = "198.18.3.2", "2001:db8:3::2"
FW = {V4: V4_PATH[1], V6: V6_PATH[1]}
DMZ = {V4: V4_PATH[2], V6: V6_PATH[2]}


def reach(address, network):
    results = ReachabilityProbe(address, (22, 33001), (33001,), answer_timeout_s=1.0).run(fake_context(network=network))
    return {r.label: r for r in results}


@pytest.fixture(params=[False, True], ids=["socket-like", "raw-like"])
def raw_like(request):
    return request.param


@pytest.mark.parametrize("address", [V4, V6])
def test_all_open(address, raw_like):
    r = reach(address, FakeNetwork(raw_like=raw_like))
    assert [r[k].state for k in ("tcp/22", "tcp/33001", "udp/33001")] == [
        PortState.OPEN,
        PortState.OPEN,
        PortState.CLOSED,
    ]
    assert r["udp/33001"].path_open
    assert all(x.hops_to_target == 4 for x in r.values())
    assert r["tcp/22"].last_responding_hop == HopRef(4, address)
    assert r["tcp/22"].blocked_at is None
    assert [a.responder for a in r["udp/33001"].trace[:3]] == list(V4_PATH if address == V4 else V6_PATH)


@pytest.mark.parametrize("address", [V4, V6])
def test_udp_dropped_at_the_perimeter(address, raw_like):
    r = reach(address, FakeNetwork(raw_like=raw_like, rules={(None, "udp", 33001): Rule("drop", 2)}))["udp/33001"]
    assert r.state is PortState.DROPPED
    assert r.last_responding_hop == HopRef(2, FW[address])
    assert r.blocked_at == HopRef(3, DMZ[address])
    assert r.location.startswith(f"between hop 2 ({FW[address]}) and hop 3 ({DMZ[address]})")


@pytest.mark.parametrize("address", [V4, V6])
def test_tcp_33001_rejected_admin_prohibited(address, raw_like):
    r = reach(address, FakeNetwork(raw_like=raw_like, rules={(None, "tcp", 33001): Rule("reject", 2)}))
    assert r["tcp/33001"].state is PortState.REJECTED
    assert r["tcp/33001"].blocked_at == HopRef(2, FW[address])
    assert r["tcp/33001"].icmp is not None and "prohibited" in r["tcp/33001"].icmp.name
    assert r["tcp/22"].state is PortState.OPEN


@pytest.mark.parametrize("address", [V4, V6])
def test_tcp_22_reset_injected_by_the_firewall(address, raw_like):
    r = reach(address, FakeNetwork(raw_like=raw_like, rules={(None, "tcp", 22): Rule("reset", 2)}))
    assert r["tcp/22"].state is PortState.REJECTED
    assert r["tcp/22"].blocked_at == HopRef(2, FW[address])
    assert "before the target at hop 4" in r["tcp/22"].detail


def test_genuine_reset_is_closed(raw_like):
    r = reach(V4, FakeNetwork(raw_like=raw_like, tcp_listening={33001}))
    assert r["tcp/22"].state is PortState.CLOSED
    assert r["tcp/22"].hops_to_target == 4


@pytest.mark.parametrize("address", [V4, V6])
def test_udp_port_unreachable_spoofed_by_the_firewall(address, raw_like):
    r = reach(address, FakeNetwork(raw_like=raw_like, rules={(None, "udp", 33001): Rule("spoof", 2)}))["udp/33001"]
    assert r.state is PortState.REJECTED
    assert r.blocked_at == HopRef(2, FW[address])
    assert not r.path_open


def test_port_unreachable_from_the_firewall_address(raw_like):
    r = reach(V4, FakeNetwork(raw_like=raw_like, rules={(None, "udp", 33001): Rule("unreach", 2)}))["udp/33001"]
    assert r.state is PortState.REJECTED and r.blocked_at == HopRef(2, FW[V4])
    assert "not by the target" in r.detail


def test_drop_for_ipv6_only(raw_like):
    network = FakeNetwork(raw_like=raw_like, rules={(V6, "udp", 33001): Rule("drop", 2)})
    assert reach(V4, network)["udp/33001"].state is PortState.CLOSED
    assert reach(V6, network)["udp/33001"].state is PortState.DROPPED


@pytest.mark.parametrize("address", [V4, V6])
def test_target_host_firewall_drops(address, raw_like):
    r = reach(address, FakeNetwork(raw_like=raw_like, rules={(None, "udp", 33001): Rule("drop", 0)}))["udp/33001"]
    # Issue #13: silence that begins at the server is the server's side (busy or filtered), not a proven drop.
    assert r.state is PortState.SERVER_SILENT
    assert r.blocked_at == HopRef(4, address)
    assert r.last_responding_hop == HopRef(3, DMZ[address])
    assert r.location.startswith("past hop 3, on the server's side")


def test_a_mute_last_router_makes_the_silence_no_evidence(raw_like):
    """The last router before the server never sends time-exceeded (on any flow): a flow silent from there
    on may stop at that router or at the server's side (a busy server), so nothing is proven. A held-out lab
    review found BLOCKED with a change request for a busy server behind such a router."""
    for rule in (Rule("drop", 2), Rule("drop", 0)):
        network = FakeNetwork(raw_like=raw_like, rules={(None, "udp", 33001): rule}, silent_routers={DMZ[V4]})
        r = reach(V4, network)["udp/33001"]
        assert r.state is PortState.SILENT, r
        assert r.last_responding_hop is not None and r.last_responding_hop.hop == 2
        assert "hop 3 does not answer every flow" in r.location and "at the server" in r.location
    busy = FakeNetwork(raw_like=raw_like, udp_busy={33001}, silent_routers={DMZ[V4]})
    assert reach(V4, busy)["udp/33001"].state is PortState.SILENT


def test_a_mute_router_before_an_answering_one_still_bounds_the_drop(raw_like):
    """A drop at hop 1 behind a mute hop 2: hop 3 answers other flows, so this flow's silence there is
    evidence; the drop is between hop 1 and hop 3 (at the mute hop 2 or at hop 3)."""
    network = FakeNetwork(raw_like=raw_like, rules={(None, "udp", 33001): Rule("drop", 1)}, silent_routers={V4_PATH[1]})
    r = reach(V4, network)["udp/33001"]
    assert r.state is PortState.DROPPED, r
    assert r.blocked_at == HopRef(2, None)
    assert r.location.startswith(f"between hop 1 ({V4_PATH[0]}) and hop 3 ({V4_PATH[2]})"), r.location
    assert "hop 2 does not answer every flow" in r.location


def test_ports_that_share_a_fate_share_a_trace():
    network = FakeNetwork()
    ReachabilityProbe(V4, (22, 33001), (33001, 33002, 33003), answer_timeout_s=1.0).run(fake_context(network=network))
    udp_traces = [c for c in network.calls if c[0] == "udp" and c[3] != (64,)]
    # The asked ports share one trace; the control port (where ICMP about UDP comes back from) has its own.
    assert sorted({c[2] for c in udp_traces}) == [33001, 33004], udp_traces


def test_hop_search_sequential_stops_two_silences_after_the_last_answer():
    search = HopSearch(max_ttl=16, sequential=True)
    script = {1: AnswerKind.TIME_EXCEEDED, 2: AnswerKind.TIME_EXCEEDED}
    sent = []
    while ttls := search.next_ttls():
        sent += ttls
        search.record(ProbeAnswer(t, script.get(t, AnswerKind.SILENT)) for t in ttls)
    assert sent == [1, 2, 3, 4]


def test_hop_search_sequential_stops_at_a_decisive_answer():
    search = HopSearch(max_ttl=16, sequential=True)
    search.record([ProbeAnswer(1, AnswerKind.TIME_EXCEEDED), ProbeAnswer(2, AnswerKind.RESET)])
    assert search.done and search.next_ttls() == []


def test_hop_search_parallel_is_one_round():
    search = HopSearch(max_ttl=5, sequential=False)
    assert search.next_ttls() == [1, 2, 3, 4, 5]
    search.record([ProbeAnswer(t, AnswerKind.SILENT) for t in (1, 2, 3, 4, 5)])
    assert search.done


def test_hop_search_parallel_asks_its_boundary_again():
    """A lost probe at TTL 3 (a lossy path, an ICMP rate limit) must not become 'dropped between hop 2 and 3':
    the first silent TTL is asked again, and the boundary moves on when it answers."""
    search = HopSearch(max_ttl=5, sequential=False, retries=2)
    assert search.next_ttls() == [1, 2, 3, 4, 5]
    te = lambda t: ProbeAnswer(t, AnswerKind.TIME_EXCEEDED, f"198.18.{t}.1")  # noqa: E731
    search.record([te(1), te(2)] + [ProbeAnswer(t, AnswerKind.SILENT) for t in (3, 4, 5)])
    assert search.next_ttls() == [3]
    search.record([te(3)])
    assert search.next_ttls() == [4]
    search.record([ProbeAnswer(4, AnswerKind.SILENT)])
    assert search.done and search.next_ttls() == []  # two retries spent: TTL 4 is where the flow dies
    assert search.answers[3].kind is AnswerKind.TIME_EXCEEDED  # a later silence never replaces an answer


def test_hop_search_parallel_stops_at_a_decisive_answer():
    search = HopSearch(max_ttl=4, sequential=False, retries=2)
    search.record(
        [ProbeAnswer(1, AnswerKind.TIME_EXCEEDED, "198.18.1.1"), ProbeAnswer(2, AnswerKind.SILENT)]
        + [ProbeAnswer(t, AnswerKind.SYN_ACK, V4) for t in (3, 4)]
    )
    assert search.next_ttls() == [2]  # the gap before the target's answer is asked again...
    search.record([ProbeAnswer(2, AnswerKind.TIME_EXCEEDED, "198.18.2.2")])
    assert search.done  # ...and nothing after the target's answer is


def test_target_distance_prefers_a_handshake():
    reset_trace = [ProbeAnswer(1, AnswerKind.TIME_EXCEEDED, "198.18.1.1"), ProbeAnswer(2, AnswerKind.RESET, V4)]
    syn_trace = [ProbeAnswer(t, AnswerKind.TIME_EXCEEDED, f"198.18.{t}.1") for t in (1, 2, 3)] + [
        ProbeAnswer(4, AnswerKind.SYN_ACK, V4, reply_ttl=61)
    ]
    both = target_distance(V4, [reset_trace, syn_trace])
    assert (both.hops, both.confirmed, both.reply_ttl) == (4, True, 61)
    alone = target_distance(V4, [reset_trace])
    assert (alone.hops, alone.confirmed) == (2, False)
    claimed = target_distance(V4, [], [ProbeAnswer(64, AnswerKind.PORT_UNREACHABLE, V4, reply_ttl=61)])
    assert (claimed.hops, claimed.confirmed) == (4, False)
    assert target_distance(V4, [[ProbeAnswer(1, AnswerKind.TIME_EXCEEDED, "198.18.1.1")]]).hops is None


def _trace(target_ttl: int, lost: tuple[int, ...], kind: AnswerKind = AnswerKind.SYN_ACK, reply_ttl=61, last=6):
    """Routers at TTL 1-3, the target at 4 (reply TTL 61 = 4 hops); the TTLs in ``lost`` got no answer."""
    answers = []
    for ttl in range(1, last + 1):
        if ttl in lost:
            answers.append(ProbeAnswer(ttl, AnswerKind.SILENT))
        elif ttl < target_ttl:
            answers.append(ProbeAnswer(ttl, AnswerKind.TIME_EXCEEDED, f"198.18.{ttl}.1"))
        else:
            answers.append(ProbeAnswer(ttl, kind, V4, reply_ttl=reply_ttl))
    return answers


def test_a_lost_probe_does_not_move_the_target_farther():
    """Random loss: the SYN at the target's own TTL was lost, so that trace's first answer comes one hop
    late. The target stays at 4 (was 5: the server's genuine answers then read as 'intercepted' and its
    port-unreachable as a firewall's 'rejected', and the verdict BLOCKED)."""
    assert target_distance(V4, [_trace(4, ()), _trace(4, (4,))]).hops == 4
    assert target_distance(V4, [_trace(4, (4,)), _trace(4, (4, 5))]).hops == 4  # the reply TTL settles it
    udp = _trace(4, (), AnswerKind.PORT_UNREACHABLE)
    assert target_distance(V4, [_trace(4, (4,)), udp]).hops == 4
    # Without a reply TTL (a socket sees none), an answer after a gap alone still counts at its own TTL.
    assert target_distance(V4, [_trace(4, (4,), reply_ttl=None)]).hops == 5


def test_the_targets_own_reset_before_a_gap_does_not_make_a_late_handshake_exact():
    """Seen in the lab with 30 % TCP loss: TTL 4 lost, the target's reset at TTL 5 (same 5-tuple), its SYN-ACK
    at TTL 6. Only routers' answers bound the target from below: the target stays at 4."""
    odd = _trace(4, (4,))
    odd[4] = ProbeAnswer(5, AnswerKind.RESET, V4, reply_ttl=61)
    assert target_distance(V4, [_trace(4, (5, 6)), odd]).hops == 4


def test_different_flows_losing_different_probes_agree_on_the_target():
    """A held-out lab review (nobody, sockets: no reply TTL): the dmz lost the TTL-3 probe of tcp/33001 and the
    TTL-4 probes of tcp/22 and udp/33002, so the first answers came at [3,4], [4,5], [4,5]. Each read at its
    own TTL put the target at 5, the server's own handshake 'intercepted at hop 4' and a busy UDP port
    'dropped between hop 3 and 4' with a change request; the one distance they share is 4."""
    a = _trace(4, (3,), reply_ttl=None)
    b = _trace(4, (4,), reply_ttl=None)
    c = _trace(4, (4,), AnswerKind.PORT_UNREACHABLE, reply_ttl=None)
    assert target_distance(V4, [a, b, c]).hops == 4
    assert target_distance(V4, [b, c]).hops == 5  # alone, nothing says the target is not at 5


def test_a_device_answering_before_the_target_is_still_told_apart():
    """A transparent proxy at hop 2 answering port A with the target's address (its reply TTL shows 2 hops),
    the real target at 4: the target is at 4 with or without gaps in the traces, and with silent routers."""
    proxy = _trace(2, (), reply_ttl=63)
    assert target_distance(V4, [proxy, _trace(4, ())]).hops == 4
    assert target_distance(V4, [proxy, _trace(4, (4,))]).hops == 4
    silent_routers = (1, 2, 3)
    assert target_distance(V4, [_trace(2, (1,), reply_ttl=63), _trace(4, silent_routers)]).hops == 4


def test_local_error_is_error():
    class Broken(FakeNetwork):
        def probe(self, address, protocol, port, ttls, wait_s, source_port=0):
            return tuple(ProbeAnswer(t, AnswerKind.LOCAL_ERROR, detail="no route (ENETUNREACH)") for t in ttls), 1

    r = ReachabilityProbe(V6, (22,), (33001,), 1.0).run(fake_context(network=Broken()))
    assert {x.state for x in r} == {PortState.ERROR}
    assert "ENETUNREACH" in r[0].detail


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n", "ssh"),
        (b"HTTP/1.0 400 Bad Request\r\n", "http"),
        (b"\x15\x03\x03\x00\x02\x02\x46", "tls"),
        (b"\x16\x03\x01\x00", "tls"),
        (b"220 ftp ready\r\n", "other"),
    ],
)
def test_banner_kinds(data, kind):
    from aspdiag.adapters.ssh_sessions import classify_greeting

    assert classify_greeting(data, 1.0).kind.value == kind


def test_forged_answer_is_placed_at_the_path_address():
    network = FakeNetwork(rules={(None, "udp", 33001): Rule("spoof", 2)})
    r = reach(V4, network)["udp/33001"]
    assert r.blocked_at == HopRef(2, FW[V4])  # not the forged source address


def test_silent_port_next_to_answering_ones_is_a_rate_limit_suspect():
    from aspdiag.core.config import CheckConfig, validate_host
    from aspdiag.core.model import Verdict
    from aspdiag.engine.run import check
    from tests.fakes import FAKE_ENVIRONMENT, FakeResolver

    network = FakeNetwork(rules={(None, "udp", 33003): Rule("drop", 0)})
    results = ReachabilityProbe(V4, (22,), (33001, 33002, 33003), 1.0).run(fake_context(network=network))
    silent = next(r for r in results if r.port == 33003)
    # Issue #13: silent only at the server while it answers its neighbours: the server's side, not a drop.
    assert silent.state is PortState.SERVER_SILENT and silent.rate_limit_suspected
    assert "rate-limiting" in silent.location
    assert not any(r.rate_limit_suspected for r in results if r.port != 33003)
    config = CheckConfig(validate_host(V4), tcp_ports=(22,), udp_ports=(33001, 33002, 33003), timeout_s=1.0)
    report = check(config, fake_context(FakeResolver(), network=network), FAKE_ENVIRONMENT)
    # Not 'blocked' on a silence that may be a limiter or a busy server: ready, but not proven (issue #13).
    assert report.assessment.verdict is Verdict.UNCONFIRMED


def test_udp_silent_at_the_target_is_the_servers_side():
    # Issue #13: every router up to the server answers the flow; the server is silent (busy or filtered).
    network = FakeNetwork(rules={(None, "udp", 33001): Rule("drop", 0)})
    r = reach(V4, network)["udp/33001"]
    assert r.state is PortState.SERVER_SILENT and not r.rate_limit_suspected


def test_asymmetric_return_path_does_not_fake_a_forgery(raw_like):
    """The target at hop 4 answers over a 3-hop return path: its reply TTL equals hop 3's."""
    r = reach(V4, FakeNetwork(raw_like=raw_like, target_return_hops=3))
    assert r["udp/33001"].state is PortState.CLOSED, r["udp/33001"].detail
    assert r["tcp/22"].state is PortState.OPEN
    assert r["udp/33001"].hops_to_target == 4


def test_ports_with_different_fates_are_not_merged(raw_like):
    network = FakeNetwork(raw_like=raw_like, tcp_listening=set(), rules={(None, "tcp", 33001): Rule("reset", 2)})
    r = reach(V4, network)
    assert r["tcp/22"].state is PortState.CLOSED  # a genuine reset from the target...
    assert r["tcp/33001"].state is PortState.REJECTED  # ...next to one injected at hop 2
    assert r["tcp/33001"].blocked_at == HopRef(2, FW[V4])


def test_silent_ports_with_different_drop_points(raw_like):
    network = FakeNetwork(
        raw_like=raw_like, rules={(None, "tcp", 22): Rule("drop", 2), (None, "tcp", 33001): Rule("drop", 0)}
    )
    r = reach(V4, network)
    assert r["tcp/22"].blocked_at == HopRef(3, DMZ[V4])
    assert r["tcp/33001"].blocked_at == HopRef(4, V4)


def test_trace_cut_by_max_hops_is_not_a_located_drop(raw_like):
    network = FakeNetwork(raw_like=raw_like, rules={(None, "udp", 33001): Rule("drop", 0)})
    results = ReachabilityProbe(V4, (22,), (33001,), answer_timeout_s=1.0, max_hops=2).run(
        fake_context(network=network)
    )
    udp = next(r for r in results if r.label == "udp/33001")
    assert udp.state is PortState.SILENT  # issue #13: nothing was seen beyond hop 2, so nothing is proven
    assert udp.blocked_at is None and "beyond hop 2" in udp.location


def test_reject_by_the_target_itself(raw_like):
    r = reach(V4, FakeNetwork(raw_like=raw_like, rules={(None, "udp", 33001): Rule("reject", 0)}))["udp/33001"]
    assert r.state is PortState.REJECTED
    assert r.blocked_at == HopRef(4, V4)
    assert "own host firewall" in r.location


def test_unconfirmed_reset_says_so():
    # every TCP port reset at the target, UDP dropped: no handshake anywhere to confirm the distance
    network = FakeNetwork(
        tcp_listening=set(), rules={(None, "udp", 33001): Rule("drop", 0), (None, "udp", 33002): Rule("drop", 0)}
    )
    r = reach(V4, network)["tcp/22"]
    assert r.state is PortState.CLOSED and "not confirmed" in r.detail


def test_sequential_trace_respects_its_deadline():
    import time

    network = FakeNetwork(
        silent_routers={V4_PATH[0], V4_PATH[2]}, silent_costs_wait=True, rules={(None, "tcp", 22): Rule("drop", 0)}
    )
    started = time.monotonic()
    results = ReachabilityProbe(V4, (22,), (), answer_timeout_s=2.0, max_hops=30).run(fake_context(network=network))
    elapsed = time.monotonic() - started
    assert results[0].state is PortState.SILENT  # issue #13: ICMP from beyond hop 2 never comes back
    assert elapsed < 2.0 + 0.8, elapsed  # full-TTL wait (timeout - 1 s) + trace (1.5 s cap) + slack


def test_a_spoofed_port_unreachable_is_told_by_the_routers_reply_distance():
    """As nobody a socket never sees the SYN-ACK's reply TTL, and routers' ICMP rate limits silenced the UDP
    trace from hop 2 on: the 'target's' port-unreachable came back from 2 hops away, as the router at hop 2
    does on another flow, while the target is at hop 4. It was made at hop 2 (was READY: 'UDP crosses every
    firewall'). A genuine one from 4 hops back is not flagged."""
    tcp_trace = [ProbeAnswer(t, AnswerKind.TIME_EXCEEDED, f"198.18.{t}.1", reply_ttl=65 - t) for t in (1, 2, 3)]
    udp_trace = [ProbeAnswer(1, AnswerKind.TIME_EXCEEDED, "198.18.1.1", reply_ttl=64)] + [
        ProbeAnswer(t, AnswerKind.SILENT) for t in (2, 3, 4)
    ]
    distance = TargetDistance(4, True, None)
    spoofed = ProbeAnswer(64, AnswerKind.PORT_UNREACHABLE, V4, reply_ttl=63)
    hops = {t: f"198.18.{t}.1" for t in (1, 2, 3)}
    forger = forged_at(V4, spoofed, udp_trace, distance, hops, tcp_trace)
    assert forger is not None and forger.hop == 2
    genuine = ProbeAnswer(64, AnswerKind.PORT_UNREACHABLE, V4, reply_ttl=61)
    assert forged_at(V4, genuine, udp_trace, distance, hops, tcp_trace) is None
    assert forged_at(V4, spoofed, udp_trace, distance, hops) is None  # without the other flows: cannot tell


class _RateLimitedDmz(FakeNetwork):
    """The dmz (hop 3, the last router) sends one time-exceeded and then none (a limit of one a minute)."""

    budget: int = 1

    def _answer(self, address, protocol, port, ttl):
        answer = super()._answer(address, protocol, port, ttl)
        if answer.kind is AnswerKind.TIME_EXCEEDED and answer.responder in DMZ.values():
            with self.lock:
                if self.budget <= 0:
                    return ProbeAnswer(ttl, AnswerKind.SILENT)
                self.budget -= 1
        return answer


@pytest.mark.parametrize("busy", [True, False])
def test_a_last_router_that_rate_limits_time_exceeded_is_no_evidence(raw_like, busy):
    """A held-out review: the dmz allows one time-exceeded a minute and the server is busy; the one answer
    went to one flow, and the busy UDP port read 'dropped between hop 2 and hop 3', BLOCKED, with a change
    request. Another flow passed hop 3 without its answer (the server answered it from hop 4), so hop 3's
    silence is no evidence: 'cannot tell', never dropped."""
    network = _RateLimitedDmz(raw_like=raw_like, udp_busy={33001} if busy else set())
    r = reach(V4, network)["udp/33001"]
    if busy:
        assert r.state in (PortState.SILENT, PortState.SERVER_SILENT), r
    else:
        assert r.state is PortState.CLOSED, r
    assert r.state is not PortState.DROPPED


def test_unreliable_hops_need_more_silences_than_answers():
    def trace(silent: tuple[int, ...], target: int = 4):
        return [
            ProbeAnswer(t, AnswerKind.SILENT)
            if t in silent
            else ProbeAnswer(t, AnswerKind.TIME_EXCEEDED, f"198.18.{t}.1")
            if t < target
            else ProbeAnswer(t, AnswerKind.SYN_ACK, V4)
            for t in range(1, target + 1)
        ]

    assert unreliable_hops([trace(()), trace((3,))]) == {3}  # one answer, one silent pass
    assert unreliable_hops([trace(()), trace(()), trace((3,))]) == set()  # a lost answer on a lossy path
    assert unreliable_hops([trace((3, 4))]) == set()  # silent at the end: nothing shows it was passed


def _udp_trace_silent_from(hop: int, retries: int = 2, last: int = 6):
    answers = [ProbeAnswer(t, AnswerKind.TIME_EXCEEDED, f"198.18.{t}.1") for t in range(1, hop)]
    answers += [ProbeAnswer(hop, AnswerKind.SILENT) for _ in range(1 + retries)]
    answers += [ProbeAnswer(t, AnswerKind.SILENT) for t in range(hop + 1, last + 1)]
    return answers


@pytest.mark.parametrize(
    ("loss", "state"), [(0.0, PortState.DROPPED), (0.1, PortState.DROPPED), (0.5, PortState.SILENT)]
)
def test_a_silence_proves_a_drop_only_if_loss_cannot_explain_it(loss, state):
    """A held-out review: 30 % loss each way (about half the probes) lost all three probes of a boundary about
    one time in eight, and an open path read BLOCKED with a change request. The probes a silence rests on must
    be unlikely to have all been lost."""
    from aspdiag.measurements.reachability.logic import classify

    hops = {1: "198.18.1.1", 2: "198.18.2.1", 3: "198.18.3.1"}
    silent_full = [ProbeAnswer(64, AnswerKind.SILENT)] * 3
    r = classify(
        Protocol.UDP,
        V4,
        silent_full,
        _udp_trace_silent_from(3),
        TargetDistance(4, True),
        hops,
        4,
        (),
        frozenset(),
        loss,
    )
    assert r.state is state, r
    if state is PortState.SILENT:
        assert "loses about 50 % of probes" in r.detail


def test_probe_loss_counts_only_probes_that_went_astray():
    from aspdiag.measurements.reachability.logic import probe_loss

    clean = [
        ProbeAnswer(t, AnswerKind.TIME_EXCEEDED, f"198.18.{t}.1") if t < 4 else ProbeAnswer(t, AnswerKind.SYN_ACK, V4)
        for t in range(1, 5)
    ]
    holed = [a if a.ttl != 2 else ProbeAnswer(2, AnswerKind.SILENT) for a in clean]
    assert probe_loss([clean, clean]) == 0.0
    assert probe_loss([clean, holed]) == pytest.approx(1 / 6)
    mute3 = [a if a.ttl != 3 else ProbeAnswer(3, AnswerKind.SILENT) for a in clean]
    assert probe_loss([mute3, mute3, mute3]) == 0.0  # a hop that answers no flow is not loss
    full = [[ProbeAnswer(64, AnswerKind.SILENT), ProbeAnswer(64, AnswerKind.SYN_ACK, V4)]]
    assert probe_loss([clean, clean], full) == pytest.approx(1 / 8)
    # Too few probes to tell (every flow nearly silent): Laplace's rule, never 'no loss'.
    assert probe_loss([]) == 0.5 and probe_loss([clean[:2]]) == pytest.approx(1 / 3)


def test_a_target_answer_in_the_trace_decides_when_the_full_probes_were_lost():
    """A held-out review (30 % loss): the three full-TTL SYNs to TCP 22 were lost, the trace's TTL-6 SYN got a
    reset from the server itself; the port read 'dropped between hop 1 and hop 2' and the verdict BLOCKED."""
    from aspdiag.measurements.reachability.logic import classify

    hops = {1: "198.18.1.1", 2: "198.18.2.1", 3: "198.18.3.1"}
    trace = [ProbeAnswer(1, AnswerKind.TIME_EXCEEDED, hops[1])]
    trace += [ProbeAnswer(t, AnswerKind.SILENT) for t in (2, 2, 2, 3, 4, 5)]
    trace += [ProbeAnswer(6, AnswerKind.RESET, V4, reply_ttl=61)]
    silent_full = [ProbeAnswer(64, AnswerKind.SILENT)] * 3
    r = classify(Protocol.TCP, V4, silent_full, trace, TargetDistance(4, True, 61), hops, 4)
    assert r.state is PortState.CLOSED, r
