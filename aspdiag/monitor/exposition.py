"""The exporter's HTTP endpoints as plain functions of (path, query, headers): ``/probe`` (one target,
blackbox_exporter's parameters), ``/metrics`` (the exporter's own metrics), ``/`` and ``/-/healthy``. The
text format is prometheus-client's; the server that calls ``handle`` is an adapter.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from html import escape

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Gauge,
    GCCollector,
    Histogram,
    Info,
    PlatformCollector,
    ProcessCollector,
    generate_latest,
)
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.exposition import CONTENT_TYPE_LATEST
from prometheus_client.registry import Collector

from aspdiag import __version__
from aspdiag.core.config import validate_host
from aspdiag.core.errors import ConfigError
from aspdiag.monitor.modules import ExporterSettings
from aspdiag.monitor.scheduler import Scheduler
from aspdiag.report import metrics as report_metrics

DEFAULT_SCRAPE_TIMEOUT_S = 10.0
"""Prometheus' default scrape timeout, used when the scrape does not send its own."""
SCRAPE_TIMEOUT_HEADER = "X-Prometheus-Scrape-Timeout-Seconds"


@dataclass(frozen=True)
class Response:
    """What the server sends back."""

    status: int
    content_type: str
    body: bytes


class _Families(Collector):
    """A one-off collector holding the metrics of one probe."""

    def __init__(self, families: Sequence[report_metrics.Metric]) -> None:
        self._families = families

    def collect(self) -> Iterator[Metric]:
        for family in self._families:
            labels = sorted({name for sample_labels, _value in family.samples for name in sample_labels})
            gauge = GaugeMetricFamily(family.name, family.help, labels=labels)
            for sample_labels, value in family.samples:
                gauge.add_metric([sample_labels.get(name, "") for name in labels], value)
            yield gauge


def probe_text(families: Sequence[report_metrics.Metric]) -> bytes:
    """The text format of one probe's metrics."""
    registry = CollectorRegistry(auto_describe=False)
    registry.register(_Families(families))
    return generate_latest(registry)


def budget_from(headers: Mapping[str, str]) -> float:
    """Seconds a check may take for this scrape: the scrape timeout Prometheus sends (default 10 s) less a
    margin for the answer to travel back (10 %, between 0.25 and 1 s)."""
    raw = next((v for k, v in headers.items() if k.lower() == SCRAPE_TIMEOUT_HEADER.lower()), None)
    try:
        timeout = float(raw) if raw is not None else DEFAULT_SCRAPE_TIMEOUT_S
    except ValueError:
        timeout = DEFAULT_SCRAPE_TIMEOUT_S
    if not math.isfinite(timeout) or timeout <= 0:
        timeout = DEFAULT_SCRAPE_TIMEOUT_S
    timeout = min(timeout, 300.0)
    return max(0.2, timeout - min(1.0, max(0.25, timeout * 0.1)))


class Exporter:
    """The endpoints, the scheduler behind ``/probe`` and the exporter's own metrics."""

    def __init__(self, settings: ExporterSettings, scheduler: Scheduler) -> None:
        self.settings = settings
        self.scheduler = scheduler
        self.registry = CollectorRegistry()
        ProcessCollector(registry=self.registry)
        PlatformCollector(registry=self.registry)
        GCCollector(registry=self.registry)
        Info("aspdiag_exporter_build", "aspdiag version.", registry=self.registry).info({"version": __version__})
        self.scrapes = Counter(
            "aspdiag_exporter_scrapes",
            "Probe scrapes by module and how they were answered: checked (a new check), shared (waited for a "
            "check already running), cached (the last result: minimum interval or busy), busy (no result yet "
            "and no free check slot), timeout, error, bad-request.",
            ["module", "outcome"],
            registry=self.registry,
        )
        self.checks = Histogram(
            "aspdiag_exporter_check_duration_seconds",
            "Duration of the checks the exporter ran, by module.",
            ["module"],
            buckets=(0.5, 1, 2, 3, 5, 8, 13, 20, 30, 60),
            registry=self.registry,
        )
        self.failed = Counter(
            "aspdiag_exporter_check_errors", "Checks that ended without a report.", ["module"], registry=self.registry
        )
        running = Gauge("aspdiag_exporter_checks_running", "Checks running now.", registry=self.registry)
        running.set_function(lambda: float(scheduler.running))
        targets = Gauge("aspdiag_exporter_targets", "Targets whose last result is kept.", registry=self.registry)
        targets.set_function(lambda: float(scheduler.targets))
        self.rejected = Counter(
            "aspdiag_exporter_http_rejected",
            "HTTP requests answered 503 at once because every worker was busy and the queue was full.",
            registry=self.registry,
        )
        scheduler.on_check = self._checked

    def _checked(self, module: str, seconds: float, ok: bool) -> None:
        self.checks.labels(module).observe(seconds)
        if not ok:
            self.failed.labels(module).inc()

    def handle(self, path: str, query: Mapping[str, Iterable[str]], headers: Mapping[str, str]) -> Response:
        """Answer one GET request."""
        if path == "/probe":
            return self.probe(query, headers)
        if path == "/metrics":
            return Response(200, CONTENT_TYPE_LATEST, generate_latest(self.registry))
        if path == "/-/healthy":
            return Response(200, "text/plain; charset=utf-8", b"OK\n")
        if path == "/":
            return Response(200, "text/html; charset=utf-8", self._index())
        return Response(404, "text/plain; charset=utf-8", b"not found: /probe?target=HOST&module=NAME, /metrics\n")

    def probe(self, query: Mapping[str, Iterable[str]], headers: Mapping[str, str]) -> Response:
        """``/probe?target=HOST&module=NAME``: the target's metrics (blackbox_exporter's parameters)."""
        targets = list(query.get("target", ()))
        module_name = next(iter(query.get("module", ())), "default")
        module = self.settings.modules.get(module_name)
        problem = ""
        if len(targets) != 1:
            problem = "give exactly one target: /probe?target=HOST&module=NAME"
        elif module is None:
            problem = f"unknown module {module_name!r}; the config has {', '.join(sorted(self.settings.modules))}"
        else:
            try:
                target = validate_host(targets[0])
            except ConfigError as exc:
                problem = f"{exc} ({exc.hint})" if exc.hint else str(exc)
        if problem or module is None:
            self.scrapes.labels(module_name if module is not None else "", "bad-request").inc()
            return Response(400, "text/plain; charset=utf-8", f"{problem}\n".encode())
        result, outcome = self.scheduler.probe(module, target, budget_from(headers))
        self.scrapes.labels(module.name, outcome).inc()
        return Response(200, CONTENT_TYPE_LATEST, probe_text(report_metrics.probe_metrics(result, module.name)))

    def _index(self) -> bytes:
        modules = "".join(
            f"<li><code>{escape(name)}</code>: TCP {', '.join(map(str, m.ssh_ports))}, UDP "
            f"{', '.join(map(str, m.udp_ports))}; at most one check per {m.min_interval:g} s; path "
            f"{'on' if m.path else 'off'}, bandwidth {'on' if m.bandwidth else 'off'} (cached {m.cache:g} s)</li>"
            for name, m in sorted(self.settings.modules.items())
        )
        return (
            "<!DOCTYPE html><html><head><meta charset='utf-8'><title>aspdiag exporter</title></head><body>"
            f"<h1>aspdiag exporter {escape(__version__)}</h1>"
            "<p><a href='/metrics'>/metrics</a> (the exporter's own) · "
            "<code>/probe?target=HOST&amp;module=NAME</code></p>"
            f"<h2>Modules</h2><ul>{modules}</ul></body></html>\n"
        ).encode()
