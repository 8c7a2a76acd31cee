"""explain: what blind round 109 found (each test but the guards failed on the code before its fix)."""

from __future__ import annotations

import json

from tests.unit.test_explain_round58 import cause_ids

UDP = "Client unable to connect to server (check UDP port and firewall)"


def test_a_regex_tester_s_export_with_its_date_holds_no_run():
    """regex101's export ("exportedAt": a time) whose test strings quote ascp's lines, one of them a stamped FASP
    record: its own date and its tests' texts are no trace of a run (it had read as eleven runs)."""
    doc = {
        "title": "ascp outcome classifier",
        "exportedAt": "2025-10-02T14:11:08Z",
        "entries": [
            {
                "regex": r"^Session Stop\s{1,2}\(Error: (?<msg>.+)\)$",
                "testString": f"Session Stop  (Error: failed to authenticate)\nSession Stop  (Error: {UDP})",
                "unitTests": [{"input": "ascp: Cannot resolve target host., exiting.", "criteria": "DOES_MATCH"}],
            },
            {
                "regex": "LOG FASP Session Start",
                "testString": "2015-09-15 14:10:39 [59c-000023c8] LOG FASP Session Start uuid=ff820f21-f00f-4ab5-"
                'ab7e-ceba3a18a81c op=send status=failed errcode=19 errstr="Authentication failure"',
            },
        ],
    }
    assert cause_ids(json.dumps(doc, indent=2)) == []
    # (guard) a search's export whose records carry their own times and messages is read as what it holds
    records = [
        {"timestamp": "2025-10-02T14:11:08Z", "message": "ascp: Cannot resolve target host., exiting."},
        {"timestamp": "2025-10-02T14:11:08Z", "message": "Session Stop  (Error: Cannot resolve target host.)"},
    ]
    assert cause_ids(json.dumps({"exportedAt": "2025-10-02T14:12:00Z", "results": records}, indent=2)) == ["dns"]


def test_an_api_client_s_collection_export_quoting_failures_in_its_descriptions_holds_no_run():
    """Insomnia's export ("__export_date") whose requests' descriptions paste example failure records: no run (it
    had read as an unauthorized one)."""
    example = '{"id":"f1b3","status":"failed","error_code":34,"error_desc":"Server aborted session: Management '
    example += 'authorization refused"}'
    doc = {
        "_type": "export",
        "__export_date": "2025-12-11T09:24:02.118Z",
        "resources": [
            {"_type": "request", "name": "GET /ops/transfers", "description": f"Example:\n```json\n{example}\n```"}
        ],
    }
    assert cause_ids(json.dumps(doc, indent=1)) == []


def test_a_siem_rule_in_yaml_quoting_a_fasp_record_holds_no_run():
    """A Sentinel analytics rule: top-level keys, a description block quoting a failed Session Start record as its
    test's example: a document (it had read as an auth failure)."""
    text = (
        "# Microsoft Sentinel scheduled analytics rule\n"
        "id: 5e0b7d3c-2f61-4c8e-9a4b-1d2e3f405162\n"
        "name: Aspera HSTS - burst of ascp authentication failures\n"
        "description: |\n"
        "  Fires on many failed FASP sessions with errcode 19 from one peer. Example line:\n"
        "    ascp[4711]: LOG FASP Session Start uuid=ff820f21-f00f-4ab5-ab7e-ceba3a18a81c op=send status=failed "
        'errcode=19 errstr="Authentication failure"\n'
        "severity: Medium\n"
        "queryFrequency: 15m\n"
        "query: |\n"
        '  Syslog | where SyslogMessage has "errcode=19"\n'
        "kind: Scheduled\n"
        "version: 1.0.3\n"
    )
    assert cause_ids(text) == []


