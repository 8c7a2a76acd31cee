"""explain: what blind round 113 found (each test but the guards failed on the code before its fix)."""

from __future__ import annotations

from tests.unit.test_explain_round58 import cause_ids, causes


def test_error_13_with_the_words_of_a_session_initiation_timeout_is_read_by_its_words():
    """ascp's log: "ERR Session initiation failed, read timed out" and "errcode=13 errstr="Session initiation failed,
    read timed out"": the session's start timed out reading, which does not say the SSH port is closed (it had read
    as the SSH port, high: a network team sent after a rule that may exist)."""
    uuid = "e0b4f8a2-1c67-4d39-9f05-7a3b2c1d8e44"
    said = 'errcode=13 errstr="Session initiation failed, read timed out"'
    text = (
        "2024-02-07 09:02:44.118 [2a90-00003a1c] LOG ======= ascp starting =======\n"
        "2024-02-07 09:03:44.230 [2a90-00003a1c] ERR Session initiation failed, read timed out\n"
        f"2024-02-07 09:03:44.231 [2a90-00002d44] LOG FASP Session Start uuid={uuid} op=recv status=failed {said}\n"
        f"2024-02-07 09:03:44.232 [2a90-00002d44] LOG FASP Session Stop uuid={uuid} op=recv status=failed {said}\n"
    )
    assert causes(text) == [("session-start", "low")]
    # (guard) 13 with its own words is the SSH connection's timeout
    own = text.replace("Session initiation failed, read timed out", "Timeout establishing SSH connection")
    assert cause_ids(own) == ["ssh-port"]


def test_a_german_change_note_s_client_side_sample_is_no_run():
    """ "Auf Client-Seite äußert sich das typischerweise als" (on the client side it typically shows as) before a
    block of ascp's words: the note's sample, no run (it had read as a burst refusal, medium)."""
    text = (
        "## Was man im Log sieht (Beispiele aus der OpenSSH-Doku, NICHT aus unserer Umgebung)\n\n"
        "```\nsshd[712]: drop connection #3 from [192.0.2.10]:50344 on [203.0.113.5]:33001 penalty: failed "
        "authentication\n```\n\n"
        "Auf Client-Seite äußert sich das typischerweise als\n\n"
        "```\nascp: failed to authenticate, exiting.\nSession Stop  (Error: failed to authenticate)\n```\n"
    )
    assert cause_ids(text) == []


def test_a_json_document_s_tests_are_no_sessions():
    """A Graylog content pack's "extractor_tests": [ { "message": "Sep 15 14:10:39 hsts1 ascp[1436]: LOG FASP
    Session Start ... errcode=19 ..." } ]: its test messages, no sessions (they had read as two)."""
    record = (
        '{{ "message": "{} hsts1 ascp[{}]: LOG FASP Session Start uuid={} op=send status=failed errcode={} '
        'errstr=\\\\"{}\\\\"", "expect": {{ "fasp_status": "failed" }} }}'
    )
    text = (
        '{\n  "v": "1",\n  "name": "Aspera HSTS syslog",\n  "entities": [\n    {\n      "data": {\n'
        '        "extractor_tests": [\n          '
        + record.format("Sep 15 14:10:39", 1436, "ff820f21-f00f-4ab5-ab7e-ceba3a18a81c", 19, "Authentication failure")
        + ",\n          "
        + record.format(
            "Apr 30 11:13:34", 16115, "ab5ca8ca-da6e-4957-b74c-cad67dc77b88", 44, "UDP session initiation fatal error"
        )
        + "\n        ]\n      }\n    }\n  ]\n}\n"
    )
    assert cause_ids(text) == []


