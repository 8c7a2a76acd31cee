"""explain: what blind round 221 found that was mended (the test failed on the code before its fix)."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_explain_round58 import cause_ids

BLIND = Path(__file__).resolve().parents[1] / "data" / "explain" / "blind"


def test_an_alert_rules_logql_expression_quoting_ascp_is_no_run():
    """A Dutch runbook's Loki rules, "expr: count_over_time({job="ascp"} |= "Session Stop  (Error: failed to
    authenticate)" [15m]) > 3", with its table of messages and a planned test: no run (two had read as runs, one
    a confident UDP failure)."""
    text = (BLIND / "round221-hard-middle/10-runbook-alert-rules-nl.md").read_text(encoding="utf-8")
    assert cause_ids(text) == []


def test_a_failure_between_runs_to_other_servers_keeps_its_own_words():
    """An Ansible loop over partners, each item its own host: the middle item's "failed to authenticate" is that
    partner's password, not a burst refused by one server (it had read as a confident refusal)."""
    text = (BLIND / "round221-clients/08-ansible-loop-partners-pt.txt").read_text(encoding="utf-8")
    assert cause_ids(text) == ["ok", "auth", "ok"]


def test_a_failure_between_runs_to_the_same_server_is_still_a_burst_refused():
    """Guard: three ascp commands to one host, the middle one's "failed to authenticate" between two that worked:
    the server's sshd turned it away."""
    run = "$ ascp -P 33001 --mode=send --user=u --host=xfer.example.org a{n}.tar /in/\n"
    ok = "Completed: 1024K bytes transferred in 1 seconds\n (8192K bits/sec), in 1 file.\n"
    failed = "ascp: failed to authenticate, exiting.\n\nSession Stop  (Error: failed to authenticate)\n"
    text = run.format(n=1) + ok + run.format(n=2) + failed + run.format(n=3) + ok
    assert cause_ids(text) == ["ok", "ssh-refused", "ok"]


def test_a_splunk_table_of_sessions_whose_successes_have_no_code_is_read():
    """Splunk's stats table "_time,host,user,uuid,op,status,errcode,errstr,...", the sessions that worked with their
    code's cell empty: six sessions (no run had been read)."""
    text = (BLIND / "round221-servers/19-splunk-stats-sessions-win-hsts.csv").read_text(encoding="utf-8")
    assert cause_ids(text) == ["ok", "path-name", "exists", "cancelled", "ok", "partial-rename"]


def test_a_run_history_under_its_exports_comment_line_is_read_by_its_dates():
    """A scheduler's job history exported as CSV under '# export from the "Jobs" tab ..., newest first': the run that
    worked, then the failed one with no output (the comment line had hidden the table: one run read)."""
    text = (BLIND / "round221-ordinary/23-nightly-sync-history-newest-first.csv").read_text(encoding="utf-8")
    assert cause_ids(text) == ["ok", "unknown"]
