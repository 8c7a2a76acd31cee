"""Classify the outcome of an ascp run from its captured output.

Used by the ``pipeline.fetch`` step. The messages below are the ones ascp prints; they are
matched as substrings, never as whole lines, because wrappers prefix them (``ascp.exe:``,
timestamps, ``STDERR was: b'...'``).

>>> classify("Completed: 74523K bytes transferred in 118 seconds\\n (5132K bits/sec), in 1 file.")
'ok'
>>> classify("ascp: failed to authenticate, exiting.\\n\\nSession Stop  (Error: failed to authenticate)")
'auth'
>>> classify("Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))")
'udp'
>>> classify("Session Stop  (Error: Server aborted session: No such file or directory)")
'not_found'
>>> classify("ascp: Cannot resolve target host., exiting.")
'dns'
>>> classify("/bin/sh: 1: ascp: not found")
'missing'
"""

from __future__ import annotations

import re

_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("missing", re.compile(r"ascp: (command )?not found")),
    ("dns", re.compile(r"Cannot resolve target host")),
    ("auth", re.compile(r"failed to authenticate")),
    ("ssh_port", re.compile(r"Failed to open TCP connection for SSH")),
    ("udp", re.compile(r"check UDP port and firewall")),
    ("not_found", re.compile(r"Server aborted session: No such file or directory")),
    ("disk", re.compile(r"Disk write failed")),
    ("stall", re.compile(r"Data transfer stalled, timed out|Session data transfer timeout")),
    ("filepass", re.compile(r"needs a passphrase in environment variable ASPERA_SCP_FILEPASS")),
    ("hostkey", re.compile(r"Remote host is not who we expected")),
]


def classify(output: str) -> str:
    """Return a short category for one ascp run's combined stdout+stderr."""
    for name, pattern in _RULES:
        if pattern.search(output):
            return name
    if "Completed: " in output and "files failed" not in output:
        return "ok"
    return "unknown"


if __name__ == "__main__":  # pragma: no cover
    import doctest

    doctest.testmod()
