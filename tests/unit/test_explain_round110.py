"""explain: what blind round 110 found (each test but the guards failed on the code before its fix)."""

from __future__ import annotations

from tests.unit.test_explain_round58 import cause_ids

AUTH = "ascp: failed to authenticate, exiting.\n\nSession Stop  (Error: failed to authenticate)\n"


def test_sshd_s_negotiation_failure_quoted_over_a_mail_s_wrapped_lines_tells_the_run_s_cause():
    """A CI log's "failed to authenticate", then the partner's mail quoting its sshd's words inside a sentence and
    wrapped over two quoted lines ('... for your IP: "Unable to negotiate with ... no matching' / '> host key type
    found. Their offer: ssh-rsa,ssh-dss [preauth]"'): the handshake failed (it had read as auth)."""
    text = (
        "+ ascp -P 33001 -i /keys/qc_rsa -l 300m out/qc.tar.zst qcpush@hsts01.partner-bio.eu:/dropbox/\n"
        + AUTH
        + "\n--- from the partner's mail ---\n"
        "> we migrated hsts01 to RHEL 9.4, system-wide crypto policy is DEFAULT.\n"
        '> Our sshd log only shows for your IP: "Unable to negotiate with 62.128.44.17 port 51834: no matching\n'
        '> host key type found. Their offer: ssh-rsa,ssh-dss [preauth]"\n'
    )
    assert cause_ids(text) == ["ssh-handshake"]
    # (guard) sshd's own stamped line beside an operator's comment quoting the client's words stays the server's
    log = (
        "# users report 'ascp: failed to authenticate, exiting.'\n"
        "Mar  2 09:11:20 hsts sshd[2231]: Unable to negotiate with 198.18.45.101 port 52144: no matching key exchange "
        "method found. Their offer: diffie-hellman-group14-sha1,diffie-hellman-group-exchange-sha1 [preauth]\n"
    )
    assert cause_ids(log) == ["ssh-handshake"]


def test_a_journal_in_the_host_s_language_is_read_with_its_times():
    """journalctl in a Spanish locale ("jun 17 09:58:40.118302 host ascp[...]: ..."): the ERR line of one session
    belongs to that session, not to the one logged before it (it had read as the first session's, and the last
    session as unknown)."""
    uuid_a, uuid_b = "f4a0c2d9-7b31-4e8a-9c65-d1e2b3f4a5c6", "2b9e6f13-a4c8-4d07-b5e2-8f1c0d3a7e96"
    text = (
        f"jun 17 09:58:40.402991 hsts ascp[70130]: LOG FASP Session Start uuid={uuid_a} op=recv status=started "
        "source=- dest=/in local=10.70.0.9:33001 peer=10.70.3.14:41002 tcp_port=22\n"
        f"jun 17 10:01:12.774410 hsts ascp[70130]: LOG FASP Session Stop uuid={uuid_a} op=recv status=success "
        "source=- dest=/in files=5 bytes=7723001344\n"
        "jun 17 10:03:05.882613 hsts ascp[70309]: ERR Management authorization refused: Client requests stronger "
        "encryption than server allows\n"
        f"jun 17 10:03:05.882940 hsts ascp[70309]: LOG FASP Session Start uuid={uuid_b} op=recv status=failed "
        'errcode=34 errstr="Unauthorized" source=- dest=/andes peer=190.24.118.9:60240\n'
    )
    assert cause_ids(text) == ["ok", "stronger-encryption"]
    from aspdiag.tools.explain.scan import english_stamps  # (here: the earlier code had none)

    assert english_stamps(b"okt 02 22:14:07 h sshd[1]: x\n") == b"Oct  2 22:14:07 h sshd[1]: x\n"
    assert english_stamps(b"Thg 3 14 02:00:01 h ascp[1]: x\n") == b"Mar 14 02:00:01 h ascp[1]: x\n"
    # (guard) an English log is read as it is, not rewritten
    assert english_stamps(b"Jun 17 09:58:40 h ascp[1]: x\n") is None


