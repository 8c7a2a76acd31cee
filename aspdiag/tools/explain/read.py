"""Reading what users bring to ``aspdiag explain``: files, directories of logs, or stdin.

Rotated logs are read in rotation order (``log.3.gz``, ``log.2.gz``, ``log.1``, ``log``) and ``.gz``, ``.bz2``
and ``.xz`` files are decompressed on the fly (recognised by their magic bytes, not their names). Every input
is streamed as chunks of whole lines (bytes, bounded memory even for a multi-gigabyte log or one endless
line); UTF-16 input (with or without BOM) is transcoded to UTF-8 chunk by chunk; binary or unreadable input is
told apart instead of failing on it. Splitting into lines and decoding is left to the scanner, which decodes
only the lines that can matter.
"""

from __future__ import annotations

import bz2
import codecs
import gzip
import io
import lzma
import os
import re
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Protocol

CHUNK_BYTES = 2 << 20
"""Large enough that per-chunk work is negligible, small enough to keep memory flat (a few copies of one
chunk are alive at a time)."""
MAX_LINE_BYTES = 64 * 1024
"""Longer lines are cut (an ascp line is never this long; a binary blob without newlines might be)."""

_COMPRESSED = ((b"\x1f\x8b", "gzip"), (b"BZh", "bzip2"), (b"\xfd7zXZ\x00", "xz"))
_ROTATED = re.compile(r"^(?P<stem>.+?)(?:\.(?P<n>\d{1,4})(?P<log>\.log)?|-(?P<date>\d{8}(?:\d{2})?))$")
_COMPRESSION_SUFFIX = re.compile(r"\.(?:gz|bz2|xz)$")


class ByteStream(Protocol):
    """What the reader needs of an input: plain, decompressing, or standard input."""

    def read(self, size: int = -1, /) -> bytes: ...

    def close(self) -> None: ...


class UnusableInput(Exception):
    """One input that cannot be read as text (binary, unreadable)."""


@dataclass(frozen=True)
class InputFile:
    """One input: a path, or ``-`` for standard input."""

    name: str
    size: int | None


def rotation_key(name: str) -> tuple[str, int, int]:
    """Sort key putting rotated siblings oldest first and the live file last.

    ``log.3.gz`` < ``log.2.gz`` < ``log.1`` < ``log`` (logrotate's numbering), ``x-20240301.gz`` < ``x`` (its
    dateext), ``aspera-scp-transfer.1.log`` < ``aspera-scp-transfer.0.log`` < ``aspera-scp-transfer.log``.
    """
    base = _COMPRESSION_SUFFIX.sub("", os.path.basename(name))
    match = _ROTATED.match(base)
    if match is None:
        return (os.path.join(os.path.dirname(name), base), 1, 0)
    stem = match.group("stem") + (match.group("log") or "")
    if match.group("date"):
        return (os.path.join(os.path.dirname(name), stem), 0, int(match.group("date")))
    return (os.path.join(os.path.dirname(name), stem), 0, -int(match.group("n")))


def in_rotation_order(files: list[InputFile]) -> list[InputFile]:
    """The same files, each group of rotated siblings in rotation order, groups where they first appeared."""
    first_seen: dict[str, int] = {}
    for index, item in enumerate(files):
        first_seen.setdefault(rotation_key(item.name)[0], index)
    return sorted(files, key=lambda f: (first_seen[rotation_key(f.name)[0]], *rotation_key(f.name)[1:]))


