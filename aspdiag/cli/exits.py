"""The exit codes of every command, declared once: each command's ``--help`` ends with its list (the
epilog) and the README's table is checked against it by a test, so the three cannot drift apart."""

from __future__ import annotations

from aspdiag.core.exit_codes import ExitCode as E

_BAD_INPUT = (E.USAGE, "bad input (an option, a file, a host); one line on stderr")
_FAILED = (E.TOOL_ERROR, "aspdiag itself failed")
_CTRL_C = (E.INTERRUPTED, "interrupted (Ctrl-C)")

EXIT_CODES: dict[str, tuple[tuple[E, str], ...]] = {
    "check": (
        (E.READY, "ready"),
        (E.FINDINGS, "degraded or blocked: a proven problem"),
        (E.UNCONFIRMED, "ready but unconfirmed"),
        (E.CANNOT_TELL, "cannot tell"),
        (E.NOT_RESOLVED, "name not resolved: nothing could be probed"),
        _BAD_INPUT,
        _FAILED,
        (E.INTERRUPTED, "interrupted (Ctrl-C); what was measured is still written"),
        (E.TERMINATED, "terminated (SIGTERM); what was measured is still written"),
    ),
    "report render": ((E.READY, "rendered"), (E.USAGE, "bad input: not a readable aspdiag report, an option"), _FAILED),
    "report merge": ((E.READY, "merged"), (E.USAGE, "bad input: a file is not a readable aspdiag report"), _FAILED),
    "explain": (
        (E.READY, "every session succeeded"),
        (E.FINDINGS, "a session failed, or cannot be told"),
        (E.USAGE, "bad input, or nothing usable in it"),
        _FAILED,
        _CTRL_C,
    ),
    "ascp": (
        (E.READY, "at least one working ascp found"),
        (E.FINDINGS, "no working ascp found (none, or none that prints its version with -A)"),
        _BAD_INPUT,
        _FAILED,
    ),
    "presets": ((E.READY, "listed"), (E.USAGE, "bad input: a preset file that cannot be read"), _FAILED),
    "schema": ((E.READY, "printed"), (E.USAGE, "bad input: no such kind"), _FAILED),
    "catalog": (
        (E.READY, "catalogued (or --verify found no difference)"),
        (E.FINDINGS, "unreadable or changing files, or --verify found differences"),
        (E.INCOMPLETE, "the tree still holds unfinished ascp transfers (in-progress files): run it again later"),
        _BAD_INPUT,
        _FAILED,
        _CTRL_C,
    ),
    "watch": (
        (E.READY, "the expected size arrived"),
        (E.FINDINGS, "stalled (with --exit-on-stall)"),
        (E.INCOMPLETE, "--max-time passed before the expected size arrived"),
        _BAD_INPUT,
        _FAILED,
        _CTRL_C,
        (E.TERMINATED, "terminated (SIGTERM)"),
    ),
    "run": (
        (E.READY, "the command succeeded"),
        (E.FINDINGS, "it failed (retries used up, or an error a retry cannot help)"),
        _BAD_INPUT,
        _FAILED,
        (E.INTERRUPTED, "stopped by Ctrl-C or SIGTERM (passed on to the command)"),
    ),
    "status": (
        (E.READY, "running, waiting to retry, or succeeded"),
        (E.FINDINGS, "failed, interrupted, stalled, or its supervisor is gone"),
        _BAD_INPUT,
    ),
    "history": ((E.READY, "listed"), (E.USAGE, "bad input: a file that is not aspdiag's history"), _FAILED),
    "responder": ((E.READY, "stopped by SIGTERM"), _BAD_INPUT, _FAILED, _CTRL_C),
    "exporter": ((E.READY, "stopped by SIGTERM"), _BAD_INPUT, _FAILED, _CTRL_C),
}
EXIT_CODES["transfer"] = EXIT_CODES["check"]


def exit_codes_text(command: str) -> str:
    """``Exit codes: 0 ready · 1 ...`` for a command's --help."""
    return "Exit codes: " + " · ".join(f"{int(code)} {meaning}" for code, meaning in EXIT_CODES[command])
