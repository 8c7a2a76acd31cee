"""Self-contained HTML renderer: inline CSS and inline SVG, no scripts, fonts or images; prints on A4.

The verdict and the firewall change request come first, so that the first screen (and the first printed
page) is what a perimeter team needs.
"""

from __future__ import annotations

from html import escape

from aspdiag.advice import CHANGE_REQUEST_COLUMNS, ascp_command, change_request, checklist
from aspdiag.model import AnswerKind, Family, PortResult, PortState, Report, Severity
from aspdiag.render.view import (
    banner_cell,
    dns_lines,
    find_port,
    gateway_cell,
    icmp_cell,
    port_cell,
    port_columns,
    reply_ttl_cell,
    route_cell,
    trace_text,
)

CSS = """
@page { size: A4; margin: 14mm; }
* { box-sizing: border-box; }
body { font-family: -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1b1f24;
       margin: 0 auto; max-width: 1180px; padding: 16px 20px; font-size: 14px; line-height: 1.4; }
h1 { font-size: 20px; margin: 0 0 4px; }
h2 { font-size: 16px; margin: 22px 0 8px; border-bottom: 1px solid #d0d7de; padding-bottom: 3px; }
header.verdict { border-radius: 6px; padding: 12px 16px; color: #fff; }
.v-ready { background: #1a7f37; } .v-degraded { background: #9a6700; } .v-blocked { background: #cf222e; }
.v-cannot-tell { background: #6e40c9; }
header .word { font-size: 26px; font-weight: 700; letter-spacing: 0.04em; }
header p { margin: 4px 0; } header .meta { opacity: 0.85; font-size: 12px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 10px; font-size: 12.5px; }
th, td { border: 1px solid #d0d7de; padding: 4px 6px; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
tr { page-break-inside: avoid; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; }
pre { background: #f6f8fa; padding: 8px 10px; border-radius: 4px; white-space: pre-wrap; word-break: break-all; }
.s-open, .s-path { color: #1a7f37; font-weight: 600; } .s-closed { color: #9a6700; }
.s-rejected, .s-dropped { color: #cf222e; font-weight: 600; } .s-error { color: #6e40c9; }
.sev-blocker { color: #cf222e; font-weight: 700; } .sev-warning { color: #9a6700; font-weight: 700; }
.sev-info { color: #0969da; font-weight: 700; }
.muted { color: #57606a; font-size: 12px; }
svg { max-width: 100%; height: auto; }
@media print { body { max-width: none; padding: 0; font-size: 11px; } h2 { page-break-after: avoid; }
  header.verdict { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
"""


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _table(header: list[str], rows: list[list[str]], table_id: str = "") -> str:
    """A table; cells are already escaped HTML."""
    head = "".join(f"<th>{_e(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    ident = f' id="{table_id}"' if table_id else ""
    return f"<table{ident}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _state_class(result: PortResult | None) -> str:
    if result is None:
        return ""
    return "s-path" if result.path_open else f"s-{result.state.value}"


def _path_chart(report: Report, address: str) -> str:
    """Per-hop RTT along the path to one address, with the points where ports stop marked in red."""
    ports = report.ports_for(address)
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
    stops = [(r.blocked_at.hop, r.label) for r in ports if r.blocked_at is not None and not r.path_open]
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

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="RTT per hop toward {_e(address)}">',
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
            f"{_e(label)}</text>"
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
        parts.append(f'<text x="{cx + 10:.1f}" y="{cy + 4}" font-size="11" fill="#cf222e">{_e(label)} stops</text>')
    parts.append(
        f'<text x="{left}" y="{height - 8}" font-size="10" fill="#57606a">hop (router address below); '
        "blue: round-trip time of the hop's answer; red X: where a port's traffic stops</text>"
    )
    parts.append("</svg>")
    return "".join(parts)


def render_html(report: Report) -> str:
    """The whole report as one self-contained HTML document."""
    a = report.assessment
    verdict_class = "v-" + a.verdict.value.replace(" ", "-")
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>aspdiag: {_e(a.verdict.value)} — {_e(report.target.display)}</title>",
        f"<style>{CSS}</style></head><body>",
        f'<header class="verdict {verdict_class}" id="verdict">',
        f'<div class="word">{_e(a.verdict.value.upper())}</div>',
        f'<p class="summary">{_e(a.summary)}</p>',
        f'<p class="next"><b>Next step:</b> {_e(a.next_step)}</p>',
        f'<p class="meta">aspdiag check {_e(report.target.display)} · {_e(report.started_utc)} UTC · '
        f"method {_e(report.settings.method)} · aspdiag {_e(report.tool_version)} · "
        f"from {_e(report.environment.hostname)}</p></header>",
    ]
    if report.interrupted:
        out.append("<p><b>Interrupted:</b> this report holds only what was measured before Ctrl-C.</p>")

    rows = change_request(report, report.settings.rule_days)
    out.append('<section id="change-request"><h2>Firewall change request</h2>')
    if rows:
        out.append(
            '<p class="muted">One row per rule needed, only for what is really blocked. Paste into the ticket.</p>'
        )
        out.append(
            _table(
                list(CHANGE_REQUEST_COLUMNS),
                [
                    [
                        str(i),
                        _e(r.source_address or "?")
                        + (f"<br>subnet {_e(r.source_subnet)}" if r.source_subnet else "")
                        + (f'<br><span class="muted">{_e(r.nat_note)}</span>' if r.nat_note else ""),
                        (f"{_e(r.destination_name)}<br>" if r.destination_name else "") + _e(r.destination_address),
                        f"{_e(r.protocol.value.upper())} {_e(r.ports)}",
                        _e(r.direction),
                        _e(r.action if r.needed else f"{r.action} (optional: the transfer works without it)"),
                        _e(r.justification),
                        _e(r.expires),
                        _e(r.evidence),
                    ]
                    for i, r in enumerate(rows, start=1)
                ],
                "change-request-table",
            )
        )
    else:
        out.append("<p>No firewall rule is needed: nothing measured here is blocked.</p>")
    out.append("</section>")

    if a.findings:
        out.append('<section id="findings"><h2>Findings</h2><ul>')
        for f in a.findings:
            item = f'<li><span class="sev-{f.severity.value}">{_e(f.severity.value)}</span> {_e(f.title)}'
            if f.detail:
                item += f'<br><span class="muted">{_e(f.detail)}</span>'
            if f.action:
                item += f"<br>→ {_e(f.action)}"
            out.append(item + "</li>")
        out.append("</ul></section>")

    if report.addresses:
        columns = port_columns(report)
        out.append('<section id="reachability"><h2>Reachability</h2>')
        summary_rows = []
        for address in report.addresses:
            route = report.route_for(address)
            cells = [_e(address), _e(Family.of(address).value), _e(route_cell(route)), _e(gateway_cell(route))]
            for proto, port in columns:
                result = find_port(report, address, proto, port)
                cells.append(f'<span class="{_state_class(result)}">{_e(port_cell(result))}</span>')
            summary_rows.append(cells)
        out.append(
            _table(
                ["Address", "Family", "Source / interface", "Gateway"] + [f"{p.value.upper()} {n}" for p, n in columns],
                summary_rows,
                "summary-table",
            )
        )
        for address in report.addresses:
            chart = _path_chart(report, address)
            if chart:
                out.append(f"<h3>Path to {_e(address)}</h3>{chart}")
        out.append("<h3>Evidence per port</h3>")
        evidence_rows = []
        for address in report.addresses:
            for p in report.ports_for(address):
                evidence_rows.append(
                    [
                        _e(address),
                        _e(p.label),
                        f'<span class="{_state_class(p)}">{_e(p.state.value)}</span>',
                        _e(p.location or "-"),
                        _e(icmp_cell(p)),
                        _e(p.icmp.offender if p.icmp and p.icmp.offender else "-"),
                        _e(reply_ttl_cell(p)),
                        _e(p.method),
                        _e(f"{p.probes_sent}/{p.probes_answered}"),
                        _e(f"{p.rtt_ms:.2f}" if p.rtt_ms is not None else "-"),
                        _e(banner_cell(p)),
                        _e(p.started_utc or "-"),
                        _e(p.detail) + f'<br><span class="muted">hops: {_e(trace_text(p))}</span>',
                    ]
                )
        out.append(
            _table(
                [
                    "Address",
                    "Port",
                    "State",
                    "Where",
                    "ICMP",
                    "Offender",
                    "Reply TTL",
                    "Method",
                    "Sent/answered",
                    "RTT ms",
                    "Banner",
                    "Time (UTC)",
                    "Detail",
                ],
                evidence_rows,
                "evidence-table",
            )
        )
        out.append("</section>")

    if report.paths or report.capacities or report.responders or report.estimate is not None:
        from aspdiag.render.view import CAPACITY_HEADER, PATH_HEADER, capacity_rows, estimate_rows, path_rows

        out.append('<section id="path"><h2>Path: RTT, loss and path MTU</h2>')
        if report.paths:
            out.append(_table(PATH_HEADER, [[_e(c) for c in row] for row in path_rows(report)], "path-table"))
        if report.capacities:
            out.append("<h3>Capacity estimate (single-ended)</h3>")
            capacity_table_rows = [[_e(c) for c in row] for row in capacity_rows(report)]
            out.append(_table(CAPACITY_HEADER, capacity_table_rows, "capacity-table"))
        if report.responders:
            from aspdiag.render.view import RESPONDER_HEADER, responder_rows

            out.append("<h3>Responder tests (aspdiag responder)</h3>")
            responder_cells = [[_e(c) for c in row] for row in responder_rows(report)]
            out.append(_table(RESPONDER_HEADER, responder_cells, "responder-table"))
        if report.estimate is not None:
            e = report.estimate
            out.append(f"<h3>Transfer estimate for {_e(f'{e.dataset_bytes:,}')} bytes</h3>")
            out.append(
                _table(
                    ["Assuming", "Rate", "Duration"],
                    [[_e(c) for c in row] for row in estimate_rows(report)],
                    "estimate-table",
                )
            )
            out.append(f"<p>{_e(e.note)}</p>")
        out.append("</section>")

    t = report.transfer
    if t is not None:
        from aspdiag.ascp.diagnose import diagnose

        why = diagnose(t, report.ports, report.settings.udp_ports[0] if report.settings.udp_ports else None)
        out.append('<section id="transfer"><h2>Test transfer</h2>')
        out.append(
            _table(
                ["", ""],
                [
                    [_e("Outcome"), f"<b>{_e(t.outcome.value)}</b>"],
                    [_e("Bytes"), _e(f"{t.bytes:,}")],
                    [_e("Duration"), _e(f"{t.duration_s:g} s (cap {t.time_limit_s:g} s)")],
                    [
                        _e("Rate"),
                        _e(f"{t.rate_mbps:.2f} Mbit/s (target {t.target_rate_mbps:g})" if t.rate_mbps else "-"),
                    ],
                    [_e("FASP error"), _e(f"{t.error_code} {t.error_meaning}" if t.error_code is not None else "-")],
                    [_e("ascp said"), _e(t.error_message or "-")],
                    [_e("Diagnosis"), _e(why)],
                    [_e("Command"), f"<code>{_e(t.command)}</code>"],
                ],
                "transfer-table",
            )
        )
        out.append("</section>")
    if report.ascp:
        out.append('<section id="ascp"><h2>ascp installations</h2>')
        out.append(
            _table(
                ["Used", "Path", "Found via", "Product", "ascp", "Key files", "Warnings"],
                [
                    [
                        _e("yes" if i == 0 else ""),
                        _e(inst.path),
                        _e(inst.origin),
                        _e(
                            f"{inst.version.product or '-'} {inst.version.product_version or ''}"
                            if inst.version
                            else "-"
                        ),
                        _e((inst.version.ascp_version or "-") if inst.version else inst.version_error),
                        _e(", ".join(inst.key_files) or "-"),
                        _e("; ".join(inst.warnings) or "-"),
                    ]
                    for i, inst in enumerate(report.ascp)
                ],
            )
        )
        out.append("</section>")
    out.append('<section id="recommendations"><h2>Recommendations</h2>')
    out.append("<p>ascp command line tuned from these measurements:</p>")
    out.append(f"<pre>{_e(ascp_command(report, report.settings.ascp_user))}</pre>")
    out.append(
        _table(
            ["Pre-download checklist", "Status", "Note"],
            [[_e(c.item), _e(c.status.value), _e(c.note)] for c in checklist(report)],
            "checklist-table",
        )
    )
    out.append("</section>")

    out.append('<section id="dns"><h2>Target and DNS</h2>')
    out.append(
        _table(["", ""], [[_e("Target"), _e(report.target.raw)], *[[_e(k), _e(v)] for k, v in dns_lines(report.dns)]])
    )
    out.append("</section>")
    env = report.environment
    sources = sorted({f"{r.source_address} on {r.interface}" for r in report.routes if r.source_address})
    out.append('<section id="environment"><h2>Environment</h2>')
    out.append(
        _table(
            ["", ""],
            [
                [_e("Host"), _e(env.hostname)],
                [_e("OS"), _e(env.os)],
                [_e("Python"), _e(env.python)],
                [_e("User id"), _e(f"{env.uid} ({'raw sockets allowed' if env.privileged else 'unprivileged'})")],
                [_e("Source addresses"), _e(", ".join(sources) or "-")],
                [_e("Resolver"), _e(report.dns.nameserver if report.dns and report.dns.nameserver else "-")],
                [_e("ascp installations"), _e(", ".join(i.path for i in report.ascp) or "not looked for")],
                [_e("Started (UTC)"), _e(report.started_utc)],
                [_e("Finished (UTC)"), _e(report.finished_utc)],
                [_e("aspdiag"), _e(report.tool_version)],
            ],
        )
    )
    out.append("</section>")
    if report.failures:
        out.append('<section id="failures"><h2>Probes that did not finish</h2><ul>')
        out += [f"<li><code>{_e(f.key)}</code>: {_e(f.reason)}</li>" for f in report.failures]
        out.append("</ul></section>")
    if report.settings.command:
        out.append(f'<section id="reproduce"><h2>Reproduce</h2><pre>{_e(report.settings.command)}</pre></section>')
    severity_order = ", ".join(s.value for s in Severity)
    out.append(
        f'<footer class="muted"><p>aspdiag {_e(report.tool_version)} · severities: {severity_order} · '
        f"port states: {', '.join(s.value for s in PortState)}</p></footer>"
    )
    out.append("</body></html>\n")
    return "\n".join(out)
