"""explain: what blind round 131 found (each test but the guards failed on the code before its fix)."""

from __future__ import annotations

from tests.unit.test_explain_round58 import cause_ids


def test_another_aspera_service_s_own_error_beside_the_sessions_is_no_run():
    """asperanoded's "ERR Unable to read license file ...: No such file or directory" at its start, then ascp's
    sessions failing for the licence: the sessions are the runs (the daemon's line had read as a missing file,
    high)."""
    uuid = "e4d1a2b9-08c7-4f3e-9a56-bc2f7e10d843"
    text = (
        "-- Journal begins at Mon 2026-01-05 00:00:12 CET, ends at Fri 2026-01-30 09:18:55 CET. --\n"
        "2026-01-30T08:59:58+0100 hsts systemd[1]: Starting asperanoded.service - IBM Aspera Node Daemon...\n"
        "2026-01-30T09:00:01+0100 hsts asperanoded[3101]: LOG Node daemon version 4.4.3.820 starting\n"
        "2026-01-30T09:00:01+0100 hsts asperanoded[3101]: ERR Unable to read license file "
        "/opt/aspera/etc/aspera-license: No such file or directory\n"
        f"2026-01-30T09:04:12+0100 hsts ascp[3385]: LOG FASP Session Start uuid={uuid} op=recv status=started "
        "source=x.zip dest=/in local=10.9.0.4:33001 peer=193.5.216.14:33001 tcp_port=33001\n"
        "2026-01-30T09:04:12+0100 hsts ascp[3385]: ERR License not found or unable to access\n"
        f"2026-01-30T09:04:12+0100 hsts ascp[3385]: LOG FASP Session Stop uuid={uuid} op=recv status=failed "
        'errcode=29 errstr="License not found or unable to access"\n'
    )
    assert cause_ids(text) == ["licence"]


def test_a_node_daemon_s_word_of_the_ascp_it_ran_is_still_read():
    """Guard: asperanoded's lines about the ascp it started ("ascp stderr: ... error while loading shared
    libraries") stay a run."""
    text = (
        "Oct 19 01:00:00 hsts asperanoded[1422]: [xfer] 5e7a9c1e starting ascp: direction=send remote_host=arsiv\n"
        "Oct 19 01:00:00 hsts asperanoded[1422]: [xfer] 5e7a9c1e ascp stderr: /opt/aspera/bin/ascp: error while "
        "loading shared libraries: libssl.so.1.1: cannot open shared object file: No such file or directory\n"
    )
    assert cause_ids(text) == ["died-at-start"]


def test_refused_logins_a_person_says_were_an_sftp_client_s_are_no_runs():
    """sshd's two "Failed password" connections, its penalty, then the drop of the client's ascp; the operator's
    note: the failed logins "were a colleague in WinSCP (SFTP)": one run, the drop (the logins had read as two
    runs, auth, medium)."""
    sshd = "May 19 {t} xfer sshd-session[{pid}]: "
    text = (
        sshd.format(t="06:58:03", pid=771204) + "Failed password for mkt_upload from 91.198.44.16 port 40122 ssh2\n"
        "May 19 06:58:09 xfer sshd[1033]: srclimit_penalise: ipv4: new 91.198.44.16/32 deferred penalty of 5 "
        "seconds for penalty: failed authentication\n"
        + sshd.format(t="06:58:33", pid=771388)
        + "Failed password for mkt_upload from 91.198.44.16 port 40166 ssh2\n"
        "May 19 06:58:38 xfer sshd[1033]: srclimit_penalise: 91.198.44.16/32: activating ipv4 penalty of 15.31 "
        "seconds for penalty: failed authentication\n"
        "May 19 06:58:45 xfer sshd[1033]: drop connection #0 from [91.198.44.16]:40288 on [172.20.4.9]:33001 "
        "penalty: failed authentication\n"
        "INC0481127: their ascp upload at 06:58:45 failed. The two Failed password connections just before were a "
        "colleague in WinSCP (SFTP) still using the old password.\n"
    )
    assert cause_ids(text) == ["ssh-refused"]


def test_a_session_export_s_trailing_comment_line_is_not_a_row():
    """A node's activity export: a comment line before the header and another after the rows ("# notes ..."), the
    error's words in ``error_desc``: each row a session (the trailing comment had made the input no table)."""
    text = (
        '# Exported from node "xfer-win01" activity view, 2025-04-03 18:05 (sorted: start_time desc)\n'
        "session_id,start_time,end_time,user,direction,status,error_code,error_desc\n"
        "c81f0e92-5d4b-4b0e-a3f1-0c7d6b9e1a22,2025-04-03 17:52:10,2025-04-03 17:52:11,edit,recv,failed,56,"
        "Windows path contains illegal characters\n"
        "7a53e1c8-4f02-4c11-b7d9-3e5a0c6d8f10,2025-04-03 16:29:40,2025-04-03 16:29:41,edit,recv,failed,42,"
        "File or directory already exists\n"
        "# notes (M. Adeyemi): day13 was already pulled yesterday\n"
    )
    assert cause_ids(text) == ["exists", "path-name"]


