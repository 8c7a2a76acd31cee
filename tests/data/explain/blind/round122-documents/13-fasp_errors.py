"""Classify ascp (IBM Aspera FASP) failures from captured stdout/stderr.

Used by the ``transfer-worker`` service. The table below follows the FASP error
codes as printed by ``ascli config ascp errors``; the regexes match what ascp
actually prints (stderr ``ascp: <msg>, exiting.`` and stdout
``Session Stop  (Error: <msg>)``).

>>> classify("ascp: failed to authenticate, exiting.")
'AUTH'
>>> classify("Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))")
'UDP_BLOCKED'
>>> classify("Completed: 74523K bytes transferred in 118 seconds")
'OK'
"""
from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["classify", "FASP_CODES", "RETRYABLE"]

#: code -> (mnemonic, message) subset we care about
FASP_CODES: dict[int, tuple[str, str]] = {
    4: ("NO_SUCH_FILE", "No such file or directory"),
    5: ("NO_PERMS", "Insufficient permission to read or write"),
    8: ("USAGE", "Incorrect usage of scp command"),
    12: ("TRANSFER_ERROR", "Error establishing control connection"),
    13: ("TRANSFER_TIMEOUT", "Timeout establishing control connection"),
    14: ("CONNECTION_ERROR", "Error establishing data connection"),
    15: ("CONNECTION_TIMEOUT", "Timeout establishing data connection"),
    19: ("AUTH", "Authentication failure"),
    25: ("NO_SPACE_LEFT", "No space left on disk"),
    28: ("USER_CANCEL", "Cancelled by user"),
    30: ("LIC_EXPIRED", "License expired"),
    34: ("UNAUTHORIZED", "Unauthorized by external auth server"),
    36: ("DISK_WRITE", "Error writing to disk"),
    40: ("DATA_TRANSFER_TIMEOUT", "Transfer stalled, timed out"),
    44: ("PMTU_BRTT_ERROR", "UDP session initiation fatal error"),
    48: ("FILE_ENCRYPTION_ERROR", "File encryption error, e.g. corrupt file"),
    51: ("INSECURE_CONNECTION", "Remote-host key check failure"),
    64: ("CANNOT_RENAME_PARTIAL_FILES", "Can't rename a partial file"),
}

RETRYABLE = {12, 13, 14, 15, 16, 17, 18, 23, 32, 33, 35, 36, 37, 39, 40, 44, 45}


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]


RULES: list[Rule] = [
    Rule("NOT_INSTALLED", re.compile(r"ascp(\.exe)?: (command )?not found|No such file or directory: 'ascp'")),
    Rule("KEY_FILE", re.compile(r"Private key file not found at path|^Key passphrase:", re.M)),
    Rule("DNS", re.compile(r"Cannot resolve target host")),
    Rule("SSH_PORT", re.compile(r"Failed to open TCP connection for SSH")),
    Rule("AUTH", re.compile(r"failed to authenticate")),
    Rule("HOST_KEY", re.compile(r"Remote host is not who we expected")),
    Rule("UDP_BLOCKED", re.compile(r"Client unable to connect to server \(check UDP port and firewall\)")),
    Rule("NOT_FOUND", re.compile(r"Server aborted session: No such file or directory")),
    Rule("PERMISSION", re.compile(r"Read access denied|Write access denied|Insufficient permission")),
    Rule("DISK", re.compile(r"Disk write failed|No space left")),
    Rule("LICENCE", re.compile(r"peer license|License expired")),
    Rule("STALL", re.compile(r"Session data transfer timeout|Data transfer stalled")),
    Rule("PASSPHRASE", re.compile(r"needs a passphrase in environment variable ASPERA_SCP_FILEPASS")),
    Rule("OK", re.compile(r"^Completed: \d+K bytes transferred", re.M)),
]


def classify(output: str) -> str:
    """Return the first matching rule name, or ``'UNKNOWN'``."""
    for rule in RULES:
        if rule.pattern.search(output):
            return rule.name
    return "UNKNOWN"


if __name__ == "__main__":  # pragma: no cover
    import doctest
    import sys

    if len(sys.argv) > 1:
        with open(sys.argv[1], encoding="utf-8", errors="replace") as fh:
            print(classify(fh.read()))
    else:
        doctest.testmod(verbose=True)
