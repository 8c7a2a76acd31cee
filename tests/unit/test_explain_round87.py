"""explain: what blind rounds 86-88 found (each test failed on the code before its fix)."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_explain_round58 import causes

_DATA = Path(__file__).parent.parent / "data" / "explain" / "round88"

_CMD = "ascp -QT -l 100m -P33001 -k 1 -i /home/u/keys/aspera_bypass_rsa.pem era-fasp@fasp.sra.ebi.ac.uk:{} raw/"


def _started(jobid: int, when: str, rule: str = "download_fastq") -> str:
    return (
        f"[Tue May  7 {when} 2024]\nrule {rule}:\n    output: raw/R{jobid}.fastq.gz\n"
        f"    log: logs/ascp/R{jobid}.log\n    jobid: {jobid}\n    wildcards: run=R{jobid}\n\n"
    )


def _failed(jobid: int, when: str) -> str:
    return (
        f"[Tue May  7 {when} 2024]\nError in rule download_fastq:\n    jobid: {jobid}\n"
        f"    output: raw/R{jobid}.fastq.gz\n    log: logs/ascp/R{jobid}.log (check log file(s) for error details)\n"
        f"    shell:\n        {_CMD.format(f'vol1/R{jobid}.fastq.gz')} > logs/ascp/R{jobid}.log 2>&1\n"
        "        (one of the commands exited with non-zero exit code; note that snakemake uses bash strict mode!)\n\n"
    )


def _finished(jobid: int, when: str, step: int) -> str:
    return f"[Tue May  7 {when} 2024]\nFinished job {jobid}.\n{step} of 6 steps done\n"


_AUTH = "ascp: failed to authenticate, exiting.\n\nSession Stop  (Error: failed to authenticate)\n"


def test_snakemake_jobs_whose_output_is_not_shown_are_runs_listed_as_they_started():
    """Blind round 86: five jobs of one rule started in the same second with ``-j 6``; jobs 2 and 4 failed ("failed
    to authenticate", their logs shown), job 3's log tail shown, jobs 1 and 5 only "Finished job N.". Five runs (three
    had been read), in jobid order; the two failures between jobs that got through with the same key and server are
    the server's sshd turning the burst away, not a wrong key (as ``_beside_successes`` reads runs shown in order)."""
    text = "Output of `snakemake -j 6`:\n\n" + "".join(_started(n, "09:14:02") for n in range(1, 6))
    text += _failed(2, "09:14:05") + _failed(4, "09:14:05")
    text += _finished(1, "09:16:41", 1) + _finished(3, "09:17:10", 2) + _finished(5, "09:17:55", 3)
    text += "Exiting because a job execution failed. Look above for error message\n\n"
    text += "$ cat logs/ascp/R2.log logs/ascp/R4.log\n" + _AUTH + _AUTH + "\n"
    text += "$ tail -n 2 logs/ascp/R3.log\nCompleted: 1843310K bytes transferred in 186 seconds\n"
    text += " (81183K bits/sec), in 1 file.\n"
    assert [c for c, _ in causes(text)] == ["ok", "ssh-refused", "ok", "ssh-refused", "ok"]


def test_a_restarted_snakemake_job_is_another_run():
    """Blind round 68: ``--retries 1`` restarts a failed job under the same jobid ("Trying to restart job 2."): its
    second block is another run, and the first attempt's failure stays a run of its own."""
    text = "".join(_started(n, "09:14:02") for n in range(1, 4))
    text += _failed(2, "09:14:04") + "Trying to restart job 2.\n" + _started(2, "09:14:05")
    text += _finished(1, "09:16:41", 1) + _finished(3, "09:17:10", 2) + _finished(2, "09:18:10", 3)
    text += "\n$ cat logs/ascp/R2.log\n" + _AUTH
    text += "Completed: 2830336K bytes transferred in 243 seconds\n (87760K bits/sec), in 1 file.\n"
    assert [c for c, _ in causes(text)] == ["ok", "ssh-refused", "ok", "ok"]


def test_snakemake_jobs_of_a_rule_that_runs_no_ascp_are_no_runs():
    """Only jobs of a rule whose command ran ascp count: a ``localrule all`` or an indexing rule that finished is no
    transfer."""
    text = _started(1, "09:14:02") + _started(2, "09:14:02", rule="index_bam") + _failed(1, "09:14:04")
    text += _finished(2, "09:15:00", 1) + "\n$ cat logs/ascp/R1.log\n" + _AUTH
    assert [c for c, _ in causes(text)] == ["auth"]


