"""explain: what blind round 133 found (each test but the guards failed on the code before its fix)."""

from __future__ import annotations

import json

from tests.unit.test_explain_round58 import cause_ids

ENA = "era-fasp@fasp.sra.ebi.ac.uk:/vol1/fastq/SRR251/008/SRR25117408/SRR25117408_1.fastq.gz data/"


def test_a_kernel_interrupted_at_ascp_s_passphrase_prompt_is_the_prompt_s_run():
    """A notebook's ascp sat at "Key passphrase: " until the kernel was interrupted: the key is why (low), not a
    cancel at high confidence."""
    text = (
        f"$ ascp -QT -l 300m -P33001 -k1 -i /home/u/.aspera/connect/etc/asperaweb_id_dsa.openssh {ENA}\n"
        "Key passphrase: \n"
        "---------------------------------------------------------------------------\n"
        "KeyboardInterrupt                         Traceback (most recent call last)\n"
        "KeyboardInterrupt: \n"
    )
    assert cause_ids(text) == ["key-file"]


def test_a_kernel_interrupted_mid_transfer_is_still_a_cancel():
    """Guard: KeyboardInterrupt while ascp was moving data is the person's cancel."""
    text = (
        f"$ ascp -QT -l 300m -P33001 -i /home/u/.aspera/key.pem {ENA}\n"
        "SRR25117408_1.fastq.gz                           31%  612MB  288Mb/s    00:51 ETA\n"
        "KeyboardInterrupt: \n"
    )
    assert cause_ids(text) == ["cancelled"]


def test_ascp_not_found_for_a_file_on_the_path_the_script_set_died_at_start():
    """busybox's "ascp: not found" where the script put /opt/aspera/connect/bin on its PATH and ls -l shows ascp
    there: it could not start (a glibc build on musl), it is not missing; the person's "ascp -A" and the shell's
    answer to it are no run."""
    text = (
        "+ export PATH=/opt/aspera/connect/bin:/usr/local/bin:/usr/bin:/bin\n"
        "+ ascp -QT -l 500m -P33001 --mode=recv --host=aspera.partner.example --user=sync /d/ /mnt/landing/\n"
        "/usr/local/bin/sync.sh: line 14: ascp: not found\n"
        "sync failed rc=127\n\n"
        "/ # ls -l /opt/aspera/connect/bin/ascp\n"
        "-rwxr-xr-x    1 root     root       9184408 Oct 22 14:05 /opt/aspera/connect/bin/ascp\n"
        "/ # /opt/aspera/connect/bin/ascp -A\n"
        "/bin/sh: /opt/aspera/connect/bin/ascp: not found\n"
    )
    assert cause_ids(text) == ["died-at-start"]


def test_ascp_not_found_with_no_file_shown_stays_missing():
    """Guard: the same "ascp: not found" with no listing of the file is a missing ascp."""
    text = (
        "+ export PATH=/opt/aspera/connect/bin:/usr/local/bin:/usr/bin:/bin\n"
        "+ ascp -QT -l 500m -P33001 --mode=recv --host=aspera.partner.example --user=sync /d/ /mnt/landing/\n"
        "/usr/local/bin/sync.sh: line 14: ascp: not found\n"
    )
    assert cause_ids(text) == ["ascp-missing"]


def test_sshd_s_drops_stamped_in_the_host_s_language_to_the_microsecond():
    """journalctl's short-precise stamps in Finnish ("kesä 03 09:02:00.114630"): sshd's drops past MaxStartups tell
    the client's two "failed to authenticate" runs (they had read as auth)."""
    drop = "kesä 03 09:02:00.{f} hel3 sshd[1021]: drop connection #2 from [193.166.4.57]:{p} on [10.3.0.8]:33001 "
    text = (
        "Ote lokista (journalctl -u sshd, short-precise):\n\n"
        + (drop + "past MaxStartups\n").format(f="114630", p=40418)
        + (drop + "past MaxStartups\n").format(f="115201", p=40420)
        + "\nAsiakkaan puolelta:\n"
        "    laite3: ascp: failed to authenticate, exiting.\n"
        "            Session Stop  (Error: failed to authenticate)\n"
        "    laite4: ascp: failed to authenticate, exiting.\n"
        "            Session Stop  (Error: failed to authenticate)\n"
    )
    assert cause_ids(text) == ["ssh-refused", "ssh-refused"]


