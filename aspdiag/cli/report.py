"""``aspdiag report render`` and ``aspdiag report merge``: saved JSON reports in another format, or several
vantage points in one."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from aspdiag.cli.common import ForceOption, NoColorOption, OutputOption, RedactOption, emit, use_color
from aspdiag.render import OutputFormat


def _render_loaded(render: Callable[[], str], source: Path) -> str:
    """Render a report read from a file: values it holds that no renderer can use are the file's fault."""
    from aspdiag.report.codec import ReportFileError

    try:
        return render()
    except (TypeError, ValueError, KeyError, AttributeError, OverflowError, StopIteration, IndexError) as exc:
        raise ReportFileError(f"{source} holds values aspdiag cannot render ({type(exc).__name__}: {exc})") from None


def report_render(
    file: Annotated[Path, typer.Argument(metavar="FILE.json", help="A JSON report written by aspdiag check.")],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", case_sensitive=False, help="html, markdown, terminal or json.")
    ] = OutputFormat.TERMINAL,
    output: OutputOption = None,
    force: ForceOption = False,
    redact: RedactOption = False,
    no_color: NoColorOption = False,
) -> None:
    """Render a saved JSON report again, in another format."""
    from aspdiag.report.codec import load_report

    report = load_report(file)
    if redact:
        from aspdiag.report.redact import redact as redact_report

        report = redact_report(report)
    color = output is None and use_color(no_color, sys.stdout)
    emit(_render_loaded(lambda: output_format.to_renderer(color=color, width=120)(report), file), output, force)


def report_merge(
    files: Annotated[
        list[Path], typer.Argument(metavar="FILE.json...", help="JSON reports from several vantage points.")
    ],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", "-f", case_sensitive=False, help="html, markdown, terminal or json.")
    ] = OutputFormat.MARKDOWN,
    output: OutputOption = None,
    force: ForceOption = False,
    redact: RedactOption = False,
) -> None:
    """Merge reports from several vantage points (e.g. every data-transfer node) into one, one column each."""
    from aspdiag.render.merged import render_merged
    from aspdiag.report.codec import load_report

    reports = [load_report(path) for path in files]
    if redact:
        from aspdiag.report.redact import redact_all

        reports = redact_all(reports)
    emit(_render_loaded(lambda: render_merged(reports, output_format), files[0]), output, force)
