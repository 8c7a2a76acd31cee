"""A tiny scripted DNS server on 127.0.0.1 (UDP), for resolver tests: answers, NXDOMAIN, SERVFAIL, silence."""

from __future__ import annotations

import socket
import threading
from dataclasses import dataclass, field

import dns.flags
import dns.message
import dns.rcode
import dns.rdatatype
import dns.rrset


@dataclass
class Zone:
    """What the server knows: name -> behaviour ('drop', 'servfail', 'refused') or records."""

    records: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    cnames: dict[str, str] = field(default_factory=dict)
    behaviours: dict[str, str] = field(default_factory=dict)


class FakeDnsServer:
    """Context manager; ``address`` is ``127.0.0.1:port``."""

    def __init__(self, zone: Zone) -> None:
        self.zone = zone
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.address = f"127.0.0.1:{self.port}"
        self.queries: list[tuple[str, str]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def __enter__(self) -> FakeDnsServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=2)
        self.sock.close()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                data, peer = self.sock.recvfrom(4096)
            except TimeoutError:
                continue
            except OSError:
                return
            reply = self._answer(dns.message.from_wire(data))
            if reply is not None:
                self.sock.sendto(reply.to_wire(), peer)

    def _answer(self, query: dns.message.Message) -> dns.message.Message | None:
        question = query.question[0]
        name = question.name.to_text(omit_final_dot=True)
        rdtype = dns.rdatatype.to_text(question.rdtype)
        self.queries.append((name, rdtype))
        behaviour = self.zone.behaviours.get(name)
        if behaviour == "drop":
            return None
        response = dns.message.make_response(query)
        response.flags |= dns.flags.RA
        if behaviour == "servfail":
            response.set_rcode(dns.rcode.SERVFAIL)
            return response
        if behaviour == "refused":
            response.set_rcode(dns.rcode.REFUSED)
            return response
        current = name
        while current in self.zone.cnames:
            target = self.zone.cnames[current]
            response.answer.append(dns.rrset.from_text(current + ".", 60, "IN", "CNAME", target + "."))
            current = target
        if current not in self.zone.records:
            if current == name:
                response.set_rcode(dns.rcode.NXDOMAIN)
            return response
        values = self.zone.records[current].get(rdtype, [])
        if values:
            response.answer.append(dns.rrset.from_text(current + ".", 60, "IN", rdtype, *values))
        return response
