"""``aspdiag explain``: failed, stalled or slow transfers explained from ascp output and logs."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from aspdiag.cli.check import run_check
from aspdiag.cli.output import ForceOption, FormatOption, NoColorOption, OutputOption, QuietOption, destination
from aspdiag.core.config import DEFAULT_TCP_PORTS, DEFAULT_UDP_PORTS, CheckConfig, validate_host
from aspdiag.core.errors import ConfigError
from aspdiag.core.exit_codes import ExitCode
from aspdiag.render import OutputFormat
from aspdiag.report.files import DEFAULT_REPORTS_DIR, prepare_reports_dir, report_stem, write_report_set

if TYPE_CHECKING:
    from aspdiag.tools.explain.run import ExplainReport


def explain_command(
    paths: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="FILE|DIR|-",
            help="ascp output or logs (aspera-scp-transfer*.log, syslog, .gz/.bz2/.xz); a directory is read whole; "
            "'-' or nothing: stdin.",
        ),
    ] = None,
    output_format: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    report: Annotated[
        bool,
        typer.Option("--report", help="Also write the explanation to reports/ (`explain-<UTC time>.{html,md,json}`)."),
    ] = False,
    reports_dir: Annotated[
        Path | None, typer.Option("--reports-dir", metavar="DIR", file_okay=False, help="Where --report writes.")
    ] = None,
    probe: Annotated[
        bool, typer.Option("--probe", help="Run 'aspdiag check' against each peer right away and fold the result in.")
    ] = False,
    quiet: QuietOption = False,
    no_color: NoColorOption = False,
) -> None:
    """Explain failed, stalled or slow transfers from ascp output and logs: cause, evidence, next step.

    Reads captured stdout/stderr, aspera-scp-transfer*.log files and syslog (a server's log gets a per-client
    summary), rotated logs in rotation order and .gz/.bz2/.xz compressed ones, CRLF, UTF-16, truncated or
    interleaved sessions.
    """
    from aspdiag.fasp.secrets import scrub_document, secrets_in
    from aspdiag.render.explain import render_explain
    from aspdiag.tools.explain.run import explain_inputs

    items = paths or ["-"]
    if items == ["-"] and sys.stdin.isatty():
        raise ConfigError(
            "no input: give ascp output or log files, a directory, or pipe them in",
            "e.g. aspdiag explain ~/aspera-logs/  or  ascp ... 2>&1 | aspdiag explain",
        )
    dest = destination(output_format, output, force=force, quiet=quiet, no_color=no_color, command="explain")
    reports_hint = "use --reports-dir DIR, or leave out --report"
    reports_path = prepare_reports_dir(reports_dir or Path(DEFAULT_REPORTS_DIR), hint=reports_hint) if report else None
    plain = no_color or bool(os.environ.get("NO_COLOR"))
    progress_ctx = _bytes_progress(items, no_color=plain) if sys.stderr.isatty() and not quiet else None
    if progress_ctx is not None:
        with progress_ctx as advance:
            result = explain_inputs(items, sys.stdin.buffer, on_bytes=advance)
    else:
        result = explain_inputs(items, sys.stdin.buffer)
    if not result.usable:
        reasons = "; ".join(f"{name}: {why}" for name, why in result.problems) or "no input"
        raise ConfigError(
            f"nothing usable to explain ({reasons})", "give ascp's own output or its aspera-scp-transfer*.log files"
        )
    for name, why in result.problems:
        # Also on stderr: an input that was not used is a warning, not only a line inside the document.
        typer.echo(f"aspdiag: warning: not used: {name}: {why}", err=True)
    if probe:
        result = _probe_peers(result)
    # A log pasted with a password in it (a shell trace, an echoed command) must not carry it into the
    # explanation or the reports: the credential variables' values are scrubbed, as 'run' does.
    secrets = secrets_in()
    dest.write(scrub_document(render_explain(result, dest.format, color=dest.color, width=dest.width), secrets))
    if reports_path is not None:
        texts = {
            fmt.suffix: scrub_document(render_explain(result, fmt), secrets)
            for fmt in (OutputFormat.JSON, OutputFormat.MARKDOWN, OutputFormat.HTML)
        }
        written = write_report_set(reports_path, report_stem("explain"), texts)
        dest.note("reports: " + ", ".join(str(p) for p in written))
    ok = all(s.outcome == "success" for s in result.sessions)
    raise typer.Exit(int(ExitCode.READY if ok else ExitCode.FINDINGS))


class _bytes_progress:
    """A rich progress bar over the bytes of the inputs (for big logs), as a context manager."""

    def __init__(self, items: list[str], *, no_color: bool = False) -> None:
        self.no_color = no_color
        self.total = sum(Path(i).stat().st_size for i in items if i != "-" and Path(i).is_file()) or None

    def __enter__(self) -> Callable[[int], None]:
        from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn

        self.progress = Progress(
            TextColumn("reading"),
            BarColumn(),
            DownloadColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True, no_color=self.no_color),
            transient=True,
        )
        self.progress.start()
        task = self.progress.add_task("read", total=self.total)
        return lambda n: self.progress.advance(task, n)

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()


def _probe_peers(result: ExplainReport) -> ExplainReport:
    """Check every peer named in the sessions and attach the verdict to each session."""
    summaries: dict[str, str] = {}
    sessions = []
    for session in result.sessions:
        peer = session.peer_address
        if peer and peer not in summaries:
            config = CheckConfig(
                target=validate_host(peer),
                tcp_ports=(session.tcp_port,) if session.tcp_port else DEFAULT_TCP_PORTS,
                udp_ports=(session.udp_port,) if session.udp_port else DEFAULT_UDP_PORTS,
            )
            checked = run_check(config, quiet=True, no_color=True)
            a = checked.assessment
            summaries[peer] = f"{a.verdict.value}: {a.summary}"
        sessions.append(replace(session, probe_summary=summaries.get(peer or "")))
    return replace(result, sessions=tuple(sessions))
