"""explain: what blind round 120 found (each test but the guards failed on the code before its fix)."""

from __future__ import annotations

import json

from tests.unit.test_explain_round58 import cause_ids


def test_a_summary_of_nothing_moved_after_exiting_is_the_same_run():
    """ascp's "..., exiting." on stderr, then its stdout's "Completed: 0K bytes ..." and Session Stop (the streams
    of one run, 2>&1): one run, not two (it had read as two, each no-such-file, high)."""
    text = (
        "$ cat dl.log\n"
        "start to download GSE194116 at Mon Mar 18 21:07:44 CST 2024\n"
        "ascp: Server aborted session: No such file or directory, exiting.\n"
        "Completed: 0K bytes transferred in 1 seconds\n"
        " (0K bits/sec), in 0 file.\n"
        "\n"
        "Session Stop  (Error: Server aborted session: No such file or directory)\n"
    )
    assert cause_ids(text) == ["no-such-file"]


def test_a_run_after_another_s_success_still_opens_with_a_summary():
    """A run that completed, then the next one's "..., exiting." and its own summary of nothing: two runs (the
    second had read as two)."""
    text = (
        "Completed: 2264064K bytes transferred in 39 seconds\n"
        " (475520K bits/sec), in 1 file.\n"
        "ascp: Server aborted session: No such file or directory, exiting.\n"
        "Completed: 0K bytes transferred in 0 seconds\n"
        "Session Stop  (Error: Server aborted session: No such file or directory)\n"
    )
    assert cause_ids(text) == ["ok", "no-such-file"]


def _task(number: int, start: str, end: str, failed: bool) -> str:
    out = f"==> job_77_{number}.out <==\n[2026-11-20 {start}] task {number} start: lib0{number}\n"
    if failed:
        out += "ascp: failed to open ssh session, exiting.\n\nSession Stop  (Error: failed to open ssh session)\n"
    else:
        out += "Completed: 12995412K bytes transferred in 1079 seconds\n (98664K bits/sec), in 2 files.\n"
    return out + f"[2026-11-20 {end}] task {number} ascp exit={int(failed)}\n\n"


def test_tasks_that_started_together_are_listed_as_they_started_not_as_they_ended():
    """A job array's task logs concatenated, each task's stamped start line over ascp's unstamped output and its
    stamped exit line: the runs in the order the tasks started (1, 2, 3, 4), though 1 and 4 ended first (they had
    been listed by their end lines' times: both failures first)."""
    text = (
        _task(1, "08:00:03", "08:00:09", True)
        + _task(2, "08:00:03", "08:18:05", False)
        + _task(3, "08:00:03", "08:17:26", False)
        + _task(4, "08:00:04", "08:00:10", True)
    )
    assert cause_ids(text) == ["server-session", "ok", "ok", "server-session"]


def test_a_run_s_time_stays_its_own_where_a_server_s_log_pairs_it():
    """Guard: a wrapper's stamped "ascp started" before its "ascp exited 0" does not move that run's own time (the
    time a server's session is paired by): one completed upload, not two."""
    text = (
        "2025-09-23 09:00:12 upload batch 0923-0900: ascp started\n"
        "2025-09-23 09:01:04 upload batch 0923-0900: ascp exited 0\n"
        "\n"
        "2025-09-23T09:00:12.802+02:00 gw sshd-session[5507]: Accepted publickey for nordlicht from 198.18.22.9 port "
        "40950 ssh2: ED25519 SHA256:8dKqv1Yh5mZ2nB0cR7tW3xL9pF4sA6eG1uJ0oI2kT5w\n"
        "2025-09-23T09:00:13.011+02:00 gw ascp[5512]: LOG FASP Session Start uuid=8e2e278d-ebc3-448e-b897-7818377b58c5 "
        "op=recv status=started source=- dest=/srv/in source_prefix=- local=192.0.2.30:33001 peer=198.18.22.9:33001 "
        "tcp_port=33001\n"
        "2025-09-23T09:01:04.447+02:00 gw ascp[5512]: LOG FASP Session Stop uuid=8e2e278d-ebc3-448e-b897-7818377b58c5 "
        "op=recv status=success source=- dest=/srv/in source_prefix=- local=192.0.2.30:33001 peer=198.18.22.9:33001 "
        "tcp_port=33001\n"
    )
    assert cause_ids(text) == ["ok"]


