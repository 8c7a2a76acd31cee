"""explain: what blind round 112 found, and round 111's leftovers (each test but the guards failed on the code
before its fix)."""

from __future__ import annotations

from tests.unit.test_explain_evidence import explain_text
from tests.unit.test_explain_round58 import cause_ids, causes

_VERIFY = "ascp -P 33001 -l 200m -k 1 --user=uklink --host=aspera.partner.example --mode=recv /verify/t1G /scratch/\n"
_OK = (
    "t1G                          100% 1024MB  188Mb/s    00:47\nCompleted: 1048576K bytes transferred in 47 seconds\n"
)


def test_a_wiki_s_bold_sample_intro_makes_its_block_no_run():
    """ "__Erwartete Ausgabe (Beispiel aus der Doku, kein Lauf):__" (a Tiki wiki's bold line) before a code block:
    the block is the documentation's sample, no run (it had read as a completed run)."""
    text = (
        "__Befehl:__\n{CODE()}\n" + _VERIFY + "{CODE}\n\n"
        "__Erwartete Ausgabe (Beispiel aus der Doku, kein Lauf):__\n{CODE()}\n" + _OK + "{CODE}\n"
    )
    assert cause_ids(text) == []
    # (guard) the same bold line without a colon is a title, not a sample's intro
    assert cause_ids(text.replace("kein Lauf):__", "kein Lauf)__")) == ["ok"]


def test_runs_under_different_days_headings_are_no_burst_and_are_read_oldest_first():
    """A verification log kept newest first, each entry under a dated heading ("!!! 2024-06-11 — r.vogt — FEHLER"):
    a failure between two successes months apart is no burst of connections turned away (it had read as
    ssh-refused, medium), and the runs are listed by their days."""
    fail = (
        "ascp: Failed to open TCP connection for SSH, exiting.\n\n"
        "Session Stop  (Error: Failed to open TCP connection for SSH)\n"
    )
    text = (
        "!! Protokoll (neueste zuerst)\n\n"
        "!!! 2024-07-09 — r.vogt — OK\n{CODE()}\n$ " + _VERIFY + _OK + "{CODE}\n\n"
        "!!! 2024-06-11 — r.vogt — FEHLER\n{CODE()}\n$ " + _VERIFY + fail + "{CODE}\n\n"
        "!!! 2023-12-05 — m.berisha — OK\n{CODE()}\n$ " + _VERIFY + _OK.replace("47", "44") + "{CODE}\n"
    )
    assert causes(text) == [("ok", "high"), ("ssh-port", "high"), ("ok", "high")]
    # under one day's heading, the failure between two that got through: three runs are too few for a burst sshd
    # turns away (blind round 177), so its own words stand, at low confidence, with the burst beside them
    same_day = text.replace("2024-06-11", "2024-07-09").replace("2023-12-05", "2024-07-09")
    assert causes(same_day) == [("ok", "high"), ("ssh-port", "low"), ("ok", "high")]
    assert "a few seconds apart" in explain_text(same_day)[1].next_step


def test_an_incident_s_example_under_an_html_heading_after_a_paragraph_is_no_run():
    """A Confluence runbook: a paragraph in an ``ac:`` macro, then "<h2>Example from incident INC-3381 (for
    training)</h2>" and a <pre> block of ascp's log: the heading is not the paragraph's sentence going on, and the
    namespaced tags are HTML's (the example had read as a failed run)."""
    text = (
        '<ac:structured-macro ac:name="info"><ac:rich-text-body><p>This page lists the messages we have seen from '
        "<code>ascp</code> on the ingest hosts and what fixed them</p></ac:rich-text-body></ac:structured-macro>\n"
        "<h2>Example from incident INC-3381 (for training)</h2>\n<pre>\n"
        "2024-10-02 03:14:55 [1a2f-7f3e9c5f6700] ERR Failed to open TCP connection for SSH\n</pre>\n"
    )
    assert cause_ids(text) == []
    # (guard) a heading that says what happened to us, over the same block, is a run
    own = text.replace("Example from incident INC-3381 (for training)", "What happened last night")
    assert cause_ids(own) == ["ssh-port"]