def test_a_wrappers_run_then_the_same_command_typed_by_hand_are_two_runs():
    """Blind round 87: kingfisher's "Running command: ascp ..." and its "returned non-zero exit status 1", then the
    person typing the same command after a prompt to see why: two runs (the wrapper's words had been carried into the
    typed command's run, as Nextflow's exit words before the command it quotes are)."""
    key = "/home/u/.aspera/connect/etc/asperaweb_id_dsa.openssh"
    command = f"ascp -T -l 300m -P33001 -k 2 -i {key} era-fasp@fasp.sra.ebi.ac.uk:/vol1/fastq/E/E_1.fastq.gz ."
    text = f"06/23/2022 10:02:12 AM INFO: Running command: {command}\n"
    text += "06/23/2022 10:02:12 AM WARNING: Error downloading from ENA with ASCP: Command ... returned non-zero exit"
    text += " status 1.\n\nRunning the same command by hand:\n\n$ " + command + "\n"
    text += f"ascp: Private key file not found at path {key}, exiting.\n\n"
    text += f"Session Stop  (Error: Private key file not found at path {key})\n"
    assert [c for c, _ in causes(text)] == ["unknown", "key-file"]


def test_a_ci_steps_exit_code_after_another_steps_not_found_is_another_run():
    """Blind round 87: GitHub Actions' "line 1: ascp: command not found" / "exit code 127" in one workflow run, then
    the next workflow run's ascp step ending "Error: Process completed with exit code 1." (ascp ran with -q): two
    runs; the second's exit words are not the first failure's echo (another exit status)."""
    step = 'Run ascp -QT -P33001 -i "$K" era-fasp@fasp.sra.ebi.ac.uk:vol1/x.fastq.gz data/\n'
    step += '  ascp -QT -P33001 -i "$K" era-fasp@fasp.sra.ebi.ac.uk:vol1/x.fastq.gz data/\n'
    step += "  shell: /usr/bin/bash -e {0}\n"
    text = "## run #57\n\n" + step + "/home/runner/work/_temp/3f0c.sh: line 1: ascp: command not found\n"
    text += "Error: Process completed with exit code 127.\n\n## run #58 -- ascp installed now\n\n" + step
    text += "Error: Process completed with exit code 1.\n"
    assert [c for c, _ in causes(text)] == ["ascp-missing", "unknown"]


def test_sshd_drops_of_other_addresses_beside_a_clients_runs_are_not_its_runs():
    """Blind round 87 (and 67, 72): six parallel downloads, two "failed to open ssh session.", and the operator's
    journal of that minute with sshd dropping the client's two connections past MaxStartups and one of a partner
    site's: the client's runs take its own address's drops, and the partner's drop is no run of this input."""
    text = "Our address is 203.0.113.45. Output:\n\n"
    text += 2 * "ascp: failed to open ssh session., exiting.\n\nSession Stop  (Error: failed to open ssh session.)\n\n"
    text += "Completed: 4404019K bytes transferred in 182 seconds\n (193583K bits/sec), in 1 file.\n\n"
    text += "Journal on the server for that minute:\n\n"
    text += "Mar 11 10:40:01 hsts01 sshd[1187]: error: beginning MaxStartups throttling\n"
    for who, port in (("198.18.7.130", 60114), ("203.0.113.45", 49822), ("203.0.113.45", 49838)):
        text += (
            f"Mar 11 10:40:01 hsts01 sshd[1187]: drop connection #10 from [{who}]:{port} on [192.0.2.20]:33001"
            " past MaxStartups\n"
        )
    read = causes(text)
    assert [c for c, _ in read] == ["ssh-refused", "ssh-refused", "ok"], read


