"""The engine with fakes: concurrency, per-probe timeouts, crashes, interruption, verdicts."""

import threading
import time
from dataclasses import dataclass, replace

import pytest

from aspdiag.core.config import CheckConfig, validate_host
from aspdiag.core.exit_codes import ExitCode, exit_code_for
from aspdiag.core.model import Audience, PortState, Severity, Verdict
from aspdiag.core.observer import RecordingObserver
from aspdiag.engine.run import check, run_probes
from aspdiag.measurements.dns.result import DnsOutcome
from tests.fakes import FAKE_ENVIRONMENT, FakeNetwork, FakeResolver, FakeRoutes, Rule, fake_context, resolved

NAME = "aspera.lab.test"
V4, V6 = "198.18.3.2", "2001:db8:3::2"


def run_check(host=NAME, resolver=None, network=None, routes=None, observer=None, **config):
    cfg = CheckConfig(target=validate_host(host), timeout_s=config.pop("timeout_s", 0.5), **config)
    ctx = fake_context(resolver or FakeResolver(resolved(NAME, (V4,), (V6,))), routes, network)
    return check(cfg, ctx, FAKE_ENVIRONMENT, observer)


def test_ready_when_everything_answers():
    observer = RecordingObserver()
    report = run_check(observer=observer)
    assert report.addresses == (V4, V6)
    assert {(p.address, p.label, p.state) for p in report.ports} == {
        (V4, "tcp/22", PortState.OPEN),
        (V4, "tcp/33001", PortState.OPEN),
        (V4, "udp/33001", PortState.CLOSED),
        (V6, "tcp/22", PortState.OPEN),
        (V6, "tcp/33001", PortState.OPEN),
        (V6, "udp/33001", PortState.CLOSED),
    }
    assert report.assessment.verdict is Verdict.READY
    assert exit_code_for(report.assessment.verdict) is ExitCode.READY
    # 1 DNS + 2 addresses x (route + reachability)
    assert sum(1 for kind, _ in observer.events if kind == "finished") == 5
    assert [title for kind, title in observer.events if kind == "stage"] == ["Resolving", "Probing"]


def test_literal_skips_dns():
    resolver = FakeResolver()
    report = run_check(V4, resolver=resolver)
    assert report.dns is not None and report.dns.outcome is DnsOutcome.LITERAL
    assert report.addresses == (V4,)


@pytest.mark.parametrize("name", ["missing.lab.test"])
def test_nxdomain_is_its_own_outcome_not_a_block(name):
    """Issue #15: a name that does not resolve says so (the name, the resolver, what to try), never BLOCKED."""
    report = run_check(name)
    assessment = report.assessment
    assert assessment.verdict is Verdict.NOT_RESOLVED
    assert "NXDOMAIN" in assessment.summary and "198.18.0.53" in assessment.summary
    assert "spelling" in assessment.next_step
    assert report.ports == () and report.change_request == ()
    assert exit_code_for(assessment.verdict) is ExitCode.NOT_RESOLVED
    dns_line = report.recommendations.checklist[0]
    assert dns_line.status.value == "problem" and "NXDOMAIN" in dns_line.note
    firewall = next(c for c in report.recommendations.checklist if c.item.startswith("Firewall"))
    assert firewall.status.value == "not run"


def test_udp_dropped_blocks_with_actionable_finding():
    report = run_check(network=FakeNetwork(rules={(None, "udp", 33001): Rule("drop")}))
    a = report.assessment
    assert a.verdict is Verdict.BLOCKED
    blockers = [f for f in a.findings if f.severity is Severity.BLOCKER]
    assert len(blockers) == 2
    assert "allow outbound UDP 33001" in blockers[0].action
    assert exit_code_for(a.verdict) is ExitCode.FINDINGS


def test_only_ipv6_blocked_stays_ready_with_warning():
    a = run_check(network=FakeNetwork(rules={(V6, "udp", 33001): Rule("drop")})).assessment
    assert a.verdict is Verdict.READY
    assert "IPv6" in a.summary
    assert any(f.severity is Severity.WARNING and f.address == V6 for f in a.findings)
    assert not any(f.severity is Severity.BLOCKER for f in a.findings)