def test_a_task_result_in_yaml_holds_its_command_s_output_in_its_stderr_block():
    """Ansible's YAML callback: a failed task's result with ascp's words in its "stderr: |-" block: that run's output,
    not a document's text (it had read as no run)."""
    text = (
        "fatal: [dtn01]: FAILED! =>\n  changed: false\n  cmd: ascp -P 33001 -l 100m /out/a.tar u@h.example:/in/\n"
        "  msg: non-zero return code\n  rc: 1\n  stderr: |-\n    ascp: Cannot resolve target host., exiting.\n"
        "    Session Stop  (Error: Cannot resolve target host.)\n  stderr_lines: <omitted>\n"
    )
    assert cause_ids(text) == ["dns"]
    # (guard) an alert rule's description block quoting the same words is its text, no run
    rule = "groups:\n- name: aspera\n  rules:\n  - alert: AsperaDns\n    annotations:\n      description: |\n"
    assert cause_ids(rule + "        ascp: Cannot resolve target host., exiting.\n") == []


def test_module_docs_showing_an_illustrative_failed_run_hold_no_run():
    """Generated module docs: "A failed run typically looks like the example below (illustrative, from the module's
    VM test ...):" and a journal excerpt in a fence: no run (it had read as an auth failure)."""
    text = (
        "## Notes\n\nThe unit logs ascp's output to the journal. A failed run typically looks like the\n"
        "example below (illustrative, from the module's VM test, which uses a fake `ascp` script):\n\n"
        "```\naspera-mirror-start[913]: ascp: failed to authenticate, exiting.\n"
        "aspera-mirror-start[913]: Session Stop  (Error: failed to authenticate)\n```\n"
    )
    assert cause_ids(text) == []


def test_a_talk_s_transcript_with_bracketed_slide_markers_holds_no_run():
    """A lightning talk's transcript ("［スライド2］" headings) in which the speaker reads out errors from last year:
    no run (they had read as auth and UDP failures)."""
    text = (
        "【文字起こし】ライトニングトーク #4\n\n［スライド1］\nはい、田村です。\n\n［スライド2］\n"
        "去年の夏に出た出力です。\n「ascp: failed to authenticate, exiting.」\n鍵が古かったです。\n\n［スライド3］\n"
        f"後輩のやつ。\n「Session Stop (Error: {UDP})」\nUDP が止まってました。\n\n［スライド4］\nまとめです。\n"
    )
    assert cause_ids(text) == []


def test_a_busybox_shell_s_not_found_for_an_ascp_which_finds_is_a_missing_loader():
    """An Alpine image: "/bin/sh: ascp: not found", while ``which ascp`` prints its path and ``ls -l`` shows it
    executable: the glibc build's loader is missing, ascp died at its start (it had read as not installed)."""
    path = "/root/.aspera/connect/bin/ascp"
    text = (
        "$ docker run --rm ena-submit:dev ascp -QT -l 300m -L- /reads/a.fastq.gz Webin-1@webin.ebi.ac.uk:.\n"
        "/bin/sh: ascp: not found\n"
        f"$ docker run --rm ena-submit:dev sh -c 'ls -l {path}; which ascp'\n"
        f"-rwxr-xr-x    1 root     root       6283160 Oct 10 14:02 {path}\n"
        f"{path}\n"
    )
    assert cause_ids(text) == ["died-at-start"]
    # (guard) without which's answer, "not found" is ascp missing from the PATH the shell had
    assert cause_ids(text.replace(f"{path}\n", "", 1).rsplit("\n", 2)[0] + "\n") == ["ascp-missing"]


def test_ascp_s_warning_that_it_cannot_open_its_log_is_no_cause():
    """ "Cannot open log file: ...: Permission denied" (``-L /var/log/aspera``), highlighted by the person, then the
    UDP failure: ascp goes on without its log, the data connection is the cause (it had read as permission)."""
    text = (
        "$ ascp -P 33001 -l 500m -L /var/log/aspera -d ./run/ u@aspera.vendor.example.com:/inbox/\n"
        ">>> Cannot open log file: /var/log/aspera/aspera-scp-transfer.log: Permission denied\n"
        "run/SampleSheet.csv                                  0%    0KB  0.0Kb/s    --:-- ETA\n"
        f"ascp: {UDP}, exiting.\n\nSession Stop  (Error: {UDP})\n"
    )
    assert cause_ids(text) == ["udp"]


