"""Issue #13: verdicts that hold on real networks, in the field scenarios of tests.lab.field, as root (raw
packets) and as nobody (sockets). What each scenario must give is derived from its ground truth by the rules
the product promises, not written per scenario: a silence is a proven drop only where ICMP from beyond the
last answering hop comes back; silence that begins at the server is the server's side; a reject is proven;
no BLOCKED where the path is open, no READY where it is blocked; every finding names its audience; the change
request holds only what the client's network team can act on."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import check_json
from tests.lab import ADDR, Lab
from tests.lab.field import FIELD_SCENARIOS, FieldScenario, apply_scenario, remove_all

ROOT_AND_NOBODY = [
    "busy-server",
    "icmp-blackout-fw",
    "icmp-blackout-fw+busy-server",
    "icmp-blackout-router+udp-drop-fw",
    "intercept-tcp33001-dmz",
    "udp-drop-fw",
    "udp-drop-host",
]
"""Scenarios run both ways; every other field scenario runs once, the backend alternating."""
LAST_ROUTER = 3
SERVER_HOP = 4


@dataclass(frozen=True)
class Expected:
    """What the product must say about UDP 33001 and the verdict, from a scenario's ground truth."""

    udp_state: str
    verdict: str
    udp_audience: str | None
    change_request: bool


def expected(sc: FieldScenario) -> Expected:
    """The product's rules applied to the ground truth (see the module docstring)."""
    icmp_back = sc.icmp_horizon  # ICMP from beyond this hop never comes back (None: from everywhere)

    def seen(hop: int) -> bool:
        return icmp_back is None or hop <= icmp_back

    # The control port (33002) gets port-unreachable from the server when ICMP from hop 4 comes back.
    horizon = SERVER_HOP if seen(SERVER_HOP) else (icmp_back or 0)
    hop, how = sc.udp_filter_hop, sc.udp_filter
    if hop is None and 33001 not in sc.silent_udp:
        # The server's port-unreachable proves it; without it, every router answering the flow still shows the
        # client's network passes it (a filter of ICMP right before the server is the server's side).
        state = "closed" if seen(SERVER_HOP) else "server_silent" if seen(LAST_ROUTER) else "silent"
    elif hop is None:  # busy: the server holds the port
        state = "server_silent" if seen(LAST_ROUTER) else "silent"
    elif how == "reject":
        state = "rejected" if seen(hop) else "silent"
    elif hop >= LAST_ROUTER:  # the last router (answers its TTL, then drops) or the server's host firewall
        state = "server_silent" if seen(LAST_ROUTER) else "silent"
    else:
        last_seen = min(hop, icmp_back) if icmp_back is not None else hop
        state = "dropped" if horizon > last_seen else "silent"
    at_target = hop == SERVER_HOP
    verdict, audience, change = {
        "closed": ("ready", None, False),
        "dropped": ("blocked", "client network team", True),
        "rejected": ("blocked", "server operators" if at_target else "client network team", not at_target),
        "server_silent": ("ready but unconfirmed", "server operators", False),
        "silent": ("cannot tell", "you", False),
    }[state]
    return Expected(state, verdict, audience, change)


def cases() -> list[Any]:
    out = []
    others = [name for name in FIELD_SCENARIOS if name not in ROOT_AND_NOBODY]
    for name in ROOT_AND_NOBODY:
        out += [pytest.param(name, "root", id=f"{name}-root"), pytest.param(name, "nobody", id=f"{name}-nobody")]
    for index, name in enumerate(others):
        backend = "root" if index % 2 == 0 else "nobody"
        out.append(pytest.param(name, backend, id=f"{name}-{backend}"))
    return out


@pytest.fixture
def field_lab(fw: Lab) -> Iterator[Lab]:
    """The shared lab with an open perimeter and no field situation before and after the test."""
    remove_all(fw)
    yield fw
    remove_all(fw)


def _entry(data: dict[str, Any], address: str, label: str) -> dict[str, Any]:
    return next(r for r in data["reachability"] if r["address"] == address and f"{r['protocol']}/{r['port']}" == label)


