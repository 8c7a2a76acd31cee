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


def test_a_kubernetes_job_s_dump_with_its_state_and_the_pod_s_log_is_read():
    """``kubectl get job -o yaml`` (its status: Failed) and the pod's log below it as comments: the run the log
    shows (the whole had been read as a manifest, no run)."""
    text = (
        "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pull-sdy\nspec:\n  backoffLimit: 0\n  template:\n"
        "    spec:\n      containers:\n      - name: ascp\n        image: tools/ascp:alpine\n"
        'status:\n  conditions:\n  - type: Failed\n    status: "True"\n  failed: 1\n'
        '  startTime: "2026-03-01T10:00:00Z"\n---\n'
        "# $ kubectl logs job/pull-sdy\n"
        "# Error relocating /usr/local/bin/ascp: __strdup: symbol not found\n"
        "# Error relocating /usr/local/bin/ascp: gnu_get_libc_version: symbol not found\n"
    )
    assert cause_ids(text) == ["died-at-start"]


def test_a_kubernetes_manifest_s_commented_sample_is_still_no_run():
    """Guard: a Job's manifest (no status) whose comment quotes ascp's failure stays a manifest."""
    text = (
        "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pull-sdy\nspec:\n  backoffLimit: 0\n  template:\n"
        "    spec:\n      containers:\n      - name: ascp\n        image: tools/ascp:alpine\n"
        "# On musl images ascp fails with:\n"
        "# Error relocating /usr/local/bin/ascp: __strdup: symbol not found\n"
    )
    assert cause_ids(text) == []


def test_a_wrapper_s_failure_then_the_job_s_own_log_shown_is_one_run():
    """dsub's word that its job failed, then the job's stderr log fetched by the job's id: one run, the log's
    cause (the wrapper's word had been a run of its own, unknown)."""
    job = "ascp--ana--260301-101522-07"
    text = (
        f"Launched job-id: {job}\n"
        "Waiting for job to complete...\n"
        f"{job} (attempt 1) failed. Retry attempts exhausted.\n"
        "  Task failed with exit status 1\n\n"
        f"$ gsutil cat gs://lab-logs/dsub/{job}-stderr.log\n"
        "ascp: Failed to open TCP connection for SSH, exiting.\n"
    )
    assert cause_ids(text) == ["ssh-port"]


def test_a_tab_separated_log_archive_is_read_as_its_records():
    """Papertrail's archive (tab-separated, "generated_at" and "program" columns): each session its own, its ERR
    line with it (they had been read as console lines, the second session's ERR line as the first's)."""
    head = "id\tgenerated_at\treceived_at\tsource_id\tsource_name\tsource_ip\tfacility\tseverity\tprogram\tmessage"
    row = "15984309772004147{n}\t2024-05-02 {t}\t2024-05-02 {t}\t88\txfer-lon\t192.0.2.9\tlocal2\tInfo\tascp\t{m}"
    first, second = "1a2b3c4d-0000-4000-8000-000000000001", "1a2b3c4d-0000-4000-8000-000000000002"
    start = "LOG FASP Session Start uuid={u} op=recv status=started local=192.0.2.9:33001 peer=198.51.100.{p}:5000"
    err = "ERR FASP receiver had error, errcode 73 errstr [{e}]"
    stop = 'LOG FASP Session Stop uuid={u} op=recv status=failed errcode=34 errstr="Unauthorized"'
    rows = [
        row.format(n=21, t="08:00:01", m=start.format(u=first, p=7)),
        row.format(n=22, t="08:00:01", m=err.format(e="Server requires stronger content protection passphrase")),
        row.format(n=23, t="08:00:01", m=stop.format(u=first)),
        row.format(n=24, t="09:00:01", m=start.format(u=second, p=8)),
        row.format(
            n=5,
            t="09:00:01",
            m=err.format(e="Server aborted session: Client requests stronger encryption than server allows"),
        ),
        row.format(n=26, t="09:00:02", m=stop.format(u=second)),
    ]
    assert cause_ids("\n".join([head, *rows]) + "\n") == ["content-protection", "stronger-encryption"]


