"""What the commands share: option types declared once (so names and help agree everywhere), the colour
decision, writing a document to stdout or a file, and one-line errors."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO, Annotated

import typer

from aspdiag.report.files import check_output, write_output

OutputOption = Annotated[
    Path | None,
    typer.Option("--output", "-o", metavar="FILE", dir_okay=False, help="Write to FILE instead of stdout."),
]
ForceOption = Annotated[bool, typer.Option("--force", help="Allow --output to replace an existing file.")]
RedactOption = Annotated[bool, typer.Option("--redact", help="Replace internal addresses and host names.")]
NoColorOption = Annotated[bool, typer.Option("--no-color", help="No colours (also honoured: NO_COLOR).")]
ReportsDirOption = Annotated[
    Path | None, typer.Option("--reports-dir", metavar="DIR", file_okay=False, help="Where reports are written.")
]


def use_color(no_color: bool, stream: IO[str]) -> bool:
    """Colour only on a terminal, and never with --no-color or NO_COLOR."""
    # https://no-color.org: only a non-empty NO_COLOR disables colour.
    return not no_color and not os.environ.get("NO_COLOR") and stream.isatty()


def emit(text: str, output: Path | None, force: bool) -> None:
    """A document to stdout, or to ``output`` (never over a file unless ``force``)."""
    if output is None:
        sys.stdout.write(text)
        return
    check_output(output, force=force)
    write_output(output, text, force=force)
    typer.echo(f"written: {output}", err=True)


def duration_text(seconds: float) -> str:
    """``1h02m03s`` / ``2m03s`` / ``3s``."""
    s = int(round(seconds))
    h, rem = divmod(s, 3600)
    m, sec = divmod(rem, 60)
    return f"{h}h{m:02d}m{sec:02d}s" if h else f"{m}m{sec:02d}s" if m else f"{sec}s"
