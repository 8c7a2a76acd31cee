"""explain: what blind round 108 found (each test but the guards failed on the code before its fix)."""

from __future__ import annotations

from tests.unit.test_explain_round58 import cause_ids

AUTH = "ascp: failed to authenticate, exiting.\n\nSession Stop  (Error: failed to authenticate)\n"


def test_ascp_s_debug_line_of_a_failed_handshake_is_its_error():
    """ascp -DD's "DBG ssh: libssh2_session_handshake failed: -5 Unable to exchange encryption keys" before its
    misleading "failed to authenticate": the handshake failed (it had read as auth)."""
    text = (
        "$ ascp -P33001 -i ~/keys/a.openssh -QT -l100m -k1 -d -DD a@download.cncb.ac.cn:gsa/CRA009121 /data/\n"
        "DBG ssh: connecting to download.cncb.ac.cn:33001\n"
        "DBG ssh: libssh2_session_handshake failed: -5 Unable to exchange encryption keys\n"
        f"ERR failed to authenticate\n{AUTH}"
    )
    assert cause_ids(text) == ["ssh-handshake"]


def test_sshd_lines_stamped_in_the_host_s_language_say_why_the_client_failed():
    """The server's journal in Russian ("окт 02 22:14:07 ... sshd[...]: Unable to negotiate ... Their offer: ...")
    beside the client's two runs' "failed to authenticate": the handshake failed (they had read as auth)."""
    command = "$ ascp -P 33001 -l 300m -i /keys/id_rsa --mode=send --host=aspera.example.net --user=d /work/d/ /in/\n"
    offer = "diffie-hellman-group-exchange-sha1,diffie-hellman-group14-sha1,diffie-hellman-group1-sha1"
    text = (
        (command + AUTH) * 2
        + "\nИх админ прислал кусок journalctl:\n\n"
        + "".join(
            f"окт 02 22:14:{s} aspera-rhel9 sshd[1182{s}]: Unable to negotiate with 192.0.2.44 port 391{s}: no "
            f"matching key exchange method found. Their offer: {offer} [preauth]\n"
            for s in ("07", "29")
        )
    )
    assert cause_ids(text) == ["ssh-handshake", "ssh-handshake"]


def test_a_penalty_drop_of_an_address_that_guessed_a_scanner_s_account_is_no_client_s():
    """A quiet journal whose one unknown account is the internet's usual guess ("Invalid user oracle"), then
    sshd's penalty drop of that address: a scanner's, no refused transfer (it had read as one)."""
    text = (
        "ноя 12 08:04:12 hsts sshd[71103]: Invalid user oracle from 218.92.0.112 port 27831\n"
        "ноя 12 08:04:14 hsts sshd[71103]: Connection closed by invalid user oracle 218.92.0.112 port 27831 "
        "[preauth]\n"
        "ноя 12 08:04:15 hsts sshd[1033]: drop connection #0 from [218.92.0.112]:28014 on [10.77.1.5]:33001 "
        "penalty: failed authentication\n"
    )
    assert cause_ids(text) == []
    assert cause_ids(text.replace("ноя 12", "Nov 12")) == []


def test_a_binary_that_is_there_but_cannot_be_started_died_at_its_start():
    """A glibc ascp in an Alpine image: the shell says "/usr/local/bin/ascp: No such file or directory", ``ls -l``
    shows the file, ``ldd`` shows musl's loader errors: ascp died at its start, it is not missing (it had read as
    three runs of ascp-missing); the rebuilt image's run completed."""
    text = (
        "$ docker run --rm registry.example.io/media/aspera-push:0.3.0\n"
        "[entrypoint] pushing /outbox/promo.mov to xfer@hsts.example.com:/incoming\n"
        "/entrypoint.sh: line 9: /usr/local/bin/ascp: No such file or directory\n[entrypoint] ascp exit code 127\n\n"
        "$ docker run --rm --entrypoint sh registry.example.io/media/aspera-push:0.3.0 -c 'ls -l /usr/local/bin/ascp; "
        "ldd /usr/local/bin/ascp'\n"
        "-rwxr-xr-x    1 root     root       8391216 Oct  2 09:14 /usr/local/bin/ascp\n"
        "\t/lib64/ld-linux-x86-64.so.2 (0x7f2c9a1d4000)\n"
        "Error loading shared library libc.so.6: No such file or directory (needed by /usr/local/bin/ascp)\n"
        "Error relocating /usr/local/bin/ascp: __memcpy_chk: symbol not found\n\n"
        "$ docker run --rm registry.example.io/media/aspera-push:0.3.1\n"
        "promo.mov                                        100% 6144MB  389Mb/s    02:13\n"
        "Completed: 6291456K bytes transferred in 133 seconds\n (387461K bits/sec), in 1 file.\n"
        "[entrypoint] ascp exit code 0\n"
    )
    assert cause_ids(text) == ["died-at-start", "ok"]