def test_sshd_s_drops_in_a_journal_shown_with_o_cat_are_attempts():
    """``journalctl -o cat`` (no tags, no times): sshd's drops past MaxStartups beside a session are attempts of
    their own (they had been set aside as a document's sample lines)."""
    uuid = "9c8b7a65-4321-4fed-8cba-987654321000"
    text = (
        '$ journalctl -o cat --since "2025-01-02 22:00" _COMM=sshd + _COMM=ascp\n'
        "drop connection #2 from [198.51.100.5]:50114 on [192.0.2.5]:22 past MaxStartups\n"
        "Accepted publickey for lab from 198.51.100.5 port 50110 ssh2: RSA SHA256:abc\n"
        f"LOG FASP Session Start uuid={uuid} op=recv status=started local=192.0.2.5:33001 peer=198.51.100.5:50131\n"
        f"LOG FASP Session Stop uuid={uuid} op=recv status=success local=192.0.2.5:33001 peer=198.51.100.5:50131\n"
    )
    assert cause_ids(text) == ["ssh-refused", "ok"]


_CLOSED_AT_ONCE = (
    "Mar 02 10:00:05 hsts sshd[501]: Accepted password for partner from 198.51.100.20 port 40102 ssh2\n"
    "Mar 02 10:00:05 hsts sshd[501]: pam_unix(sshd:session): session opened for user partner(uid=3001) by (uid=0)\n"
    "Mar 02 10:00:05 hsts sshd[503]: Received disconnect from 198.51.100.20 port 40102:11: disconnected by user\n"
    "Mar 02 10:04:41 hsts sshd[611]: Accepted password for partner from 198.51.100.20 port 40166 ssh2\n"
    "Mar 02 10:04:41 hsts sshd[613]: Received disconnect from 198.51.100.20 port 40166:11: disconnected by user\n"
)


def test_logins_closed_at_once_for_an_account_with_nologin_are_the_client_s_attempts():
    """Two logins the client closed in the same second, no ascp, the account's shell /sbin/nologin: two attempts
    that failed on the server's side (they had been no runs)."""
    text = (
        "New partner account does not work, no ascp line in messages. From /var/log/secure:\n\n"
        + _CLOSED_AT_ONCE
        + "\n$ getent passwd partner\npartner:x:3001:3001::/home/partner:/sbin/nologin\n"
    )
    assert cause_ids(text) == ["server-session", "server-session"]


def test_logins_closed_at_once_without_a_word_of_why_are_no_runs():
    """Guard: the same logins in a paste that names no shell and no client failure (a monitor's checks) stay no
    runs."""
    assert cause_ids("From /var/log/secure:\n\n" + _CLOSED_AT_ONCE) == []


def test_the_last_line_of_an_html_block_keeps_its_own_words():
    """A chat export's <pre> block whose last line ends in "</pre></div>": two runs (the second had been read as the
    first's)."""
    text = (
        '<html><body><div class="message"><span class="author">Ana</span>\n'
        "<p>Customer pasted these from their two attempts:</p>\n"
        "<pre>Session Stop  (Error: Session initiation failed, read timed out)\n"
        "Session Stop  (Error: Session initiation failed, read timed out)</pre></div>\n"
        "</body></html>\n"
    )
    assert cause_ids(text) == ["session-start", "session-start"]


def test_a_newsletter_that_pastes_a_job_s_stamped_log_shows_that_run():
    """A newsletter's "incident corner" pasting what a delivery job logged, stamped to the second: that run (the
    newsletter had been read as a whole document)."""
    text = (
        "<html><head><title>Sequencing Core Newsletter - Issue 31</title></head><body>\n"
        "<h1>Sequencing Core Newsletter</h1>\n"
        "<h2>Incident corner</h2>\n<p>This is what our delivery job logged last month:</p>\n<pre>\n"
        "[delivery] 2025-06-11 21:02:11 start upload run 250610_A\n"
        "Partial Completion: 3972831K bytes transferred in 588 seconds\n"
        " (55341K bits/sec), in 9 files; 5 files failed.\n\n"
        "Session Stop  (Error: Disk write failed (server))\n</pre>\n"
        "<p>The receiving volume was full.</p></body></html>\n"
    )
    assert cause_ids(text) == ["disk"]