def test_a_robot_framework_suite_s_variables_are_no_runs():
    """A Robot Framework suite ("*** Settings ***", "${UDP_OUT}        Session Stop  (Error: ...)"): the suite's
    canned outputs, no runs (``${`` had been read as a shell's prompt, ending the file's reading)."""
    text = (
        "*** Settings ***\n"
        "Documentation     Acceptance tests for the ``xferctl`` wrapper's error classification.\n"
        "...               ascp is replaced by ``tests/fakes/fake_ascp.sh``, which prints the canned\n"
        "...               text given in FAKE_ASCP_OUTPUT and exits with FAKE_ASCP_RC. No real transfer.\n"
        "Library           Process\n"
        "Library           OperatingSystem\n"
        "Suite Setup       Set Environment Variable    XFERCTL_ASCP    ${CURDIR}/fakes/fake_ascp.sh\n"
        "\n"
        "*** Variables ***\n"
        "${AUTH_OUT}       ascp: failed to authenticate, exiting.\\n\\nSession Stop  (Error: failed to authenticate)\n"
        "${UDP_OUT}        Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))\n"
        "${STALL_OUT}      Session Stop  (Error: Data transfer stalled, timed out)\n"
        "${DNS_OUT}        ascp: Cannot resolve target host., exiting.\n"
        "${OK_OUT}         x.bin 100% 10MB 95.1Mb/s 00:01\\nCompleted: 10240K bytes transferred in 1 seconds"
        "\\n (83886K bits/sec), in 1 file.\n"
        "\n"
        "*** Test Cases ***\n"
        "Authentication Failure Is Classified As Auth\n"
        "    Classification Should Be    ${AUTH_OUT}     1    auth\n"
        "\n"
        "Blocked UDP Is Classified As Udp And Not Retried\n"
        "    ${result}=    Run Xferctl    ${UDP_OUT}    1\n"
        "    Should Contain        ${result.stdout}    reason=udp\n"
        "    Should Not Contain    ${result.stdout}    retrying\n"
        "\n"
        "Stall Is Retried With Lower Rate\n"
        "    ${result}=    Run Xferctl    ${STALL_OUT}    1\n"
        "    Should Contain    ${result.stdout}    reason=stall\n"
        "    Should Contain    ${result.stdout}    retrying with -l 150m\n"
        "\n"
        "Unresolvable Host Is Classified As Dns\n"
        "    Classification Should Be    ${DNS_OUT}      1    dns\n"
        "\n"
        "Completed Transfer Is Ok\n"
        "    Classification Should Be    ${OK_OUT}       0    ok\n"
        "\n"
    )
    assert cause_ids(text) == []


def test_a_job_page_s_stream_sections_are_one_run():
    """Azure Automation's job output: "--- Errors ---" with ascp's "..., exiting.", then "--- All Logs (stdout
    captured) ---" with its Session Stop for the same error: one run (the section rule had ended the run)."""
    text = (
        "--- Output ---\n"
        '[03:00:04] & "C:\\Program Files\\IBM\\Aspera\\bin\\ascp.exe" -P 33001 -l 300m -k 2 -d -i D:\\keys\\k.openssh '
        "svc@aspera.partnerpost.example.com:/deliverables/ep107/ E:\\Incoming\\ep107\\\n"
        "[03:00:18] ascp.exe exit code: 1\n\n"
        "--- Errors ---\n"
        "ascp.exe : ascp.exe: Server aborted session: Read access denied for user, exiting.\n\n"
        "--- All Logs (stdout captured) ---\n\n"
        "Session Stop  (Error: Server aborted session: Read access denied for user)\n\n"
        "--- Warnings ---\n(none)\n"
    )
    assert cause_ids(text) == ["permission"]


def test_a_partial_completion_after_the_exiting_line_is_the_same_run():
    """A log export sorted by time puts ascp's stderr "ascp: Data transfer stalled, timed out, exiting." before its
    stdout's "Partial Completion: ..." and "Session Stop  (Error: ...)": one run (they had read as two)."""
    text = (
        "$ ascp -P 33001 -l 100m -k 2 restore@vault-east.example.com:/s3-restore/2024/reel3.mxf /mnt/efs/restores/\n"
        "reel3.mxf                                   61%   37GB   12.4Mb/s    1:04:50 ETA\n"
        "ascp: Data transfer stalled, timed out, exiting.\n"
        "Partial Completion: 38741320K bytes transferred in 3896 seconds\n"
        "Session Stop  (Error: Data transfer stalled, timed out)\n"
        " (81402K bits/sec), in 0 files.\n"
    )
    assert cause_ids(text) == ["stall"]


