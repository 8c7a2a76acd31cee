"""explain: what blind round 130 found (each test but the guards failed on the code before its fix)."""

from __future__ import annotations

from tests.unit.test_explain_round58 import cause_ids


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