def test_penalty_drops_of_one_address_beside_a_servers_session_tell_the_pasted_runs():
    """Blind round 87 (and round 85's open confident answer): a cron push's "failed to authenticate" twice, pasted
    with sshd's journal where every drop is of the push host's address (its own health check earned the penalty),
    and the server's session that worked once the check was stopped: the pasted failures are the penalty's refusals,
    not a wrong key, though the log holds a session record."""
    fail = "+ ascp -P 33001 -i /etc/k /srv/x arc@hsts:/vault\nascp: failed to authenticate, exiting.\n\n"
    fail += "Session Stop  (Error: failed to authenticate)\n+ rc=1\n\n"
    text = "The 02:30 push fails since the move to OpenSSH 10.\n\n---- cron mail, Tue ----\n" + fail
    for second in ("41", "46", "51", "56"):
        text += (
            f"Sep 17 02:29:{second} hsts sshd-session[811{second}]: Connection closed by 198.18.20.7 port 392{second}\n"
        )
    for second, port in (("01", 39272), ("02", 39280), ("06", 39294)):
        text += (
            f"Sep 17 02:30:{second} hsts sshd[702]: drop connection #0 from [198.18.20.7]:{port} on"
            " [203.0.113.25]:33001 penalty: connections without attempting authentication\n"
        )
    text += "\n---- cron mail, Wed ----\n" + fail
    text += "Sep 18 10:05:33 hsts sshd-session[90021]: Accepted publickey for arc from 198.18.20.7 port 52011 ssh2\n"
    text += (
        "Sep 18 10:05:34 hsts ascp[90030]: LOG FASP Session Start uuid=0b9e4f27-8d31-4c6a-b512-7e3f9a0c6d18 op=recv"
        " status=started source=- dest=/vault local=203.0.113.25:33001 peer=198.18.20.7:52011 tcp_port=33001\n"
        "Sep 18 10:06:41 hsts ascp[90030]: LOG FASP Session Stop uuid=0b9e4f27-8d31-4c6a-b512-7e3f9a0c6d18 op=recv"
        " status=success source=b.tar (1) dest=/vault\n"
    )
    assert [c for c, _ in causes(text)] == ["ssh-refused", "ssh-refused", "ok"]


def test_an_ascp_log_sessions_success_and_the_console_summary_after_it_are_one_run():
    """Blind round 87: a client's -L- lines with their process ids ("2024-10-02 14:24:02 [6b44-7f91d04e2701] LOG FASP
    Session Stop ... status=success"), then the console's progress line and summary: one run (read as two)."""
    uuid = "c70a2e94-1b58-4f3d-9e06-a5d3b8f1c427"
    text = (
        f"2024-10-02 14:20:33 [6b44-7f91d04e2701] LOG FASP Session Start uuid={uuid} op=send status=started"
        " source=/srv/e.mxf dest=/ingest source_prefix=- local=198.18.90.3:41560 peer=203.0.113.33:33001"
        " tcp_port=33001\n"
        f"2024-10-02 14:24:02 [6b44-7f91d04e2701] LOG FASP Session Stop uuid={uuid} op=send status=success"
        " source=/srv/e.mxf (1) dest=/ingest\n"
        "e.mxf                                                       100% 9812MB  394Mb/s    03:29\n"
        "Completed: 10047488K bytes transferred in 209 seconds\n (393823K bits/sec), in 1 file.\n"
    )
    assert [c for c, _ in causes(text)] == ["ok"]


def test_a_two_dash_titled_rule_parts_two_customers_runs():
    """Blind round 87: "-- customer A (cron) --" and "-- customer B (ascli) --" above each one's output: customer
    B's ascli lines ("ascp failed (pid 2231 exit 1)", "Remote host is not who we expected") are its own run, not
    customer A's echoed."""
    text = "-- customer A (ascp 4.4.2, cron) --\n+ ascp -P 33001 --check-sshfp=SHA256:b3Jp -i k f u@h:/in\n"
    text += "ascp: Remote host is not who we expected, exiting.\n\nSession Stop  (Error: Remote host is not who we"
    text += ' expected)\n\n-- customer B (ascli, transfer spec has "sshfp") --\n'
    text += "E, [2024-11-04T08:15:40.772913 #2210] ERROR -- : ascp failed (pid 2231 exit 1)\n"
    text += "W, [2024-11-04T08:15:40.773101 #2210]  WARN -- : An error occurred during transfer: Remote host is not"
    text += " who we expected\n"
    assert [c for c, _ in causes(text)] == ["host-key", "host-key"]


