"""What ``aspdiag run`` shows while it supervises: a live line on a terminal, periodic lines otherwise.

It implements the supervisor's observer; notifications (``--on-stall``) are started from here in a thread,
so a slow hook never stops aspdiag from reading ascp's output (a full pipe would stall ascp itself).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from types import TracebackType

from rich.console import Console
from rich.progress import BarColumn, Progress, TaskID, TextColumn

from aspdiag.core.units import size_text
from aspdiag.tools.supervise.supervisor import Attempt, RunProgress


def progress_text(p: RunProgress) -> str:
    """One line: file, its percent, bytes of all files so far, rate, ETA, stall."""
    parts = [f"{p.file or '-'} {p.file_percent if p.file_percent is not None else '?'}%"]
    parts.append(f"{size_text(p.bytes_done)} in {p.files_seen} file(s)")
    if p.rate_mbps is not None:
        parts.append(f"{p.rate_mbps:.1f} Mbit/s")
    if p.eta:
        parts.append(f"ETA {p.eta.removesuffix(' ETA')}")
    if p.stalled_for_s >= 5:
        parts.append(f"no progress for {p.stalled_for_s:.0f} s")
    return ", ".join(parts)


class RunView:
    """The observer for ``aspdiag run``."""

    def __init__(
        self,
        console: Console,
        *,
        live: bool,
        quiet: bool,
        on_stall: Callable[[RunProgress, float], None] | None,
        line_every_s: float = 60.0,
    ) -> None:
        self._console = console
        self._live = live and not quiet
        self._quiet = quiet
        self._on_stall = on_stall
        self._line_every_s = line_every_s
        self._last_line = 0.0
        self._progress: Progress | None = None
        self._task: TaskID | None = None
        self.threads: list[threading.Thread] = []

    def __enter__(self) -> RunView:
        if self._live:
            self._progress = Progress(
                TextColumn("[bold]attempt {task.fields[attempt]}[/]"),
                BarColumn(bar_width=24),
                TextColumn("{task.description}"),
                console=self._console,
                transient=True,
            )
            self._progress.start()
            self._task = self._progress.add_task("starting", total=100, attempt=1)
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        if self._progress is not None:
            self._progress.stop()
        for thread in self.threads:
            thread.join(timeout=65)

    def _print(self, text: str) -> None:
        if not self._quiet:
            self._console.print(text, highlight=False, markup=False)

    def on_start(self, attempt: int, argv: Sequence[str]) -> None:
        if self._progress is not None and self._task is not None:
            self._progress.update(self._task, attempt=attempt, completed=0, description="starting")
        self._print(f"aspdiag: attempt {attempt}: {' '.join(argv)}")

    def on_progress(self, state: RunProgress) -> None:
        if self._progress is not None and self._task is not None:
            self._progress.update(self._task, completed=state.file_percent or 0, description=progress_text(state))
        elif time.monotonic() - self._last_line >= self._line_every_s:
            self._last_line = time.monotonic()
            self._print(f"aspdiag: {progress_text(state)}")

    def on_line(self, stream: str, line: str) -> None:
        # ascp's own progress lines reach on_progress and are replaced by ours; the rest is shown as it comes.
        if not self._quiet:
            self._console.print(f"  {line}", highlight=False, markup=False)

    def on_stall(self, state: RunProgress, stalled_s: float) -> None:
        self._console.print(
            f"aspdiag: stall: no progress for {stalled_s:.0f} s ({progress_text(state)})", highlight=False, markup=False
        )
        if self._on_stall is not None:
            thread = threading.Thread(target=self._on_stall, args=(state, stalled_s), daemon=True)
            thread.start()
            self.threads.append(thread)

    def on_attempt_end(self, attempt: Attempt) -> None:
        if self._quiet and attempt.exit_status == 0 and not attempt.ended_by_signal:
            return  # --quiet: only what went wrong (a CLI review: notes on stderr despite -q)
        how = attempt.ended_by_signal or f"exit status {attempt.exit_status}"
        self._console.print(
            f"aspdiag: attempt {attempt.number} ended ({how}) after {attempt.duration_s:.0f} s with "
            f"{size_text(attempt.bytes_done)} of files done: {attempt.detail}",
            highlight=False,
            markup=False,
        )

    def on_wait(self, delay_s: float) -> None:
        self._console.print(f"aspdiag: retrying in {delay_s:g} s", highlight=False, markup=False)
