"""explain: what blind round 104 found (each test but the guards failed on the code before its fix)."""

from __future__ import annotations

from tests.unit.test_explain_round58 import cause_ids, causes

ENA = "era-fasp@fasp.sra.ebi.ac.uk:/vol1/fastq/SRR000/001/SRR000001/SRR000001.fastq.gz ."


def test_an_old_ascp_s_own_log_without_a_session_id_is_its_console_run_seen_twice():
    """ascp 3.9's -L log of a run that failed before its Session Start ("ERR [asssh] SSH connection startup
    failed", "ERR failed to authenticate") beside the same run's console output: one run, read by the log's
    handshake failure (it had been two: auth from the console, ssh-handshake from the log)."""
    text = (
        f"$ ascp -T -P33001 -i ~/.aspera/connect/etc/asperaweb_id_dsa.openssh -L /tmp/alog {ENA}\n"
        "ascp: failed to authenticate, exiting.\n\n"
        "Session Stop  (Error: failed to authenticate)\n"
        "$ tail -3 /tmp/alog/aspera-scp-transfer.log\n"
        "2025-03-04 08:10:01 [1a2b-7f0011223344] LOG [libssh2] Failure Event: -5 - Unable to exchange encryption keys\n"
        "2025-03-04 08:10:01 [1a2b-7f0011223344] ERR [asssh] SSH connection startup failed, err = -5\n"
        "2025-03-04 08:10:01 [1a2b-7f0011223344] ERR failed to authenticate\n"
    )
    assert cause_ids(text) == ["ssh-handshake"]


def test_two_jobs_own_logs_grepped_together_stay_two_runs():
    """Guard: two parallel jobs' logs, each with its own "ERR SSH connection failure", are two runs (not one run of
    ascp's log seen twice)."""
    text = (
        "$ grep -h ERR jobs/*/aspera-scp-transfer.log\n"
        "2024-06-18 02:00:01.321 [7a13-7f3c21a1b740] ERR SSH connection failure: Server unexpectedly closed network "
        "connection\n"
        "2024-06-18 02:00:01.328 [7a14-7f3c21a1b740] ERR SSH connection failure: Server unexpectedly closed network "
        "connection\n"
    )
    assert len(cause_ids(text)) == 2


_STOPPED_SESSION = (
    "Mar 03 10:02:10 hsts ascp[27701]: LOG FASP Session Start uuid=b2c3d4e5-f6a7-4b8c-8d9e-0f1a2b3c4d5f op=recv "
    "status=started source=- dest=/in source_prefix=- local=10.0.0.2:33001 peer=192.0.2.99:33001 tcp_port=33001\n"
    "Mar 03 10:02:38 hsts ascp[27701]: LOG FASP Session Stop uuid=b2c3d4e5-f6a7-4b8c-8d9e-0f1a2b3c4d5f op=recv "
    'status=failed errcode=39 errstr="Remote peer terminated session" source=- dest=/in source_prefix=- '
    "local=10.0.0.2:33001 peer=192.0.2.99:33001 tcp_port=33001\n"
)


def test_a_person_who_tells_they_pressed_ctrl_c_cancelled_the_session_the_server_saw_end():
    """The server's session ended with error 39 (the peer terminated it) and the customer tells they pressed
    Ctrl-C: cancelled, not a stall (it had been read as a stall)."""
    text = 'Customer\'s reply: "my fault, I pressed Ctrl-C when I saw the wrong folder".\n\n' + _STOPPED_SESSION
    assert cause_ids(text) == ["cancelled"]


def test_error_39_without_a_person_s_word_is_no_cancel():
    """Guard: the same session without the person's words is not read as cancelled."""
    assert cause_ids(_STOPPED_SESSION) != ["cancelled"]


def test_stamped_prompts_put_attempts_pasted_out_of_order_in_the_order_they_ran():
    """Two attempts pasted the later one first, each under a prompt stamped with date and time: the failed
    14:12 attempt started first (they had been listed as pasted)."""
    text = (
        "[2025-06-02 15:41:07] ana@laptop ~/dl % ascp -QT -l 100m -P33001 -i key.pem " + ENA + "\n"
        "SRR000001.fastq.gz                                   100%  311MB 97.8Mb/s    00:27\n"
        "Completed: 318772K bytes transferred in 27 seconds\n"
        " (96213K bits/sec), in 1 file.\n\n"
        "[2025-06-02 14:12:50] ana@laptop ~/dl % ascp -QT -l 100m -P33001 -i key.pem " + ENA + "\n"
        "SRR000001.fastq.gz                                     0%    0KB    0.0Kb/s    --:-- ETA\n"
        "Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))\n"
    )
    assert cause_ids(text) == ["udp", "ok"]


