"""explain: what blind round 136 found (each test but the guards failed on the code before its fix)."""

from __future__ import annotations

from tests.unit.test_explain_round58 import cause_ids


def test_a_pester_test_s_mocked_output_in_powershell_variables_is_no_run():
    """'$err = "ascp.exe: failed to authenticate, exiting."' in a Pester test file: code's data; the live runs in the
    test output after it are the runs (the mocked strings had read as four more)."""
    text = (
        "=== tests/Invoke-AsperaPull.Tests.ps1 ===\n"
        "Describe 'Get-AsperaFailure (unit, mocked output)' {\n"
        "    It 'classifies a UDP block' {\n"
        '        $out = "Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))"\n'
        "        Get-AsperaFailure -Stdout $out | Should -Be 'udp-blocked'\n"
        "    }\n"
        "    It 'classifies auth failure' {\n"
        '        $err = "ascp.exe: failed to authenticate, exiting."\n'
        "        Get-AsperaFailure -Stderr $err | Should -Be 'auth'\n"
        "    }\n"
        "}\n\n"
        "=== Output ===\n"
        "ascp.exe -P 33001 --mode=recv --user=canary --host=staging-hsts.partnerlab.example /canary/1MB.bin C:\\tmp\n"
        "ascp.exe: Cannot resolve target host., exiting.\n"
        "  [-] pulls the 1 MB canary file 389ms (385ms|4ms)\n"
    )
    assert cause_ids(text) == ["dns"]


def test_a_hungarian_newsletter_s_what_ascp_may_print_is_no_run():
    """ "Ilyenkor az ascp ezt írhatja ki:" (then ascp may print this), then ascp's words: the newsletter's sample."""
    text = (
        "2. Változás az adatátviteli szerveren\n"
        "Az SSH-szolgáltatás OpenSSH 9.9-re frissül.\n"
        "  MaxStartups beállítás: ha egyszerre túl sok hitelesítetlen kapcsolatot nyit, a szerver bontja.\n"
        "  Ilyenkor az ascp ezt írhatja ki:\n"
        "  ascp: failed to authenticate, exiting.\n"
        "Session Stop  (Error: failed to authenticate)\n"
        "  Ez félrevezető: a jelszó jó, csak túl sok a kapcsolat.\n"
    )
    assert cause_ids(text) == []


def test_a_summary_that_says_a_file_failed_keeps_the_run_open_for_its_session_stop():
    """ "Completed: ..." then " (389519K bits/sec), in 1 file; 1 file failed." and the Session Stop's error: one
    failed run (it had read as a success and a second, failed run)."""
    text = (
        "$ ascp -P 33001 -k 1 --partial-file-suffix=.partial --mode=send --user=x --host=nas01 a.fastq.gz /runs/\n"
        "a.fastq.gz                                100%   38GB  391Mb/s    13:58\n"
        "Completed: 39845888K bytes transferred in 838 seconds\n"
        " (389519K bits/sec), in 1 file; 1 file failed.\n"
        "Session Stop  (Error: Can't rename a partial file.)\n"
    )
    assert cause_ids(text) == ["partial-rename"]


def test_a_reviewer_s_list_of_ascp_s_words_beside_the_input_s_runs_is_no_run():
    """'"failed to authenticate" and "Deprecated peer license" are now fatal, no' (which errors a wrapper no longer
    retries) beside the review's own runs: a list, no run (it had read as an auth failure, low)."""
    text = (
        "  $ python fetch_ena.py --accession-list accs.txt --dest /scratch/tw/ena\n"
        "  2024-11-19 10:02:11 INFO attempt 1/5: ascp -T -l 300m -P 33001 -k 1 -i /home/tw/key.pem "
        "era-fasp@fasp.sra.ebi.ac.uk:vol1/fastq/ERR164/ERR16440/ERR16440.fastq.gz /scratch/tw/ena/\n"
        "  Completed: 0K bytes transferred in 0 seconds\n"
        "  Session Stop  (Error: Server aborted session: No such file or directory)\n"
        "  2024-11-19 10:02:13 ERROR ascp failed\n\n"
        'Done. PS3 classifies the Session Stop text; "No such file or directory",\n'
        '"failed to authenticate" and "Deprecated peer license" are now fatal, no\n'
        "retry.\n"
    )
    assert cause_ids(text) == ["no-such-file"]


