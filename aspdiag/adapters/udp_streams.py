"""Fast paced UDP streams for the responder's server and client: big socket buffers, UDP segmentation
offload both ways (``UDP_SEGMENT`` to send a batch in one ``sendmsg``, ``UDP_GRO`` to receive one), and
pacing that sleeps until about a millisecond before a batch is due and busy-waits for the rest."""

from __future__ import annotations

import errno
import socket
import struct
import time
from collections.abc import Callable
from typing import Any

from aspdiag.tools.responder.protocol import (
    FLAG_LAST,
    pack_data,
)
from aspdiag.tools.responder.stats import Pacer

SOL_UDP = 17
UDP_SEGMENT = 103
UDP_GRO = 104
SO_RCVBUFFORCE = 33
SO_SNDBUFFORCE = 32
SOCKET_BUFFER_BYTES = 8 * 1024 * 1024
RECV_BYTES = 65535
GRO_CMSG = struct.Struct("=i")
TCP_SESSION_S = 2.0
"""A TCP control connection must deliver its request within this time, or it is closed."""
MAX_TCP_CONNECTIONS = 64
FRAME = struct.Struct("!H")
BUSY_WAIT_S = 0.0012
"""Sleep until this long before a deadline, then busy-wait (accurate pacing without a spinning core)."""
DRAIN_PER_WAKEUP = 512


def big_buffers(sock: socket.socket) -> None:
    # Big buffers absorb the bursts of a fast stream while Python catches up; root may exceed rmem_max.
    for force, plain in ((SO_RCVBUFFORCE, socket.SO_RCVBUF), (SO_SNDBUFFORCE, socket.SO_SNDBUF)):
        try:
            sock.setsockopt(socket.SOL_SOCKET, force, SOCKET_BUFFER_BYTES)
        except OSError:
            try:
                sock.setsockopt(socket.SOL_SOCKET, plain, SOCKET_BUFFER_BYTES)
            except OSError:
                pass


def enable_gro(sock: socket.socket) -> bool:
    try:
        sock.setsockopt(SOL_UDP, UDP_GRO, 1)
    except OSError:
        return False
    return True


def receive(sock: socket.socket) -> tuple[bytes, Any, int]:
    """One ``recvmsg``: (data, source, segment size). The segment size is that of UDP GRO (several
    datagrams in one buffer) or the data's own length."""
    data, ancillary, _flags, source = sock.recvmsg(RECV_BYTES, socket.CMSG_SPACE(GRO_CMSG.size))
    segment = len(data)
    for level, kind, value in ancillary:
        if level == SOL_UDP and kind == UDP_GRO and len(value) >= GRO_CMSG.size:
            segment = GRO_CMSG.unpack_from(value)[0] or segment
    return data, source, segment


class StreamSender:
    """Builds and sends one paced test stream, a batch per ``sendmsg`` with UDP GSO when the kernel allows."""

    def __init__(self, sock: socket.socket, session: bytes, size: int, destination: Any = None) -> None:
        self.sock = sock
        self.session = session
        self.size = size
        self.destination = destination
        self.gso = True
        self._buffer = bytearray(size * Pacer.MAX_BATCH)

    def send(self, first_seq: int, count: int, *, last: bool) -> int:
        """Send datagrams ``first_seq`` .. ``first_seq + count - 1`` (the very last flagged when ``last``);
        returns how many left (fewer when the socket buffer is full)."""
        size, buffer = self.size, self._buffer
        now_ns = time.monotonic_ns()
        for i in range(count):
            flags = FLAG_LAST if last and i == count - 1 else 0
            pack_data(buffer, i * size, self.session, first_seq + i, now_ns, flags)
        if self.gso and count > 1:
            try:
                self._sendmsg(memoryview(buffer)[: count * size], [(SOL_UDP, UDP_SEGMENT, struct.pack("=H", size))])
                return count
            except BlockingIOError:
                return 0
            except OSError as exc:
                if exc.errno in (errno.ENOBUFS, errno.EAGAIN):
                    return 0
                self.gso = False  # this kernel or device cannot segment UDP: one datagram per call
        sent = 0
        view = memoryview(buffer)
        for i in range(count):
            try:
                self._sendmsg(view[i * size : (i + 1) * size], [])
            except (BlockingIOError, InterruptedError):
                break
            except OSError as exc:
                if exc.errno in (errno.ENOBUFS, errno.EAGAIN):
                    break
                raise
            sent += 1
        return sent

    def _sendmsg(self, data: memoryview, ancillary: list[tuple[int, int, bytes]]) -> None:
        if self.destination is None:
            self.sock.sendmsg([data], ancillary)
        else:
            self.sock.sendmsg([data], ancillary, 0, self.destination)


def pace_until(deadline: float, clock: Callable[[], float] = time.perf_counter) -> None:
    """Wait until ``deadline`` (on ``clock``): sleep most of the way, busy-wait the last stretch."""
    while True:
        left = deadline - clock()
        if left <= 0:
            return
        if left > BUSY_WAIT_S:
            time.sleep(left - BUSY_WAIT_S)
