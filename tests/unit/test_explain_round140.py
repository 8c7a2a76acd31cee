"""explain: what blind round 140 and the earlier rounds' leftovers found (each test but the guards failed on the code
before its fix)."""

from __future__ import annotations

from tests.unit.test_explain_round58 import cause_ids


def test_a_session_start_that_failed_before_its_uuid_tells_its_code():
    """ascp's own log: "LOG FASP Session Start uuid=- op=send status=failed errcode=50 errstr=..." after the "ERR
    aspera.conf: XML parse error" line (blind round 136's Control-M sysout): a rejected configuration (it had read
    unknown, low: the record without a uuid was skipped)."""
    text = (
        "+ /opt/aspera/bin/ascp -P 33001 -l 100m --mode=send --user=eod --host=mft.example -L /var/log/mft "
        "/data/out/EOD.tar /inbound/\n"
        "+ RC=1\n"
        "+ tail -n 3 /var/log/mft/aspera-scp-transfer.log\n"
        "2026-05-07 04:10:02.311 [7e2a-7f3c2a1fb740] LOG Configuration file: /opt/aspera/etc/aspera.conf\n"
        "2026-05-07 04:10:02.312 [7e2a-7f3c2a1fb740] ERR aspera.conf: XML parse error at line 57: mismatched tag\n"
        "2026-05-07 04:10:02.312 [7e2a-7f3c2a1fb740] LOG FASP Session Start uuid=- op=send status=failed errcode=50 "
        'errstr="Aspera.conf contains invalid data and was rejected"\n'
        "+ exit 1\n"
    )
    assert cause_ids(text) == ["configuration"]


def test_an_ls_of_the_key_path_with_escaped_spaces_tells_the_key_file_is_missing():
    """``-i /Applications/IBM\\ Aspera\\ Connect.app/.../asperaweb_id_dsa.openssh`` and ``ls`` of that path: "No such
    file or directory": the key file, not the account (it had read auth: a confident wrong)."""
    text = (
        "lucia@mac ~ % /Applications/IBM\\ Aspera\\ Connect.app/Contents/Resources/ascp -QT -l 300m -P33001 -i "
        "/Applications/IBM\\ Aspera\\ Connect.app/Contents/Resources/asperaweb_id_dsa.openssh "
        "era-fasp@fasp.sra.ebi.ac.uk:/vol1/fastq/SRR829/002/SRR8290302/SRR8290302_1.fastq.gz ~/Downloads/\n"
        "ascp: failed to authenticate, exiting.\n\n"
        "Session Stop  (Error: failed to authenticate)\n\n"
        "lucia@mac ~ % ls /Applications/IBM\\ Aspera\\ Connect.app/Contents/Resources/asperaweb_id_dsa.openssh\n"
        "ls: /Applications/IBM Aspera Connect.app/Contents/Resources/asperaweb_id_dsa.openssh: No such file or "
        "directory\n"
    )
    assert cause_ids(text) == ["key-file"]


def test_a_documents_list_announced_for_reference_is_no_run():
    """ "Na documentação da IBM (...) aparecem estes casos, copio aqui para referência:" and the list right under it
    ("Server aborted session: Management authorization refused: Error / where Error is one of: ..."), after the
    person's own run: that run only (the list had read as two runs, high: a confident wrong)."""
    text = (
        "$ ascp -c aes256 -P 33001 -l 300m -k1 -d /dados/corrida_112 envio@aspera.parceiro.example.com:/entrada/\n"
        "Session Stop  (Error: Server aborted session: Client requests stronger encryption than server allows)\n\n"
        "Não rodei mais nada depois disso.\n\n"
        'Na documentação da IBM ("Error 34/73: Management authorization refused") aparecem estes casos, copio aqui '
        "para referência:\n"
        "  Server aborted session: Management authorization refused: Error\n"
        "  where Error is one of:\n"
        "   - user username denied by server\n"
        "   - undefined token\n"
        "   - token denied by server\n"
        "   - Client requests stronger encryption than server allows\n\n"
        "Alguém do TI consegue confirmar com o parceiro qual cifra eles aceitam?\n"
    )
    assert cause_ids(text) == ["stronger-encryption"]


def test_a_failure_announced_with_the_document_words_but_own_output_stays_a_run():
    """Guard: "Here is what ascp gives me, following the ENA documentation for reference:" and the output right
    under it: the person's own run."""
    text = (
        "Here is what I get, following the ENA documentation for reference:\n"
        "ascp: failed to authenticate, exiting.\n"
        "Session Stop  (Error: failed to authenticate)\n"
    )
    assert cause_ids(text) == ["auth"]


