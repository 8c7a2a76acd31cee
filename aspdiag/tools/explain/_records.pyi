"""Types of the compiled record search (``_records.c``); ``scan.records_py`` is its reference."""

from typing import Any

def records(chunk: bytes, file_form: bool, /) -> list[tuple[Any, ...]]: ...
