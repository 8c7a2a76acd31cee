"""ScapyProber: raw TCP SYN and UDP probes built with scapy (root or CAP_NET_RAW).

Raw packets add what sockets cannot see for a TCP reset (its reply TTL) and let TTL-limited probes of
any protocol go out together on one 5-tuple (Paris traceroute): each probe is told apart by fields
outside the flow identifier — the IPv4 ID, the TCP sequence number, the UDP payload — which come back
quoted inside ICMP errors (or as the acknowledgement number of a SYN-ACK or reset). scapy is imported
only when this prober is created (never for the socket back-end).
"""

from __future__ import annotations

import errno
import logging
import random
import socket
import struct
from collections.abc import Sequence
from types import SimpleNamespace
from typing import Any

from aspdiag.adapters.sockets import (
    PAYLOAD_PREFIX,
    SOURCE_PORTS,
    SocketProber,
    answer_kind,
    firewall_note,
    locally_refused,
)
from aspdiag.core.model import Family, Protocol, utc_now_iso
from aspdiag.measurements.reachability.result import AnswerKind, IcmpError, ProbeAnswer

SEQ_STEP = 1000
"""Distance between the TCP sequence numbers of two probes (scapy matches acks within +-2)."""


def _scapy() -> Any:
    """The scapy names this prober uses. Importing the layers, not ``scapy.all``, takes a third of the time."""
    # Its send errors are logged at ERROR and swallowed; this prober keeps them itself (_SendErrors), so they
    # would only print stray lines over the progress display.
    logging.getLogger("scapy.runtime").setLevel(logging.CRITICAL)
    from scapy.config import conf
    from scapy.layers.inet import ICMP, IP, TCP, UDP, IPerror, TCPerror, UDPerror
    from scapy.layers.inet6 import (
        ICMPv6DestUnreach,
        ICMPv6PacketTooBig,
        ICMPv6ParamProblem,
        ICMPv6TimeExceeded,
        IPerror6,
        IPv6,
        L3RawSocket6,
    )
    from scapy.packet import Raw
    from scapy.sendrecv import sr
    from scapy.supersocket import L3RawSocket

    conf.verb = 0
    return SimpleNamespace(
        ICMP=ICMP,
        IP=IP,
        TCP=TCP,
        UDP=UDP,
        IPerror=IPerror,
        TCPerror=TCPerror,
        UDPerror=UDPerror,
        ICMPv6DestUnreach=ICMPv6DestUnreach,
        ICMPv6PacketTooBig=ICMPv6PacketTooBig,
        ICMPv6ParamProblem=ICMPv6ParamProblem,
        ICMPv6TimeExceeded=ICMPv6TimeExceeded,
        IPerror6=IPerror6,
        IPv6=IPv6,
        Raw=Raw,
        sr=sr,
        L3RawSocket=L3RawSocket,
        L3RawSocket6=L3RawSocket6,
    )


def _local_route_error(address: str, port: int) -> str | None:
    """Ask the kernel whether it can route to ``address`` at all (scapy would silently send nothing)."""
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    try:
        with socket.socket(family, socket.SOCK_DGRAM) as sock:
            sock.connect((address, port))  # selects a route; sends nothing
    except OSError as exc:
        return f"no local route to {address}: {exc.strerror or exc}"
    return None