def test_a_problem_matcher_s_patterns_and_examples_are_no_runs():
    """A GitHub Actions problem matcher (JSON): its regexes, their group numbers under "message" and its
    "//example" strings quote ascp's words, no run (they had read as four runs)."""
    matcher = {
        "problemMatcher": [
            {
                "owner": "ascp-exiting",
                "//example": "ascp: failed to authenticate, exiting.",
                "pattern": [{"regexp": "^(ascp):\\s+(.+?),\\s+exiting\\.?$", "code": 1, "message": 2}],
            },
            {
                "owner": "ascp-log-err",
                "//example": "2015-09-15 14:10:39 [59c-00001c80] ERR [ascp] SSH authentication failed",
                "pattern": [{"regexp": "^\\d{4}-\\d{2}-\\d{2} .* ERR (.+)$", "message": 1}],
            },
        ]
    }
    assert cause_ids(json.dumps(matcher, indent=2)) == []


def test_one_thing_a_person_has_not_tried_yet_is_no_word_that_nothing_ran():
    """ "Writing to the instance's local NVMe I haven't tried yet" after the person's own run: that run stands (the
    whole input had been read as one whose person ran nothing yet)."""
    text = (
        f"$ ascp -QT -l 1000m -P33001 -k 1 -i ~/.aspera/connect/etc/aspera_tokenauth_id_rsa {ENA}\n"
        "SRR25117408_1.fastq.gz                            9% 1621MB  118Mb/s    19:40 ETA\n"
        "SRR25117408_1.fastq.gz                           11% 1958MB 0.0Kb/s    --:-- ETA\n"
        "Session Stop  (Error: Session data transfer timeout)\n\n"
        "It started at 400 Mb/s, then dropped to nothing. Writing to the instance's local NVMe I\n"
        "haven't tried yet.\n"
    )
    assert cause_ids(text) == ["stall"]


def test_we_have_not_run_anything_yet_still_says_so():
    """Guard: "We haven't run anything yet" before a guide's sample keeps it no run."""
    text = (
        "We haven't run anything yet, the vendor's guide says failures look like this:\n\n"
        "Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))\n"
    )
    assert cause_ids(text) == []


def test_an_export_s_level_column_is_put_back_before_ascp_s_words():
    """An OpenSearch CSV export (newest first) whose "log.level" column holds ascp's LOG and ERR: its records read as
    ascp's, two sessions (the session that worked had been lost)."""
    row = '"Dec 5, 2026 @ {t}","vm-02","ascp","{p}","{lvl}","{m}"'
    ok, failed = "3b1f6a0e-9d3c-4a57-8f0c-5e1d2c7a9b40", "0c7d2e91-6a4b-4f1e-b3d8-7a2e9c1f5d66"
    rows = [
        row.format(t="03:17:44.912", p=48813, lvl="LOG", m=f"FASP Session Stop uuid={ok} op=recv status=success"),
        row.format(t="03:11:51.880", p=48813, lvl="LOG", m=f"FASP Session Start uuid={ok} op=recv status=started"),
        row.format(
            t="03:10:31.547",
            p=48655,
            lvl="LOG",
            m=f"FASP Session Start uuid={failed} op=recv status=failed errcode=15 errstr=Client unable to connect",
        ),
        row.format(
            t="03:10:31.545", p=48655, lvl="ERR", m="Client unable to connect to server (check UDP port and firewall)"
        ),
    ]
    head = '"@timestamp","host.name","process.name","process.pid","log.level","message"'
    assert cause_ids("\n".join([head, *rows]) + "\n") == ["udp", "ok"]