def test_the_same_words_from_two_processes_in_a_journal_are_two_attempts():
    """A unit's journal: "dr-push.sh[301122]: ascp: Aspera.conf contains invalid data ..., exiting." and five
    minutes later the same words from "dr-push.sh[301159]": two attempts (they had read as one, the second an echo);
    the same line shown twice (systemctl status, then journalctl) stays one."""
    line = "Dec 01 00:0{0}:00 hsts-noi-01 dr-push.sh[{1}]: ascp: Aspera.conf contains invalid data and was rejected"
    line += ", exiting.\n"
    attempt = "Dec 01 00:0{0}:00 hsts-noi-01 dr-push.sh[{1}]: ERROR: ascp exit 1 (attempt {2}/2)\n"
    text = (
        "$ journalctl -u dr-push.service -o short --no-pager\n"
        + line.format(0, 301122)
        + attempt.format(0, 301122, 1)
        + line.format(5, 301159)
        + attempt.format(5, 301159, 2)
    )
    assert cause_ids(text) == ["configuration", "configuration"]
    twice = (
        "$ systemctl status dr-push.service\n"
        + line.format(5, 301159)
        + "\n$ journalctl -u dr-push.service --no-pager | grep ascp\n"
        + line.format(0, 301122)
        + line.format(5, 301159)
    )
    assert cause_ids(twice) == ["configuration", "configuration"]


def test_timeout_under_a_conda_prompt_and_its_124_is_the_run_it_killed():
    """ "(base) ivan@genome-srv:~/data/igsr$ timeout 2h ascp ...", a progress line, "echo $?" and 124: the run
    timeout(1) killed (the command after a conda environment's prompt had not been read as ascp's)."""
    text = (
        "(base) ivan@genome-srv:~/data/igsr$ timeout 2h ascp -QT -l 100m -P33001 -k1 -i ~/.aspera/sdk/key.pem "
        "era-fasp@fasp.sra.ebi.ac.uk:vol1/run/ERR398/NA12878.final.cram ./\n"
        "NA12878.final.cram                                                     71%   66GB 79.6Mb/s    47:13 ETA\n"
        "(base) ivan@genome-srv:~/data/igsr$ echo $?\n124\n"
    )
    assert causes(text) == [("cancelled", "high")]


def test_a_serverless_function_s_timeout_is_a_cancel():
    """Azure Functions: ascp's progress after the function's "PullNightlyStems: ascp: " tag, then "Timeout value of
    00:10:00 exceeded by function ...": the host ended it while it moved (it had read as unknown)."""
    stamp = "2025-10-21T01:0{}.000Z [{}] "
    text = (
        stamp.format("0:00", "Information")
        + "PullNightlyStems: cmd: /home/site/wwwroot/bin/ascp -P 33001 -l 250m -k 2 "
        "-d stems@aspera.mixhouse.example.com:/exports/2025-10-20/ /mnt/stems/2025-10-20/\n"
        + stamp.format("9:40", "Information")
        + "PullNightlyStems: ascp: stem_pack_C.zip    58%  4.9GB  243Mb/s    03:02 ETA\n"
        + stamp.format("9:59", "Error")
        + "Timeout value of 00:10:00 exceeded by function 'Functions.PullNightlyStems' (Id: '3f7d'). "
        "Initiating cancellation.\n"
    )
    assert causes(text) == [("cancelled", "high")]


def test_earlyoom_terminating_ascp_in_a_journal_is_a_cancel():
    """earlyoom's 'sending SIGTERM to process 51902 uid 1000 "ascp": badness 23' in a journal, then the wrapper's
    "ascp exited with 143": ended from outside (the quoted name had made the line a person's quote)."""
    text = (
        "Apr 27 23:43:30 seqbox ascp-pull.sh[51877]: x.fastq.gz            41% 2301MB  126Mb/s    05:56 ETA\n"
        'Apr 27 23:47:12 seqbox earlyoom[812]: sending SIGTERM to process 51902 uid 1000 "ascp": badness 23, VmRSS 301 '
        "MiB\n"
        "Apr 27 23:47:13 seqbox ascp-pull.sh[51877]: ascp exited with 143\n"
    )
    assert causes(text) == [("cancelled", "high")]