def test_a_dutch_question_before_a_first_try_is_no_run():
    """A list mail asking before a first try ("Ik heb het zelf nog niet geprobeerd"), quoting the error a FAQ says
    one gets: no run (it had read as UDP, high)."""
    text = (
        "Hoi allemaal,\n\n"
        "In de FAQ die ik vond staat dat je bij een dichte firewall dit krijgt:\n\n"
        "    Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))\n\n"
        "en dat je dan TCP en UDP 33001 open moet laten zetten. Weet iemand of dat bij ons al zo is? Ik heb het zelf\n"
        "nog niet geprobeerd (Connect is nog niet eens geïnstalleerd op mijn werkplek).\n\n"
        "Groet,\nSanne\n"
    )
    assert cause_ids(text) == []


def test_a_finnish_newsletter_s_typical_output_is_no_run():
    """A newsletter's "lataus päättyy tyypillisesti näin:" (the download typically ends like this) before ascp's
    lines: a sample, no run (it had read as auth, medium)."""
    text = (
        "1. ENA-lataukset Asperalla: vaihda avain\n"
        "----------------------------------------\n"
        "ENA ei enää hyväksy vanhaa DSA-avainta (asperaweb_id_dsa.openssh), joka on\n"
        "monissa vanhoissa ohjeissa ja skripteissä. Jos skriptisi käyttää sitä,\n"
        "lataus päättyy tyypillisesti näin:\n\n"
        "    ascp: failed to authenticate, exiting.\n\n"
        "    Session Stop  (Error: failed to authenticate)\n\n"
        "Korjaus: asenna ascli ja käytä sen mukana tulevaa RSA-avainta.\n"
    )
    assert cause_ids(text) == []


def _wazuh(stamp: str, full_log: str, description: str) -> str:
    return json.dumps(
        {
            "timestamp": stamp,
            "rule": {"level": 8, "description": description, "id": "5758", "groups": ["syslog", "sshd"]},
            "agent": {"id": "017", "name": "hsts-prod-02"},
            "full_log": full_log,
            "predecoder": {"program_name": "sshd", "hostname": "hsts-prod-02"},
            "decoder": {"name": "sshd"},
            "location": "/var/log/secure",
        }
    )


def test_wazuh_s_full_log_lines_are_read_as_the_server_s_syslog():
    """Wazuh's NDJSON export (each alert's line whole in "full_log"): sshd's "Unable to negotiate ... no matching key
    exchange method found" for a client's two attempts is the SSH handshake, twice (the partner's "failed to
    authenticate" alone had read as auth, medium)."""
    offer = "Their offer: diffie-hellman-group14-sha1,diffie-hellman-group1-sha1 [preauth]"
    text = (
        "Their console, twice:\n\n"
        "ascp: failed to authenticate, exiting.\n\n"
        "Session Stop  (Error: failed to authenticate)\n\n"
        "Our Wazuh export:\n\n"
        + _wazuh(
            "2026-12-01T09:02:11.604+0000",
            "Dec  1 09:02:11 hsts-prod-02 sshd[88002]: Invalid user admin from 141.98.11.23 port 51122",
            "sshd: Attempt to login using a non-existent user",
        )
        + "\n"
        + _wazuh(
            "2026-12-01T09:14:22.481+0000",
            "Dec  1 09:14:22 hsts-prod-02 sshd[88121]: Unable to negotiate with 198.51.100.140 port 50112: no matching "
            f"key exchange method found. {offer}",
            "sshd: insecure connection attempt (scan).",
        )
        + "\n"
        + _wazuh(
            "2026-12-01T09:20:47.117+0000",
            "Dec  1 09:20:47 hsts-prod-02 sshd[88167]: Unable to negotiate with 198.51.100.140 port 50388: no matching "
            f"key exchange method found. {offer}",
            "sshd: insecure connection attempt (scan).",
        )
        + "\n"
    )
    assert cause_ids(text) == ["ssh-handshake", "ssh-handshake"]


