"""SocketProber: unprivileged probes that still see ICMP type, code, offender and reply TTL.

Linux queues ICMP errors on a socket that set IP_RECVERR (IPV6_RECVERR) and hands them over with
``recvmsg(MSG_ERRQUEUE)``: type, code, the offender's address and, with IP_RECVTTL (IPV6_RECVHOPLIMIT),
the TTL the ICMP message arrived with. That works without privileges for UDP, and for TCP while a
connect is in SYN_SENT (kernel 5.8+). TTL-limited probes keep one 5-tuple (Paris traceroute): UDP
probes share one socket and are told apart by their payload, which the kernel returns with each error;
TCP probes are sent one at a time from the same source port.
"""

from __future__ import annotations

import errno
import ipaddress
import random
import select
import socket
import struct
import time
from collections.abc import Sequence
from functools import lru_cache

from aspdiag.core.model import Family, Protocol, utc_now_iso
from aspdiag.measurements.reachability.result import LOCAL_FIREWALL, AnswerKind, IcmpError, ProbeAnswer

SOL_IP = 0
SOL_IPV6 = 41
IP_TTL = 2
IP_RECVERR = 11
IP_RECVTTL = 12
IPV6_UNICAST_HOPS = 16
IPV6_RECVERR = 25
IPV6_RECVHOPLIMIT = 51
IPV6_HOPLIMIT = 52
MSG_ERRQUEUE = 0x2000
SO_EE_ORIGIN_LOCAL = 1
SO_EE_ORIGIN_ICMP = 2
SO_EE_ORIGIN_ICMP6 = 3
_EXTENDED_ERR = struct.Struct("=IBBBBII")
PAYLOAD_PREFIX = b"aspd"
"""UDP probe payload: 4 bytes of prefix and a 4-byte probe index. Linux and most routers quote enough of
the datagram to return it with the error; one that quotes only the RFC 792 minimum (the UDP header)
returns no payload, and those TTLs are asked again one at a time."""
SOURCE_PORTS = (33500, 60999)
_PENDING_ICMP_ERRNOS = {
    errno.ECONNREFUSED,
    errno.EHOSTUNREACH,
    errno.ENETUNREACH,
    errno.EPROTO,
    errno.EACCES,
    errno.EMSGSIZE,
}


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


def answer_kind(icmp: IcmpError) -> AnswerKind:
    """What an ICMP error means for a probe."""
    v4 = icmp.family is Family.IPV4
    if (v4 and icmp.type == 11) or (not v4 and icmp.type == 3):
        return AnswerKind.TIME_EXCEEDED
    if (v4 and (icmp.type, icmp.code) == (3, 3)) or (not v4 and (icmp.type, icmp.code) == (1, 4)):
        return AnswerKind.PORT_UNREACHABLE
    return AnswerKind.UNREACHABLE


def socket_family(address: str) -> socket.AddressFamily:
    """AF_INET6 for an IPv6 literal, else AF_INET."""
    return socket.AF_INET6 if ":" in address else socket.AF_INET


def prepare_socket(sock: socket.socket, ttl: int) -> None:
    """Ask for ICMP errors (the error queue) and reply TTLs on a datagram socket, and set its TTL."""
    if sock.family == socket.AF_INET6:
        sock.setsockopt(SOL_IPV6, IPV6_RECVERR, 1)
        sock.setsockopt(SOL_IPV6, IPV6_RECVHOPLIMIT, 1)
        sock.setsockopt(SOL_IPV6, IPV6_UNICAST_HOPS, ttl)
    else:
        sock.setsockopt(SOL_IP, IP_RECVERR, 1)
        sock.setsockopt(SOL_IP, IP_RECVTTL, 1)
        sock.setsockopt(SOL_IP, IP_TTL, ttl)


def set_ttl(sock: socket.socket, ttl: int) -> None:
    """Set the TTL (IPv4) or hop limit (IPv6) of what the socket sends next."""
    if sock.family == socket.AF_INET6:
        sock.setsockopt(SOL_IPV6, IPV6_UNICAST_HOPS, ttl)
    else:
        sock.setsockopt(SOL_IP, IP_TTL, ttl)


def cmsg_ttl(ancdata: list[tuple[int, int, bytes]]) -> int | None:
    """The reply TTL / hop limit carried by a received message's control data, if any."""
    for level, ctype, cdata in ancdata:
        if (level, ctype) in ((SOL_IP, IP_TTL), (SOL_IPV6, IPV6_HOPLIMIT)) and len(cdata) >= 4:
            return int(struct.unpack_from("=i", cdata)[0])
    return None