def test_a_journal_with_epoch_times_is_read_as_syslog():
    """``journalctl -o short-unix``: "1772488802.187520 hsts-par-01 ascp[220411]: LOG FASP Session Start ...
    errcode=12" and a later session's success: two sessions, the first its DNS failure (they had read as one
    console run that completed)."""
    first, second = "8c2e4a6b-1d3f-4e5a-9b7c-0d2f4a6c8e51", "f13a5c7e-9b2d-4f6a-8c1e-3d5f7b9a1c52"
    text = (
        '$ journalctl -o short-unix -t asperanoded -t ascp --since "2026-03-02 21:55" --no-pager\n'
        "1772488802.187331 hsts-par-01 ascp[220411]: ERR Cannot resolve target host.\n"
        f"1772488802.187520 hsts-par-01 ascp[220411]: LOG FASP Session Start uuid={first} op=send status=failed "
        'errcode=12 errstr="Error establishing control connection"\n'
        f"1772490011.226048 hsts-par-01 ascp[220987]: LOG FASP Session Start uuid={second} op=send status=started\n"
        f"1772491163.847116 hsts-par-01 ascp[220987]: LOG FASP Session Stop uuid={second} op=send status=success\n"
    )
    assert cause_ids(text) == ["dns", "ok"]


def _drop(ident: int, sport: int) -> str:
    return (
        f"nft-drop-tcp: IN=ens5 OUT= MAC=06:2f:1c:9a:44:01 SRC=203.27.114.56 DST=10.110.2.9 LEN=60 TTL=46 ID={ident}"
        f" DF PROTO=TCP SPT={sport} DPT=22 WINDOW=64240 RES=0x00 SYN URGP=0"
    )


def test_a_json_export_s_epoch_times_and_tagged_messages_are_a_server_s_lines():
    """A New Relic query's JSON result ({"timestamp": 1785799512301, "hostname": ..., "message": "sshd[14390]:
    Accepted ..."} and the kernel's firewall drops of a client's SYNs to port 22): the records in syslog's form,
    epoch milliseconds as UTC, so the dropped connections are two attempts and the session one (it had read as
    nothing: unknown)."""
    import json

    uuid = "3c5e7a9c-1e3a-4c5e-8a9c-1e3a5c7e9f10"
    records = [
        (1785799512301, "kernel", _drop(51220, 49382)),
        (1785799513318, "kernel", _drop(51221, 49382)),
        (1785799515366, "kernel", _drop(51222, 49382)),
        (1785800102455, "kernel", _drop(7710, 49611)),
        (1785800103467, "kernel", _drop(7711, 49611)),
        (1785801350120, "authpriv", "sshd[14390]: Accepted password for tasman from 203.27.114.56 port 49877 ssh2"),
        (
            1785801350402,
            "aspera",
            f"ascp[14398]: LOG FASP Session Start uuid={uuid} op=recv status=started source=- dest=/in"
            " peer=203.27.114.56:33001 tcp_port=33001",
        ),
        (
            1785801412877,
            "aspera",
            f"ascp[14398]: LOG FASP Session Stop uuid={uuid} op=recv status=success files=42 size=734003200"
            " elapsed=62.47s rate=94.00Mbps loss=0.00",
        ),
    ]
    document = {
        "query": "SELECT timestamp, hostname, message FROM Log",
        "results": [{"timestamp": t, "hostname": "hsts-syd-01", "logtype": k, "message": m} for t, k, m in records],
    }
    assert cause_ids(json.dumps(document, indent=2)) == ["ssh-port", "ssh-port", "ok"]