def test_a_compose_service_s_json_lines_are_read_as_their_messages():
    """docker compose's ``transferd-1  | {"level":"error","msg":"/opt/aspera/sdk/bin/ascp: error while loading shared
    libraries: libcrypt.so.1 ..."}``: the loader's words inside the JSON are read, so each start died at start (it had
    read as one run of ascp missing, from the exit status 127 alone)."""
    record = 'transferd-1  | {"appname":"asperatransferd","level":"%s","msg":"%s","time":"2025-06-18T07:40:%02dZ"}\n'
    loader = (
        "/opt/aspera/sdk/bin/ascp: error while loading shared libraries: libcrypt.so.1: cannot open shared object "
        "file: No such file or directory"
    )
    text = ""
    for second, uuid in ((5, "41c7e2b9-0d55-4f1e-a3b8-c6902f1d7e04"), (36, "d93a0f12-7b6c-4e85-9f21-3a5e8c04b6d7")):
        text += record % ("info", "Endpoint (StartTransfer) accepts request", second)
        text += record % ("error", loader, second)
        text += record % ("error", f"Transfer {uuid}: ascp exited with status 127 before session start", second)
        text += f"worker-1     | 2025-06-18T07:40:{second + 1:02d}Z ERROR ingest.worker: transfer {uuid} FAILED\n"
    assert cause_ids(text) == ["died-at-start", "died-at-start"]


def test_a_person_saying_they_have_tried_nothing_yet_in_german_makes_the_quotes_no_run():
    """A mail before a migration: the messages customers would see quoted, then "Getestet habe ich noch nichts gegen
    den neuen Server": no run (it had read as a content-protection run)."""
    text = (
        "Hallo zusammen,\n\nbevor wir Faspex 4 abschalten, ein paar Punkte.\n"
        "Getestet habe ich noch nichts gegen den neuen Server – das kommt nächste Woche.\n\n"
        "Wenn wir das aktivieren, bekommen Kunden laut IBM eine Meldung in der Art\n"
        '   "Server aborted session: Server requires content protection"\n\nViele Grüße\n'
    )
    assert cause_ids(text) == []
    # (guard) not having tried one thing again yet is no such word: the runs shown are the person's
    runs = (
        "[lg@login01 ena]$ ascp -QT -l 300m -i key era-fasp@fasp.sra.ebi.ac.uk:vol1/x.gz .\n"
        "ascp: Failed to open TCP connection for SSH, exiting.\n\n"
        "Session Stop  (Error: Failed to open TCP connection for SSH)\n\n"
        "¿Es nuestro cortafuegos? Todavía no he probado otra vez con -P33001.\n"
    )
    assert cause_ids(runs) == ["ssh-port"]


def test_a_read_error_with_the_sizes_it_expected_is_the_source_file_s_read_error():
    """ "ERR   Read error on source file ...: file size changed during transfer (expected 412301312, now 498114560)"
    then "Partial Completion": the source's read error (the closing brackets had made the line a sample's intro, and
    the wording was not known)."""
    text = (
        "$ ascp -i ~/keys/aspera.openssh -QT -l100m -k1 -d /mnt/prom/fastq_pass/ subasp@upload.ncbi.nlm.nih.gov:up/b2\n"
        "ERR   Read error on source file /mnt/prom/fastq_pass/b07_0419.fastq.gz: file size changed during transfer "
        "(expected 412301312, now 498114560)\n"
        "Partial Completion: 18733240K bytes transferred in 1689 seconds\n"
        " (88731K bits/sec), in 41 files, 1 directory; 1 file failed.\n"
    )
    assert causes(text) == [("read-error", "high")]