def test_the_shells_exit_status_after_a_run_is_that_runs_end():
    """Blind rounds 87 and 79: a run whose only words are the shell's "echo $?" answer is over at the next command
    (it had been carried into the next run, whose summary then read as its failure), and it is not the previous
    failure's echo either."""
    command = "[root@lab ~]# /opt/aspera/bin/ascp --mode=send --user=t --host=localhost -P 33001 faux:///p?1m /Up\n"
    text = command + "[root@lab ~]# echo $?\n1\n" + command
    text += "p                                      100%  100MB 95.1Mb/s    00:09\n"
    text += "Completed: 102400K bytes transferred in 9 seconds\n (93206K bits/sec), in 1 file.\n"
    text += "[root@lab ~]# echo $?\n0\n"
    assert [c for c, _ in causes(text)] == ["unknown", "ok"]
    udp = "C:\\Users\\t>ascp.exe -T -P 33001 -i k era-fasp@fasp.sra.ebi.ac.uk:vol1/x.fastq.gz C:\\data\\\n"
    udp += "Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))\n\n"
    udp += "Doesn't work for me either:\n\n+ ascp -T -P 33001 -i k era-fasp@fasp.sra.ebi.ac.uk:vol1/y.fastq.gz ./r/\n"
    udp += "$ echo $?\n1\n"
    assert [c for c, _ in causes(udp)] == ["udp", "unknown"]


def test_a_scripts_own_messages_printed_with_elog_or_echo_are_no_runs():
    """Blind round 88: a Gentoo ebuild's pkg_postinst telling users what ascp will print ('elog "  ascp: Private key
    file not found at path ..., exiting."'): the package's text, as an echo of the same words in a script is."""
    text = "EAPI=8\n\npkg_postinst() {\n"
    text += '\telog "Scripts that pass -i .../asperaweb_id_dsa.openssh will stop with:"\n'
    text += '\telog "  ascp: Private key file not found at path ..., exiting."\n'
    text += '\tewarn "  ascp: Failed to open TCP connection for SSH, exiting."\n}\n'
    assert causes(text) == []
    assert causes('echo "ascp: failed to authenticate, exiting."\n') == []


def test_html_inline_code_in_release_notes_is_no_confident_run():
    """Blind round 88: a Dependabot pull request's release notes, "<li>fixed: <code>ascp.exe: failed to connect to
    management socket, exiting.</code> on some Windows hosts</li>": a document's item (it had read died-at-start at
    medium confidence)."""
    text = (_DATA / "dependabot-release-notes.txt").read_text(encoding="utf-8")
    assert all(confidence == "low" for _, confidence in causes(text)), causes(text)


def test_samples_said_so_in_swahili_icelandic_and_a_wrapped_sentence_are_no_runs():
    """Blind round 88: a Swahili workshop guide ("Hakuna amri iliyoendeshwa hapa": no command was run here; "Ujumbe
    wa mafanikio unaonekana hivi:", the success message looks like this), an Icelandic one ("Vel heppnuð keyrsla
    endar á línum á borð við:", a successful run ends with lines such as), and a grading rubric whose "NOT a run" /
    "they performed):" wraps over two lines."""
    summary = "\n    Completed: 378151K bytes transferred in 13 seconds\n     (227709K bits/sec), in 1 file.\n"
    swahili = "Mwongozo huu ni kwa wanafunzi. Hakuna amri iliyoendeshwa hapa, ni maelezo tu.\n\n"
    swahili += "Ujumbe wa mafanikio unaonekana hivi:\n" + summary
    assert causes(swahili) == []
    assert causes("## 4. Þegar niðurhal tókst\n\nVel heppnuð keyrsla endar á línum á borð við:\n" + summary) == []
    rubric = (
        "Part B (6 pts)\n  Students get a printed excerpt (identical for everyone, from the lecture slides, NOT a run\n"
    )
    rubric += "  they performed):\n      ascp: Private key file not found at path /home/s/k.openssh, exiting.\n"
    rubric += "      Session Stop  (Error: Private key file not found at path /home/s/k.openssh)\n"
    assert causes(rubric) == []


