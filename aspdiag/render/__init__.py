"""Renderers: pure functions from a Report to a string, one per output format."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import assert_never

from aspdiag.core.model import Report


class OutputFormat(StrEnum):
    """The formats ``--format`` accepts."""

    TERMINAL = "terminal"
    JSON = "json"
    MARKDOWN = "markdown"
    HTML = "html"

    @property
    def suffix(self) -> str:
        """File name suffix for reports in this format."""
        return {"terminal": ".txt", "json": ".json", "markdown": ".md", "html": ".html"}[self.value]

    def to_renderer(self, *, color: bool = False, width: int = 100) -> Callable[[Report], str]:
        """The render function for this format."""
        if self is OutputFormat.TERMINAL:
            from aspdiag.render.terminal import render_terminal

            return lambda report: render_terminal(report, color=color, width=width)
        if self is OutputFormat.JSON:
            from aspdiag.report.codec import render_json

            return render_json
        if self is OutputFormat.MARKDOWN:
            from aspdiag.render.markdown import render_markdown

            return render_markdown
        if self is OutputFormat.HTML:
            from aspdiag.render.html import render_html

            return render_html
        assert_never(self)

    @staticmethod
    def from_suffix(path: str) -> OutputFormat | None:
        """The format a file name's suffix names (``.json``/``.jsonl``, ``.md``, ``.html``, ``.txt``), if any."""
        lowered = path.lower()
        for fmt in OutputFormat:
            if lowered.endswith((fmt.suffix, *_MORE_SUFFIXES.get(fmt.value, ()))):
                return fmt
        return None


_MORE_SUFFIXES = {
    "json": (".jsonl", ".ndjson"),  # JSON Lines: what streams such as 'aspdiag watch' write
    "markdown": (".markdown",),
    "html": (".htm",),
}