def test_argo_logs_of_three_pods_are_three_runs_and_its_step_tree_is_none():
    """``argo get``'s tree of three failed steps, then ``argo logs``: each line after its pod's name, an empty line
    of a pod ("pod-1873401112: "), a logfmt record of Argo's own. Three runs, one a pod (they had read as two unknown
    runs and one that held all three pods' lines)."""
    pods = ("1873401112", "2480110907", "3011823450")
    text = "STEP                             TEMPLATE       PODNAME                       DURATION  MESSAGE\n"
    text += " ✖ nightly-8kz4m                 main\n"
    for n, pod in enumerate(pods):
        text += f" └─✖ pull({n})   ascp-pull   nightly-8kz4m-ascp-pull-{pod}  9s   Error (exit code 1)\n"
    text += "\n$ argo logs nightly-8kz4m -n pipelines\n"
    for pod in pods:
        tag = f"nightly-8kz4m-ascp-pull-{pod}: "
        text += (
            f'{tag}time="2024-06-11T02:00:06.412Z" level=info msg="capturing logs" argo=true\n'
            f"{tag}+ ascp -P 33001 -k 2 -i /secrets/vendor/id_rsa feed@fasp.vendor.example:/outbound/ /data/landing/\n"
            f"{tag}ascp: Remote host is not who we expected, exiting.\n{tag}\n"
            f"{tag}Session Stop  (Error: Remote host is not who we expected)\n"
            f'{tag}time="2024-06-11T02:00:07.903Z" level=info msg="sub-process exited" argo=true error="<nil>"\n'
            f"{tag}Error: exit status 1\n"
        )
    assert causes(text) == [("host-key", "high")] * 3


def test_julia_s_run_of_ascp_starts_a_run():
    """``julia> run(`ascp ...`)`` twice, ascp's usage after the first, its summary after the second: two runs (the
    second command had not been read as one)."""
    command = "julia> run(`ascp -QT -l 300m -P33001 -i $key $src $dests`)\n"
    text = (
        command + "Usage: ascp [OPTION] SRC... DEST\n          SRC to DEST, or multiple SRC to DEST dir\n"
        "Display full usage: -h,--help\nERROR: failed process: Process(`ascp -QT ...`, ProcessExited(1)) [1]\n\n"
        + command
        + "ERR9250011.fastq.gz                  100%  846MB  228Mb/s    00:31\n"
        "Completed: 866304K bytes transferred in 31 seconds\n (223549K bits/sec), in 1 file.\n"
    )
    assert cause_ids(text) == ["usage", "ok"]
    # (guard) IPython's traceback line ("----> 1 get_ipython().system('ascp ...')") is no command of its own
    notebook = (
        "In [3]:\n!ascp -QT -l 300m -P 33001 -k 1 -i key fasp-ebi@fasp.ebi.ac.uk:x.dat.gz /scratch/\n\n"
        "x.dat.gz                 23% 1019MB  293Mb/s    01:47 ETA\n"
        "---------------------------------------------------------------------------\n"
        "KeyboardInterrupt                         Traceback (most recent call last)\n"
        "Cell In[3], line 1\n----> 1 get_ipython().system('ascp -QT -l 300m -P 33001 -k 1 -i key x /scratch/')\n"
        "KeyboardInterrupt: \n"
    )
    assert cause_ids(notebook) == ["cancelled"]


