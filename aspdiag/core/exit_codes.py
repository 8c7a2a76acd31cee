"""Named exit codes, and the pure mapping from a report's verdict to one."""

from __future__ import annotations

from enum import IntEnum, unique

from aspdiag.core.model import Verdict


@unique
class ExitCode(IntEnum):
    """Process exit statuses; scripts may rely on them."""

    READY = 0
    """Every check needed for a transfer passed."""
    FINDINGS = 1
    """At least one finding blocks or degrades a transfer, or it could not be told."""
    USAGE = 2
    """Bad input: host, port, option, file (click's convention)."""
    TOOL_ERROR = 3
    """aspdiag itself failed; not a statement about the network."""
    INTERRUPTED = 130
    """Stopped by Ctrl-C (128 + SIGINT); what was measured so far is still written."""


def exit_code_for(verdict: Verdict, *, interrupted: bool = False) -> ExitCode:
    """The exit code for a finished (or interrupted) run with this verdict."""
    if interrupted:
        return ExitCode.INTERRUPTED
    if verdict is Verdict.READY:
        return ExitCode.READY
    return ExitCode.FINDINGS
