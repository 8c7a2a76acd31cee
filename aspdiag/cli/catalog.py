"""``aspdiag catalog``: a downloaded tree's files, sizes, times and checksums, or a check against an earlier
catalogue."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from aspdiag.cli.completion import complete_catalogs
from aspdiag.cli.output import ForceOption, FormatOption, NoColorOption, OutputOption, QuietOption, destination
from aspdiag.core.errors import ConfigError
from aspdiag.core.exit_codes import ExitCode
from aspdiag.render import OutputFormat
from aspdiag.report.files import DEFAULT_REPORTS_DIR, prepare_reports_dir, report_stem, write_report_set

if TYPE_CHECKING:
    from rich.progress import Progress

    from aspdiag.tools.catalog import Catalog, ScanProgress

REPORTS_HINT = "use --reports-dir DIR, or --no-reports (then only the document on stdout or --output)"


def exit_code(catalog: Catalog, *, differences: bool) -> ExitCode:
    """Unfinished ascp transfers in the tree come first: the catalogue (and any difference) is not final
    until they end, whatever else was found; then unreadable files or differences; else success."""
    if catalog.partial:
        return ExitCode.INCOMPLETE
    return ExitCode.FINDINGS if differences or catalog.problems else ExitCode.READY


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
            autocompletion=complete_catalogs,
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
    no_reports: Annotated[
        bool, typer.Option("--no-reports", help="Write no catalogue files; only the document (stdout or --output).")
    ] = False,
    output_format: FormatOption = None,
    output: OutputOption = None,
    force: ForceOption = False,
    quiet: QuietOption = False,
    no_color: NoColorOption = False,
) -> None:
    """Catalogue a downloaded tree: path, size, modification time, optional checksum.

    Writes `catalog-<dir>-<UTC time>.{tsv,json,md}` to reports/ (never replacing a file) and prints a summary
    (--format json: the whole catalogue, as in the .json file). ascp's partial files (.aspx,
    .aspera-inprogress, .partial, .aspera-ckpt) and files next to them are listed apart: the tree still holds
    unfinished transfers, and the exit code says so. Unreadable files, loops and files changing meanwhile are
    listed, not fatal.
    """
    from aspdiag.render.views import render_catalog, verification_document
    from aspdiag.tools import catalog as cat

    dest = destination(output_format, output, force=force, quiet=quiet, no_color=no_color, command="catalog")
    requested = cat.validate_algorithm(checksum) if checksum is not None else ""  # before a long scan
    for suffix in partial_suffix or []:
        if not suffix.startswith(".") or len(suffix) < 2 or "/" in suffix:
            raise ConfigError(f"bad --partial-suffix {suffix!r}", "give a suffix such as .tmp")
    earlier = cat.load_catalog(verify) if verify is not None else None
    algorithm = earlier.algorithm if earlier is not None else requested
    writes = earlier is None and not no_reports
    reports_path = prepare_reports_dir(reports_dir or Path(DEFAULT_REPORTS_DIR), hint=REPORTS_HINT) if writes else None
    progress = cat.ScanProgress()
    with _count_progress(progress, algorithm, quiet=quiet, no_color=no_color or bool(os.environ.get("NO_COLOR"))):
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
    if scanned.partial:
        dest.note(
            f"the tree still holds {len(scanned.partial)} unfinished ascp transfer file(s) (e.g. "
            f"{cat.safe_text(scanned.partial[0].path)}): run the catalogue again when the transfer has ended"
        )
    if earlier is not None:
        result = cat.verify(earlier, scanned)
        doc = verification_document(result, str(verify), scanned.partial)
        if dest.format is OutputFormat.TERMINAL:
            partial = "".join(f"partial: {cat.safe_text(s.path)}\n" for s in scanned.partial[:50])
            dest.write(cat.verification_text(result) + partial)
        else:
            from aspdiag.render.document import render_document

            dest.write(render_document(doc, dest.format))
        raise typer.Exit(int(exit_code(scanned, differences=not result.identical)))
    if reports_path is not None:
        texts = {".tsv": cat.to_tsv(scanned), ".json": cat.to_json(scanned), ".md": cat.to_markdown(scanned)}
        written = write_report_set(reports_path, report_stem("catalog-" + directory.resolve().name), texts)
        dest.note("catalogue: " + ", ".join(str(p) for p in written))
    dest.write(render_catalog(scanned, dest.format, color=dest.color, width=dest.width))
    raise typer.Exit(int(exit_code(scanned, differences=False)))


class _count_progress:
    """A rich counter on stderr (files found, bytes hashed) while a catalogue is built; silent off a terminal
    and with --quiet."""

    def __init__(self, progress: ScanProgress, algorithm: str, *, quiet: bool, no_color: bool = False) -> None:
        self.state = progress
        self.no_color = no_color
        self.algorithm = algorithm
        self.quiet = quiet
        self.live: Progress | None = None

    def __enter__(self) -> None:
        if self.quiet or not sys.stderr.isatty():
            return
        from rich.progress import Progress, SpinnerColumn, TextColumn

        from aspdiag.core.units import size_text

        live = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            console=Console(stderr=True, no_color=self.no_color),
            transient=True,
        )
        task = live.add_task("scanning")
        algo = self.algorithm

        def update(p: ScanProgress) -> None:
            text = f"{p.files} files" + (f", {size_text(p.bytes_hashed)} {algo}" if algo else "")
            live.update(task, description=text)

        self.state.on_change = update
        live.start()
        self.live = live

    def __exit__(self, *exc: object) -> None:
        if self.live is not None:
            self.live.stop()
