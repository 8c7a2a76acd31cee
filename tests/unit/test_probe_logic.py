"""Pure probe logic: ICMP decoding and naming, port-state classification, route parsing."""

import socket
import struct

import pytest

from aspdiag.adapters.routes import parse_link_mtu, parse_route_get
from aspdiag.adapters.sockets import answer_kind, parse_extended_err
from aspdiag.core.icmp import icmp_name, is_prohibited
from aspdiag.core.model import Family
from aspdiag.measurements.reachability.result import AnswerKind, IcmpError, inferred_hops
from aspdiag.measurements.route.result import RouteOutcome

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


@pytest.mark.parametrize(
    ("family", "t", "c", "kind"),
    [
        (Family.IPV4, 11, 0, AnswerKind.TIME_EXCEEDED),
        (Family.IPV4, 3, 3, AnswerKind.PORT_UNREACHABLE),
        (Family.IPV4, 3, 13, AnswerKind.UNREACHABLE),
        (Family.IPV4, 3, 0, AnswerKind.UNREACHABLE),
        (Family.IPV6, 3, 0, AnswerKind.TIME_EXCEEDED),
        (Family.IPV6, 1, 4, AnswerKind.PORT_UNREACHABLE),
        (Family.IPV6, 1, 1, AnswerKind.UNREACHABLE),
    ],
)
def test_answer_kind(family, t, c, kind):
    assert answer_kind(IcmpError(family, t, c, None)) is kind


@pytest.mark.parametrize(("reply_ttl", "hops"), [(64, 1), (61, 4), (128, 1), (120, 9), (250, 6)])
def test_inferred_hops(reply_ttl, hops):
    assert inferred_hops(reply_ttl) == hops


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