def test_gelf_json_lines_are_a_server_s_records():
    """Graylog's GELF lines ({"host": ..., "short_message": "LOG FASP Session Start ...", "timestamp": 1776330121.655,
    "_application_name": "ascp", "_pid": "55110"}): each record in syslog's form under its program and process, so
    three sessions read as three (they had read as one failed session)."""
    import json

    def gelf(when: float, program: str, pid: int, said: str) -> str:
        record = {"version": "1.1", "host": "dl-hsts-05", "short_message": said, "timestamp": when, "level": 6}
        return json.dumps(record | {"_application_name": program, "_pid": str(pid)})

    lines = []
    for n, (when, status) in enumerate(((1776330121.655, "success"), (1776330611.0, "failed"), (1776330765.5, "ok"))):
        uuid = f"3f5b7d9e-1a2c-4e4b-8d6f-0a2c4e6f8a6{n}"
        pid = 55110 + n
        lines.append(gelf(when - 0.3, "sshd", pid - 8, f"Accepted publickey for pub from 130.225.4.8{n} port 6012{n}"))
        lines.append(
            gelf(when, "ascp", pid, f"LOG FASP Session Start uuid={uuid} op=send status=started source=/a/{n}")
        )
        if status == "failed":
            lines.append(gelf(when + 9, "ascp", pid, 'ERR Read failed for file "/a/1" at offset 118111, errno=5'))
            stop = 'status=failed errcode=35 errstr="Error reading source file from disk"'
        else:
            stop = "status=success files=1 size=3221225 elapsed=40.2s rate=639.82Mbps loss=0.04"
        lines.append(gelf(when + 10, "ascp", pid, f"LOG FASP Session Stop uuid={uuid} op=send {stop}"))
    assert cause_ids("\n".join(lines) + "\n") == ["ok", "read-error", "ok"]


def test_a_kql_text_table_s_rows_are_a_server_s_records():
    """A Log Analytics query's result printed as a text table (TimeGenerated, Computer, ProcessName, ProcessID,
    SyslogMessage under a rule of dashes): each row in syslog's form, so sshd's MaxStartups drops of a partner's
    connections are attempts beside its sessions (the table had read as nothing)."""
    rows = [
        ("08:00:01.904", "sshd", 3107, "Connection from 192.0.2.77 port 40112 on 10.20.4.12 port 33001"),
        ("08:00:01.925", "sshd", 1022, "error: beginning MaxStartups throttling"),
        (
            "08:00:01.925",
            "sshd",
            1022,
            "drop connection #4 from [192.0.2.77]:40120 on [10.20.4.12]:33001 past MaxStartups",
        ),
        ("08:00:02.380", "sshd", 3107, "Accepted publickey for svc_ingest from 192.0.2.77 port 40112 ssh2"),
        (
            "08:00:02.733",
            "ascp",
            3124,
            "LOG FASP Session Start uuid=4b8e0f1a-9d0c-4c57-8a3e-0f2e5b1d7c01 op=recv status=started source=- "
            "dest=/ingest/EP104 peer=192.0.2.77:35212 tcp_port=33001",
        ),
        (
            "08:00:09.101",
            "ascp",
            3124,
            "LOG FASP Session Stop uuid=4b8e0f1a-9d0c-4c57-8a3e-0f2e5b1d7c01 op=recv status=success files=3 "
            "size=1048576 elapsed=6.4s rate=80.00Mbps loss=0.00",
        ),
    ]
    head = f"{'TimeGenerated [UTC]':<28} {'Computer':<12} {'ProcessName':<11} {'ProcessID':<9} SyslogMessage"
    rule = f"{'-' * 27}  {'-' * 11}  {'-' * 11} {'-' * 9} {'-' * 40}"
    body = "".join(f"{'2026-03-11 ' + t:<28} {'hsts-weu-02':<12} {p:<11} {pid:<9} {m}\n" for t, p, pid, m in rows)
    text = f'Syslog\n| where ProcessName in ("sshd", "ascp")\n\n{head}\n{rule}\n{body}'
    assert cause_ids(text) == ["ok", "ssh-refused"]
    # psql's form of such a table (cells apart by "|", a rule of "-+-"; a "logged_at" column) reads the same way
    psql = (
        "        logged_at        |    host     | program |  pid  | message\n"
        "-------------------------+-------------+---------+-------+--------------------------------------\n"
        + "".join(
            f" 2026-03-11 {t} | hsts-weu-02 | {p:<7} | {pid:>5} | {m}\n" for t, p, pid, m in rows if "Max" not in m
        )
        + "(4 rows)\n"
    )
    assert cause_ids(psql) == ["ok"]
    assert cause_ids(psql.replace("status=success", 'status=failed errcode=36 errstr="Disk write failed"')) == ["disk"]
