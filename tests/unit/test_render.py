"""Renderers are pure functions of one Report; exit codes map from verdicts."""

import json

import pytest

from aspdiag.core.config import validate_host
from aspdiag.core.exit_codes import ExitCode, exit_code_for
from aspdiag.core.model import CheckSettings, Environment, Family, PortState, Protocol, Report, Verdict
from aspdiag.measurements.dns.result import DnsOutcome, DnsQuery, DnsResult
from aspdiag.measurements.reachability.result import (
    AnswerKind,
    Banner,
    BannerKind,
    HopRef,
    IcmpError,
    PortResult,
    ProbeAnswer,
)
from aspdiag.measurements.route.result import RouteOutcome, RouteResult
from aspdiag.render import OutputFormat
from tests.reports import make_report, revise

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
        for port, rtt in ((22, 0.4), (33001, 0.5)):
            ports.append(
                PortResult(
                    address,
                    Protocol.TCP,
                    port,
                    PortState.OPEN,
                    probes=(ProbeAnswer(64, AnswerKind.SYN_ACK, address, rtt_ms=rtt),),
                    hops_to_target=4,
                    last_responding_hop=HopRef(4, address),
                    detail="TCP handshake completed (SYN-ACK)",
                    banner=Banner(BannerKind.SSH, "SSH-2.0-OpenSSH_9.2p1"),
                )
            )
    reject = IcmpError(Family.IPV4, 3, 13, FW)
    ports.append(
        PortResult(
            V4,
            Protocol.UDP,
            33001,
            PortState.REJECTED,
            method="raw",
            probes=(ProbeAnswer(64, AnswerKind.UNREACHABLE, FW, reject, reply_ttl=63, rtt_ms=0.3),),
            trace=(
                ProbeAnswer(1, AnswerKind.TIME_EXCEEDED, "198.18.1.1", IcmpError(Family.IPV4, 11, 0, "198.18.1.1"), 64),
                ProbeAnswer(2, AnswerKind.TIME_EXCEEDED, FW, IcmpError(Family.IPV4, 11, 0, FW), 63),
                ProbeAnswer(3, AnswerKind.UNREACHABLE, FW, reject, 63),
            ),
            hops_to_target=4,
            last_responding_hop=HopRef(2, FW),
            blocked_at=HopRef(2, FW),
            location=f"rejected at hop 2 ({FW})",
            detail="ICMP communication-administratively-prohibited | from firewall",
        )
    )
    ports.append(
        PortResult(
            V6,
            Protocol.UDP,
            33001,
            PortState.CLOSED,
            probes=(ProbeAnswer(64, AnswerKind.PORT_UNREACHABLE, V6, IcmpError(Family.IPV6, 1, 4, V6), 61, 0.3),),
            hops_to_target=4,
            detail="path open",
        )
    )
    return make_report(
        tool_version="0.1.0",
        target=validate_host("fasp.lab.test"),
        settings=CheckSettings((22, 33001), (33001,), 3.0, 5.0),
        command="aspdiag check fasp.lab.test",
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
    assert data["schema_version"] == "2"  # issue #13 added verdicts, port states and audiences
    assert data["verdict"]["verdict"] == "degraded"
    assert data["dns"]["cname_chain"] == ["fasp.lab.test", "aspera.lab.test"]
    assert data["dns"]["answered_by"] == "198.18.1.1"
    v4 = data["addresses"][0]
    assert v4["address"] == V4 and v4["family"] == "ipv4"
    assert v4["route"]["interface_mtu_bytes"] == 1500
    udp = next(r for r in data["reachability"] if r["address"] == V4 and r["protocol"] == "udp")
    for key in (
        "address",
        "family",
        "protocol",
        "port",
        "state",
        "last_responding_hop",
        "blocked_at",
        "hops_to_target",
        "icmp",
        "method",
        "evidence",
    ):
        assert key in udp
    assert udp["state"] == "rejected" and udp["icmp"]["offender"] == FW
    assert udp["icmp"]["name"] == "communication-administratively-prohibited"
    assert udp["blocked_at"] == {"hop": 2, "address": FW}
    assert udp["hops_to_target"] == 4 and udp["method"] == "raw"
    assert udp["evidence"]["rtt_ms"] == 0.3 and udp["evidence"]["reply_ttl"] == 63
    assert [h["ttl"] for h in udp["evidence"]["trace"]] == [1, 2, 3]
    assert data["reachability"][0]["banner"]["kind"] == "ssh"


def test_verdict_for_sample_is_degraded_when_ipv4_blocked(sample_report):
    # IPv4 UDP rejected while IPv6 works: only a v6 path remains, ascp defaults to IPv4.
    assert sample_report.assessment.verdict is Verdict.DEGRADED


def test_markdown_has_verdict_tables_and_escapes_pipes(sample_report):
    text = OutputFormat.MARKDOWN.to_renderer()(sample_report)
    assert text.startswith("# aspdiag check: fasp.lab.test")
    assert "**Verdict: DEGRADED**" in text
    assert "| Address | Family | Source / interface | Gateway | TCP 22 | TCP 33001 | UDP 33001 |" in text
    assert "REJECTED at hop 2 (198.18.2.2)" in text
    assert "2 198.18.2.2 ttl-exceeded ttl=63; 3 198.18.2.2 communication-administratively-prohibited" in text
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
        ("r.html", OutputFormat.HTML),
        ("r.pdf", None),
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
        (Verdict.CANNOT_TELL, ExitCode.CANNOT_TELL),  # issue #13: unproven states have their own codes
        (Verdict.UNCONFIRMED, ExitCode.UNCONFIRMED),
    ],
)
def test_exit_codes(verdict, code):
    assert exit_code_for(verdict) is code


def test_terminal_survives_markup_in_dns_names(sample_report):
    from dataclasses import replace

    dns = sample_report.dns
    odd = replace(dns, queries=tuple(replace(q, cname_chain=("[/x].lab.test", "[bold]a")) for q in dns.queries))
    text = OutputFormat.TERMINAL.to_renderer()(revise(sample_report, dns=odd))
    assert "[/x].lab.test" in text


def test_json_round_trip(sample_report, tmp_path):
    from aspdiag.report.codec import load_report, report_to_dict

    path = tmp_path / "r.json"
    path.write_text(OutputFormat.JSON.to_renderer()(sample_report))
    again = load_report(path)
    assert report_to_dict(again) == report_to_dict(sample_report)
    assert again.assessment == sample_report.assessment


def test_change_request_rows_only_for_what_is_blocked(sample_report):
    data = json.loads(OutputFormat.JSON.to_renderer()(sample_report))
    rows = data["change_request"]
    assert [(r["destination_address"], r["protocol"], r["ports"]) for r in rows] == [(V4, "udp", "33001")]
    row = rows[0]
    assert row["destination_name"] == "fasp.lab.test" and row["action"] == "allow"
    assert row["source_address"] == "198.18.1.2" and row["expires"] == "2026-12-21"
    assert "hop 2" in row["evidence"] and "raw" in row["evidence"]
    assert data["recommendations"]["ascp_command"].startswith("ascp -P 33001 -O 33001 -l 100m -k 1 ")


@pytest.mark.parametrize(
    ("source", "nat"),
    [
        ("10.1.2.3", True),
        ("192.168.0.5", True),
        ("172.20.0.1", True),
        ("100.64.1.1", True),
        ("fd00::5", True),
        ("198.18.1.2", False),
        ("2001:db8:1::2", False),
        ("130.88.1.1", False),
    ],
)
def test_nat_note(source, nat):
    from aspdiag.engine.advice import nat_note

    assert bool(nat_note(source)) is nat
