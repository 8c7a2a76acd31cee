"""The command line: thin typer commands over the engine, the tools and the renderers (``root`` registers
them; one module per command or group)."""

from __future__ import annotations

from aspdiag.cli.root import app, main

__all__ = ["app", "main"]
