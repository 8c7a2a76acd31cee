"""Responder: with ``aspdiag responder`` running beside the server, definitive two-way UDP and TCP answers
on its port and capped UDP throughput in both directions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from aspdiag.core.config import CheckConfig
from aspdiag.core.facts import Facts
from aspdiag.core.measurement import Cell, MeasurementBase, Probe, Section, Table
from aspdiag.core.model import Audience, Finding, Report, Severity
from aspdiag.core.units import ms_text, rate_text
from aspdiag.measurements.responder.probe import ResponderProbe
from aspdiag.measurements.responder.result import ResponderResult

KEY = "responders"

HEADER = ("Address", "Port", "UDP two-way", "TCP two-way", "Up (client → server)", "Down", "Notes")


def responders_of(report: Report) -> tuple[ResponderResult, ...]:
    """The responder section of a report."""
    return cast(tuple[ResponderResult, ...], report.section(KEY, ()))


def _yes_no(value: bool | None, rtt_ms: float | None) -> str:
    if value is None:
        return "not tested"
    return f"yes ({ms_text(rtt_ms)})" if value else "NO"


def _direction(rate: float | None, loss: float | None, jitter: float | None, reordered: int | None) -> str:
    if rate is None:
        return "-"
    parts = [rate_text(rate)]
    if loss is not None:
        parts.append(f"loss {loss:g}%")
    if jitter is not None:
        parts.append(f"jitter {ms_text(jitter)}")
    if reordered:
        parts.append(f"{reordered} reordered")
    return ", ".join(parts)


def responder_row(r: ResponderResult) -> tuple[str, ...]:
    """One row of the responder table."""
    up = _direction(r.up_rate_mbps, r.up_loss_pct, r.up_jitter_ms, r.up_reordered_packets)
    down = _direction(r.down_rate_mbps, r.down_loss_pct, r.down_jitter_ms, r.down_reordered_packets)
    notes = f"{r.status}; test rate granted {r.rate_cap_mbps:g} Mbit/s" + (f"; {r.detail}" if r.detail else "")
    return (
        r.address,
        str(r.port),
        _yes_no(r.udp_two_way, r.udp_rtt_ms),
        _yes_no(r.tcp_two_way, r.tcp_rtt_ms),
        up,
        down,
        notes,
    )


@dataclass(frozen=True)
class ResponderMeasurement(MeasurementBase):
    """The responder stage (``--responder``)."""

    key: str = KEY
    json_key: str = "responder"
    stage: str = "Responder"
    section_type: Any = tuple[ResponderResult, ...]
    max_parallel: int = 1
    """One address at a time, like the capacity trains: the tests would share the path."""

    def wanted(self, config: CheckConfig) -> bool:
        """``--responder``."""
        return config.responder_port is not None

    def probes(self, config: CheckConfig, facts: Facts) -> Sequence[Probe[Any]]:
        """One probe per address."""
        assert config.responder_port is not None
        return [
            ResponderProbe(
                address,
                config.responder_port,
                config.max_rate_mbps,
                config.responder_duration_s,
                secret=config.responder_key,
            )
            for address in facts.addresses
        ]

    def collect(self, results: Sequence[Any]) -> tuple[ResponderResult, ...]:
        """The addresses that finished."""
        return tuple(r for r in results if isinstance(r, ResponderResult))

    def progress(self, result: object) -> str | None:
        """Two-way answers and the rates, in a few words."""
        if not isinstance(result, ResponderResult):
            return None
        row = responder_row(result)
        return f"{result.status}; UDP {row[2]}, TCP {row[3]}; up {row[4]}; down {row[5]}"

    def findings(self, report: Report) -> Sequence[Finding]:
        """Definitive answers: one direction blocked, loss in a test, NAT on the way."""
        findings = []
        for r in responders_of(report):
            if r.behind_nat:
                findings.append(
                    Finding(
                        Severity.INFO,
                        f"NAT between here and {r.address}: the server sees this client as {r.seen_source_address}",
                        f"this machine sends from {r.local_source_address}; the responder saw "
                        f"{r.seen_source_address}. A perimeter rule beyond the translation must name "
                        f"{r.seen_source_address} (or the NAT pool)",
                        "give the network team both addresses (the change request names them)",
                        r.address,
                        Audience.CLIENT_NETWORK,
                    )
                )
            if r.status == "no-answer":
                findings.append(
                    Finding(
                        Severity.WARNING,
                        f"The responder at {r.address} port {r.port} did not answer",
                        r.detail or "no answer on UDP or TCP",
                        "check that 'aspdiag responder' runs there with the same key and that the clocks agree "
                        "within 2 minutes; then check the firewall for that port",
                        r.address,
                    )
                )
            elif r.udp_two_way is False and r.tcp_two_way:
                findings.append(
                    Finding(
                        Severity.BLOCKER,
                        f"UDP {r.port} is blocked between here and {r.address}; TCP {r.port} gets through",
                        "the responder answered over TCP but not over UDP: a firewall on the path drops the FASP "
                        "data channel (tested with both ends under our control, so this is definitive)",
                        f"ask the network team to allow UDP {r.port} to {r.address} (see the change request)",
                        r.address,
                        Audience.CLIENT_NETWORK,
                    )
                )
            for direction, loss in (("up", r.up_loss_pct), ("down", r.down_loss_pct)):
                if loss is not None and loss >= 1.0:
                    findings.append(
                        Finding(
                            Severity.INFO,
                            f"{loss:g}% UDP loss {direction} at {r.rate_cap_mbps:g} Mbit/s with {r.address}",
                            "the path drops UDP at this rate: FASP will slow down to what gets through",
                            "try a lower ascp -l, or ask what limits UDP on the path",
                            r.address,
                            Audience.CLIENT_NETWORK,
                        )
                    )
        return findings

    def section(self, report: Report) -> Section | None:
        """The responder table."""
        found = responders_of(report)
        if not found:
            return None
        rows = tuple(tuple(Cell(c) for c in responder_row(r)) for r in found)
        table = Table(HEADER, rows, "responder-table", title="Responder")
        return Section("responder", "Responder tests (aspdiag responder)", (table,), (table,))


MEASUREMENT = ResponderMeasurement()

__all__ = ["KEY", "MEASUREMENT", "ResponderResult", "responders_of"]
