"""explain: what blind round 130 found (each test but the guards failed on the code before its fix)."""

from __future__ import annotations

from tests.unit.test_explain_round58 import ENA, cause_ids


def test_a_newsletter_titled_so_is_a_document():
    """A computing centre's newsletter (its title line at the top) whose items quote ascp's messages as advice and
    answer readers' questions about them: no run (it had read as five runs, three of them confident)."""
    text = (
        "============================================================\n"
        "  NEWSLETTER DEL CENTRO DI CALCOLO — n. 58 — aprile 2026\n"
        "============================================================\n\n"
        " * dai nodi di calcolo l'UDP verso l'esterno resta bloccato: usate i\n"
        '   nodi "dtn01/dtn02". Dai nodi di calcolo il messaggio tipico è\n'
        "       Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))\n\n"
        "D: \"Ho letto 'Key passphrase:' in una guida: devo inventarne una?\"\n"
        "R: No. ascp chiede la passphrase quando il file indicato con -i non esiste.\n"
    )
    assert cause_ids(text) == []


def test_a_reply_about_a_newsletter_is_still_read():
    """Guard: a reply whose subject names the newsletter ("Re: Newsletter March") holds the person's own run."""
    text = (
        "Subject: Re: Research Computing Newsletter - March\n\n"
        "I followed the newsletter's advice and still get:\n\n"
        "ascp: Failed to open TCP connection for SSH, exiting.\n\n"
        "Session Stop  (Error: Failed to open TCP connection for SSH)\n"
    )
    assert cause_ids(text) == ["ssh-port"]


def test_an_icinga2_object_file_after_its_block_comment_is_a_configuration():
    """An Icinga 2 configuration: a block comment quoting ascp's lines as the patterns it checks, then ``object
    CheckCommand "name" {``: no run (it had read as disk, high)."""
    text = (
        "/*\n * /etc/icinga2/zones.d/global-templates/aspera-logchecks.conf\n"
        " * Examples of lines that should turn a service CRITICAL:\n"
        " *   ascp[20211]: LOG FASP Session Stop uuid=... op=recv status=failed errcode=36 ...\n"
        " *   Session Stop  (Error: Disk write failed (server))\n */\n\n"
        'object CheckCommand "aspera_logfiles" {\n  command = [ PluginDir + "/check_logfiles" ]\n}\n'
    )
    assert cause_ids(text) == []


def test_victorialogs_records_are_read_per_session():
    """VictoriaLogs' JSON lines (``_time``, ``_stream`` with the app's label, ``_msg``), no PIDs: each session with
    the ERR line before its own stop (the two had read as one, unauthorized, high)."""
    stream = '"_stream":"{host=\\"vault\\",app=\\"ascp\\"}"'
    ends = 'op=recv status=failed errcode=34 errstr=\\"Unauthorized\\" local=10.4.4.9:33001 peer=198.51.100.130:55310'
    text = (
        f'{{"_time":"2025-04-02T13:05:41.807Z",{stream},"_msg":"ERR Server requires content protection; client did '
        'not request file encryption"}\n'
        f'{{"_time":"2025-04-02T13:05:41.808Z",{stream},"_msg":"LOG FASP Session Stop '
        f'uuid=4c2e9b17-a0d3-4f85-96b1-7e8d2c05a3f4 {ends}"}}\n'
        f'{{"_time":"2025-04-02T13:19:28.002Z",{stream},"_msg":"ERR Management authorization refused: Server requires '
        'stronger content protection passphrase"}\n'
        f'{{"_time":"2025-04-02T13:19:28.003Z",{stream},"_msg":"LOG FASP Session Stop '
        f'uuid=b7e05f3a-61c9-4d2e-8a74-0e3f9d1c6b52 {ends}"}}\n'
    )
    assert cause_ids(text) == ["content-protection", "content-protection"]


def test_aspshell_that_cannot_exec_ascp_is_the_server_s_failure():
    """sshd let the client in, then "aspshell[5133]: exec of /opt/aspera/bin/ascp failed: No such file or
    directory": the server's ascp could not start (it had read as the client's file missing, high)."""
    text = (
        "Aug 19 08:30:11 hsts sshd[5120]: Accepted publickey for agencia_sur from 83.56.200.14 port 49811 ssh2\n"
        "Aug 19 08:30:11 hsts sshd[5120]: pam_unix(sshd:session): session opened for user agencia_sur(uid=2004)\n"
        "Aug 19 08:30:11 hsts aspshell[5133]: exec of /opt/aspera/bin/ascp failed: No such file or directory\n"
        "Aug 19 08:30:11 hsts sshd[5120]: Received disconnect from 83.56.200.14 port 49811:11: disconnected by user\n"
    )
    assert cause_ids(text) == ["server-session"]


def test_a_named_colleague_s_dated_test_on_a_how_to_page_is_a_run():
    """A wiki's "What success looks like" heading, then "Tested on the new transfer node by Jakub, 30 Sept:" and
    that session: a real run, ok (it had been read as the page's sample, no run)."""
    text = (
        "3. What success looks like\n"
        "Tested on the new transfer node by Jakub, 30 Sept:\n"
        f"[jkowalczyk@xfer02 test]$ ascp -T -l 300m -P 33001 -i /opt/key {ENA}\n"
        "ERR164407.fastq.gz                           100%   72MB  241Mb/s    00:03\n"
        "Completed: 74523K bytes transferred in 3 seconds\n (198728K bits/sec), in 1 file.\n"
        "[jkowalczyk@xfer02 test]$ md5sum ERR164407.fastq.gz\n"
    )
    assert cause_ids(text) == ["ok"]


