"""explain: what blind round 132 found (each test but the guards failed on the code before its fix)."""

from __future__ import annotations

import json

from tests.unit.test_explain_evidence import explain_text
from tests.unit.test_explain_round58 import cause_ids

ENA = "era-fasp@fasp.sra.ebi.ac.uk:/vol1/fastq/ERR571/005/ERR5712345/ERR5712345_1.fastq.gz ."


def test_a_question_before_any_transfer_quoting_a_vendor_s_error_list_has_no_run():
    """ "(no transfer run yet)" in a question's title, then a vendor FAQ's three errors in a block: no run (they had
    read as three runs, two at high confidence)."""
    text = (
        "## What do these errors in the partner's guide mean? (no transfer run yet)\n\n"
        "Their guide lists these as errors to report to them:\n\n"
        "```\n"
        "Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))\n"
        "Session Stop  (Error: Server aborted session: Read access denied for user)\n"
        "```\n\n"
        "Should our ticket ask for UDP 33001 outbound only?\n"
    )
    assert cause_ids(text) == []


def test_a_file_watcher_s_restart_kill_cancels_the_run_it_ended():
    """watchexec -r killed the running upload when the folder changed ("[Command was killed by signal 15]"), then
    ran it again to the end: cancelled, then completed (the first run had been lost)."""
    command = "ascp -P 33001 -l 200m -d /srv/out lab@xfer.partner.example:/in/"
    text = (
        f"[Running: {command}]\n"
        "run_17.bam                                          22%  1.4GB  198Mb/s    04:10 ETA\n"
        f"[Restarting: {command}]\n"
        "[Command was killed by signal 15]\n"
        f"[Running: {command}]\n"
        "run_17.bam                                         100%  6.3GB  199Mb/s    04:20\n"
        "Completed: 6606028K bytes transferred in 262 seconds\n"
        " (206549K bits/sec), in 1 file.\n"
        "[Command was successful]\n"
    )
    assert cause_ids(text) == ["cancelled", "ok"]


def test_the_login_session_dropping_mid_transfer_cancels_the_run():
    """ascp at 52 % in a login that dropped ("client_loop: send disconnect: Broken pipe"): cancelled from outside
    (it had read as unknown)."""
    text = (
        f"[ana@hpc-login1 ~]$ ascp -QT -l 300m -P33001 -i ~/.aspera/key.openssh {ENA}\n"
        "ERR5712345_1.fastq.gz                               52% 2.2GB  291Mb/s    01:58 ETA\n"
        "client_loop: send disconnect: Broken pipe\n"
    )
    assert cause_ids(text) == ["cancelled"]


def test_a_dropped_login_after_a_finished_run_is_no_run():
    """Guard: the same words after a run that had completed end nothing and start nothing."""
    text = (
        f"[ana@hpc-login1 ~]$ ascp -QT -l 300m -P33001 -i ~/.aspera/key.openssh {ENA}\n"
        "Completed: 4194304K bytes transferred in 120 seconds\n"
        " (286331K bits/sec), in 1 file.\n"
        "client_loop: send disconnect: Broken pipe\n"
    )
    assert cause_ids(text) == ["ok"]


def test_an_error_tracker_s_breadcrumbs_newest_first_are_read_as_they_happened():
    """Sentry's event JSON: its breadcrumbs (newest first) hold a wrapper's two ascp attempts, the first refused
    on UDP, the second completed (the second had been lost)."""
    crumbs = [
        ("2025-03-02T04:10:41Z", "ascp attempt 2 exit=0 stdout=' (201337K bits/sec), in 1 file.'"),
        ("2025-03-02T04:10:41Z", "ascp attempt 2 stdout='Completed: 2516582K bytes transferred in 100 seconds'"),
        ("2025-03-02T04:09:01Z", "ascp attempt 2 argv=['ascp','-QT','-P33001','x@h.example:/a.gz','/in/']"),
        (
            "2025-03-02T04:08:59Z",
            "ascp attempt 1 exit=1 stderr='ascp: Client unable to connect to server (check UDP port and firewall), "
            "exiting.'",
        ),
        ("2025-03-02T04:08:20Z", "ascp attempt 1 argv=['ascp','-QT','-P33001','x@h.example:/a.gz','/in/']"),
    ]
    event = {
        "event_id": "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
        "level": "error",
        "message": "ingest job 81 failed at its checksum stage",
        "breadcrumbs": {
            "values": [{"timestamp": t, "category": "subprocess", "level": "info", "message": m} for t, m in crumbs]
        },
    }
    assert cause_ids(json.dumps(event, indent=1)) == ["udp", "ok"]


