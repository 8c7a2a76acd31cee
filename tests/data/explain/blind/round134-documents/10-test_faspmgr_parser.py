"""Unit tests for seqgate.faspmgr.parse_message().

The FASPMGR 2 frames below are fixtures: they are shaped like the messages ascp
emits on its management port (-M), as seen in the IBM COS SDK test suite, but
the values are invented. No transfer is run by these tests.
"""
import pytest

from seqgate.faspmgr import parse_message, Outcome

MSG_START = (
    "FASPMGR 2\n"
    "Type: START\n"
    "Direction: Send\n"
    "Encryption: Yes\n"
    "FileBytes: 786432\n"
    "SessionId: f8fdea60-e416-4a17-a488-9abe093290a9\n"
    "UserStr: 6a31a3b4-3b89-4af4-99ab-1b7dd2d00000\n"
)

MSG_ERROR_READ = (
    "FASPMGR 2\n"
    "Type: ERROR\n"
    "Code: 5\n"
    "Description: Server aborted session: Read access denied for user\n"
    "Loss: 0\n"
    "SessionId: f8fdea60-e416-4a17-a488-9abe093290a9\n"
    "UserStr: 6a31a3b4-3b89-4af4-99ab-1b7dd2d00000\n"
)

MSG_ERROR_UDP = (
    "FASPMGR 2\n"
    "Type: ERROR\n"
    "Code: 15\n"
    "Description: Client unable to connect to server (check UDP port and firewall)\n"
    "Loss: 0\n"
    "SessionId: 0b1c2d3e-0000-4000-8000-000000000001\n"
)

MSG_ERROR_AUTH = (
    "FASPMGR 2\n"
    "Type: ERROR\n"
    "Code: 19\n"
    "Description: failed to authenticate\n"
    "SessionId: 0b1c2d3e-0000-4000-8000-000000000002\n"
)

MSG_DONE = (
    "FASPMGR 2\n"
    "Type: DONE\n"
    "Direction: Send\n"
    "FileBytes: 1048576\n"
    "Operation: Transfer\n"
    "SessionId: f8fdea60-e416-4a17-a488-9abe093290a9\n"
)


def test_start_is_not_terminal():
    m = parse_message(MSG_START)
    assert m.type == "START"
    assert not m.terminal


@pytest.mark.parametrize(
    "frame, code, outcome",
    [
        (MSG_ERROR_READ, 5, Outcome.PERMISSION),
        (MSG_ERROR_UDP, 15, Outcome.UDP_BLOCKED),
        (MSG_ERROR_AUTH, 19, Outcome.AUTH),
    ],
)
def test_error_frames(frame, code, outcome):
    m = parse_message(frame)
    assert m.type == "ERROR"
    assert m.code == code
    assert m.outcome is outcome
    assert m.terminal


def test_done_frame_is_success():
    m = parse_message(MSG_DONE)
    assert m.outcome is Outcome.OK
    assert m.file_bytes == 1048576


def test_unknown_code_falls_back():
    frame = MSG_ERROR_AUTH.replace("Code: 19", "Code: 999")
    assert parse_message(frame).outcome is Outcome.UNKNOWN
