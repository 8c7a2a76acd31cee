"""explain: what blind round 107 found (each test but the guards failed on the code before its fix)."""

from __future__ import annotations

from tests.unit.test_explain_round58 import cause_ids, causes

AUTH = "ascp: failed to authenticate, exiting.\n\nSession Stop  (Error: failed to authenticate)\n"


def test_a_json_file_that_names_its_schema_first_is_no_run():
    """An lnav log format: its "sample" lines, dated as a log's are, are its parser's tests (one had read as a run
    whose SSH port was blocked)."""
    text = (
        '{\n    "$schema": "https://lnav.org/schemas/format-v1.schema.json",\n    "aspera_ascp_log": {\n'
        '        "title": "IBM Aspera ascp transfer log",\n        "sample": [\n'
        '            {"line": "2015-04-30 11:13:34 [3ef3-0xa116d1d4] ERR Failed to open TCP connection for SSH"},\n'
        '            {"line": "2015-09-15 14:10:39 [59c-00001c80] ERR failed to authenticate"}\n        ]\n    }\n}\n'
    )
    assert cause_ids(text) == []


def test_sshd_lines_pasted_without_their_time_stamp_say_why_the_client_failed():
    """A container's three runs of an old Connect's ascp ("failed to authenticate"), and the admin's sshd lines of
    the same minutes with their time and host cut off ("sshd[88412]: Unable to negotiate ... Their offer: ssh-rsa,
    ssh-dss"): the handshake failed (each had read as auth)."""
    run = f"fetcher-1  | {AUTH.replace(chr(10), chr(10) + 'fetcher-1  | ')}fetcher-1 exited with code 1\n"
    text = (
        "$ docker compose logs fetcher\n"
        + run * 3
        + "\nAdmin sent this from sshd's journal, same minutes:\n"
        + "".join(
            f"sshd[884{n}]: Unable to negotiate with 172.31.8.14 port 401{n}: no matching host key type found. "
            "Their offer: ssh-rsa,ssh-dss [preauth]\n"
            for n in (12, 30, 51)
        )
    )
    assert cause_ids(text) == ["ssh-handshake"] * 3


STAMP = "Jun  6 11:02:58 aspera-in01 ascp[530118]: "
UUID = "f3a9c1e7-2d48-4b05-8e6a-91c7d0b4e352"


def test_a_partial_file_s_rename_that_failed_with_errno_2_is_partial_rename():
    """The server's ERR line "Cannot rename partial file ...: No such file or directory (2)" before the session's
    errcode=4 (another upload of the same file renamed it first): the rename failed, the errno says only how (it had
    read as a missing source file)."""
    text = (
        f"Jun  6 10:41:17 aspera-in01 ascp[530118]: LOG FASP Session Start uuid={UUID} op=recv status=started "
        "source=Promo_0506.mxf dest=/data/hotfolder/promo local=10.1.1.20:33001 peer=88.210.14.5:33001\n"
        f'{STAMP}ERR Cannot rename partial file "/data/hotfolder/promo/Promo_0506.mxf.partial" to '
        '"/data/hotfolder/promo/Promo_0506.mxf": No such file or directory (2)\n'
        f'{STAMP}LOG FASP Session Stop uuid={UUID} op=recv status=failed errcode=4 errstr="No such file or directory" '
        "source=Promo_0506.mxf (0) dest=/data/hotfolder/promo local=10.1.1.20:33001 peer=88.210.14.5:33001\n"
    )
    assert cause_ids(text) == ["partial-rename"]


def test_guard_errno_2_with_no_rename_is_a_missing_file():
    """Guard: errcode=4 with ascp's ERR line about the source itself stays a missing file."""
    text = (
        f"Jun  6 10:41:17 aspera-in01 ascp[530118]: LOG FASP Session Start uuid={UUID} op=send status=started "
        "source=/out/x.mxf dest=/in local=10.1.1.20:33001 peer=88.210.14.5:33001\n"
        f"{STAMP}ERR Cannot stat file /out/x.mxf: No such file or directory (2)\n"
        f'{STAMP}LOG FASP Session Stop uuid={UUID} op=send status=failed errcode=4 errstr="No such file or directory" '
        "source=/out/x.mxf (0) dest=/in local=10.1.1.20:33001 peer=88.210.14.5:33001\n"
    )
    assert cause_ids(text) == ["no-such-file"]


