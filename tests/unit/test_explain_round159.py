"""explain: what blind rounds 157 and 159 found that was mended in this session, with guards (each test but the
guards failed on the code before its fix)."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_explain_round58 import cause_ids

BLIND = Path(__file__).resolve().parents[1] / "data" / "explain" / "blind"


def _blind(name: str) -> str:
    return (BLIND / name).read_text(encoding="utf-8")


def test_a_wrappers_run_table_under_its_notes_reads_a_run_per_row():
    """A wrapper's CSV summary, its notes as comments above the header, one row per ascp call with its exit status:
    the rows that exited 0 with ascp's summary line are runs that worked, beside the one that failed."""
    text = _blind("round157-ordinary/23-batch-wrapper-summary.csv")
    assert cause_ids(text) == ["ok", "ok", "no-such-file", "ok"]


def test_a_run_tables_rows_told_by_status_alone():
    """Rows whose message is a result word ("complete") or empty beside their exit status: each is a run; a failed
    row with nothing captured is a run whose cause the table does not hold."""
    text = (
        "# batch.py run 2025-08-19 (ascli 4.19.0)\n"
        "job_id,started_utc,source,ascli_exit,bytes,message\n"
        "1,2025-08-19T01:00:05Z,/masters/A/,0,2147483648,complete\n"
        '2,2025-08-19T01:38:11Z,/masters/B/,1,0,"Server aborted session: No such file or directory"\n'
        "3,2025-08-19T01:40:00Z,/masters/C/,1,0,\n"
        "4,2025-08-19T02:12:01Z,/masters/D/,0,966367641,complete\n"
    )
    assert cause_ids(text) == ["ok", "no-such-file", "unknown", "ok"]


def test_a_watch_folders_history_by_status_word_newest_first():
    """A history export whose successes carry no message, only "success" in the status column, listed newest first:
    four runs in the order they ran (it had read as the one failure)."""
    text = _blind("round159-hard-middle/15-watchfolder-history-newest-first.csv")
    assert cause_ids(text) == ["ok", "ok", "stronger-encryption", "ok"]


def test_a_run_tables_notes_are_no_runs_and_its_rows_are_ordered_by_date():
    """A weekly report's comment lines ("or the Completed line") are its notes, and its rows, newest first, are read
    in the order they ran."""
    text = _blind("round137-documents/17-weekly-transfer-report-kw37.csv")
    assert cause_ids(text) == ["permission", "exists", "ok"]


def test_a_run_tables_cell_with_a_progress_bar_then_the_stop():
    """The last output cell joins the run's last lines by bars, its progress bar first, then "Session Stop (Error:
    Cancelled by user)": that row is the cancelled run."""
    text = _blind("round154-documents/23-transfer-report-mixed.csv")
    assert cause_ids(text) == ["ok", "permission", "cancelled", "ok"]


def test_guard_a_run_tables_row_that_began_two_runs_is_one():
    """Guard (read right before, as a log export): a job history's message cell "ascp: ..., exiting. | Session
    Stop  (Error: ...)": both lines are the row's one run, and a partial completion's counts then its stop are one
    run too."""
    text = _blind("round132-documents/18-xfer-job-history-export.csv")
    assert cause_ids(text) == ["exists", "stall", "permission"]


def test_guard_a_log_exports_status_column_of_levels_is_no_run_table():
    """Guard: a log search's export whose "status" column holds log levels (info, error) stays a log export: its
    messages are read as the log lines they are."""
    text = _blind("round150-servers/07-datadog-export-node-token-refusals.csv")
    assert cause_ids(text) == ["ok", "unauthorized", "unauthorized", "ok"]


def test_a_summary_that_counts_failed_files_is_no_success():
    """ "Completed: ...", then "(43691K bits/sec), in 6 files, 4 directories; 3 files failed.": part of the run
    failed, whatever the first line's word (it had read as a run that worked, with high confidence)."""
    text = (
        "Completed: 19711732K bytes transferred in 3695 seconds\n"
        " (43691K bits/sec), in 6 files, 4 directories; 3 files failed.\n"
    )
    assert cause_ids(text) == ["unknown"]


