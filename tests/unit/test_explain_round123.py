"""explain: what blind round 123 found (each test but the guards failed on the code before its fix)."""

from __future__ import annotations

import json

from aspdiag.tools.explain.scan import field_raw, siem_records_as_lines
from tests.unit.test_explain_round58 import cause_ids, causes

_LOGGED = (
    "LOG FASP Session Stop uuid=b7e2d0c4-1f93-4a68-8c05-e3a9f1b2d760 op=recv status=failed errcode=44 "
    'errstr="UDP session initiation fatal error" source=- dest=/data/lims/drop peer=172.31.44.9:33001 user="lims_sync"'
)


def test_a_record_quoted_inside_a_json_string_keeps_its_escaped_quoted_values():
    """``errstr=\\"UDP session initiation fatal error\\"`` (an alert's "Last matching line" inside a JSON string):
    the value runs to the escaped closing quote (it had been read as ``\\"UDP`` and the run as UDP blocked, high)."""
    assert field_raw(_LOGGED.replace('"', '\\"').encode(), b" errstr=") == b"UDP session initiation fatal error"
    alert = {
        "status": "firing",
        "alerts": [
            {
                "labels": {"alertname": "AsperaSessionFailed", "errcode": "44"},
                "annotations": {
                    "summary": "ascp session failed on hsts-2 (errcode 44)",
                    "description": "Last matching line: Nov 18 03:12:41 hsts-2 ascp[550981]: " + _LOGGED,
                },
            }
        ],
    }
    assert causes(json.dumps(alert, indent=2)) == [("session-start", "low")]


def test_a_release_note_saying_auth_failures_are_never_retried_is_no_run():
    """ "Authentication failures are never retried" in a wrapper's release notes, beside "recognises the final ascp
    status line": a statement of policy, no run (it had read as a told authentication failure, medium)."""
    text = (
        "# seqshuttle 2.4.0 - release notes\n\n"
        "- **Error classification.** `seqshuttle pull` now recognises the final ascp status line and\n"
        "  writes a machine-readable `outcome` into `transfer.jsonl`. Recognised lines include:\n"
        "  - `Session Stop  (Error: failed to authenticate)` → `outcome=auth`\n"
        "  - `ascp: Cannot resolve target host., exiting.` → `outcome=dns`\n"
        "- **Retry policy.** Only `udp_blocked` and `stall` are retried.\n"
        "  Authentication failures are never retried; on ENA repeated failures can get the address throttled.\n"
    )
    assert cause_ids(text) == []


def test_an_issue_template_s_two_example_blocks_are_no_runs():
    """An issue template's "For example these are the kinds of lines we need (examples only, do not copy):" and two
    blocks under it: both samples (they had read as two runs, one of them high)."""
    text = (
        "**Last lines of output** - please paste the lines starting with ascp: and Session Stop.\n"
        "For example these are the kinds of lines we need (examples only, do not copy):\n\n"
        "```\nascp: failed to authenticate, exiting.\nSession Stop  (Error: failed to authenticate)\n```\n"
        "```\nCompleted: 0K bytes transferred in 0 seconds\n"
        "Session Stop  (Error: Server aborted session: No such file or directory)\n```\n\n"
        "**`ascp -A` output:**\n"
    )
    assert cause_ids(text) == []


def test_a_dutch_newsletter_s_you_will_see_samples_are_no_runs():
    """A Dutch newsletter's "daar ziet u" and "u krijgt dan" over ascp's words: samples (they had read as UDP blocked
    and authentication failed, high and medium)."""
    text = (
        "1. NIEUWE DATATRANSFER-NODE\n---------------------------\n"
        "UDP-poort 33001 is uitgaand open, in tegenstelling tot de loginnodes. Start Aspera-transfers\n"
        "dus niet meer op de loginnodes: daar ziet u\n\n"
        "    Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))\n\n"
        "en dat is geen storing maar beleid.\n\n"
        "2. ASPERA EN DE DSA-SLEUTEL\n---------------------------\n"
        "ENA accepteert die sleutel niet meer; u krijgt dan\n\n"
        "    ascp: failed to authenticate, exiting.\n\n"
        "Gebruik de RSA-sleutel aspera_bypass_rsa.pem.\n"
    )
    assert cause_ids(text) == []


