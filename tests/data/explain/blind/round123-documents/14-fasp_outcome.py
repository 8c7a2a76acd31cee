"""fasp_outcome — map the last lines of an ascp run to an outcome.

The message strings below are quoted from IBM documentation and public bug reports;
they are patterns, not output of any particular transfer.

>>> classify(["ascp: failed to authenticate, exiting.", "", "Session Stop  (Error: failed to authenticate)"])
'AUTH'
>>> classify(["Completed: 74523K bytes transferred in 118 seconds", " (5132K bits/sec), in 1 file."])
'OK'
"""
from __future__ import annotations

import re
from typing import Iterable

_RULES: list[tuple[str, re.Pattern[str]]] = [
    ("OK", re.compile(r"^Completed: \d+K bytes transferred")),
    ("DNS", re.compile(r"ascp(?:\.exe)?: Cannot resolve target host\., exiting\.")),
    ("SSH_PORT", re.compile(r"Failed to open TCP connection for SSH")),
    ("UDP", re.compile(r"Client unable to connect to server \(check UDP port and firewall\)")),
    ("AUTH", re.compile(r"failed to authenticate")),
    ("HOSTKEY", re.compile(r"Remote host is not who we expected")),
    ("NO_SUCH_FILE", re.compile(r"Server aborted session: No such file or directory")),
    ("PERMISSION", re.compile(r"Read access denied for user|Insufficient permission")),
    ("DISK", re.compile(r"Disk write failed|No space left on disk")),
    ("STALL", re.compile(r"Session data transfer timeout|Data transfer stalled, timed out")),
    ("LICENCE", re.compile(r"Deprecated peer license|License expired")),
    ("FILEPASS", re.compile(r"File encryption needs a passphrase")),
    ("CONTENT_PROTECTION", re.compile(r"Server requires content protection")),
    ("UNAUTHORIZED", re.compile(r"Management authorization refused")),
    ("KEYFILE", re.compile(r"^Key passphrase:")),
]


def classify(lines: Iterable[str]) -> str:
    """Return the outcome of the *last* matching rule in the given lines."""
    outcome = "UNKNOWN"
    for line in lines:
        for name, rx in _RULES:
            if rx.search(line):
                outcome = name
    return outcome


if __name__ == "__main__":  # pragma: no cover
    import doctest
    doctest.testmod()