def test_a_json_documents_strings_are_data_not_printed_output_lines():
    """Blind round 88: an nf-test snapshot (pretty-printed JSON) whose "parsed lines" hold ascp's progress line,
    summary and a key error as strings: data of a test, no run (a printed list of lines, R's or IPython's, is still
    read)."""
    text = (_DATA / "nf-test-snapshot.json").read_text(encoding="utf-8")
    assert causes(text) == []
    assert [c for c, _ in causes('[1] "ascp: Failed to open TCP connection for SSH, exiting."\n')] == ["ssh-port"]


def test_a_run_stopped_as_hung_while_moving_at_the_rate_that_worked_is_cancelled():
    """Blind round 88: "my second download hung at 41% so I killed it", its last progress line at 396 Mb/s as the
    first download's 397: the person stopped a transfer that was moving (the progress line updates seldom), not a
    stall."""
    command = "$ ascp -P 33001 -l 400m --mode=recv --host=h --user=m /data/out/lane{}.tar .\n"
    text = 'my second download this afternoon "hung" at 41% so I killed it. first one was fine.\n\n'
    text += command.format(1) + "lane1.tar                                100% 7812MB  398Mb/s    02:41\n"
    text += "Completed: 7999488K bytes transferred in 161 seconds\n (397490K bits/sec), in 1 file.\n"
    text += command.format(2) + "lane2.tar                                 41% 3204MB  396Mb/s    01:34 ETA\n^C\n"
    assert [c for c, _ in causes(text)] == ["ok", "cancelled"]


def test_one_client_run_and_one_server_session_of_a_cause_are_one_attempt():
    """Blind round 88: the client's "Partial Completion" and "Session Stop (Error: Disk write failed (server))"
    pasted with the receiving server's syslog of the session that failed errcode=25 "No space left on disk": one
    upload seen from both ends (the words differ), not two runs."""
    uuid = "30b2204a-76ec-4db8-899b-2d723471c880"
    text = "--- client console ---\n$ ascp -P 33001 -l 500m -d -i k /scratch/b/ u@198.18.7.11:/landing/b/\n"
    text += "b/s1.cram                                  100% 18GB  482Mb/s    05:21\n"
    text += "Partial Completion: 36724160K bytes transferred in 652 seconds\n"
    text += " (461390K bits/sec), in 2 files, 1 directory; 3 files failed.\n\n"
    text += "Session Stop  (Error: Disk write failed (server))\n\n--- server syslog ---\n"
    text += (
        f"Jun 03 10:53:41 rx ascp[771010]: LOG FASP Session Start uuid={uuid} op=recv status=started source=-"
        " dest=/landing/b/ local=198.18.7.11:33001 peer=203.0.113.201:46311 tcp_port=33001\n"
        f"Jun 03 11:06:03 rx ascp[771010]: LOG FASP Session Stop uuid={uuid} op=recv status=failed errcode=25"
        ' errstr="No space left on disk" source=- dest=/landing/b/ local=198.18.7.11:33001'
        " peer=203.0.113.201:46311 tcp_port=33001\n"
    )
    assert [c for c, _ in causes(text)] == ["disk"]


def test_ascli_naming_another_ascp_process_starts_another_run():
    """Blind round 88: ascli's debug log, "pid: 103515", "Destination: File exists", then the retry's "pid: 103690",
    its bar at 100 % and "complete": two runs (the retry's bar had been read as the failed run's)."""
    text = "D, [2026-01-15T05:33:52.586730 #103512] DEBUG -- : pid: 103515\n"
    text += "E, [2026-01-15T05:33:53.320138 #103512] ERROR -- : Destination: File exists\n\n"
    text += "Second attempt into an empty folder worked:\n\n"
    text += "D, [2026-01-15T05:41:10.114233 #103688] DEBUG -- : pid: 103690\n"
    text += " Time: 00:00:01 ====================================== 100% 12 Mbps Time: 00:00:00\ncomplete\n"
    assert [c for c, _ in causes(text)] == ["exists", "ok"]


