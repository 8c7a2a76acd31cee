"""Test-only stand-in for the server side of a FASP session: answers the ascp test double on a UDP port.

``HELLO <id>`` -> ``WELCOME <id>``; ``DATA <seq> ...`` is counted and acknowledged (``ACK <bytes>``) every
few datagrams; ``FIN`` gets a final ACK; anything else gets ``?``. Run it inside the lab server namespace
only while a transfer test needs it (an idle Aspera server has nothing listening on UDP 33001).
"""

import socket
import sys


def main() -> int:
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 33001
    sock = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
    try:  # a deep receive buffer (as root, past rmem_max): a descheduled stand-in should not drop much
        sock.setsockopt(socket.SOL_SOCKET, getattr(socket, "SO_RCVBUFFORCE", 33), 8 << 20)
    except OSError:
        pass
    sock.bind(("::", port))
    received: dict[object, int] = {}
    count: dict[object, int] = {}
    while True:
        data, peer = sock.recvfrom(65535)
        if data.startswith(b"HELLO"):
            received[peer] = 0
            count[peer] = 0
            sock.sendto(b"WELCOME" + data[5:], peer)
        elif data.startswith(b"DATA"):
            received[peer] = received.get(peer, 0) + len(data)
            count[peer] = count.get(peer, 0) + 1
            if count[peer] % 8 == 0:
                sock.sendto(b"ACK %d" % received[peer], peer)
        elif data.startswith(b"FIN"):
            sock.sendto(b"ACK %d" % received.get(peer, 0), peer)
        else:
            # Anything else (aspdiag's reachability probe) gets a short answer, like any UDP service would:
            # while the stand-in holds the port, the kernel no longer sends port-unreachable for it.
            sock.sendto(b"?", peer)


if __name__ == "__main__":
    sys.exit(main())
