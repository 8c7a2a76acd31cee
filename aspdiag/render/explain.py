"""Renderers for ``aspdiag explain``: terminal, Markdown, HTML and JSON, pure functions of an ExplainReport."""

from __future__ import annotations

import dataclasses
import json
from html import escape
from typing import Any

from rich.text import Text

from aspdiag.core.model import SCHEMA_VERSION
from aspdiag.render import OutputFormat
from aspdiag.render.terminal import string_console
from aspdiag.tools.explain.analyze import SessionExplanation
from aspdiag.tools.explain.run import ExplainReport

PIPE = "\\|"
_OUTCOME_STYLE = {"success": "green", "partial": "yellow", "failed": "red", "unknown": "magenta"}


def _facts(s: SessionExplanation) -> list[tuple[str, str]]:
    rows = [
        ("Source", s.source),
        ("Session", s.uuid or "console output"),
        ("Time", s.time or "-"),
        ("Direction", s.direction or "-"),
        ("User", s.user or "-"),
        ("Peer", f"{s.peer_address} (UDP {s.udp_port}, SSH TCP {s.tcp_port or '?'})" if s.peer_address else "-"),
        ("Target rate", f"{s.target_rate_mbps:g} Mbit/s" if s.target_rate_mbps else "-"),
        ("Bytes", f"{s.bytes:,}" if s.bytes is not None else "-"),
        ("Duration", f"{s.duration_s:g} s" if s.duration_s is not None else "-"),
        ("Rate", f"{s.rate_mbps:.2f} Mbit/s" if s.rate_mbps is not None else "-"),
        ("Loss", f"{s.loss_pct:g} %" if s.loss_pct is not None else "-"),
        ("Outcome", s.outcome),
        (
            "Error",
            (f"FASP {s.error_code} ({s.error_meaning}): " if s.error_code is not None else "")
            + (s.error_message or "-"),
        ),
        ("Cause", f"{s.cause} [{s.confidence} confidence]"),
        ("Next step", f"{s.next_step} (who: {s.who})"),
    ]
    if s.limit:
        rows.append(("Limit hit", s.limit))
    if s.check_command:
        rows.append(("Check", s.check_command))
    if s.probe_summary:
        rows.append(("Probe", s.probe_summary))
    return rows


def explain_to_dict(report: ExplainReport) -> dict[str, Any]:
    """The JSON view."""
    return {
        "schema_version": SCHEMA_VERSION,
        "kind": "explain",
        "tool": {"name": "aspdiag", "version": report.tool_version},
        "started_utc": report.started_utc,
        "inputs": list(report.inputs),
        "problems": [{"input": name, "reason": reason} for name, reason in report.problems],
        "lines_read": report.lines_read,
        "bytes_read": report.bytes_read,
        "sessions": [{**dataclasses.asdict(s), "evidence": list(s.evidence)} for s in report.sessions],
    }


def render_explain(report: ExplainReport, fmt: OutputFormat, *, color: bool = False, width: int = 120) -> str:
    """The explanation in one format."""
    if fmt is OutputFormat.JSON:
        return json.dumps(explain_to_dict(report), indent=2, ensure_ascii=False) + "\n"
    if fmt is OutputFormat.MARKDOWN:
        out = [
            "# aspdiag explain",
            "",
            f"{len(report.sessions)} session(s) in {len(report.inputs)} input(s), {report.lines_read:,} lines read.",
            "",
        ]
        for i, s in enumerate(report.sessions, start=1):
            out += [f"## Session {i}: {s.outcome} — {s.cause_id}", "", "| | |", "|---|---|"]
            out += ["| " + k + " | " + str(v).replace("|", PIPE) + " |" for k, v in _facts(s)]
            if s.evidence:
                out += ["", "Evidence:", "", "```", *s.evidence, "```"]
            out.append("")
        if report.problems:
            out += ["## Inputs not used", ""] + [f"- `{n}`: {r}" for n, r in report.problems] + [""]
        return "\n".join(out)
    if fmt is OutputFormat.HTML:
        from aspdiag.render.html import CSS

        parts = [
            "<!DOCTYPE html>",
            '<html lang="en"><head><meta charset="utf-8"><title>aspdiag explain</title>',
            f"<style>{CSS}</style></head><body><h1>aspdiag explain</h1>",
            f"<p>{len(report.sessions)} session(s) in {len(report.inputs)} input(s), "
            f"{report.lines_read:,} lines read.</p>",
        ]
        for i, s in enumerate(report.sessions, start=1):
            parts.append(f'<section class="session"><h2>Session {i}: {escape(s.outcome)} — {escape(s.cause_id)}</h2>')
            parts.append(
                "<table>"
                + "".join(f"<tr><th>{escape(k)}</th><td>{escape(str(v))}</td></tr>" for k, v in _facts(s))
                + "</table>"
            )
            if s.evidence:
                parts.append("<pre>" + escape("\n".join(s.evidence)) + "</pre>")
            parts.append("</section>")
        if report.problems:
            parts.append(
                "<h2>Inputs not used</h2><ul>"
                + "".join(f"<li><code>{escape(n)}</code>: {escape(r)}</li>" for n, r in report.problems)
                + "</ul>"
            )
        parts.append("</body></html>\n")
        return "\n".join(parts)
    console, buffer = string_console(color=color, width=width)
    for i, s in enumerate(report.sessions, start=1):
        head = Text(f"Session {i} ", style="bold")
        head.append(s.outcome.upper(), style=_OUTCOME_STYLE.get(s.outcome, ""))
        head.append(f"  {s.source}" + (f"  {s.uuid}" if s.uuid else ""))
        console.print(head)
        for key, value in _facts(s)[2:]:
            console.print(Text(f"  {key:<12} {value}"))
        for line in s.evidence[:5]:
            console.print(Text(f"    | {line}", style="dim"))
    for name, reason in report.problems:
        console.print(Text(f"not used: {name}: {reason}", style="yellow"))
    return buffer.getvalue()
