"""explain: what blind round 212 found that was mended (the test failed on the code before its fix)."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_explain_round58 import cause_ids

BLIND = Path(__file__).resolve().parents[1] / "data" / "explain" / "blind"
ENA = "era-fasp@fasp.sra.ebi.ac.uk:/vol1/fastq/ERR173/001/ERR1739691/ERR1739691_1.fastq.gz ."


def test_a_literal_of_ascps_words_given_to_a_variable_in_pytests_traceback_is_code():
    """pytest's report of a parser's failed test: 'line = "Session Stop  (Error: Disk write failed (server))"' in
    its traceback is the test's source, no run (it had read as a confident disk failure)."""
    text = (BLIND / "round212-hard-middle/21-pytest-parser-fixtures-no-run.log").read_text(encoding="utf-8")
    assert cause_ids(text) == []


def test_a_person_who_says_nothing_was_transferred_keeps_their_run():
    """Guard: "nothing was transferred" is how a person tells their run failed, no word that none ran."""
    text = (
        f"$ ascp -QT -P33001 -i k.pem {ENA}\n"
        "Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))\n"
        "Nothing was transferred, the bar stayed at 0%.\n"
    )
    assert cause_ids(text) == ["udp"]


def test_ascps_line_as_the_quoted_message_of_a_puppet_reports_log_entry():
    """Puppet's last run report: a log entry's 'message: "ascp: Cannot resolve target host., exiting."' beside its
    "source: Puppet" entries (read as a page's list of sources, the report as a document): the name lookup failed."""
    text = (BLIND / "round212-clients/05-puppet-last-run-report-dns.yaml").read_text(encoding="utf-8")
    assert cause_ids(text) == ["dns"]


def test_they_tried_it_again_same_error_in_spanish():
    """A WhatsApp chat: "lo han vuelto a intentar antes de leer mi mensaje, mismo error" between the firewall's two
    rejects: two failed tries, then the one with -P 33001 (the second try had not been counted)."""
    text = (BLIND / "round212-servers/16-whatsapp-es-firewalld-puerto22.txt").read_text(encoding="utf-8")
    assert cause_ids(text) == ["ssh-port", "ssh-port", "ok"]


def test_a_page_that_says_it_is_a_reference_only():
    """A service desk's KB page, "It is a reference only; do not paste it into tickets as evidence.", over its table
    of messages: no run (its title had read as a run of unknown cause)."""
    text = (BLIND / "round212-documents/05-kb-aspera-error-catalogue.md").read_text(encoding="utf-8")
    assert cause_ids(text) == []
