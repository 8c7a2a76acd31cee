"""The unprivileged capacity train's send on a connected UDP socket: a port-unreachable (an answer to an earlier
packet) is reported on the next send, which did not go out; the send goes out after the reports are cleared."""

from __future__ import annotations

import pytest

from aspdiag.adapters.capacity import _REFUSALS_CLEARED, _UdpIcmpTrain


class _Socket:
    def __init__(self, refusals: int) -> None:
        self.refusals = refusals
        self.sent: list[bytes] = []

    def send(self, data: bytes) -> int:
        if self.refusals:
            self.refusals -= 1
            raise ConnectionRefusedError(111, "Connection refused")
        self.sent.append(bytes(data))
        return len(data)


def _train(sock: _Socket) -> _UdpIcmpTrain:
    train = _UdpIcmpTrain.__new__(_UdpIcmpTrain)
    train.sock = sock  # type: ignore[assignment]
    train.payload = bytearray(64)
    train.at = 0
    return train


@pytest.mark.parametrize("refusals", [0, 1, 2, _REFUSALS_CLEARED])
def test_reported_answers_do_not_lose_the_packet(refusals):
    """Before: a second answer reported before the retry raised, and the whole train was lost (a CI lab run)."""
    sock = _Socket(refusals)
    _train(sock).send(7)
    assert len(sock.sent) == 1 and sock.sent[0][:4] == b"\0\0\0\x07"


def test_a_socket_that_keeps_refusing_still_raises():
    sock = _Socket(_REFUSALS_CLEARED + 1)
    with pytest.raises(ConnectionRefusedError):
        _train(sock).send(7)
