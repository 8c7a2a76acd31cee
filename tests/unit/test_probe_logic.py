"""Pure probe logic: ICMP decoding and naming, port-state classification, route parsing."""

import socket
import struct

import pytest

from aspdiag.icmp import icmp_name, is_prohibited
from aspdiag.model import Family, IcmpError, PortState, Protocol, RouteOutcome
from aspdiag.net import ConnectKind, ConnectOutcome
from aspdiag.net.routes import parse_link_mtu, parse_route_get
from aspdiag.net.sockets import parse_extended_err
from aspdiag.probes.ports import classify

TARGET = "198.18.3.2"
FIREWALL = "198.18.2.2"


def _ee(errno_, origin, icmp_type, code, info=0):
    return struct.pack("=IBBBBII", errno_, origin, icmp_type, code, 0, info, 0)


def test_parse_extended_err_ipv4_offender():
    sockaddr = struct.pack("=HH4s8x", socket.AF_INET, 0, socket.inet_pton(socket.AF_INET, FIREWALL))
    icmp = parse_extended_err(_ee(113, 2, 3, 13) + sockaddr)
    assert icmp == IcmpError(Family.IPV4, 3, 13, FIREWALL, 0)
    assert icmp.name == "communication-administratively-prohibited"


def test_parse_extended_err_ipv6_offender_and_mtu():
    addr = socket.inet_pton(socket.AF_INET6, "2001:db8:2::2")
    sockaddr = struct.pack("=HHI16sI", socket.AF_INET6, 0, 0, addr, 0)
    icmp = parse_extended_err(_ee(90, 3, 2, 0, info=1400) + sockaddr)
    assert icmp is not None
    assert (icmp.family, icmp.type, icmp.offender, icmp.info, icmp.name) == (
        Family.IPV6,
        2,
        "2001:db8:2::2",
        1400,
        "packet-too-big",
    )


def test_parse_extended_err_ignores_local_errors_and_short_data():
    assert parse_extended_err(_ee(90, 1, 0, 0)) is None
    assert parse_extended_err(b"\x00" * 4) is None


@pytest.mark.parametrize(
    ("family", "t", "c", "name", "prohibited"),
    [
        (Family.IPV4, 3, 3, "port-unreachable", False),
        (Family.IPV4, 3, 13, "communication-administratively-prohibited", True),
        (Family.IPV4, 3, 10, "destination-host-administratively-prohibited", True),
        (Family.IPV4, 11, 0, "ttl-exceeded", False),
        (Family.IPV6, 1, 1, "communication-administratively-prohibited", True),
        (Family.IPV6, 1, 4, "port-unreachable", False),
        (Family.IPV6, 3, 0, "hop-limit-exceeded", False),
    ],
)
def test_icmp_names(family, t, c, name, prohibited):
    assert icmp_name(family, t, c) == name
    assert is_prohibited(family, t, c) is prohibited


def _icmp(t, c, offender, family=Family.IPV4):
    return ConnectOutcome(ConnectKind.ICMP, 1, rtts_ms=(1.0,), icmp=IcmpError(family, t, c, offender))


@pytest.mark.parametrize(
    ("protocol", "outcome", "state", "words"),
    [
        (Protocol.TCP, ConnectOutcome(ConnectKind.CONNECTED, 1, (0.4,)), PortState.OPEN, "SYN-ACK"),
        (Protocol.TCP, ConnectOutcome(ConnectKind.REFUSED, 1, (0.4,)), PortState.CLOSED, "reset"),
        (Protocol.TCP, ConnectOutcome(ConnectKind.TIMEOUT, 1), PortState.TIMED_OUT, "no answer"),
        (Protocol.TCP, _icmp(3, 13, FIREWALL), PortState.REJECTED, FIREWALL),
        (Protocol.UDP, _icmp(3, 3, TARGET), PortState.CLOSED, "crosses every firewall"),
        (Protocol.UDP, _icmp(3, 3, FIREWALL), PortState.REJECTED, "not by the target"),
        (Protocol.UDP, _icmp(3, 13, FIREWALL), PortState.REJECTED, "administratively"),
        (Protocol.UDP, ConnectOutcome(ConnectKind.REPLIED, 1, (2.0,)), PortState.OPEN, "UDP reply"),
        (Protocol.UDP, ConnectOutcome(ConnectKind.TIMEOUT, 3), PortState.TIMED_OUT, "3 probe"),
        (
            Protocol.UDP,
            ConnectOutcome(ConnectKind.LOCAL_ERROR, 0, detail="send failed: x"),
            PortState.ERROR,
            "send failed",
        ),
        (
            Protocol.TCP,
            ConnectOutcome(ConnectKind.ICMP, 1, errno_name="EHOSTUNREACH", detail="x EHOSTUNREACH"),
            PortState.REJECTED,
            "EHOSTUNREACH",
        ),
    ],
)
def test_classify(protocol, outcome, state, words):
    got_state, detail = classify(protocol, TARGET, outcome)
    assert got_state is state
    assert words in detail


def test_classify_ipv6_port_unreachable_from_target_is_path_open():
    target6 = "2001:db8:3::2"
    state, _ = classify(Protocol.UDP, target6, _icmp(1, 4, target6, Family.IPV6))
    assert state is PortState.CLOSED


def test_parse_route_get_gateway_and_metrics():
    out = (
        '[{"dst":"198.18.3.2","gateway":"198.18.1.1","dev":"eth0","prefsrc":"198.18.1.2",'
        '"metrics":[{"mtu":1400}],"flags":[],"uid":0,"cache":[]}]'
    )
    route = parse_route_get("198.18.3.2", out)
    assert (route.outcome, route.gateway, route.interface, route.source_address, route.route_mtu_bytes) == (
        RouteOutcome.OK,
        "198.18.1.1",
        "eth0",
        "198.18.1.2",
        1400,
    )


def test_parse_route_get_direct_and_bad_output():
    route = parse_route_get("198.18.1.1", '[{"dst":"198.18.1.1","dev":"eth0","prefsrc":"198.18.1.2"}]')
    assert route.gateway is None and route.outcome is RouteOutcome.OK
    assert parse_route_get("x", "not json").outcome is RouteOutcome.ERROR
    assert parse_route_get("x", '[{"type":"unreachable"}]').outcome is RouteOutcome.NO_ROUTE


def test_parse_link_mtu():
    assert parse_link_mtu('[{"ifname":"eth0","mtu":9000}]') == 9000
    assert parse_link_mtu("[]") is None
