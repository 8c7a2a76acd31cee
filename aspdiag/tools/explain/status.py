"""Transfer status objects pasted as JSON (the Node API's ``/ops/transfers``, the Connect SDK's
``getAllTransfers``, a script's dump of either), pretty-printed over many lines: each transfer is read as one line
of its own that the rest of ``explain`` already reads (``{"status": "failed", "error_code": 40, "error_desc": ...}``),
in the order the transfers started (the Connect SDK lists the newest first)."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

MAX_STATUS_BYTES = 4 * 1024 * 1024
"""A chunk larger than this is a log, not a pasted status document (it is not searched for one)."""

_OPENING = re.compile(r"^[ \t]*[\[{][ \t]*$|^[ \t]*\{[ \t]*\"", re.M)
"""Where a JSON document may start: a line holding only ``{`` or ``[`` (``json.tool``, ``JSON.stringify(r, null,
2)``), or an object opening with its first key."""
_FINISHED = {"completed": "completed", "failed": "failed", "cancelled": "cancelled", "canceled": "cancelled"}
_TRANSFER_KEYS = ("transfer_spec", "start_spec", "bytes_expected", "bytes_written", "bytes_transferred", "sessions")
_START_KEYS = ("start_time_usec", "start_time", "add_time")
_GENERIC_CODES = (0, 27)
"""Error codes that name no cause of their own: none, and 27's "Some individual files failed" (the files say why)."""


def status_as_lines(chunk: bytes) -> bytes | None:
    """The chunk with each pasted JSON document that holds finished transfers replaced by one line per transfer,
    in start order; None when it holds none (the chunk is read as it is)."""
    if (
        len(chunk) > MAX_STATUS_BYTES
        or b'"status"' not in chunk
        or (b'"error_desc"' not in chunk and b'"bytes_written"' not in chunk)
    ):
        return None
    text = chunk.decode("utf-8", "replace")
    decoder = json.JSONDecoder()
    parts: list[str] = []
    at = 0
    for opening in _OPENING.finditer(text):
        start = text.index("[" if text[opening.start() : opening.end()].strip() == "[" else "{", opening.start())
        if start < at:
            continue  # inside a document read already
        try:
            document, end = decoder.raw_decode(text, start)
        except ValueError:
            continue  # not JSON (a shell's brace, a document cut short)
        found = sorted(_transfers(document), key=lambda transfer: transfer[0])
        if not found:
            continue
        parts.append(text[at:start])
        parts.append("\n".join(json.dumps(line) for _, line in found) + "\n")
        at = end
    if not parts:
        return None
    parts.append(text[at:])
    return "".join(parts).encode()


def _transfers(node: Any) -> Iterator[tuple[float, dict[str, Any]]]:
    """The finished transfers of a JSON document, outermost first (a transfer's sessions and files are its own
    parts, not transfers of their own), each with its start for ordering."""
    if isinstance(node, dict):
        status = node.get("status")
        if isinstance(status, str) and any(key in node for key in _TRANSFER_KEYS):
            finished = _FINISHED.get(status.lower())
            if finished is not None:
                yield _start(node), _line(node, finished)
            return
        for value in node.values():
            yield from _transfers(value)
    elif isinstance(node, list):
        for item in node:
            yield from _transfers(item)


def _start(transfer: dict[str, Any]) -> float:
    for key in _START_KEYS:
        value = transfer.get(key)
        if isinstance(value, int | float):
            return float(value) / (1e6 if key.endswith("usec") else 1.0)
        if isinstance(value, str) and value:
            # ISO stamps of one document sort as text; their order is all that is needed
            return float(re.sub(r"\D", "", value)[:14] or 0)
    return 0.0


def _line(transfer: dict[str, Any], status: str) -> dict[str, Any]:
    """One transfer as the line ``explain`` reads: its status, its error (a file's, when the transfer's own names
    no cause), what it moved, and its server."""
    code = transfer.get("error_code")
    desc = transfer.get("error_desc") or ""
    if status == "failed" and (code in _GENERIC_CODES or not desc):
        told = Counter(
            (part.get("error_code"), part["error_desc"])
            for part in _parts(transfer)
            if str(part.get("status", "")).lower() == "failed"
            and part.get("error_desc")
            and part.get("error_code") not in _GENERIC_CODES
        )
        if told:
            (code, desc), _ = told.most_common(1)[0]
    spec = transfer.get("transfer_spec") or transfer.get("start_spec") or {}
    line: dict[str, Any] = {"status": status}
    if status != "completed" or code:
        line["error_code"] = code
        line["error_desc"] = desc
    for key in ("bytes_written", "bytes_expected", "percentage"):
        if isinstance(transfer.get(key), int | float):
            line[key] = transfer[key]
    if isinstance(spec, dict) and isinstance(spec.get("remote_host"), str):
        line["remote_host"] = spec["remote_host"]
    for key in ("start_time", "add_time"):
        if isinstance(transfer.get(key), str):
            line[key] = transfer[key]
            break
    return line


def _parts(node: Any) -> Iterator[dict[str, Any]]:
    """Every object inside a transfer (its sessions, its files), at any depth."""
    values = node.values() if isinstance(node, dict) else node if isinstance(node, list) else ()
    for value in values:
        if isinstance(value, dict):
            yield value
        if isinstance(value, dict | list):
            yield from _parts(value)


__all__ = ["MAX_STATUS_BYTES", "status_as_lines"]
