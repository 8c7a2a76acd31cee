"""explain: what blind round 129 found (each test but the guards failed on the code before its fix)."""

from __future__ import annotations

from tests.unit.test_explain_round58 import ENA, cause_ids, causes


def test_a_newsletter_s_typical_symptom_is_no_run():
    """ "... reject at the SSH stage; the typical symptom is" (wrapped), then the indented sample: no run (it had
    read as auth, medium)."""
    text = (
        "The old module will be removed. It bundles an\n"
        "ascp that many remote servers now reject at the SSH stage; the typical\n"
        "symptom is\n\n"
        "    ascp: failed to authenticate, exiting.\n\n"
        "even though your key is fine. Please switch to the new module.\n"
    )
    assert cause_ids(text) == []


def test_common_messages_heading_is_still_read_as_before():
    """Guard: a page's "## Common messages" heading alone is no sample intro (its admonitions' titles are read as
    they were)."""
    text = "## Common messages\n\nascp: failed to authenticate, exiting.\n"
    assert cause_ids(text) == ["auth"]


def test_a_salt_state_is_a_configuration_file():
    """A Salt state named on its first line, its comments quoting what hosts without it print: no run (it had read
    as ascp missing, high, and died at start)."""
    text = (
        "# salt/aspera/client.sls\n"
        "# Installs the IBM Aspera Transfer SDK for batch users.\n"
        "{% set sdk = salt['pillar.get']('aspera:sdk_version', '1.1.9') %}\n\n"
        "# Put ascp on the PATH for everybody. Without this, cron jobs fail with\n"
        "#   /bin/sh: 1: ascp: not found\n"
        "/usr/local/bin/ascp:\n  file.symlink:\n    - target: /opt/aspera/sdk/ascp\n\n"
        "# Old hosts (EL7) cannot run the new ascp:\n"
        "#   ascp: /lib64/libc.so.6: version `GLIBC_2.28' not found (required by ascp)\n"
    )
    assert cause_ids(text) == []


def test_a_mail_s_wrapped_quote_of_sshd_s_negotiation_tells_the_pasted_run():
    """The client's "failed to authenticate", then the server's sshd line quoted and wrapped in the reply ("> ...
    port 50412:" / "> no matching key exchange method found. Their offer: ..."): one run, the handshake (it had
    read as auth, medium, and a second run of its own)."""
    text = (
        "  user@gw:~$ ascp -P 33001 -l 100m -k 1 /export/batch/ labor_x@transfer.example.com:/inbox/\n"
        "  ascp: failed to authenticate, exiting.\n\n"
        "  Session Stop  (Error: failed to authenticate)\n\n"
        "Your log excerpt (quoted from your mail):\n\n"
        "> Jan 22 11:52:14 xfer01 sshd[418822]: Unable to negotiate with 193.0.2.45 port 50412:\n"
        "> no matching key exchange method found. Their offer:\n"
        "> diffie-hellman-group14-sha1,diffie-hellman-group1-sha1 [preauth]\n"
    )
    assert cause_ids(text) == ["ssh-handshake"]


def test_error_44_after_the_far_end_answered_is_udp_at_low_confidence():
    """A server's session that logged the peer's version, then errcode=44: SSH worked, the first UDP exchange failed,
    a firewall or the path's MTU (error 44 is PMTU_BRTT_ERROR): udp, low (it had been medium)."""
    text = (
        "Feb 18 14:51:22 hsts sshd[1]: Accepted publickey for promo from 198.51.100.166 port 61502 ssh2\n"
        "Feb 18 14:51:22 hsts ascp[2]: LOG FASP Session Start uuid=8a7b6c5d-4e3f-4a2b-9c1d-0e9f8a7b6c5d op=recv "
        "status=started source=- dest=/in local=192.0.2.101:33001 peer=198.51.100.166:33001 tcp_port=33001 "
        "ver=4.4.5.1034 peerver=4.4.1.891\n"
        "Feb 18 14:51:43 hsts ascp[2]: LOG FASP Session Stop uuid=8a7b6c5d-4e3f-4a2b-9c1d-0e9f8a7b6c5d op=recv "
        'status=failed errcode=44 errstr="UDP session initiation fatal error" local=192.0.2.101:33001 '
        "peer=198.51.100.166:33001 tcp_port=33001\n"
    )
    assert causes(text) == [("udp", "low")]


