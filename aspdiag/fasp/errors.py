"""The FASP error-code table and the documented error wordings, loaded from package data (not code)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class FaspError:
    """One FASP error code: what it means, whether a retry can help, what to check."""

    code: int
    name: str
    message: str
    retryable: bool
    check: str
    channel: str = ""
    """Which part of a transfer the code points at: ``ssh``, ``udp``, ``session``, ``auth``, ``stall``, ``file``,
    ``hostkey`` or '' (see the data file's ``channel_note``)."""


@cache
def error_table() -> dict[int, FaspError]:
    """Code -> FaspError, from aspdiag/data/fasp_errors.json."""
    data = json.loads(resources.files("aspdiag").joinpath("data/fasp_errors.json").read_text(encoding="utf-8"))
    return {
        int(row["code"]): FaspError(
            int(row["code"]), row["name"], row["message"], bool(row["retryable"]), row["check"], row.get("channel", "")
        )
        for row in data["codes"]
    }


@cache
def message_table() -> tuple[tuple[str, int], ...]:
    """(wording, code) pairs, from aspdiag/data/fasp_messages.json."""
    data = json.loads(resources.files("aspdiag").joinpath("data/fasp_messages.json").read_text(encoding="utf-8"))
    return tuple((row["text"], int(row["code"])) for row in data["messages"])


def describe(code: int | None) -> FaspError | None:
    """The table entry for a code, if known."""
    return None if code is None else error_table().get(code)


def channel(code: int | None) -> str:
    """The part of a transfer a code points at (see ``FaspError.channel``); '' when unknown."""
    known = describe(code)
    return known.channel if known else ""