def test_a_sidekiq_job_s_three_attempts_are_three_runs():
    """Sidekiq's lines ("... pid=9 tid=2p3 class=X jid=Y INFO: [aspera] run attempt=1 cmd="/usr/local/bin/ascp ...""
    and 'WARN: [aspera] attempt=1 exit=1 stderr="ascp: Failed to open TCP connection for SSH, exiting."'): three
    runs, each its port (they had read as one person's quote, low)."""
    job = "pid=9 tid=2p3 class=Archive::EnaFetchJob jid=5b1f6c0de3a2e8a1d9c74f12"
    text = ""
    for attempt in (1, 2, 3):
        text += (
            f'2024-11-07T08:15:0{attempt}.120Z {job} INFO: [aspera] run attempt={attempt} cmd="/usr/local/bin/ascp '
            '-QT -l 200m -P 22 -i /app/config/key.pem era-fasp@fasp.sra.ebi.ac.uk:/vol1/x.gz /storage/ena/tmp/"\n'
            f"2024-11-07T08:15:2{attempt}.341Z {job} WARN: [aspera] attempt={attempt} exit=1 "
            'stderr="ascp: Failed to open TCP connection for SSH, exiting."\n'
            "2024-11-07T08:15:25.870Z pid=9 tid=2o9 WARN: Your Redis network connection is performing poorly.\n"
        )
    assert causes(text) == [("ssh-port", "high")] * 3


def test_an_asciinema_recording_is_read_as_the_terminal_showed_it():
    """A ``.cast`` recording: the command typed in pieces, the progress redrawn at 0 % with carriage returns, then a
    data transfer timeout: the UDP symptom (it had read as a stall, low, its progress unseen)."""
    events = [
        (0.4, "(base) \u279c  ngs-scratch "),
        (0.49, "ascp -QT -l "),
        (0.58, "500m -P33001 -i key era-fasp@fasp.sra.ebi.ac.uk:/vol1/x.gz ."),
        (2.37, "\r\r\n"),
    ]
    bar = "x.fastq.gz                                   0%    0KB    0.0Kb/s    --:-- ETA"
    events += [(4.47 + 5 * n, ("\r" if n else "") + bar) for n in range(6)]
    events += [(49.87, "\r\nSession Stop  (Error: Session data transfer timeout)\r\n"), (50.17, "(base) \u279c  ngs ")]
    import json

    text = '{"version": 2, "width": 132, "height": 34, "timestamp": 1718351122}\n'
    text += "".join(json.dumps([at, "o", said]) + "\n" for at, said in events)
    assert causes(text) == [("udp", "high")]


def test_bamboo_s_build_log_lines_are_read_without_their_kind_and_time():
    """Bamboo's build log ("build<TAB>09-Jun-2025 10:26:04<TAB>+ ascli node download ..."): the second build's
    ascli run completed (it had not been seen)."""
    text = ""
    for build, (folder, said) in enumerate(
        (
            (
                "renders_v3",
                ["ERROR: Transfer: 1 session(s) failed", "  code 4: Server aborted session: No such file or directory"],
            ),
            (
                "renders_v03",
                ["Time: 00:05:41 ========================================= 100% 588 Mbps Time: 00:05:41", "complete"],
            ),
        ),
        start=57,
    ):
        text += f"=== MEDIA-QCPULL-{build} ===\n"
        text += f"build\t09-Jun-2025 10:12:33\t+ ascli node download /qc/{folder}/ --preset=emea --to-folder=/var/qc\n"
        text += "".join(f"build\t09-Jun-2025 10:12:35\t{line}\n" for line in said)
        text += "simple\t09-Jun-2025 10:12:35\tFinished task 'Pull QC renders'\n\n"
    assert cause_ids(text) == ["no-such-file", "ok"]


def test_ascli_s_code_line_after_its_debug_log_told_the_error_is_the_same_run():
    """ascli --log-level=debug: the management port's ERROR frame (code 50), then "ERROR: Transfer: 1 session(s)
    failed" and "  code 50: Aspera.conf contains invalid data ...": one run (it had read as two)."""
    text = (
        "$ ascli server upload x.mp4 --to-folder=/upload --preset=p --log-level=debug\n"
        'D, [2025-06-05T14:20:11.379960 #51822] DEBUG -- : management message: {"type"=>"ERROR", "code"=>"50", '
        '"description"=>"Aspera.conf contains invalid data and was rejected: /u/.aspera/sdk/aspera.conf line 14"}\n'
        "D, [2025-06-05T14:20:11.402337 #51822] DEBUG -- : ascp failed (pid 51830 exit 1)\n"
        "ERROR: Transfer: 1 session(s) failed\n"
        "  code 50: Aspera.conf contains invalid data and was rejected: /u/.aspera/sdk/aspera.conf line 14\n"
    )
    assert cause_ids(text) == ["configuration"]