def test_nextflow_s_running_time_limit_cancels_the_task_s_run():
    """Nextflow's error block: "Caused by: Process exceeded running time limit (4h)", then the command and its
    output at 96 %: one run, cancelled (it had read as unknown, low)."""
    text = (
        "Mar-24 03:41:12.881 [Task monitor] ERROR nextflow.processor.TaskProcessor - Error executing process > "
        "'ENA_ASPERA_FETCH (ERR9985521)'\n\n"
        "Caused by:\n  Process exceeded running time limit (4h)\n\n"
        "Command executed:\n\n"
        "  ascp -QT -l 200m -P33001 -k1 -i key.pem era-fasp@fasp.sra.ebi.ac.uk:/vol1/run/ERR998/ERR9985521/x.cram .\n\n"
        "Command exit status:\n  -\n\n"
        "Command output:\n"
        "  x.cram                         96%   31GB  18.3Mb/s    11:07 ETA\n\n"
        "Command error:\n  (empty)\n"
    )
    assert cause_ids(text) == ["cancelled"]


def test_task_scheduler_s_kill_listed_before_the_log_it_cut_short():
    """Task Scheduler's history (newest first: "terminated" at 06:00), then the client's log whose session has no
    Session Stop: cancelled (it had read as unknown, low)."""
    text = (
        "TimeCreated : 22.03.2025 06:00:02\nId          : 111\n"
        'Message     : Task Scheduler terminated "{6d2b0c1e-8f3a-4e71-9c55-a0d4e3f21b97}" instance of the '
        '"\\Aspera\\Nachtexport" task.\n\n'
        "PS C:\\> Get-Content 'D:\\Logs\\aspera\\aspera-scp-transfer.log' -Tail 2\n"
        "2025-03-22 02:00:03.418 [1a2c-00002f10] LOG FASP Session Start uuid=4c9f0e2a-7b13-4d58-a6e1-93f0c2d7b85e "
        "op=send status=started source=E:/x dest=/archiv local=10.31.4.18:61217 peer=10.200.8.40:33001 "
        "tcp_port=33001\n"
        "2025-03-22 05:59:59.870 [1a2c-00001d44] LOG FASP Session Statistics [Sender] "
        "id=4c9f0e2a-7b13-4d58-a6e1-93f0c2d7b85e delay=3ms ave_xmit_rate 99.92Mbps (progress: tx_bytes "
        "179852287488 file_bytes 179852287488 tx_time 14396870000)\n"
    )
    assert cause_ids(text) == ["cancelled"]


def test_a_script_s_ascp_returned_1_is_a_run_of_unknown_cause():
    """A script's own log: "ascp returned 1", its output sent to /dev/null: one run, unknown (it had read as none)."""
    text = (
        "[2025-02-27 11:40:03] downloading subject 100206 ...\n"
        "[2025-02-27 11:40:09] ascp returned 1\n"
        "[2025-02-27 11:40:09] giving up on 100206\n"
    )
    assert cause_ids(text) == ["unknown"]


def test_a_forum_thread_s_title_quoting_the_error_is_the_run_below():
    """A thread's title quoting ascp's words among its own, then the run of that cause: one run (the title had read
    as a second, low)."""
    text = (
        '[Foro Bioinformática · Hilo: "ascp de ENA: No such file or directory pero el fichero existe"]\n\n'
        "Buenas. Intento bajar los FASTQ:\n\n"
        f"  $ ascp -QT -l 300m -P33001 -i key.pem {ENA}\n"
        "  Completed: 0K bytes transferred in 0 seconds\n"
        "  Session Stop  (Error: Server aborted session: No such file or directory)\n"
    )
    assert cause_ids(text) == ["no-such-file"]


def test_a_thread_title_naming_the_error_without_quotes_is_the_run_below():
    """ "กระทู้: ... ขึ้น Session initiation failed" (thread: ... shows ...), then the run: one run."""
    text = (
        "กระทู้: ดาวน์โหลด DRA จาก DDBJ ด้วย ascp ไม่ได้ ขึ้น Session initiation failed\n"
        "โพสต์โดย: nattapong_k\n\n"
        "nattapong@thinkpad:~/raw$ ascp -i key.pem -QT -l 100m -P 33001 anonftp@ascp.ddbj.nig.ac.jp:/x.bz2 ./\n"
        "Session Stop  (Error: Session initiation failed, read timed out)\n"
    )
    assert cause_ids(text) == ["session-start"]


def test_a_chat_question_quoting_the_error_is_about_the_paste_that_follows():
    """'Has anyone had "failed to authenticate"?', then that run's paste and the working retry: two runs (the
    question had read as a third)."""
    text = (
        "Rocket.Chat — #bioinfo-umum — ekspor percakapan\n"
        "-------------------------------------------------------------\n\n"
        "[2025-01-09 10:14] dimas: Pagi semua. Ada yang pernah download dari ENA pakai ascp dan kena "
        '"failed to authenticate"? '
        "Komputernya server lab.\n"
        "[2025-01-09 10:15] dimas:\n```\n"
        f"(ena) dimas@lab:~/data$ ascp -QT -l 300m -P33001 -i dsa.openssh {ENA}\n"
        "ascp: failed to authenticate, exiting.\n\nSession Stop  (Error: failed to authenticate)\n```\n"
        "[2025-01-09 10:40] dimas: sip, sudah bisa\n```\n"
        f"(ena) dimas@lab:~/data$ ascp -QT -l 300m -P33001 -i rsa.pem {ENA}\n"
        "ERR164407.fastq.gz                     100%  956MB  271Mb/s    00:30\n"
        "Completed: 979302K bytes transferred in 30 seconds\n (265410K bits/sec), in 1 file.\n```\n"
    )
    assert cause_ids(text) == ["auth", "ok"]