def expand(paths: list[str]) -> tuple[list[InputFile], list[tuple[str, str]]]:
    """Files to read (directories walked, rotated siblings in rotation order) and (name, reason) for the rest."""
    files: list[InputFile] = []
    problems: list[tuple[str, str]] = []
    for raw in paths:
        if raw == "-":
            files.append(InputFile("-", None))
            continue
        path = Path(raw)
        if path.is_dir():
            found: list[InputFile] = []
            for root, dirs, names in os.walk(
                path, onerror=lambda e: problems.append((str(e.filename), str(e.strerror)))
            ):
                dirs.sort()
                for name in sorted(names):
                    full = Path(root, name)
                    if full.is_file():
                        found.append(InputFile(str(full), full.stat().st_size))
            if not found:
                problems.append((raw, "directory holds no files"))
            files.extend(found)
        elif path.is_file():
            files.append(InputFile(raw, path.stat().st_size))
        elif path.exists():
            problems.append((raw, "not a regular file"))
        else:
            problems.append((raw, "does not exist"))
    return in_rotation_order(files), problems


class _Prefixed(io.RawIOBase):
    """A stream whose first bytes were already read (to sniff the format): gives them back first."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        self._head = head
        self._rest = rest

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(buffer).cast("B")
        if self._head:
            n = min(len(view), len(self._head))
            view[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        data = self._rest.read(len(view))
        view[: len(data)] = data
        return len(data)


def compression(head: bytes) -> str | None:
    """gzip, bzip2 or xz when the first bytes are that format's magic number."""
    return next((name for magic, name in _COMPRESSED if head.startswith(magic)), None)


def decompressed(stream: BinaryIO) -> tuple[ByteStream, str | None]:
    """The stream itself, or a decompressing view of it when it is gzip, bzip2 or xz (and which)."""
    head = stream.read(6)
    kind = compression(head)
    raw = io.BufferedReader(_Prefixed(head, stream), buffer_size=1 << 16)
    if kind == "gzip":
        return gzip.GzipFile(fileobj=raw, mode="rb"), kind
    if kind == "bzip2":
        return bz2.BZ2File(raw, mode="rb"), kind
    if kind == "xz":
        return lzma.LZMAFile(raw, mode="rb"), kind
    return raw, None


def _encoding(head: bytes) -> str:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if len(head) >= 4 and head[1:200:2].count(0) > 0.9 * len(head[1:200:2]) and head[0:200:2].count(0) == 0:
        return "utf-16-le"
    if len(head) >= 4 and head[0:200:2].count(0) > 0.9 * len(head[0:200:2]) and head[1:200:2].count(0) == 0:
        return "utf-16-be"
    sample = head[:4096]
    # Escape (colours) and backspace (overstrike) are a terminal's, common in captured output; other controls are not.
    if b"\x00" in sample or sum(b < 8 or 13 < b < 32 and b != 27 for b in sample) > len(sample) * 0.05:
        raise UnusableInput("binary data, not text")
    return "utf-8"


def _cut_long_lines(body: bytes) -> bytes:
    """The chunk with every line longer than MAX_LINE_BYTES cut to that length."""
    start = 0
    while len(body) - start > MAX_LINE_BYTES:
        # The last line end within reach of this line's start; none means this line is too long.
        end = body.rfind(b"\n", start, start + MAX_LINE_BYTES + 1)
        if end >= 0:
            start = end + 1
            continue
        parts = body.split(b"\n")
        return b"\n".join(p[:MAX_LINE_BYTES] for p in parts)
    return body


def _pieces(stream: ByteStream, piece: int) -> Iterator[bytes]:
    """Reads of ``piece`` bytes, gathered into chunks of about CHUNK_BYTES (small reads lose little when a
    compressed stream turns out truncated: what was decompressed before the damage is kept)."""
    gathered: list[bytes] = []
    size = 0
    while True:
        try:
            data = stream.read(piece)
        except Exception:
            if gathered:
                yield b"".join(gathered)
            raise
        if not data:
            break
        gathered.append(data)
        size += len(data)
        if size >= CHUNK_BYTES:
            yield b"".join(gathered) if len(gathered) > 1 else gathered[0]
            gathered, size = [], 0
    if gathered:
        yield b"".join(gathered)