def test_a_kex_offer_of_group1_and_group14_only_is_a_scanner_s():
    """An auth log with no transfer: "Their offer: diffie-hellman-group1-sha1,diffie-hellman-group14-sha1" is no
    ascp's (libssh2 always offers group-exchange too): no run (it had read as a failed handshake)."""
    text = (
        "Mar 30 08:11:09 ftp-hsts-lon sshd[119455]: Unable to negotiate with 193.32.162.9 port 46010: no matching key "
        "exchange method found. Their offer: diffie-hellman-group1-sha1,diffie-hellman-group14-sha1 [preauth]\n"
        "Mar 30 08:40:00 ftp-hsts-lon sshd[119602]: Connection closed by 10.2.0.9 port 59788 [preauth]\n"
    )
    assert cause_ids(text) == []
    old = text.replace("group1-sha1,diffie-hellman-group14-sha1", "group14-sha1,diffie-hellman-group-exchange-sha1")
    assert cause_ids(old) == ["ssh-handshake"]  # (guard: an old ascp's offer)


def test_ascp_s_words_new_to_explain_name_their_causes():
    """Wordings round 107 showed: the file system's "File name too long" (path-name), ascp refusing its own
    aspera.conf ("Failed to parse configuration file ...", configuration), and ascli's last line carrying ascp's
    "File encryption needs a passphrase in environment variable" (passphrase); each had read as unknown."""
    long_name = (
        f"Oct  3 15:43:58 pub-hsts01 ascp[412905]: LOG FASP Session Start uuid={UUID} op=recv status=started "
        "source=in dest=/srv/in local=192.168.50.10:33001 peer=126.72.191.8:33001\n"
        'Oct  3 15:43:58 pub-hsts01 ascp[412905]: ERR Failed to open file "/srv/in/x.docx": File name too long (36)\n'
        f"Oct  3 15:44:02 pub-hsts01 ascp[412905]: LOG FASP Session Stop uuid={UUID} op=recv status=failed "
        'errcode=27 errstr="Some individual files failed" source=in (63) dest=/srv/in local=192.168.50.10:33001 '
        "peer=126.72.191.8:33001\n"
    )
    assert cause_ids(long_name) == ["path-name"]
    conf = (
        "[root@hsts-mum01 ~]# ascp -P 33001 -l 100m /tmp/t.bin partner@localhost:/in/\n"
        "ascp: Failed to parse configuration file /opt/aspera/etc/aspera.conf: mismatched tag at line 212, column 11, "
        "exiting.\n"
    )
    assert cause_ids(conf) == ["configuration"]
    ascli = (
        "$ ascli server upload --url=ssh://xfer.vault-archive.net:33001 --username=ci_deposit "
        '--ts=@json:\'{"content_protection":"encrypt"}\' --to-folder=/deposit dist/r.tar.zst --progress-bar=no\n'
        "E, [2025-09-03T16:12:44.902331 #73]  ERROR -- : ascp failed (pid 81 exit 1)\n"
        "ERROR: Transfer: File encryption needs a passphrase in environment variable\n"
    )
    assert cause_ids(ascli) == ["passphrase"]


def test_a_transfer_sdk_client_s_log_of_its_spec_then_its_failure_is_a_run():
    """A Transfer SDK sample app's log: the spec it gives the daemon (which starts ascp), then its own ERROR line with
    ascp's words: that run failed so (it had read as nothing: a logger's line with no command before it)."""
    text = (
        '2025-10-07 09:14:03,352 INFO server: transfer spec: {"title": "upload", "remote_host": "hsts-pre.io", '
        '"ssh_port": 33001, "remote_user": "pipeline", "direction": "send"}\n'
        "2025-10-07 09:14:03,361 INFO server: transfer id: 6f2d0c8e-3e1b-44f7-9a4e-2b07a1c52d90\n"
        "2025-10-07 09:14:04,518 ERROR server: transfer failed: Remote host is not who we expected\n"
    )
    assert cause_ids(text) == ["host-key"]