def test_nushell_s_command_not_found_is_ascp_missing():
    """Nushell's diagnostic, "╰── Command `ascp` not found" under the source line it points at, then a second
    attempt's usage text: ascp was not on Nushell's PATH at first (that attempt had not been read)."""
    text = (
        "Two attempts, pasted straight from the terminal:\n\n"
        "```\n"
        "~/proj/liver> ena fetch ERR164407 --dest reads/\n"
        "Error: nu::shell::external_command\n\n"
        "  × External command failed\n"
        "   ╭─[/home/amira/.config/nushell/scripts/ena.nu:12:10]\n"
        " 12 │         ^ascp -T -l $rate -P 33001 -k 1 -i $key $src $dest\n"
        "   ·          ──┬─\n"
        "   ·            ╰── Command `ascp` not found\n"
        "   ╰────\n"
        "  help: `ascp` is neither a Nushell built-in or a known external command\n"
        "```\n\n"
        "Second attempt, the key lost from the call line:\n\n"
        "```\n"
        "~/proj/liver> ena fetch ERR164407 --dest reads/\n"
        "Usage: ascp [OPTION] SRC... DEST\n"
        "          SRC to DEST, or multiple SRC to DEST dir\n"
        "Display full usage: -h,--help\n"
        "```\n"
    )
    assert cause_ids(text) == ["ascp-missing", "usage"]


def test_a_state_copied_from_a_monitor_s_service_page_is_the_probe_s_run():
    """ "Current state (copied from the service detail page, 2025-06-02 07:41)" then the check's output: a live
    state, not a page's sample (it had read as no run)."""
    text = (
        "## Current state (copied from the service detail page, 2025-06-02 07:41)\n\n"
        "```\n"
        "Service:         Aspera_probe\n"
        "State:           CRIT (since 2025-06-02 06:16:09, 1 h 25 min)\n"
        "Summary:         rc=1 CRIT - Session Stop  (Error: failed to open ssh session.)\n"
        "```\n"
    )
    assert cause_ids(text) == ["server-session"]


def test_a_trello_card_s_comments_are_read_oldest_first():
    """A Trello card exported as JSON, its comments newest first, each run inside an escaped string: read as the
    comments' lines, in the order they were written (they had read in the export's order)."""
    first = (
        "First file misbehaves:\\n\\n```\\n"
        "$ ascp -T -l 800m -P 33001 -k 1 era-fasp@fasp.sra.ebi.ac.uk:vol1/fastq/ERR481/"
        "ERR4810233/ERR4810233_1.fastq.gz ~/cohortB/\\n"
        "ERR4810233_1.fastq.gz      6% 1984MB  0.0Kb/s    --:-- ETA\\n"
        "Session Stop  (Error: Session data transfer timeout)\\n```"
    )
    second = (
        "Second try:\\n\\n```\\n$ ascp -T -l 300m -P 33001 -k 1 era-fasp@fasp.sra.ebi.ac.uk:vol1/fastq/ERR481/"
        "ERR4810233/ERR4810233_1.fastq.gz /scratch/oskar/\\n"
        "ERR4810233_1.fastq.gz     61%   19GB  792Mb/s    03:40 ETA\\n"
        "Session Stop  (Error: Disk write failed)\\n```"
    )
    text = (
        '{"id": "66f2", "name": "Download cohort B", "desc": "All 96 runs.", "actions": [\n'
        f' {{"type": "commentCard", "date": "2025-10-09T16:48:02.117Z", "memberCreator": {{"fullName": "Oskar"}}, '
        f'"data": {{"text": "{second}"}}}},\n'
        f' {{"type": "commentCard", "date": "2025-10-09T13:33:41.009Z", "memberCreator": {{"fullName": "Oskar"}}, '
        f'"data": {{"text": "{first}"}}}}\n'
        "]}\n"
    )
    assert cause_ids(text) == ["stall", "disk"]


