"""Presets for well-known Aspera services (a data file shipped with the package, plus the user's own)."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from aspdiag.core.errors import ConfigError


@dataclass(frozen=True)
class Preset:
    """Host, ports and transfer user of one service."""

    name: str
    host: str
    description: str = ""
    user: str | None = None
    ssh_ports: tuple[int, ...] = ()
    udp_ports: tuple[int, ...] = ()
    note: str = ""
    key_files: tuple[str, ...] = ()
    """Key files a public download with this service needs (any one of them)."""
    test_file: str | None = None
    """A public file on the server that a capped test download may fetch the first bytes of."""


def user_presets_path() -> Path:
    """``$XDG_CONFIG_HOME/aspdiag/presets.toml`` (``~/.config/...`` by default)."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "aspdiag" / "presets.toml"


def _parse(text: str, origin: str) -> dict[str, Preset]:
    try:
        data: dict[str, Any] = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"preset file {origin} is not valid TOML ({exc})", "fix the file or remove it") from None
    presets: dict[str, Preset] = {}
    for name, entry in data.items():
        if not isinstance(entry, dict) or not isinstance(entry.get("host"), str):
            raise ConfigError(f"preset {name!r} in {origin} has no host", 'each preset needs host = "..."')
        try:
            presets[name.lower()] = Preset(
                name=name.lower(),
                host=entry["host"],
                description=str(entry.get("description", "")),
                user=entry.get("user"),
                ssh_ports=tuple(int(p) for p in entry.get("ssh_ports", ())),
                udp_ports=tuple(int(p) for p in entry.get("udp_ports", ())),
                note=str(entry.get("note", "")),
                key_files=tuple(str(k) for k in entry.get("key_files", ())),
                test_file=str(entry["test_file"]) if entry.get("test_file") else None,
            )
        except (TypeError, ValueError):
            raise ConfigError(f"preset {name!r} in {origin} has invalid ports", "ports are lists of numbers") from None
    return presets


def load_presets(extra: Path | None = None) -> dict[str, Preset]:
    """Built-in presets, overridden by the user's file and then by ``extra``."""
    builtin = resources.files("aspdiag").joinpath("data/presets.toml").read_text(encoding="utf-8")
    presets = _parse(builtin, "the built-in presets")
    for path in (user_presets_path(), extra):
        if path is None:
            continue
        if path is extra or path.exists():
            try:
                text = path.read_text(encoding="utf-8")
            except OSError as exc:
                raise ConfigError(
                    f"cannot read preset file {path}: {exc.strerror or exc}",
                    "give a TOML preset file; see 'aspdiag presets'",
                ) from None
            except UnicodeDecodeError:
                raise ConfigError(f"preset file {path} is not UTF-8 text", "save it as UTF-8 TOML") from None
            presets.update(_parse(text, str(path)))
    return presets
