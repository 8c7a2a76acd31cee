"""explain: what blind round 139 found (each test but the guards failed on the code before its fix)."""

from __future__ import annotations

from tests.unit.test_explain_round58 import cause_ids


def test_a_planning_question_that_says_nothing_was_tried_yet_is_no_run():
    """A collaborator's error quoted, then "until their IT opened UDP 33001 outbound. I have not tried anything on
    our systems yet.": no run (the quote had read as a UDP failure, high: a confident wrong)."""
    text = (
        "a collaborator at another university told us their downloads always ended with\n\n"
        "    Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))\n\n"
        "until their IT opened UDP 33001 outbound. I have not tried anything on our systems yet.\n"
    )
    assert cause_ids(text) == []


def test_having_not_tried_one_other_thing_yet_is_no_word_that_nothing_ran():
    """Guard: "I haven't tried a newer Connect yet" after the person's own failed run: that run stands."""
    text = (
        "this morning's attempt:\n\n"
        "ascp: failed to open ssh session., exiting.\n\n"
        "Session Stop  (Error: failed to open ssh session.)\n\n"
        "No progress. The network team says nothing changed, and ssh/https to other sites work. I haven't tried a\n"
        "newer Connect yet because the server is shared.\n"
    )
    assert cause_ids(text) == ["server-session"]


def test_every_file_skipped_under_overwrite_never_is_a_file_that_exists():
    """A wrapper's transfer spec "overwrite=never", ascp's "Source file transfers skipped : 1" and "Completed: 0K
    bytes", the wrapper's SUCCESS: the destination kept its old file (it had read as ok: a confident wrong)."""
    text = (
        "2024-07-19 01:00:04,115 INFO  sync_partner: transfer_spec overwrite=never resume_policy=sparse_csum "
        "paths=[/srv/out/weekly/price_matrix.xlsx -> price_matrix.xlsx]\n"
        "2024-07-19 01:00:06,402 INFO  sync_partner: ascp log: LOG - Source file transfers skipped       : 1\n"
        "2024-07-19 01:00:06,403 INFO  sync_partner: ascp log: Completed: 0K bytes transferred in 1 seconds\n"
        "2024-07-19 01:00:06,403 INFO  sync_partner: ascp log:  (0K bits/sec), in 1 file.\n"
        "2024-07-19 01:00:06,418 INFO  sync_partner: status=COMPLETED files_completed=0 files_skipped=1 bytes=0\n"
        "2024-07-19 01:00:06,419 INFO  sync_partner: RESULT SUCCESS transfer id=7d2c0a4e\n"
    )
    assert cause_ids(text) == ["exists"]


def test_skipped_files_without_a_keep_policy_stay_a_success():
    """Guard: the same run without overwrite=never: the skipped file was complete already (resume): ok."""
    text = (
        "2024-07-19 01:00:06,402 INFO  sync_partner: ascp log: LOG - Source file transfers skipped       : 1\n"
        "2024-07-19 01:00:06,403 INFO  sync_partner: ascp log: Completed: 0K bytes transferred in 1 seconds\n"
        "2024-07-19 01:00:06,403 INFO  sync_partner: ascp log:  (0K bits/sec), in 1 file.\n"
        "2024-07-19 01:00:06,419 INFO  sync_partner: RESULT SUCCESS transfer id=7d2c0a4e\n"
    )
    assert cause_ids(text) == ["ok"]


def test_a_glossary_page_that_describes_no_incident_has_no_runs():
    """ "This page is a lookup table. It does **not** describe any specific incident.", its table, and "Examples
    copied from tickets (sanitised, for illustration only)": no run (two had been read, one at high)."""
    text = (
        "# FASP / ascp error glossary\n\n"
        "> **Info panel** — This page is a lookup table. It does **not** describe any specific incident.\n\n"
        "## Examples copied from tickets (sanitised, for illustration only)\n\n"
        "```\n"
        "ascp: failed to authenticate, exiting.\n\n"
        "Session Stop  (Error: failed to authenticate)\n"
        "```\n\n"
        "```\n"
        "Completed: 0K bytes transferred in 0 seconds\n"
        "Session Stop  (Error: Server aborted session: No such file or directory)\n"
        "```\n"
    )
    assert cause_ids(text) == []


def test_a_runbook_s_note_that_it_records_no_transfer_covers_the_samples_above_it():
    """A runbook's samples, then "> These messages are quoted ... for recognition only; this page records no
    transfer.": no run (three had been read as refusals)."""
    text = (
        "# RB-031 — HSTS: many sessions fail at once before login\n\n"
        "Several partners report that ascp stops right after start with one of:\n\n"
        "```text\n"
        "ascp: failed to authenticate, exiting.\n"
        "Session Stop  (Error: failed to open ssh session.)\n"
        "```\n\n"
        "while /var/log/secure shows lines like\n\n"
        "```text\n"
        "sshd[18221]: drop connection #10 from [203.0.113.40]:51234 on [192.0.2.10]:33001 past MaxStartups\n"
        "```\n\n"
        "> These messages are quoted from the vendor documentation and from past incidents for\n"
        "> recognition only; this page records no transfer.\n\n"
        "## Checks\n"
    )
    assert cause_ids(text) == []


def test_hand_written_test_sessions_with_zero_uuids_are_no_runs():
    """A wiki's grok patterns and their test input, "uuid=00000000-0000-0000-0000-000000000000": a parser's test
    lines (they had read as a stall and a permission failure, high)."""
    text = (
        "테스트 입력:\n\n"
        "```\n"
        "Jan  1 00:00:00 hsts-test ascp[1]: LOG FASP Session Stop uuid=00000000-0000-0000-0000-000000000000 op=recv "
        'status=failed errcode=40 errstr="Transfer stalled, timed out"\n'
        "Jan  1 00:00:00 hsts-test ascp[1]: LOG FASP Session Stop uuid=00000000-0000-0000-0000-000000000001 op=send "
        'status=failed errcode=5 errstr="Insufficient permission to read or write"\n'
        "```\n"
    )
    assert cause_ids(text) == []


