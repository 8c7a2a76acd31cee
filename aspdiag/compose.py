"""The composition root: the one place that wires production adapters to a check's configuration.

It discovers the environment once (uid, raw-socket privilege), resolves ``--method auto`` into the probe
method, and gives each measurement's port its adapter. Everything else receives them through a
ProbeContext, so tests can hand in fakes.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

from aspdiag.core.config import CheckConfig
from aspdiag.core.errors import ConfigError, PrivilegeError
from aspdiag.core.measurement import AdapterKey, ProbeContext
from aspdiag.core.model import Environment
from aspdiag.core.ports import COMMANDS
from aspdiag.measurements.capacity.port import CAPACITY
from aspdiag.measurements.dns.port import HOSTS, RESOLVER
from aspdiag.measurements.path.port import PATH
from aspdiag.measurements.reachability.port import GREETER, PROBER
from aspdiag.measurements.responder.port import RESPONDER
from aspdiag.measurements.route.port import ROUTES
from aspdiag.measurements.transfer.port import PROCESSES


def discover_environment() -> Environment:
    """Host name, OS, Python, uid and raw-socket privilege of this process."""
    from aspdiag.adapters.system import HostSystemInfo

    return HostSystemInfo().environment()


def resolve_method(requested: str, environment: Environment) -> str:
    """``raw`` or ``socket`` for ``--method auto|raw|socket`` (raw needs root or CAP_NET_RAW)."""
    if requested == "raw" and not environment.privileged:
        raise PrivilegeError(
            "--method raw needs root or CAP_NET_RAW",
            "re-run with sudo, or use --method socket (unprivileged, same states)",
        )
    if requested == "raw" or (requested == "auto" and environment.privileged):
        return "raw"
    return "socket"


def build_context(config: CheckConfig, sessions: object) -> ProbeContext:
    """The production adapters for one check (``config.method`` already resolved to raw or socket);
    ``sessions`` is the run's SSH session pool (one connection per SSH port and address)."""
    from aspdiag.adapters.commands import SubprocessRunner
    from aspdiag.adapters.hosts import HostsFileLookup
    from aspdiag.adapters.resolver import DnspythonResolver
    from aspdiag.adapters.routes import IprouteRouteLookup
    from aspdiag.adapters.sockets import SocketProber

    commands = SubprocessRunner()
    prober: object
    if config.method == "raw":
        from aspdiag.adapters.raw import ScapyProber

        prober = ScapyProber()
    else:
        prober = SocketProber()
    pairs: list[tuple[AdapterKey[Any], object]] = [
        (RESOLVER, DnspythonResolver(config.dns_servers)),
        (HOSTS, HostsFileLookup()),
        (ROUTES, IprouteRouteLookup(commands)),
        (PROBER, prober),
        (GREETER, sessions),
        (COMMANDS, commands),
    ]
    if config.path:
        from aspdiag.adapters.path import SocketPathProber

        pairs.append((PATH, SocketPathProber()))
    if config.capacity:
        from aspdiag.adapters.capacity import TrainProber

        pairs.append((CAPACITY, TrainProber()))
    if config.responder_port is not None:
        from aspdiag.adapters.responder_client import SocketResponderClient

        pairs.append((RESPONDER, SocketResponderClient()))
    if config.transfer is not None:
        from aspdiag.adapters.process import CappedRunner

        pairs.append((PROCESSES, CappedRunner()))
    return ProbeContext.of(*pairs)


@contextmanager
def prepared(
    config: CheckConfig, max_ssh_connections: int | None = None
) -> Iterator[tuple[CheckConfig, ProbeContext, Environment]]:
    """Discover the environment, resolve the method, build the adapters for one run; when the run is over
    (or interrupted), end its SSH connections politely. ``max_ssh_connections``: at most that many in the
    whole run (the exporter: 1 per scrape); None: one per address and port."""
    from aspdiag.adapters.ssh_sessions import SshSessionPool

    environment = discover_environment()
    config = replace(config, method=resolve_method(config.method, environment))
    sessions = SshSessionPool(max_connections=max_ssh_connections)
    try:
        yield config, build_context(config, sessions), environment
    finally:
        sessions.close_all()


def find_ascp(explicit: str | None) -> list[Any]:
    """Every ascp installation (the first is used); ``explicit`` (``--ascp``) must be an executable file."""
    import sys
    from pathlib import Path

    from aspdiag.adapters.commands import SubprocessRunner
    from aspdiag.fasp.find import discover

    if explicit is not None and not (os.path.isfile(explicit) and os.access(explicit, os.X_OK)):
        raise ConfigError(f"--ascp {explicit!r} is not an executable file", "give the path of the ascp program")
    return list(
        discover(SubprocessRunner(), home=str(Path.home()), env=os.environ, platform=sys.platform, explicit=explicit)
    )


def ascp_for_command(name: str) -> Any | None:
    """The installation a bare ``ascp`` (or ``ascp4``) in a command means: the first one 'aspdiag ascp' lists
    with that name. The same discovery as ``find_ascp``, so ``aspdiag run -- ascp ...`` finds every ascp
    ``aspdiag ascp`` finds (Aspera Connect's per-user copy is not on PATH)."""
    for installation in find_ascp(None):
        if os.path.basename(installation.path) == name:
            return installation
    return None
