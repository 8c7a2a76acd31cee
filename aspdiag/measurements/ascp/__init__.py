"""ascp: the installations found on this machine (the first one is used), their versions, licences and
known problems, and whether the key file a public service needs is there."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from aspdiag.core.config import CheckConfig
from aspdiag.core.facts import Facts
from aspdiag.core.measurement import Cell, MeasurementBase, Probe, Section, Table
from aspdiag.core.model import Audience, Finding, Report, Severity
from aspdiag.fasp.find import CONNECT4_KEY_NOTE, AscpInstallation

KEY = "ascp"

HEADER = ("Used", "Path", "Found via", "Product", "ascp", "Licence max rate", "Key files", "Warnings")


def installations_of(report: Report) -> tuple[AscpInstallation, ...]:
    """The ascp installations of a report (empty: not looked for)."""
    return cast(tuple[AscpInstallation, ...], report.section(KEY, ()))


def _row(inst: AscpInstallation) -> tuple[Cell, ...]:
    v = inst.version
    return tuple(
        Cell(text)
        for text in (
            "yes" if inst.used else "",
            inst.path,
            inst.origin,
            f"{v.product or '-'} {v.product_version or ''}" if v else "-",
            (v.ascp_version or "-") if v else inst.version_error,
            (v.license_max_rate or "-") if v else "-",
            ", ".join(inst.key_files) or "-",
            "; ".join(inst.warnings) or "-",
        )
    )


def warning_finding(path: str, warning: str) -> Finding:
    """One finding per known problem: the warning's first clause as the title, the rest as the detail (never
    the same words twice)."""
    title, _, rest = warning.partition(": ")
    return Finding(Severity.WARNING, f"ascp at {path}: {title}", rest, audience=Audience.USER)


@dataclass(frozen=True)
class AscpMeasurement(MeasurementBase):
    """The ascp installations found before the run (no probe of its own)."""

    key: str = KEY
    json_key: str = "ascp"
    json_wrap: str = "installations"
    stage: str = "ascp"
    section_type: Any = tuple[AscpInstallation, ...]

    def wanted(self, config: CheckConfig) -> bool:
        """When installations were looked for."""
        return config.ascp_searched or bool(config.ascp_installations)

    def probes(self, config: CheckConfig, facts: Facts) -> Sequence[Probe[Any]]:
        """None: discovery ran before the check (a transfer cannot start without ascp)."""
        return ()

    def collect(self, results: Sequence[Any]) -> tuple[AscpInstallation, ...]:
        """Nothing to collect."""
        return ()

    def derive(self, config: CheckConfig, sections: Mapping[str, Any]) -> tuple[AscpInstallation, ...]:
        """The installations discovery found."""
        return tuple(i for i in config.ascp_installations if isinstance(i, AscpInstallation))

    def findings(self, report: Report) -> Sequence[Finding]:
        """Known-bad versions, and a missing public-download key."""
        found = installations_of(report)
        if not found:
            return ()
        used = next((i for i in found if i.used), found[0])
        # Moot when the login brings its own credentials (a password, a token, or a key file the user gave).
        own = report.settings.login in ("password", "token", "key")
        findings = [warning_finding(used.path, w) for w in used.warnings if not (own and w == CONNECT4_KEY_NOTE)]
        wanted = report.settings.preset_key_files
        have = {path.rsplit("/", 1)[-1] for path in used.key_files}
        if wanted and not have & set(wanted):
            findings.append(
                Finding(
                    Severity.WARNING,
                    f"No public-download key file next to {used.path}",
                    f"{report.settings.preset} downloads need one of: {', '.join(wanted)}",
                    "get the key file the data provider documents and pass it with --key (ascp -i)",
                )
            )
        return findings

    def section(self, report: Report) -> Section | None:
        """One row per installation."""
        found = installations_of(report)
        if not found:
            return None
        return Section("ascp", "ascp installations", (Table(HEADER, tuple(_row(i) for i in found), "ascp-table"),))


MEASUREMENT = AscpMeasurement()

__all__ = ["KEY", "MEASUREMENT", "AscpInstallation", "installations_of"]
