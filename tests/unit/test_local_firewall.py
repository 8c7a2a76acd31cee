"""This machine's own firewall: an ICMP error from one of its own addresses is its OUTPUT chain's reject,
unless the target is that address (a server on this machine answers from it itself)."""

from __future__ import annotations

from aspdiag.adapters.sockets import is_local_address, locally_refused
from aspdiag.core.model import Family
from aspdiag.measurements.reachability.result import AnswerKind, IcmpError, ProbeAnswer, refused_locally


def _unreachable(responder: str, code: int = 3) -> ProbeAnswer:
    icmp = IcmpError(Family.IPV4, 3, code, responder)
    return ProbeAnswer(64, AnswerKind.PORT_UNREACHABLE if code == 3 else AnswerKind.UNREACHABLE, responder, icmp)


def test_loopback_is_local_and_documentation_addresses_are_not():
    assert is_local_address("127.0.0.1")
    assert not is_local_address("198.51.100.77")


def test_an_icmp_error_from_this_machine_toward_another_target_is_its_own_firewall():
    got = locally_refused(_unreachable("127.0.0.1", 13), "198.18.3.2")
    assert got.kind is AnswerKind.LOCAL_ERROR and refused_locally(got.detail), got


def test_a_server_on_this_machine_answering_itself_is_not_a_firewall():
    """A held-out review: 'check 127.0.0.1' read 'this machine's own firewall blocks udp/33001' for the
    loopback server's own port-unreachable."""
    answer = _unreachable("127.0.0.1")
    assert locally_refused(answer, "127.0.0.1") is answer
    assert locally_refused(_unreachable("198.51.100.77"), "198.18.3.2").kind is AnswerKind.PORT_UNREACHABLE
