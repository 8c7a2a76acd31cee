"""explain: what blind round 141 found (each test but the guards failed on the code before its fix)."""

from __future__ import annotations

from tests.unit.test_explain_round58 import cause_ids


def test_a_gettext_catalogue_quoting_ascps_words_has_no_runs():
    """A .po file: its header (msgid "" / msgstr "" / Project-Id-Version), its extracted comments quoting ascp
    ("#. Session Stop  (Error: Client unable to connect to server ...)"): no run (two had been read, one at high)."""
    text = (
        "# Portuguese (Brazil) translations for transferencia-ui.\n"
        'msgid ""\n'
        'msgstr ""\n'
        '"Project-Id-Version: transferencia-ui 2.4\\n"\n'
        '"Language: pt_BR\\n"\n\n'
        "#. Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))\n"
        "#: src/transfer/errors.py:47\n"
        'msgid "The data connection (UDP 33001) is blocked by a firewall."\n'
        'msgstr "A conexão de dados (UDP 33001) está bloqueada por um firewall."\n\n'
        "#. ascp.exe: required management connection to port localhost:%d failed.\n"
        "#: src/transfer/errors.py:70\n"
        'msgid "Could not reach the local management port %(port)d."\n'
        'msgstr "Não foi possível acessar a porta de gerenciamento local %(port)d."\n'
    )
    assert cause_ids(text) == []


def test_a_transfer_the_person_only_took_for_hung_is_their_own_cancel():
    """ "速度一直只有 6~7 Mb/s，我以为卡住了，就按了 Ctrl+C" (I thought it had hung), its bar moving (4 % then
    9 %), then ^C; the rerun at night completed at 95 Mb/s: cancelled, then ok (it had read as a stall, medium: a
    confident wrong)."""
    text = (
        "第一次跑的时候速度一直只有 6~7 Mb/s，我以为卡住了，就按了 Ctrl+C：\n\n"
        "$ ascp -P33001 -i ~/.aspera/connect/etc/aspera01.openssh -QT -l100m -k1 "
        "aspera01@download.cncb.ac.cn:gsa/CRA014421/CRR1003712/CRR1003712_r1.fq.gz ./\n"
        "CRR1003712_r1.fq.gz                                     4%  310MB 6.8Mb/s    2:31:05 ETA\n"
        "CRR1003712_r1.fq.gz                                     9%  688MB 7.1Mb/s    2:18:40 ETA\n"
        "^C\n\n"
        "后来换到晚上十点多再跑了一次，同样的命令，这次很快就完了：\n\n"
        "$ ascp -P33001 -i ~/.aspera/connect/etc/aspera01.openssh -QT -l100m -k1 "
        "aspera01@download.cncb.ac.cn:gsa/CRA014421/CRR1003712/CRR1003712_r1.fq.gz ./\n"
        "CRR1003712_r1.fq.gz                                   100% 7412MB 95.3Mb/s    10:26\n"
        "Completed: 7590120K bytes transferred in 626 seconds\n"
        " (99312K bits/sec), in 1 file.\n"
    )
    assert cause_ids(text) == ["cancelled", "ok"]


def test_a_transfer_told_hung_before_the_cancel_stays_a_stall():
    """Guard: "卡住了，不动了" told as what happened (no "I thought"), the same runs: the stall is what to act on."""
    text = (
        "第一次跑的时候速度只有 0.5 Mb/s，后来卡住了，不动了，就按了 Ctrl+C：\n\n"
        "$ ascp -P33001 -QT -l100m -k1 aspera01@download.cncb.ac.cn:gsa/CRA014421/CRR1003712/CRR1003712_r1.fq.gz ./\n"
        "CRR1003712_r1.fq.gz                                     9%  688MB 0.5Mb/s    99:18:40 ETA\n"
        "^C\n\n"
        "晚上再跑了一次：\n\n"
        "$ ascp -P33001 -QT -l100m -k1 aspera01@download.cncb.ac.cn:gsa/CRA014421/CRR1003712/CRR1003712_r1.fq.gz ./\n"
        "CRR1003712_r1.fq.gz                                   100% 7412MB 95.3Mb/s    10:26\n"
        "Completed: 7590120K bytes transferred in 626 seconds\n"
        " (99312K bits/sec), in 1 file.\n"
    )
    assert cause_ids(text) == ["stall", "ok"]


