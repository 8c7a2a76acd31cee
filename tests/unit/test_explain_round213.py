"""explain: what blind round 213 found that was mended (the test failed on the code before its fix)."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_explain_round58 import cause_ids

BLIND = Path(__file__).resolve().parents[1] / "data" / "explain" / "blind"


def test_a_wrappers_recap_of_a_runs_last_lines_is_that_run():
    """A Windmill export: each job's "ExecutionErr: exitCode: N, last log lines:" and the run's last lines again
    under it. Two runs, ascp not found and the .putty key's prompts (the recaps had read as two more runs, one a
    confident authentication failure)."""
    text = (BLIND / "round213-documents/07-windmill-flow-job-logs.txt").read_text(encoding="utf-8")
    assert cause_ids(text) == ["ascp-missing", "key-file"]


def test_a_recap_that_says_more_than_the_run_shown_is_read():
    """Guard: a line under "last log lines:" that the run above did not show is read (here the run's own failure,
    its output above cut to the command)."""
    text = (
        "+ ascp -QT -P33001 -i key.pem era-fasp@fasp.sra.ebi.ac.uk:/vol1/a.fastq.gz /data/\n"
        "ExecutionErr: exitCode: 1, last log lines:\n"
        "ascp: Failed to open TCP connection for SSH, exiting.\n"
    )
    assert cause_ids(text) == ["ssh-port"]


def test_ascps_last_words_between_cut_here_lines_are_the_persons_run():
    """A Hungarian forum post: the terminal's scrollback cut at its start between "---8<---" lines, "Session Stop
    (Error: Client unable to connect ...)" then the prompt's "echo $?" and 1: the person's run (it had read as a
    document cut out, no run)."""
    text = (BLIND / "round213-hard-middle/06-hu-forum-paste-cut-at-start-udp.txt").read_text(encoding="utf-8")
    assert cause_ids(text) == ["udp"]


def test_a_client_wrappers_ascp_words_in_a_log_search_beside_the_servers_records():
    """A Graylog search of a client and the server: the client's wrapper logged its ascp's "ascp: Failed to open TCP
    connection for SSH, exiting." twice under its own tag (the server's firewall rejected the SYNs), then the server's
    session of the re-run worked. Two failed tries, then the success (only the server's session had been read)."""
    text = (BLIND / "round213-servers/08-graylog-search-firewalld-tcp33001.json").read_text(encoding="utf-8")
    assert cause_ids(text) == ["ssh-port", "ssh-port", "ok"]


def test_a_client_wrappers_failure_inside_a_session_is_the_servers_record_too():
    """Guard: the wrapper's "Session Stop  (Error: Client unable to connect ...)" beside the server's record of the
    same session failing with errcode=15 is one attempt, read once."""
    text = (
        "2025-08-19T07:02:10.100Z hsts01 ascp[3120]: LOG FASP Session Start uuid=b81e4c07-3d9a-4f25-a6c0-5e7d2b9f1a38 "
        "op=recv status=started peer=172.31.60.14:33001\n"
        "2025-08-19T07:02:40.200Z hsts01 ascp[3120]: LOG FASP Session Stop uuid=b81e4c07-3d9a-4f25-a6c0-5e7d2b9f1a38 "
        'op=recv status=failed errcode=15 errstr="Timeout establishing UDP connection" peer=172.31.60.14:33001\n'
        "2025-08-19T07:02:40.455Z ci04 nightly-export[77812]: Session Stop  (Error: Client unable to connect to "
        "server (check UDP port and firewall))\n"
    )
    assert cause_ids(text) == ["udp"]


def test_a_job_mails_failure_with_its_code_before_ascps_words():
    """A chat quoting a job's mail, "transfer failed: code 51 / Remote host is not who we expected", then the re-run
    after the new fingerprint: the host key, then the success (the mail's line had not been read)."""
    text = (BLIND / "round213-servers/14-ja-chat-hostkey-after-move.txt").read_text(encoding="utf-8")
    assert cause_ids(text) == ["host-key", "ok"]
