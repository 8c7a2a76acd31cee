"""explain: what blind round 222 found that was mended (the test failed on the code before its fix)."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_explain_round58 import cause_ids

BLIND = Path(__file__).resolve().parents[1] / "data" / "explain" / "blind"


def test_a_swedish_otherwise_expected_message_is_no_run():
    """A Swedish change record: 'annars väntas "ascp: failed to authenticate, exiting." från deras sida' (otherwise
    ... is expected from their side), a plan and a test planned: no run (it had read as a confident failure)."""
    text = (BLIND / "round222-servers/19-sv-andringsarende-sshd-hardening-versionskontroll.txt").read_text(
        encoding="utf-8"
    )
    assert cause_ids(text) == []


def test_a_test_fixtures_tuples_of_ascp_s_words_are_no_runs():
    """A .NET notebook's fixtures, '("ascp: failed to authenticate, exiting.",   FaspCategory.Auth),' and kin: code,
    no run (eight runs had been read, one a confident failure)."""
    text = (BLIND / "round222-documents/17-polyglot-notebook-ascp-parser-tests.dib").read_text(encoding="utf-8")
    assert cause_ids(text) == []


def test_a_tuple_of_a_run_s_output_lines_is_still_read_where_it_is_a_run():
    """Guard: a run's own output stays a run beside such code: ascp's words on their own lines."""
    text = "$ ascp -P 33001 --mode=send --user=u --host=h a.tar /in/\nascp: failed to authenticate, exiting.\n"
    assert cause_ids(text) == ["auth"]