def test_a_chat_s_docs_example_introduced_in_chinese_is_no_run():
    """A chat export: "文档里的例子：" (the docs' example:) and a fenced Session Stop: the docs', no run (it had read
    as a UDP failure, high)."""
    text = (
        "**Lily**：我们组的做法是先 `ascp -A` 看版本，再看 `-L-` 的日志。文档里的例子：\n\n"
        f"```\nSession Stop  (Error: {UDP})\n```\n\n这种就是 UDP 33001 被防火墙挡了。\n"
    )
    assert cause_ids(text) == []


def test_sshd_s_penalty_words_quoted_without_tag_or_time_are_no_attempt():
    """A forum question quoting what a penalty "will look like" (sshd's "drop connection #0 from [...] penalty: ..."
    with neither sshd's tag nor a time): no client's run (it had read as ssh-refused)."""
    text = (
        "A blog post I found says the log will look like this once a source is penalised — I just want to be sure "
        "I'd recognise it:\n\n"
        "> `srclimit_penalise: ipv4: new 1.2.3.4/32 active penalty of 15 seconds for penalty: connections without "
        "attempting authentication`\n"
        "> `drop connection #0 from [1.2.3.4]:50544 on [10.0.0.5]:33001 penalty: connections without attempting "
        "authentication`\n\nNothing is broken today, this is prep.\n"
    )
    assert cause_ids(text) == []


def test_the_kernel_s_oom_kill_of_ascp_ended_its_run_from_outside():
    """The journal of a nightly service: ascp's progress at 61 %, then the kernel's "Out of memory: Killed process
    771210 (ascp)" (another program ate the memory) and the script's "ascp exit 137": cancelled from outside, no
    network or server fault (it had read as unknown)."""
    text = (
        "Mar 14 02:00:01 ws3 systemd[1]: Started ena-pull.service.\n"
        "Mar 14 02:05:47 ws3 ena-pull.sh[771210]: ERR1_1.fastq.gz                    61%   12GB  297Mb/s    03:50 ETA\n"
        "Mar 14 02:06:03 ws3 kernel: Out of memory: Killed process 771210 (ascp) total-vm:1893224kB, anon-rss:11204kB\n"
        "Mar 14 02:06:03 ws3 ena-pull.sh[771204]: /opt/ena/ena-pull.sh: line 31: 771210 Killed   ascp -QT -l 300m "
        "era-fasp@fasp.sra.ebi.ac.uk:vol1/fastq/ERR1/ERR1_1.fastq.gz /data/\n"
        "Mar 14 02:06:03 ws3 ena-pull.sh[771204]: [ena-pull] ascp exit 137 for ERR1, giving up for tonight\n"
    )
    assert cause_ids(text) == ["cancelled"]


def test_a_notebook_exported_as_text_starts_a_run_at_each_shell_escape():
    """A notebook exported as text: "In [3]:" alone, then "!ascp ..." on its own line, interrupted; "In [4]:" and
    another "!ascp ..." that completed: two runs (they had read as one)."""
    command = (
        "!ascp -QT -l 300m -P 33001 -k 1 -i ~/.aspera/key.pem fasp-ebi@fasp.ebi.ac.uk:db/JAZBXK01.dat.gz {dest}/\n"
    )
    name = "JAZBXK01.dat.gz" + " " * 60
    text = (
        "In [3]:\n" + command.format(dest="/scratch/refpanels") + f"\n{name}22%  977MB  294Mb/s    01:48 ETA\n"
        "---------------------------------------------------------------------------\n"
        "KeyboardInterrupt                         Traceback (most recent call last)\nKeyboardInterrupt: \n\n"
        "In [4]:\n" + command.format(dest="/project/refpanels") + f"\n{name}100% 4388MB  292Mb/s    02:06\n"
        "Completed: 4493312K bytes transferred in 127 seconds\n (289837K bits/sec), in 1 file.\n"
    )
    assert cause_ids(text) == ["cancelled", "ok"]