def test_a_quote_that_leaves_words_out_is_not_cut_into_output_lines():
    """A mail's reply quoting '("/bin/sh: ... ascp: not found")' inside a long sentence, after the run it speaks of:
    no second run (the words after the ellipsis had been read as ascp's line)."""
    text = (
        "Downloading file with md5 check:fasp.sra.ebi.ac.uk:/vol1/fastq/SRR224/013/SRR22450913/SRR22450913_1.fastq.gz\n"
        "/bin/sh: 1: /home/t/.aspera/connect/bin/ascp: not found\n\n"
        "Reply (Marek):\n\n"
        '> Tomek, "Errno 2" is not the server, enaBrowserTools did not find the file to check, because ascp never '
        'started ("/bin/sh: ... ascp: not found"). You have the Aspera CLI installed (~/.aspera/cli), the ini names '
        "Connect's path.\n"
    )
    assert cause_ids(text) == ["ascp-missing"]


def test_an_airflow_attempt_s_header_ends_the_attempt_before_it():
    """Airflow's "*** Reading remote log from .../attempt=2.log.": attempt 1 (its output to /dev/null, its exit
    status alone) and attempt 2 (ascp's words) are two runs (they had been read as one)."""
    stamp = "[2026-12-04, 02:{m} UTC] {{subprocess.py:{n}}} INFO - "
    text = (
        "*** Reading remote log from s3://logs/dag_id=pull/task_id=ascp_pull/attempt=1.log.\n"
        + stamp.format(m="00:09", n=93)
        + "pull.sh: ascp -P33001 -l 400m --mode=recv --host=fasp.partner.example --user=etl /e/ /d/ (output -> "
        "/dev/null)\n" + stamp.format(m="01:12", n=97) + "Command exited with return code 1\n\n"
        "*** Reading remote log from s3://logs/dag_id=pull/task_id=ascp_pull/attempt=2.log.\n"
        + stamp.format(m="31:14", n=93)
        + "pull.sh v1.4: ascp -P33001 -l 400m --mode=recv --host=fasp.partner.example --user=etl /e/ /d/\n"
        + stamp.format(m="32:15", n=93)
        + "Session Stop  (Error: Session initiation failed, read timed out)\n"
        + stamp.format(m="32:15", n=97)
        + "Command exited with return code 1\n"
    )
    assert cause_ids(text) == ["unknown", "session-start"]


def test_openssh_s_host_key_warning_from_a_person_s_ssh_is_no_run():
    """OpenSSH's "REMOTE HOST IDENTIFICATION HAS CHANGED!" banner and its "Host key verification failed." after
    ascp's own host-key failure: one run (the ssh's had read as a second)."""
    text = (
        "/opt/aspera/sdk/ascp -P33001 --check-sshfp=SHA256:7Xk3 --mode=recv --host=fasp.example.eu --user=dk /o/ /d/\n"
        "ascp: Remote host is not who we expected, exiting.\n\n"
        "Session Stop  (Error: Remote host is not who we expected)\n\n"
        "I tried ssh to their box and got:\n\n"
        "    @@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\n"
        "    @    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\n"
        "    @@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\n"
        "    Please contact your system administrator.\n"
        "    Host key verification failed.\n"
    )
    assert cause_ids(text) == ["host-key"]


def test_a_gitlab_job_that_failed_at_its_artifacts_after_ascp_completed():
    """GitLab's "Uploading artifacts for successful job", then a 413 and "ERROR: Job failed: exit code 1": the
    ascp run completed, the job's failure is no run (it had read as a second, unknown)."""
    text = (
        "$ ascp -QT -l300M -k2 -d submission/batch_05/ Webin-58210@webin.ebi.ac.uk:batch_05/\n"
        "Completed: 10873856K bytes transferred in 290 seconds\n (306928K bits/sec), in 4 files, 1 directory.\n"
        "$ tar czf upload_evidence.tgz submission/batch_05\n"
        "Uploading artifacts for successful job 00:12\n"
        'WARNING: Uploading artifacts as "archive" to coordinator... 413 Request Entity Too Large\n'
        "FATAL: too large\n"
        "ERROR: Job failed: exit code 1\n"
    )
    assert cause_ids(text) == ["ok"]