def test_bash_xtrace_of_an_ascp_command_starts_a_run():
    """Blind round 88: a container's log with time stamps, a script run with set -x: "+ ascp ... --host=" and ascp's
    usage text, then "+ ascp ... --host=fasp..." and "Cannot resolve target host." twice: three runs (the traced
    commands had not been read as commands, and the usage run took the next run's cause)."""

    def traced(at: str, host: str) -> str:
        return f"uploader-1  | 2026-10-20T{at}Z + ascp -P 33001 -l 100m -d --mode=send --user=box --host={host}\n"

    usage = "".join(
        f"uploader-1  | 2026-10-20T07:58:03.119Z {said}\n"
        for said in ("Usage: ascp [OPTION] SRC... DEST", "Display full usage: -h,--help", "upload.sh: ascp exited 1")
    )
    text = traced("07:58:03.114", "") + usage + "uploader-1 exited with code 1\n"
    for at in ("08:06:47.530", "08:07:47.640"):
        text += traced(at, "fasp.ega.example.org /data/b7/ /b7/")
        text += f"uploader-1  | 2026-10-20T{at[:-3]}612Z ascp: Cannot resolve target host., exiting.\n"
    assert [c for c, _ in causes(text)] == ["usage", "dns", "dns"]


def test_package_files_and_catalogues_quoting_ascp_are_no_runs():
    """Blind round 89: an APKBUILD's comments after "Nothing has been built or run yet" and "(taken from upstream
    issue reports, NOT produced by this build)"; a NEWS.Debian entry ("pkg (2.0.0-1) unstable; urgency=medium")
    quoting what a transfer with the old key ends with; a gettext catalogue keyed by ascp's messages."""
    apkbuild = "Can you check this APKBUILD? Nothing has been built or run yet.\n\npkgname=aspera-connect\n"
    apkbuild += (
        "check() {\n\t# Known failure strings (taken from upstream issue reports, NOT produced by this build):\n"
    )
    apkbuild += "\t#   ascp: Failed to open TCP connection for SSH, exiting.\n\treturn 0\n}\n"
    assert causes(apkbuild) == []
    news = (
        "aspera-client-wrapper (2.0.0-1) unstable; urgency=medium\n\n  The DSA key is no longer installed; a transfer"
    )
    news += " that still points -i at it ends with\n\n      ascp: failed to authenticate, exiting.\n\n"
    news += "      Session Stop  (Error: failed to authenticate)\n\n"
    news += " -- A B <a@example.org>  Sun, 06 Apr 2025 11:02:40 +0100\n"
    assert causes(news) == []
    po = '#: helper/diagnose.py:41\nmsgctxt "ascp: failed to authenticate, exiting."\n'
    po += 'msgid "SSH authentication failed."\n'
    po += 'msgstr "SSH-Authentifizierung fehlgeschlagen."\n\n#: helper/diagnose.py:53\n'
    po += 'msgctxt "Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))"\n'
    assert causes(po) == []


def test_xml_rules_and_their_commented_samples_are_no_runs():
    """Blind round 89: a Wazuh decoder file, its sample syslog lines inside an XML comment ("they are NOT from our
    servers") and its rules' "<description>Aspera: FASP session $(fasp_uuid) completed</description>": no run (the
    comment's sessions and the description's "completed" had been read as runs)."""
    text = (
        "<!--\n  Sample lines used while writing these (re-shaped into syslog form; they are NOT from our servers):\n\n"
    )
    text += "    Sep 16 17:46:56 hsts01 ascp[10044]: LOG FASP Session Start uuid=5d53ece3-6b41-41f9-b1c8-8496c117be65"
    text += ' op=send status=failed errcode=34 errstr="Unauthorized"\n-->\n\n<group name="aspera,">\n'
    text += '  <rule id="100710" level="3">\n    <field name="fasp_status">^success$</field>\n'
    text += "    <description>Aspera: FASP session $(fasp_uuid) completed</description>\n  </rule>\n</group>\n"
    assert causes(text) == []


def test_a_quote_that_goes_on_from_the_line_before_is_no_confident_run():
    """Blind round 89: Suricata rules and a Zeek script's comment, 'users then see "ascp: failed to authenticate,
    exiting."' / 'or "Session Stop  (Error: Failed to open TCP connection for SSH)".': the second line is the
    sentence's rest (it had read ssh-port at high confidence)."""
    text = (_DATA / "suricata-zeek-rules.txt").read_text(encoding="utf-8")
    assert all(confidence == "low" for _, confidence in causes(text)), causes(text)


