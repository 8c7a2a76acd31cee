"""The history database: every check recorded in SQLite, keyed by target and vantage point.

One table ``checks`` holds the JSON report as ``aspdiag.report.codec.render_json`` wrote it, a small JSON
summary (what ``aspdiag history`` lists and charts without decoding whole reports) and indexed columns:
target, vantage host, source address, start time, verdict. The file carries our ``application_id`` and
its schema version in ``user_version`` (mirrored in the table ``schema_version``); ``MIGRATIONS`` bring an
older file up to date inside one write transaction.

Safety, because the path may be anything a user typed:

- an existing file is read first, without SQLite, and only used when its header says it is an SQLite
  database with our application id and a schema version we know; then SQLite checks it read-only
  (``quick_check``) before it is ever opened for writing. Anything else is one HistoryError (exit 2) and the
  file is left exactly as it was: never overwritten, truncated or deleted;
- a new database is built under a temporary name beside the path and linked into place only when complete
  (``os.link`` fails when the name exists), so a concurrent check never sees half a database;
- concurrent checks share the file through WAL mode and a busy timeout.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import tempfile
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, replace
from pathlib import Path

from aspdiag.core import codec
from aspdiag.core.errors import ConfigError
from aspdiag.core.history import CheckSummary, Vantage
from aspdiag.core.model import Report, utc_now_iso
from aspdiag.report.codec import ReportFileError, render_json, report_from_dict

APPLICATION_ID = 0x41535044
"""``ASPD`` in the SQLite header (offset 68): what marks a file as an aspdiag history database."""
SCHEMA_VERSION = 1
BUSY_TIMEOUT_MS = 10_000
HEADER = b"SQLite format 3\x00"
FILE_NAME = "history.sqlite"

MIGRATIONS: dict[int, tuple[str, ...]] = {
    1: (
        "CREATE TABLE schema_version (version INTEGER NOT NULL, applied_utc TEXT NOT NULL)",
        """CREATE TABLE checks (
            id INTEGER PRIMARY KEY,
            target TEXT NOT NULL,
            vantage_host TEXT NOT NULL,
            source_address TEXT NOT NULL,
            started_utc TEXT NOT NULL,
            finished_utc TEXT NOT NULL,
            verdict TEXT NOT NULL,
            tool_version TEXT NOT NULL,
            summary_json TEXT NOT NULL,
            report_json TEXT NOT NULL
        )""",
        "CREATE INDEX checks_by_vantage ON checks (target, vantage_host, source_address, started_utc)",
        "CREATE INDEX checks_by_time ON checks (started_utc)",
    ),
}
"""Schema version -> the statements that turn the version before it into this one (applied in order)."""


class HistoryError(ConfigError):
    """A history database that cannot be used (not ours, damaged, newer, unwritable). Exit 2."""

    default_hint = "give another --history PATH, or --no-history"


class HistoryUnavailable(HistoryError):
    """The database cannot be reached (no permission, cannot be created): an environment problem, which the
    CLI reports as a warning for the default location."""


def default_history_path() -> Path:
    """``history.sqlite`` in the user's data directory (``~/.local/share/aspdiag`` on Linux, XDG_DATA_HOME
    honoured)."""
    import platformdirs

    return platformdirs.user_data_path("aspdiag", appauthor=False) / FILE_NAME


@dataclass(frozen=True)
class HistoryEntry:
    """One recorded check: its row id and summary."""

    id: int
    summary: CheckSummary


def _inspect(path: Path) -> None:
    """Raise HistoryError unless ``path`` is a regular file that reads as our database (nothing written)."""
    shown = str(path)
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):  # before open(): a FIFO would block it
            raise HistoryError(f"history database {shown!r} is not a regular file")
        with open(path, "rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        raise HistoryUnavailable(f"cannot read the history database {shown!r}: {exc.strerror or exc}") from None
    if len(header) < 100 or not header.startswith(HEADER):
        what = "is empty" if not header else "is not an SQLite database"
        raise HistoryError(
            f"{shown!r} {what}, so it is not an aspdiag history database; aspdiag leaves it as it is",
        )
    user_version = int.from_bytes(header[60:64], "big")
    application_id = int.from_bytes(header[68:72], "big")
    if application_id != APPLICATION_ID:
        raise HistoryError(
            f"{shown!r} is an SQLite database of another application (application_id {application_id:#x}), "
            "not an aspdiag history; aspdiag leaves it as it is"
        )
    if user_version > SCHEMA_VERSION:
        raise HistoryError(
            f"history database {shown!r} has schema version {user_version}; this aspdiag knows up to {SCHEMA_VERSION}",
            "use the newer aspdiag that wrote it, or give another --history PATH",
        )
    try:
        with closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=10)) as db:
            result = db.execute("PRAGMA quick_check").fetchone()
            tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    except sqlite3.DatabaseError as exc:
        raise HistoryError(f"history database {shown!r} is damaged ({exc}); aspdiag leaves it as it is") from None
    if not result or result[0] != "ok":
        detail = result[0] if result else "no answer"
        raise HistoryError(f"history database {shown!r} is damaged ({detail}); aspdiag leaves it as it is")
    if user_version >= 1 and not {"checks", "schema_version"} <= tables:
        raise HistoryError(f"history database {shown!r} lacks its tables; aspdiag leaves it as it is")


def _connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return db


def _migrate(db: sqlite3.Connection) -> None:
    """Bring the schema up to SCHEMA_VERSION in one write transaction (concurrent openers wait for it)."""
    if db.execute("PRAGMA user_version").fetchone()[0] >= SCHEMA_VERSION:
        return
    db.execute("BEGIN IMMEDIATE")
    try:
        version = db.execute("PRAGMA user_version").fetchone()[0]  # again: another process may have done it
        for target in range(version + 1, SCHEMA_VERSION + 1):
            for statement in MIGRATIONS[target]:
                db.execute(statement)
            db.execute("INSERT INTO schema_version VALUES (?, ?)", (target, utc_now_iso()))
            db.execute(f"PRAGMA user_version = {target}")
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise


def _create(path: Path) -> None:
    """A new, complete database at ``path`` (built under a temporary name; an existing file is kept)."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(fd)
    temp = Path(temp_name)
    try:
        with closing(_connect(temp)) as db:
            db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            _migrate(db)
            db.execute("PRAGMA journal_mode = WAL")  # persistent: stored in the file's header
        try:
            os.link(temp, path)
        except FileExistsError:
            pass  # a concurrent check created it first: use theirs (it is inspected like any existing file)
    finally:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{temp}{suffix}").unlink(missing_ok=True)  # our own temporary files