def test_a_firewall_s_drops_of_an_address_a_note_names_as_a_partner_s_ascp_are_its_attempts():
    """The operator's note, "185.199.110.44 = partner "northwind", whose ascp cron job runs at :00 and :15", over the
    kernel's single REJECT of each SYN to port 22: the partner's attempts (they had read as no run)."""
    line = (
        "Nov 21 {t} dropzone01 kernel: filter_IN_public_REJECT: IN=ens192 OUT= MAC=00:50:56:9a:4e:21:00:1c:73:00:00:"
        "99:08:00 SRC=185.199.110.44 DST=10.90.2.15 LEN=60 TOS=0x00 PREC=0x00 TTL=49 ID={i} DF PROTO=TCP SPT={p} "
        "DPT=22 WINDOW=64240 RES=0x00 SYN URGP=0\n"
    )
    text = (
        '# dropzone01: sshd listens only on TCP 33001. 185.199.110.44 = partner "northwind", whose ascp cron job runs '
        "at :00 and :15.\n" + line.format(t="04:00:01", i=31544, p=43812) + line.format(t="04:15:01", i=50112, p=44090)
    )
    assert cause_ids(text) == ["ssh-port", "ssh-port"]


def test_a_firewall_s_single_drops_of_an_address_no_one_names_stay_no_attempt():
    """Guard: the same drops without the note are a scanner's as far as the log can tell: no run."""
    line = (
        "Nov 21 {t} dropzone01 kernel: filter_IN_public_REJECT: IN=ens192 OUT= MAC=00:50:56:9a:4e:21:00:1c:73:00:00:"
        "99:08:00 SRC=185.199.110.44 DST=10.90.2.15 LEN=60 TOS=0x00 PREC=0x00 TTL=49 ID={i} DF PROTO=TCP SPT={p} "
        "DPT=22 WINDOW=64240 RES=0x00 SYN URGP=0\n"
    )
    text = line.format(t="04:00:01", i=31544, p=43812) + line.format(t="04:15:01", i=50112, p=44090)
    assert cause_ids(text) == []


def test_a_splunk_table_of_raw_syslog_records_is_read_as_the_server_s_log():
    """Splunk's "table _time host _raw" (no rule under its header), each row a syslog record of ascp's: the
    server's sessions (they had read as a console's two lines of one failure)."""
    raw = "May  3 {t} hsts-media01 ascp[{pid}]: LOG FASP {rest}"
    rows = [
        (
            "16:00:04",
            55310,
            "Session Start uuid=aa10f3b2-7c4e-4d29-8e61-5b0c9a2d3e14 op=recv status=started "
            "source=- dest=/dropbox/agency-north local=10.9.0.7:33001 peer=94.130.12.201:40110 tcp_port=22",
        ),
        (
            "16:02:17",
            55388,
            "Session Start uuid=bb2e4d61-9a0f-4c73-b8d2-1e6f7a8c9d05 op=recv status=started "
            "source=- dest=/dropbox/agency-north local=10.9.0.7:33001 peer=94.130.12.205:40188 tcp_port=22",
        ),
        (
            "16:21:40",
            55310,
            "Session Stop uuid=aa10f3b2-7c4e-4d29-8e61-5b0c9a2d3e14 op=recv status=success "
            "dest=/dropbox/agency-north files=1 size=6442450944",
        ),
        (
            "16:24:03",
            55388,
            "Session Stop uuid=bb2e4d61-9a0f-4c73-b8d2-1e6f7a8c9d05 op=recv status=failed errcode=64 "
            'errstr="Can\'t rename a partial file."',
        ),
    ]
    text = "_time                    host          _raw\n" + "".join(
        f"2024-05-03 {t}.000  hsts-media01  " + raw.format(t=t, pid=pid, rest=rest) + "\n" for t, pid, rest in rows
    )
    assert cause_ids(text) == ["ok", "partial-rename"]


