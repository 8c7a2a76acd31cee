"""Where reports go: names in reports/, exclusive creation, never overwriting a file we did not create."""

from __future__ import annotations

import os
import re
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from aspdiag.core.errors import OutputError

DEFAULT_REPORTS_DIR = "reports"


def report_stem(host: str, when: datetime | None = None) -> str:
    """``<host>-<UTC timestamp>``, safe as a file name (IPv6 colons become '-')."""
    moment = (when or datetime.now(UTC)).astimezone(UTC)
    cleaned = re.sub(r"[^A-Za-z0-9._-]", "-", host)
    # '::1' read '1-<time>.json' (a CLI review): keep the address recognisable, never starting with '-'.
    safe_host = "ipv6-" + cleaned.strip(".") if host.startswith(":") else cleaned.strip(".-") or "target"
    return f"{safe_host}-{moment.strftime('%Y%m%dT%H%M%SZ')}"


def check_output(path: Path, *, force: bool) -> None:
    """Before any probe runs, make sure ``--output`` can be written, so a bad path fails fast (exit 2).

    Nothing is created or truncated here: an existing file is only ever replaced at the very end, in one
    atomic rename, and only with ``force``; special files and symbolic links are never replaced.
    """
    shown = str(path)
    if path.is_dir():
        raise OutputError(f"--output {shown!r} is a directory", "give a file name, e.g. --output report.json")
    parent = path.parent
    if parent.exists() and not parent.is_dir():
        raise OutputError(f"--output {shown!r}: {str(parent)!r} is not a directory", "pick another path")
    if not parent.is_dir():
        raise OutputError(f"--output directory {str(parent)!r} does not exist", "create it first or pick another path")
    if path.is_symlink():
        raise OutputError(f"--output {shown!r} is a symbolic link; aspdiag does not replace links", "give a new name")
    if path.exists():
        if not force:
            raise OutputError(
                f"--output {shown!r} already exists; aspdiag does not overwrite files",
                "pick a new name, or add --force to replace it",
            )
        if not path.is_file():
            raise OutputError(
                f"--output {shown!r} is not a regular file; aspdiag will not replace it", "give a new name"
            )
    try:
        # A real write test (os.access says yes to root even on /proc): create and remove our own probe file.
        fd, probe = tempfile.mkstemp(dir=parent, prefix=".aspdiag-write-test-")
        os.close(fd)
        os.unlink(probe)
    except OSError as exc:
        raise OutputError(f"cannot write --output {shown!r}: {exc.strerror or exc}") from None


def write_output(path: Path, text: str, *, force: bool) -> None:
    """Write ``--output``: a new file, or with ``force`` an atomic replacement of a regular file."""
    try:
        if not force:
            with open(path, "x", encoding="utf-8") as fh:
                fh.write(text)
            return
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)  # our own temporary file
            raise
    except FileExistsError:
        raise OutputError(f"--output {str(path)!r} appeared while aspdiag ran; not overwriting it") from None
    except OSError as exc:
        raise OutputError(f"cannot write --output {str(path)!r}: {exc.strerror or exc}") from None


def prepare_reports_dir(directory: Path, *, hint: str = "use --reports-dir DIR, or --no-reports") -> Path:
    """Create the reports directory if needed and check it is writable. ``hint`` names only options the
    calling command accepts (a hint the command then rejects is worse than none)."""
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(
            f"cannot create the reports directory {str(directory)!r}: {exc.strerror or exc}", hint
        ) from None
    if not directory.is_dir() or not os.access(directory, os.W_OK | os.X_OK):
        raise OutputError(f"the reports directory {str(directory)!r} is not writable", hint)
    return directory


def write_report_set(directory: Path, stem: str, texts: dict[str, str]) -> list[Path]:
    """Write one report per suffix under one shared, new name (``stem``, else ``stem-2``, ...).

    Files are created exclusively; if any name of a set is taken, the files this call just created are
    removed again and the next name is tried, so a set always shares its name and nothing is overwritten.
    """
    for attempt in range(1, 100):
        name = stem if attempt == 1 else f"{stem}-{attempt}"
        created: list[Path] = []
        try:
            for suffix, text in texts.items():
                path = directory / f"{name}{suffix}"
                with open(path, "x", encoding="utf-8") as fh:
                    created.append(path)
                    fh.write(text)
        except FileExistsError:
            for path in created:
                path.unlink(missing_ok=True)
            continue
        except OSError as exc:
            raise OutputError(
                f"cannot write reports in {str(directory)!r}: {exc.strerror or exc}",
                "use --reports-dir or --no-reports",
            ) from None
        return created
    raise OutputError(f"too many reports named {stem}* in {str(directory)!r}", "clean up the reports directory")


class StateFile:
    """The state file of ``aspdiag run``: created new (never over an existing file), then replaced atomically.

    Each update goes to a temporary file beside it and is renamed over it, so ``aspdiag status`` in another
    terminal never reads half a file. Only the file this object created is ever replaced.
    """

    def __init__(self, path: Path, *, numbered: bool = False) -> None:
        """``numbered``: a name aspdiag chose itself: when it is taken, try ``-2``, ``-3``... instead of failing."""
        self.path = path
        hint = "give another --state-file, in a directory you can write to"
        if path.is_dir():
            raise OutputError(f"state file {str(path)!r} is a directory", "give a file name, e.g. DIR/run.state.json")
        for attempt in range(2, 100 if numbered else 2):
            try:
                with open(self.path, "x", encoding="utf-8"):
                    return
            except FileExistsError:
                self.path = path.with_name(path.name.replace(".state.json", f"-{attempt}.state.json"))
            except OSError as exc:
                raise OutputError(f"cannot create the state file {str(path)!r}: {exc.strerror or exc}", hint) from None
        try:
            with open(self.path, "x", encoding="utf-8"):
                pass
        except FileExistsError:
            raise OutputError(
                f"state file {str(path)!r} already exists; aspdiag does not overwrite files",
                "give a new --state-file, or leave it out to get a new name in reports/",
            ) from None
        except OSError as exc:
            raise OutputError(f"cannot create the state file {str(path)!r}: {exc.strerror or exc}", hint) from None

    def write(self, data: dict[str, object]) -> None:
        """Replace the content (atomically). A failed write is reported once, not fatal: ascp keeps running."""
        import json

        try:
            fd, temp = tempfile.mkstemp(dir=self.path.parent, prefix=f".{self.path.name}.", suffix=".tmp")
            try:
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    json.dump(data, fh, indent=2)
                    fh.write("\n")
                os.replace(temp, self.path)
            except BaseException:
                Path(temp).unlink(missing_ok=True)  # our own temporary file
                raise
        except OSError as exc:
            if not getattr(self, "_warned", False):
                self._warned = True
                import sys

                print(f"aspdiag: warning: cannot update {self.path}: {exc.strerror or exc}", file=sys.stderr)


def run_state_path(directory: Path, when: datetime | None = None) -> Path:
    """A new state-file name in the reports directory: ``run-<UTC timestamp>-<pid>.state.json``."""
    moment = (when or datetime.now(UTC)).astimezone(UTC)
    return directory / f"run-{moment.strftime('%Y%m%dT%H%M%SZ')}-{os.getpid()}.state.json"