def test_a_logger_s_numbered_attempt_under_timeout_is_a_run_killed_at_its_limit():
    """``INFO  attempt 1: timeout 900 ascp ...`` then ``attempt 1 failed (rc=124): network error``, under a title
    "# fetch_refs.py -- output of the nightly sync": the first attempt killed at its limit, the second complete (the
    title had made the input a source file, no run at all)."""
    command = (
        "timeout 900 ascp -QT -l 100m -P 33001 -k1 -i /etc/refsync/id_rsa "
        "refsync@mirror.refdata.example.org:/refs/GRCh38.tar /srv/refs/"
    )
    text = (
        "# fetch_refs.py -- output of the nightly reference sync on ops-bastion (pasted by @nadia into #infra)\n"
        "2024-11-19 01:00:00,004 INFO  sync start: 1 object(s), retries=2, per-attempt limit=900s\n"
        f"2024-11-19 01:00:00,005 INFO  attempt 1: {command}\n"
        "GRCh38.tar                                    54%  6.1GB 94.8Mb/s    07:04 ETA\n"
        "GRCh38.tar                                    85%  9.6GB 95.1Mb/s    02:06 ETA\n"
        "2024-11-19 01:15:00,021 WARNING attempt 1 failed (rc=124): network error, retrying in 60s\n"
        f"2024-11-19 01:16:00,082 INFO  attempt 2: {command}\n"
        "GRCh38.tar                                   100%  11GB  93.6Mb/s    02:07\n"
        "Completed: 1746944K bytes transferred in 128 seconds\n"
        " (109184K bits/sec), in 1 file.\n"
        "2024-11-19 01:18:09,310 INFO  attempt 2 ok\n"
    )
    assert cause_ids(text) == ["cancelled", "ok"]


def test_a_source_file_s_title_line_still_makes_a_document():
    """Guard: "# fetch.py -- wrapper around ascp" over code is a source file's first line (no run)."""
    text = (
        "# fetch.py -- wrapper around ascp for the nightly sync\n"
        "import subprocess\n"
        'ERRORS = {"ascp: failed to authenticate, exiting.": "auth"}\n'
    )
    assert cause_ids(text) == []


def test_a_node_service_s_pino_log_of_a_failed_transfer_event_names_its_error():
    """pino JSON lines whose "FAILED" event carries ``"error": {"code": 0, "message": "Cannot resolve target
    host."}``: the transfer's error (it had read as no run)."""
    lines = [
        {"level": 30, "time": "2026-03-09T07:15:02.118Z", "msg": "startTransfer", "remote_host": "a.exmaple.com"},
        {"level": 30, "time": "2026-03-09T07:15:02.905Z", "msg": "transfer event", "status": "RUNNING"},
        {
            "level": 50,
            "time": "2026-03-09T07:15:03.412Z",
            "msg": "transfer event",
            "status": "FAILED",
            "error": {"code": 0, "message": "Cannot resolve target host."},
        },
        {"level": 40, "time": "2026-03-09T07:15:03.413Z", "msg": "not retrying: non-retryable error"},
    ]
    assert cause_ids("".join(json.dumps(line) + "\n" for line in lines)) == ["dns"]


_SYSLOG = (
    "Mar 18 21:00:04 hsts-prg-01 sshd[71204]: Accepted password for xfer_filmlab from 198.51.100.61 port 44120 ssh2\n"
    "Mar 18 21:00:05 hsts-prg-01 ascp[71210]: LOG FASP Session Start uuid=3f9a2b6c-0d4e-4a81-b7c3-e5f1d2a0c968 "
    "op=recv status=started source=- dest=/vault/filmlab local=10.5.0.21:33001 peer=198.51.100.61:44131 "
    "tcp_port=33001\n"
    "Mar 18 21:00:05 hsts-prg-01 ascp[71210]: ERR Management authorization refused: Server requires stronger "
    "content protection passphrase\n"
    "Mar 18 21:00:05 hsts-prg-01 ascp[71210]: LOG FASP Session Stop uuid=3f9a2b6c-0d4e-4a81-b7c3-e5f1d2a0c968 "
    'op=recv status=failed errcode=34 errstr="Unauthorized" source=- dest=/vault/filmlab\n'
)


