"""What every report format shows and in which order, independent of the format: the measurements'
sections from the registry, the per-address overview their columns make up, the change-request cells and
the environment rows."""

from __future__ import annotations

from collections.abc import Iterator

from aspdiag.core.measurement import Block, Cell, Chart, Items, Line, Paragraph, Section
from aspdiag.core.model import SIGNAL_WORDS, Audience, Family, Finding, ItemStatus, Report, RuleRequest
from aspdiag.engine.registry import MEASUREMENTS
from aspdiag.render.charts import history_svg
from aspdiag.report.changes import when

CHANGE_REQUEST_COLUMNS = (
    "#",
    "Source",
    "Destination",
    "Protocol / port",
    "Direction",
    "Action",
    "Justification",
    "Expires",
    "Evidence",
)
"""Column titles of the change-request table, the same in every report format."""


def changes_section(report: Report) -> Section | None:
    """What changed since the last check of the same target from the same vantage point (shown right after
    the verdict); None when no history was kept."""
    changes = report.changes
    if changes is None:
        return None
    target = report.target.display
    if changes.previous_utc is None:
        text = f"First check of {target} recorded from {changes.vantage.text}: the next one will show what changed."
        return Section(
            "changes", "Changed since the last check", (Paragraph(text, muted=True),), (Line(text, dim=True),)
        )
    since = when(changes.previous_utc)
    intro = f"Compared with the last check of {target} from {changes.vantage.text}, on {since}"
    blocks: list[Block] = []
    terminal: list[Line] = []
    if changes.items:
        blocks.append(Paragraph(f"{intro}:"))
        blocks.append(Items(tuple(c.text for c in changes.items)))
        terminal.append(Line("", bold_prefix=f"Changed since {since}:"))
        tones = {True: "bad", False: "ok", None: "info"}
        terminal += [Line(f"  {c.text}", tone=tones[c.worse]) for c in changes.items]
    else:
        text = f"{intro}: nothing changed beyond noise (RTT within max(20 %, 5 ms), rates within 20 %)."
        blocks.append(Paragraph(text))
        terminal.append(Line(f"No change since {since} (from {changes.vantage.text}).", dim=True))
    if len(changes.timeline) > 1:
        blocks.append(Chart(f"The last {len(changes.timeline)} checks", history_svg(changes.timeline)))
    return Section("changes", f"Changed since {since}", tuple(blocks), tuple(terminal))


def ordered_sections(report: Report) -> Iterator[Section | None]:
    """Each measurement's section in registry order; None marks where the per-address overview goes (before
    the first measurement that adds a column to it)."""
    overview_placed = False
    for measurement in MEASUREMENTS:
        if not overview_placed and report.addresses and measurement.overview(report):
            overview_placed = True
            yield None
        section = measurement.section(report)
        if section is not None:
            yield section


def overview(report: Report, *, family: bool) -> tuple[list[str], list[list[Cell]]]:
    """The one-row-per-address table: the address (and family) and every measurement's overview columns."""
    columns = [column for m in MEASUREMENTS for column in m.overview(report)]
    header = ["Address", *(["Family"] if family else []), *(c.header for c in columns)]
    rows = []
    for address in report.addresses:
        v6 = Family.of(address) is Family.IPV6
        first = (
            [Cell(address), Cell(Family.of(address).value)] if family else [Cell(f"{address} ({'v6' if v6 else 'v4'})")]
        )
        rows.append([*first, *(c.cells.get(address, Cell("-")) for c in columns)])
    return header, rows


def change_request_cells(index: int, r: RuleRequest, joiner: str) -> list[str]:
    """The cells of one change-request row as text (``joiner`` separates the lines of one cell)."""
    source = (r.source_address or "?") + (f" (subnet {r.source_subnet})" if r.source_subnet else "")
    if r.nat_note:
        source += f"{joiner}{r.nat_note}"
    return [
        str(index),
        source,
        (f"{r.destination_name} " if r.destination_name else "") + r.destination_address,
        f"{r.protocol.value.upper()} {r.ports}",
        r.direction,
        r.action if r.needed else f"{r.action} (optional: the transfer works without it)",
        r.justification,
        r.expires,
        r.evidence,
    ]


def environment_rows(report: Report) -> list[tuple[str, str]]:
    """Where and how the check ran."""
    env = report.environment
    sources = ", ".join(f"{s.address} on {s.interface}" for s in env.sources) or "-"
    return [
        ("Host", env.hostname),
        ("OS", env.os),
        ("Python", env.python),
        ("User id", f"{env.uid} ({'raw sockets allowed' if env.privileged else 'unprivileged'})"),
        ("Source addresses", sources),
        ("Resolver", env.resolver or "-"),
        ("ascp installations", ", ".join(env.ascp_installations or ()) or "not looked for"),
        ("Started (UTC)", report.started_utc),
        ("Finished (UTC)", report.finished_utc),
        ("aspdiag", report.tool_version),
    ]


def finding_suffix(finding: Finding) -> str:
    """Who must act, and for an unproven finding what would settle it: `` [for: client network team]``."""
    text = f" [for: {finding.audience.value}]"
    if not finding.proven:
        text += " [not proven" + (f"; to settle it: {finding.settle}" if finding.settle else "") + "]"
    return text


def operator_notes(report: Report) -> list[Finding]:
    """The findings the server's operators must act on (a note apart from the change request)."""
    return [f for f in report.assessment.findings if f.audience is Audience.SERVER_OPERATORS]


CHECKLIST_HEADER = ("Stage", "Status", "What it found", "To run it / to fix it")
STATUS_TONE = {
    ItemStatus.DONE: "ok",
    ItemStatus.PROBLEM: "bad",
    ItemStatus.UNKNOWN: "warn",
    ItemStatus.NOT_RUN: "info",
    ItemStatus.TODO: "",
}


def checklist_rows(report: Report, *, todo: bool) -> list[list[Cell]]:
    """The pre-download checklist as table rows: the preflight's stages (``todo`` False) or the steps to take
    around the long transfer (``todo`` True)."""
    return [
        [Cell(c.item), Cell(c.status.value, STATUS_TONE[c.status]), Cell(c.note), Cell(c.option)]
        for c in report.recommendations.checklist
        if (c.status is ItemStatus.TODO) == todo
    ]


def interrupted_note(report: Report) -> str:
    """``Interrupted by SIGTERM: this report holds only what was measured before.``"""
    by = SIGNAL_WORDS.get(report.interrupted_by, report.interrupted_by)
    return f"Interrupted by {by}: this report holds only what was measured before."
