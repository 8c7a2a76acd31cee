"""Fixtures for our in-house ascp output classifier (tests/test_ascp_classify.py).

The strings are copied from IBM support articles and public READMEs. They are
test data only: nothing here comes from a transfer we ran.
"""
import pytest

from transferlib.ascp import classify

CASES = [
    # (stderr, stdout, expected category)
    ("ascp: failed to authenticate, exiting.\n",
     "\r\nSession Stop  (Error: failed to authenticate)\n", "auth"),
    ("ascp: Cannot resolve target host., exiting.\n", "", "dns"),
    ("ascp: Failed to open TCP connection for SSH, exiting.\n",
     "\r\nSession Stop  (Error: Failed to open TCP connection for SSH)\n", "ssh_port"),
    ("", "Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))\n", "udp"),
    ("", "Completed: 0K bytes transferred in 0 seconds\n"
         "Session Stop  (Error: Server aborted session: No such file or directory)\n", "no_such_file"),
    ("ascp: File encryption needs a passphrase in environment variable ASPERA_SCP_FILEPASS, exiting.\n",
     "", "passphrase"),
    ("/bin/sh: 1: ascp: not found\n", "", "missing"),
    ("", "Partial Completion: 19711732K bytes transferred in 3695 seconds\n"
         "(43691K bits/sec), in 6 files, 4 directories; 3 files failed.\n\n"
         "Session Stop  (Error: Disk write failed (server))\n", "disk"),
]


@pytest.mark.parametrize("stderr,stdout,expected", CASES)
def test_classify(stderr, stdout, expected):
    assert classify(stderr=stderr, stdout=stdout).category == expected


def test_success_summary():
    out = ("ERR164407.fastq.gz                                                                  100%  72MB 37.7Mb/s   01:58\n"
           "Completed: 74523K bytes transferred in 118 seconds\n"
           " (5132K bits/sec), in 1 file.\n")
    assert classify(stderr="", stdout=out).category == "ok"