def test_a_kibana_discover_export_is_read_as_the_server_s_syslog():
    """OpenSearch Discover's CSV ("@timestamp","host.name","process.name",...,"message", times like "Sep 3, 2024 @
    09:41:03.022"): ascp's records are a server's sessions, and an ERR line naming a peer is that peer's session's
    (the second session, which completed, had not been read; the ERR would have gone to it)."""
    row = '"Sep 3, 2024 @ {}","xfer-gw","{}","local2","{}"\n'
    start = "LOG FASP Session Start uuid={} op={} status=started source=- dest=/in local=172.20.8.15:33001 peer={}"
    a, b = "9e41d0a7-2b6c-4f59-8e0f-d41b7a2c66e3", "51c3e8b0-96f2-4d7a-b0a4-3e5c9d71f28a"
    text = '"@timestamp","host.name","process.name","log.syslog.facility.name","message"\n'
    text += row.format("09:41:02.771", "sshd", "Accepted publickey for lumen from 203.0.113.77 port 51822 ssh2")
    text += row.format("09:41:03.022", "ascp", start.format(a, "recv", "203.0.113.77:50644"))
    text += row.format("09:41:15.102", "ascp", start.format(b, "send", "172.20.30.41:38802"))
    text += row.format(
        "09:41:33.020", "ascp", "ERR Timeout establishing UDP connection with peer 203.0.113.77:50644 (check UDP port)"
    )
    text += row.format(
        "09:41:33.024",
        "ascp",
        f"LOG FASP Session Stop uuid={a} op=recv status=failed errcode=15 "
        'errstr=""Timeout establishing UDP connection (check UDP port and firewall)"" peer=203.0.113.77:50644',
    )
    text += row.format(
        "09:44:51.700", "ascp", f"LOG FASP Session Stop uuid={b} op=send status=success peer=172.20.30.41:38802 files=1"
    )
    assert causes(text) == [("udp", "high"), ("ok", "high")]
    assert "203.0.113.77" not in (explain_text(text)[1].error_message or "")


def test_the_node_service_s_line_during_a_logged_session_is_no_run():
    """``asperanoded[1547]: ERR Transfer token validation failed ...`` between a session's start and its stop, in a
    grep of /var/log/messages: about that session (it had read as a run of its own, unknown)."""
    stamp = "Oct 22 16:58:19 fasp-node01"
    uuid = "6a0f3c12-d4e9-47b1-9a8c-0e27b5f19d64"
    text = (
        "# grep -E 'asperanoded|ascp\\[' /var/log/messages\n"
        f"{stamp} ascp[71904]: LOG FASP Session Start uuid={uuid} op=send status=started peer=87.106.215.3:61088\n"
        f"{stamp} asperanoded[1547]: ERR Transfer token validation failed for user faspex: token expired\n"
        f"{stamp} ascp[71904]: ERR Management authorization refused: token denied by server\n"
        f"{stamp} ascp[71904]: LOG FASP Session Stop uuid={uuid} op=send status=failed errcode=34 "
        'errstr="Unauthorized"\n'
    )
    assert cause_ids(text) == ["unauthorized"]