def test_ascli_s_error_line_repeating_its_ascp_s_words_is_the_same_run():
    """ascp's "..., exiting." then ascli's "ERROR: FASP(ascp): <the same words>": one run (they had read as two)."""
    text = (
        "2025-04-02T08:41:58.9982310Z ascp: File encryption needs a passphrase in environment variable "
        "ASPERA_SCP_FILEPASS, exiting.\n"
        "2025-04-02T08:41:59.0011472Z ERROR: FASP(ascp): File encryption needs a passphrase in environment variable "
        "ASPERA_SCP_FILEPASS\n"
        "2025-04-02T08:41:59.0224019Z ##[error]Process completed with exit code 1.\n"
    )
    assert cause_ids(text) == ["passphrase"]


def test_a_browser_sdk_s_list_of_failed_transfers_is_one_run_each():
    """The SDK's getAllTransfers() pasted as JSON: two failed transfers, each its own run, the first not taken for
    a title (it had been dropped, the two read as one)."""
    transfers = {
        "transfers": [
            {
                "uuid": "d3f1a9c2-5b7e-4e0a-8c11-7a2d9e44b610",
                "add_time": "2025-05-20T09:14:02",
                "status": "failed",
                "transfer_spec": {"direction": "receive", "remote_host": "ats.example.io", "ssh_port": 33001},
                "error_code": 4,
                "error_desc": "Server aborted session: No such file or directory",
                "bytes_written": 0,
            },
            {
                "uuid": "0b72c8e4-9d31-47a8-b0f5-e12c6a39d7f3",
                "add_time": "2025-05-20T09:16:40",
                "status": "failed",
                "transfer_spec": {"direction": "receive", "remote_host": "ats.example.io", "ssh_port": 33001},
                "error_code": 0,
                "error_desc": "failed to open ssh session.",
                "bytes_written": 0,
            },
        ]
    }
    assert cause_ids(json.dumps(transfers, indent=2)) == ["no-such-file", "server-session"]


_OK = "0b93e7a1-55c2-4f08-8f5d-c41a7e29d3b0"
_FAILED = "6f0d2c4e-3a9b-4c1e-9d77-2b8e51f0a6c3"
_RECORDS = [  # (time, program, pid, message): a failed session, then one that worked
    ("2024-10-08T07:58:03.402Z", "ascp", "611231", f"LOG FASP Session Start uuid={_FAILED} op=send status=started"),
    ("2024-10-08T07:58:03.405Z", "ascp", "611231", 'ERR Failed to open file "/r/a.nc": Permission denied (13)'),
    (
        "2024-10-08T07:58:03.409Z",
        "ascp",
        "611231",
        f"LOG FASP Session Stop uuid={_FAILED} op=send status=failed errcode=5 "
        'errstr="Insufficient permission to read or write"',
    ),
    ("2024-10-08T08:01:15.101Z", "ascp", "611300", f"LOG FASP Session Start uuid={_OK} op=send status=started"),
    ("2024-10-08T08:11:15.966Z", "ascp", "611300", f"LOG FASP Session Stop uuid={_OK} op=send status=success"),
]


def test_serilog_compact_json_lines_are_read_as_a_log_export():
    """Seq's export (Serilog's compact JSON: "@t", "Message", "Application"): both sessions (the one that worked had
    been lost)."""
    text = "".join(
        json.dumps({"@t": t, "@mt": "{Message}", "Message": m, "Application": p, "Hostname": "vie2"}) + "\n"
        for t, p, _, m in _RECORDS
    )
    assert cause_ids(text) == ["permission", "ok"]


