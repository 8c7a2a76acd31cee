"""explain: what blind round 150 found, and guards beside the fixes (each test but the guards failed on the code
before its fix)."""

from __future__ import annotations

import json

from tests.unit.test_explain_round58 import cause_ids
from tests.unit.test_explain_round149 import _blind


def test_a_summary_on_one_line_ends_its_run():
    """A history export keeps ascp's summary as one message ("Completed: ... in 103 seconds (166893K bits/sec), in
    1 file."): the server's abort on the next row is the next run's (the two had been read as one failed run)."""
    text = (
        "Completed: 2097152K bytes transferred in 103 seconds (166893K bits/sec), in 1 file.\n"
        "Session Stop  (Error: Server aborted session: Read access denied for user)\n"
    )
    assert cause_ids(text) == ["ok", "permission"]
    assert cause_ids(_blind("round150-hard-middle/15-transfer-history-export.csv")) == ["ok", "permission", "ok"]


def test_a_summary_on_one_line_that_moved_nothing_stays_open():
    """Guard: "Completed: 0K bytes ..." is what a failed session prints before its Session Stop error."""
    text = (
        "Completed: 0K bytes transferred in 1 seconds (0K bits/sec), in 0 files.\n"
        "Session Stop  (Error: Server aborted session: No such file or directory)\n"
    )
    assert cause_ids(text) == ["no-such-file"]


def test_a_pods_dated_log_in_comments_over_its_cronjob_is_read():
    """A CronJob under review with "# Pod log from 2025-03-02 (kubectl logs ...):" and the pod's lines in comments
    above its YAML: that pod's run (the file had been a document)."""
    assert cause_ids(_blind("round150-documents/05-k8s-cronjob-secret-not-mounted.yaml")) == ["key-file"]


def test_a_vim_syntax_file_is_no_run():
    """A Vim syntax file for ascp's logs: its patterns and comments quote ascp's lines (one had been a run)."""
    assert cause_ids(_blind("round150-documents/10-vim-syntax-fasplog.vim")) == []


def test_a_newsletter_telling_its_own_teams_run_holds_it():
    """A media company's newsletter: "Our ingest workstation ran:" over the command and its output in <pre>: that
    run (the newsletter had been a document without one)."""
    assert cause_ids(_blind("round150-documents/12-post-house-newsletter-path-too-long.html")) == ["path-name"]


def test_a_scripts_data_section_with_a_dated_runs_output_is_read():
    """A Perl wrapper whose __END__ section holds "Output of last night's cron run (2025-04-22 23:30), mailed by
    cron:": that run's (the section had been the script's data)."""
    assert cause_ids(_blind("round150-documents/19-perl-wrapper-and-last-output.txt")) == ["usage"]


def test_a_scripts_data_section_of_samples_stays_no_run():
    """Guard: a script's __DATA__ with sample log lines it parses (blind round 60)."""
    text = (
        "#!/usr/bin/perl\nuse strict;\nwhile (<DATA>) { print if /Session Stop/ }\n__DATA__\n"
        "Sample log from 2024-01-02:\n"
        "Session Stop  (Error: failed to authenticate)\n"
    )
    assert cause_ids(text) == []


def test_journal_records_cut_down_by_jq_are_read_as_syslog():
    """``journalctl -o json | jq -c '{t, id, pid, msg}'``: sshd's penalty drop is an attempt beside the session that
    completed (it had been read as a bare message, no attempt)."""
    assert cause_ids(_blind("round150-servers/02-journal-json-srclimit-penalty.md")) == ["ssh-refused", "ok"]


def test_cloudwatch_insights_query_results_are_read_as_records():
    """``aws logs get-query-results``' JSON, each row a list of {"field", "value"}: the completed session is told
    apart from the one that failed on the full disk (both had been read as disk)."""
    assert cause_ids(_blind("round150-servers/08-cloudwatch-insights-ebs-full.json")) == ["ok", "disk"]


def test_insights_rows_of_a_wrappers_json_without_time_stay_as_they_were():
    """Guard: field/value rows without a time field are no log search's records."""
    rows = [[{"field": "job", "value": "pull"}, {"field": "message", "value": "queued"}]] * 3
    assert cause_ids(json.dumps({"results": rows})) == []


def test_a_runbook_saying_nothing_below_is_from_a_live_incident_is_no_run():
    """ "It is a reference; nothing below is from a live incident.": its heading and samples are no run (the
    heading had been read as one)."""
    assert cause_ids(_blind("round150-clients/19-runbook-ascp-failures-no-run.html")) == []
