"""What the commands share: option types declared once (so names and help agree everywhere), the output
grammar (re-exported from :mod:`aspdiag.cli.output`) and small text helpers."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from aspdiag.cli.output import (
    ForceOption,
    FormatOption,
    NoColorOption,
    OutputOption,
    QuietOption,
    destination,
    use_color,
)

RedactOption = Annotated[bool, typer.Option("--redact", help="Replace internal addresses and host names.")]
ReportsDirOption = Annotated[
    Path | None, typer.Option("--reports-dir", metavar="DIR", file_okay=False, help="Where reports are written.")
]

__all__ = [
    "ForceOption",
    "FormatOption",
    "NoColorOption",
    "OutputOption",
    "QuietOption",
    "RedactOption",
    "ReportsDirOption",
    "destination",
    "duration_text",
    "use_color",
]


def duration_text(seconds: float) -> str:
    """``1h02m03s`` / ``2m03s`` / ``3s``."""
    s = int(round(seconds))
    h, rem = divmod(s, 3600)
    m, sec = divmod(rem, 60)
    return f"{h}h{m:02d}m{sec:02d}s" if h else f"{m}m{sec:02d}s" if m else f"{sec}s"
