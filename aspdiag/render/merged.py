"""Renderers for several reports merged into one: a per-vantage comparison, then each vantage in full."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from aspdiag.core.model import SCHEMA_VERSION, Report
from aspdiag.measurements.reachability import ports_for, ports_of
from aspdiag.measurements.reachability.section import port_cell
from aspdiag.measurements.route import routes_of
from aspdiag.render import OutputFormat


def vantage_name(report: Report) -> str:
    """How a vantage point is named: its host name and first source address."""
    source = next((r.source_address for r in routes_of(report) if r.source_address), None)
    return f"{report.environment.hostname} ({source})" if source else report.environment.hostname


def comparison(reports: Sequence[Report]) -> tuple[list[str], list[list[str]]]:
    """Header and rows: one row per target address and port, one column per vantage point."""
    names = [vantage_name(r) for r in reports]
    keys: dict[tuple[str, str, str], None] = {}
    for report in reports:
        for address in report.addresses:
            for port in ports_for(report, address):
                keys.setdefault((report.target.display, address, port.label), None)
    rows = []
    for target, address, label in keys:
        row = [target, address, label]
        for report in reports:
            result = next(
                (
                    p
                    for p in ports_of(report)
                    if p.address == address and p.label == label and report.target.display == target
                ),
                None,
            )
            row.append(port_cell(result) if result else "not tested")
        rows.append(row)
    return ["Target", "Address", "Port", *names], _ranges(rows)


def _ranges(rows: list[list[str]]) -> list[list[str]]:
    """Neighbouring ports of one protocol whose cells read the same in every column as one row
    (``udp/33001-33010``), as the check's own overview does (a review: ten identical rows for a range)."""
    out: list[list[str]] = []
    last: tuple[int, int] | None = None  # (first, last) port of out[-1]
    for row in rows:
        protocol, _, number = row[2].partition("/")
        port = int(number) if number.isdigit() else None
        previous = out[-1] if out else None
        if (
            previous is not None
            and last is not None
            and port is not None
            and port == last[1] + 1
            and previous[0] == row[0]
            and previous[1] == row[1]
            and previous[2].startswith(f"{protocol}/")
            and previous[3:] == row[3:]
        ):
            last = (last[0], port)
            previous[2] = f"{protocol}/{last[0]}-{port}"
            continue
        out.append(list(row))
        last = (port, port) if port is not None else None
    return out


def render_merged(reports: Sequence[Report], fmt: OutputFormat, *, color: bool = False, width: int = 100) -> str:
    """The merged report in one format."""
    header, rows = comparison(reports)
    verdicts = [(vantage_name(r), r.assessment.verdict.value, r.target.display) for r in reports]
    if fmt is OutputFormat.JSON:
        from aspdiag.report.codec import report_to_dict

        data: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "kind": "merged",
            "vantages": [report_to_dict(r) for r in reports],
            "comparison": {"header": header, "rows": rows},
        }
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if fmt is OutputFormat.HTML:
        from html import escape

        from aspdiag.render.html import CSS, render_html, table_html

        table = table_html(header, [[escape(c) for c in row] for row in rows], "vantage-table")
        summary = "".join(f"<li>{escape(n)}: <b>{escape(v)}</b> for {escape(t)}</li>" for n, v, t in verdicts)
        bodies = []
        for report in reports:
            full = render_html(report)
            body = full[full.index("<body>") + len("<body>") : full.rindex("</body>")]
            bodies.append(f'<section class="vantage"><h1>From {escape(vantage_name(report))}</h1>{body}</section>')
        return (
            '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>aspdiag: merged report</title>'
            f"<style>{CSS}</style></head><body><h1>aspdiag: {len(reports)} vantage points</h1><ul>{summary}</ul>"
            f"<h2>Per vantage point</h2>{table}{''.join(bodies)}</body></html>\n"
        )
    if fmt is OutputFormat.TERMINAL:
        return _terminal(header, rows, verdicts, color=color, width=width)
    from aspdiag.render.markdown import render_markdown, table_lines

    lines = [f"# aspdiag: {len(reports)} vantage points", ""]
    lines += [f"- {n}: **{v}** for {t}" for n, v, t in verdicts]
    lines += ["", "## Per vantage point", "", *table_lines(header, rows), ""]
    for report in reports:
        lines += [f"# From {vantage_name(report)}", "", render_markdown(report).split("\n", 1)[1], ""]
    return "\n".join(lines)


def _terminal(
    header: list[str], rows: list[list[str]], verdicts: list[tuple[str, str, str]], *, color: bool, width: int
) -> str:
    """The comparison for a terminal: each vantage point's verdict, then one row per address and port (one
    block per row when the vantage columns do not fit the width)."""
    from rich.text import Text

    from aspdiag.core.measurement import Cell
    from aspdiag.render.console import string_console
    from aspdiag.render.terminal import console_text, fitted_table

    console, buffer = string_console(color=color, width=width)
    console.print(Text(f"aspdiag: {len(verdicts)} vantage points", style="bold"))
    for name, verdict, target in verdicts:
        console.print(Text(f"  {name}: {verdict.upper()} for {target}"))
    console.print(fitted_table(console, header, [[Cell(c) for c in row] for row in rows]))
    console.print(Text("Every vantage point in full: --format markdown or html.", style="dim"))
    return console_text(buffer, color=color)
