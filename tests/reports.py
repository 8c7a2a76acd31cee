"""Building Report objects in tests: sections by keyword (``dns=``, ``ports=``...), judged like the engine
judges a finished check, so that ``report.assessment`` holds the verdict."""

from __future__ import annotations

from dataclasses import fields, replace
from typing import Any

from aspdiag.core.model import Report
from aspdiag.engine.registry import MEASUREMENTS
from aspdiag.engine.verdict import judge

SECTION_KEYS = {m.key for m in MEASUREMENTS}
FIELDS = {f.name for f in fields(Report)}


def _split(changes: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    sections = {k: v for k, v in changes.items() if k in SECTION_KEYS}
    rest = {k: v for k, v in changes.items() if k not in SECTION_KEYS}
    unknown = set(rest) - FIELDS
    if unknown:
        raise TypeError(f"Report has no field or section {sorted(unknown)}")
    return sections, rest


def make_report(*args: Any, **kwargs: Any) -> Report:
    """``Report(...)`` with sections given by their keys, judged."""
    sections, rest = _split(kwargs)
    empty = {m.key: m.empty for m in MEASUREMENTS}
    rest["sections"] = {**empty, **sections}
    return judge(Report(*args, **rest))


def revise(report: Report, **changes: Any) -> Report:
    """``dataclasses.replace`` for reports: fields and sections by keyword, judged again."""
    sections, rest = _split(changes)
    return judge(replace(report, sections={**report.sections, **sections}, **rest))
