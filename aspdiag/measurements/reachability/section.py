"""How reachability shows in a report: short cell texts, the evidence table, hop lists and, for HTML, a
per-hop RTT chart with the places where ports stop."""

from __future__ import annotations

from html import escape

from aspdiag.core.measurement import Block, Cell, Chart, Items, Line, Section, Table
from aspdiag.core.model import PortState, Protocol, Report
from aspdiag.core.units import port_ranges
from aspdiag.measurements.reachability.result import AnswerKind, BannerKind, PortResult, ProbeAnswer

STATE_TEXT = {
    PortState.OPEN: "open",
    PortState.CLOSED: "closed",
    PortState.REJECTED: "REJECTED",
    PortState.DROPPED: "DROPPED",
    PortState.SERVER_SILENT: "silent at the server",
    PortState.SILENT: "no answer",
    PortState.INTERCEPTED: "INTERCEPTED",
    PortState.ERROR: "error",
}
STATE_TONE = {
    PortState.OPEN: "ok",
    PortState.CLOSED: "warn",
    PortState.REJECTED: "bad",
    PortState.DROPPED: "bad",
    PortState.SERVER_SILENT: "warn",
    PortState.SILENT: "warn",
    PortState.INTERCEPTED: "bad",
    PortState.ERROR: "error",
}


def port_cell(result: PortResult | None, with_rtt: bool = True) -> str:
    """Short text for one port in the summary table (``with_rtt=False``: without its round-trip time, to tell
    whether neighbouring ports read the same)."""
    if result is None:
        return "not tested"
    text = STATE_TEXT[result.state]
    if result.protocol is Protocol.UDP and result.state is PortState.CLOSED:
        text = "path open (target: port-unreachable)"
    elif result.state is PortState.REJECTED and result.no_route:
        text = "NO ROUTE" + result.location.removeprefix("no route")
    elif result.state is PortState.REJECTED and result.blocked_at is not None:
        hop = result.blocked_at
        text += f" at hop {hop.hop}" + (f" ({hop.address})" if hop.address else "")
    elif result.state is PortState.DROPPED and result.last_responding_hop is not None:
        # Say where it was last seen, not the first silent hop: that device may never have seen it.
        hop = result.last_responding_hop
        text += f" after hop {hop.hop}" + (f" ({hop.address})" if hop.address else "")
    elif result.state is PortState.SERVER_SILENT and result.last_responding_hop is not None:
        text += f" (passes hop {result.last_responding_hop.hop}; busy or filtered)"
    elif result.state is PortState.SILENT:
        seen = result.last_responding_hop
        text += f"; cannot see past hop {seen.hop}" if seen else "; nothing answers"
    elif result.state is PortState.INTERCEPTED and result.blocked_at is not None:
        text += f" by hop {result.blocked_at.hop}" + (
            f" ({result.blocked_at.address})" if result.blocked_at.address else ""
        )
    if with_rtt and result.rtt_ms is not None and result.state in (PortState.OPEN, PortState.CLOSED):
        text += f" {result.rtt_ms:.2f} ms"
    if result.banner is not None and result.banner.kind is not BannerKind.SSH:
        text += f"; not SSH ({result.banner.kind.value})"
    return text


def port_tone(result: PortResult | None) -> str:
    """The colour of a port's cell: a path that is open is good whatever the state's name."""
    if result is None:
        return ""
    return "ok" if result.path_open else STATE_TONE[result.state]


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


def icmp_cell(result: PortResult) -> str:
    """``3/13 communication-administratively-prohibited`` or '-'."""
    if result.icmp is None:
        return "-"
    return f"{result.icmp.type}/{result.icmp.code} {result.icmp.name}"


EVIDENCE_HEADER = (
    "Address",
    "Port",
    "State",
    "Where",
    "ICMP",
    "Offender",
    "Reply TTL",
    "Hops to target",
    "Method",
    "Sent / answered",
    "RTT ms",
    "Banner",
    "Time (UTC)",
    "Detail",
)


