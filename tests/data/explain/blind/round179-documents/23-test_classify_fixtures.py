"""Unit tests for transfer_watch.classify() -- fixtures are verbatim ascp lines.

None of these are real runs; they are parser fixtures.
"""
import pytest
from transfer_watch import classify

CASES = [
    ("ascp: Private key file not found at path /home/u/.aspera/connect/etc/asperaweb_id_dsa.openssh, exiting.", "key"),
    ("Session Stop  (Error: Server aborted session: Client requests stronger encryption than server allows)", "cipher"),
    ("Session Stop  (Error: Server aborted session: Management authorization refused: token denied by server)", "authz"),
    ("ascp: File encryption needs a passphrase in environment variable ASPERA_SCP_FILEPASS, exiting.", "filepass"),
    ("Session Stop  (Error: Session initiation failed, read timed out)", "start"),
    ("Completed: 378151K bytes transferred in 13 seconds", "ok"),
]

@pytest.mark.parametrize("line,expected", CASES)
def test_classify(line, expected):
    assert classify(line) == expected

def test_unknown_line():
    assert classify("Time: 00:00:02 ====== 100% 100 Mbps Time: 00:00:00") is None
