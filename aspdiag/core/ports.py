"""Ports with more than one consumer: running an external program, and facts about this machine."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from aspdiag.core.measurement import AdapterKey
from aspdiag.core.model import Environment


@dataclass(frozen=True)
class CommandOutput:
    """Result of running an external program."""

    argv: tuple[str, ...]
    returncode: int
    stdout: str
    stderr: str


class CommandRunner(Protocol):
    """Runs external programs from an argv list (never through a shell)."""

    def run(self, argv: list[str], timeout_s: float) -> CommandOutput:
        """Run and wait; raises ToolNotFoundError / ToolFailedError (timeout)."""
        ...


class SystemInfo(Protocol):
    """Facts about the machine aspdiag runs on."""

    def environment(self) -> Environment:
        """Host name, OS, Python, uid and raw-socket privilege, discovered once."""
        ...


COMMANDS: AdapterKey[CommandRunner] = AdapterKey("commands")