def test_a_newsletter_s_unstamped_samples_stay_no_run():
    """Guard: a newsletter quoting ascp's words as advice, no stamped log: no run."""
    text = (
        "<html><head><title>Research IT Newsletter - March</title></head><body>\n"
        "<h2>Aspera tips</h2><p>If you see this, ask for UDP 33001:</p>\n"
        "<pre>Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))</pre>\n"
        "</body></html>\n"
    )
    assert cause_ids(text) == []


def test_a_mail_s_own_output_between_cut_lines_in_german():
    """ "Hier die Ausgabe von unserem Linux-Rechner:" then the run between "---8<---" lines: the sender's run (the
    block had been read as a copied document)."""
    text = (
        "Subject: Upload bricht sofort ab\n\n"
        "Sehr geehrte Damen und Herren,\n\n"
        "der Login scheint zu funktionieren. Hier die Ausgabe von unserem Linux-Rechner\n(ascp 4.4.4):\n\n"
        "---8<---\n"
        "$ ascp -P 33001 -l 200m -d --mode=send --user=up --host=transfer.example.eu ./batch04 /inbound/\n"
        "ascp: Server aborted session: Server requires content protection, exiting.\n\n"
        "Session Stop  (Error: Server aborted session: Server requires content protection)\n"
        "---8<---\n\nMit freundlichen Grüßen\n"
    )
    assert cause_ids(text) == ["content-protection"]


def test_a_job_history_export_newest_first_under_its_comment_lines():
    """A transfer page's CSV export (its comment line first, sorted by "started" descending, an ops note after the
    rows): the jobs oldest first (they had been read in the rows' order)."""
    text = (
        "# Export from the Transfer jobs page, sorted by started (desc)\n"
        "job_id,job_name,started,finished,status,message\n"
        '902,mirror,2025-09-18 23:30:01,2025-09-18 23:30:04,FAILED,"Session Stop  (Error: Server aborted session: '
        'Read access denied for user)"\n'
        '871,mirror,2025-09-16 23:30:02,2025-09-16 23:31:40,FAILED,"Session Stop  (Error: File or directory already '
        'exists)"\n'
        "# Notes (ops): 871 was a plain file where the folder must be\n"
    )
    assert cause_ids(text) == ["exists", "permission"]


def test_a_test_harness_s_kill_in_a_junit_report_cancels_that_test_s_run():
    """A JUnit report: the first test's ascp could not resolve the host; the second's <error> (killed by the
    harness at its time limit) comes before its captured progress: dns, then cancelled (the kill had been lost)."""
    text = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="smoke" tests="2" failures="1" errors="1">\n'
        '  <testsuite name="smoke.endpoints" tests="2" failures="1" errors="1">\n'
        '    <testcase classname="smoke" name="test_small" time="1.2">\n'
        '      <failure message="ascp exited 1" type="AssertionError">ascp exited 1, expected 0</failure>\n'
        "      <system-err><![CDATA[\nascp: Cannot resolve target host., exiting.\n]]></system-err>\n"
        "    </testcase>\n"
        '    <testcase classname="smoke" name="test_large" time="600.0">\n'
        '      <error message="Timeout" type="Failed">Timeout &gt;600.0s: process killed by test harness (SIGTERM)'
        "</error>\n"
        "      <system-out><![CDATA[\n"
        "$ ascp -P 33001 -l 100m --mode=recv --user=smoke --host=fasp.example.org big/10GB /tmp/\n"
        "10GB                                                         45% 4.6GB 94.0Mb/s    08:14 ETA\n"
        "]]></system-out>\n    </testcase>\n  </testsuite>\n</testsuites>\n"
    )
    assert cause_ids(text) == ["dns", "cancelled"]


def test_a_status_a_test_expected_is_no_exit_status():
    """Guard: "expected exit 0, got 1" after a completed run is no second run that succeeded."""
    text = (
        "$ ascp -P 33001 --mode=send --host=h.example --user=ci faux:///a?1k /x/\n"
        "Completed: 1K bytes transferred in 1 seconds\n (8K bits/sec), in 1 file.\n"
        "AssertionError: expected exit 0, got 1\n"
    )
    assert [c for c in cause_ids(text) if c == "ok"] == ["ok"]
