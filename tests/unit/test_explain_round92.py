"""explain: what blind rounds 89-93 left open or found (each test failed on the code before its fix)."""

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


def test_sshd_lines_grep_found_in_several_files_tell_the_client_s_runs():
    """Blind round 92: the operator's ``grep ... /var/log/secure /var/log/messages`` prefixes each line with its file
    name. sshd's "Unable to negotiate ... no matching key exchange method found" for the old partner (twice) is
    read through the prefix: the partner's quoted "failed to authenticate" is the first of those handshakes, the
    second another run, and the other partner's session between them worked."""
    negotiate = (
        "/var/log/secure:Nov 18 {} hsts-west sshd[{}]: Unable to negotiate with 203.0.113.140 port {}: no matching "
        "key exchange method found. Their offer: diffie-hellman-group14-sha1,diffie-hellman-group1-sha1 [preauth]\n"
    )
    uuid = "8c110b4d-b37b-4227-a86c-7bf13ce88a34"
    fields = "source=/x/ dest=/ingest/south local=198.18.10.77:33001 peer=198.18.201.9:33001 tcp_port=33001"
    text = (
        "Their operator says the job log only shows:\n\n    ascp: failed to authenticate, exiting.\n\n"
        "    Session Stop  (Error: failed to authenticate)\n\nFrom our side:\n\n"
        "[root@hsts-west ~]# grep -E 'sshd|ascp' /var/log/secure /var/log/messages | sort -k2\n"
        + negotiate.format("07:30:02", 48817, 49822)
        + "/var/log/secure:Nov 18 07:31:44 hsts-west sshd[48840]: Accepted password for xfer_south from 198.18.201.9"
        " port 53170 ssh2\n"
        f"/var/log/messages:Nov 18 07:31:45 hsts-west ascp[48848]: LOG FASP Session Start uuid={uuid} op=recv "
        f"status=started {fields}\n"
        f"/var/log/messages:Nov 18 07:33:09 hsts-west ascp[48848]: LOG FASP Session Stop uuid={uuid} op=recv "
        f"status=success {fields}\n" + negotiate.format("07:45:02", 49127, 49870)
    )
    assert [c for c, _ in causes(text)] == ["ssh-handshake", "ok", "ssh-handshake"]


def test_a_person_telling_what_is_needed_names_no_failure():
    """Blind round 92: an operator's chat reply wraps "... + strong passphrase" / "rule in aspera.conf). you need
    --file-crypt=encrypt and ASPERA_SCP_FILEPASS.": advice, not a run that lacked its passphrase (it had been read
    as a passphrase failure at high confidence beside the server's two content-protection refusals)."""
    text = (
        "jdoe 09:12\n  ```\n  $ ascp -P 33001 -l 300m --mode=send --host=hsts-phi.example.org --user=clin_up ./b /in\n"
        "  Session Stop  (Error: Server aborted session: Server requires content protection)\n  ```\n\n"
        "rkim 09:20\n  yes, the phi node now enforces client-side encryption at rest (content_protection_required "
        "+ strong passphrase\n  rule in aspera.conf). you need --file-crypt=encrypt and ASPERA_SCP_FILEPASS.\n"
    )
    assert [c for c, _ in causes(text)] == ["content-protection"]


def test_xargs_jobs_that_failed_to_authenticate_while_the_others_keep_going_were_turned_away():
    """Blind round 92: eight uploads started by ``xargs -P 8`` with one key; three die with "failed to
    authenticate" within two seconds, "the others keep going" (their bars shown, "still running"). The three are
    the server's sshd turning the burst away (not a wrong key), and the bars of runs still going are no runs."""
    fail = "[{0}] ascp: failed to authenticate, exiting.\n[{0}] \n[{0}] Session Stop  (Error: failed to authenticate)\n"
    text = (
        "Our upload script pushes the fastq files with xargs -P 8. With -P 8 some of the jobs die within a second,\n"
        "the others keep going. Pasting what I see after ~3 min (the remaining ones are still running):\n\n"
        "$ ./upload_sra.sh\n"
        + "".join(fail.format(n) for n in ("S02_R1", "S03_R2", "S04_R2"))
        + "".join(
            f"[{n}] {n}.fastq.gz                                 11%  512MB 97.3Mb/s    06:14 ETA\n"
            for n in ("S01_R1", "S01_R2", "S02_R2")
        )
        + "\nIs NCBI rate-limiting us? Same key, same machine, same second.\n"
    )
    assert [c for c, _ in causes(text)] == ["ssh-refused"] * 3


def test_files_of_message_texts_are_no_runs():
    """Blind round 92: a Qt translation file (``<source>``/``<translation>``), a Windows message text file (.mc),
    an SNMP MIB's DESCRIPTION and a system message guide ("Error Message   %FASPXFER-3-AUTH: ...") quote ascp's
    words as a program's messages and their meanings: no run (each had been read with a confident cause)."""
    ts = (
        '<?xml version="1.0" encoding="utf-8"?>\n<TS version="2.1" language="de_DE">\n<context>\n    <message>\n'
        "        <source>The server refused our Aspera client licence (Deprecated peer license).</source>\n"
        "        <translation>Der Server lehnt die Lizenz ab (Deprecated peer license).</translation>\n"
        "    </message>\n</context>\n</TS>\n"
    )
    mc = (
        "; // The service launches ascp.exe for each queued delivery and writes one event\n"
        "; // per finished session. %1 = job id, %2 = host, %3 = ascp.exe error text.\n\nMessageIdTypedef=DWORD\n\n"
        "MessageId=0x1C\nSeverity=Informational\nSymbolicName=MSG_DELIVERY_CANCELLED\nLanguage=English\n"
        "Delivery %1 to %2 was cancelled by the operator.\n.\n"
    )
    mib = (
        "-- Revision 2023-10-02: added faspgwSessionFailed trap and error-class enum.\n\n"
        "FASPGW-TRANSFER-MIB DEFINITIONS ::= BEGIN\n\nFaspgwErrorClass ::= TEXTUAL-CONVENTION\n    DESCRIPTION\n"
        "        \"Coarse class of an ascp failure.\n         sshPort(2)   'Failed to open TCP connection for SSH' /\n"
        "                      'Timeout establishing SSH connection' (codes 12, 13)\"\n\nEND\n"
    )
    guide = (
        "FASPGW System Message Guide, Release 2.4\n\n" + "-" * 79 + "\n"
        "Error Message   %FASPXFER-3-SSH_CONNECT: Session to [host]:[dec] failed: Failed to open TCP connection for "
        "SSH\n\nExplanation     The TCP connection to the server's SSH port could not be opened.\n\n"
        "Recommended Action  Verify that outbound TCP [dec] is permitted.\n" + "-" * 79 + "\n"
        "Error Message   %FASPXFER-2-LICENSE: Session [uuid]: Failure processing peer license: Deprecated peer "
        "license\n\nExplanation     The server refused the licence of the gateway's ascp.\n"
    )
    for text in (ts, mc, mib, guide):
        assert causes(text) == [], text[:40]