def _notebook(cells: list[tuple[int, str, str]]) -> str:
    return json.dumps(
        {
            "nbformat": 4,
            "nbformat_minor": 5,
            "metadata": {},
            "cells": [
                {
                    "cell_type": "code",
                    "execution_count": count,
                    "metadata": {},
                    "source": [source],
                    "outputs": [{"name": "stdout", "output_type": "stream", "text": [said]}],
                }
                for count, source, said in cells
            ],
        },
        indent=1,
    )


def test_a_notebook_s_cells_are_read_in_the_order_they_ran():
    """A cell moved above the one that ran before it ("In [9]" above "In [8]"): the runs as they ran (they had
    been read as the cells stand)."""
    text = _notebook(
        [
            (9, '!ascp -P 33001 -l 100m -W "$T2" x@ship.example:/o/ ./o/', "ascp: failed to authenticate, exiting.\n"),
            (
                8,
                f"!ascp -QT -l 300m -P33001 {ENA}",
                "Session Stop  (Error: Server aborted session: No such file or directory)\n",
            ),
        ]
    )
    assert cause_ids(text) == ["no-such-file", "auth"]


def test_a_notebook_whose_counts_repeat_stays_as_it_stands():
    """Guard: two cells of the same count (a kernel restarted) give no order: the cells as they stand."""
    text = _notebook(
        [
            (1, '!ascp -P 33001 -W "$T2" x@ship.example:/o/ ./o/', "ascp: failed to authenticate, exiting.\n"),
            (
                1,
                f"!ascp -QT -l 300m -P33001 {ENA}",
                "Session Stop  (Error: Server aborted session: No such file or directory)\n",
            ),
        ]
    )
    assert cause_ids(text) == ["auth", "no-such-file"]


def test_parallel_ssh_s_next_host_header_ends_the_run_before_it():
    """pssh -i's "[2] 10:01:12 [SUCCESS] n2" before the second host's stderr: two runs (the second had been read
    as the first's)."""
    text = (
        "$ pssh -i -H \"n1 n2\" 'ascp -QT -P33001 -i ~/k.pem era-fasp@fasp.sra.ebi.ac.uk:/vol1/a.gz . ; echo ok'\n"
        "[1] 10:01:02 [SUCCESS] n1\n"
        "ok\n"
        "Stderr: ascp: /lib64/libc.so.6: version `GLIBC_2.28' not found (required by ascp)\n"
        "[2] 10:01:12 [SUCCESS] n2\n"
        "ok\n"
        "Stderr: ascp: Failed to open TCP connection for SSH, exiting.\n"
    )
    assert cause_ids(text) == ["died-at-start", "ssh-port"]


def test_task_spooler_s_failed_job_whose_output_is_empty_is_a_run():
    """tsp -l lists three failed ascp jobs; the outputs of two are shown, the third's is empty: three runs, the
    third unknown, told by its row (it had been lost)."""
    row = "{i}    finished   /tmp/ts-out.{o}   1        {t}/0.01/0.00 ascp -QT -l 300m -P33001 " + ENA
    text = (
        "$ tsp -l\n"
        "ID   State      Output               E-Level  Times(r/u/s)   Command [run=0/1]\n"
        + "\n".join(
            row.format(i=i, o=o, t=t) for i, o, t in ((0, "aaaaaa", "1.20"), (1, "bbbbbb", "3.5"), (2, "cc", "0.03"))
        )
        + "\n$ tsp -c 0\n"
        "Session Stop  (Error: Server aborted session: No such file or directory)\n"
        "$ tsp -c 1\n"
        "ascp: failed to authenticate, exiting.\n"
        "$ tsp -c 2\n"
        "$ # 2 printed nothing\n"
    )
    assert cause_ids(text) == ["no-such-file", "auth", "unknown"]
    assert "job 2 " in explain_text(text)[2].evidence[0]  # (the job whose output was empty, not the first failed)


def test_pueue_s_status_rows_are_no_runs_of_their_own():
    """pueue status's "Failed" row, then that task's log: one run (the row had read as another, unknown)."""
    text = (
        "$ pueue status\n"
        " Id   Status    Command                                                      Start      End\n"
        " 3    Failed    ascp -QT -l 300m era-fasp@fasp.sra.ebi.ac.uk:/vol1/fastq/ERR5…   07:00:01   07:02:11\n"
        "$ pueue log 3\n"
        "--- Task 3: Failed with exit code 1 ---\n"
        "output:\n"
        "ascp: Failed to open TCP connection for SSH, exiting.\n\n"
        "Session Stop  (Error: Failed to open TCP connection for SSH)\n"
    )
    assert cause_ids(text) == ["ssh-port"]