def test_a_scheduler_s_step_record_with_ascp_s_exit_status_is_a_run_of_its_own():
    """ "job=ASPERA_PUSH_EU step=ascp rc=1 (no further output captured)" on Monday, then Tuesday's Session Stop:
    two runs (Monday's had not been read at all)."""
    text = (
        "Two failures this week. Monday our scheduler only recorded this:\n\n"
        "  2025-04-07 01:00:03 job=ASPERA_PUSH_EU step=ascp rc=1  (no further output captured)\n\n"
        "Tuesday we had logging switched on and got:\n\n"
        "  Session Stop  (Error: Session initiation failed, read timed out)\n\n"
        "Can you check your side?\n"
    )
    assert cause_ids(text) == ["unknown", "session-start"]


def test_a_journal_of_sshd_and_a_push_unit_shown_without_tags_keeps_the_unit_s_run():
    """`journalctl -o cat -u sshd -u aspera-outbound-push.service`: the unit's script's run is read (only sshd's
    journal shown so is a server's lines no client printed; the run had been dropped with them)."""
    text = (
        '$ journalctl -o cat -u sshd -u aspera-outbound-push.service --since "2024-12-02 05:00"\n'
        'Connection from 193.0.14.129 port 41022 on 10.5.0.3 port 22 rdomain ""\n'
        "Connection closed by 193.0.14.129 port 41022 [preauth]\n"
        "Starting aspera-outbound-push.service - Push nightly exports to partner DR site...\n"
        "+ ascp -P 33001 -l 200m --file-crypt=encrypt -i /etc/aspera/push/key /exports/nightly/ "
        "drpush@dr-hsts.partner.example:/incoming/\n"
        "ascp: File encryption needs a passphrase in environment variable ASPERA_SCP_FILEPASS, exiting.\n"
        "aspera-outbound-push.service: Main process exited, code=exited, status=1/FAILURE\n"
    )
    assert cause_ids(text) == ["passphrase"]


LSF_MAIL = (
    "Hallo Tobias,\n\n"
    "hier die Ausgabe vom LSF-Job von gestern Abend. Der erste Lauf ist durch, beim zweiten habe ich den Job selbst "
    "abgeschossen (bkill), weil ich die falsche Projektnummer im Zielpfad hatte. Also kein Netzwerkproblem, nur zur "
    'Info, falls dich das "Exited with exit code 130" irritiert.\n\n'
    "Sender: LSF System <lsfadmin@hpc-c11n04>\n"
    "Subject: Job 88123417: <ega_pull_P0419> in cluster <hpc_prod> Exited\n\n"
    "Your job looked like:\n\n"
    "------------------------------------------------------------\n"
    "# LSBATCH: User input\n"
    "#!/bin/bash\n"
    "for f in P0419_WGS_01.cram P0419_WGS_02.cram; do\n"
    "  ascp -QT -l 500m -P 33001 -k 2 -i $HOME/.ssh/xfer_rsa box@fasp.partner.example.de:/outbox/$f /work/ega/\n"
    "done\n"
    "------------------------------------------------------------\n\n"
    "{kill}\n"
    "Exited with exit code {code}.\n\n"
    "The output (if any) follows:\n\n"
    "P0419_WGS_01.cram                                100%   41GB  468Mb/s    12:31\n"
    "Completed: 43089921K bytes transferred in 752 seconds\n"
    " (469387K bits/sec), in 1 file.\n"
    "P0419_WGS_02.cram                                 61%   27GB  471Mb/s    06:42 ETA\n"
)


