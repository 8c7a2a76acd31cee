"""What the commands beside ``check`` show (ascp, presets, catalog, run, status, watch, schema): each one's
content as a :class:`~aspdiag.render.document.Document`, and its JSON view — pure functions of their data.

Every JSON document carries ``kind`` (and a format ``version``), and ``aspdiag schema KIND`` prints its JSON
Schema (:mod:`aspdiag.report.schemas`).
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from aspdiag import __version__
from aspdiag.core import codec
from aspdiag.core.measurement import Block, Cell, FactList, Items, Paragraph, Table
from aspdiag.core.presets import Preset
from aspdiag.core.units import size_text
from aspdiag.fasp.find import AscpInstallation
from aspdiag.render import OutputFormat
from aspdiag.render.document import Document, json_text, render_document
from aspdiag.report.schemas import DOCUMENT_VERSION
from aspdiag.tools import catalog as cat

LIST_LIMIT = 50
"""Paths listed one by one in terminal, Markdown and HTML views (JSON lists them all)."""


def _tool() -> dict[str, str]:
    return {"name": "aspdiag", "version": __version__}


# --------------------------------------------------------------------------- aspdiag ascp


def ascp_document(installations: Sequence[AscpInstallation], looked_at: str) -> Document:
    """Every ascp found (the first is the one used), with version, licence, key files and warnings."""
    data = {
        "kind": "ascp",
        "version": DOCUMENT_VERSION,
        "tool": _tool(),
        "looked_at": looked_at,
        "installations": [codec.encode(inst) for inst in installations],
    }
    if not installations:
        return Document("ascp installations", (Paragraph(f"no ascp found (looked at {looked_at})"),), data)
    blocks: list[Block] = []
    for inst in installations:
        v = inst.version
        rows = [("Path", inst.path), ("Found through", inst.origin), ("Used", "yes" if inst.used else "no")]
        if v is not None:
            build = f" (build {v.build})" if v.build else ""
            rows += [
                ("Product", f"{v.product or '-'} {v.product_version or ''}{build}".strip()),
                ("ascp version", f"{v.ascp_version or '?'}{f' {v.git_hash}' if v.git_hash else ''}"),
                ("OS", v.operating_system or "?"),
                ("Licence max rate", str(v.license_max_rate or "?")),
                ("FIPS / AES-NI", f"{_said(v.fips)} / {_said(v.aes_ni)}"),
            ]
        if inst.version_error:
            rows.append(("ascp -A", inst.version_error))
        rows.append(("Key files", ", ".join(inst.key_files) or "none found next to it"))
        rows += [("Warning", w) for w in inst.warnings]
        blocks.append(FactList(tuple(rows)))
    return Document(f"ascp installations ({len(installations)} found; the first is used)", blocks, data)


def _said(value: object) -> str:
    """What ``ascp -A`` said about a feature: its words, or '?' when it said nothing (never Python's None)."""
    if value is None or value == "":
        return "?"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


# --------------------------------------------------------------------------- aspdiag presets


def presets_document(presets: Mapping[str, Preset]) -> Document:
    """The presets 'aspdiag check NAME' understands."""
    data = {
        "kind": "presets",
        "version": DOCUMENT_VERSION,
        "tool": _tool(),
        "presets": [codec.encode(p) for p in presets.values()],
    }
    rows = tuple(
        (
            Cell(p.name),
            Cell(p.host),
            Cell(p.user or "-"),
            Cell(", ".join([f"TCP {n}" for n in p.ssh_ports] + [f"UDP {n}" for n in p.udp_ports]) or "defaults"),
            Cell(p.description),
        )
        for p in presets.values()
    )
    return Document("Presets ('aspdiag check NAME')", (Table(("Name", "Host", "User", "Ports", "About"), rows),), data)


# --------------------------------------------------------------------------- aspdiag catalog


def _paths(title: str, items: Sequence[cat.Skipped]) -> Items:
    shown = [f"{cat.safe_text(s.path)}: {s.reason}" for s in items[:LIST_LIMIT]]
    if len(items) > LIST_LIMIT:
        shown.append(f"... and {len(items) - LIST_LIMIT} more (see the JSON catalogue)")
    return Items(tuple(shown) or ("none",), title)


def catalog_document(catalog: cat.Catalog) -> Document:
    """A catalogue's summary: totals, per directory, per extension, and what was left out."""
    by_dir, by_ext = cat.summary_rows(catalog)
    facts = FactList(
        (
            ("Root", cat.safe_text(catalog.root)),
            ("Created (UTC)", catalog.created_utc),
            ("Files", f"{len(catalog.entries)}"),
            ("Size", f"{size_text(catalog.total_bytes)} ({catalog.total_bytes} bytes)"),
            ("Checksums", catalog.algorithm or "none"),
            ("Unfinished (partial files)", str(len(catalog.partial))),
            ("Problems", str(len(catalog.problems))),
            ("Skipped", str(len(catalog.skipped))),
        )
    )

    def table(title: str, name: str, rows: list[tuple[str, int, int]]) -> Table:
        cells = tuple(
            (Cell(cat.safe_text(n)), Cell(str(c)), Cell(size_text(b)), Cell(str(b))) for n, c, b in rows[:LIST_LIMIT]
        )
        return Table((name, "Files", "Size", "Bytes"), cells, title=title)

    blocks: list[Block] = [
        facts,
        table("Per directory", "Directory", by_dir),
        table("Per extension", "Extension", by_ext),
    ]
    if catalog.partial:
        blocks.append(_paths("Unfinished transfers: partial files (not catalogued)", catalog.partial))
    if catalog.problems:
        blocks.append(_paths("Problems (the catalogue is incomplete)", catalog.problems))
    if catalog.skipped:
        blocks.append(_paths("Skipped", catalog.skipped))
    return Document(f"File catalogue of {cat.safe_text(catalog.root)}", blocks, None)


def render_catalog(catalog: cat.Catalog, fmt: OutputFormat, *, color: bool = False, width: int = 100) -> str:
    """The catalogue in one format: JSON and Markdown are exactly the files written to reports/."""
    if fmt is OutputFormat.JSON:
        return cat.to_json(catalog)
    if fmt is OutputFormat.MARKDOWN:
        return cat.to_markdown(catalog)
    return render_document(catalog_document(catalog), fmt, color=color, width=width)


def verification_data(result: cat.Verification, source: str, partial: Sequence[cat.Skipped]) -> dict[str, Any]:
    """The JSON view of ``catalog --verify``."""

    def entry(e: cat.CatalogEntry) -> dict[str, Any]:
        return {"path": cat.safe_text(e.path), "size_bytes": e.size_bytes, "mtime_utc": cat.format_mtime(e.mtime_ns)}

    return {
        "kind": "catalog-verification",
        "version": DOCUMENT_VERSION,
        "tool": _tool(),
        "catalog": source,
        "checked": result.checked,
        "identical": result.identical,
        "missing": [entry(e) for e in result.missing],
        "extra": [entry(e) for e in result.extra],
        "changed": [{"path": cat.safe_text(a.path), "what": what} for a, _b, what in result.changed],
        "problems": [{"path": cat.safe_text(s.path), "reason": s.reason} for s in result.problems],
        "partial": [{"path": cat.safe_text(s.path), "reason": s.reason} for s in partial],
    }


def verification_document(result: cat.Verification, source: str, partial: Sequence[cat.Skipped]) -> Document:
    """``catalog --verify``: missing, extra and changed files."""
    facts = FactList(
        (
            ("Catalogue", source),
            ("Checked", f"{result.checked} catalogued files"),
            ("Result", "identical" if result.identical else "differences found"),
            ("Missing / extra / changed", f"{len(result.missing)} / {len(result.extra)} / {len(result.changed)}"),
            ("Unreadable", str(len(result.problems))),
            ("Unfinished (partial files)", str(len(partial))),
        )
    )
    blocks: list[Block] = [facts]
    groups = (
        ("Missing", [cat.safe_text(e.path) for e in result.missing]),
        ("Extra", [cat.safe_text(e.path) for e in result.extra]),
        ("Changed", [f"{cat.safe_text(a.path)} ({what})" for a, _b, what in result.changed]),
        ("Unreadable", [f"{cat.safe_text(s.path)} ({s.reason})" for s in result.problems]),
    )
    for title, items in groups:
        if items:
            more = (
                [f"... and {len(items) - LIST_LIMIT} more (--format json lists all)"] if len(items) > LIST_LIMIT else []
            )
            blocks.append(Items((*items[:LIST_LIMIT], *more), title))
    if partial:
        blocks.append(_paths("Unfinished transfers: partial files", partial))
    data = verification_data(result, source, partial)
    return Document("Catalogue verification", blocks, data)


# --------------------------------------------------------------------------- aspdiag run / status


def run_state_document(state: Mapping[str, Any], lines: Sequence[str], state_file: str) -> Document:
    """A run's state (from ``aspdiag run`` at its end, or ``aspdiag status``): the lines ``describe_state``
    wrote, and the state file's JSON unchanged."""
    return Document(
        f"aspdiag run: {state.get('status')}",
        (Paragraph(f"state file: {state_file}"), Items(tuple(lines))),
        dict(state),
    )


# --------------------------------------------------------------------------- aspdiag watch


def watch_sample_data(
    *,
    at_utc: str,
    total_bytes: int,
    expected_bytes: int,
    rate_mbps: float,
    eta_s: float | None,
    files: int,
    stalled_s: float,
) -> dict[str, Any]:
    """One JSON Lines record of ``aspdiag watch --format json``."""
    return {
        "kind": "watch-sample",
        "version": DOCUMENT_VERSION,
        "at_utc": at_utc,
        "total_bytes": total_bytes,
        "expected_bytes": expected_bytes,
        "percent": round(100 * total_bytes / expected_bytes, 2) if expected_bytes else None,
        "rate_mbps": round(rate_mbps, 3),
        "eta_s": None if eta_s is None else round(eta_s, 1),
        "files": files,
        "stalled_s": round(stalled_s, 1),
    }


def json_line(data: Mapping[str, Any]) -> str:
    """One compact JSON object and a newline (a JSON Lines record)."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


# --------------------------------------------------------------------------- aspdiag schema


def schema_document(kind: str, schema: Mapping[str, Any]) -> Document:
    """A JSON Schema: JSON as it is; the other formats show it as a code block under its title."""
    return Document(
        f"JSON Schema: {kind}",
        (
            Paragraph(str(schema.get("description", "")), muted=True),
            Paragraph(json_text(schema).rstrip("\n"), code=True),
        ),
        dict(schema),
    )


def schema_list_document(kinds: Mapping[str, str]) -> Document:
    """The kinds ``aspdiag schema KIND`` knows, with what each describes."""
    rows = tuple((Cell(kind), Cell(about)) for kind, about in kinds.items())
    data = {
        "kind": "schema-kinds",
        "version": DOCUMENT_VERSION,
        "tool": _tool(),
        "kinds": [{"kind": k, "describes": a} for k, a in kinds.items()],
    }
    return Document(
        "JSON documents ('aspdiag schema KIND' prints one's JSON Schema)", (Table(("Kind", "Describes"), rows),), data
    )