def test_guard_a_summary_without_failed_files_is_a_success():
    """Guard: the same summary with no failed files is a run that worked."""
    text = "Completed: 19711732K bytes transferred in 3695 seconds\n (43691K bits/sec), in 6 files, 4 directories.\n"
    assert cause_ids(text) == ["ok"]


def test_a_runbook_whose_lines_are_no_real_incidents_output():
    """ "Nothing in this page is output from a real incident; all lines are examples.": the runbook's sample of
    "ascp: failed to authenticate, exiting." is no run (it had read as one, with medium confidence)."""
    assert cause_ids(_blind("round159-hard-middle/22-runbook-reading-ascp-errors.md")) == []


def test_a_code_tables_messages_after_their_code_and_name_make_it_a_document():
    """A wiki's table of FASP codes ("| 12 | TRANSFER_ERROR | Error establishing SSH connection (check SSH port and
    firewall) | ..."): the words are in the third cell, and the table is the page's catalogue, no run (it had read
    as a blocked SSH port, with high confidence)."""
    assert cause_ids(_blind("round159-documents/04-confluence-de-fasp-fehlercodes.md")) == []


def test_windows_sshd_log_tells_an_old_clients_failed_handshakes():
    """Windows' OpenSSH log (``3812 2025-02-20 01:30:04.131 sshd: Unable to negotiate ... Their offer:
    diffie-hellman-group1-sha1,diffie-hellman-group14-sha1``), its one address that of the customer whose ascp 3.5
    printed "failed to authenticate": two handshakes that failed, not a scanner's (it had read as one auth)."""
    text = _blind("round159-servers/06-win-openssh-kex-group1-ticket.txt")
    assert cause_ids(text) == ["ssh-handshake", "ssh-handshake"]


def test_guard_a_named_scanners_group1_offer_stays_a_scanners():
    """Guard: the weekly vulnerability scanner's group1-only offer, the address a person names and that sent no SSH
    banner, says nothing of the Airflow task's run that failed without output."""
    assert cause_ids(_blind("round102-servers/24-airflow-task-generic-failure-and-scanner.txt")) == ["ok", "unknown"]


def test_a_clients_paste_after_a_servers_table_is_not_its_last_sessions():
    """A report's Graylog table of the server's records (its FASP port local, the partner's ephemeral one as peer),
    then the partner's "Partial Completion: ... Disk write failed (server)": the paste is the failed session's side,
    not -L- output of the next session, which worked (it had read as disk, then an unknown partial run)."""
    assert cause_ids(_blind("round159-servers/11-graylog-quota-piena-ja.md")) == ["disk", "ok"]


def test_datadogs_log_explorer_json_export_is_read_as_its_records():
    """Datadog's export of {"date", "host", "service", "status", "content": {"message"}} records: the stalled
    session and the relaunch that worked (only the stall's Session Stop had been read)."""
    assert cause_ids(_blind("round159-servers/12-datadog-stall-nfs-target-rate.json")) == ["stall", "ok"]


def test_a_nextflow_attempt_killed_at_its_time_limit_then_the_first_attempts_files():
    """Nextflow's error block of the task's last attempt (slurmstepd's "CANCELLED ... DUE TO TIME LIMIT", exit
    140), then a grep of .nextflow.log naming the first attempt ("Execution is retried (1)") and that attempt's
    .command.out ("Session initiation failed, read timed out"): two attempts in the order they ran (both had read
    as the first's cause)."""
    text = _blind("round159-hard-middle/11-nextflow-attempts-init-timeout-then-timelimit.txt")
    assert cause_ids(text) == ["session-start", "cancelled"]


def test_a_clients_content_protection_paste_beside_the_servers_code_48():
    """The server's session logged errcode=48 "File encryption/decryption error"; the sender's paste says "Server
    requires content protection", and the operator's "Told them to set ASPERA_SCP_FILEPASS" is advice: one run,
    content protection (it had read as a passphrase, with high confidence, beside it)."""
    assert cause_ids(_blind("round160-servers/06-loki-logcli-content-protection.txt")) == ["content-protection"]


