"""File catalogue of a downloaded tree (``aspdiag catalog``): what arrived, for the people who use the data.

Replaces the hand-made ``ls -ltR > file_listing.txt`` at the end of a download: relative path, size,
modification time and optionally a checksum per file; ascp's partial files are listed apart; unreadable
files, symbolic-link loops and files that change while being read are reported, never fatal. A catalogue
written earlier can be verified against the tree (missing, extra, changed files).

Pure core: no typer/rich. File-system access is confined to :func:`scan` and :func:`checksum_entries`.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import threading
from collections import defaultdict, deque
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from aspdiag.core.errors import ConfigError
from aspdiag.core.units import size_text

FORMAT_NAME = "aspdiag-catalog"
FORMAT_VERSION = 1
ALGORITHMS = ("sha256", "md5")
# ascp's in-progress names: `.aspx` tracks a resumable file (-k, IBM "Resuming file transfers"),
# `.aspera-inprogress` is the default multi-session suffix (mf_suffix in the session log), `.partial` is the usual
# --partial-file-suffix, and `.aspera-ckpt` is a checkpoint name commonly seen beside resumed files (not in IBM's
# docs we have; listing it as partial is the safe side). More with --partial-suffix.
PARTIAL_SUFFIXES = (".aspx", ".aspera-ckpt", ".aspera-inprogress", ".partial")
_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class CatalogEntry:
    """One regular file: POSIX path relative to the root, size, mtime (ns since the epoch), checksum or ''."""

    path: str
    size_bytes: int
    mtime_ns: int
    checksum: str = ""


@dataclass(frozen=True, slots=True)
class Skipped:
    """A path not in the catalogue and why (partial file, unreadable, symbolic-link loop, changed while read)."""

    path: str
    reason: str


@dataclass(frozen=True)
class Catalog:
    """A whole catalogue. ``algorithm`` is '' when no checksums were computed."""

    root: str
    created_utc: str
    algorithm: str
    entries: tuple[CatalogEntry, ...]
    partial: tuple[Skipped, ...] = ()
    problems: tuple[Skipped, ...] = ()  # unreadable, loops, changed while read: the catalogue is incomplete
    skipped: tuple[Skipped, ...] = ()  # by design: symbolic links not followed, sockets, devices

    @property
    def total_bytes(self) -> int:
        return sum(e.size_bytes for e in self.entries)


@dataclass(frozen=True)
class Verification:
    """A tree compared with an earlier catalogue."""

    missing: tuple[CatalogEntry, ...]
    extra: tuple[CatalogEntry, ...]
    changed: tuple[tuple[CatalogEntry, CatalogEntry, str], ...]  # (was, now, what differs)
    problems: tuple[Skipped, ...] = ()
    checked: int = 0

    @property
    def identical(self) -> bool:
        return not (self.missing or self.extra or self.changed or self.problems)


@dataclass
class ScanProgress:
    """Counters a progress display can read (updated from the scanning and hashing threads)."""

    files: int = 0
    bytes_hashed: int = 0
    on_change: Callable[[ScanProgress], None] | None = field(default=None, repr=False)

    def bump(self, files: int = 0, hashed: int = 0) -> None:
        self.files += files
        self.bytes_hashed += hashed
        if self.on_change is not None:
            self.on_change(self)


def is_partial(name: str, suffixes: Iterable[str] = PARTIAL_SUFFIXES) -> bool:
    return any(name.endswith(s) for s in suffixes)


def scan(
    root: Path,
    *,
    follow_symlinks: bool = False,
    partial_suffixes: Iterable[str] = PARTIAL_SUFFIXES,
    exclude: Iterable[Path] = (),
    progress: ScanProgress | None = None,
) -> Catalog:
    """Walk ``root`` (one stat per file, no hashing) into a :class:`Catalog` sorted by path.

    Symbolic links are not followed unless asked; when they are, directories already visited (by device and
    inode) are reported as loops instead of being entered again.
    """
    if not root.exists():
        raise ConfigError(f"no such directory: {root}", "give the directory the download was written to")
    if not root.is_dir():
        raise ConfigError(f"not a directory: {root}", "aspdiag catalog takes a directory")
    suffixes = tuple(partial_suffixes)
    excluded = {os.path.realpath(p) for p in exclude}
    entries: list[CatalogEntry] = []
    partial: list[Skipped] = []
    problems: list[Skipped] = []
    skipped: list[Skipped] = []
    visited: set[tuple[int, int]] = set()
    top = os.stat(root)
    visited.add((top.st_dev, top.st_ino))
    stack: list[tuple[str, str]] = [(os.fspath(root), "")]
    while stack:
        directory, rel_dir = stack.pop()
        try:
            with os.scandir(directory) as it:
                children = list(it)
        except OSError as exc:
            problems.append(Skipped(rel_dir or ".", f"unreadable directory: {exc.strerror or exc}"))
            continue
        names = {c.name for c in children}
        for child in children:
            rel = f"{rel_dir}/{child.name}" if rel_dir else child.name
            try:
                is_link = child.is_symlink()
                if is_link and not follow_symlinks:
                    skipped.append(Skipped(rel, "symbolic link (not followed; use --follow-symlinks)"))
                    continue
                st = child.stat(follow_symlinks=True)
            except OSError as exc:
                reason = "broken symbolic link" if child.is_symlink() else f"cannot stat: {exc.strerror or exc}"
                problems.append(Skipped(rel, reason))
                continue
            if stat.S_ISDIR(st.st_mode):
                if os.path.realpath(child.path) in excluded:
                    continue
                key = (st.st_dev, st.st_ino)
                if key in visited:
                    skipped.append(Skipped(rel, "symbolic-link loop (directory already catalogued)"))
                    continue
                visited.add(key)
                stack.append((child.path, rel))
            elif stat.S_ISREG(st.st_mode):
                if is_partial(child.name, suffixes):
                    partial.append(Skipped(rel, "in-progress file of an unfinished transfer"))
                elif any(child.name + s in names for s in suffixes):
                    partial.append(Skipped(rel, "unfinished: its in-progress companion file is present"))
                else:
                    entries.append(CatalogEntry(rel, st.st_size, st.st_mtime_ns))
                    if progress is not None:
                        progress.bump(files=1)
            else:
                skipped.append(Skipped(rel, "not a regular file"))
    entries.sort(key=lambda e: e.path)
    return Catalog(
        root=os.path.abspath(root),
        created_utc=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        algorithm="",
        entries=tuple(entries),
        partial=tuple(sorted(partial, key=lambda s: s.path)),
        problems=tuple(sorted(problems, key=lambda s: s.path)),
        skipped=tuple(sorted(skipped, key=lambda s: s.path)),
    )


def _digest(
    root: str, entry: CatalogEntry, algorithm: str, progress: ScanProgress | None, stop: threading.Event
) -> CatalogEntry | Skipped:
    # Plain os calls: with 200,000 small files the per-file Python overhead, not hashing, sets the pace.
    h = hashlib.new(algorithm)
    try:
        fd = os.open(root + os.sep + entry.path, os.O_RDONLY)
    except OSError as exc:
        return Skipped(entry.path, f"unreadable: {exc.strerror or exc}")
    try:
        before = os.fstat(fd)
        while chunk := os.read(fd, _CHUNK):
            if stop.is_set():  # Ctrl-C: do not finish hashing a 100 GB file first
                return Skipped(entry.path, "interrupted")
            h.update(chunk)
            if progress is not None:
                progress.bump(hashed=len(chunk))
        after = os.fstat(fd)
    except OSError as exc:
        return Skipped(entry.path, f"unreadable: {exc.strerror or exc}")
    finally:
        os.close(fd)
    # A file still being written (or replaced) would get a checksum of no version that ever existed whole.
    if (before.st_size, before.st_mtime_ns) != (after.st_size, after.st_mtime_ns) or (
        before.st_size != entry.size_bytes or before.st_mtime_ns != entry.mtime_ns
    ):
        return Skipped(entry.path, "changed while being catalogued (still being written?)")
    return CatalogEntry(entry.path, entry.size_bytes, entry.mtime_ns, h.hexdigest())


def validate_algorithm(name: str) -> str:
    """``sha256`` or ``md5`` (any case) -> its lower-case name; anything else is a ConfigError (exit 2)."""
    if name.lower() not in ALGORITHMS:
        raise ConfigError(f"unknown checksum {name!r}", "use --checksum sha256 or --checksum md5")
    return name.lower()


def checksum_entries(
    catalog: Catalog, algorithm: str, *, workers: int = 4, progress: ScanProgress | None = None
) -> Catalog:
    """Add checksums in parallel (hashlib releases the GIL on large buffers); unreadable or changing files
    move to ``problems``."""
    algorithm = validate_algorithm(algorithm)
    done: list[CatalogEntry] = []
    problems = list(catalog.problems)
    stop = threading.Event()

    def run(batch: list[CatalogEntry]) -> list[CatalogEntry | Skipped]:
        return [_digest(catalog.root, e, algorithm, progress, stop) for e in batch]

    def collect(results: list[CatalogEntry | Skipped]) -> None:
        for result in results:
            (problems if isinstance(result, Skipped) else done).append(result)  # type: ignore[arg-type]

    # Batches (≤ 256 files or ≤ 64 MiB) with a bounded number in flight: one Future per file for 200,000 files
    # costs hundreds of MiB and the per-file hand-off dominates when files are small.
    pool = ThreadPoolExecutor(max_workers=max(1, workers))
    in_flight: deque[Future[list[CatalogEntry | Skipped]]] = deque()
    try:
        batch: list[CatalogEntry] = []
        batch_bytes = 0
        for entry in catalog.entries:
            batch.append(entry)
            batch_bytes += entry.size_bytes
            if len(batch) >= 256 or batch_bytes >= 64 << 20:
                in_flight.append(pool.submit(run, batch))
                batch, batch_bytes = [], 0
                if len(in_flight) >= 2 * max(1, workers):
                    collect(in_flight.popleft().result())
        if batch:
            in_flight.append(pool.submit(run, batch))
        while in_flight:
            collect(in_flight.popleft().result())
    except BaseException:
        stop.set()
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
    return replace(
        catalog, algorithm=algorithm, entries=tuple(done), problems=tuple(sorted(problems, key=lambda s: s.path))
    )


def verify(catalog: Catalog, current: Catalog) -> Verification:
    """Compare ``current`` (scanned, with the same checksum as ``catalog`` if it had one) with ``catalog``.

    With checksums, content decides (a new mtime alone is not a change); without, size or mtime does.
    """
    was = {e.path: e for e in catalog.entries}
    now = {e.path: e for e in current.entries}
    problem_paths = {p.path for p in current.problems}
    missing = tuple(e for p, e in was.items() if p not in now and p not in problem_paths)
    extra = tuple(e for p, e in now.items() if p not in was)
    changed: list[tuple[CatalogEntry, CatalogEntry, str]] = []
    for p in sorted(set(was) & set(now)):
        a, b = was[p], now[p]
        what = []
        if a.size_bytes != b.size_bytes:
            what.append(f"size {a.size_bytes} → {b.size_bytes}")
        if catalog.algorithm and a.checksum and b.checksum and a.checksum != b.checksum:
            what.append(f"{catalog.algorithm} differs")
        if not catalog.algorithm and a.mtime_ns != b.mtime_ns:
            what.append(f"mtime {format_mtime(a.mtime_ns)} → {format_mtime(b.mtime_ns)}")
        if what:
            changed.append((a, b, ", ".join(what)))
    problems = tuple(s for s in current.problems if s.path in was)
    return Verification(
        missing=tuple(sorted(missing, key=lambda e: e.path)),
        extra=tuple(sorted(extra, key=lambda e: e.path)),
        changed=tuple(changed),
        problems=problems,
        checked=len(was),
    )


# --- serialisation ---------------------------------------------------------------------------------------


def format_mtime(mtime_ns: int) -> str:
    seconds, ns = divmod(mtime_ns, 1_000_000_000)
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%dT%H:%M:%S") + f".{ns:09d}Z"


def _parse_mtime(text: str) -> int:
    stamp, _, frac = text.rstrip("Z").partition(".")
    moment = datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S").replace(tzinfo=UTC)
    return int(moment.timestamp()) * 1_000_000_000 + int((frac or "0").ljust(9, "0")[:9])


def _escape(path: str) -> str:
    # TSV must stay one line per file even for names with tabs, newlines or backslashes.
    return path.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _unescape(text: str) -> str:
    out, i = [], 0
    table = {"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text) and text[i + 1] in table:
            out.append(table[text[i + 1]])
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def safe_text(path: str) -> str:
    """A path as printable text: names that are not valid UTF-8 reach us as surrogate escapes; keep them
    reversible (backslash escapes) in text files and on the terminal."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