def _session(uuid: str, port: int, encrypt: str, refusal: str) -> str:
    return (
        f"Accepted password for audit_kpmg from 198.51.100.94 port {port} ssh2\n"
        f"LOG FASP Session Start uuid={uuid} op=recv status=started source=Q3.zip dest=/legal source_prefix=- "
        "local=192.0.2.140:33001 peer=198.51.100.94:33001 tcp_port=33001\n"
        f'LOG FASP Session Params uuid={uuid} userid=3044 user="audit_kpmg" targetrate=100000000 cipher=aes-128 '
        f"files_encrypt={encrypt} files_decrypt=no\n"
        f"ERR Management authorization refused: {refusal}\n"
        f'LOG FASP Session Stop uuid={uuid} op=recv status=failed errcode=34 errstr="Unauthorized" source=Q3.zip (0) '
        "dest=/legal\n"
        "pam_unix(sshd:session): session closed for user audit_kpmg\n"
    )


def test_a_scanner_s_invalid_user_in_a_journal_without_tags_is_no_session_s():
    """``journalctl -o cat`` (no times, no tags): a scanner's "Invalid user support from 194.26.29.102" just after a
    session's stop names another client: neither that session's evidence nor a run (the session had read as auth,
    medium)."""
    text = (
        '$ journalctl -u sshd -t ascp --since "2026-12-03 10:00" -o cat\n\n'
        + _session("2c8e41f7-9a05-4d3b-b6e2-70f1a9c4d813", 49120, "no", "Server requires content protection")
        + "Invalid user support from 194.26.29.102 port 40188\n"
        "Connection closed by invalid user support 194.26.29.102 port 40188 [preauth]\n"
        + _session(
            "f0a3d6b2-18c7-4e59-93ad-5b2e7c0f9a14",
            49377,
            "yes",
            "Server requires stronger content protection passphrase",
        )
    )
    assert cause_ids(text) == ["content-protection", "content-protection"]


def test_a_sumo_logic_export_newest_first_is_read_as_the_server_s_syslog():
    """Sumo Logic's CSV export ("_messagetime" month first with its zone, "_raw" holding syslog's line), newest
    first: two failed passwords, then sshd's penalty drop, read in time order (it had read as nothing)."""
    text = (
        '"_messagetime","_sourcehost","_sourcecategory","_raw"\n'
        '"12/03/2026 09:44:02.118 +0100","edge-03","hsts/secure","Dec  3 09:44:02 edge-03 sshd[2204]: drop connection '
        '#0 from [203.0.113.77]:55090 on [192.0.2.70]:33001 penalty: failed authentication"\n'
        '"12/03/2026 09:41:17.899 +0100","edge-03","hsts/secure","Dec  3 09:41:17 edge-03 sshd[118790]: Failed '
        'password for pathlab_up from 203.0.113.77 port 55046 ssh2"\n'
        '"12/03/2026 09:39:52.306 +0100","edge-03","hsts/secure","Dec  3 09:39:52 edge-03 sshd[118761]: Failed '
        'password for pathlab_up from 203.0.113.77 port 55013 ssh2"\n'
        '"12/03/2026 09:35:12.090 +0100","edge-03","hsts/messages","Dec  3 09:35:12 edge-03 asperanoded[1410]: LOG '
        'Request GET /info from 10.40.0.9 - 200"\n'
    )
    assert cause_ids(text) == ["auth", "auth", "ssh-refused"]