def test_ascli_s_lines_in_a_journal_are_its_runs():
    """A systemd timer's journal: ascli's lines tagged ``ascli[PID]:``, one process a night: the first completed,
    the second ended with ascp's "Remote host is not who we expected" (together they had read as one unknown run).
    (Pasted with the person's words around it; a journal file of ascli's lines alone is read as a server's syslog,
    whose lines of other programs than ascp and sshd are skipped.)"""
    text = (
        "The nightly sync stopped working after the server moved. Journal of the last two nights:\n\n"
        '$ journalctl -u lab-sync.service --since "2024-05-13 02:00" --no-pager\n'
        "May 13 02:30:04 seqsrv01 systemd[1]: Starting lab-sync.service - Nightly pull (ascli)...\n"
        "May 13 02:30:06 seqsrv01 ascli[412877]: complete\n"
        "May 13 02:34:19 seqsrv01 ascli[412877]: | status                       | success |\n"
        "May 13 02:34:19 seqsrv01 systemd[1]: lab-sync.service: Deactivated successfully.\n"
        "May 14 02:30:04 seqsrv01 systemd[1]: Starting lab-sync.service - Nightly pull (ascli)...\n"
        "May 14 02:30:07 seqsrv01 ascli[1733]: ERROR: Transfer: Remote host is not who we expected\n"
        "May 14 02:30:07 seqsrv01 systemd[1]: lab-sync.service: Main process exited, code=exited, status=1/FAILURE\n"
    )
    assert cause_ids(text) == ["ok", "host-key"]


def test_ansible_s_until_retries_are_attempts_of_their_own():
    """Ansible retried the push twice ("FAILED - RETRYING: ... (2 retries left)") before its fatal result with
    ascp's "Server requires content protection": three attempts (they had read as one), the two earlier told by the
    last one's output at low confidence."""
    text = (
        "TASK [deliver : Push deliverables to partner HSTS] *****************************\n"
        "FAILED - RETRYING: [ingest01]: Push deliverables to partner HSTS (2 retries left).\n"
        "FAILED - RETRYING: [ingest01]: Push deliverables to partner HSTS (1 retries left).\n"
        'fatal: [ingest01]: FAILED! => {"attempts": 3, "changed": true, "cmd": "ascp -P 33001 --mode=send '
        '--user=up --host=hsts.example.eu /data/d/ /in/", "msg": "non-zero return code", "rc": 1, "stderr": '
        '"ascp: Server aborted session: Server requires content protection, exiting.", "stdout_lines": ["", '
        '"Session Stop  (Error: Server aborted session: Server requires content protection)"]}\n'
    )
    assert causes(text) == [("content-protection", "low")] * 2 + [("content-protection", "high")]


def test_a_failure_the_person_has_since_fixed_beside_a_dry_run_is_no_run():
    """A Snakemake dry run (commands printed, none run) under "Last week the same rule ... gave me "Session Stop
    (Error: failed to authenticate)" but I've since switched to the RSA key": no run (it had read as auth, low)."""
    text = (
        "Before I throw this at the cluster: does the rule look right? Last week the same rule on the old login node "
        'gave me\n"Session Stop (Error: failed to authenticate)" but I\'ve since switched to the RSA key from the SDK. '
        "Dry-run below.\n\n$ snakemake -n -p --cores 4\nBuilding DAG of jobs...\n\n[Thu Oct 10 11:02:47 2024]\n"
        "rule fetch_fastq:\n    output: raw/ERR5671201_1.fastq.gz\n    jobid: 1\n\n"
        "ascp -QT -l 300m -P33001 -k1 -i ~/.aspera/sdk/aspera_bypass_rsa.pem "
        "era-fasp@fasp.sra.ebi.ac.uk:vol1/fastq/ERR567/001/ERR5671201/ERR5671201_1.fastq.gz raw/\n"
    )
    assert cause_ids(text) == []