def test_one_of_two_ipv4_addresses_blocked_is_degraded():
    other = "198.18.4.2"
    resolver = FakeResolver(resolved("multi.lab.test", (V4, other)))
    network = FakeNetwork(rules={(other, "udp", 33001): Rule("reject")})
    a = run_check("multi.lab.test", resolver=resolver, network=network).assessment
    assert a.verdict is Verdict.DEGRADED


def test_only_33001_open_suggests_dash_p():
    a = run_check(network=FakeNetwork(rules={(None, "tcp", 22): Rule("drop")})).assessment
    assert a.verdict is Verdict.READY
    assert any(f.title.startswith("Use -P 33001") for f in a.findings)


def test_no_route_blocks():
    a = run_check(V4, routes=FakeRoutes(unroutable={V4})).assessment
    assert a.verdict is Verdict.BLOCKED


def test_probe_overrunning_its_timeout_is_recorded_not_waited_for():
    network = FakeNetwork(delay_s={("tcp", V4, 22): 30.0})
    started = time.monotonic()
    report = run_check(V4, network=network, timeout_s=0.2)
    assert time.monotonic() - started < 10
    tcp22 = next(p for p in report.ports if p.port == 22 and p.protocol.value == "tcp")
    assert tcp22.state is PortState.ERROR
    assert any(f.key == f"reach/{V4}" and "no result within" in f.reason for f in report.failures)


def test_probes_run_concurrently():
    delays = {
        ("tcp", V4, 22): 0.3,
        ("tcp", V4, 33001): 0.3,
        ("udp", V4, 33001): 0.3,
        ("tcp", V6, 22): 0.3,
        ("tcp", V6, 33001): 0.3,
        ("udp", V6, 33001): 0.3,
    }
    network = FakeNetwork(delay_s=delays)
    started = time.monotonic()
    run_check(network=network, timeout_s=3)
    # 6 flows x (full probe + at least one trace probe) x 0.3 s sequentially would take > 3.6 s
    assert time.monotonic() - started < 2.0


@dataclass(frozen=True)
class CrashingProbe:
    key: str = "crash"
    label: str = "crash"
    timeout_s: float = 1.0

    def run(self, ctx):
        raise RuntimeError("boom")

    def failed(self, reason):
        return reason


def test_crashing_probe_becomes_a_failure():
    batch = run_probes([CrashingProbe()], fake_context(), RecordingObserver())
    assert batch.results == ["this probe failed unexpectedly (boom); run with --debug and report it"]
    assert batch.failures[0].reason.startswith("this probe failed unexpectedly")
    assert "RuntimeError" not in batch.failures[0].reason  # class names only in the --debug log (#16)


@dataclass(frozen=True)
class InterruptingProbe:
    key: str = "slow"
    label: str = "slow"
    timeout_s: float = 5.0

    def run(self, ctx):
        time.sleep(2)
        return "late"

    def failed(self, reason):
        return reason


class InterruptOnStart(RecordingObserver):
    def probe_started(self, key, label):
        super().probe_started(key, label)
        if threading.current_thread() is threading.main_thread():
            raise KeyboardInterrupt


def test_ctrl_c_returns_partial_batch():
    batch = run_probes([InterruptingProbe(), InterruptingProbe(key="slow2")], fake_context(), InterruptOnStart())
    assert batch.interrupted
    assert batch.results == [None, None]
    assert {f.key for f in batch.failures} == {"slow", "slow2"}
    assert exit_code_for(Verdict.READY, interrupted=True) is ExitCode.INTERRUPTED


def check_interrupted_by(signum: str, network: FakeNetwork):
    """A check that a real signal (``SIGINT`` or ``SIGTERM``, handled as the CLI does) stops after 0.4 s."""
    import os
    import signal

    from aspdiag.cli.root import _terminate

    previous = signal.signal(signal.SIGTERM, _terminate)
    timer = threading.Timer(0.4, os.kill, (os.getpid(), getattr(signal, signum)))
    timer.start()
    try:
        return run_check(network=network, timeout_s=5)
    finally:
        timer.cancel()
        signal.signal(signal.SIGTERM, previous)


