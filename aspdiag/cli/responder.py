"""The ``aspdiag responder`` command (thin: the protocol is in :mod:`aspdiag.responder`, the sockets in
:mod:`aspdiag.net.responder`)."""

from __future__ import annotations

import ipaddress
import os
import signal
import sys
import time
from pathlib import Path
from typing import IO, Annotated

import typer

from aspdiag.core.config import validate_port, validate_range
from aspdiag.core.errors import ConfigError
from aspdiag.core.exit_codes import ExitCode
from aspdiag.core.model import utc_now_iso
from aspdiag.tools.responder.limits import Caps
from aspdiag.tools.responder.protocol import DEFAULT_PORT, KEY_ENV, key_file_warning, load_responder_key
from aspdiag.tools.responder.server import Responder


def read_key(path: Path | None, *, option: str = "--key-file") -> bytes:
    """The shared key from ``path`` or ASPDIAG_RESPONDER_KEY (never argv), with a warning on stderr when the
    key file can be read by others. Used by ``responder`` and by ``check --responder``."""
    key = load_responder_key(path, os.environ, option=option)
    if path is not None and (warning := key_file_warning(path)):
        print(f"aspdiag: warning: {warning}", file=sys.stderr)
    return key


def _bind_address(value: str) -> str:
    text = value.strip()
    inner = text[1:-1] if text.startswith("[") and text.endswith("]") else text
    try:
        address = ipaddress.ip_address(inner)
    except ValueError:
        raise ConfigError(
            f"--bind {value!r} is not an IP address", "give an address of this host, e.g. --bind 198.18.3.2"
        ) from None
    if address.is_unspecified:
        raise ConfigError(
            f"--bind {value} would listen on every address",
            "give the address(es) clients reach, one --bind each (replies must leave from that address)",
        )
    return str(address)


def responder_command(
    bind: Annotated[
        list[str] | None,
        typer.Option(
            "--bind",
            metavar="ADDR",
            help="Listen on this address of this host (required; repeat for IPv4 and IPv6).",
            show_default=False,
        ),
    ] = None,
    port: Annotated[
        int, typer.Option("--port", metavar="PORT", help="UDP and TCP port (use another when Aspera holds 33001).")
    ] = DEFAULT_PORT,
    key_file: Annotated[
        Path | None,
        typer.Option(
            "--key-file", metavar="FILE", help=f"File with the shared key (else the {KEY_ENV} environment variable)."
        ),
    ] = None,
    max_rate: Annotated[
        float, typer.Option("--max-rate", metavar="MBIT/S", help="Highest test rate granted to a client.")
    ] = 100.0,
    max_duration: Annotated[
        float, typer.Option("--max-duration", metavar="SECONDS", help="Longest test granted.")
    ] = 10.0,
    log: Annotated[
        Path | None, typer.Option("--log", metavar="FILE", help="Append the log here (default: stderr).")
    ] = None,
) -> None:
    """Run the cooperating far end for `aspdiag check --responder` (like `iperf3 -s`), beside an Aspera server.

    Answers authenticated two-way checks on UDP and TCP PORT and runs capped UDP throughput tests in both
    directions. The key is shared with the clients and never given on the command line: `--key-file FILE`
    (at least 16 bytes; `openssl rand -hex 32 > key; chmod 600 key`) or ASPDIAG_RESPONDER_KEY. Anything
    not signed with the key, too old (more than 120 s off this host's clock) or replayed gets no answer at
    all. Replies are never larger than requests; a test sends only to the client that started it, at most
    --max-rate for at most --max-duration, one test per client at a time and 20 per minute.

    Logs one line per test (UTC time, client, direction, rate, duration, packets, bytes, loss, outcome).
    Runs until SIGTERM (exit 0) or Ctrl-C (exit 130); exit 2 for bad input.
    """
    if not bind:
        raise ConfigError("--bind is required", "give the address(es) clients reach: --bind ADDR (repeatable)")
    addresses = list(dict.fromkeys(_bind_address(value) for value in bind))
    validate_port(port, option="--port")
    validate_range("--max-rate", max_rate, 0.01, 100_000, what="Mbit/s")
    validate_range("--max-duration", max_duration, 0.1, 3600, what="seconds")
    key = read_key(key_file)
    stream: IO[str]
    if log is None:
        stream = sys.stderr
    else:
        try:
            stream = open(log, "a", encoding="utf-8", buffering=1)  # noqa: SIM115  (closed below)
        except OSError as exc:
            raise ConfigError(
                f"cannot open --log {str(log)!r}: {exc.strerror or exc}", "give a writable file"
            ) from None

    def write(line: str) -> None:
        try:
            stream.write(line + "\n")
            stream.flush()
        except (OSError, ValueError):
            pass

    from aspdiag.adapters.responder_server import ResponderServer

    caps = Caps(max_rate_mbps=max_rate, max_duration_s=max_duration)
    core = Responder(key, caps, wall=time.time, mono=time.monotonic, log=write, utc=utc_now_iso)
    server = ResponderServer(addresses, port, core)
    stop: list[int] = []
    opened = False
    previous = {
        sig: signal.signal(sig, lambda signum, frame: stop.append(signum)) for sig in (signal.SIGINT, signal.SIGTERM)
    }
    try:
        server.open()
        opened = True
        shown = ", ".join(f"[{a}]:{port}" if ":" in a else f"{a}:{port}" for a in addresses)
        write(
            f"{utc_now_iso()} aspdiag responder listening on udp+tcp {shown}; per client: at most "
            f"{max_rate:g} Mbit/s for {max_duration:g} s per test, {caps.max_sessions_per_client} at a time, "
            f"{caps.max_tests_per_minute} per minute"
        )
        server.serve(lambda: bool(stop))
    finally:
        server.stop()
        for sig, old in previous.items():
            signal.signal(sig, old)
        if opened:  # a run that could not bind ends with the error line alone
            how = signal.Signals(stop[0]).name if stop else "error"
            ignored = ", ".join(f"{n} {kind}" for kind, n in sorted(core.ignored.items())) or "none"
            write(
                f"{utc_now_iso()} aspdiag responder stopped ({how}): {core.sessions_done} test(s), "
                f"{core.ignored_total} message(s) ignored ({ignored})"
            )
        if stream is not sys.stderr:
            stream.close()
    raise typer.Exit(int(ExitCode.INTERRUPTED if stop and stop[0] == signal.SIGINT else ExitCode.READY))
