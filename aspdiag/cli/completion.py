"""Shell completion beyond option names (typer's own mechanism: ``--install-completion`` /
``--show-completion`` for bash, zsh and fish): preset names for ``check HOST``, saved reports for ``report
render|merge``, state files for ``status``, catalogues for ``catalog --verify``.

Completers run inside the shell's Tab key: they must be quick, never raise (a traceback would be typed into
the command line) and print nothing.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import typer

from aspdiag.report.files import DEFAULT_REPORTS_DIR

MAX_CANDIDATES = 200
"""A directory with thousands of reports: offer the newest ones (by name, which holds the UTC time)."""


def complete_files(incomplete: str, suffixes: Sequence[str], *, default_dir: str = "") -> list[str]:
    """Files ending in one of ``suffixes`` and directories, under what was typed so far; with nothing typed,
    also those in ``default_dir`` (reports/)."""
    if incomplete.startswith("~"):
        return []  # the shell expands ~ itself, then asks again
    folder, slash, prefix = incomplete.rpartition("/")
    shown = f"{folder}{slash}"  # what the candidates start with: exactly what was typed up to the last '/'
    places = [(Path(shown or "."), shown)]
    if not shown and default_dir:
        places.append((Path(default_dir), f"{default_dir}/"))
    found: list[str] = []
    for directory, start in places:
        try:
            with os.scandir(directory) as entries:
                for entry in entries:
                    name = entry.name
                    if not name.startswith(prefix) or (name.startswith(".") and not prefix.startswith(".")):
                        continue
                    if entry.is_dir():
                        found.append(f"{start}{name}/")
                    elif name.endswith(tuple(suffixes)):
                        found.append(f"{start}{name}")
        except OSError:
            continue  # no such directory (yet): nothing to offer there
    return sorted(set(found), reverse=True)[:MAX_CANDIDATES]


def complete_reports(incomplete: str) -> list[str]:
    """Saved JSON reports (``reports/*.json`` by default)."""
    return complete_files(incomplete, (".json",), default_dir=DEFAULT_REPORTS_DIR)


def complete_catalogs(incomplete: str) -> list[str]:
    """Catalogues written by ``aspdiag catalog`` (.tsv or .json)."""
    return complete_files(incomplete, (".tsv", ".json"), default_dir=DEFAULT_REPORTS_DIR)


def complete_presets(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Preset names (built in, the user's file and ``--presets FILE`` when already given) with their hosts."""
    from aspdiag.core.errors import AspdiagError
    from aspdiag.core.presets import load_presets

    extra = ctx.params.get("presets")
    try:
        presets = load_presets(Path(extra) if extra else None)
    except (AspdiagError, OSError):
        return []
    typed = incomplete.lower()
    return [(p.name, p.host) for p in presets.values() if p.name.startswith(typed)]