def _event(time: str, event_id: int, data: dict[str, str], provider: str = "Microsoft-Windows-TaskScheduler") -> str:
    fields = "".join(f'<Data Name="{name}">{value}</Data>' for name, value in data.items())
    return (
        '<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System>'
        f'<Provider Name="{provider}" /><EventID>{event_id}</EventID><TimeCreated SystemTime="{time}" />'
        '<Execution ProcessID="1504" ThreadID="6120" /><Computer>LABPC-07.lab.local</Computer></System>'
        f"<EventData>{fields}</EventData></Event>\n"
    )


_TASK = "\\Lab\\AsperaNightlyPull"
_ASCP_EXE = "C:\\Program Files\\IBM\\Aspera Connect\\bin\\ascp.exe"


def _night(day: int, instance: str, result: str | None, killed: bool) -> list[str]:
    started = {"TaskName": _TASK, "UserContext": "LAB\\svc", "InstanceId": instance}
    events = [_event(f"2025-05-{day}T23:00:00.1Z", 100, started)]
    if killed:
        stopped = {"TaskName": _TASK, "InstanceId": instance}
        events += [_event(f"2025-05-{day + 1}T01:00:00.1Z", 329, stopped)]
        events += [_event(f"2025-05-{day + 1}T01:00:00.2Z", 111, stopped)]
    if result is not None:
        done = {"TaskName": _TASK, "TaskInstanceId": instance, "ActionName": _ASCP_EXE, "ResultCode": result}
        events.append(_event(f"2025-05-{day}T23:40:00.1Z", 201, done))
    return events


def test_task_scheduler_s_history_as_event_xml_is_one_run_per_instance():
    """Event Viewer's XML of Task Scheduler's history, newest first, without rendered messages (``wevtutil qe
    /f:xml``): three nights, the action ascp.exe; return code 0, then 1 with nothing else, then the instance
    stopped at its time limit: ok, cannot tell, cancelled (it had read as no run at all)."""
    events = _night(12, "{3f2a}", "0", False) + _night(13, "{b81e}", "1", False) + _night(14, "{e0c4}", None, True)
    text = '<?xml version="1.0" encoding="utf-8"?>\n<Events>\n' + "".join(reversed(events)) + "</Events>\n"
    assert cause_ids(text) == ["ok", "unknown", "cancelled"]


def test_openssh_s_operational_events_as_xml_are_the_server_s_sshd_lines():
    """Win32-OpenSSH's events exported as XML: a password accepted, then "error: CreateProcessW failed error:2" (the
    program the login runs is gone after a reinstall): the server's side could not start, for that client's
    attempt (it had read as no run)."""
    events = [
        _event(
            "2026-11-27T14:02:09.55Z",
            4,
            {"process": "sshd", "payload": "Accepted password for svc_post from 198.51.100.9 port 50211 ssh2"},
            "OpenSSH",
        ),
        _event(
            "2026-11-27T14:02:09.88Z",
            2,
            {"process": "sshd", "payload": "error: CreateProcessW failed error:2"},
            "OpenSSH",
        ),
    ]
    text = "<Events>\n" + "".join(events) + "</Events>\n"
    assert cause_ids(text) == ["server-session"]


def test_a_wrapper_s_stopped_run_with_its_quoted_ascp_path_and_last_bar_is_cancelled():
    """A custom event log's lines: "run 3 of 3 started: "C:\\Program Files\\...\\ascp.exe" -P 33001 ...", then
    "... was terminated by Task Scheduler because the task exceeded its execution time limit" and "Last progress
    line: <bar>": one run, cancelled (it had read as cannot tell, then a second run for the bar)."""
    text = (
        '2025-04-10T02:00:01Z Task "\\MediaOps\\NightlyPush" run 3 of 3 started: "C:\\Program Files\\Aspera\\cli\\bin'
        '\\ascp.exe" -P 33001 -l 50m -k 1 E:\\Rushes\\cam2.mov push@fasp.example.com:/incoming/0410/\n'
        '2025-04-10T04:00:03Z Task "\\MediaOps\\NightlyPush" run 3 of 3 stopped: ascp.exe (PID 11232) was terminated '
        "by Task Scheduler because the task exceeded its execution time limit (PT2H).\n"
        "Last progress line: RUSHES_0410_cam2.mov                     61%   38GB  44.0Mb/s    2:47:12 ETA\n"
    )
    assert cause_ids(text) == ["cancelled"]