def test_a_wrapper_s_log_of_its_exec_and_ascp_s_streams_tells_each_run():
    """A wrapper's log: "push: exec /opt/aspera/bin/ascp ...", "push: ascp stderr: ascp: ..., exiting.", "push: ascp
    stdout: Completed: ...", the second run after a rule titled "manual re-run": two runs (the second had been
    read as none: "manual" taken for a manual's text)."""
    command = "push: exec /opt/aspera/bin/ascp -P 33001 -l 400m -k 2 -i /etc/pp/id --file-list=/x.lst u@h.example:/in/"
    text = (
        f"--- /var/log/partner-push/push.log ---\n2024-08-27 21:00:01 {command}\n"
        "2024-08-27 21:00:01 push: ascp stderr: ascp: Aspera.conf contains invalid data and was rejected, exiting.\n"
        "2024-08-27 21:00:01 push: ascp exit=1 after 0s\n"
        "2024-08-27 21:00:01 push: ERROR connection to partner failed, will retry tomorrow\n\n"
        f"--- manual re-run after redeploying 1f07b3d ---\n2024-08-27 22:14:37 {command}\n"
        "2024-08-27 22:31:02 push: ascp stdout: Completed: 38120448K bytes transferred in 984 seconds\n"
        "2024-08-27 22:31:02 push: ascp stdout:  (317384K bits/sec), in 14 files.\n"
        "2024-08-27 22:31:02 push: ascp exit=0 after 985s\n2024-08-27 22:31:02 push: OK\n"
    )
    assert cause_ids(text) == ["configuration", "ok"]


def test_a_grepped_file_record_of_the_run_s_failure_is_that_run_not_another():
    """A console run's "Session Stop (Error: File path/name too long ...)" (error 55), then ``findstr "errcode=55"``
    on its log showing the file's Transfer Stop ("File path exceeds underlying file system limit"), then a rerun
    that completed: two runs (the log's record had read as a third)."""
    text = (
        'C:\\deep\\dir>"C:\\Program Files\\Aspera\\Aspera Connect\\bin\\ascp.exe" -P 33001 -l 300m -k 1 -d '
        "u@fasp.core.example.org:/export/zf/ .\n"
        "a.ome.tif                                                  100% 3977MB  297Mb/s    01:52\n"
        "Partial Completion: 4072448K bytes transferred in 115 seconds\n"
        " (288214K bits/sec), in 1 file; 1 file failed.\n"
        "\nSession Stop  (Error: File path/name too long for underlying file system)\n\n"
        'C:\\log> findstr /C:"errcode=55" aspera-scp-transfer.log\n'
        "2024-06-04 15:12:44.903 [2a10-00003b7c] LOG FASP Transfer Stop uuid=3e0d2c61-7b15-4a5a-9e22-8a0c41b5d913 "
        'op=recv status=failed file="C:/deep/dir/zf/sub/b.ome.tif" size=4198301488 start_byte=0 rate=0.00Mbps '
        'errcode=55 errstr="File path exceeds underlying file system limit"\n\n'
        'D:\\zf>"C:\\Program Files\\Aspera\\Aspera Connect\\bin\\ascp.exe" -P 33001 -l 300m -k 1 -d '
        "u@fasp.core.example.org:/export/zf/ .\n"
        "Completed: 8175616K bytes transferred in 232 seconds\n (281078K bits/sec), in 2 files, 1 directory.\n"
    )
    assert cause_ids(text) == ["path-name", "ok"]