@pytest.mark.parametrize("signum", ["SIGINT", "SIGTERM"])
def test_interrupted_check_keeps_what_answered_and_names_the_signal(signum):
    """Ctrl-C or SIGTERM while UDP is still being probed (issue #15): the TCP ports that answered keep their
    state (never 'not tested'), UDP is 'not finished', the verdict is 'cannot tell', never 'ready', and the
    report and the exit status name the signal."""
    network = FakeNetwork(delay_s={("udp", V4, 33001): 3.0, ("udp", V6, 33001): 3.0})
    report = check_interrupted_by(signum, network)
    assert report.interrupted and report.interrupted_by == signum
    tcp = [p for p in report.ports if p.protocol.value == "tcp"]
    udp = [p for p in report.ports if p.protocol.value == "udp"]
    assert tcp and all(p.state.value == "open" for p in tcp), tcp
    assert udp and all(p.state.value == "error" and "interrupted" in p.detail for p in udp), udp
    assert report.assessment.verdict is Verdict.CANNOT_TELL
    expected = ExitCode.TERMINATED if signum == "SIGTERM" else ExitCode.INTERRUPTED
    assert exit_code_for(report.assessment.verdict, interrupted=True, signal=report.interrupted_by) is expected
    assert any(signum in f.reason or "Ctrl-C" in f.reason for f in report.failures)


def test_interrupted_check_keeps_resets_and_udp_replies():
    """An interrupted run keeps every answer the target already gave, not only handshakes: a reset (TCP 22
    closed) and a UDP reply (a service on 33001) stay as they were measured (a held-out review found both
    shown as 'not finished', with no probe sent, after SIGTERM); only the slow port is 'not finished'."""
    network = FakeNetwork(
        tcp_listening={33001}, udp_listening={33001}, delay_s={("tcp", V4, 33001): 3.0, ("tcp", V6, 33001): 3.0}
    )
    report = check_interrupted_by("SIGTERM", network)
    assert report.interrupted and report.interrupted_by == "SIGTERM"
    states = {(p.address, p.label): p.state for p in report.ports}
    for address in (V4, V6):
        assert states[(address, "tcp/22")] is PortState.CLOSED, states
        assert states[(address, "udp/33001")] is PortState.OPEN, states
        assert states[(address, "tcp/33001")] is PortState.ERROR, states
    kept = [p for p in report.ports if p.state is not PortState.ERROR]
    assert all(p.probes and "interrupted" in p.detail for p in kept), kept
    assert report.assessment.verdict is Verdict.CANNOT_TELL


def test_every_udp_port_of_a_range_must_be_open():
    network = FakeNetwork(rules={(V4, "udp", 33002): Rule("drop")})
    report = run_check(V4, network=network, udp_ports=(33001, 33002))
    assert report.assessment.verdict is Verdict.BLOCKED


def test_partial_dns_failure_is_a_warning():
    from aspdiag.measurements.dns.result import DnsQuery

    answers = resolved(NAME, (V4,))
    answers[NAME]["AAAA"] = DnsQuery("AAAA", DnsOutcome.SERVFAIL, detail="SERVFAIL from 198.18.0.53")
    a = run_check(resolver=FakeResolver(answers)).assessment
    assert a.verdict is Verdict.READY
    assert any(f.severity is Severity.WARNING and "AAAA" in f.title for f in a.findings)


def test_ipv6_only_block_rows_are_optional():
    from aspdiag.engine.advice import change_request

    report = run_check(network=FakeNetwork(rules={(V6, "udp", 33001): Rule("drop")}))
    assert report.assessment.verdict is Verdict.READY
    rows = change_request(report)
    assert [(r.destination_address, r.needed) for r in rows] == [(V6, False)]


