"""Types of the compiled record search (``_records.c``); ``scan.records_py`` is its reference."""

from collections.abc import Callable
from typing import Any

def records(chunk: bytes, file_form: bool, /) -> list[tuple[Any, ...]]: ...
def settle(chunk: bytes, state: tuple[object, ...], /) -> tuple[list[tuple[Any, ...]], int]: ...
def sshd_lines(chunk: bytes, /) -> tuple[list[int], list[tuple[bytes, bytes]]]: ...
def apply(
    found: list[tuple[Any, ...]],
    opened: dict[bytes, Any],
    recent: dict[bytes, Any],
    open_session: Callable[[tuple[Any, ...]], Any],
    record_at: Callable[[Any, bytes, bytes, int], None],
    other: Callable[[tuple[Any, ...]], None],
    failed_file: Callable[[Any, tuple[Any, ...]], None],
    analyzer: object,
    finish: Callable[[Any], None],
    grace: int,
    max_kept_ok: int,
    max_clients: int,
    opening: tuple[bytes, bool, str, type, int, object] | None,
    /,
) -> None: ...
def count_success(session: object, analyzer: object, max_kept_ok: int, max_clients: int, /) -> bool: ...
def parse_fields(
    fields: dict[str, str], records: list[tuple[bytes, bytes]], needles: dict[bytes, tuple[tuple[str, bytes], ...]], /
) -> None: ...
def count_lines(chunk: bytes, /) -> int: ...
def contains(chunk: bytes, needle: bytes, /) -> bool: ...
def which(chunk: bytes, needles: tuple[bytes, ...], /) -> int: ...
