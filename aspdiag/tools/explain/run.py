"""Run an explanation over the inputs (I/O at the edges, the Analyzer in the middle)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import BinaryIO

from aspdiag import __version__
from aspdiag.core.model import utc_now_iso
from aspdiag.tools.explain.analyze import Analyzer, SessionExplanation
from aspdiag.tools.explain.read import InputFile, UnusableInput, expand, lines, open_input


@dataclass(frozen=True)
class ExplainReport:
    """Everything ``aspdiag explain`` found."""

    tool_version: str
    started_utc: str
    inputs: tuple[str, ...]
    problems: tuple[tuple[str, str], ...]
    sessions: tuple[SessionExplanation, ...]
    lines_read: int
    bytes_read: int
    ascp_lines: int
    probes: dict[str, str] = field(default_factory=dict)

    @property
    def usable(self) -> bool:
        """Whether anything in the input was ascp output or an ascp log."""
        return bool(self.sessions) or self.ascp_lines > 0


def explain_inputs(
    paths: list[str],
    stdin: BinaryIO,
    on_bytes: Callable[[int], None] | None = None,
    on_file: Callable[[InputFile], None] | None = None,
) -> ExplainReport:
    """Read every input and explain every session in it."""
    started = utc_now_iso()
    files, problems = expand(paths)
    analyzer = Analyzer()
    total = 0

    def count(n: int) -> None:
        nonlocal total
        total += n
        if on_bytes:
            on_bytes(n)

    for item in files:
        if on_file:
            on_file(item)
        before = analyzer.ascp_lines
        try:
            stream = open_input(item, stdin)
            try:
                seen = 0
                for line in lines(stream, count):
                    seen += 1
                    analyzer.feed(item.name, line)
            finally:
                if stream is not stdin:
                    stream.close()
        except UnusableInput as exc:
            problems.append((item.name, str(exc)))
            continue
        except OSError as exc:
            problems.append((item.name, f"read failed: {exc.strerror or exc}"))
            continue
        if seen == 0:
            problems.append((item.name, "empty"))
        elif analyzer.ascp_lines == before:
            problems.append((item.name, "no ascp output or log lines in it"))
    return ExplainReport(
        tool_version=__version__,
        started_utc=started,
        inputs=tuple(f.name for f in files),
        problems=tuple(problems),
        sessions=tuple(analyzer.results()),
        lines_read=analyzer.lines_seen,
        bytes_read=total,
        ascp_lines=analyzer.ascp_lines,
    )