def test_splunks_event_list_is_read_as_the_servers_records_in_time_order():
    """Splunk's event list, newest first, each event's raw syslog line after its expand mark and time, its fields
    under it: two processes' failures, 95 minutes apart (they had read as one failure, the other's lost)."""
    text = (
        'Splunk> search index=aspera host=fpx-prod-02 (sourcetype=syslog ascp) ("Session Stop" OR "ERR")\n'
        "3 events (11/20/2025 06:00:00.000 to 11/20/2025 10:00:00.000)\n\n"
        "i  Time                     Event\n"
        ">  11/20/25 9:41:07.266 AM  Nov 20 09:41:07 fpx-prod-02 ascp[30722]: LOG FASP Session Stop "
        'uuid=3e9a0d1c-5b84-47f2-a6e1-9c2b7d05f814 op=recv status=failed errcode=34 errstr="Unauthorized" '
        "source=- dest=/faspex/pkg-88120 source_prefix=- local=10.8.4.12:33001 peer=192.0.2.17:33001 tcp_port=33001\n"
        "                            host = fpx-prod-02   source = /var/log/messages   sourcetype = syslog\n"
        ">  11/20/25 9:41:07.263 AM  Nov 20 09:41:07 fpx-prod-02 ascp[30722]: ERR Management authorization refused: "
        "Client requests stronger encryption than server allows\n"
        "                            host = fpx-prod-02   source = /var/log/messages   sourcetype = syslog\n"
        ">  11/20/25 8:06:52.904 AM  Nov 20 08:06:52 fpx-prod-02 ascp[29118]: ERR Management authorization refused: "
        "Server requires content protection\n"
        "                            host = fpx-prod-02   source = /var/log/messages   sourcetype = syslog\n"
    )
    assert cause_ids(text) == ["content-protection", "stronger-encryption"]


def test_an_error_line_alone_is_not_the_twin_of_a_session_logged_an_hour_later():
    """A server's syslog: one process's ERR line alone at 08:06, another's ERR line and Session Stop (errcode=34)
    at 09:41: two attempts (the first had been dropped as the second's console twin)."""
    text = (
        "Nov 20 08:06:52 fpx ascp[29118]: ERR Management authorization refused: Server requires content protection\n"
        "Nov 20 09:41:07 fpx ascp[30722]: ERR Management authorization refused: Client requests stronger encryption "
        "than server allows\n"
        "Nov 20 09:41:07 fpx ascp[30722]: LOG FASP Session Stop uuid=3e9a0d1c-5b84-47f2-a6e1-9c2b7d05f814 op=recv "
        'status=failed errcode=34 errstr="Unauthorized" source=- dest=/in source_prefix=- local=10.8.4.12:33001 '
        "peer=192.0.2.17:33001 tcp_port=33001\n"
    )
    assert cause_ids(text) == ["content-protection", "stronger-encryption"]


def test_a_monitor_named_with_its_address_in_brackets_has_no_runs():
    """ "Our uptime checker sits in the same /24 (198.51.100.12, plain TCP connect ...)" beside sshd's penalty drops
    of it and of a client: the client's drop only (the checker's had read as a run)."""
    text = (
        "Our uptime checker sits in the same /24 (198.51.100.12, plain TCP connect on 33001 every 5 s) and the whole\n"
        "/24 gets penalised; Ridgeway (198.51.100.31) pays for it.\n\n"
        "2025-03-13T11:00:01.204113+00:00 xfer-edge-03 sshd[911]: srclimit_penalise: ipv4: new 198.51.100.0/24 "
        "penalty of 15.000 seconds for penalty: connections without attempting authentication\n"
        "2025-03-13T11:00:01.955870+00:00 xfer-edge-03 sshd[911]: drop connection #0 from [198.51.100.12]:49402 on "
        "[10.9.0.4]:33001 penalty: connections without attempting authentication\n"
        "2025-03-13T11:00:04.008331+00:00 xfer-edge-03 sshd[911]: drop connection #0 from [198.51.100.31]:60216 on "
        "[10.9.0.4]:33001 penalty: connections without attempting authentication\n"
    )
    assert cause_ids(text) == ["ssh-refused"]


def test_a_console_rejection_of_aspera_conf_and_its_syslog_records_are_one_run():
    """A cron mail's "ascp: Aspera.conf contains invalid data and was rejected, exiting." and, from
    /var/log/messages at that time, ascp's "ERR Failed to load configuration .../aspera.conf: parse error" and its
    uuid-less failed Session Start (errcode=50): one run (they had read as two, the log's unknown)."""
    text = (
        "[push] 2025-09-17T02:30:01+02:00 inicio -> hsts-vlc01:/replica/catalogo\n"
        "ascp: Aspera.conf contains invalid data and was rejected, exiting.\n"
        "[push] 2025-09-17T02:30:01+02:00 fin rc=1\n\n"
        "Y en /var/log/messages de hsts-mad01 a esa hora:\n\n"
        "Sep 17 02:30:01 hsts-mad01 ascp[503311]: ERR Failed to load configuration /opt/aspera/etc/aspera.conf: parse "
        "error at line 87: mismatched tag\n"
        "Sep 17 02:30:01 hsts-mad01 ascp[503311]: LOG FASP Session Start uuid=- op=send status=failed errcode=50 "
        'errstr="Invalid configuration"\n'
    )
    assert cause_ids(text) == ["configuration"]
