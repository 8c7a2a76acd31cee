"""explain: what blind rounds 161 to 167 found that was mended in this session (and older sets the mends read
right since), with guards (each test but the guards failed on the code before its fix)."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_explain_round58 import cause_ids

BLIND = Path(__file__).resolve().parents[1] / "data" / "explain" / "blind"


def _blind(name: str) -> str:
    return (BLIND / name).read_text(encoding="utf-8")


def test_ascli_health_check_ok_in_nagios_form_is_a_run_that_worked():
    """``ascli server health transfer --format=nagios`` runs one ascp transfer; "OK - [transfer:ok]" is its word that
    the transfer worked (a Tekton task's log; it had read as no run at all)."""
    text = _blind("round160-clients/07-tekton-taskrun-ascli-health-ok.txt")
    assert cause_ids(text) == ["ok"]


def test_each_critical_health_check_line_is_its_own_run():
    """A monitor's history of three failed checks, each "CRITICAL - [transfer:License expired]": three runs, not
    two (the same words again had been read as one run's repeat)."""
    text = _blind("round123-hard-middle/22-icinga-history-newest-first.csv")
    assert cause_ids(text) == ["licence", "licence", "licence"]


def test_ascli_list_under_its_count_of_failed_transfers_is_the_same_run():
    """ascli's "ERROR: Transfer: 1 transfer(s) failed:", then "  Remote host is not who we expected (51)": the
    words the run ended with, listed again, not a second run."""
    text = _blind("round161-clients/19-ascli-node-sshfp-hostkey.txt")
    assert cause_ids(text) == ["host-key"]
    assert cause_ids(_blind("round140-clients/04-lsf-job-report-ascli-sshfp.eml")) == ["host-key"]


def test_nextflow_log_tasks_are_listed_as_submitted():
    """.nextflow.log: ERR9012345 submitted first, ERR9012346 a moment later; the second failed at once and its
    output is logged first. The runs are listed as their tasks were submitted."""
    text = _blind("round161-clients/22-nextflow-log-two-ascp-tasks.log")
    assert cause_ids(text) == ["ok", "no-such-file"]


def test_a_run_tables_note_row_without_status_is_no_run():
    """A wrapper's results table whose second row is the operator's note (no run number, no exit code): the table
    is still read a run per row, and the note is none (the whole input had read as no run)."""
    text = _blind("round161-ordinary/15-ncbi-upload-wrapper-results.csv")
    assert cause_ids(text) == ["read-error"]


def test_a_jobs_start_line_with_its_command_under_timeout():
    """ "START CRR588214  cmd: timeout 1h /opt/aspera/connect/bin/ascp ...", then "END CRR588214 rc=124": timeout(1)
    ended the run at its limit, a cancel (it had read as a run of unknown cause)."""
    text = _blind("round161-ordinary/17-timeout-wrapper-gsa-cancelled.log")
    assert cause_ids(text) == ["cancelled"]


def test_a_pods_current_state_oomkilled_under_a_bar_still_moving():
    """`kubectl logs --previous` shows the bar at 61 %, no end; `kubectl describe` then says the container's
    current state is Terminated, OOMKilled, exit 137: ascp was cut off, a cancel from outside."""
    text = _blind("round161-hard-middle/02-k8s-oomkilled-mid-progress.yaml")
    assert cause_ids(text) == ["cancelled"]


def test_guard_a_pods_current_oomkilled_after_a_run_that_completed():
    """Guard: after ascp's summary, the current state's OOMKilled is another program's end (round 114's case)."""
    text = (
        "$ kubectl logs job/fetch -c fetch\n"
        "+ ascp -T -l 300m -P 33001 -i /k/aspera_bypass_rsa.pem era-fasp@fasp.sra.ebi.ac.uk:vol1/x.bam /in/\n"
        "x.bam                                     100%   11GB  287Mb/s    05:10\n"
        "Completed: 11534336K bytes transferred in 310 seconds\n"
        " (287000K bits/sec), in 1 file.\n"
        "$ kubectl describe pod fetch-7xk2p\n"
        "Containers:\n"
        "  fetch:\n"
        "    State:          Terminated\n"
        "      Reason:       OOMKilled\n"
        "      Exit Code:    137\n"
    )
    assert cause_ids(text) == ["ok"]


def test_a_french_mail_of_a_bar_fallen_to_zero_still_open_is_a_stall():
    """ "démarre très bien puis se bloque", the terminal's last lines pasted (the bar at 43 %, 0.0Kb/s), the window
    still open: a stall, told by the person (it had been no run: "Le terminal affiche encore ceci" had read as a
    document's words on sample output)."""
    text = _blind("round161-hard-middle/10-fr-mail-progress-frozen-cut-end.eml")
    assert cause_ids(text) == ["stall"]


def test_a_runbooks_call_out_over_a_quotes_line_break():
    """ "> ... Nothing below is from a" / "> live incident; hosts are placeholders.": the page's samples are no
    runs (its title had been read as one)."""
    assert cause_ids(_blind("round161-hard-middle/24-runbook-error-samples.md")) == []


def test_a_newsletters_run_told_as_ended_like_this():
    """A newsletter item: "one upload to the ENA Webin drop box ended like this" / "(shared with permission,
    credentials removed):", then the typed ascp after its variable and its Session Stop: that run is read."""
    text = _blind("round161-documents/23-lab-newsletter-deprecated-licence.md")
    assert cause_ids(text)[:1] == ["licence"]


def test_ibm_error_44_articles_sample_session_is_no_run():
    """A knowledge-base page in Basque quoting IBM's error 44 sample (its 2015-04-30 11:13:34 session): an example,
    no run (it had read as a confident ssh-port failure)."""
    assert cause_ids(_blind("round162-documents/02-basque-kb-error44.md")) == []


def test_guard_ibm_error_44_articles_sample_alone_is_the_failure_it_shows():
    """Guard: the sample pasted alone (the article's excerpt, a report made of it) reads as the TCP failure it
    shows."""
    real = Path(__file__).resolve().parents[1] / "data" / "explain" / "real"
    assert cause_ids((real / "ibm-kb-44-ssh-port.txt").read_text(encoding="utf-8")) == ["ssh-port"]


def test_guard_the_sample_sessions_uuid_under_a_reports_own_date_is_a_run():
    """Guard: a report whose log reuses that uuid under its own date is read as it is."""
    assert cause_ids(_blind("round76-ordinary/24-de-partner-upload-log.log")) == ["ssh-port"]


def test_a_finnish_newsletter_titled_in_capitals_quotes_no_run():
    """ "TUTKIMUSLASKENNAN UUTISKIRJE 2/2025": a newsletter, its items quoting ascp's words as advice."""
    assert cause_ids(_blind("round162-documents/10-finnish-newsletter-ncbi-aspera.txt")) == []


def test_a_review_saying_nothing_has_run_on_this_branch():
    """A merge request's review that recalls an older job's UDP failure and says "nothing has run on this branch":
    no run (it had read as a confident udp failure)."""
    assert cause_ids(_blind("round162-clients/13-gitlab-mr-review-ascp-job-no-run.md")) == []


def test_a_log_exports_program_column_with_its_pid():
    """A CSV export whose program column holds "ascp[30211]": its records read as ascp's syslog lines, three
    sessions (none had been read)."""
    text = _blind("round162-documents/16-syslog-export-three-runs.csv")
    assert cause_ids(text) == ["ok", "permission", "ok"]


def test_a_makefiles_output_kept_in_comments_under_a_swahili_banner():
    """ "#### matokeo ya `make fetch ...` (kutoka kwa Juma, 2025-02-03) ####" over the output kept as comments: the
    run it shows (the Makefile had been read as a file of code only)."""
    text = _blind("round162-documents/19-makefile-swahili-ena-noport.txt")
    assert cause_ids(text) == ["ssh-port"]


def test_prefects_sigterm_exit_of_the_flow_run_is_a_cancel():
    """ "This indicates that the process exited due to a SIGTERM signal." after a user's cancel: the run at 61 % was
    cancelled (it had read as unknown)."""
    text = _blind("round162-clients/07-prefect-flow-run-logs-ok-then-cancel.json")
    assert cause_ids(text) == ["ok", "cancelled"]


def test_the_node_apis_failed_transfer_counted_by_its_sessions():
    """/ops/transfers: a transfer with error_code 42 whose only byte count is its session's: read as the failed run
    it is (it had been dropped, its line holding no count)."""
    text = _blind("round162-servers/15-es-node-api-ops-transfers-overwrite-never.json")
    assert cause_ids(text) == ["exists", "ok"]


def test_a_log_searchs_table_pasted_in_a_chat_reads_as_syslog():
    """Graylog's table (time, source, message in columns set apart by spaces): the session that worked is a run
    too (only the failed one, read from its ERR line, had been)."""
    text = _blind("round162-servers/04-fr-chat-graylog-content-protection-faible.txt")
    assert cause_ids(text) == ["content-protection", "ok"]


def test_logcli_output_with_a_padded_labels_column():
    """logcli's lines whose message follows the labels after two spaces ("{host=..., app="ascp"}  ascp[40122]: LOG
    FASP ..."): read as the syslog lines they hold, three sessions (they had read as one run)."""
    text = _blind("round161-servers/10-logcli-node-token-expired-app.txt")
    assert cause_ids(text) == ["unauthorized", "unauthorized", "ok"]


def test_a_hardening_pages_sshd_samples_without_times_are_samples():
    """ "The lines above are examples for the on-call team, not from an incident.": the sshd line the page lists
    without a time is one of its samples too (it had read as a confident ssh-handshake failure)."""
    assert cause_ids(_blind("round163-servers/18-confluence-hardening-page.html")) == []


def test_a_japanese_mail_before_its_first_run():
    """ "まだ実行していませんが" (not run yet) before the person's questions: the senior's quoted UDP failure is no
    run (it had read as a confident udp failure)."""
    assert cause_ids(_blind("round163-hard-middle/21-ja-mail-question-before-run.eml")) == []


def test_guard_a_japanese_not_tried_yet_about_one_other_thing():
    """Guard: "まだ試していません" (haven't tried that yet) about another fix, after the person's run: the run stays."""
    assert cause_ids(_blind("round79-ordinary/15-stronger-encryption-japanese.txt")) == ["stronger-encryption"]


def test_the_other_transfers_that_worked_are_no_run():
    """A knowledge-base page: "the other 40+ transfers of the same run succeed" is no run of its own (it had read
    as a confident success)."""
    assert "ok" not in cause_ids(_blind("round163-documents/08-kb-page-staggered-starts-maxstartups.html"))


def test_a_newest_first_export_with_a_timecreated_column():
    """A Windows log viewer's CSV (TimeCreated, Source, Message), newest first: read oldest first, the UDP failure
    before the session that worked after the firewall change."""
    text = _blind("round163-hard-middle/02-connect-log-export-newest-first.csv")
    assert cause_ids(text) == ["udp", "ok"]


def test_a_servicenow_records_description_holds_the_callers_run():
    """An incident exported as YAML: its description block is the caller's report, their pasted Session Stop a run
    (the whole record had read as a YAML document)."""
    text = _blind("round163-documents/20-servicenow-export-user-denied.yaml")
    assert cause_ids(text) == ["unauthorized"]


def test_pytests_short_summary_line_is_no_run():
    """ "FAILED tests/...::test_pull_weekly_masters - AssertionError: $ ascp ..." repeats the failure shown above:
    no third run of unknown cause."""
    text = _blind("round163-documents/24-pytest-integration-hsts-readaccess.txt")
    assert sorted(cause_ids(text)) == ["ok", "permission"]


def test_sshds_negotiation_kept_as_a_comment_under_a_ci_log():
    """ "# Feb 10 06:30:11 refmirror sshd[88213]: Unable to negotiate with ..." appended under the job's log: the
    handshake failed before authentication (it had read as a confident auth failure)."""
    text = _blind("round164-documents/20-gha-old-cli-handshake.log")
    assert cause_ids(text) == ["ssh-handshake"]


def test_a_jobs_err_file_after_its_out_file_is_the_same_run():
    """ "==> slurm-4418207.out <==" (the bar), then "==> slurm-4418207.err <==" (the traced command and the Session
    Stop): one run (they had read as two)."""
    assert cause_ids(_blind("round164-ordinary/09-slurm-ena-cram-scratch-full.err")) == ["disk"]


def test_partial_completion_right_under_its_session_stop():
    """A paste with "Session Stop (Error: Disk write failed (server))" above its "Partial Completion: ...": one
    run."""
    assert cause_ids(_blind("round164-documents/06-ncbi-upload-quota-mail.eml")) == ["disk"]


def test_a_jobs_exit_banner_under_ascps_last_line():
    """ "=== exit code 1 at Thu Sep 12 23:02:45 CEST 2024 ===" under the Session Stop: the run's end, no run of its
    own."""
    assert cause_ids(_blind("round164-clients/12-slurm-ncbi-upload-server-disk.out")) == ["disk"]


def test_htcondors_condor_rm_in_the_jobs_log_after_its_bar():
    """HTCondor's user log, "Job was aborted." / "via condor_rm (by user kpark)", after the job's .out file showed
    ascp's bar at 31 %: the run was cancelled (it had read as unknown)."""
    assert cause_ids(_blind("round164-clients/11-htcondor-condor-rm-mid-transfer.txt")) == ["cancelled"]


def test_a_script_file_with_its_console_session_under_it():
    """A wrapper script, then "# console, Tuesday (macOS 13, ...)" and the typed runs with their output: two runs
    (the whole input had read as the script's text)."""
    text = _blind("round165-documents/02-partner-upload-wrapper-and-console.txt")
    assert cause_ids(text) == ["ssh-port", "ok"]


def test_a_pipelines_record_of_its_steps_as_json():
    """{"steps": [{"command": "ascp ...", "exit_code": 1, "stdout_tail": [...], "stderr_tail": [...]}]}: the step's
    run, read from its kept streams (the document had read as no run)."""
    assert cause_ids(_blind("round165-documents/20-ena-webin-upload-job.json")) == ["licence"]


def test_guard_a_loggers_timed_records_stay_a_log():
    """Guard: records with their times ("ts") and a "cmd" each are a log, read as one (the step reader leaves them):
    the failed first attempt is still read."""
    text = _blind("round156-hard-middle/18-jsonl-newest-first-encryption-then-T.json")
    assert "stronger-encryption" in cause_ids(text)


def test_a_session_report_whose_header_is_a_comment():
    """ "# started,finished,session_uuid,...,status,errcode,errstr,..." as the comments' last line over the rows:
    a session per row (none had been read)."""
    text = _blind("round165-documents/22-nas-backup-ascp-report.csv")
    assert cause_ids(text) == ["ok", "read-error", "ok"]


def test_a_pages_samples_told_through_inline_markup():
    """ "The examples below are <strong>illustrations</strong> collected from past tickets, not output from your
    job.": the page's samples are no runs (they had read as five, four of them confident)."""
    assert cause_ids(_blind("round165-hard-middle/17-html-wiki-aspera-error-samples.html")) == []


def test_htcondors_periodic_remove_is_a_cancel():
    """HTCondor's "The job attribute PeriodicRemove expression '...' evaluated to TRUE" after the bar: the job's
    time limit ended the run."""
    assert cause_ids(_blind("round165-clients/04-htcondor-runtime-limit-cancelled.txt")) == ["cancelled"]


def test_lokis_query_api_answer_is_read_oldest_first():
    """Loki's query_range answer lists a stream's [ns, line] values newest first: the mirror's two downloads that
    worked started before the one that failed."""
    text = _blind("round165-servers/01-loki-query-range-mirror-three-downloads.json")
    assert cause_ids(text) == ["ok", "ok", "no-such-file"]


def test_a_vendor_mails_case_sample_without_its_colon():
    """ "If your firewall drops UDP you will see" over an indented Session Stop: the vendor's sample, no run (it had
    read as a confident udp failure)."""
    assert cause_ids(_blind("round166-clients/22-vendor-mail-ascli-setup-no-run.eml")) == []


def test_please_set_the_filepass_is_advice():
    """ "Please add --file-crypt=encrypt and set ASPERA_SCP_FILEPASS" in the sponsor's comment: advice, no missing
    passphrase run (it had read as a confident second run)."""
    text = _blind("round166-clients/14-buildkite-upload-content-protection.log")
    assert cause_ids(text) == ["content-protection"]


def test_a_polish_bulletins_colleagues_paste_is_a_run():
    """A Polish IT bulletin: "Fragment, który przysłał montażysta (...):" over the typed ascp and its Session Stop:
    the colleague's run (the bulletin had read as a newsletter's samples)."""
    text = _blind("round166-documents/17-polish-newsletter-szyfrowanie.md")
    assert cause_ids(text) == ["stronger-encryption"]


def test_a_rules_files_word_that_nothing_in_it_is_a_transfers_output():
    """ "# These are patterns only — nothing in this file is output of a transfer.": its match patterns are no runs
    (one had read as a confident auth failure)."""
    assert cause_ids(_blind("round167-documents/14-yaml-log-rules-aspera.yaml")) == []


def test_a_manuals_case_that_names_what_its_sample_means():
    """A vendor chapter's "If the transfer fails with the message below, the UDP port is blocked by a firewall:" over
    a Session Stop in <pre>, right after the chapter's sample command: the manual's case, no run (it had read as a
    confident udp failure, left open in round 167)."""
    assert cause_ids(_blind("round167-documents/07-p2p-2-5-firewall-chapter.html")) == []