def test_a_guide_s_list_of_quoted_messages_each_with_its_meaning_after_a_dash_is_said_at_low_confidence():
    """Blind round 92: an Uzbek wiki guide shows a sample success ("namuna") and lists messages, each quoted, a dash,
    and its meaning (one wrapped after its dash). No run's output: nothing said with confidence."""
    text = (
        "Muvaffaqiyatli yuklashda ascp oxirida shunga o'xshash qator chiqaradi (namuna, bizning\n"
        "serverda ishga tushirilmagan):\n\n    Completed: 74523K bytes transferred in 118 seconds\n"
        "     (5132K bits/sec), in 1 file.\n\n3. Tez-tez uchraydigan xatolar (namunalar)\n"
        "-----------------------------------------\n"
        ' * "Session Stop  (Error: failed to authenticate)" \u2014 kalit rad etildi.\n'
        ' * "Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))" \u2014\n'
        "   SSH ulanishi bo'ldi, lekin UDP 33001 bloklangan.\n"
    )
    assert all(confidence == "low" for _, confidence in causes(text))


_RECORD = (
    "{stamp} hsts-stg ascp[10044]: LOG FASP Session {kind} uuid=5d53ece3-6b41-41f9-b1c8-8496c117be65 op=send "
    "status={status} source=- dest=/incoming local=198.18.4.10:33001 peer=203.0.113.77:41522 tcp_port=33001"
)


def test_a_patch_that_adds_sample_log_lines_is_no_run():
    """Blind round 93: a patch adding a fail2ban filter (its failregex holds a Session Start line's form) and its
    test file of sample syslog lines: the lines the diff adds are the patch's, no session (three had been read)."""
    failed = _RECORD.format(stamp="Sep 16 17:46:56", kind="Start", status='failed errcode=34 errstr="Unauthorized"')
    text = (
        "Subject: [PATCH] filter.d: add aspera-ascp filter + sample log\n\n--- /dev/null\n"
        "+++ b/config/filter.d/aspera-ascp.conf\n@@ -0,0 +1,3 @@\n+[Definition]\n"
        "+failregex = ^%(__prefix_line)sLOG FASP Session Start uuid=\\S+ status=failed errcode=34 "
        'errstr="Unauthorized"\n'
        "+\n--- /dev/null\n+++ b/fail2ban/tests/files/logs/aspera-ascp\n@@ -0,0 +1,3 @@\n"
        '+# failJSON: { "match": true }\n+' + failed + "\n+\n"
        "+" + _RECORD.format(stamp="Sep 16 18:02:11", kind="Stop", status="success") + "\n--\n2.43.0\n"
    )
    assert causes(text) == []


def test_files_that_map_ascp_s_words_to_their_own_are_documents():
    """Blind round 93: a journald message catalog, an Apple .strings file, a CMake file whose comments hold a fake
    ascp's canned output, and a GraphQL schema's descriptions: each quotes ascp's words, none is a run (each had been
    read with a confident cause)."""
    catalog = (
        "# /usr/lib/systemd/catalog/aspera-hsts.catalog\n\n-- 6c2f0d3a9b7e4d1c8e52b0a7c1f4e9a1\n"
        "Subject: Aspera transfer @ASPERA_UUID@ failed: authentication\nDefined-By: aspera-hsts-bridge\n\n"
        "An ascp session could not authenticate over SSH. The client typically shows\n\n"
        "    ascp: failed to authenticate, exiting.\n    Session Stop  (Error: failed to authenticate)\n\n"
        "-- 9d41e2b7c0a84f3aa6e1f25d77c8b310\nSubject: Aspera transfer failed: UDP session initiation\n\n"
        "A typical log entry looks like:\n\n    LOG FASP Session Start uuid=ab5ca8ca-da6e-4957-b74c-cad67dc77b88 "
        'op=send status=failed errcode=44 errstr="UDP session initiation fatal error"\n'
    )
    strings = (
        '/* Generic states */\n"transfer.state.queued" = "Waiting for the transfer node";\n\n'
        "/* Session Stop  (Error: Client unable to connect to server (check UDP port and firewall)) */\n"
        '"transfer.error.udp" = "The network blocked the fast transfer channel (UDP 33001).";\n'
    )
    cmake = (
        "# These tests never call the real ascp.\n\nenable_testing()\n\nadd_test(NAME fetch_udp\n"
        "         COMMAND fake-ascp.sh)\n\n# [udp]    (exit 1)\n"
        "# Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))\n"
    )
    graphql = (
        '"""\nWhy an Aspera delivery did not complete.\n"""\nenum DeliveryFailureCause {\n  """\n'
        "  SSH authentication failed:\n  `Session Stop  (Error: failed to authenticate)` (FASP error 19).\n"
        '  """\n  AUTHENTICATION\n}\n'
    )
    for text in (catalog, strings, cmake, graphql):
        assert causes(text) == [], text[:40]