def test_lsf_s_kill_by_the_job_s_owner_cancels_the_run_its_output_shows_going():
    """LSF's job mail: "TERM_OWNER: job killed by owner." and "Exited with exit code 130.", then the output: the
    first run completed, the second was going when the owner killed the job (they had read as two unknown runs)."""
    assert cause_ids(LSF_MAIL.format(kill="TERM_OWNER: job killed by owner.", code=130)) == ["ok", "cancelled"]


def test_lsf_s_run_limit_kill_still_cancels_the_run_going():
    """The same mail killed at its run limit (TERM_RUNLIMIT, exit 140): the first run completed, the run going is
    cancelled (LSF's "Exited with exit code 140." had taken the first run)."""
    mail = LSF_MAIL.format(kill="TERM_RUNLIMIT: job killed after reaching LSF run time limit.", code=140)
    assert cause_ids(mail) == ["ok", "cancelled"]


def test_a_chat_s_quoted_failure_status_is_still_a_run():
    """Guard: '"ascp exited with status 1"' quoted in a chat that shows no run at all stays a run's word."""
    text = (
        '[08:12] dana.w: the nightly aspera sync failed again :( airflow task `push_to_partner` -> "ascp exited with '
        'status 1" and nothing else in the task log, we run it with -q and no -L\n'
    )
    assert cause_ids(text) == ["unknown"]


def test_an_sshd_line_in_a_one_line_pre_block_of_a_chat_export_is_read_as_sshd_s():
    """Element's HTML export: "<pre>Apr  9 14:11:52 aspera sshd[40218]: Unable to negotiate ... Their offer:
    ...sha1...</pre>" beside a client's "failed to authenticate": the handshake failed (it had read as auth, low)."""
    text = (
        "<!DOCTYPE html><html><body>\n"
        "<pre>rteixeira@ws-legacy:~$ ascp -P 33001 -l 200m -i ~/.ssh/lab_xfer_rsa lote.tar.zst "
        "labxfer@aspera.example.br:/entrada/\n"
        "ascp: failed to authenticate, exiting.\n"
        "Session Stop  (Error: failed to authenticate)</pre>\n"
        "<p>No servidor aparece isso na hora da tentativa:</p>\n"
        "<pre>Apr  9 14:11:52 aspera sshd[40218]: Unable to negotiate with 10.8.14.22 port 49810: no matching key "
        "exchange method found. Their offer: diffie-hellman-group14-sha1,diffie-hellman-group1-sha1 [preauth]</pre>\n"
        "</body></html>\n"
    )
    assert cause_ids(text) == ["ssh-handshake"]


def test_timeout_s_verbose_word_that_it_sent_term_to_ascp_is_a_cancel():
    """coreutils' "timeout: sending signal TERM to command 'ascp'" in a unit's journal, the run moving steadily
    before it: cancelled by the wrapper's time limit (it had read as unknown)."""
    text = (
        "Mar 25 04:59:51 dr-sync01 offsite-aspera.sh[771219]: vbk_full.vbk                        62%  1.9TB  "
        "150Mb/s    1:47:12 ETA\n"
        "Mar 25 05:00:01 dr-sync01 offsite-aspera.sh[771204]: timeout: sending signal TERM to command 'ascp'\n"
        "Mar 25 05:00:04 dr-sync01 offsite-aspera.sh[771204]: [offsite] ascp rc=124\n"
        "Mar 25 05:00:04 dr-sync01 offsite-aspera.sh[771204]: [offsite] ERROR: transfer failed -- check UDP 33001\n"
    )
    assert cause_ids(text) == ["cancelled"]