def test_an_asciidoc_incident_report_s_timeline_is_the_server_s_log():
    """An AsciiDoc page titled "Incident INC-2025-0318: ..." with its attributes, its timeline a ``[source,text]``
    block of the server's syslog: the incident's run (the page had read as a document, no run)."""
    text = (
        "= Incident INC-2025-0318: odmítnuté uploady od partnera Filmlab\n:author: Tomáš Novák\n:toc:\n\n"
        "== Časová osa (UTC, z /var/log/messages na hsts-prg-01)\n\n[source,text]\n----\n" + _SYSLOG + "----\n"
    )
    assert cause_ids(text) == ["content-protection"]


def test_an_asciidoc_guide_s_sample_log_is_still_no_run():
    """Guard: an AsciiDoc guide (title, attributes) showing the same log lines: the page's sample."""
    text = (
        "= Aspera troubleshooting guide\n:author: Ops\n:toc:\n\n== Content protection\n\n[source,text]\n----\n"
        + _SYSLOG
        + "----\n"
    )
    assert cause_ids(text) == []


def _event(stamp: str, payload: str) -> str:
    return (
        "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='OpenSSH'/>"
        f"<EventID>4</EventID><TimeCreated SystemTime='{stamp}'/><Execution ProcessID='6120' ThreadID='7740'/>"
        "<Computer>MEDIA-WIN-HSTS03</Computer></System><EventData><Data Name='process'>sshd</Data>"
        f"<Data Name='payload'>{payload}</Data></EventData></Event>\n"
    )


def test_wevtutil_s_single_quoted_events_and_the_log_appended_in_a_comment_are_read():
    """``wevtutil qe ... /f:xml`` (attributes in single quotes) of OpenSSH's events, then the server's transfer log
    appended in a comment after them: the log's sessions (the export had read as no run at all)."""
    text = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<!-- wevtutil qe OpenSSH/Operational /f:xml -->\n<Events>\n'
        + _event("2025-07-15T13:12:40.5513287Z", "Accepted password for xfer_mac from 203.0.113.201 port 62114 ssh2")
        + _event("2025-07-15T13:12:43.0032119Z", "Received disconnect from 203.0.113.201 port 62114:11: bye")
        + "</Events>\n<!--\n"
        "2025-07-15 15:12:41.208 [1b9c-00002a10] LOG FASP Session Start uuid=5e1d8c30-a7f2-4b69-8d03-e2c4b1f07a96 "
        "op=recv status=started source=- dest=D:/Ingest/mac local=10.44.2.30:33001 peer=203.0.113.201:62120 "
        "tcp_port=22\n"
        '2025-07-15 15:12:42.917 [1b9c-00002a10] ERR Failed to create "D:/Ingest/mac/Promo: Final?.mov"\n'
        "2025-07-15 15:12:42.918 [1b9c-00002a10] LOG FASP Session Stop uuid=5e1d8c30-a7f2-4b69-8d03-e2c4b1f07a96 "
        'op=recv status=failed errcode=56 errstr="Path being written to Windows file system contains illegal '
        'characters" source=- dest=D:/Ingest/mac files=0 size=0\n-->\n'
    )
    assert cause_ids(text) == ["path-name"]


def test_a_plane_issue_export_s_description_is_read_as_the_reporter_s_paste():
    """Plane's issue JSON ("name", "description_stripped", comments' "comment_stripped" and "actor"): the run its
    reporter pasted (it had read as no run)."""
    issue = {
        "id": "b1f0c7a2",
        "name": "ENA download script fails on new workstation",
        "description_stripped": "Output below.\n\n$ ascp -T -l 300m -P 33001 -i key.pem "
        "era-fasp@fasp.sra.ebi.ac.k:vol1/x.fastq.gz .\nascp: Cannot resolve target host., exiting.\n$ echo $?\n1\n",
        "comments": [{"actor": "t.nguyen", "comment_stripped": "Look at the host name: the 'u' of .uk is missing."}],
    }
    assert cause_ids(json.dumps(issue, indent=2)) == ["dns"]