def test_samples_introduced_in_georgian_or_as_a_reference_line_are_no_runs():
    """Blind round 93: a Georgian wiki's "a successful download looks like this" heading over a completed run's
    lines, and a saved search's "Reference line format (from a public pastebin ...):" over a syslog Transfer Stop
    line: samples, no run (each had been read as a run that completed)."""
    georgian = (
        "## 5. \u10ec\u10d0\u10e0\u10db\u10d0\u10e2\u10d4\u10d1\u10e3\u10da\u10d8 "
        "\u10e9\u10d0\u10db\u10dd\u10e2\u10d5\u10d8\u10e0\u10d7\u10d5\u10d0 \u10d0\u10e1\u10d4 "
        "\u10d2\u10d0\u10db\u10dd\u10d8\u10e7\u10e3\u10e0\u10d4\u10d1\u10d0\n\n```\n"
        "Completed: 74523K bytes transferred in 118 seconds\n (5132K bits/sec), in 1 file.\n```\n"
    )
    sumo = (
        '_sourceCategory=prod/hsts/syslog "FASP Transfer Stop" "status=success"\n\n'
        "Reference line format (from a public pastebin of an HSTS syslog, 2018):\n"
        "Oct 10 13:21:06 src-3 ascp[21736]: LOG FASP Transfer Stop uuid=7aadbc08-a6ec-4f5a-89af-696d02b82574 "
        'op=recv status=success file="/x/a.mp4" size=217096836 start_byte=0 rate=248.95Mbps elapsed=6.98s\n'
    )
    assert causes(georgian) == []
    assert causes(sumo) == []


def test_a_meson_test_log_reads_its_live_test_s_ascp_run_once():
    """Blind round 93: Meson's testlog gives each test's "result: exit status N" before its command, then its
    stdout and stderr sections: the unit tests' exit statuses are no runs, and the live test's Session Stop (stdout)
    and "ascp: ..., exiting." (stderr) are one run."""
    key = "/home/u/.aspera/connect/etc/asperaweb_id_dsa.openssh"
    rule = "-" * 35
    text = (
        "Log of Meson test suite run on 2024-06-03T09:41:27.118402\n\n"
        f"{'=' * 36} 1/2 {'=' * 37}\ntest:         seqfetch:unit / parse-progress\nresult:       exit status 0\n"
        f"command:      /home/u/src/seqfetch/build/tests/test_parse_progress\n{rule} stdout {rule}\n"
        'ok 1 - "Session Stop  (Error: failed to authenticate)" -> AUTH\n1..1\n' + "=" * 78 + "\n\n"
        f"{'=' * 36} 2/2 {'=' * 37}\ntest:         seqfetch:live / ena-smoke\nresult:       exit status 1\n"
        f"command:      /home/u/src/seqfetch/build/seqfetch --run ERR1916915 --key {key}\n{rule} stdout {rule}\n"
        f"running: ascp -T -l 300m -P33001 -k 2 -i {key} era-fasp@fasp.sra.ebi.ac.uk:/vol1/x.fastq.gz out\n\n"
        f"Session Stop  (Error: Private key file not found at path {key})\n{rule} stderr {rule}\n"
        f"ascp: Private key file not found at path {key}, exiting.\nseqfetch: ascp failed (exit 1), see above\n"
        + "=" * 78
        + "\n"
    )
    assert [c for c, _ in causes(text)] == ["key-file"]


def test_a_test_tool_s_check_named_after_ascp_is_not_ascp_missing():
    """Blind round 93: goss's "Command: ascp-upload-probe: stdout: patterns not found: [Completed:]" names its
    check, not a missing ascp (it had been read as ascp-missing at high confidence, twice)."""
    text = (
        "Command: ascp-upload-probe: exit-status:\nExpected\n    <int>: 1\nto equal\n    <int>: 0\n"
        "Command: ascp-upload-probe: stdout: patterns not found: [Completed:]\n"
    )
    assert all(cause != "ascp-missing" for cause, _ in causes(text))


def test_target_is_not_a_directory_is_a_file_standing_where_a_directory_is_needed():
    """Blind round 93: FASP error 6 (NOT_DIR, "Target must be a directory") on the server, after a file named like
    the target folder had been uploaded: the destination exists as a file, not a wrong command line."""
    text = (
        "Feb 26 11:12:40 hsts-img ascp[30211]: LOG FASP Session Start uuid=8e3b0c51-4f29-4d6a-a7e1-2c9f5b0d3a68 "
        "op=recv status=failed source=- dest=/in/batch7 local=192.0.2.5:33001 peer=198.18.3.77:33001 tcp_port=33001 "
        'errcode=6 errstr="Target must be a directory"\n'
    )
    assert [c for c, _ in causes(text)] == ["exists"]


def test_an_address_the_operator_names_a_scanner_with_an_equals_sign_is_no_client():
    """Blind round 93: "# 192.0.2.210 = Nessus weekly scan" above a server's syslog: that address's "Unable to
    negotiate ... Their offer: diffie-hellman-group1-sha1" is the scan's, no client's failed handshake."""
    uuid = "0fd630f1-f29d-4da9-953f-48f1a09f76b5"
    fields = "source=- dest=/in local=198.18.50.9:33001 peer=198.18.44.3:50110 tcp_port=33001"
    text = (
        "# 192.0.2.245 = Zabbix TCP check of port 33001, 192.0.2.210 = Nessus weekly scan\n"
        "Mar  9 03:05:43 hsts-pub sshd[5098]: Accepted publickey for xfer_nordic from 198.18.44.3 port 50110 ssh2\n"
        f"Mar  9 03:05:44 hsts-pub ascp[5101]: LOG FASP Session Start uuid={uuid} op=recv status=started {fields}\n"
        f"Mar  9 03:07:44 hsts-pub ascp[5101]: LOG FASP Session Stop uuid={uuid} op=recv status=success {fields}\n"
        "Mar  9 03:35:20 hsts-pub sshd[5248]: Unable to negotiate with 192.0.2.210 port 41877: no matching key "
        "exchange method found. Their offer: diffie-hellman-group1-sha1 [preauth]\n"
    )
    assert [c for c, _ in causes(text)] == ["ok"]