@pytest.mark.parametrize(("name", "backend"), cases())
def test_verdict_follows_the_evidence(field_lab, workdir, nobody_python, name, backend):
    sc = FIELD_SCENARIOS[name]
    want = expected(sc)
    user, python = (None, None) if backend == "root" else ("nobody", nobody_python)
    with apply_scenario(field_lab, name):
        run = check_json(field_lab, workdir, user=user, python=python)
    data = run.json
    assert data["run"]["settings"]["method"] == ("raw" if backend == "root" else "socket")
    findings = data["verdict"]["findings"]
    for address in (ADDR.server4, ADDR.server6):
        udp = _entry(data, address, "udp/33001")
        assert udp["state"] == want.udp_state, (address, udp["detail"])
        if want.udp_state in ("dropped", "silent", "server_silent"):
            control = udp["evidence"]["control"]
            assert control is not None and control["meaning"], "every silent port carries its control evidence"
            if want.udp_state != "dropped":
                assert control["settle"], "an unproven silence says what would settle it"
        if want.udp_state == "dropped":
            assert sc.udp_filter_hop is not None and udp["blocked_at"]["hop"] == sc.udp_filter_hop + 1
            assert udp["last_responding_hop"]["hop"] == sc.udp_filter_hop
        tcp22 = _entry(data, address, "tcp/22")
        assert tcp22["state"] == "open"
        tcp33001 = _entry(data, address, "tcp/33001")
        if sc.tcp33001_node != "server":
            assert tcp33001["state"] == "intercepted", tcp33001["detail"]
            assert tcp33001["blocked_at"]["hop"] == sc.tcp33001_hop
            assert tcp33001["hops_to_target"] == SERVER_HOP  # the server's own distance, not the proxy's
        else:
            assert tcp33001["state"] == "open"
        if want.udp_audience is not None:
            about = [f for f in findings if "UDP 33001" in f["title"] and f["address"] == address]
            assert about and all(f["audience"] == want.udp_audience for f in about), about
    assert data["verdict"]["verdict"] == want.verdict, data["verdict"]["summary"]
    assert run.code == {"ready": 0, "blocked": 1, "ready but unconfirmed": 4, "cannot tell": 5}[want.verdict]
    rows = data["change_request"]
    assert bool(rows) is want.change_request, rows
    assert all(r["protocol"] == "udp" and r["ports"] == "33001" for r in rows)
    if sc.tcp33001_node != "server":
        proxy = [f for f in findings if "answered by a device at hop" in f["title"]]
        assert proxy and all(f["audience"] == "client network team" for f in proxy)
    for f in findings:
        assert f["audience"] in ("client network team", "server operators", "you", "nobody")
        if not f["proven"]:
            assert f["severity"] != "blocker" or f["settle"]


def test_expectations_cover_every_outcome():
    states = {expected(sc).udp_state for sc in FIELD_SCENARIOS.values()}
    assert states == {"closed", "dropped", "rejected", "server_silent", "silent"}
    assert isinstance(Path, type)


# ------------------------------------------------------------------- situations a held-out review found

MUTE_DMZ = """table inet aspdiag_field_mute {
  chain output {
    type filter hook output priority filter; policy accept;
    icmp type time-exceeded drop
    icmpv6 type time-exceeded drop
  }
}
"""
"""The dmz (hop 3, the last router before the server) never sends time-exceeded: common in front of servers."""

LOST_PROBES = """table inet aspdiag_field_lost {
  chain pre {
    type filter hook prerouting priority -300; policy accept;
    ip daddr 198.18.3.2 tcp dport 33001 ip ttl 1 drop
    ip daddr 198.18.3.2 tcp dport 22 ip ttl 2 drop
    ip daddr 198.18.3.2 udp dport 33002 ip ttl 2 drop
    ip6 daddr 2001:db8:3::2 tcp dport 33001 ip6 hoplimit 1 drop
    ip6 daddr 2001:db8:3::2 tcp dport 22 ip6 hoplimit 2 drop
    ip6 daddr 2001:db8:3::2 udp dport 33002 ip6 hoplimit 2 drop
  }
}
"""
"""At the dmz, three TTL-limited probes are lost, each flow a different one (what 20 % loss once did): the
TTL-3 probe of tcp/33001 and the TTL-4 probes of tcp/22 and udp/33002. Everything else passes."""


def _nft_script(lab: Lab, node: str, script: str) -> None:
    from tests.lab import run, which

    run(lab.exec_argv(node, [which("nft") or "nft", "-f", "-"]), input=script)