def chunks(
    stream: ByteStream, on_bytes: Callable[[int], None] | None = None, piece: int = CHUNK_BYTES
) -> Generator[bytes, None, None]:
    """The stream as UTF-8 byte chunks that each end on a line end (``\\n``), in bounded memory.

    ``on_bytes`` hears how many bytes were read (for a compressed input: decompressed bytes); ``piece`` is the
    read size (smaller for compressed input). A read error part-way is raised after the lines read before it.
    """
    pieces = _pieces(stream, piece)
    head = next(pieces, b"")
    if not head:
        return
    encoding = _encoding(head)
    decoder = codecs.getincrementaldecoder(encoding)(errors="replace") if encoding.startswith("utf-16") else None
    carry = b""
    skipping = False  # inside an over-long line: drop bytes until its end
    closed = False
    chunk: bytes | None = head[3:] if encoding == "utf-8-sig" else head
    try:
        while chunk is not None:
            if on_bytes:
                on_bytes(len(chunk))
            if decoder is not None:
                chunk = decoder.decode(chunk).encode("utf-8", "replace")
            if skipping:
                end = chunk.find(b"\n")
                skipping = end < 0
                chunk = b"" if skipping else chunk[end + 1 :]
            # The whole lines (``done``) and the unfinished last one (``carry``) of carry + chunk, copying the
            # chunk's bytes once at most: carry holds no line end, so the last one is the chunk's.
            end = chunk.rfind(b"\n") + 1
            if not end:
                done, carry = b"", carry + chunk
            elif carry:
                done, carry = b"".join((carry, memoryview(chunk)[:end])), chunk[end:]
            else:
                done, carry = (chunk if end == len(chunk) else chunk[:end]), chunk[end:]
            if len(carry) > MAX_LINE_BYTES:
                # One line longer than any ascp line: keep its head as a line, drop the rest up to its end.
                done, carry, skipping = done + carry[:MAX_LINE_BYTES] + b"\n", b"", True
            chunk = next(pieces, None)
            if chunk is None and carry and decoder is None:
                # The input's last line has no line end: it ends this chunk, so that a document read whole from
                # its first chunk (a notebook's or an export's JSON, whose closing brace is that line) is whole
                # (blind round 114's notebook read as its raw JSON)
                done, carry = done + carry + b"\n", b""
            if done:
                body = _cut_long_lines(done)
                done = b""  # let the previous buffer go before the next read
                yield body
                del body
    except GeneratorExit:
        closed = True  # its reader stopped (Ctrl-C, an error of its own): it wants no more chunks
        raise
    finally:
        # Whatever ended the input (its end, or damage part-way), the last unfinished line still counts.
        if decoder is not None and not closed:
            carry += decoder.decode(b"", final=True).encode("utf-8", "replace")
        if carry and not closed:
            yield carry[:MAX_LINE_BYTES] + b"\n"


def lines(stream: ByteStream, on_bytes: Callable[[int], None] | None = None) -> Iterator[str]:
    """Text lines of a byte stream (split on ``\\n``, ``\\r\\n`` and ``\\r``), in bounded memory (for tests and
    small inputs; the analyzer itself works on chunks)."""
    for chunk in chunks(stream, on_bytes):
        text = chunk.decode("utf-8", "replace")
        parts = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        yield from parts[:-1]


def open_input(item: InputFile, stdin: BinaryIO) -> tuple[ByteStream, str | None]:
    """The (decompressed) byte stream of one input and its compression; UnusableInput when it cannot be opened.

    Closing the stream closes the file (standard input is left open)."""
    if item.name == "-":
        return decompressed(stdin)
    try:
        with open(item.name, "rb") as handle:
            kind = compression(handle.read(6))
        if kind == "gzip":
            return gzip.open(item.name, "rb"), kind
        if kind == "bzip2":
            return bz2.open(item.name, "rb"), kind
        if kind == "xz":
            return lzma.open(item.name, "rb"), kind
        return open(item.name, "rb"), None  # noqa: SIM115 (the caller closes it)
    except OSError as exc:
        raise UnusableInput(exc.strerror or str(exc)) from None
