"""``aspdiag history``: the recorded checks as a list and, per target and vantage point, a chart of the port
states, the verdict and the rate over time — for a terminal, as Markdown, as HTML (SVG charts) or as JSON.
Pure: the entries come from ``aspdiag.adapters.history``."""

from __future__ import annotations

import json
from collections.abc import Sequence
from html import escape

from rich.table import Table as RichTable
from rich.text import Text

from aspdiag.core import codec
from aspdiag.core.history import CheckSummary, Vantage
from aspdiag.core.units import port_ranges
from aspdiag.render.charts import LEGEND, VERDICT_LEGEND, history_svg, rate_mbps, rows, sparkline
from aspdiag.render.console import string_console
from aspdiag.render.html import CSS
from aspdiag.render.markdown import table_lines
from aspdiag.render.terminal import TONE_STYLE
from aspdiag.report.changes import when

Entry = tuple[int, CheckSummary]
"""A recorded check: its row id in the database and its summary."""

HEADER = ("#", "Started (UTC)", "Target", "From", "Verdict", "Ports", "RTT", "Rate")
WIDE_LIST = 140
"""Below this many columns the list is one block per check (the table would cut addresses)."""


def groups(entries: Sequence[Entry]) -> dict[tuple[str, Vantage], list[CheckSummary]]:
    """The checks per (target, vantage point), oldest first."""
    out: dict[tuple[str, Vantage], list[CheckSummary]] = {}
    for _id, summary in entries:
        out.setdefault((summary.target, summary.vantage), []).append(summary)
    return out


def _ports_text(summary: CheckSummary) -> str:
    """``tcp/22 through, udp/33001-33010 dropped`` (neighbouring ports that read the same as one range; per
    address only where the addresses differ)."""
    by_port: dict[tuple[str, int], dict[str, str]] = {}
    for m in summary.ports:
        by_port.setdefault((str(m.protocol), m.port), {})[m.address] = "through" if m.path_open else m.state
    said: dict[tuple[str, str], list[int]] = {}
    for (protocol, port), states in by_port.items():
        if len(set(states.values())) == 1:
            text = next(iter(states.values()))
        else:
            text = ", ".join(f"{state} on {address}" for address, state in states.items())
        said.setdefault((protocol, text), []).append(port)
    return ", ".join(f"{protocol}/{port_ranges(ports)} {text}" for (protocol, text), ports in said.items()) or "-"


def _row(row_id: int, s: CheckSummary) -> list[str]:
    rate = f"{s.rate_bytes_per_s * 8 / 1e6:.1f} Mbit/s ({s.rate_source})" if s.rate_bytes_per_s is not None else "-"
    rtt = f"{s.rtt_ms:.1f} ms" if s.rtt_ms is not None else "-"
    return [
        str(row_id),
        s.started_utc[:19].replace("T", " "),
        s.target,
        s.vantage.text,
        s.verdict,
        _ports_text(s),
        rtt,
        rate,
    ]


def _title(target: str, vantage: Vantage, points: Sequence[CheckSummary]) -> str:
    span = when(points[0].started_utc) + (f" … {when(points[-1].started_utc)}" if len(points) > 1 else "")
    return f"{target} from {vantage.text}: {len(points)} check{'s' if len(points) != 1 else ''}, {span}"


