"""Renderers for ``aspdiag explain``: terminal, Markdown, HTML and JSON, pure functions of an ExplainReport."""

from __future__ import annotations

import dataclasses
import json
from html import escape
from typing import Any

from rich.table import Table
from rich.text import Text

from aspdiag.core.model import SCHEMA_VERSION
from aspdiag.render import OutputFormat
from aspdiag.render.console import command_lines, string_console
from aspdiag.tools.explain.analyze import ClientSummary, SessionExplanation
from aspdiag.tools.explain.run import ExplainReport

TERMINAL_SESSIONS = 30
"""A server's log can hold thousands of sessions: the terminal shows this many (failures first)."""

PIPE = "\\|"
_OUTCOME_STYLE = {"success": "green", "partial": "yellow", "failed": "red", "unknown": "magenta"}

_INFERRED = {
    "cause": ", inferred from the cause, not logged",
    "words": ", the code these words stand for, not logged",
}
"""Marks a code ascp did not print or log: the one the cause stands for, or the one its words stand for."""


def _meaning(s: SessionExplanation) -> str:
    """The code's meaning, marked when no line gave the code, before how it was read here."""
    meaning, read, rest = s.error_meaning.partition("; read here")
    return meaning + _INFERRED.get(s.code_from or "", "") + read + rest


def _peer(s: SessionExplanation) -> str:
    """The far end and its ports (sshd's lines about a client name its TCP source port, not a UDP one)."""
    if not s.peer_address:
        return "-"
    ports = ([f"UDP {s.udp_port}"] if s.udp_port else []) + [f"SSH TCP {s.tcp_port or '?'}"]
    return f"{s.peer_address} ({', '.join(ports)})"


def _facts(s: SessionExplanation) -> list[tuple[str, str]]:
    rows = [
        ("Source", s.source),
        ("Session", s.uuid or "console output"),
        ("Time", s.time or "-"),
        ("Direction", s.direction or "-"),
        ("User", s.user or "-"),
        ("Peer", _peer(s)),
        ("Target rate", f"{s.target_rate_mbps:g} Mbit/s" if s.target_rate_mbps else "-"),
        ("Bytes", f"{s.bytes:,}" if s.bytes is not None else "-"),
        ("Progress", s.progress or "-"),
        ("Duration", f"{s.duration_s:g} s" if s.duration_s is not None else "-"),
        ("Rate", f"{s.rate_mbps:.2f} Mbit/s" if s.rate_mbps is not None else "-"),
        ("Loss", f"{s.loss_pct:g} %" if s.loss_pct is not None else "-"),
        ("Outcome", s.outcome),
        (
            "Error",
            (f"FASP {s.error_code} ({_meaning(s)}): " if s.error_code is not None else "") + (s.error_message or "-"),
        ),
        ("Cause", f"{s.cause} [{s.confidence} confidence]"),
        ("Next step", f"{s.next_step} (who: {s.who})"),
    ]
    if s.reasoning:
        rows.append(("Why", "; ".join(s.reasoning)))
    if s.limit:
        rows.append(("Limit hit", s.limit))
    if s.check_command:
        rows.append(("Check", s.check_command))
    if s.probe_summary:
        rows.append(("Probe", s.probe_summary))
    return rows


def _client_row(c: ClientSummary) -> list[str]:
    causes = ", ".join(f"{cause} {n}" for cause, n in c.causes.most_common(3)) or "-"
    return [c.peer, c.user, str(c.sessions), str(c.succeeded), str(c.failed), causes, c.last_failure or "-"]


CLIENT_HEADER = ["client", "user", "sessions", "ok", "failed", "causes", "last failure"]


def _headline(report: ExplainReport) -> str:
    outcomes = ", ".join(f"{n:,} {o}" for o, n in sorted(report.outcomes.items(), key=lambda kv: -kv[1]))
    text = (
        f"{report.sessions_total:,} session(s) ({outcomes or 'none'}) in {len(report.inputs)} input(s), "
        f"{report.lines_read:,} lines read."
    )
    if report.server_side:
        text += f" A server's log: {len(report.clients):,} client(s) (peer address and user)."
    if report.sessions_omitted:
        text += f" {report.sessions_omitted:,} session(s) only counted (listed: {len(report.sessions):,})."
    recovered = _recovered(report)
    if recovered:
        text += " " + recovered
    return text


def _recovered(report: ExplainReport) -> str:
    """A client's input whose last run succeeded after failed ones: a retry that recovered (blind round 8: three
    runs of one download, the third completed, and nothing said the job was done)."""
    if report.server_side:
        return ""
    by_source: dict[str, list[SessionExplanation]] = {}
    for session in report.sessions:
        by_source.setdefault(session.source, []).append(session)
    notes = []
    for source, runs in by_source.items():
        failed = sum(1 for s in runs[:-1] if s.outcome in ("failed", "partial"))
        if len(runs) > 1 and runs[-1].outcome == "success" and failed:
            if failed == len(runs) - 1:
                notes.append(f"{source}: the last run succeeded after {failed} failed one(s): the retry recovered.")
            else:
                # Successes before a failure too: a batch (a loop over files), not one download retried.
                notes.append(
                    f"{source}: {failed} of {len(runs)} runs failed; runs after them succeeded, but nothing shows "
                    "the failed ones were retried: rerun them."
                )
    return " ".join(notes)


