"""ICMP and ICMPv6 type/code names (pScheduler/iana vocabulary) and the classes aspdiag cares about."""

from __future__ import annotations

from aspdiag.core.model import Family

_V4_UNREACH = {
    0: "net-unreachable",
    1: "host-unreachable",
    2: "protocol-unreachable",
    3: "port-unreachable",
    4: "fragmentation-needed-and-df-set",
    5: "source-route-failed",
    6: "destination-network-unknown",
    7: "destination-host-unknown",
    8: "source-host-isolated",
    9: "destination-network-administratively-prohibited",
    10: "destination-host-administratively-prohibited",
    11: "network-unreachable-for-type-of-service",
    12: "host-unreachable-for-type-of-service",
    13: "communication-administratively-prohibited",
    14: "host-precedence-violation",
    15: "precedence-cutoff-in-effect",
}
_V6_UNREACH = {
    0: "no-route-to-destination",
    1: "communication-administratively-prohibited",
    2: "beyond-scope-of-source-address",
    3: "address-unreachable",
    4: "port-unreachable",
    5: "source-address-failed-ingress-egress-policy",
    6: "reject-route-to-destination",
}

V4_DEST_UNREACH = 3
V4_TIME_EXCEEDED = 11
V6_DEST_UNREACH = 1
V6_PACKET_TOO_BIG = 2
V6_TIME_EXCEEDED = 3

_PROHIBITED = {
    Family.IPV4: {(3, 9), (3, 10), (3, 13)},
    Family.IPV6: {(1, 1), (1, 5), (1, 6)},
}


def icmp_name(family: Family, icmp_type: int, code: int) -> str:
    """Name of an ICMP (v4) or ICMPv6 type/code, e.g. ``port-unreachable``."""
    if family is Family.IPV4:
        if icmp_type == V4_DEST_UNREACH:
            return _V4_UNREACH.get(code, f"destination-unreachable-code-{code}")
        if icmp_type == V4_TIME_EXCEEDED:
            return "ttl-exceeded" if code == 0 else "fragment-reassembly-time-exceeded"
        return f"icmp-type-{icmp_type}-code-{code}"
    if icmp_type == V6_DEST_UNREACH:
        return _V6_UNREACH.get(code, f"destination-unreachable-code-{code}")
    if icmp_type == V6_PACKET_TOO_BIG:
        return "packet-too-big"
    if icmp_type == V6_TIME_EXCEEDED:
        return "hop-limit-exceeded" if code == 0 else "fragment-reassembly-time-exceeded"
    return f"icmpv6-type-{icmp_type}-code-{code}"


def is_port_unreachable(family: Family, icmp_type: int, code: int) -> bool:
    """ICMP port-unreachable: 3/3 for IPv4, 1/4 for IPv6."""
    if family is Family.IPV4:
        return (icmp_type, code) == (V4_DEST_UNREACH, 3)
    return (icmp_type, code) == (V6_DEST_UNREACH, 4)


def is_prohibited(family: Family, icmp_type: int, code: int) -> bool:
    """An administrative reject: a firewall said no."""
    return (icmp_type, code) in _PROHIBITED[family]
