"""Self-contained HTML renderer: inline CSS and inline SVG, no scripts, fonts or images; prints on A4.

The verdict and the firewall change request come first, so that the first screen (and the first printed
page) is what a perimeter team needs. Every measurement's section comes from the registry; this module
only knows how blocks look in HTML.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape

from aspdiag.core.measurement import Block, Cell, Chart, FactList, Items, Paragraph, Table
from aspdiag.core.model import PortState, Report, Severity
from aspdiag.render.layout import (
    CHANGE_REQUEST_COLUMNS,
    CHECKLIST_HEADER,
    change_request_cells,
    changes_section,
    checklist_rows,
    environment_rows,
    finding_suffix,
    interrupted_note,
    operator_notes,
    ordered_sections,
    overview,
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
.v-cannot-tell, .v-name-not-resolved { background: #6e40c9; }
.v-ready-but-unconfirmed { background: #0a6f7a; }
header .word { font-size: 26px; font-weight: 700; letter-spacing: 0.04em; }
header p { margin: 4px 0; } header .meta { opacity: 0.85; font-size: 12px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 10px; font-size: 12.5px; }
th, td { border: 1px solid #d0d7de; padding: 4px 6px; text-align: left; vertical-align: top;
         overflow-wrap: break-word; }
.w { overflow-wrap: anywhere; }
th { background: #f6f8fa; }
table.dense { font-size: 10.5px; } table.dense th, table.dense td { padding: 2px 3px; }
tr { page-break-inside: avoid; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12px; }
pre { background: #f6f8fa; padding: 8px 10px; border-radius: 4px; white-space: pre-wrap; word-break: break-all; }
.t-ok { color: #1a7f37; font-weight: 600; } .t-warn { color: #9a6700; }
.t-bad { color: #cf222e; font-weight: 600; } .t-error { color: #6e40c9; } .t-info { color: #0969da; }
.sev-blocker { color: #cf222e; font-weight: 700; } .sev-warning { color: #9a6700; font-weight: 700; }
.sev-info { color: #0969da; font-weight: 700; }
.muted { color: #57606a; font-size: 12px; }
svg { max-width: 100%; height: auto; }
@media print { body { max-width: none; padding: 0; font-size: 11px; } h2 { page-break-after: avoid; }
  table.dense { font-size: 8.5px; }
  header.verdict { -webkit-print-color-adjust: exact; print-color-adjust: exact; } }
"""


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _inline(text: str) -> str:
    """Escaped text with `code` spans (as Markdown writes them) set in <code>."""
    return re.sub(r"`([^`]+)`", r"<code>\1</code>", _e(text))


def _cell(cell: Cell) -> str:
    return f'<span class="t-{cell.tone}">{_e(cell.text)}</span>' if cell.tone else _e(cell.text)


_TAG = re.compile(r"(<[^>]*>)")
_LONG_TOKEN = re.compile(r"\S{12,}")
WIDE_TABLE_COLUMNS = 9
"""A summary table with more columns than this is shown as one small table per address (a page's width holds
about nine columns of evidence)."""


def breakable(html: str) -> str:
    """Escaped HTML whose long tokens (an IPv6 address, a path, a timestamp) may wrap inside a table cell, so
    the table stays on the page; the text itself is unchanged (no inserted characters: a report is still
    searched for an address as it is)."""
    return "".join(
        p if p.startswith("<") else _LONG_TOKEN.sub(r'<span class="w">\g<0></span>', p) for p in _TAG.split(html)
    )


def table_html(header: Sequence[str], rows: Sequence[Sequence[str]], table_id: str = "") -> str:
    """A table; cells are already escaped HTML. A table with many columns is set denser (smaller type, less
    padding) so that it stays within the page."""
    head = "".join(f"<th>{_e(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<td>{breakable(c)}</td>" for c in row) + "</tr>" for row in rows)
    ident = f' id="{table_id}"' if table_id else ""
    dense = ' class="dense"' if len(header) > WIDE_TABLE_COLUMNS else ""
    return f"<table{ident}{dense}><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _per_row(header: Sequence[str], rows: Sequence[Sequence[str]], table_id: str) -> str:
    """A wide table as one two-column table per row (its first cell as the heading)."""
    parts = [f'<div id="{table_id}" class="per-row">']
    for row in rows:
        parts.append(f"<h3>{breakable(row[0])}</h3>")
        parts.append(table_html(["", ""], [[_e(name), cell] for name, cell in zip(header[1:], row[1:], strict=False)]))
    return "".join(parts) + "</div>"


