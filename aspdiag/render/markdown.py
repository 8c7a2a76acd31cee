"""Markdown renderer: a report that pastes cleanly into a ticket or a wiki."""

from __future__ import annotations

from aspdiag.advice import CHANGE_REQUEST_COLUMNS, ascp_command, change_request, checklist
from aspdiag.model import Family, Report
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


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(_cell(h) for h in header) + " |", "|" + "---|" * len(header)]
    lines.extend("| " + " | ".join(_cell(c) for c in row) + " |" for row in rows)
    return lines


def path_markdown(report: Report) -> list[str]:
    """RTT/loss/path MTU and the transfer estimate, as Markdown lines."""
    from aspdiag.render.view import CAPACITY_HEADER, PATH_HEADER, capacity_rows, estimate_rows, path_rows

    out: list[str] = []
    if report.paths:
        out += ["## Path: RTT, loss and path MTU", "", *_table(PATH_HEADER, path_rows(report)), ""]
    if report.capacities:
        out += ["## Capacity estimate (single-ended)", "", *_table(CAPACITY_HEADER, capacity_rows(report)), ""]
    if report.responders:
        from aspdiag.render.view import RESPONDER_HEADER, responder_rows

        out += ["## Responder tests (aspdiag responder)", "", *_table(RESPONDER_HEADER, responder_rows(report)), ""]
    if report.estimate is not None:
        e = report.estimate
        out += [f"## Transfer estimate for {e.dataset_bytes:,} bytes", ""]
        out += _table(["Assuming", "Rate", "Duration"], estimate_rows(report))
        out += ["", e.note, ""]
    return out


def transfer_markdown(report: Report) -> list[str]:
    """The test transfer and the ascp installations, as Markdown lines."""
    out: list[str] = path_markdown(report)
    t = report.transfer
    if t is not None:
        from aspdiag.ascp.diagnose import diagnose

        out += ["## Test transfer", ""]
        rows = [
            ["Outcome", t.outcome.value],
            ["Direction", t.direction.value],
            ["Bytes", f"{t.bytes:,}"],
            ["Duration", f"{t.duration_s:g} s (cap {t.time_limit_s:g} s)"],
            ["Rate", f"{t.rate_mbps:.2f} Mbit/s (target {t.target_rate_mbps:g})" if t.rate_mbps else "-"],
            ["Exit status", str(t.exit_status)],
            ["FASP error", f"{t.error_code} {t.error_meaning}" if t.error_code is not None else "-"],
            ["ascp said", t.error_message or "-"],
            [
                "Diagnosis",
                diagnose(t, report.ports, report.settings.udp_ports[0] if report.settings.udp_ports else None),
            ],
            ["Command", f"`{t.command}`"],
        ]
        out += _table(["", ""], rows)
        out.append("")
    if report.ascp:
        out += ["## ascp installations", ""]
        out += _table(
            ["Used", "Path", "Found via", "Product", "ascp", "Licence max rate", "Key files", "Warnings"],
            [
                [
                    "yes" if i == 0 else "",
                    inst.path,
                    inst.origin,
                    f"{inst.version.product or '-'} {inst.version.product_version or ''}" if inst.version else "-",
                    (inst.version.ascp_version or "-") if inst.version else inst.version_error,
                    (inst.version.license_max_rate or "-") if inst.version else "-",
                    ", ".join(inst.key_files) or "-",
                    "; ".join(inst.warnings) or "-",
                ]
                for i, inst in enumerate(report.ascp)
            ],
        )
        out.append("")
    return out