def test_runs_with_their_own_times_keep_them_under_rules_dated_otherwise():
    """Two excerpts of ascp's log under rules, the first dated when the log was pulled ("=== ... (pulled 2024-11-20
    08:05) ===") and the second with a time of day alone ("... re-sent at 07:52 ==="): the runs keep their own order
    by their times (they had been listed the other way round)."""
    first, second = "5e8b1d70-c3a4-4f92-b6e1-0d27a9c5f814", "a90c4e25-71d8-4b3f-8e06-c5f29b1d07a3"
    text = (
        "=== aspera-scp-transfer.log (excerpt, pulled by LogCollector job 2024-11-20 08:05) ===\n"
        f"2024-11-19 22:38:12.004 [2a10-00003c44] LOG FASP Session Start uuid={first} op=recv status=started\n"
        f"2024-11-19 23:08:55.988 [2a10-00003c44] LOG FASP Session Stop uuid={first} op=recv status=failed "
        'errcode=64 errstr="Can\'t rename a partial file"\n\n'
        "=== after adding the exclusion the DIT re-sent at 07:52 ===\n"
        f"2024-11-20 07:52:30.771 [1f0c-00002ab8] LOG FASP Session Start uuid={second} op=recv status=started\n"
        f"2024-11-20 07:52:31.311 [1f0c-00002ab8] LOG FASP Session Stop uuid={second} op=recv status=success\n"
    )
    assert cause_ids(text) == ["partial-rename", "ok"]


def test_a_ticket_quoting_an_faq_entry_and_its_example_shows_only_its_own_runs():
    """A Trac ticket: the cluster FAQ quoted ("'''Q: ascp says "failed to authenticate"?'''", then "Example of the
    message (from the FAQ, not my run):" and the lines), then the person's own run: one run (the FAQ's question and
    example had read as another, auth)."""
    text = (
        "and it says:\n"
        "\n"
        "  > '''Q: ascp says \"failed to authenticate\"?'''\n"
        "  > A: Most often the key. ENA no longer accepts the DSA key shipped with old Connect; use\n"
        "  > `aspera_bypass_rsa.pem` from the SDK. Example of the message (from the FAQ, not my run):\n"
        "  > {{{\n"
        "  > ascp: failed to authenticate, exiting.\n"
        "  >\n"
        "  > Session Stop  (Error: failed to authenticate)\n"
        "  > }}}\n"
        "\n"
        "but my error is a different one. Output from seqbox03:\n"
        "\n"
        "{{{\n"
        "[hkowalczyk@seqbox03 raw]$ ~/.aspera/sdk/ascp -QT -l 300m -k1 -i key era-fasp@fasp.sra.ebi.ac.uk:vol1/x.gz .\n"
        "ascp: Failed to open TCP connection for SSH, exiting.\n"
        "\n"
        "Session Stop  (Error: Failed to open TCP connection for SSH)\n"
    )
    assert cause_ids(text) == ["ssh-port"]


def test_a_procedure_s_text_quoted_from_an_sop_is_no_run():
    """ "Protocol step 4 (from SOP-SEQ-019, v3):" and the SOP's words in quotes ("... set as ASPERA_SCP_FILEPASS.
    Without it the server answers 'Server requires content protection'."): no run (it had read as a passphrase run,
    high)."""
    text = (
        "Protocol step 4 (from SOP-SEQ-019, v3):\n"
        "  \"The core's transfer server enforces client-side encryption (content protection). Uploads must use\n"
        "   --file-crypt=encrypt and the passphrase from the project sheet, set as ASPERA_SCP_FILEPASS.\n"
        "   Without it the server answers 'Server requires content protection'.\" \n"
        "  [SOP text – quoted for reference]\n"
    )
    assert cause_ids(text) == []


