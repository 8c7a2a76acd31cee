"""Named perimeter-firewall scenarios (nftables rules for the lab's forward chain)."""

from __future__ import annotations


def drop(proto: str, port: int | str, family: str | None = None) -> str:
    """Silently drop ``proto``/``port`` (optionally only for ``ipv4``/``ipv6``)."""
    return f"{_family(family)}{proto} dport {port} drop"


def reject_admin(proto: str, port: int | str, family: str | None = None) -> str:
    """Reject with ICMP administratively-prohibited (3/13, ICMPv6 1/1)."""
    return f"{_family(family)}{proto} dport {port} reject with icmpx type admin-prohibited"


def reject_port_unreachable(proto: str, port: int | str, family: str | None = None) -> str:
    """Reject with ICMP port-unreachable sent by the firewall: looks 'closed' unless the sender is checked."""
    return f"{_family(family)}{proto} dport {port} reject with icmpx type port-unreachable"


def tcp_reset(port: int | str, family: str | None = None) -> str:
    """Answer TCP SYNs with a reset from the firewall."""
    return f"{_family(family)}tcp dport {port} reject with tcp reset"


def random_loss(percent: int, proto: str = "udp") -> str:
    """Drop ``percent`` % of ``proto`` packets at random (this kernel has no netem), in both directions."""
    if percent >= 100:
        return f"meta l4proto {proto} drop"
    return f"meta l4proto {proto} numgen random mod 100 < {percent} drop"


def _family(family: str | None) -> str:
    return "" if family is None else f"meta nfproto {family} "


def spoof_source(v4: str, v6: str) -> list[str]:
    """Output-chain rules that rewrite the source of the firewall's own ICMP unreachables to the target's
    address, so a reject looks as if the target itself had answered (only the hop distance gives it away)."""
    return [
        f"meta nfproto ipv4 icmp type destination-unreachable ip saddr set {v4}",
        f"meta nfproto ipv6 icmpv6 type destination-unreachable ip6 saddr set {v6}",
    ]


SCENARIOS: dict[str, list[str]] = {
    "open": [],
    "udp-drop": [drop("udp", 33001)],
    "udp-reject": [reject_admin("udp", 33001)],
    "udp-unreach": [reject_port_unreachable("udp", 33001)],
    "udp-spoof": [reject_port_unreachable("udp", 33001)],  # plus spoof_source() in the output chain
    "tcp-drop": [drop("tcp", 22), drop("tcp", 33001)],
    "tcp-reject": [reject_admin("tcp", 22), reject_admin("tcp", 33001)],
    "tcp33001-reject": [reject_admin("tcp", 33001)],
    "tcp-reset": [tcp_reset(22), tcp_reset(33001)],
    "tcp22-reset": [tcp_reset(22)],
    "ipv6-udp-drop": [drop("udp", 33001, "ipv6")],
}
"""Forward-chain rules of the perimeter firewall (hop 2) per scenario."""