def test_minutes_noting_their_table_holds_ibm_s_examples_keep_the_run_they_paste():
    """Minutes whose first item notes a table of "ejemplos de la documentación de IBM, no de nuestros equipos" with
    its messages inline, then the job's output pasted: that run (the note had made the whole input "not run")."""
    text = (
        "## 1. Seguimiento de acciones\n\n"
        "- S. Okafor: documentar en la wiki el significado de los errores de Aspera más frecuentes.\n"
        "  Borrador listo; falta revisar la tabla (ver anexo, son ejemplos de la documentación de IBM,\n"
        "  no de nuestros equipos): `failed to authenticate`, `Client unable to connect to server (check UDP port "
        "and firewall)`,\n  `Server aborted session: No such file or directory`.\n\n"
        "## 2. Incidencia de la subida nocturna\n\n"
        "M. Ruiz explica que la subida terminó con error. Pega en el acta la salida final del job:\n\n"
        "```\nrun_1113_L008_R2.fastq.gz                       100%   47GB  412Mb/s    16:21\n"
        "Partial Completion: 1734082816K bytes transferred in 5031 seconds\n"
        " (2758371K bits/sec), in 38 files, 2 directories; 3 files failed.\n\n"
        "Session Stop  (Error: Disk write failed (server))\n```\n"
    )
    assert cause_ids(text) == ["disk"]


def test_a_newsletter_saying_its_messages_are_examples_still_has_no_run():
    """Guard: "(As mensagens acima são exemplos ...; não são de nenhum job específico.)" under samples: no run."""
    text = (
        "Vários usuários nos procuraram com o erro\n\n       ascp: failed to authenticate, exiting.\n\n"
        "ao baixar dados públicos do ENA.\n\n"
        "(As mensagens acima são exemplos para facilitar a busca no seu e-mail; não são\nde nenhum job específico.)\n"
    )
    assert cause_ids(text) == []


_LEEF = (
    "<134>Jun 03 {t} hsts-fra-02 LEEF:1.0|IBM|Aspera HSTS|4.4.4|{p}|devTime=Jun 03 2025 {t}\tsrc=192.0.2.71\tmsg={m}"
)


def test_qradar_leef_records_are_read_as_the_server_s_syslog():
    """QRadar's export of LEEF records (``LEEF:1.0|IBM|Aspera HSTS|4.4.4|ascp|...\\tmsg=LOG FASP ...``): each record
    its program's syslog line, so each session is read (three sessions had read as one, low)."""
    uuid_ok, uuid_udp = "c2a8f1e4-0b9d-4d2e-9a55-31f0e2b7c410", "aa04b7c2-9e31-4f0a-8c6d-5e2f1b3c7d90"
    records = [
        ("09:04:12", "ascp", f"LOG FASP Session Start uuid={uuid_ok} op=recv status=started peer=192.0.2.71:53311"),
        ("09:15:02", "ascp", f"LOG FASP Session Stop uuid={uuid_ok} op=recv status=success files=1 size=38654705664"),
        ("09:38:05", "sshd", "Accepted password for xfer_dub from 198.51.100.88 port 49812 ssh2"),
        ("09:38:06", "ascp", f"LOG FASP Session Start uuid={uuid_udp} op=recv status=started peer=198.51.100.88:33001"),
        (
            "09:38:26",
            "ascp",
            f"LOG FASP Session Stop uuid={uuid_udp} op=recv status=failed errcode=15 "
            'errstr="Timeout establishing UDP connection (check UDP port and firewall)"',
        ),
    ]
    text = "".join(_LEEF.format(t=t, p=p, m=m) + "\n" for t, p, m in records)
    converted = siem_records_as_lines(text.encode()).decode()  # type: ignore[union-attr]
    assert "Jun 03 09:38:05 hsts-fra-02 sshd[0]: Accepted password" in converted
    assert cause_ids(text) == ["ok", "udp"]


