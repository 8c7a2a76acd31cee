#!/usr/bin/env python3
"""ascp-log-triage.py - map the last ascp line of a job log to a coarse category.

Example input (from a public issue, not from our systems):

    ascp: failed to authenticate, exiting.

    Session Stop  (Error: failed to authenticate)

Usage: ascp-log-triage.py JOBLOG [JOBLOG ...]
"""
import re
import sys

RULES = [
    (re.compile(r"Session Stop  \(Error: failed to authenticate\)"), "auth"),
    (re.compile(r"Failed to open TCP connection for SSH"), "ssh-port"),
    (re.compile(r"check UDP port and firewall"), "udp"),
    (re.compile(r"Server aborted session: No such file or directory"), "no-such-file"),
    (re.compile(r"Disk write failed"), "disk"),
    (re.compile(r"Cannot resolve target host"), "dns"),
    (re.compile(r"Deprecated peer license"), "licence"),
    (re.compile(r"^Completed: \d+K bytes transferred"), "ok"),
]


def triage(path):
    verdict = "unknown"
    with open(path, errors="replace") as fh:
        for line in fh:
            for rx, name in RULES:
                if rx.search(line):
                    verdict = name
    return verdict


if __name__ == "__main__":
    for p in sys.argv[1:]:
        print(f"{p}\t{triage(p)}")