def test_a_key_its_directorys_whole_listing_does_not_show_is_missing():
    """``ls -l /home/app/.aspera/connect/etc/`` listing other key files (aspera_bypass_*.pem), then ascp with
    ``-i /home/app/.aspera/connect/etc/asperaweb_id_dsa.openssh`` "failed to authenticate": the key file (it had
    read auth: a confident wrong)."""
    text = (
        "[prepare] + ls -l /home/app/.aspera/connect/etc/\n"
        "[prepare] total 24\n"
        "[prepare] -rw-r--r-- 1 app app 1679 Jan 14 10:02 aspera_bypass_dsa.pem\n"
        "[prepare] -rw-r--r-- 1 app app 3243 Jan 14 10:02 aspera_bypass_rsa.pem\n"
        "[prepare] -rw-r--r-- 1 app app 2961 Jan 14 10:02 aspera.conf\n"
        "[fetch] + ascp -QT -l 300m -P33001 -k1 -i /home/app/.aspera/connect/etc/asperaweb_id_dsa.openssh "
        "era-fasp@fasp.sra.ebi.ac.uk:vol1/fastq/SRR195/004/SRR19577004/SRR19577004_1.fastq.gz /workspace/ref/\n"
        "[fetch] ascp: failed to authenticate, exiting.\n"
        "[fetch] \n"
        "[fetch] Session Stop  (Error: failed to authenticate)\n"
    )
    assert cause_ids(text) == ["key-file"]


def test_a_key_its_directorys_listing_shows_stays_an_authentication_failure():
    """Guard: the same listing showing asperaweb_id_dsa.openssh: the account's refusal (auth)."""
    text = (
        "+ ls -l /home/app/.aspera/connect/etc/\n"
        "total 24\n"
        "-rw-r--r-- 1 app app 1679 Jan 14 10:02 asperaweb_id_dsa.openssh\n"
        "-rw-r--r-- 1 app app 2961 Jan 14 10:02 aspera.conf\n"
        "+ ascp -QT -l 300m -P33001 -k1 -i /home/app/.aspera/connect/etc/asperaweb_id_dsa.openssh "
        "era-fasp@fasp.sra.ebi.ac.uk:vol1/fastq/SRR195/004/SRR19577004/SRR19577004_1.fastq.gz /workspace/ref/\n"
        "ascp: failed to authenticate, exiting.\n\n"
        "Session Stop  (Error: failed to authenticate)\n"
    )
    assert cause_ids(text) == ["auth"]


def test_the_node_services_own_configuration_error_is_no_run():
    """Guard (for aspera.conf's "parse error at line N" read as a rejected configuration): systemctl status of
    asperanoded: "asperanoded[918233]: [error] configuration: .../aspera.conf: XML parse
    error at line 63", then the next night's push whose ascp rejected aspera.conf: that push only (the service's line
    had read as a run of its own)."""
    text = (
        "[root@hsts-dr1 ~]# systemctl status asperanoded --no-pager -l | tail -3\n"
        "Feb 27 22:10:41 hsts-dr1 systemd[1]: Started asperanoded.service - IBM Aspera Node Daemon.\n"
        "Feb 27 22:10:41 hsts-dr1 asperanoded[918233]: [error] configuration: /opt/aspera/etc/aspera.conf: XML parse "
        "error at line 63: mismatched tag\n"
        "Feb 27 22:10:41 hsts-dr1 asperanoded[918233]: [warn] using last known good configuration\n\n"
        "--- next morning, mail from cron ---\n\n"
        "[2026-02-28 02:30:01] push_to_vault: ascp -P 33001 -l 2g -k 2 --mode=send --user=dr_vault "
        "--host=vault-ingest.example.net --file-list=/var/tmp/push.lst /vault/\n"
        "ascp: Aspera.conf contains invalid data and was rejected, exiting.\n"
        "[2026-02-28 02:30:01] push_to_vault: ascp exit 1 -- nothing sent, will retry tomorrow\n"
    )
    assert cause_ids(text) == ["configuration"]


