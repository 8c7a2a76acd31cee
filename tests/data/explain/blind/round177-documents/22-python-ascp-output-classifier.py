"""ascp_classify.py — map the last lines of an ascp run to a short reason.

Used by the nightly fetch jobs to decide whether to retry. Patterns follow what
ascp prints: a stderr line "ascp: <message>, exiting." and a stdout line
"Session Stop  (Error: <message>)" (two spaces after "Stop").

>>> classify("Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))")
'udp-blocked'
>>> classify("ascp: failed to authenticate, exiting.")
'auth'
>>> classify("Completed: 236K bytes transferred in 0 seconds")
'ok'
"""
import re

RULES = [
    (re.compile(r"^Completed: \d+K bytes transferred"), "ok", False),
    (re.compile(r"Partial Completion: "), "partial", True),
    (re.compile(r"failed to authenticate"), "auth", False),
    (re.compile(r"Failed to open TCP connection for SSH"), "ssh-tcp", True),
    (re.compile(r"Client unable to connect to server \(check UDP port and firewall\)"), "udp-blocked", True),
    (re.compile(r"Cannot resolve target host"), "dns", True),
    (re.compile(r"Server aborted session: No such file or directory"), "missing", False),
    (re.compile(r"Failure processing peer license"), "licence", False),
    (re.compile(r"Session data transfer timeout|Transfer stalled, timed out"), "stall", True),
    (re.compile(r"Disk write failed|No space left on disk"), "disk", False),
    (re.compile(r"File encryption needs a passphrase"), "filepass", False),
    (re.compile(r"required management connection to port"), "mgmt-port", False),
]


def classify(text: str) -> str:
    for line in reversed(text.splitlines()):
        for rx, name, _retry in RULES:
            if rx.search(line):
                return name
    return "unknown"


def should_retry(text: str) -> bool:
    name = classify(text)
    return any(n == name and retry for _rx, n, retry in RULES)


if __name__ == "__main__":
    import doctest
    doctest.testmod()
