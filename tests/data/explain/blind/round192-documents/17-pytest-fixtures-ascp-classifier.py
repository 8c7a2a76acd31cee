"""Unit tests for xferwatch.classify -- maps ascp output lines to a short status.

The sample strings are copied from public transcripts and IBM support articles
(see docs/sources.md). They are fixtures only; nothing here runs ascp.
"""
import pytest

from xferwatch.classify import classify_lines

CASES = [
    (
        "auth",
        ["ascp: failed to authenticate, exiting.", "", "Session Stop  (Error: failed to authenticate)"],
    ),
    (
        "no_such_file",
        [
            "Completed: 0K bytes transferred in 0 seconds",
            "Session Stop  (Error: Server aborted session: No such file or directory)",
        ],
    ),
    (
        "udp_blocked",
        ["Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))"],
    ),
    (
        "license",
        ["Session Stop (Error: Failure processing peer license: Deprecated peer license)"],
    ),
    (
        "mgmt_port",
        [
            "ascp.exe: required management connection to port localhost:54792 failed.",
            "ascp.exe: failed to connect to management socket, exiting.",
        ],
    ),
    (
        "ok",
        [
            "ERR164407.fastq.gz                                                                  100%  72MB 37.7Mb/s   01:58",
            "Completed: 74523K bytes transferred in 118 seconds",
            " (5132K bits/sec), in 1 file.",
        ],
    ),
]


@pytest.mark.parametrize("expected,lines", CASES, ids=[c[0] for c in CASES])
def test_classify(expected, lines):
    assert classify_lines(lines).status == expected


def test_empty_output_is_unknown():
    assert classify_lines([]).status == "unknown"