def test_an_mtail_program_and_a_webinar_s_subtitles_are_no_runs():
    """An mtail program (its comments quote ascp's lines) and a webinar's SubRip subtitles reading out its slides'
    messages: no runs (they had read as confident ones). A meeting's transcript whose speakers ran ascp stays read."""
    mtail = (
        "# Lines we care about look like:\n"
        "#   Oct 10 13:25:02 hsts-2 ascp[21802]: ERR Failed to open TCP connection for SSH\n\n"
        "counter ascp_sessions_total by op, status\ncounter ascp_err_lines_total\n\n"
        "def syslog {\n  /^(?P<date>\\w+\\s+\\d+)\\s+ascp\\[\\d+\\]:\\s+/ {\n    next\n  }\n}\n\n"
        "@syslog {\n  /ERR / {\n    ascp_err_lines_total++\n  }\n}\n"
    )
    assert cause_ids(mtail) == []
    cues = [
        "今回は ascp コマンドのエラーの読み方を紹介します。",
        "スライドの一つ目、「ascp: Failed to open TCP connection for SSH, exiting.」",
        "二つ目、「Session Stop (Error: Client unable to connect to server (check UDP port and firewall))」。",
    ]
    srt = "".join(f"{n}\n00:00:0{n},200 --> 00:00:0{n},900\n{cue}\n\n" for n, cue in enumerate(cues, 1))
    assert cause_ids(srt) == []


def test_a_graylog_export_s_records_are_read_as_the_server_s_log():
    """Graylog's JSON export of ascp's and sshd's messages: the failed session (its ERR line's "Client requests
    stronger encryption than server allows" beside errcode 34) and the retry that worked (they had read as one
    unauthorized run)."""
    uuid1, uuid2 = "b5e19c07-2d48-4a6f-83b1-f0c7a2e9d514", "6a0f3d82-e9c5-4b17-a2d6-18b4e7c0f935"
    ends = "local=10.0.9.4:33001 peer=62.210.44.18:4{p} tcp_port=33001"

    def record(when: str, app: str, message: str) -> str:
        return (
            f'    {{"timestamp": "2024-12-02T09:{when}Z", "source": "hsts-par-01", "application_name": "{app}", '
            f'"message": "{message}"}}'
        )

    text = (
        '{\n  "total_results": 4,\n  "messages": [\n'
        + ",\n".join(
            [
                record(
                    "12:40.902",
                    "ascp",
                    "ERR Peer FASP sender had error, errcode 34 errstr [Management authorization refused: Client "
                    "requests stronger encryption than server allows]",
                ),
                record(
                    "12:40.903",
                    "ascp",
                    f'LOG FASP Session Start uuid={uuid1} op=recv status=failed errcode=34 errstr=\\"Unauthorized\\" '
                    + ends.format(p=1870),
                ),
                record(
                    "27:16.311",
                    "ascp",
                    f"LOG FASP Session Start uuid={uuid2} op=recv status=started " + ends.format(p=2266),
                ),
                record(
                    "41:02.487",
                    "ascp",
                    f"LOG FASP Session Stop uuid={uuid2} op=recv status=success " + ends.format(p=2266),
                ),
            ]
        )
        + "\n  ]\n}\n"
    )
    assert cause_ids(text) == ["stronger-encryption", "ok"]


