"""The output grammar every command shares: ``--format``, ``-o/--output`` (the format from the file's suffix,
``-`` for stdout), ``--force``, ``--quiet``, ``--no-color`` / NO_COLOR, and where one document goes.

The rules, the same for every command (README, "One grammar for every command"):

- stdout carries only the document; progress, notes and warnings go to stderr;
- ``--format`` chooses the document's format; ``-o FILE`` sends it to FILE instead of stdout, in the format
  FILE's suffix names (``.json``/``.jsonl``, ``.md``, ``.html``, ``.txt``); ``--format`` and a suffix that
  disagree are an error (exit 2); a suffix that names no format gets ``--format`` or else JSON;
- ``-o -`` is stdout (never a file named ``-``);
- an existing file is never replaced unless ``--force`` (and then only a regular file, atomically, at the end);
- ``--quiet`` silences progress and notes on stderr (warnings and errors stay);
- colour only on a terminal, never with ``--no-color`` or a non-empty NO_COLOR.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Annotated

import typer

from aspdiag.core.errors import ConfigError, OutputError
from aspdiag.render import OutputFormat
from aspdiag.report.files import check_output, write_output

STDOUT = "-"
"""``-o -``: the document goes to stdout."""
DEFAULT_WIDTH = 120
"""Terminal text written to a pipe or a file, when COLUMNS does not say otherwise."""

FormatOption = Annotated[
    OutputFormat | None,
    typer.Option(
        "--format",
        "-f",
        case_sensitive=False,
        show_default=False,
        help="terminal, json, markdown or html. Default: terminal, or what the --output file's suffix names.",
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        allow_dash=True,
        help="Write the document to FILE instead of stdout ('-': stdout), in the format its suffix names "
        "(.json, .md, .html, .txt). Never replaces a file unless --force.",
    ),
]
ForceOption = Annotated[
    bool, typer.Option("--force", help="Let --output replace an existing regular file (atomically, at the end).")
]
QuietOption = Annotated[
    bool, typer.Option("--quiet", "-q", help="No progress or notes on stderr (warnings and errors still show).")
]
NoColorOption = Annotated[bool, typer.Option("--no-color", help="No colours (also honoured: NO_COLOR).")]


def use_color(no_color: bool, stream: IO[str]) -> bool:
    """Colour only on a terminal, and never with --no-color or NO_COLOR."""
    # https://no-color.org: only a non-empty NO_COLOR disables colour.
    return not no_color and not os.environ.get("NO_COLOR") and stream.isatty()


def terminal_width(stream: IO[str]) -> int:
    """The width terminal text is laid out for: COLUMNS when set, else the terminal's, else 120."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) >= 20:
        return int(columns)
    if stream.isatty():
        try:
            return max(20, os.get_terminal_size(stream.fileno()).columns)
        except (OSError, ValueError):
            pass
    return DEFAULT_WIDTH


def _format_names(formats: Sequence[OutputFormat]) -> str:
    return ", ".join(f.value for f in formats)


@dataclass(frozen=True)
class Destination:
    """Where one command's document goes and in which format (resolved once, before any work)."""

    format: OutputFormat
    path: Path | None
    """None: stdout."""
    force: bool = False
    quiet: bool = False
    no_color: bool = False

    @property
    def color(self) -> bool:
        """Whether terminal text gets colours (only on a terminal stdout)."""
        return self.format is OutputFormat.TERMINAL and self.path is None and use_color(self.no_color, sys.stdout)

    @property
    def width(self) -> int:
        """The width terminal text is laid out for."""
        return terminal_width(sys.stdout) if self.path is None else DEFAULT_WIDTH

    def write(self, text: str) -> None:
        """The document to stdout, or to the file (a new file, or with --force an atomic replacement)."""
        if self.path is None:
            sys.stdout.write(text)
            sys.stdout.flush()
            return
        write_output(self.path, text, force=self.force)
        self.note(f"written: {self.path}")

    @contextmanager
    def stream(self) -> Iterator[IO[str]]:
        """Where a stream (JSON Lines, one line per sample) goes as it is produced: stdout, a new file, or
        with --force a temporary file that replaces the existing one when the stream ends."""
        if self.path is None:
            yield sys.stdout
            return
        replace = self.force and self.path.exists()
        target = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp") if replace else self.path
        try:
            handle = open(target, "w" if replace else "x", encoding="utf-8")
        except FileExistsError:
            raise OutputError(f"--output {str(self.path)!r} appeared while aspdiag ran; not overwriting it") from None
        except OSError as exc:
            raise OutputError(f"cannot write --output {str(self.path)!r}: {exc.strerror or exc}") from None
        try:
            with handle:
                yield handle
            if replace:
                os.replace(target, self.path)
        finally:
            if replace:
                Path(target).unlink(missing_ok=True)  # our own temporary file, if the rename did not happen
        self.note(f"written: {self.path}")

    def note(self, text: str) -> None:
        """A note for the person at the terminal (stderr; silenced by --quiet)."""
        if not self.quiet:
            typer.echo(f"aspdiag: {text}", err=True)


def destination(
    output_format: OutputFormat | None,
    output: Path | None,
    *,
    force: bool = False,
    quiet: bool = False,
    no_color: bool = False,
    formats: Sequence[OutputFormat] = tuple(OutputFormat),
    default: OutputFormat = OutputFormat.TERMINAL,
    command: str = "",
) -> Destination:
    """Resolve ``--format`` and ``-o`` into one Destination, checking the file can be written (exit 2 before
    any work when it cannot, or when the format and the suffix disagree)."""
    path = None if output is None or str(output) == STDOUT else output
    chosen = output_format
    if path is not None:
        suffix_format = OutputFormat.from_suffix(str(path))
        if output_format is not None and suffix_format is not None and suffix_format is not output_format:
            raise ConfigError(
                f"--format {output_format.value} does not match --output {str(path)!r}, whose suffix means "
                f"{suffix_format.value}",
                f"leave out --format (the suffix decides), or name the file *{output_format.suffix}",
            )
        chosen = output_format or suffix_format or OutputFormat.JSON
    chosen = chosen or default
    if chosen not in formats:
        what = f"'aspdiag {command}'" if command else "this command"
        raise ConfigError(
            f"{what} writes {_format_names(formats)}, not {chosen.value}",
            f"use --format {formats[0].value}" + (" (or an --output file with that suffix)" if path else ""),
        )
    if path is not None:
        check_output(path, force=force)
    return Destination(chosen, path, force=force, quiet=quiet, no_color=no_color)
