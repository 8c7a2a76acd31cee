"""The I/O the test transfer needs: a process runner with a wall-time cap and bounded output."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Protocol

from aspdiag.core.measurement import AdapterKey


@dataclass(frozen=True)
class ProcessResult:
    """How a capped run ended."""

    returncode: int | None
    """Exit status; negative for a signal (as in subprocess); None when it had to be killed."""
    stdout: str
    stderr: str
    duration_s: float
    timed_out: bool
    truncated: bool
    """True when output beyond the byte budget was dropped from the middle."""


class Runner(Protocol):
    """The process runner the transfer needs (CappedRunner in production)."""

    def run(
        self,
        argv: list[str],
        *,
        env: Mapping[str, str],
        timeout_s: float,
        cwd: str | None = None,
        on_line: Callable[[str, str], None] | None = None,
    ) -> ProcessResult:
        """Run under caps."""
        ...


PROCESSES: AdapterKey[Runner] = AdapterKey("processes")
