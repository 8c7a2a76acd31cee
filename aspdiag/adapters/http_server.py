"""A small HTTP server with a fixed number of worker threads, for the exporter.

``http.server.ThreadingHTTPServer`` starts a thread per connection: a hundred concurrent scrapes would be a
hundred threads. Here the accepting thread hands each connection to a pool of ``workers`` threads through
a queue of at most ``max_pending`` connections; beyond that a connection is answered ``503`` at once and
closed. Each connection gets a socket timeout, so a client that never sends its request cannot hold a
worker. The request logic is a plain function (``aspdiag.monitor.exposition.Exporter.handle``).
"""

from __future__ import annotations

import ipaddress
import logging
import queue
import socket
import threading
from collections.abc import Callable, Iterable, Mapping
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any, Protocol
from urllib.parse import parse_qs, urlsplit

from aspdiag.core.errors import ConfigError

logger = logging.getLogger(__name__)

CONNECTION_TIMEOUT_S = 30.0
BUSY = (
    b"HTTP/1.0 503 Service Unavailable\r\nContent-Type: text/plain\r\nContent-Length: 20\r\n\r\nexporter overloaded\n"
)


class Answer(Protocol):
    """What a handler returns (``aspdiag.monitor.exposition.Response``)."""

    @property
    def status(self) -> int:
        """HTTP status code."""
        ...

    @property
    def content_type(self) -> str:
        """The Content-Type header."""
        ...

    @property
    def body(self) -> bytes:
        """The body."""
        ...


Handler = Callable[[str, Mapping[str, Iterable[str]], Mapping[str, str]], Answer]


def parse_listen(text: str) -> tuple[str, int]:
    """``ADDR:PORT`` / ``[V6]:PORT`` / ``:PORT`` -> (address, port); ConfigError when malformed."""
    host, sep, port_text = text.rpartition(":")
    if not sep or not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise ConfigError(f"--listen {text!r} is not ADDR:PORT", "e.g. --listen 127.0.0.1:9833 or [::1]:9833")
    bracketed = host.startswith("[") or host.endswith("]")
    if bracketed and not (host.startswith("[") and host.endswith("]") and ":" in host):
        # '[::1:9833' (a review: accepted, listening on [::1]:9833): brackets come in pairs around an IPv6 address.
        raise ConfigError(f"--listen {text!r} is not ADDR:PORT", "e.g. --listen 127.0.0.1:9833 or [::1]:9833")
    if not bracketed and ":" in host:
        raise ConfigError(f"--listen {text!r}: an IPv6 address goes in brackets", "e.g. --listen [::1]:9833")
    host = host[1:-1] if bracketed else host or "0.0.0.0"
    try:
        ipaddress.ip_address(host)
    except ValueError:
        raise ConfigError(f"--listen {text!r}: {host!r} is not an IP address", "give an address, not a name") from None
    return host, int(port_text)


def _request_handler(handle: Handler) -> type[BaseHTTPRequestHandler]:
    class RequestHandler(BaseHTTPRequestHandler):
        server_version = "aspdiag-exporter"
        protocol_version = "HTTP/1.0"  # one request per connection: a scrape never holds a worker in keep-alive
        timeout = CONNECTION_TIMEOUT_S

        def do_GET(self) -> None:  # noqa: N802 - the name http.server dispatches to
            url = urlsplit(self.path)
            try:
                answer = handle(url.path, parse_qs(url.query), dict(self.headers.items()))
            except Exception:  # a bug must cost one request, not the worker
                logger.exception("request %s failed", self.path)
                self.send_error(500, "internal error")
                return
            self.send_response(answer.status)
            self.send_header("Content-Type", answer.content_type)
            self.send_header("Content-Length", str(len(answer.body)))
            self.end_headers()
            self.wfile.write(answer.body)

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - http.server's signature
            logger.debug("%s %s", self.address_string(), format % args)

    return RequestHandler


class BoundedHTTPServer(HTTPServer):
    """An HTTPServer whose requests run on ``workers`` threads (see the module docstring)."""

    daemon_threads = True

    def __init__(
        self,
        address: tuple[str, int],
        handle: Handler,
        *,
        workers: int = 16,
        max_pending: int = 256,
        on_reject: Callable[[], None] = lambda: None,
    ) -> None:
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        self.request_queue_size = min(max_pending, 1024)  # the kernel's backlog before accept()
        self._pending: queue.Queue[tuple[socket.socket, Any] | None] = queue.Queue(maxsize=max_pending)
        self._on_reject = on_reject
        # Before binding: a failed bind makes socketserver call server_close(), which reads the workers.
        self._workers: list[threading.Thread] = []
        try:
            super().__init__(address, _request_handler(handle))
        except OSError as exc:
            raise ConfigError(
                f"cannot listen on {address[0]}:{address[1]}: {exc.strerror or exc}", "choose another --listen"
            ) from None
        self._workers = [
            threading.Thread(target=self._work, name=f"http worker {i}", daemon=True) for i in range(workers)
        ]
        for worker in self._workers:
            worker.start()

    def process_request(self, request: Any, client_address: Any) -> None:
        """Queue the connection for a worker, or answer 503 at once when the queue is full."""
        try:
            self._pending.put_nowait((request, client_address))
        except queue.Full:
            self._on_reject()
            try:
                request.settimeout(1.0)
                request.sendall(BUSY)
            except OSError:
                pass
            self.shutdown_request(request)

    def _work(self) -> None:
        while True:
            item = self._pending.get()
            if item is None:
                return
            request, client_address = item
            try:
                request.settimeout(CONNECTION_TIMEOUT_S)
                self.finish_request(request, client_address)
            except Exception:  # a broken connection costs that connection only
                self.handle_error(request, client_address)
            finally:
                self.shutdown_request(request)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Log a failed connection (for --debug) instead of printing a traceback."""
        logger.debug("connection from %s failed", client_address, exc_info=True)

    def server_close(self) -> None:
        """Stop the workers and close the listening socket."""
        for _ in self._workers:
            try:
                self._pending.put_nowait(None)
            except queue.Full:
                break
        super().server_close()

    @property
    def port(self) -> int:
        """The port it listens on (useful with port 0)."""
        return int(self.server_address[1])