def test_samples_said_so_in_maltese_and_haitian_creole_are_no_runs():
    """Blind round 89: "linja bħal din (eżempju mid-dokumentazzjoni, mhux minn trasferiment tiegħek):" (Maltese: a
    line like this, an example from the documentation) and "Lè transfè a fini byen, w ap wè (egzanp):" (Haitian
    Creole: when the transfer ends well, you will see, for example)."""
    summary = "\n       Completed: 74523K bytes transferred in 118 seconds\n        (5132K bits/sec), in 1 file.\n"
    maltese = "T: Fl-aħħar tidher linja bħal din (eżempju mid-dokumentazzjoni, mhux minn trasferiment tiegħek):\n"
    assert causes(maltese + summary) == []
    assert causes("4. Lè transfè a fini byen, w ap wè (egzanp):\n" + summary) == []


def test_a_wrapper_that_found_no_ascp_and_went_on_with_wget_ran_no_ascp():
    """Blind round 89: pysradb's "Count not find aspera at: ~/.aspera" and "Continuing with wget ...": ascp is
    missing where it looks, but no ascp run failed (at low confidence; it had read ascp-missing at high). A command
    the wrapper ran that the shell did not find (exit 127) stays a failed run at its own confidence."""
    text = "Count not find aspera at: /home/a/.aspera\n"
    text += "Install aspera-client following instructionsat https://github.com/saketkc/pysradb/README.rst\n"
    text += "Continuing with wget ...\n"
    assert causes(text) == [("ascp-missing", "low")]


def test_a_quoted_package_page_before_the_persons_own_run_is_the_pages():
    """Blind round 89: "Quoting the PyPI page first ...", the page's console sample in a quote ("Completed: 74523K
    bytes ..."), then the person's own run that failed: one run (the page's sample had read as a success)."""
    text = "Quoting the PyPI page first because I think the example is out of date.\n\n"
    text += "> **enafetch 0.6.2** — PyPI long description\n>\n> ```console\n> $ enafetch ERR164407 --method ascp\n"
    text += "> Completed: 74523K bytes transferred in 118 seconds\n>  (5132K bits/sec), in 1 file.\n> ```\n\n"
    text += "What I actually get:\n\n$ enafetch SRR1342218 --method ascp\n"
    text += "Completed: 0K bytes transferred in 0 seconds\n"
    text += "Session Stop  (Error: Server aborted session: No such file or directory)\n"
    assert [c for c, _ in causes(text)] == ["no-such-file"]


def test_a_server_that_closed_the_connection_is_no_blocked_port():
    """Blind round 82's open confident answer: a Desktop Client log's "ERR SSH connection failure: Server unexpectedly
    closed network connection" and its session's errcode=12 ("Error establishing SSH connection (check SSH port and
    firewall)"), the server's side gone: the TCP connection was made, so not a blocked port (it had read ssh-port at
    high confidence); IBM documents these words as sshd's MaxStartups refusal (ssh-refused, medium). Beside sshd's
    MaxStartups drop of that minute it is that refusal (round 68)."""
    log = (
        "2024-03-27 13:20:44.810 [1b3c-00002e48] ERR SSH connection failure: Server unexpectedly closed network"
        " connection\n2024-03-27 13:20:44.811 [1b3c-00002e48] LOG FASP Session Start"
        " uuid=8f2c6a0d-4e1b-4973-b0a5-7d3e9c1f2b86 op=recv status=failed errcode=12"
        ' errstr="Error establishing SSH connection (check SSH port and firewall)"\n'
    )
    assert causes(log) == [("ssh-refused", "medium")]
    err = "2024-06-11 02:00:04.027 [5e33-7f0a9e4e6700] ERR SSH connection failure: Server unexpectedly closed network"
    err += " connection\n\nThe job wrapper then records exit status 1 for that file.\n\n"
    err += "Jun 11 02:00:03 hsts01 sshd[1187]: drop connection #10 from [203.0.113.24]:44186 on [198.18.44.10]:33001"
    err += " past MaxStartups\n"
    assert [c for c, _ in causes(err)] == ["ssh-refused"]


