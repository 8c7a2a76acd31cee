"""Named exit codes, and the pure mapping from a report's verdict to one."""

from __future__ import annotations

from enum import IntEnum, unique

from aspdiag.core.model import Verdict


@unique
class ExitCode(IntEnum):
    """Process exit statuses; scripts may rely on them."""

    READY = 0
    """Ready: proven end to end."""
    FINDINGS = 1
    """Blocked or degraded: a proven problem (the report says who must act)."""
    USAGE = 2
    """Bad input: host, port, option, file (click's convention)."""
    TOOL_ERROR = 3
    """aspdiag itself failed; not a statement about the network."""
    UNCONFIRMED = 4
    """Ready but unconfirmed: everything seen works, but not all of it is proven (the report says what would
    settle it)."""
    CANNOT_TELL = 5
    """Cannot tell: not enough evidence either way (the report says what would settle it)."""
    INCOMPLETE = 6
    """Not finished yet: the tree still holds ascp's in-progress files (catalog), or --max-time passed before
    the expected size arrived (watch). Try again later."""
    NOT_RESOLVED = 7
    """The host name did not resolve (no such name, no address, no resolver answered): nothing was probed."""
    TERMINATED = 143
    """Stopped by SIGTERM (128 + 15); what was measured so far is still written."""
    INTERRUPTED = 130
    """Stopped by Ctrl-C (128 + SIGINT); what was measured so far is still written."""


def exit_code_for(verdict: Verdict, *, interrupted: bool = False, signal: str = "") -> ExitCode:
    """The exit code for a finished (or interrupted) run with this verdict; ``signal`` names what interrupted
    it (``SIGTERM`` gives 143, anything else 130)."""
    if interrupted:
        return ExitCode.TERMINATED if signal == "SIGTERM" else ExitCode.INTERRUPTED
    if verdict is Verdict.READY:
        return ExitCode.READY
    if verdict is Verdict.UNCONFIRMED:
        return ExitCode.UNCONFIRMED
    if verdict is Verdict.CANNOT_TELL:
        return ExitCode.CANNOT_TELL
    if verdict is Verdict.NOT_RESOLVED:
        return ExitCode.NOT_RESOLVED
    return ExitCode.FINDINGS