def test_an_html_newsletter_numbered_as_an_issue_quotes_no_run():
    """ "<h1>IT-nyt for forskere — nummer 7</h1>": a newsletter, its list items quoting what ascp would say (each
    <code> on a line of its own inside the item's sentence), no run (it had read as UDP and TCP failures, with high
    confidence)."""
    assert cause_ids(_blind("round160-documents/19-danish-it-newsletter-aspera.html")) == []


def test_a_transfer_sdk_apps_completed_statuses_are_runs():
    """A Transfer SDK sample's "status=COMPLETED bytes=10485760  files_completed=1 files_failed=0" for each of its two
    transfers: two runs that worked (it had read none)."""
    assert cause_ids(_blind("round160-clients/18-transfer-sdk-python-two-ok.txt")) == ["ok", "ok"]


def test_guard_a_transfer_sdk_status_with_failed_files_is_no_success():
    """Guard: the same status naming failed files is no word of success."""
    text = "transfer id: 6f1c0b9e\n  status=COMPLETED bytes=10485760  files_completed=1 files_failed=2\n"
    assert "ok" not in cause_ids(text)


def test_otherwise_before_ascps_words_is_no_run():
    """ "লগইন ঠিক আছে, নইলে "failed to authenticate" আসত" (the login is fine, otherwise it would have said ...): a
    colleague's reasoning in a chat, no third run."""
    assert cause_ids(_blind("round160-documents/17-bengali-chat-ena-moved-path.txt")) == ["no-such-file", "ok"]


def test_a_latvian_faqs_note_that_its_messages_are_examples():
    """ "Tajā citētie kļūdu paziņojumi ir piemēri, nevis kāda konkrēta lietotāja pārsūtīšana.": the FAQ's quoted
    messages are no runs."""
    assert cause_ids(_blind("round160-documents/22-latvian-faq-aspera.rst")) == []


def test_guard_a_reference_table_with_an_rc_column_is_no_run_table():
    """Guard (review): a runbook's CSV of what ascp says, an "rc" column beside, and no time of any run: no runs."""
    text = (
        "symptom,rc,message,fix\n"
        'auth,1,"ascp: failed to authenticate, exiting.",check the key\n'
        'port,1,"ascp: Failed to open TCP connection for SSH, exiting.",add -P 33001\n'
        'perm,1,"Session Stop  (Error: Server aborted session: Read access denied for user)",ask the owner\n'
    )
    assert cause_ids(text) == []


def test_guard_otherwise_in_a_report_keeps_its_run():
    """Guard (review): "otherwise" in a person's own report ("Ran it again (otherwise same flags): ...") is no
    hypothetical."""
    text = "Ran it again (otherwise same flags): ascp: Failed to open TCP connection for SSH, exiting.\n"
    assert cause_ids(text) == ["ssh-port"]


def test_guard_a_run_tables_last_row_does_not_take_the_runs_after_it():
    """Guard (review): a run table, then the console of later retries: the table's rows and each later run apart."""
    text = (
        "# nightly aspera batch\n"
        "job,started,exit_code,message\n"
        "1,2025-08-19T01:00:05Z,0,complete\n"
        "2,2025-08-19T01:10:05Z,1,\n"
        "\n"
        "Console of a later try:\n"
        "Session Stop  (Error: Server aborted session: Read access denied for user)\n"
        "\n"
        "Completed: 1024K bytes transferred in 3 seconds\n"
        " (2700K bits/sec), in 1 file.\n"
    )
    assert cause_ids(text) == ["ok", "unknown", "permission", "ok"]


def test_guard_an_odd_status_cell_is_read_without_error():
    """Guard (review): a status cell "--1" is no exit status, and reading goes on (no exception)."""
    text = "# batch\njob,started,exit_code,message\n1,2025-08-19T01:00:05Z,0,complete\n2,2025-08-19T01:10:05Z,--1,\n"
    assert cause_ids(text) == []
