"""explain: what the session after blind round 100 found open (each test but the guards failed on the code before
its fix)."""

from __future__ import annotations

from tests.unit.test_explain_round58 import causes


def test_a_ticket_telling_only_that_the_transfer_failed_is_one_run_of_unknown_cause():
    """Blind rounds 98 and 100: a help-desk ticket says only that "the Aspera upload of <what it moved> to <where>
    failed again last night", the error a screenshot not pasted. One run whose cause cannot be told (it had been
    read as none: the words between the transfer and "failed" hid it)."""
    ticket = (
        "Description:\nThe Aspera upload of the imaging batch to the partner archive failed again last night.\n"
        "There was a red error in the Aspera window; the form does not let me attach the screenshot.\n"
    )
    assert causes(ticket) == [("unknown", "low")]
    mail = (
        "Hi, the aspera transfer from the core facility to our share failed again overnight. I can't copy the "
        "text of the error box. Can you check whether something is blocked on our side?\n"
    )
    assert causes(mail) == [("unknown", "low")]


def test_guard_a_transfer_that_would_fail_is_no_run():
    """Guard: advice in the same words, as a case ("If the Aspera upload of a batch to the archive fails, ...") or
    denied, tells no run."""
    assert (
        causes("If the Aspera upload of a batch to the archive fails overnight, run it again in the morning.\n") == []
    )
    assert causes("The Aspera download of the reference set never failed for us.\n") == []


_ENA = "era-fasp@fasp.sra.ebi.ac.uk:vol1/fastq/SRR292/SRR292241/SRR292241_1.fastq.gz ."
_SAMPLE_OK = (
    "    ERR164407.fastq.gz                         100%  72MB 37.7Mb/s   01:58\n"
    "    Completed: 74523K bytes transferred in 118 seconds\n     (5132K bits/sec), in 1 file.\n"
)


def test_a_summary_of_no_file_before_the_session_s_error_is_that_failed_run():
    """Blind round 101 (French ticket): "Completed: 0K bytes transferred in 1 seconds" / " (0K bits/sec), in 0
    file." then ascp's blank line and "Session Stop  (Error: Server aborted session: Read access denied for user)":
    one run that failed, not a success and a failure (the singular "file" had not been known)."""
    text = (
        "$ ascp -P 33001 -l 500m -k 1 lyon@aspera.partner.example:/deliveries/run_0412/ /data/run_0412/\n"
        "Completed: 0K bytes transferred in 1 seconds\n (0K bits/sec), in 0 file.\n\n"
        "Session Stop  (Error: Server aborted session: Read access denied for user)\n"
    )
    assert [c for c, _ in causes(text)] == ["permission"]


def test_content_protection_logged_before_errcode_37_is_content_protection():
    """Blind round 101 (a dropbox's syslog): "ERR Server requires content protection" then the Session Stop's
    errcode=37 "Authorization failure". 37 is used interchangeably with 34, whose reasons the words name: content
    protection, not a user refused (it had read as unauthorized)."""
    text = (
        "Jul 16 09:02:41 drop01 ascp[19022]: LOG FASP Session Start uuid=3e4d5c6b-7a89-4b0c-9d1e-2f3a4b5c6d7e "
        "op=recv status=started source=- dest=/ local=192.0.2.70:33001 peer=203.0.113.99:33001 tcp_port=33001\n"
        "Jul 16 09:02:41 drop01 ascp[19022]: ERR Server requires content protection\n"
        "Jul 16 09:02:41 drop01 ascp[19022]: LOG FASP Session Stop uuid=3e4d5c6b-7a89-4b0c-9d1e-2f3a4b5c6d7e "
        'op=recv status=failed errcode=37 errstr="Authorization failure"\n'
    )
    assert [c for c, _ in causes(text)] == ["content-protection"]


def test_a_pasted_attempt_the_server_s_log_also_shows_keeps_its_place_among_the_person_s_attempts():
    """Blind round 101 (the same ticket): the vendor's three attempts pasted in order (content protection, then no
    passphrase, then success), the server's log of the first and third below. The first attempt, read from the
    server's session, had been listed after the second."""
    host = "vendor-acme@drop.example.net:/"
    text = (
        f"[1] $ ascp -P 33001 -l 100m ./q3.zip {host}\n"
        "Session Stop  (Error: Server aborted session: Server requires content protection)\n\n"
        f"[2] $ ascp -P 33001 -l 100m --file-crypt=encrypt ./q3.zip {host}\n"
        "ascp: File encryption needs a passphrase in environment variable ASPERA_SCP_FILEPASS, exiting.\n\n"
        "[3] $ export ASPERA_SCP_FILEPASS=********\n"
        f"    $ ascp -P 33001 -l 100m --file-crypt=encrypt ./q3.zip {host}\n"
        "Completed: 2438144K bytes transferred in 205 seconds\n (97416K bits/sec), in 1 file.\n\n"
        "Our side (/var/log/messages on drop01):\n"
        "Jul 16 09:02:41 drop01 ascp[19022]: LOG FASP Session Start uuid=3e4d5c6b-7a89-4b0c-9d1e-2f3a4b5c6d7e "
        "op=recv status=started source=- dest=/ local=192.0.2.70:33001 peer=203.0.113.99:33001 tcp_port=33001\n"
        "Jul 16 09:02:41 drop01 ascp[19022]: ERR Server requires content protection\n"
        "Jul 16 09:02:41 drop01 ascp[19022]: LOG FASP Session Stop uuid=3e4d5c6b-7a89-4b0c-9d1e-2f3a4b5c6d7e "
        'op=recv status=failed errcode=37 errstr="Authorization failure"\n'
    )
    assert [c for c, _ in causes(text)] == ["content-protection", "passphrase", "ok"]


