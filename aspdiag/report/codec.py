"""The JSON report: the Report to JSON, JSON back to the Report, and the JSON Schema — one codec
(``aspdiag.core.codec``) over the Report's envelope and, through the registry, every measurement's section.

Reading accepts every schema version this aspdiag knows; every problem with a file is one ReportFileError
(one line, exit 2).
"""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from aspdiag.core import codec
from aspdiag.core.errors import ConfigError
from aspdiag.core.model import SCHEMA_VERSION, Report
from aspdiag.engine.registry import MEASUREMENTS

MAX_REPORT_BYTES = 64 * 1024 * 1024
READABLE_VERSIONS = ("1", "2")
"""Schema versions a saved report may have (the layout of each is a superset of the one before)."""
TOP_ORDER = ("schema_version", "tool", "target", "verdict", "changes", "run", "environment")


class ReportFileError(ConfigError):
    """A file that is not a readable aspdiag JSON report of a schema version this aspdiag knows."""

    default_hint = "give a JSON report written by aspdiag check (reports/*.json)"


def _section_json(measurement: Any, section: Any) -> Any:
    value = codec.encode(section)
    if value == [] and measurement.json_key not in ("addresses", "reachability"):
        value = None  # schema 1: a measurement that did not run is null, the address lists are empty
    if measurement.json_wrap:
        return {measurement.json_wrap: value or []}
    return value


def report_to_dict(report: Report) -> dict[str, Any]:
    """The JSON view of a report: the envelope first, then one key per measurement, then the rest."""
    envelope = codec.encode(report)
    out = {key: envelope.pop(key) for key in TOP_ORDER if key in envelope}
    # Every aspdiag JSON document names its kind (as 'aspdiag schema' lists them), the report too.
    out = {"schema_version": out.pop("schema_version"), "kind": "report", **out}
    for measurement in MEASUREMENTS:
        out[measurement.json_key] = _section_json(measurement, report.section(measurement.key, measurement.empty))
    out.update(envelope)
    return out


def render_json(report: Report) -> str:
    """Pretty, stable JSON with a trailing newline."""
    return json.dumps(report_to_dict(report), indent=2, ensure_ascii=False) + "\n"


def _upgrade(data: dict[str, Any]) -> dict[str, Any]:
    """What schema 1 wrote differently: an address whose route was never looked up is listed with a null
    route (it has no route section entry)."""
    addresses = data.get("addresses")
    if isinstance(addresses, list):
        data = {**data, "addresses": [a for a in addresses if not (isinstance(a, dict) and a.get("route") is None)]}
    return data


def report_from_dict(data: Any, name: str = "the report") -> Report:
    """Rebuild a Report (with the verdict it was saved with) from its JSON view; ReportFileError when it is
    not one."""
    tool = data.get("tool") if isinstance(data, dict) else None
    if not isinstance(tool, dict) or tool.get("name") != "aspdiag":
        # Say what it is when it is another aspdiag document (a merged report, an explanation, a catalogue).
        kind = (data.get("kind") or data.get("format")) if isinstance(data, dict) else None
        what = f"an aspdiag {kind} document, not a check report" if isinstance(kind, str) else "not an aspdiag report"
        raise ReportFileError(f"{name} is {what} (no tool.name 'aspdiag')")
    version = data.get("schema_version")
    if str(version) in READABLE_VERSIONS and not isinstance(version, str):
        version = str(version)  # written by hand or another tool as a number: the same version
        data = {**data, "schema_version": version}
    if version not in READABLE_VERSIONS:
        raise ReportFileError(
            f"{name} has report schema version {version!r}; this aspdiag reads version "
            f"{' and '.join(repr(v) for v in READABLE_VERSIONS)}",
            "re-run the check with this version of aspdiag, or use the aspdiag version that wrote it",
        )
    if data.get("kind", "report") != "report":
        raise ReportFileError(f"{name} is an aspdiag {data.get('kind')} document, not a check report")
    data = {key: value for key, value in _upgrade(data).items() if key != "kind"}
    if not isinstance(data.get("verdict"), dict):
        # Without it, rendering would re-judge nothing and show 'not judged' as if that were the saved verdict.
        raise ReportFileError(f"{name} is not a complete aspdiag report (it has no verdict)")
    try:
        report: Report = codec.decode(data, Report)
        sections = {}
        for measurement in MEASUREMENTS:
            raw = data.get(measurement.json_key)
            if measurement.json_wrap and isinstance(raw, dict):
                raw = raw.get(measurement.json_wrap)
            if raw is None:
                sections[measurement.key] = measurement.empty
                continue
            sections[measurement.key] = codec.decode(raw, measurement.section_type, f"$.{measurement.json_key}")
    except codec.DecodeError as exc:
        raise ReportFileError(f"{name} is not a complete aspdiag report ({exc})") from None
    return replace(report, sections=sections, schema_version=SCHEMA_VERSION)


def load_report(path: Path) -> Report:
    """Load and check one saved report."""
    name = str(path)
    try:
        if name == "-":
            # Standard input, as explain reads it (a review: '- does not exist').
            raw = sys.stdin.buffer.read(MAX_REPORT_BYTES + 1)
            if len(raw) > MAX_REPORT_BYTES:
                raise ReportFileError(f"standard input is larger than {MAX_REPORT_BYTES // 2**20} MB")
            text = raw.decode("utf-8")
            name = "standard input"
        else:
            if path.stat().st_size > MAX_REPORT_BYTES:
                raise ReportFileError(f"{name} is larger than {MAX_REPORT_BYTES // 2**20} MB: not an aspdiag report")
            text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ReportFileError(f"{name} does not exist") from None
    except IsADirectoryError:
        raise ReportFileError(f"{name} is a directory") from None
    except UnicodeDecodeError:
        raise ReportFileError(f"{name} is not UTF-8 text: not an aspdiag JSON report") from None
    except OSError as exc:
        raise ReportFileError(f"cannot read {name}: {exc.strerror or exc}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReportFileError(f"{name} is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from None
    except RecursionError:
        raise ReportFileError(f"{name} nests too deeply to be an aspdiag report") from None
    return report_from_dict(data, name)


def report_schema() -> dict[str, Any]:
    """The JSON Schema of the JSON report, from the same definitions the codec encodes."""
    defs: dict[str, Any] = {}
    envelope = codec.schema(Report, defs)
    root = dict(defs.pop("Report"))
    properties = dict(root.get("properties", {}))
    for measurement in MEASUREMENTS:
        section = codec.schema(measurement.section_type, defs)
        if measurement.json_wrap:
            section = {"type": "object", "properties": {measurement.json_wrap: section}}
        properties[measurement.json_key] = {"anyOf": [section, {"type": "null"}]}
    properties["schema_version"] = {"const": SCHEMA_VERSION}
    properties["kind"] = {"const": "report", "description": "Which aspdiag JSON document this is."}
    assert envelope == {"$ref": "#/$defs/Report"}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"https://aspdiag.invalid/schema/report-{SCHEMA_VERSION}.json",
        "title": "aspdiag check report",
        **root,
        "properties": properties,
        "required": sorted({*root.get("required", []), "schema_version", "tool", "target", "verdict", "run"}),
        "$defs": defs,
    }
