"""``aspdiag catalog``: a downloaded tree's files, sizes, times and checksums, or a check against an earlier
catalogue."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from aspdiag.core.errors import ConfigError
from aspdiag.core.exit_codes import ExitCode
from aspdiag.report.files import DEFAULT_REPORTS_DIR, prepare_reports_dir, report_stem, write_report_set

if TYPE_CHECKING:
    from rich.progress import Progress

    from aspdiag.tools.catalog import ScanProgress


def catalog_command(
    directory: Annotated[Path, typer.Argument(metavar="DIR", help="The tree a download was written to.")],
    checksum: Annotated[
        str | None,
        typer.Option("--checksum", metavar="sha256|md5", help="Also compute a checksum of every file (in parallel)."),
    ] = None,
    verify: Annotated[
        Path | None,
        typer.Option(
            "--verify",
            metavar="CATALOG",
            dir_okay=False,
            help="Re-check DIR against an earlier .tsv/.json catalogue: missing, extra and changed files.",
        ),
    ] = None,
    workers: Annotated[int, typer.Option("--workers", min=1, max=64, help="Checksum threads.")] = 4,
    partial_suffix: Annotated[
        list[str] | None,
        typer.Option("--partial-suffix", metavar="SUFFIX", help="Another in-progress suffix to list apart."),
    ] = None,
    follow_symlinks: Annotated[
        bool, typer.Option("--follow-symlinks", help="Follow symbolic links (loops are detected and listed).")
    ] = False,
    reports_dir: Annotated[
        Path | None,
        typer.Option("--reports-dir", metavar="DIR", file_okay=False, help="Where the catalogue files are written."),
    ] = None,
) -> None:
    """Catalogue a downloaded tree: path, size, modification time, optional checksum.

    Writes `catalog-<dir>-<UTC time>.{tsv,json,md}` to reports/ (never replacing a file) and prints the
    Markdown summary's totals. ascp's partial files (.aspx, .aspera-inprogress, .partial, .aspera-ckpt) and
    files next to them are listed apart; unreadable files, loops and files changing meanwhile are listed, not
    fatal. Exit: 0 done (or --verify found no difference), 1 problems or differences, 2 bad input.
    """
    from aspdiag.tools import catalog as cat

    requested = cat.validate_algorithm(checksum) if checksum is not None else ""  # before a long scan
    for suffix in partial_suffix or []:
        if not suffix.startswith(".") or len(suffix) < 2 or "/" in suffix:
            raise ConfigError(f"bad --partial-suffix {suffix!r}", "give a suffix such as .tmp")
    earlier = cat.load_catalog(verify) if verify is not None else None
    algorithm = earlier.algorithm if earlier is not None else requested
    reports_path = None if earlier is not None else prepare_reports_dir(reports_dir or Path(DEFAULT_REPORTS_DIR))
    progress = cat.ScanProgress()
    with _count_progress(progress, algorithm):
        scanned = cat.scan(
            directory,
            follow_symlinks=follow_symlinks,
            partial_suffixes=(*cat.PARTIAL_SUFFIXES, *(partial_suffix or [])),
            # Our own catalogues may live inside the tree (the default reports/ when run from it): never list them.
            exclude=[reports_path or reports_dir or Path(DEFAULT_REPORTS_DIR)],
            progress=progress,
        )
        if algorithm:
            scanned = cat.checksum_entries(scanned, algorithm, workers=workers, progress=progress)
    if earlier is not None:
        result = cat.verify(earlier, scanned)
        sys.stdout.write(cat.verification_text(result))
        raise typer.Exit(int(ExitCode.READY if result.identical else ExitCode.FINDINGS))
    assert reports_path is not None
    texts = {".tsv": cat.to_tsv(scanned), ".json": cat.to_json(scanned), ".md": cat.to_markdown(scanned)}
    written = write_report_set(reports_path, report_stem("catalog-" + directory.resolve().name), texts)
    sys.stdout.write(
        f"{len(scanned.entries)} files, {scanned.total_bytes} bytes; {len(scanned.partial)} partial, "
        f"{len(scanned.problems)} problem(s), {len(scanned.skipped)} skipped\n"
    )
    for item in scanned.problems[:20]:
        sys.stdout.write(f"problem: {item.path}: {item.reason}\n")
    typer.echo("catalogue: " + ", ".join(str(p) for p in written), err=True)
    raise typer.Exit(int(ExitCode.FINDINGS if scanned.problems else ExitCode.READY))


class _count_progress:
    """A rich counter on stderr (files found, bytes hashed) while a catalogue is built; silent off a terminal."""

    def __init__(self, progress: ScanProgress, algorithm: str) -> None:
        self.state = progress
        self.algorithm = algorithm
        self.live: Progress | None = None

    def __enter__(self) -> None:
        if not sys.stderr.isatty():
            return
        from rich.progress import Progress, SpinnerColumn, TextColumn

        live = Progress(SpinnerColumn(), TextColumn("{task.description}"), console=Console(stderr=True), transient=True)
        task = live.add_task("scanning")
        algo = self.algorithm

        def update(p: ScanProgress) -> None:
            text = f"{p.files} files" + (f", {p.bytes_hashed / 1e6:.0f} MB {algo}" if algo else "")
            live.update(task, description=text)

        self.state.on_change = update
        live.start()
        self.live = live

    def __exit__(self, *exc: object) -> None:
        if self.live is not None:
            self.live.stop()