def test_a_key_given_on_a_continued_command_line_that_ls_says_is_missing():
    """The command's -i on its second line (after a "\\"), "Key passphrase:" and "failed to authenticate", then ls:
    "cannot access '.../asperaweb_id_dsa.openssh': No such file or directory": the key file (it had read as auth,
    low)."""
    text = (
        "```console\n"
        "ravi@g02:~/p$ ~/.aspera/connect/bin/ascp -QT -l 300m -P33001 \\\n"
        "    -i ~/.aspera/connect/etc/asperaweb_id_dsa.openssh \\\n"
        "    era-fasp@fasp.sra.ebi.ac.uk:vol1/fastq/ERR164/ERR164407/ERR164407.fastq.gz .\n"
        "Key passphrase:\n"
        "ascp: failed to authenticate, exiting.\n\n"
        "Session Stop  (Error: failed to authenticate)\n"
        "```\n\n"
        "```console\n"
        "ravi@g02:~/p$ ls -l ~/.aspera/connect/etc/asperaweb_id_dsa.openssh\n"
        "ls: cannot access '/home/ravi/.aspera/connect/etc/asperaweb_id_dsa.openssh': No such file or directory\n"
        "```\n"
    )
    assert cause_ids(text) == ["key-file"]


def test_a_script_s_exit_status_in_a_rule_is_the_run_s_own():
    """A job's output: the run's Session Stop, then the script's "== ascp exit 1 ==": one run (the rule had ended
    the run and its exit status read as a second, unknown)."""
    text = (
        "ascp -P 33001 -c aes256 -l 1500m --user=u --host=aspera-in.example.es --mode=send /incoming/B12\n"
        "Completed: 0K bytes transferred in 1 seconds\n (0K bits/sec), in 0 files.\n"
        "Session Stop  (Error: Server aborted session: Client requests stronger encryption than server allows)\n"
        "== ascp exit 1 ==\n"
    )
    assert cause_ids(text) == ["stronger-encryption"]


def test_the_next_lsf_job_mail_s_exit_is_a_run_of_its_own():
    """Two LSF job mails: a usage error's, then a job whose ascp output went to /dev/null ("Exited with exit code
    1.", no output): two runs, usage and unknown (the second had been folded into the first)."""
    mail = (
        "Subject: Job {n}: <fetch_ena> in cluster <hpc1> Exited\n\n"
        "Your job looked like:\n\n"
        "------------------------------------------------------------\n"
        "# LSBATCH: User input\n#!/bin/bash\n"
        "ascp -QT -l 300m -P33001 -i $KEY era-fasp@fasp.sra.ebi.ac.uk:/vol1/fastq/SRR144/x.fastq.gz $OUTDIR{redirect}\n"
        "------------------------------------------------------------\n\n"
        "Exited with exit code 1.\n\n"
        "Resource usage summary:\n\n    CPU time :     0.04 sec.\n\n"
        "The output (if any) follows:\n\n"
    )
    text = (
        "---------- message 1 of 2 ----------\n"
        + mail.format(n=553201, redirect="")
        + "Usage: ascp [OPTION] SRC... DEST\n          SRC to DEST, or multiple SRC to DEST dir\n"
        "Display full usage: -h,--help\n\n\n"
        "---------- message 2 of 2 ----------\n" + mail.format(n=553377, redirect=" > /dev/null 2>&1")
    )
    assert cause_ids(text) == ["usage", "unknown"]