@pytest.mark.parametrize("backend", ["root", "nobody"])
def test_a_mute_last_router_before_a_busy_server_is_no_evidence(field_lab, workdir, nobody_python, backend):
    """A held-out review: the dmz sends no time-exceeded and a transfer holds UDP 33001 on the server. The
    path is open; the silence from hop 3 on may be the dmz or the busy server. Was BLOCKED, 'dropped between
    hop 2 and hop 3', with a change request for the client's network team, in every run."""
    from tests.lab.field import busy_udp

    user, python = (None, None) if backend == "root" else ("nobody", nobody_python)
    _nft_script(field_lab, "dmz", MUTE_DMZ)
    with busy_udp(field_lab, "server", (33001,)):
        data = check_json(field_lab, workdir, "--no-bandwidth", user=user, python=python).json
    assert data["verdict"]["verdict"] in ("cannot tell", "ready but unconfirmed"), data["verdict"]["summary"]
    assert data["change_request"] == []
    for address in (ADDR.server4, ADDR.server6):
        udp = _entry(data, address, "udp/33001")
        assert udp["state"] in ("silent", "server_silent"), udp["detail"]
        assert udp["evidence"]["control"] and udp["evidence"]["control"]["settle"]
    assert not any(f["audience"] == "client network team" for f in data["verdict"]["findings"])


@pytest.mark.parametrize("backend", ["root", "nobody"])
def test_probes_lost_on_different_flows_keep_the_server_at_its_hop(field_lab, workdir, nobody_python, backend):
    """A held-out review (nobody, sockets): three lost TTL-limited probes put the server at hop 5, its own
    handshake on 33001 'intercepted at hop 4' and the busy UDP 33001 'dropped between hop 3 and 4', BLOCKED."""
    from tests.lab.field import busy_udp

    user, python = (None, None) if backend == "root" else ("nobody", nobody_python)
    _nft_script(field_lab, "dmz", LOST_PROBES)
    with busy_udp(field_lab, "server", (33001,)):
        data = check_json(field_lab, workdir, "--no-bandwidth", user=user, python=python).json
    assert data["verdict"]["verdict"] == "ready but unconfirmed", data["verdict"]["summary"]
    assert data["change_request"] == []
    for address in (ADDR.server4, ADDR.server6):
        for label in ("tcp/22", "tcp/33001"):
            tcp = _entry(data, address, label)
            assert tcp["state"] == "open" and tcp["hops_to_target"] == SERVER_HOP, (label, tcp["detail"])
        assert _entry(data, address, "udp/33001")["state"] == "server_silent"


RATE_LIMITED_DMZ = """table inet aspdiag_field_telimit {
  chain output {
    type filter hook output priority filter; policy accept;
    icmp type time-exceeded limit rate over 1/minute burst 1 packets drop
    icmpv6 type time-exceeded limit rate over 1/minute burst 1 packets drop
  }
}
"""
"""The dmz (the last router) sends one time-exceeded a minute per family: it answers one flow's trace, not
the next one's."""


@pytest.mark.parametrize("backend", ["root", "nobody"])
def test_a_last_router_that_rate_limits_time_exceeded_before_a_busy_server(field_lab, workdir, nobody_python, backend):
    """A held-out review: with the dmz answering one trace a minute and a busy server, UDP 33001 read 'dropped
    between hop 2 and hop 3', BLOCKED, with a change request, in 3 runs of 4. Another flow passes hop 3 without
    its answer, so that silence is no evidence."""
    from tests.lab.field import busy_udp

    user, python = (None, None) if backend == "root" else ("nobody", nobody_python)
    _nft_script(field_lab, "dmz", RATE_LIMITED_DMZ)
    with busy_udp(field_lab, "server", (33001,)):
        data = check_json(field_lab, workdir, "--no-bandwidth", "--no-path", user=user, python=python).json
    assert data["verdict"]["verdict"] in ("cannot tell", "ready but unconfirmed"), data["verdict"]["summary"]
    assert data["change_request"] == []
    for address in (ADDR.server4, ADDR.server6):
        assert _entry(data, address, "udp/33001")["state"] in ("silent", "server_silent")


def _one_rule_table(name: str, hook: str, rule: str) -> str:
    """An nft script: table ``aspdiag_field_NAME`` (removed by ``remove_all``) with one rule on ``hook``."""
    return (
        f"table inet aspdiag_field_{name} {{\n  chain {hook} {{\n"
        f"    type filter hook {hook} priority filter; policy accept;\n"
        f"    {rule}\n  }}\n}}\n"
    )