_safe = safe_text


def to_tsv(catalog: Catalog) -> str:
    head = [
        f"# {FORMAT_NAME} v{FORMAT_VERSION} created={catalog.created_utc} root={_escape(_safe(catalog.root))}",
        "\t".join(["path", "size_bytes", "mtime_utc", catalog.algorithm or "checksum"]),
    ]
    rows = (
        f"{_escape(_safe(e.path))}\t{e.size_bytes}\t{format_mtime(e.mtime_ns)}\t{e.checksum}" for e in catalog.entries
    )
    return "\n".join([*head, *rows]) + "\n"


def to_json(catalog: Catalog) -> str:
    """JSON with one file per line: readable, diffable, and built with the C encoder (``indent`` would switch
    json to its pure-Python encoder and millions of small strings for a 200,000-file tree)."""
    head = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "root": _safe(catalog.root),
        "created_utc": catalog.created_utc,
        "algorithm": catalog.algorithm or None,
        "file_count": len(catalog.entries),
        "total_bytes": catalog.total_bytes,
        "partial": [{"path": _safe(s.path), "reason": s.reason} for s in catalog.partial],
        "problems": [{"path": _safe(s.path), "reason": s.reason} for s in catalog.problems],
        "skipped": [{"path": _safe(s.path), "reason": s.reason} for s in catalog.skipped],
    }
    dumps = json.JSONEncoder(ensure_ascii=False).encode
    algorithm = catalog.algorithm

    def row(e: CatalogEntry) -> str:
        item: dict[str, object] = {
            "path": _safe(e.path),
            "size_bytes": e.size_bytes,
            "mtime_utc": format_mtime(e.mtime_ns),
            "mtime_ns": e.mtime_ns,
        }
        if algorithm:
            item[algorithm] = e.checksum
        return dumps(item)

    body = ",\n".join(map(row, catalog.entries))
    return dumps(head)[:-1] + ',\n"entries": [\n' + body + "\n]}\n"


