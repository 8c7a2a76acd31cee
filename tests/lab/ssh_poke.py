"""A tiny SSH client that opens short connections to an sshd and tells what it saw, one JSON line each.

Runs inside the lab's client namespace with only the standard library (``python3 ssh_poke.py HOST PORT KIND``)::

    bare    connect, then close at once (sends nothing, reads nothing)
    banner  connect, read the server's first line, close
    polite  connect, read the banner, send the identification ``SSH-2.0-aspdiag_test``, read the server's
            KEXINIT, send SSH_MSG_DISCONNECT (reason 11, "by application") and read until the server closes
    eager   like polite, but send the identification at once after connecting, before reading anything
            (as OpenSSH's own client does)

Whatever the kind, when the first line is not an SSH banner (e.g. ``Not allowed at this time``) the client
reads on until the server ends the connection and reports how: ``eof`` (FIN) or ``reset`` (RST).
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import struct
import sys
import time
from typing import Any

IDENT = b"SSH-2.0-aspdiag_test\r\n"
DISCONNECT_TEXT = "aspdiag_test: closing politely"
SSH_MSG_DISCONNECT = 1
SSH_MSG_KEXINIT = 20
SSH_DISCONNECT_BY_APPLICATION = 11


def ssh_string(data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + data


def unencrypted_packet(payload: bytes, block: int = 8) -> bytes:
    """An SSH binary packet before key exchange (RFC 4253 6): no MAC, padding of at least 4 random bytes."""
    padding = block - (4 + 1 + len(payload)) % block
    if padding < 4:
        padding += block
    body = bytes([padding]) + payload + os.urandom(padding)
    return struct.pack(">I", len(body)) + body


def disconnect_packet(text: str = DISCONNECT_TEXT) -> bytes:
    payload = (
        bytes([SSH_MSG_DISCONNECT])
        + struct.pack(">I", SSH_DISCONNECT_BY_APPLICATION)
        + ssh_string(text.encode())
        + ssh_string(b"")
    )
    return unencrypted_packet(payload)


class Conn:
    def __init__(self, sock: socket.socket, timeout: float) -> None:
        self.sock = sock
        self.buf = b""
        self.received = b""
        self.end: str | None = None
        sock.settimeout(timeout)

    def _more(self) -> bool:
        if self.end is not None:
            return False
        try:
            data = self.sock.recv(65536)
        except ConnectionResetError:
            self.end = "reset"
            return False
        except TimeoutError:
            self.end = "timeout"
            return False
        if not data:
            self.end = "eof"
            return False
        self.buf += data
        self.received += data
        return True

    def line(self) -> bytes | None:
        while b"\n" not in self.buf:
            if not self._more():
                return None
        line, _, self.buf = self.buf.partition(b"\n")
        return line + b"\n"

    def exactly(self, n: int) -> bytes | None:
        while len(self.buf) < n:
            if not self._more():
                return None
        data, self.buf = self.buf[:n], self.buf[n:]
        return data

    def packet(self) -> bytes | None:
        """One unencrypted binary packet's payload."""
        head = self.exactly(5)
        if head is None:
            return None
        length, padding = struct.unpack(">IB", head)
        rest = self.exactly(length - 1)
        if rest is None:
            return None
        return rest[: length - 1 - padding]

    def drain(self) -> None:
        while self._more():
            pass


def poke(host: str, port: int, kind: str, timeout: float) -> dict[str, Any]:
    started = time.monotonic()
    result: dict[str, Any] = {"kind": kind}
    try:
        sock = socket.create_connection((host, port), timeout=timeout)
    except OSError as exc:
        result.update(connect=type(exc).__name__, ms=round((time.monotonic() - started) * 1000, 1))
        return result
    result["connect"] = "ok"
    result["local_port"] = sock.getsockname()[1]  # the port the server logs for this connection
    conn = Conn(sock, timeout)
    try:
        if kind == "bare":
            result["end"] = "closed by client"
            return result
        if kind == "eager":
            sock.sendall(IDENT)
        first = conn.line()
        result["first_line"] = first.decode("latin-1") if first is not None else None
        if first is None or not first.startswith(b"SSH-"):
            conn.drain()
        elif kind in ("polite", "eager"):
            if kind == "polite":
                sock.sendall(IDENT)
            payload = conn.packet()
            result["kexinit"] = payload is not None and payload[:1] == bytes([SSH_MSG_KEXINIT])
            sock.sendall(disconnect_packet())
            conn.drain()
        else:
            result["end"] = "closed by client"
    finally:
        sock.close()
        result.setdefault("end", conn.end)
        result["received"] = conn.received[:120].decode("latin-1")
        result["ms"] = round((time.monotonic() - started) * 1000, 1)
    return result


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("host")
    parser.add_argument("port", type=int)
    parser.add_argument("kind", choices=("bare", "banner", "polite", "eager"))
    parser.add_argument("--count", type=int, default=1, help="connections in a row (default 1)")
    parser.add_argument("--gap", type=float, default=0.0, help="seconds between the connections (default 0)")
    parser.add_argument("--timeout", type=float, default=3.0, help="seconds to wait for the server (default 3)")
    parser.add_argument(
        "--hold", type=int, default=0, help="first open this many connections that read the banner and stay open"
    )
    args = parser.parse_args(argv)
    held = []
    for _ in range(min(args.hold, 100)):
        sock = socket.create_connection((args.host, args.port), timeout=args.timeout)
        first = Conn(sock, args.timeout).line()
        print(json.dumps({"held": first.decode("latin-1") if first is not None else None}), flush=True)
        held.append(sock)
    t0 = time.monotonic()
    for i in range(min(args.count, 1000)):
        if i and args.gap:
            time.sleep(args.gap)
        result = poke(args.host, args.port, args.kind, args.timeout)
        print(json.dumps({"i": i, "t": round(time.monotonic() - t0, 3), **result}), flush=True)
    for sock in held:
        sock.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
