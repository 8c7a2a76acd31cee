"""Unit tests for our thin faspmanager-style parser (pipelines/aspera/mgmt.py).

Frames below are copied from IBM's ibm-cos-sdk-java AsperaTransactionImplTest so that we parse
exactly what ascp emits on the management port. These are fixtures: no transfer is run here.
"""
import pytest

from pipelines.aspera.mgmt import parse_frames, last_error

INIT = ("FASPMGR 2\n"
        "Type: INIT\n"
        "Direction: Send\n"
        "Operation: Transfer\n"
        "SessionId: f8fdea60-e416-4a17-a488-9abe093290a9\n"
        "UserStr: 6a31a3b4-3b89-4af4-99ab-1b7dd2d00000\n")

ERROR = ("FASPMGR 2\n"
         "Type: ERROR\n"
         "Code: 5\n"
         "Description: Server aborted session: Read access denied for user\n"
         "Loss: 0\n"
         "SessionId: f8fdea60-e416-4a17-a488-9abe093290a9\n"
         "UserStr: 6a31a3b4-3b89-4af4-99ab-1b7dd2d00000\n")


def test_init_then_error():
    frames = parse_frames(INIT + "\n" + ERROR + "\n")
    assert [f["Type"] for f in frames] == ["INIT", "ERROR"]
    err = last_error(frames)
    assert err.code == 5
    assert err.description.startswith("Server aborted session")


@pytest.mark.parametrize("code,retry", [(5, False), (40, True), (19, False)])
def test_retry_flags(code, retry):
    from pipelines.aspera.mgmt import is_retryable
    assert is_retryable(code) is retry