def test_journalctl_json_sse_entries_are_read_as_the_journal():
    """``journalctl -o json-sse`` ("data: {...}" per entry): the journal's lines, sshd's penalty drop and the session
    that worked (they had read as no line of the server's)."""

    def entry(stamp: str, ident: str, pid: str, message: str) -> str:
        return (
            f'data: {{"__REALTIME_TIMESTAMP":"{stamp}","_HOSTNAME":"xfer-uni-01","SYSLOG_IDENTIFIER":"{ident}",'
            f'"_PID":"{pid}","PRIORITY":"6","MESSAGE":"{message}"}}\n\n'
        )

    uuid = "9f2a3c55-0b1e-4c6e-8d2f-3a7bb1e0c4d2"
    text = (
        '$ journalctl -o json-sse --since "2025-02-18 14:00" _COMM=sshd + SYSLOG_IDENTIFIER=ascp\n'
        + entry(
            "1739883645778120", "sshd-session", "71188", "Connection from 141.20.33.7 port 40366 on 10.1.4.9 port 33001"
        )
        + entry(
            "1739883646101774",
            "sshd-session",
            "71188",
            "Accepted publickey for genomics_lab from 141.20.33.7 port 40366 ssh2",
        )
        + entry(
            "1739883646612047",
            "ascp",
            "71195",
            f"LOG FASP Session Start uuid={uuid} op=send status=started "
            "source=/srv/runs dest=. source_prefix=- local=10.1.4.9:33001 peer=141.20.33.7:51877 tcp_port=33001",
        )
        + entry(
            "1739883700612047",
            "ascp",
            "71195",
            f"LOG FASP Session Stop uuid={uuid} op=send status=success source=/srv/runs dest=.",
        )
    )
    assert cause_ids(text) == ["ok"]


_UNIT = (
    "[root@hsts-ber-03 ~]# systemctl start aspera-replica-push.service\n"
    "Job for aspera-replica-push.service failed because the control process exited with error code.\n"
    "[root@hsts-ber-03 ~]# systemctl status aspera-replica-push.service --no-pager -l\n"
    "× aspera-replica-push.service - Push /srv/media to replica\n"
    "     Active: failed (Result: exit-code) since Thu 2025-08-28 14:22:09 CEST; 6s ago\n"
    "    Process: 99310 ExecStart=/opt/aspera/bin/ascp -P 33001 -l 800m -k 2 /srv/media replica@hsts-ham-01:/srv/media "
    "(code=exited, status=1/FAILURE)\n\n"
    "Aug 28 14:22:09 hsts-ber-03 systemd[1]: Starting aspera-replica-push.service - Push /srv/media to replica...\n"
    "Aug 28 14:22:09 hsts-ber-03 ascp[99310]: ERR Error parsing configuration file /opt/aspera/etc/aspera.conf: "
    "Opening and ending tag mismatch: target_rate_cap_kbps line 41 and transfer\n"
    "Aug 28 14:22:09 hsts-ber-03 ascp[99310]: ascp: Aspera.conf contains invalid data and was rejected, exiting.\n"
    "Aug 28 14:22:09 hsts-ber-03 systemd[1]: aspera-replica-push.service: Main process exited, code=exited, "
    "status=1/FAILURE\n"
)


def test_systemctl_status_and_its_journal_of_one_start_are_one_run():
    """``systemctl status``'s "Process: 99310 ExecStart=.../ascp ... status=1/FAILURE" over the journal's ascp[99310]
    lines of the same second: one start (it had read as an unknown run and a configuration one)."""
    assert cause_ids(_UNIT) == ["configuration"]


def test_asuserdata_s_parse_error_is_the_tool_s_not_a_run():
    """ "# /opt/aspera/bin/asuserdata -v" after the unit's failure, its "ERR Error parsing configuration file ...":
    the server's tool reading aspera.conf, no run of ascp's (it had read as a second, unknown run)."""
    text = (
        _UNIT + "[root@hsts-ber-03 ~]# /opt/aspera/bin/asuserdata -v\n"
        "ERR Error parsing configuration file /opt/aspera/etc/aspera.conf: Opening and ending tag mismatch: "
        "target_rate_cap_kbps line 41 and transfer\n"
        "[root@hsts-ber-03 ~]# sed -n 39,43p /opt/aspera/etc/aspera.conf\n"
    )
    assert cause_ids(text) == ["configuration"]


def test_pf_s_blocked_syns_of_a_client_are_its_attempts():
    """``tcpdump -r /var/log/pflog``: a partner's SYNs to port 22 blocked by the front firewall, each connection
    sent again and never answered: two attempts (nothing had been read)."""
    line = (
        "Jul 08 {t} rule 0/(match) block in on em0: 178.62.90.15.{p} > 145.131.8.40.22: S 2921770301:2921770301(0) "
        "win 64240 <mss 1460,sackOK,timestamp 301772 0,nop,wscale 7> (DF)\n"
    )
    text = "fw-ams-edge# tcpdump -n -e -ttt -r /var/log/pflog host 178.62.90.15\n" + "".join(
        line.format(t=t, p=p)
        for t, p in (
            ("07:30:01.402211", 58811),
            ("07:30:02.419877", 58811),
            ("07:30:04.435902", 58811),
            ("07:45:01.118430", 59034),
            ("07:45:02.130559", 59034),
            ("07:45:04.146022", 59034),
        )
    )
    assert cause_ids(text) == ["ssh-port", "ssh-port"]
