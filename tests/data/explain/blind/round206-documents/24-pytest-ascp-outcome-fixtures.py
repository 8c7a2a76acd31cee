"""Unit tests for transferkit.ascp_outcome.classify().

The strings below are fixtures copied from public ascp transcripts (IBM support articles,
kingfisher-download README, ChIP-Atlas scripts). No transfer is run by these tests.
"""
import pytest

from transferkit.ascp_outcome import classify

KINGFISHER_AUTH = (
    b"ascp: failed to authenticate, exiting.\n",
    b"\r\nSession Stop  (Error: failed to authenticate)\n",
)

CASES = [
    ("Session Stop  (Error: failed to authenticate)", "auth"),
    ("Session Stop  (Error: Failed to open TCP connection for SSH)", "ssh_tcp"),
    ("Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))", "udp"),
    ("Session Stop  (Error: Session data transfer timeout)", "timeout"),
    ("Session Stop  (Error: Session initiation failed, read timed out)", "timeout"),
    ("Session Stop  (Error: Server aborted session: No such file or directory)", "missing"),
    ("Session Stop  (Error: Disk write failed (server))", "disk"),
    ("ascp: Cannot resolve target host., exiting.", "dns"),
]


@pytest.mark.parametrize("line,expected", CASES)
def test_classify_session_stop(line, expected):
    assert classify(stdout=line, stderr="") == expected


def test_kingfisher_pair_is_auth():
    err, out = KINGFISHER_AUTH
    assert classify(stdout=out.decode(), stderr=err.decode()) == "auth"


def test_success_summary():
    out = (
        "ERR164407.fastq.gz                                                                  100%  72MB 37.7Mb/s   01:58\n"
        "Completed: 74523K bytes transferred in 118 seconds\n"
        " (5132K bits/sec), in 1 file.\n"
    )
    assert classify(stdout=out, stderr="") == "ok"


def test_partial_completion_is_not_ok():
    out = (
        "Partial Completion: 19711732K bytes transferred in 3695 seconds\n"
        "(43691K bits/sec), in 6 files, 4 directories; 3 files failed.\n"
        "\n"
        "Session Stop  (Error: Disk write failed (server))\n"
    )
    assert classify(stdout=out, stderr="") == "disk"