def test_a_search_api_s_hits_with_their_message_in_a_body_object():
    """Quickwit's hits (OpenTelemetry's record: "body": {"message": ...}, "app_name", "proc_id"): both sessions."""
    hits = [
        {"timestamp": t, "hostname": "lis2", "app_name": p, "proc_id": pid, "body": {"message": m}}
        for t, p, pid, m in _RECORDS
    ]
    assert cause_ids(json.dumps({"num_hits": len(hits), "hits": hits}, indent=2)) == ["permission", "ok"]


def test_a_search_export_whose_events_hold_their_syslog_fields():
    """Loggly's events (newest first; "raw" beside "event": {"syslog": {"appName", "procId", "host"}}): both
    sessions, oldest first."""
    events = [
        {"timestamp": t, "raw": m, "event": {"syslog": {"appName": p, "procId": pid, "host": "sgp1"}}, "tags": ["h"]}
        for t, p, pid, m in reversed(_RECORDS)
    ]
    assert cause_ids(json.dumps({"total_events": len(events), "events": events}, indent=1)) == ["permission", "ok"]


def test_an_export_s_syslog_program_column_before_its_service_name():
    """Honeycomb's CSV ("service.name" hsts, "syslog.appname" ascp): ascp's records are ascp's, each session its own
    (the two had read as one process's)."""
    rows = [f'{t},hsts,yyz1,{p},{pid},"{m.replace(chr(34), chr(34) * 2)}"' for t, p, pid, m in _RECORDS]
    text = "Timestamp,service.name,host.name,syslog.appname,syslog.procid,body\n" + "\n".join(rows) + "\n"
    assert cause_ids(text) == ["permission", "ok"]


def test_journalctl_json_seq_records_after_their_separator():
    """``journalctl -o json-seq``: each entry after the record separator (RFC 7464): both sessions (the lines had
    been read as text)."""
    micros = {"2024-10-08T07:58:03.402Z": 1728374283402000, "2024-10-08T07:58:03.405Z": 1728374283405000}
    lines = []
    for at, (t, p, pid, m) in enumerate(_RECORDS):
        stamp = micros.get(t, 1728374283409000 + at * 300_000_000)
        entry = {"__REALTIME_TIMESTAMP": str(stamp), "_HOSTNAME": "osl1", "SYSLOG_IDENTIFIER": p, "_PID": pid}
        lines.append("\x1e" + json.dumps({**entry, "MESSAGE": m}))
    text = "$ journalctl -o json-seq -t ascp\n" + "\n".join(lines) + "\n"
    assert cause_ids(text) == ["permission", "ok"]


def test_a_telegram_export_s_message_is_read_once():
    """Telegram Desktop's JSON export: a message's "text" and its "text_entities" hold the same pasted run; one run
    (it had read as two)."""
    run = (
        "olena@ws07:~/b7$ ascp -P 33001 -l 500m -k 2 -d ./b7 lab@fasp.partner.example:/incoming/\n"
        "S7_L002.sorted.bam                                  63%   24GB  491Mb/s    04:02 ETA\n"
        "Session Stop  (Error: Disk write failed (server))"
    )
    message = {
        "id": 5513,
        "type": "message",
        "date": "2024-03-04T09:14:02",
        "from": "Olena",
        "text": ["Here is the terminal (copied as is):\n", {"type": "pre", "text": run}],
        "text_entities": [
            {"type": "plain", "text": "Here is the terminal (copied as is):\n"},
            {"type": "pre", "text": run},
        ],
    }
    export = {"name": "Genomics lab", "type": "private_supergroup", "id": 1, "messages": [message]}
    assert cause_ids(json.dumps(export, indent=1)) == ["disk"]


def test_a_telegram_message_part_that_is_neither_text_nor_an_entity_is_left_out():
    """A message's text list holding something Telegram never writes (a number) is read without it (it had raised
    AttributeError in the reader)."""
    message = {"type": "message", "date": "2024-03-04T09:14:02", "from": "Olena", "text": ["all fine", 5]}
    export = {"name": "lab", "messages": [message], "text_entities": []}
    assert cause_ids(json.dumps(export)) == []