def test_datadog_s_logs_api_records_are_read_in_syslog_s_form():
    """Datadog's Logs API JSON (``data[].attributes`` with the message and ``attributes.syslog.appname``): sshd's
    drops are read as the server's refusals (the input had read as one unknown run)."""
    record = (
        '{{"id": "{n}", "type": "log", "attributes": {{"timestamp": "{t}", "host": "gw", "service": "sshd", '
        '"message": "{m}", "attributes": {{"syslog": {{"appname": "sshd", "procid": "1188"}}}}}}}}'
    )
    drop = "drop connection #{k} from [62.210.14.90]:{p} on [10.8.1.20]:33001 past MaxStartups"
    text = (
        '{"data": [\n'
        + ",\n".join(
            (
                record.format(n=1, t="2026-04-02T02:14:51.120Z", m="error: beginning MaxStartups throttling"),
                record.format(n=2, t="2026-04-02T02:14:53.877Z", m=drop.format(k=12, p=61544)),
                record.format(n=3, t="2026-04-02T02:15:02.339Z", m=drop.format(k=11, p=61571)),
            )
        )
        + '\n], "links": {"next": null}}\n'
    )
    assert cause_ids(text) == ["ssh-refused", "ssh-refused"]


def test_a_go_sdk_client_s_failed_status_with_its_code_and_words():
    """A Go Transfer SDK client's log: "status=FAILED err_code=15 err_desc="Client unable to connect to server
    (check UDP port and firewall)"": that run, udp (it had read as unknown, from the wrapper's exit status alone)."""
    text = (
        "2026/11/21 13:58:42 transfer 4a6f53b0-2b1c-4d7d-8a57-2f1e0c9b6b11 status=RUNNING\n"
        "2026/11/21 13:59:02 transfer 4a6f53b0-2b1c-4d7d-8a57-2f1e0c9b6b11 status=FAILED err_code=15 "
        'err_desc="Client unable to connect to server (check UDP port and firewall)"\n'
        "2026/11/21 13:59:02 upload failed: transfer 4a6f53b0: FAILED\nexit status 1\n"
    )
    assert cause_ids(text) == ["udp"]


def test_interleaved_processes_of_one_log_are_listed_as_they_began():
    """Two ascp processes writing one client log (a shared host): the one initialized first logs its failure last.
    Its run is listed first (it had been listed second, by its Session Start record)."""
    first, second = "0b7e1c44-5a2d-4e61-9c3f-1d2e3f405162", "7c9a2e18-3b4f-4d5a-8e6f-a1b2c3d4e5f6"
    text = (
        "2024-02-08 09:10:01 [1f04-00000a10] LOG Initializing FASP version 4.4.2.560, license max rate=(unlimited)\n"
        "2024-02-08 09:10:01 [1f04-00000a10] LOG ascp args: -l 200m --mode=send --user=ops --host=xfer.example.org "
        "D:\\out\\batch7 /in/\n"
        "2024-02-08 09:10:04 [2b88-00000c3c] LOG Initializing FASP version 4.4.2.560, license max rate=(unlimited)\n"
        "2024-02-08 09:10:05 [2b88-00000c3c] ERR failed to authenticate\n"
        f"2024-02-08 09:10:05 [2b88-00000d08] LOG FASP Session Start uuid={second} op=send status=failed "
        'errcode=19 errstr="Authentication failure"\n'
        "2024-02-08 09:10:07 [1f04-00000b2c] ERR Peer FASP receiver had error, errcode 73 errstr "
        "[Management authorization refused: user ops denied by server]\n"
        f"2024-02-08 09:10:07 [1f04-00000a10] LOG FASP Session Start uuid={first} op=send status=failed "
        'errcode=34 errstr="Unauthorized"\n'
    )
    assert cause_ids(text) == ["unauthorized", "auth"]


def test_one_process_s_sessions_keep_their_order():
    """Guard: one process (Connect's) logging two sessions after its one Initializing line keeps them as logged."""
    first, second = "5d1e2f30-4a5b-4c6d-8e7f-901a2b3c4d5e", "6e2f3a41-5b6c-4d7e-9f80-a12b3c4d5e6f"
    text = (
        "2024-02-08 09:10:01 [1f04-00000a10] LOG Initializing FASP version 4.4.2.560, license max rate=(unlimited)\n"
        f"2024-02-08 09:10:02 [1f04-00000a10] LOG FASP Session Start uuid={first} op=send status=failed "
        'errcode=19 errstr="Authentication failure"\n'
        f"2024-02-08 09:12:02 [1f04-00000a10] LOG FASP Session Start uuid={second} op=send status=failed "
        'errcode=34 errstr="Unauthorized"\n'
    )
    assert cause_ids(text) == ["auth", "unauthorized"]
