"""Terminal renderer: rich tables rendered into a string (colour optional); no printing here. Every
measurement's terminal lines come from the registry; this module only knows how they look."""

from __future__ import annotations

import io
from collections.abc import Sequence

from rich.console import Console
from rich.panel import Panel
from rich.table import Table as RichTable
from rich.text import Text

from aspdiag.core.measurement import Cell, Line, Table
from aspdiag.core.model import Report, Severity, Verdict
from aspdiag.render.layout import (
    changes_section,
    checklist_rows,
    finding_suffix,
    interrupted_note,
    ordered_sections,
    overview,
)

_VERDICT_STYLE = {
    Verdict.READY: "bold green",
    Verdict.DEGRADED: "bold yellow",
    Verdict.BLOCKED: "bold red",
    Verdict.CANNOT_TELL: "bold magenta",
    Verdict.UNCONFIRMED: "bold cyan",
    Verdict.NOT_RESOLVED: "bold magenta",
}
TONE_STYLE = {"ok": "green", "warn": "yellow", "bad": "red", "error": "magenta", "info": "cyan"}
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


def _text(cell: Cell) -> Text:
    # Text, not a str: names from DNS may contain rich markup like "[/x]".
    return Text(cell.text, style=TONE_STYLE.get(cell.tone, ""))


def _rich_table(header: Sequence[str], rows: Sequence[Sequence[Cell]], title: str = "") -> RichTable:
    table = RichTable(title=title or None, show_lines=False, expand=False)
    for column in header:
        table.add_column(column)
    for row in rows:
        table.add_row(*(_text(c) for c in row))
    return table


def _line(line: Line) -> Text:
    text = Text(line.bold_prefix, style="bold") if line.bold_prefix else Text()
    text.append(line.text, style="dim" if line.dim else TONE_STYLE.get(line.tone, ""))
    return text


def render_terminal(report: Report, *, color: bool = False, width: int = 100) -> str:
    """The summary a person reads in a terminal: verdict, findings, one row per address, then each
    measurement's lines."""
    console, buffer = string_console(color=color, width=width)
    a = report.assessment
    headline = Text()
    headline.append(f"{a.verdict.value.upper()}", style=_VERDICT_STYLE[a.verdict])
    headline.append(f"  {a.summary}\n")
    headline.append("Next step: ", style="bold")
    headline.append(a.next_step)
    if a.settle:
        headline.append("\nTo settle it: ", style="bold")
        headline.append(a.settle)
    console.print(Panel(headline, title=Text(f"aspdiag check {report.target.display}"), expand=True))
    stages = checklist_rows(report, todo=False)
    if stages:
        # A grid, not free lines: a long note wraps inside its column and the status column stays readable.
        grid = RichTable.grid(padding=(0, 1))
        grid.add_column(no_wrap=True, justify="right")
        grid.add_column()
        for name, status, note, option in stages:
            line = Text(name.text, style="bold")
            line.append(f": {note.text}")
            if option.text:
                line.append(f" → {option.text}", style="dim")
            grid.add_row(Text(status.text, style=TONE_STYLE.get(status.tone, "")), line)
        console.print(grid)
    changes = changes_section(report)
    for item in changes.terminal if changes else ():
        if isinstance(item, Line):
            console.print(_line(item))
    for finding in a.findings:
        text = Text()
        text.append(f"{finding.severity.value:>7}  ", style=_SEVERITY_STYLE[finding.severity])
        text.append(finding.title)
        text.append(finding_suffix(finding), style="dim")
        if finding.detail:
            text.append(f"\n         {finding.detail}", style="dim")
        if finding.action:
            text.append(f"\n         → {finding.action}")
        console.print(text)
    for section in ordered_sections(report):
        if section is None:
            header, rows = overview(report, family=False)
            console.print(_rich_table(header, rows))
            continue
        for item in section.terminal:
            if isinstance(item, Table):
                keep = item.brief if item.brief is not None else len(item.header)
                console.print(_rich_table(item.header[:keep], [row[:keep] for row in item.rows], item.title))
            else:
                console.print(_line(item))
    if report.change_request:
        console.print(Text("Firewall change request (details in the HTML/Markdown report):", style="bold"))
        for row in report.change_request:
            console.print(
                Text(
                    f"  allow {row.protocol.value.upper()} {row.ports} from {row.source_address or '?'} to "
                    f"{row.destination_address} ({row.direction}); expires {row.expires}"
                )
            )
    if report.addresses and report.recommendations.ascp_command:
        console.print(Text("Suggested: ", style="bold") + Text(report.recommendations.ascp_command))
    for failure in report.failures:
        console.print(Text(f"not finished: {failure.key}: {failure.reason}"))
    if report.interrupted:
        console.print(Text(interrupted_note(report), style="bold yellow"))
    return buffer.getvalue()
