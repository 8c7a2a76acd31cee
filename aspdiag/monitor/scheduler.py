"""When a scrape really checks its target, and when it gets the last result instead.

Many Prometheus servers (or one with many jobs) may scrape the same target; every check opens TCP
connections to the server's sshd, and a current OpenSSH counts connections that never authenticate
(PerSourcePenalties: more than ~15 within ~15 s refuse the source address, real transfers included). So:

- a target is checked at most once per module ``min_interval`` (counted from the start of the last
  check, failed ones too): scrapes in between get the cached result;
- one check per target host at a time: scrapes that arrive while it runs wait for the same result;
- at most ``max_checks`` checks at once over all targets: a scrape beyond that gets the cached result or
  "busy" at once (never a queue of checks);
- every scrape answers within its budget (the scrape timeout less a margin): a check still running then
  goes on in the background and its result serves the next scrape;
- the slow measurements (path MTU, bandwidth) run at most once per module ``cache``.

No retries: a failed check is reported as it is, and the minimum interval applies to it too.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

from aspdiag.core.config import CheckConfig
from aspdiag.core.model import Report, Target
from aspdiag.monitor.modules import Module
from aspdiag.report.metrics import ProbeResult

logger = logging.getLogger(__name__)

Outcome = str
"""How a scrape was answered: checked, shared (a check already running), cached, busy, timeout, error."""


@dataclass
class _Entry:
    last: Report | None = None
    last_done: float = 0.0
    last_started: float | None = None
    error: str = ""
    slow: Report | None = None
    slow_done: float = 0.0
    running: threading.Event | None = None


@dataclass
class Scheduler:
    """Runs checks for scrapes under the limits above. ``run`` performs one check (the CLI passes the
    engine with the production adapters; tests pass a fake); ``clock`` is monotonic seconds."""

    run: Callable[[CheckConfig], Report]
    max_checks: int = 4
    max_targets: int = 256
    clock: Callable[[], float] = time.monotonic
    on_check: Callable[[str, float, bool], None] = lambda module, seconds, ok: None
    """Called after each check: module, duration, whether it produced a report (for the exporter's metrics)."""
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _entries: OrderedDict[tuple[str, str], _Entry] = field(default_factory=OrderedDict)
    _busy_hosts: set[str] = field(default_factory=set)
    _running: int = 0

    @property
    def running(self) -> int:
        """Checks running now."""
        return self._running

    @property
    def targets(self) -> int:
        """(module, target) pairs whose state is kept."""
        return len(self._entries)

    def _entry(self, key: tuple[str, str]) -> _Entry:
        entry = self._entries.get(key)
        if entry is None:
            entry = self._entries[key] = _Entry()
        self._entries.move_to_end(key)
        while len(self._entries) > self.max_targets:
            oldest, old = next(iter(self._entries.items()))
            if old.running is not None or oldest == key:
                break  # a running check keeps its entry; the bound is exceeded only by those
            del self._entries[oldest]
        return entry

    def _stored(self, entry: _Entry, now: float, reason: str, *, cached: bool = True) -> ProbeResult:
        slow_age = now - entry.slow_done if entry.slow is not None else None
        if entry.last is None:
            return ProbeResult(None, cached=cached, reason=f"{reason}: {entry.error}" if entry.error else reason)
        return ProbeResult(entry.last, now - entry.last_done, cached, reason, entry.slow, slow_age)

    def probe(self, module: Module, target: Target, budget_s: float) -> tuple[ProbeResult, Outcome]:
        """The result for one scrape of ``target`` with ``module``, within ``budget_s`` seconds."""
        key = (module.name, target.host)
        with self._lock:
            entry = self._entry(key)
            now = self.clock()
            event = entry.running
            mine = False
            if event is None:
                if entry.last_started is not None and now - entry.last_started < module.min_interval:
                    return self._stored(entry, now, "min-interval"), "cached" if entry.last else "error"
                if target.host in self._busy_hosts:  # another module checks this host right now
                    return self._stored(entry, now, "running"), "cached" if entry.last else "busy"
                if self._running >= self.max_checks:
                    return self._stored(entry, now, "busy"), "cached" if entry.last else "busy"
                slow = (module.path or module.bandwidth) and (
                    entry.slow is None or now - entry.slow_done >= module.cache
                )
                config = module.check_config(target, budget_s, slow=slow)
                event = entry.running = threading.Event()
                entry.last_started = now
                self._busy_hosts.add(target.host)
                self._running += 1
                mine = True
                threading.Thread(
                    target=self._check,
                    args=(module.name, target.host, entry, config, slow, event),
                    name=f"check {target.host}",
                    daemon=True,
                ).start()
        finished = event.wait(budget_s)
        with self._lock:
            now = self.clock()
            if not finished:
                return self._stored(entry, now, "timeout"), "timeout"
            if entry.error:
                return self._stored(entry, now, "error", cached=False), "error"
            return self._stored(entry, now, "" if mine else "running", cached=False), "checked" if mine else "shared"

    def _check(
        self, module: str, host: str, entry: _Entry, config: CheckConfig, slow: bool, event: threading.Event
    ) -> None:
        started = self.clock()
        report: Report | None = None
        error = ""
        try:
            report = self.run(config)
        except Exception as exc:  # a failed check is a result to report, never a crashed exporter
            error = str(exc) or "the check failed unexpectedly"
            logger.warning("check of %s failed: %s", host, error)
        finally:
            with self._lock:
                done = self.clock()
                entry.error = error
                if report is not None:
                    entry.last, entry.last_done = report, done
                    if slow:
                        entry.slow, entry.slow_done = report, done
                entry.running = None
                self._busy_hosts.discard(host)
                self._running -= 1
            event.set()
            self.on_check(module, self.clock() - started, report is not None)
