"""Markdown renderer: a report that pastes cleanly into a ticket or a wiki. Every measurement's section comes
from the registry; this module only knows how blocks look in Markdown."""

from __future__ import annotations

from collections.abc import Sequence

from aspdiag.core.measurement import Block, Chart, FactList, Items, Paragraph, Table
from aspdiag.core.model import Report
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


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def table_lines(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """A GitHub-flavoured Markdown table."""
    lines = ["| " + " | ".join(_cell(h) for h in header) + " |", "|" + "---|" * len(header)]
    lines.extend("| " + " | ".join(_cell(c) for c in row) + " |" for row in rows)
    return lines


def block_lines(block: Block) -> list[str]:
    """One block of a section as Markdown lines (charts are HTML only)."""
    if isinstance(block, Table):
        return [*table_lines(block.header, [[c.text for c in row] for row in block.rows]), ""]
    if isinstance(block, FactList):
        return [*table_lines(["", ""], [list(row) for row in block.rows]), ""]
    if isinstance(block, Paragraph):
        return ["```", block.text, "```", ""] if block.code else [block.text, ""]
    if isinstance(block, Items):
        heading = [f"### {block.heading}", ""] if block.heading else []
        return [*heading, *(f"- {item}" for item in block.items), ""]
    if isinstance(block, Chart):
        return []
    raise TypeError(f"unknown block {type(block).__name__}")


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
    if a.settle:
        out += [f"**To settle it:** {a.settle}", ""]
    if report.interrupted:
        out += [f"> **{interrupted_note(report)}**", ""]
    stages = checklist_rows(report, todo=False)
    if stages:
        out += ["## Pre-download checklist", ""]
        out += [*table_lines(CHECKLIST_HEADER, [[c.text for c in row] for row in stages]), ""]
    changes = changes_section(report)
    if changes is not None:
        out += [f"## {changes.title}", ""]
        for block in changes.blocks:
            out += block_lines(block)
    out += ["## Firewall change request", ""]
    if report.change_request:
        out += ["One row per rule needed, only for what is really blocked.", ""]
        rows = [change_request_cells(i, r, "; ") for i, r in enumerate(report.change_request, start=1)]
        out += [*table_lines(CHANGE_REQUEST_COLUMNS, rows), ""]
    else:
        out += ["No firewall rule is needed: nothing measured here is proven blocked on the client's side.", ""]
    notes = operator_notes(report)
    if notes:
        out += ["## For the server's operators", "", "What the evidence shows on the server's side:", ""]
        out += [f"- {f.title}. {f.detail}" + (f" *Evidence settles it:* {f.settle}" if f.settle else "") for f in notes]
        out.append("")
    if a.findings:
        out += ["## Findings", ""]
        for f in a.findings:
            line = f"- **{f.severity.value}**{finding_suffix(f)} — {f.title}"
            if f.detail:
                line += f". {f.detail}"
            if f.action:
                line += f". *Action:* {f.action}"
            out.append(line)
        out.append("")
    for item in ordered_sections(report):
        if item is None:
            header, cells = overview(report, family=True)
            out += ["## Addresses", "", *table_lines(header, [[c.text for c in row] for row in cells]), ""]
            continue
        out += [f"## {item.title}", ""]
        for block in item.blocks:
            out += block_lines(block)
    if report.failures:
        out += ["## Probes that did not finish", ""]
        out += [f"- `{f.key}`: {f.reason}" for f in report.failures]
        out.append("")
    recs = report.recommendations
    out += ["## Recommendations", "", "ascp command line tuned from these measurements:", ""]
    out += ["```", recs.ascp_command, "```", ""]
    steps = checklist_rows(report, todo=True)
    out += table_lines(["Then", "Status", "How"], [[row[0].text, row[1].text, row[2].text] for row in steps])
    out += ["", "## Environment", ""]
    out += [*table_lines(["", ""], [list(row) for row in environment_rows(report)]), ""]
    if report.command:
        out += ["## Reproduce", "", "```", report.command, "```", ""]
    return "\n".join(out)
