"""Unit tests for pipeline.transfer.classify_ascp_output.

The strings below are copied from real ascp output collected from users; they are
fixtures, not runs.
"""
import pytest

from pipeline.transfer import classify_ascp_output, Failure

CASES = [
    ("ascp: failed to authenticate, exiting.\n\nSession Stop  (Error: failed to authenticate)\n",
     Failure.AUTH),
    ("ascp: Failed to open TCP connection for SSH, exiting.\n",
     Failure.SSH_PORT),
    ("Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))\n",
     Failure.UDP),
    ("Completed: 0K bytes transferred in 0 seconds\n"
     "Session Stop  (Error: Server aborted session: No such file or directory)\n",
     Failure.NO_SUCH_FILE),
    ("Partial Completion: 19711732K bytes transferred in 3695 seconds\n"
     "(43691K bits/sec), in 6 files, 4 directories; 3 files failed.\n\n"
     "Session Stop  (Error: Disk write failed (server))\n",
     Failure.DISK),
    ("ascp: Cannot resolve target host., exiting.\n", Failure.DNS),
    ("/bin/sh: 1: ascp: not found\n", Failure.NOT_INSTALLED),
    ("Session Stop  (Error: Session data transfer timeout)\n", Failure.STALL),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_classify(text, expected):
    assert classify_ascp_output(text) is expected


def test_success():
    out = ("ERR164407.fastq.gz      100%  72MB 37.7Mb/s   01:58\n"
           "Completed: 74523K bytes transferred in 118 seconds\n"
           " (5132K bits/sec), in 1 file.\n")
    assert classify_ascp_output(out) is None
