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