_AUTH_PASTE = "ascp: failed to authenticate, exiting.\n\nSession Stop  (Error: failed to authenticate)\n\n"


def test_two_users_pasted_runs_beside_one_sshd_refusal_and_a_session_stay_two_runs():
    """Blind round 93: two users' pastes, each under a titled rule ("--- user "bw_admin" (manual, password in env)
    ---": a run by hand, not a manual copied in), then the server's auth.log with one "Failed password" and a
    later session that worked. Two failed runs and the session (the second paste had been read as a copied
    document, then both runs as one)."""
    session = (
        "2025-02-20T08:19:06.402118+00:00 asp-edge ascp[88795]: LOG FASP Session {} "
        "uuid=6d2b9e14-0a7c-4f58-b3e1-9c4d7a2f0e86 op=recv status={} source=- dest=/upload/run_1188 "
        "local=203.0.113.30:33001 peer=203.0.113.201:33001 tcp_port=33001\n"
    )
    text = (
        '--- Birchwood, user "bw_seq" (script written years ago) ---\n'
        "$ ascp -QT -l 300m -P 33001 -i ~/.aspera/asperaweb_id_dsa.openssh run/x.fastq.gz "
        "bw_seq@aspera.example.net:/upload/\n" + _AUTH_PASTE + '--- Birchwood, user "bw_admin" (manual, password in '
        "env) ---\n$ ascp -P 33001 -l 300m samplesheet_1188.csv bw_admin@aspera.example.net:/upload/\n"
        + _AUTH_PASTE
        + "--- our side, /var/log/auth.log ---\n"
        "2025-02-20T08:03:47.118004+00:00 asp-edge sshd[88521]: Failed password for bw_admin from 203.0.113.201 "
        "port 44188 ssh2\n"
        "2025-02-20T08:19:05.771042+00:00 asp-edge sshd[88790]: Accepted password for bw_admin from 203.0.113.201 "
        "port 44301 ssh2\n" + session.format("Start", "started") + session.format("Stop", "success")
    )
    assert [c for c, _ in causes(text)] == ["auth", "auth", "ok"]


def test_an_operator_telling_the_client_what_to_add_is_no_run():
    """Blind round 93: "You need to encrypt on your side: add --file-crypt=encrypt and set the passphrase in
    ASPERA_SCP_FILEPASS." in an operator's reply between the runs is advice, not a run lacking its passphrase."""
    text = (
        "$ ascp -P 33001 -l 200m -i ~/.ssh/cro_xfer trial.zip cro_upload@clin-drop.example.org:/in/\n"
        "Session Stop  (Error: Server aborted session: Server requires content protection)\n\n"
        "[ops - k.osei] Yes, on Monday we switched on content protection for that node.\n"
        "You need to encrypt on your side: add --file-crypt=encrypt and set the passphrase in ASPERA_SCP_FILEPASS.\n"
    )
    assert [c for c, _ in causes(text)] == ["content-protection"]


def test_a_tagged_wrapper_s_named_jobs_are_listed_as_they_started():
    """Blind round 93: "[push] start bundle_A  ascp ..." for six jobs started at once, then each job's output
    under its name ("[push] bundle_C: ascp: failed to authenticate, exiting.", "[push] bundle_C exit=1"): the runs
    are listed in the order the wrapper started them, not the order they ended (failures first)."""
    cmd = "ascp -QT -l 200m -P33001 -k2 -i /etc/push/id_rsa bundle_{0}.tar xfer@aspera.partner.example:/incoming/"
    text = "".join(f"2025-05-14 01:30:00 [push] start bundle_{n}  {cmd.format(n)}\n" for n in "ABC")
    for n in "C":
        text += (
            f"2025-05-14 01:30:02 [push] bundle_{n}: ascp: failed to authenticate, exiting.\n"
            f"2025-05-14 01:30:02 [push] bundle_{n}: Session Stop  (Error: failed to authenticate)\n"
            f"2025-05-14 01:30:02 [push] bundle_{n} exit=1\n"
        )
    for n in "AB":
        text += (
            f"2025-05-14 01:36:47 [push] bundle_{n}: Completed: 18874368K bytes transferred in 406 seconds\n"
            f"2025-05-14 01:36:47 [push] bundle_{n}:  (190422K bits/sec), in 1 file.\n"
            f"2025-05-14 01:36:47 [push] bundle_{n} exit=0\n"
        )
    assert [c for c, _ in causes(text)] == ["ok", "ok", "auth"]