def test_a_runbook_s_untimed_sshd_examples_and_typical_client_lines_are_no_runs():
    """A runbook's journal examples without their time ("sshd[1187]: drop connection #10 ...") and "and on the
    client side, typically:" ascp's lines: no runs (they had read as two refused transfers)."""
    text = (
        "## What it looks like in the journal (examples - not from an incident)\n\n```\n"
        "sshd[1187]: drop connection #10 from [192.0.2.10]:38810 on [198.51.100.5]:33001 past MaxStartups\n"
        "sshd[1402]: drop connection #0 from [192.0.2.20]:50401 on [198.51.100.5]:33001 penalty: failed "
        "authentication\n```\n\nand on the client side, typically:\n\n```\n"
        "ascp: Failed to open TCP connection for SSH, exiting.\nSession Stop  (Error: Session initiation failed)\n```\n"
    )
    assert cause_ids(text) == []


def test_a_wrapper_s_json_log_of_ascp_s_argv_events_and_exit_tells_its_runs():
    """A Go service's zap log: "starting ascp" with its argv, the management events' descriptions, "ascp exited"
    with its exit status; then the rerun that exited 0: exists, then completed (they had read as nothing)."""
    argv = (
        '["/opt/aspera/sdk/ascp","-P","33001","--overwrite=never","--mode=recv","--host=drop.example.com","/o/","/m/"]'
    )
    text = (
        f'{{"level":"info","ts":"2025-07-22T23:30:02.114+0530","msg":"starting ascp","job":"PRT","argv":{argv}}}\n'
        '{"level":"warn","ts":"2025-07-22T23:30:03.388+0530","msg":"mgmt event","type":"FILEERROR","code":42,'
        '"description":"Destination: File exists"}\n'
        '{"level":"error","ts":"2025-07-22T23:30:03.512+0530","msg":"mgmt event","type":"ERROR","code":42,'
        '"description":"File or directory already exists"}\n'
        '{"level":"error","ts":"2025-07-22T23:30:03.530+0530","msg":"ascp exited","job":"PRT","exit":1}\n\n'
        f'{{"level":"info","ts":"2025-07-23T11:17:40.602+0530","msg":"starting ascp","job":"PRT-2","argv":{argv}}}\n'
        '{"level":"info","ts":"2025-07-23T11:24:12.911+0530","msg":"ascp exited","job":"PRT-2","exit":0}\n'
    )
    assert cause_ids(text) == ["exists", "ok"]


def test_a_json_array_of_log_records_pasted_a_line_each_is_read_by_its_messages():
    """CloudWatch Logs Insights' JSON result in a fence, a record a line (each but the last ending in a comma, the
    message under "@message"): two hourly runs that could not resolve the host (they had read as one, at low)."""
    stream = "sync/ascp/3f1b"

    def record(when: str, message: str, last: bool = False) -> str:
        return f'  {{"@timestamp": "2025-08-21 {when}", "@logStream": "{stream}", "@message": "{message}"}}' + (
            "" if last else ","
        )

    command = "[entrypoint] + ascp -P 33001 -l 150m --mode=send --host=hsts.parceiro.interno --user=x /out/ /in/"
    rows = []
    for hour in ("01", "02"):
        rows += [
            record(f"{hour}:00:19.120", command),
            record(f"{hour}:00:19.402", "ascp: Cannot resolve target host., exiting."),
            record(f"{hour}:00:19.403", "Session Stop  (Error: Cannot resolve target host.)"),
            record(f"{hour}:00:19.405", "[entrypoint] ascp rc=1", last=hour == "02"),
        ]
    text = "Resultado exportado (JSON):\n\n```json\n[\n" + "\n".join(rows) + "\n]\n```\n"
    assert cause_ids(text) == ["dns", "dns"]


