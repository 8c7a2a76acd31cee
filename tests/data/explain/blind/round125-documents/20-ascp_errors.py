"""ascp_errors -- map ascp output to short, user-facing reasons.

Used by ``dtnctl fetch`` and ``dtnctl push``.  Nothing here starts ascp; the
functions only look at the text a finished ascp process left on stdout/stderr.

ascp writes a short message to stderr::

    ascp: failed to authenticate, exiting.

and a summary to stdout, preceded by ``\\r\\n`` and with TWO spaces after
``Stop``::

    Session Stop  (Error: failed to authenticate)

Examples of what we map (see tests/test_ascp_errors.py):

>>> classify("", "ascp: Cannot resolve target host., exiting.\\n")
'dns'
>>> classify("Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))", "")
'udp-blocked'
>>> classify("Session Stop  (Error: Server aborted session: No such file or directory)", "")
'remote-missing'
>>> classify("Completed: 74523K bytes transferred in 118 seconds\\n (5132K bits/sec), in 1 file.", "")
'ok'
"""
from __future__ import annotations

import re

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("dns", re.compile(r"Cannot resolve target host")),
    ("ssh-port", re.compile(r"Failed to open TCP connection for SSH")),
    ("auth", re.compile(r"failed to authenticate", re.I)),
    ("hostkey", re.compile(r"Remote host is not who we expected")),
    ("udp-blocked", re.compile(r"Client unable to connect to server \(check UDP port and firewall\)")),
    ("remote-missing", re.compile(r"Server aborted session: No such file or directory")),
    ("denied", re.compile(r"Read access denied for user|Insufficient permission")),
    ("unauthorized", re.compile(r"Management authorization refused")),
    ("disk", re.compile(r"Disk write failed|No space left on disk")),
    ("stalled", re.compile(r"Data transfer stalled, timed out|Session data transfer timeout")),
    ("licence", re.compile(r"peer license|License expired")),
    ("key-missing", re.compile(r"^Key passphrase:", re.M)),
]

_SESSION_STOP = re.compile(r"Session Stop\s+\(Error: (?P<msg>.*)\)\s*$", re.M)
_COMPLETED = re.compile(r"^\s*Completed: \d+K bytes transferred in \d+ seconds", re.M)


def classify(stdout: str, stderr: str) -> str:
    """Return a short reason id, 'ok', or 'unknown'."""
    text = f"{stdout}\n{stderr}"
    for name, pat in _PATTERNS:
        if pat.search(text):
            return name
    if _COMPLETED.search(stdout) and not _SESSION_STOP.search(stdout):
        return "ok"
    return "unknown"


HINTS = {
    "dns": "Check the host name (fasp.sra.ebi.ac.uk) and your resolver / VPN.",
    "ssh-port": "ENA and most HSTS answer SSH on 33001: add -P 33001.",
    "auth": "Use aspera_bypass_rsa.pem for ENA; the DSA key is no longer accepted.",
    "udp-blocked": "Outbound UDP 33001 is blocked between you and the server.",
    "key-missing": "The file given with -i does not exist (older ascp then asks for a passphrase).",
}

if __name__ == "__main__":  # pragma: no cover
    import doctest
    doctest.testmod()