def summary_rows(catalog: Catalog) -> tuple[list[tuple[str, int, int]], list[tuple[str, int, int]]]:
    """(per top-level directory, per extension) rows of (name, files, bytes), biggest first."""
    by_dir: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_ext: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for e in catalog.entries:
        parts = e.path.split("/")
        top = parts[0] + "/" if len(parts) > 1 else "(top level)"
        name = parts[-1].lower()
        # `.fastq.gz` says more than `.gz`: keep one inner suffix before a compression suffix.
        pieces = name.split(".")
        if len(pieces) >= 3 and pieces[-1] in {"gz", "bz2", "xz", "zst", "zip"}:
            ext = "." + ".".join(pieces[-2:])
        elif len(pieces) >= 2 and pieces[0]:
            ext = "." + pieces[-1]
        else:
            ext = "(none)"
        for table, key in ((by_dir, top), (by_ext, ext)):
            table[key][0] += 1
            table[key][1] += e.size_bytes

    def rows(t: dict[str, list[int]]) -> list[tuple[str, int, int]]:
        return sorted(((k, v[0], v[1]) for k, v in t.items()), key=lambda r: (-r[2], r[0]))

    return rows(by_dir), rows(by_ext)


def _md_cell(text: str) -> str:
    return _safe(text).replace("|", "\\|").replace("\n", " ")