def test_guard_another_client_s_earlier_logged_session_stays_before_the_pasted_attempt():
    """Guard for the rule above: where the server's log has another stamped session between the person's paste and
    the logged twin of their attempt (a partner's pull at 13:02, the refused upload at 13:10), the twin stays in the
    log's order."""
    stop = "Session Stop  (Error: Server aborted session: Management authorization refused: user px denied by server)"
    text = (
        f"Their operator pasted:\n\n    {stop}\n\n"
        "Jul  9 13:02:11 hsts ascp[71022]: LOG FASP Session Start uuid=800d74fd-c75d-4263-8c71-987e4b081e68 "
        "op=send status=started source=/out/a.tar dest=/in local=10.8.12.30:33001 peer=192.0.2.210:45530\n"
        "Jul  9 13:02:40 hsts ascp[71022]: LOG FASP Session Stop uuid=800d74fd-c75d-4263-8c71-987e4b081e68 "
        "op=send status=success source=/out/a.tar dest=/in local=10.8.12.30:33001 peer=192.0.2.210:45530\n"
        "Jul  9 13:10:05 hsts ascp[71310]: ERR FASP receiver had error, errcode 73 errstr [Management "
        "authorization refused: user px denied by server]\n"
        "Jul  9 13:10:05 hsts ascp[71310]: LOG FASP Session Start uuid=1a0dee48-4074-4610-8b34-5cd58201c18b "
        'op=recv status=failed errcode=34 errstr="Unauthorized"\n'
    )
    assert [c for c, _ in causes(text)] == ["ok", "unauthorized"]


def test_the_first_try_pasted_after_the_second_is_the_first_run_and_its_port_was_closed():
    """Blind round 101: the second try (with -P33001) that worked, then "For completeness, the first try (13:55)
    was without the port option (copied from an old lab wiki page):" and the first try's output. Two runs, the
    first try first; "copied from" tells where the command came from, not that the output is a sample (the first
    try had been dropped as one), and the run that worked, with another port, does not lower its cause."""
    text = (
        "Second try (14:02), with -P33001 added:\n\n"
        f"[14:02:17] $ ascp -QT -l 300m -P33001 -i ~/.aspera/connect/etc/asperaweb_id_dsa.openssh {_ENA}\n"
        "Completed: 378151K bytes transferred in 13 seconds\n (227709K bits/sec), in 1 file.\n\n"
        "For completeness, the first try (13:55) was without the port option (copied from an old lab wiki page):\n\n"
        f"[13:55:40] $ ascp -QT -l 300m -i ~/.aspera/connect/etc/asperaweb_id_dsa.openssh {_ENA}\n"
        "ascp: Failed to open TCP connection for SSH, exiting.\n\n"
        "Session Stop  (Error: Failed to open TCP connection for SSH)\n"
    )
    assert causes(text) == [("ssh-port", "high"), ("ok", "high")]


def test_a_sample_said_to_be_the_provider_s_docs_example_is_no_run():
    """Blind round 101 (a Quarto notebook): a callout "## What success looks like (example from the ENA docs, not
    from this notebook)" with ascp's summary, then the notebook's own chunk that failed. One run, the failure (the
    sample had been read as a success: "the ENA docs" has the provider's name before "docs")."""
    text = (
        "## What success looks like (example from the ENA docs, not from this notebook)\n```\n"
        + _SAMPLE_OK.replace("    ", "")
        + "```\n\n```{bash}\nascp -T -l 300m -P 33001 -i ~/k.pem era-fasp@fasp.sra.ebi.ac.ak:vol1/x.fastq.gz data/\n"
        'echo "exit status: $?"\n```\n\n```\nascp: Cannot resolve target host., exiting.\nexit status: 1\n```\n'
    )
    assert [c for c, _ in causes(text)] == ["dns"]


