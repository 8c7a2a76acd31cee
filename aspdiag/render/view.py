"""Presentation helpers shared by the renderers: short cell texts derived from the Report."""

from __future__ import annotations

from aspdiag.model import (
    AnswerKind,
    BannerKind,
    DnsResult,
    PortResult,
    PortState,
    ProbeAnswer,
    Protocol,
    Report,
    RouteOutcome,
    RouteResult,
)

STATE_TEXT = {
    PortState.OPEN: "open",
    PortState.CLOSED: "closed",
    PortState.REJECTED: "REJECTED",
    PortState.DROPPED: "DROPPED",
    PortState.ERROR: "error",
}


def port_cell(result: PortResult | None) -> str:
    """Short text for one port in the summary table."""
    if result is None:
        return "not tested"
    text = STATE_TEXT[result.state]
    if result.protocol is Protocol.UDP and result.state is PortState.CLOSED:
        text = "path open (target: port-unreachable)"
    elif result.state is PortState.REJECTED and result.blocked_at is not None:
        hop = result.blocked_at
        text += f" at hop {hop.hop}" + (f" ({hop.address})" if hop.address else "")
    elif result.state is PortState.DROPPED and result.last_responding_hop is not None:
        # Say where it was last seen, not the first silent hop: that device may never have seen it.
        hop = result.last_responding_hop
        text += f" after hop {hop.hop}" + (f" ({hop.address})" if hop.address else "")
    if result.rtt_ms is not None and result.state in (PortState.OPEN, PortState.CLOSED):
        text += f" {result.rtt_ms:.2f} ms"
    if result.banner is not None and result.banner.kind is not BannerKind.SSH:
        text += f"; not SSH ({result.banner.kind.value})"
    return text


def answer_text(answer: ProbeAnswer) -> str:
    """``3 198.18.5.2 time-exceeded`` style text for one probe of a trace."""
    if not answer.answered:
        return f"{answer.ttl} *" if answer.kind is AnswerKind.SILENT else f"{answer.ttl} {answer.detail or 'error'}"
    what = answer.icmp.name if answer.icmp else answer.kind.value.replace("_", "-")
    ttl = f" ttl={answer.reply_ttl}" if answer.reply_ttl is not None else ""
    return f"{answer.ttl} {answer.responder or '?'} {what}{ttl}"


def trace_text(result: PortResult) -> str:
    """The hop list of a port's trace on one line."""
    return "; ".join(answer_text(a) for a in result.trace) or "-"


def reply_ttl_cell(result: PortResult) -> str:
    """``61 (4 hops)`` for the deciding answer, or '-'."""
    answer = result.answer
    if answer is None or answer.reply_ttl is None:
        return "-"
    return f"{answer.reply_ttl} ({answer.reply_hops} hops)"


def banner_cell(result: PortResult) -> str:
    """What the service said first, for open TCP ports."""
    if result.banner is None:
        return "-"
    return f"{result.banner.kind.value}: {result.banner.text}" if result.banner.text else result.banner.kind.value


def route_cell(route: RouteResult | None) -> str:
    """``198.18.1.2 via eth0 (MTU 1500)`` style text."""
    if route is None:
        return "not measured"
    if route.outcome is not RouteOutcome.OK:
        return f"{route.outcome.value}: {route.detail}"
    parts = [route.source_address or "?"]
    if route.interface:
        parts.append(f"on {route.interface}")
    mtu = route.route_mtu_bytes or route.interface_mtu_bytes
    if mtu:
        parts.append(f"(MTU {mtu})")
    return " ".join(parts)


def gateway_cell(route: RouteResult | None) -> str:
    """Next hop or 'direct'."""
    if route is None or route.outcome is not RouteOutcome.OK:
        return "-"
    return route.gateway or "direct"


def port_columns(report: Report) -> list[tuple[Protocol, int]]:
    """The (protocol, port) columns of the summary table, TCP first."""
    return [(Protocol.TCP, p) for p in report.settings.tcp_ports] + [
        (Protocol.UDP, p) for p in report.settings.udp_ports
    ]


def find_port(report: Report, address: str, protocol: Protocol, port: int) -> PortResult | None:
    """The result for one address/protocol/port."""
    return next(
        (p for p in report.ports if p.address == address and p.protocol is protocol and p.port == port),
        None,
    )


def dns_lines(dns: DnsResult | None) -> list[tuple[str, str]]:
    """Label/value rows describing the DNS lookup."""
    if dns is None:
        return [("DNS", "not finished")]
    if dns.literal:
        return [("DNS", "skipped: the target is an IP address")]
    rows = [("DNS outcome", dns.outcome.value)]
    ipv4 = [a for q in dns.queries if q.rdtype == "A" for a in q.addresses]
    ipv6 = [a for q in dns.queries if q.rdtype == "AAAA" for a in q.addresses]
    rows.append(
        (
            "IPv4 (A)",
            ", ".join(ipv4) or next((q.outcome.value for q in dns.queries if q.rdtype == "A"), "-"),
        )
    )
    rows.append(
        (
            "IPv6 (AAAA)",
            ", ".join(ipv6) or next((q.outcome.value for q in dns.queries if q.rdtype == "AAAA"), "-"),
        )
    )
    if dns.cname_chain:
        rows.append(("CNAME chain", " → ".join(dns.cname_chain)))
    rows.append(("Answered by", dns.nameserver or "no resolver answered"))
    if dns.configured_resolvers:
        rows.append(("Resolvers", ", ".join(dns.configured_resolvers)))
    rows.append(("Lookup time", f"{dns.lookup_ms:.1f} ms"))
    if dns.detail:
        rows.append(("Detail", dns.detail))
    return rows


