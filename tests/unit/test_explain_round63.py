"""Blind round 63's misses (tests/data/explain/blind/round63-*), each in its smallest form: documents that quote
ascp's words (a changelog, alert rules in YAML, a translated error table, a Dockerfile's comments, a pull request's
list of patterns, awk code, a cheat sheet of made-up examples) are no runs; a person's report quoting the words
inline still is one."""

from __future__ import annotations

from tests.unit.test_explain_evidence import explain_text
from tests.unit.test_explain_round58 import causes


def test_a_changelog_quoting_ascps_words_is_no_run():
    """Keep a Changelog's headings, bullets quoting ascp's words inline in sentences (seven runs, five of them at
    medium or high confidence, before)."""
    text = (
        "# Changelog\n\n## [0.9.2] - 2024-11-18\n\n### Fixed\n"
        "- Downloads of runs that ENA moved were retried forever.\n  ascp answers these with\n"
        "  `Session Stop  (Error: Server aborted session: No such file or directory)`; we now treat that as\n"
        "  permanent.\n"
        "- A missing host name produced\n  `ascp: Cannot resolve target host., exiting.` five times in a row.\n"
        '- The "ascp not found" hint printed the wrong conda channel.\n\n## [0.9.0] - 2024-06-12\n\n### Known issues\n'
        "- Uploads with the Aspera client shipped by some HPC modules fail with\n"
        "  `Session Stop  (Error: Failure processing peer license: Deprecated peer license)`. Ask your HPC team.\n"
    )
    assert explain_text(text) == []


def test_a_persons_report_quoting_the_words_inline_is_still_a_run():
    text = (
        "ascp didn't work, received `Session Stop  (Error: Client unable to connect to server (check UDP port and "
        "firewall))`\n"
    )
    assert [c for c, _ in causes(text)] == ["udp"]
    assert [c for c, _ in causes("`ascp: failed to authenticate, exiting.`\n")] == ["auth"]


def test_alert_rules_in_yaml_quoting_ascps_words_are_no_run():
    text = (
        "groups:\n  - name: aspera-transfers\n    rules:\n      - alert: AsperaAuthFailuresHigh\n"
        '        expr: |\n          count_over_time({app="ascp"} |= "errcode=19" [10m]) > 5\n'
        "        annotations:\n          description: |\n            Client side this shows as:\n"
        "              ascp: failed to authenticate, exiting.\n"
        "              Session Stop  (Error: failed to authenticate)\n"
        "            Check for a partner rotating keys.\n      - alert: AsperaDiskWriteFailed\n"
        '          description: "Session Stop  (Error: Disk write failed (server)) seen. Check /ingest quota."\n'
    )
    assert explain_text(text) == []


def test_a_translated_table_of_messages_is_documentation():
    """A Japanese team page: the table's header names the translation and the usual cause (訳, よくある原因)."""
    text = (
        "## 1. 画面に出るメッセージ\n\n| 表示（原文） | 訳 | よくある原因 |\n|---|---|---|\n"
        "| `ascp: failed to authenticate, exiting.` | 認証に失敗しました | 鍵ファイルの誤り |\n"
        "| `ascp: Failed to open TCP connection for SSH, exiting.` | TCP 接続を開けませんでした | `-P 33001` |\n"
    )
    assert explain_text(text) == []


def test_a_dockerfile_between_file_banners_is_no_run():
    """A review comment pasting ``--- docker/fetch.Dockerfile ---`` whose comments list the failures a smoke test
    should surface (udp, high, before)."""
    text = (
        "Files for reference:\n\n--- docker/fetch.Dockerfile -------------------------------------------\n"
        "FROM ubuntu:22.04\n"
        '#   "ascp: failed to authenticate, exiting."           -> wrong key\n'
        '#   "Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))"\n'
        "#                                                        -> runner egress blocks UDP 33001\n"
        'ENTRYPOINT ["/usr/local/bin/fetch.sh"]\n\n'
        "--- .github/workflows/ci.yml (excerpt) ------------------------------------\n"
        "  fetch-smoke-test:\n    if: github.event_name == 'schedule'\n"
    )
    assert explain_text(text) == []


