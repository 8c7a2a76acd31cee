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


_SSH_NEVER_OPENED = (
    "failed to open tcp connection for ssh",
    "tcp connect failed",
    "failed to open connection to remot",
    "error establishing control connection",
    "timeout establishing control connection",
    "error establishing ssh connection",
    "timeout establishing ssh connection",
)
"""ascp's own words for an SSH (TCP) connection that never opened (documented wordings, see the reference notes)."""

_DATA_STOPPED = ("transfer timeout", "stalled", "draining incoming flow")
"""ascp's words for a data stream that stopped (DATA_TRANSFER_TIMEOUT and the session-shutdown forms)."""


def says_ssh_never_opened(message: str) -> bool:
    """Whether ascp's message says its SSH (TCP) connection never opened."""
    lowered = message.lower()
    return any(words in lowered for words in _SSH_NEVER_OPENED)


def failure_channel(code: int | None, message: str = "", bytes_moved: int | None = None) -> str:
    """Which part of a transfer failed: the code's channel, settled by ascp's own words and by progress.

    One reading of the table for every consumer (the transfer diagnosis and ``aspdiag explain``):

    - ascp's words that the SSH (TCP) connection never opened outrank the code: ascp reports such a failure as
      44 and, in some versions, as 14, but no UDP exchange happens before SSH is up;
    - a ``session`` code (44) is ``ssh`` or ``udp`` by the words; without them it stays ``session``;
    - a stall (40, a data-transfer timeout) that never moved a byte (``bytes_moved == 0``) is ``udp``: the
      session started but no data packet ever arrived, the classic blocked-UDP symptom; when the progress is
      unknown (``None``) it stays ``stall``.
    """
    lowered = message.lower()
    if says_ssh_never_opened(message):
        return "ssh"
    kind = channel(code)
    if kind == "session":
        return "udp" if "udp" in lowered and "session initiation" not in lowered else "session"
    if kind == "stall" or (not kind and any(words in lowered for words in _DATA_STOPPED)):
        return "udp" if bytes_moved == 0 else "stall"
    return kind
