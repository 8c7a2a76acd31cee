"""The unprivileged prober on loopback (no lab needed): what it does when the kernel still holds a 4-tuple."""

from __future__ import annotations

import socket

from aspdiag.adapters.sockets import SocketProber
from aspdiag.core.model import Protocol
from aspdiag.measurements.reachability.result import AnswerKind


def test_a_source_port_still_in_use_is_replaced_not_an_error():
    """A held-out lab review (20 % loss, nobody): a retry on the same source port got EADDRNOTAVAIL (the kernel
    still held the 4-tuple after a late SYN-ACK) and the port read 'error: connect failed locally'. The probe
    now takes a fresh source port and still gets its answer."""
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        port = listener.getsockname()[1]
        with socket.socket() as held:  # the same 4-tuple, established
            held.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            held.bind(("127.0.0.1", 0))
            taken = held.getsockname()[1]
            held.connect(("127.0.0.1", port))
            answers, used = SocketProber().probe("127.0.0.1", Protocol.TCP, port, [64], 2.0, taken)
    assert [a.kind for a in answers] == [AnswerKind.SYN_ACK], answers
    assert used != taken
