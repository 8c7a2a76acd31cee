"""``aspdiag history [HOST]`` and what ``aspdiag check`` does with the history database: open it before the
check (a foreign or damaged file fails fast, exit 2), then compare the finished check with the last one of
the same target from the same vantage point, attach the changes and record the check."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from aspdiag.cli.output import ForceOption, FormatOption, NoColorOption, OutputOption, QuietOption, destination
from aspdiag.core.config import validate_host
from aspdiag.core.history import CheckSummary
from aspdiag.core.model import Report
from aspdiag.render import OutputFormat

if TYPE_CHECKING:
    from aspdiag.adapters.history import HistoryStore

HistoryOption = Annotated[
    Path | None,
    typer.Option(
        "--history",
        metavar="PATH",
        dir_okay=False,
        help="The history database (SQLite). Default: history.sqlite in the user's data directory "
        "(~/.local/share/aspdiag/ on Linux).",
    ),
]
NoHistoryOption = Annotated[
    bool, typer.Option("--no-history", help="Neither compare with nor record in the history database.")
]


def open_history(path: Path | None, no_history: bool) -> HistoryStore | None:
    """The history database a check records into (None with --no-history). A file that is not ours or is
    damaged is a HistoryError (exit 2); a default location that cannot be created is a warning."""
    if no_history:
        return None
    from aspdiag.adapters.history import HistoryStore, HistoryUnavailable, default_history_path

    if path is not None:
        return HistoryStore.open(path)
    try:
        return HistoryStore.open(default_history_path())
    except HistoryUnavailable as exc:
        # Like an unwritable ./reports/: the check still runs. A file that is there but not our database
        # (HistoryError) is refused instead: the user must look at it; it is never replaced.
        typer.echo(f"aspdiag: warning: no history is kept ({exc}); use --history PATH or --no-history", err=True)
        return None


def record_check(store: HistoryStore, report: Report) -> Report:
    """``report`` with its ``changes`` against the last check of the same target from the same vantage point;
    recorded in the history unless the run was interrupted (partial results would show false changes)."""
    from aspdiag.report.changes import TIMELINE_POINTS, changes_since, vantage_of

    vantage = vantage_of(report)
    previous = store.previous(report.target.host, vantage)
    earlier = store.summaries(report.target.host, vantage, TIMELINE_POINTS - 1)
    report = replace(report, changes=changes_since(report, previous, earlier, vantage))
    if not report.interrupted and report.changes is not None:
        store.record(replace(report, changes=None), report.changes.timeline[-1])
    return report


def history_command(
    host: Annotated[
        str | None,
        typer.Argument(
            metavar="HOST", help="Only the checks of this target (as given to 'aspdiag check').", show_default=False
        ),
    ] = None,
    history: HistoryOption = None,
    limit: Annotated[int, typer.Option("--limit", metavar="N", help="Show at most the last N checks.")] = 200,
    output_format: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    quiet: QuietOption = False,
    no_color: NoColorOption = False,
) -> None:
    """List past checks and chart port states, the verdict and the rate over time, per target and vantage point.

    Reads the database 'aspdiag check' records into (never creates or changes it).
    """
    from aspdiag.adapters.history import HistoryError, HistoryStore, default_history_path
    from aspdiag.render import history as view

    dest = destination(output_format, output, force=force, quiet=quiet, no_color=no_color, command="history")
    if not 1 <= limit <= 100_000:
        raise HistoryError(f"--limit {limit} is out of range", "give 1 to 100000")
    target = validate_host(host).host if host is not None else None
    if history is not None and not history.exists():
        # A path given by hand that is not there is a typo, not an empty history (the default path is created
        # by the first check).
        raise HistoryError(f"--history {str(history)!r} does not exist", "give the database 'aspdiag check' wrote")
    path = history or default_history_path()
    store = HistoryStore.read(path)
    if store is None:
        entries: list[tuple[int, CheckSummary]] = []
    else:
        with store:
            entries = [(e.id, e.summary) for e in store.entries(target, limit)]
    shown = str(path)
    if dest.format is OutputFormat.TERMINAL:
        text = view.render_history_terminal(entries, shown, color=dest.color, width=dest.width)
    elif dest.format is OutputFormat.JSON:
        text = view.render_history_json(entries, shown)
    elif dest.format is OutputFormat.MARKDOWN:
        text = view.render_history_markdown(entries, shown)
    else:
        text = view.render_history_html(entries, shown)
    dest.write(text)