def cmsg_error(ancdata: list[tuple[int, int, bytes]]) -> tuple[IcmpError | None, bool]:
    """(ICMP error, is_local_error) from an error-queue message."""
    for level, ctype, cdata in ancdata:
        if (level, ctype) in ((SOL_IP, IP_RECVERR), (SOL_IPV6, IPV6_RECVERR)):
            icmp = parse_extended_err(cdata)
            local = len(cdata) >= 5 and cdata[4] == SO_EE_ORIGIN_LOCAL
            return icmp, local
    return None, False


def read_errqueue(sock: socket.socket) -> list[tuple[bytes, IcmpError | None, bool, int | None]]:
    """Every message waiting in the error queue: (original payload, ICMP error, local?, reply TTL)."""
    messages = []
    for _ in range(256):
        try:
            data, ancdata, _flags, _addr = sock.recvmsg(2048, 1024, MSG_ERRQUEUE | socket.MSG_DONTWAIT)
        except (BlockingIOError, InterruptedError):
            break
        except OSError:
            break
        icmp, local = cmsg_error(ancdata)
        messages.append((data, icmp, local, cmsg_ttl(ancdata)))
    return messages


def _errno_name(number: int) -> str:
    return errno.errorcode.get(number, str(number))


def _ms(start: float) -> float:
    return round((time.perf_counter() - start) * 1000.0, 3)


def firewall_note(number: int | None) -> str:
    """``: this machine's own firewall refuses it`` for EPERM/EACCES on sending (netfilter's OUTPUT chain:
    nftables, iptables, ufw, firewalld dropped it), else ''."""
    return f": {LOCAL_FIREWALL}" if number in (errno.EPERM, errno.EACCES) else ""


def _local_error(ttl: int, exc: OSError, what: str) -> ProbeAnswer:
    return ProbeAnswer(
        ttl,
        AnswerKind.LOCAL_ERROR,
        sent_utc=utc_now_iso(),
        detail=f"{what}: {exc.strerror or exc} ({_errno_name(exc.errno or 0)}){firewall_note(exc.errno)}",
    )


def _same_address(a: str, b: str) -> bool:
    try:
        return ipaddress.ip_address(a.split("%")[0]) == ipaddress.ip_address(b.split("%")[0])
    except ValueError:
        return a == b


@lru_cache(maxsize=256)
def is_local_address(address: str) -> bool:
    """Whether ``address`` belongs to this machine (binding to it succeeds; no packet is sent)."""
    try:
        with socket.socket(socket_family(address), socket.SOCK_DGRAM) as sock:
            sock.bind((address, 0))
        return True
    except OSError:
        return False


def locally_refused(answer: ProbeAnswer, target: str) -> ProbeAnswer:
    """An ICMP error from this machine's own address is its own firewall's reject (an OUTPUT-chain rule with
    ``reject``), not a router's: the probe never left (it read 'rejected at hop 1' with a change request).
    Not when the target is that address: a server on this machine answers from it itself."""
    if (
        answer.icmp is None
        or answer.responder is None
        or _same_address(answer.responder, target)
        or not is_local_address(answer.responder)
    ):
        return answer
    return ProbeAnswer(
        answer.ttl,
        AnswerKind.LOCAL_ERROR,
        sent_utc=answer.sent_utc,
        detail=f"ICMP type {answer.icmp.type} code {answer.icmp.code} from {answer.responder}, this machine's own "
        f"address: {LOCAL_FIREWALL}",
    )


def send_datagram(sock: socket.socket, payload: bytes) -> None:
    """Send one datagram. An ICMP error for an earlier probe is reported by the next send() (and that
    datagram is not sent): clear the pending error and send again; the error itself waits in the queue."""
    for attempt in range(3):
        sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
        try:
            sock.send(payload)
            return
        except OSError as exc:
            if attempt == 2 or exc.errno not in _PENDING_ICMP_ERRNOS:
                raise


def reset_on_close(sock: socket.socket) -> None:
    """Make the coming close() send a TCP reset (SO_LINGER 0) instead of a FIN."""
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))


def probe_index(payload: bytes) -> int | None:
    """The probe number a datagram of ours carries (None: not one of ours)."""
    if not payload.startswith(PAYLOAD_PREFIX) or len(payload) < 8:
        return None
    return int(struct.unpack_from("!I", payload, 4)[0])


