"""Run an explanation over the inputs (I/O at the edges, the Analyzer in the middle)."""

from __future__ import annotations

import lzma
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import BinaryIO

from aspdiag import __version__
from aspdiag.core.model import utc_now_iso
from aspdiag.tools.explain.analyze import Analyzer, ClientSummary, SessionExplanation
from aspdiag.tools.explain.read import (
    CHUNK_BYTES,
    ByteStream,
    InputFile,
    UnusableInput,
    chunks,
    expand,
    open_input,
)

_CORRUPT = (EOFError, zlib.error, lzma.LZMAError, OSError, ValueError)
"""What a truncated or damaged .gz/.bz2/.xz raises part-way (gzip.BadGzipFile is an OSError)."""
PIECE_BYTES = 1 << 18
"""Read size for compressed input: a truncated rotated log loses at most this much before the damage."""


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
    sessions_total: int = 0
    """Every session seen; ``sessions`` holds them all unless there were thousands (then failures first)."""
    outcomes: dict[str, int] = field(default_factory=dict)
    causes: dict[str, int] = field(default_factory=dict)
    server_side: bool = False
    """A server's log (syslog form, sessions of several clients or users): ``clients`` is the operator's view."""
    clients: tuple[ClientSummary, ...] = ()
    clients_omitted: int = 0

    @property
    def usable(self) -> bool:
        """Whether the input held at least one ascp session or run to explain (lines that merely mention ascp
        are not enough: "no session" must not read as "every session succeeded")."""
        return self.sessions_total > 0

    @property
    def sessions_omitted(self) -> int:
        """Sessions counted in the summary but not listed one by one."""
        return max(0, self.sessions_total - len(self.sessions))


def explain_inputs(
    paths: list[str],
    stdin: BinaryIO,
    on_bytes: Callable[[int], None] | None = None,
    on_file: Callable[[InputFile], None] | None = None,
) -> ExplainReport:
    """Read every input (rotated and compressed logs in rotation order) and explain every session in it."""
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
        before, sessions_before, logins_before = analyzer.ascp_lines, analyzer.sessions_seen, analyzer.logins_seen
        seen = 0
        stream: ByteStream | None = None
        try:
            stream, kind = open_input(item, stdin)
            for chunk in chunks(stream, count, PIECE_BYTES if kind else CHUNK_BYTES):
                seen += len(chunk)
                analyzer.feed_chunk(item.name, chunk)
        except UnusableInput as exc:
            problems.append((item.name, str(exc)))
            continue
        except _CORRUPT as exc:
            # Keep what was read before the damage: a rotated log cut short still has its sessions.
            problems.append((item.name, f"read stopped part-way: {exc}"))
        finally:
            if stream is not None and item.name != "-":
                stream.close()
        analyzer.end_input(item.name)
        if seen == 0:
            problems.append((item.name, "empty"))
        elif analyzer.sessions_seen > sessions_before or analyzer.logins_seen > logins_before:
            pass  # its sessions (ascp's, or clients sshd turned away) or sshd's logins (who each client is) count
        elif analyzer.ascp_lines == before:
            problems.append((item.name, "no ascp output or log lines in it"))
        elif analyzer.sessions_seen == sessions_before:
            problems.append((item.name, "no ascp session or run in it (lines mention ascp, but none ran)"))
    sessions = analyzer.results()
    if not sessions and analyzer.logins_seen and not problems:
        # sshd's logins name each client's user, but ascp's own lines (its sessions) were not in the input.
        problems.append(
            (
                ", ".join(f.name for f in files) or "-",
                "only sshd's logins in it, no ascp session: give the log that holds ascp's own lines too "
                "(journalctl -t ascp, or the file syslog writes ascp[pid] lines to)",
            )
        )
    if not sessions and not problems:
        # Lines that looked like a run while read, then were told apart as a person's words, a quote, code or
        # documentation (the whole input a question around a script): say so, not "no input".
        problems.append(
            (
                ", ".join(f.name for f in files) or "-",
                "no ascp run in it (its lines about ascp are a person's words, quotes, code or documentation)",
            )
        )
    return report_of(analyzer, sessions, started, tuple(f.name for f in files), tuple(problems), total)


def report_of(
    analyzer: Analyzer,
    sessions: list[SessionExplanation],
    started_utc: str,
    inputs: tuple[str, ...],
    problems: tuple[tuple[str, str], ...],
    bytes_read: int,
) -> ExplainReport:
    """The report of an analyzer that has read its inputs (``sessions``: its ``results()``)."""
    return ExplainReport(
        tool_version=__version__,
        started_utc=started_utc,
        inputs=inputs,
        problems=problems,
        sessions=tuple(sessions),
        lines_read=analyzer.lines_seen,
        bytes_read=bytes_read,
        ascp_lines=analyzer.ascp_lines,
        sessions_total=analyzer.sessions_total,
        outcomes=dict(analyzer.outcomes),
        causes=dict(analyzer.causes),
        server_side=analyzer.server_side,
        clients=tuple(analyzer.clients()),
        clients_omitted=analyzer.clients_omitted,
    )