def render_markdown(report: Report) -> str:
    """The whole report as GitHub-flavoured Markdown."""
    a = report.assessment
    out: list[str] = [
        f"# aspdiag check: {report.target.display}",
        "",
        f"**Verdict: {a.verdict.value.upper()}** — {a.summary}",
        "",
        f"**Next step:** {a.next_step}",
        "",
    ]
    if report.interrupted:
        out += ["> **Interrupted:** this report holds only what was measured before Ctrl-C.", ""]
    rules = change_request(report, report.settings.rule_days)
    out += ["## Firewall change request", ""]
    if rules:
        out += ["One row per rule needed, only for what is really blocked.", ""]
        out += _table(
            list(CHANGE_REQUEST_COLUMNS),
            [
                [
                    str(i),
                    (r.source_address or "?")
                    + (f" (subnet {r.source_subnet})" if r.source_subnet else "")
                    + (f"; {r.nat_note}" if r.nat_note else ""),
                    (f"{r.destination_name} " if r.destination_name else "") + r.destination_address,
                    f"{r.protocol.value.upper()} {r.ports}",
                    r.direction,
                    r.action if r.needed else f"{r.action} (optional: the transfer works without it)",
                    r.justification,
                    r.expires,
                    r.evidence,
                ]
                for i, r in enumerate(rules, start=1)
            ],
        )
        out.append("")
    else:
        out += ["No firewall rule is needed: nothing measured here is blocked.", ""]
    if a.findings:
        out += ["## Findings", ""]
        for f in a.findings:
            line = f"- **{f.severity.value}** — {f.title}"
            if f.detail:
                line += f". {f.detail}"
            if f.action:
                line += f". *Action:* {f.action}"
            out.append(line)
        out.append("")
    out += transfer_markdown(report)  # path, estimate, test transfer and ascp installations
    out += ["## Target and DNS", ""]
    out += _table(["", ""], [["Target", report.target.raw], *[[k, v] for k, v in dns_lines(report.dns)]])
    out.append("")
    if report.addresses:
        columns = port_columns(report)
        out += ["## Addresses", ""]
        rows = []
        for address in report.addresses:
            route = report.route_for(address)
            rows.append(
                [address, Family.of(address).value, route_cell(route), gateway_cell(route)]
                + [port_cell(find_port(report, address, proto, port)) for proto, port in columns]
            )
        out += _table(
            ["Address", "Family", "Source / interface", "Gateway"]
            + [f"{proto.value.upper()} {port}" for proto, port in columns],
            rows,
        )
        out += ["", f"## Port evidence (method: {report.settings.method})", ""]
        evidence = []
        traces: list[str] = []
        for address in report.addresses:
            for p in report.ports_for(address):
                evidence.append(
                    [
                        address,
                        p.label,
                        p.state.value,
                        p.location or "-",
                        icmp_cell(p),
                        (p.icmp.offender if p.icmp and p.icmp.offender else "-"),
                        reply_ttl_cell(p),
                        str(p.hops_to_target) if p.hops_to_target else "-",
                        p.method,
                        f"{p.probes_sent}/{p.probes_answered}",
                        f"{p.rtt_ms:.2f}" if p.rtt_ms is not None else "-",
                        banner_cell(p),
                        p.started_utc or "-",
                        p.detail,
                    ]
                )
                traces.append(f"- `{address}` {p.label}: {trace_text(p)}")
        out += _table(
            [
                "Address",
                "Port",
                "State",
                "Where",
                "ICMP",
                "Offender",
                "Reply TTL",
                "Hops to target",
                "Method",
                "Sent/answered",
                "RTT ms",
                "Banner",
                "Time (UTC)",
                "Detail",
            ],
            evidence,
        )
        out += ["", "### Hop lists (TTL-limited probes on the same 5-tuple; * = no answer)", "", *traces, ""]
    if report.failures:
        out += ["## Probes that did not finish", ""]
        out += [f"- `{f.key}`: {f.reason}" for f in report.failures]
        out.append("")
    out += [
        "## Recommendations",
        "",
        "ascp command line tuned from these measurements:",
        "",
        "```",
        ascp_command(report, report.settings.ascp_user),
        "```",
        "",
    ]
    out += _table(
        ["Pre-download checklist", "Status", "Note"], [[c.item, c.status.value, c.note] for c in checklist(report)]
    )
    out.append("")
    env = report.environment
    out += ["## Environment", ""]
    out += _table(
        ["", ""],
        [
            ["Host", env.hostname],
            ["OS", env.os],
            ["Python", env.python],
            [
                "Source addresses",
                ", ".join(sorted({f"{r.source_address} on {r.interface}" for r in report.routes if r.source_address}))
                or "-",
            ],
            ["Resolver", report.dns.nameserver if report.dns and report.dns.nameserver else "-"],
            ["ascp installations", ", ".join(i.path for i in report.ascp) or "not looked for"],
            [
                "User id",
                f"{env.uid} ({'raw sockets allowed' if env.privileged else 'unprivileged'})",
            ],
            ["Started (UTC)", report.started_utc],
            ["Finished (UTC)", report.finished_utc],
            ["aspdiag", report.tool_version],
        ],
    )
    out.append("")
    if report.settings.command:
        out += ["## Reproduce", "", "```", report.settings.command, "```", ""]
    return "\n".join(out)