def test_a_wrapper_s_stdout_lines_and_its_timeout_status_are_the_run_it_killed():
    """ "[...] worker-1 ascp_runner: exec timeout 45m ascp ...", its "stdout: ..." progress lines, then "rc=124
    class=network-timeout": the run the wrapper's own time limit killed while it moved (it had read as unknown)."""
    text = (
        "[2025-02-11 22:00:05] worker-1 ascp_runner: exec timeout 45m ascp -P 33001 -l 500m -k1 --mode=recv "
        "--user=xfer --host=hsts-prod.internal /cohort7/batch_109/ /scratch/in/batch_109/\n"
        "[2025-02-11 22:44:51] worker-1 ascp_runner: stdout: b109/S0412_R2.fastq.gz   100% 7720MB  488Mb/s    02:11\n"
        "[2025-02-11 22:45:03] worker-1 ascp_runner: stdout: b109/S0413_R1.fastq.gz   41% 3180MB  491Mb/s   01:22 ETA\n"
        "[2025-02-11 22:45:05] worker-1 ascp_runner: rc=124 class=network-timeout attempts=1/5 -> retry in 60s\n"
    )
    assert causes(text) == [("cancelled", "high")]
    # (guard) a wrapper's rc= after a run without a time limit is no exit status read here
    plain = (
        "push_mirror.sh: ascp -L /var/log/push -P 33001 -l 800m --mode=send --host=mirror-b.example.net /srv/ /pub/\n"
        "push_mirror.sh: ascp rc=0\n"
        "2026-12-01 00:45:01.118 [305d-7fb2e0c1e740] LOG FASP Session Start uuid=cd32a233-880e-43d1-be0d-dffe6d51a38c "
        "op=send status=started\n"
        "2026-12-01 00:52:44.090 [305d-7fb2e0c1e740] LOG FASP Session Stop uuid=cd32a233-880e-43d1-be0d-dffe6d51a38c "
        "op=send status=success\n"
    )
    assert cause_ids(plain) == ["ok"]


def test_a_stack_exchange_posts_dump_is_read_as_its_posts():
    """Posts.xml of a data dump: the question's pasted run sits in an escaped Body attribute ("&lt;pre&gt;&lt;code&gt;$
    ascp ...&#xA;ascp: Source file list not specified, exiting.&#xA;..."): one run, its usage (it had no run)."""
    text = (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        "<!-- bioinformatics.stackexchange.com data dump excerpt: Posts.xml (rows 3 of 3) -->\n"
        "<posts>\n"
        '  <row Id="22931" PostTypeId="1" AcceptedAnswerId="22934" CreationDate="2024-10-09T07:51:22.410'
        '" Score="2" ViewCount="318"\n'
        "       Body=\"&lt;p&gt;I copied the ascp command from our core facility's PDF guide and only cha"
        "nged the path. ascp refuses to start and I can't see what's wrong with the command:&lt;/p&gt;&#"
        "xA;&#xA;&lt;pre&gt;&lt;code&gt;$ ascp -QT -l 300m -P 33001 -i ~/.aspera/sdk/aspera_bypass_rsa.p"
        "em era-fasp@fasp.sra.ebi.ac.uk:vol1/fastq/SRR222/095/SRR22207095/SRR22207095_1.fastq.gz&#xA0;./"
        "reads/&#xA;ascp: Source file list not specified, exiting.&#xA;$ echo $?&#xA;1&#xA;&lt;/code&gt;"
        "&lt;/pre&gt;&#xA;&#xA;&lt;p&gt;The source is clearly there. Same thing with &lt;code&gt;-d&lt;/"
        'code&gt;. ascp version 4.4.5 from the Transfer SDK, Ubuntu 22.04.&lt;/p&gt;&#xA;"\n'
        '       OwnerUserId="41877" LastActivityDate="2024-10-09T10:14:03.007"\n'
        '       Title="ascp: &quot;Source file list not specified&quot; although I give a source" Tags="'
        '&lt;ena&gt;&lt;aspera&gt;&lt;ascp&gt;" AnswerCount="1" CommentCount="2" ContentLicense="CC BY-S'
        'A 4.0" />\n'
        '  <row Id="22934" PostTypeId="2" ParentId="22931" CreationDate="2024-10-09T09:03:47.117" Score='
        '"4"\n'
        "</posts>\n"
    )
    assert cause_ids(text) == ["usage"]


