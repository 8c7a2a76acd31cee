"""explain: what blind round 220 found that was mended (the test failed on the code before its fix)."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_explain_round58 import cause_ids

BLIND = Path(__file__).resolve().parents[1] / "data" / "explain" / "blind"


def test_the_ssh_librarys_line_under_a_traced_command_tells_the_handshake():
    """An Azure DevOps step: "+ ascp -DD ...", then "[libssh2] Failure Event: -5 - Unable to exchange encryption
    keys" and "failed to authenticate": the handshake (it had read as a confident authentication failure), then the
    cipher and the run that worked."""
    text = (BLIND / "round220-clients/10-azure-devops-old-image-kex-then-cipher.txt").read_text(encoding="utf-8")
    assert cause_ids(text) == ["ssh-handshake", "stronger-encryption", "ok"]


def test_a_retry_loops_attempt_killed_by_its_time_limit_is_a_run_of_its_own():
    """A cron mail: "try 1: timeout 1800 ascp ...", its bar at 1 %, "try 1 exit=124", then "try 2: ascp -T -k1 ..."
    and its bar of the same file to "Completed:": the limit, then the run that worked (one run before)."""
    text = (BLIND / "round220-hard-middle/24-cron-mail-timeout-then-ok.eml").read_text(encoding="utf-8")
    assert cause_ids(text) == ["cancelled", "ok"]


def test_a_wrappers_words_on_an_attempt_are_no_attempts_command():
    """Guard: Hangfire's "Retry attempt 1 of 10: ascp.exe exited with code 1" after a run's read error is its word on
    that run, not the next attempt's command: the read error, then the retry that worked."""
    text = (BLIND / "round110-clients/17-hangfire-dashboard-read-error-then-ok-tr.txt").read_text(encoding="utf-8")
    assert cause_ids(text) == ["read-error", "ok"]


def test_airflow_attempt_logs_printed_newest_first_are_read_by_their_times():
    """Airflow's "[2024-09-02, 01:41:07 UTC] {subprocess.py:93} INFO - ..." lines, attempt 2's log above attempt 1's:
    the port first, then the time limit (read in print order before)."""
    text = (BLIND / "round220-hard-middle/07-airflow-task-retry-port-then-timeout.log").read_text(encoding="utf-8")
    assert cause_ids(text) == ["ssh-port", "cancelled"]


def test_a_cloudwatch_insights_export_is_read_from_its_message_column():
    """CloudWatch Logs Insights' CSV, "@timestamp,@logStream,@log,@message": the "@message" cells hold the jobs' and
    the server's lines (its "@log" column, the log group's name, had been read as the message: no run at all)."""
    text = (BLIND / "round220-servers/07-cloudwatch-insights-ear-uploads.csv").read_text(encoding="utf-8")
    assert cause_ids(text) == ["content-protection", "passphrase", "content-protection", "ok"]


def test_a_journals_json_printed_newest_first_is_read_oldest_first():
    """``journalctl -r -o json``: each session's Session Stop above its Session Start; read in the entries' own order
    the two sessions that worked are runs that worked (they had read unknown)."""
    text = (BLIND / "round220-servers/03-journalctl-reverse-json-four-users.ndjson").read_text(encoding="utf-8")
    assert cause_ids(text) == ["ok", "permission", "no-such-file", "ok"]


def test_a_scripts_run_record_kept_in_japanese_comments_holds_its_runs():
    """A script whose comments keep "--- 実行記録（2024-02-08 実機、端末からそのまま貼り付け）---" (a run record,
    pasted from the terminal) over two pasted runs: the wrong path, then the run that worked (no run before)."""
    text = (BLIND / "round220-documents/11-japanese-fetch-script-with-output.sh").read_text(encoding="utf-8")
    assert cause_ids(text) == ["no-such-file", "ok"]


def test_ascli_s_logger_line_behind_teamcitys_prefix_is_read():
    """TeamCity's "[18:27:04] :   [Publish via ascli] E, [...] ERROR -- : Destination: File exists": ascli's words on
    the run (it had read as a wrapper's exit alone)."""
    text = (
        "[18:27:02] :   [Publish via ascli] + ascli shares files upload --to-folder=/Builds ./dist/a.zip\n"
        "[18:27:04] :   [Publish via ascli] E, [2025-03-12T18:27:04.118230 #291] ERROR -- : Destination: File exists\n"
        "[18:27:04] :   [Publish via ascli] Process exited with code 1\n"
    )
    assert cause_ids(text) == ["exists"]
