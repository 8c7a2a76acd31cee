"""The small documents of the commands beside ``check`` (ascp, presets, catalog, run, status, watch, schema):
a title and format-neutral blocks, rendered as terminal text, Markdown or HTML by the same block renderers
the check report uses; their JSON is the command's own data, passed through as it is.

One renderer for all of them keeps ``--format`` meaning the same thing everywhere (README, "One grammar for
every command") without a renderer per command and format.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import Any, assert_never

from rich.table import Table as RichTable
from rich.text import Text

from aspdiag.core.measurement import Block, Chart, FactList, Items, Paragraph, Table
from aspdiag.render import OutputFormat
from aspdiag.render.console import string_console
from aspdiag.render.html import CSS, block_html
from aspdiag.render.markdown import block_lines
from aspdiag.render.terminal import console_text, fitted_table, hanging


@dataclass(frozen=True)
class Document:
    """What one command shows: a title, blocks, and the JSON view (``data``) of the same content."""

    title: str
    blocks: Sequence[Block]
    data: Any
    """The JSON document (a dict or list): what ``--format json`` prints, unchanged."""


def json_text(data: Any) -> str:
    """Pretty JSON with a trailing newline (non-ASCII kept as it is)."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _terminal(doc: Document, *, color: bool, width: int) -> str:
    console, buffer = string_console(color=color, width=width)
    if doc.title:
        console.print(Text(doc.title, style="bold"))
    for index, block in enumerate(doc.blocks):
        if index and not isinstance(block, Paragraph):
            console.print()  # one blank line between blocks (one installation, one table, one list each)
        if isinstance(block, Table):
            console.print(fitted_table(console, block.header, block.rows, block.title))
        elif isinstance(block, FactList):
            console.print(_facts(block))
        elif isinstance(block, Paragraph):
            indent = 2 if block.code else 0
            console.print(hanging(Text(block.text, style="dim" if block.muted else ""), indent))
        elif isinstance(block, Items):
            if block.heading:
                console.print(Text(block.heading, style="bold"))
            console.print(_bullets(block.items))
        elif isinstance(block, Chart):
            continue  # pictures are for HTML
        else:
            assert_never(block)
    return console_text(buffer, color=color)


def _bullets(items: Sequence[str]) -> RichTable:
    """A bullet list whose wrapped lines stay under their item's text."""
    grid = RichTable.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for item in items:
        grid.add_row("-", Text(item))
    return grid


def _facts(block: FactList) -> RichTable:
    """Label/value rows; a value wraps under itself, so a long path or address stays readable and whole."""
    grid = RichTable.grid(padding=(0, 2))
    grid.add_column(no_wrap=True, style="bold")
    grid.add_column(overflow="fold")
    for label, value in block.rows:
        grid.add_row(label, Text(value))
    return grid


def _markdown(doc: Document) -> str:
    out = [f"# {doc.title}", ""] if doc.title else []
    for block in doc.blocks:
        if isinstance(block, Table) and block.title:
            out += [f"## {block.title}", ""]
        out += block_lines(block)
    return "\n".join(out).rstrip("\n") + "\n"


def _html(doc: Document) -> str:
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(doc.title or 'aspdiag')}</title>",
        f"<style>{CSS}</style></head><body>",
    ]
    if doc.title:
        parts.append(f"<h1>{escape(doc.title)}</h1>")
    for block in doc.blocks:
        if isinstance(block, Table) and block.title:
            parts.append(f"<h2>{escape(block.title)}</h2>")
        parts.append(block_html(block))
    parts.append("</body></html>\n")
    return "\n".join(parts)


def render_document(doc: Document, fmt: OutputFormat, *, color: bool = False, width: int = 100) -> str:
    """The document in one format."""
    if fmt is OutputFormat.JSON:
        return json_text(doc.data)
    if fmt is OutputFormat.MARKDOWN:
        return _markdown(doc)
    if fmt is OutputFormat.HTML:
        return _html(doc)
    if fmt is OutputFormat.TERMINAL:
        return _terminal(doc, color=color, width=width)
    assert_never(fmt)
