"""Test transfer: one capped ascp run (download of a known file or upload of generated data) that shows
whether a real transfer starts, authenticates and moves data, and explains a failure with the port evidence."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from aspdiag.core.config import CheckConfig
from aspdiag.core.facts import Facts
from aspdiag.core.measurement import FactList, Line, MeasurementBase, Probe, Section
from aspdiag.core.model import Assessment, Audience, Finding, Report, Severity, Verdict
from aspdiag.fasp.errors import channel
from aspdiag.measurements.transfer.probe import TransferProbe
from aspdiag.measurements.transfer.run import TransferOutcome, TransferResult

KEY = "transfer"


def transfer_of(report: Report) -> TransferResult | None:
    """The test transfer of a report, if one ran."""
    return cast(TransferResult | None, report.section(KEY))


def _finding(report: Report) -> Finding | None:
    transfer = transfer_of(report)
    if transfer is None:
        return None
    why = transfer.diagnosis
    if transfer.outcome is TransferOutcome.SUCCESS:
        return Finding(Severity.INFO, "The capped test transfer succeeded", why)
    if transfer.outcome is TransferOutcome.TIMED_OUT and transfer.bytes > 0 and not transfer.error_message:
        # Data moved: SSH and FASP's UDP both work; only the rate fell short of the target.
        return Finding(
            Severity.WARNING,
            "The test transfer moved data, but slower than its target rate",
            why,
            "compare with the bandwidth figure; a shaper or a busy path slows FASP, which adapts its rate",
            audience=Audience.USER,
        )
    code = f" (FASP error {transfer.error_code}: {transfer.error_meaning})" if transfer.error_code is not None else ""
    title = (
        f"The test transfer failed{code}"
        if transfer.outcome is not TransferOutcome.TIMED_OUT
        else "The test transfer was stopped at its time cap"
    )
    detail = why + (f". ascp said: {transfer.error_message}" if transfer.error_message else "")
    network = channel(transfer.error_code) in ("ssh", "udp", "session", "stall")
    audience = (
        Audience.CLIENT_NETWORK if network and "blocked" in why or "does not get through" in why else Audience.USER
    )
    return Finding(Severity.BLOCKER, title, detail, transfer.check, audience=audience)


@dataclass(frozen=True)
class TransferMeasurement(MeasurementBase):
    """The test-transfer stage (``--transfer``)."""

    key: str = KEY
    json_key: str = "transfer"
    stage: str = "Test transfer"
    section_type: Any = TransferResult | None
    empty: Any = None

    def wanted(self, config: CheckConfig) -> bool:
        """When the user asked for a test transfer."""
        return config.transfer is not None

    def probes(self, config: CheckConfig, facts: Facts) -> Sequence[Probe[Any]]:
        """One transfer, to the host name (ascp resolves it itself)."""
        if config.transfer is None or not facts.addresses:
            return []
        return [TransferProbe(config.transfer, config.target.host, facts.ports, config.udp_ports, config.tcp_ports)]

    def collect(self, results: Sequence[Any]) -> TransferResult | None:
        """The one transfer's result."""
        return cast(TransferResult | None, results[0] if results else None)

    def progress(self, result: object) -> str | None:
        """Outcome, bytes and rate."""
        if not isinstance(result, TransferResult):
            return None
        rate = f" at {result.rate_mbps:.1f} Mbit/s" if result.rate_mbps else ""
        return f"{result.outcome.value}: {result.bytes:,} bytes in {result.duration_s:g} s{rate}"

    def findings(self, report: Report) -> Sequence[Finding]:
        """Whether the transfer worked, and why not."""
        finding = _finding(report)
        return (finding,) if finding is not None else ()

    def amend(self, report: Report, assessment: Assessment) -> Assessment:
        """The test transfer is what the user will live through: a failure overrides paths that look fine, and
        data moved at the target rate settles what the probes could not prove."""
        finding = _finding(report)
        if finding is None:
            return assessment
        if finding.severity is not Severity.BLOCKER:
            if assessment.verdict in (Verdict.UNCONFIRMED, Verdict.CANNOT_TELL) and not any(
                f.severity is Severity.BLOCKER and f.proven for f in assessment.findings
            ):
                return Assessment(
                    Verdict.READY,
                    f"The capped test transfer to {report.target.display} moved data ({finding.detail}): SSH "
                    "control and FASP data work, whatever the probes could not see.",
                    "start the transfer; keep this report with the job",
                    assessment.findings,
                )
            return assessment
        if assessment.verdict is Verdict.BLOCKED:
            return assessment
        return Assessment(
            Verdict.BLOCKED,
            f"The paths look {assessment.verdict.value}, but the test transfer to {report.target.display} failed: "
            f"{finding.detail}",
            finding.action or "fix what the transfer finding says, then run the check again",
            assessment.findings,
        )

    def section(self, report: Report) -> Section | None:
        """Outcome, bytes, rate, error and diagnosis; one line on a terminal."""
        t = transfer_of(report)
        if t is None:
            return None
        rows = (
            ("Outcome", t.outcome.value),
            ("Direction", t.direction.value),
            ("Bytes", f"{t.bytes:,}"),
            ("Duration", f"{t.duration_s:g} s (cap {t.time_limit_s:g} s)"),
            ("Rate", f"{t.rate_mbps:.2f} Mbit/s (target {t.target_rate_mbps:g})" if t.rate_mbps else "-"),
            ("Exit status", str(t.exit_status)),
            ("FASP error", f"{t.error_code} {t.error_meaning}" if t.error_code is not None else "-"),
            ("ascp said", t.error_message or "-"),
            ("Diagnosis", t.diagnosis),
            ("Command", t.command),
        )
        summary = f"{t.outcome.value}; {t.bytes:,} bytes in {t.duration_s:g} s"
        if t.rate_mbps:
            summary += f" at {t.rate_mbps:.2f} Mbit/s (target {t.target_rate_mbps:g})"
        if t.error_message:
            summary += f"; ascp: {t.error_message}"
        return Section(
            "transfer",
            "Test transfer",
            (FactList(rows, "transfer-table"),),
            (Line(summary, bold_prefix="Test transfer: "),),
        )


MEASUREMENT = TransferMeasurement()

__all__ = ["KEY", "MEASUREMENT", "TransferOutcome", "TransferResult", "transfer_of"]
