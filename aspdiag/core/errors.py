"""The one exception tree of aspdiag; every error carries a one-line, user-facing hint."""

from __future__ import annotations


class AspdiagError(Exception):
    """Root of every error aspdiag raises on purpose.

    ``str(error)`` is one sentence for the user; ``hint`` says what to do about it.
    """

    default_hint = ""

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.hint = hint if hint is not None else self.default_hint


class ConfigError(AspdiagError):
    """Bad input from the user: a host name, a port, an option value, a file. Exit code 2."""

    default_hint = "run 'aspdiag check --help' for the accepted forms"


class OutputError(ConfigError):
    """A report destination that cannot be written (exists, unwritable, is a directory)."""

    default_hint = "choose another --output path or directory"


class PrivilegeError(ConfigError):
    """An option needs privileges this process does not have (exit 2: the user can choose otherwise)."""

    default_hint = "re-run with sudo, or choose the unprivileged variant"


class ToolNotFoundError(AspdiagError):
    """An external program aspdiag needs (ip, ascp, ...) is not installed."""


class ToolFailedError(AspdiagError):
    """An external program ran but failed; ``stderr`` holds what it said."""

    def __init__(self, message: str, hint: str | None = None, *, returncode: int = 0, stderr: str = "") -> None:
        super().__init__(message, hint)
        self.returncode = returncode
        self.stderr = stderr


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised in the main thread like Ctrl-C's KeyboardInterrupt so that a run ends the same way
    (what was measured is kept and written), but named: the report and the exit status (143) say SIGTERM."""

    signal_name = "SIGTERM"


def signal_name(exc: BaseException) -> str:
    """``SIGTERM`` for :class:`Terminated`, ``SIGINT`` for a plain KeyboardInterrupt (Ctrl-C)."""
    return str(getattr(exc, "signal_name", "SIGINT"))