class _SendErrors:
    """A socket that remembers why sending failed (scapy's sender only logs it)."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.errors: list[OSError] = []

    def sendto(self, *args: Any) -> Any:
        try:
            return self.inner.sendto(*args)
        except OSError as exc:
            self.errors.append(exc)
            raise

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)


def syn(s: Any, sport: int, port: int, seq: int, v6: bool) -> Any:
    """A SYN as Linux sends one: window 64240 with MSS, SACK-permitted, timestamps and window scaling. A bare
    SYN without options is what scanners send, and perimeters drop it (nft 'tcp option maxseg missing drop'):
    a held-out review read such a rule as a drop of TCP 22 and 33001, change request included, while ssh and
    ascp connected."""
    options = [
        ("MSS", 1440 if v6 else 1460),
        ("SAckOK", b""),
        ("Timestamp", (random.randint(1, 2**32 - 1), 0)),
        ("NOP", None),
        ("WScale", 7),
    ]
    return s.TCP(sport=sport, dport=port, flags="S", seq=seq, window=64240, options=options)


class ScapyProber:
    """The raw-packet PacketProber."""

    method = "raw"

    def __init__(self) -> None:
        # Import scapy now (about half a second), before any probe's clock starts.
        self._scapy: Any = _scapy()
        self._sockets = SocketProber()

    def sequential(self, protocol: Protocol) -> bool:
        """Raw probes of every protocol can go out together."""
        return False

    def probe(
        self, address: str, protocol: Protocol, port: int, ttls: Sequence[int], wait_s: float, source_port: int = 0
    ) -> tuple[tuple[ProbeAnswer, ...], int]:
        """Send all probes at once, wait ``wait_s``, match every answer to its probe."""
        sent_utc = utc_now_iso()
        no_route = _local_route_error(address, port)
        if no_route is not None:
            return tuple(ProbeAnswer(t, AnswerKind.LOCAL_ERROR, sent_utc=sent_utc, detail=no_route) for t in ttls), 0
        s = self._scapy
        v6 = ":" in address
        sport = source_port or random.randint(*SOURCE_PORTS)
        base_id = random.randint(1, 0xFFFF - len(ttls) - 1)
        base_seq = random.randint(0, 2**31)
        packets = []
        for index, ttl in enumerate(ttls):
            ip = s.IPv6(dst=address, hlim=ttl) if v6 else s.IP(dst=address, ttl=ttl, id=base_id + index)
            if protocol is Protocol.TCP:
                l4 = syn(s, sport, port, base_seq + index * SEQ_STEP, v6)
            else:
                l4 = s.UDP(sport=sport, dport=port) / s.Raw(PAYLOAD_PREFIX + struct.pack("!I", index))
            packets.append(ip / l4)
        try:
            # multi=False: sr() returns as soon as every probe has an answer. scapy may pair an answer with the
            # wrong probe of the same 5-tuple; _index() re-derives the probe from the answer's own fields.
            # Sent through the kernel's raw socket, which resolves the next hop's link address itself: scapy's
            # own resolution waits seconds per packet for a gateway that never answers neighbour discovery
            # (IPv6 routed to a dead gateway: every port 'gave no result within 5 s').
            sock = s.L3RawSocket6() if v6 else s.L3RawSocket()
            # scapy logs and swallows a failed send: keep the error, or this machine's own firewall (EPERM from
            # its OUTPUT chain) reads as a drop 'at the first hop', change request for the network team included.
            outs = sock.outs = _SendErrors(sock.outs)
            try:
                answered, _unanswered = sock.sr(packets, timeout=wait_s, verbose=0)
            finally:
                sock.close()
            refused = [e for e in outs.errors if e.errno in (errno.EPERM, errno.EACCES)]
            if refused:
                raise refused[0]  # (other failures, such as a full local queue, stay silences as before)
        except OSError as exc:
            detail = (
                f"send failed: {exc.strerror or exc} ({errno.errorcode.get(exc.errno or 0, exc.errno)})"
                f"{firewall_note(exc.errno)}"
            )
            return tuple(ProbeAnswer(t, AnswerKind.LOCAL_ERROR, sent_utc=sent_utc, detail=detail) for t in ttls), sport
        answers: dict[int, ProbeAnswer] = {}
        replies: list[tuple[Any, float]] = []
        seen: set[int] = set()
        for sent, received in answered:
            if id(received) in seen:
                continue
            seen.add(id(received))
            if protocol is Protocol.UDP and received.haslayer(s.UDP) and not received.haslayer(s.UDPerror):
                replies.append((received, float(sent.sent_time)))  # from the service: no probe index inside
                continue
            found = self._index(received, v6, protocol, base_id, base_seq, len(ttls))
            if found is None or found in answers:
                continue
            answers[found] = self._answer(received, ttls[found], address, v6, float(sent.sent_time), sent_utc)
        # A service's UDP reply answers a probe that reached the target: give it to the lowest TTL above the
        # last router that answered (not to the highest, which would overstate the target's distance).
        last_router = max((a.ttl for a in answers.values() if a.kind is AnswerKind.TIME_EXCEEDED), default=0)
        for received, sent_time in replies:
            open_slots = [i for i, t in enumerate(ttls) if i not in answers and t > last_router]
            if open_slots:
                slot = min(open_slots, key=lambda i: ttls[i])
                answers[slot] = self._answer(received, ttls[slot], address, v6, sent_time, sent_utc)
        return tuple(
            locally_refused(answers.get(i, ProbeAnswer(ttl, AnswerKind.SILENT, sent_utc=sent_utc)), address)
            for i, ttl in enumerate(ttls)
        ), sport

    def _index(self, pkt: Any, v6: bool, protocol: Protocol, base_id: int, base_seq: int, count: int) -> int | None:
        """Which probe an answer belongs to, from fields the answer carries back."""
        s = self._scapy
        index: int | None = None
        if pkt.haslayer(s.TCP) and not pkt.haslayer(s.TCPerror):
            index = (int(pkt[s.TCP].ack) - 1 - base_seq) // SEQ_STEP
        elif pkt.haslayer(s.TCPerror):
            index = (int(pkt[s.TCPerror].seq) - base_seq) // SEQ_STEP
        elif protocol is Protocol.UDP and (pkt.haslayer(s.UDPerror) or pkt.haslayer(s.IPerror)):
            payload = bytes(pkt[s.UDPerror].payload) if pkt.haslayer(s.UDPerror) else b""
            if payload.startswith(PAYLOAD_PREFIX) and len(payload) >= 8:
                index = int(struct.unpack_from("!I", payload, 4)[0])
            elif not v6 and pkt.haslayer(s.IPerror):
                index = int(pkt[s.IPerror].id) - base_id
        if index is None or not 0 <= index < count:
            return None
        return index

    def _answer(self, pkt: Any, ttl: int, address: str, v6: bool, sent_time: float, sent_utc: str) -> ProbeAnswer:
        s = self._scapy
        reply_ttl = int(pkt[s.IPv6].hlim) if v6 else int(pkt[s.IP].ttl)
        responder = str(pkt[s.IPv6].src) if v6 else str(pkt[s.IP].src)
        rtt_ms = round((float(pkt.time) - sent_time) * 1000.0, 3)
        icmp_layer = None
        if v6:
            for layer in (s.ICMPv6DestUnreach, s.ICMPv6TimeExceeded, s.ICMPv6PacketTooBig, s.ICMPv6ParamProblem):
                if pkt.haslayer(layer):
                    icmp_layer = pkt[layer]
                    break
        elif pkt.haslayer(s.ICMP):
            icmp_layer = pkt[s.ICMP]
        if icmp_layer is not None:
            info = int(getattr(icmp_layer, "mtu", 0) or getattr(icmp_layer, "nexthopmtu", 0) or 0)
            icmp = IcmpError(
                Family.IPV6 if v6 else Family.IPV4, int(icmp_layer.type), int(icmp_layer.code), responder, info
            )
            return ProbeAnswer(ttl, answer_kind(icmp), responder, icmp, reply_ttl, rtt_ms, sent_utc)
        if pkt.haslayer(s.TCP):
            flags = pkt[s.TCP].flags
            kind = AnswerKind.RESET if flags.R else AnswerKind.SYN_ACK
            return ProbeAnswer(ttl, kind, responder, None, reply_ttl, rtt_ms, sent_utc, detail=str(flags))
        return ProbeAnswer(ttl, AnswerKind.UDP_REPLY, responder, None, reply_ttl, rtt_ms, sent_utc)
