"""Firewall evidence in the lab: every scenario gives the right state, hop and address, in both back-ends
(raw packets as root, unprivileged sockets as ``nobody``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from tests.conftest import run_aspdiag
from tests.lab import ADDR, Lab

V4, V6 = ADDR.server4, ADDR.server6
FW = {V4: ADDR.fw_router4, V6: ADDR.fw_router6}
DMZ = {V4: ADDR.dmz_fw4, V6: ADDR.dmz_fw6}


@pytest.fixture(params=["raw", "socket"])
def backend(request, nobody_python) -> dict[str, Any]:
    """How to run the tool: raw as root, socket as nobody (the unprivileged fallback chosen automatically)."""
    if request.param == "raw":
        return {"method": "raw", "kw": {}}
    return {"method": "socket", "kw": {"python": nobody_python, "user": "nobody"}}


@pytest.fixture
def lab_clean(lab: Lab) -> Iterator[Lab]:
    lab.scenario("open")
    lab.host_firewall("server", [])
    yield lab
    lab.scenario("open")
    lab.host_firewall("server", [])


def check(lab: Lab, workdir, backend, host: str = "aspera.lab.test", *extra: str) -> tuple[int, Any]:
    run = run_aspdiag(lab, ["check", host, "-f", "json", "--no-reports", *extra], workdir, **backend["kw"])
    assert run.code in (0, 1, 4, 5), run.stderr  # ready, proven problem, unconfirmed, cannot tell
    import json

    data = json.loads(run.stdout)
    assert data["run"]["settings"]["method"] == backend["method"]
    assert not data["failures"], data["failures"]  # no probe crashed or overran
    assert {r["method"] for r in data["reachability"]} == {backend["method"]}
    return run.code, data


def entry(data: Any, address: str, label: str) -> Any:
    proto, port = label.split("/")
    return next(
        r for r in data["reachability"] if r["address"] == address and r["protocol"] == proto and r["port"] == int(port)
    )


def hop(n: int, address: str | None) -> dict[str, Any]:
    return {"hop": n, "address": address}


def test_all_open(lab_clean, workdir, backend):
    code, data = check(lab_clean, workdir, backend)
    assert code == 0 and data["verdict"]["verdict"] == "ready"
    for address in (V4, V6):
        assert entry(data, address, "tcp/22")["state"] == "open"
        assert entry(data, address, "tcp/33001")["state"] == "open"
        udp = entry(data, address, "udp/33001")
        assert udp["state"] == "closed" and udp["path_open"]
        assert udp["hops_to_target"] == 4 and udp["blocked_at"] is None
        assert udp["last_responding_hop"] == hop(4, address)
        assert [h["responder"] for h in udp["evidence"]["trace"][:3]] == (
            [ADDR.router_client4, FW[V4], DMZ[V4]] if address == V4 else [ADDR.router_client6, FW[V6], DMZ[V6]]
        )
        assert entry(data, address, "tcp/22")["banner"]["kind"] == "ssh"


def test_udp_dropped_at_the_perimeter(lab_clean, workdir, backend):
    lab_clean.scenario("udp-drop")
    code, data = check(lab_clean, workdir, backend)
    assert code == 1 and data["verdict"]["verdict"] == "blocked"
    for address in (V4, V6):
        udp = entry(data, address, "udp/33001")
        assert udp["state"] == "dropped"
        assert udp["last_responding_hop"] == hop(2, FW[address])
        assert udp["blocked_at"] == hop(3, DMZ[address])
        assert udp["location"].startswith(f"between hop 2 ({FW[address]}) and hop 3")
        assert udp["hops_to_target"] == 4
        assert udp["evidence"]["probes_answered"] >= 2  # the time-exceeded answers of hops 1 and 2
    # The change request: exactly one rule per resolved address, UDP 33001, naming where it stops.
    rows = data["change_request"]
    assert sorted((r["destination_address"], r["protocol"], r["ports"]) for r in rows) == sorted(
        [(V4, "udp", "33001"), (V6, "udp", "33001")]
    )
    for row in rows:
        assert row["destination_name"] == "aspera.lab.test" and row["action"] == "allow"
        assert f"between hop 2 ({FW[row['destination_address']]}) and hop 3" in row["evidence"]
        assert row["source_address"] in (ADDR.client4, ADDR.client6) and row["source_subnet"]


def test_tcp_33001_rejected_admin_prohibited(lab_clean, workdir, backend):
    lab_clean.scenario("tcp33001-reject")
    _, data = check(lab_clean, workdir, backend)
    for address in (V4, V6):
        tcp = entry(data, address, "tcp/33001")
        assert tcp["state"] == "rejected"
        assert tcp["icmp"]["name"] == "communication-administratively-prohibited"
        assert tcp["icmp"]["offender"] == FW[address]
        assert tcp["blocked_at"] == hop(2, FW[address])
        assert entry(data, address, "tcp/22")["state"] == "open"


def test_tcp_22_reset_injected_by_the_firewall(lab_clean, workdir, backend):
    lab_clean.scenario("tcp22-reset")
    _, data = check(lab_clean, workdir, backend)
    for address in (V4, V6):
        tcp = entry(data, address, "tcp/22")
        assert tcp["state"] == "rejected", tcp["detail"]
        assert tcp["blocked_at"] == hop(2, FW[address])
        assert "before the target at hop 4" in tcp["detail"]


def test_udp_port_unreachable_spoofed_by_the_firewall(lab_clean, workdir, backend):
    lab_clean.scenario("udp-spoof")
    code, data = check(lab_clean, workdir, backend)
    assert code == 1
    for address in (V4, V6):
        udp = entry(data, address, "udp/33001")
        assert udp["icmp"]["offender"] == address  # it claims to be the target...
        assert udp["state"] == "rejected"  # ...but its hop distance gives it away
        assert udp["blocked_at"] == hop(2, FW[address])
        assert udp["evidence"]["reply_hops"] == 2


def test_drop_for_ipv6_only(lab_clean, workdir, backend):
    lab_clean.scenario("ipv6-udp-drop")
    code, data = check(lab_clean, workdir, backend)
    assert entry(data, V4, "udp/33001")["state"] == "closed"
    assert entry(data, V6, "udp/33001")["state"] == "dropped"
    assert entry(data, V6, "udp/33001")["blocked_at"] == hop(3, DMZ[V6])
    assert any(f["title"] == "IPv4 and IPv6 differ on udp/33001" for f in data["verdict"]["findings"])
    assert code == 0  # ascp uses IPv4 unless -6: a warning, not a blocker


def test_target_host_firewall_drops(lab_clean, workdir, backend):
    # Issue #13: silence that begins at the server is the server's side — a busy server looks the same — so
    # it is not a blocker for the client's network team: "ready but unconfirmed", exit 4, no change request.
    lab_clean.host_firewall("server", ["udp dport 33001 drop"])
    code, data = check(lab_clean, workdir, backend)
    assert code == 4 and data["verdict"]["verdict"] == "ready but unconfirmed"
    assert data["change_request"] == []
    for address in (V4, V6):
        udp = entry(data, address, "udp/33001")
        assert udp["state"] == "server_silent"
        assert udp["last_responding_hop"] == hop(3, DMZ[address])
        assert udp["blocked_at"] == hop(4, address)
        assert udp["location"].startswith("past hop 3, on the server's side")
        assert "busy" in udp["evidence"]["control"]["meaning"]


def test_no_route_to_the_target(lab_clean, workdir, backend):
    code, data = check(lab_clean, workdir, backend, "noroute.lab.test")
    assert code == 1 and data["verdict"]["verdict"] == "blocked"
    for address, name in ((ADDR.unrouted4, "net-unreachable"), (ADDR.unrouted6, "no-route-to-destination")):
        for label in ("tcp/22", "tcp/33001", "udp/33001"):
            result = entry(data, address, label)
            assert result["state"] == "rejected"
            assert result["icmp"]["name"] == name
            assert result["blocked_at"]["hop"] == 2
            assert result["evidence"]["no_route"] and result["location"].startswith("no route at hop 2")
    # Routing, not a port rule: the network team hears about the route, and no change request asks for ports.
    assert data["change_request"] == []
    routed = [f for f in data["verdict"]["findings"] if f["title"].startswith("No route to")]
    assert len(routed) == 2 and all(f["audience"] == "client network team" for f in routed), routed


def test_a_gateway_that_never_answers_neighbour_discovery_is_silence_not_a_hang(lab_clean, workdir, backend):
    """The client's IPv6 default route points at an address nobody holds (a dead gateway): neighbour discovery
    never succeeds. The raw back-end sent through scapy's own link layer, which waited seconds per packet for
    the neighbour: every port 'gave no result within 5 s'. Now the kernel resolves (and gives up) itself."""
    dead = "2001:db8:1::99"
    lab_clean.exec("client", ["ip", "-6", "route", "replace", "default", "via", dead])
    try:
        _, data = check(lab_clean, workdir, backend, V6, "--quick", "--timeout", "1")
    finally:
        lab_clean.exec("client", ["ip", "-6", "route", "replace", "default", "via", ADDR.router_client6])
        lab_clean.exec("client", ["ip", "-6", "neigh", "flush", "dev", "eth0"])
    assert {r["state"] for r in data["reachability"]} <= {"silent", "error"}, data["reachability"]
    assert not any("gave no result" in r["detail"] for r in data["reachability"])
    assert data["verdict"]["verdict"] in ("cannot tell", "blocked")


def test_no_local_route_is_an_error(lab_clean, workdir, backend):
    lab_clean.exec("client", ["ip", "-6", "route", "del", "default"])
    try:
        _, data = check(lab_clean, workdir, backend, V6)
    finally:
        lab_clean.exec("client", ["ip", "-6", "route", "add", "default", "via", ADDR.router_client6])
    assert data["addresses"][0]["route"]["outcome"] == "no_route"
    assert {r["state"] for r in data["reachability"]} == {"error"}
    assert all("no local route" in r["detail"] or "ENETUNREACH" in r["detail"] for r in data["reachability"]), [
        r["detail"] for r in data["reachability"]
    ]
    assert data["verdict"]["verdict"] == "blocked"


def test_port_that_answers_but_is_not_ssh(lab_clean, workdir, backend):
    code, data = check(lab_clean, workdir, backend, "server2.lab.test", "--ssh-port", "8080")
    web = entry(data, ADDR.server2_4, "tcp/8080")
    assert web["state"] == "open" and web["banner"]["kind"] == "http"
    assert any("answers but is not SSH (http)" in f["title"] for f in data["verdict"]["findings"])
    assert code == 1  # an HTTP port cannot carry the SSH control session


def test_udp_port_range(lab_clean, workdir, backend):
    lab_clean.firewall(["udp dport 33005 drop"])
    code, data = check(lab_clean, workdir, backend, V4, "--udp-port", "33001-33006")
    states = {r["port"]: r["state"] for r in data["reachability"] if r["protocol"] == "udp"}
    assert states == {
        33001: "closed",
        33002: "closed",
        33003: "closed",
        33004: "closed",
        33005: "dropped",
        33006: "closed",
    }
    assert code == 1


def test_icmp_rate_limited_target_is_not_called_blocked(lab_clean, workdir, backend):
    """Linux's own limiter on the server (1 ICMP/s per peer after a burst): a 10-port UDP range must not turn
    limiter silence into a 'blocked' verdict."""
    lab_clean.rate_limit_icmp("server", 1000)
    try:
        _, data = check(lab_clean, workdir, backend, V4, "--udp-port", "33001-33010")
    finally:
        lab_clean.rate_limit_icmp("server", 0)
    udp = [r for r in data["reachability"] if r["protocol"] == "udp"]
    # Issue #13: a port only the server leaves silent is the server's side (rate-limited or held), not a drop.
    assert {r["state"] for r in udp} <= {"closed", "server_silent"}
    assert any(r["state"] == "closed" for r in udp)
    assert all(r["evidence"]["rate_limit_suspected"] for r in udp if r["state"] == "server_silent")
    assert data["verdict"]["verdict"] in ("ready", "ready but unconfirmed")
