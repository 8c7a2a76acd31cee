"""A check as Prometheus metrics, the way blackbox_exporter answers ``/probe``: ``probe_success``,
``probe_duration_seconds`` and ``aspera_*`` detail metrics, in base units (seconds, bytes, bytes per second).

Pure and format-neutral: a list of Metric (name, help, samples); ``aspdiag.monitor.exposition`` turns it
into the text format with prometheus-client. The HELP texts say what is cached and how old it may be.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from aspdiag.core.model import PortState, Protocol, Report, Verdict
from aspdiag.measurements.bandwidth import bandwidths_of
from aspdiag.measurements.capacity import capacities_of
from aspdiag.measurements.path import paths_of
from aspdiag.measurements.reachability import blocked_by_client_network, ports_of
from aspdiag.report.changes import rtt_by_address

Labels = Mapping[str, str]


@dataclass(frozen=True)
class Metric:
    """One gauge family: its name, HELP text and samples (labels, value)."""

    name: str
    help: str
    samples: tuple[tuple[Labels, float], ...]


@dataclass(frozen=True)
class ProbeResult:
    """What one scrape answers with: a check's report (or none), and how fresh it is."""

    report: Report | None
    age_s: float = 0.0
    """How long ago the check that produced ``report`` finished."""
    cached: bool = False
    """True when the report was not measured for this scrape (minimum interval, busy, timeout)."""
    reason: str = ""
    """Why the result is cached or missing: min-interval, running, busy, timeout, error: ..."""
    slow: Report | None = None
    """The last report with the slow measurements (path MTU, bandwidth) when the module enables them."""
    slow_age_s: float | None = None


def seconds_between(start_utc: str, end_utc: str) -> float:
    """Seconds between two ISO times of a report (0 when either cannot be read)."""
    try:
        start = datetime.fromisoformat(start_utc.replace("Z", "+00:00"))
        end = datetime.fromisoformat(end_utc.replace("Z", "+00:00"))
    except ValueError:
        return 0.0
    return max(0.0, (end - start).total_seconds())


def _gauge(name: str, help_text: str, *samples: tuple[Labels, float]) -> Metric:
    return Metric(name, help_text, tuple(samples))


def _any_address_open(report: Report, protocol: Protocol) -> float | None:
    """1 when some address carries the protocol: every tested UDP (FASP data) port, since a transfer uses them
    all; any tested TCP port, since ascp needs one SSH control port (a server offering 33001 only, with 22
    closed, is a working Aspera server: requiring both kept the 'UDP lost while TCP works' alert silent)."""
    by_address: dict[str, list[bool]] = {}
    for p in ports_of(report):
        if p.protocol is protocol:
            by_address.setdefault(p.address, []).append(p.path_open)
    if not by_address:
        return None
    enough = all if protocol is Protocol.UDP else any
    return 1.0 if any(enough(opens) for opens in by_address.values()) else 0.0


def _slow_metrics(result: ProbeResult) -> list[Metric]:
    slow = result.slow
    if slow is None:
        return []
    out = []
    mtus = [({"address": p.address}, float(p.path_mtu_bytes)) for p in paths_of(slow) if p.path_mtu_bytes]
    if mtus:
        out.append(
            _gauge(
                "aspera_path_mtu_bytes",
                "Largest IP packet that reaches the server's UDP port; cached: measured at most once per the "
                "module's cache lifetime (see aspera_slow_measurement_age_seconds).",
                *mtus,
            )
        )
    rates = [
        (
            {
                "address": b.address,
                "method": b.estimate.method,
                "direction": b.estimate.direction,
                "kind": b.status.value,
            },
            b.usable_mbps * 1e6 / 8,
        )
        for b in bandwidths_of(slow)
        if b.usable_mbps
    ]
    rates += [
        (
            {
                "address": c.address,
                "method": c.method,
                "direction": c.direction,
                "kind": "lower_bound" if c.sustained_is_lower_bound else "measured",
            },
            c.sustained_mbps * 1e6 / 8,
        )
        for c in capacities_of(slow)
        if c.status in ("ok", "lower-bound") and c.sustained_mbps
    ]
    if rates:
        out.append(
            _gauge(
                "aspera_bandwidth_bytes_per_second",
                "Client-to-server bandwidth: method ssh-ignore is one TCP stream through the SSH port before login, "
                "tcp-reset/udp-icmp are paced packet trains; kind lower_bound when the test could not show the "
                "bottleneck itself. Cached: measured at most once per the module's cache lifetime (see "
                "aspera_slow_measurement_age_seconds), never on every scrape.",
                *rates,
            )
        )
    if result.slow_age_s is not None:
        out.append(
            _gauge(
                "aspera_slow_measurement_age_seconds",
                "Age of the cached path-MTU and bandwidth measurement.",
                ({}, result.slow_age_s),
            )
        )
    return out


