"""DnspythonResolver against a scripted DNS server on loopback: every DNS outcome the report names."""

import pytest

from aspdiag.adapters.resolver import DnspythonResolver
from aspdiag.core.config import validate_host
from aspdiag.measurements.dns.probe import DnsProbe
from aspdiag.measurements.dns.result import DnsOutcome
from tests.fakedns import FakeDnsServer, Zone
from tests.fakes import fake_context

ZONE = Zone(
    records={
        "aspera.example.test": {"A": ["198.18.3.2"], "AAAA": ["2001:db8:3::2"]},
        "multi.example.test": {"A": ["198.18.3.2", "198.18.4.2"]},
        "txtonly.example.test": {"TXT": ['"hello"']},
    },
    cnames={"fasp.example.test": "mid.example.test", "mid.example.test": "aspera.example.test"},
    behaviours={"broken.example.test": "servfail", "refusing.example.test": "refused", "silent.example.test": "drop"},
)


@pytest.fixture(scope="module")
def server():
    with FakeDnsServer(ZONE) as srv:
        yield srv


def lookup(server, name, timeout_s=2.0):
    resolver = DnspythonResolver((server.address,))
    return DnsProbe(validate_host(name), timeout_s).run(fake_context(resolver=resolver))  # type: ignore[arg-type]


def test_a_and_aaaa(server):
    result = lookup(server, "aspera.example.test")
    assert result.outcome is DnsOutcome.RESOLVED
    assert result.addresses == ("198.18.3.2", "2001:db8:3::2")
    assert result.nameserver == server.address.replace(":", "@")
    assert result.lookup_ms > 0
    assert result.configured_resolvers == (server.address.replace(":", "@"),)


def test_cname_chain(server):
    result = lookup(server, "fasp.example.test")
    assert result.cname_chain == ("fasp.example.test", "mid.example.test", "aspera.example.test")
    assert result.addresses == ("198.18.3.2", "2001:db8:3::2")


def test_two_a_records_only_ipv4(server):
    result = lookup(server, "multi.example.test")
    assert sorted(result.addresses) == ["198.18.3.2", "198.18.4.2"]
    assert {q.rdtype: q.outcome for q in result.queries}["AAAA"] is DnsOutcome.NO_ANSWER


@pytest.mark.parametrize(
    ("name", "outcome", "words"),
    [
        ("nosuch.example.test", DnsOutcome.NXDOMAIN, "NXDOMAIN"),
        ("txtonly.example.test", DnsOutcome.NO_ANSWER, "no A record"),
        ("broken.example.test", DnsOutcome.SERVFAIL, "SERVFAIL"),
        ("refusing.example.test", DnsOutcome.SERVFAIL, "REFUSED"),
    ],
)
def test_failures(server, name, outcome, words):
    result = lookup(server, name)
    assert result.outcome is outcome
    assert result.addresses == ()
    assert words in result.detail


def test_timeout(server):
    result = lookup(server, "silent.example.test", timeout_s=0.6)
    assert result.outcome is DnsOutcome.TIMEOUT
    assert "no DNS server answered within 0.6 s" in result.detail