def test_round_94_document_files_are_no_runs():
    """Blind round 94: a Jest snapshot, a WireMock stub mapping, a Pact contract shown under its file name, a
    DocBook chapter, an mdoc manual page and a CrowdSec parser test whose fixture log is shown under its banner: each
    quotes ascp's words or a transfer's status, none is a run (each had been read with a confident cause)."""
    jest = (
        "// Jest Snapshot v1, https://goo.gl/fbAQLP\n\nexports[`TransferErrorBanner renders code 19 1`] = `\n<div\n"
        '  className="cds--inline-notification__subtitle"\n>\n  Server aborted session: Session initiation failed\n'
        "</div>\n`;\n"
    )
    wiremock = (
        "mappings/transfer-status-failed-auth.json\n-----------------------------------------\n{\n"
        '  "request": { "method": "GET", "urlPathPattern": "/api/v1/transfers/3f6c" },\n  "response": {\n'
        '    "status": 200,\n    "jsonBody": {\n      "uuid": "3f6c1a2e-0d5b-4c8e-9a51-7c2f4e1b9d10",\n'
        '      "status": "failed",\n      "bytes_written": 0,\n      "error_code": 19,\n'
        '      "error_desc": "failed to authenticate"\n    }\n  }\n}\n'
    )
    pact = (
        'pacts/portal-orchestrator.json\n{\n  "interactions": [\n    {\n      "response": {\n        "body": {\n'
        '          "state": "failed",\n          "errorText": "Server aborted session: No such file or directory"\n'
        "        }\n      }\n    }\n  ]\n}\n"
    )
    docbook = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE chapter PUBLIC "-//OASIS//DTD DocBook XML V4.5//EN"\n'
        '  "http://www.oasis-open.org/docbook/xml/4.5/docbookx.dtd">\n<chapter id="ch-aspera">\n'
        "    <para>Since March 2024 the server refuses very old clients with\n"
        "    <computeroutput>Session Stop  (Error: Failure processing peer license: Deprecated peer license)"
        "</computeroutput>.\n    Install a current ascp.</para>\n</chapter>\n"
    )
    mdoc = (
        '.\\" enafetch.1 - manual page for enafetch, written in mdoc(7)\n.Dd March 3, 2025\n.Sh DIAGNOSTICS\n'
        '.Bl -tag -width Ds\n.It Li "Session Stop  (Error: failed to authenticate)"\nThe server refused the key.\n'
        '.It Li "Session Stop  (Error: Failure processing peer license: Deprecated peer license)"\n.El\n'
    )
    crowdsec = (
        "==> parsers/s01-parse/myorg/aspera-ascp-logs.yaml <==\nfilter: \"evt.Parsed.program == 'ascp'\"\n\n"
        "==> .tests/aspera-ascp-logs/aspera-ascp-logs.log <==\n"
        "Feb  4 10:21:05 hsts-lab ascp[21736]: LOG FASP Session Start uuid=ff820f21-f00f-4ab5-ab7e-ceba3a18a81c "
        'op=recv status=failed errcode=19 errstr="Authentication failure"\n'
        "Feb  4 10:22:30 hsts-lab ascp[21755]: LOG FASP Session Stop uuid=a9063e44-f785-4bca-8e71-3eaa20a64b32 "
        "op=send status=success source=x dest=/tmp local=198.18.40.10:33001 peer=203.0.113.57:42132 tcp_port=22\n\n"
        "==> .tests/aspera-ascp-logs/parser.assert <==\nlen(results) == 3\n"
    )
    for text in (jest, wiremock, pact, docbook, mdoc, crowdsec):
        assert causes(text) == [], text[:40]


def test_a_slovenian_sample_and_a_test_s_code_and_repeated_value_are_no_runs():
    """Blind round 94: a Slovenian guide's "Uspešen prenos se konča z vrsticama" (a successful transfer ends with
    the lines) over a completed run's lines; an R test file's strings (``out <- c("", "Session Stop ...")``,
    ``expect_equal(...)``) and testthat's "Actual value:" print of the live test's output shown above it: the live
    test's one run only."""
    slovenian = (
        "Uspešen prenos se konča z vrsticama\n\n    Completed: 74523K bytes transferred in 118 seconds\n"
        "     (5132K bits/sec), in 1 file.\n"
    )
    assert causes(slovenian) == []
    command = "ascp -c aes-256 -P 33001 --mode=send --user=up_demo --host=stage.example.net /tmp/f.bin /upload/"
    said = "ascp: Server aborted session: Client requests stronger encryption than server allows, exiting."
    stop = "Session Stop  (Error: Server aborted session: Client requests stronger encryption than server allows)"
    testthat = (
        'test_that("ascp_error() extracts the Session Stop message", {\n'
        '  out <- c("", "Session Stop  (Error: Server aborted session: No such file or directory)")\n'
        '  expect_equal(ascp_error(out), "Server aborted session: No such file or directory")\n})\n\n'
        "Failure (test-live-upload.R:20:3): live: a 1 MB upload to staging completes\n"
        f"{command}\n{said}\n\n{stop}\n\n"
        "Failure (test-live-upload.R:21:3): live: a 1 MB upload to staging completes\n"
        f'Actual value: "{command}\\n{said}\\n\\n{stop}"\n'
    )
    assert [c for c, _ in causes(testthat)] == ["stronger-encryption"]


def test_a_php_test_file_s_canned_output_is_no_run():
    """Blind round 95: a PHPUnit data provider ("<?php" first) holds canned ascp output in its strings: no run (it
    had been read as eight, five of them confident)."""
    text = (
        "<?php\n// tests/Unit/Transfer/AscpOutputClassifierTest.php\nfinal class AscpOutputClassifierTest extends "
        "TestCase\n{\n    public static function outputs(): array\n    {\n        return [\n            'udp' => [\n"
        '        "Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))\\n",\n'
        "                Badge::NETWORK,\n            ],\n            'ascp not installed' => [\n"
        '                "/bin/sh: 1: ascp: not found\\n",\n            ],\n        ];\n    }\n}\n'
    )
    assert causes(text) == []


def test_a_portuguese_subject_and_a_spanish_own_output_intro():
    """Blind rounds 95 and 77: a mail's "Assunto: Erro ao baixar ... (Read access denied)" is its subject, not a
    run of its own; "Me aparece este error y el programa termina enseguida:" introduces the person's own output, not
    a document's sample (the run had been dropped as one)."""
    subject = (
        "Assunto: Erro ao baixar do servidor Aspera do parceiro (Read access denied)\n\nBom dia pessoal,\n\n"
        "ana@lab:~/dados$ ascp -P 33001 --mode=recv --host=aspera.example.org --user=lab_ro /projetos/x/ ./x/\n"
        "Session Stop  (Error: Server aborted session: Read access denied for user)\n"
    )
    assert [c for c, _ in causes(subject)] == ["permission"]
    own = (
        "Asunto: error de Aspera al descargar datos de dbGaP\n\nHola,\n\n"
        "Me aparece este error y el programa termina enseguida:\n\nascp: failed to open ssh session., exiting.\n\n"
        "Session Stop  (Error: failed to open ssh session.)\n\nGracias,\n"
    )
    assert [c for c, _ in causes(own)] == ["server-session"]


