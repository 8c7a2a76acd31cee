"""pull.py - thin wrapper around ascp used by the ingest cron (excerpt).

Maps ascp's 'Session Stop' text to short categories for the dashboard.
No transfer is started when this module is imported.
"""
import re
import subprocess

ASCP = "/opt/aspera/bin/ascp"

ERROR_MAP = [
    (re.compile(r"failed to authenticate"), "AUTH"),
    (re.compile(r"Cannot resolve target host"), "DNS"),
    (re.compile(r"Failed to open TCP connection for SSH"), "TCP_SSH"),
    (re.compile(r"Client unable to connect to server \(check UDP port and firewall\)"), "UDP"),
    (re.compile(r"Session data transfer timeout"), "STALL"),
    (re.compile(r"Disk write failed"), "DISK"),
    (re.compile(r"Server aborted session: No such file or directory"), "NOT_FOUND"),
    (re.compile(r"Deprecated peer license"), "LICENCE"),
]

# Example of what ascp prints on failure (kept here for the unit tests):
#   ascp: failed to authenticate, exiting.
#
#   Session Stop  (Error: failed to authenticate)


def classify(stdout: str, stderr: str) -> str:
    text = stdout + "\n" + stderr
    for rx, cat in ERROR_MAP:
        if rx.search(text):
            return cat
    # NB: a timeout(1) kill (rc 124) has no Session Stop line at all
    return "UNKNOWN"


def pull(src: str, dest: str, rate: str = "300m") -> str:
    cmd = [ASCP, "-QT", "-l", rate, "-P", "33001", "-k1", src, dest]
    p = subprocess.run(cmd, capture_output=True, text=True)
    return "OK" if p.returncode == 0 else classify(p.stdout, p.stderr)
