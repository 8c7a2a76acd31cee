"""``aspdiag report render`` and ``aspdiag report merge``: saved JSON reports in another format, or several
vantage points in one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from aspdiag.cli.common import RedactOption
from aspdiag.cli.completion import complete_reports
from aspdiag.cli.output import ForceOption, FormatOption, NoColorOption, OutputOption, QuietOption, destination


def _render_loaded(render: Callable[[], str], source: Path) -> str:
    """Render a report read from a file: values it holds that no renderer can use are the file's fault."""
    from aspdiag.report.codec import ReportFileError

    try:
        return render()
    except (TypeError, ValueError, KeyError, AttributeError, OverflowError, StopIteration, IndexError) as exc:
        what = f"no {exc.args[0]!r}" if isinstance(exc, KeyError) and exc.args else str(exc) or "values out of place"
        raise ReportFileError(f"{source} holds values aspdiag cannot render ({what})") from None


def report_render(
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE.json",
            help="A JSON report written by aspdiag check ('-': standard input).",
            autocompletion=complete_reports,
        ),
    ],
    output_format: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    redact: RedactOption = False,
    quiet: QuietOption = False,
    no_color: NoColorOption = False,
) -> None:
    """Render a saved JSON report again, in another format (e.g. `-o report.html`)."""
    from aspdiag.report.codec import load_report

    dest = destination(output_format, output, force=force, quiet=quiet, no_color=no_color, command="report render")
    report = load_report(file)
    if redact:
        from aspdiag.report.redact import redact as redact_report

        report = redact_report(report)
    render = dest.format.to_renderer(color=dest.color, width=dest.width)
    dest.write(_render_loaded(lambda: render(report), file))


def report_merge(
    files: Annotated[
        list[Path],
        typer.Argument(
            metavar="FILE.json...", help="JSON reports from several vantage points.", autocompletion=complete_reports
        ),
    ],
    output_format: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    redact: RedactOption = False,
    quiet: QuietOption = False,
    no_color: NoColorOption = False,
) -> None:
    """Merge reports from several vantage points (e.g. every data-transfer node) into one, one column each.

    The terminal format shows the comparison; Markdown and HTML add every vantage point's report in full.
    """
    from aspdiag.render.merged import render_merged
    from aspdiag.report.codec import load_report

    dest = destination(output_format, output, force=force, quiet=quiet, no_color=no_color, command="report merge")
    reports = [load_report(path) for path in files]
    if redact:
        from aspdiag.report.redact import redact_all

        reports = redact_all(reports)
    text = _render_loaded(lambda: render_merged(reports, dest.format, color=dest.color, width=dest.width), files[0])
    dest.write(text)
