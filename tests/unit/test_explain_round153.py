"""explain: what blind round 153 found, and guards beside the fixes (each test but the guards failed on the code
before its fix)."""

from __future__ import annotations

from tests.unit.test_explain_round58 import cause_ids
from tests.unit.test_explain_round149 import _blind


def test_a_pester_test_file_is_code_not_a_run():
    """A PowerShell Pester test file whose here-strings hold ascp's output as fixtures ("nothing here calls ascp"):
    no run (one had been read as auth at medium: a confident wrong answer)."""
    assert cause_ids(_blind("round153-documents/03-pester-ascp-classifier.Tests.ps1")) == []


def test_pester_tests_with_their_live_runs_output_keep_the_runs():
    """Guard: Pester tests followed by "Invoke-Pester ..." and its live tests' output: those runs stay."""
    assert cause_ids(_blind("round136-documents/11-pester-tests-and-live-run-output.txt")) == ["dns", "ssh-port"]


def test_a_mails_cut_here_log_said_to_be_an_excerpt_is_the_senders_run():
    """ "anbei der Auszug aus dem Log vom Desktop Client ...:" three lines above "-----8<-----": the log is theirs
    (it had been a copied document's)."""
    assert cause_ids(_blind("round153-clients/21-de-eml-desktop-client-illegal-chars.eml")) == ["path-name"]


def test_a_bots_running_line_under_timeout_names_the_time_limit():
    """ "[ingest-bot] running: timeout 2h ascp ...", then "ascp exited with code 124": timeout ended it
    (cancelled; it had been unknown)."""
    assert cause_ids(_blind("round153-hard-middle/03-timeout-wrapper-calls-it-network.txt")) == ["cancelled"]


def test_a_functions_running_echo_after_its_prompt_is_no_second_run():
    """Guard: MATLAB's "Running: ascp ..." printed by the function a prompt called is that call's run."""
    assert cause_ids(_blind("round79-documents/15-matlab-help-and-command-window.txt")) == ["ssh-port"]


def test_transferds_status_failed_line_repeats_its_sessions_error():
    """transferd's "transfer <id> status FAILED (<words>)" after "session <id> code 34: <words>": one run (two)."""
    assert cause_ids(_blind("round153-clients/08-transferd-json-log-token-denied.log")) == ["unauthorized"]


def test_a_german_chats_own_ctrl_c_before_sieht_so_aus_is_their_run():
    """ "hab dann Strg+C gedrückt, sieht so aus:" over the cancelled run: their own output, not a sample (it had
    vanished)."""
    assert cause_ids(_blind("round153-ordinary/06-chat-ctrlc-then-ok-de.txt")) == ["cancelled", "ok"]


def test_a_german_sample_intro_stays_a_sample():
    """Guard: "Eine erfolgreiche Übertragung sieht so aus:" is a sample's intro."""
    text = (
        "Eine erfolgreiche Übertragung sieht so aus:\n\n"
        "    Completed: 74523K bytes transferred in 118 seconds\n"
        "     (5132K bits/sec), in 1 file.\n\n"
        "Bei Fehlern bitte ein Ticket aufmachen.\n"
    )
    assert cause_ids(text) == []


def test_elasticsearch_search_hits_are_read_as_records():
    """A Filebeat search response ("hits": {"hits": [{"_source": {"host": {"name"}, "process": {"name"}, ...}}]}):
    the failed login and the later session that completed (the session had been lost)."""
    assert cause_ids(_blind("round153-servers/03-elastic-hits-publickey-then-accepted.json")) == ["auth", "ok"]
