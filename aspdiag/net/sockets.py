"""SocketConnector: unprivileged TCP connect and UDP probes that learn ICMP details via IP_RECVERR.

Linux queues ICMP errors on a socket that set IP_RECVERR (IPV6_RECVERR) and hands them over with
``recvmsg(MSG_ERRQUEUE)``: ICMP type, code and the offender's address. That works without privileges
for UDP, and for TCP while the connect is in SYN_SENT (kernel 5.8+), which is what lets an ordinary user
tell a firewall's reject from the target's answer.
"""

from __future__ import annotations

import errno
import select
import socket
import struct
import time

from aspdiag.model import Family, IcmpError
from aspdiag.net import ConnectKind, ConnectOutcome

SOL_IP = 0
SOL_IPV6 = 41
IP_RECVERR = 11
IPV6_RECVERR = 25
MSG_ERRQUEUE = 0x2000
SO_EE_ORIGIN_ICMP = 2
SO_EE_ORIGIN_ICMP6 = 3
_EXTENDED_ERR = struct.Struct("=IBBBBII")
PROBE_PAYLOAD = b"aspdiag reachability probe\n"


def parse_extended_err(data: bytes) -> IcmpError | None:
    """Decode a ``struct sock_extended_err`` followed by the offender sockaddr (SO_EE_OFFENDER).

    Returns None for errors that did not come from an ICMP message (e.g. local ones).
    """
    if len(data) < _EXTENDED_ERR.size:
        return None
    _errno, origin, icmp_type, code, _pad, info, _data = _EXTENDED_ERR.unpack_from(data)
    if origin not in (SO_EE_ORIGIN_ICMP, SO_EE_ORIGIN_ICMP6):
        return None
    family = Family.IPV6 if origin == SO_EE_ORIGIN_ICMP6 else Family.IPV4
    offender: str | None = None
    addr = data[_EXTENDED_ERR.size :]
    if len(addr) >= 2:
        sa_family = struct.unpack_from("=H", addr)[0]
        if sa_family == socket.AF_INET and len(addr) >= 8:
            offender = socket.inet_ntop(socket.AF_INET, addr[4:8])
        elif sa_family == socket.AF_INET6 and len(addr) >= 24:
            offender = socket.inet_ntop(socket.AF_INET6, addr[8:24])
    return IcmpError(family=family, type=icmp_type, code=code, offender=offender, info=info)


def _family(address: str) -> socket.AddressFamily:
    return socket.AF_INET6 if ":" in address else socket.AF_INET


def _enable_recverr(sock: socket.socket) -> None:
    if sock.family == socket.AF_INET6:
        sock.setsockopt(SOL_IPV6, IPV6_RECVERR, 1)
    else:
        sock.setsockopt(SOL_IP, IP_RECVERR, 1)


def _read_errqueue(sock: socket.socket) -> IcmpError | None:
    """First ICMP error waiting in the socket's error queue (drains the queue)."""
    first: IcmpError | None = None
    for _ in range(16):
        try:
            _data, ancdata, _flags, _addr = sock.recvmsg(512, 512, MSG_ERRQUEUE | socket.MSG_DONTWAIT)
        except (BlockingIOError, InterruptedError):
            break
        except OSError:
            break
        for level, ctype, cdata in ancdata:
            if (level, ctype) in ((SOL_IP, IP_RECVERR), (SOL_IPV6, IPV6_RECVERR)):
                parsed = parse_extended_err(cdata)
                if parsed is not None and first is None:
                    first = parsed
    return first


def _errno_name(number: int) -> str:
    return errno.errorcode.get(number, str(number))


def _ms(start: float) -> float:
    return round((time.perf_counter() - start) * 1000.0, 3)