def test_a_reply_s_quote_of_a_run_shown_plainly_further_down_the_thread_is_no_run():
    """A thread newest first: the run that worked, a reply quoting ("> ") the first mail's failed run with its
    command, and the first mail's run itself: two runs (the quote had read as a third)."""
    run = (
        "{q}C:\\Aspera> ascp -P 33001 -l 300m studio@ats.example.it:/consegne/ep03/ D:\\Ingest\\\n"
        "{q}Completed: 0K bytes transferred in 1 seconds\n"
        "{q} (0K bits/sec), in 0 files.\n"
        "{q}Session Stop  (Error: Server aborted session: Read access denied for user)\n"
    )
    text = (
        "From: Giulia <g@studio.example.it>\nSubject: R: R: [Ticket #48213] Download\n"
        "Date: Fri, 13 Mar 2026 10:05:44 +0100\n\n"
        "confermo: ho rilanciato stamattina ed è andato tutto a buon fine:\n\n"
        "  C:\\Aspera> ascp -P 33001 -l 300m studio@ats.example.it:/consegne/ep03/ D:\\Ingest\\\n"
        "  ep03_master.mxf                     100%   48GB  297Mb/s    23:07\n"
        "  Completed: 50331648K bytes transferred in 1481 seconds\n"
        "   (296982K bits/sec), in 1 file.\n\n"
        "-----Messaggio originale-----\nDa: Stefano\nInviato: giovedì 12 marzo 2026 19:12\n\n"
        "Abbiamo corretto i permessi. Per riferimento, il suo errore di ieri:\n\n"
        + run.format(q="> ")
        + "\n-----Messaggio originale-----\nDa: Giulia\nInviato: mercoledì 11 marzo 2026 16:47\n\n"
        "non riesco a scaricare la consegna di oggi:\n\n" + run.format(q="")
    )
    assert sorted(cause_ids(text)) == ["ok", "permission"]


def test_xargs_jobs_named_by_their_start_lines_are_listed_as_they_started():
    """one.sh's "[ts] SRR25510871 start" for four jobs, then their output as it came, each ended by "[ts] <acc>
    rc=N": listed in the order they started (the two failures had been listed first)."""
    cmd = "+ ascp -QT -l 400m -k1 anonftp@ftp.ncbi.nlm.nih.gov:/sra/SRR2551087{n}.sra /data/sra/\n"
    text = (
        "[2026-02-17 22:03:11.204] SRR25510871 start\n"
        "[2026-02-17 22:03:11.207] SRR25510872 start\n"
        + cmd.format(n=1)
        + cmd.format(n=2)
        + "\nSession Stop  (Error: failed to open ssh session.)\n"
        "[2026-02-17 22:03:13.880] SRR25510872 rc=1\n"
        "SRR25510871.sra                                  100% 1150MB  395Mb/s    00:24\n"
        "Completed: 1177600K bytes transferred in 25 seconds\n"
        " (383214K bits/sec), in 1 file.\n"
        "[2026-02-17 22:03:36.551] SRR25510871 rc=0\n"
    )
    assert cause_ids(text) == ["ok", "server-session"]


def test_a_java_app_s_retry_under_another_session_id_is_another_run():
    """ "session a2b7c4f0-... ERROR code=34 description=..." then, after its retry, "session 0c91e6d2-... ERROR
    code=34 ..." with the same words: two runs (they had read as one)."""
    line = (
        "2026-05-19 06:00:{s},402 ERROR [FaspManager-Listener] c.e.dam.delivery.AsperaSender - session {u} ERROR "
        'code=34 description="Server aborted session: Management authorization refused: token denied by server"\n'
    )
    text = (
        line.format(s="03", u="a2b7c4f0-1d3e-4c8b-9e55-6f10d2a7b3c9")
        + "2026-05-19 06:00:03,405 WARN  [main] c.e.dam.delivery.DeliveryJob - attempt 1/2 failed, retrying in 30s\n"
        + line.format(s="35", u="0c91e6d2-77a4-4f3b-8d20-b1e5a6c49f87")
    )
    assert cause_ids(text) == ["unauthorized", "unauthorized"]
