"""Renderers are pure functions of one Report; exit codes map from verdicts."""

import json

import pytest

from aspdiag.config import validate_host
from aspdiag.exit_codes import ExitCode, exit_code_for
from aspdiag.model import (
    CheckSettings,
    DnsOutcome,
    DnsQuery,
    DnsResult,
    Environment,
    Family,
    IcmpError,
    PortResult,
    PortState,
    Protocol,
    Report,
    RouteOutcome,
    RouteResult,
    Verdict,
)
from aspdiag.render import OutputFormat

V4, V6, FW = "198.18.3.2", "2001:db8:3::2", "198.18.2.2"


@pytest.fixture
def sample_report() -> Report:
    dns = DnsResult(
        name="fasp.lab.test",
        queries=(
            DnsQuery("A", DnsOutcome.RESOLVED, (V4,), ("fasp.lab.test", "aspera.lab.test"), "198.18.1.1", 2.5),
            DnsQuery("AAAA", DnsOutcome.RESOLVED, (V6,), ("fasp.lab.test", "aspera.lab.test"), "198.18.1.1", 2.7),
        ),
        configured_resolvers=("198.18.1.1",),
        lookup_ms=3.1,
        started_utc="2026-11-21T10:00:00.000Z",
    )
    ports = []
    for address in (V4, V6):
        ports.append(
            PortResult(
                address,
                Protocol.TCP,
                22,
                PortState.OPEN,
                rtts_ms=(0.4,),
                probes_sent=1,
                probes_answered=1,
                detail="TCP handshake completed (SYN-ACK)",
            )
        )
        ports.append(
            PortResult(
                address,
                Protocol.TCP,
                33001,
                PortState.OPEN,
                rtts_ms=(0.5,),
                probes_sent=1,
                probes_answered=1,
                detail="TCP handshake completed (SYN-ACK)",
            )
        )
    ports.append(
        PortResult(
            V4,
            Protocol.UDP,
            33001,
            PortState.REJECTED,
            rtts_ms=(0.3,),
            probes_sent=1,
            probes_answered=1,
            icmp=IcmpError(Family.IPV4, 3, 13, FW),
            detail="ICMP communication-administratively-prohibited | from firewall",
        )
    )
    ports.append(
        PortResult(
            V6,
            Protocol.UDP,
            33001,
            PortState.CLOSED,
            rtts_ms=(0.3,),
            probes_sent=1,
            probes_answered=1,
            icmp=IcmpError(Family.IPV6, 1, 4, V6),
            detail="path open",
        )
    )
    return Report(
        tool_version="0.1.0",
        target=validate_host("fasp.lab.test"),
        settings=CheckSettings((22, 33001), (33001,), 3.0, 5.0, command="aspdiag check fasp.lab.test"),
        environment=Environment("client", "Linux", "3.11", 0, True),
        started_utc="2026-11-21T10:00:00.000Z",
        finished_utc="2026-11-21T10:00:01.000Z",
        dns=dns,
        routes=(
            RouteResult(V4, RouteOutcome.OK, "198.18.1.2", "eth0", "198.18.1.1", 1500),
            RouteResult(V6, RouteOutcome.OK, "2001:db8:1::2", "eth0", "2001:db8:1::1", 1500),
        ),
        ports=tuple(ports),
    )


def test_json_view(sample_report):
    data = json.loads(OutputFormat.JSON.to_renderer()(sample_report))
    assert data["schema_version"] == "1"
    assert data["verdict"]["verdict"] == "degraded"
    assert data["dns"]["cname_chain"] == ["fasp.lab.test", "aspera.lab.test"]
    assert data["dns"]["answered_by"] == "198.18.1.1"
    v4 = data["addresses"][0]
    assert v4["address"] == V4 and v4["family"] == "ipv4"
    assert v4["route"]["interface_mtu_bytes"] == 1500
    udp = v4["ports"][-1]
    assert udp["state"] == "rejected" and udp["icmp"]["offender"] == FW
    assert udp["icmp"]["name"] == "communication-administratively-prohibited"
    assert udp["rtt_ms"] == 0.3


def test_verdict_for_sample_is_degraded_when_ipv4_blocked(sample_report):
    # IPv4 UDP rejected while IPv6 works: only a v6 path remains, ascp defaults to IPv4.
    assert sample_report.assessment.verdict is Verdict.DEGRADED


def test_markdown_has_verdict_tables_and_escapes_pipes(sample_report):
    text = OutputFormat.MARKDOWN.to_renderer()(sample_report)
    assert text.startswith("# aspdiag check: fasp.lab.test")
    assert "**Verdict: DEGRADED**" in text
    assert "| Address | Family | Source / interface | Gateway | TCP 22 | TCP 33001 | UDP 33001 |" in text
    assert "REJECTED by 198.18.2.2" in text
    assert "prohibited \\| from firewall" in text
    assert "```\naspdiag check fasp.lab.test\n```" in text


def test_terminal_plain_without_color(sample_report):
    text = OutputFormat.TERMINAL.to_renderer(color=False, width=120)(sample_report)
    assert "\x1b[" not in text
    assert "DEGRADED" in text and V4 in text and V6 in text
    colored = OutputFormat.TERMINAL.to_renderer(color=True, width=120)(sample_report)
    assert "\x1b[" in colored


def test_every_format_renders(sample_report):
    for fmt in OutputFormat:
        assert fmt.to_renderer()(sample_report).strip()


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("a.json", OutputFormat.JSON),
        ("A.MD", OutputFormat.MARKDOWN),
        ("x.markdown", OutputFormat.MARKDOWN),
        ("r.txt", OutputFormat.TERMINAL),
        ("r.html", None),
    ],
)
def test_format_from_suffix(name, fmt):
    assert OutputFormat.from_suffix(name) is fmt


@pytest.mark.parametrize(
    ("verdict", "code"),
    [
        (Verdict.READY, ExitCode.READY),
        (Verdict.DEGRADED, ExitCode.FINDINGS),
        (Verdict.BLOCKED, ExitCode.FINDINGS),
        (Verdict.CANNOT_TELL, ExitCode.FINDINGS),
    ],
)
def test_exit_codes(verdict, code):
    assert exit_code_for(verdict) is code


def test_terminal_survives_markup_in_dns_names(sample_report):
    from dataclasses import replace

    dns = sample_report.dns
    odd = replace(dns, queries=tuple(replace(q, cname_chain=("[/x].lab.test", "[bold]a")) for q in dns.queries))
    text = OutputFormat.TERMINAL.to_renderer()(replace(sample_report, dns=odd))
    assert "[/x].lab.test" in text
