"""ascp_errors.py - map ascp output to retry decisions for the nightly sync.

Examples of what ascp prints (taken from vendor docs / our own tickets, NOT a log):

    ascp: failed to authenticate, exiting.
    Session Stop  (Error: failed to authenticate)
    Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))
    Session Stop  (Error: Server aborted session: No such file or directory)
    Session Stop  (Error: Disk write failed (server))
"""
import re
from dataclasses import dataclass

SESSION_STOP = re.compile(r"Session Stop\s+\(Error: (?P<msg>.*)\)\s*$")
EXITING = re.compile(r"^ascp(?:\.exe)?: (?P<msg>.*), exiting\.$")


@dataclass(frozen=True)
class Verdict:
    kind: str
    retry: bool


RULES = [
    ("failed to authenticate", Verdict("auth", False)),
    ("Failed to open TCP connection for SSH", Verdict("ssh-port", True)),
    ("check UDP port and firewall", Verdict("udp", True)),
    ("No such file or directory", Verdict("missing", False)),
    ("Disk write failed", Verdict("disk", False)),
    ("Deprecated peer license", Verdict("licence", False)),
    ("Session data transfer timeout", Verdict("stall", True)),
    ("Cannot resolve target host", Verdict("dns", False)),
]


def classify(text: str) -> Verdict:
    for line in text.splitlines():
        m = SESSION_STOP.search(line) or EXITING.search(line)
        if not m:
            continue
        for needle, verdict in RULES:
            if needle in m.group("msg"):
                return verdict
    if "Completed:" in text and "Session Stop" not in text:
        return Verdict("ok", False)
    return Verdict("unknown", True)


if __name__ == "__main__":  # pragma: no cover
    sample = "\r\nSession Stop  (Error: failed to authenticate)\n"
    assert classify(sample) == Verdict("auth", False)
    print("self-test ok")