class HistoryStore:
    """An open, checked history database."""

    def __init__(self, path: Path, db: sqlite3.Connection) -> None:
        self.path = path
        self._db = db

    @classmethod
    def open(cls, path: Path) -> HistoryStore:
        """The database at ``path`` for reading and recording, created when missing; HistoryError when the
        file is not ours or cannot be used."""
        try:
            if not path.exists():
                _create(path)
            _inspect(path)
            db = _connect(path)
            try:
                db.execute("PRAGMA journal_mode = WAL")
                _migrate(db)
            except BaseException:
                db.close()
                raise
        except HistoryError:
            raise
        except OSError as exc:
            raise HistoryUnavailable(f"cannot use the history database {str(path)!r}: {exc.strerror or exc}") from None
        except sqlite3.DatabaseError as exc:
            raise HistoryError(f"cannot use the history database {str(path)!r}: {exc}") from None
        return cls(path, db)

    @classmethod
    def read(cls, path: Path) -> HistoryStore | None:
        """The database at ``path`` opened read-only (None when there is none; nothing is created or
        changed); HistoryError when the file is not ours or cannot be used."""
        try:
            if not path.exists():
                return None
        except OSError as exc:
            raise HistoryUnavailable(f"cannot read the history database {str(path)!r}: {exc.strerror or exc}") from None
        _inspect(path)
        try:
            db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
            version = db.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise HistoryError(f"cannot read the history database {str(path)!r}: {exc}") from None
        if version < SCHEMA_VERSION:
            db.close()
            raise HistoryError(
                f"history database {str(path)!r} has an older schema ({version})",
                "run 'aspdiag check' once with this version of aspdiag to upgrade it",
            )
        return cls(path, db)

    def close(self) -> None:
        """Close the connection (the WAL is checkpointed by the last one to close)."""
        self._db.close()

    def __enter__(self) -> HistoryStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.DatabaseError as exc:
            raise HistoryError(f"history database {str(self.path)!r}: {exc}") from None

    def previous(self, target: str, vantage: Vantage) -> Report | None:
        """The last check of ``target`` recorded from ``vantage`` (None: none, or none this aspdiag reads)."""
        with self._errors():
            rows = self._db.execute(
                "SELECT report_json FROM checks WHERE target = ? AND vantage_host = ? AND source_address = ? "
                "ORDER BY started_utc DESC, id DESC LIMIT 5",
                (target, vantage.host, vantage.source_address),
            ).fetchall()
        for (text,) in rows:
            try:
                return report_from_dict(json.loads(text))
            except (ReportFileError, ValueError):
                continue  # written by a newer aspdiag, or damaged: compare with the one before it
        return None

    def summaries(self, target: str, vantage: Vantage, limit: int = 30) -> list[CheckSummary]:
        """The last ``limit`` checks of ``target`` from ``vantage``, oldest first."""
        with self._errors():
            rows = self._db.execute(
                "SELECT id, summary_json FROM checks WHERE target = ? AND vantage_host = ? AND source_address = ? "
                "ORDER BY started_utc DESC, id DESC LIMIT ?",
                (target, vantage.host, vantage.source_address, limit),
            ).fetchall()
        return [entry.summary for entry in reversed(self._entries(rows))]

    def entries(self, target: str | None = None, limit: int = 200) -> list[HistoryEntry]:
        """Recorded checks (of ``target``, else of every target), oldest first, at most the last ``limit``."""
        where, args = ("WHERE target = ?", (target,)) if target else ("", ())
        with self._errors():
            rows = self._db.execute(
                f"SELECT id, summary_json FROM checks {where} ORDER BY started_utc DESC, id DESC LIMIT ?",
                (*args, limit),
            ).fetchall()
        return list(reversed(self._entries(rows)))

    @staticmethod
    def _entries(rows: list[tuple[int, str]]) -> list[HistoryEntry]:
        out = []
        for row_id, text in rows:
            try:
                out.append(HistoryEntry(row_id, codec.decode(json.loads(text), CheckSummary)))
            except (codec.DecodeError, ValueError):
                continue  # a summary this version cannot read: left out of lists, kept in the file
        return out

    def report(self, row_id: int) -> Report | None:
        """The full report of one recorded check."""
        with self._errors():
            row = self._db.execute("SELECT report_json FROM checks WHERE id = ?", (row_id,)).fetchone()
        if row is None:
            return None
        try:
            return report_from_dict(json.loads(row[0]))
        except (ReportFileError, ValueError):
            return None

    def record(self, report: Report, summary: CheckSummary) -> int:
        """Store one check (the report as its JSON, the summary beside it); returns its row id."""
        report = replace(report, changes=None)  # the comparison belongs to the report shown, not the record
        values = (
            report.target.host,
            summary.vantage.host,
            summary.vantage.source_address,
            report.started_utc,
            report.finished_utc,
            report.assessment.verdict.value,
            report.tool_version,
            json.dumps(codec.encode(summary), ensure_ascii=False),
            render_json(report),
        )
        with self._errors():
            cursor = self._db.execute(
                "INSERT INTO checks (target, vantage_host, source_address, started_utc, finished_utc, verdict, "
                "tool_version, summary_json, report_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                values,
            )
        return int(cursor.lastrowid or 0)