def test_zsh_s_bad_cpu_type_is_an_installation_that_cannot_run_here():
    """macOS's zsh: "bad CPU type in executable: .../ascp" (an x86_64-only ascp on Apple Silicon without Rosetta),
    its path filling the terminal's width, the next line a zsh prompt: died at start (it had read as no run)."""
    path = "/Users/lena/Applications/Aspera Connect.app/Contents/Resources/ascp"
    text = (
        f'lena@Lenas-MBP ~ % "{path}" -P33001 -i key.openssh -QT -l100m -k1 -d a@download.cncb.ac.cn:gsa/x ~/gsa/\n'
        f"zsh: bad CPU type in executable: {path}\n"
        f'lena@Lenas-MBP ~ % file "{path}"\n'
        f"{path}: Mach-O 64-bit executable x86_64\n"
    )
    assert len(f"zsh: bad CPU type in executable: {path}") == 100  # a terminal's width: the wrap guard's case
    assert cause_ids(text) == ["died-at-start"]


def test_a_wrapper_s_logged_timeout_command_and_exit_124_is_its_time_limit():
    """A script's log giving its command ("cmd: timeout 2h ascp ..."), ascp's progress at 58 %, then "ascp exit
    code 124" (coreutils timeout's value when its limit ended the command): cancelled (it had read as unknown)."""
    text = (
        "2025-03-04 22:00:01 [fetch_ena] start ERR1018614\n"
        "2025-03-04 22:00:01 [fetch_ena] cmd: timeout 2h ascp -T -l 500m -P 33001 -k 1 -i /opt/aspera/key.pem "
        "era-fasp@fasp.sra.ebi.ac.uk:vol1/run/ERR101/ERR1018614/x.bam /lustre/raw/\n"
        "x.bam                                                   58%  262GB  301Mb/s    1:47:05 ETA\n"
        "2025-03-05 00:00:01 [fetch_ena] ascp exit code 124\n"
        "2025-03-05 00:00:01 [fetch_ena] FAILED ERR1018614 (will retry tomorrow)\n"
    )
    assert cause_ids(text) == ["cancelled"]
    # (guard) without the time limit on its command, exit 124 alone tells nothing
    assert cause_ids(text.replace("cmd: timeout 2h ascp", "cmd: ascp")) == ["unknown"]


def test_a_thread_quoted_under_attribution_lines_in_other_languages_lists_the_oldest_mail_s_run_first():
    """An Italian reply on top ("Date: ... 16:48"), the earlier mails quoted below under "Il giorno mer 12 mar 2025
    alle 15:02 X ha scritto:": the quoted content-protection failure came first, the run that worked after it (they
    had read in the text's order)."""
    command = "giulia@deliv:~$ ascp -P 33001 -l 400m -k 2 {crypt}/mnt/a.zip studio@fasp-ingest.example.it:/inbound/\n"
    text = (
        "Date: Wed, 12 Mar 2025 16:48:02 +0100\n\nBuongiorno, con la cifratura funziona:\n\n"
        + command.format(crypt="--file-crypt=encrypt ")
        + "a.zip                                     100%   61GB  389Mb/s    22:31\n"
        "Completed: 62914560K bytes transferred in 1351 seconds\n (388811K bits/sec), in 1 file.\n\n"
        "> Il giorno mer 12 mar 2025 alle 15:02 Supporto ha scritto:\n"
        "> Gentile Giulia, il server accetta solo upload cifrati.\n>\n"
        ">> Il giorno mer 12 mar 2025 alle 14:37 Giulia Ferraro ha scritto:\n"
        ">> Buongiorno, la consegna non parte più:\n>>\n>> "
        + command.format(crypt="")
        + ">> Session Stop  (Error: Server aborted session: Server requires content protection)\n"
    )
    assert cause_ids(text) == ["content-protection", "ok"]
    for header, wrote in (
        ("Date: Wed, 12 Mar 2025 16:48:02 +0100", "Am 12.03.2025 um 14:37 schrieb Giulia <g@x.it>:"),
        ("Gesendet: Mittwoch, 12. März 2025 16:48", "Le mer. 12 mars 2025 à 14:37, Giulia a écrit :"),
    ):
        german = text.replace("Il giorno mer 12 mar 2025 alle 14:37 Giulia Ferraro ha scritto:", wrote)
        assert cause_ids(german.replace("Date: Wed, 12 Mar 2025 16:48:02 +0100", header)) == [
            "content-protection",
            "ok",
        ]