def test_a_reply_explaining_the_lost_filepass_variable_is_no_run():
    """A reply's explanation in Japanese ("sudo の env_reset で ASPERA_SCP_FILEPASS が消えていました": "reset" is no
    word "set") after the runs: no run of its own (it had read as a fourth, passphrase)."""
    text = (
        "$ sudo --preserve-env=ASPERA_SCP_FILEPASS /opt/aspera/bin/ascp -P 33001 --file-crypt=encrypt -d /d/ u@h:/e/\n"
        "Completed: 12808192K bytes transferred in 361 seconds\n (290671K bits/sec), in 2 files, 1 directory.\n\n"
        "回答:\n 2回目: フルパスで ascp は起動しましたが、sudo の env_reset で ASPERA_SCP_FILEPASS が消えていました。\n"
    )
    assert cause_ids(text) == ["ok"]


def test_ascp_s_stdout_words_for_the_same_cause_after_its_exiting_line_are_the_same_run():
    """ "ascp: File encryption needs a passphrase in environment variable, exiting." then "Session Stop  (Error: File
    encryption/decryption error, e.g. corrupt file)": one run's two streams (they had read as two runs)."""
    text = (
        "$ ascp -P 33001 -l 500m -k 2 --file-crypt=decrypt px@aspera.seqprovider.example.com:/PX-2291/ ./PX-2291/\n"
        "ascp: File encryption needs a passphrase in environment variable, exiting.\n\n"
        "Session Stop  (Error: File encryption/decryption error, e.g. corrupt file)\n"
    )
    assert cause_ids(text) == ["passphrase"]
    # (guard) another cause's words after "..., exiting." are the next run's
    other = text.replace("File encryption/decryption error, e.g. corrupt file", "Session data transfer timeout")
    assert len(cause_ids(other)) == 2


def test_the_scheduler_s_word_of_the_job_s_exit_after_its_closing_rule_is_no_run():
    """A batch file's log of two attempts, its closing rule ("=== pull.bat finished ... rc=1 ===") and Task
    Scheduler's history ("Task completed ... with return code 1"): two runs (the scheduler's word had read as a
    third, unknown)."""
    attempt = (
        "[01:30:00] ascp.exe -P 33001 -l 300m -k 2 --mode=recv --host=aspera.eo.example.eu --user=eo /S2/ D:\\eo\\\n"
        "Session Stop  (Error: Session initiation failed, read timed out)\n[01:31:02] ascp.exe exit code 1\n"
    )
    text = (
        "=== pull.bat  started 2025-09-23 01:30:00.12 ===\n"
        + attempt
        + "[01:31:02] retry 1 of 1 in 300 s\n"
        + attempt
        + "=== pull.bat  finished 2025-09-23 01:37:04.55  rc=1 ===\n\n"
        "Task Scheduler History (Microsoft-Windows-TaskScheduler/Operational):\n"
        'Information  23/09/2025 01:37:04  Task completed  "\\EO\\pull" ... completed, with return code 1\n'
    )
    assert cause_ids(text) == ["session-start", "session-start"]


def test_a_rule_after_a_progress_line_a_terminal_s_width_long_is_no_wrapped_rest():
    """A progress line exactly 80 characters long, then IPython's traceback rule ("-----..."): the rule starts a line
    of its own (it had been joined to the progress line, and the interrupt read as no run's)."""
    line = "JAZBXK01.dat.gz                                 23% 1019MB  293Mb/s    01:47 ETA"
    assert len(line) == 80
    text = (
        "$ ascp -QT -l 300m -P 33001 fasp-ebi@fasp.ebi.ac.uk:db/JAZBXK01.dat.gz /scratch/\n"
        f"{line}\n" + "-" * 75 + "\nKeyboardInterrupt                         Traceback (most recent call last)\n"
        "KeyboardInterrupt: \n"
    )
    assert cause_ids(text) == ["cancelled"]
