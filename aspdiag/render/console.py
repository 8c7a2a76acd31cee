"""Rendering helpers that need no report: a rich console writing into a string, and a shell command broken into
lines that still work when copied. Kept apart from ``layout`` (which knows every measurement) so that ``explain``
starts without importing the check's measurements."""

from __future__ import annotations

import io
import re

from rich.console import Console


def string_console(*, color: bool, width: int) -> tuple[Console, io.StringIO]:
    """A rich console that renders into a string (8 standard colours or none, no auto-highlighting)."""
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        force_terminal=color,
        no_color=not color,
        color_system="standard" if color else None,
        highlight=False,
        emoji=False,
    )
    return console, buffer


_TOKEN = re.compile(r"(?:<[^>]*>|[^\s<])+")


def command_lines(command: str, width: int, first: int = 0) -> list[str]:
    """A shell command broken between its words into lines of at most ``width`` characters (the first line
    ``first`` shorter, for a label before it), each but the last ending in `` \\``: it still works when copied
    into a shell, where a line break inside a word or a placeholder (``<remote path>``) would not."""
    lines: list[str] = []
    current = ""
    room = width - first
    for token in _TOKEN.findall(command):
        candidate = f"{current} {token}" if current else token
        if current and len(candidate) + 2 > room:
            lines.append(current + " \\")
            current = "  " + token
            room = width
        else:
            current = candidate
    lines.append(current)
    return lines