def _evidence_row(p: PortResult) -> tuple[Cell, ...]:
    return (
        Cell(p.address),
        Cell(p.label),
        Cell(p.state.value, port_tone(p)),
        Cell(p.location or "-"),
        Cell(icmp_cell(p)),
        Cell(p.icmp.offender if p.icmp and p.icmp.offender else "-"),
        Cell(reply_ttl_cell(p)),
        Cell(str(p.hops_to_target) if p.hops_to_target else "-"),
        Cell(p.method),
        Cell(f"{p.probes_sent}/{p.probes_answered}"),
        Cell(f"{p.rtt_ms:.2f}" if p.rtt_ms is not None else "-"),
        Cell(banner_cell(p)),
        Cell(p.started_utc or "-"),
        Cell(p.detail + (f". Evidence: {p.control.meaning}" if p.control else "")),
    )


def _notes(address: str, ports: tuple[PortResult, ...]) -> list[Line]:
    """Terminal lines under the overview for the ports a reader must look at; neighbouring ports with the
    same evidence share their lines (``udp/33001-33010``)."""
    from aspdiag.measurements.reachability import port_groups  # the package imports this module

    lines = []
    for numbers, run in port_groups(ports):
        p = run[0]
        not_ssh = p.banner is not None and p.banner.kind is not BannerKind.SSH
        noteworthy = (PortState.REJECTED, PortState.DROPPED, PortState.SERVER_SILENT, PortState.SILENT)
        if p.state in noteworthy or p.state is PortState.INTERCEPTED or not_ssh:
            lines.append(Line(p.location or p.detail, bold_prefix=f"  {p.protocol}/{numbers} {address}: "))
            traces = {trace_text(r) for r in run}
            lines.append(Line(f"    hops: {trace_text(p)}" + ("" if len(traces) == 1 else " (first port)"), dim=True))
            if p.control is not None:
                lines.append(Line(f"    evidence: {p.control.meaning}", dim=True))
                if p.control.neighbour_port is not None:
                    lines.append(Line(f"    UDP {p.control.neighbour_port}: {p.control.neighbour_answer}", dim=True))
            if not_ssh:
                lines.append(Line(f"    banner: {banner_cell(p)}", dim=True))
    return lines