def test_diagnosis_uses_only_the_port_and_family_ascp_used():
    from aspdiag.measurements.transfer.diagnose import diagnose
    from aspdiag.measurements.transfer.run import Direction, TransferOutcome, TransferResult

    report = run_check(network=FakeNetwork(rules={(None, "tcp", 22): Rule("drop"), (V6, "udp", 33001): Rule("drop")}))
    tcp_fail = TransferResult(
        TransferOutcome.FAILED,
        Direction.DOWNLOAD,
        "ascp",
        10,
        20,
        ssh_port=33001,
        udp_port=33001,
        error_code=44,
        error_message="Failed to open TCP connection for SSH",
    )
    assert "TCP 22" not in diagnose(tcp_fail, report.ports)
    udp_fail = replace(tcp_fail, error_code=15, error_message="Client unable to connect to server")
    assert V6 not in diagnose(udp_fail, report.ports)  # ascp used IPv4, whose UDP passed


@pytest.mark.parametrize(
    ("kind", "text"),
    [("no_connection", "could not connect: timed out"), ("silent", "")],
    ids=["no-connection", "silent"],
)
def test_an_open_port_whose_service_could_not_be_told_is_never_blocked(kind, text):
    """Both SSH ports answered the half-open probe, but the run's one connection did not open in time (a lossy
    path: seen in the lab with 30 % TCP loss) or the service said nothing: 'cannot tell', with a warning
    saying so, never BLOCKED 'No SSH service answers' with a request to the server's operators."""
    from aspdiag.measurements.reachability.result import Banner, BannerKind

    network = FakeNetwork()
    network.banners = {22: Banner(BannerKind(kind), text, 2000.0), 33001: Banner(BannerKind(kind), text, 2000.0)}
    report = run_check(network=network)
    assert report.assessment.verdict is not Verdict.BLOCKED
    titles = [f.title for f in report.assessment.findings]
    assert not any("No SSH service answers" in t for t in titles), titles
    assert any("could not be told" in t for t in titles), titles


def test_a_server_that_is_down_is_never_a_change_request():
    """The last router answers ICMP host-unreachable on every port (the server's machine is off: its neighbour
    lookup fails). Seen in the lab as BLOCKED with four change-request rows for the client's network team;
    now one finding for the data provider, not proven who is at fault, and no change request."""
    from aspdiag.engine.advice import change_request

    rules: dict[tuple[str | None, str, int], Rule] = {
        (None, proto, port): Rule("hostdown", hop=3)
        for proto, port in (("tcp", 22), ("tcp", 33001), ("udp", 33001), ("udp", 33002))
    }
    report = run_check(network=FakeNetwork(rules=rules, raw_like=True))
    a = report.assessment
    assert change_request(report) == ()
    assert not any(f.audience.value == "client network team" for f in a.findings), a.findings
    down = [f for f in a.findings if "cannot deliver" in f.title]
    assert {f.address for f in down} == {V4, V6} and all(f.audience.value == "server operators" for f in down)
    assert "cannot deliver" in a.summary and "change request" not in a.next_step, (a.summary, a.next_step)


def test_a_dead_ipv6_address_is_not_a_request_to_the_network_team():
    """The server's IPv6 address is silent on every port behind the last router (its address is gone, but the
    AAAA record is still published): IPv4 works, and the family difference is the data provider's, unproven
    (was: a proven 'apply the same rule to both families' for the client's network team)."""
    rules: dict[tuple[str | None, str, int], Rule] = {
        (V6, proto, port): Rule("drop", hop=0) for proto, port in (("tcp", 22), ("tcp", 33001), ("udp", 33001))
    }
    a = run_check(network=FakeNetwork(rules=rules, raw_like=True)).assessment
    differ = [f for f in a.findings if f.title.startswith("IPv4 and IPv6 differ")]
    assert differ and all(f.audience.value == "server operators" and not f.proven for f in differ), differ
    assert not any(f.audience.value == "client network team" for f in a.findings)
    assert "network team" not in a.next_step


