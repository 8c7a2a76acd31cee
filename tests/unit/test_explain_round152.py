"""explain: what blind round 152 found, and guards beside the fixes (each test but the guards failed on the code
before its fix)."""

from __future__ import annotations

from tests.unit.test_explain_round58 import cause_ids
from tests.unit.test_explain_round149 import _blind


def test_a_how_to_whose_samples_are_ibms_holds_no_run():
    """ "No incident data on this page", "All sample lines below are taken from IBM's support articles": its
    stamped log records are samples (one had been read as auth at high: a confident wrong answer)."""
    assert cause_ids(_blind("round152-servers/23-splunk-field-extraction-howto.md")) == []
    text = (
        "# How-to\nNo incident data on this page.\n\n```\n"
        "2015-09-15 14:10:39 [59c-00001c80] ERR failed to authenticate\n"
        "2015-09-15 14:10:39 [59c-000023c8] LOG FASP Session Start uuid=ff820f21-f00f-4ab5-ab7e-ceba3a18a81c "
        'op=send status=failed errcode=19 errstr="Authentication failure"\n```\n'
    )
    assert cause_ids(text) == []


def test_an_incident_pages_stamped_records_are_still_read():
    """Guard: an incident page's own records (no word that they are samples) are its runs."""
    text = (
        "# INC-4411: partner upload refused\n\nThe server's log of the attempt:\n\n"
        "2025-03-01 10:00:01 [59c-00001c80] ERR failed to authenticate\n"
        "2025-03-01 10:00:01 [59c-000023c8] LOG FASP Session Start uuid=ff820f21-f00f-4ab5-ab7e-ceba3a18a81c "
        'op=send status=failed errcode=19 errstr="Authentication failure"\n'
    )
    assert cause_ids(text) == ["auth"]


def test_rundecks_execution_page_without_levels_is_read_as_its_output():
    """ "03:00:00  [rundeck@xfer-01 1. Command] ..." (the execution page's text, no level): ascli's two failed
    attempts and the one that completed (nothing had been read)."""
    assert cause_ids(_blind("round152-clients/06-rundeck-ascli-nfs-disk-read-retry.log")) == [
        "read-error",
        "read-error",
        "ok",
    ]


def test_a_prefect_tasks_ascp_prompt_is_the_key_files_symptom():
    """ "Task run 'ascp_download-0' - ascp: Key passphrase:" under Prefect's stamp: the key-file symptom (had been
    unknown)."""
    assert cause_ids(_blind("round152-clients/01-prefect-connect42-dsa-key-passphrase.log")) == ["key-file"]


def test_first_try_copied_from_a_wiki_is_the_persons_own_run():
    """ "First try, copied from an old lab wiki:" over the command and its output: what was copied is the command,
    the run is theirs (it had been read as a copied document's sample)."""
    assert cause_ids(_blind("round152-hard-middle/06-issue-dsa-then-rsa-then-ok.md")) == ["auth", "ok"]


def test_a_wrapper_historys_summary_tail_cell_is_a_completed_run():
    """A CSV of each run's last stdout line, under the export's comment lines: '" (5132K bits/sec), in 1 file."'
    with exit 0 is a run that completed (the two had not been read)."""
    assert cause_ids(_blind("round152-documents/24-wrapper-history-report.csv")) == [
        "ok",
        "udp",
        "ok",
        "session-start",
    ]


def test_a_rules_file_under_comments_is_no_table():
    """Guard: a Snort rules file's "var X [a,b,c]" under its comments is no CSV header."""
    assert cause_ids(_blind("round124-documents/11-snort-rules-fasp-ports.rules")) == []