def test_a_success_heading_s_sample_is_still_no_run():
    """Guard: the same heading with the documentation's own sample (no one named as having run it): no run."""
    text = (
        "3. What success looks like\n\n"
        "ERR164407.fastq.gz                           100%   72MB  241Mb/s    00:03\n"
        "Completed: 74523K bytes transferred in 3 seconds\n (198728K bits/sec), in 1 file.\n"
    )
    assert cause_ids(text) == []


def test_jira_s_xml_export_holds_the_tickets_runs():
    """Jira's XML export of a search (RSS, its items' descriptions and comments HTML-escaped): the pasted failure
    and the resend, two runs (the feed had been read as a configuration, no run)."""
    text = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="0.92">\n<channel>\n'
        "  <title>Jira - Core Sequencing Facility</title>\n"
        "  <description>An XML representation of a search request</description>\n  <item>\n"
        "    <description>&lt;p&gt;Upload stops immediately:&lt;/p&gt;\n"
        "&lt;pre&gt;[svc@deliver01 KL-77]$ ascp -P 33001 -l 500m -k 2 -d ./run/ u@aspera.example.org:/inbox/\n"
        "Session Stop  (Error: Server aborted session: Server requires content protection)\n"
        "&lt;/pre&gt;</description>\n"
        "    <comments><comment>&lt;p&gt;Resent:&lt;/p&gt;\n"
        "&lt;pre&gt;[svc@deliver01 KL-77]$ ascp -P 33001 -l 500m -k 2 -d --file-crypt=encrypt ./run/ "
        "u@aspera.example.org:/inbox/\n"
        "Completed: 188304211K bytes transferred in 3371 seconds\n (457619K bits/sec), in 96 files, 2 directories.\n"
        "&lt;/pre&gt;</comment></comments>\n  </item>\n</channel>\n</rss>\n"
    )
    assert cause_ids(text) == ["content-protection", "ok"]


def test_a_console_s_session_export_with_its_own_comment_line_and_words_only():
    """Aspera Console's activity export: a comment line first, columns named in words ("Session ID", "Start
    Time") or with their zone ("started_at_utc"), the error's words without a code: each row a session (they had
    been read as none)."""
    text = (
        '"Session ID","Start Time","End Time","User","Client Address","Direction","Status","Error"\n'
        '"c7a1f0d2-5b8e-4d5c-9a77-1e0b2f3c4d55","2024-07-02 10:42:18","2024-07-02 10:44:51","alice","192.0.2.61",'
        '"Download","Cancelled","Cancelled by user"\n'
        '"2f6e8a10-3c4b-49d7-b1e5-a0c9d8e7f6b4","2024-07-02 10:05:40","2024-07-02 10:05:41","carol","203.0.113.140",'
        '"Download","Failed","No such file or directory"\n'
    )
    assert cause_ids(text) == ["no-such-file", "cancelled"]
    commented = (
        "# Aspera Console - Activity export - node: hsts-media-02 - sorted by start time (newest first)\n"
        "session_id,started_at_utc,ended_at_utc,user,direction,contact,status,error_code,error_message\n"
        "5b0e7f31-2c44-4d9a-9e11-7a6c2f08d3b4,2026-06-18 14:31:07,2026-06-18 14:52:40,promo,upload,203.0.113.58,"
        "Cancelled,28,Cancelled by user\n"
        "e41d7b02-9a38-4c1f-b6de-50f2a7c93e15,2026-06-18 08:15:22,2026-06-18 08:15:54,promo,upload,203.0.113.58,"
        "Error,44,UDP session initiation fatal error\n"
    )
    assert cause_ids(commented) == ["session-start", "cancelled"]


def test_a_discord_export_s_messages_are_read_as_their_lines():
    """DiscordChatExporter's JSON: a pasted "failed to open ssh session." and, in the operator's message, sshd's
    "drop connection ... past MaxStartups" for that client: one run, refused by sshd (it had read as
    server-session, the sshd lines unread inside their escaped string)."""
    text = (
        '{"guild": {"id": "1", "name": "lab"}, "channel": {"id": "2", "name": "transfers"}, "messages": [\n'
        '{"id": "3", "timestamp": "2025-06-11T11:41:00.220+09:00", "content": "```\\n$ ascp -P 33001 -l 200m '
        "--mode=send --user=seqdrop --host=xfer.partner.example.jp /data/r1.fastq.gz /incoming/\\n\\n"
        'Session Stop  (Error: failed to open ssh session.)\\n```", "author": {"name": "takeda_y"}},\n'
        '{"id": "4", "timestamp": "2025-06-11T11:52:00.000+09:00", "content": "our sshd log:\\n```\\n'
        "Jun 11 11:39:47 xfer sshd[1184]: error: beginning MaxStartups throttling\\n"
        "Jun 11 11:39:48 xfer sshd[1184]: drop connection #10 from [133.0.113.21]:50416 on [10.8.1.5]:33001 past "
        'MaxStartups\\n```", "author": {"name": "ops"}}\n]}\n'
    )
    assert cause_ids(text) == ["ssh-refused"]
