"""Small informational commands: ``aspdiag ascp`` (installations), ``aspdiag presets``, ``aspdiag schema``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from aspdiag.compose import find_ascp
from aspdiag.core.exit_codes import ExitCode
from aspdiag.core.presets import load_presets


def ascp_command(
    ascp: Annotated[Path | None, typer.Option("--ascp", metavar="PATH", help="Look at this ascp first.")] = None,
) -> None:
    """List every ascp installation found, with version, licence and warnings; say which one is used."""
    installations = find_ascp(str(ascp) if ascp is not None else None)
    if not installations:
        typer.echo("no ascp found (looked at --ascp, ASPDIAG_ASCP, PATH and the known install locations)")
        raise typer.Exit(int(ExitCode.FINDINGS))
    for index, inst in enumerate(installations):
        v = inst.version
        mark = "used" if index == 0 else "    "
        typer.echo(f"{mark}  {inst.path}  ({inst.origin})")
        if v is not None:
            typer.echo(
                f"      product: {v.product or '-'} {v.product_version or ''}"
                f"{f' (build {v.build})' if v.build else ''}; ascp {v.ascp_version or '?'}"
                f"{f' {v.git_hash}' if v.git_hash else ''}; OS {v.operating_system or '?'}"
            )
            typer.echo(f"      licence max rate: {v.license_max_rate or '?'}; FIPS: {v.fips}; AES-NI: {v.aes_ni}")
        if inst.version_error:
            typer.echo(f"      {inst.version_error}")
        typer.echo(f"      key files: {', '.join(inst.key_files) or 'none found next to it'}")
        for warning in inst.warnings:
            typer.echo(f"      warning: {warning}")


def schema_command() -> None:
    """Print the JSON Schema of the JSON report (schema_version included)."""
    from aspdiag.report.codec import report_schema

    typer.echo(json.dumps(report_schema(), indent=2))


def list_presets(
    presets: Annotated[
        Path | None, typer.Option("--presets", metavar="FILE", dir_okay=False, help="Extra preset file (TOML).")
    ] = None,
) -> None:
    """List the presets 'aspdiag check NAME' understands (built in, ~/.config/aspdiag/presets.toml, --presets)."""
    for preset in load_presets(presets).values():
        ports = ", ".join([f"TCP {p}" for p in preset.ssh_ports] + [f"UDP {p}" for p in preset.udp_ports])
        typer.echo(f"{preset.name:10} {preset.host} (user {preset.user or '-'}; {ports}) {preset.description}")
