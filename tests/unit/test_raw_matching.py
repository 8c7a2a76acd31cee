"""ScapyProber's matching of answers to probes, on packets built offline (nothing is sent)."""

import struct

import pytest

from aspdiag.adapters.raw import SEQ_STEP, ScapyProber
from aspdiag.adapters.sockets import PAYLOAD_PREFIX
from aspdiag.core.model import Protocol
from aspdiag.measurements.reachability.result import AnswerKind


@pytest.fixture(scope="module")
def prober():
    return ScapyProber()


def test_udp_time_exceeded_is_matched_by_payload(prober):
    s = prober._scapy
    quoted = s.IPerror(src="198.18.1.2", dst="198.18.3.2", id=500, ttl=1) / s.UDPerror(sport=40000, dport=33001)
    pkt = (
        s.IP(src="198.18.2.2", dst="198.18.1.2", ttl=63)
        / s.ICMP(type=11, code=0)
        / quoted
        / s.Raw(PAYLOAD_PREFIX + struct.pack("!I", 3))
    )
    pkt = s.IP(bytes(pkt))
    assert prober._index(pkt, False, Protocol.UDP, 100, 0, 8) == 3
    answer = prober._answer(pkt, 4, "198.18.3.2", False, float(pkt.time), "t")
    assert (answer.kind, answer.responder, answer.reply_ttl, answer.icmp.name) == (
        AnswerKind.TIME_EXCEEDED,
        "198.18.2.2",
        63,
        "ttl-exceeded",
    )


def test_udp_error_with_rfc792_quote_falls_back_to_ip_id(prober):
    s = prober._scapy
    quoted = s.IPerror(src="198.18.1.2", dst="198.18.3.2", id=105, ttl=1) / s.UDPerror(sport=40000, dport=33001)
    pkt = s.IP(bytes(s.IP(src="198.18.2.2", dst="198.18.1.2") / s.ICMP(type=11, code=0) / quoted))
    assert prober._index(pkt, False, Protocol.UDP, 100, 0, 8) == 5


def test_tcp_answers_matched_by_sequence_and_ack(prober):
    s = prober._scapy
    base = 1_000_000
    synack = s.IP(
        bytes(
            s.IP(src="198.18.3.2", dst="198.18.1.2", ttl=61)
            / s.TCP(sport=22, dport=40000, flags="SA", ack=base + 2 * SEQ_STEP + 1)
        )
    )
    assert prober._index(synack, False, Protocol.TCP, 0, base, 8) == 2
    assert prober._answer(synack, 3, "198.18.3.2", False, float(synack.time), "t").kind is AnswerKind.SYN_ACK
    quoted = s.IPerror(src="198.18.1.2", dst="198.18.3.2") / s.TCPerror(sport=40000, dport=22, seq=base + 5 * SEQ_STEP)
    error = s.IP(bytes(s.IP(src="198.18.2.2", dst="198.18.1.2") / s.ICMP(type=3, code=13) / quoted))
    assert prober._index(error, False, Protocol.TCP, 0, base, 8) == 5
    assert prober._answer(error, 6, "198.18.3.2", False, float(error.time), "t").kind is AnswerKind.UNREACHABLE


def test_ipv6_time_exceeded_matched_by_payload(prober):
    s = prober._scapy
    quoted = s.IPerror6(src="2001:db8:1::2", dst="2001:db8:3::2", hlim=1) / s.UDPerror(sport=40000, dport=33001)
    pkt = (
        s.IPv6(src="2001:db8:2::2", dst="2001:db8:1::2", hlim=63)
        / s.ICMPv6TimeExceeded()
        / quoted
        / s.Raw(PAYLOAD_PREFIX + struct.pack("!I", 1))
    )
    pkt = s.IPv6(bytes(pkt))
    assert prober._index(pkt, True, Protocol.UDP, 0, 0, 4) == 1
    answer = prober._answer(pkt, 2, "2001:db8:3::2", True, float(pkt.time), "t")
    assert (answer.kind, answer.reply_ttl, answer.icmp.name) == (AnswerKind.TIME_EXCEEDED, 63, "hop-limit-exceeded")