class SocketProber:
    """The unprivileged PacketProber."""

    method = "socket"

    def sequential(self, protocol: Protocol) -> bool:
        """TCP probes go one at a time (one SYN_SENT socket per 5-tuple); UDP probes go together."""
        return protocol is Protocol.TCP

    def probe(
        self, address: str, protocol: Protocol, port: int, ttls: Sequence[int], wait_s: float, source_port: int = 0
    ) -> tuple[tuple[ProbeAnswer, ...], int]:
        """Send one probe per TTL on one 5-tuple; return the answers (in ``ttls`` order) and the source port."""
        if protocol is Protocol.UDP:
            got, source_port = self._udp(address, port, ttls, wait_s, source_port)
            return tuple(locally_refused(a, address) for a in got), source_port
        answers = []
        for ttl in ttls:
            answer, source_port = self._tcp(address, port, ttl, wait_s, source_port)
            answers.append(locally_refused(answer, address))
        return tuple(answers), source_port

    # ------------------------------------------------------------------ TCP

    def _tcp(self, address: str, port: int, ttl: int, wait_s: float, source_port: int) -> tuple[ProbeAnswer, int]:
        reuse = bool(source_port)
        try:
            sock = socket.socket(socket_family(address), socket.SOCK_STREAM)
        except OSError as exc:
            return _local_error(ttl, exc, "cannot create a socket"), source_port
        with sock:
            try:
                prepare_socket(sock, ttl)
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                # Half-open: the kernel would answer the SYN-ACK with an ACK at once and the server's sshd
                # would accept a connection (OpenSSH >= 9.8 penalises every one that never authenticates).
                # TCP_DEFER_ACCEPT on a connecting socket delays that ACK; the reset we send as soon as the
                # SYN-ACK is seen ends the half-open connection before sshd ever hears of it.
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_DEFER_ACCEPT, 1)
                source_port = self._bind(sock, source_port)
            except OSError as exc:
                return _local_error(ttl, exc, "cannot prepare the socket"), source_port
            sock.setblocking(False)
            sent_utc = utc_now_iso()
            start = time.perf_counter()
            try:
                err = sock.connect_ex((address, port))
            except OSError as exc:  # e.g. an unresolvable IPv6 zone
                return _local_error(ttl, exc, f"cannot connect to {address}"), source_port
            if err == errno.EADDRNOTAVAIL and reuse:
                # The same 4-tuple is still held by the kernel (a late SYN-ACK to an earlier probe on a lossy
                # path): a fresh source port costs only the trace's Paris-style 5-tuple, not the probe.
                sock.close()
                return self._tcp(address, port, ttl, wait_s, 0)
            if err not in (0, errno.EINPROGRESS):
                return self._tcp_failure(sock, address, ttl, err, start, sent_utc, immediate=True), source_port
            poller = select.poll()
            poller.register(sock, select.POLLOUT | select.POLLERR)
            if not poller.poll(wait_s * 1000.0):
                return ProbeAnswer(ttl, AnswerKind.SILENT, sent_utc=sent_utc), source_port
            err = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
            if err == 0:
                rtt = _ms(start)
                reset_on_close(sock)
                return ProbeAnswer(
                    ttl, AnswerKind.SYN_ACK, responder=address, rtt_ms=rtt, sent_utc=sent_utc, detail="SYN-ACK"
                ), source_port
            return self._tcp_failure(sock, address, ttl, err, start, sent_utc), source_port

    @staticmethod
    def _bind(sock: socket.socket, source_port: int) -> int:
        """Bind to ``source_port``, or to a random free one in SOURCE_PORTS when 0."""
        if source_port:
            sock.bind(("::" if sock.family == socket.AF_INET6 else "0.0.0.0", source_port))
            return source_port
        for _ in range(32):
            candidate = random.randint(*SOURCE_PORTS)
            try:
                sock.bind(("::" if sock.family == socket.AF_INET6 else "0.0.0.0", candidate))
                return candidate
            except OSError as exc:
                if exc.errno != errno.EADDRINUSE:
                    raise
        sock.bind(("::" if sock.family == socket.AF_INET6 else "0.0.0.0", 0))
        return int(sock.getsockname()[1])

    @staticmethod
    def _tcp_failure(
        sock: socket.socket, address: str, ttl: int, err: int, start: float, sent_utc: str, immediate: bool = False
    ) -> ProbeAnswer:
        rtt = _ms(start)
        for _data, icmp, _local, reply_ttl in read_errqueue(sock):
            if icmp is not None:
                return ProbeAnswer(
                    ttl,
                    answer_kind(icmp),
                    responder=icmp.offender,
                    icmp=icmp,
                    reply_ttl=reply_ttl,
                    rtt_ms=rtt,
                    sent_utc=sent_utc,
                    detail=f"connect failed with {_errno_name(err)}",
                )
        if err == errno.ECONNREFUSED:
            return ProbeAnswer(
                ttl,
                AnswerKind.RESET,
                responder=address,
                rtt_ms=rtt,
                sent_utc=sent_utc,
                detail="connection refused (TCP reset)",
            )
        if err == errno.ETIMEDOUT:
            return ProbeAnswer(ttl, AnswerKind.SILENT, sent_utc=sent_utc)
        if err in (errno.EHOSTUNREACH, errno.ENETUNREACH) and not immediate:
            return ProbeAnswer(
                ttl,
                AnswerKind.UNREACHABLE,
                rtt_ms=rtt,
                sent_utc=sent_utc,
                detail=f"connect failed with {_errno_name(err)}; no ICMP details",
            )
        return ProbeAnswer(
            ttl,
            AnswerKind.LOCAL_ERROR,
            sent_utc=sent_utc,
            detail=f"connect failed locally: {_errno_name(err)}{firewall_note(err)}",
        )

    # ------------------------------------------------------------------ UDP

    def _udp(
        self, address: str, port: int, ttls: Sequence[int], wait_s: float, source_port: int
    ) -> tuple[tuple[ProbeAnswer, ...], int]:
        try:
            sock = socket.socket(socket_family(address), socket.SOCK_DGRAM)
        except OSError as exc:
            return tuple(_local_error(t, exc, "cannot create a socket") for t in ttls), source_port
        with sock:
            try:
                prepare_socket(sock, 64)
                source_port = self._bind(sock, source_port)
                sock.connect((address, port))
            except OSError as exc:
                return tuple(_local_error(t, exc, f"cannot send to {address}") for t in ttls), source_port
            sock.setblocking(False)
            answers: dict[int, ProbeAnswer] = {}
            started: dict[int, tuple[float, str]] = {}
            for index, ttl in enumerate(ttls):
                try:
                    set_ttl(sock, ttl)
                    started[index] = (time.perf_counter(), utc_now_iso())
                    send_datagram(sock, PAYLOAD_PREFIX + struct.pack("!I", index))
                except OSError as exc:
                    answers[index] = _local_error(ttl, exc, "send failed")
            poller = select.poll()
            poller.register(sock, select.POLLIN | select.POLLERR)
            deadline = time.perf_counter() + wait_s
            unmatched = 0
            while len(answers) < len(ttls) and (remaining := deadline - time.perf_counter()) > 0:
                if not poller.poll(remaining * 1000.0):
                    break
                for data, icmp, local, reply_ttl in read_errqueue(sock):
                    found = probe_index(data)
                    if found is None and len(started) == 1:
                        found = next(iter(started))  # a single probe: the error is its, quoted payload or not
                    if found is None:
                        unmatched += 1  # a router quoted too little of the datagram to tell which probe it was
                        continue
                    if found in answers or found not in started:
                        continue
                    index = found
                    t0, sent_utc = started[index]
                    if icmp is None:
                        kind, detail = (AnswerKind.LOCAL_ERROR, "local error") if local else (AnswerKind.SILENT, "")
                        answers[index] = ProbeAnswer(ttls[index], kind, sent_utc=sent_utc, detail=detail)
                        continue
                    answers[index] = ProbeAnswer(
                        ttls[index],
                        answer_kind(icmp),
                        responder=icmp.offender,
                        icmp=icmp,
                        reply_ttl=reply_ttl,
                        rtt_ms=_ms(t0),
                        sent_utc=sent_utc,
                    )
                try:
                    sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)  # clear a pending error
                    _data, ancdata, _flags, _addr = sock.recvmsg(2048, 256, socket.MSG_DONTWAIT)
                except (BlockingIOError, InterruptedError):
                    continue
                except OSError:
                    continue
                # A datagram from the service: it answers a probe that reached the target; give it to the lowest
                # TTL above the last router that answered (the highest would overstate the distance).
                last_router = max((a.ttl for a in answers.values() if a.kind is AnswerKind.TIME_EXCEEDED), default=0)
                pending = [i for i in range(len(ttls)) if i not in answers and i in started and ttls[i] > last_router]
                if pending:
                    index = min(pending, key=lambda i: ttls[i])
                    t0, sent_utc = started[index]
                    answers[index] = ProbeAnswer(
                        ttls[index],
                        AnswerKind.UDP_REPLY,
                        responder=address,
                        reply_ttl=cmsg_ttl(ancdata),
                        rtt_ms=_ms(t0),
                        sent_utc=sent_utc,
                    )
            results = [
                answers.get(i, ProbeAnswer(ttl, AnswerKind.SILENT, sent_utc=started.get(i, (0, ""))[1]))
                for i, ttl in enumerate(ttls)
            ]
        if unmatched and len(ttls) > 1:
            # Errors we could not attribute: ask again one TTL at a time (each error is then unambiguous).
            remaining_s = max(0.05, deadline - time.perf_counter())
            for i, ttl in enumerate(ttls):
                if not results[i].answered and results[i].kind is not AnswerKind.LOCAL_ERROR:
                    single, source_port = self._udp(address, port, [ttl], remaining_s / len(ttls), source_port)
                    results[i] = single[0]
        return tuple(results), source_port