def test_an_err_line_of_ascps_log_and_the_console_words_of_the_same_rejection_are_one_run():
    """A mail's quoted console line "ascp: Aspera.conf contains invalid data and was rejected, exiting." and the
    -L log's "ERR Failed to load configuration .../aspera.conf: ..." of the same run: one run (they had read as
    two)."""
    text = (
        "> ascp: Aspera.conf contains invalid data and was rejected, exiting.\n"
        "> 2025-07-08 03:30:02 [f45a-7f1b2c3d4740] ERR Failed to load configuration /opt/aspera/etc/aspera.conf: "
        "Element 'transfer': This element is not expected. line 14\n"
    )
    assert cause_ids(text) == ["configuration"]


def test_a_line_of_exactly_a_terminals_width_that_ends_a_message_is_not_cut():
    """The loader's 132-character "...: cannot open shared object file: No such file or directory", then the
    wrapper's "push-hn1: ascp exit 127", then the next run's aspera.conf rejection: two runs (the first two lines had
    been joined as one cut line, the first run lost)."""
    text = (
        "khoa@hsts-hcm1:~$ sudo -u aspera /usr/local/bin/push-hn1.sh /srv/kh/2025-09-12\n"
        "/opt/aspera/bin/ascp: error while loading shared libraries: libcrypt.so.1: cannot open shared object file: "
        "No such file or directory\n"
        "push-hn1: ascp exit 127\n\n"
        "khoa@hsts-hcm1:~$ sudo -u aspera /usr/local/bin/push-hn1.sh /srv/kh/2025-09-12\n"
        "ascp: Aspera.conf contains invalid data and was rejected, exiting.\n"
        "push-hn1: ascp exit 1\n"
    )
    assert cause_ids(text) == ["died-at-start", "configuration"]


def test_a_java_resource_bundle_quoting_ascp_for_its_translators_has_no_runs():
    """Guard (it had read right by chance, a line cut at 100 characters joined to its entry): a messages_it.properties
    file, "# en: <what ascp prints>" comments over dotted keys and their translations: no run."""
    entries = (
        ("ascp: failed to authenticate, exiting.", "error.auth=Autenticazione SSH non riuscita."),
        ("ascp: Cannot resolve target host., exiting.", "error.dns=Impossibile risolvere il nome del server {0}."),
        ("Session Stop  (Error: Session data transfer timeout)", "error.stall=Il trasferimento si è bloccato."),
        (
            "ascp: File encryption needs a passphrase in environment variable ASPERA_SCP_FILEPASS, exiting.",
            "error.filepass=Manca la passphrase di cifratura (ASPERA_SCP_FILEPASS).",
        ),
        ("Session Stop  (Error: Disk write failed (server))", "error.diskwrite=Scrittura su disco non riuscita."),
    )
    text = "# seqgate-desktop — Italian resource bundle (messages_it.properties)\n\napp.title=SeqGate Desktop\n\n"
    text += "".join(f"# en: {said}\n{entry}\n" for said, entry in entries)
    assert cause_ids(text) == []