def render_history_terminal(entries: Sequence[Entry], database: str, *, color: bool = False, width: int = 100) -> str:
    """Per target and vantage point a chart (one column per check, newest right), then the list."""
    console, buffer = string_console(color=color, width=width)
    if not entries:
        console.print(Text(f"No checks recorded in {database} yet."))
        return buffer.getvalue()
    count = f"{len(entries)} check{'s' if len(entries) != 1 else ''}"
    console.print(Text(f"History in {database}: {count}", style="bold"))
    for (target, vantage), points in groups(entries).items():
        chart_rows = rows(points)
        # Every label whole and every row's cells in the same columns: labels as wide as the longest (an IPv6
        # port label is 50 characters), or, when that leaves too little room, each label on a line of its own.
        longest = max(len(r.label) for r in chart_rows) + 2
        label_width = longest if longest <= width - 12 else 4
        columns = max(8, width - label_width - 2)
        shown = points[-columns:]
        console.print(Text(_title(target, vantage, points), style="bold"))
        for row in rows(shown):
            if label_width < longest:
                console.print(Text(f"  {row.label}"))
            line = Text(f"  {row.label if label_width == longest else '':<{label_width}}")
            for symbol, tone in row.cells:
                line.append(symbol, style=TONE_STYLE.get(tone, ""))
            console.print(line)
        rates = rate_mbps(shown)
        if any(r is not None for r in rates):
            measured = [r for r in rates if r is not None]
            peaks = f"last {measured[-1]:.1f}, peak {max(measured):.1f} Mbit/s"
            console.print(Text(f"  {'rate':<{label_width}}{sparkline(rates)}  {peaks}"))
        console.print(Text(f"  {VERDICT_LEGEND}; {LEGEND}", style="dim"))
    if width < WIDE_LIST:
        # One block per check: a table of eight columns cut addresses and dates at 80 (and 120) columns.
        for row_id, summary in entries:
            number, started, name, seen_from, verdict, ports, rtt, rate = _row(row_id, summary)
            console.print(Text(f"#{number}  {started} UTC  {verdict}", style="bold"))
            console.print(Text(f"    target {name}  from {seen_from}"))
            console.print(Text(f"    ports  {ports}"))
            console.print(Text(f"    RTT {rtt}, rate {rate}"))
        return buffer.getvalue()
    table = RichTable(show_lines=False, expand=False)
    for column in HEADER:
        table.add_column(column, overflow="fold")  # wrap long words (addresses) whole, never '…'
    for row_id, summary in entries:
        table.add_row(*(Text(c) for c in _row(row_id, summary)))
    console.print(table)
    return buffer.getvalue()


def render_history_json(entries: Sequence[Entry], database: str) -> str:
    """``{"kind": "history", "database": ..., "checks": [{"id": ..., <summary>}, ...]}``, oldest first
    (schema: ``aspdiag schema history``)."""
    checks = [{"id": row_id, **codec.encode(summary)} for row_id, summary in entries]
    data = {"kind": "history", "version": 1, "database": database, "checks": checks}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def render_history_markdown(entries: Sequence[Entry], database: str) -> str:
    """The list as a Markdown table, with the per-port rows as code blocks."""
    out = [f"# aspdiag history ({database})", ""]
    for (target, vantage), points in groups(entries).items():
        out += [f"## {_title(target, vantage, points)}", "", "```"]
        label_width = max(len(r.label) for r in rows(points)) + 2
        out += [f"{r.label:<{label_width}}{''.join(s for s, _ in r.cells)}" for r in rows(points)]
        rates = rate_mbps(points)
        if any(r is not None for r in rates):
            out.append(f"{'rate':<{label_width}}{sparkline(rates)}")
        out += ["```", "", f"{VERDICT_LEGEND}; {LEGEND}", ""]
    out += table_lines(HEADER, [_row(row_id, s) for row_id, s in entries])
    return "\n".join(out) + "\n"


def render_history_html(entries: Sequence[Entry], database: str) -> str:
    """A self-contained page: one SVG chart per target and vantage point, then the list."""
    e = escape
    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>aspdiag history</title><style>{CSS}</style></head><body>",
        f'<h1>aspdiag history</h1><p class="muted">{e(database)} · {len(entries)} checks</p>',
    ]
    for (target, vantage), points in groups(entries).items():
        out.append(f"<section><h2>{e(_title(target, vantage, points))}</h2>{history_svg(points)}</section>")
    head = "".join(f"<th>{e(h)}</th>" for h in HEADER)
    body = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in _row(row_id, s)) + "</tr>" for row_id, s in entries)
    out.append(f'<section><h2>Checks</h2><table id="history-table"><thead><tr>{head}</tr></thead>')
    out.append(f"<tbody>{body}</tbody></table></section></body></html>\n")
    return "\n".join(out)