def test_a_list_of_patterns_after_a_sentence_with_inline_code_is_no_run():
    """A pull request: "`fetchlib/ascp.py`: new `is_permanent(...)`; currently matches" and code-only items
    (permission and usage runs, high, before): no confident run of their own (a person's quote beside the runs
    stays low); its manual test's real output is still read."""
    text = (
        "### Changes\n- `fetchlib/ascp.py`: new `is_permanent(stdout, stderr)`; currently matches\n"
        "  - `Server aborted session: No such file or directory`\n"
        "  - `Server aborted session: Read access denied for user`\n  - `Source file list not specified`\n\n"
        "### Manual testing\n\n```\n$ python -m fetchlib get ERR031940 --method ascp -o /scratch/tt/\n"
        "2024-10-21 10:02:14,918 WARNING attempt 1/3 failed: Session Stop  (Error: Server aborted session: No such "
        "file or directory)\n```\n"
    )
    read = causes(text)
    assert [c for c, conf in read if conf != "low"] == ["no-such-file"]


def test_awk_code_matching_ascps_words_is_no_run():
    text = (
        "#!/bin/sh\nawk '{\n  while ((getline < Log) > 0) {\n"
        '    if ($0 ~ "Server aborted session: No such file or directory") x++\n'
        '    if ($0 ~ "Completed: 0K bytes transferred") x++\n  }\n}\'\n'
    )
    assert explain_text(text) == []


def test_a_cheat_sheets_made_up_examples_are_no_run():
    text = (
        "All of these assume the client log dir. Examples below are made up / trimmed, not from a real incident.\n\n"
        "typical lines it catches:\n```\nascp: failed to authenticate, exiting.\n"
        "Session Stop  (Error: Client unable to connect to server (check UDP port and firewall))\n```\n"
    )
    assert explain_text(text) == []


def _splunk(stamp: str, iso: str, record: str) -> str:
    import json

    raw = f"{stamp} hsts-la01 ascp[31880]: LOG FASP {record}"
    return json.dumps({"preview": False, "result": {"_raw": raw, "_time": iso}}) + "\n"


_U1 = "5c6a85e6-a385-4412-ae70-6b226d8b66a2"
_U2 = "c06bffdf-5464-435f-9fbc-b2ff5766faca"


def test_a_splunk_export_listed_newest_first_is_read_oldest_first():
    """Splunk's raw export, one JSON object per record, newest first: a session's Stop comes before its Start (the
    success read as two unknown runs, low, before)."""
    text = (
        'index=aspera host=hsts-la01 "FASP Session" earliest=@d\n\n'
        + _splunk(
            "Dec 31 16:08:47",
            "2020-12-31T16:08:47.000-08:00",
            f'Session Start uuid={_U2} op=recv status=failed errcode=30 errstr="License expired"',
        )
        + _splunk(
            "Dec 31 15:41:09",
            "2020-12-31T15:41:09.000-08:00",
            f"Session Stop uuid={_U1} op=send status=success source=/a.mp4 (1) dest=/d peer=198.51.100.33:40512",
        )
        + _splunk(
            "Dec 31 15:41:02",
            "2020-12-31T15:41:02.000-08:00",
            f"Session Start uuid={_U1} op=send status=started source=/a.mp4 dest=/d peer=198.51.100.33:40512",
        )
        + "\nThe one from earlier went through fine.\n"
    )
    assert [c for c, _ in causes(text)] == ["ok", "licence"]


def test_an_elasticsearch_responses_hits_are_read_as_their_log_lines():
    import json

    def hit(stamp: str, record: str) -> dict[str, object]:
        return {"_source": {"@timestamp": stamp, "message": f"Apr 16 09:12:04 fx ascp[18822]: LOG FASP {record}"}}

    response = {
        "took": 14,
        "hits": {
            "hits": [
                hit("2024-04-16T09:12:04.000Z", f"Session Start uuid={_U1} op=recv status=started source=a dest=b"),
                hit("2024-04-16T09:14:04.000Z", f"Session Stop uuid={_U1} op=recv status=success source=a dest=b"),
            ]
        },
    }
    assert [c for c, _ in causes("Kibana, oldest first:\n\n" + json.dumps(response, indent=1) + "\n")] == ["ok"]


def test_a_node_api_transfer_cancelled_by_its_operator_is_a_cancelled_run():
    import json

    transfers = [
        {"id": "b", "status": "completed", "start_spec": {"remote_host": "h"}, "start_time_usec": 1709629320000000},
        {"id": "a", "status": "canceled", "start_spec": {"remote_host": "h"}, "start_time_usec": 1709628300000000},
    ]
    assert [c for c, _ in causes("$ curl .../ops/transfers | jq .\n" + json.dumps(transfers, indent=2))] == [
        "cancelled",
        "ok",
    ]