def test_a_client_s_own_log_of_a_run_and_the_server_s_sshd_line_about_it_are_one_run():
    """Blind round 95: the partner's console and ``tail`` of its -L log (errcode=19) beside the server's sshd
    "Failed password" for the same second: one run, told by both (the sshd line had been read as a second run)."""
    text = (
        "### pasted by the partner (client side, Linux) ###\n"
        "$ ascp -P 33001 -l 200m -L /tmp/asp --mode=send --user=xfer_partner03 --host=aspera.example.org r/ /in/\n"
        "ascp: failed to authenticate, exiting.\n\nSession Stop  (Error: failed to authenticate)\n\n"
        "$ tail -3 /tmp/asp/aspera-scp-transfer.log\n"
        "2025-04-21 14:02:11 [4f1a-7f3b2c0a1700] ERR failed to authenticate\n"
        "2025-04-21 14:02:11 [4f1a-7f3b2d1b2700] LOG FASP Session Start uuid=6c0d7e2a-93b1-4f55-8a0e-2b7f3c9d1e44 "
        'op=send status=failed errcode=19 errstr="Authentication failure"\n\n'
        '### our side (HSTS hsts01), journalctl -u sshd --since "14:01" ###\n'
        "Apr 21 14:02:11 hsts01 sshd[88123]: Failed password for xfer_partner03 from 203.0.113.45 port 51022 ssh2\n"
    )
    assert causes(text) == [("auth", "high")]


_INGEST = (
    "Nov 04 {} ingest2 ascp[{}]: LOG FASP Session {} uuid={} op=recv status={} source=- dest=/incoming/cbio_lab "
    "local=192.0.2.71:33001 peer=203.0.113.9:33001 tcp_port=33001\n"
)


def test_two_pasted_attempts_beside_the_server_s_two_sessions_of_their_cause_are_two_runs():
    """Blind round 95: the lab's two pastes ("Disk write failed (server)") beside the server's two sessions that
    failed with errcode 25 "No space left on disk": two attempts seen from both ends, not four runs."""
    first, second = "11451a5b-a7ea-4298-9dcc-141fa4a31a55", "b9fda511-b44d-4d95-a94b-af2c7a36db00"
    text = (
        "The lab's last lines of two attempts last night:\n\n"
        "    Partial Completion: 61340160K bytes transferred in 3641 seconds\n"
        "    (138018K bits/sec), in 6 files, 4 directories; 3 files failed.\n\n"
        "    Session Stop  (Error: Disk write failed (server))\n\nand the retry 17 minutes later:\n\n"
        "    Completed: 0K bytes transferred in 1 seconds\n    Session Stop  (Error: Disk write failed (server))\n\n"
        "On ingest2:\n\n"
        + _INGEST.format("21:30:44", 90877, "Start", first, "started")
        + _INGEST.format("22:31:25", 90877, "Stop", first, 'failed errcode=25 errstr="No space left on disk"')
        + _INGEST.format("22:48:03", 91240, "Start", second, "started")
        + _INGEST.format("22:48:04", 91240, "Stop", second, 'failed errcode=25 errstr="No space left on disk"')
    )
    assert [c for c, _ in causes(text)] == ["disk", "disk"]


def test_a_partner_s_job_log_that_ascp_exited_0_is_the_server_s_session_seen_from_the_client():
    """Blind round 95: the partner's job log ("09:01:04 upload batch 0923-0900: ascp exited 0") beside the server's
    journal, whose session started at 09:00:13 and completed: one transfer (it had been read as two)."""
    uuid = "8e2e278d-ebc3-448e-b897-7818377b58c5"
    fields = "source=- dest=/srv/aspera/in local=192.0.2.30:33001 peer=198.18.22.9:33001 tcp_port=33001"
    text = (
        "Their upload job log:\n\n2025-09-23 09:00:12 upload batch 0923-0900: ascp started\n"
        "2025-09-23 09:01:04 upload batch 0923-0900: ascp exited 0\n\nOur journal:\n\n"
        f"2025-09-23T09:00:13.011+02:00 aspera-gw ascp[5512]: LOG FASP Session Start uuid={uuid} op=recv "
        f"status=started {fields}\n"
        f"2025-09-23T09:01:04.447+02:00 aspera-gw ascp[5512]: LOG FASP Session Stop uuid={uuid} op=recv "
        f"status=success {fields}\n"
    )
    assert [c for c, _ in causes(text)] == ["ok"]


_KEY = "/Users/h/.aspera/aspera_bypass_rsa.pem"


def test_round_96_code_and_document_shapes_are_no_runs():
    """Blind round 96: a fenced ```rust block (an error enum and its tests' canned output), a Hoverfly simulation's
    stubbed response bodies, a numbered list of quoted messages each with its meaning below it, and a
    reStructuredText block captioned "Expected output": none is a run (each had been read with a confident cause)."""
    rust = (
        "Could someone review the error enum?\n\n```rust\n#[derive(Debug, Error)]\npub enum AscpError {\n"
        '    #[error("ascp not found on PATH (install Aspera Connect)")]\n    NotInstalled,\n'
        '    #[error("Client unable to connect to server (check UDP port and firewall)")]\n    UdpConnect,\n}\n'
        '    let stderr = "ascp: failed to authenticate, exiting.\\n";\n```\n\n`cargo test` is green on my side.\n'
    )
    hoverfly = (
        '{\n  "data": {\n    "pairs": [\n      {\n'
        '        "request": { "path": [{ "value": "/ops/transfers/7f3c" }] },\n'
        '        "response": {\n          "status": 200,\n'
        '          "body": "{\\"status\\":\\"failed\\",\\"error_code\\":4,\\"error_desc\\":'
        '\\"Server aborted session: No such file or directory\\"}"\n        }\n      }\n    ]\n  }\n}\n'
    )
    listed = (
        "Common error messages\n---------------------\n"
        '1. "ascp: failed to authenticate, exiting."\n   The server does not accept your key or password.\n\n'
        '2. "Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))"\n'
        "   SSH succeeded but UDP 33001 is blocked.\n\n"
        '3. "Session Stop  (Error: Server aborted session: No such file or directory)"\n'
        "   The path no longer exists on the server.\n"
    )
    rest = (
        ".. code-block:: console\n   :caption: Expected output (from the ENA documentation)\n\n"
        "   $ ascp -QT -l 300m -P33001 -i $ASPERA_KEY era-fasp@fasp.sra.ebi.ac.uk:/vol1/x.fastq.gz .\n"
        "   Completed: 74523K bytes transferred in 118 seconds\n    (5132K bits/sec), in 1 file.\n\n.. tip::\n\n"
        "   Add -L- to print the log.\n"
    )
    for text in (rust, hoverfly, listed, rest):
        assert [cause for cause, confidence in causes(text) if confidence != "low"] == [], text[:40]