def path_chart(address: str, ports: tuple[PortResult, ...]) -> str:
    """Per-hop RTT along the path to one address (inline SVG), with the points where ports stop in red."""
    hops: dict[int, tuple[str | None, float | None]] = {}
    for result in ports:
        for answer in result.trace:
            if answer.kind is AnswerKind.TIME_EXCEEDED:
                known = hops.get(answer.ttl)
                rtt = answer.rtt_ms if known is None or known[1] is None else min(known[1], answer.rtt_ms or known[1])
                hops[answer.ttl] = (answer.responder, rtt)
    target_hop = next((r.hops_to_target for r in ports if r.hops_to_target), None)
    if target_hop:
        rtts = [r.rtt_ms for r in ports if r.rtt_ms is not None and r.path_open]
        hops[target_hop] = (address, min(rtts) if rtts else None)
    stopped: dict[tuple[int, Protocol], list[int]] = {}
    for r in ports:
        if r.blocked_at is not None and not r.path_open:
            stopped.setdefault((r.blocked_at.hop, r.protocol), []).append(r.port)
    # One mark per hop and protocol, ports as ranges: ten stopped ports are one label, not ten.
    stops = [(hop, f"{protocol}/{port_ranges(numbers)}") for (hop, protocol), numbers in stopped.items()]
    if not hops and not stops:
        return ""
    last = max([*hops, *(hop for hop, _ in stops)])
    width, height, left, right, top, bottom = 760, 210, 50, 20, 20, 60
    max_rtt = max([rtt for _, rtt in hops.values() if rtt is not None] + [1.0])
    step = (width - left - right) / max(last, 1)

    def x(hop: int) -> float:
        return left + step * (hop - 0.5)

    def y(rtt: float) -> float:
        return top + (height - top - bottom) * (1 - rtt / (max_rtt * 1.15))

    def e(value: object) -> str:
        return escape(str(value), quote=True)

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="RTT per hop toward {e(address)}">',
        f'<line x1="{left}" y1="{height - bottom}" x2="{width - right}" y2="{height - bottom}" stroke="#57606a"/>',
        f'<line x1="{left}" y1="{top}" x2="{left}" y2="{height - bottom}" stroke="#57606a"/>',
        f'<text x="6" y="{top + 4}" font-size="10" fill="#57606a">{max_rtt * 1.15:.2f} ms</text>',
        f'<text x="6" y="{height - bottom}" font-size="10" fill="#57606a">0</text>',
    ]
    points = [(hop, rtt) for hop, (_, rtt) in sorted(hops.items()) if rtt is not None]
    if len(points) > 1:
        path = " ".join(f"{x(h):.1f},{y(r):.1f}" for h, r in points)
        parts.append(f'<polyline points="{path}" fill="none" stroke="#0969da" stroke-width="2"/>')
    for hop in range(1, last + 1):
        responder, rtt = hops.get(hop, (None, None))
        cx = x(hop)
        label = "target" if hop == target_hop else (responder or "*")
        parts.append(f'<text x="{cx:.1f}" y="{height - bottom + 14}" font-size="10" text-anchor="middle">{hop}</text>')
        parts.append(
            f'<text x="{cx:.1f}" y="{height - bottom + 27}" font-size="9" text-anchor="middle" fill="#57606a">'
            f"{e(label)}</text>"
        )
        if rtt is not None:
            parts.append(f'<circle cx="{cx:.1f}" cy="{y(rtt):.1f}" r="4" fill="#0969da"/>')
    for index, (hop, label) in enumerate(sorted(set(stops))):
        cx = x(hop)
        cy = top + 12 + 14 * index
        parts.append(
            f'<line x1="{cx - 6:.1f}" y1="{cy - 6}" x2="{cx + 6:.1f}" y2="{cy + 6}" stroke="#cf222e" stroke-width="3"/>'
        )
        parts.append(
            f'<line x1="{cx - 6:.1f}" y1="{cy + 6}" x2="{cx + 6:.1f}" y2="{cy - 6}" stroke="#cf222e" stroke-width="3"/>'
        )
        parts.append(f'<text x="{cx + 10:.1f}" y="{cy + 4}" font-size="11" fill="#cf222e">{e(label)} stops</text>')
    parts.append(
        f'<text x="{left}" y="{height - 8}" font-size="10" fill="#57606a">hop (router address below); '
        "blue: round-trip time of the hop's answer; red X: where a port's traffic stops</text>"
    )
    parts.append("</svg>")
    return "".join(parts)


def reachability_section(report: Report, by_address: dict[str, tuple[PortResult, ...]]) -> Section | None:
    """The evidence per port (documents) and the notes on blocked ports (terminal)."""
    if not report.addresses:
        return None
    rows = tuple(_evidence_row(p) for address in report.addresses for p in by_address.get(address, ()))
    hop_lists = tuple(
        f"`{address}` {p.label}: {trace_text(p)}" for address in report.addresses for p in by_address.get(address, ())
    )
    charts = tuple(
        Chart(f"Path to {address}", chart)
        for address in report.addresses
        if (chart := path_chart(address, by_address.get(address, ())))
    )
    terminal: list[Line | Table] = []
    for address in report.addresses:
        terminal += _notes(address, by_address.get(address, ()))
    terminal.append(Line(f"probe method: {report.settings.method}", dim=True))
    blocks: tuple[Block, ...] = (
        *charts,
        Table(EVIDENCE_HEADER, rows, "evidence-table"),
        Items(hop_lists, "Hop lists (TTL-limited probes on the same 5-tuple; * = no answer)"),
    )
    return Section("reachability", f"Port evidence (method: {report.settings.method})", blocks, tuple(terminal))