def to_markdown(catalog: Catalog, *, limit: int = 50) -> str:
    by_dir, by_ext = summary_rows(catalog)
    lines = [
        f"# File catalogue of `{_md_cell(catalog.root)}`",
        "",
        f"Created {catalog.created_utc} by aspdiag. {len(catalog.entries)} files, {size_text(catalog.total_bytes)} "
        f"({catalog.total_bytes} bytes); checksums: {catalog.algorithm or 'none'}.",
        "",
        "## Per directory",
        "",
        "| Directory | Files | Size | Bytes |",
        "|---|---:|---:|---:|",
        *(f"| {_md_cell(n)} | {c} | {size_text(b)} | {b} |" for n, c, b in by_dir[:limit]),
        "",
        "## Per extension",
        "",
        "| Extension | Files | Size | Bytes |",
        "|---|---:|---:|---:|",
        *(f"| {_md_cell(n)} | {c} | {size_text(b)} | {b} |" for n, c, b in by_ext[:limit]),
        "",
    ]
    sections = (
        ("Partial files (not catalogued)", catalog.partial),
        ("Problems (the catalogue is incomplete)", catalog.problems),
        ("Skipped", catalog.skipped),
    )
    for title, items in sections:
        lines += [f"## {title}", ""]
        if not items:
            lines += ["None.", ""]
            continue
        lines += [f"- `{_md_cell(s.path)}`: {s.reason}" for s in items[:limit]]
        if len(items) > limit:
            lines.append(f"- … and {len(items) - limit} more (see the JSON catalogue)")
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def verification_text(result: Verification, *, limit: int = 50) -> str:
    """Plain-text outcome of a verification (one line per difference, capped)."""
    lines = [
        f"checked {result.checked} catalogued files: {len(result.missing)} missing, {len(result.extra)} extra, "
        f"{len(result.changed)} changed, {len(result.problems)} unreadable"
    ]
    groups: list[tuple[str, list[str]]] = [
        ("missing", [e.path for e in result.missing]),
        ("extra", [e.path for e in result.extra]),
        ("changed", [f"{a.path} ({what})" for a, _b, what in result.changed]),
        ("unreadable", [f"{s.path} ({s.reason})" for s in result.problems]),
    ]
    for label, items in groups:
        for item in items[:limit]:
            lines.append(f"{label}: {_safe(item)}")
        if len(items) > limit:
            lines.append(f"{label}: … and {len(items) - limit} more")
    return "\n".join(lines) + "\n"