_EVERY_FLOW = (("tcp", 22), ("tcp", 33001), ("udp", 33001), ("udp", 33002))  # 33002: the unused control port


def test_no_route_to_the_ipv6_network_is_routing_not_a_change_request():
    """A router with no IPv6 route to the server's network answers every port (the unused control port too)
    with ICMPv6 no-route (a site without an IPv6 upstream). Seen as BLOCKED with a change request for three
    port rules that would not help; now one finding about the route for the network team, no change request,
    and IPv4 carrying the transfer."""
    from aspdiag.engine.advice import change_request

    rules: dict[tuple[str | None, str, int], Rule] = {
        (V6, proto, port): Rule("noroute", hop=2) for proto, port in _EVERY_FLOW
    }
    report = run_check(network=FakeNetwork(rules=rules, raw_like=True))
    a = report.assessment
    assert change_request(report) == ()
    v6 = [p for p in report.ports if p.address == V6]
    assert v6 and all(p.no_route and p.location.startswith("no route at hop 2") for p in v6), v6
    routed = [f for f in a.findings if f.title.startswith(f"No route to {V6}")]
    assert len(routed) == 1 and routed[0].audience.value == "client network team", a.findings
    assert "not a firewall rule" in routed[0].detail and "without -6" in routed[0].action
    assert a.verdict is Verdict.READY and "change request" not in a.next_step, (a.verdict, a.next_step)


def test_no_route_on_the_only_address_blocks_without_a_change_request():
    from aspdiag.engine.advice import change_request

    rules: dict[tuple[str | None, str, int], Rule] = {
        (V4, proto, port): Rule("noroute", hop=1) for proto, port in _EVERY_FLOW
    }
    report = run_check(V4, network=FakeNetwork(rules=rules))
    a = report.assessment
    assert a.verdict is Verdict.BLOCKED and a.summary.count("No route to") == 1, a.summary
    assert change_request(report) == () and "change request" not in a.next_step
    firewall = next(i for i in report.recommendations.checklist if i.item.startswith("Firewall"))
    assert firewall.status.value == "problem" and "no route" in firewall.note, firewall


def test_a_filter_that_rejects_one_port_with_no_route_is_still_a_port_rule():
    """The same code for UDP 33001 only (a filter's 'reject with icmp no-route'): the other ports and the
    unused control port pass, so it is a port rule, and the change request asks for it."""
    from aspdiag.engine.advice import change_request

    rules: dict[tuple[str | None, str, int], Rule] = {(None, "udp", 33001): Rule("noroute", hop=2)}
    report = run_check(V4, network=FakeNetwork(rules=rules))
    udp = next(p for p in report.ports if p.label == "udp/33001")
    assert udp.state is PortState.REJECTED and not udp.no_route
    assert [(r.protocol.value, r.ports) for r in change_request(report)] == [("udp", "33001")]
    assert report.assessment.verdict is Verdict.BLOCKED


def test_a_firewall_rejecting_one_port_with_host_unreachable_is_a_port_rule():
    """The firewall at hop 2 rejects UDP 33001 with host-unreachable while the server answers TCP at hop 4: the
    server is up, so this is a port rule for the client's network team (a held-out lab review found 'the server
    is down' for the server's operators, and no change request)."""
    from aspdiag.engine.advice import change_request

    rules: dict[tuple[str | None, str, int], Rule] = {(None, "udp", 33001): Rule("hostdown", hop=2)}
    report = run_check(V4, network=FakeNetwork(rules=rules, raw_like=True))
    udp = next(p for p in report.ports if p.label == "udp/33001")
    assert udp.state is PortState.REJECTED and not udp.host_down
    assert [(r.protocol.value, r.ports) for r in change_request(report)] == [("udp", "33001")]
    assert not any("cannot deliver" in f.title for f in report.assessment.findings)
    assert report.assessment.verdict is Verdict.BLOCKED


