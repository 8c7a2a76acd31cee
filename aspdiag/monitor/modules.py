"""The exporter's configuration file (TOML): global limits in ``[exporter]`` and one table per module in
``[modules.NAME]`` — which ports a scrape checks, its timeouts, the per-target minimum interval, and
whether the slow measurements (path MTU, bandwidth) run, at most once per cache lifetime.

Every problem is one ConfigError line naming the file and the key (exit 2 before the exporter listens).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from aspdiag.core.config import DEFAULT_TCP_PORTS, DEFAULT_UDP_PORTS, CheckConfig, validate_method, validate_ports
from aspdiag.core.errors import ConfigError
from aspdiag.core.model import Target


@dataclass(frozen=True)
class Module:
    """What one ``/probe?module=NAME`` checks, and how often at most."""

    name: str = "default"
    ssh_ports: tuple[int, ...] = DEFAULT_TCP_PORTS
    udp_ports: tuple[int, ...] = DEFAULT_UDP_PORTS
    timeout: float = 3.0
    """Per-probe answer timeout, seconds (lowered further to fit the scrape timeout)."""
    dns_timeout: float = 2.0
    method: str = "socket"
    """socket (unprivileged, the default), raw (needs CAP_NET_RAW) or auto."""
    max_hops: int = 16
    min_interval: float = 60.0
    """A target is checked at most once per this many seconds; scrapes in between get the cached result.
    Keeps many Prometheus servers from adding up to connections an sshd with PerSourcePenalties punishes."""
    path: bool = False
    """Also measure the path MTU (and RTT series): cached, at most once per ``cache``."""
    bandwidth: bool = False
    """Also measure the client-to-server bandwidth through the SSH port (a bounded stream on the scrape's one
    SSH connection, at most 8 MB / 3 s): cached, at most once per ``cache``."""
    cache: float = 3600.0
    """Lifetime of the slow measurements (path, bandwidth), seconds."""
    max_rate: float = 100.0
    """Politeness cap of the probes' own pacing, Mbit/s (the bandwidth stream is congestion-controlled TCP
    bounded by bytes and time instead)."""

    def check_config(self, target: Target, budget_s: float, *, slow: bool) -> CheckConfig:
        """The check for one scrape: timeouts shrunk so that DNS, the port probes and a banner read fit in
        ``budget_s`` seconds (the scrape timeout less a margin)."""
        dns = max(0.3, min(self.dns_timeout, budget_s / 4))
        timeout = max(0.5, min(self.timeout, budget_s - dns - 2.5))  # 2.5 s: the banner read and the engine
        return CheckConfig(
            target=target,
            tcp_ports=self.ssh_ports,
            udp_ports=self.udp_ports,
            timeout_s=timeout,
            dns_timeout_s=dns,
            method=self.method,
            max_hops=self.max_hops,
            path=self.path and slow,
            bandwidth=self.bandwidth and slow,
            max_rate_mbps=self.max_rate,
        )


@dataclass(frozen=True)
class ExporterSettings:
    """Global limits, and the modules."""

    max_checks: int = 4
    """Checks running at once over all targets; a scrape beyond that gets the cached result or
    probe_success 0 with reason 'busy' (never a queue of checks)."""
    workers: int = 16
    """HTTP worker threads (requests beyond them wait in a bounded queue, then get a 503)."""
    max_pending: int = 256
    max_targets: int = 256
    """Targets whose last result is kept (the least recently scraped are forgotten beyond it)."""
    modules: dict[str, Module] = field(default_factory=lambda: {"default": Module()})


PENALTY_SECONDS_PER_CONNECTION = 1.0
"""OpenSSH 9.8+'s default ``PerSourcePenalties noauth:1``: seconds of penalty per connection that does not
authenticate (an aspdiag check's), forgiven at one second per second."""

_LIMITS: dict[str, tuple[float, float]] = {
    "timeout": (0.2, 60),
    "dns_timeout": (0.2, 30),
    "max_hops": (1, 64),
    "min_interval": (0, 86400),
    "cache": (0, 7 * 86400),
    "max_rate": (0.1, 100_000),
    "max_checks": (1, 256),
    "workers": (1, 1024),
    "max_pending": (1, 100_000),
    "max_targets": (1, 1_000_000),
}


def _number(origin: str, key: str, value: Any, integer: bool) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or (integer and not isinstance(value, int)):
        raise ConfigError(f"{origin}: {key} = {value!r} is not a {'whole ' if integer else ''}number")
    low, high = _LIMITS[key.rsplit(".", 1)[-1]]
    if not low <= value <= high:
        raise ConfigError(f"{origin}: {key} = {value!r} is out of range", f"give {low:g} to {high:g}")
    return value


def _module(origin: str, name: str, entry: Any) -> Module:
    if not isinstance(entry, dict):
        raise ConfigError(f"{origin}: [modules.{name}] is not a table")
    known = {f.name for f in fields(Module)} - {"name"}
    unknown = sorted(set(entry) - known)
    if unknown:
        raise ConfigError(
            f"{origin}: [modules.{name}] has unknown key {unknown[0]!r}", f"known keys: {', '.join(sorted(known))}"
        )
    module = Module(name=name)
    changes: dict[str, Any] = {}
    for key, value in entry.items():
        where = f"modules.{name}.{key}"
        if key in ("ssh_ports", "udp_ports"):
            if not isinstance(value, list) or not value:
                raise ConfigError(f"{origin}: {where} must be a non-empty list of ports")
            changes[key] = validate_ports([str(v) for v in value], (), option=where)
        elif key == "method":
            changes[key] = validate_method(str(value))
        elif key in ("path", "bandwidth"):
            if not isinstance(value, bool):
                raise ConfigError(f"{origin}: {where} must be true or false")
            changes[key] = value
        else:
            integer = key == "max_hops"
            number = _number(origin, where, value, integer)
            changes[key] = int(number) if integer else float(number)
    module = replace(module, **changes)
    floor = PENALTY_SECONDS_PER_CONNECTION * 2 * len(module.ssh_ports)
    if module.min_interval < floor:
        # A review: min_interval = 0 with back-to-back scrapes opened 64 connections in 25 s and sshd activated
        # its per-source penalty against the exporter's host. Each check opens one connection per SSH port per
        # address; OpenSSH (9.8+) counts 1 s of penalty for each that does not log in and forgives 1 s per
        # second, so checks at least twice that far apart can never add up to a penalty.
        raise ConfigError(
            f"{origin}: modules.{name}.min_interval = {module.min_interval:g} would let scrapes trip the server's"
            f" sshd penalties ({len(module.ssh_ports)} SSH port(s), one connection each per check)",
            f"give at least {floor:g} seconds",
        )
    return module


def parse_settings(text: str, origin: str) -> ExporterSettings:
    """The settings a modules file holds (a missing ``[modules]`` keeps the one default module)."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{origin} is not valid TOML ({exc})", "fix the file; see contrib/exporter.toml") from None
    unknown = sorted(set(data) - {"exporter", "modules"})
    if unknown:
        raise ConfigError(f"{origin}: unknown table [{unknown[0]}]", "the file has [exporter] and [modules.NAME]")
    settings = ExporterSettings()
    general = data.get("exporter", {})
    if not isinstance(general, dict):
        raise ConfigError(f"{origin}: [exporter] is not a table")
    changes: dict[str, Any] = {}
    for key, value in general.items():
        if key not in _LIMITS or key in {f.name for f in fields(Module)}:
            raise ConfigError(f"{origin}: [exporter] has unknown key {key!r}")
        changes[key] = int(_number(origin, f"exporter.{key}", value, True))
    modules = data.get("modules")
    if modules is not None:
        if not isinstance(modules, dict) or not modules:
            raise ConfigError(f"{origin}: [modules] must hold at least one [modules.NAME] table")
        changes["modules"] = {name: _module(origin, name, entry) for name, entry in modules.items()}
    return replace(settings, **changes)


def load_settings(path: Path | None) -> ExporterSettings:
    """The settings from ``path`` (None: the defaults, one module named 'default')."""
    if path is None:
        return ExporterSettings()
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(
            f"cannot read the exporter config {str(path)!r}: {exc.strerror or exc}",
            "give the modules file (TOML; an example: contrib/exporter.toml)",
        ) from None
    except UnicodeDecodeError:
        raise ConfigError(
            f"the exporter config {str(path)!r} is not UTF-8 text",
            "give the modules file (TOML; an example: contrib/exporter.toml)",
        ) from None
    return parse_settings(text, str(path))
