"""SocketPathProber: the unprivileged I/O behind path characterisation (RTT series, sized DF datagrams).

Datagrams are sent with ``IP_PMTUDISC_PROBE`` (IPv6: ``IPV6_PMTUDISC_PROBE``): the Don't-Fragment bit is set
and the kernel's cached path MTU is ignored, so every size asked for really goes out, and an ICMP
fragmentation-needed / packet-too-big comes back through ``IP_RECVERR`` with the next-hop MTU and the
router that sent it. No privileges are needed.
"""

from __future__ import annotations

import errno
import select
import socket
import struct
import threading
import time
from collections.abc import Sequence

from aspdiag.adapters.sockets import (
    PAYLOAD_PREFIX,
    SOL_IP,
    SOL_IPV6,
    answer_kind,
    prepare_socket,
    probe_index,
    read_errqueue,
    reset_on_close,
    send_datagram,
    set_ttl,
    socket_family,
)
from aspdiag.core.model import Family
from aspdiag.measurements.path.logic import (
    IPV4_UDP_OVERHEAD,
    IPV6_UDP_OVERHEAD,
    LOCAL_TOO_BIG,
    REACHED,
    SILENT,
    TIME_EXCEEDED,
    TOO_BIG,
    UNREACHABLE,
    DatagramAnswer,
)
from aspdiag.measurements.reachability.result import AnswerKind

IP_MTU_DISCOVER = 10
IP_PMTUDISC_PROBE = 3
IPV6_MTU_DISCOVER = 23
IPV6_PMTUDISC_PROBE = 3


def set_dont_fragment(sock: socket.socket) -> None:
    """Set DF on every datagram and ignore the kernel's cached path MTU (``IP_PMTUDISC_PROBE``), so the
    size asked for really goes out; one that does not fit the local link fails with EMSGSIZE."""
    if sock.family == socket.AF_INET6:
        sock.setsockopt(SOL_IPV6, IPV6_MTU_DISCOVER, IPV6_PMTUDISC_PROBE)
    else:
        sock.setsockopt(SOL_IP, IP_MTU_DISCOVER, IP_PMTUDISC_PROBE)


def _too_big(family: Family, icmp_type: int, code: int) -> bool:
    return (family is Family.IPV4 and (icmp_type, code) == (3, 4)) or (family is Family.IPV6 and icmp_type == 2)