@pytest.mark.parametrize(
    ("text", "names"),
    [("Exceeded MaxStartups", "MaxStartups) is full"), ("Not allowed at this time", "PerSourcePenalties")],
)
def test_a_refusing_ssh_server_is_explained_by_its_own_words(text, names):
    """Debian's OpenSSH 9.2 says 'Exceeded MaxStartups' (a connection limit for everyone), OpenSSH >= 9.8 'Not
    allowed at this time' (also a per-source penalty). Either way the next step is to wait and check again,
    not a test transfer that would be refused too (a held-out review found the 9.2 text explained as a 9.8
    penalty and 'run the capped test transfer to confirm')."""
    from aspdiag.measurements.reachability.result import Banner, BannerKind

    network = FakeNetwork()
    network.banners = {22: Banner(BannerKind.REFUSED, text, 5.0), 33001: Banner(BannerKind.REFUSED, text, 5.0)}
    a = run_check(V4, network=network).assessment
    refusals = [f for f in a.findings if "refused this client" in f.title]
    assert refusals and all(names in f.detail and f.settle for f in refusals), refusals
    if "MaxStartups" in text:
        assert not any("PerSourcePenalties" in f.detail for f in refusals)
    assert a.verdict is not Verdict.BLOCKED
    assert a.next_step.startswith("wait a minute") and "test transfer started now" in a.next_step, a.next_step
    assert "refuses this client right now" in a.summary and a.settle


def test_nothing_from_the_server_on_any_port_mentions_a_server_that_is_off():
    """Every flow silent past the last router, TCP included, nothing from the server: 'cannot tell', and the
    detail names a server that is off (its router's host-unreachable may take longer than the wait), not only
    a perimeter dropping ICMP."""
    rules: dict[tuple[str | None, str, int], Rule] = {
        (None, proto, port): Rule("drop", hop=3) for proto, port in _EVERY_FLOW
    }
    report = run_check(V4, network=FakeNetwork(rules=rules, raw_like=True))
    silent = [p for p in report.ports if p.state is PortState.SILENT]
    assert silent and all("the server may also be off" in p.detail for p in silent), report.ports
    assert report.assessment.verdict is Verdict.CANNOT_TELL


def test_a_blocked_33001_with_22_working_is_said_not_silently_ignored():
    rules: dict[tuple[str | None, str, int], Rule] = {(None, "tcp", 33001): Rule("drop", hop=1)}
    report = run_check(V4, network=FakeNetwork(rules=rules, raw_like=True))
    a = report.assessment
    assert a.verdict is Verdict.READY
    note = [f for f in a.findings if f.title.startswith("TCP 33001 is blocked")]
    assert note and note[0].severity.value == "info" and "-P 33001" in note[0].detail, a.findings


@pytest.mark.parametrize(
    ("network", "state"),
    [
        (FakeNetwork(tcp_listening={22}, raw_like=True), PortState.CLOSED),
        (FakeNetwork(rules={(None, "tcp", 33001): Rule("drop", hop=0)}, raw_like=True), PortState.SERVER_SILENT),
        (FakeNetwork(rules={(None, "tcp", 33001): Rule("predrop", hop=1)}), PortState.SILENT),
    ],
)
def test_a_server_without_ssh_on_33001_is_said_when_22_works(network, state):
    """TCP 33001 closed by the server, or silent behind routers that all answered, with 22 working: READY and
    an info finding for the user (no change request: the client's network passes it); it said nothing."""
    report = run_check(V4, network=network)
    assert next(p for p in report.ports if p.label == "tcp/33001").state is state, report.ports
    a = report.assessment
    assert a.verdict is Verdict.READY
    note = [f for f in a.findings if "does not offer SSH" in f.title or "gets no answer; TCP 22 works" in f.title]
    assert note and note[0].severity.value == "info" and "without -P 33001" in note[0].action, a.findings
    assert report.change_request == (), report.change_request