def test_lokis_logcli_output_is_read_as_the_syslog_lines_it_holds():
    """``logcli query ... --forward``: each line behind its stamp and its stream's labels (the server's sessions
    not read at all before)."""
    labels = '{filename="/var/log/aspera.log", host="hsts-eu1", job="aspera"}'
    start = f"LOG FASP Session Start uuid={_U1} op=send status=started source=/a.tar dest=/in peer=192.0.2.99:44102"
    stop = f"LOG FASP Session Stop uuid={_U1} op=send status=success source=/a.tar (1) dest=/in peer=192.0.2.99:44102"
    text = (
        "Our side (Loki):\n\n"
        f"2024-12-03T03:05:12Z {labels} Dec  3 03:05:12 hsts-eu1 ascp[60488]: {start}\n"
        f"2024-12-03T03:06:41Z {labels} Dec  3 03:06:41 hsts-eu1 ascp[60488]: {stop}\n"
    )
    (s,) = explain_text(text)
    assert (s.outcome, s.uuid, s.side) == ("success", _U1, "server")


def test_a_wrappers_ok_with_exit_status_0_between_failures_is_a_completed_run():
    """Cron mails of a push script: "push FAILED rc=127" (ascp not found), "push OK rc=0", then a DNS failure (the
    middle run missing before); after ascp's own "Completed:", the wrapper's "done rc=0" is its echo."""
    text = (
        "[2024-09-03 01:30:01] pushing 14 files\n/usr/local/bin/push_dailies.sh: line 23: ascp: command not found\n"
        "[2024-09-03 01:30:01] push FAILED rc=127\n\n"
        "[2024-09-04 01:36:44] push OK rc=0 (14 files, partner-d confirms via their watch folder)\n\n"
        "[2024-09-10 01:30:01] pushing 11 files\nascp: Cannot resolve target host., exiting.\n"
        "[2024-09-10 01:30:03] push FAILED rc=1\n"
    )
    assert [c for c, _ in causes(text)] == ["ascp-missing", "ok", "dns"]
    echo = (
        "x.gz      100% 1MB 1Mb/s 00:01\nCompleted: 1024K bytes transferred in 1 seconds\n"
        " (8192K bits/sec), in 1 file.\n"
        "[2024-06-10 23:03:35] task 1 done rc=0\n"
    )
    assert [c for c, _ in causes(echo)] == ["ok"]


def test_a_runs_console_words_after_its_own_dash_l_log_lines_are_one_run():
    """Round 64: ``ascp ... -L- ...`` prints its log's ERR lines, then "ascp: failed to authenticate, exiting." and
    its Session Stop: one run (two auth runs before); a second command is a second run."""
    run = (
        "$ ascp -QT -l 300m -P33001 -L- -i key era-fasp@fasp.sra.ebi.ac.uk:vol1/x.gz /data/\n"
        "2024-11-18 09:41:07.412 [2f1c-7f3b2a7fd740] ERR [ascp] SSH authentication failed\n"
        "2024-11-18 09:41:07.412 [2f1c-7f3b2a7fd740] ERR failed to authenticate\n"
        "ascp: failed to authenticate, exiting.\n\nSession Stop  (Error: failed to authenticate)\n"
    )
    assert [c for c, _ in causes(run)] == ["auth"]


def test_a_chinese_tutorials_normal_output_is_a_sample():
    """ "正常的输出长这样：" (the normal output looks like this) before a fenced summary (a completed run, high,
    before)."""
    text = (
        "正常的输出长这样：\n\n```\nSRR292241_1.fastq.gz        100%  369MB  238Mb/s    00:13\n"
        "Completed: 378151K bytes transferred in 13 seconds\n (227709K bits/sec), in 1 file.\n```\n"
    )
    assert explain_text(text) == []


def test_a_tutorials_common_errors_section_is_documentation():
    """ "## 3. 常见报错" (common errors) then numbered items quoting ascp's words, one in a fence (ssh-port, high,
    before)."""
    text = (
        "## 3. 常见报错\n\n1. 报 `ascp: failed to authenticate, exiting.`  \n   说明密钥不对。\n\n2. 报\n   ```\n"
        "   ascp: Failed to open TCP connection for SSH, exiting.\n\n"
        "   Session Stop  (Error: Failed to open TCP connection for SSH)\n   ```\n   一般是忘了加 `-P33001`。\n"
    )
    assert explain_text(text) == []