def test_schtasks_last_result_terminated_is_the_run_s_cancel():
    """``schtasks /query /v``'s "Last Result: 267014" (the task's last run terminated) before the script's log,
    which ends mid-transfer: cancelled (it had read as cannot tell)."""
    text = (
        'C:\\>schtasks /query /tn "\\LIMS\\Nightly Aspera Export" /v /fo LIST\n\n'
        "TaskName:                             \\LIMS\\Nightly Aspera Export\n"
        "Last Result:                          267014\n"
        "Stop Task If Runs X Hours and X Mins: 02:00:00\n\n"
        "C:\\>type C:\\LIMS\\logs\\export_aspera_20260318.log\n"
        '[03/18/2026  1:30:01.51] "C:\\Program Files\\IBM\\Aspera Transfer SDK\\bin\\ascp.exe" -P 33001 -l 400m -k 2 '
        "--mode=send --host=fasp.cro.example --user=lims_push -d D:\\Export\\2026-03-17 /in/plates/\n"
        "PLT_0317_0688_A11_w2.tif                                          41%  128GB  398Mb/s    59:48 ETA\n"
    )
    assert cause_ids(text) == ["cancelled"]


def test_a_go_client_s_labelled_failure_carries_ascp_s_words():
    """A Go Transfer SDK client's log line "error: transfer failed: {"code":51,"description":"Remote host is not
    who we expected",...}": the run's failure, the host key (it had read as cannot tell, from "exit status 1")."""
    text = (
        "2026/04/02 09:41:17 starting transfer: direction=send remote_host=fasp2.example.org ssh_port=33001\n"
        "2026/04/02 09:41:19 transfer 3c1e0a8e status=FAILED\n"
        '2026/04/02 09:41:19 error: transfer failed: {"code":51,"description":"Remote host is not who we expected",'
        '"session_id":"","bytes_transferred":0}\n'
        "exit status 1\n"
    )
    assert cause_ids(text) == ["host-key"]


def test_a_person_naming_a_section_titled_with_ascp_s_words_is_no_labelled_failure():
    """Guard: 'The ascli README section "Error: Remote host is not who we expected" says ...' after the run that
    said it: still one run."""
    text = (
        "$ ascli server upload /backup/db.tar --url=ssh://archive.example.org:33001 --username=backup_svc\n"
        "ERROR: Transfer: Remote host is not who we expected\n\n"
        'The ascli README section "Error: Remote host is not who we expected" says to add '
        "--ts=@json:'{\"sshfp\":null}'.\n"
    )
    assert cause_ids(text) == ["host-key"]


def test_a_build_log_after_its_yaml_manifest_is_read_as_a_log():
    """A build's page: its YAML manifest (block scalars), then "--- log ---" and the log, whose script says "line 41:
    ascp: command not found": ascp missing (the manifest had made the whole page a document: no run)."""
    text = (
        "--- .build.yml ---\n"
        "image: debian/bookworm\n"
        "packages:\n"
        "  - python3\n"
        "tasks:\n"
        "  - check: |\n"
        "      python3 -m unittest discover -s tests\n"
        "  - fetch-sample: |\n"
        "      ./bin/fetch-ena.sh ERR2129862\n\n"
        "--- log ---\n"
        "[#1390218] 2025/08/14 09:13:44 Running task fetch-sample\n"
        "+ ./bin/fetch-ena.sh ERR2129862\n"
        "fetch-ena: resolving aspera path for ERR2129862 via filereport\n"
        "fetch-ena: running ascp -QT -l 300m -P33001 -i /home/build/.ena_rsa.pem "
        "era-fasp@fasp.sra.ebi.ac.uk:/vol1/x data/\n"
        "./bin/fetch-ena.sh: line 41: ascp: command not found\n"
        "fetch-ena: ascp exited with 127\n"
    )
    assert cause_ids(text) == ["ascp-missing"]
