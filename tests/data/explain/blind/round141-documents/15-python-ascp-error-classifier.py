"""ascp_errors.py — map ascp output lines to a short category for our
transfer dashboard.

Examples of lines this module recognises (taken from ascp's stdout/stderr):

    ascp: failed to authenticate, exiting.
    Session Stop  (Error: failed to authenticate)
    Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))
    Session Stop  (Error: Server aborted session: No such file or directory)
    ascp: Cannot resolve target host., exiting.
    ascp: Failed to open TCP connection for SSH, exiting.

None of these are from a real transfer; see tests/test_ascp_errors.py
for the fixtures.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_SESSION_STOP = re.compile(r"^Session Stop\s+\(Error: (?P<msg>.*)\)\s*$")
_EXITING = re.compile(r"^ascp(?:\.exe)?: (?P<msg>.*), exiting\.?\s*$")

CATEGORIES: list[tuple[str, str]] = [
    ("failed to authenticate", "auth"),
    ("Cannot resolve target host", "dns"),
    ("Failed to open TCP connection for SSH", "ssh-port"),
    ("check UDP port and firewall", "udp"),
    ("No such file or directory", "missing"),
    ("Disk write failed", "disk"),
    ("No space left on disk", "disk"),
    ("Session data transfer timeout", "stall"),
    ("Data transfer stalled, timed out", "stall"),
    ("Deprecated peer license", "licence"),
    ("Server requires content protection", "content-protection"),
    ("needs a passphrase in environment variable ASPERA_SCP_FILEPASS", "passphrase"),
    ("Remote host is not who we expected", "host-key"),
    ("Management authorization refused", "unauthorized"),
    ("Cancelled by user", "cancelled"),
]


@dataclass(frozen=True)
class Classified:
    category: str
    message: str


def classify(line: str) -> Classified | None:
    """Return the category of one ascp output line, or None."""
    m = _SESSION_STOP.match(line) or _EXITING.match(line)
    if not m:
        return None
    msg = m.group("msg")
    for needle, cat in CATEGORIES:
        if needle in msg:
            return Classified(cat, msg)
    return Classified("other", msg)


if __name__ == "__main__":  # pragma: no cover
    import sys

    for raw in sys.stdin:
        c = classify(raw.rstrip("\n"))
        if c:
            print(f"{c.category}\t{c.message}")
