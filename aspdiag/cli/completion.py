"""Shell completion beyond option names (typer's own mechanism: ``--install-completion`` /
``--show-completion`` for bash, zsh and fish): preset names for ``check HOST``, saved reports for ``report
render|merge``, state files for ``status``, catalogues for ``catalog --verify``.

Completers run inside the shell's Tab key: they must be quick, never raise (a traceback would be typed into
the command line) and print nothing.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from pathlib import Path

import typer

from aspdiag.report.files import DEFAULT_REPORTS_DIR

SHELLS = ("bash", "zsh", "fish", "powershell", "pwsh")
"""The shells typer writes completion scripts for."""
COMPLETION_FLAGS = ("--show-completion", "--install-completion")

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


NOT_CHECK_REPORTS = (".state.json",)
"""JSON files aspdiag writes beside its check reports that ``report render|merge`` does not read."""
OTHER_REPORTS = re.compile(r"^(explain|catalog-.+)-\d{8}T\d{6}Z(-\d+)?\.json$")
"""The names of explain reports and catalogues (``report_stem('explain')``, ``report_stem('catalog-DIR')``)."""


def complete_reports(incomplete: str) -> list[str]:
    """Saved check reports (``reports/*.json`` by default), without the run states, catalogues and explain
    reports that share the directory."""
    found = complete_files(incomplete, (".json",), default_dir=DEFAULT_REPORTS_DIR)
    return [
        f
        for f in found
        if f.endswith("/") or not (f.endswith(NOT_CHECK_REPORTS) or OTHER_REPORTS.match(f.rpartition("/")[2]))
    ]


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


def named_shell(args: Sequence[str]) -> tuple[str, str] | None:
    """``(flag, shell)`` for ``aspdiag --show-completion zsh`` / ``--install-completion fish``.

    typer's flags detect the shell the command runs in and ignore a name after them, so ``--show-completion
    zsh`` typed in bash printed the bash script and ``--install-completion fish`` wrote into ~/.bashrc. A name
    given is the user's choice; ConfigError for a shell typer has no script for."""
    from aspdiag.core.errors import ConfigError

    if len(args) < 2 or args[0] not in COMPLETION_FLAGS or args[1].startswith("-"):
        return None
    if args[1] not in SHELLS:
        raise ConfigError(f"{args[0]} {args[1]!r}: no completion for that shell", f"one of {', '.join(SHELLS)}")
    return args[0], args[1]


def completion_for(flag: str, shell: str, prog_name: str = "aspdiag") -> str:
    """Print the script (``--show-completion``) or install it (``--install-completion``) for ``shell``, with
    typer's own scripts and install locations; returns what to print."""
    # typer.completion's own flags call these two; they are not re-exported under a public name.
    from typer._completion_shared import get_completion_script, install

    complete_var = f"_{prog_name.upper()}_COMPLETE"
    if flag == "--show-completion":
        return get_completion_script(prog_name=prog_name, complete_var=complete_var, shell=shell)
    installed, path = install(shell=shell, prog_name=prog_name, complete_var=complete_var)
    return f"{installed} completion installed in {path}\nCompletion will take effect once you restart the terminal"