@pytest.mark.parametrize("backend", ["root", "nobody"])
@pytest.mark.parametrize("rule", ["drop", "reject with icmpx type admin-prohibited"])
def test_this_machines_own_firewall_is_named_not_the_network(field_lab, workdir, nobody_python, backend, rule):
    """A held-out review: the client's own OUTPUT chain drops (or rejects) UDP 33001. As root it read 'dropped
    at the first hop' (or 'rejected at hop 1' from the client's own address) with a change request for the
    network team, whose firewall passes it; as nobody 'could not test' with no action. Now: BLOCKED, a blocker
    for this machine's administrator, no change request, alike both ways."""
    user, python = (None, None) if backend == "root" else ("nobody", nobody_python)
    _nft_script(field_lab, "client", _one_rule_table("client_out", "output", f"udp dport 33001 {rule}"))
    data = check_json(field_lab, workdir, "--no-bandwidth", user=user, python=python).json
    assert data["verdict"]["verdict"] == "blocked", data["verdict"]["summary"]
    assert data["change_request"] == []
    for address in (ADDR.server4, ADDR.server6):
        udp = _entry(data, address, "udp/33001")
        assert udp["state"] == "error" and "own firewall" in udp["detail"], udp
    findings = data["verdict"]["findings"]
    local = [f for f in findings if "own firewall" in f["title"]]
    assert len(local) == 2 and all(f["audience"] == "you" and f["severity"] == "blocker" for f in local), local
    assert not any(f["audience"] == "client network team" for f in findings), findings


@pytest.mark.parametrize("backend", ["root", "nobody"])
def test_large_datagrams_dropped_where_small_ones_pass_is_never_ready(field_lab, workdir, nobody_python, backend):
    """A held-out review: the router drops UDP 33001 datagrams longer than 512 bytes. Small probes get the
    server's port-unreachable, so the port read open and the verdict READY (exit 0, no finding), while every
    FASP datagram (near the path MTU) would vanish. Now: not READY, a finding that says large datagrams get no
    answer where small ones do (unproven, settled by a test transfer), no change request."""
    user, python = (None, None) if backend == "root" else ("nobody", nobody_python)
    _nft_script(field_lab, "router", _one_rule_table("udp_len", "forward", "udp dport 33001 meta length > 512 drop"))
    data = check_json(field_lab, workdir, "--no-bandwidth", user=user, python=python).json
    assert data["verdict"]["verdict"] not in ("ready", "blocked"), data["verdict"]["summary"]
    assert data["change_request"] == []
    for path in data["path"]:
        assert path["large_datagrams_lost_bytes"] in (576, 1280), path
    sized = [f for f in data["verdict"]["findings"] if "get no answer, small ones do" in f["title"]]
    assert len(sized) == 2 and not any(f["proven"] for f in sized), sized
    assert all("hop 1" in f["title"] for f in sized), sized  # located: past the router's own hop, not beyond


@pytest.mark.parametrize("backend", ["root", "nobody"])
def test_icmp_related_to_udp_dropped_is_no_proof_of_a_udp_drop(field_lab, workdir, nobody_python, backend):
    """A held-out review: the firewall drops the ICMP errors related to UDP flows (TCP's pass) while UDP 33001
    itself passes both ways. It read BLOCKED, proven, with a change request for a rule that exists: TCP's
    time-exceeded from beyond the firewall stood in as the proof for UDP. Now: never BLOCKED, no change
    request, the silence is 'no evidence'."""
    user, python = (None, None) if backend == "root" else ("nobody", nobody_python)
    _nft_script(field_lab, "fw", _one_rule_table("ct_related", "forward", "ct state related ct protocol udp drop"))
    data = check_json(field_lab, workdir, "--no-bandwidth", user=user, python=python).json
    assert data["verdict"]["verdict"] != "blocked", data["verdict"]["summary"]
    assert data["change_request"] == []
    for address in (ADDR.server4, ADDR.server6):
        udp = _entry(data, address, "udp/33001")
        assert udp["state"] == "silent", udp
    assert not any(f["audience"] == "client network team" and f["proven"] for f in data["verdict"]["findings"])