def test_a_grep_of_a_script_piped_to_xargs_runs_its_commands():
    """Blind round 96: ``grep '^ascp' download.sh | xargs -P 3 -I{} sh -xc '{}'`` runs the script's lines: what
    follows is their output, not the script's text (the three runs had been read as none)."""
    command = "ascp -QT -l 300m -P33001 -i " + _KEY + " era-fasp@fasp.sra.ebi.ac.uk:vol1/fastq/SRR130/{0}/x{0}.gz ."
    text = (
        "$ grep '^ascp' sra_explorer_fastq_aspera_download.sh | xargs -P 3 -I{} sh -xc '{}'\n"
        + "".join(f"+ {command.format(n)}\n" for n in ("003", "004"))
        + "Session Stop  (Error: Server aborted session: No such file or directory)\n"
        "x003.gz                                                                100% 2310MB  287Mb/s    01:09\n"
        "Completed: 2365440K bytes transferred in 69 seconds\n (280839K bits/sec), in 1 file.\n"
    )
    assert sorted(c for c, _ in causes(text)) == ["no-such-file", "ok"]


def test_a_title_that_starts_like_a_shebang_is_no_script():
    """Blind round 96: "#!/bin/bash output of get_reads.sh (our lab's helper), run on 2024-09-02" is a person's
    title over the script's output, not a script's first line (its three runs had been read as none)."""
    text = (
        "#!/bin/bash output of get_reads.sh (our lab's helper), run on 2024-09-02 - reporting because one failed\n\n"
        "[get_reads 08:30:18] ERR3277208 -> vol1/fastq/ERR327/ERR3277208/ERR3277208_1.fastq.gz\n"
        "Completed: 0K bytes transferred in 0 seconds\n"
        "Session Stop  (Error: Server aborted session: No such file or directory)\n"
        "[get_reads 08:30:21] ERR3277208 FAILED (exit 1)\n"
    )
    assert [c for c, _ in causes(text)] == ["no-such-file"]


def test_round_97_files_and_test_code_are_no_runs():
    """Blind round 97: a Flutter ARB file, a freedesktop .desktop file, a Ruby spec's here-documents, an Elixir
    test module's triple-quoted strings, a Rego policy (its package clause), a Lua spec's asserts whose strings hold
    canned output, a dashboard's tally rows and a Cebuano guide's "Pananglitan" (example) blocks: none is a run (each
    had been read with a confident cause)."""
    arb = (
        '{\n  "@@locale": "en",\n  "errAuth": "The archive rejected the login (ascp: failed to authenticate).",\n'
        '  "errNoSuchFile": "Server aborted session: No such file or directory"\n}\n'
    )
    desktop = (
        "[Desktop Entry]\nType=Application\nName=SeqPull (Aspera)\n\n[Event/ascpMissing]\nName=ascp not found\n"
        "Comment=install IBM Aspera Connect\n"
    )
    rspec = (
        "RSpec.describe Seqpull::AscpLogClassifier do\n  let(:missing_file) do\n    <<~LOG\n"
        "      Session Stop  (Error: Server aborted session: No such file or directory)\n    LOG\n  end\n"
        "  let(:success) do\n    <<~LOG\n      Completed: 911785K bytes transferred in 131 seconds\n"
        "       (56657K bits/sec), in 1 file.\n    LOG\n  end\nend\n"
    )
    exunit = (
        'defmodule SeqFetch.AscpOutputTest do\n  use ExUnit.Case, async: true\n\n  @licence """\n'
        "  W, [2024-03-13T15:58:12.581663 #3204711]  WARN -- : An error occurred during transfer: Failure processing "
        'peer license: Deprecated peer license\n  """\nend\n'
    )
    rego = (
        "package seqfetch.ascp\n\nimport rego.v1\n\ndeny contains msg if {\n"
        "\tmsg := \"ascp needs -P33001 (port 22 is closed: 'Failed to open TCP connection for SSH')\"\n}\n"
    )
    lua = (
        'describe("seqbatch launcher", function()\n  it("treats Session Stop as a failure", function()\n'
        '    assert.is_false(launcher.failed("Completed: 911785K bytes transferred in 131 seconds\\n"))\n'
        "  end)\nend)\n"
    )
    tally = (
        "  Top failure reasons this week (from ascp logs, sampled):\n"
        "    Data transfer stalled, timed out ............ 41%\n"
        "    failed to authenticate ....................... 19%\n"
    )
    cebuano = (
        "   Pananglitan C — nakakonek sa SSH apan gibabagan ang UDP 33001:\n\n"
        "       Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))\n\n"
        "   Pananglitan E — malampuson:\n\n       Completed: 378151K bytes transferred in 13 seconds\n"
    )
    for text in (arb, desktop, rspec, exunit, rego, lua, tally, cebuano):
        assert [c for c, confidence in causes(text) if confidence != "low"] == [], text[:40]


