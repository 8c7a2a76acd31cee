"""Where reports go: names in reports/, exclusive creation, never overwriting a file we did not create."""

from __future__ import annotations

import os
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from aspdiag.errors import OutputError

DEFAULT_REPORTS_DIR = "reports"


def report_stem(host: str, when: datetime | None = None) -> str:
    """``<host>-<UTC timestamp>``, safe as a file name (IPv6 colons become '-')."""
    moment = (when or datetime.now(UTC)).astimezone(UTC)
    safe_host = re.sub(r"[^A-Za-z0-9._-]", "-", host).strip(".-") or "target"
    return f"{safe_host}-{moment.strftime('%Y%m%dT%H%M%SZ')}"


def open_output(path: Path, *, force: bool) -> IO[str]:
    """Open ``--output`` for writing before any probe runs, so a bad path fails fast (exit 2).

    An existing file is never overwritten unless ``force`` is given.
    """
    if path.is_dir():
        raise OutputError(f"--output {str(path)!r} is a directory", "give a file name, e.g. --output report.json")
    if not path.parent.exists():
        raise OutputError(
            f"--output directory {str(path.parent)!r} does not exist",
            "create it first or pick another path",
        )
    try:
        return open(path, "w" if force else "x", encoding="utf-8")
    except FileExistsError:
        raise OutputError(
            f"--output {str(path)!r} already exists; aspdiag does not overwrite files",
            "pick a new name, or add --force to replace it",
        ) from None
    except OSError as exc:
        raise OutputError(f"cannot write --output {str(path)!r}: {exc.strerror or exc}") from None


def prepare_reports_dir(directory: Path) -> Path:
    """Create the reports directory if needed and check it is writable."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(
            f"cannot create the reports directory {str(directory)!r}: {exc.strerror or exc}",
            "use --reports-dir DIR, or --no-reports",
        ) from None
    if not directory.is_dir() or not os.access(directory, os.W_OK | os.X_OK):
        raise OutputError(
            f"the reports directory {str(directory)!r} is not writable",
            "use --reports-dir DIR, or --no-reports",
        )
    return directory


def write_new(directory: Path, stem: str, suffix: str, text: str) -> Path:
    """Write ``text`` to a new file ``stem+suffix`` in ``directory`` (``stem-2`` etc. when taken)."""
    for attempt in range(1, 100):
        name = f"{stem}{suffix}" if attempt == 1 else f"{stem}-{attempt}{suffix}"
        path = directory / name
        try:
            with open(path, "x", encoding="utf-8") as fh:
                fh.write(text)
        except FileExistsError:
            continue
        return path
    raise OutputError(f"too many reports named {stem}* in {str(directory)!r}", "clean up the reports directory")
