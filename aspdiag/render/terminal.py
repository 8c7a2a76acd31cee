"""Terminal renderer: rich tables rendered into a string (colour optional); no printing here."""

from __future__ import annotations

import io

from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from aspdiag.advice import ascp_command, change_request
from aspdiag.model import Family, PortState, Report, Severity, Verdict
from aspdiag.render.view import (
    banner_cell,
    find_port,
    gateway_cell,
    port_cell,
    port_columns,
    route_cell,
    trace_text,
)

_VERDICT_STYLE = {
    Verdict.READY: "bold green",
    Verdict.DEGRADED: "bold yellow",
    Verdict.BLOCKED: "bold red",
    Verdict.CANNOT_TELL: "bold magenta",
}
_STATE_STYLE = {
    PortState.OPEN: "green",
    PortState.CLOSED: "yellow",
    PortState.REJECTED: "red",
    PortState.DROPPED: "red",
    PortState.ERROR: "magenta",
}
_SEVERITY_STYLE = {Severity.BLOCKER: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def string_console(*, color: bool, width: int) -> tuple[Console, io.StringIO]:
    """A rich console that renders into a string (8 standard colours or none, no auto-highlighting)."""
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        highlight=False,
        emoji=False,
    )
    return console, buffer


def render_terminal(report: Report, *, color: bool = False, width: int = 100) -> str:
    """The summary a person reads in a terminal: verdict, findings, one row per address."""
    console, buffer = string_console(color=color, width=width)
    a = report.assessment
    headline = Text()
    headline.append(f"{a.verdict.value.upper()}", style=_VERDICT_STYLE[a.verdict])
    headline.append(f"  {a.summary}\n")
    headline.append("Next step: ", style="bold")
    headline.append(a.next_step)
    console.print(Panel(headline, title=Text(f"aspdiag check {report.target.display}"), expand=True))

    if report.dns is not None and not report.dns.literal:
        dns = report.dns
        line = f"DNS {dns.outcome.value}"
        if dns.cname_chain:
            line += f"; CNAME {' → '.join(dns.cname_chain)}"
        line += f"; answered by {dns.nameserver or 'nobody'} in {dns.lookup_ms:.1f} ms"
        if dns.detail:
            line += f"; {dns.detail}"
        console.print(Text(line))  # Text, not a str: names from DNS may contain rich markup like "[/x]"

    if report.addresses:
        columns = port_columns(report)
        table = Table(show_lines=False, expand=False)
        table.add_column("Address")
        table.add_column("Source / interface")
        table.add_column("Gateway")
        for proto, port in columns:
            table.add_column(f"{proto.value.upper()} {port}")
        for address in report.addresses:
            route = report.route_for(address)
            cells: list[Text] = [
                Text(f"{address} ({'v6' if Family.of(address) is Family.IPV6 else 'v4'})"),
                Text(route_cell(route)),
                Text(gateway_cell(route)),
            ]
            for proto, port in columns:
                result = find_port(report, address, proto, port)
                style = _STATE_STYLE[result.state] if result else ""
                if result is not None and result.path_open:
                    style = "green"
                cells.append(Text(port_cell(result), style=style))
            table.add_row(*cells)
        console.print(table)
        for address in report.addresses:
            for p in report.ports_for(address):
                if p.state in (PortState.REJECTED, PortState.DROPPED) or (p.banner and p.banner.kind.value != "ssh"):
                    note = Text(f"  {p.label} {address}: ", style="bold")
                    note.append(p.location or p.detail)
                    note.append(f"\n    hops: {trace_text(p)}", style="dim")
                    if p.banner and p.banner.kind.value != "ssh":
                        note.append(f"\n    banner: {banner_cell(p)}", style="dim")
                    console.print(note)
        console.print(Text(f"probe method: {report.settings.method}", style="dim"))

    for finding in a.findings:
        text = Text()
        text.append(f"{finding.severity.value:>7}  ", style=_SEVERITY_STYLE[finding.severity])
        text.append(finding.title)
        if finding.detail:
            text.append(f"\n         {finding.detail}", style="dim")
        if finding.action:
            text.append(f"\n         → {finding.action}")
        console.print(text)
    if report.paths:
        from aspdiag.render.view import PATH_HEADER, path_rows

        table = Table(title="Path", show_lines=False, expand=False)
        for column in PATH_HEADER[:-1]:
            table.add_column(column)
        for path_row in path_rows(report):
            table.add_row(*(Text(c) for c in path_row[:-1]))
        console.print(table)
        for measured in report.paths:
            console.print(Text(f"  {measured.address}: {measured.detail}", style="dim"))
    if report.capacities:
        from aspdiag.render.view import CAPACITY_HEADER, capacity_rows

        table = Table(title="Capacity", show_lines=False, expand=False)
        for column in CAPACITY_HEADER[:5]:
            table.add_column(column)
        for capacity_row in capacity_rows(report):
            table.add_row(*(Text(c) for c in capacity_row[:5]))
        console.print(table)
        for capacity_cells in capacity_rows(report):
            console.print(Text(f"  {capacity_cells[0]}: {capacity_cells[6]}; {capacity_cells[5]}", style="dim"))
    if report.responders:
        from aspdiag.render.view import RESPONDER_HEADER, responder_rows

        table = Table(title="Responder", show_lines=False, expand=False)
        for column in RESPONDER_HEADER:
            table.add_column(column)
        for responder_row in responder_rows(report):
            table.add_row(*(Text(c) for c in responder_row))
        console.print(table)
    if report.estimate is not None:
        from aspdiag.render.view import estimate_rows

        e = report.estimate
        console.print(Text(f"Transfer estimate for {e.dataset_bytes:,} bytes:", style="bold"))
        for what, rate, duration in estimate_rows(report):
            console.print(Text(f"  {duration:>14}  {rate:>14}  {what}"))
    if report.transfer is not None:
        t = report.transfer
        summary = Text("Test transfer: ", style="bold")
        summary.append(f"{t.outcome.value}; {t.bytes:,} bytes in {t.duration_s:g} s")
        if t.rate_mbps:
            summary.append(f" at {t.rate_mbps:.2f} Mbit/s (target {t.target_rate_mbps:g})")
        if t.error_message:
            summary.append(f"; ascp: {t.error_message}")
        console.print(summary)
    rows = change_request(report, report.settings.rule_days)
    if rows:
        console.print(Text("Firewall change request (details in the HTML/Markdown report):", style="bold"))
        for row in rows:
            console.print(
                Text(
                    f"  allow {row.protocol.value.upper()} {row.ports} from {row.source_address or '?'} to "
                    f"{row.destination_address} ({row.direction}); expires {row.expires}"
                )
            )
    if report.addresses and any(p.path_open for p in report.ports):
        console.print(Text("Suggested: ", style="bold") + Text(ascp_command(report, report.settings.ascp_user)))
    for failure in report.failures:
        console.print(Text(f"not finished: {failure.key}: {failure.reason}"))
    if report.interrupted:
        console.print(Text("Interrupted: results are partial.", style="bold yellow"))
    return buffer.getvalue()