def test_a_maintainer_saying_ascp_download_is_no_longer_available_is_no_missing_ascp():
    """Blind round 97: "Sorry, ascp download is not available anymore." in an issue thread is about the service,
    not an ascp that is not installed (it had been read as ascp-missing at high confidence)."""
    text = (
        "klymenko commented on 2020-12-23\n\nSorry, ascp download is not available anymore.\n\n"
        "Baytars commented on 2021-02-16\n\nToday I used ascp download as usual and encountered this error:\n```\n"
        "ascp: failed to authenticate, exiting\n```\n"
    )
    assert [c for c, _ in causes(text)] == ["auth"]


def test_a_merge_conflict_marker_opens_no_here_document():
    """Guard for the here-document rule: git's "<<<<<<< HEAD" is no ``<<HEAD`` (what follows it is still read)."""
    text = "<<<<<<< HEAD\nascp: Failed to open TCP connection for SSH, exiting.\n\n"
    text += "Session Stop  (Error: Failed to open TCP connection for SSH)\n"
    assert [c for c, _ in causes(text)] == ["ssh-port"]


def test_round_98_source_files_and_prose_fields_are_no_runs():
    """Blind round 98: a Haskell module, an OCaml expect test, an F5 iRule, a C# namespace and a Tatar guide's
    sample ("мисал", example) hold ascp's words as fixtures, hints or samples; a security group's JSON "Description"
    is prose: none is a run said with confidence (each had been read with a confident cause)."""
    haskell = (
        "module Aspera.SummarySpec (spec) where\n\nimport Test.Hspec\n\nfixtureOk :: T.Text\n"
        'fixtureOk = T.unlines\n  [ "Completed: 74523K bytes transferred in 118 seconds"\n'
        '  , " (5132K bits/sec), in 1 file."\n  ]\n'
    )
    ocaml = (
        'open! Core\n\nlet%expect_test "auth failure, log form" =\n  show\n'
        "    {|2015-09-15 14:10:39 [59c-00001c80] ERR failed to authenticate\n"
        "2015-09-15 14:10:39 [59c-000023c8] LOG FASP Session Start uuid=ff820f21-f00f-4ab5-ab7e-ceba3a18a81c op=send "
        'status=failed errcode=19 errstr="Authentication failure"|};\n'
    )
    irule = (
        "when RULE_INIT {\n    set static::aspera_conn_limit 40\n}\n\n"
        "# Expected user-visible symptom when this triggers:\n"
        "#   ascp: Failed to open TCP connection for SSH, exiting.\n"
    )
    csharp = (
        "namespace LabUploader.Properties {\n    internal class Resources {\n"
        "        ///   Looks up a localized string similar to The core's server name could not be resolved "
        "(ascp: Cannot resolve target host., exiting.).\n    }\n}\n"
    )
    tatar = (
        "3. Уңышлы йөкләүнең ахыры шундый күренә (мисал, безнең серверда элек):\n"
        "       Completed: 74523K bytes transferred in 118 seconds\n        (5132K bits/sec), in 1 file.\n"
    )
    group = (
        '$ aws ec2 describe-security-groups --output json\n{\n    "SecurityGroups": [\n        {\n'
        '            "Description": "FASP data UDP/33001. Missing this rule = \'Client unable to connect to server '
        "(check UDP port and firewall)'\",\n"
        '            "GroupName": "aspera-hsts-ingest"\n        }\n    ]\n}\n'
    )
    for text in (haskell, ocaml, irule, csharp, tatar, group):
        assert [c for c, confidence in causes(text) if confidence != "low"] == [], text[:40]


def test_round_99_code_assignments_faq_questions_catalogs_and_samples_are_no_runs():
    """Blind round 99: a Zig test's ``const line = "ascp: ...";``, a Quechua FAQ's numbered "¿...?" questions, a
    Sysdig recipe that says "nothing below has been run on this page", a query's catalog table with a "hint"
    column, and Kinyarwanda and Sundanese guides' samples ("Urugero", "Conto kaluaran"): none is a run said with
    confidence (each had been read with one)."""
    zig = (
        'const std = @import("std");\n\ntest "ssh tcp connect failure" {\n'
        '    const line = "ascp: Failed to open TCP connection for SSH, exiting.";\n}\n'
        'test "summary" {\n    const a = "Completed: 378151K bytes transferred in 13 seconds";\n}\n'
    )
    quechua = (
        '2. ¿Imanasqataq "ascp: failed to authenticate, exiting." rikhurin?\n   Llave (key) willay mana allinchu.\n\n'
        '4. ¿"Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))"?\n'
        "   UDP 33001 harkachkan.\n\n"
        '5. ¿"Session Stop  (Error: Server aborted session: No such file or directory)"?\n   Manam kanchu.\n'
    )
    sysdig = (
        "# Sysdig capture recipe (the commands are what to RUN, nothing below has been run on this page)\n\n"
        "# 2. Only failed connects (e.g. TCP 33001 blocked -> ascp prints\n"
        '#    "ascp: Failed to open TCP connection for SSH, exiting.")\n'
        'sudo sysdig "proc.name=ascp and evt.type=connect and evt.failed=true"\n'
    )
    catalog = (
        "SELECT errcode, errstr, hint FROM ops.aspera_error_catalog;\n\n"
        "\u250c\u2500errcode\u2500\u252c\u2500errstr\u2500\u2500\u2500\u252c\u2500hint\u2500\u2500\u2500\u2510\n"
        "\u2502      48 \u2502 File encryption/decryption error, e.g. corrupt file"
        "\u2502 ASPERA_SCP_FILEPASS missing \u2502\n"
    )
    samples = (
        "Urugero rw'ibyo uzabona (ntabwo ari ibyakozwe kuri mudasobwa yawe):\n\n"
        "    Completed: 74523K bytes transferred in 118 seconds\n     (5132K bits/sec), in 1 file.\n\n"
        "Conto kaluaran (ilustrasi tina dokuméntasi, sanés hasil tina komputer anjeun):\n\n"
        "    Completed: 74523K bytes transferred in 118 seconds\n     (5132K bits/sec), in 1 file.\n"
    )
    for text in (zig, quechua, sysdig, catalog, samples):
        assert [c for c, confidence in causes(text) if confidence != "low"] == [], text[:40]