def test_samples_called_so_in_other_languages_are_no_runs():
    """Blind rounds 100-101: a Setswana guide's heading whose brackets say "example only, from the README" ("(sekao
    fela, go tswa mo README ya ...)") and a Malagasy guide's "(ohatra fotsiny, ...):" before the same success
    sample: no run in either (both had read as a success at high confidence)."""
    tswana = (
        "3. Se o tshwanetseng go se bona fa go tsamaya sentle (sekao fela, go tswa mo README ya nig-sc/ascp)\n\n"
        + _SAMPLE_OK
        + '\n   Fa o bona mola o o simololang ka "Completed:", faele e fitlhile ka botlalo.\n'
    )
    assert causes(tswana) == []
    malagasy = "Raha mahomby dia toy izao no hitanao (ohatra fotsiny, tsy baiko nalefa androany):\n\n" + _SAMPLE_OK
    assert causes(malagasy) == []


def test_a_diagram_in_a_report_s_fence_does_not_make_the_report_a_diagram_file():
    """Blind round 101 (an issue): a design doc's PlantUML sequence diagram in a ```plantuml fence, then the real
    client log of the refused upload and the manual run that worked. Two runs (the whole input had been set aside
    as a diagram's source); a diagram pasted whole stays a document."""
    diagram = (
        '@startuml\nactor cron\ncron -> c : ascp --mode=send -P 33001 ...\nnote right\n  "Management '
        'authorization refused"\nend note\n@enduml\n'
    )
    log = (
        "2025-09-03 01:30:03.004 [5d1c-00007f2a] ERR FASP sender had error, errcode 73 errstr [Server aborted "
        "session: Management authorization refused: user seqcore_up denied by server]\n"
        "2025-09-03 01:30:03.005 [5d1c-00006b10] LOG FASP Session Start uuid=0e6b7f31-6a2c-4b9e-9d1a-58f3c2a7e410 "
        'op=send status=failed errcode=34 errstr="Unauthorized" source=/out dest=/in local=198.18.4.21:50211 '
        "peer=203.0.113.40:33001 tcp_port=33001\n"
    )
    text = f"How it should work:\n\n```plantuml\n{diagram}```\n\nThe real client log:\n\n```\n{log}```\n"
    assert [c for c, _ in causes(text)] == ["unauthorized"]
    assert causes(diagram) == []


def test_a_shell_s_not_found_in_its_locale_s_words_is_ascp_missing():
    """Blind round 101 (a Snakemake log under ru_RU.UTF-8): "/usr/bin/bash: строка 1: ascp: команда не найдена" is
    the shell's "command not found", not a person's Russian (both attempts had read as unknown)."""
    assert causes("/usr/bin/bash: строка 1: ascp: команда не найдена\n") == [("ascp-missing", "high")]
    assert causes("bash: ascp: komut bulunamadı\n") == [("ascp-missing", "high")]


def test_airflow_s_task_timeout_cancels_the_attempt_it_killed():
    """Blind round 101: Airflow's BashOperator ran ascp, "Process timed out" and "AirflowTaskTimeout: Timeout" killed
    the first attempt after two files, the second attempt completed. Two runs (the first had been merged into the
    second)."""
    command = (
        "INFO - Running command: ['/usr/bin/bash', '-c', '/opt/aspera/sdk/ascp -T -l 100m -P 33001 -k 1 "
        "--mode=recv --host=fasp.sra.ebi.ac.uk --user=era-fasp --file-list=/opt/l.txt /mnt/in/']\n"
    )
    bar = "INFO - ERR2197315_{n}.fastq.gz                              100%   10GB  97.2Mb/s    14:45\n"
    text = (
        command
        + bar.format(n=1)
        + "ERROR - Process timed out, PID: 18822\nERROR - Task failed with exception\n"
        + "airflow.exceptions.AirflowTaskTimeout: Timeout, PID: 18822\n"
        + "INFO - Marking task as UP_FOR_RETRY.\nINFO - Starting attempt 2 of 2\n"
        + command
        + bar.format(n=2)
        + "INFO - Completed: 28139520K bytes transferred in 385 seconds\nINFO -  (96512K bits/sec), in 4 files.\n"
        + "INFO - Command exited with return code 0\n"
    )
    assert [c for c, _ in causes(text)] == ["cancelled", "ok"]


def test_ascli_s_word_complete_under_its_transfer_command_is_a_run_that_completed():
    """Blind round 101 (a Jenkins build with --progress-bar=no): "+ ascli server upload ..." then ascli's "complete"
    is a transfer that completed (the second build had read as no run); after a bar the word ends that bar's run and
    adds none."""
    upload = "+ ascli server upload out/r.tar --url=ssh://xfer.example:33001 --username=ci --to-folder=/inbox\n"
    assert causes(upload + "complete\n") == [("ok", "high")]
    bar = " Time: 00:00:41 ====================================== 100% 318 Mbps Time: 00:00:41\n"
    assert causes(upload + bar + "complete\n") == [("ok", "high")]
