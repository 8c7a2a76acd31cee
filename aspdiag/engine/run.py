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
from aspdiag.core.config import CheckConfig
from aspdiag.core.errors import signal_name
from aspdiag.core.facts import Facts
from aspdiag.core.measurement import Measurement, Probe, ProbeContext
from aspdiag.core.model import SIGNAL_WORDS, CheckSettings, Environment, ProbeFailure, Report, utc_now_iso
from aspdiag.core.observer import NullObserver, Observer
from aspdiag.engine.registry import MEASUREMENTS
from aspdiag.engine.verdict import judge

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
    signal: str = ""
    """``SIGINT`` or ``SIGTERM`` when the batch was interrupted."""


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
            # The report says what failed in words; the exception's class and traceback go to the --debug log.
            reason = f"this probe failed unexpectedly ({exc or 'no detail'}); run with --debug and report it"
            logger.debug("probe %s crashed:\n%s", probe.key, "".join(traceback.format_exception(exc)))
            done.put((index, probe.failed(reason), reason))

    def finish(index: int, result: Any, failure: str | None) -> None:
        running.pop(index, None)
        batch.results[index] = result
        if failure is not None:
            batch.failures.append(ProbeFailure(probes[index].key, failure))
        observer.probe_finished(probes[index].key, probes[index].label, result)
        logger.debug("probe %s finished", probes[index].key)

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
    except KeyboardInterrupt as exc:
        batch.interrupted = True
        batch.signal = signal_name(exc)
        words = SIGNAL_WORDS[batch.signal]
        for index in running:
            # What a probe already measured is kept (a port that answered stays answered).
            partial = getattr(probes[index], "partial", None)
            found = partial() if callable(partial) else None
            if found is not None:
                batch.results[index] = found
                batch.failures.append(ProbeFailure(probes[index].key, f"interrupted by {words}: partly measured"))
            else:
                batch.failures.append(ProbeFailure(probes[index].key, f"not finished: interrupted by {words}"))
        for index in pending:
            batch.failures.append(ProbeFailure(probes[index].key, f"not started: interrupted by {words}"))
    return batch


def stages(measurements: Sequence[Measurement], config: CheckConfig) -> list[list[Measurement]]:
    """The wanted measurements grouped into stages: consecutive ones with the same stage title run their
    probes together (they must not need each other's facts), each group after the one before."""
    out: list[list[Measurement]] = []
    for measurement in measurements:
        if not measurement.wanted(config):
            continue
        if out and out[-1][0].stage == measurement.stage:
            out[-1].append(measurement)
        else:
            out.append([measurement])
    return out


def check(
    config: CheckConfig,
    ctx: ProbeContext,
    environment: Environment,
    observer: Observer | None = None,
) -> Report:
    """Run ``aspdiag check``: every wanted measurement in registry order, each stage's probes concurrently;
    then judge the report once (verdict, change request, recommendations) and return it.

    ``environment`` (uid, raw-socket privilege) is discovered once by the caller, which also chose the
    adapters in ``ctx`` and the probe method (``config.method``) from it.
    """
    observer = observer or NullObserver()
    started = utc_now_iso()
    settings = CheckSettings(
        tcp_ports=config.tcp_ports,
        udp_ports=config.udp_ports,
        timeout_s=config.timeout_s,
        dns_timeout_s=config.dns_timeout_s,
        dns_servers=config.dns_servers,
        method=config.method,
        max_hops=config.max_hops,
        rule_days=config.rule_days,
        ascp_user=config.ascp_user,
        preset=config.preset,
        preset_key_files=config.preset_key_files,
        login=config.login,
        skipped=config.skipped,
        ascp_searched=config.ascp_searched,
    )
    facts = Facts(config.target)
    sections: dict[str, Any] = {m.key: m.empty for m in MEASUREMENTS}
    failures: list[ProbeFailure] = []
    interrupted = False
    signal = ""
    for stage in stages(MEASUREMENTS, config):
        # After Ctrl-C nothing more is sent; sections computed from what was measured are still filled in.
        planned = [(m, () if interrupted else tuple(m.probes(config, facts))) for m in stage]
        probes = [p for _m, mine in planned for p in mine]
        results: list[Any] = []
        if probes:
            observer.stage_started(stage[0].stage, len(probes))
            logger.debug("stage %s started: %d probes", stage[0].stage, len(probes))
            batch = run_probes(probes, ctx, observer, max_parallel=min(m.max_parallel for m in stage))
            failures.extend(batch.failures)
            interrupted = batch.interrupted
            signal = batch.signal
            results = batch.results
        for measurement, mine in planned:
            if mine:
                section = measurement.collect(results[: len(mine)])
                results = results[len(mine) :]
            else:
                section = measurement.derive(config, sections)
            sections[measurement.key] = section
            facts = measurement.learn(facts, section)
    report = Report(
        tool_version=__version__,
        target=config.target,
        settings=settings,
        environment=environment,
        started_utc=started,
        finished_utc=utc_now_iso(),
        sections=sections,
        failures=tuple(failures),
        interrupted=interrupted,
        interrupted_by=signal,
        command=config.command,
    )
    return judge(report)
