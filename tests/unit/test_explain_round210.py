"""explain: what blind round 210 found that was mended (the test failed on the code before its fix)."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_explain_round58 import cause_ids

BLIND = Path(__file__).resolve().parents[1] / "data" / "explain" / "blind"


def test_a_rules_file_saying_nothing_below_is_a_real_session():
    """A Wazuh rules file's "# NOTE: these are detection patterns and test fixtures only. Nothing below is a real
    session." over its examples and fixtures: no run (three had read as confident runs)."""
    text = (BLIND / "round210-servers/24-wazuh-rules-aspera-runbook.yaml").read_text(encoding="utf-8")
    assert cause_ids(text) == []