_SERVER_START = (
    "Server's /var/log/messages:\n"
    "May 21 13:02:41 up ascp[2284417]: LOG FASP Session Start uuid=5c1f7b3e-0d6a-4a31-9a0e-7b2f4c9d1e08 op=recv "
    "status=started source=RUN dest=/uploads/ source_prefix=- local=10.20.0.14:33001 peer=133.11.240.19:33001 "
    "tcp_port=33001\n"
)


def test_a_server_session_logged_only_at_its_start_beside_the_client_s_failure_is_one_run():
    """The client's paste ("Disk write failed (server)" after a partial completion) above the server's Session
    Start line of the same upload, whose end is not shown: one run (the start-only session had been a second,
    unknown one)."""
    text = (
        "Customer's paste:\n"
        "Partial Completion: 19711732K bytes transferred in 3695 seconds\n"
        "(43691K bits/sec), in 6 files, 4 directories; 3 files failed.\n\n"
        "Session Stop  (Error: Disk write failed (server))\n\n" + _SERVER_START
    )
    assert cause_ids(text) == ["disk"]


def test_a_server_session_beside_a_failure_before_any_session_stays_a_run():
    """Guard: beside a failure no server session would show (authentication), the started session is another."""
    text = "Customer's paste:\nascp: failed to authenticate, exiting.\n\n" + _SERVER_START
    assert len(cause_ids(text)) == 2


def test_jobs_named_when_started_and_after_their_output_are_listed_as_they_started():
    """xargs -P jobs echo "start NAME" and, after each one's output, "NAME rc=N": the runs are listed in the
    order the jobs started (the two refused first-printed had been listed first)."""
    text = (
        "[11:02:17] start SRR9011201\n"
        "[11:02:17] start SRR9011202\n"
        "[11:02:17] start SRR9011203\n"
        "ascp: failed to authenticate, exiting.\n\n"
        "Session Stop  (Error: failed to authenticate)\n"
        "[11:02:18] SRR9011203 rc=1\n"
        "SRR9011201.fastq.gz                                    100%  412MB 98.7Mb/s    00:35\n"
        "Completed: 421931K bytes transferred in 35 seconds\n"
        " (98301K bits/sec), in 1 file.\n"
        "[11:02:53] SRR9011201 rc=0\n"
        "SRR9011202.fastq.gz                                    100%  498MB 98.9Mb/s    00:42\n"
        "Completed: 509804K bytes transferred in 42 seconds\n"
        " (98466K bits/sec), in 1 file.\n"
        "[11:02:59] SRR9011202 rc=0\n"
    )
    assert cause_ids(text) == ["ok", "ok", "auth"]


def test_a_restructuredtext_literal_block_after_a_bare_mark_is_the_page_s_sample():
    """An FAQ in reStructuredText: a heading, a bare "::" and the indented message are the page's (it had been
    read as a UDP run, confidently)."""
    text = (
        'It connects, then ends with "check UDP port and firewall"\n'
        "=========================================================\n\n"
        "::\n\n"
        "    Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))\n\n"
        "The SSH part worked; the data channel (UDP 33001) is blocked.\n"
    )
    assert cause_ids(text) == []


def test_test_suites_in_more_languages_are_no_runs():
    """pFUnit's @test, Julia's @testset and Zig's test blocks whose fixtures are ascp's lines (a completed one
    among them) are source code (they had been read as runs, a completed one confidently)."""
    pfunit = (
        "   @test\n"
        "   subroutine test_completed_line()\n"
        "      character(len=*), parameter :: line = &\n"
        "         'Completed: 74523K bytes transferred in 118 seconds'\n"
        "      @assertEqual(FASP_OK, status_from_line(line))\n"
        "   end subroutine test_completed_line\n"
    )
    julia = (
        '@testset "ascp lines" begin\n'
        '    line = "Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))"\n'
        "    @test classify(line) == :udp\n"
        '    @test classify("Completed: 74523K bytes transferred in 118 seconds") == :ok\n'
        "end\n"
    )
    zig = (
        'test "udp line" {\n'
        "    const line =\n"
        "        \\\\Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))\n"
        "    ;\n"
        "    try std.testing.expectEqual(Cause.udp, classify(line));\n"
        "}\n"
    )
    assert [cause_ids(pfunit), cause_ids(julia), cause_ids(zig)] == [[], [], []]