def test_a_table_of_a_server_s_sessions_is_read_as_its_sessions_oldest_first():
    """A node's sessions exported as CSV newest first (session_id, started_at, ..., status, errcode, errstr): four
    sessions by their start, the failed one's code its cause (it had no run)."""
    rows = [
        ("e0a4c6f2-5b1d-4f0e-9a3e-77c1d8b2f901", "14:05:11", "success", 0, ""),
        ("c91b2e77-0d6a-4a31-8c55-2e9f0b6d4a18", "13:52:40", "failed", 34, "Unauthorized"),
        ("7f3d0a15-9c8e-4b27-a6f1-0e5d3c2b8a44", "13:40:03", "success", 0, ""),
        ("3a6e8b90-1f2c-4d5e-b7a8-c9d0e1f2a3b4", "13:31:19", "success", 0, ""),
    ]
    text = "session_id,started_at,ended_at,remote_user,direction,peer_ip,bytes,files,status,errcode,errstr\n"
    for uuid, start, status, code, errstr in rows:
        text += f'"{uuid}","2024-12-02 {start}","2024-12-02 {start}","xfer","recv","198.51.100.41",0,0,'
        text += f'"{status}",{code},"{errstr}"\n'
    assert cause_ids(text) == ["ok", "ok", "unauthorized", "ok"]


def test_executions_listed_newest_first_are_read_oldest_first():
    """A pipeline's page "Execution details (two executions, newest first)": the later execution's run shown first,
    the earlier's second; read in the order they ran (they had been listed as shown)."""
    cmd = "  + ascp -QT -l 300m -P33001 -i /root/key era-fasp@fasp.sra.ebi.ac.uk:vol1/x.gz /data/ena/\n"
    text = (
        'Spinnaker > genomics-ingest > "ENA weekly pull" - Execution details (two executions, newest first)\n\n'
        "Execution 01JXK2T8M4 - TERMINAL\nTriggered by: jdaly (manual) · 2025-06-23 11:47 UTC\nLogs:\n"
        + cmd
        + "  ascp: failed to authenticate, exiting.\n\n  Session Stop  (Error: failed to authenticate)\n  + exit 1\n\n"
        "Execution 01JXJZ9QAB - TERMINAL\nTriggered by: cron 0 6 * * MON · 2025-06-23 06:00 UTC\nLogs:\n"
        + cmd
        + "  /bin/sh: 1: ascp: not found\n  + exit 127\n"
    )
    assert cause_ids(text) == ["ascp-missing", "auth"]
    # (guard) the words about a list below the input's own first run reorder only that list's runs
    ticket = (
        "Description: output below.\n\n"
        "$ ascp -QT -l 300m -P33001 -i old.openssh era-fasp@fasp.sra.ebi.ac.uk:vol1/x.gz .\n"
        "ascp: failed to authenticate, exiting.\n\nSession Stop  (Error: failed to authenticate)\n\n"
        "Work notes (newest first):\n\n"
        "$ ascp -QT -l 300m -P33001 -i new.pem era-fasp@fasp.sra.ebi.ac.uk:vol1/x.gz .\n"
        "x.gz                          100%  318MB  211Mb/s    00:13\n"
        "Completed: 325826K bytes transferred in 13 seconds\n (205321K bits/sec), in 1 file.\n"
    )
    assert cause_ids(ticket) == ["auth", "ok"]


def test_a_terraform_plan_s_description_attribute_is_no_run():
    """An Atlantis plan: '+ description = "FASP data (UDP 33001). Without this: Session Stop (Error: Client unable
    to connect to server (check UDP port and firewall))"': a rule's words, no run (blind round 113 read it as a UDP
    run, high)."""
    text = (
        "Terraform will perform the following actions:\n\n"
        "  # aws_security_group_rule.runners_aspera_fasp will be created\n"
        '  + resource "aws_security_group_rule" "x" {\n'
        '      + description       = "FASP data (UDP 33001). Without this: Session Stop (Error: Client unable to '
        'connect to server (check UDP port and firewall))"\n'
        "      + from_port         = 33001\n    }\n\nPlan: 2 to add, 1 to change, 0 to destroy.\n"
    )
    assert cause_ids(text) == []