class CatalogFileError(ConfigError):
    default_hint = "give a .tsv or .json catalogue written by 'aspdiag catalog'"


def load_catalog(path: Path) -> Catalog:
    """Read a TSV or JSON catalogue written by :func:`to_tsv` / :func:`to_json`; anything else is exit 2."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CatalogFileError(f"no such catalogue: {path}") from None
    except UnicodeDecodeError:
        raise CatalogFileError(f"{path} is not a catalogue (not UTF-8 text)") from None
    except OSError as exc:
        raise CatalogFileError(f"cannot read catalogue {path}: {exc.strerror or exc}") from None
    try:
        if text.lstrip().startswith("{"):
            return _from_json(text)
        return _from_tsv(text)
    except CatalogFileError:
        raise
    except (ValueError, KeyError, TypeError, IndexError, AttributeError) as exc:
        why = (
            f"no {exc.args[0]!r} field" if isinstance(exc, KeyError) and exc.args else str(exc) or "unexpected content"
        )
        raise CatalogFileError(f"{path} is not a valid aspdiag catalogue ({why})") from None


def _check_header(name: object, version: object) -> None:
    if name != FORMAT_NAME:
        raise ValueError("not an aspdiag catalogue")
    if version != FORMAT_VERSION:
        raise CatalogFileError(
            f"catalogue format version {version} is not supported (this aspdiag reads version {FORMAT_VERSION})",
            "re-create the catalogue with this version of aspdiag",
        )


def _entry(path: str, size: int, mtime_ns: int, checksum: str) -> CatalogEntry:
    if not path or path.startswith("/") or ".." in path.split("/") or size < 0:
        raise ValueError(f"bad entry {path!r}")
    return CatalogEntry(path, size, mtime_ns, checksum)


def _from_json(text: str) -> Catalog:
    doc = json.loads(text)
    if not isinstance(doc, dict):
        raise ValueError("not a JSON object")
    _check_header(doc.get("format"), doc.get("version"))
    algorithm = doc.get("algorithm") or ""
    if algorithm and algorithm not in ALGORITHMS:
        raise ValueError(f"unknown algorithm {algorithm!r}")
    entries = tuple(
        _entry(str(e["path"]), int(e["size_bytes"]), int(e["mtime_ns"]), str(e.get(algorithm, "")) if algorithm else "")
        for e in doc["entries"]
    )
    return Catalog(str(doc["root"]), str(doc["created_utc"]), algorithm, entries)


def _from_tsv(text: str) -> Catalog:
    lines = text.splitlines()
    if len(lines) < 2 or not lines[0].startswith("# "):
        raise ValueError("missing header")
    fields = lines[0][2:].split(" ", 3)  # the root comes last: it may contain spaces
    tag = fields[0]
    ver = fields[1] if len(fields) > 1 else ""
    _check_header(tag, int(ver[1:]) if ver.startswith("v") and ver[1:].isdigit() else ver)
    meta = dict(f.split("=", 1) for f in fields[2:] if "=" in f)
    columns = lines[1].split("\t")
    if columns[:3] != ["path", "size_bytes", "mtime_utc"] or len(columns) != 4:
        raise ValueError("unexpected columns")
    algorithm = columns[3] if columns[3] in ALGORITHMS else ""
    entries = []
    for number, line in enumerate(lines[2:], start=3):
        if not line:
            continue
        cells = line.split("\t")
        if len(cells) != 4:
            raise ValueError(f"line {number} has {len(cells)} fields, expected 4")
        entries.append(_entry(_unescape(cells[0]), int(cells[1]), _parse_mtime(cells[2]), cells[3]))
    return Catalog(_unescape(meta.get("root", "")), meta.get("created", ""), algorithm, tuple(entries))
