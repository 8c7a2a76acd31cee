"""Every renderer's exact output for the shared sample report, compared with golden files.

After an intended change: ASPDIAG_UPDATE_SNAPSHOTS=1 python -m pytest tests/unit/test_snapshots.py, then
review the diff of tests/data/snapshots/ like any other change.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from aspdiag.render import OutputFormat
from tests.unit.test_render import sample_report  # noqa: F401  (fixture)

SNAPSHOTS = Path(__file__).resolve().parents[1] / "data" / "snapshots"


@pytest.mark.parametrize("fmt", list(OutputFormat))
def test_snapshot(sample_report, fmt):  # noqa: F811
    text = fmt.to_renderer(color=False, width=120)(sample_report)
    path = SNAPSHOTS / f"sample{fmt.suffix}"
    if os.environ.get("ASPDIAG_UPDATE_SNAPSHOTS") == "1":
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"no snapshot {path.name}: run with ASPDIAG_UPDATE_SNAPSHOTS=1 once"
    assert text == path.read_text(encoding="utf-8")
