"""The engine: runs probes concurrently with per-probe timeouts, reports progress, builds the Report.

Probes run in daemon threads so that a probe stuck in I/O can never keep the process alive: when a probe
overruns its timeout (plus a grace period) the engine records its ``failed()`` result and moves on.
Ctrl-C stops the run at once; what finished is kept and the rest is listed as interrupted.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
import traceback
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from aspdiag import __version__
from aspdiag.config import CheckConfig
from aspdiag.estimate import estimate_transfer
from aspdiag.model import (
    CapacityResult,
    CheckSettings,
    DnsResult,
    Environment,
    PathResult,
    PortResult,
    ProbeFailure,
    Report,
    ResponderResult,
    RouteResult,
    utc_now_iso,
)
from aspdiag.observer import NullObserver, Observer
from aspdiag.probes.base import Probe, ProbeContext
from aspdiag.probes.capacity import CapacityProbe
from aspdiag.probes.dns import DnsProbe
from aspdiag.probes.path import PathProbe
from aspdiag.probes.reachability import ReachabilityProbe
from aspdiag.probes.responder import ResponderProbe
from aspdiag.probes.route import RouteProbe
from aspdiag.probes.transfer import TransferProbe

R = TypeVar("R")
logger = logging.getLogger(__name__)

GRACE_S = 2.0
"""Extra time a probe gets beyond its own timeout before the engine gives up on it."""
MAX_PARALLEL = 16


@dataclass
class Batch:
    """Results of one concurrent batch, in the order the probes were given (None: not finished)."""

    results: list[Any]
    failures: list[ProbeFailure] = field(default_factory=list)
    interrupted: bool = False


def run_probes(
    probes: Sequence[Probe[Any]],
    ctx: ProbeContext,
    observer: Observer,
    *,
    max_parallel: int = MAX_PARALLEL,
    grace_s: float = GRACE_S,
) -> Batch:
    """Run probes concurrently, at most ``max_parallel`` at a time, each bounded by its timeout."""
    batch = Batch(results=[None] * len(probes))
    done: queue.Queue[tuple[int, Any, str | None]] = queue.Queue()
    pending = list(range(len(probes)))
    running: dict[int, float] = {}  # index -> deadline (monotonic)

    def work(index: int) -> None:
        probe = probes[index]
        try:
            done.put((index, probe.run(ctx), None))
        except Exception as exc:  # a bug in a probe must not take the whole run down
            reason = f"probe crashed: {type(exc).__name__}: {exc}"
            logger.debug("probe %s crashed:\n%s", probe.key, "".join(traceback.format_exception(exc)))
            done.put((index, probe.failed(reason), reason))

    def finish(index: int, result: Any, failure: str | None) -> None:
        running.pop(index, None)
        batch.results[index] = result
        if failure is not None:
            batch.failures.append(ProbeFailure(probes[index].key, failure))
        observer.probe_finished(probes[index].key, probes[index].label, result)

    try:
        while pending or running:
            while pending and len(running) < max_parallel:
                index = pending.pop(0)
                probe = probes[index]
                running[index] = time.monotonic() + probe.timeout_s + grace_s
                observer.probe_started(probe.key, probe.label)
                threading.Thread(target=work, args=(index,), name=f"probe {probe.key}", daemon=True).start()
            wait_s = max(0.0, min(running.values()) - time.monotonic())
            try:
                index, result, failure = done.get(timeout=wait_s)
            except queue.Empty:
                now = time.monotonic()
                for late in [i for i, deadline in running.items() if deadline <= now]:
                    reason = f"gave no result within {probes[late].timeout_s + grace_s:g} s"
                    finish(late, probes[late].failed(reason), reason)
                continue
            if index in running:  # a result that arrives after its deadline was already replaced
                finish(index, result, failure)
    except KeyboardInterrupt:
        batch.interrupted = True
        for index in [*running, *pending]:
            batch.failures.append(ProbeFailure(probes[index].key, "not finished: interrupted (Ctrl-C)"))
    return batch


def plan_address_probes(config: CheckConfig, addresses: Sequence[str]) -> list[Probe[Any]]:
    """The per-address probes of a check: the local route, and the reachability of every port."""
    probes: list[Probe[Any]] = []
    for address in addresses:
        probes.append(RouteProbe(address))
        probes.append(ReachabilityProbe(address, config.tcp_ports, config.udp_ports, config.timeout_s, config.max_hops))
    return probes


def check(
    config: CheckConfig,
    ctx: ProbeContext,
    environment: Environment,
    observer: Observer | None = None,
) -> Report:
    """Run ``aspdiag check``: resolve, then probe every address concurrently; return the Report.

    ``environment`` (uid, raw-socket privilege) is discovered once by the caller, which also chose the
    prober in ``ctx`` from it.
    """
    observer = observer or NullObserver()
    started = utc_now_iso()
    settings = CheckSettings(
        tcp_ports=config.tcp_ports,
        udp_ports=config.udp_ports,
        timeout_s=config.timeout_s,
        dns_timeout_s=config.dns_timeout_s,
        dns_servers=config.dns_servers,
        command=config.command,
        method=ctx.prober.method,
        max_hops=config.max_hops,
        rule_days=config.rule_days,
        ascp_user=config.ascp_user,
        preset=config.preset,
        preset_key_files=config.preset_key_files,
    )
    failures: list[ProbeFailure] = []
    routes: list[RouteResult] = []
    ports: list[PortResult] = []
    dns: DnsResult | None = None
    interrupted = False

    observer.stage_started("Resolving", 1)
    dns_batch = run_probes([DnsProbe(config.target, config.dns_timeout_s)], ctx, observer)
    failures.extend(dns_batch.failures)
    dns = dns_batch.results[0]
    interrupted = dns_batch.interrupted

    if dns is not None and dns.addresses and not interrupted:
        probes = plan_address_probes(config, dns.addresses)
        observer.stage_started("Probing", len(probes))
        batch = run_probes(probes, ctx, observer)
        failures.extend(batch.failures)
        interrupted = batch.interrupted
        for result in batch.results:
            if isinstance(result, RouteResult):
                routes.append(result)
            elif isinstance(result, tuple):
                ports.extend(r for r in result if isinstance(r, PortResult))

    paths: list[PathResult] = []
    if config.path and not interrupted and dns is not None and dns.addresses:
        path_probes = [
            PathProbe(
                address,
                tuple(p for p in ports if p.address == address),
                next((r for r in routes if r.address == address), None),
                config.udp_ports[0] if config.udp_ports else None,
                wait_s=min(config.timeout_s, 1.0),
                max_hops=config.max_hops,
            )
            for address in dns.addresses
        ]
        observer.stage_started("Path", len(path_probes))
        batch = run_probes(path_probes, ctx, observer)
        failures.extend(batch.failures)
        interrupted = batch.interrupted
        paths = [r for r in batch.results if isinstance(r, PathResult)]

    capacities: list[CapacityResult] = []
    if config.capacity and not interrupted and dns is not None and dns.addresses:
        capacity_probes = [
            CapacityProbe(
                address,
                tuple(p for p in ports if p.address == address),
                next((r for r in routes if r.address == address), None),
                next((p for p in paths if p.address == address), None),
                pace_mbps=config.max_rate_mbps,
                raw=ctx.prober.method == "raw",
            )
            for address in dns.addresses
        ]
        observer.stage_started("Capacity", len(capacity_probes))
        # One at a time: trains to two addresses of one host share the bottleneck.
        batch = run_probes(capacity_probes, ctx, observer, max_parallel=1)
        failures.extend(batch.failures)
        interrupted = batch.interrupted
        capacities = [r for r in batch.results if isinstance(r, CapacityResult)]

    responders: list[ResponderResult] = []
    if config.responder_port is not None and not interrupted and dns is not None and dns.addresses:
        responder_probes = [
            ResponderProbe(
                address,
                config.responder_port,
                config.max_rate_mbps,
                config.responder_duration_s,
                secret=config.responder_key,
            )
            for address in dns.addresses
        ]
        observer.stage_started("Responder", len(responder_probes))
        # One at a time, like the capacity trains: the tests would share the path.
        batch = run_probes(responder_probes, ctx, observer, max_parallel=1)
        failures.extend(batch.failures)
        interrupted = batch.interrupted
        responders = [r for r in batch.results if isinstance(r, ResponderResult)]

    transfer = None
    if config.transfer is not None and not interrupted and dns is not None and dns.addresses:
        observer.stage_started("Test transfer", 1)
        probe = TransferProbe(config.transfer, config.target.host, ports, config.udp_ports, config.tcp_ports)
        batch = run_probes([probe], ctx, observer)
        failures.extend(batch.failures)
        interrupted = batch.interrupted
        transfer = batch.results[0]

    return Report(
        tool_version=__version__,
        target=config.target,
        settings=settings,
        environment=environment,
        started_utc=started,
        finished_utc=utc_now_iso(),
        dns=dns,
        routes=tuple(routes),
        ports=tuple(ports),
        failures=tuple(failures),
        interrupted=interrupted,
        transfer=transfer,
        paths=tuple(paths),
        capacities=tuple(capacities),
        responders=tuple(responders),
        estimate=(
            estimate_transfer(config.dataset_bytes, config.max_rate_mbps, tuple(paths), transfer, tuple(capacities))
            if config.dataset_bytes is not None
            else None
        ),
    )