def test_a_newsletter_saying_the_messages_above_are_examples_holds_no_run():
    """A mailing list's bulletin in Portuguese quoting ascp's words, then "(As mensagens acima são exemplos ...; não
    são de nenhum job específico.)": no run (the first quote had read as an auth failure)."""
    text = (
        "2) DOWNLOAD DE DADOS DO ENA COM ASPERA\n   Vários usuários nos procuraram com o erro\n\n"
        "       ascp: failed to authenticate, exiting.\n\n   ao baixar dados públicos do ENA.\n"
        '   Nos nós comuns o erro típico é\n   "Session Stop  (Error: Client unable to connect to server (check UDP '
        'port and firewall))".\n\n'
        "   (As mensagens acima são exemplos para facilitar a busca no seu e-mail; não são\n"
        "   de nenhum job específico.)\n"
    )
    assert cause_ids(text) == []


def test_windows_cmd_s_not_recognized_in_italian_double_quotes_is_ascp_missing():
    """Italian cmd.exe: '"ascp" non è riconosciuto come comando interno o esterno,' (double quotes, its own words):
    the shell's output, ascp missing (it had read as a person's quote, and the input's later runs had gone)."""
    text = (
        "C:\\Users\\giulia>ascp -QT -l 300m -P 33001 -i k era-fasp@fasp.sra.ebi.ac.uk:/vol1/x/SRR1.fastq.gz .\n"
        '"ascp" non è riconosciuto come comando interno o esterno,\n un programma eseguibile o un file batch.\n\n'
        "C:\\Users\\giulia>cd C:\\Aspera\\bin\n\n"
        "C:\\Aspera\\bin>ascp -QT -l 300m -P 33001 -i era-fasp@fasp.sra.ebi.ac.uk:/vol1/x/SRR1.fastq.gz C:\\dati\n"
        "ascp: Source file list not specified, exiting.\n"
    )
    assert cause_ids(text) == ["ascp-missing", "usage"]


def test_a_batch_job_s_yaml_with_stderr_snippets_holds_each_attempt_s_output():
    """``gcloud batch jobs describe --format=yaml``: each failed attempt's "stderrSnippet: |" block holds ascp's
    words: three attempts that could not open TCP for SSH (they had read as unknown)."""
    event = (
        "  - description: 'Task state is updated from RUNNING to FAILED with exit code 1.'\n"
        "    taskExecution:\n      exitCode: 1\n      stderrSnippet: |\n"
        "        + ascp -T -l 300m -k 1 -i /opt/key.pem era-fasp@fasp.sra.ebi.ac.uk:vol1/fastq/ERR1.fastq.gz /mnt/\n"
        "        ascp: Failed to open TCP connection for SSH, exiting.\n    taskState: FAILED\n"
    )
    text = "name: projects/p/locations/l/jobs/ena\nstatus:\n  state: FAILED\n  statusEvents:\n" + event * 3
    assert cause_ids(text) == ["ssh-port"] * 3


def test_a_ci_log_copied_with_its_line_numbers_is_read_without_them():
    """A CI step's log copied with its line numbers (" 4  + ascp ...", " 6  Usage: ascp ..."): the trace's command
    and ascp's usage text read as such (it had read as unknown)."""
    lines = [
        "+ export PARTNER_DEST=",
        '+ echo "dest=$PARTNER_DEST"',
        "dest=",
        "+ ascp -P 33001 -i /keys/partner_rsa -l 250m -k 2 /out/TRL_final.mxf",
        "",
        "Usage: ascp [OPTION] SRC... DEST",
        "          SRC to DEST, or multiple SRC to DEST dir",
        "Display full usage: -h,--help",
        "Command exited with status 1",
    ]
    text = "Harness CI  ·  Step: aspera_push\n\n" + "".join(f"{n:2d}  {line}\n" for n, line in enumerate(lines, 1))
    assert cause_ids(text) == ["usage"]


def test_ascp_s_usage_text_after_its_word_of_a_missing_destination_is_the_same_run():
    """ "ascp: Destination not specified, exiting." then ascp's usage text and the runner's "exit status 255": one
    run, its command line wrong (it had read as an unknown run and a usage one)."""
    text = (
        "+ ascp -P 33001 -l --mode=send --user=acme --host=aspera.oem.example.com dist/fw.bin /firmware/in/\n"
        "ascp: Destination not specified, exiting.\n\nUsage: ascp [OPTION] SRC... DEST\n"
        "          SRC to DEST, or multiple SRC to DEST dir\n...\nexit status 255\n"
    )
    assert cause_ids(text) == ["usage"]