def test_a_glossary_s_entries_beside_a_run_are_no_runs():
    """A blog post's run ("Remote host is not who we expected"), then its list of similar messages, each followed by
    what it means ("— 포트 문제", "= UDP blocked"): one run (the entries had read as two more at low confidence)."""
    text = (
        "<p>월요일 배치 로그:</p>\n<pre>\n[2024-02-19 06:00:03] ascp: Remote host is not who we expected, exiting.\n"
        "</pre>\n<p>비슷한 에러들:</p>\n<ul>\n"
        "<li><code>ascp: failed to authenticate, exiting.</code> — 키/비밀번호 문제 (에러 코드 19)</li>\n"
        "<li><code>ascp: Failed to open TCP connection for SSH, exiting.</code> — 포트 문제</li>\n</ul>\n"
        "* `Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))` = UDP blocked\n"
    )
    assert cause_ids(text) == ["host-key"]


def test_a_log_shipper_s_configuration_is_no_run():
    """Promtail's scrape_configs with pipeline stages whose comments quote fixture lines and whose metric's
    description says "ascp sessions that ended with status=failed": no run (it had read as an unknown one)."""
    text = (
        "# promtail config fragment\nscrape_configs:\n  - job_name: aspera-ascp\n    pipeline_stages:\n"
        "      # fixture line:\n      #   LOG FASP Session Stop uuid=... op=send status=failed errcode=19\n"
        "      - metrics:\n          ascp_session_failed_total:\n            type: Counter\n"
        '            description: "ascp sessions that ended with status=failed, by errcode"\n'
    )
    assert cause_ids(text) == []


def test_an_lsf_job_mail_s_kill_ends_the_run_its_output_shows():
    """LSF's job mail: "TERM_RUNLIMIT: job killed ...", "Exited with exit code 140.", then "The output (if any)
    follows:" with the transfer at 58 %: the time limit ended that run (it had read as unknown: the job's exit
    status 140, a signal's, had kept the kill off it)."""
    text = (
        "Subject: Job 18349021: <ena_pull> in cluster <dcc> Exited\n\nYour job looked like:\n\n"
        "------------------------------------------------------------\n# LSBATCH: User input\n#!/bin/sh\n#BSUB -W 120\n"
        "$HOME/.aspera/sdk/ascp -QT -l 100m -P33001 -k1 --mode=recv --host=fasp.sra.ebi.ac.uk --user=era-fasp "
        "--file-list=runs.txt ./raw/\n------------------------------------------------------------\n\n"
        "TERM_RUNLIMIT: job killed after reaching LSF run time limit.\nExited with exit code 140.\n\n"
        "The output (if any) follows:\n\n"
        "ERR9112834_1.fastq.gz                                   100%   28GB 95.8Mb/s    42:03\n"
        "ERR9112836_1.fastq.gz                                    58%   17GB 95.9Mb/s    13:22 ETA\n"
    )
    assert cause_ids(text) == ["cancelled"]


def test_guard_an_lsf_job_mail_with_no_output_is_its_script_s_run_killed():
    """Guard: the same mail with no output after "The output (if any) follows:" (ascp -q): the script's run,
    cancelled by the time limit."""
    text = (
        "Your job looked like:\n\n------------------------------------------------------------\n#!/bin/sh\n"
        "$HOME/.aspera/sdk/ascp -q -l 100m -P33001 --mode=recv --host=fasp.sra.ebi.ac.uk --user=era-fasp x ./raw/\n"
        "------------------------------------------------------------\n\n"
        "TERM_RUNLIMIT: job killed after reaching LSF run time limit.\nExited with exit code 140.\n\n"
        "The output (if any) follows:\n\n\nPS:\n\nRead file <pull_18349021.out> for stdout and stderr output of "
        "this job.\n"
    )
    assert cause_ids(text) == ["cancelled"]