def test_a_gift_quiz_is_no_run():
    """A Moodle GIFT quiz whose questions quote ascp's words is a document (it had been read as two runs)."""
    text = (
        "$CATEGORY: $course$/BINF/Aspera\n\n"
        '::Q1 UDP::A student gets "Session Stop  (Error: Client unable to connect to server (check UDP port and '
        'firewall))". Why? {\n'
        "=UDP 33001 is blocked\n"
        "~The key is wrong\n"
        "}\n\n"
        "::Q4 Match::Match each message to its cause. {\n"
        "=sh\\: ascp\\: command not found -> ascp is not on the PATH\n"
        "}\n"
    )
    assert cause_ids(text) == []


def test_a_page_of_fenced_messages_with_no_command_is_a_catalogue():
    """A help page (here in Maltese) with three failures each in its own fenced block under its heading, no
    command and no run that worked: the page's samples (they had been three runs, two confidently)."""
    text = (
        "# Għajnuna: Aspera\n\n"
        '### "failed to authenticate"\n\n```\nascp: failed to authenticate, exiting.\n```\n\n'
        "Iċ-ċavetta ma ġietx aċċettata.\n\n"
        '### "Cannot resolve target host"\n\n```\nascp: Cannot resolve target host., exiting.\n```\n\n'
        "L-isem tas-server ma nstabx.\n\n"
        '### "check UDP port and firewall"\n\n```\n'
        "Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))\n```\n\n"
        "Il-firewall qed jimblokka l-port UDP 33001.\n"
    )
    assert cause_ids(text) == []


def test_a_cron_mail_s_failures_told_by_its_wrapper_stay_runs():
    """Guard: three different failures without a typed command, each with the wrapper's word that ascp exited,
    are runs (a cron mail's pushes), not a catalogue."""
    text = (
        "push.sh: nordlab -> ascp -P 33001 -i /keys/nordlab.ppk -d /out/ nl@fasp.nordlab.example:/in\n"
        "Key passphrase:\n"
        "push.sh: ascp exited 1 (no tty for passphrase)\n\n"
        "push.sh: kestrel -> ascp -P 33001 -i /keys/kr --file-list= -d kr@fasp.kestrel.example:/drop\n"
        "ascp: Source file list not specified, exiting.\n"
        "push.sh: ascp exited 1\n\n"
        "push.sh: orbis -> ascp -P 33001 -i /keys/ob -d /out/ ob@fasp.orbis.example:/in\n\n"
        "Session Stop  (Error: Session initiation failed, read timed out)\n"
        "push.sh: ascp exited 1\n"
    )
    assert len(cause_ids(text)) == 3


def test_a_quote_of_what_the_faq_says_is_no_run():
    """ "I read the FAQ ..., it says:" and its quote in "> " lines: the FAQ's words, not a run; the person's own
    run below is the one (it had been two)."""
    text = (
        "I read the FAQ you linked before writing, it says:\n\n"
        "> *Failed to open TCP connection for SSH error while using Aspera*\n"
        "> This error was due to your firewall settings.\n\n"
        "Here is what I ran:\n\n"
        f"$ ascp -QT -l100m -i key.openssh {ENA}\n"
        "ascp: Failed to open TCP connection for SSH, exiting.\n\n"
        "Session Stop  (Error: Failed to open TCP connection for SSH)\n"
    )
    assert cause_ids(text) == ["ssh-port"]


def test_a_method_given_ascp_s_words_is_source_code():
    """A spec calling a parser on a literal of ascp's words (``AscpError.parse("Session Stop (Error: ...)")``)
    is code, not output (it had been read as a licence failure, confidently)."""
    text = (
        'it "maps the licence failure" do\n'
        '  err = FaspTool::AscpError.parse("Session Stop (Error: Failure processing peer license: Deprecated peer '
        'license)")\n'
        "  err.category.should eq(:license)\n"
        "end\n"
    )
    assert cause_ids(text) == []


