"""Small informational commands: ``aspdiag ascp`` (installations), ``aspdiag presets``, ``aspdiag schema``."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from aspdiag.cli.output import ForceOption, FormatOption, NoColorOption, OutputOption, QuietOption, destination
from aspdiag.core.exit_codes import ExitCode
from aspdiag.core.presets import load_presets

LOOKED_AT = "--ascp, ASPDIAG_ASCP, PATH and the known install locations"


def ascp_command(
    ascp: Annotated[Path | None, typer.Option("--ascp", metavar="PATH", help="Look at this ascp first.")] = None,
    output_format: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    quiet: QuietOption = False,
    no_color: NoColorOption = False,
) -> None:
    """List every ascp installation found, with version, licence and warnings; say which one is used.

    The first one listed is the one 'aspdiag check --transfer' and 'aspdiag run -- ascp ...' use.
    """
    from aspdiag.compose import find_ascp
    from aspdiag.render.document import render_document
    from aspdiag.render.views import ascp_document

    dest = destination(output_format, output, force=force, quiet=quiet, no_color=no_color, command="ascp")
    installations = find_ascp(str(ascp) if ascp is not None else None)
    named = os.environ.get("ASPDIAG_ASCP")
    if named and not any(i.path == named for i in installations):
        # Like --ascp, a path named by hand that is not used deserves a word (it was silently skipped).
        typer.echo(f"aspdiag: warning: ASPDIAG_ASCP={named!r} is not an executable ascp; it was skipped", err=True)
    doc = ascp_document(installations, LOOKED_AT)
    dest.write(render_document(doc, dest.format, color=dest.color, width=dest.width))
    # A program that does not print ascp's version with -A (a review gave --ascp /bin/true: exit 0) is listed
    # with why, but is no working ascp.
    working = any(i.version is not None and not i.version_error for i in installations)
    raise typer.Exit(int(ExitCode.READY if working else ExitCode.FINDINGS))


def complete_kind(incomplete: str) -> list[str]:
    """Shell completion of ``aspdiag schema KIND``."""
    from aspdiag.report.schemas import SCHEMAS

    return [kind for kind in SCHEMAS if kind.startswith(incomplete)]


def schema_command(
    kind: Annotated[
        str | None,
        typer.Argument(
            metavar="[KIND]",
            help="Which JSON document: report, explain, catalog, ... (none: list the kinds).",
            autocompletion=complete_kind,
            show_default=False,
        ),
    ] = None,
    output_format: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    quiet: QuietOption = False,
    no_color: NoColorOption = False,
) -> None:
    """Print the JSON Schema of one kind of JSON document aspdiag writes ('aspdiag schema report' for the
    check report), or list the kinds.

    A JSON Schema is JSON: the terminal format prints it as JSON too.
    """
    from aspdiag.render import OutputFormat
    from aspdiag.render.document import json_text, render_document
    from aspdiag.render.views import schema_document, schema_list_document
    from aspdiag.report.schemas import SCHEMAS, schema_for

    dest = destination(output_format, output, force=force, quiet=quiet, no_color=no_color, command="schema")
    if kind is None:
        doc = schema_list_document({name: about for name, (about, _) in SCHEMAS.items()})
        dest.write(render_document(doc, dest.format, color=dest.color, width=dest.width))
        return
    schema = schema_for(kind)
    if dest.format is OutputFormat.TERMINAL:
        dest.write(json_text(schema))  # a schema is read (and copied) as JSON
        return
    dest.write(render_document(schema_document(kind, schema), dest.format))


def list_presets(
    presets: Annotated[
        Path | None, typer.Option("--presets", metavar="FILE", dir_okay=False, help="Extra preset file (TOML).")
    ] = None,
    output_format: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    quiet: QuietOption = False,
    no_color: NoColorOption = False,
) -> None:
    """List the presets 'aspdiag check NAME' understands (built in, ~/.config/aspdiag/presets.toml, --presets)."""
    from aspdiag.render.document import render_document
    from aspdiag.render.views import presets_document

    dest = destination(output_format, output, force=force, quiet=quiet, no_color=no_color, command="presets")
    doc = presets_document(load_presets(presets))
    dest.write(render_document(doc, dest.format, color=dest.color, width=dest.width))