def test_splunks_events_apart_by_blank_lines_are_put_in_time_order():
    """Guard: Splunk's list view, newest first, a blank line after each event's fields: the sessions as they
    started."""
    events = (
        (
            "5/22/24 4:51:33.208 PM",
            "2024-05-22 16:51:33.208",
            "8e0d3c51-71a4-4d0b-b6a9-2f1f4c0be6d3",
            44,
            "UDP session initiation fatal error",
        ),
        (
            "5/21/24 3:27:45.019 PM",
            "2024-05-21 15:27:45.019",
            "c2b1f6aa-39de-4e3f-8d0e-5a7c19e4b0f2",
            19,
            "Authentication failure",
        ),
    )
    text = "i  Time                       Event\n"
    for shown, stamp, uuid, code, words in events:
        text += (
            f">  {shown}     {stamp} [2b18-00001f44] LOG FASP Session Start uuid={uuid} op=send status=failed "
            f'errcode={code} errstr="{words}"\n'
            "                              host = WS-ED-0142   source = C:\\aspera-scp-transfer.log   sourcetype = "
            "aspera:scp\n\n"
        )
    assert cause_ids(text) == ["auth", "session-start"]


def test_an_exports_raw_column_holding_whole_syslog_lines_is_read_as_them():
    """LogScale's CSV export: "@timestamp","#repo","host","app","@rawstring", each raw string a whole syslog line
    (its own time, host and sshd[PID] tag): sshd's refusals of two clients (nothing had been read)."""
    head = '"@timestamp","#repo","host","app","@rawstring"\n'
    rows = (
        ("08:02:19", "71022", "userauth_pubkey: signature algorithm ssh-dss not in PubkeyAcceptedAlgorithms [preauth]"),
        ("08:02:19", "71022", "Connection closed by authenticating user anon_fasp 203.0.113.99 port 39012 [preauth]"),
        ("08:11:46", "71560", "Failed password for xfer_cohort3 from 198.51.100.5 port 58820 ssh2"),
        (
            "08:11:49",
            "71560",
            "Connection closed by authenticating user xfer_cohort3 198.51.100.5 port 58820 [preauth]",
        ),
    )
    text = head + "".join(
        f'"2026-01-27T{at}.000Z","linux-auth","mirror","sshd","Jan 27 {at} mirror sshd[{pid}]: {said}"\n'
        for at, pid, said in rows
    )
    assert cause_ids(text) == ["auth", "auth"]


def test_better_stacks_export_and_the_hosts_own_outgoing_syns_dropped():
    """Better Stack's CSV (dt, source, host, level, message): a push whose host did not resolve, then its next try,
    whose SYNs to port 22 this host's own output chain dropped ("IN= OUT=ens160") before ascp's "Failed to open TCP
    connection for SSH": dns, then ssh-port (the export had not been read; the dropped SYNs had read as a client's
    attempt of their own)."""
    text = (
        "dt,source,host,level,message\n"
        '2026-06-08T01:30:01.044Z,hsts-syslog,fasp-out-01,err,"ascp[52219]: ERR Failed to resolve host '
        'aspera.vega.example.com"\n'
        '2026-06-08T01:30:01.045Z,hsts-syslog,fasp-out-01,err,"push[52214]: vega: ascp: Cannot resolve target host., '
        'exiting."\n'
    )
    for at, packet in (("40.601", "11873"), ("41.620", "11874"), ("43.668", "11875")):
        text += (
            f'2026-06-08T01:36:{at}Z,kern,fasp-out-01,warning,"kernel: [nft out-drop] IN= OUT=ens160 SRC=192.0.2.88 '
            f"DST=203.0.113.150 LEN=60 TOS=0x00 PREC=0x00 TTL=64 ID={packet} DF PROTO=TCP SPT=44210 DPT=22 "
            'WINDOW=64240 RES=0x00 SYN URGP=0"\n'
        )
    text += (
        '2026-06-08T01:37:01.702Z,hsts-syslog,fasp-out-01,err,"ascp[52493]: ERR Failed to open TCP connection for '
        'SSH"\n'
        '2026-06-08T01:37:01.705Z,hsts-syslog,fasp-out-01,err,"push[52488]: vega: ascp: Failed to open TCP '
        'connection for SSH, exiting."\n'
    )
    assert cause_ids(text) == ["dns", "ssh-port"]