_ADOC_HEAD = "= Runbook: UDP for the ingest node\n:toc:\n:revdate: 2025-02-19\n\n== Check\n\n"
_ADOC_BLOCK = (
    "[source,console]\n----\n"
    "$ ascp -P33001 -i ~/.ssh/ops_rsa -l 200m /data/1G.bin ops@ingest.example.net:/verify/\n"
    "Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))\n"
    "----\n"
)


def test_an_asciidoc_runbook_s_dated_check_is_a_run():
    """An AsciiDoc runbook recording a check it ran, introduced with its date and time: a run (the page's blocks
    had all been set aside as an AsciiDoc page's examples)."""
    assert cause_ids(_ADOC_HEAD + "Test from the bastion, 2025-02-18 16:40 UTC:\n\n" + _ADOC_BLOCK) == ["udp"]


def test_an_asciidoc_page_s_example_is_no_run():
    """Guard: the same block introduced as an example on an AsciiDoc page is the page's."""
    assert cause_ids(_ADOC_HEAD + "If UDP is blocked you will see:\n\n" + _ADOC_BLOCK) == []


def test_ascli_s_last_retry_is_a_run_of_its_own_read_as_the_attempts_before():
    """ascli's resumer: two attempts fail with their reason, the third only with "ascp failed (pid 106 exit 1)":
    a third run (another ascp process), read as the attempts before at low confidence (it had been folded into
    the second)."""
    text = (
        "$ ascli faspex5 packages receive --url=$URL --to-folder=in/\n"
        "E, [2025-04-17T08:22:51.602114 #61] ERROR -- : ascp failed (pid 88 exit 1)\n"
        "W, [2025-04-17T08:22:51.602359 #61]  WARN -- : An error occurred during transfer: Server aborted session: "
        "Session initiation failed\n"
        "W, [2025-04-17T08:22:51.602421 #61]  WARN -- : Resuming in 2 seconds (retry left:2)\n"
        "E, [2025-04-17T08:23:04.877003 #61] ERROR -- : ascp failed (pid 97 exit 1)\n"
        "W, [2025-04-17T08:23:04.877215 #61]  WARN -- : An error occurred during transfer: Server aborted session: "
        "Session initiation failed\n"
        "W, [2025-04-17T08:23:04.877280 #61]  WARN -- : Resuming in 4 seconds (retry left:1)\n"
        "E, [2025-04-17T08:23:18.240556 #61] ERROR -- : ascp failed (pid 106 exit 1)\n"
        "ERROR: Job failed: exit code 1\n"
    )
    assert causes(text) == [("session-start", "low")] * 3


_FILES_FAILED_SESSION = (
    "Mar 27 21:00:09 hsts ascp[33318]: LOG FASP Session Start uuid=8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d1f op=recv "
    "status=started source=- dest=/in source_prefix=- local=10.7.1.4:33001 peer=203.0.113.66:33001 tcp_port=33001\n"
    "Mar 27 21:04:50 hsts ascp[33318]: LOG FASP Session Stop uuid=8b9c0d1e-2f3a-4b4c-9d5e-6f7a8b9c0d1f op=recv "
    'status=failed errcode=27 errstr="Some individual files failed" source=- dest=/in source_prefix=- '
    "local=10.7.1.4:33001 peer=203.0.113.66:33001 tcp_port=33001\n\n(their side)\n"
)


def test_a_server_s_error_27_is_told_by_the_client_s_file_failure_beside_it():
    """The server's session failed with error 27 (no file's reason) and the customer's ascli output says "Cannot
    rename partial file": one run, the partial file's rename (they had been two, the session unknown)."""
    text = _FILES_FAILED_SESSION + "E, [2025-03-27T21:04:50.118342 #2291] ERROR -- : Cannot rename partial file\n"
    assert cause_ids(text) == ["partial-rename"]


def test_a_server_s_error_27_beside_a_failure_of_no_file_stays_apart():
    """Guard: beside a client failure that is no file's (authentication), the session is not read as it."""
    text = _FILES_FAILED_SESSION + "ascp: failed to authenticate, exiting.\n"
    assert cause_ids(text) == ["unknown", "auth"]