class SocketConnector:
    """The production Connector (no privileges needed)."""

    def tcp_connect(self, address: str, port: int, timeout_s: float) -> ConnectOutcome:
        """Non-blocking connect with IP_RECVERR; the connection is closed as soon as it is made."""
        try:
            sock = socket.socket(_family(address), socket.SOCK_STREAM)
        except OSError as exc:
            return ConnectOutcome(
                ConnectKind.LOCAL_ERROR,
                0,
                errno_name=_errno_name(exc.errno or 0),
                detail=f"cannot create a socket: {exc.strerror}",
            )
        with sock:
            try:
                _enable_recverr(sock)
            except OSError:
                pass  # Older kernels: we still get the errno, only without ICMP details.
            sock.setblocking(False)
            start = time.perf_counter()
            try:
                err = sock.connect_ex((address, port))
            except OSError as exc:  # e.g. an unresolvable IPv6 zone
                return ConnectOutcome(
                    ConnectKind.LOCAL_ERROR,
                    0,
                    errno_name=_errno_name(exc.errno or 0),
                    detail=f"cannot connect to {address}: {exc.strerror or exc}",
                )
            if err not in (0, errno.EINPROGRESS):
                return self._tcp_failure(sock, err, start, sent=0 if err == errno.ENETUNREACH else 1)
            poller = select.poll()
            poller.register(sock, select.POLLOUT | select.POLLERR)
            events = poller.poll(timeout_s * 1000.0)
            if not events:
                return ConnectOutcome(ConnectKind.TIMEOUT, 1, detail=f"no answer within {timeout_s:g} s")
            err = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
            if err == 0:
                return ConnectOutcome(ConnectKind.CONNECTED, 1, rtts_ms=(_ms(start),))
            return self._tcp_failure(sock, err, start, sent=1)

    @staticmethod
    def _tcp_failure(sock: socket.socket, err: int, start: float, sent: int) -> ConnectOutcome:
        rtt = _ms(start)
        icmp = _read_errqueue(sock)
        name = _errno_name(err)
        if icmp is not None:
            return ConnectOutcome(
                ConnectKind.ICMP,
                sent,
                rtts_ms=(rtt,),
                icmp=icmp,
                errno_name=name,
                detail=f"connect failed with {name}",
            )
        if err == errno.ECONNREFUSED:
            return ConnectOutcome(
                ConnectKind.REFUSED,
                sent,
                rtts_ms=(rtt,),
                errno_name=name,
                detail="connection refused (TCP reset)",
            )
        if err == errno.ETIMEDOUT:
            return ConnectOutcome(ConnectKind.TIMEOUT, sent, errno_name=name, detail="connect timed out")
        if err in (errno.EHOSTUNREACH, errno.ENETUNREACH) and sent:
            return ConnectOutcome(
                ConnectKind.ICMP,
                sent,
                rtts_ms=(rtt,),
                errno_name=name,
                detail=f"connect failed with {name}; no ICMP details",
            )
        return ConnectOutcome(ConnectKind.LOCAL_ERROR, sent, errno_name=name, detail=f"connect failed locally: {name}")

    def udp_probe(self, address: str, port: int, timeout_s: float, attempts: int) -> ConnectOutcome:
        """Send up to ``attempts`` datagrams on one connected socket; stop at the first answer."""
        try:
            sock = socket.socket(_family(address), socket.SOCK_DGRAM)
        except OSError as exc:
            return ConnectOutcome(
                ConnectKind.LOCAL_ERROR,
                0,
                errno_name=_errno_name(exc.errno or 0),
                detail=f"cannot create a socket: {exc.strerror}",
            )
        with sock:
            try:
                _enable_recverr(sock)
                sock.connect((address, port))
            except OSError as exc:
                return ConnectOutcome(
                    ConnectKind.LOCAL_ERROR,
                    0,
                    errno_name=_errno_name(exc.errno or 0),
                    detail=f"cannot send to {address}: {exc.strerror}",
                )
            sock.setblocking(False)
            poller = select.poll()
            poller.register(sock, select.POLLIN | select.POLLERR)
            per_attempt_s = timeout_s / max(attempts, 1)
            sent = 0
            for _ in range(max(attempts, 1)):
                start = time.perf_counter()
                try:
                    sock.send(PROBE_PAYLOAD)
                    sent += 1
                except OSError as exc:
                    icmp = _read_errqueue(sock)
                    if icmp is not None:  # an error from an earlier datagram surfaced on send()
                        return ConnectOutcome(
                            ConnectKind.ICMP,
                            sent,
                            rtts_ms=(),
                            icmp=icmp,
                            errno_name=_errno_name(exc.errno or 0),
                        )
                    return ConnectOutcome(
                        ConnectKind.LOCAL_ERROR,
                        sent,
                        errno_name=_errno_name(exc.errno or 0),
                        detail=f"send failed: {exc.strerror}",
                    )
                deadline = start + per_attempt_s
                while (remaining := deadline - time.perf_counter()) > 0:
                    events = poller.poll(remaining * 1000.0)
                    if not events:
                        break
                    _fd, mask = events[0]
                    if mask & select.POLLERR:
                        rtt = _ms(start)
                        err = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
                        icmp = _read_errqueue(sock)
                        if icmp is not None:
                            return ConnectOutcome(
                                ConnectKind.ICMP,
                                sent,
                                rtts_ms=(rtt,),
                                icmp=icmp,
                                errno_name=_errno_name(err),
                            )
                        continue
                    if mask & select.POLLIN:
                        rtt = _ms(start)
                        try:
                            sock.recv(2048)
                        except OSError:
                            continue
                        return ConnectOutcome(
                            ConnectKind.REPLIED,
                            sent,
                            rtts_ms=(rtt,),
                            detail="a UDP reply came back",
                        )
            return ConnectOutcome(
                ConnectKind.TIMEOUT,
                sent,
                detail=f"no answer to {sent} datagram(s) within {timeout_s:g} s",
            )
