"""The JSON Schema of every JSON document aspdiag writes, by kind (``aspdiag schema KIND``).

Where a document is a dataclass encoded by :mod:`aspdiag.core.codec` (the report, ascp installations,
presets, history entries, run attempts) its schema comes from the same definitions, so the two cannot drift;
documents built as plain dicts (the catalogue, the run state, explain's envelope, watch's JSON Lines) have
their schema written out here, next to each other, and tests validate real output of every command against
them (``tests/unit/test_cli_grammar.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, get_type_hints

from aspdiag.core import codec
from aspdiag.core.errors import ConfigError
from aspdiag.core.history import CheckSummary
from aspdiag.core.model import SCHEMA_VERSION
from aspdiag.core.presets import Preset
from aspdiag.fasp.find import AscpInstallation
from aspdiag.report.codec import report_schema
from aspdiag.tools import catalog as cat
from aspdiag.tools.explain.session import SessionExplanation
from aspdiag.tools.supervise.supervisor import STATE_FORMAT, STATE_VERSION, Attempt, RunProgress

DRAFT = "https://json-schema.org/draft/2020-12/schema"
DOCUMENT_VERSION = 1
"""The layout version of the small JSON documents (ascp, presets, catalog-verification, watch, schema-kinds)."""

_STR = {"type": "string"}
_INT = {"type": "integer"}
_NUM = {"type": "number"}
_BOOL = {"type": "boolean"}


def _null(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


def _obj(properties: dict[str, Any], required: list[str] | None = None, **more: Any) -> dict[str, Any]:
    return {"type": "object", "properties": properties, "required": required or sorted(properties), **more}


def _array(items: dict[str, Any]) -> dict[str, Any]:
    return {"type": "array", "items": items}


_TOOL = _obj({"name": {"const": "aspdiag"}, "version": _STR})
_PATH_REASON = _obj({"path": _STR, "reason": _STR})


def _document(kind: str, title: str, body: dict[str, Any], defs: dict[str, Any] | None = None) -> dict[str, Any]:
    out = {"$schema": DRAFT, "$id": f"https://aspdiag.invalid/schema/{kind}.json", "title": title, **body}
    if defs:
        out["$defs"] = defs
    return out


def _small(kind: str, title: str, properties: dict[str, Any], defs: dict[str, Any] | None = None) -> dict[str, Any]:
    """A document with the common envelope: ``kind``, ``version`` and ``tool``."""
    props = {"kind": {"const": kind}, "version": {"const": DOCUMENT_VERSION}, "tool": _TOOL, **properties}
    return _document(kind, title, _obj(props), defs)


def ascp_schema() -> dict[str, Any]:
    defs: dict[str, Any] = {}
    item = codec.schema(AscpInstallation, defs)
    return _small("ascp", "aspdiag ascp", {"looked_at": _STR, "installations": _array(item)}, defs)


def presets_schema() -> dict[str, Any]:
    defs: dict[str, Any] = {}
    item = codec.schema(Preset, defs)
    return _small("presets", "aspdiag presets", {"presets": _array(item)}, defs)


def catalog_schema() -> dict[str, Any]:
    """The catalogue JSON (``tools.catalog.to_json``): one object, entries one per line."""
    entry = _obj(
        {"path": _STR, "size_bytes": _INT, "mtime_utc": _STR, "mtime_ns": _INT, "sha256": _STR, "md5": _STR},
        ["path", "size_bytes", "mtime_utc", "mtime_ns"],
    )
    body = _obj(
        {
            "format": {"const": cat.FORMAT_NAME},
            "version": {"const": cat.FORMAT_VERSION},
            "root": _STR,
            "created_utc": _STR,
            "algorithm": _null({"enum": list(cat.ALGORITHMS)}),
            "file_count": _INT,
            "total_bytes": _INT,
            "partial": _array(_PATH_REASON),
            "problems": _array(_PATH_REASON),
            "skipped": _array(_PATH_REASON),
            "entries": _array(entry),
        }
    )
    return _document("catalog", "aspdiag catalog (also the .json catalogue in reports/)", body)


def catalog_verification_schema() -> dict[str, Any]:
    entry = _obj({"path": _STR, "size_bytes": _INT, "mtime_utc": _STR})
    return _small(
        "catalog-verification",
        "aspdiag catalog --verify",
        {
            "catalog": _STR,
            "checked": _INT,
            "identical": _BOOL,
            "missing": _array(entry),
            "extra": _array(entry),
            "changed": _array(_obj({"path": _STR, "what": _STR})),
            "problems": _array(_PATH_REASON),
            "partial": _array(_PATH_REASON),
        },
    )


def run_state_schema() -> dict[str, Any]:
    """The state file of ``aspdiag run`` (also what ``run`` and ``status`` print with --format json)."""
    defs: dict[str, Any] = {}
    attempt = codec.schema(Attempt, defs)
    hints = get_type_hints(RunProgress)  # the module uses postponed annotations: resolve them
    progress_props = {name: codec.schema(hint, defs) for name, hint in hints.items() if name != "last_change_s"}
    diagnosis = _obj(
        {
            "outcome": _STR,
            "error_code": _null(_INT),
            "error_message": _null(_STR),
            "cause": _STR,
            "confidence": _STR,
            "next_step": _STR,
            "who": _STR,
            "check_command": _null(_STR),
        }
    )
    status = {"enum": ["starting", "running", "stalled", "waiting", "succeeded", "failed", "interrupted"]}
    body = _obj(
        {
            "format": {"const": STATE_FORMAT},
            "version": {"const": STATE_VERSION},
            "tool_version": _STR,
            "supervisor_pid": _INT,
            "child_pid": _null(_INT),
            "hostname": _STR,
            "started_utc": _STR,
            "updated_utc": _STR,
            "ended_utc": _null(_STR),
            "status": status,
            "outcome": _null(_STR),
            "stop_signal": _null(_STR),
            "command": _array(_STR),
            "current_command": _array(_STR),
            "attempt": _INT,
            "max_attempts": _INT,
            "retry_in_s": _null(_NUM),
            "stall_after_s": _NUM,
            "stalls": _INT,
            "progress": _obj(progress_props),
            "attempts": _array(attempt),
            "diagnosis": _null(diagnosis),
            "last_lines": _array(_STR),
        }
    )
    return _document("run-state", "aspdiag run state (aspdiag run / status --format json)", body, defs)


def watch_schema() -> dict[str, Any]:
    """``aspdiag watch --format json`` writes JSON Lines: every line is one of these objects."""
    envelope = {"version": {"const": DOCUMENT_VERSION}, "at_utc": _STR}
    sample = _obj(
        {
            "kind": {"const": "watch-sample"},
            **envelope,
            "total_bytes": _INT,
            "expected_bytes": _INT,
            "percent": _null(_NUM),
            "rate_mbps": _NUM,
            "eta_s": _null(_NUM),
            "files": _INT,
            "stalled_s": _NUM,
        }
    )
    event = _obj(
        {
            "kind": {"const": "watch-event"},
            **envelope,
            "event": {"enum": ["stall", "done", "stopped"]},
            "outcome": _null({"enum": ["done", "stalled", "timeout", "interrupted"]}),
            "reason": _STR,
            "total_bytes": _INT,
            "expected_bytes": _INT,
            "stalled_s": _NUM,
            "elapsed_s": _NUM,
            "exit_code": _null(_INT),
        }
    )
    return _document(
        "watch", "aspdiag watch --format json (JSON Lines: each line is one object)", {"oneOf": [sample, event]}
    )


def explain_schema() -> dict[str, Any]:
    defs: dict[str, Any] = {}
    session = codec.schema(SessionExplanation, defs)
    client = _obj(
        {
            "peer": _STR,
            "user": _STR,
            "sessions": _INT,
            "succeeded": _INT,
            "failed": _INT,
            "bytes": _INT,
            "causes": {"type": "object", "additionalProperties": _INT},
            "last_failure": _null(_STR),
        }
    )
    counts = {"type": "object", "additionalProperties": _INT}
    body = _obj(
        {
            "schema_version": {"const": SCHEMA_VERSION},
            "kind": {"const": "explain"},
            "tool": _TOOL,
            "started_utc": _STR,
            "inputs": _array(_STR),
            "problems": _array(_obj({"input": _STR, "reason": _STR})),
            "lines_read": _INT,
            "bytes_read": _INT,
            "sessions_total": _INT,
            "sessions_omitted": _INT,
            "outcomes": counts,
            "causes": counts,
            "server_side": _BOOL,
            "clients": _array(client),
            "clients_omitted": _INT,
            "sessions": _array(session),
        }
    )
    return _document("explain", "aspdiag explain", body, defs)


def merged_schema() -> dict[str, Any]:
    report = report_schema()
    defs = report.pop("$defs")
    defs["Report"] = {k: v for k, v in report.items() if not k.startswith("$") and k != "title"}
    body = _obj(
        {
            "schema_version": {"const": SCHEMA_VERSION},
            "kind": {"const": "merged"},
            "vantages": _array({"$ref": "#/$defs/Report"}),
            "comparison": _obj({"header": _array(_STR), "rows": _array(_array(_STR))}),
        }
    )
    return _document("merged", "aspdiag report merge", body, defs)


def history_schema() -> dict[str, Any]:
    defs: dict[str, Any] = {}
    summary = codec.schema(CheckSummary, defs)
    check = {"allOf": [summary, _obj({"id": _INT})]}
    body = _obj(
        {
            "kind": {"const": "history"},
            "version": {"const": DOCUMENT_VERSION},
            "database": _STR,
            "checks": _array(check),
        }
    )
    return _document("history", "aspdiag history", body, defs)


def kinds_schema() -> dict[str, Any]:
    return _small(
        "schema-kinds",
        "aspdiag schema (the list of kinds)",
        {"kinds": _array(_obj({"kind": _STR, "describes": _STR}))},
    )


SCHEMAS: dict[str, tuple[str, Callable[[], dict[str, Any]]]] = {
    "report": ("the check report: aspdiag check / report render --format json, reports/*.json", report_schema),
    "merged": ("aspdiag report merge --format json", merged_schema),
    "explain": ("aspdiag explain --format json, reports/explain-*.json", explain_schema),
    "ascp": ("aspdiag ascp --format json", ascp_schema),
    "presets": ("aspdiag presets --format json", presets_schema),
    "catalog": ("aspdiag catalog --format json, reports/catalog-*.json", catalog_schema),
    "catalog-verification": ("aspdiag catalog --verify --format json", catalog_verification_schema),
    "run-state": ("aspdiag run / status --format json, reports/run-*.state.json", run_state_schema),
    "watch": ("aspdiag watch --format json (JSON Lines: one object per line)", watch_schema),
    "history": ("aspdiag history --format json", history_schema),
    "schema-kinds": ("aspdiag schema --format json (this list)", kinds_schema),
}
"""Every kind of JSON document: what it describes, and its schema."""


def schema_for(kind: str) -> dict[str, Any]:
    """The JSON Schema of one kind; ConfigError (exit 2) naming the kinds when there is no such kind."""
    entry = SCHEMAS.get(kind.strip().lower())
    if entry is None:
        raise ConfigError(f"no JSON document kind {kind!r}", f"give one of: {', '.join(SCHEMAS)}")
    return entry[1]()