def icmp_cell(result: PortResult) -> str:
    """``3/13 communication-administratively-prohibited`` or '-'."""
    if result.icmp is None:
        return "-"
    return f"{result.icmp.type}/{result.icmp.code} {result.icmp.name}"


def _ms(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f} ms"


def _duration(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    s = int(round(seconds))
    days, rem = divmod(s, 86400)
    hours, rem = divmod(rem, 3600)
    minutes = rem // 60
    if days:
        return f"{days} d {hours} h"
    if hours:
        return f"{hours} h {minutes} min"
    return f"{minutes} min {rem % 60} s" if minutes else f"{s} s"


PATH_HEADER = ["Address", "RTT min / median / p95", "Jitter", "Loss", "Path MTU", "-Z", "How it was found"]


def path_rows(report: Report) -> list[list[str]]:
    """One row per address measured with ``--path``."""
    from aspdiag.advice import z_advice

    rows = []
    for p in report.paths:
        rtt = (
            f"{_ms(p.rtt_min_ms)} / {_ms(p.rtt_median_ms)} / {_ms(p.rtt_p95_ms)} (TCP {p.rtt_port}, n={p.rtt_samples})"
            if p.rtt_port is not None
            else "-"
        )
        loss = f"{p.loss_pct:g}%" if p.loss_pct is not None else "-"
        mtu = (
            f"{p.path_mtu_bytes} bytes (UDP payload {p.max_fasp_datagram_bytes})" if p.path_mtu_bytes else p.mtu_status
        )
        if p.black_hole:
            mtu += " — BLACK HOLE"
        rows.append([p.address, rtt, _ms(p.jitter_ms), loss, mtu, z_advice(p), p.detail])
    return rows


CAPACITY_HEADER = ["Address", "Sustained", "Burst", "Shaper", "Confidence", "Probe traffic", "How it was found"]


CAPACITY_CANNOT_TELL = {
    "rate-limited": "cannot tell (ICMP rate-limited)",
    "no-answers": "cannot tell (no answers)",
    "skipped": "not measured",
}


def _rate(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f} Mbit/s"


def capacity_rows(report: Report) -> list[list[str]]:
    """One row per address measured with ``--capacity``."""
    rows = []
    for c in report.capacities:
        if c.status == "ok":
            sustained = _rate(c.sustained_mbps)
        elif c.status == "lower-bound":
            sustained = f"≥ {_rate(c.sustained_mbps)} (probe pace)"
        else:
            sustained = {
                "rate-limited": "cannot tell (ICMP rate-limited)",
                "no-answers": "cannot tell (no answers)",
            }.get(c.status, c.status)
        burst = _rate(c.burst_mbps) if c.burst_mbps is not None else "-"
        shaper = f"suspected (bucket ≈ {c.burst_bytes:,} bytes)" if c.shaper_suspected and c.burst_bytes else "no"
        if c.status not in ("ok", "lower-bound"):
            shaper = "-"
        traffic = (
            f"{c.probe_bytes:,} bytes, {c.sent_packets} packets of {c.packet_bytes or '-'} "
            f"({c.answered_packets} answered) in {c.duration_s:g} s, {c.method}"
            f"{'' if c.port is None else f' port {c.port}'}, pace ≤ {c.probe_rate_cap_mbps:g} Mbit/s"
        )
        rows.append([c.address, sustained, burst, shaper, c.confidence, traffic, c.detail])
    return rows


RESPONDER_HEADER = ["Address", "Port", "UDP two-way", "TCP two-way", "Up (client → server)", "Down", "Notes"]


def _yes_no(value: bool | None, rtt_ms: float | None) -> str:
    if value is None:
        return "not tested"
    return f"yes ({_ms(rtt_ms)})" if value else "NO"


def _direction(rate: float | None, loss: float | None, jitter: float | None, reordered: int | None) -> str:
    if rate is None:
        return "-"
    parts = [_rate(rate)]
    if loss is not None:
        parts.append(f"loss {loss:g}%")
    if jitter is not None:
        parts.append(f"jitter {_ms(jitter)}")
    if reordered:
        parts.append(f"{reordered} reordered")
    return ", ".join(parts)


def responder_rows(report: Report) -> list[list[str]]:
    """One row per address tested against ``aspdiag responder``."""
    rows = []
    for r in report.responders:
        up = _direction(r.up_rate_mbps, r.up_loss_pct, r.up_jitter_ms, r.up_reordered_packets)
        down = _direction(r.down_rate_mbps, r.down_loss_pct, r.down_jitter_ms, r.down_reordered_packets)
        notes = f"{r.status}; test rate granted {r.rate_cap_mbps:g} Mbit/s" + (f"; {r.detail}" if r.detail else "")
        rows.append(
            [
                r.address,
                str(r.port),
                _yes_no(r.udp_two_way, r.udp_rtt_ms),
                _yes_no(r.tcp_two_way, r.tcp_rtt_ms),
                up,
                down,
                notes,
            ]
        )
    return rows


def estimate_rows(report: Report) -> list[list[str]]:
    """The transfer-time estimate for ``--dataset-size``, as (what, rate, duration) rows."""
    e = report.estimate
    if e is None:
        return []
    rows = [["at the politeness cap", f"{e.cap_mbps:g} Mbit/s", _duration(e.at_cap_s)]]
    if e.measured_mbps is not None:
        rows.append([f"at the measured rate ({e.measured_from})", _rate(e.measured_mbps), _duration(e.at_measured_s)])
    tcp = _rate(e.tcp_single_stream_mbps)
    rows.append(
        [
            f"one TCP stream: Mathis bound and 6 MiB window (RTT {_ms(e.rtt_ms)}; {e.loss_basis})",
            tcp,
            _duration(e.at_tcp_s),
        ]
    )
    return rows
