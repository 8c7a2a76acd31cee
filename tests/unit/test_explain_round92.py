"""explain: what blind rounds 89-92 left open or found (each test failed on the code before its fix)."""

from __future__ import annotations

from tests.unit.test_explain_round58 import causes

_UPLOAD = "ascp -QT -l 500M -k 1 ./reads/lib07_R1.fastq.gz Webin-61234@webin.ebi.ac.uk:."


def test_a_wrapper_logger_line_in_documented_words_is_the_logged_command_s_outcome():
    """Blind round 90: an upload wrapper logs the ascp command it runs, then "ERROR File transfer stalled!
    Re-starting file transfer." in its own words, then the retry's command and ascp's summary. Two runs: the stall
    and the retry that completed (the stall line had been read as a person's sentence, one run)."""
    text = (
        "2024-02-06 14:02:11,583 INFO  Uploading ./reads/lib07_R1.fastq.gz ...\n"
        f"2024-02-06 14:02:11,583 INFO  {_UPLOAD}\n"
        "2024-02-06 14:33:47,902 ERROR File transfer stalled! Re-starting file transfer.\n\n"
        f"2024-02-06 14:33:47,903 INFO  {_UPLOAD}\n"
        "2024-02-06 14:41:05,217 INFO  ascp stdout:\n"
        "Completed: 9638112K bytes transferred in 437 seconds\n (180593K bits/sec), in 1 file.\n"
    )
    assert [c for c, _ in causes(text)] == ["stall", "ok"]


def test_a_syslog_line_pasted_after_a_client_command_is_not_the_command_s_outcome():
    """Guard for the rule above: the receiving server's kernel line ("hsts-rx02 kernel: XFS (dm-3): Filesystem has
    run out of free space") pasted below the client's console is the server's, not another client run."""
    text = (
        "$ ascp -P 33001 -l 500m -k1 /scratch/x/ uk_leeds@198.18.7.11:/landing/x/\n"
        "Partial Completion: 36724160K bytes transferred in 652 seconds\n"
        " (461390K bits/sec), in 2 files, 1 directory; 3 files failed.\n\n"
        "Session Stop  (Error: Disk write failed (server))\n\n"
        "Jun 03 11:06:02 hsts-rx02 kernel: XFS (dm-3): Filesystem has run out of free space (ENOSPC)\n"
    )
    assert [c for c, _ in causes(text)] == ["disk"]


def test_a_readme_console_block_quoted_in_an_issue_is_the_readme_s_sample():
    """Blind round 89: an issue quotes its gem's README ("Its README has this console session:", "## Usage", a
    ```console block with a completed run), then the person's own run that failed. One run: the person's (the
    README's sample had been read as a run that completed)."""
    text = (
        "I'm using the little `fasp_fetch` gem our group wrote. Its README has this console session:\n\n"
        "    ## Usage\n\n    ```console\n    $ fasp_fetch SRR14159909 --to fq/raw\n"
        "    Running: ascp -QT -l 300m -P 33001 era-fasp@fasp.sra.ebi.ac.uk:vol1/x.fastq.gz fq/raw/\n"
        "    Completed: 831488K bytes transferred in 32 seconds\n     (212871K bits/sec), in 1 file.\n    ```\n\n"
        "When I run the same thing on the login node I get this:\n\n"
        "$ ascp -QT -l 300m -P 33001 era-fasp@fasp.sra.ebi.ac.uk:vol1/x.fastq.gz fq/raw/\n"
        "ascp: Failed to open TCP connection for SSH, exiting.\n\n"
        "Session Stop  (Error: Failed to open TCP connection for SSH)\n"
    )
    assert [c for c, _ in causes(text)] == ["ssh-port"]


def test_an_alert_rule_s_quoted_summary_field_is_no_run():
    """Blind round 89: a Prometheus exporter's README shows an alert rule in a fenced YAML block whose
    ``summary: "ascp: failed to authenticate - check keys ..."`` quotes ascp's words: the rule's prose, no run's
    output (it had been read as a failed authentication at medium confidence). With nothing else in the input, its
    words are at most what the input's end tells, at low confidence (the whole README reads no run at all)."""
    text = (
        "# aspera_log_exporter\n\nPrometheus exporter that tails `aspera-scp-transfer.log`.\n\n## Alerting example\n\n"
        '```yaml\n- alert: AsperaAuthFailures\n  expr: increase(aspera_session_errors_total{errcode="19"}[15m]) > 5\n'
        "  annotations:\n"
        '    summary: "ascp: failed to authenticate \u2014 check keys (DSA key no longer accepted by ENA)"\n```\n'
    )
    assert all(confidence == "low" for _, confidence in causes(text))