def test_elasticsearch_hits_name_their_program_so_sshd_s_drops_are_read():
    """A search API's hits whose ``_source`` names the process (ECS's ``process.name``): sshd's MaxStartups drops are
    the server's refusals beside the session that worked (they had not been read at all)."""
    hit = (
        '{{"_index": "syslog", "_source": {{"@timestamp": "{t}", "host": {{"name": "xfer01"}}, '
        '"process": {{"name": "{p}", "pid": {pid}}}, "message": "{m}"}}}}'
    )
    uuid = "5be2f0c1-77a9-4c8e-a1d3-0f4e9b26c871"
    ends = "local=198.51.100.20:33001 peer=203.0.113.58:41007 tcp_port=33001"
    hits = [
        hit.format(
            t="2025-04-02T22:00:01.121Z",
            p="sshd",
            pid=1088,
            m="drop connection #10 from [203.0.113.58]:53914 on [198.51.100.20]:33001 past MaxStartups",
        ),
        hit.format(
            t="2025-04-02T22:00:02.031Z",
            p="ascp",
            pid=7741,
            m=f"LOG FASP Session Start uuid={uuid} op=recv status=started source=- dest=/in {ends}",
        ),
        hit.format(
            t="2025-04-02T22:41:37.552Z",
            p="ascp",
            pid=7741,
            m=f"LOG FASP Session Stop uuid={uuid} op=recv status=success {ends} files=412 size=98817218560",
        ),
    ]
    text = '{"took": 41, "hits": {"total": {"value": 3}, "hits": [\n' + ",\n".join(hits) + "\n]}}\n"
    assert cause_ids(text) == ["ssh-refused", "ok"]


def test_an_opentelemetry_csv_export_s_body_and_service_name_are_read():
    """SigNoz's CSV export (``timestamp,severity_text,service.name,host.name,body``): sshd's failed passwords and its
    penalty drop, each a client's attempt (the input had read as none)."""
    text = (
        "timestamp,severity_text,service.name,host.name,body\n"
        '2025-05-20T13:02:44.910Z,INFO,sshd-session,edge,"Failed password for vendor_pp from 198.18.7.23 port 60112 '
        'ssh2"\n'
        '2025-05-20T13:04:12.377Z,INFO,sshd-session,edge,"Failed password for vendor_pp from 198.18.7.23 port 60240 '
        'ssh2"\n'
        '2025-05-20T13:04:19.020Z,INFO,sshd,edge,"drop connection #0 from [198.18.7.23]:60255 on [203.0.113.80]:33001 '
        'penalty: failed authentication"\n'
    )
    assert cause_ids(text) == ["auth", "auth", "ssh-refused"]


def test_a_log_query_s_result_table_without_a_rule_is_read_as_records():
    """An Axiom (APL) query, then its result as a table with no rule under its header: its rows are the server's
    sessions (the query's steps had made the input read as a query alone, no runs)."""
    uuid = "e1f2a3b4-c5d6-4e7f-8091-a2b3c4d5e6f7"
    ends = "local=192.0.2.71:33001 peer=203.0.113.250:33001 tcp_port=33001"
    text = (
        "['hsts-syslog']\n| where _time between (ago(2h) .. now())\n| where ident == \"ascp\"\n"
        "| project _time, host, pid, message\n| order by _time asc\n\n"
        "_time                     host          pid      message\n"
        f"2025-11-04T13:41:09.220Z  dl-lagos-1    310442   LOG FASP Session Start uuid={uuid} op=send "
        f"status=started source=/data/x.h5ad dest=- {ends}\n"
        f"2025-11-04T13:41:09.232Z  dl-lagos-1    310442   LOG FASP Session Stop uuid={uuid} op=send status=failed "
        f'errcode=4 errstr="No such file or directory" {ends}\n\n'
        "2 rows · 1.2s\n"
    )
    assert cause_ids(text) == ["no-such-file"]


def test_a_journal_export_cut_to_its_message_fields_is_still_ascp_s():
    """``journalctl -o export`` grepped to its time, host, PID and message fields: ascp's records by their own form
    (the failure had read at low confidence and the next session not at all)."""
    ends = "local=192.0.2.120:33001 peer=198.51.100.199:33001 tcp_port=22"
    entries = [
        (
            1750141211448120,
            77410,
            f"LOG FASP Session Start uuid=b7c6d5e4-f3a2-4b1c-9d0e-8f7a6b5c4d3e op=send "
            f"status=started source=/p dest=- {ends}",
        ),
        (
            1750141211461930,
            77410,
            "LOG FASP Session Stop uuid=b7c6d5e4-f3a2-4b1c-9d0e-8f7a6b5c4d3e op=send "
            f'status=failed errcode=5 errstr="Server aborted session: Read access denied for user" {ends}',
        ),
        (
            1750143877002518,
            78833,
            f"LOG FASP Session Start uuid=2e3f4a5b-6c7d-4e8f-9a0b-1c2d3e4f5a6b op=send "
            f"status=started source=/p dest=- {ends}",
        ),
        (
            1750144502911377,
            78833,
            "LOG FASP Session Stop uuid=2e3f4a5b-6c7d-4e8f-9a0b-1c2d3e4f5a6b op=send "
            f"status=success {ends} files=5 size=214748364800",
        ),
    ]
    text = "".join(
        f"__REALTIME_TIMESTAMP={t}\n_HOSTNAME=hsts-lyon-02\n_PID={pid}\nMESSAGE={m}\n\n" for t, pid, m in entries
    )
    assert causes(text) == [("permission", "high"), ("ok", "high")]
