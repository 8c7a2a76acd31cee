"""Hold UDP ports the way a busy Unix Aspera server does: bound on every address, reading every datagram that
arrives and answering none (tests.lab.field.busy_udp runs it inside a lab node).

While a process holds a port, the kernel no longer answers a datagram to it with ICMP port-unreachable; a
datagram that belongs to no FASP session is read and discarded, so the sender hears nothing at all.

``udp_holder.py LOG PORT...``: one IPv4 socket (0.0.0.0) and one IPv6-only socket (::) per port. Writes ``ready``
to LOG once every socket is bound, then one ``recv PORT SOURCE LENGTH`` line per datagram (the first
MAX_LINES only), and exits quietly on SIGTERM.
"""

from __future__ import annotations

import selectors
import signal
import socket
import sys

MAX_LINES = 1000


def main(argv: list[str]) -> int:
    log_path, ports = argv[0], [int(port) for port in argv[1:]]
    selector = selectors.DefaultSelector()
    for port in ports:
        v4 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        v4.bind(("0.0.0.0", port))
        v6 = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
        v6.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
        v6.bind(("::", port))
        for bound in (v4, v6):
            bound.setblocking(False)
            selector.register(bound, selectors.EVENT_READ, port)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    with open(log_path, "a", buffering=1) as log:
        log.write("ready\n")
        lines = 0
        while True:
            for key, _ in selector.select():
                sock = key.fileobj
                if not isinstance(sock, socket.socket):
                    continue
                try:
                    data, peer = sock.recvfrom(65535)
                except BlockingIOError:
                    continue
                if lines < MAX_LINES:
                    log.write(f"recv {key.data} {peer[0]} {len(data)}\n")
                    lines += 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