def block_html(block: Block) -> str:
    """One block of a section as HTML."""
    if isinstance(block, Table):
        return table_html(block.header, [[_cell(c) for c in row] for row in block.rows], block.ident)
    if isinstance(block, FactList):
        return table_html(["", ""], [[_e(k), _e(v)] for k, v in block.rows], block.ident)
    if isinstance(block, Paragraph):
        if block.code:
            return f"<pre>{_e(block.text)}</pre>"
        return f'<p class="muted">{_e(block.text)}</p>' if block.muted else f"<p>{_e(block.text)}</p>"
    if isinstance(block, Items):
        heading = f"<h3>{_e(block.heading)}</h3>" if block.heading else ""
        return heading + "<ul>" + "".join(f"<li>{_inline(i)}</li>" for i in block.items) + "</ul>"
    if isinstance(block, Chart):
        return f"<h3>{_e(block.title)}</h3>{block.svg}"
    raise TypeError(f"unknown block {type(block).__name__}")


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
        *([f'<p class="settle"><b>To settle it:</b> {_e(a.settle)}</p>'] if a.settle else []),
        f'<p class="meta">aspdiag check {_e(report.target.display)} · {_e(report.started_utc)} UTC · '
        f"method {_e(report.settings.method)} · aspdiag {_e(report.tool_version)} · "
        f"from {_e(report.environment.hostname)}</p></header>",
    ]
    if report.interrupted:
        out.append(f"<p><b>{_e(interrupted_note(report))}</b></p>")
    stages = checklist_rows(report, todo=False)
    if stages:
        out.append('<section id="checklist"><h2>Pre-download checklist</h2>')
        out.append(table_html(CHECKLIST_HEADER, [[_cell(c) for c in row] for row in stages], "checklist-table"))
        out.append("</section>")
    changes = changes_section(report)
    if changes is not None:
        out.append(f'<section id="changes"><h2>{_e(changes.title)}</h2>')
        out += [block_html(block) for block in changes.blocks]
        out.append("</section>")
    out.append('<section id="change-request"><h2>Firewall change request</h2>')
    if report.change_request:
        out.append(
            '<p class="muted">One row per rule needed, only for what is really blocked. Paste into the ticket.</p>'
        )
        rows = [
            [_e(c).replace("\n", "<br>") for c in change_request_cells(i, r, "\n")]
            for i, r in enumerate(report.change_request, start=1)
        ]
        out.append(table_html(CHANGE_REQUEST_COLUMNS, rows, "change-request-table"))
    else:
        out.append("<p>No firewall rule is needed: nothing measured here is proven blocked on the client's side.</p>")
    out.append("</section>")
    notes = operator_notes(report)
    if notes:
        out.append('<section id="server-operators"><h2>For the server\'s operators</h2><ul>')
        out += [
            f'<li>{_e(f.title)}<br><span class="muted">{_e(f.detail)}</span>'
            + (f"<br>To settle it: {_e(f.settle)}" if f.settle else "")
            + "</li>"
            for f in notes
        ]
        out.append("</ul></section>")
    if a.findings:
        out.append('<section id="findings"><h2>Findings</h2><ul>')
        for f in a.findings:
            item = f'<li><span class="sev-{f.severity.value}">{_e(f.severity.value)}</span> {_e(f.title)}'
            if f.detail:
                item += f'<br><span class="muted">{_e(f.detail)}</span>'
            if f.action:
                item += f"<br>→ {_e(f.action)}"
            item += f'<br><span class="muted">{_e(finding_suffix(f).strip())}</span>'
            out.append(item + "</li>")
        out.append("</ul></section>")
    for section in ordered_sections(report):
        if section is None:
            header, cells = overview(report, family=True)
            out.append('<section id="overview"><h2>Addresses</h2>')
            html_rows = [[_cell(c) for c in row] for row in cells]
            wide = len(header) > WIDE_TABLE_COLUMNS
            out.append((_per_row if wide else table_html)(header, html_rows, "summary-table"))
            out.append("</section>")
            continue
        out.append(f'<section id="{_e(section.key)}"><h2>{_e(section.title)}</h2>')
        out += [block_html(block) for block in section.blocks]
        out.append("</section>")
    recs = report.recommendations
    out.append('<section id="recommendations"><h2>Recommendations</h2>')
    out.append("<p>ascp command line tuned from these measurements:</p>")
    out.append(f"<pre>{_e(recs.ascp_command)}</pre>")
    steps = checklist_rows(report, todo=True)
    out.append(table_html(["Then", "Status", "How"], [[_cell(c) for c in row[:3]] for row in steps], "steps-table"))
    out.append("</section>")
    out.append('<section id="environment"><h2>Environment</h2>')
    out.append(table_html(["", ""], [[_e(k), _e(v)] for k, v in environment_rows(report)]))
    out.append("</section>")
    if report.failures:
        out.append('<section id="failures"><h2>Probes that did not finish</h2><ul>')
        out += [f"<li><code>{_e(f.key)}</code>: {_e(f.reason)}</li>" for f in report.failures]
        out.append("</ul></section>")
    if report.command:
        out.append(f'<section id="reproduce"><h2>Reproduce</h2><pre>{_e(report.command)}</pre></section>')
    severity_order = ", ".join(s.value for s in Severity)
    out.append(
        f'<footer class="muted"><p>aspdiag {_e(report.tool_version)} · severities: {severity_order} · '
        f"port states: {', '.join(s.value for s in PortState)}</p></footer>"
    )
    out.append("</body></html>\n")
    return "\n".join(out)