def _listed(report: ExplainReport, limit: int | None) -> list[SessionExplanation]:
    """Sessions to show: all of them, or (many, as in a server's log) failures first up to ``limit``."""
    if limit is None or len(report.sessions) <= limit:
        return list(report.sessions)
    ranked = sorted(report.sessions, key=lambda s: s.outcome == "success")
    return ranked[:limit]


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
        "sessions_total": report.sessions_total,
        "sessions_omitted": report.sessions_omitted,
        "outcomes": dict(report.outcomes),
        "causes": dict(report.causes),
        "server_side": report.server_side,
        "clients": [{**_fields(c, _CLIENT_FIELDS), "causes": dict(c.causes)} for c in report.clients],
        "clients_omitted": report.clients_omitted,
        "sessions": [
            {**_fields(s, _SESSION_FIELDS), "evidence": list(s.evidence), "reasoning": list(s.reasoning)}
            for s in report.sessions
        ],
    }


_SESSION_FIELDS = tuple(f.name for f in dataclasses.fields(SessionExplanation))
_CLIENT_FIELDS = tuple(f.name for f in dataclasses.fields(ClientSummary))


def _fields(item: object, names: tuple[str, ...]) -> dict[str, Any]:
    """A dataclass's fields as a dict, shallow: their values are plain (the tuples and the Counter are converted
    by the caller). ``dataclasses.asdict`` deep-copies every value, a third of the time of a big log's JSON."""
    return {name: getattr(item, name) for name in names}


def render_explain(report: ExplainReport, fmt: OutputFormat, *, color: bool = False, width: int = 120) -> str:
    """The explanation in one format."""
    if fmt is OutputFormat.JSON:
        return json.dumps(explain_to_dict(report), indent=2, ensure_ascii=False) + "\n"
    if fmt is OutputFormat.MARKDOWN:
        out = ["# aspdiag explain", "", _headline(report), ""]
        if report.server_side and report.clients:
            out += ["## Clients (server's view)", "", "| " + " | ".join(CLIENT_HEADER) + " |"]
            out.append("|" + "---|" * len(CLIENT_HEADER))
            out += ["| " + " | ".join(v.replace("|", PIPE) for v in _client_row(c)) + " |" for c in report.clients]
            out.append("")
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
            f"<p>{escape(_headline(report))}</p>",
        ]
        if report.server_side and report.clients:
            parts.append("<h2>Clients (server's view)</h2><table>")
            parts.append("<tr>" + "".join(f"<th>{escape(h)}</th>" for h in CLIENT_HEADER) + "</tr>")
            for c in report.clients:
                parts.append("<tr>" + "".join(f"<td>{escape(v)}</td>" for v in _client_row(c)) + "</tr>")
            parts.append("</table>")
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
    console.print(Text(_headline(report), style="bold"))
    if report.server_side and report.clients:
        console.print(Text("Clients (server's view), failing most first:", style="bold"))
        for c in report.clients[:TERMINAL_SESSIONS]:
            row = _client_row(c)
            console.print(
                Text(f"  {row[0]:<40} {row[1]:<16} {row[2]:>6} sessions, {row[3]:>6} ok, {row[4]:>6} failed  {row[5]}")
            )
        if len(report.clients) > TERMINAL_SESSIONS:
            console.print(Text(f"  ... {len(report.clients) - TERMINAL_SESSIONS:,} more clients (--format json)"))
    shown = _listed(report, TERMINAL_SESSIONS)
    for i, s in enumerate(shown, start=1):
        head = Text(f"Session {i} ", style="bold")
        head.append(s.outcome.upper(), style=_OUTCOME_STYLE.get(s.outcome, ""))
        head.append(f"  {s.source}" + (f"  {s.uuid}" if s.uuid else ""))
        console.print(head)
        # A grid keeps a long value's wrapped lines under its column (they fell back to column 0), and a command
        # to copy is printed whole on its own line: the terminal folds it, but no line break is put inside it.
        grid = Table.grid(padding=(0, 1))
        grid.add_column(width=14, no_wrap=True)
        grid.add_column(overflow="fold")
        command = None
        for key, value in _facts(s)[2:]:
            if key == "Check":
                command = value
                continue
            grid.add_row(f"  {key}", value)
        console.print(grid)
        if command:
            label = "  Check        "
            for i, part in enumerate(command_lines(command, console.width - len(label))):
                console.print(Text(label if i == 0 else " " * len(label)) + Text(part), soft_wrap=True)
        for line in s.evidence[:5]:
            console.print(Text(f"    | {line}", style="dim"))
    if len(shown) < len(report.sessions):
        console.print(Text(f"... {len(report.sessions) - len(shown):,} more sessions listed in --format json/markdown"))
    for name, reason in report.problems:
        console.print(Text(f"not used: {name}: {reason}", style="yellow"))
    return buffer.getvalue()
