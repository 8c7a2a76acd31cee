"""explain: what blind round 115 found (each test but the guards failed on the code before its fix)."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_explain_round58 import cause_ids

BLIND = Path(__file__).parent.parent / "data" / "explain" / "blind"


def test_a_calendar_invite_s_description_is_no_run():
    """An Outlook invite (iCalendar) for a maintenance window whose description quotes what ascp will print: no run
    (it had read as the SSH port, high)."""
    text = (
        "BEGIN:VCALENDAR\nVERSION:2.0\nMETHOD:REQUEST\nBEGIN:VEVENT\n"
        "SUMMARY;LANGUAGE=fr-FR:[Maintenance] Migration du serveur Aspera\n"
        "DESCRIPTION;LANGUAGE=fr-FR:Pendant la coupure\\, les transferts échoueront :\n"
        " \\n\\n  ascp: Failed to open TCP connection for SSH\\, exiting.\\n\n"
        "END:VEVENT\nEND:VCALENDAR\n"
    )
    assert cause_ids(text) == []


def test_examples_said_to_be_illustrations_taken_from_a_table_are_no_runs():
    """A security bulletin's samples of what users will see, then "(Both examples above are taken from the vendor
    error table and the ticket archive; they are illustrations, not findings.)": no runs (they had read as auth and
    a host key)."""
    text = (
        "3. WHAT USERS WILL SEE AFTER THE SERVER HARDENING\n\n"
        "  The message printed by old ascp builds is misleading:\n\n"
        "      ascp: failed to authenticate, exiting.\n\n"
        "      Session Stop  (Error: failed to authenticate)\n\n"
        "  Clients with a pinned fingerprint that no longer matches will instead print\n\n"
        "      Session Stop  (Error: Remote host is not who we expected)\n\n"
        "  (Both examples above are taken from the vendor error table and the\n"
        "  ticket archive; they are illustrations, not findings.)\n"
    )
    assert cause_ids(text) == []


def test_a_slide_deck_s_text_export_with_ruled_slide_headings_is_no_run():
    """Speaker notes saved as text ("--- Слайд 3: ... ---" for each slide): the talk's samples, no runs (they had
    read as auth and UDP)."""
    text = (
        "Экспорт заметок докладчика (PowerPoint → «Сохранить как → Текст»)\n\n"
        "--- Слайд 1 ---\nПредставиться.\n\n"
        "--- Слайд 2 ---\nСколько в зале пользуются ascp?\n\n"
        "--- Слайд 3: «Одно сообщение — пять причин» ---\nНа слайде крупно:\n"
        "    ascp: failed to authenticate, exiting.\n\n"
        "--- Слайд 4: «Ноль процентов» ---\n"
        "    SRR1234567_1.fastq.gz    0%    0KB    0.0Kb/s    --:-- ETA\n"
        "    Session Stop  (Error: Session data transfer timeout)\n"
    )
    assert cause_ids(text) == []


def test_a_log_analytics_csv_export_is_read_as_a_server_s_records():
    """The Azure portal's CSV export ("TimeGenerated [UTC]", Computer, ProcessName, ProcessID, SyslogMessage; times
    as "3/11/2025, 9:02:14.000 AM"; the kernel's drops of a client's UDP among sshd's and ascp's rows): each row in
    syslog's form, so the server's sessions are read (the export had read as nothing). The kept input itself."""
    export = BLIND / "round115-servers" / "01-azure-log-analytics-syslog-export.csv"
    assert cause_ids(export.read_text(encoding="utf-8")) == ["udp", "ok", "udp", "ok"]


def test_audit_records_of_a_rename_are_no_run():
    """ausearch's records ("type=SYSCALL msg=audit(...) : ... syscall=rename success=no exit=ENOENT(No such file or
    directory) ... comm=ascp"): the kernel's account of ascp's call, no run of its own (it had read as a missing
    file, high)."""
    text = (
        "$ sudo ausearch -k deliverables_watch -i | grep -E 'type=PATH|type=SYSCALL'\n"
        "type=SYSCALL msg=audit(12/09/2025 17:12:02.517:90188) : arch=x86_64 syscall=rename success=no "
        "exit=ENOENT(No such file or directory) items=2 ppid=7719 pid=7725 uid=xfer_edit comm=ascp "
        "exe=/opt/aspera/bin/ascp\n"
    )
    assert cause_ids(text) == []


def test_a_server_s_ascp_missing_a_library_after_a_login_is_that_client_s_failed_attempt():
    """A server's journal: sshd lets a client in, then "aspshell[30129]: /opt/aspera/bin/ascp: error while loading
    shared libraries: libssl.so.1.1: ..." and the client disconnects: that client's attempt failed on the server's
    side (they had read as nothing; only the later session that worked was read)."""
    uuid = "7d0a3c58-e1b2-4f96-a84d-29c6f5b0e713"
    text = (
        "2025-04-10T07:42:01.118402+00:00 fasp-bcn-01 sshd[30112]: Accepted password for xfer_olivar from "
        "77.224.18.90 port 52211 ssh2\n"
        "2025-04-10T07:42:01.244019+00:00 fasp-bcn-01 aspshell[30129]: /opt/aspera/bin/ascp: error while loading "
        "shared libraries: libssl.so.1.1: cannot open shared object file: No such file or directory\n"
        "2025-04-10T07:42:01.251630+00:00 fasp-bcn-01 sshd[30112]: Received disconnect from 77.224.18.90 port 52211:11:"
        " disconnected by user\n"
        "2025-04-10T07:55:33.415280+00:00 fasp-bcn-01 sshd[31130]: Accepted password for xfer_olivar from "
        "77.224.18.90 port 52388 ssh2\n"
        f"2025-04-10T07:55:33.829904+00:00 fasp-bcn-01 ascp[31147]: LOG FASP Session Start uuid={uuid} op=recv "
        "status=started source=- dest=/data/olivar peer=77.224.18.90:52388 tcp_port=33001\n"
        f"2025-04-10T08:00:19.662015+00:00 fasp-bcn-01 ascp[31147]: LOG FASP Session Stop uuid={uuid} op=recv "
        "status=success files=4 bytes=12884901888 elapsed=285.83s rate=360.61Mbps loss=0.00\n"
    )
    assert cause_ids(text) == ["server-session", "ok"]