class SocketPathProber:
    """Sends the path probes; never raises for network outcomes."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._flows: dict[tuple[str, int], tuple[int, int]] = {}
        """(address, port) -> (our source port, the next probe index): every sized datagram toward one port goes
        out on one 5-tuple, one flow for a firewall's connection tracking. A socket of its own per size made
        about ten new UDP flows per address: a perimeter that rate-limits new UDP flows (``ct state new limit``)
        then dropped the later ones (a review: a false 'size filter', then on the next run a false BLOCKED)."""

    def tcp_rtt(self, address: str, port: int, wait_s: float) -> float | None:
        """Milliseconds from our SYN to the SYN-ACK (a reset counts too: it is an answer); None when nothing
        came. Half-open, like every TCP probe of aspdiag's: the handshake is never completed, so the server's
        sshd never sees the connection (OpenSSH >= 9.8 penalises each one that never authenticates)."""
        try:
            sock = socket.socket(socket_family(address), socket.SOCK_STREAM)
        except OSError:
            return None
        with sock:
            try:
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_DEFER_ACCEPT, 1)
                sock.setblocking(False)
                started = time.perf_counter()
                err = sock.connect_ex((address, port))
            except OSError:
                return None
            if err not in (0, errno.EINPROGRESS):
                return None
            poller = select.poll()
            poller.register(sock, select.POLLOUT | select.POLLERR)
            if not poller.poll(wait_s * 1000.0):
                return None
            elapsed = round((time.perf_counter() - started) * 1000.0, 3)
            err = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
            if err == 0:
                reset_on_close(sock)
                return elapsed
            return elapsed if err == errno.ECONNREFUSED else None

    def datagrams(
        self, address: str, port: int, size_bytes: int, ttls: Sequence[int], wait_s: float
    ) -> tuple[DatagramAnswer, ...]:
        """One Don't-Fragment datagram of ``size_bytes`` (IP packet size) per TTL; answers in ``ttls`` order."""
        family = socket_family(address)
        overhead = IPV6_UDP_OVERHEAD if family == socket.AF_INET6 else IPV4_UDP_OVERHEAD
        answers: dict[int, DatagramAnswer] = {}
        started: dict[int, float] = {}
        try:
            sock = socket.socket(family, socket.SOCK_DGRAM)
        except OSError:
            return tuple(DatagramAnswer(size_bytes, t, SILENT) for t in ttls)
        with sock:
            with self._lock:
                source_port, base = self._flows.get((address, port), (0, 0))
            try:
                prepare_socket(sock, 64)
                set_dont_fragment(sock)
                if source_port:
                    try:
                        sock.bind(("::" if family == socket.AF_INET6 else "0.0.0.0", source_port))
                    except OSError:
                        pass  # taken meanwhile: a new flow, as before
                sock.connect((address, port))
                with self._lock:
                    self._flows[(address, port)] = (sock.getsockname()[1], base + len(ttls))
            except OSError:
                return tuple(DatagramAnswer(size_bytes, t, SILENT) for t in ttls)
            sock.setblocking(False)
            # Indexes go on from the last call on this flow: a late answer to an earlier datagram (same 5-tuple)
            # names an index this call never sent, and is ignored.
            for index, ttl in enumerate(ttls):
                payload = PAYLOAD_PREFIX + struct.pack("!I", base + index)
                payload += b"\0" * max(0, size_bytes - overhead - len(payload))
                try:
                    set_ttl(sock, ttl)
                    started[index] = time.perf_counter()
                    send_datagram(sock, payload)
                except OSError as exc:
                    kind = LOCAL_TOO_BIG if exc.errno == errno.EMSGSIZE else SILENT
                    answers[index] = DatagramAnswer(size_bytes, ttl, kind)
            poller = select.poll()
            poller.register(sock, select.POLLIN | select.POLLERR)
            deadline = time.perf_counter() + wait_s
            while len(answers) < len(ttls) and (remaining := deadline - time.perf_counter()) > 0:
                if not poller.poll(remaining * 1000.0):
                    break
                for data, icmp, local, _reply_ttl in read_errqueue(sock):
                    index_found = probe_index(data)
                    if index_found is not None:
                        index_found -= base
                    if index_found is None and len(started) == 1:
                        index_found = next(iter(started))
                    if index_found is None or index_found in answers or index_found not in started:
                        continue
                    ttl = ttls[index_found]
                    rtt = round((time.perf_counter() - started[index_found]) * 1000.0, 3)
                    if icmp is None:
                        answers[index_found] = DatagramAnswer(size_bytes, ttl, LOCAL_TOO_BIG if local else SILENT)
                        continue
                    if _too_big(icmp.family, icmp.type, icmp.code):
                        kind, mtu = TOO_BIG, icmp.info or None
                    else:
                        meaning = answer_kind(icmp)
                        kind = {
                            AnswerKind.PORT_UNREACHABLE: REACHED,
                            AnswerKind.TIME_EXCEEDED: TIME_EXCEEDED,
                        }.get(meaning, UNREACHABLE)
                        mtu = None
                    answers[index_found] = DatagramAnswer(size_bytes, ttl, kind, icmp.offender, mtu, rtt)
                try:
                    sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
                    sock.recv(65535)
                except OSError:
                    continue
                # The service itself answered: the datagram reached the target.
                pending = [i for i in started if i not in answers]
                if pending:
                    index = max(pending, key=lambda i: ttls[i])
                    rtt = round((time.perf_counter() - started[index]) * 1000.0, 3)
                    answers[index] = DatagramAnswer(size_bytes, ttls[index], REACHED, address, None, rtt)
        return tuple(answers.get(i, DatagramAnswer(size_bytes, t, SILENT)) for i, t in enumerate(ttls))
