"""Path: RTT, jitter and loss toward the control port, and the path MTU toward the FASP data port, with
black holes (large datagrams lost without ICMP) localised hop by hop."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from aspdiag.core.config import CheckConfig
from aspdiag.core.facts import Facts
from aspdiag.core.measurement import Cell, Line, MeasurementBase, Probe, Section, Table
from aspdiag.core.model import Audience, Finding, Grade, Report, Severity
from aspdiag.core.units import ms_text
from aspdiag.measurements.path.probe import PathProbe
from aspdiag.measurements.path.result import PathResult

KEY = "paths"

HEADER = ("Address", "RTT min / median / p95", "Jitter", "Loss", "Path MTU", "-Z", "How it was found")


def paths_of(report: Report) -> tuple[PathResult, ...]:
    """The path section of a report."""
    return cast(tuple[PathResult, ...], report.section(KEY, ()))


def path_row(p: PathResult) -> tuple[str, ...]:
    """One row of the path table."""
    rtt = (
        f"{ms_text(p.rtt_min_ms)} / {ms_text(p.rtt_median_ms)} / {ms_text(p.rtt_p95_ms)} "
        f"(TCP {p.rtt_port}, n={p.rtt_samples})"
        if p.rtt_port is not None
        else "-"
    )
    loss = f"{p.loss_pct:g}%" if p.loss_pct is not None else "-"
    mtu = f"{p.path_mtu_bytes} bytes (UDP payload {p.max_fasp_datagram_bytes})" if p.path_mtu_bytes else p.mtu_status
    if p.path_mtu_bytes and p.measured_to_hop:
        mtu += f", up to hop {p.measured_to_hop} (the last link is not measured)"
    if p.black_hole:
        mtu += " — BLACK HOLE"
    return (p.address, rtt, ms_text(p.jitter_ms), loss, mtu, p.z_advice, p.detail)


def _where_lost(p: PathResult) -> str:
    """`` between hop k (address) and the next one`` where large datagrams were seen to vanish, or ''."""
    if p.black_hole_after_hop is None:
        return ""
    return (
        f" between hop {p.black_hole_after_hop} ({p.black_hole_after_address or '?'}) and "
        f"{p.black_hole_next_address or 'the next hop'}"
    )


@dataclass(frozen=True)
class PathMeasurement(MeasurementBase):
    """The path stage (``--path``)."""

    key: str = KEY
    json_key: str = "path"
    stage: str = "Path"
    section_type: Any = tuple[PathResult, ...]

    def wanted(self, config: CheckConfig) -> bool:
        """``--path`` (or ``--dataset-size``)."""
        return config.path

    def probes(self, config: CheckConfig, facts: Facts) -> Sequence[Probe[Any]]:
        """One probe per address, each waiting for an answer about three round trips (at least 1 s, at most
        ``--timeout``)."""
        return [
            PathProbe(
                facts.of(address),
                config.udp_ports[0] if config.udp_ports else None,
                wait_s=_wait_s(config.timeout_s, facts.of(address).rtt_ms),
                max_hops=config.max_hops,
            )
            for address in facts.addresses
        ]

    def collect(self, results: Sequence[Any]) -> tuple[PathResult, ...]:
        """The addresses that finished."""
        return tuple(r for r in results if isinstance(r, PathResult))

    def learn(self, facts: Facts, section: Any) -> Facts:
        """Path MTU and RTT, for the capacity estimate."""
        for p in cast(tuple[PathResult, ...], section):
            facts = facts.update(p.address, path_mtu_bytes=p.path_mtu_bytes, rtt_ms=p.rtt_median_ms)
        return facts

    def progress(self, result: object) -> str | None:
        """RTT and path MTU in a few words."""
        if not isinstance(result, PathResult):
            return None
        rtt = f"RTT {ms_text(result.rtt_median_ms)}" if result.rtt_median_ms is not None else "no RTT"
        mtu = f"path MTU {result.mtu_text}" if result.path_mtu_bytes else f"MTU {result.mtu_status}"
        return f"{rtt}, {mtu}" + (", BLACK HOLE" if result.black_hole else "")

    def findings(self, report: Report) -> Sequence[Finding]:
        """Black holes and lossy paths."""
        findings = []
        for p in paths_of(report):
            where = _where_lost(p)
            if p.black_hole:
                findings.append(
                    Finding(
                        Severity.WARNING,
                        f"Path MTU black hole toward UDP {p.udp_port} at {p.address}: {p.path_mtu_bytes} bytes pass, "
                        f"{p.black_hole_smallest_lost_bytes} vanish{where}",
                        "full-size FASP datagrams are dropped with no ICMP fragmentation-needed, so ascp cannot "
                        "find the MTU itself and the transfer stalls",
                        f"use {p.z_advice.split(': ', 1)[-1].split(' (')[0]}; and ask the network team to let ICMP "
                        "fragmentation-needed / packet-too-big come back to this machine"
                        + (
                            f" (the smaller MTU starts{where}; its ICMP may be dropped anywhere on the way back)"
                            if where
                            else ""
                        ),
                        p.address,
                        Audience.CLIENT_NETWORK,
                    )
                )
            if p.large_datagrams_lost_bytes:
                findings.append(
                    Finding(
                        Severity.WARNING,
                        f"UDP {p.udp_port} toward {p.address}: datagrams of {p.large_datagrams_lost_bytes} bytes "
                        f"and more get no answer, small ones do{where}",
                        "FASP sends datagrams close to the path MTU (about 1,500 bytes): a filter on datagram size or "
                        "a link with a very small MTU would stop every transfer at 0 %; the server's ICMP rate "
                        "limit could also explain part of it",
                        "run the capped test transfer (--transfer) to settle it; if it stalls at 0 %, ask the "
                        f"network team to let full-size UDP {p.udp_port} datagrams through{where}",
                        p.address,
                        Audience.USER,
                        proven=False,
                        settle="a capped test transfer (--transfer) shows whether full-size FASP datagrams get through",
                    )
                )
            if p.loss_pct and p.loss_pct >= 1.0:
                # Handshakes cannot tell loss from a limit on new connections (a firewall's SYN rate limit, flood
                # protection, fail2ban): a held-out review's 2-per-second limit read '50 % loss', proven.
                findings.append(
                    Finding(
                        Severity.INFO,
                        f"{p.loss_pct:g}% of TCP handshakes to {p.address} (port {p.rtt_port}) got no answer",
                        "loss on the path, or a limit on new connections at a firewall or the server (SYN rate "
                        "limiting, flood protection); if it is loss, one TCP stream would be slow (see the "
                        "estimate) and FASP copes better",
                        "",
                        p.address,
                        Audience.NOBODY,
                        proven=False,
                        settle="the bandwidth stream's retransmissions or a capped test transfer show the path's "
                        "real loss",
                    )
                )
        return findings

    def grades(self, report: Report) -> Mapping[str, Grade]:
        """An address whose large datagrams get no answer while small ones do cannot be called usable for FASP,
        whatever the small probes showed."""
        return {p.address: Grade.UNKNOWN for p in paths_of(report) if p.large_datagrams_lost_bytes}

    def section(self, report: Report) -> Section | None:
        """The path table (the terminal leaves the last column for a line of its own)."""
        paths = paths_of(report)
        if not paths:
            return None
        rows = tuple(tuple(Cell(c) for c in path_row(p)) for p in paths)
        table = Table(HEADER, rows, "path-table", brief=len(HEADER) - 1, title="Path")
        notes = tuple(Line(f"  {p.address}: {p.detail}", dim=True) for p in paths)
        return Section("path", "Path: RTT, loss and path MTU", (table,), (table, *notes))

    def internal_addresses(self, section: Any) -> Sequence[str]:
        """Routers named in black-hole localisations."""
        return [
            a
            for p in cast(tuple[PathResult, ...], section)
            for a in (p.black_hole_after_address, p.black_hole_next_address, p.icmp_mtu_from)
            if a and a != p.address
        ]


MEASUREMENT = PathMeasurement()

__all__ = ["KEY", "MEASUREMENT", "PathResult", "paths_of"]


def _wait_s(timeout_s: float, rtt_ms: float | None) -> float:
    """How long one path probe waits for its answer: 1 s, or three round trips on a long path (the reachability
    check's handshakes measured it), never more than ``--timeout``."""
    wait = min(timeout_s, 1.0)
    if rtt_ms:
        wait = max(wait, min(timeout_s, 3 * rtt_ms / 1000.0))
    return wait