def test_a_wiki_pages_examples_not_from_a_real_session_are_no_runs():
    """Blind round 90: a platform wiki's "What the lines look like (EXAMPLES, values made up, not from a real
    session):" above placeholder syslog lines and the client's usual words: no run (they had read disk, auth and
    udp)."""
    text = "What the lines look like (EXAMPLES, values made up, not from a real session):\n\n"
    text += '  <date> <host> ascp[<pid>]: LOG FASP Session Stop uuid=<uuid> op=recv status=failed errcode=25 errstr="No'
    text += ' space left on disk" ...\n\nClient side, what users typically paste:\n\n'
    text += "  ascp: failed to authenticate, exiting.\n  Session Stop  (Error: failed to authenticate)\n"
    assert causes(text) == []


def test_a_quoted_message_that_ends_a_wrapped_sentence_is_no_run():
    """Blind round 89: a Haitian Creole guide, 'Pa bliye "-P 33001": san li, ascp eseye pò 22 epi ou ap jwenn' (without
    it ascp tries port 22 and you will get) / '"ascp: Failed to open TCP connection for SSH, exiting."': the quote
    ends the sentence (it had been unquoted as a printed line and read ssh-port at high confidence). A whole quoted
    line after output, as R or IPython print lines, is still read."""
    guide = '   Pa bliye "-P 33001": san li, ascp eseye pò 22 epi ou ap jwenn\n'
    guide += '   "ascp: Failed to open TCP connection for SSH, exiting."\n'
    assert all(confidence == "low" for _, confidence in causes(guide)), causes(guide)
    printed = 'ERR1\n"ascp: Failed to open TCP connection for SSH, exiting."\n'
    assert [c for c, _ in causes(printed)] == ["ssh-port"]


def test_a_firewalls_drops_to_port_22_say_nothing_of_a_run_to_33001():
    """Blind round 90: a French ticket, the first upload without -P (the server's firewall logged its SYNs to 22
    dropped), the retry with -P 33001 completing, and a day later "Session initiation failed, read timed out" with
    the same -P 33001: that last run is not told by the drops to 22 (it had been read as the blocked port)."""
    command = "jm@m07:~$ ascp {}-l 150m --user=p --host=aspera.example.fr /media/J12/ /depot/\n"
    text = command.format("") + "ascp: Failed to open TCP connection for SSH, exiting.\n\n"
    text += "Session Stop  (Error: Failed to open TCP connection for SSH)\n\nRéponse exploitation :\n"
    for second, ident in (("52", 33120), ("55", 33121)):
        text += (
            f"Mar 14 09:47:{second} fw-dmz01 kernel: DROP_IN: IN=eth1 OUT=eth2 SRC=198.18.201.37 DST=192.0.2.150"
            f" LEN=60 TOS=0x00 PREC=0x00 TTL=57 ID={ident} DF PROTO=TCP SPT=51544 DPT=22 WINDOW=64240 RES=0x00 SYN"
            " URGP=0\n"
        )
    text += "\nMerci, ça passe :\n" + command.format("-P 33001 ")
    text += "Completed: 8603648K bytes transferred in 476 seconds\n (148067K bits/sec), in 1 file.\n\n"
    text += "Ce soir ça recommence :\n" + command.format("-P 33001 ")
    text += "\nSession Stop  (Error: Session initiation failed, read timed out)\n"
    assert [c for c, _ in causes(text)] == ["ssh-port", "ok", "session-start"]


def test_a_readmes_fixture_section_is_a_sample():
    """Blind round 89: a Prometheus exporter's README, "## Fixture lines", then "`testdata/mixed.log` contains, among
    others:" and a fenced block of ascp's log lines: the test's fixture, no runs (they had read ssh-port and auth at
    high confidence). A person's own intro after a sample's ("But mine says:") still ends the sample."""
    text = "## Fixture lines\n\n`testdata/mixed.log` contains, among others:\n\n```\n"
    text += "2015-04-30 11:13:34 [3ef3-0xa116d1d4] ERR Failed to open TCP connection for SSH\n"
    text += "2015-04-30 11:13:34 [3ef3-0xb0103000] LOG FASP Session Start uuid=ab5ca8ca-da6e-4957-b74c-cad67dc77b88"
    text += ' op=send status=failed errcode=44 errstr="UDP session initiation fatal error"\n```\n'
    assert causes(text) == []
    own = "A successful run looks like this:\n\nBut mine says:\n\nascp: failed to authenticate, exiting.\n\n"
    own += "Session Stop  (Error: failed to authenticate)\n"
    assert [c for c, _ in causes(own)] == ["auth"]
