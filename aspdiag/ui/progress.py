"""RichProgressObserver: live progress on stderr while probes run (TTY only)."""

from __future__ import annotations

from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from aspdiag.engine.registry import MEASUREMENTS


def describe(result: object) -> str:
    """One short, readable line about a finished probe: the measurement that made the result says it."""
    for measurement in MEASUREMENTS:
        text = measurement.progress(result)
        if text is not None:
            return text
    # Never a repr on screen: a result no measurement claims is described by its kind only.
    return "done" if result is not None else "no result"


class RichProgressObserver:
    """Shows a spinner and a bar per stage, and one line per finished probe."""

    def __init__(self, console: Console) -> None:
        self._console = console
        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        )
        self._task: TaskID | None = None

    def __enter__(self) -> RichProgressObserver:
        self._progress.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._progress.stop()

    def stage_started(self, title: str, probe_count: int) -> None:
        """Start a new bar for the stage."""
        if self._task is not None:
            self._progress.remove_task(self._task)
        self._task = self._progress.add_task(title, total=probe_count)

    def probe_started(self, key: str, label: str) -> None:
        """Show what is running now."""
        if self._task is not None:
            self._progress.update(self._task, description=label)

    def probe_finished(self, key: str, label: str, result: object) -> None:
        """Print the probe's one-line outcome above the bar."""
        self._progress.console.print(f"  {label}: {describe(result)}", highlight=False, markup=False)
        if self._task is not None:
            self._progress.advance(self._task)
