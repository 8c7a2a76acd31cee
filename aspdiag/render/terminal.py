"""Terminal renderer: rich tables rendered into a string (colour optional); no printing here. Every
measurement's terminal lines come from the registry; this module only knows how they look."""

from __future__ import annotations

import io
from collections.abc import Sequence

from rich.console import Console, Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table as RichTable
from rich.text import Text

from aspdiag.core.measurement import Cell, Line, Table
from aspdiag.core.model import Report, Severity, Verdict
from aspdiag.render.console import command_lines, string_console
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


def console_text(buffer: io.StringIO, *, color: bool) -> str:
    """What a string console holds; without colour, without the spaces rich pads lines with (they make
    copy-paste and diffs noisy)."""
    text = buffer.getvalue()
    return text if color else "\n".join(line.rstrip() for line in text.split("\n"))


def _text(cell: Cell) -> Text:
    # Text, not a str: names from DNS may contain rich markup like "[/x]".
    return Text(cell.text, style=TONE_STYLE.get(cell.tone, ""))


def _rich_table(header: Sequence[str], rows: Sequence[Sequence[Cell]], title: str = "") -> RichTable:
    table = RichTable(title=title or None, show_lines=False, expand=False)
    for column in header:
        # fold, never "…": a cut address or hop is evidence lost (issue #16)
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(_text(c) for c in row))
    return table


def _record(header: Sequence[str], row: Sequence[Cell]) -> RenderableType:
    """One row as a block: its first cell as the heading, then one 'column: value' line per other column."""
    grid = RichTable.grid(padding=(0, 2))
    grid.add_column(no_wrap=True, style="dim")
    grid.add_column(overflow="fold")
    for name, cell in zip(header[1:], row[1:], strict=False):
        grid.add_row(name, _text(cell))
    heading = Text(f"{header[0]}: " if header and header[0] else "", style="bold")
    heading.append_text(_text(row[0]) if row else Text())
    return Group(heading, grid)


def fitted_table(
    console: Console, header: Sequence[str], rows: Sequence[Sequence[Cell]], title: str = ""
) -> RenderableType:
    """A table when every cell fits whole at the console's width; else one block per row (the first cell as
    its heading), so that no address or hop is ever cut short in a narrow terminal."""
    table = _rich_table(header, rows, title)
    # The table's own measure (Measurement.get clamps to the width): its minimum is the sum of the columns'
    # longest words, i.e. the narrowest layout that keeps every word whole.
    if table.__rich_measure__(console, console.options).minimum <= console.width:
        return table
    blocks: list[RenderableType] = [Text(title, style="bold italic")] if title else []
    blocks += [_record(header, row) for row in rows]
    return Group(*blocks)


def hanging(text: Text, indent: int) -> RenderableType:
    """``text`` whose wrapped lines keep its indentation (a wrapped evidence line stays under its heading)."""
    return Padding(text, (0, 0, 0, indent), expand=False) if indent else text


def _line(line: Line) -> RenderableType:
    whole = line.bold_prefix + line.text
    indent = len(whole) - len(whole.lstrip(" "))
    prefix = line.bold_prefix[indent:] if line.bold_prefix else ""
    text = Text(prefix, style="bold") if prefix else Text()
    body = line.text if line.bold_prefix else line.text[indent:]
    text.append(body, style="dim" if line.dim else TONE_STYLE.get(line.tone, ""))
    return hanging(text, indent)


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
        # The severity in a column of its own: a title that wraps (at 80 columns) stays under itself.
        heading = RichTable.grid(padding=(0, 2))
        heading.add_column(no_wrap=True, justify="right", width=7)
        heading.add_column()
        title = Text(finding.title)
        title.append(finding_suffix(finding), style="dim")
        heading.add_row(Text(finding.severity.value, style=_SEVERITY_STYLE[finding.severity]), title)
        console.print(heading)
        if finding.detail:
            console.print(hanging(Text(finding.detail, style="dim"), 9))
        if finding.action:
            console.print(hanging(Text(f"→ {finding.action}"), 9))
    for section in ordered_sections(report):
        if section is None:
            header, rows = overview(report, family=False)
            console.print(fitted_table(console, header, rows))
            continue
        for item in section.terminal:
            if isinstance(item, Table):
                keep = item.brief if item.brief is not None else len(item.header)
                console.print(fitted_table(console, item.header[:keep], [row[:keep] for row in item.rows], item.title))
            else:
                console.print(_line(item))
    if report.change_request:
        console.print(Text("Firewall change request (details in the HTML/Markdown report):", style="bold"))
        for row in report.change_request:
            console.print(
                hanging(
                    Text(
                        f"allow {row.protocol.value.upper()} {row.ports} from {row.source_address or '?'} to "
                        f"{row.destination_address} ({row.direction}); expires {row.expires}"
                    ),
                    2,
                )
            )
    if report.addresses and report.recommendations.ascp_command:
        # A command to copy: broken between words with a shell continuation, never inside a word.
        label = "Suggested: "
        for i, part in enumerate(command_lines(report.recommendations.ascp_command, console.width, len(label))):
            console.print((Text(label, style="bold") if i == 0 else Text()) + Text(part), soft_wrap=True)
    for failure in report.failures:
        console.print(Text(f"not finished: {failure.key}: {failure.reason}"))
    if report.interrupted:
        console.print(Text(interrupted_note(report), style="bold yellow"))
    return console_text(buffer, color=color)