def test_a_cloud_logging_export_s_log_entries_are_read_as_syslog():
    """Google Cloud Logging's LogEntry list (``jsonPayload`` with message, ident, pid, hostname; ``timestamp``): each
    entry a line of the server's syslog (nested payloads had made the export unread but for one stall, low)."""

    def entry(stamp: str, ident: str, pid: str, message: str) -> dict[str, object]:
        return {
            "insertId": stamp,
            "jsonPayload": {"message": message, "ident": ident, "pid": pid, "hostname": "hsts-use1-a"},
            "resource": {"type": "gce_instance", "labels": {"zone": "us-east1-b"}},
            "timestamp": stamp,
            "logName": "projects/p/logs/syslog",
        }

    uuid = "4b0e6c2d-93f1-4a7e-b5d8-e1c0a9f27d36"
    entries = [
        entry(
            "2025-09-22T14:03:11.204817Z",
            "sshd",
            "118203",
            "Failed publickey for xfer_vendor from 34.118.20.6 "
            "port 40228 ssh2: RSA SHA256:fH2pQ0t4mB7zL1cV9xN3eR8kW6yU5sA2dJ4gT0hO1iE",
        ),
        entry(
            "2025-09-22T14:03:11.389114Z",
            "sshd",
            "118203",
            "Connection closed by authenticating user xfer_vendor 34.118.20.6 port 40228 [preauth]",
        ),
        entry(
            "2025-09-22T14:22:05.771320Z",
            "sshd",
            "119874",
            "Accepted publickey for xfer_vendor from 34.118.20.6 "
            "port 40992 ssh2: ED25519 SHA256:Zr5kLw0Yb2nQ7cT1xV8mA3pS6dF9gH4jK2lE0uI7oR8",
        ),
        entry(
            "2025-09-22T14:22:06.014552Z",
            "ascp",
            "119880",
            f"LOG FASP Session Start uuid={uuid} op=recv "
            "status=started source=- dest=/mnt/ingest local=10.142.0.7:33001 peer=34.118.20.6:33001 tcp_port=22",
        ),
        entry(
            "2025-09-22T14:40:06.014552Z",
            "ascp",
            "119880",
            f"LOG FASP Session Stop uuid={uuid} op=recv status=success source=- dest=/mnt/ingest files=1 size=1000000",
        ),
    ]
    assert cause_ids(json.dumps(entries, indent=2)) == ["auth", "ok"]


def test_a_forum_title_quoting_ascp_s_words_in_low_quotes_is_no_second_run():
    """A Romanian forum's title „ascp: Cannot resolve target host” over the post's run that printed it: one run (the
    title had read as a run of its own, high)."""
    text = (
        "Forum: biostar.ro  »  Secvențiere & NGS  »  „ascp: Cannot resolve target host” la descărcare din DDBJ\n\n"
        "Postat de: andrei_c  (azi, 11:48)\n\n"
        "[andrei@genomica ~]$ ascp -i ~/.aspera/connect/etc/asperaweb_id_dsa.openssh -QT -l 100m -P 33001 "
        "anonftp@ascp.ddbj.nig.ac.jp:/ddbj_database/dra/fastq/DRA008/DRR171466_1.fastq.bz2 .\n"
        "ascp: Cannot resolve target host., exiting.\n\n"
        "Am greșit ceva în comandă sau serverul lor e picat?\n"
    )
    assert cause_ids(text) == ["dns"]


def test_a_rerun_told_to_work_in_swedish_or_polish_is_a_run():
    """A chat's "japp nytt token och det går nu" (Swedish) or "bez VPN-a z domu poszło od razu" (Polish) after a
    failed run: the rerun that worked, told (it had not been counted)."""
    failed = (
        "$ ascp -P 33001 -T -l 500m --user=xfer --host=dl.vendor.example.com /p/delivery_2/ ./d2/\n\n"
        "Session Stop  (Error: Server aborted session: Management authorization refused: token denied by server)\n"
    )
    assert cause_ids(failed + "[09:41] linnea.h: japp nytt token och det går nu, 340 GB kvar, tack\n") == [
        "unauthorized",
        "ok",
    ]
    assert cause_ids(failed + "racja, bez VPN-a z domu poszło od razu, dzięki\n") == ["unauthorized", "ok"]


def test_a_rerun_asked_about_in_german_is_no_run():
    """Guard: "geht es jetzt?" (does it work now?) asks; no rerun is told."""
    failed = (
        "$ ascp -P 33001 -T --user=xfer --host=dl.vendor.example.com /p/ ./d/\n\n"
        "Session Stop  (Error: Server aborted session: Management authorization refused: token denied by server)\n"
    )
    assert cause_ids(failed + "Neues Token erzeugt, geht es jetzt?\n") == ["unauthorized"]