@pytest.mark.parametrize("raw_like", [True, False])
def test_this_machines_own_firewall_is_for_the_user_never_a_change_request(raw_like):
    """UDP 33001 refused by this machine's OUTPUT chain (EPERM): BLOCKED, a blocker for the user (this machine's
    administrator), no change request. A held-out review: as root it read 'dropped at the first hop' with a
    change request for the network team; as nobody 'could not test' with no action."""
    rules: dict[tuple[str | None, str, int], Rule] = {(None, "udp", 33001): Rule("local")}
    report = run_check(V4, network=FakeNetwork(rules=rules, raw_like=raw_like))
    a = report.assessment
    assert a.verdict is Verdict.BLOCKED
    (local,) = [f for f in a.findings if "own firewall" in f.title]
    assert local.severity.value == "blocker" and local.audience is Audience.USER and local.proven, local
    assert "this machine's firewall" in local.action
    assert report.change_request == ()
    assert not any(f.audience is Audience.CLIENT_NETWORK for f in a.findings), a.findings
    item = _firewall_item(report)
    assert item.status.value == "problem" and "own firewall" in item.note, item


def test_only_ipv6_working_says_use_minus_6():
    """IPv4's TCP 22 and 33001 reset by a firewall, IPv6 fine: ascp uses IPv4 unless given -6, so the advice
    and the suggested command carry -6 (they said 'a transfer may fail when DNS hands out another one' and
    gave a command without -6 that fails here)."""
    rules: dict[tuple[str | None, str, int], Rule] = {(V4, "tcp", port): Rule("reject", hop=2) for port in (22, 33001)}
    report = run_check(network=FakeNetwork(rules=rules, raw_like=True))
    a = report.assessment
    assert a.verdict is Verdict.DEGRADED, a
    assert "-6" in a.summary and "-6" in a.next_step, a
    assert " -6 " in report.recommendations.ascp_command, report.recommendations.ascp_command


def test_this_machines_firewall_blocking_33001_beside_a_working_22_is_a_warning():
    """A review: the client's own firewall dropped TCP 33001 only; TCP 22 worked and the suggested command used
    -P 22, yet the verdict was BLOCKED (the local-firewall finding was a proven blocker)."""
    rules: dict[tuple[str | None, str, int], Rule] = {(None, "tcp", 33001): Rule("local")}
    report = run_check(V4, network=FakeNetwork(rules=rules, raw_like=True))
    a = report.assessment
    assert a.verdict is Verdict.READY, a
    (local,) = [f for f in a.findings if "own firewall" in f.title]
    assert local.severity is Severity.WARNING and local.audience is Audience.USER
    assert "-P 33001" not in report.recommendations.ascp_command


def test_use_p_33001_does_not_say_22_is_closed_when_only_its_greeting_was_missed():
    """A review (15 % loss): 'Use -P 33001 ... TCP 33001 is open but TCP 22 is not', proven, while TCP 22 had
    answered the handshake and only its greeting was lost."""
    from aspdiag.measurements.reachability.result import Banner, BannerKind

    network = FakeNetwork(raw_like=True, banners={22: Banner(BannerKind.NO_CONNECTION, "")})
    report = run_check(V4, network=network)
    use = next(f for f in report.assessment.findings if f.title.startswith("Use -P 33001"))
    assert "22 is not" not in use.detail and "handshake" in use.detail, use.detail


def test_an_ipv6_address_that_could_not_be_told_is_not_said_to_fail():
    """IPv6's routers silent and its UDP dropped without a trace: no evidence either way. READY on IPv4, and
    the summary says the IPv6 address could not be confirmed (it said 'does not work', as for a proven block)."""
    from tests.fakes import V6_PATH

    rules: dict[tuple[str | None, str, int], Rule] = {(V6, "udp", 33001): Rule("drop", hop=1)}
    report = run_check(network=FakeNetwork(rules=rules, raw_like=True, silent_routers=set(V6_PATH)))
    a = report.assessment
    assert a.verdict is Verdict.READY, a
    assert "could not be confirmed" in a.summary and "does not work" not in a.summary, a.summary
    assert "not shown for" in _firewall_item(report).note


def _firewall_item(report):
    return next(i for i in report.recommendations.checklist if i.item.startswith("Firewall"))