def probe_metrics(result: ProbeResult, module: str) -> list[Metric]:
    """The metrics of one ``/probe`` answer."""
    report = result.report
    cached = _gauge(
        "aspera_probe_cached",
        "1 when this scrape was answered with an earlier check's result instead of a new check (per-target "
        "minimum interval, a check already running, the exporter busy, or the scrape timeout reached).",
        ({"reason": result.reason or "none"}, 1.0 if result.cached else 0.0),
    )
    if report is None:
        return [
            _gauge(
                "probe_success",
                "1 when the check found no proven problem ('ready' or 'ready but unconfirmed').",
                ({}, 0.0),
            ),
            _gauge("probe_duration_seconds", "How long the check took.", ({}, 0.0)),
            cached,
            _gauge(
                "aspera_probe_error",
                "1 when no check result could be given for this scrape; the label says why.",
                ({"reason": result.reason or "unknown"}, 1.0),
            ),
        ]
    verdict = report.assessment.verdict
    out = [
        _gauge(
            "probe_success",
            "1 when the check found no proven problem: 'ready' (proven end to end) or 'ready but unconfirmed' (a busy "
            "server stays silent on UDP 33001, for one); else 0. aspera_verdict tells which.",
            ({}, 1.0 if verdict in (Verdict.READY, Verdict.UNCONFIRMED) else 0.0),
        ),
        _gauge(
            "probe_duration_seconds",
            "How long the check that produced this result took.",
            ({}, seconds_between(report.started_utc, report.finished_utc)),
        ),
        cached,
        _gauge(
            "aspera_result_age_seconds",
            "How long ago the check that produced this result finished (0: measured for this scrape).",
            ({}, result.age_s),
        ),
        _gauge(
            "aspera_verdict",
            "The check's verdict: 1 for the verdict it had, 0 for the others.",
            *(({"verdict": v.value}, 1.0 if v is verdict else 0.0) for v in Verdict),
        ),
        _gauge(
            "aspera_check_info",
            "The check's settings: module, probe method, aspdiag version, vantage host.",
            (
                {
                    "module": module,
                    "method": report.settings.method,
                    "version": report.tool_version,
                    "vantage": report.environment.hostname,
                },
                1.0,
            ),
        ),
        _gauge("aspera_addresses", "Addresses the target's name resolved to.", ({}, float(len(report.addresses)))),
        _gauge(
            "aspera_probe_failures",
            "Probes that did not finish within their time (the result is partial when > 0).",
            ({}, float(len(report.failures))),
        ),
    ]
    ports = ports_of(report)
    if ports:
        out.append(
            _gauge(
                "aspera_port_open",
                "1 when traffic to the port crosses the whole path (TCP: handshake; UDP: the server's own "
                "port-unreachable or a reply), else 0.",
                *(
                    ({"address": p.address, "proto": p.protocol.value, "port": str(p.port)}, float(p.path_open))
                    for p in ports
                ),
            )
        )
        stops = [
            ({"address": p.address, "proto": p.protocol.value, "port": str(p.port)}, float(p.last_responding_hop.hop))
            for p in ports
            if p.state in (PortState.DROPPED, PortState.REJECTED) and p.last_responding_hop is not None
        ]
        if stops:
            out.append(
                _gauge(
                    "aspera_port_blocked_after_hop",
                    "For a port whose traffic does not cross the path: the last hop (TTL) that still answered.",
                    *stops,
                )
            )
    for protocol, name, help_text in (
        (Protocol.UDP, "aspera_udp_path_open", "1 when every tested UDP (FASP data) port crosses the path to at "),
        (Protocol.TCP, "aspera_tcp_path_open", "1 when a tested TCP (SSH control) port (one is enough) is open on at "),
    ):
        value = _any_address_open(report, protocol)
        if value is not None:
            out.append(_gauge(name, help_text + "least one of the target's addresses, else 0.", ({}, value)))
    udp = [p for p in ports_of(report) if p.protocol is Protocol.UDP]
    if udp:
        blocked = any(blocked_by_client_network(p) for p in udp)
        out.append(
            _gauge(
                "aspera_udp_path_blocked",
                "1 when a tested UDP (FASP data) port is proven blocked by a device before the server (rejected, or "
                "dropped where traffic from beyond comes back); a busy server's silence or unseen silence is 0.",
                ({}, 1.0 if blocked else 0.0),
            )
        )
    rtts = rtt_by_address(report)
    if rtts:
        out.append(
            _gauge(
                "aspera_rtt_seconds",
                "Median round-trip time per address (TCP handshakes to an open port, or the path measurement).",
                *(({"address": a}, ms / 1000) for a, ms in rtts.items()),
            )
        )
    return out + _slow_metrics(result)


def metric_names(metrics: Sequence[Metric]) -> list[str]:
    """The names, in order (for tests and docs)."""
    return [m.name for m in metrics]
