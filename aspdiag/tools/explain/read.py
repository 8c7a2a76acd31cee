"""Reading what users bring to ``aspdiag explain``: files, directories of logs, or stdin.

Streams every input in chunks (bounded memory, even for a multi-gigabyte log or one endless line),
handles UTF-8, UTF-16 (with or without BOM), CRLF and ``\\r``-updated progress lines, and tells binary or
unreadable input apart instead of failing on it.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

CHUNK_BYTES = 1 << 20
MAX_LINE_CHARS = 64 * 1024
"""Longer lines are cut (an ascp line is never this long; a binary blob without newlines might be)."""


class UnusableInput(Exception):
    """One input that cannot be read as text (binary, unreadable)."""


@dataclass(frozen=True)
class InputFile:
    """One input: a path, or ``-`` for standard input."""

    name: str
    size: int | None


def expand(paths: list[str]) -> tuple[list[InputFile], list[tuple[str, str]]]:
    """Files to read (directories walked, sorted) and (name, reason) for what cannot be read."""
    files: list[InputFile] = []
    problems: list[tuple[str, str]] = []
    for raw in paths:
        if raw == "-":
            files.append(InputFile("-", None))
            continue
        path = Path(raw)
        if path.is_dir():
            found = False
            for root, dirs, names in os.walk(
                path, onerror=lambda e: problems.append((str(e.filename), str(e.strerror)))
            ):
                dirs.sort()
                for name in sorted(names):
                    full = Path(root, name)
                    if full.is_file():
                        files.append(InputFile(str(full), full.stat().st_size))
                        found = True
            if not found:
                problems.append((raw, "directory holds no files"))
        elif path.is_file():
            files.append(InputFile(raw, path.stat().st_size))
        elif path.exists():
            problems.append((raw, "not a regular file"))
        else:
            problems.append((raw, "does not exist"))
    return files, problems


def _encoding(head: bytes) -> str:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if len(head) >= 4 and head[1:200:2].count(0) > 0.9 * len(head[1:200:2]) and head[0:200:2].count(0) == 0:
        return "utf-16-le"
    if len(head) >= 4 and head[0:200:2].count(0) > 0.9 * len(head[0:200:2]) and head[1:200:2].count(0) == 0:
        return "utf-16-be"
    if b"\x00" in head or sum(b < 9 or 13 < b < 32 for b in head[:4096]) > len(head[:4096]) * 0.05:
        raise UnusableInput("binary data, not text")
    return "utf-8"


def lines(stream: BinaryIO, on_bytes: Callable[[int], None] | None = None) -> Iterator[str]:
    """Text lines of a byte stream (split on ``\\n``, ``\\r\\n`` and ``\\r``), in bounded memory."""
    head = stream.read(CHUNK_BYTES)
    if on_bytes:
        on_bytes(len(head))
    if not head:
        return
    decoder = codecs.getincrementaldecoder(_encoding(head))(errors="replace")
    carry = ""
    chunk = head
    while chunk:
        text = carry + decoder.decode(chunk)
        parts = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        carry = parts.pop()[-MAX_LINE_CHARS:]
        for part in parts:
            yield part[:MAX_LINE_CHARS]
        chunk = stream.read(CHUNK_BYTES)
        if on_bytes and chunk:
            on_bytes(len(chunk))
    tail = carry + decoder.decode(b"", final=True)
    if tail:
        yield tail[:MAX_LINE_CHARS]


def open_input(item: InputFile, stdin: BinaryIO) -> BinaryIO:
    """The byte stream of one input; UnusableInput when it cannot be opened."""
    if item.name == "-":
        return stdin
    try:
        return open(item.name, "rb")
    except OSError as exc:
        raise UnusableInput(exc.strerror or str(exc)) from None