def test_a_message_the_person_saw_in_the_documentation_is_no_run():
    """A mail's "Dans votre documentation j'ai vu aussi « Error: failed to authenticate »" beside the run it pasted:
    what they read, no run (it had read as a second run, authentication failed)."""
    text = (
        "> $ ./envoi_rushes.sh J12\n"
        "> [envoi] ascp -c aes128 -l 900m -P 33001 -k1 --mode=send --user=prod-doc --host=ingest.example.fr /J12 /r/\n"
        "> Completed: 0K bytes transferred in 1 seconds\n>  (0K bits/sec), in 0 files.\n"
        "> Session Stop  (Error: Server aborted session: Client requests stronger encryption than server allows)\n"
        "> [envoi] ERREUR : échec (code 1)\n>\n"
        "> Dans votre documentation j'ai vu aussi « Error: failed to authenticate »\n"
        "> comme cas fréquent, est-ce que c'est lié ?\n"
    )
    assert cause_ids(text) == ["stronger-encryption"]


def test_pdsh_s_node_prefixed_syslog_is_read_with_its_stamps_and_in_start_order():
    """pdsh's output of three nodes' syslog (``hsts-node2: 2025-12-02T09:14:27... hsts-node2 ascp[...]: ...``),
    node 2 first: each session with its time, listed as they started (they had no time and kept pdsh's order)."""
    text = (
        '[ops@jump01 ~]$ pdsh -w hsts-node[1-3] \'sudo grep -h "ascp\\[" /var/log/messages | grep -E "Sess'
        "ion (Start|Stop)|ERR\" | grep 2025-12-02' 2>&1\n"
        "hsts-node2: 2025-12-02T09:14:27.448102+00:00 hsts-node2 ascp[1928811]: LOG FASP Session Start u"
        "uid=71c0b3e8-2f9d-4a6e-8d17-c4b5a0e29f36 op=send status=started source=/deliveries/acme/2025-12"
        "-01/manifest_v2.json dest=/in source_prefix=- local=10.60.0.12:33001 peer=198.51.100.12:40012 t"
        "cp_port=33001\n"
        'hsts-node2: 2025-12-02T09:14:27.452330+00:00 hsts-node2 ascp[1928811]: ERR Source file "/delive'
        'ries/acme/2025-12-01/manifest_v2.json": No such file or directory\n'
        "hsts-node2: 2025-12-02T09:14:27.452871+00:00 hsts-node2 ascp[1928811]: LOG FASP Session Stop uu"
        'id=71c0b3e8-2f9d-4a6e-8d17-c4b5a0e29f36 op=send status=failed errcode=4 errstr="No such file or'
        ' directory" source=/deliveries/acme/2025-12-01/manifest_v2.json\n'
        "hsts-node1: 2025-12-02T08:02:10.118774+00:00 hsts-node1 ascp[774120]: LOG FASP Session Start uu"
        "id=0a5e2d7b-94c1-4f38-b6e0-3d8f1c7a2b59 op=send status=started source=/deliveries/acme/2025-12-"
        "01/ dest=/in source_prefix=- local=10.60.0.11:33001 peer=198.51.100.12:39870 tcp_port=33001\n"
        "hsts-node1: 2025-12-02T08:29:55.601201+00:00 hsts-node1 ascp[774120]: LOG FASP Session Stop uui"
        "d=0a5e2d7b-94c1-4f38-b6e0-3d8f1c7a2b59 op=send status=success source=/deliveries/acme/2025-12-0"
        "1/ dest=/in files=57 size=301998301184\n"
    )
    assert cause_ids(text) == ["ok", "no-such-file"]


def test_a_transfer_sdk_client_s_error_level_transfer_info_names_its_error():
    """A Python client's ``ERROR transferInfo: {'bytes_transferred': ..., 'error_code': 40, 'error_desc': 'Session
    data transfer timeout'}`` after ``status=FAILED``: the transfer stalled (it had read as "cannot tell")."""
    text = (
        "$ python -m pipelines.push_to_partner --manifest manifests/batch_0219.json --target-rate 2500m\n"
        "2026-02-19 06:02:11,611 INFO  start_transfer id=5d7a2c0e direction=send remote_host=ingest.partner.org\n"
        "2026-02-19 06:04:12,690 INFO  transfer 5d7a2c0e progress bytes=21474836480 files_completed=3\n"
        "2026-02-19 06:11:02,377 INFO  transfer 5d7a2c0e status=FAILED\n"
        "2026-02-19 06:11:02,378 ERROR transferInfo: {'bytes_transferred': 30064771072, 'files_completed': 4, "
        "'error_code': 40, 'error_desc': 'Session data transfer timeout'}\n"
        "ERROR: Job failed: command terminated with exit code 1\n"
    )
    assert cause_ids(text) == ["stall"]