def test_checklist_firewall_follows_a_ready_verdict_with_a_failing_ipv6_address():
    """IPv6 TCP dropped at the firewall, IPv4 fine: READY (ascp uses IPv4), and the checklist says the IPv4
    part is done and names the IPv6 address (it said 'no rule is proven missing' beside proven findings)."""
    rules: dict[tuple[str | None, str, int], Rule] = {(V6, "tcp", port): Rule("drop", hop=2) for port in (22, 33001)}
    report = run_check(network=FakeNetwork(rules=rules, raw_like=True))
    assert report.assessment.verdict is Verdict.READY
    item = _firewall_item(report)
    assert item.status.value == "done" and V4 in item.note and V6 in item.note, item


def test_checklist_firewall_is_not_done_when_no_ssh_service_was_told():
    """Handshakes answered but no greeting (a stateful firewall on an asymmetric path): 'cannot tell', and the
    checklist must not say 'SSH control and FASP data reach the server' (a held-out review found it did)."""
    from aspdiag.measurements.reachability.result import Banner, BannerKind

    network = FakeNetwork()
    quiet = Banner(BannerKind.NO_CONNECTION, "could not connect: timed out", 2000.0)
    network.banners = {22: quiet, 33001: quiet}
    report = run_check(V4, network=network)
    assert report.assessment.verdict is not Verdict.READY
    assert _firewall_item(report).status.value != "done"


def test_checklist_firewall_names_a_server_that_is_down():
    rules: dict[tuple[str | None, str, int], Rule] = {
        (None, proto, port): Rule("hostdown", hop=3) for proto, port in _EVERY_FLOW
    }
    report = run_check(V4, network=FakeNetwork(rules=rules, raw_like=True))
    item = _firewall_item(report)
    assert item.status.value == "problem" and "does not answer" in item.note, item


def test_an_ipv6_row_beside_an_unconfirmed_ipv4_path_is_optional():
    """IPv6 UDP dropped at the firewall, IPv4 UDP silent at a busy server: ready but unconfirmed on IPv4, and
    the IPv6 row is optional, so the checklist does not ask for a change (it said 'send the change request')."""
    from aspdiag.engine.advice import change_request

    rules: dict[tuple[str | None, str, int], Rule] = {(V6, "udp", 33001): Rule("drop", hop=2)}
    report = run_check(network=FakeNetwork(rules=rules, raw_like=True, udp_busy={33001}))
    assert report.assessment.verdict is Verdict.UNCONFIRMED, report.assessment.summary
    rows = change_request(report)
    assert rows and all(not r.needed for r in rows)
    assert _firewall_item(report).status.value != "problem"


def test_neighbouring_ports_that_differ_only_in_rtt_are_one_range():
    """A review: with --udp-port 33001-33010 and --ssh-port 22,33001-33003 the overview split UDP ports wherever
    the RTT differed and never merged TCP ports; the finding said 'TCP 22 and 33001 and 33002 and 33003'."""
    from dataclasses import replace as _replace

    from aspdiag.measurements.reachability import MEASUREMENT as REACHABILITY
    from tests.reports import revise

    report = run_check(
        V4,
        network=FakeNetwork(tcp_listening=set(), raw_like=True),
        tcp_ports=(22, 33001, 33002, 33003),
        udp_ports=tuple(range(33001, 33011)),
    )
    ports = tuple(
        _replace(p, probes=tuple(_replace(a, rtt_ms=0.03 + 0.01 * (p.port % 3)) for a in p.probes))
        for p in report.ports
    )
    report = revise(report, ports=ports)
    headers = [c.header for c in REACHABILITY.overview(report)]
    assert headers == ["TCP 22", "TCP 33001-33003", "UDP 33001-33010"], headers
    udp = REACHABILITY.overview(report)[-1].cells[V4].text
    assert udp.endswith("0.03-0.05 ms"), udp
    titles = [f.title for f in report.assessment.findings]
    assert any("TCP 22, 33001-33003" in t for t in titles), titles
