"""fasp_errors.py — map the last lines of an ascp run to a short category.

Used by ``lims_export.deliver`` after it runs ascp via subprocess. The strings below are
copied from real ascp output we collected on the delivery hosts between 2024 and 2026.

Examples (these are test fixtures, not logs of any run)::

    >>> classify(b"", b"ascp: Cannot resolve target host., exiting.\\n")
    'dns'
    >>> classify(b"\\r\\nSession Stop  (Error: failed to authenticate)\\n",
    ...          b"ascp: failed to authenticate, exiting.\\n")
    'auth'
    >>> classify(b"Session Stop  (Error: Session data transfer timeout)\\n", b"")
    'stall'
"""
from __future__ import annotations

import re

# Order matters: first match wins.
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("dns", re.compile(r"Cannot resolve target host")),
    ("ssh-port", re.compile(r"Failed to open TCP connection for SSH")),
    ("auth", re.compile(r"failed to authenticate")),
    ("udp", re.compile(r"check UDP port and firewall")),
    ("stall", re.compile(r"Data transfer stalled, timed out|Session data transfer timeout")),
    ("session-start", re.compile(r"Session initiation failed, read timed out")),
    ("no-such-file", re.compile(r"Server aborted session: No such file or directory")),
    ("permission", re.compile(r"Read access denied for user|Insufficient permission")),
    ("disk", re.compile(r"Disk write failed")),
    ("licence", re.compile(r"peer license|License expired")),
    ("host-key", re.compile(r"Remote host is not who we expected")),
]

RETRYABLE = {"udp", "stall", "session-start", "ssh-port"}


def classify(stdout: bytes, stderr: bytes) -> str:
    text = (stdout + b"\n" + stderr).decode("utf-8", "replace")
    if re.search(r"^Completed: .* bits/sec\), in \d+ files?", text, re.M | re.S):
        if "Session Stop  (Error:" not in text:
            return "ok"
    for name, pat in _PATTERNS:
        if pat.search(text):
            return name
    return "unknown"


def should_retry(category: str, attempt: int, max_attempts: int = 3) -> bool:
    # 'Data transfer stalled, timed out' is retried, see LIMS-2291
    return category in RETRYABLE and attempt < max_attempts


if __name__ == "__main__":  # pragma: no cover
    import doctest

    doctest.testmod()
