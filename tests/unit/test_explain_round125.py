"""explain: what blind round 125 found (each test but the guards failed on the code before its fix)."""

from __future__ import annotations

from pathlib import Path

from tests.unit.test_explain_round58 import cause_ids

_ENA = "era-fasp@fasp.sra.ebi.ac.uk:vol1/fastq/ERR324/001/ERR3242001/ERR3242001_1.fastq.gz"


def test_an_elastalert_rules_file_with_top_level_lists_is_a_document():
    """ElastAlert's rules (YAML documents whose lists sit at the left edge: "filter:" / "- query:"), their example
    lines quoting ascp: a document (it had read as two runs, medium)."""
    text = (
        "# ElastAlert 2 rules for the DTN cluster\n# nothing in this file runs ascp.\n---\n"
        "name: ascp-auth-failures-burst\ntype: frequency\nindex: filebeat-syslog-*\nnum_events: 5\n"
        "timeframe:\n  minutes: 10\nfilter:\n- query:\n    query_string:\n"
        "      query: 'process.name:ascp AND message:\"ERR failed to authenticate\"'\n"
        'alert:\n- "slack"\nalert_text: |\n  5+ "failed to authenticate" in 10 min on {0}.\n'
        "  Example line we match:\n    Oct 10 13:21:05 dtn02 ascp[21736]: ERR failed to authenticate\n"
    )
    assert cause_ids(text) == []


def test_a_help_desk_s_suggested_article_listing_codes_is_no_run():
    """'KB0112 "ascp error codes explained" - e.g. 19 failed to authenticate, 51 ...' under a ticket's run: an
    example, no second run (it had read as authentication failed, medium)."""
    text = (
        "svc@dtn2:~$ ascp -P 33001 -l 800m -i ~/.ssh/id_partner /data/out imgpush@aspera.partner.example:/in/\n"
        "ascp: Remote host is not who we expected, exiting.\n\n"
        "Session Stop  (Error: Remote host is not who we expected)\n\n"
        " Knowledge base suggestions (auto):\n"
        '  • KB0112 "ascp error codes explained"  — e.g. 19 failed to authenticate, 51 Remote-host key check failure\n'
    )
    assert cause_ids(text) == ["host-key"]


def test_nextflow_s_task_state_line_and_its_error_report_are_one_run():
    """Nextflow's log: "Task completed > TaskHandler[...; exit: 127; ...]" then the error report with the command and
    "Command error: .command.sh: line 2: ascp: command not found": one run (it had read as two; the kept set's
    input, whole)."""
    kept = Path(__file__).parent.parent / "data/explain/blind/round125-ordinary/02-nextflow-custom-ena-ascp-127.log"
    assert cause_ids(kept.read_text(encoding="utf-8")) == ["ascp-missing"]


def test_systemd_s_runtime_limit_is_a_cancel():
    """systemd's "Service reached runtime time limit. Stopping." under ascli's steady bar: cancelled at the time
    limit (it had read as "cannot tell")."""
    text = (
        '$ journalctl -u run-media-sync.service --since "2026-03-08 01:00" --no-pager\n'
        "Mar 08 01:00:00 edge-ingest-03 systemd[1]: Started run-media-sync.service - /usr/local/bin/ascli server "
        "download /exports/weekly --to-folder=/srv/weekly.\n"
        "Mar 08 01:14:03 edge-ingest-03 ascli[201844]: Time: 00:14:00 ==========------------  31% 842 Mbps  ETA: "
        "00:31:02\n"
        "Mar 08 01:29:03 edge-ingest-03 ascli[201844]: Time: 00:29:00 ====================----  64% 839 Mbps  ETA: "
        "00:16:20\n"
        "Mar 08 01:30:00 edge-ingest-03 systemd[1]: run-media-sync.service: Service reached runtime time limit. "
        "Stopping.\n"
        "Mar 08 01:30:00 edge-ingest-03 systemd[1]: run-media-sync.service: Failed with result 'timeout'.\n"
    )
    assert cause_ids(text) == ["cancelled"]


def test_hyperqueue_s_task_log_prefixes_are_taken_off():
    """``hq log ... show`` ("0:0> + ascp ...", "0:2> Usage: ascp ..."): the task's run, a usage error (it had read
    as "cannot tell")."""
    text = (
        "$ hq log ena-fetch.hqlog show\n0:0> + KEY=\n"
        f"0:0> + ascp -QT -l 300m -P33001 -i {_ENA} .\n"
        "0:2> Usage: ascp [OPTION] SRC... DEST\n0:2>           SRC to DEST, or multiple SRC to DEST dir\n"
        "0:2> Display full usage: -h,--help\n0:0> + echo 'ascp failed for ERR3242001'\n"
    )
    assert cause_ids(text) == ["usage"]


def test_logcli_s_bare_messages_are_read_as_the_server_s_sshd():
    """``logcli query`` lines with empty labels ("2026-04-07T07:41:09+02:00 {} userauth_pubkey: ...") under its
    "Common labels: {host=..., unit="sshd.service"}": sshd's refusals (they had read as no run)."""
    text = (
        '$ logcli query --since=6h --forward \'{host="seqgate-2", unit="sshd.service"}\'\n'
        '2026/04/07 11:02:44 Common labels: {host="seqgate-2", job="systemd-journal", unit="sshd.service"}\n'
        '2026-04-07T07:41:09+02:00 {} Connection from 192.0.2.200 port 51422 on 10.12.0.4 port 33001 rdomain ""\n'
        "2026-04-07T07:41:09+02:00 {} userauth_pubkey: key type ssh-dss not in PubkeyAcceptedAlgorithms [preauth]\n"
        "2026-04-07T07:41:09+02:00 {} Connection closed by authenticating user ascpdrop 192.0.2.200 port 51422 "
        "[preauth]\n"
    )
    assert cause_ids(text) == ["auth"]
